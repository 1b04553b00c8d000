"""Pulling the answering words out of a segment: a value with its unit, quoted names, cited documents.

Values are copied exactly as written ("11,41%", "52,4 triệu đồng/người/năm",
"15,66% (giảm 4% so với năm 2022)"): officials compare them with paper.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from corpus.lexicon import Lexicon, alternatives, load_lexicon
from corpus.text import tone_variants

__all__ = [
    "Span",
    "find_applies_from",
    "find_date",
    "find_durations",
    "find_effect",
    "find_named_references",
    "find_ordinals",
    "find_quotes",
    "find_references",
    "find_values",
    "has_count",
    "names_document",
    "quoted_after",
]

_NUMBER = r"\d+(?:[.,]\d+)*"


# The i/y pairs Vietnamese writes both ways at a syllable's end after a consonant ("tỷ"/"tỉ", "sỹ"/"sĩ").
_Y_END = re.compile(r"(?<=[bcdghklmnpqrstvxđ])([yýỳỷỹỵ]|[iíìỉĩị])(?!\w)")
_Y_TO_I = str.maketrans("yýỳỷỹỵiíìỉĩị", "iíìỉĩịyýỳỷỹỵ")


def spellings(word: str) -> set[str]:
    """Every way a lexicon word is written: both tone placements ("hoà"/"hòa") and both i/y spellings
    ("tỷ đồng"/"tỉ đồng"): a unit written the other way is the same unit."""
    swapped = _Y_END.sub(lambda m: m.group(1).translate(_Y_TO_I), word)
    return {v for w in (word, swapped) for v in tone_variants(w)}


def _value(lex: Lexicon) -> re.Pattern[str]:
    """A number with the words before it that belong to it ("khoảng", "tối đa": ``value_qualifiers.txt``), its unit
    (``value_units.txt``, in any of its spellings and any case, with what it is counted per: "đồng/chuyến",
    "đồng/hồ sơ" (``per_units.txt``)) and a change noted after it ("(tăng 2% so với năm 2022)")."""
    qualifiers = {v for w in lex.topic("value_qualifiers") for v in spellings(w)}
    units = {v for w in lex.topic("value_units") for v in spellings(w)}
    per = {v for w in lex.topic("per_units") for v in spellings(w)}
    qualifier = rf"(?:(?:{alternatives(qualifiers)})\s+)?"
    return re.compile(
        rf"(?<![\w/.,-]){qualifier}({_NUMBER})\s*((?:{alternatives(units)})(?:/(?:(?:{alternatives(per)})(?!\w)|[^\W\d_]+))*)?"
        r"(?![\w/])"
        r"(\s*\((?:tăng|giảm|bằng|so với)[^)]{0,80}\))?",
        re.IGNORECASE,
    )


def _numbering_before(lex: Lexicon) -> re.Pattern[str]:
    """Words a bare number after which numbers or dates something ("lần thứ 6", "năm 2024": ``numbering_words.txt``)."""
    return re.compile(rf"(?:{alternatives(lex.topic('numbering_words'))})\s*$", re.IGNORECASE)


_VALUE = _value(load_lexicon())
_NUMBERING_BEFORE = _numbering_before(load_lexicon())
_YEARLIKE = re.compile(r"^(?:19|20)\d{2}$")
_LABEL = re.compile(r"\d{1,3}(?:\.\d{1,3})*\.\d{1,2}")  # "3.1", "1.2.3": a dotted group of fewer than three digits
_QUOTE = re.compile(r"[“\"]([^”\"]{2,200})[”\"]")
_DOC_KIND = "(?:" + "|".join(re.escape(k) for k in sorted(load_lexicon().topic("document_kinds"), key=len, reverse=True)) + ")"
_REFERENCE = re.compile(
    rf"{_DOC_KIND}"
    r"(?:(?:\s+số)?\s+\d{1,5}(?:/\d{4})?[-/][A-ZĐ][A-ZĐ0-9]{0,9}(?:[-/][A-ZĐ0-9]{1,10})*"
    r"(?:\s+ngày\s+\d{1,2}(?:/\d{1,2}/\d{4}| tháng \d{1,2} năm \d{4}))?"
    r"(?:\s+(?:của|do)\s+[^,;.:]{2,60}?(?=\s+(?:về|và|tiếp|,|;)|[,;.]|$))?"
    # or unnumbered, named by its author: "Nghị quyết của Ban Thường vụ Tỉnh ủy"
    r"|\s+(?:của|do)\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*(?:\s+(?!(?:về|đối|và|trong|để|theo|tại|với|cho|nhằm|gắn)\b)[\wÀ-ỹ]+){0,5})",
)


@dataclass(frozen=True)
class Span:
    """Words found in a text: offsets into it and the words themselves."""

    start: int
    end: int
    text: str


#: A multiplication sign just before a number: "… ) x 100", "A × 100" (a space or ")" before an "x", so "max" is none).
_FACTOR_BEFORE = re.compile(r"(?:(?<=\))|(?<=\s))[x×*]\s*$|×\s*$")


def find_values(text: str) -> list[Span]:
    """Numeric values with unit and qualifier; years, dates, ranges and "/10.000 dân" bases are not values."""
    out = []
    for m in _VALUE.finditer(text):
        number, unit, after = m.group(1), m.group(2), m.group(3)
        if _YEARLIKE.match(number) and not unit:
            continue
        before = text[max(0, m.start() - 12) : m.start()]
        if _NUMBERING_BEFORE.search(before) and not unit:
            continue
        tail = text[m.end() : m.end() + 6]
        if not unit and (re.match(r"\s*năm", tail) or (re.match(r"\s*-\s*\d", tail) and _YEARLIKE.match(number))):
            continue  # "05 năm", "2021 - 2025"; "10,5 - 11,0%/năm" is a range of values (joined below)
        if re.match(r"\s*dân", tail) and not unit:
            continue  # "/10.000 dân" is the base of a rate, not a value
        if not unit and not after and re.fullmatch(r"\d{1,2}", number):
            continue  # a bare small integer is a list number or an article ("1.", "Điều 7"), not a value
        if not unit and _FACTOR_BEFORE.search(before):
            continue  # "(Số lao động có việc làm mới / Tổng số lao động) x 100": a formula's factor, no value
        if not unit and not after and _LABEL.fullmatch(number):
            continue  # "tiêu chí 3.1", "mục 2.3": Vietnamese groups thousands by three digits after a dot, so a
            # dotted number with a shorter group numbers a criterion or a section, it states no value
        end = m.end() if after else (m.end(2) if unit else m.end(1))
        start = m.start()
        if out and _RANGE_JOIN.fullmatch(text, out[-1].end, start):
            start = out.pop().start  # "30% - 40%", "từ 3.000.000 đồng đến 6.000.000 đồng": one value
        out.append(Span(start, end, text[start:end]))
    return out


def _range_join(lex: Lexicon) -> re.Pattern[str]:
    """What stands between the two ends of a range (lexicon ``range_joiners.txt``: "-", "đến", "tới")."""
    return re.compile(rf"\s*(?:{alternatives(lex.topic('range_joiners'))})\s*")


_RANGE_JOIN = _range_join(load_lexicon())


def find_quotes(text: str) -> list[Span]:
    """Names in quotation marks (movements, themes, slogans)."""
    return [Span(m.start(1), m.end(1), m.group(1).strip(" .,;")) for m in _QUOTE.finditer(text)]


def quoted_after(text: str, cue: str) -> Span | None:
    """The first quotation after a cue word such as "chủ đề" or "phương châm"."""
    m = re.search(re.escape(cue), text, re.IGNORECASE)
    if not m:
        return None
    for q in find_quotes(text[m.end() : m.end() + 400]):
        return Span(m.end() + q.start, m.end() + q.end, q.text)
    return None


def find_references(text: str) -> list[Span]:
    """Other documents a clause relies on ("Nghị quyết số 142/NQ-HĐND ngày 08/12/2022 của HĐND tỉnh")."""
    out = []
    for m in _REFERENCE.finditer(text):
        piece = m.group(0).rstrip()
        out.append(Span(m.start(), m.start() + len(piece), piece))
    return out


# A document named by its type and its name before its number: "Luật Người lao động Việt Nam đi làm việc ở
# nước ngoài theo hợp đồng số 72/2006/QH11", "Bộ luật Lao động số 10/2012/QH13".
_NAMED_REFERENCE = re.compile(
    rf"{_DOC_KIND}(?:\s+[^\s;:.]+){{0,20}}?\s+số\s+\d{{1,5}}/\d{{4}}/[A-ZĐ][A-ZĐ0-9]*(?:-[A-ZĐ0-9]+)*"
)


_KIND_BEFORE = re.compile(rf"(?<!\w){_DOC_KIND}\s+$", re.IGNORECASE)


def names_document(text: str, start: int) -> bool:
    """Whether the words from ``start`` are the name of a document ("Luật Bảo hiểm xã hội"): a document
    type stands just before them."""
    return _KIND_BEFORE.search(text[max(0, start - 20) : start]) is not None


def find_named_references(text: str) -> list[Span]:
    """Documents named by type, name and full number, the way a law names the law it replaces."""
    return [Span(m.start(), m.end(), m.group(0)) for m in _NAMED_REFERENCE.finditer(text)]


# "phiên họp thứ 47", "Đại hội lần thứ XIV": the noun counted and its rank.
_ORDINAL = re.compile(r"(?:[^\W\d_]+\s+){1,2}thứ\s+(?:\d{1,3}|[IVXLC]{1,6})(?![\w/])")


def find_ordinals(text: str) -> list[Span]:
    """Ranks in a sequence ("phiên họp thứ 47"): the answer to "thứ mấy", which no value is."""
    return [Span(m.start(), m.end(), m.group(0)) for m in _ORDINAL.finditer(text)]


def _place_number(lex: Lexicon) -> re.Pattern[str]:
    """A number saying where in a document (lexicon ``place_words.txt``: "Điều 3", "khoản 2", "Mẫu số 01")."""
    return re.compile(rf"(?<!\w)(?:{alternatives(lex.topic('place_words'))})\s+\d+(?:\.\d+)*", re.IGNORECASE)


_PLACE_NUMBER = _place_number(load_lexicon())


def has_count(text: str) -> bool:
    """A small number that is not a year or a date: "115 năm", "lần thứ 6", "70 xã"."""
    undated = re.sub(rf"(?:ngày\s+)?{_DATE}|tháng\s+\d{{1,2}}(?:\s*/\s*\d{{4}})?", " ", text, flags=re.IGNORECASE)
    undated = _PLACE_NUMBER.sub(" ", undated)  # "Điều 3", "khoản 2", "Mẫu số 01" say where, not how many
    return bool(re.search(r"(?<![\d/.,])\d{1,3}(?:[.,]\d+)?(?![\d/])", undated))


_DURATION_UNIT = "|".join(re.escape(u) for u in sorted(load_lexicon().topic("duration_units"), key=len, reverse=True))
_NUMBER_WORD = "|".join(re.escape(w) for w in sorted(load_lexicon().topic("number_words"), key=len, reverse=True))
_DATE = r"(?:\d{1,2}/\d{1,2}(?:/\d{4})?|\d{1,2}\s+tháng\s+\d{1,2}(?:\s+năm\s+\d{4})?)"
_DURATION = re.compile(
    r"(?<![\w/.,])(?:(?:trong (?:thời hạn|vòng)|tối đa|tối thiểu|ít nhất|không quá|không ít hơn|chậm nhất(?: là)?|đủ|sau|trước)\s+)?"
    rf"(?:\d+(?:[.,]\d+)?|{_NUMBER_WORD})(?:\s*\(\s*[\wÀ-ỹ ]+\s*\))?\s+(?:{_DURATION_UNIT})(?!\w)"
    rf"|(?:trước|chậm nhất(?: là)?|đến(?: hết)?|từ)\s+(?:ngày\s+){_DATE}",
    re.IGNORECASE,
)
_EFFECT_DATE = re.compile(
    rf"(?:có hiệu lực(?: thi hành)?|hiệu lực thi hành)(?:\s+(?:kể\s+)?từ)?\s+(?:ngày\s+)?({_DATE}|ngày ký(?: kết| ban hành)?)"
    # or a delay after signing or publication: "có hiệu lực sau 45 ngày kể từ ngày ký"
    r"|(?:có hiệu lực(?: thi hành)?|hiệu lực thi hành)\s+sau\s+\d+\s+ngày\s+kể\s+từ\s+ngày\s+(?:ký|công bố|ban hành)",
    re.IGNORECASE,
)
# When rules apply from, beside when the document takes effect: "Các chế độ … được áp dụng từ ngày 01/7/2021".
_APPLIES_FROM = re.compile(
    rf"(?:được\s+)?(?:áp dụng|thực hiện|tính hưởng)\b[^.;:]{{0,120}}?(?:kể\s+)?từ\s+ngày\s+{_DATE}", re.IGNORECASE
)


# A number that is part of a date ("ngày 07 tháng 5 năm 2025") is no duration, though "07 tháng" and "5 năm"
# look like one: the day before "tháng …", the month between "tháng" and "năm <year>".
_IN_DATE_BEFORE = re.compile(r"(?:ngày|tháng)\s*$", re.IGNORECASE)
_AGE_AFTER = re.compile(r"\s*tuổi\b", re.IGNORECASE)
_IN_DATE_AFTER = re.compile(r"\s*(?:\d{1,2}\b|(?:19|20)\d{2}\b)")


def find_durations(text: str) -> list[Span]:
    """Durations and deadlines with their unit ("30 ngày", "trong thời hạn 05 ngày làm việc", "trước ngày 15/11")."""
    out = []
    for m in _DURATION.finditer(text):
        if m.group(0)[:1].isdigit() and _IN_DATE_BEFORE.search(text[max(0, m.start() - 8) : m.start()]) \
                and _IN_DATE_AFTER.match(text, m.end()):
            continue  # "ngày 07 tháng 5 …", "tháng 5 năm 2025": a date's day or month
        if _AGE_AFTER.match(text, m.end()):
            continue  # "thai từ đủ 22 tuần tuổi", "trẻ dưới 36 tháng tuổi": an age, the case a rule is for
        out.append(Span(m.start(), m.end(), m.group(0)))
    return out


def find_applies_from(text: str) -> Span | None:
    """From when rules apply, when a clause says so beside its effect date ("… được áp dụng từ ngày 01 tháng 7 năm 2021")."""
    m = _APPLIES_FROM.search(text)
    return Span(m.start(), m.end(), m.group(0)) if m else None


def find_effect(text: str) -> Span | None:
    """When a document takes effect: "có hiệu lực thi hành kể từ ngày 15 tháng 02 năm 2024" -> the date part."""
    m = _EFFECT_DATE.search(text)
    return Span(m.start(), m.end(), m.group(0)) if m else None


_ANY_DATE = re.compile(
    r"(?<![\d/.-])(\d{1,2})(?:\s*([/.-])\s*(\d{1,2})\s*\2\s*|\s+tháng\s+(\d{1,2})\s+năm\s+)(\d{4})(?!\d)",
    re.IGNORECASE,
)


def find_date(text: str, iso: str) -> Span | None:
    """Where ``text`` writes the date ``iso`` (2023-01-27), in whichever form it uses: "27/01/2023", "27/1/2023",
    "27-01-2023" or "27 tháng 01 năm 2023" (a header writes the words, an answer the figures)."""
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", iso or "")
    if not m:
        return None
    wanted = (int(m.group(3)), int(m.group(2)), int(m.group(1)))
    for d in _ANY_DATE.finditer(text):
        if (int(d.group(1)), int(d.group(3) or d.group(4)), int(d.group(5))) == wanted:
            return Span(d.start(), d.end(), d.group(0))
    return None
