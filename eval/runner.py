"""Running the question set through the assistant, once per retriever, and scoring it.

The runner only calls ``assistant.answer()``, ``assistant.search()`` and reads
``assistant.index.notice``; the corpus (to turn gold labels into clause ids)
is a plain argument.  A retriever that cannot run as asked (the embedding
model did not load, so the assistant fell back to BM25) is reported under
``skipped`` with the reason, never scored under the wrong name.
"""

from __future__ import annotations

import logging
import sys
from collections.abc import Sequence
from dataclasses import dataclass, field

from tqdm import tqdm

from eval.metrics import (
    abstention_accuracy,
    answer_correct,
    citation_correct,
    dedupe,
    false_abstention_rate,
    mean,
    ndcg_at_k,
    percentile,
    recall_at_k,
    reciprocal_rank,
)
from eval.questions import Question, QuestionSetError

__all__ = ["RETRIEVERS", "EvalReport", "Failure", "QuestionResult", "Scores", "run_evaluation", "score"]

log = logging.getLogger(__name__)

RETRIEVERS: tuple[str, ...] = ("bm25", "dense", "hybrid")
SEARCH_K = 10
#: Kinds whose answer must cite every gold document (the question names none of them).
_EVERY_DOCUMENT_KINDS = ("ambiguous",)


@dataclass(frozen=True)
class QuestionResult:
    """What one retriever produced for one question, with its verdicts."""

    question: Question
    retriever: str
    ranked: tuple[str, ...]
    gold_ids: tuple[str, ...]
    answer: str
    abstained: bool
    cited: tuple[str, ...]
    cited_labels: tuple[str, ...]
    latency_ms: float
    answer_ok: bool | None
    citation_ok: bool | None

    @property
    def reasons(self) -> tuple[str, ...]:
        """Why this result counts as a failure (empty when it is correct)."""
        q = self.question
        if not q.answerable:
            return () if self.abstained else ("should_abstain",)
        if self.abstained:
            return ("false_abstention",)
        out = []
        if not self.answer_ok:
            out.append("wrong_answer")
        if not self.citation_ok:
            out.append("wrong_citation")
        return tuple(out)


@dataclass(frozen=True)
class Scores:
    """The figures for one retriever (or one kind under it); None where a figure does not apply."""

    questions: int
    recall_at_1: float | None
    recall_at_5: float | None
    recall_at_10: float | None
    mrr_at_10: float | None
    ndcg_at_10: float | None
    answer_accuracy: float | None
    citation_accuracy: float | None
    abstention_accuracy: float | None
    false_abstention_rate: float | None
    latency_ms_p50: float | None
    latency_ms_p95: float | None

    #: JSON / report key for each field, in display order.
    KEYS = (
        ("recall_at_1", "recall@1"),
        ("recall_at_5", "recall@5"),
        ("recall_at_10", "recall@10"),
        ("mrr_at_10", "mrr@10"),
        ("ndcg_at_10", "ndcg@10"),
        ("answer_accuracy", "answer_accuracy"),
        ("citation_accuracy", "citation_accuracy"),
        ("abstention_accuracy", "abstention_accuracy"),
        ("false_abstention_rate", "false_abstention_rate"),
        ("latency_ms_p50", "latency_ms_p50"),
        ("latency_ms_p95", "latency_ms_p95"),
    )

    def to_dict(self) -> dict[str, float | None]:
        return {key: _round(getattr(self, name)) for name, key in self.KEYS}

    def get(self, key: str) -> float | None:
        """A figure by its JSON key ("recall@5") or field name."""
        names = dict((k, n) for n, k in self.KEYS)
        return getattr(self, names.get(key, key))


@dataclass(frozen=True)
class Failure:
    """A question one retriever got wrong, with what was expected and what came back."""

    id: str
    retriever: str
    kind: str
    question: str
    reasons: tuple[str, ...]
    expected: tuple[str, ...]
    gold: tuple[str, ...]
    got: str
    cited: tuple[str, ...]

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "retriever": self.retriever,
            "kind": self.kind,
            "question": self.question,
            "reasons": list(self.reasons),
            "expected": list(self.expected),
            "gold": list(self.gold),
            "got": self.got,
            "cited": list(self.cited),
        }


@dataclass(frozen=True)
class EvalReport:
    """Everything ``thidua eval`` prints or writes."""

    questions: int
    by_retriever: dict[str, Scores]
    by_kind: dict[str, dict[str, Scores]]
    failures: tuple[Failure, ...]
    skipped: dict[str, str]
    results: tuple[QuestionResult, ...] = field(default=(), compare=False, repr=False)

    def to_dict(self) -> dict:
        return {
            "questions": self.questions,
            "by_retriever": {r: s.to_dict() for r, s in self.by_retriever.items()},
            "by_kind": {r: {k: s.to_dict() for k, s in kinds.items()} for r, kinds in self.by_kind.items()},
            "failures": [f.to_dict() for f in self.failures],
            "skipped": dict(self.skipped),
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def run_evaluation(
    assistant: object,
    questions: Sequence[Question],
    retrievers: Sequence[str] = RETRIEVERS,
    *,
    corpus: object | None = None,
    progress: bool = False,
) -> EvalReport:
    """Ask every question with every retriever and score the answers and rankings.

    ``corpus`` (default ``assistant.corpus``) resolves gold labels to clause ids;
    an unresolvable label raises ``QuestionSetError`` before anything runs.
    """
    corpus = corpus if corpus is not None else assistant.corpus  # type: ignore[attr-defined]
    gold_ids = _resolve_gold(questions, corpus)
    results: list[QuestionResult] = []
    skipped: dict[str, str] = {}
    bar = tqdm(total=len(questions) * len(retrievers), file=sys.stderr, disable=not progress, unit="câu")
    try:
        for retriever in retrievers:
            bar.set_description(retriever)
            done, reason = _run_one(assistant, questions, retriever, gold_ids, corpus, bar)
            if reason is None:
                results.extend(done)
            else:
                log.warning("retriever %s skipped: %s", retriever, reason)
                skipped[retriever] = reason
                bar.update(len(questions) - len(done))
    finally:
        bar.close()
    return _build_report(questions, results, skipped)


def _run_one(assistant, questions, retriever, gold_ids, corpus, bar) -> tuple[list[QuestionResult], str | None]:
    """Results for one retriever, or the reason it cannot be evaluated."""
    notice = _notice(assistant)
    if retriever != "bm25" and not _dense_ready(assistant):
        return [], f"{retriever} không chạy được: {notice or 'chỉ mục không có vectơ'}"
    done: list[QuestionResult] = []
    for q in questions:
        try:
            hits = assistant.search(q.question, k=SEARCH_K, retriever=retriever)
            ans = assistant.answer(q.question, retriever=retriever)
        except Exception as exc:  # a broken retriever is reported, not fatal for the others
            log.debug("retriever %s failed on %s", retriever, q.id, exc_info=True)
            return done, f"{retriever} lỗi ở câu {q.id}: {type(exc).__name__}: {exc}"
        ran = getattr(ans, "retriever", retriever)
        if ran != retriever:
            why = ans.notice or _notice(assistant) or "không rõ lý do"
            return done, f"yêu cầu {retriever} nhưng hệ thống chạy {ran}: {why}"
        if retriever != "bm25" and not _dense_ready(assistant):
            return done, f"{retriever} không chạy được: {_notice(assistant) or 'chỉ mục không có vectơ'}"
        done.append(score(q, retriever, [h.chunk.clause_id for h in hits], ans, gold_ids[q.id], corpus))
        bar.update(1)
    return done, None


def _dense_ready(assistant: object) -> bool:
    """Whether dense search can run.  A notice alone does not say: the configured model may have
    failed while the bundled fallback loaded.  Indexes without the flag count as ready unless noticed."""
    index = getattr(assistant, "index", None)
    ready = getattr(index, "dense_ready", None)
    return bool(ready) if ready is not None else not _notice(assistant)


def _notice(assistant: object) -> str | None:
    index = getattr(assistant, "index", None)
    return getattr(index, "notice", None) or None


def _resolve_gold(questions: Sequence[Question], corpus: object) -> dict[str, tuple[str, ...]]:
    out: dict[str, tuple[str, ...]] = {}
    missing: list[str] = []
    for q in questions:
        ids = []
        for g in q.gold:
            directive = corpus.get(g.doc_id)  # type: ignore[attr-defined]
            clause = directive.clause(g.clause) if directive is not None else None
            if clause is None:
                missing.append(f"{q.id} → {g}")
            else:
                ids.append(clause.id)
        out[q.id] = tuple(ids)
    if missing:
        shown = "; ".join(missing[:5]) + (f" (và {len(missing) - 5} chỗ khác)" if len(missing) > 5 else "")
        raise QuestionSetError(
            f"{len(missing)} điều khoản gold không có trong kho văn bản: {shown}. "
            "Sửa nhãn điều khoản trong tệp câu hỏi hoặc chọn đúng --corpus-dir."
        )
    return out


def _cited_id(citation: object, corpus: object) -> str:
    """A citation's clause id; resolved from its label when the assistant left it empty."""
    if getattr(citation, "clause_id", ""):
        return citation.clause_id  # type: ignore[attr-defined]
    directive = corpus.get(citation.doc_id)  # type: ignore[attr-defined]
    clause = directive.clause(citation.clause) if directive is not None else None  # type: ignore[attr-defined]
    return clause.id if clause is not None else f"{citation.doc_id}:?{citation.clause}"  # type: ignore[attr-defined]


def score(
    question: Question,
    retriever: str,
    ranked: Sequence[str],
    answer: object,
    gold_ids: Sequence[str],
    corpus: object,
) -> QuestionResult:
    """Verdicts for one answer: answer text and citations are judged only when the bot answered."""
    cited = tuple(_cited_id(c, corpus) for c in answer.citations)  # type: ignore[attr-defined]
    labels = tuple(f"{c.doc_id}: {c.clause}" for c in answer.citations)  # type: ignore[attr-defined]
    abstained = bool(answer.abstained)  # type: ignore[attr-defined]
    answer_ok = citation_ok = None
    if question.answerable and not abstained:
        answer_ok = answer_correct(answer.answer, question.answers)  # type: ignore[attr-defined]
        citation_ok = citation_correct(
            cited, gold_ids, every_document=question.kind in _EVERY_DOCUMENT_KINDS
        )
    return QuestionResult(
        question=question,
        retriever=retriever,
        ranked=tuple(dedupe(ranked)),
        gold_ids=tuple(gold_ids),
        answer=answer.answer,  # type: ignore[attr-defined]
        abstained=abstained,
        cited=cited,
        cited_labels=labels,
        latency_ms=float(answer.latency_ms),  # type: ignore[attr-defined]
        answer_ok=answer_ok,
        citation_ok=citation_ok,
    )


def _scores(results: Sequence[QuestionResult]) -> Scores:
    answerable = [r for r in results if r.question.answerable]
    answered = [r for r in answerable if not r.abstained]
    unanswerable = [r for r in results if not r.question.answerable]
    latencies = [r.latency_ms for r in results]
    return Scores(
        questions=len(results),
        recall_at_1=mean(recall_at_k(r.ranked, r.gold_ids, 1) for r in answerable),
        recall_at_5=mean(recall_at_k(r.ranked, r.gold_ids, 5) for r in answerable),
        recall_at_10=mean(recall_at_k(r.ranked, r.gold_ids, 10) for r in answerable),
        mrr_at_10=mean(reciprocal_rank(r.ranked, r.gold_ids, 10) for r in answerable),
        ndcg_at_10=mean(ndcg_at_k(r.ranked, r.gold_ids, 10) for r in answerable),
        # An abstention on an answerable question is a wrong answer, not a missing one.
        answer_accuracy=mean(1.0 if r.answer_ok else 0.0 for r in answerable),
        citation_accuracy=mean(1.0 if r.citation_ok else 0.0 for r in answered),
        abstention_accuracy=abstention_accuracy([r.abstained for r in unanswerable]),
        false_abstention_rate=false_abstention_rate([r.abstained for r in answerable]),
        latency_ms_p50=percentile(latencies, 50),
        latency_ms_p95=percentile(latencies, 95),
    )


def _build_report(
    questions: Sequence[Question], results: Sequence[QuestionResult], skipped: dict[str, str]
) -> EvalReport:
    by_retriever: dict[str, Scores] = {}
    by_kind: dict[str, dict[str, Scores]] = {}
    for retriever in dict.fromkeys(r.retriever for r in results):
        mine = [r for r in results if r.retriever == retriever]
        by_retriever[retriever] = _scores(mine)
        kinds = dict.fromkeys(r.question.kind for r in mine)
        by_kind[retriever] = {k: _scores([r for r in mine if r.question.kind == k]) for k in kinds}
    failures = tuple(
        Failure(
            id=r.question.id,
            retriever=r.retriever,
            kind=r.question.kind,
            question=r.question.question,
            reasons=r.reasons,
            expected=r.question.answers if r.question.answerable else ("(từ chối: không có trong văn bản)",),
            gold=tuple(str(g) for g in r.question.gold),
            got=r.answer,
            cited=r.cited_labels,
        )
        for r in results
        if r.reasons
    )
    return EvalReport(
        questions=len(questions),
        by_retriever=by_retriever,
        by_kind=by_kind,
        failures=failures,
        skipped=skipped,
        results=tuple(results),
    )
