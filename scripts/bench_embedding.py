"""Embedding throughput of the bundled model on a corpus, and the full-build time it implies.

Usage::

    .venv/bin/python scripts/bench_embedding.py ../shared/library --sample 120
    .venv/bin/python scripts/bench_embedding.py ../shared/library --sample 120 --cuts 0,600,300 --batch 32,128
    OMP_NUM_THREADS=1 .venv/bin/python scripts/bench_embedding.py ../shared/library --threads 1
    .venv/bin/python scripts/bench_embedding.py corpus/data --sample 0      # 0 = every chunk
    .venv/bin/python scripts/bench_embedding.py ../shared/library --unit heading --sample 200 --cuts 0

For each passage cut (0 = the chunk as the index embeds it: title, headings, body; N = the title line + the rest cut
to N characters at a sentence end, ``index.embedding.passage_text``, the
``embed_chars`` chunker setting) and batch size, prints chunks/s and tokens/s
on the wall clock, chunks per CPU-second (all threads together: the figure a
shared machine distorts least) and the estimated full build, both on the wall
clock here and on an idle machine with every core busy (CPU-seconds / cores,
assuming the engine scales over cores).  The threads the engine uses are fixed
when it loads, so compare thread counts in separate runs (``--threads``).
The engine packs a batch's texts end to end (no padding), so sorting by length
saves nothing there; a bigger batch only shares each layer's weight pass.
Figures only: the machine is shared, timings are noisy.
"""

from __future__ import annotations

import argparse
import os
import random
import time
from pathlib import Path

from corpus import load_corpus
from index.chunking import chunk_directive, dense_texts
from index.dense import BUNDLED_MODEL, load_encoder
from index.embedding import embed_chunks, passage_text


def _duration(seconds: float) -> str:
    """Seconds, minutes or hours, whichever reads best (five directives take seconds, a library hours)."""
    if seconds < 90:
        return f"{seconds:.0f} s"
    if seconds < 5400:
        return f"{seconds / 60:.0f} min"
    return f"{seconds / 3600:.1f} h"


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("corpus", type=Path)
    ap.add_argument("--sample", type=int, default=120, help="chunks to embed (0 = all)")
    ap.add_argument("--cuts", default="0,300", help="body characters kept, comma-separated (0 = whole chunk)")
    ap.add_argument("--batch", default="32", help="batch sizes to try, comma-separated")
    ap.add_argument("--threads", type=int, default=None, help="engine threads (default: every core)")
    ap.add_argument("--unit", default="chunk", choices=("chunk", "heading"),
                    help="what one vector stands for (ChunkerSettings.dense_unit): heading = each document's title and "
                         "the chapter/article/section headings, one text per distinct heading")
    args = ap.parse_args()
    t0 = time.perf_counter()
    corpus = load_corpus(args.corpus)
    chunks = [c for d in corpus for c in chunk_directive(d)]
    print(f"{len(corpus)} documents, {len(chunks)} chunks (read + chunked in {time.perf_counter() - t0:.1f} s)")
    sample = chunks if args.sample <= 0 or args.sample >= len(chunks) else \
        random.Random(0).sample(chunks, args.sample)
    documents = {d.doc_id: d for d in corpus}
    if args.unit == "heading":  # the texts the model reads, each once: the build's real work
        every = sorted({(c.doc_id, t) for c, t in zip(chunks, dense_texts(chunks, documents, "heading"), strict=True)})
        print(f"heading unit: {len(every)} distinct texts for {len(chunks)} chunks")
        picked = every if args.sample <= 0 or args.sample >= len(every) else random.Random(0).sample(every, args.sample)
        sample_texts, sample_docs, total = [t for _, t in picked], [d for d, _ in picked], len(every)
    else:
        sample_texts = dense_texts(sample, documents)
        sample_docs, total = [c.doc_id for c in sample], len(chunks)
    encoder, notice = load_encoder(BUNDLED_MODEL, threads=args.threads)
    assert encoder is not None, notice
    cores = args.threads or os.cpu_count() or 1
    try:
        load = f"load average {os.getloadavg()[0]:.1f}"
    except OSError:
        load = "load unknown"
    print(f"engine threads {cores} ({os.cpu_count()} CPUs, {load}); sample {len(sample_texts)} texts")
    for cut in (int(x) for x in args.cuts.split(",")):
        texts = [passage_text(t, cut) for t in sample_texts]  # what the index embeds
        tokens = sum(encoder.model.token_count(t) for t in texts)  # type: ignore[attr-defined]
        for batch in (int(x) for x in args.batch.split(",")):
            cpu0 = time.process_time()
            res = embed_chunks(encoder, texts, sample_docs, batch_size=batch)
            cpu = time.process_time() - cpu0
            per_cpu = len(texts) / cpu if cpu > 0 else 0.0
            name = "headings" if args.unit == "heading" else "whole chunk" if cut <= 0 else f"body ≤ {cut} chars"
            print(f"{name:>18} batch {batch:>3}: {tokens / len(texts):5.0f} tokens/text; "
                  f"{res.per_second:.2f} texts/s wall ({tokens / res.seconds:.0f} tokens/s), "
                  f"{per_cpu:.2f} texts per CPU-s; full build of {total} texts ≈ "
                  f"{_duration(total / res.per_second)} here, "
                  f"{_duration(total / (per_cpu * cores))} on {cores} idle cores")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
