"""Choose the hybrid fusion on the DEV split with the bundled model; report every candidate per kind.

Usage::

    HF_HUB_OFFLINE=1 .venv/bin/python scripts/tune_fusion.py --index-dir /tmp/thidua-e5 [--split dev]
    HF_HUB_OFFLINE=1 .venv/bin/python scripts/tune_fusion.py --index-dir /tmp/bed-idx --questions BED/bed.jsonl \
        --corpus-dir corpus/data --corpus-dir BED/docs      # the DEV bed of scripts/dense_bed.py

The split is by document (eval/splits.toml decides each question's split).
The rule for a candidate to be acceptable: hybrid >= max(bm25, dense) on
recall@5, answer and abstention accuracy for every kind (dev only); candidates
are ranked acceptable first, then by recall@5 + answer accuracy, then by
mrr@10 (a hundredth of a question's weight).  When no candidate is acceptable
the best is still printed, marked "NOT met", with the per-kind table showing
where.  Figures are printed, never asserted.  Every candidate's dense query
vectors come from the encoder's cache, so the grid costs one embedding per
question.
"""

from __future__ import annotations

import argparse
import itertools
import os
import sys
from dataclasses import fields, replace
from pathlib import Path

from bot import Assistant, get_settings
from bot.settings import bundled_corpus_dir
from corpus import load_corpus
from corpus.text import fold
from eval.metrics import clause_matches, dedupe, mean, recall_at_k
from eval.questions import load_questions
from eval.runner import run_evaluation
from index import open_index
from index.chunking import ChunkerSettings
from index.encoders import BUNDLED_MODEL
from index.fusion import FusionTuning

KEYS = ("recall@5", "answer_accuracy", "abstention_accuracy")
#: shown beside the rule's figures: where the rankings differ when Recall@5 is saturated
SHOWN = ("recall@1", "recall@3", *KEYS, "mrr@10")



def table(report, retrievers) -> dict[tuple[str, str], dict[str, float | None]]:
    out = {}
    for r in retrievers:
        if r not in report.by_retriever:
            continue
        out[(r, "ALL")] = {**report.by_retriever[r].to_dict(), "recall@3": recall_at_3(report, r)}
        sets = report.by_kind[r]
        for name, splits in sets.items():  # set -> split -> kind; one split runs here
            if len(sets) > 1:
                whole = report.by_set[r][name]
                out[(r, f"{name}/ALL")] = {**whole[next(iter(whole))].to_dict(),
                                           "recall@3": recall_at_3(report, r, None, name)}
            for kind, s in splits[next(iter(splits))].items():
                label = f"{name}/{kind}" if len(sets) > 1 else kind
                out[(r, label)] = {**s.to_dict(), "recall@3": recall_at_3(report, r, kind, name)}
    return out


def show(rows, retrievers, kinds) -> None:
    """Per kind, per retriever: Recall@1, @3, @5, answer and abstention accuracy, MRR@10."""
    print(f"{'':18}" + "".join(f"{r:^{6 * len(SHOWN)}}|" for r in retrievers))
    print(f"{'kind':14}{'n':>4}" + "".join(f"{'R@1':>6}{'R@3':>6}{'R@5':>6}{'ans':>6}{'abst':>6}{'MRR':>6}|"
                                          for _ in retrievers))
    for kind in ["ALL", *kinds]:
        n = rows.get((retrievers[0], kind), {}).get("questions", "")
        cells = []
        for r in retrievers:
            for k in SHOWN:
                v = rows.get((r, kind), {}).get(k)
                cells.append(f"{'-' if v is None else f'{v:.3f}':>6}")
            cells.append("|")
        print(f"{kind:14}{n:>4}" + "".join(cells))


def recall_at_3(report, retriever: str, kind: str | None = None, set_name: str | None = None) -> float | None:
    """Recall@3 (not among the report's figures): between the answer's first clause and the first five."""
    searched = [r for r in report.results if r.retriever == retriever and r.question.answerable
                and r.ranked is not None and (kind is None or r.question.kind == kind)
                and (set_name is None or r.set == set_name)]
    return mean(recall_at_k(r.ranked, r.gold_ids, 3) for r in searched)


def gold_rank(result) -> int | None:
    """Where the first gold clause comes in one result's ranking (None: not in it)."""
    for n, clause in enumerate(dedupe(result.ranked or ()), 1):
        if any(clause_matches(clause, g) for g in result.gold_ids):
            return n
    return None


def r5_changes(ranks: dict[str, dict[str, int | None]], retriever: str) -> tuple[list[str], list[str]]:
    """Questions whose gold clause ``retriever`` ranks within the first five where bm25 does not, and the
    reverse: a fusion can win Recall@5 from bm25 only by the first and loses it by the second (the count
    alone hides a trade)."""
    def within(rank: int | None) -> bool:
        return rank is not None and rank <= 5

    brought = [q for q, got in ranks.items() if within(got.get(retriever)) and not within(got.get("bm25"))]
    pushed = [q for q, got in ranks.items() if within(got.get("bm25")) and not within(got.get(retriever))]
    return brought, pushed


def acceptable(rows, kinds, cand="hybrid") -> tuple[bool, float]:
    ok = True
    for kind in ["ALL", *kinds]:
        for k in KEYS:
            h = rows.get((cand, kind), {}).get(k)
            best = max((rows.get((r, kind), {}).get(k) or 0.0) for r in ("bm25", "dense"))
            if h is not None and h + 1e-9 < best:
                ok = False
    overall = rows[(cand, "ALL")]
    # mrr@10 only breaks ties (a hundredth of a question's weight)
    return ok, (overall["recall@5"] or 0) + (overall["answer_accuracy"] or 0) + 0.01 * (overall["mrr@10"] or 0)


def _parse(spec: str) -> FusionTuning:
    """"zmix:60:1:0.15:50:0.35:0.4:5:0.25:0.4": FusionTuning's fields in order, the omitted ones at their defaults."""
    values: list[object] = []
    for f, raw in zip(fields(FusionTuning), spec.split(":"), strict=False):
        kind = type(getattr(FusionTuning(), f.name))
        values.append(raw if kind is str else kind(raw))
    return FusionTuning(*values)  # type: ignore[arg-type]


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--index-dir", type=Path, required=True)
    ap.add_argument("--split", default="dev", choices=("dev", "test"))
    ap.add_argument("--only", default=None, action="append",
                    help="evaluate just these FusionTunings, e.g. rrf:60:1:1:50:0, or zmix:60:1:0.15:50:0:0.4 with the dense "
                         "weight of a question typed without diacritics (repeatable)")
    ap.add_argument("--embed-chars", type=int, default=0,
                    help="embed each chunk's header + body cut to N characters (ChunkerSettings.embed_chars; "
                         "use its own --index-dir): how much a cheaper library build costs in quality")
    ap.add_argument("--folded", action="store_true",
                    help="ask every question typed without diacritics (corpus.text.fold): 110 unaccented questions "
                         "instead of the set's handful, where the model reads an accent-restored question")
    ap.add_argument("--ranks", action="store_true",
                    help="dev only: every question whose gold rank differs between bm25, dense and the best candidate "
                         "(or that one of them misses at 1)")
    ap.add_argument("--grid", default="all", choices=("all", "unsure"),
                    help="all: every fusion method; unsure: the default with a larger dense weight when BM25's best "
                         "hit shares little of the question's words (FusionTuning.unsure_coverage)")
    ap.add_argument("--questions", type=Path, action="append", default=None,
                    help="question files instead of the directive set, each one set named by its file (repeatable; "
                         "the DEV bed of scripts/dense_bed.py); kinds are then shown per set, 'library/fact'")
    ap.add_argument("--corpus-dir", type=Path, action="append", default=None,
                    help="corpus folders (repeatable; default: the five directives), as `thidua eval --corpus-dir`")
    args = ap.parse_args()
    if args.ranks and args.split != "dev":
        ap.error("--ranks shows single questions: dev only (test is measured, never read)")
    folders = args.corpus_dir or [bundled_corpus_dir()]
    settings = get_settings(corpus_dir=Path(os.pathsep.join(str(f) for f in folders)), index_dir=args.index_dir,
                            embedding_model=BUNDLED_MODEL, retriever="hybrid")
    if args.embed_chars:
        corpus = load_corpus(bundled_corpus_dir())
        index = open_index(corpus, args.index_dir, embedding_model=BUNDLED_MODEL, retriever="hybrid", progress=True,
                           chunker=ChunkerSettings(embed_chars=args.embed_chars))
        assistant = Assistant(corpus, index, retriever="hybrid")
    else:
        assistant = Assistant.load(settings, progress=True)
    files = {p.stem: load_questions(p) for p in args.questions} if args.questions else {"directives": load_questions()}
    sets = {name: tuple(q for q in items if q.split == args.split) for name, items in files.items()}  # splits.toml decides
    if args.folded:
        sets = {name: tuple(replace(q, question=fold(q.question)) for q in items) for name, items in sets.items()}
    questions = [q for items in sets.values() for q in items]
    print(f"{args.split}: {len(questions)} questions", file=sys.stderr)
    kinds = sorted({f"{name}/{q.kind}" if len(sets) > 1 else q.kind for name, items in sets.items() for q in items}
                   | ({f"{name}/ALL" for name in sets} if len(sets) > 1 else set()))
    base = run_evaluation(assistant, sets, ["bm25", "dense"], progress=True)
    base_rows = table(base, ["bm25", "dense"])
    candidates: list[FusionTuning] = []
    if args.only:
        for spec in args.only:
            candidates.append(_parse(spec))
    elif args.grid == "unsure":  # the default, then a larger dense weight below a BM25 coverage
        candidates.append(FusionTuning())
        for cov, wd in itertools.product((0.15, 0.2, 0.25, 0.3, 0.35), (0.3, 0.4, 0.6)):
            candidates.append(FusionTuning(unsure_coverage=cov, unsure_dense_weight=wd))
    else:
        off = {"bm25_clear_lead": 0.0}  # the methods as first measured, without BM25's clear lead kept first
        candidates.append(FusionTuning("gate", 10, 1.0, 0.5, 10, 0.35, **off))  # the default before zmix
        for gate, depth in itertools.product((0.2, 0.35), (10, 50)):
            candidates.append(FusionTuning("gate", 10, 1.0, 0.5, depth, gate, **off))
        for k, wd in itertools.product((10, 60), (0.25, 0.5)):
            candidates.append(FusionTuning("rrf", k, 1.0, wd, 50, **off))
        for wd, depth in itertools.product((0.2, 0.3, 0.4, 0.5), (10, 20, 50)):
            candidates.append(FusionTuning("mix", 60, 1.0, wd, depth, **off))
        for wd, lead in itertools.product((0.1, 0.15, 0.2, 0.25, 0.3), (0.0, 0.2, 0.35, 0.5)):
            candidates.append(FusionTuning("zmix", 60, 1.0, wd, 50, bm25_clear_lead=lead))
        for bare in (0.15, 0.3, 0.5):  # a question typed without diacritics (measure with --folded)
            candidates.append(FusionTuning(unaccented_dense_weight=bare))
    results = []
    for cand in candidates:
        assistant.index.fusion = cand
        rep = run_evaluation(assistant, sets, ["hybrid"])
        rows = {**base_rows, **table(rep, ["hybrid"])}
        ok, score = acceptable(rows, kinds)
        results.append((ok, score, cand, rows, rep))
        h = rows[("hybrid", "ALL")]
        print(f"{'OK ' if ok else '-- '} {score:.3f} R@1 {h['recall@1']:.3f} MRR {h['mrr@10']:.3f} {cand}", file=sys.stderr)
    results.sort(key=lambda x: (not x[0], -x[1]))
    ok, score, best, rows, best_report = results[0]
    for ok_, score_, cand_, rows_, _ in results:
        h = rows_[("hybrid", "ALL")]
        print(f"{'OK ' if ok_ else '-- '} {score_:.4f} R@1 {h['recall@1']:.3f} MRR {h['mrr@10']:.3f} {cand_}")
    print(f"\nbest on {args.split}: {best} (never-hurts rule {'met' if ok else 'NOT met'}; R@5+acc {score:.3f})\n")
    show(rows, ["bm25", "dense", "hybrid"], kinds)
    for r in ("bm25", "dense", "hybrid"):
        print(r, {k: rows[(r, "ALL")][k] for k in ("recall@1", "recall@5", "mrr@10", "answer_accuracy",
                                                     "citation_accuracy", "abstention_accuracy")})
    if args.ranks:
        ranks: dict[str, dict[str, int | None]] = {}
        for r in (*base.results, *best_report.results):
            if r.question.answerable and r.ranked is not None:
                ranks.setdefault(r.question.id, {})[r.retriever] = gold_rank(r)
        print("\ngold rank (bm25 / dense / hybrid), where they differ or one misses at 1:")
        for q in questions:
            got = ranks.get(q.id)
            if got and (len(set(got.values())) > 1 or any(v != 1 for v in got.values())):
                print(f"  {q.id:28} {q.kind:12} " + " / ".join(str(got.get(r) or "-") for r in ("bm25", "dense", "hybrid")))
        print("\nRecall@5 against bm25 (questions whose gold clause one brings within the first five, or pushes out):")
        for r in ("dense", "hybrid"):
            brought, pushed = r5_changes(ranks, r)
            print(f"  {r}: brings in {len(brought)} {brought}; pushes out {len(pushed)} {pushed}")
        verdicts: dict[str, dict[str, bool | None]] = {}
        for r in (*base.results, *best_report.results):
            verdicts.setdefault(r.question.id, {})[r.retriever] = r.answer_ok
        print("\nanswer right (bm25 / dense / hybrid), where bm25 and hybrid differ:")
        for q in questions:
            got = verdicts.get(q.id, {})
            if got.get("bm25") != got.get("hybrid"):
                print(f"  {q.id:28} {q.kind:12} " + " / ".join({True: "ok", False: "--", None: "."}[got.get(r)]
                                                                for r in ("bm25", "dense", "hybrid")))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
