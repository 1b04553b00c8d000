"""Worked examples in a legal text: where they run, so that no part of one answers a question.

A circular often follows a rule with "Ví dụ 1 (Minh họa Điểm b Khoản 2 Điều 3): … = 45 x 95% x 1.210.000 = 51.727.500
đồng", in the rule's own words; its figures are worked out for one made-up person and answer nothing asked of the
rule ("tối đa là bao nhiêu?" is "45 tháng lương cơ sở", not "95%").  An example runs from a line opening with a word
of ``example_leads.txt`` to the next labelled part ("c)", "3.", "Điều 4", a chapter, an appendix); bullets ("-",
"+") under it are its own cases.
"""

from __future__ import annotations

import bisect
import re
from functools import lru_cache

from corpus.layout import marker
from corpus.lexicon import derived, load_lexicon
from corpus.models import Directive
from corpus.text import fold, tone_variants

__all__ = ["asks_example", "in_example"]

_LABELLED = frozenset({"article", "chapter", "part", "roman", "number", "letter", "appendix", "form"})


@derived
def _opening() -> re.Pattern[str]:
    """A line opening an example, as documents write it (either tone placement, any case)."""
    words = sorted({v for w in load_lexicon().topic("example_leads") for v in tone_variants(w)}, key=len, reverse=True)
    return re.compile(rf"(?im)^[ \t\-+*•]*(?:{'|'.join(map(re.escape, words))})(?!\w)")


@derived
def _folded_leads() -> re.Pattern[str]:
    words = sorted({fold(w) for w in load_lexicon().topic("example_leads")}, key=len, reverse=True)
    return re.compile(rf"(?<!\w)(?:{'|'.join(map(re.escape, words))})(?!\w)")


@lru_cache(maxsize=512)
def _spans(text: str) -> tuple[tuple[int, ...], tuple[int, ...]]:
    """The (starts, ends) in a document's ``text`` of its worked examples, read once per document."""
    starts: list[int] = []
    ends: list[int] = []
    for m in _opening().finditer(text):
        if ends and m.start() < ends[-1]:
            continue  # the next example of the same run
        at = text.find("\n", m.start())
        end = len(text)
        while at != -1:
            nxt = text.find("\n", at + 1)
            line = text[at + 1 : nxt if nxt != -1 else len(text)]
            found = marker(line)
            if found is not None and found.kind in _LABELLED:
                end = at + 1
                break
            at = nxt
        starts.append(m.start())
        ends.append(end)
    return tuple(starts), tuple(ends)


def in_example(d: Directive, at: int) -> bool:
    """Whether offset ``at`` of ``d.text`` lies inside a worked example."""
    starts, ends = _spans(d.text)
    if not starts:
        return False
    i = bisect.bisect_right(starts, at) - 1
    return i >= 0 and at < ends[i]


def asks_example(question: str) -> bool:
    """A question asking about an example itself ("ví dụ minh họa … là gì?"): examples may answer it."""
    return bool(_folded_leads().search(fold(question.lower())))
