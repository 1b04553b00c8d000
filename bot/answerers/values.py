"""Which value of a sentence part answers, when the part holds several.

A flattened table row or a list of cases holds figures of two sorts: those that say which row it is
("Phương tiện chở hàng có trọng tải toàn phần trên 1.500 tấn", "Từ 100 tỷ đồng đến dưới 500 tỷ đồng")
and the row's value ("50.000 đồng/chuyến", "700 triệu đồng").  A figure the question names is a row's
condition, never its answer: the answer is the value whose row holds the figures asked, with the words
around them ("trên 1.500 tấn", not "đến 1.500 tấn").  A value with a unit answers before a bare count
of the same part ("200 tấn" in a row's name).  A change ("mức giảm tỷ lệ hộ nghèo 3,6%") answers a
question about a change; asked for a level, a level of the part answers first, and a change that still
answers is given with its change word, so it is never read as the level.  A value stands for the amount its
own words name ("Phạt tiền từ …" is a fine): asked a contribution ("mức đóng"), a fine answers nothing
(``value_kinds.txt``).  A value after "riêng …" ("…, riêng các huyện nghèo giảm 5,1%") is the same measure for a
part, chosen when the question names that part; a count of the noun asked ("25 thương vụ") answers before the
part's other figures.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from bot.extract import Span
from bot.segments import has_diacritics
from bot.steps import ends_with_step_noun
from corpus.lexicon import alternatives, derived, load_lexicon
from corpus.text import compare_key, fold
from index.tokenize import equivalent_forms

__all__ = [
    "Choice", "Figure", "Probe", "asked_figures", "asked_kinds", "asked_unit", "asked_units", "asks_change", "choose_value",
    "counted_values", "figure_fit", "first_asked", "follows", "lead_fit", "names_figures", "other_kinds", "probe", "stated_count",
]

_NUMBER = re.compile(r"(?<![\w/.,-])(\d+(?:[.,]\d+)*)(?![\w/]|[.,]\d)")
_YEAR = re.compile(r"(?:19|20)\d{2}")
_WORD = re.compile(r"[^\W\d_]+")


@dataclass(frozen=True)
class Figure:
    """A figure a question names: its number as a key, and the words just before and after it, folded."""

    key: str
    before: str
    after: str


@dataclass(frozen=True)
class Choice:
    """The value chosen in a part: the value, where its row (its own words) starts, how well that row holds
    the figures asked (0..1), the coverage of its words, and its short answer (the value, or the change it is)."""

    value: Span
    row_start: int
    figure_fit: float
    coverage: float
    short: str
    #: How much the words around the value say what the question says around its ask (0..1, ``Probe``).
    said: float = 0.0


def _key(number: str) -> str:
    """One key per number as written: "1.500" and "1500", "05" and "5" are the same figure."""
    whole, _, decimals = number.replace(".", "").partition(",")
    whole = whole.lstrip("0") or "0"
    return f"{whole},{decimals}" if decimals.strip("0") else whole


def _neighbours(text: str, start: int, end: int) -> tuple[str, str]:
    before = _WORD.findall(text[max(0, start - 30) : start])
    after = _WORD.findall(text[end : end + 30])
    return (fold(before[-1]) if before else "", fold(after[0]) if after else "")


def asked_figures(question: str) -> tuple[Figure, ...]:
    """The figures a question names ("trên 1.500 tấn", "từ 100 tỷ đến dưới 500 tỷ đồng"); years, dates, document
    numbers and step labels ("mức 3") are not figures."""
    out: list[Figure] = []
    for m in _NUMBER.finditer(question):
        number = m.group(1)
        if _YEAR.fullmatch(number) or re.match(r"\s*[/-]\s*\d", question[m.end() : m.end() + 3]):
            continue
        if ends_with_step_noun(question[max(0, m.start() - 20) : m.start()]):
            continue
        before, after = _neighbours(question, m.start(), m.end())
        out.append(Figure(_key(number), before, after))
    return tuple(out)


@derived
def asked_units() -> tuple[tuple[str, re.Pattern[str], re.Pattern[str]], ...]:
    """The kinds of value a question can ask (lexicon ``asked_units.csv``): name, how it is asked and how a value
    of that kind is written, both folded; read here for the value chosen and by the support check (bot.support)."""
    rows = load_lexicon().topic("asked_units")
    return tuple((r["name"], re.compile(r["question"]), re.compile(r["evidence"])) for r in rows)


_ASK = re.compile(r"\b(?:bao nhieu|bao lau|may)\b")
_ASK_AT = re.compile(rf"{_ASK.pattern}|\bngay nao\b")  # where a row of asked_units.csv asks


def first_asked(folded: str) -> tuple[str, re.Pattern[str] | None] | None:
    """The kind of value asked first in the accent-folded question (name, how it is written; None when that kind
    has no unit, e.g. "bao lâu"): "Thẻ có thời hạn bao lâu và … chậm nhất mấy ngày?" asks a duration in any unit
    first, so "03 năm" answers it.  Rows asking at the same place keep the table's order (narrower first)."""
    best: tuple[int, int, str, re.Pattern[str] | None] | None = None
    for order, (name, asks, evidence) in enumerate(asked_units()):
        m = asks.search(folded)
        if m is None:
            continue
        ask = _ASK_AT.search(m.group(0))
        at = (m.start() + ask.start() if ask else m.start(), order)
        if best is None or at < best[:2]:
            best = (*at, name, evidence if evidence.pattern else None)
    return None if best is None else (best[2], best[3])


def asked_unit(question: str) -> re.Pattern[str] | None:
    """How a value of the kind the question asks is written ("bao nhiêu phần trăm": "30%"; "bao nhiêu đô la": "55 tỷ
    USD"), as the support check reads it (bot.support); None when no kind is asked."""
    got = first_asked(fold(equivalent_forms(question)))
    return None if got is None else got[1]


@derived
def _kinds() -> dict[bool, tuple[re.Pattern[str], dict[str, str]]]:
    """The kinds of amount (lexicon ``value_kinds.txt``): a pattern of their spellings and spelling -> kind, as
    ``compare_key`` spells them with marks (True) and folded (False, spellings of two words or more only)."""
    out: dict[bool, tuple[re.Pattern[str], dict[str, str]]] = {}
    for accented in (True, False):
        by: dict[str, str] = {}
        for line in load_lexicon().topic("value_kinds"):
            kind, _, spellings = line.partition(":")
            for w in spellings.split("|"):
                key = compare_key(w.strip(), accented)
                if key and (accented or " " in key):
                    by.setdefault(key, kind.strip())
        out[accented] = (re.compile(rf"(?<!\w)(?:{alternatives(by)})(?!\w)"), by)
    return out


def _kinds_in(text: str, accented: bool) -> frozenset[str]:
    pattern, by = _kinds()[accented]
    return frozenset(by[m.group(0)] for m in pattern.finditer(compare_key(text, accented)))


def asked_kinds(question: str) -> frozenset[str]:
    """The kinds of amount a question names ("mức đóng" → đóng; "mức phạt" → phạt), lexicon ``value_kinds.txt``."""
    return _kinds_in(question, has_diacritics(question))


def other_kinds(text: str, values: list[Span], kinds: frozenset[str]) -> list[bool]:
    """For each value of ``text``, whether the words naming it (its phrase, up to it) name kinds of amount, none
    of them one asked: "Phạt tiền từ 1.000.000 đồng" is a fine, no contribution.  A value whose phrase names
    none continues the one before it ("Phạt tiền từ 12% đến 15% …, nhưng tối đa không quá 75.000.000 đồng")."""
    out: list[bool] = []
    named: frozenset[str] = frozenset()
    for v in values:
        own = _kinds_in(text[_phrase_start(text, v.start) : v.start], True) if kinds else frozenset()
        named = own or named
        out.append(bool(named) and not named & kinds)
    return out


@dataclass(frozen=True)
class Probe:
    """How a question asks its value, accent-folded: the words just before the ask ("chia cho" of "chia cho bao
    nhiêu ngày", "tối đa") and the noun it counts ("ngày", "loại", "nước" of "nhóm bao nhiêu nước")."""

    lead: tuple[str, ...]
    noun: str
    #: the words after the noun or unit, up to four ("thanh lap dang bo" of "bao nhiêu năm thành lập Đảng bộ"): which
    #: of the clause's values of that unit is asked
    then: tuple[str, ...] = ()




@derived
def _form_words() -> frozenset[str]:
    """The question's form words, folded (lexicon ``question_form_words.txt``): read once, not for every part scored."""
    return frozenset(fold(w) for w in load_lexicon().topic("question_form_words"))


def probe(question: str) -> Probe:
    """The words around the ask of a value question; empty when it has none ("… là gì?")."""
    folded = fold(question)
    m = _ASK.search(folded)
    if m is None:
        return Probe((), "")
    form = _form_words()
    lead = [w for w in _WORD.findall(folded[: m.start()])[-3:] if w not in form][-2:]
    after = _WORD.findall(folded[m.end() :])[:5]
    noun = after[0] if after and after[0] not in form else ""
    return Probe(tuple(lead), noun, tuple(after[1:]))


def lead_fit(lead: tuple[str, ...], before: str) -> float:
    """The share of the ask's lead words ("chia cho") among the last words before a value ("… chia cho 26 ngày"):
    the clause says of its value what the question says of the one it asks."""
    if not lead:
        return 0.0
    words = _WORD.findall(fold(before))[-4:]
    return sum(w in words for w in lead) / len(lead)


def follows(then: tuple[str, ...], folded: str, at: int) -> int:
    """How many of the words ``then`` (folded) the words of ``folded`` from ``at`` open with, in order."""
    words = _WORD.findall(folded[at : at + 80])
    return next((i for i, (a, b) in enumerate(zip(words, then, strict=False)) if a != b), min(len(words), len(then)))


def stated_count(text: str, noun: str, then: tuple[str, ...] = ()) -> Span | None:
    """A number followed by the noun a question counts ("04 loại" for "mấy loại", "50 nước"), as written.  Of several,
    the one followed by most of the words the question says after the noun (``then``): "kỷ niệm bao nhiêu năm thành
    lập Đảng bộ tỉnh" is "75 năm thành lập Đảng bộ tỉnh", not the "05 năm 2021-2025" of a plan before it."""
    if not noun:
        return None
    folded = fold(text)
    if len(folded) != len(text):
        return None
    found = list(re.finditer(rf"(?<![\w/.,])\d+(?:[.,]\d+)*\s+{re.escape(noun)}(?!\w)", folded))
    if not found:
        return None

    m = max(found, key=lambda m: follows(then, folded, m.end())) if then else found[0]  # max keeps the first best
    return Span(m.start(), m.end(), text[m.start() : m.end()])


@derived
def _subset_cue() -> re.Pattern[str]:
    """A phrase opening with a subset cue (lexicon ``subset_cues.txt``: "riêng", "trong đó"), folded."""
    return re.compile(rf"\W*(?:{alternatives(load_lexicon().topic('subset_cues'), fold)})(?!\w)")


@derived
def _qualifiers() -> re.Pattern[str]:
    """A value's qualifier just before its number ("tối thiểu", lexicon ``value_qualifiers.txt``), folded."""
    return re.compile(rf"(?:{alternatives(load_lexicon().topic('value_qualifiers'), fold)})\s+$")


def counted_values(text: str, question: str) -> list[Span]:
    """Figures followed by the noun a question counts, with as many of its words after the ask as the text writes
    after the figure ("tối thiểu 25 thương vụ" for "bao nhiêu thương vụ M&A"): a count the value reader does not
    take for a value (a bare figure before a noun it does not know as a unit)."""
    folded = fold(text)
    m = _ASK.search(fold(question))
    if m is None or len(folded) != len(text):
        return []
    form = _form_words()
    words = _WORD.findall(fold(question)[m.end() :])[:3]
    if not words or words[0] in form:
        return []
    out: list[Span] = []
    for n in re.finditer(rf"(?<![\w/.,])\d+(?:[.,]\d+)*\s+{re.escape(words[0])}(?!\w)", folded):
        end = n.end()
        for w in words[1:]:
            nxt = re.match(rf"\s+{re.escape(w)}(?!\w)", folded[end:])
            if nxt is None:
                break
            end += nxt.end()
        start = n.start()
        if (q := _qualifiers().search(folded[max(0, start - 20) : start])) is not None:
            start -= len(q.group(0))
        out.append(Span(start, end, text[start:end]))
    return out


def _change_words() -> tuple[str, ...]:
    return tuple(load_lexicon().topic("change_words"))


@derived
def _changes() -> dict[bool, re.Pattern[str]]:
    """The change words as a pattern, spelt with marks (True) and folded (False)."""
    spelt = {True: _change_words(), False: {fold(w) for w in _change_words()}}
    return {a: re.compile(rf"(?<!\w)(?:{alternatives(words)})(?!\w)", re.IGNORECASE) for a, words in spelt.items()}


def _change(accented: bool) -> re.Pattern[str]:
    return _changes()[accented]


def asks_change(question: str) -> bool:
    """Whether a question asks how much something changes ("giảm bao nhiêu", "tăng thêm", "so với năm trước"),
    not its level.  Typed with diacritics, "tặng" is no "tăng"."""
    accented = has_diacritics(question)
    return _change(accented).search(compare_key(question, accented)) is not None


def _phrase_start(text: str, start: int) -> int:
    """Where the words naming a value begin: after the last comma, semicolon, colon or bracket before it."""
    cut = max(text.rfind(sep, 0, start) for sep in (",", ";", ":", "(", "\n"))
    return cut + 1


def figure_fit(figures: tuple[Figure, ...], text: str) -> float:
    """How well ``text`` (a row's words) holds the figures asked: each found counts 1, and 1 more when the words
    around it are the question's ("trên 1.500" is not "đến 1.500"), as a share of all."""
    if not figures:
        return 0.0
    found = [(_key(m.group(1)), m.start(), m.end()) for m in _NUMBER.finditer(text)]
    total = 0.0
    for f in figures:
        best = 0.0
        for key, a, b in found:
            if key != f.key:
                continue
            before, after = _neighbours(text, a, b)
            best = max(best, 1.0 + 0.5 * (before == f.before and bool(f.before)) + 0.5 * (after == f.after and bool(f.after)))
        total += best
    return total / (2 * len(figures))


def _keys(value: Span) -> set[str]:
    own = value.text.split("(")[0]  # "(giảm 4% so với năm 2022)" notes a change beside the value
    return {_key(m.group(1)) for m in _NUMBER.finditer(own)}


@derived
def _bound_join() -> re.Pattern[str]:
    """What joins the two ends of a range of conditions: a range joiner (lexicon ``range_joiners.txt``) and at
    most two words ("đến không quá", "đến dưới")."""
    return re.compile(rf"\s*(?:{alternatives(load_lexicon().topic('range_joiners'))})\s*(?:[^\W\d_]+\s+){{0,2}}",
                      re.IGNORECASE)


def names_figures(value: Span, figures: tuple[Figure, ...]) -> bool:
    """Whether every figure of ``value`` is one the question names: then it says which row, it does not answer."""
    keys = _keys(value)
    return bool(keys) and keys <= {f.key for f in figures}


def choose_value(
    text: str,
    values: list[Span],
    coverage: Callable[[str], float],
    *,
    figures: tuple[Figure, ...] = (),
    asked: Probe = Probe((), ""),
    change_asked: bool = False,
    lead: str = "",
    change_factor: float = 1.0,
    said_weight: float = 0.0,
    unit: re.Pattern[str] | None = None,
    kinds: frozenset[str] = frozenset(),
) -> Choice | None:
    """The value of ``text`` (a sentence part) that answers: the one whose own words (from the value before it)
    best hold the figures asked, then best cover the question (``coverage``; ``lead`` is read before the first).
    A value whose figures the question names is a condition; a bare count gives way to a value with a unit;
    a change gives way to a level unless a change is asked (its coverage times ``change_factor``); a value of the
    kind asked (``unit``, ``asked_unit``) answers before values of other kinds.  None when every value is an amount
    of another kind than the ``kinds`` asked (``asked_kinds``): a fine's figures do not say a contribution."""
    values = [v for v, other in zip(values, other_kinds(text, values, kinds), strict=True) if not other]
    if not values:
        return None
    conditions: list[bool] = []
    for i, v in enumerate(values):
        # "từ trên 03 tỷ đồng đến không quá 50 tỷ đồng": the other end of a range whose one end is asked is a
        # condition too
        bound = i > 0 and conditions[-1] and _bound_join().fullmatch(text, values[i - 1].end, v.start) is not None
        conditions.append(names_figures(v, figures) or bound)
    candidates = [v for v, c in zip(values, conditions, strict=True) if not c] or values

    def counts(v: Span) -> bool:  # "50 nước" for "nhóm bao nhiêu nước": the noun asked stands after it
        return bool(asked.noun) and stated_count(text[v.start : v.end + len(asked.noun) + 2], asked.noun) is not None

    with_unit = [v for v in candidates if not v.text.rstrip()[-1:].isdigit() or counts(v)]
    candidates = with_unit or candidates
    # "bao nhiêu thương vụ": of "25 thương vụ … giá trị mỗi thương vụ từ 01 triệu USD", the count of what is asked
    candidates = [v for v in candidates if counts(v)] or candidates
    if unit is not None:  # "bao nhiêu phần trăm": of "5.000 doanh nghiệp … 55 tỷ USD/năm … 30%/năm", the share
        candidates = [v for v in candidates if unit.search(fold(v.text))] or candidates
    best: tuple[tuple[float, int, float], Choice] | None = None
    folded = fold(text) if asked.then else ""
    folded = folded if len(folded) == len(text) else ""  # positions must be the text's
    prev_end = prev_start = 0
    for v in candidates:
        row = text[prev_end : v.end]
        cov = coverage(f"{lead} {row}" if lead and not prev_end else row)
        cue = _subset_cue().match(fold(text[prev_end : v.start])) if prev_end else None
        if cue is not None:
            # "mức giảm tỷ lệ hộ nghèo 3,6%, riêng các huyện nghèo giảm 5,1%": the part's value is of the same measure,
            # read with its words when the part's own words ("huyện") that the measure's lack are asked
            shared = set(_WORD.findall(fold(text[prev_start:prev_end])))
            own = [w for w in _WORD.findall(text[prev_end + cue.end() : v.start]) if fold(w) not in shared]
            if own and coverage(" ".join(own)) > 0:
                cov = max(cov, coverage(text[prev_start : v.end]))
        phrase_at = max(prev_end, _phrase_start(text, v.start))
        change = _change(True).search(compare_key(text[phrase_at : v.start], True))
        short = v.text
        if change is not None and not change_asked:
            cov *= change_factor
            # a change that answers is given as one ("giảm tỷ lệ hộ nghèo 3,6%"), never as the level asked
            at = phrase_at + change.start()
            short = text[at : v.end] if v.end - at <= 60 else f"{change.group(0)} {v.text}"
        elif change is None and change_asked and "(" not in v.text:
            cov *= change_factor
        # a lone value's row is its whole part ("Thuế suất 15% áp dụng cho … không quá 03 tỷ đồng")
        fit = figure_fit(figures, text if len(candidates) == 1 else row)
        said = (lead_fit(asked.lead, text[max(prev_end, v.start - 40) : v.start] + " " + v.text) + counts(v)) / 2
        choice = Choice(v, prev_end, fit, cov, short, said)
        # "kỷ niệm bao nhiêu năm thành lập Đảng bộ tỉnh": of "115 năm thành lập tỉnh, 75 năm thành lập Đảng bộ tỉnh",
        # the value the question's words after its unit follow (two words at least: one may be chance)
        after = follows(asked.then, folded, v.end) if folded else 0
        key = (fit, after if after >= 2 else 0, cov + said_weight * said)
        if best is None or key > best[0]:
            best = (key, choice)
        prev_start, prev_end = prev_end, v.end
    assert best is not None
    return best[1]
