"""Which step of a scale a sentence part stands under ("Mức 4", "Vùng I", "hạng II"), against the step asked;
and which period its headings set ("a) Giai đoạn 1 (2026 - 2028)"), against the years asked.

A legal text often lists a scale item by item ("a) Mức 1: 13.000 đồng; … d) Mức 4: 32.000 đồng") or as
table rows ("Vùng I 4.680.000 … Vùng IV 3.250.000"); the items share every word but their label, so word
coverage cannot tell them apart.  A question naming a step wants the part under that step: its own
label, or the last label before it in its clause.  A part under another step of the same scale answers
a neighbouring case.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from bot.steps import step_pattern, step_value
from corpus.text import fold

__all__ = ["Step", "asked_steps", "asked_years", "item_headings", "period_fit", "step_fit"]

@dataclass(frozen=True)
class Step:
    """A step asked: the scale's noun, accent-folded and lower-case, and its label as a number when it is
    one ("muc", "4"; "vung", "4" for "vùng IV")."""

    noun: str
    label: str


def _norm(label: str) -> str:
    """One spelling per step: "01", "1" and "I" are the same step (a user types "vùng 1" for "Vùng I")."""
    return step_value(label)


def asked_steps(question: str) -> tuple[Step, ...]:
    """The steps a question names ("mức 4", "vùng IV"), once each."""
    found = (Step(m.group(1), _norm(m.group(2))) for m in step_pattern().finditer(fold(question).lower()))
    return tuple(dict.fromkeys(found))


def step_fit(steps: tuple[Step, ...], clause_text: str, start: int, end: int) -> int:
    """+1 when the part ``clause_text[start:end]`` stands under an asked step, -1 under another step of the
    same scale, 0 when its clause names no step of that scale (nothing to tell)."""
    if not steps:
        return 0
    own = fold(clause_text[start:end])
    before = fold(clause_text[:start])
    fit = 0
    for step in steps:
        labels = [_norm(m.group(2)) for m in step_pattern().finditer(own) if m.group(1) == step.noun]
        if step.label in labels:
            return 1  # a table row or an item naming it
        governing = labels[:1] or [_norm(m.group(2)) for m in step_pattern().finditer(before)
                                   if m.group(1) == step.noun][-1:]
        if governing:
            fit = -1
    return fit


# A period: "Giai đoạn 1 (2026 - 2028)", "giai đoạn 2021-2025" (years inside a number do not count).
_PERIOD = re.compile(r"(?<![\d/])((?:19|20)\d{2})\s*[-–]\s*((?:19|20)\d{2})(?![\d/])")


def asked_years(question: str, years: tuple[int, ...] = ()) -> tuple[int, ...]:
    """The years a question asks about: those it was read with, else the ends of a period it names."""
    if years:
        return years
    return tuple(sorted({int(y) for pair in _PERIOD.findall(question) for y in pair}))


# A year a heading sets its items for: "a) Mục tiêu cụ thể đến năm 2030" (not a date's year, "ngày … tháng 5 năm 2025").
_HEADING_YEAR = re.compile(r"(tháng\s+\d{1,2}\s+)?\bnăm\s+((?:19|20)\d{2})(?![\d/])", re.IGNORECASE)
# An item's opening line inside a clause ("b) Mục tiêu cụ thể đến năm 2035"): a heading for the lines below it.
# A line ending a sentence (";", ".") is an item's content, not its heading.
_ITEM_LINE = re.compile(r"^[ \t]*(?:[a-zđ]\)|\d{1,2}[.)])[ \t]+([^\n]{1,120}?)[ \t]*(?<![.;,])$", re.MULTILINE)


def item_headings(text: str, start: int) -> tuple[str, ...]:
    """The opening lines of the items of ``text`` before ``start`` ("a) Mục tiêu cụ thể đến năm 2030"): in a
    clause that holds its own items, the headings its later parts stand under."""
    return tuple(m.group(1) for m in _ITEM_LINE.finditer(text) if m.end() <= start)


def period_fit(years: tuple[int, ...], headings: Sequence[str]) -> int:
    """+1 when the innermost heading naming a period (or the year its items are for) holds a year asked, -1 when
    it holds none, 0 when no heading names one (or no year is asked).  Targets set per period ("a) Giai đoạn 1
    (2026 - 2028): 30% - 40% …; b) Giai đoạn 2 (2029 - 2031): 70% - 80% …") or per horizon ("a) Mục tiêu cụ thể đến
    năm 2030 … b) Mục tiêu cụ thể đến năm 2035 …") share every word but the period's."""
    if not years:
        return 0
    for heading in reversed(headings):
        periods = [(int(a), int(b)) for a, b in _PERIOD.findall(heading)]
        periods = periods or [(int(y), int(y)) for date, y in _HEADING_YEAR.findall(heading) if not date]
        if periods:
            return 1 if any(a <= y <= b for a, b in periods for y in years) else -1
    return 0
