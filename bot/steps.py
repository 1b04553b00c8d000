"""A step of a scale, named by its noun and label ("mức 3", "vùng IV", "giai đoạn 2", "hạng II"): one reading for
the question (its label is no content word, yet it changes what is asked), the answer (the part under the asked
step) and the support check (the clause must name that step).

The nouns are lexicon data (``corpus/lexicon``): ``qualifier_nouns.txt`` (a label narrows a question: "vùng V"),
``scale_nouns.txt`` (a scale listed item by item: "Mức 1 … Mức 4") and, for a number right after a noun that
numbers or dates something, ``numbering_words.txt`` ("lần thứ 6", "năm 2024").  Everything is read accent-folded
and lower-case, as people type without a Vietnamese keyboard.
"""

from __future__ import annotations

import re
from functools import cache

from corpus.lexicon import alternatives, derived, load_lexicon
from corpus.text import fold

__all__ = ["STEP_LABEL", "ends_with_step_noun", "step_pattern"]

# A step's label, accent-folded and lower-case: roman numerals, one or two digits, a letter.
STEP_LABEL = r"(?:[ivxlc]{1,5}|\d{1,2}|[a-z])"
# A label is not the start of a number or an amount ("mức 1,5 lần", "mức 20%", "nhóm 1.2").
_LABEL_END = r"(?![\w%/]|[.,]\d)"


@cache
def _nouns(*, numbering: bool = False) -> str:
    lex = load_lexicon()
    topics = ("qualifier_nouns", "scale_nouns", *(("numbering_words",) if numbering else ()))
    return alternatives((w for topic in topics for w in lex.topic(topic)), fold)


@derived
def step_pattern() -> re.Pattern[str]:
    """A step in accent-folded text: group 1 its noun, group 2 its label ("muc 3", "vung iv").  The support
    check needs it in the quoted clause too: a "mức 3" asked is no "mức 1"."""
    return re.compile(rf"(?<!\w)({_nouns()})\s+({STEP_LABEL}){_LABEL_END}")


@derived
def _noun_at_end() -> re.Pattern[str]:
    return re.compile(rf"(?<!\w)(?:{_nouns(numbering=True)})\s*$")


def ends_with_step_noun(text: str) -> bool:
    """Whether ``text`` ends with a noun a number after it labels, numbers or dates ("mức ", "vùng ", "năm "):
    that number is a step asked, not a figure."""
    return bool(_noun_at_end().search(fold(text)))
