"""What a conversation remembers between turns: the last question as read, and the documents it is about.

``read_question(previous=…)`` decides what a follow-up keeps of the previous question (topic,
kind, province, year).  This module keeps the other half: which documents the conversation is
about.  A follow-up that points back ("Nghị định này …", "doanh nghiệp đó", "Còn vùng IV?") is
answered from them; a new question that names no document and that several documents answer
differently is answered from them when they answer it about as well as the others (a person
asked about "the" budget figure after talking about one directive means that directive).
An abstained turn does not change the documents a conversation is about.
"""

from __future__ import annotations

from collections.abc import Mapping

from bot.models import Answer
from bot.query import Query
from corpus.models import Directive
from corpus.text import fold

__all__ = ["changed", "context_after", "context_of", "history_after", "pointed_documents", "prefer_context", "repeats"]

_CONTEXT, _HISTORY = "context", "context_history"
_HISTORY_TURNS = 5


def _cited(ans: Answer, q: object) -> tuple[str, ...]:
    """The documents an answer is about: its first document, or all of them for a set or a choice."""
    docs = tuple(dict.fromkeys(c.doc_id for c in ans.citations))
    if docs and not ans.clarify and not getattr(q, "about_set", False):
        return docs[:1]
    return docs


def context_of(previous: Answer | None) -> tuple[str, ...]:
    """The documents the conversation is about after ``previous`` (empty when there is none)."""
    if previous is None:
        return ()
    if _CONTEXT in previous.extra:
        return tuple(previous.extra[_CONTEXT])
    return _cited(previous, previous.extra.get("query"))


def context_after(ans: Answer, q: Query, previous: Answer | None) -> tuple[str, ...]:
    """The documents the conversation is about after this answer; an abstention keeps the earlier ones."""
    if ans.abstained or not ans.citations:
        return context_of(previous)
    return _cited(ans, q)


def history_after(ans: Answer, q: Query, previous: Answer | None) -> tuple[tuple[str, ...], ...]:
    """The documents of the last few turns, latest first (what "Chỉ thị này" may point back to)."""
    earlier = tuple(previous.extra.get(_HISTORY, ())) if previous is not None else ()
    now = context_after(ans, q, previous)
    return tuple(dict.fromkeys(c for c in (now, *earlier) if c))[:_HISTORY_TURNS]


def pointed_documents(
    q: Query, context: tuple[str, ...], directives: Mapping[str, Directive], history: tuple[tuple[str, ...], ...] = ()
) -> tuple[str, ...]:
    """The documents a same-document follow-up is about: the conversation's, or, when it names a kind
    ("Chỉ thị này"), the latest ones of that kind discussed (the context itself when none is)."""
    if not q.refers_to:
        return context
    kind = fold(q.refers_to)
    for docs in (context, *history):
        named = tuple(d for d in docs if d in directives and fold(directives[d].doc_type or "") == kind)
        if named:
            return named
    return context


def prefer_context(ans: Answer, scoped: Answer, *, margin: float) -> bool:
    """Whether ``scoped`` (the question answered from the conversation's documents only) replaces ``ans``,
    an answer that asks which document was meant: it must be about as well supported as the best of the
    choices (within ``margin``).  It is then one answer, or a choice among the conversation's documents."""
    if not ans.clarify or scoped.abstained or not scoped.citations:
        return False
    best = max((c.score for c in ans.citations), default=0.0)
    return max(c.score for c in scoped.citations) >= best - margin


def changed(q: Query, before: Query | None) -> bool:
    """Whether a follow-up asks something else than the question before it (topic, kind or scope)."""
    if before is None:
        return False
    fields = ("topic", "kind", "provinces", "years", "numbers")
    return any(getattr(q, f) != getattr(before, f) for f in fields)


def repeats(ans: Answer, previous: Answer | None) -> bool:
    """Whether ``ans`` is the previous answer again: the same words from the same clauses.

    A follow-up that changed what it asks must never get the previous turn's answer or number.
    """
    if previous is None or previous.abstained or ans.abstained or not ans.citations:
        return False
    same_clauses = {c.clause_id for c in ans.citations} == {c.clause_id for c in previous.citations}
    return same_clauses and ans.answer == previous.answer
