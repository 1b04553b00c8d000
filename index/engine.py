"""Opening the index for a corpus and searching it: the one entry point the bot uses.

``open_index`` builds the folder on first use, refreshes it when documents
were added, changed or removed (only their chunks are embedded again), and
otherwise just loads it.  ``Index.search`` applies filters first, then runs
BM25, dense search or both fused with RRF, then the optional reranker.
"""

from __future__ import annotations

import hashlib
import json
import logging
import time
from dataclasses import dataclass
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import numpy as np

from corpus.models import Corpus, Directive
from index.bm25 import LexicalIndex
from index.chunking import ChunkerSettings, chunk_directive
from index.dense import Encoder, Reranker, load_encoder, load_reranker
from index.embedding import checkpoint_folder, clear_checkpoints, embed_chunks
from index.filtering import filter_mask
from index.fusion import FusionTuning, fuse
from index.models import Chunk, Filters, Hit
from index.store import (
    FORMAT_VERSION,
    IndexMismatchError,
    Manifest,
    StoredIndex,
    load_folder,
    now_iso,
    read_manifest,
    save_folder,
)
from index.tokenize import TOKENIZER_VERSION
from index.vectors import DEFAULT_HNSW_THRESHOLD, VectorStore

__all__ = ["RETRIEVERS", "BuildReport", "Index", "open_index"]

log = logging.getLogger(__name__)

RETRIEVERS = ("hybrid", "dense", "bm25")
_POOL = 50  # candidates taken from each retriever before fusion
_RERANK_TOP = 30


@dataclass(frozen=True)
class BuildReport:
    """What ``open_index`` did, for the CLI summary and the log."""

    documents: int
    chunks: int
    added: tuple[str, ...]
    changed: tuple[str, ...]
    removed: tuple[str, ...]
    embedded: int
    rebuilt: bool
    saved: bool
    seconds: float


def _thidua_version() -> str:
    try:
        return version("thidua")
    except PackageNotFoundError:
        return "unknown"


def _doc_fingerprint(directive: Directive) -> str:
    """Changes whenever anything a chunk is made of changes (text, metadata, clause tree)."""
    payload = {
        "file": directive.fingerprint,
        "text": directive.text,
        "meta": [directive.doc_type, directive.number, directive.issuer, directive.province, directive.year],
        "clauses": [[c.id, c.label, list(c.heading), c.start, c.end, c.parent, c.answerable]
                    for c in directive.clauses],
    }
    raw = json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return hashlib.sha256(raw).hexdigest()


def _corpus_fingerprint(doc_fps: dict[str, str]) -> str:
    raw = "\n".join(f"{d}:{fp}" for d, fp in sorted(doc_fps.items()))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


class Index:
    """A searchable index over one corpus.

    ``retriever`` is what actually runs ("bm25" when the embedding model could
    not be loaded); ``notice`` is the one-line Vietnamese warning shown to the
    user in that case.
    """

    def __init__(self, stored: StoredIndex, *, retriever: str, notice: str | None, encoder: Encoder | None,
                 reranker: Reranker | None, folder: Path, report: BuildReport,
                 fusion: FusionTuning | None = None) -> None:
        self._stored = stored
        self.fusion = fusion or FusionTuning()
        self._encoder = encoder
        self._reranker = reranker
        self.folder = folder
        self.report = report
        self.notice = notice
        self.chunks: tuple[Chunk, ...] = tuple(stored.chunks)
        self._vids = np.array([-1 if v is None else v for v in stored.vector_ids], dtype="int64")
        self._pos_by_vid = {int(v): i for i, v in enumerate(self._vids) if v >= 0}
        self._dense_ready = encoder is not None and stored.vectors is not None and len(stored.vectors) > 0
        self.retriever = retriever if self._dense_ready else "bm25"

    @property
    def dense_ready(self) -> bool:
        """True when dense and hybrid search can run (a model is loaded and vectors exist)."""
        return self._dense_ready

    @property
    def model(self) -> str:
        return self._stored.manifest.model

    @property
    def dimension(self) -> int | None:
        return self._stored.manifest.dimension

    @property
    def vector_index(self) -> str | None:
        """"flat" (exact) or "hnsw" when vectors exist, else None."""
        return self._stored.vectors.kind if self._stored.vectors is not None and len(self._stored.vectors) else None

    def _bm25(self, query: str, pool: int, mask: np.ndarray | None) -> list[tuple[int, float]]:
        if self._stored.bm25 is None:
            return []
        return self._stored.bm25.top(query, pool, mask)

    def _dense(self, query: str, pool: int, mask: np.ndarray | None) -> list[tuple[int, float]]:
        assert self._encoder is not None and self._stored.vectors is not None
        allowed = None
        if mask is not None:
            allowed = self._vids[mask & (self._vids >= 0)]
        qv = self._encoder.encode_query(query)
        hits = self._stored.vectors.search(qv, pool, allowed)
        return [(self._pos_by_vid[v], s) for v, s in hits if v in self._pos_by_vid]

    def search(self, query: str, *, k: int = 10, filters: Filters | None = None,
               retriever: str | None = None) -> list[Hit]:
        """Best ``k`` chunks for ``query`` among those passing ``filters``, best first."""
        mode = retriever or self.retriever
        if mode not in RETRIEVERS:
            raise ValueError(f"unknown retriever {mode!r}; choose one of {', '.join(RETRIEVERS)}")
        if mode != "bm25" and not self._dense_ready:
            mode = "bm25"
        if not query.strip() or k <= 0 or not self.chunks:
            return []
        mask = filter_mask(self.chunks, filters)
        if mask is not None and not mask.any():
            return []
        pool = max(k, _POOL, _RERANK_TOP if self._reranker else 0)
        ranked: dict[str, list[tuple[int, float]]] = {}
        if mode in ("bm25", "hybrid"):
            ranked["bm25"] = self._bm25(query, pool, mask)
        if mode in ("dense", "hybrid"):
            ranked["dense"] = self._dense(query, pool, mask)
        per_pos: dict[int, dict[str, float]] = {}
        for name, lst in ranked.items():
            for pos, s in lst:
                per_pos.setdefault(pos, {})[name] = s
        if mode == "hybrid":
            order = fuse(ranked, self.fusion)
            for pos, s in order:
                per_pos[pos]["rrf"] = s
            scored = [(int(p), s) for p, s in order]
        else:
            scored = ranked[mode]
        if self._reranker is not None and scored:
            head = scored[:_RERANK_TOP]
            rs = self._reranker.score(query, [self.chunks[p].embed_text for p, _ in head])
            for (p, _), s in zip(head, rs, strict=True):
                per_pos[p]["rerank"] = s
            head = sorted(((p, s) for (p, _), s in zip(head, rs, strict=True)), key=lambda x: -x[1])
            scored = head + scored[_RERANK_TOP:]
        return [Hit(chunk=self.chunks[p], score=float(s), rank=r, scores=per_pos[p])
                for r, (p, s) in enumerate(scored[:k], 1)]


def _load_existing(index_dir: Path, embedding_model: str, chunker: ChunkerSettings, hnsw_threshold: int,
                   auto_rebuild: bool) -> StoredIndex | None:
    try:
        stored = load_folder(index_dir, embedding_model=embedding_model, hnsw_threshold=hnsw_threshold)
    except FileNotFoundError:
        return None
    except IndexMismatchError as exc:
        if not auto_rebuild:
            raise
        log.warning("rebuilding the index: %s", exc)
        return None
    except Exception as exc:  # unreadable or corrupt: rebuilding is always safe
        log.warning("index at %s unreadable (%s: %s); rebuilding", index_dir, type(exc).__name__, exc)
        return None
    if stored.manifest.chunker != chunker.to_dict():
        log.info("chunker settings changed; re-chunking every document")
        return None
    return stored


def open_index(
    corpus: Corpus,
    index_dir: Path,
    *,
    embedding_model: str,
    retriever: str = "hybrid",
    reranker: str | None = None,
    device: str = "cpu",
    batch_size: int = 16,
    progress: bool = False,
    rebuild: bool = False,
    auto_rebuild: bool = True,
    hnsw_threshold: int = DEFAULT_HNSW_THRESHOLD,
    fallback_model: str | None = None,
    fusion: FusionTuning | None = None,
    embed_limit: int | None = None,
) -> Index:
    """Load, refresh or build the index of ``corpus`` in ``index_dir``.

    Only chunks of added or changed documents are embedded; removed documents'
    chunks are dropped.  ``rebuild`` forces a fresh build; with
    ``auto_rebuild=False`` an index built with another model or format raises
    IndexMismatchError instead of being rebuilt.  When ``embedding_model``
    cannot be loaded, ``fallback_model`` (the bundled one) is tried before
    BM25 alone; the model actually used is the one the manifest records.
    With ``embed_limit``, more chunks than that to embed are left for
    ``thidua index`` (BM25 meanwhile, said in one line): a first chat on a
    large library must not wait an hour.
    """
    if retriever not in RETRIEVERS:
        raise ValueError(f"unknown retriever {retriever!r}; choose one of {', '.join(RETRIEVERS)}")
    t0 = time.perf_counter()
    index_dir = Path(index_dir)
    chunker = ChunkerSettings()
    encoder, notice = (None, None)
    if retriever != "bm25":
        encoder, notice = load_encoder(embedding_model, fallback=fallback_model, device=device,
                                       batch_size=batch_size)
    embedding_model = _effective_model(index_dir, encoder, embedding_model, fallback_model)
    stored = None if rebuild else _load_existing(index_dir, embedding_model, chunker, hnsw_threshold, auto_rebuild)
    rerank_model = None
    if reranker:
        rerank_model, rerank_notice = load_reranker(reranker, device=device, batch_size=batch_size)
        if rerank_notice:
            notice = f"{notice} {rerank_notice}" if notice else rerank_notice

    doc_fps = {d.doc_id: _doc_fingerprint(d) for d in corpus}
    old_fps = dict(stored.manifest.documents) if stored else {}
    by_doc: dict[str, list[tuple[Chunk, int | None]]] = {}
    if stored:
        for c, v in zip(stored.chunks, stored.vector_ids, strict=True):
            by_doc.setdefault(c.doc_id, []).append((c, v))
    added = tuple(d for d in doc_fps if d not in old_fps)
    changed = tuple(d for d in doc_fps if d in old_fps and old_fps[d] != doc_fps[d])
    removed = tuple(d for d in old_fps if d not in doc_fps)

    records: list[tuple[Chunk, int | None]] = []
    stale: list[int] = []
    for d in corpus:
        if d.doc_id in old_fps and old_fps[d.doc_id] == doc_fps[d.doc_id]:
            records.extend(by_doc.get(d.doc_id, []))
        else:
            records.extend((c, None) for c in chunk_directive(d, chunker))
    for doc_id, recs in by_doc.items():
        if doc_id in changed or doc_id in removed:
            stale.extend(v for _, v in recs if v is not None)

    vectors = stored.vectors if stored else None
    dimension = stored.manifest.dimension if stored else None
    next_vid = stored.manifest.next_vector_id if stored else 0
    if vectors is not None and stale:
        vectors.remove(np.array(stale, dtype="int64"))

    embedded = 0
    missing = [i for i, (_, v) in enumerate(records) if v is None]
    if encoder is not None and embed_limit is not None and len(missing) > embed_limit:
        log.info("%d chunks to embed > limit %d: deferred to `thidua index`", len(missing), embed_limit)
        deferred = (f"Còn {len(missing)}/{len(records)} đoạn chưa được nhúng bằng mô hình '{encoder.model_id}', "
                    "tạm dùng tìm kiếm từ khóa BM25; chạy `thidua index` để nhúng hết (dừng giữa chừng vẫn giữ "
                    "phần đã nhúng), sau đó tìm kiếm kết hợp tự bật.")
        notice = f"{notice}\n{deferred}" if notice else deferred
        encoder = None
    if encoder is not None and missing:
        vecs = _embed(encoder, [records[i][0] for i in missing], index_dir, progress)
        if vectors is not None and vecs.shape[1] != vectors.dim:
            log.warning("model %s now gives dimension %d (index has %d); re-embedding everything",
                        embedding_model, vecs.shape[1], vectors.dim)
            vectors = None
            records = [(c, None) for c, _ in records]
            missing = list(range(len(records)))
            vecs = _embed(encoder, [c for c, _ in records], index_dir, progress)
        if vectors is None:
            vectors = VectorStore(vecs.shape[1], hnsw_threshold=hnsw_threshold)
            dimension = int(vecs.shape[1])
        ids = np.arange(next_vid, next_vid + len(missing), dtype="int64")
        vectors.add(ids, vecs)
        next_vid += len(missing)
        for i, vid in zip(missing, ids, strict=True):
            records[i] = (records[i][0], int(vid))
        embedded = len(missing)

    chunks = [c for c, _ in records]
    tokenizer_changed = stored is None or stored.manifest.tokenizer != TOKENIZER_VERSION
    content_changed = bool(added or changed or removed) or stored is None
    bm25 = stored.bm25 if stored else None
    if content_changed or tokenizer_changed or bm25 is None:
        bm25 = LexicalIndex.build([c.embed_text for c in chunks])

    dirty = content_changed or tokenizer_changed or embedded > 0
    now = now_iso()
    manifest = Manifest(
        format=FORMAT_VERSION,
        model=embedding_model,
        dimension=dimension,
        chunker=chunker.to_dict(),
        tokenizer=TOKENIZER_VERSION,
        corpus_fingerprint=_corpus_fingerprint(doc_fps),
        documents=doc_fps,
        next_vector_id=next_vid,
        vector_index=vectors.kind if vectors is not None and len(vectors) else None,
        chunks=len(chunks),
        built_at=stored.manifest.built_at if stored else now,
        updated_at=now if dirty else (stored.manifest.updated_at if stored else now),
        thidua_version=_thidua_version(),
    )
    result = StoredIndex(manifest, chunks, [v for _, v in records], vectors, bm25)
    if dirty:
        save_folder(result, index_dir)
    if embedded:
        clear_checkpoints(index_dir)
    report = BuildReport(
        documents=len(doc_fps), chunks=len(chunks), added=added if stored else tuple(doc_fps),
        changed=changed, removed=removed, embedded=embedded, rebuilt=stored is None, saved=dirty,
        seconds=time.perf_counter() - t0,
    )
    log.info("index %s: %s", index_dir, report)
    return Index(result, retriever=retriever, notice=notice, encoder=encoder, reranker=rerank_model,
                 folder=index_dir, report=report, fusion=fusion)


def _effective_model(index_dir: Path, encoder: Encoder | None, configured: str, fallback: str | None) -> str:
    """The model id the index is (or will be) built with: the loaded one; without one, keep what the
    folder already holds if it is in the chain (a BM25-only open must not throw its vectors away)."""
    if encoder is not None:
        return encoder.model_id
    try:
        stored = read_manifest(index_dir).model
    except Exception:
        return configured
    return stored if stored in (configured, fallback) else configured


def _embed(encoder: Encoder, chunks: list[Chunk], index_dir: Path, progress: bool) -> np.ndarray:
    """Batched, checkpointed embedding (index.embedding); interrupted work resumes on the next build."""
    result = embed_chunks(encoder, [c.embed_text for c in chunks], [c.doc_id for c in chunks],
                          checkpoints=checkpoint_folder(index_dir), progress=progress)
    return result.vectors
