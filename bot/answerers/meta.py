"""Answers about the document itself (signer, date, number, title or theme), cited to the clause stating them."""

from __future__ import annotations

from bot.answerers.base import Found, Reader
from bot.compose import vn_date
from bot.extract import find_date, quoted_after
from bot.query import Query
from corpus.lexicon import load_lexicon
from corpus.models import Clause, ClauseKind, Directive
from corpus.text import fold
from index.models import Hit

__all__ = ["MetaAnswerer", "stating_block"]

_LEADS = {"signer": "Người ký", "date": "Ngày ban hành", "number": "Số hiệu", "title": "Trích yếu"}
_THEME_CUES = load_lexicon().topic("theme_cues")


def stating_block(q: Query) -> ClauseKind | None:
    """The block (clause kind) that states what a question about the document asks, as the answer cites it:
    the signature for its signer, the header for its number, date or title; None for any other question,
    and for a theme ("Chủ đề thi đua …"), which a body clause quotes.  Search ranks that block first for each
    document (``bot.assistant``), so the clause cited is the one retrieved whatever the words ranked."""
    if q.kind == "meta_signer":
        return "signature"
    if q.kind in ("meta_date", "meta_number"):
        return "header"
    if q.kind == "meta_title" and not _asks_theme(q):
        return "header"
    return None


def _asks_theme(q: Query) -> bool:
    folded = fold(q.text)
    return any(fold(cue) in folded for cue in _THEME_CUES)


class MetaAnswerer:
    """Metadata read from the text, with the clause that states it."""

    def find(self, reader: Reader, q: Query, d: Directive, hits: list[Hit]) -> list[Found]:
        f = self._meta(q, d)
        return [f] if f else []

    def _meta(self, q: Query, d: Directive) -> Found | None:
        kind = q.kind
        if kind == "meta_title":
            folded = fold(q.text)
            for cue in _THEME_CUES:
                if fold(cue) in folded:
                    for clause in d.answerable_clauses():
                        span = quoted_after(clause.text, cue)
                        if span:
                            return Found(d, clause, f"“{span.text}”", span.text, (span.start, span.end), 1.0)
                    return None
            value, name = d.title, "title"
        elif kind == "meta_signer":
            value, name = d.signer, "signer"
        elif kind == "meta_date":
            value, name = vn_date(d.date), "date"
        else:
            value, name = d.number, "number"
        if not value:
            return None
        clause = _clause_stating(d, name)
        if clause is None:
            return None
        pos = clause.text.find(value)
        span = (pos, pos + len(value)) if pos >= 0 else None
        if span is None and name == "date" and (written := find_date(clause.text, d.date or "")):
            span = (written.start, written.end)  # "27 tháng 01 năm 2023" for 27/01/2023: quoted as written
        quote = clause.text[span[0] : span[1]] if span else value
        return Found(d, clause, f"{_LEADS[name]}: {value}", quote, span, 1.0)


def _clause_stating(d: Directive, field: str) -> Clause | None:
    """The clause that states a metadata value: signature for the signer, header or appendix line otherwise."""
    source = d.field_source(field)
    wanted = {"signer": ("signature",), "title": ("header", "preamble")}.get(field, ("header", "appendix"))
    if source is not None and source.origin == "appendix":
        wanted = ("appendix",)
    for kind in wanted:
        for c in d.clauses:
            if c.kind == kind:
                return c
    return next(iter(d.clauses), None)
