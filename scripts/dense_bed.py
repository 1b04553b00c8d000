"""A DEV bed for comparing bm25, dense and hybrid where Recall@5 is not saturated: the five directives plus some
DEV library documents, small enough to embed on this machine.

Usage::

    .venv/bin/python scripts/dense_bed.py --out /tmp/dense/bed [--max-chunks 2000] [--library ../shared/library]
    HF_HUB_OFFLINE=1 .venv/bin/thidua eval --questions /tmp/dense/bed/bed.jsonl --corpus-dir corpus/data \\
        --corpus-dir /tmp/dense/bed/docs --retriever bm25,dense,hybrid --embedding-model bundled:multilingual-e5-small \\
        --index-dir /tmp/dense/bed-idx --out /tmp/dense/bed-R --json > /tmp/dense/bed-run.json
    HF_HUB_OFFLINE=1 .venv/bin/python scripts/tune_fusion.py --index-dir /tmp/dense/bed-idx \\
        --questions /tmp/dense/bed/directives.jsonl --questions /tmp/dense/bed/library.jsonl \\
        --corpus-dir corpus/data --corpus-dir /tmp/dense/bed/docs

Why: over the five directives alone hybrid's dev Recall@5 is 1.000, so no fusion change can show there; the whole
library (~47,000 chunks) takes ~1.4 h of CPU to embed.  The bed takes only documents the split rule puts in DEV
(eval/splits.toml) that DEV library questions are about, in an order nobody can steer (sha256 of "bed:" + doc_id),
each while the chunk count stays within ``--max-chunks`` (chunks as the index cuts them, the directives' included).
Its questions (``bed.jsonl``; the same split in ``directives.jsonl`` and ``library.jsonl``, which
``tune_fusion.py --questions`` takes as two sets) are every DEV question of the directive set, every DEV library
question whose gold documents all stand in the bed, and the DEV library questions with no gold (the bot must
decline them); ``folded-*.jsonl`` hold the same questions typed without diacritics (corpus.text.fold), where the
model reads an accent-restored question.
Nothing of the test split is read: test documents are never copied and test questions never written.
"""

from __future__ import annotations

import argparse
import hashlib
import json
import shutil
import sys
from pathlib import Path

from bot.settings import bundled_corpus_dir
from corpus import load_corpus
from corpus.loader import read_directive
from corpus.text import fold
from eval.questions import set_path
from eval.splits import load_split_rule
from index.chunking import chunk_directive

__all__ = ["bed_order", "bed_questions", "main"]


def bed_order(doc_ids: set[str]) -> list[str]:
    """The documents in the order the bed takes them: by sha256 of "bed:" + doc_id (no one chooses easy ones)."""
    return sorted(doc_ids, key=lambda d: hashlib.sha256(f"bed:{d}".encode()).hexdigest())


def _dev_lines(path: Path) -> list[dict]:
    lines = [json.loads(line) for line in path.read_text(encoding="utf-8").splitlines() if line.strip()]
    return [q for q in lines if q["split"] == "dev"]


def bed_questions(directive_lines: list[dict], library_lines: list[dict], docs: set[str]) -> list[dict]:
    """The bed's questions: every DEV directive question, the DEV library questions whose gold documents are all in
    ``docs``, and the DEV library questions without gold."""
    out = [q for q in directive_lines if q["split"] == "dev"]
    for q in library_lines:
        if q["split"] != "dev":
            continue
        gold = {g["doc_id"] for g in q["gold"]}
        if not gold or gold <= docs:
            out.append(q)
    return out


def _write(path: Path, items: list[dict]) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for q in items:
            f.write(json.dumps(q, ensure_ascii=False) + "\n")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--out", type=Path, required=True, help="the bed folder (docs/ and the question files)")
    ap.add_argument("--library", type=Path, default=Path(__file__).resolve().parents[1].parent / "shared" / "library")
    ap.add_argument("--max-chunks", type=int, default=2000, help="chunks of the bed, directives included")
    args = ap.parse_args()
    rule = load_split_rule()
    library_lines = _dev_lines(set_path("library"))
    asked = {g["doc_id"] for q in library_lines for g in q["gold"]}
    asked = {d for d in asked if rule.of_document(d) == "dev" and (args.library / f"{d}.txt").is_file()}
    total = sum(len(chunk_directive(d)) for d in load_corpus(bundled_corpus_dir()))
    docs_dir = args.out / "docs"
    docs_dir.mkdir(parents=True, exist_ok=True)
    chosen: list[str] = []
    for doc_id in bed_order(asked):
        path = args.library / f"{doc_id}.txt"
        try:
            n = len(chunk_directive(read_directive(path)))
        except Exception as exc:  # a document the reader skips stays out of the bed
            print(f"skip {doc_id}: {exc}", file=sys.stderr)
            continue
        if total + n > args.max_chunks:
            continue
        total += n
        chosen.append(doc_id)
        if not (docs_dir / path.name).is_file():
            shutil.copy2(path, docs_dir / path.name)
    for stale in docs_dir.iterdir():  # a document of an earlier bed that this one leaves out
        if stale.stem not in chosen:
            stale.unlink()
    questions = bed_questions(_dev_lines(set_path("directives")), library_lines, set(chosen))
    library_ids = {x["id"] for x in library_lines}
    parts = {"directives": [q for q in questions if q["id"] not in library_ids],
             "library": [q for q in questions if q["id"] in library_ids]}
    for name, items in (("bed", questions), *parts.items()):
        _write(args.out / f"{name}.jsonl", items)
        _write(args.out / f"folded-{name}.jsonl", [{**q, "question": fold(q["question"])} for q in items])
    library = len(parts["library"])
    print(f"{len(chosen)} DEV library documents + 5 directives, {total} chunks; {len(questions)} questions "
          f"({library} library, of which {sum(1 for q in library_lines if not q['gold'])} without gold) -> {args.out}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
