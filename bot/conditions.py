"""Conditions set by a figure: which case a bound names.

Legal Vietnamese states a rule's cases by bounds on a figure and its unit: "20 ngày nếu con dưới 03 tuổi; 15 ngày nếu
con từ đủ 03 tuổi đến dưới 07 tuổi", "ngừng việc từ 14 ngày làm việc trở xuống" / "trên 14 ngày làm việc".  A question
names its case the same way ("con từ đủ 07 tuổi trở lên", "con 5 tuổi", "dưới 14 ngày"): words stating cases on that
unit none of which admits the case asked answer another case, even when they never write the asked figure.  The
words putting a figure on one side, and those leaving the figure itself out, are the lexicon's
(``bound_words.toml``).
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass

from corpus.lexicon import alternatives, derived, load_lexicon
from corpus.text import fold

__all__ = ["FIGURE", "Interval", "admits", "asked_intervals", "side_of", "stated_intervals"]

# a figure and the word after it, its unit ("07 tuổi", "14 ngày", "3.500.000 đồng"), accent-folded
FIGURE = re.compile(r"(?<![\w.,/])(\d+(?:[.,]\d+)*)\s*([^\W\d_]+)")
_YEAR = re.compile(r"(?:19|20)\d\d")
# between the two ends of a range: "từ đủ 03 tuổi đến dưới 07 tuổi", "từ 05 đến 10 năm"
_RANGE_JOIN = re.compile(r"\s*(?:den|toi|-)\s*$")


@dataclass(frozen=True)
class Interval:
    """The figures of one ``unit`` a case admits (``low``/``high`` with whether each end is in)."""

    unit: str
    low: float = -math.inf
    high: float = math.inf
    low_in: bool = False
    high_in: bool = False

    def meets(self, other: Interval) -> bool:
        """Whether some figure is in both."""
        low, low_in = max((self.low, self.low_in), (other.low, other.low_in), key=lambda e: (e[0], not e[1]))
        high, high_in = min((self.high, self.high_in), (other.high, other.high_in), key=lambda e: (e[0], e[1]))
        return low < high or (low == high and low_in and high_in)


@derived
def _sides() -> dict[str, tuple[re.Pattern[str], re.Pattern[str], frozenset[str]]]:
    """For "above" and "below": the words before a figure and after its unit putting it there (folded, anchored at
    the figure) and those of them leaving the figure out (lexicon ``bound_words.toml``)."""
    table = load_lexicon().topic("bound_words")
    return {side: (re.compile(rf"(?<!\w)({alternatives(words['before'], fold)})\s*$"),
                   # after the unit's rest ("14 ngày làm việc trở xuống", "3.500.000 đồng/tháng trở lên")
                   re.compile(rf"^(?:\s*/?\s*[^\W\d_]+){{0,2}}?\s*({alternatives(words['after'], fold)})(?!\w)"),
                   frozenset(fold(w) for w in words.get("strict", ())))
            for side, words in table.items()}


def _number(figure: str) -> float | None:
    """ "3.500.000" → 3500000, "1,5" → 1.5, "07" → 7."""
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+", figure):
        figure = figure.replace(".", "")
    try:
        return float(figure.replace(",", "."))
    except ValueError:
        return None


def side_of(key: str, start: int, end: int) -> tuple[str, str] | None:
    """The side ("above", "below") the words around the figure and unit at ``key[start:end]`` (folded) put a
    condition on, with the word saying so; None when they put it nowhere."""
    sides = _sides()
    # the words after the figure decide first ("từ 14 ngày làm việc trở xuống" is at most 14), then those before it
    found = next(((side, m.group(1)) for side, (_, after, _) in sides.items()
                  if (m := after.match(key[end : end + 30])) is not None), None)
    if found is None:  # the longest words before it ("không quá" is at most, not "quá")
        found = max(((side, m.group(1)) for side, (before, _, _) in sides.items()
                     if (m := before.search(key[max(0, start - 20) : start])) is not None),
                    key=lambda f: len(f[1]), default=None)
    return found


def _bound(key: str, start: int, end: int, value: float, unit: str) -> Interval | None:
    """The half-line the words around the figure at ``key[start:end]`` put it on; None when they put it nowhere."""
    found = side_of(key, start, end)
    if found is not None:
        side, word = found
        inside = word not in _sides()[side][2]
        if side == "above":
            return Interval(unit, low=value, low_in=inside)
        return Interval(unit, high=value, high_in=inside)
    return None


def _figures(text: str) -> list[tuple[int, int, float, str]]:
    """Each figure of ``text`` (folded) with its unit: (start, end, value, unit); years are no figures here."""
    out = []
    for m in FIGURE.finditer(text):
        value = _number(m.group(1))
        if value is None or _YEAR.fullmatch(m.group(1)):
            continue
        out.append((m.start(), m.end(), value, m.group(2)))
    return out


def stated_intervals(text: str, unit: str) -> list[Interval]:
    """The cases ``text`` states on ``unit`` (folded), each one bound or a range ("từ đủ 03 tuổi đến dưới 07 tuổi" is
    one case, [3, 7)).  A figure no bound word stands by is no case ("con của đồng chí V là 06 tuổi")."""
    key = fold(text)
    figures = [f for f in _figures(key) if f[3] == unit]
    out: list[Interval] = []
    i = 0
    while i < len(figures):
        start, end, value, _ = figures[i]
        got = _bound(key, start, end, value, unit)
        if got is not None and got.high == math.inf and i + 1 < len(figures):
            nxt = figures[i + 1]
            upper = _bound(key, nxt[0], nxt[1], nxt[2], unit)
            between = key[end : nxt[0]]
            joined = _RANGE_JOIN.search(re.sub(r"(?:duoi|chua du|khong qua|het)\s*$", "", between))
            if joined is not None and len(between) <= 20:
                if upper is None or upper.low != -math.inf:
                    upper = Interval(unit, high=nxt[2], high_in=True)  # "từ 05 đến 10 năm": both ends in
                out.append(Interval(unit, got.low, upper.high, got.low_in, upper.high_in))
                i += 2
                continue
        if got is not None:
            out.append(got)
        i += 1
    return out


def asked_intervals(question: str) -> list[tuple[Interval, str]]:
    """The cases a question names by a figure, each with the words naming it: a bound ("con từ đủ 07 tuổi trở lên" →
    [7, ∞) tuổi, "từ đủ 07 tuổi trở lên") or the figure alone ("con 5 tuổi" → 5 tuổi).  Years are not cases."""
    key = fold(question)
    if len(key) != len(question):
        return []  # the words are shown as typed: only where folding keeps every position
    out = []
    for start, end, value, unit in _figures(key):
        got = _bound(key, start, end, value, unit)
        if got is None:
            out.append((Interval(unit, value, value, True, True), question[start:end]))
            continue
        before = max(((b.search(key[max(0, start - 20) : start])) for b, _, _ in _sides().values()),
                     key=lambda m: len(m.group(1)) if m else -1)
        after = max(((a.match(key[end : end + 30])) for _, a, _ in _sides().values()),
                    key=lambda m: m.end() if m else -1)
        lo = start - len(before.group(0)) if before else start
        hi = end + after.end() if after else end
        out.append((got, question[lo:hi].strip()))
    return out


def admits(text: str, asked: Interval) -> bool | None:
    """Whether words stating cases on the asked unit admit the asked case: None when they state none (not judged
    here), False when every case they state is another ("dưới 03 tuổi" for "từ đủ 07 tuổi trở lên")."""
    stated = stated_intervals(text, asked.unit)
    if not stated:
        return None
    return any(s.meets(asked) for s in stated)
