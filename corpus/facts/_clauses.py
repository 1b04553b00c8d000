"""Which parts of a directive facts are read from: each clause's OWN text, so a row cites the most specific clause."""

from __future__ import annotations

import re
from collections.abc import Iterator

from corpus.models import Clause, Directive

# Parts that are citable but never hold a duty or a target.
_SKIP_KINDS = {"header", "recipients", "signature"}
_MARKER = re.compile(r"\s*(?:(?:\d+|[IVXLC]+)(?:\.\d+)*\s*[.)]|[a-zđ]\s*\)|[-+•])\s+")


def own_ranges(directive: Directive, clause: Clause, children: list[Clause] | None = None) -> list[tuple[int, int]]:
    """Ranges of ``clause.text`` not covered by its children (lead text and closing text).

    ``children`` (the clause's children in document order) when the caller has grouped them already."""
    if children is None:
        children = [c for c in directive.clauses if c.parent == clause.id]
    covered: list[tuple[int, int]] = []
    aligned = directive.text[clause.start : clause.end] == clause.text
    for child in children:
        if aligned and clause.start <= child.start and child.end <= clause.end:
            covered.append((child.start - clause.start, child.end - clause.start))
        else:
            at = clause.text.find(child.text)
            if at >= 0:
                covered.append((at, at + len(child.text)))
    covered.sort()
    out: list[tuple[int, int]] = []
    pos = 0
    for a, b in covered:
        if a > pos:
            out.append((pos, a))
        pos = max(pos, b)
    if pos < len(clause.text):
        out.append((pos, len(clause.text)))
    return [(a, b) for a, b in out if clause.text[a:b].strip()]


def fact_clauses(directive: Directive) -> Iterator[tuple[Clause, list[tuple[int, int]]]]:
    """Answerable clauses with their own-text ranges, skipping header, recipients and signature."""
    children: dict[str, list[Clause]] = {}
    for c in directive.clauses:  # once per document, not once per clause
        if c.parent is not None:
            children.setdefault(c.parent, []).append(c)
    for clause in directive.clauses:
        if not clause.answerable or clause.kind in _SKIP_KINDS:
            continue
        ranges = own_ranges(directive, clause, children.get(clause.id, []))
        if ranges:
            yield clause, ranges


def skip_marker(text: str, start: int, end: int) -> int:
    """Position after a leading item marker ("10.", "e)", "- ") at ``start``."""
    m = _MARKER.match(text, start, end)
    return m.end() if m else start


_SENTENCE_END = re.compile(r"(?:\./\.|[.!?…])(?=\s|$)")


def sentences(text: str, start: int, end: int) -> Iterator[tuple[int, int]]:
    """Sentence ranges in ``text[start:end]``; a dot inside a number ("4.800") does not end one."""
    pos = start
    for m in _SENTENCE_END.finditer(text, start, end):
        if text[pos : m.end()].strip():
            yield pos, m.end()
        pos = m.end()
    if text[pos:end].strip():
        yield pos, end


def strip_range(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end
