"""Sort the failures of an eval run into the places they come from, so the biggest class is attacked first.

Why: a wrong library answer has different causes that need different fixes.  The gold
clause may not be among the clauses the answer reads at all (retrieval), or it is read
and another clause of the same document answers (clause choice), or another document
answers, or the right clause is cited but the short answer picks the wrong words, or a
supported answer is declined.  The class is decided from the ranking the answer starts
from (``Assistant.search``, the same ordering ``answer`` reads) and from what was cited.

Usage:
  .venv/bin/python scripts/classify_failures.py RUN.json [--set library] [--index-dir DIR] [--k 5] [--list]

RUN.json is the ``--json`` output of ``thidua eval`` (or a plain list of failures).  The
assistant is loaded over the same folders ``thidua eval --set library`` uses.
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections import Counter
from pathlib import Path

CLASSES = (
    "retrieval",  # no gold clause in the top k of the ranking the answer reads
    "abstained_gold_ranked",  # gold ranked in the top k, yet the answer declined
    "clause_choice",  # gold document answered, with another of its clauses
    "other_document",  # gold ranked, but another document answered
    "answer_words",  # the gold clause is cited, the short answer is not the expected value
    "should_abstain",  # unanswerable item answered
)


def _load(path: Path) -> list[dict]:
    data = json.loads(path.read_text(encoding="utf-8"))
    return data["failures"] if isinstance(data, dict) else data


def _clause_id(cited: str, corpus: object) -> str:
    """The clause id of a cited label ("doc: Điều 5, khoản 1"), as the ranking names clauses."""
    doc_id, _, label = cited.partition(": ")
    d = corpus.get(doc_id)  # type: ignore[attr-defined]
    clause = d.clause(label) if d is not None else None
    return clause.id if clause is not None else f"{doc_id}:?{label}"


def classify(item: dict, ranked: list[str], gold_ids: tuple[str, ...], k: int, corpus: object) -> tuple[str, int | None]:
    """The class of one failure and the rank (1-based) of the first gold clause in ``ranked``."""
    from eval.metrics import clause_matches, dedupe

    if item["kind"] == "unanswerable":
        return "should_abstain", None
    rank = next((i for i, c in enumerate(dedupe(ranked), 1) if any(clause_matches(c, g) for g in gold_ids)), None)
    cited = [_clause_id(c, corpus) for c in item.get("cited") or []]
    if rank is None or rank > k:
        return "retrieval", rank
    if not cited:
        return "abstained_gold_ranked", rank
    if any(clause_matches(c, g) for c in cited for g in gold_ids):
        return "answer_words", rank
    gold_docs = {g.partition(":")[0] for g in gold_ids}
    if any(c.partition(":")[0] in gold_docs for c in cited):
        return "clause_choice", rank
    return "other_document", rank


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("run", type=Path)
    ap.add_argument("--set", default="library")
    ap.add_argument("--index-dir", type=Path, default=None)
    ap.add_argument("--k", type=int, default=5)
    ap.add_argument("--list", action="store_true", help="one line per failure")
    args = ap.parse_args(argv)
    os.environ.setdefault("HF_HUB_OFFLINE", "1")

    from bot.commands.evaluate import _load_assistant, default_library_dir
    from bot.settings import get_settings
    from eval.questions import load_questions, set_path
    from eval.runner import _resolve_gold

    failures = [f for f in _load(args.run) if f.get("set", args.set) == args.set]
    questions = {q.id: q for q in load_questions(set_path(args.set))}
    settings = get_settings(corpus_dir=None, index_dir=args.index_dir, retriever="bm25")
    assistant = _load_assistant(settings, [Path(settings.corpus_dir), default_library_dir()])
    asked = [questions[f["id"]] for f in failures if f["id"] in questions]
    gold, _ = _resolve_gold(asked, assistant.corpus, strict=False)
    counts: Counter[str] = Counter()
    by_kind: dict[str, Counter[str]] = {}
    for f in failures:
        q = questions.get(f["id"])
        if q is None:
            continue
        ranked = [h.chunk.clause_id for h in assistant.search(q.question, k=10, retriever="bm25")]
        cls, rank = classify(f, ranked, gold[q.id], args.k, assistant.corpus)
        counts[cls] += 1
        by_kind.setdefault(cls, Counter())[f["kind"]] += 1
        if args.list:
            print(f"{cls:22} rank={rank!s:4} {f['id']:28} {'/'.join(f['reasons'])}")
    print(f"\n{sum(counts.values())} failures of set {args.set!r} (gold in top {args.k} of Assistant.search):")
    for cls in CLASSES:
        if counts[cls]:
            kinds = ", ".join(f"{k} {n}" for k, n in by_kind[cls].most_common())
            print(f"  {cls:22} {counts[cls]:3}   ({kinds})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
