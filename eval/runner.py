"""Running the evaluation sets through the assistant, once per retriever, and scoring them.

The runner only calls ``assistant.answer()``, ``assistant.search()`` and reads
``assistant.index.notice`` (and ``assistant.tuning`` when there is one); the
corpus (to turn gold labels into clause ids) is a plain argument.  A retriever
that cannot run as asked (the embedding model did not load, so the assistant
fell back to BM25) is reported under ``skipped`` with the reason, never scored
under the wrong name.

Nothing flatters: an exception, an error the assistant logged while answering,
or an answer flagged as an internal error is an *error*, its own figure, and
never a (correct) abstention.  Conversations are asked turn by turn with the
previous answer passed on, and every turn is scored on its own.
"""

from __future__ import annotations

import json
import logging
import sys
import time
from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass, field, is_dataclass, replace

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
from eval.questions import Conversation, Question, QuestionSetError

__all__ = [
    "RETRIEVERS",
    "EvalReport",
    "Failure",
    "QuestionResult",
    "Scores",
    "run_evaluation",
    "score",
    "tuning_in_force",
]

log = logging.getLogger(__name__)

RETRIEVERS: tuple[str, ...] = ("bm25", "dense", "hybrid")
SEARCH_K = 10
#: Kinds whose answer must cite every gold document (the question names none of them).
_EVERY_DOCUMENT_KINDS = ("ambiguous",)
#: Loggers of the answering packages: an ERROR they log while answering is an internal error.
_ANSWERING_LOGGERS = ("bot", "index", "corpus")

Item = Question | Conversation


@dataclass(frozen=True)
class QuestionResult:
    """What one retriever produced for one question (or conversation turn), with its verdicts."""

    question: Question
    retriever: str
    ranked: tuple[str, ...] | None  # None: retrieval not measured (conversation turns)
    gold_ids: tuple[str, ...]
    answer: str
    abstained: bool
    cited: tuple[str, ...]
    cited_labels: tuple[str, ...]
    latency_ms: float
    answer_ok: bool | None
    citation_ok: bool | None
    set: str = "directives"
    error: str | None = None
    conversation: str | None = None
    turn: int | None = None
    expect: str | None = None

    @property
    def cited_documents(self) -> int:
        return len({c.partition(":")[0] for c in self.cited})

    @property
    def correct(self) -> bool:
        """Right answer from the right clause, or a right abstention; an error is never right."""
        return not self.reasons

    @property
    def reasons(self) -> tuple[str, ...]:
        """Why this result counts as a failure (empty when it is correct)."""
        if self.error is not None:
            return ("error",)
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
    """The figures for one group of results; None where a figure does not apply."""

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
    errors: int = 0
    error_rate: float | None = None
    max_cited_documents: int | None = None
    turn_accuracy: float | None = None
    topic_switch_accuracy: float | None = None
    follow_up_accuracy: float | None = None
    unanswerable_follow_up_accuracy: float | None = None
    conversation_accuracy: float | None = None

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
        ("error_rate", "error_rate"),
        ("errors", "errors"),
        ("max_cited_documents", "max_cited_documents"),
        ("turn_accuracy", "turn_accuracy"),
        ("topic_switch_accuracy", "topic_switch_accuracy"),
        ("follow_up_accuracy", "follow_up_accuracy"),
        ("unanswerable_follow_up_accuracy", "unanswerable_follow_up_accuracy"),
        ("conversation_accuracy", "conversation_accuracy"),
        ("latency_ms_p50", "latency_ms_p50"),
        ("latency_ms_p95", "latency_ms_p95"),
    )

    def to_dict(self) -> dict[str, float | None]:
        return {"questions": self.questions, **{key: _round(getattr(self, name)) for name, key in self.KEYS}}

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
    set: str = "directives"
    split: str = "dev"

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "set": self.set,
            "split": self.split,
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
    """Everything ``thidua eval`` prints or writes.

    ``by_set[retriever][set][split]`` and ``by_kind[retriever][set][split][kind]``
    hold the figures per split ("dev", "test", and "all" when both ran);
    ``by_retriever`` is everything one retriever ran, all sets together.
    """

    questions: int
    by_retriever: dict[str, Scores]
    by_set: dict[str, dict[str, dict[str, Scores]]]
    by_kind: dict[str, dict[str, dict[str, dict[str, Scores]]]]
    failures: tuple[Failure, ...]
    skipped: dict[str, str]
    tuning: dict | None = None
    corpus: dict = field(default_factory=dict)
    results: tuple[QuestionResult, ...] = field(default=(), compare=False, repr=False)

    def scores(self, retriever: str, set_name: str, split: str) -> Scores | None:
        return self.by_set.get(retriever, {}).get(set_name, {}).get(split)

    def to_dict(self) -> dict:
        return {
            "questions": self.questions,
            "tuning": self.tuning,
            "corpus": dict(self.corpus),
            "by_retriever": {r: s.to_dict() for r, s in self.by_retriever.items()},
            "by_set": {
                r: {name: {sp: s.to_dict() for sp, s in splits.items()} for name, splits in sets.items()}
                for r, sets in self.by_set.items()
            },
            "by_kind": {
                r: {
                    name: {sp: {k: s.to_dict() for k, s in kinds.items()} for sp, kinds in splits.items()}
                    for name, splits in sets.items()
                }
                for r, sets in self.by_kind.items()
            },
            "failures": [f.to_dict() for f in self.failures],
            "skipped": dict(self.skipped),
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 4)


def tuning_in_force(assistant: object) -> dict | None:
    """The answer tuning the assistant runs with (``AnswerTuning`` as a dict), None before it existed."""
    tuning = getattr(assistant, "tuning", None)
    if tuning is None:
        try:
            from bot.tuning import AnswerTuning  # type: ignore[import-not-found]
        except ImportError:
            return None
        tuning = AnswerTuning()
    if not is_dataclass(tuning) or isinstance(tuning, type):
        return None
    return json.loads(json.dumps(asdict(tuning), default=str))  # JSON-safe (tuples -> lists, sets -> text)


def _as_sets(items: Sequence[Item] | Mapping[str, Sequence[Item]]) -> dict[str, tuple[Item, ...]]:
    if isinstance(items, Mapping):
        return {name: tuple(v) for name, v in items.items()}
    items = tuple(items)
    name = "conversations" if items and all(isinstance(i, Conversation) for i in items) else "directives"
    return {name: items}


def _questions_of(item: Item) -> tuple[Question, ...]:
    return tuple(t.question for t in item.turns) if isinstance(item, Conversation) else (item,)


def run_evaluation(
    assistant: object,
    items: Sequence[Item] | Mapping[str, Sequence[Item]],
    retrievers: Sequence[str] = RETRIEVERS,
    *,
    corpus: object | None = None,
    progress: bool = False,
    allow_unresolved_gold: bool = False,
) -> EvalReport:
    """Ask every question (and every conversation, turn by turn) with every retriever and score them.

    ``items`` is one set (questions or conversations) or a mapping set name ->
    items.  ``corpus`` (default ``assistant.corpus``) resolves gold labels to
    clause ids; an unresolvable label raises ``QuestionSetError`` before anything runs,
    unless ``allow_unresolved_gold``: then the question is still asked, its
    answer judged, its citation necessarily wrong, and the labels are listed in
    ``report.corpus["unresolved_gold"]`` (a clause the parser does not find is a
    defect a user meets too, not a reason to leave the question out).
    """
    corpus = corpus if corpus is not None else assistant.corpus  # type: ignore[attr-defined]
    sets = _as_sets(items)
    all_questions = [q for group in sets.values() for item in group for q in _questions_of(item)]
    gold_ids, unresolved = _resolve_gold(all_questions, corpus, strict=not allow_unresolved_gold)
    results: list[QuestionResult] = []
    skipped: dict[str, str] = {}
    bar = tqdm(total=len(all_questions) * len(retrievers), file=sys.stderr, disable=not progress, unit="câu")
    try:
        for retriever in retrievers:
            bar.set_description(retriever)
            done, reason = _run_one(assistant, sets, retriever, gold_ids, corpus, bar)
            if reason is None and done and all(r.error is not None for r in done):
                reason = f"{retriever} lỗi ở mọi câu: {done[0].error}"
            if reason is None:
                results.extend(done)
            else:
                log.warning("retriever %s skipped: %s", retriever, reason)
                skipped[retriever] = reason
                bar.update(len(all_questions) - len(done))
    finally:
        bar.close()
    report = _build_report(len(all_questions), results, skipped)
    documents = len(getattr(corpus, "directives", ()) or ())
    info: dict = {"documents": documents}
    if unresolved:
        info["unresolved_gold"] = unresolved
    return replace(report, tuning=tuning_in_force(assistant), corpus=info)


class _ErrorCapture(logging.Handler):
    """Collects ERROR records the answering packages log while one question is answered."""

    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        if record.name.split(".")[0] in _ANSWERING_LOGGERS:
            self.records.append(record)


def _flagged_error(ans: object) -> str | None:
    """An answer the assistant itself marks as an internal error (attribute, kind or extra)."""
    error = getattr(ans, "error", None)
    if error:
        return str(error)
    if getattr(ans, "kind", None) == "error":
        return getattr(ans, "answer", "") or "error"
    extra = getattr(ans, "extra", None) or {}
    return str(extra["error"]) if extra.get("error") else None


def _ask(assistant, text: str, retriever: str, previous) -> tuple[object | None, str | None, float]:
    """(answer or None, error or None, wall ms) for one question; never raises for an answering bug."""
    capture = _ErrorCapture()
    root = logging.getLogger()
    root.addHandler(capture)
    t0 = time.perf_counter()
    try:
        ans = assistant.answer(text, retriever=retriever, previous=previous)
    except Exception as exc:
        log.warning("answering raised for %r", text, exc_info=True)
        return None, f"{type(exc).__name__}: {exc}", (time.perf_counter() - t0) * 1000
    finally:
        root.removeHandler(capture)
    wall = (time.perf_counter() - t0) * 1000
    flagged = _flagged_error(ans)
    if flagged:
        return ans, flagged, wall
    if capture.records:
        record = capture.records[0]
        return ans, f"{record.name}: {record.getMessage()}", wall
    return ans, None, wall


def _run_one(assistant, sets, retriever, gold_ids, corpus, bar) -> tuple[list[QuestionResult], str | None]:
    """Results for one retriever, or the reason it cannot be evaluated."""
    if retriever != "bm25" and not _dense_ready(assistant):
        return [], f"{retriever} không chạy được: {_notice(assistant) or 'chỉ mục không có vectơ'}"
    done: list[QuestionResult] = []
    for set_name, group in sets.items():
        for item in group:
            if isinstance(item, Conversation):
                previous = None
                for turn in item.turns:
                    q = turn.question
                    ans, error, wall = _ask(assistant, q.question, retriever, previous)
                    why = _fell_back(assistant, ans, retriever)
                    if why:
                        return done, why
                    if ans is not None:
                        previous = ans
                    done.append(
                        score(q, retriever, None, ans, gold_ids[q.id], corpus, set_name=set_name, error=error,
                              wall_ms=wall, conversation=item.id, turn=turn.number, expect=turn.expect)
                    )
                    bar.update(1)
                continue
            q = item
            search_error = None
            try:
                ranked = [h.chunk.clause_id for h in assistant.search(q.question, k=SEARCH_K, retriever=retriever)]
            except Exception as exc:
                log.warning("search raised for %s", q.id, exc_info=True)
                ranked, search_error = [], f"search: {type(exc).__name__}: {exc}"
            ans, error, wall = _ask(assistant, q.question, retriever, None)
            why = _fell_back(assistant, ans, retriever)
            if why:
                return done, why
            done.append(score(q, retriever, ranked, ans, gold_ids[q.id], corpus, set_name=set_name,
                              error=search_error or error, wall_ms=wall))
            bar.update(1)
    return done, None


def _fell_back(assistant, ans, retriever: str) -> str | None:
    """Why this retriever's answers cannot be scored under its name (None: they can)."""
    ran = getattr(ans, "retriever", retriever) if ans is not None else retriever
    if ran != retriever:
        why = getattr(ans, "notice", None) or _notice(assistant) or "không rõ lý do"
        return f"yêu cầu {retriever} nhưng hệ thống chạy {ran}: {why}"
    if retriever != "bm25" and not _dense_ready(assistant):
        return f"{retriever} không chạy được: {_notice(assistant) or 'chỉ mục không có vectơ'}"
    return None


def _dense_ready(assistant: object) -> bool:
    """Whether dense search can run.  A notice alone does not say: the configured model may have
    failed while the bundled fallback loaded.  Indexes without the flag count as ready unless noticed."""
    index = getattr(assistant, "index", None)
    ready = getattr(index, "dense_ready", None)
    return bool(ready) if ready is not None else not _notice(assistant)


def _notice(assistant: object) -> str | None:
    index = getattr(assistant, "index", None)
    return getattr(index, "notice", None) or None


def _resolve_gold(
    questions: Sequence[Question], corpus: object, *, strict: bool = True
) -> tuple[dict[str, tuple[str, ...]], list[str]]:
    """Gold clause ids per question, and the labels that do not resolve ("id → doc: label")."""
    out: dict[str, tuple[str, ...]] = {}
    missing: list[str] = []
    for q in questions:
        ids = []
        for g in q.gold:
            directive = corpus.get(g.doc_id)  # type: ignore[attr-defined]
            clause = directive.clause(g.clause) if directive is not None else None
            if clause is None:
                missing.append(f"{q.id} → {g}")
                ids.append(f"{g.doc_id}:?{g.clause}")  # matches no citation
            else:
                ids.append(clause.id)
        out[q.id] = tuple(ids)
    if missing and strict:
        shown = "; ".join(missing[:5]) + (f" (và {len(missing) - 5} chỗ khác)" if len(missing) > 5 else "")
        raise QuestionSetError(
            f"{len(missing)} điều khoản gold không có trong kho văn bản: {shown}. "
            "Sửa nhãn điều khoản trong tệp câu hỏi hoặc chọn đúng --corpus-dir "
            "(bộ library cần thêm thư mục thư viện, ví dụ --corpus-dir ../shared/library); "
            "--allow-unresolved-gold chấm các câu đó với trích dẫn tính là sai."
        )
    return out, missing


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
    ranked: Sequence[str] | None,
    answer: object | None,
    gold_ids: Sequence[str],
    corpus: object,
    *,
    set_name: str = "directives",
    error: str | None = None,
    wall_ms: float = 0.0,
    conversation: str | None = None,
    turn: int | None = None,
    expect: str | None = None,
) -> QuestionResult:
    """Verdicts for one answer: answer text and citations are judged only when the bot answered.

    With ``error`` (or no answer at all) the result is an error: not an
    abstention, not a right answer.
    """
    extra = dict(set=set_name, conversation=conversation, turn=turn, expect=expect)
    common = dict(question=question, retriever=retriever, ranked=None if ranked is None else tuple(dedupe(ranked)),
                  gold_ids=tuple(gold_ids))
    if answer is None or error is not None:
        return QuestionResult(
            **common, answer=getattr(answer, "answer", "") if answer is not None else "", abstained=False,
            cited=(), cited_labels=(), latency_ms=float(getattr(answer, "latency_ms", 0.0) or wall_ms),
            answer_ok=False if question.answerable else None, citation_ok=None,
            error=error or "no answer", **extra,
        )
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
        **common,
        answer=answer.answer,  # type: ignore[attr-defined]
        abstained=abstained,
        cited=cited,
        cited_labels=labels,
        latency_ms=float(answer.latency_ms),  # type: ignore[attr-defined]
        answer_ok=answer_ok,
        citation_ok=citation_ok,
        **extra,
    )


def _rate(results: Sequence[QuestionResult]) -> float | None:
    return mean(1.0 if r.correct else 0.0 for r in results)


def _scores(results: Sequence[QuestionResult]) -> Scores:
    answerable = [r for r in results if r.question.answerable]
    searched = [r for r in answerable if r.ranked is not None]
    answered = [r for r in answerable if not r.abstained and r.error is None]
    unanswerable = [r for r in results if not r.question.answerable]
    latencies = [r.latency_ms for r in results]
    turns = [r for r in results if r.turn is not None]
    later = [r for r in turns if r.turn and r.turn > 1]
    conversations: dict[str, list[QuestionResult]] = {}
    for r in turns:
        conversations.setdefault(r.conversation or "", []).append(r)
    errors = sum(1 for r in results if r.error is not None)
    return Scores(
        questions=len(results),
        recall_at_1=mean(recall_at_k(r.ranked, r.gold_ids, 1) for r in searched),
        recall_at_5=mean(recall_at_k(r.ranked, r.gold_ids, 5) for r in searched),
        recall_at_10=mean(recall_at_k(r.ranked, r.gold_ids, 10) for r in searched),
        mrr_at_10=mean(reciprocal_rank(r.ranked, r.gold_ids, 10) for r in searched),
        ndcg_at_10=mean(ndcg_at_k(r.ranked, r.gold_ids, 10) for r in searched),
        # An abstention (or an error) on an answerable question is a wrong answer, not a missing one.
        answer_accuracy=mean(1.0 if r.answer_ok and r.error is None else 0.0 for r in answerable),
        citation_accuracy=mean(1.0 if r.citation_ok else 0.0 for r in answered),
        # An error on an unanswerable question is not an abstention.
        abstention_accuracy=abstention_accuracy([r.abstained and r.error is None for r in unanswerable]),
        false_abstention_rate=false_abstention_rate([r.abstained and r.error is None for r in answerable]),
        latency_ms_p50=percentile(latencies, 50),
        latency_ms_p95=percentile(latencies, 95),
        errors=errors,
        error_rate=mean(1.0 if r.error is not None else 0.0 for r in results),
        max_cited_documents=max((r.cited_documents for r in results), default=None),
        turn_accuracy=_rate(turns),
        topic_switch_accuracy=_rate([r for r in later if r.expect == "new_topic"]),
        follow_up_accuracy=_rate([r for r in later if r.expect == "follow_up"]),
        unanswerable_follow_up_accuracy=_rate([r for r in later if not r.question.answerable]),
        conversation_accuracy=mean(1.0 if all(r.correct for r in rs) else 0.0 for rs in conversations.values())
        if conversations else None,
    )


def _by_split(results: Sequence[QuestionResult], scorer) -> dict:
    splits = sorted({r.question.split for r in results})
    out = {sp: scorer([r for r in results if r.question.split == sp]) for sp in splits}
    if len(splits) > 1:
        out["all"] = scorer(list(results))
    return out


def _kinds(results: Sequence[QuestionResult]) -> dict[str, Scores]:
    kinds = dict.fromkeys(r.question.kind for r in results)
    return {k: _scores([r for r in results if r.question.kind == k]) for k in kinds}


def _build_report(questions: int, results: Sequence[QuestionResult], skipped: dict[str, str]) -> EvalReport:
    by_retriever: dict[str, Scores] = {}
    by_set: dict[str, dict[str, dict[str, Scores]]] = {}
    by_kind: dict[str, dict[str, dict[str, dict[str, Scores]]]] = {}
    for retriever in dict.fromkeys(r.retriever for r in results):
        mine = [r for r in results if r.retriever == retriever]
        by_retriever[retriever] = _scores(mine)
        by_set[retriever], by_kind[retriever] = {}, {}
        for set_name in dict.fromkeys(r.set for r in mine):
            group = [r for r in mine if r.set == set_name]
            by_set[retriever][set_name] = _by_split(group, _scores)
            by_kind[retriever][set_name] = _by_split(group, _kinds)
    failures = tuple(
        Failure(
            id=r.question.id,
            retriever=r.retriever,
            kind=r.question.kind,
            question=r.question.question,
            reasons=r.reasons,
            expected=r.question.answers if r.question.answerable else ("(từ chối: không có trong văn bản)",),
            gold=tuple(str(g) for g in r.question.gold),
            got=r.answer if r.error is None else f"[lỗi] {r.error}",
            cited=r.cited_labels,
            set=r.set,
            split=r.question.split,
        )
        for r in results
        if r.reasons
    )
    return EvalReport(
        questions=questions,
        by_retriever=by_retriever,
        by_set=by_set,
        by_kind=by_kind,
        failures=failures,
        skipped=skipped,
        results=tuple(results),
    )
