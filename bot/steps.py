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

__all__ = ["STEP_LABEL", "ends_with_step_noun", "step_pattern", "step_spellings", "step_value"]

# A step's label, accent-folded and lower-case: roman numerals, one or two digits, a letter.
STEP_LABEL = r"(?:[ivxlc]{1,5}|\d{1,2}|[a-z])"
_ROMAN = {"i": 1, "v": 5, "x": 10, "l": 50, "c": 100}
# Steps written both ways: "vùng 1" typed for "Vùng I", "hạng 2" for "hạng II" (a scale has a few dozen steps at most).
_MAX_SPELT = 39
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


def step_value(label: str) -> str:
    """One spelling per step: "01", "1" and "I" are the same step (a user types "vùng 1" for "Vùng I")."""
    label = label.lower()
    if label.isdigit():
        return str(int(label))
    if label and all(ch in _ROMAN for ch in label):
        values = [_ROMAN[ch] for ch in label]
        return str(sum(-v if i + 1 < len(values) and v < values[i + 1] else v for i, v in enumerate(values)))
    return label


def _roman(n: int) -> str:
    out = ""
    for value, letters in ((10, "x"), (9, "ix"), (5, "v"), (4, "iv"), (1, "i")):
        while n >= value:
            out, n = out + letters, n - value
    return out


def step_spellings(label: str) -> tuple[str, ...]:
    """The ways a legal text may write the step ``label`` names, accent-folded and lower-case: "2", "02" and "ii"
    for "vùng 2" or "Vùng II"; a letter ("điểm b") only as itself."""
    value = step_value(label)
    if not value.isdigit() or not 0 < int(value) <= _MAX_SPELT:
        return (label.lower(),)
    n = int(value)
    return tuple(dict.fromkeys((label.lower(), str(n), f"{n:02d}", _roman(n))))
