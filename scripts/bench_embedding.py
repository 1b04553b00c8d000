"""Embedding throughput of the bundled model on a corpus, and the full-build time it implies.

Usage::

    .venv/bin/python scripts/bench_embedding.py ../shared/library --sample 300
    .venv/bin/python scripts/bench_embedding.py corpus/data --sample 0      # 0 = every chunk

Prints chunks/s and tokens/s for the chunk texts as indexed and, for comparison,
for a "heading + first sentences" cut (the first 300 characters), then the
estimated full build.  Figures only: the machine is shared, timings are noisy.
"""

from __future__ import annotations

import argparse
import random
import time
from pathlib import Path

from corpus import load_corpus
from index.chunking import chunk_directive
from index.dense import BUNDLED_MODEL, load_encoder
from index.embedding import embed_chunks


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--sample", type=int, default=300, help="chunks to embed (0 = all)")
    ap.add_argument("--cut", type=int, default=300, help="characters kept in the shortened variant")
    args = ap.parse_args()
    t0 = time.perf_counter()
    corpus = load_corpus(args.corpus)
    chunks = [c for d in corpus for c in chunk_directive(d)]
    print(f"{len(corpus)} documents, {len(chunks)} chunks (read + chunked in {time.perf_counter() - t0:.1f} s)")
    sample = chunks if args.sample <= 0 or args.sample >= len(chunks) else \
        random.Random(0).sample(chunks, args.sample)
    encoder, notice = load_encoder(BUNDLED_MODEL)
    assert encoder is not None, notice
    tokens = sum(encoder.model.token_count(c.embed_text) for c in sample)  # type: ignore[attr-defined]
    for name, texts in (("as indexed", [c.embed_text for c in sample]),
                        (f"first {args.cut} chars", [c.embed_text[: args.cut] for c in sample])):
        res = embed_chunks(encoder, texts, [c.doc_id for c in sample], progress=True)
        rate = res.per_second
        print(f"{name:>18}: {len(texts)} chunks in {res.seconds:.1f} s = {rate:.2f} chunks/s"
              + (f", {tokens / res.seconds:.0f} tokens/s" if name == "as indexed" else "")
              + f"; full build of {len(chunks)} chunks ≈ {len(chunks) / rate / 60:.1f} min")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
