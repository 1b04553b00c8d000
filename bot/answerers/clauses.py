"""Questions that address a clause by its label ("Khoản 3 Điều 7 Thông tư 28/2026/TT-BTC quy định gì?",
"Còn điểm d?"): the answer is that clause itself, quoted, in each document of the scope that has it."""

from __future__ import annotations

from bot.answerers.base import Found, Reader
from bot.compose import excerpt
from bot.query import Query, clause_labels
from corpus.models import Clause, Directive
from index.models import Hit

__all__ = ["ClauseAnswerer"]


class ClauseAnswerer:
    """The clause whose label is the one asked: all the labels the question names, and no deeper one.

    "điểm d" alone, in a document with a "điểm d" under several items, names none of them: nothing is guessed
    (a follow-up completes the label from the clause answered before it, in ``Assistant``)."""

    def find(self, reader: Reader, q: Query, d: Directive, hits: list[Hit]) -> list[Found]:
        if not q.clause_ref:
            return []
        wanted = set(q.clause_ref)
        deepest = q.clause_ref[-1][0]
        matches = []
        for c in d.clauses:
            parts = clause_labels(c.label)
            if parts and parts[-1][0] == deepest and wanted <= set(parts):
                matches.append((len(parts), c))
        if not matches:
            return []
        fewest = min(n for n, _ in matches)
        best = [c for n, c in matches if n == fewest]
        if len(best) != 1:
            return []
        return [_quoted(d, best[0])]


def _quoted(d: Directive, c: Clause) -> Found:
    """The clause's text, trimmed to a readable length as every quote is (``compose.excerpt``)."""
    text, start, end = excerpt(c.text, 0, len(c.text))
    return Found(d, c, text, text, (start, end), 1.0)
