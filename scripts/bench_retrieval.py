"""Retrieval benchmark: prints tables, asserts nothing (speed targets live here, not in tests).

1. The five seed directives: build time and query latency p50/p95 for bm25,
   dense (a tiny random BERT built on the fly; real models are not
   downloadable here) and hybrid.
2. Growth: a synthetic corpus of N clauses (default 100,000) made of
   recombined seed sentences: BM25 build time and query latency; FAISS exact
   (IndexFlatIP) vs HNSW at a realistic dimension (1024, the target model's),
   build time, peak memory, search p50/p95 (query encoding excluded) and
   HNSW recall@10 against exact search.

Vectors for the growth part are structured like the text: every distinct seed
sentence gets a random unit vector and a clause vector is the normalised sum
of its sentences' vectors plus noise, so near-duplicate clauses exist as in
real yearly directives.  ``--random-vectors`` uses i.i.d. random vectors
instead (a worst case for HNSW).

Targets: bm25 query p50 <= 5 ms on the seeds; at 100,000 clauses search
p95 <= 50 ms with HNSW recall@10 >= 0.95.

    .venv/bin/python scripts/bench_retrieval.py            # full (~several minutes on 2 cores)
    .venv/bin/python scripts/bench_retrieval.py --quick    # 20,000 clauses, fewer queries
"""

from __future__ import annotations

import argparse
import os
import random
import re
import resource
import statistics
import sys
import tempfile
import time
from pathlib import Path

os.environ.setdefault("HF_HUB_OFFLINE", "1")
os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")

import numpy as np

QUERIES = [
    "Tỷ lệ hộ nghèo năm 2024 của Sơn La là bao nhiêu?",
    "ty le ho ngheo son la 2024",
    "Cơ quan nào theo dõi việc thực hiện Chỉ thị?",
    "Sở Nội vụ có nhiệm vụ gì?",
    "Uỷ ban MTTQ tỉnh phối hợp thế nào?",
    "chỉ tiêu tăng trưởng GRDP",
    "Hội đồng TĐKT tỉnh làm gì",
    "xây dựng nông thôn mới",
    "cai cach hanh chinh chuyen doi so",
    "bảo đảm quốc phòng an ninh, trật tự an toàn xã hội",
    "Tỷ lệ dân số tham gia BHYT",
    "khen thưởng kịp thời các tập thể cá nhân tiêu biểu",
    "phong trào thi đua yêu nước do Thủ tướng phát động",
    "báo cáo kết quả thực hiện trước ngày",
    "thu ngân sách nhà nước trên địa bàn",
    "hoà giải ở cơ sở",
]


def _pct(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, round(q * (len(s) - 1)))]


def _peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024  # Linux: kB


def _rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * os.sysconf("SC_PAGE_SIZE") / 2**20


def _latencies(fn, queries: list, repeat: int) -> list[float]:
    for q in queries[:10]:  # warm-up: first calls pay page faults and thread start-up
        fn(q)
    out = []
    for _ in range(repeat):
        for q in queries:
            t = time.perf_counter()
            fn(q)
            out.append((time.perf_counter() - t) * 1000)
    return out


def _row(name: str, build_s: float | None, lat: list[float] | None, extra: str = "") -> None:
    b = f"{build_s:9.2f}" if build_s is not None else " " * 9
    if lat:
        print(f"  {name:<34}{b}  {_pct(lat, 0.5):9.2f}  {_pct(lat, 0.95):9.2f}  {extra}")
    else:
        print(f"  {name:<34}{b}  {'':9}  {'':9}  {extra}")


def _tiny_model(folder: Path) -> Path:
    """A random 2-layer BERT (hidden 64) with a WordPiece vocabulary trained on the seeds."""
    import torch
    from sentence_transformers import SentenceTransformer
    try:
        from sentence_transformers.sentence_transformer.modules import Pooling, Transformer
    except ImportError:  # sentence-transformers < 6
        from sentence_transformers.models import Pooling, Transformer
    from tokenizers import BertWordPieceTokenizer
    from transformers import BertConfig, BertModel, BertTokenizerFast

    from bot.settings import bundled_corpus_dir

    texts = [p.read_text(encoding="utf-8", errors="replace") for p in sorted(bundled_corpus_dir().glob("*.txt"))]
    wp = BertWordPieceTokenizer(lowercase=False, strip_accents=False)
    wp.train_from_iterator(texts, vocab_size=4000, show_progress=False)
    bert = folder / "bert"
    bert.mkdir(parents=True)
    wp.save_model(str(bert))
    BertTokenizerFast(vocab_file=str(bert / "vocab.txt"), do_lower_case=False, strip_accents=False).save_pretrained(bert)
    torch.manual_seed(0)
    config = BertConfig(vocab_size=wp.get_vocab_size(), hidden_size=64, num_hidden_layers=2, num_attention_heads=2,
                        intermediate_size=128)
    BertModel(config).save_pretrained(bert)
    tr = Transformer(str(bert), max_seq_length=256)
    dim = getattr(tr, "get_embedding_dimension", None) or tr.get_word_embedding_dimension
    out = folder / "st"
    SentenceTransformer(modules=[tr, Pooling(dim(), pooling_mode="mean")], device="cpu").save(str(out))
    return out


def bench_seeds(repeat: int) -> None:
    from bot.settings import bundled_corpus_dir
    from corpus import load_corpus
    from index import open_index

    corpus = load_corpus(bundled_corpus_dir())
    print(f"\n== Seeds: {len(corpus)} directives ==")
    print(f"  {'retriever':<34}{'build s':>9}  {'p50 ms':>9}  {'p95 ms':>9}")
    with tempfile.TemporaryDirectory() as tmp:
        tmp_path = Path(tmp)
        model = str(_tiny_model(tmp_path / "model"))
        t = time.perf_counter()
        bm = open_index(corpus, tmp_path / "bm25", embedding_model=model, retriever="bm25", rebuild=True)
        build_bm25 = time.perf_counter() - t
        t = time.perf_counter()
        hy = open_index(corpus, tmp_path / "hy", embedding_model=model, retriever="hybrid", rebuild=True)
        build_hy = time.perf_counter() - t
        t = time.perf_counter()
        open_index(corpus, tmp_path / "hy", embedding_model=model, retriever="hybrid")
        reopen = time.perf_counter() - t
        print(f"  ({len(bm.chunks)} chunks; tiny model dim {hy.dimension}; retriever running: {hy.retriever})")
        _row("bm25", build_bm25, _latencies(lambda q: bm.search(q, k=10), QUERIES, repeat))
        _row("dense (tiny model, incl. encode)", build_hy, _latencies(
            lambda q: hy.search(q, k=10, retriever="dense"), QUERIES, repeat))
        _row("hybrid (tiny model, incl. encode)", build_hy, _latencies(lambda q: hy.search(q, k=10), QUERIES, repeat))
        _row("reopen unchanged index", reopen, None)
        t = time.perf_counter()
        fb = open_index(corpus, tmp_path / "fb", embedding_model="AITeamVN/Vietnamese_Embedding")
        _row("offline fallback open (bm25 build)", time.perf_counter() - t, None, f"retriever={fb.retriever}")


def _sentences(texts: list[str]) -> list[str]:
    out = []
    for t in texts:
        for s in re.split(r"(?<=[.;:])\s+|\n+", t):
            s = s.strip()
            if 30 <= len(s) <= 400:
                out.append(s)
    return sorted(set(out))


def bench_growth(n: int, dim: int, n_queries: int, random_vectors: bool) -> None:
    import faiss

    from bot.settings import bundled_corpus_dir
    from corpus import load_corpus
    from index.bm25 import LexicalIndex
    from index.vectors import VectorStore

    corpus = load_corpus(bundled_corpus_dir())
    sents = _sentences([d.text for d in corpus])
    rng = random.Random(0)
    clause_sents = [rng.sample(range(len(sents)), rng.randint(1, 4)) for _ in range(n)]
    texts = [" ".join(sents[i] for i in ids) for ids in clause_sents]
    print(f"\n== Growth: {n:,} synthetic clauses from {len(sents)} distinct seed sentences ==")
    print(f"  {'step':<34}{'build s':>9}  {'p50 ms':>9}  {'p95 ms':>9}  notes")

    t = time.perf_counter()
    lex = LexicalIndex.build(texts)
    build = time.perf_counter() - t
    _row(f"bm25 ({n:,} clauses)", build, _latencies(lambda q: lex.top(q, 10), QUERIES, 3),
         f"peak RSS {_peak_mb():,.0f} MB")

    nrng = np.random.default_rng(0)
    if random_vectors:
        vecs = nrng.normal(size=(n, dim)).astype("float32")
        queries = nrng.normal(size=(n_queries, dim)).astype("float32")
    else:
        basis = nrng.normal(size=(len(sents), dim)).astype("float32")
        basis /= np.linalg.norm(basis, axis=1, keepdims=True)
        vecs = np.zeros((n, dim), dtype="float32")
        for i, ids in enumerate(clause_sents):
            vecs[i] = basis[ids].sum(axis=0)
        vecs += nrng.normal(scale=0.3, size=vecs.shape).astype("float32") / np.sqrt(dim) * np.sqrt(4)
        picks = nrng.integers(0, n, size=n_queries)
        queries = vecs[picks] + nrng.normal(scale=0.8 / np.sqrt(dim), size=(n_queries, dim)).astype("float32")
    vecs /= np.linalg.norm(vecs, axis=1, keepdims=True)
    queries /= np.linalg.norm(queries, axis=1, keepdims=True)
    ids = np.arange(n, dtype="int64")
    kind = "random" if random_vectors else "structured"
    print(f"  ({kind} unit vectors, dim {dim}; {n_queries} queries; vectors alone {vecs.nbytes / 2**20:,.0f} MB)")

    before = _rss_mb()
    t = time.perf_counter()
    flat = VectorStore(dim, hnsw_threshold=n + 1)
    flat.add(ids, vecs)
    build = time.perf_counter() - t
    _row("FAISS exact IndexFlatIP", build, _latencies(lambda q: flat.search(q, 10), list(queries), 1),
         f"+{_rss_mb() - before:,.0f} MB RSS")
    exact = [{i for i, _ in flat.search(q, 10)} for q in queries]
    flat = None  # free the exact index before building HNSW

    before = _rss_mb()
    t = time.perf_counter()
    hnsw = VectorStore(dim, hnsw_threshold=1)
    hnsw.add(ids, vecs)
    build = time.perf_counter() - t
    _row("FAISS HNSW build (M=32, efC=80)", build, None, f"+{_rss_mb() - before:,.0f} MB RSS")
    for ef in (64, 128, 256, 512):
        hnsw.ef_search = ef
        found = [{i for i, _ in hnsw.search(q, 10)} for q in queries]
        recall = statistics.mean(len(a & b) / 10 for a, b in zip(found, exact, strict=True))
        _row(f"  HNSW search efSearch={ef}", None, _latencies(lambda q: hnsw.search(q, 10), list(queries), 1),
             f"recall@10 {recall:.3f}")
    allowed = np.arange(0, n, 20, dtype="int64")  # a filter keeping 5% (e.g. one province)
    hnsw.ef_search = 256
    fq = list(queries[: max(20, n_queries // 4)])
    sub = vecs[allowed]
    truth = [set(allowed[np.argsort(-(sub @ q))[:10]].tolist()) for q in fq]
    got = [{i for i, _ in hnsw.search(q, 10, allowed)} for q in fq]
    recall = statistics.mean(len(a & b) / 10 for a, b in zip(got, truth, strict=True))
    _row("  HNSW efSearch=256, filter keeps 5%", None, _latencies(lambda q: hnsw.search(q, 10, allowed), fq, 1),
         f"recall@10 {recall:.3f}")
    print(f"  peak RSS of the whole run: {_peak_mb():,.0f} MB; faiss threads: {faiss.omp_get_max_threads()}")


def main(argv: list[str] | None = None) -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="20,000 clauses and fewer queries")
    ap.add_argument("--clauses", type=int, default=None, help="synthetic corpus size (default 100,000)")
    ap.add_argument("--dim", type=int, default=1024)
    ap.add_argument("--random-vectors", action="store_true", help="i.i.d. random vectors (HNSW worst case)")
    ap.add_argument("--skip-seeds", action="store_true")
    args = ap.parse_args(argv)
    n = args.clauses or (20_000 if args.quick else 100_000)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs")
    if not args.skip_seeds:
        bench_seeds(repeat=3 if args.quick else 10)
    bench_growth(n, args.dim, 100 if args.quick else 300, args.random_vectors)


if __name__ == "__main__":
    main()
