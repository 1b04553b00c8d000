"""Answers about the document itself (signer, date, number, title or theme), cited to the clause stating them."""

from __future__ import annotations

import re

from bot.answerers.base import Found, Reader
from bot.compose import vn_date
from bot.extract import find_date, quoted_after
from bot.query import Query
from corpus.layout import is_signature_title
from corpus.lexicon import load_lexicon
from corpus.models import Clause, ClauseKind, Directive
from corpus.text import canonical_tones, fold, whole_words
from index.models import Hit

__all__ = ["MetaAnswerer", "stating_block"]

_LEADS = {"signer": "Người ký", "date": "Ngày ban hành", "number": "Số hiệu", "title": "Trích yếu"}
_THEME_CUES = load_lexicon().topic("theme_cues")
_MARKS = {row["mark"]: row["meaning"] for row in load_lexicon().topic("signing_marks")}
_TITLE_PREFIXES = frozenset(load_lexicon().topic("title_prefixes"))
# Longest first, so "Ủy ban Thường vụ Quốc hội" is spelled before "Quốc hội" inside it.
_AUTHORITY_NAMES = tuple(sorted(((canonical_tones(a.name).lower(), a.name) for a in load_lexicon().authorities),
                                key=lambda x: -len(x[0])))


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
            clause = _clause_stating(d, name)
            signed = _signed_as(clause.text, value) if clause is not None and value else None
            if clause is not None and signed is not None:
                # "Người ký: Phạm Thị Thanh Trà, Phó Thủ tướng (ký thay Thủ tướng)": who signs is read with the
                # title they sign under, which a supervisor asks as often as the name.
                title, start = signed
                at = clause.text.find(value, start)
                return Found(d, clause, f"{_LEADS[name]}: {value}, {title}", value, (at, at + len(value)), 1.0)
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
        if span is None and name == "date":
            # a header without its date ("Nghị quyết số: 78/2025/UBTVQH15", the date read from "… thông qua ngày 17
            # tháng 5 năm 2025" at its end): the clause writing the date is quoted, never the value as if written
            stated = next(((c, w) for c in d.clauses if (w := find_date(c.text, d.date or ""))), None)
            if stated is not None:
                clause, written = stated
                span = (written.start, written.end)
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


def _signed_as(text: str, signer: str) -> tuple[str, int] | None:
    """The title a signature block gives its signer, as written in a sentence, and where the quote starts:
    "KT. THỦ TƯỚNG / PHÓ THỦ TƯỚNG / Phạm Thị Thanh Trà" -> ("Phó Thủ tướng (ký thay Thủ tướng)", start of
    "KT."); None when no title line stands right above the name (a mark such as "(Đã ký)" may sit between)."""
    lines = text.split("\n")
    at = next((i for i, line in enumerate(lines) if signer in line), None)
    if at is None:
        return None
    above = [i for i in range(at - 1, -1, -1) if lines[i].strip()]
    while above and not is_signature_title(lines[above[0]]) and not lines[above[0]].strip().isupper():
        above = above[1:]  # a mark between title and name: "(Đã ký)", "[daky]"
    if not above or not is_signature_title(lines[above[0]]):
        return None
    own = lines[above[0]].strip()
    mark = re.match(r"^([A-Z]+)\.\s*", own)
    if mark and mark.group(1) in _MARKS:
        return None  # "TM. ỦY BAN NHÂN DÂN" right above a name: the body, not the signer's own title
    title = _as_title(own)
    first = above[0]
    before = lines[above[1]].strip() if len(above) > 1 else ""
    on_behalf = re.match(r"^([A-Z]+)\.\s*(.+)$", before)
    if on_behalf and on_behalf.group(1) in _MARKS and is_signature_title(before):
        title = f"{title} ({_MARKS[on_behalf.group(1)]} {_as_title(on_behalf.group(2))})"
        first = above[1]
    return title, sum(len(line) + 1 for line in lines[:first]) + (len(lines[first]) - len(lines[first].lstrip()))


def _as_title(upper: str) -> str:
    """ "PHÓ THỦ TƯỚNG" -> "Phó Thủ tướng", "CHỦ TỊCH QUỐC HỘI" -> "Chủ tịch Quốc hội", "BỘ TRƯỞNG" -> "Bộ trưởng":
    an authority's name inside keeps its own spelling (lexicon ``authorities.csv``)."""
    words = canonical_tones(" ".join(upper.split())).lower().split()
    if not words:
        return upper
    words[0] = words[0].capitalize()
    if len(words) > 1 and words[0].lower() in _TITLE_PREFIXES:
        words[1] = words[1].capitalize()
    text = " ".join(words)
    for low, name in _AUTHORITY_NAMES:
        text = whole_words(low, re.IGNORECASE).sub(name, text)
    return text
