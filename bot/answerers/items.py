"""Lists a clause announces: when the answering part is a lead-in ("Hồ sơ … gồm các thành phần sau:",
an article heading such as "Điều 68. Nguồn hình thành Quỹ"), the items below it are the answer.

Items are read from the clause text line by line (the parser does not always make them clauses):
the first line after the lead-in sets the item marker ("1.", "a)", "-", "+"); lines with a deeper
marker belong to the item above them; a line with a higher-level marker ends the list.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from bot.answerers.base import LIST_ANNOUNCERS, Answerer, Found, Reader
from bot.compose import MAX_EXCERPT, wraps
from bot.query import Query
from bot.tuning import AnswerTuning
from corpus.lexicon import derived, load_lexicon
from corpus.models import Clause, Directive
from corpus.text import fold
from index.models import Hit

__all__ = ["Item", "Listing", "inline_lead_in", "is_lead_in", "lead_in_above", "line_of", "list_items", "listed"]

# Marker styles, outermost first: article, numbered clause, lettered point, dash, plus.
_STYLES = (
    ("article", re.compile(r"Điều\s+\d+[a-zđ]?\.\s*")),
    ("number", re.compile(r"\d{1,3}(?:\.\d{1,3})*[.)]\s+")),
    ("letter", re.compile(r"[a-zđ][)]\s*")),
    ("dash", re.compile(r"[-–•]\s+")),
    ("plus", re.compile(r"\+\s*")),
)
_RANK = {name: i for i, (name, _) in enumerate(_STYLES)}
_PLAIN = len(_STYLES)  # a line without a marker


@derived
def _cues() -> tuple[str, ...]:
    return tuple(sorted(load_lexicon().topic("lead_in_cues"), key=len, reverse=True))


@dataclass(frozen=True)
class Item:
    """One listed item: its marker as written ("a)", "1.", "-"), its text, its line in the clause text."""

    marker: str
    text: str
    start: int
    end: int


def _style(line: str) -> tuple[int, str, str]:
    """(rank, marker, text) of one line; a line without a marker has the plain rank."""
    stripped = line.strip()
    for name, pattern in _STYLES:
        m = pattern.match(stripped)
        if m and name != "article":
            return _RANK[name], m.group(0).strip(), stripped[m.end():].strip()
        if m:
            return _RANK[name], "", stripped
    return _PLAIN, "", stripped


def _line_bounds(text: str, pos: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, pos) + 1
    end = text.find("\n", pos)
    return start, len(text) if end < 0 else end


def line_of(text: str, end: int) -> str:
    """The line of ``text`` up to ``end`` (a lead-in's whole sentence often starts before its part)."""
    start, _ = _line_bounds(text, max(0, end - 1))
    return text[start:end]


def is_lead_in(text: str, end: int) -> bool:
    """Whether the part of ``text`` ending at ``end`` closes a line that announces the lines below it."""
    start, line_end = _line_bounds(text, max(0, min(end, len(text)) - 1))
    if line_end >= len(text) or text[end:line_end].strip(" \t:.;") or not text[line_end:].strip():
        return False
    line = text[start:line_end].strip()
    if line.endswith(":") or _STYLES[0][1].match(line):
        return True
    folded = " ".join(re.findall(r"\w+", fold(re.sub(r"\([^)]*\)\s*$", "", line))))
    return any(folded == c or folded.endswith(" " + c) for c in _cues())


_LOOK_UP = 40  # lines read upward for an item's lead-in (siblings, their wrapped lines, a page's running header)


def lead_in_above(text: str, at: int) -> tuple[int, int] | None:
    """(start, end) of the line announcing the list in which the item at ``at`` stands: "a) Kéo dài 12 tháng
    đối với các trường hợp:" over "- Công chức bị kỷ luật giáng chức …".  The item says which case; what holds
    for it (a duration, a rate) is said once in the lead-in over all its cases.  None when the line at ``at``
    (followed up across its line wraps) is no list item, or the first line above it at a higher level does not
    end with ":"."""
    start, _ = _line_bounds(text, at)
    while start and wraps(text, start - 1):  # the item's first line
        start, _ = _line_bounds(text, start - 1)
    rank, _, _ = _style(text[start : _line_bounds(text, start)[1]])
    if rank == _PLAIN:
        return None
    pos = start
    for _ in range(_LOOK_UP):
        if pos == 0:
            return None
        a, b = _line_bounds(text, pos - 1)
        pos = a
        line = text[a:b]
        if not line.strip():
            continue
        above, _, _ = _style(line)
        if above < rank or (above == _PLAIN and line.rstrip().endswith(":")):
            while a and wraps(text, a - 1):  # the lead-in's first line
                a = _line_bounds(text, a - 1)[0]
            end = b
            while end < len(text) and wraps(text, end):  # the lead-in's own wrapped lines
                end = _line_bounds(text, end + 1)[1]
            return (a, end) if text[a:end].rstrip().endswith(":") else None
    return None


def list_items(text: str, end: int) -> list[Item]:
    """The items below the lead-in line that ``end`` closes: top-level lines, each with its deeper lines."""
    _, line_end = _line_bounds(text, max(0, end - 1))
    items: list[Item] = []
    level: int | None = None
    pos = line_end + 1
    while pos < len(text):
        nxt = text.find("\n", pos)
        stop = len(text) if nxt < 0 else nxt
        line = text[pos:stop]
        if line.strip():
            rank, marker, body = _style(line)
            if level is None:
                level = rank
            if rank < level and rank != _PLAIN:
                break  # a higher-level marker: the list is over
            if (rank == level or not items) and body:
                items.append(Item(marker, body, pos, stop))
            elif items:  # a deeper line (or a plain continuation) belongs to the item above
                last = items[-1]
                head = last.text.rstrip(" ;,.")
                joiner = " " if head.endswith(":") else "; "
                joined = f"{head}{joiner}{f'{marker} ' if marker else ''}{body.rstrip(' ;,.')}"
                items[-1] = Item(last.marker, joined, last.start, stop)
        pos = stop + 1
    return items


def _cut(text: str, limit: int) -> str:
    text = text.strip().rstrip(";,.")
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0].rstrip(";,.:") + " …"


def _deepest(d: Directive, clause: Clause, lead: str, first: list[str]) -> Clause:
    """The smallest clause under ``clause`` holding the lead-in and the items shown (what to cite)."""
    inside = [c for c in d.clauses if (c.id == clause.id or c.id.startswith(clause.id + ".")) and c.answerable]
    holding = [c for c in inside if lead in c.text and all(x in c.text for x in first)]
    return min(holding, key=lambda c: len(c.text)) if holding else clause


def listed(found: Found, tuning: AnswerTuning) -> Found | None:
    """``found`` answered with the items its lead-in announces; None when its part is not a lead-in."""
    if found.span is None or found.short != found.quote:
        return None
    text = found.clause.text
    a, b = found.span
    if not is_lead_in(text, b):
        return _inline(found)
    items = list_items(text, b)
    if len(items) < 2:
        return None
    line = line_of(text, b).strip()
    lead = (line if len(line) <= MAX_EXCERPT else found.quote).rstrip(" …:")
    shown = items[: tuning.list_max_items]
    parts = [f"{it.marker} {_cut(it.text, tuning.list_item_chars)}".strip() for it in shown]
    more = len(items) - len(shown)
    answer = f"{lead}: {'; '.join(parts)}" + (f" … (và {more} mục khác)" if more > 0 else "")
    clause = _deepest(found.directive, found.clause, lead, [it.text[:30] for it in shown])
    if clause is found.clause:
        span = (a, shown[-1].end)
    else:
        start = max(clause.text.find(lead), 0)
        last = clause.text.find(shown[-1].text[:30], start)
        span = (start, last + len(shown[-1].text[:30]) if last >= 0 else len(clause.text))
    return replace(found, clause=clause, short=answer, quote=answer, span=span)


# A list written on one line after its lead-in: "Hồ sơ gồm: văn bản đề nghị …; phương án vận tải …;".
_INLINE_LEAD = re.compile(rf"(?:{LIST_ANNOUNCERS})\s*:\s*\S", re.IGNORECASE)
_SENTENCE_END = re.compile(r"\.(?=\s|$)|\n\s*(?:[a-zđ]\)|\d{1,3}\.|[-–+•])\s")


def inline_lead_in(text: str, start: int, end: int) -> bool:
    """Whether ``text[start:end]`` announces a list written after it on the same line ("Hồ sơ gồm: X; Y")."""
    return _INLINE_LEAD.search(text, start, end) is not None


def _inline(found: Found) -> Found | None:
    """A part holding an inline list's lead-in ("Hồ sơ gồm: X; Y"): quoted through the last item of its
    sentence (its parts stop at each ";", and the first item alone is half an answer)."""
    text = found.clause.text
    a, b = found.span  # type: ignore[misc]
    m = _INLINE_LEAD.search(text, a, b)
    if m is None:
        return None
    stop = _SENTENCE_END.search(text, b)
    end = stop.start() if stop else len(text)
    if end <= b or text.count(";", b, end) == 0 or end - a > 2 * MAX_EXCERPT:
        return None  # no further item, or a paragraph too long to quote whole
    quote = text[a:end].strip().rstrip(".;,:")
    return replace(found, short=quote, quote=quote, span=(a, a + len(quote)))


@dataclass(frozen=True)
class Listing:
    """An answerer whose lead-in answers are replaced by the items they announce."""

    inner: Answerer

    def find(self, reader: Reader, q: Query, d: Directive, hits: list[Hit]) -> list[Found]:
        return [listed(f, reader.tuning) or f for f in self.inner.find(reader, q, d, hits)]
