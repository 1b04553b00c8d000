"""Whether a clause supports an answer to the question as asked, and which named documents the library lacks.

Retrieval always finds *some* clause, and the worst defect is quoting one that answers a neighbouring
question: "vùng IV" for "vùng V", hours per year for hours per week, a list of members for "mấy lần
một năm", another law's effect clause for a law the library does not hold.  What makes a question
specific must therefore stand in the answering clause (its text, its headings or its document's title):

- a label after a qualifier noun ("vùng V", "hạng II", "nhóm A"), lexicon ``qualifier_nouns.txt`` (a list
  "vùng I, II và V" counts: ``label_list_joiners.txt``);
- what a rate is counted per ("trong một tuần", "một người một bữa", "lương tối thiểu ngày"),
  ``rate_periods.txt`` after ``rate_leads.txt`` (a period word before a number is a date, not a rate);
- which of two cases a document treats apart ("nước ngoài" / "trong nước"), ``contrast_qualifiers.txt``; and
  which case of a set the words quoted are about, when they name another one ("hộ chiếu phổ thông" is not the
  row "hộ chiếu (ngoại giao, công vụ)", "buổi tối" not "buổi trưa"), ``contrast_sets.txt``;
- the kind of value asked for ("bao nhiêu đồng", "mấy lần"), ``asked_units.csv``; for any other
  "bao nhiêu?"/"mấy?" (``amount_question_words.txt``; "số mấy" asks a document's number: ``number_nouns.txt``)
  a figure in the clause's own text, not a number naming an article or a document (``reference_words.txt``);
- the amount asked for and the noun that narrows it ("lương cơ sở", "thuế suất", "mức phạt"),
  ``asked_quantities.txt`` (bounds such as "tối đa" never narrow: ``limit_words.txt``; a fee is narrowed by the
  act it pays for, "lệ phí đăng ký phương tiện": ``act_named_quantities.txt``);
- the side of a figure a condition names ("con từ đủ 07 tuổi trở lên" is not "dưới 07 tuổi"), ``bound_words.toml``;
- the part of a rule the amount asked is of: a figure of its condition ("làm việc đủ 12 tháng … thì được nghỉ hằng
  năm") is no amount of its consequence ("nghỉ hằng năm bao nhiêu tháng"), ``consequence_words.txt``; and the group
  a count is of ("bao nhiêu lao động nữ": "8.440 lao động" counts another);
- a change asked ("bãi bỏ những thông tư nào"): words stating one (``document_change_words.txt``), not a document's
  legal bases (``legal_basis_leads.txt``); and a province or city named when the question asks which one;
- the body a question opens with as the one acting, not only as the one acted on ("… từ Sở A sang Sở B" says what
  Sở A does), ``body_object_words.txt``, unless a longer lead makes it the one tasked ("giao cho Bộ Nội vụ thực hiện",
  ``body_agent_leads.txt``); a document read about another ("Theo Quyết định X, Thông tư Y …") is no
  answer by its own effect statement;
- a body the question names ("Sở Văn hóa, Thể thao và Du lịch"), in the clause or as its document's issuer: a clause
  tasking "Sở Thông tin và Truyền thông" says what another body does;
- the year a change asked is measured against ("tăng bao nhiêu so với năm 2021": not "tăng 05 xã so với năm 2022"),
  ``comparison_bases.txt``; the end of a range asked ("tối thiểu": not "không quá 40.000.000 đồng"),
  ``limit_sides.toml``; an amount per person ("GRDP bình quân đầu người": not "GRDP tăng 7,5%"), ``per_head_words.txt``;
- the question's rare nouns ("tiếp khách", "lệ phí") and names ("Tòa án"), rarity weighed over the whole
  library (``AnswerTuning.support_rare_idf``); words a question asks or paraphrases with
  (``paraphrase_words.txt`` and the question-form lists) never count, nor acronyms typed in lower case.

A document named by its number ("Luật Công đoàn số 50/2024/QH15") that no document of the library
carries, nor a consolidated text (VBHN) restates, is said to be missing instead of answered from others.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal

from bot.answerers.base import FIRST_ITEM, Found, topic_words
from bot.answerers.crossrefs import cited_here
from bot.answerers.values import asked_units, first_asked
from bot.conditions import FIGURE, admits, asked_intervals, side_of
from bot.query import Query
from bot.segments import Scorer, has_diacritics, near_pattern, stands_in, syllable_keys, tokens
from bot.steps import STEP_LABEL, step_pattern, step_spellings
from bot.tuning import AnswerTuning
from corpus.lexicon import Lexicon, alternatives, derived, load_lexicon
from corpus.models import Clause, Directive
from corpus.text import canonical_tones, compare_key, fold, unmarked, whole_words
from index.tokenize import equivalent_forms, expand_abbreviations, is_abbreviation

__all__ = ["DocumentNumbers", "Need", "gaps", "head_words", "is_party_number", "key_words", "named_numbers", "needs", "settled_words",
           "titled_scope", "unheld_nouns", "unknown_documents"]

NeedKind = Literal["agency", "body", "bound", "case", "change", "compared", "condition", "consequence", "count", "counted",
                   "counted_as", "date", "document", "figure", "issuer", "label", "limit", "named", "narrowing", "per_head",
                   "period", "place", "province", "qualifier", "quantity", "rate", "subject", "unit", "word", "year"]


@dataclass(frozen=True)
class Need:
    """One thing the answering clause must contain: the question's words for it, and how to find it.

    ``token`` needs are matched on syllables, ``pattern`` needs on the clause text (lower-cased): both accented
    when ``accented`` (the question was typed so: "tuần" is not "tuân"), else accent-folded.
    """

    kind: NeedKind
    phrase: str
    token: str | None = None
    pattern: re.Pattern[str] | None = None
    accented: bool = False
    opening: re.Pattern[str] | None = None  # a narrowing word opening the title or after a kind in it (folded)
    rival: re.Pattern[str] | None = None  # another case of a "case" need's set: named without the asked one, unmet
    about: re.Pattern[str] | None = None  # a "case" need's heads ("hộ chiếu"): a clause never naming them is off topic
    quoted: bool = False  # judged on the words quoted (with the clause's headings and title), not the whole clause


# ------------------------------------------------------------------ what the question needs


@derived
def _lexicon() -> dict[str, object]:
    return _read(load_lexicon())


def _read(lex: Lexicon) -> dict[str, object]:
    """The lexicon's word lists as this check uses them; the patterns' shapes stay here, their words there."""
    # a step asked ("mức 1") is no amount written with a value's unit ("mức 1 triệu đồng")
    amount_units = alternatives({w.split()[0] for w in lex.topic("value_units")}, fold)
    periods = tuple(lex.topic("rate_periods"))
    free = {*lex.topic("paraphrase_words"), *lex.topic("question_form_words"),
            *lex.topic("question_kind_words"), *lex.topic("answer_form_words")}
    units = asked_units()  # the table the value choice reads too (bot.answerers.values)
    quantities = tuple(sorted(lex.topic("asked_quantities"), key=lambda x: -len(x.split())))
    contrasts = tuple(sorted(lex.topic("contrast_qualifiers"), key=len, reverse=True))
    # "hộ chiếu: phổ thông / ngoại giao / công vụ": (heads, cases), each case its spellings
    case_sets = []
    for line in lex.topic("contrast_sets"):
        head, colon, rest = line.rpartition(":")
        heads = tuple(h.strip() for h in head.split("|")) if colon else ()
        case_sets.append((heads, tuple(tuple(x.strip() for x in c.split("|")) for c in rest.split("/"))))
    limits = frozenset(fold(w).split()[0] for w in lex.topic("limit_words"))
    limits_full = frozenset(fold(w) for w in lex.topic("limit_words"))
    compounds: dict[str, list[str]] = {}
    for w in lex.topic("function_word_compounds"):
        compounds.setdefault(fold(w), []).append(canonical_tones(w).lower())
    kinds = frozenset(fold(k) for k in (*lex.topic("document_kinds"), *(t.name for t in lex.doc_types)))
    # "bao nhiêu", "mấy" (accented, and folded for a question typed without marks)
    amount = sorted(canonical_tones(w).lower() for w in lex.topic("amount_question_words"))
    asks_amount = {accented: re.compile(rf"(?<!\w)(?:{alternatives(amount, fold if not accented else str)})(?!\w)")
                   for accented in (True, False)}
    # "luật số mấy", "số hiệu bao nhiêu": a document's number is asked, not a figure.
    asks_number = re.compile(rf"(?<!\w)(?:{alternatives(lex.topic('number_nouns'), fold)}) "
                             rf"(?:{alternatives(amount, fold)})(?!\w)")
    # A figure in a clause's own text: not its label ("2.", "a)"), an article it cites ("khoản 1 Điều 2"), a
    # document number ("38/2022/NĐ-CP") or a date's year alone.  Read on the clause written with its marks:
    # folded, "mức 20%" looked like "mục 20" and "sở" like "số".  A phrase counts by its last word ("phụ lục").
    after = sorted({canonical_tones(w).lower().split()[-1] for w in lex.topic("reference_words")})
    # A number after a document's kind is its number ("Chỉ thị 05-CT/TW", "Kế hoạch 18"), and one written with
    # a symbol ("05-CT/TW") names a document whatever precedes it.
    kinds_before = sorted({canonical_tones(w).lower() for w in lex.topic("document_kinds")})
    # a number glued by a hyphen to a letter ("TNBQn-1", "COVID-19") is part of a symbol, no figure either
    figure_body = (r"(?<![\w/.,])(?<![^\W\d_]-)" + "".join(f"(?<!{re.escape(w)} )" for w in (*after, *kinds_before))
                   + r"\d+(?:[.,]\d+)*(?![\w/])(?!-[^\W\d_]+/)")
    figure = re.compile(figure_body)
    # "Bao nhiêu xã …?": a count, which neither a rate ("60,9%") nor a number after a noun that numbers or dates
    # something (lexicon numbering_words.txt: "năm 2023", "lần thứ 6", "giai đoạn 2") states
    shares = alternatives(lex.topic("share_words"), lambda w: canonical_tones(w).lower())
    numbered = sorted({canonical_tones(w).lower() for w in lex.topic("numbering_words")})
    count_body = ("".join(f"(?<!{re.escape(w)} )" for w in numbered) + figure_body
                  + rf"(?![.,]\d)(?!\s*(?:{shares}))")
    count_figure = re.compile(count_body)
    # "tỷ lệ …" (lexicon rate_nouns.txt): what a rate is of
    rates = sorted(lex.topic("rate_nouns"), key=len, reverse=True)
    rate_nouns = {True: alternatives(rates, lambda w: canonical_tones(w).lower()), False: alternatives(rates, fold)}
    # "một tuần", "mỗi tháng", "tối đa một ngày": the period a rate is counted per
    leads = lex.topic("rate_leads")
    rate_leads = {True: alternatives(leads, lambda w: canonical_tones(w).lower()), False: alternatives(leads, fold)}
    # "vùng I, II và V"
    list_joiners = alternatives(lex.topic("label_list_joiners"), fold)
    # "lương tại cơ sở", "lương của cơ sở đào tạo": a function word between an amount's noun and a word after
    # it makes that word no name of the amount
    fw = lex.topic("function_words")
    function_words = {True: alternatives(fw, lambda w: canonical_tones(w).lower()), False: alternatives(fw, fold)}
    return {"amount_units": amount_units, "periods": periods, "free": frozenset(free), "units": units,
            "quantities": quantities,
            "contrasts": contrasts, "case_sets": tuple(case_sets), "kinds": kinds,
            "paraphrase": frozenset(fold(w) for w in lex.topic("paraphrase_words")), "limits": limits, "limits_full": limits_full,
            "framing": frozenset(canonical_tones(w).lower() for w in lex.topic("framing_nouns")),
            "compounds": compounds, "asks_amount": asks_amount, "asks_number": asks_number, "figure": figure,
            "count_figure": count_figure, "count_body": count_body, "rate_nouns": rate_nouns,
            # units a figure measures in ("30 ngày", "1.170.000 đồng"): what no count of things is written in
            "measures": tuple(canonical_tones(w).lower() for w in lex.topic("measure_units")),
            "shares": frozenset(fold(w) for w in lex.topic("share_words")),
            # "bao nhiêu", "mấy" as the word segmenter writes them ("bao_nhiêu"), spelt and folded
            "amount_words": {True: frozenset(canonical_tones(w).lower().replace(" ", "_")
                                             for w in lex.topic("amount_question_words")),
                             False: frozenset(fold(w).replace(" ", "_") for w in lex.topic("amount_question_words"))},
            "form_words": frozenset(lex.topic("question_form_words")),
            # the shares an amount is asked in and the spellings asking for a kind of answer ("phần trăm", "đâu")
            "ask_forms": frozenset(canonical_tones(w).lower() for w in (*lex.topic("share_words"),
                                                                       *lex.topic("answer_form_spellings"))),
            "rate_leads": rate_leads, "list_joiners": list_joiners, "function_words": function_words,
            "acts": {True: frozenset(compare_key(w, True) for w in lex.topic("act_named_quantities")),
                     False: frozenset(compare_key(w, False) for w in lex.topic("act_named_quantities"))}}


def _labels(topic: str, folded_topic: str) -> list[Need]:
    """ "vùng V" → the clause must name "vùng … V" (a list "vùng I, II và V" counts)."""
    out = []
    unit = _lexicon()["amount_units"]
    # A step of a scale too ("mức 1" of "chuyên gia tư vấn mức 1"): an exception clause quoting another figure
    # ("1,5 lần") or another step's item is no answer to it.
    for m in step_pattern().finditer(folded_topic):
        if re.match(rf"\s+(?:{unit})(?!\w)", folded_topic[m.end() :]):
            continue  # "mức 1 triệu đồng": an amount
        noun, label = m.group(1), m.group(2)
        joiner = rf"\s*(?:{_lexicon()['list_joiners']})\s*"
        spelt = "|".join(re.escape(s) for s in step_spellings(label))  # "vung 2" is said by "Vùng II"
        pattern = re.compile(rf"(?<!\w){re.escape(noun)}\s+(?:{STEP_LABEL}{joiner})*(?:{spelt})(?!\w)")
        out.append(Need("label", topic[m.start() : m.end()], pattern=pattern))
    return out


def _periods(topic: str, accented: bool, text: str) -> list[Need]:
    """ "bao nhiêu giờ trong một tuần" → the clause must count per "tuần".  A period word before a year or a
    date's day or month is a date ("ngày 01 tháng 7 năm 2022", "đơn đặt hàng năm 2021"), not a rate, in the
    question and in the clause."""
    key, full = compare_key(topic, accented), compare_key(text, accented)
    words = [compare_key(p, accented) for p in _lexicon()["periods"]]  # type: ignore[union-attr]
    # "một tuần", "mỗi tháng", "/năm"; and the rate a limit is set per ("lương tối thiểu ngày", "tối đa một ngày")
    lead = f"(?:{_lexicon()['rate_leads'][accented]})"  # type: ignore[index]
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    out = []
    for m in re.finditer(rf"(?:(?<!\w){lead}\s+|/\s*)({alts})(?!\w){_NOT_A_DATE}", key):
        asked = re.escape(m.group(0))
        if re.search(asked, full) and not re.search(rf"{asked}(?!\w){_NOT_A_DATE}", full):
            continue  # the topic lost the year the question wrote after it ("đơn đặt hàng năm 2021")
        pattern = re.compile(rf"(?<!\w){re.escape(m.group(1))}(?!\w){_NOT_A_DATE}")
        out.append(Need("period", topic[m.start() : m.end()].strip(" /"), pattern=pattern, accented=accented))
    return out


def _bases(topic: str, accented: bool) -> list[Need]:
    """ "mỗi vạn dân" (read "mỗi 10.000 dân", lexicon equivalents.toml), "trên 20.000 dân", "hai vạn người" → the
    clause must count per that figure: "số giường bệnh/10.000 dân đạt 29,9 giường" answers the first, not the
    others.  The figure is a number of people (lexicon ``base_nouns.txt``), in digits or in words ("hai vạn":
    a number word, then a scale, ``number_scales.txt``), which a clause must then write in words too."""
    key = compare_key(topic, accented)
    spelt = (lambda w: canonical_tones(w).lower()) if accented else fold
    lex = load_lexicon()
    nouns = alternatives(lex.topic("base_nouns"), spelt)
    words = rf"(?:{alternatives(lex.topic('number_words'), spelt)})\s+(?:{alternatives(lex.topic('number_scales'), spelt)})"
    out = []
    for m in re.finditer(rf"(?<![\w.,])(\d{{1,3}}(?:(?:[.,]|\s)\d{{3}})+|\d+|{words})\s+(?:{nouns})(?!\w)", key):
        figure = m.group(1)
        if figure[0].isdigit():
            digits = re.sub(r"\D", "", figure)
            if len(digits) < 3 or re.fullmatch(r"(?:19|20)\d\d", figure):
                continue  # "5 người", "năm 2023 người …": a small count or a year, not a base a rate is counted per
            groups = [digits[max(0, i - 3) : i] for i in range(len(digits), 0, -3)][::-1]
            said = r"(?<![\d.,])" + r"[.,\s]?".join(groups) + r"(?![\d]|[.,]\d)"
        else:
            said = r"(?<!\w)" + r"\s+".join(map(re.escape, figure.split())) + r"(?!\w)"
        out.append(Need("period", topic[m.start() : m.end()], pattern=re.compile(said), accented=accented))
    return out


# A period word is part of a date when a year, or a day or month of a date, follows it ("năm 2021", "tháng 5
# năm 2025", "ngày 01/7"); "hằng năm 12 ngày", "mỗi tháng 2 lần" state a rate.
_NOT_A_DATE = r"(?!\s*(?:19|20)\d\d(?!\d))(?!\s*\d{1,2}\s*(?:[/-]|(?:tháng|thang|năm|nam)(?!\w)))"


def _contrasts(topic: str, accented: bool, value: bool = False) -> list[Need]:
    """ "chuyên gia tư vấn nước ngoài" → the clause must be about "nước ngoài", not the "trong nước" case.

    A phrase inside a longer one of the list is not asked ("ngoài công lập" is not also "công lập"), and in
    the clause it must stand alone the same way.  Asked with an amount ("giá trị xuất khẩu … bao nhiêu?", "bao
    nhiêu lao động nữ?") or for a target (``value``: "chỉ tiêu xuất khẩu") the case must stand in the words quoted
    (or the headings, the title): a long paragraph of targets names "xuất khẩu" in one sentence and gives the GRDP
    figure in another, which is no export value."""
    key = compare_key(topic, accented)
    amount = value or _asks_amount(topic, accented)
    phrases: tuple[str, ...] = _lexicon()["contrasts"]  # type: ignore[assignment]
    out: list[Need] = []
    taken: list[tuple[int, int]] = []
    for phrase in phrases:
        for m in whole_words(compare_key(phrase, accented)).finditer(key):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            taken.append((m.start(), m.end()))
            out.append(Need("qualifier", topic[m.start() : m.end()], pattern=_alone(fold(phrase), phrases), quoted=amount))
    return out


def _alone(phrase: str, phrases: Iterable[str]) -> re.Pattern[str]:
    """``phrase`` (folded) as a word group of its own, not the tail or head of a longer listed one."""
    before, after = "", ""
    for longer in (fold(p) for p in phrases):
        if longer.endswith(" " + phrase):
            before += rf"(?<!{re.escape(longer[: -len(phrase)])})"
        elif longer.startswith(phrase + " "):
            after += rf"(?!{re.escape(longer[len(phrase) :])})"
    return re.compile(rf"(?<!\w){before}{re.escape(phrase)}(?!\w){after}")


def _cases(topic: str, accented: bool) -> list[Need]:
    """ "Lệ phí gia hạn hộ chiếu phổ thông …?" → words quoted that name another case of the set ("hộ chiếu (ngoại
    giao, công vụ)") and not the one asked answer the other case (lexicon ``contrast_sets.txt``).  A case the
    question names too is no rival ("bảo hiểm xã hội … bảo hiểm y tế" asks about both)."""
    key = compare_key(expand_abbreviations(topic), accented)
    out: list[Need] = []
    for case_set in _case_sets(accented):
        if not case_set.anywhere.search(key):
            continue  # no case of the set is named: most sets, most questions
        found = [(i, m) for i, own in enumerate(case_set.own) if (m := own.search(key))]
        rival = case_set.rivals.get(frozenset(i for i, _ in found))
        if rival is None:
            continue  # every case of the set is asked: none is a rival
        for i, m in found:
            out.append(Need("case", key[m.start() : m.end()], pattern=case_set.own[i], rival=rival, accented=accented,
                            about=case_set.about))
    return out


@dataclass(frozen=True)
class _CaseSet:
    """A set of cases (lexicon ``contrast_sets.txt``) as a question spelt with or without marks is read: a quick
    pattern of any of its spellings (to skip the sets a question names none of), each case's pattern, and for
    each way of naming some of the cases, the pattern of the others (their rival)."""

    anywhere: re.Pattern[str]
    own: tuple[re.Pattern[str], ...]
    rivals: dict[frozenset[int], re.Pattern[str]]
    about: re.Pattern[str] | None  # the set's heads ("hộ chiếu"): a clause never naming them is off the subject


@derived
def _case_sets_both() -> dict[bool, tuple[_CaseSet, ...]]:
    """Every set's patterns, built once from the lexicon (a set has at most a handful of cases)."""
    sets = _lexicon()["case_sets"]  # type: ignore[union-attr]
    out: dict[bool, tuple[_CaseSet, ...]] = {}
    for a in (True, False):
        built = []
        for heads, cases in sets:  # type: ignore[union-attr]
            rivals: dict[frozenset[int], re.Pattern[str]] = {}
            for size in range(1, len(cases)):
                for asked in itertools.combinations(range(len(cases)), size):
                    others = tuple(x for i, case in enumerate(cases) if i not in asked for x in case)
                    if others:
                        rivals[frozenset(asked)] = _case_pattern(heads, others, cases, a)
            about = re.compile(rf"(?<!\w)(?:{alternatives([compare_key(h, a) for h in heads])})(?!\w)") if heads else None
            built.append(_CaseSet(re.compile(alternatives([compare_key(x, a) for c in cases for x in c])),
                                  tuple(_case_pattern(heads, case, cases, a) for case in cases), rivals, about))
        out[a] = tuple(built)
    return out


def _case_sets(accented: bool) -> tuple[_CaseSet, ...]:
    return _case_sets_both()[accented]


def _case_pattern(heads: tuple[str, ...], case: tuple[str, ...], cases: tuple[tuple[str, ...], ...],
                  accented: bool) -> re.Pattern[str]:
    """A case's spellings on their own, or right after one of the set's heads with other cases of the set between
    ("hộ chiếu (ngoại giao, công vụ)" names both "ngoại giao" and "công vụ"), as ``compare_key`` spells them."""
    def spelt(words: Iterable[str]) -> str:
        return alternatives([compare_key(w, accented) for w in words])

    said = rf"(?:{spelt(case)})(?!\w)"
    if not heads:
        return re.compile(rf"(?<!\w){said}")
    between = rf"(?:(?:{spelt(x for c in cases for x in c)})\W+){{0,3}}?"
    return re.compile(rf"(?<!\w)(?:{spelt(heads)})\W+{between}{said}")


@derived
def _place_words() -> tuple[tuple[str, ...], dict[bool, frozenset[str]]]:
    """The place nouns (lexicon ``place_class_nouns.txt``) and the words that end the class after one (function words,
    "bao nhiêu", periods), spelt as ``compare_key`` spells them with and without diacritics."""
    lex = load_lexicon()
    nouns = tuple(sorted((canonical_tones(w).lower() for w in lex.topic("place_class_nouns")), key=len, reverse=True))
    words = (*lex.topic("function_words"), *lex.topic("amount_question_words"), *lex.topic("rate_periods"))
    return nouns, {a: frozenset(compare_key(w, a) for w in words) for a in (True, False)}


def _place_classes(topic: str, accented: bool) -> list[Need]:
    """ "… giảm tỷ lệ hộ nghèo ở các huyện nghèo là bao nhiêu?" → the clause must name "huyện nghèo" (lexicon
    ``place_class_nouns.txt``): the province's rate answers another question.  The class is the place noun after
    "ở"/"tại" and the words narrowing it, up to a function word, a figure or the question's end (four at most); a
    name ("ở xã Mường Chà") or a label ("ở vùng IV") is no class."""
    lex = load_lexicon()
    nouns, stops = _place_words()
    words = re.findall(r"[^\W_]+|[^\w\s]", topic)
    low = [canonical_tones(w).lower() for w in words]
    at_place = {fold(w) for w in ("ở", "tại")}
    out: list[Need] = []
    for i, w in enumerate(low):
        if fold(w) not in at_place or (accented and w not in ("ở", "tại")):
            continue
        j = i + 1
        while j < len(low) and fold(low[j]) in {"cac", "nhung"}:
            j += 1
        noun = next((n for n in nouns
                     if compare_key(" ".join(low[j : j + len(n.split())]), accented) == compare_key(n, accented)), None)
        if noun is None:
            continue
        k = j + len(noun.split())
        narrow: list[str] = []
        while (k < len(words) and len(narrow) < 4 and words[k].isalpha()
               and compare_key(low[k], accented) not in stops[accented]):
            narrow.append(words[k])
            k += 1
        if (not narrow or narrow[0][0].isupper() or re.fullmatch(STEP_LABEL, narrow[0], re.IGNORECASE)
                or lex.province(" ".join(narrow)) is not None):
            continue
        others = alternatives(nouns, fold)
        said = r"\s+".join(re.escape(fold(x)) for x in narrow)
        pattern = re.compile(rf"(?<!\w){re.escape(fold(noun))}(?:\W+(?:{others}))*\W+{said}(?!\w)")
        out.append(Need("place", f"{noun} {' '.join(narrow)}", pattern=pattern))
    return out


def _asks_amount(topic: str, accented: bool) -> bool:
    """Whether the question asks how much or how many (lexicon ``amount_question_words.txt``)."""
    return _lexicon()["asks_amount"][accented].search(compare_key(topic, accented)) is not None  # type: ignore[index]


def _quantities(topic: str, accented: bool, scorer: Scorer, pauses: Iterable[tuple[str, str]] = ()) -> list[Need]:
    """ "Lương cơ sở … là bao nhiêu?" → the clause must name "lương cơ sở" (lexicon ``asked_quantities.txt``):
    a figure set for another amount ("lương hưu", "lương tối thiểu", "mức thu lệ phí cấp bằng") answers another
    question.

    The amount is the listed noun and the word right after it that narrows it ("lương cơ sở", "phụ cấp thâm
    niên", "thuế suất thuế"): with diacritics pyvi's noun there; typed without, the dictionary word there when
    it is no form word and the library writes the two together.  Only for a question asking how much
    (``bao nhiêu``, ``mấy``)."""
    if not _asks_amount(topic, accented):
        return []
    from index.wordseg import pos_tags, segment, segment_folded

    pauses = set(pauses)
    plain = " ".join(re.findall(r"[^\W_]+", topic))
    if accented:
        words, tags = pos_tags(segment(topic))
    else:
        words = segment_folded(plain).split()
        tags = ["N"] * len(words)  # no tagger reads unaccented words: the checks on the syllables decide
    # Syllables in order: (its key, as written, the word it is part of, last of that word?)
    sylls: list[tuple[str, str, int, bool]] = []
    for i, w in enumerate(words):
        parts = w.split("_")
        for j, x in enumerate(parts):
            sylls.append((compare_key(x, accented), x, i, j == len(parts) - 1))
    keys = [k for k, *_ in sylls]
    free = _lexicon()["free"]
    periods = {compare_key(p, accented) for p in _lexicon()["periods"]}  # type: ignore[union-attr]
    out: list[Need] = []
    taken: set[int] = set()
    for phrase in _lexicon()["quantities"]:  # type: ignore[union-attr]
        want = compare_key(phrase, accented).split()
        for s in range(len(keys) - len(want) + 1):
            if keys[s : s + len(want)] != want or taken & set(range(s, s + len(want))):
                continue
            e = s + len(want)
            taken.update(range(s, e))
            written = [x for _, x, *_ in sylls[s:e]]
            toks = tokens(" ".join(written), accented=accented)
            units = [f"{a}_{b}" for a, b in itertools.pairwise(toks)] or toks
            acts = compare_key(phrase, accented) in _lexicon()["acts"][accented]  # type: ignore[index]
            # a word after a comma names another amount of a list ("quỹ khen thưởng, phúc lợi", "miễn phí, lệ phí")
            across = e < len(sylls) and (fold(sylls[e - 1][1]), fold(sylls[e][1])) in pauses
            narrow = None if across else _narrowing(sylls, tags, e, accented, free, periods, scorer, acts=acts)  # type: ignore[arg-type]
            if narrow and toks:
                written += narrow
            phrase = " ".join(written)
            out += [Need("quantity", phrase, token=u, accented=accented) for u in units]
            if narrow and toks:
                out.append(_narrowing_need(phrase, written[len(written) - len(narrow) - 1], narrow, accented, acts=acts))
    return out


def _narrowing_need(phrase: str, noun: str, narrow: list[str], accented: bool, *, acts: bool = False) -> Need:
    """The narrowing word ("cơ sở" of "lương cơ sở") right after the amount's noun, a word or two between ("thuế
    suất thuế thu nhập", "lương hưu hằng tháng"), in the clause, its headings or its document's title ("Thuế
    suất 15% …" in the "Luật Thuế thu nhập doanh nghiệp" is that tax's rate).  No function word and no mark
    stands between: "tiền lương tại cơ sở giáo dục", "lương của cơ sở đào tạo", "mức lương tối thiểu … công
    việc tại cơ sở y tế" or a title's "mức lương … làm cơ sở cho …" set no "lương cơ sở"."""
    keys = [k for k in syllable_keys(narrow, accented=accented) if k]
    units = [f"{a}_{b}" for a, b in itertools.pairwise(keys)] or keys
    said = r"\s+".join(re.escape(compare_key(x, accented)) for x in narrow)
    function = _lexicon()["function_words"][accented]  # type: ignore[index]
    gap = rf"(?:\s+(?!(?:{function})(?!\w))\w+)"
    near = re.compile(rf"(?<!\w){re.escape(compare_key(noun, accented))}{gap}{{0,2}}?\s+{said}(?!\w)"
                      # a fee's act names it alone in a table row under the fee's heading ("| 2 | Cấp thẻ đi lại …"):
                      # in a row's cell only, not in a heading or a sentence beside another fee
                      + (rf"|\|[^|\n]*(?<!\w){said}(?!\w)" if acts and len(narrow) > 1 else ""))
    # A title opening with it, or naming a document by it, says what every amount of the document is of ("THUẾ
    # THU NHẬP DOANH NGHIỆP", "Quy định chi tiết … Luật Thuế thu nhập doanh nghiệp")
    kinds = "|".join(re.escape(k) for k in sorted(_lexicon()["kinds"], key=len, reverse=True))  # type: ignore[arg-type]
    folded = r"\s+".join(re.escape(fold(x)) for x in narrow)
    opening = re.compile(rf"(?:^\s*|(?<!\w)(?:{kinds})\s+){folded}(?!\w)")
    return Need("narrowing", phrase, token=" ".join(units), pattern=near, accented=accented, opening=opening)


def _narrowing(sylls, tags, e: int, accented: bool, free: frozenset[str], periods: set[str],
               scorer: Scorer, *, acts: bool = False) -> list[str] | None:
    """The word after a quantity noun that says which amount it is, as written ("cơ sở"), if any.

    A bound ("tối đa"), a period ("năm"), a figure or a form word narrows nothing; typed without diacritics,
    a syllable that is no word of the dictionary with the next one narrows only when the library writes it
    after the noun."""
    if e >= len(sylls) or not sylls[e - 1][3]:
        return None
    word = sylls[e][2]
    written = [x for _, x, w, _ in sylls[e:] if w == word]
    after = sylls[e + len(written)][1] if e + len(written) < len(sylls) else ""
    if after and re.fullmatch(STEP_LABEL, after, re.IGNORECASE):
        return None  # "phụ cấp mức 2", "lương bậc 3": a step of a scale (checked as such), not which amount
    first = syllable_keys(written, accented=accented)[0]  # "cho người" opens with a function word: no amount's name
    if (first is None or first in periods or any(ch.isdigit() for x in written for ch in x)
            or fold(" ".join(written)) in _lexicon()["limits_full"] or fold(written[0]) in _lexicon()["limits"]):  # type: ignore[operator]
        return None
    if accented:
        tag = tags[word]
        if acts and tag.startswith("V"):
            # a fee is named by what it pays for, the verb and the noun it acts on ("lệ phí đăng ký phương tiện")
            after = [x for _, x, w, _ in sylls[e + len(written):] if w == word + 1]
            noun = word + 1 < len(tags) and tags[word + 1].startswith("N") and tags[word + 1] not in ("Np", "Nu", "Ny")
            return written + after if noun and after else written
        return written if tag.startswith("N") and tag not in ("Np", "Nu", "Ny") else None
    # a form word ("co" of "co quan nao") narrows nothing, unless it opens a word of the dictionary ("co so")
    if not _syllable_like(written[0]) or is_abbreviation(written[0]) or (fold(written[0]) in free and len(written) < 2):
        return None
    if len(written) > 1:
        # a word of the dictionary ("co so"), unless it opens with a form word and the library never writes it
        # in a spelling that makes it a word ("cho nguoi" is "cho người", not "chợ người")
        if fold(written[0]) not in free:
            return written
        spelt = _lexicon()["compounds"].get(fold(" ".join(written)), ())  # type: ignore[union-attr]
        return written if any(scorer.parts_with("_".join(w.split())) for w in spelt) else None
    prev = [k for k in syllable_keys([sylls[e - 1][1]]) if k]
    return written if prev and scorer.parts_with(f"{prev[0]}_{first}") else None


def _unit(topic: str, asks_amount: bool) -> list[Need]:
    """ "bao nhiêu đồng" → the clause must state an amount of money (the first kind asked decides); any other
    "bao nhiêu …?" / "mấy …?" → the clause text must state a figure at all (its own label, article and
    document numbers do not count); "bao nhiêu xã …?" asks a count, which a rate ("60,9%") or a year is not."""
    folded_topic = fold(topic)
    asked = first_asked(folded_topic)
    if asked is not None:
        name, evidence = asked
        return [] if evidence is None else [Need("unit", name, pattern=evidence)]
    if asks_amount and not _lexicon()["asks_number"].search(folded_topic):  # type: ignore[attr-defined]
        figure = Need("figure", "con số", pattern=_lexicon()["figure"])  # type: ignore[arg-type]
        counted = _counted_noun(topic)
        if counted:
            count, measures = _count_patterns(counted)
            return [figure, Need("counted", f"số {counted}", pattern=count, rival=measures)]
        return [figure]
    return []


def _count_patterns(counted: str) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A figure counting ``counted`` ("xã", "doanh nghiệp"): not a rate, a year or a numbered thing, nor a figure in a
    unit of measure (lexicon ``measure_units.txt``: "30 ngày làm việc", "1.170.000 đồng"), unless the question counts
    that unit itself ("bao nhiêu tấn"); and the units of measure other than ``counted``, right after a figure's end."""
    table = _counted_patterns()
    return table.get(fold(counted)) or table[""]


@derived
def _counted_patterns() -> dict[str, tuple[re.Pattern[str], re.Pattern[str]]]:
    """``_count_patterns``'s two patterns by the folded unit of measure counted, and under "" for a noun that is none."""
    lex = _lexicon()
    measures: tuple[str, ...] = lex["measures"]  # type: ignore[assignment]
    out: dict[str, tuple[re.Pattern[str], re.Pattern[str]]] = {}
    for asked in ("", *sorted({fold(u) for u in measures})):
        units = [u for u in measures if fold(u) != asked]
        count = (re.compile(lex["count_body"] + rf"(?!\s*(?:{alternatives(units)})(?!\w))")  # type: ignore[operator]
                 if units else lex["count_figure"])
        out[asked] = (count, re.compile(rf"^\s*(?:{alternatives(units)})(?!\w)"))  # type: ignore[assignment]
    return out


def _in_a_measure(short: str, said: str, measures: re.Pattern[str]) -> bool:
    """Whether every figure of a short answer ("hơn 2.500") stands in the words quoted only with a unit of measure
    after it ("2.500 Đài tệ/tháng"): the short answer dropped the unit, and it is no count."""
    numbers = re.findall(r"\d+(?:[.,]\d+)*", short)
    text = _accented(said)
    if not numbers:
        return False
    for number in numbers:
        at = [m.end() for m in re.finditer(rf"(?<![\d.,]){re.escape(number)}(?![\d]|[.,]\d)", text)]
        if not at or not all(measures.match(text[e:]) for e in at):
            return False
    return True


def _plain(topic: str) -> str:
    """The topic's words alone, punctuation out, as the word segmenter reads them."""
    return " ".join(re.findall(r"[^\W_]+", topic))


def _words(topic: str, accented: bool) -> list[str]:
    """The topic's words as segmented ("tỷ_lệ hộ_nghèo"); typed without diacritics, by pyvi's dictionary."""
    from index.wordseg import segment, segment_folded

    return (segment(_plain(topic)) if accented else segment_folded(_plain(topic))).split()


def _counted_noun(topic: str) -> str | None:
    """The noun a question typed with diacritics counts right after "bao nhiêu"/"mấy" ("bao nhiêu xã", "mấy loại"),
    as written; None when it counts none (a unit such as "bao nhiêu phần trăm" is read by ``asked_units.csv``).
    Typed without diacritics no tagger reads the next word: any word but a form word ("là", "một") counts."""
    from index.wordseg import pos_tags, segment

    accented = has_diacritics(topic)
    if accented:
        words, tags = pos_tags(segment(_plain(topic)))
    else:
        words = _words(topic, accented)
        tags = ["V" if fold(w.replace("_", " ")) in _lexicon()["free"] or fold(w.split("_")[0]) in _lexicon()["limits"]  # type: ignore[operator]
                else "N" for w in words]
    amount = _lexicon()["amount_words"][accented]  # type: ignore[index]
    shares = _lexicon()["shares"]
    for i, ((w, _), (noun, tag)) in enumerate(itertools.pairwise(zip(words, tags, strict=True))):
        after = fold(" ".join(words[i + 1 : i + 3]).replace("_", " "))
        if (canonical_tones(w).lower() in amount and tag.startswith("N") and tag not in ("Np", "Ny")
                and not any(ch.isdigit() for ch in noun)
                # "trên bao nhiêu mới phải tính thuế": pyvi's noun "mới_phải" opens with a paraphrase word
                and fold(noun.split("_")[0]) not in _lexicon()["paraphrase"]  # type: ignore[operator]
                and not any(after == x or after.startswith(x + " ") for x in shares)):  # type: ignore[union-attr]
            return noun.replace("_", " ")
    return None


def _counted_as(topic: str) -> list[Need]:
    """ "bao nhiêu lao động nữ?", "bao nhiêu hộ nghèo?" → the noun or adjective right after the noun counted says which
    of them are counted: words quoted that count "8.440 lao động" without "nữ" count another group.  Only for a count
    of things (no unit of measure asked: ``asked_units.csv``) typed with diacritics (the tagger reads the word after);
    a name ("lao động Việt Nam"), a form word, a bound, a period or a figure is no such word."""
    from index.wordseg import pos_tags, segment

    if not has_diacritics(topic) or first_asked(fold(topic)) is not None or _counted_noun(topic) is None:
        return []
    words, tags = pos_tags(segment(_plain(topic)))
    amount = _lexicon()["amount_words"][True]  # type: ignore[index]
    skip = _skipped_before_amount()[True]
    for i in range(len(words) - 2):
        if canonical_tones(words[i]).lower() not in amount:
            continue
        word, tag = words[i + 2], tags[i + 2]
        if not (tag in ("N", "A") and _plain_word(word, skip)):
            return []
        sylls = word.split("_")
        said = r"\s+".join(re.escape(canonical_tones(x).lower()) for x in sylls)
        return [Need("counted_as", " ".join(sylls), pattern=re.compile(rf"(?<!\w){said}(?!\w)"), accented=True)]
    return []


@derived
def _skipped_before_amount() -> dict[bool, frozenset[str]]:
    """The words that say how an amount is asked or bounded, or per what period, never what it is of: the form and
    paraphrase words, and the limits and periods (``_bounds_and_periods``); typed with diacritics as spelt ("nghỉ" is
    no "nghị"), else folded."""
    forms = {False: frozenset(_lexicon()["free"]),  # type: ignore[arg-type]
             True: frozenset(canonical_tones(w).lower() for w in load_lexicon().topic("answer_form_spellings"))}
    return {a: forms[a] | words for a, words in _bounds_and_periods().items()}


@derived
def _bounds_and_periods() -> dict[bool, frozenset[str]]:
    """The limits ("tối đa", "không quá"), periods and period leads ("hằng năm", "mỗi tháng"): words between what an
    amount is of and "bao nhiêu" that say which end or per what, spelt and folded."""
    lex = load_lexicon()
    words = [*lex.topic("limit_words"), *(x for w in lex.topic("limit_words") for x in w.split()),
             *lex.topic("rate_periods"), *lex.topic("rate_leads")]
    return {True: frozenset(canonical_tones(w).lower() for w in words), False: frozenset(map(fold, words))}


def _plain_word(word: str, skip: frozenset[str], accented: bool = True) -> bool:
    """Whether a segmented word ("nghỉ", "tiền_ăn") may say what an amount is of: no figure, no skipped word."""
    sylls = word.split("_")
    key = (lambda x: canonical_tones(x).lower()) if accented else fold
    return (not any(ch.isdigit() for ch in word) and key(" ".join(sylls)) not in skip
            and not all(key(x) in skip for x in sylls) and all(_syllable_like(fold(x)) for x in sylls))


@derived
def _consequence_word() -> re.Pattern[str]:
    """The word opening a rule's consequence (lexicon ``consequence_words.txt``), as the clause writes it."""
    words = load_lexicon().topic("consequence_words")
    return re.compile(rf"(?<!\w)(?:{alternatives(words, lambda w: canonical_tones(w).lower())})(?!\w)")


def _consequences(topic: str, accented: bool) -> list[Need]:
    """ "Người lao động được nghỉ hằng năm bao nhiêu tháng?" → what the amount asked is of, the words right before
    "bao nhiêu" ("nghỉ"): a figure of a rule's condition ("làm việc đủ 12 tháng … thì được nghỉ hằng năm")
    says when the rule applies, not how much of its consequence is given (``_in_condition_only``).  One word, the
    first before it past bounds and periods; a function or form word there asks of no such predicate ("cho bao nhiêu
    lao động": none)."""
    if not _asks_amount(topic, accented):
        return []
    from index.wordseg import pos_tags, segment

    if accented:
        words, tags = pos_tags(segment(_plain(topic)))
    else:
        words = _words(topic, accented)
        tags = ["N"] * len(words)
    amount = _lexicon()["amount_words"][accented]  # type: ignore[index]
    at = next((i for i, w in enumerate(words) if (canonical_tones(w).lower() if accented else fold(w)) in amount), None)
    if not at:
        return []
    # bounds and periods are skipped ("nghỉ hằng năm bao nhiêu", "tối đa bao nhiêu"); any other form or function
    # word ends the search ("phải có bao nhiêu năm kinh nghiệm": the subject before it is no predicate)
    bounds = _bounds_and_periods()[accented]
    skip = _skipped_before_amount()[accented]
    spelt = (lambda x: canonical_tones(x).lower()) if accented else fold
    for j in range(at - 1, -1, -1):
        w = words[j]
        if spelt(w.replace("_", " ")) in bounds or all(spelt(x) in bounds for x in w.split("_")):
            continue
        if tags[j] in ("E", "C", "CC", "Np", "Ny", "Nu", "M") or not _plain_word(w, skip, accented):
            return []
        said = r"\s+".join(re.escape(spelt(x)) for x in w.split("_"))
        return [Need("consequence", w.replace("_", " "), pattern=re.compile(rf"(?<!\w)(?:{said})(?!\w)"),
                     accented=accented)]
    return []


def _in_condition_only(n: Need, short: str, said: str) -> bool:
    """Whether the figure answered stands, wherever the words quoted write it, in a rule's condition (before the
    sentence's "thì", lexicon ``consequence_words.txt``) whose consequence holds what the amount asked is of and whose
    condition does not: "làm việc đủ 12 tháng … thì được nghỉ hằng năm" answers no "nghỉ hằng năm bao nhiêu tháng"."""
    m = re.search(r"\d+(?:[.,]\d+)*", short)
    if m is None or n.pattern is None:
        return False
    unit = re.match(r"\s*([^\W\d_]+)", short[m.end() :])
    text = _accented(said)
    after = rf"\s*{re.escape(canonical_tones(unit.group(1)).lower())}(?!\w)" if unit else r"(?!\d|[.,]\d)"
    at = [x.start() for x in re.finditer(rf"(?<![\d.,]){re.escape(m.group(0))}{after}", text)]
    if not at:
        return False
    read = (lambda x: x) if n.accented else fold
    for a in at:
        start = max(text.rfind(c, 0, a) for c in (";", ":", "\n", ". "))
        ends = [e for c in (";", ":", "\n", ". ") if (e := text.find(c, a)) >= 0]
        end = min(ends, default=len(text))
        then = _consequence_word().search(text, a, end)
        if then is None:
            return False
        condition, consequence = read(text[start + 1 : then.start()]), read(text[then.start() : end])
        if not n.pattern.search(consequence) or n.pattern.search(condition):
            return False
    return True


def _rates(topic: str, accented: bool) -> list[Need]:
    """ "tỷ lệ trường đạt chuẩn quốc gia là bao nhiêu?" → quoted words that state a rate ("tỷ lệ …", lexicon
    ``rate_nouns.txt``) must state the rate of what is asked, the word right after the rate noun ("trường"):
    "Tỷ lệ hộ nghèo … 19,74%" is the rate of another thing.  Words that state no rate are not judged here.
    Only for a question asking how much: a rate named without "bao nhiêu" is checked by its rare words, and the
    word after a rate noun may be misspelt in a directive ("người sử dung Internet")."""
    if not _asks_amount(topic, accented):
        return []
    words = _words(topic, accented)
    rate = re.compile(rf"(?<!\w)(?:{_lexicon()['rate_nouns'][accented]})(?!\w)")  # type: ignore[index]
    keys = [compare_key(w.replace("_", " "), accented) for w in words]
    free = _lexicon()["form_words"]  # "tỷ lệ là …"; not "hộ", a kind word elsewhere
    out = []
    for i, k in itertools.product(range(len(words)), (1, 2)):
        m = rate.fullmatch(" ".join(keys[i : i + k]))
        if m is None or i + k >= len(words):
            continue
        at = i + k - 1
        word = words[at + 1].replace("_", " ")
        sylls = word.split()
        if (any(ch.isdigit() for ch in word) or fold(word) in free  # type: ignore[operator]
                or fold(word) in _lexicon()["limits_full"] or fold(sylls[0]) in _lexicon()["limits"]  # type: ignore[operator]
                or _asks_amount(word, accented)):
            continue
        keys_of = [k for k in syllable_keys(sylls, accented=accented) if k]
        units = [f"{a}_{b}" for a, b in itertools.pairwise(keys_of)] or keys_of
        if not units:
            continue
        if len(keys_of) == 1 and at + 2 < len(words):
            # one syllable says little ("ty le ho …": "hộ nghèo" or "hộ dùng điện"): the next word too, each
            # syllable on its own ("tỷ lệ trường đạt chuẩn" is "tỷ lệ trường chuẩn quốc gia đạt …")
            more = words[at + 2].replace("_", " ")
            if not (any(ch.isdigit() for ch in more) or fold(more) in free or _asks_amount(more, accented)  # type: ignore[operator]
                    or fold(more.split()[0]) in _lexicon()["limits"]):  # type: ignore[operator]
                units += [k for k in syllable_keys(more.split(), accented=accented) if k]
                word = f"{word} {more}"
        out.append(Need("rate", f"{m.group(0)} {word}", token=" ".join(units), pattern=rate, accented=accented))
    return out


# A line's own label ("2.", "a)", "IV."): no figure of the clause.
_LABEL_AT_LINE = re.compile(r"(?m)^\s*(?:(?:\d+|[ivxlc]+)(?:\.\d+)*[.)]|[a-zđ]\))\s")


def _rare_nouns(q: Query, scorer: Scorer, tuning: AnswerTuning) -> list[Need]:
    """Nouns of the topic rarer than ``support_rare_idf`` over the library: what narrows the question most.

    A word (next to) no part has is left to the unseen-topic check: the library does not talk about it, so
    its absence from one clause tells nothing (often the question's own paraphrase, "cho phép" for "được").

    A compound noun ("lệ phí", "tiếp khách") counts as its syllable pairs when the library has them (each
    syllable may be common while the pair is rare); a pair the library lacks is pyvi joining two words, so
    its syllables count alone.  A name ("Tòa án", "Chiến sĩ") counts like any noun: places are out of the
    topic already, and document types ("Nghị định") say which document, not what it says.
    """
    from index.wordseg import pos_tags, segment

    topic = topic_words(q)
    if not topic:
        return []
    accented = has_diacritics(topic)
    free = _lexicon()["free"]
    kinds = _lexicon()["kinds"]

    def rare(unit: str) -> bool:
        return scorer.idf(unit) >= tuning.support_rare_idf and scorer.parts_with(unit) >= tuning.support_min_parts

    out: list[Need] = [] if accented else _folded_words(q, scorer, rare)
    words, tags = pos_tags(segment(topic))
    sylls = [x for w in words for x in w.split("_")]
    # Read with its form words, the topic's words are what the question says: left out, "tiêu chuẩn nghiệp vụ"
    # became "chuẩn_nghiệp", a pair of two words that counts as no word of the question.
    whole = segment(" ".join(re.findall(r"[^\W_]+", q.topic or q.text))).split()
    joined = {(fold(a), fold(b)) for w in whole for a, b in itertools.pairwise(w.split("_"))}
    # "nguy hiểm, độc hại" is two nouns: a pair across the comma ("hiểm độc") is no word of the question; nor one
    # across a form word left out ("Nghị định về cơ chế" -> "định chế", which pyvi reads as a word).
    broken = set(q.pauses)
    adjacent = set(itertools.pairwise(fold(w) for w in re.findall(r"[^\W_]+", q.topic or q.text)))
    near = [k or "" for k in syllable_keys(sylls, accented=accented)]  # every syllable's key, for its neighbours
    phrased = _in_free_phrases(sylls, free)  # type: ignore[arg-type]  # across pyvi's words: "vai" "tro" typed bare
    at = 0
    for word, tag in zip(words, tags, strict=True):
        syllables = word.split("_")
        start, at = at, at + len(syllables)
        if not tag.startswith("N") or tag in ("Np", "Nu", "Ny") or fold(" ".join(syllables)) in kinds:
            continue
        keys: list[tuple[str, str]] = []  # (syllable as written, its key)
        # "kiểu", "nếp", "dịp" (general nouns before what they name), "vai trò" (a form phrase): no word of the topic
        framing = _framing_nouns(syllables, accented, scorer)
        for i, x in enumerate(syllables):
            if (fold(x) in free or i in framing or start + i in phrased or is_abbreviation(x) or any(ch.isdigit() for ch in x)  # type: ignore[operator]
                    or not (accented or _syllable_like(x))):
                keys.append(("", ""))
                continue
            keys += [(x.lower(), t) for t in tokens(x, accented=accented)]
        # "Thu ngân sách": pyvi's "Thu_ngân_sách" joins the "thu" of a verb to "ngân sách": a pair one of whose
        # syllables forms, with its other neighbour, a pair the library writes more often is no word of the question.
        ks = [near[start - 1] if start else "", *(k for _, k in keys), near[at] if at < len(near) else ""]
        swallowed = {f"{a}_{b}" for z, a, b, c in zip(ks, ks[1:], ks[2:], ks[3:], strict=False) if a and b
                     and max(scorer.parts_with(f"{z}_{a}") if z else 0,
                             scorer.parts_with(f"{b}_{c}") if c else 0) > scorer.parts_with(f"{a}_{b}")}
        alone = {k for _, k in keys if k}
        for (xa, a), (xb, b) in itertools.pairwise(keys):
            pair = f"{a}_{b}"
            if pair in swallowed:
                continue
            if (a and b and (fold(xa), fold(xb)) not in broken and (fold(xa), fold(xb)) in adjacent
                    and (fold(xa), fold(xb)) in joined and scorer.parts_with(pair)
                    and (accented or _content_spelt([xa, xb], scorer))):
                alone -= {a, b}
                if rare(pair):
                    out.append(Need("word", f"{xa} {xb}", token=pair, accented=accented))
        out += [Need("word", x, token=k, accented=accented) for x, k in keys if k in alone and rare(k)]
    return out


def _in_free_phrases(syllables: list[str], free: frozenset[str]) -> set[int]:
    """The positions of ``syllables`` that two-word lines of the form, kind and paraphrase lists cover ("vai trò" of
    "có vai trò gì", asking what a body does like "nhiệm vụ gì"; "viện dẫn"): listed whole, since one of their
    syllables alone, folded, also spells content words ("tro": "hỗ trợ", "dan": "dân")."""
    out: set[int] = set()
    for i, (a, b) in enumerate(itertools.pairwise(syllables)):
        if f"{fold(a)} {fold(b)}" in free:
            out |= {i, i + 1}
    return out


def _framing_nouns(syllables: list[str], accented: bool, scorer: Scorer) -> set[int]:
    """The positions of ``syllables`` spelling a general noun of ``framing_nouns.txt`` ("kiểu", "khía cạnh").  Typed
    without diacritics a syllable stands for several words ("kieu": "kiểu", "kiều"; "nep": "nếp", "nẹp"): it is read
    as the library most often spells it, like the nouns ``_folded_words`` reads ("kieu" is "kiểu", "nep" is "nẹp")."""
    framing: frozenset[str] = _lexicon()["framing"]  # type: ignore[assignment]
    out: set[int] = set()
    for size in (1, 2):
        for i in range(len(syllables) - size + 1):
            part = syllables[i : i + size]
            spelt = " ".join(canonical_tones(x).lower() for x in part) if accented else (
                (_spelt(part, scorer) or "").replace("_", " ").lower())
            if spelt in framing:
                out |= set(range(i, i + size))
    return out


def _folded_words(q: Query, scorer: Scorer, rare: Callable[[str], bool]) -> list[Need]:
    """A question typed without diacritics: its nouns of the dictionary ("tiem_chung") whose syllable pairs are rare
    over the library, each pair needed whole.  One folded syllable stands for several ("chung": "chung", "chứng",
    "chủng"), so a word counts by its pairs: "tiem chung" is not met by "tiềm năng … chứng chỉ".  No tagger reads
    unaccented words (pyvi tags "tiem" a verb): each word is tagged as the library most often spells it
    ("tiêm_chủng" a noun, "tăng_trưởng" a verb a clause may say in part, "tăng 7,5%").  A word with a form or
    paraphrase syllable ("co the") or naming a document's kind says how it is asked, not what."""
    from index.wordseg import pos_tags, segment_folded

    free = _lexicon()["free"]
    kinds = _lexicon()["kinds"]
    words = segment_folded(_plain(q.topic or q.text)).split()
    spelt = [_spelt(w.split("_"), scorer) for w in words]
    _, tags = pos_tags(" ".join(x or w for x, w in zip(spelt, words, strict=True)))
    if len(tags) != len(words):  # the tagger joined or split words: no reading to trust
        return []
    out: list[Need] = []
    for word, spelling, tag in zip(words, spelt, tags, strict=True):
        sylls = word.split("_")
        if (len(sylls) < 2 or spelling is None or not tag.startswith("N") or tag in ("Np", "Nu", "Ny")
                or any(ch.isdigit() for ch in word) or fold(" ".join(sylls)) in kinds  # type: ignore[operator]
                or any(fold(x) in free or is_abbreviation(x) or not _syllable_like(x) for x in sylls)  # type: ignore[operator]
                or _in_free_phrases(sylls, free)):  # type: ignore[arg-type]
            continue
        if not _content_spelt(sylls, scorer):
            continue
        keys = syllable_keys(sylls, accented=False)
        if any(k is None for k in keys):
            continue
        units = [f"{a}_{b}" for a, b in itertools.pairwise(keys)]
        if all(rare(u) for u in units):
            out += [Need("word", " ".join(sylls), token=u) for u in units]
    return out


def _content_spelt(sylls: list[str], scorer: Scorer) -> bool:
    """Whether no syllable typed without diacritics is, as the library most often spells it, a function word: "den du"
    (of "đến đủ") holds "đến", and is no noun the question names."""
    for x in sylls:
        spelt = _spelt([x], scorer)
        if (spelt is not None and not tokens(spelt, accented=True)) or (spelt is None and fold(x) in _function_folded()):
            return False  # the library's units never hold a function word: unspelt, "den" stands for "đến"
    return True


@derived
def _function_folded() -> frozenset[str]:
    return frozenset(fold(w) for w in load_lexicon().topic("function_words"))


def _spelt(sylls: list[str], scorer: Scorer) -> str | None:
    """A word typed without diacritics as the library most often spells it ("tiem chung" → "tiêm_chủng", "nam" →
    "năm"), pair by pair; None for a word the library never writes."""
    by_fold = scorer.spellings()
    keys = syllable_keys(sylls)  # folded, one spelling of i/y ("ty" → "ti"), "co" of "co so" kept
    if not all(keys):
        return None  # a function word ("cua"): the library's units never hold it
    if len(keys) == 1:
        return _most_written(keys[0], [(x, x) for x in by_fold.get(keys[0], ())], scorer)  # type: ignore[arg-type]
    out: list[str] = []
    for a, b in itertools.pairwise(keys):  # type: ignore[type-var]
        firsts = [out[-1]] if out else by_fold.get(a, ())
        pairs = [(f"{x}_{y}", y) for x in firsts for y in by_fold.get(b, ())]
        best = _most_written(f"{fold(out[-1]) if out else a}_{b}", [(p, p if not out else y) for p, y in pairs], scorer)
        if best is None:
            return None
        out[len(out):] = best.split("_") if not out else [best]
    return "_".join(out)


def _most_written(folded: str, spellings: list[tuple[str, str]], scorer: Scorer) -> str | None:
    """Of (unit, what it stands for) spellings of one folded unit, what the most often written one stands for.  The
    scorer counts a unit spelt without marks ("chi") together with its folded key, which every spelling ("chỉ",
    "chi") adds to: it is the spelling only when it counts more than all marked spellings together."""
    marked = [(scorer.parts_with(u), w) for u, w in spellings if u != folded]
    bare = scorer.parts_with(folded) - sum(n for n, _ in marked)
    best = max(marked, default=(0, ""))
    if bare > best[0] and any(u == folded for u, _ in spellings):
        return next(w for u, w in spellings if u == folded)
    return best[1] or None


# A Vietnamese syllable, accent-folded: what an acronym typed in lower case ("bhtn", "scic") is not.
_SYLLABLE = re.compile(r"(?:ngh|ng|nh|ch|gh|gi|kh|ph|qu|th|tr|[bcdghklmnpqrstvx])?[aeiouy]{1,3}(?:ng|nh|ch|[cmnpt])?")


def _syllable_like(word: str) -> bool:
    """Whether ``word`` can be a Vietnamese syllable: typed without accents, an acronym is told only by this."""
    return bool(_SYLLABLE.fullmatch(fold(word)))


@derived
def _agency_nouns() -> str:
    return alternatives(load_lexicon().topic("agency_nouns"), fold)


def _acronyms(q: Query, scorer: Scorer, tuning: AnswerTuning) -> list[Need]:
    """A rare acronym typed in capitals ("GRDP"): the clause must write it or its expansion ("tổng sản phẩm trên
    địa bàn"); "GDP" is another figure.  Common ones ("UBND") name the issuer more than what is asked."""
    out = []
    topic = q.topic or q.text
    for m in re.finditer(r"[^\W\d_]{2,}", topic):
        word = m.group(0)
        if (not word.isupper() or not is_abbreviation(word)
                or re.search(rf"(?<!\w)(?:{_agency_nouns()})\s*$", fold(topic[: m.start()]))):
            continue  # "Bộ LĐTBXH" names who acts, which a clause often writes another way ("Bộ trưởng")
        key = fold(word)
        expansion = fold(expand_abbreviations(word))  # "grdp (tong san pham tren dia ban)"
        inner = re.search(r"\((.+)\)", expansion)
        if inner and re.match(rf"(?:{_agency_nouns()})(?!\w)", inner.group(1)):
            continue  # "UBND", "HĐND": a body, not what is asked
        # Rare as typed and as written out (its rarest syllable pair): "GRDP", not "BHXH"
        pairs = [f"{a}_{b}" for a, b in itertools.pairwise(tokens(inner.group(1)))] if inner else []
        if scorer.idf(key) < tuning.support_rare_idf or (pairs and max(map(scorer.idf, pairs)) < tuning.support_rare_idf):
            continue
        # written out, its words may be joined otherwise ("Lao động - Thương binh và Xã hội")
        alts = [re.escape(key), *([r"\W+".join(map(re.escape, re.findall(r"\w+", inner.group(1))))] if inner else [])]
        out.append(Need("word", word, pattern=re.compile(rf"(?<!\w)(?:{'|'.join(alts)})(?!\w)")))
    return out


def _named(q: Query, gap: int) -> list[Need]:
    """A follow-up asking the same thing in another scope: the words the previous answer's clause named it by
    (``Query.named``), accent-folded as that clause was read; shown as the topic says it, first to last of them."""
    if not q.named:
        return []
    words = q.topic.split()
    at = [i for i, w in enumerate(words) if w in q.named]
    phrase = " ".join(words[at[0] : at[-1] + 1]) if at else " ".join(q.named)
    # and close together where the previous clause said them so ("bình quân đầu người", ``Query.named_pairs``), in
    # the words quoted as the answer: "… thúc đẩy xuất khẩu hàng địa phương" elsewhere in a long clause does not make
    # its "GRDP khoảng 9,0%" the export target asked
    return [*(Need("word", phrase, token=t) for w in q.named for t in tokens(w)),
            *(Need("named", phrase, pattern=near_pattern(p, gap)) for p in q.named_pairs)]


def _rare_names(q: Query, scorer: Scorer, tuning: AnswerTuning) -> list[Need]:
    """Names in the question other than places ("Thái Lan"), of two syllables or more each of whose pairs is rarer
    than ``support_rare_idf`` over the library, or one foreign word rare or never written there ("Canada"): like the
    rare nouns, the answering clause must hold them (a clause on the border with Laos answers none on Thailand).  A province says where, which the scope decides; verbs are left
    out: rare ones ("tăng trưởng", "tận dụng") are mostly the question's own paraphrase."""
    from index.wordseg import pos_tags, segment

    topic = q.topic or q.text
    if not has_diacritics(topic):
        return []
    free = _lexicon()["free"]
    kinds = _lexicon()["kinds"]
    places = {fold(p) for p in (*q.provinces, *q.unknown_places)}
    lex = load_lexicon()
    words, tags = pos_tags(segment(_plain(topic)))
    out: list[Need] = []
    for word, tag in zip(words, tags, strict=True):
        sylls = word.split("_")
        if tag == "Np" and len(sylls) == 1 and _foreign_name(word):
            # "Canada": a foreign name, rare or never written in the library, narrows the question like a rare name
            key = fold(word)
            if scorer.parts_with(key) == 0 or scorer.idf(key) >= tuning.support_rare_idf:
                out.append(Need("word", word, pattern=re.compile(rf"(?<!\w){re.escape(key)}(?!\w)")))
            continue
        if tag != "Np" or len(sylls) < 2:
            continue  # a verb ("tăng trưởng", "tận dụng") is often the question's paraphrase
        f = fold(" ".join(sylls))
        if (f in free or f in kinds or f in places or lex.province(f) is not None  # type: ignore[operator]
                or any(fold(x) in free or not x.isalpha() or is_abbreviation(x) for x in sylls)):  # type: ignore[operator]
            continue
        keys = syllable_keys(sylls, accented=True)
        if any(k is None for k in keys):
            continue
        units = [f"{a}_{b}" for a, b in itertools.pairwise(keys)]
        if all(scorer.idf(u) >= tuning.support_rare_idf and scorer.parts_with(u) >= tuning.support_min_parts
               for u in units):
            out += [Need("word", " ".join(sylls), token=u, accented=True) for u in units]  # type: ignore[misc]
    return out


def _foreign_name(word: str) -> bool:
    """Whether a capitalised word is no Vietnamese syllable, nor an acronym: a foreign name ("Canada", "Singapore")."""
    return (len(word) >= 4 and word[:1].isupper() and not word.isupper() and word.isalpha() and not is_abbreviation(word)
            and not _syllable_like(word))


def needs(q: Query, scorer: Scorer, tuning: AnswerTuning) -> tuple[Need, ...]:
    """What any answering clause must contain for this question (empty for questions about a document itself)."""
    if q.kind.startswith("meta_") or q.kind == "clause":
        return ()
    # "bao nhiêu đô la" needs what the documents write, "USD" (lexicon equivalents.toml), as the clause is read so;
    # a count is read as asked: "bao nhiêu phần trăm trường" asks a share, which "%" would leave a count of "trường"
    asked = q
    q = replace(q, topic=equivalent_forms(q.topic or q.text))
    if q.elliptical and has_diacritics(q.topic) and not has_diacritics(q.text):
        # "vay con cap lai?" completed with the marked words of "Lệ phí cấp mới thẻ ABTC …": read as typed, without
        # marks ("lai" is said by "lại")
        q = replace(q, topic=unmarked(q.topic))
    topic = q.topic
    accented = has_diacritics(topic)
    folded = fold(topic)
    found = [*_labels(topic, folded), *_periods(topic, accented, q.text), *_bases(topic, accented),
             *_contrasts(topic, accented, q.kind in ("target", "comparison")), *_cases(topic, accented), *_place_classes(topic, accented),
             *_unit(topic, _asks_amount(topic, accented)), *_rates(topic, accented),
             *_quantities(topic, accented, scorer, q.pauses), *_rare_nouns(q, scorer, tuning), *_named(q, tuning.named_gap),
             *_acronyms(q, scorer, tuning), *_years(q), *_dated(q), *_issuers(q), *_counted(asked, scorer, tuning),
             *_rare_names(q, scorer, tuning), *_bounds(q.text), *_bodies(q.text),
             *_documents_asked(q.text), *_conditions(q.text), *_counted_as(topic), *_consequences(topic, accented),
             *_changes_asked(q), *_provinces_asked(q.text), *_agencies(q.text, q.issuers, (*q.provinces, *q.unknown_places)), *_compared(q.text, accented),
             *_limits(q.text), *_per_heads(q.text, accented)]
    seen: set[tuple[str, str | None, str | None]] = set()
    out = []
    for n in found:
        key = (n.kind, n.token, n.pattern.pattern if n.pattern else None)
        if key not in seen:
            seen.add(key)
            out.append(n)
    return tuple(out)


def _counted(q: Query, scorer: Scorer, tuning: AnswerTuning) -> list[Need]:
    """ "Có bao nhiêu điều độ viên …?" → the words quoted must count that noun ("30 điều độ viên", "số điều độ viên:
    30"): a rate ("30% mức lương") of a clause naming it answers another question.  Only for a rare noun (each of
    its syllable pairs rarer than ``support_rare_idf``): a common one ("bao nhiêu người", "bao nhiêu xã") is counted
    under many names ("8.440 lao động")."""
    from index.wordseg import pos_tags, segment, segment_folded

    topic = q.topic or q.text
    accented = has_diacritics(topic)
    plain = " ".join(re.findall(r"[^\W_]+", topic))
    if accented:
        words, tags = pos_tags(segment(plain))
    else:
        words = segment_folded(plain).split()
        tags = ["N"] * len(words)
    amount = {fold(w).replace(" ", "_") for w in load_lexicon().topic("amount_question_words")}
    form = frozenset(load_lexicon().topic("answer_form_words"))
    out = []
    for (w, _), (noun, tag) in itertools.pairwise(zip(words, tags, strict=True)):
        sylls = noun.split("_")
        if fold(w) not in amount or not tag.startswith("N") or tag in ("Np", "Nu", "Ny") or len(sylls) < 2:
            continue
        keys = syllable_keys(sylls, accented=accented)
        units = [f"{a}_{b}" for a, b in itertools.pairwise(keys) if a and b]
        if (len(units) != len(sylls) - 1
                or segment_folded(" ".join(sylls)) != "_".join(sylls)  # a word of the dictionary, not pyvi's guess
                or any(fold(x) in form for x in sylls)  # "mới phải": a form word says how it is asked
                or not all(scorer.idf(u) >= tuning.support_rare_idf and scorer.parts_with(u) >= tuning.support_min_parts
                           for u in units)):
            continue
        if any(asks.search(fold(f"{w} {noun}").replace("_", " ")) for _, asks, _ in _lexicon()["units"]):  # type: ignore[union-attr]
            continue  # "bao nhiêu phần trăm", "mấy giờ": a unit, which the documents write as a sign ("%")
        # "bác sĩ" / "bác sỹ": i and y after a consonant are one spelling
        said = r"\s+".join(re.sub(r"(?<=[b-df-hj-np-tv-z])[iy]$", "[iy]", re.escape(fold(x))) for x in sylls)
        pattern = re.compile(rf"\d[\d.,]*\s+{said}(?!\w)|(?<!\w){said}\W{{0,3}}(?:la\s+)?\d")
        out.append(Need("count", f"{'số' if accented else 'so'} {' '.join(sylls)}", pattern=pattern))  # "số điều độ"
    return out


def _side(text: str, start: int, end: int) -> str | None:
    """Which side of the figure at ``text[start:end]`` (figure and unit, folded) the words around it put a
    condition on (``bot.conditions.side_of``: the words after it first, then the longest before it)."""
    got = side_of(text, start, end)
    return got[0] if got else None


def _figure_said(figure: str) -> str:
    """How a clause may write the question's figure: "07" as "7" or "07", "3.500.000" with or without its thousands
    marks, a decimal ("1,5") as written."""
    if re.fullmatch(r"\d{1,3}(?:[.\s]\d{3})+", figure):
        groups = re.split(r"[.\s]", figure)
        return r"[.\s]?".join(map(re.escape, groups))
    if figure.isdigit():
        return r"0*" + re.escape(figure.lstrip("0") or "0")
    return re.escape(figure)


def _bounds(text: str) -> list[Need]:
    """ "Con từ đủ 07 tuổi trở lên …?" → words quoted naming "07 tuổi" only on the other side of it ("con từ 03 tuổi
    đến dưới 07 tuổi") answer the other case (lexicon ``bound_words.toml``).  Words not naming the figure, or naming
    it with no side, are not judged.  The need's ``token`` holds the side asked."""
    key = fold(text)
    out = []
    for m in FIGURE.finditer(key):
        if re.fullmatch(r"(?:19|20)\d\d", m.group(1)):
            continue  # a year
        side = _side(key, m.start(), m.end())
        if side is None:
            continue
        figure = _figure_said(m.group(1))
        pattern = re.compile(rf"(?<![\w.,/])(?:{figure})(?![\d]|[.,]\d)\s*{re.escape(m.group(2))}(?!\w)")
        out.append(Need("bound", text[m.start() : m.end()], token=side, pattern=pattern))
    return out


def _other_side(n: Need, said: str) -> bool:
    """Whether the words quoted name the figure of a bound need only on the side not asked."""
    text = _folded(said)
    sides = [_side(text, m.start(), m.end()) for m in n.pattern.finditer(text)] if n.pattern else []
    return bool(sides) and all(s is not None and s != n.token for s in sides)


@derived
def _object_words() -> re.Pattern[str]:
    """The words before a body's name saying whether it acts, folded, at the end, the longest deciding: those making
    it no actor (lexicon ``body_object_words.txt``: "từ", "sang", "cho", "bàn giao cho": groups named "o…"), those
    making it the one acting though they end so (``body_agent_leads.txt``: "giao cho", "trách nhiệm của": "a…")."""
    lex = load_lexicon()
    leads = sorted({*(("o", w) for w in lex.topic("body_object_words")), *(("a", w) for w in lex.topic("body_agent_leads"))},
                   key=lambda x: -len(x[1]))
    alts = "|".join(f"(?P<{k}{i}>{re.escape(fold(w))})" for i, (k, w) in enumerate(leads))
    return re.compile(rf"(?<!\w)(?:{alts})\W*$")


def _bodies(text: str) -> list[Need]:
    """ "Sở Giao dịch Chứng khoán Thành phố Hồ Chí Minh phải hoàn thành … chậm nhất khi nào?" → a body the question
    opens with acts in what is asked: words quoted that name it only after "từ", "sang", "cho" … (lexicon
    ``body_object_words.txt``) say what another body does ("chuyển … từ Sở Giao dịch Chứng khoán Hà Nội sang Sở
    Giao dịch Chứng khoán thành phố Hồ Chí Minh").  Words not naming it are not judged here.  The name runs to its
    last capitalised word ("Kho bạc Nhà nước chuyển trả" is read "Kho bạc Nhà")."""
    from corpus.facts.agencies import find_agencies

    lead = re.match(r"\s*(?:theo\s[^,]{1,120},\s*)?", text, re.IGNORECASE)
    opening = lead.end() if lead else 0
    out = []
    for m in find_agencies(text):
        if m.start != opening:
            continue
        words = m.name.split()
        last = max((i for i, w in enumerate(words) if i > 0 and w[:1].isupper()), default=0)
        if last == 0:
            continue  # a head alone ("Bộ", "Sở") names no body
        name = words[: last + 1]
        pattern = re.compile(r"(?<!\w)" + r"\s+".join(re.escape(fold(w)) for w in name) + r"(?!\w)")
        out.append(Need("body", " ".join(name), pattern=pattern))
    return out


def _acted_on_only(n: Need, said: str) -> bool:
    """Whether the words quoted name the body of a body need, each time after a word making it no actor."""
    text = " ".join(_folded(said).split())
    at = [m.start() for m in n.pattern.finditer(text)] if n.pattern else []
    return bool(at) and all(_acted_on_at(text[max(0, a - 24) : a]) for a in at)


def _acted_on_at(before: str) -> bool:
    """Whether the words right before a body's name make it the one acted on (the longest lead deciding)."""
    m = _object_words().search(before)
    return m is not None and (m.lastgroup or "").startswith("o")


def _documents_asked(text: str) -> list[Need]:
    """ "Theo Quyết định 333/QĐ-BTC, Thông tư 121/2020/TT-BTC … có được công bố tiếp tục có hiệu lực không?" → the
    question reads one document ("Theo …,") about another: the source's statement of its own effect ("Quyết định này
    có hiệu lực kể từ ngày ký") says nothing of the document asked about."""
    m = re.match(r"\s*theo\s+([^,]{1,120}),(.*)", text, re.IGNORECASE | re.DOTALL)
    if m is None:
        return []
    source = {_key(n) for n in named_numbers(m.group(1))}
    if not source:
        return []
    return [Need("document", n, pattern=re.compile(rf"(?<![\w/]){re.escape(_key(n))}(?![\w/])"))
            for n in named_numbers(m.group(2)) if _key(n) not in source]


@derived
def _change_words() -> dict[bool, re.Pattern[str]]:
    """The words by which one document repeals, replaces or amends another (lexicon ``document_change_words.txt``),
    spelt (as clauses write them) and folded."""
    words = load_lexicon().topic("document_change_words")
    return {True: re.compile(rf"(?<!\w)(?:{alternatives(words, lambda w: canonical_tones(w).lower())})(?!\w)"),
            False: re.compile(rf"(?<!\w)(?:{alternatives(words, fold)})(?!\w)")}


@derived
def _legal_basis() -> re.Pattern[str]:
    """A sentence of a document's legal bases, to its end (lexicon ``legal_basis_leads.txt``), spelt lower case."""
    leads = alternatives(load_lexicon().topic("legal_basis_leads"), lambda w: canonical_tones(w).lower())
    return re.compile(rf"(?:^|(?<=[\n;.]))\s*(?:{leads})(?!\w)[^\n;]*")


def _changes_asked(q: Query) -> list[Need]:
    """ "Thông tư 18/2022/TT-BLĐTBXH bãi bỏ những thông tư nào?" → a question on which documents a document repeals,
    replaces or amends (a change word, then a few words on to a kind of document and "nào"/"gì": lexicon
    ``changed_document_nouns.txt``) is answered by words stating such a change (``_states_a_change``): a
    document's legal bases ("Căn cứ Nghị định số 62/2022/NĐ-CP …") name what it is made under, not what it changes.
    A change word naming the document asked about ("Thông tư sửa đổi … có hiệu lực từ ngày nào?") asks no change."""
    if q.kind not in ("effect", "reference"):
        return []
    m = _changes_pattern().search(fold(q.text))
    return [Need("change", q.text[m.start() : m.end()])] if m else []


@derived
def _changes_pattern() -> re.Pattern[str]:
    """A change word, up to four words, a kind of document and "nào"/"gì", folded."""
    lex = load_lexicon()
    nouns = alternatives([*_lexicon()["kinds"], *lex.topic("changed_document_nouns")], fold)  # type: ignore[misc]
    changes = alternatives(lex.topic("document_change_words"), fold)
    return re.compile(rf"(?<!\w)(?:{changes})(?:\s+[^\W\d_]+){{0,4}}?\s+(?:{nouns})\s+(?:nao|gi)(?!\w)")


def _states_a_change(said: str, headings: tuple[str, ...]) -> bool:
    """Whether the words quoted, or the headings over them, state that a document repeals, replaces or amends
    another, outside the legal bases ("Căn cứ Luật sửa đổi, bổ sung …" states no change the document makes)."""
    text = _legal_basis().sub(" ", "\n".join(canonical_tones(x).lower() for x in (said, *headings)))
    return _change_words()[True].search(text) is not None


@derived
def _province_words() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """A question asking which province or city ("tại tỉnh, thành phố nào", "ở tỉnh nào"), folded; and a province or
    city named (lexicon ``provinces.csv``: its names in any spelling, or its kind before a capitalised name)."""
    lex = load_lexicon()
    kinds = sorted({p.kind for p in lex.provinces}, key=len, reverse=True)
    folded = alternatives(kinds, fold)
    asks = re.compile(rf"(?<!\w)(?:{folded})(?:\W+(?:{folded}))*\s+nao(?!\w)")
    names = alternatives(lex.province_spellings(), fold)
    named = re.compile(rf"(?<!\w)(?:{names})(?!\w)|(?<!\w)(?i:{alternatives(kinds, str)})\s+[A-ZĐ\u00c0-\u1ef8]")
    return asks, named


def _provinces_asked(text: str) -> list[Need]:
    """ "Diễn đàn … được tổ chức tại tỉnh, thành phố nào?" → the words quoted must name a province or city: a line
    naming the event alone answers nothing about where."""
    m = _province_words()[0].search(fold(text))
    return [Need("province", text[m.start() : m.end()])] if m else []


def _names_a_province(parts: tuple[str, ...]) -> bool:
    """Whether any of ``parts`` names a province or city (``_province_words``)."""
    named = _province_words()[1]
    return any(named.search(p) or named.search(fold(p)) for p in parts if p)


def _own_effect_for_another(n: Need, f: Found, said: str) -> bool:
    """Whether the words quoted are the answering document's statement of its own effect while the question asks
    about another document (a ``document`` need) they do not name."""
    if _key(f.directive.number or "") == _key(n.phrase) or not _SELF_EFFECT.search(said):
        return False
    return n.pattern is None or not n.pattern.search(re.sub(r"\s+", "", fold(said)))


def _issuers(q: Query) -> list[Need]:
    """ "Thông tư 18/2021/TT-BNNPTNT bãi bỏ những văn bản nào của Bộ Tài nguyên và Môi trường?" → the answer must
    come from a document that body issued, or its clause must name the body: the scope drops an issuer none of
    the documents asked about has (``Assistant._scope``), and the question is then about that body's documents."""
    return [Need("issuer", name, pattern=re.compile(rf"(?<!\w){re.escape(fold(name))}(?!\w)")) for name in q.issuers]


def _dated(q: Query) -> list[Need]:
    """ "Mức lương cơ sở áp dụng từ ngày 01/7/2027 …?" → the words quoted must name 2027, or the document be of that
    year (a decree of 2022 sets what applies from 01/7/2022 in its effect article, not beside each amount): a date
    after a content cue ("từ", "đến", "trước", "kể từ"; lexicon ``year_cues.toml``) is when what is asked holds,
    which an amount set from another date does not answer.  A document's own date ("ban hành ngày 15/3/2024")
    needs nothing."""
    accented = has_diacritics(q.text)
    key = compare_key(q.text, accented)
    cues = sorted(load_lexicon().topic("year_cues").get("content", {}).get("before", ()), key=len, reverse=True)
    alts = alternatives(cues, (lambda w: canonical_tones(w).lower()) if accented else fold)
    day = "ngày" if accented else "ngay"
    years = {m.group(1) for m in re.finditer(
        rf"(?<!\w)(?:{alts})\s+(?:{day}\s+)?\d{{1,2}}\s*[/.-]\s*\d{{1,2}}\s*[/.-]\s*((?:19|20)\d\d)(?!\d)", key)}
    # the year in a clause's own date ("01/7/2027") too; not a document number's ("16/2023/TT-BLĐTBXH")
    return [Need("date", y, pattern=re.compile(rf"(?:(?<=\d[/.-])|(?<![\d.,/]))(?<!\d-){y}(?![\d.,]\d|\s*[-–]\s*\d|/)"))
            for y in sorted(years) if int(y) not in q.content_years]


def _years(q: Query) -> list[Need]:
    """ "Đến năm 2035 … bao nhiêu?" → the clause (or its headings) must name 2035: the target set for 2030 answers
    another question.  Only years of what is asked (``Query.content_years``), not a document's year; the end of a
    period ("thời kỳ 2021 - 2030") is not that year's target."""
    # not the end of a range: a digit, then a dash with or without a space either side (one look-behind a width)
    range_end = "".join(rf"(?<!\d{a}[-–]{b})" for a in ("", " ") for b in ("", " "))
    return [Need("year", str(y), pattern=re.compile(rf"(?<![\d.,/]){range_end}{y}(?![\d.,]\d|\s*[-–]\s*\d)"))
            for y in q.content_years]



def key_words(q: Query, scorer: Scorer, tuning: AnswerTuning) -> tuple[Need, ...]:
    """The question's rare words, whatever their part of speech and even when they also name a form ("thi đua"
    in "kết quả thi đua"): a word (pyvi's, or the dictionary's when typed without marks) all of whose syllable
    pairs are rarer than ``choice_rare_idf`` over the library.  Documents offered as a choice must hold them
    (``Assistant``): a circular on a project's results is no candidate answer to "kết quả thi đua".  One need
    per pair, each with the word as its phrase; document types ("chỉ thị"), figures and abbreviations are no
    such words."""
    if q.kind.startswith("meta_") or q.kind == "clause":
        return ()
    from index.wordseg import segment, segment_folded

    topic = q.topic or q.text
    accented = has_diacritics(topic)
    plain = " ".join(re.findall(r"[^\W_]+", topic))
    kinds = _lexicon()["kinds"]
    out: list[Need] = []
    for word in (segment(plain) if accented else segment_folded(plain)).split():
        sylls = word.split("_")
        if (any(ch.isdigit() for ch in word) or fold(" ".join(sylls)) in kinds  # type: ignore[operator]
                or any(is_abbreviation(x) for x in sylls)):  # "GRDP": documents write it out as often
            continue
        keys = syllable_keys(sylls, accented=accented)
        if any(k is None for k in keys):
            continue
        units = [f"{a}_{b}" for a, b in itertools.pairwise(keys)] or keys
        if all(scorer.idf(u) >= tuning.choice_rare_idf and scorer.parts_with(u) >= tuning.support_min_parts
               for u in units):
            out += [Need("word", " ".join(sylls), token=u, accented=accented) for u in units]  # type: ignore[misc]
    return tuple(out)


@derived
def _qualifier_words() -> dict[bool, tuple[tuple[tuple[str, ...], ...], frozenset[str]]]:
    """The qualifier leads, longest first, and the words ending a qualifier: folded (``term_qualifiers.txt``; no
    end word), and with diacritics also the leads of ``head_qualifiers.txt`` and the ends of ``qualifier_ends.txt``
    as spelt (the spelling tells "do" from "độ")."""
    lex = load_lexicon()
    folded = [tuple(w.split()) for w in lex.topic("term_qualifiers")]
    spelt = [tuple(canonical_tones(w).lower().split()) for w in lex.topic("head_qualifiers")]
    ends = frozenset(canonical_tones(w).lower() for w in lex.topic("qualifier_ends"))
    return {False: (tuple(sorted(folded, key=len, reverse=True)), frozenset()),
            True: (tuple(sorted([*folded, *spelt], key=len, reverse=True)), ends)}


def _core(words: list[str], accented: bool, pauses: Iterable[tuple[str, str]]) -> list[str]:
    """The question's words outside its qualifiers: Vietnamese names what it asks about first and narrows it after
    "đối với", "của", "trong", "cho", "khi"… (lexicon ``term_qualifiers.txt``, ``head_qualifiers.txt``); a qualifier
    runs to the word saying what is asked of the subject ("phải", "là": ``qualifier_ends.txt``) or to a pause.
    "Thời gian thử việc tối đa đối với công việc cần trình độ cao đẳng là bao lâu" → "Thời gian thử việc tối đa
    là bao lâu"."""
    folded = [fold(w) for w in words]
    spelt = [canonical_tones(w).lower() for w in words]
    leads, ends = _qualifier_words()[accented]
    paused = set(pauses)
    out: list[str] = []
    i, inside = 0, False
    while i < len(words):
        if inside and (spelt[i] in ends or (i and (folded[i - 1], folded[i]) in paused)):
            inside = False
        lead = next((e for e in leads if tuple(folded[i : i + len(e)]) == e or tuple(spelt[i : i + len(e)]) == e), None)
        if lead is not None:
            inside, i = True, i + len(lead)
            continue
        if not inside:
            out.append(words[i])
        i += 1
    return out


def head_words(q: Query, scorer: Scorer, tuning: AnswerTuning) -> tuple[Need, ...]:
    """The rare syllables (idf at least ``head_rare_idf``) of what the question is about, its words outside its
    qualifiers (``_core``): "thử" of "Thời gian thử việc tối đa đối với công việc cần trình độ cao đẳng …",
    not "cao đẳng", which only says which probation.  A document offered as a choice must hold them (``Assistant``):
    one whose answer says "trình độ cao đẳng" of a training course answers a neighbouring question.  Words asking
    or paraphrasing (``paraphrase_words.txt`` and the question-form lists), limits ("tối đa") and figures never
    count; typed without marks a syllable stands for several, and is as rare as all of them together."""
    if q.kind.startswith("meta_") or q.kind == "clause":
        return ()
    topic = q.topic or q.text
    accented = has_diacritics(topic)
    head = _core(re.findall(r"[^\W_]+", topic), accented, q.pauses)
    folded = [fold(w) for w in head]
    bounds: set[int] = set()  # "tối đa", "không quá": which end of a range is wanted, not what
    for phrase in _lexicon()["limits_full"]:  # type: ignore[union-attr]
        n = len(phrase.split())
        bounds.update(j for i in range(len(head)) if " ".join(folded[i : i + n]) == phrase for j in range(i, i + n))
    free = _lexicon()["free"]
    out: list[Need] = []
    for i, w in enumerate(head):
        if (i in bounds or fold(w) in free or any(ch.isdigit() for ch in w)  # type: ignore[operator]
                or is_abbreviation(w) or not (accented or _syllable_like(w))):
            continue
        for k in tokens(w, accented=accented):
            if scorer.idf(k) >= tuning.head_rare_idf and scorer.parts_with(k) >= tuning.support_min_parts:
                out.append(Need("word", w.lower(), token=k, accented=accented))
    return tuple(dict.fromkeys(out))


def unheld_nouns(q: Query, offered: list[Found], scorer: Scorer, tuning: AnswerTuning) -> tuple[Need, ...]:
    """The question's rare nouns (``key_words`` a tagger reads as nouns, typed with diacritics) that no document
    offered as a choice holds in its answer: "danh hiệu" of "Tiêu chuẩn xét tặng danh hiệu Chiến sĩ thi đua cơ sở"
    when the choices only say "chiến sĩ".  A choice is offered because the question names no document and several
    answer; when none of them holds what the question is about, none answers it.  The share or unit an amount is
    asked in ("bao nhiêu phần trăm") and the words asking for a kind of answer ("ở đâu") are how it is asked."""
    from index.wordseg import pos_tags, segment

    wanted = key_words(q, scorer, tuning)
    if not wanted or not wanted[0].accented:
        return ()
    words, tags = pos_tags(segment(_plain(q.topic or q.text)))
    nouns = {canonical_tones(w.replace("_", " ")).lower() for w, t in zip(words, tags, strict=True)
             if t.startswith("N") and t not in ("Np", "Nu", "Ny")}
    asks = _lexicon()["ask_forms"]
    nouns_wanted = tuple(n for n in wanted if canonical_tones(n.phrase).lower() in nouns - asks)  # type: ignore[operator]
    if not nouns_wanted:
        return ()
    lacking = [set(gaps(nouns_wanted, f)) for f in offered]
    return tuple(n for n in nouns_wanted if all(n in x for x in lacking))


# ------------------------------------------------------------------ does a clause meet them


def settled_words(wanted: Iterable[Need], texts: tuple[str, ...]) -> tuple[Need, ...]:
    """The word needs of ``wanted`` (the question's rare words) that ``texts`` (clauses the conversation already
    answered from) hold: said once for the conversation, they are not asked again of a sibling item."""
    return tuple(n for n in wanted if n.kind == "word" and _met(n, texts))


def titled_scope(missing: Iterable[Need], f: Found) -> bool:
    """Whether ``f``'s document is, by its title, about every word another clause lacks ("… đối với sĩ quan, hạ
    sĩ quan, chiến sĩ Công an nhân dân" for "chiến sĩ công an … bao lâu?"): then that clause, however strongly it
    matches the rest (the general law's rule for every worker), states the general case, and this document the
    rule for the group asked; it does not silence this one as answering something else."""
    missing = tuple(missing)
    title = f.directive.title or ""
    return bool(missing and title) and all(n.kind == "word" and _met(n, (title,)) for n in missing)


def gaps(wanted: Iterable[Need], f: Found) -> tuple[Need, ...]:
    """The needs ``f``'s clause (with its headings and its document's title) does not meet; empty: supported.

    What the amount asked is and its value (``_QUOTED``: "lương cơ sở", its figure, its unit, its date) must stand
    in the words quoted as the answer, the clause's lead-in to its items or its headings: a long clause states
    many amounts, and "70%" of one item answers nothing about the amount another item names."""
    whole = (f.clause.text, *cited_here(f.directive, f.clause), *f.clause.heading, f.directive.title or "")
    said = _answer_words(f)  # read once: it splits a long clause into its sentences
    if _SELF_EFFECT.search(said):
        # "Thông tư này có hiệu lực …" dates the whole document: what the question says to name it ("thông tư về
        # danh mục hàng hóa nhóm 2") stands somewhere in it, often not in a title cut short or the effect article.
        whole = (*whole, f.directive.text)
    # "Thông tư số 102/2018/TT-BTC … hết hiệu lực kể từ ngày Thông tư này có hiệu lực thi hành": that day is the one
    # the document's own effect statement gives ("… kể từ ngày 01 tháng 01 năm 2026"), which then meets a question's
    # "từ năm 2026" as if the quoted words said it.
    own = _own_effect(f.directive, f.clause) if _AT_OWN_EFFECT.search(said) else ""
    whole = (*whole, own) if own else whole
    dated = whole  # a year or date asked must be the effect's own, not one said elsewhere in the document
    if own and _repeals().search(said) and f.directive.text not in whole:
        # "Thông tư số 22/2018/TT-BLĐTBXH … hết hiệu lực kể từ ngày Thông tư này có hiệu lực": what the document
        # replaces, like its own effect, is said of the whole document, named by words anywhere in it.
        whole = (*whole, f.directive.text)
    quoted: tuple[str, ...] | None = None
    out = []
    for n in wanted:
        if n.kind in _QUOTED or n.quoted:
            if quoted is None:
                quoted = (said, *f.clause.heading, f.directive.title or "", *((own,) if own else ()))
            parts = quoted
        else:
            parts = dated if n.kind in ("year", "date") else whole
        if n.kind == "counted":  # the value answered, not any figure of the sentence quoted ("8.440 lao động; … 60,9%")
            # … and not a figure the words quoted give in a unit of measure the short answer dropped ("hơn 2.500")
            if ((n.pattern is not None and (not _has_figure(f.short, n.pattern) or _money_for_count(f.short, said, n)))
                    or (n.rival is not None and _in_a_measure(f.short, said, n.rival))):
                out.append(n)
            continue
        if n.kind == "unit" and _DIGIT.search(f.short) and not _met(n, (f.short,)):
            # "bao nhiêu phần trăm" answered "01 tỷ đồng": the figure answered is not in the unit asked, though
            # another figure of the words quoted is
            out.append(n)
            continue
        unmet = _UNMET_IN_QUOTE.get(n.kind)
        if unmet is not None:  # needs judged by the words quoted alone (a case's bounds, a body acting, …)
            if unmet(n, f, said):
                out.append(n)
            continue
        if n.kind == "case" and n.about is not None and n.pattern is not None:
            # "hộ chiếu phổ thông" asked: a clause whose article, headings and title never name passports is about
            # something else (its document may, in another appendix: a long resolution lists every procedure)
            lo, hi = _article_span(f.directive, f.clause)
            text = " ".join(_joined((f.directive.text[lo:hi], *whole), accented=n.accented).split())
            if not n.about.search(text) and not n.pattern.search(text):
                out.append(replace(n, kind="subject"))
                continue
        if n.kind == "case" and n.rival is not None and n.pattern is not None:
            # the words quoted decide first: a title naming every case ("thị trường giao dịch cổ phiếu, thị trường
            # giao dịch trái phiếu") does not make "chuyển trái phiếu" an answer about "cổ phiếu"
            quote = " ".join(_joined((said,), accented=n.accented).split())  # "bảo hiểm y \ntế" is "bảo hiểm y tế"
            # … and an item's own words before its lead-in: "c) Kéo dài 03 tháng đối với viên chức bị kỷ luật khiển
            # trách" under a lead-in naming "cán bộ, công chức, viên chức" is the rule for viên chức only
            item = " ".join(_joined((_quoted_only(f),), accented=n.accented).split())
            if any(n.rival.search(x) and not n.pattern.search(x) for x in (quote, item)):
                out.append(n)
                continue
        if n.kind == "place" and n.pattern is not None and _qualifies_another(n.pattern, f.short, said):
            # "mức giảm tỷ lệ hộ nghèo 3,6%, riêng các huyện nghèo giảm 5,1%": asked "ở các huyện nghèo", the value
            # answered is not the one those words stand before (a review finding)
            out.append(n)
            continue
        if n.kind == "agency":
            if not _names_body(n, f, parts):
                out.append(n)
            continue
        if not (_met(n, parts) or (n.kind == "date" and str(f.directive.year) == n.phrase)
                or (n.kind == "issuer" and fold(f.directive.issuer or "") == fold(n.phrase))):
            out.append(n)
    return tuple(out)


# ------------------------------------------------------------------ agencies named, bases, ends, per head


def _agencies(text: str, issuers: tuple[str, ...] = (), provinces: tuple[str, ...] = ()) -> list[Need]:
    """ "Năm 2023 Sơn La giao Sở Văn hóa, Thể thao và Du lịch chủ trì việc gì?" → a body the question names by its
    proper name (a head word and capitalised name words: ``corpus.facts.agencies``) must be named by the answering
    clause, its headings, its document's title or issuer: a clause tasking "Sở Thông tin và Truyền thông" says what
    another body does.  The province asked about, after the name ("Sở Tài chính Lai Châu"), only says where (a city in a
    national body's name, "Sở Giao dịch Chứng khoán Hà Nội", is part of it); a title ("Chủ tịch UBND
    tỉnh") or a head alone ("Sở", "UBND tỉnh") names no body.  Typed without marks no name is read (no capitals).  A
    body asked as the issuer of the documents asked about ("văn bản nào của Bộ …", ``Query.issuers``) is the
    ``issuer`` need's."""
    from corpus.facts.agencies import find_agencies

    lex = load_lexicon()
    titles, levels, heads = _agency_words()
    out = []
    for m in find_agencies(text):
        words = _proper_name(m.name.split(), titles, heads)
        for _ in range(2):  # "… tỉnh Sơn La", "… Sơn La"
            cut = next((k for k in (3, 2, 1) if len(words) > k and lex.province(" ".join(words[-k:])) in provinces), 0)
            words = words[: len(words) - cut] if cut else words
            while len(words) > 1 and fold(words[-1]) in levels:
                words = words[:-1]
        if not any(i > 0 and w[:1].isupper() for i, w in enumerate(words)) or fold(words[0]) in ("cac", "nhung"):
            continue  # a head alone, or bodies of a kind ("Trưởng các Khối thi đua"), name no one body
        name = re.sub(r" (?=[,;])", "", " ".join(words))
        if _spelt_out(name) in {_spelt_out(x) for x in issuers}:
            continue
        said = r"\W+".join(re.escape(w) for w in re.findall(r"\w+", _spelt_out(name)))
        out.append(Need("agency", name, pattern=re.compile(rf"(?<!\w){said}(?!\w)")))
    return out


def _proper_name(words: list[str], titles: tuple[tuple[str, ...], ...], heads: tuple[tuple[str, ...], ...]) -> list[str]:
    """A body's name as a question writes it: no title before it ("Giám đốc", "Bộ trưởng"), its head ("Ủy ban", "Văn
    phòng"), then its name words as the word segmenter reads them, each opening with a capital ("Tài_chính", "Việt_Nam"),
    or a joiner before one ("và", "-"); the name ends at the first other word ("Bộ Tài chính ký Thông tư …" is "Bộ Tài
    chính", "Liên đoàn Lao động Việt Nam sử dụng …" is "Liên đoàn Lao động Việt Nam")."""
    folded = [fold(w) for w in words]
    title = next((t for t in titles if tuple(folded[: len(t)]) == t), None)
    if title is not None:
        words, folded = words[len(title) :], folded[len(title) :]
    elif len(words) > 2 and folded[1] == "truong":  # "Bộ trưởng Bộ Tài chính", "Cục trưởng Cục Hải quan"
        words, folded = words[2:], folded[2:]
    head = next((h for h in heads if tuple(folded[: len(h)]) == h), (folded[0],) if folded else ())
    from index.wordseg import segment

    out = list(words[: len(head)])
    rest = [w.split("_") for w in segment(" ".join(words[len(head) :])).split()]
    for i, sylls in enumerate(rest):
        if sylls[0][:1].isupper():
            # a word of the name ("Tài_chính", "Việt_Nam"); pyvi joining a name to the verb after it ("Thuế_ban_hành")
            # keeps the capitalised syllables only, and the name ends there
            capital = list(itertools.takewhile(lambda x: x[:1].isupper(), sylls))
            if len(sylls) - len(capital) > 1:
                out += capital
                break
            out += sylls
        elif fold(sylls[0]) in _JOINERS or not sylls[0][:1].isalnum():
            if i + 1 < len(rest) and rest[i + 1][0][:1].isupper():
                out += sylls
                continue
            break
        else:
            break
    return out


_JOINERS = frozenset({"va", "-", "–", "&", ","})


@lru_cache(maxsize=4096)
def _spelt_out(text: str) -> str:
    """``text`` folded with each abbreviation written out in its place ("Văn phòng UBND tỉnh": "van phong uy ban nhan
    dan tinh"; "Sở TT&TT": "so thong tin va truyen thong"), as a body's name is compared."""
    return fold(re.sub(r"(?<!\S)[^\s(]+ \(([^()]+)\)", r"\1", expand_abbreviations(text)))


@derived
def _agency_words() -> tuple[tuple[tuple[str, ...], ...], frozenset[str], tuple[tuple[str, ...], ...]]:
    """The titles heading a body's name ("chủ tịch", "giám đốc"), the levels a place name follows ("tỉnh") and the head
    words of a body ("ủy ban", "sở"), folded (lexicon ``agency_grammar.toml``); longest first."""
    grammar = load_lexicon().topic("agency_grammar")

    def phrases(key: str) -> tuple[tuple[str, ...], ...]:
        return tuple(sorted((tuple(fold(t).split()) for t in grammar[key]), key=len, reverse=True))

    return phrases("titles"), frozenset(fold(w) for w in (*grammar["levels"], *grammar["places"])), phrases("org_heads")


def _names_body(n: Need, f: Found, parts: tuple[str, ...]) -> bool:
    """Whether the clause (``parts``) or its document's issuer names the body of an ``agency`` need: its words in
    order, or a name written otherwise that is the same body ("Sở TT&TT" is "Sở Thông tin và Truyền thông")."""
    if n.pattern is None or any(n.pattern.search(" ".join(_spelt_out(p).split())) for p in (*parts, f.directive.issuer or "")):
        return True
    from corpus.facts.agencies import canonical_agency

    asked = fold(canonical_agency(n.phrase))
    return any(asked in _bodies_named(p) for p in parts if p)


@lru_cache(maxsize=2048)
def _bodies_named(text: str) -> frozenset[str]:
    """The bodies ``text`` names, by their canonical names, folded."""
    from corpus.facts.agencies import find_agencies

    return frozenset(fold(m.canonical) for m in find_agencies(text))


@derived
def _base_leads() -> re.Pattern[str]:
    """ "so với (cùng kỳ) (năm) 2021": a comparison lead (lexicon ``comparison_bases.txt``), up to three words, a year;
    folded."""
    leads = alternatives(load_lexicon().topic("comparison_bases"), fold)
    return re.compile(rf"(?<!\w)(?:{leads})((?:\s+[^\W\d_]+){{0,3}}?)\s+((?:19|20)\d\d)(?!\d)")


@derived
def _change_asked() -> re.Pattern[str]:
    """A change word (lexicon ``change_words.txt``: "tăng", "giảm"; not the comparison's own "so với"), folded."""
    lex = load_lexicon()
    bases = {fold(w) for w in lex.topic("comparison_bases")}
    return re.compile(rf"(?<!\w)(?:{alternatives([w for w in lex.topic('change_words') if fold(w) not in bases], fold)})(?!\w)")


def _compared(text: str, accented: bool) -> list[Need]:
    """ "Số xã đạt chuẩn nông thôn mới năm 2023 tăng bao nhiêu xã so với năm 2021?" → the change asked is measured
    against 2021: the words quoted must compare with that year ("so với … 2021"); "tăng 05 xã so với năm 2022" states
    the change against another base.  Only for a question asking how much or a change (a comparison of two
    documents' levels, "năm 2023 so với năm 2022 thế nào?", is read as such)."""
    key = fold(text)
    if not (_asks_amount(text, accented) or _change_asked().search(key)):
        return []
    out = []
    for m in _base_leads().finditer(key):
        year = m.group(2)
        leads = alternatives(load_lexicon().topic("comparison_bases"), fold)
        pattern = re.compile(rf"(?<!\w)(?:{leads})(?:\s+[^\W\d_]+){{0,3}}?\s+{year}(?!\d)")
        out.append(Need("compared", text[m.start() : m.end()], pattern=pattern))
    return out


def _base_unstated(n: Need, f: Found, said: str) -> bool:
    """Whether the words quoted state no change against the year a ``compared`` need asks."""
    return n.pattern is not None and n.pattern.search(" ".join(_folded(said).split())) is None


@derived
def _limit_sides() -> dict[str, tuple[re.Pattern[str], re.Pattern[str]]]:
    """Per end ("floor", "ceiling": lexicon ``limit_sides.toml``), how a question asks it and how a text states a
    figure as it, folded."""
    table = load_lexicon().topic("limit_sides")
    return {end: (re.compile(rf"(?<!\w)(?:{alternatives(row['asked'], fold)})(?!\w)"),
                  re.compile(rf"(?<!\w)(?:{alternatives(row['stated'], fold)})\s*$"))
            for end, row in table.items()}


def _limits(text: str) -> list[Need]:
    """ "Mức lương tối thiểu của chuyên gia tư vấn mức 3?" → the least is asked: a figure the words quoted state as
    the other end ("không quá 40.000.000 đồng/tháng") answers the most (lexicon ``limit_sides.toml``).  A question
    asking both ends asks neither."""
    key = fold(text)
    asked = [(end, m) for end, (asks, _) in _limit_sides().items() if (m := asks.search(key))]
    if len(asked) != 1:
        return []
    end, m = asked[0]
    # the phrase is the question's own words ("tối thiểu"), shown in a decline's reason; the end is its token
    return [Need("limit", text[m.start() : m.end()], token=end)]


def _answered_at(short: str, said: str) -> list[int]:
    """Where, in the words quoted (folded, spaces joined), the first figure of the short answer stands."""
    m = re.search(r"\d+(?:[.,]\d+)*", short)
    if m is None:
        return []
    return [x.start() for x in re.finditer(rf"(?<![\d.,]){re.escape(m.group(0))}(?!\d|[.,]\d)", said)]


def _other_end(n: Need, f: Found, said: str) -> bool:
    """Whether the figure answered stands, wherever the words quoted write it, right after words stating it as the
    end not asked ("không quá 40.000.000" for a floor asked)."""
    text = " ".join(_folded(said).split())
    at = _answered_at(fold(f.short), text)
    others = [stated for end, (_, stated) in _limit_sides().items() if end != n.token]
    return bool(at) and all(any(o.search(text[max(0, a - 24) : a]) for o in others) for a in at)


@derived
def _per_head() -> tuple[re.Pattern[str], re.Pattern[str]]:
    """How a question asks an amount per person (lexicon ``per_head_words.txt``), and how a text states one beside its
    figure: those words, or "/người", "mỗi người", "một người" (folded)."""
    words = alternatives(load_lexicon().topic("per_head_words"), fold)
    return (re.compile(rf"(?<!\w)(?:{words})(?!\w)"),
            re.compile(rf"(?<!\w)(?:{words})(?!\w)|/\s*nguoi(?!\w)|(?<!\w)(?:moi|mot)\s+nguoi(?!\w)"))


def _per_heads(text: str, accented: bool) -> list[Need]:
    """ "GRDP bình quân đầu người … là bao nhiêu?" → the figure answered must be stated per person (beside "bình quân
    đầu người" or with "/người"): "GRDP … tăng 7,5%" is the growth of the whole, no amount per head.  Only for a
    question asking how much: "… bình quân đầu người được tính như thế nào?" asks a method."""
    if not _asks_amount(text, accented):
        return []
    m = _per_head()[0].search(fold(text))
    return [Need("per_head", text[m.start() : m.end()])] if m else []


def _not_per_head(n: Need, f: Found, said: str) -> bool:
    """Whether the figure answered stands, in the words quoted, with no per-person words within a few words of it
    (before it, "GRDP bình quân đầu người khoảng 52,9 triệu đồng"; after it, "47 triệu đồng/người/năm")."""
    text = " ".join(_folded(said).split())
    at = _answered_at(fold(f.short), text)
    if not at:
        return False  # no figure answered where the words quoted write it: nothing to judge
    stated = _per_head()[1]
    return not any(stated.search(_phrase_at(text, a)) for a in at)


def _phrase_at(text: str, at: int) -> str:
    """The phrase of ``text`` holding position ``at``: from the last ";", ":" or sentence end before it to the next."""
    start = max(text.rfind(c, 0, at) for c in (";", ":", ". ", "\n"))
    ends = [e for c in (";", ":", ". ", "\n") if (e := text.find(c, at)) >= 0]
    return text[start + 1 : min(ends, default=len(text))]


_ANY_FIGURE = re.compile(r"(?<![\w.,])\d+(?:[.,]\d+)*")


def _conditions(text: str) -> list[Need]:
    """ "Con từ đủ 07 tuổi trở lên …?", "… con 5 tuổi …?": the case a question names by a figure and its unit
    (``bot.conditions``); the need's phrase holds the words naming it, read again when judged."""
    return [Need("condition", phrase) for _, phrase in asked_intervals(text)]


def _another_case(n: Need, f: Found, said: str) -> bool:
    """Whether the words quoted state cases on the unit of the case asked, none admitting it ("20 ngày nếu con dưới 03
    tuổi" for "con từ đủ 07 tuổi trở lên"); when they state none, the answering clause's cases decide ("thời gian …
    khi con từ 03 tuổi đến dưới 07 tuổi … tối đa là 15 ngày" around a worked example's "07 ngày")."""
    for asked, _ in asked_intervals(n.phrase):
        got = admits(said, asked)
        if got is None:
            got = admits(f.clause.text, asked)
        if got is False:
            return True
    return False


# The needs a clause fails by what its quoted words say, each with its own reading: the case asked by a figure is
# not among those stated, the document's own effect given for another, a figure on the other side of a bound, a body
# only acted on.
_UNMET_IN_QUOTE: dict[str, Callable[[Need, Found, str], bool]] = {
    "condition": _another_case,
    "document": _own_effect_for_another,
    "bound": lambda n, f, said: _other_side(n, said),
    "body": lambda n, f, said: _acted_on_only(n, said),
    "consequence": lambda n, f, said: _in_condition_only(n, f.short, said),
    "change": lambda n, f, said: not _states_a_change(said, f.clause.heading),
    "province": lambda n, f, said: not (f.directive.province or _names_a_province(
        (said, *f.clause.heading, f.directive.title or ""))),
    "compared": _base_unstated,
    "limit": _other_end,
    "per_head": _not_per_head,
}


def _qualifies_another(pattern: re.Pattern[str], short: str, said: str) -> bool:
    """Whether the class of places asked ("huyện nghèo") stands, in the words quoted, with another value than the one
    answered and not with it: after the answered value, before a later one ("mức giảm tỷ lệ hộ nghèo 3,6%, riêng các
    huyện nghèo giảm 5,1%" answered "3,6%"), and not among the words from the value before to the one answered."""
    numbers = re.findall(r"\d+(?:[.,]\d+)*", short)
    if not numbers:
        return False
    text = _folded(said)
    at = re.search(rf"(?<![\d.,]){re.escape(numbers[-1])}(?!\d|[.,]\d)", text)
    if at is None:
        return False
    figures = list(_ANY_FIGURE.finditer(text))
    start = max((x.end() for x in figures if x.end() <= at.start()), default=0)
    if pattern.search(text[start : at.end()]):
        return False
    last = next((x for x in reversed(figures) if x.start() >= at.end()), None)
    return last is not None and pattern.search(text[at.end() : last.end()]) is not None


@derived
def _money() -> re.Pattern[str]:
    """How an amount of money is written (lexicon ``asked_units.csv``, its ``money`` row), accent-folded."""
    row = next(r for r in load_lexicon().topic("asked_units") if r["unit"] == "money")
    return re.compile(row["evidence"])


def _money_for_count(short: str, said: str, n: Need) -> bool:
    """Whether the value answered is an amount of money ("10.000 đồng/chuyến") while the words quoted count what the
    question counts ("từ 13 ghế đến 50 ghế"): a figure, but not the count asked ("dưới bao nhiêu ghế")."""
    if _money().search(fold(short)) is None:
        return False
    noun = r"\s+".join(map(re.escape, fold(n.phrase).split()[1:]))  # "số ghế": "ghe"
    return bool(noun) and re.search(rf"\d\s+{noun}(?!\w)", fold(said)) is not None


# A document's own effect statement opening a sentence ("Thông tư này có hiệu lực thi hành kể từ ngày …"), not a
# mention of its effect date in another rule ("… trước ngày Thông tư này có hiệu lực").
_SELF_EFFECT = re.compile(
    rf"(?:^|[.;:]\s+|\n\s*(?:\d{{1,2}}\.\s*)?)(?:{alternatives(load_lexicon().topic('document_kinds'))})\s+này\s+"
    r"(?:sẽ\s+|chính thức\s+)?có\s+hiệu\s+lực(?:\s+thi\s+hành)?\s+(?:kể\s+)?từ",
    re.IGNORECASE,
)


@derived
def _repeals() -> re.Pattern[str]:
    """What ends a document's effect (lexicon ``repeal_words.txt``: "hết hiệu lực", "bãi bỏ", "thay thế")."""
    return re.compile(alternatives(load_lexicon().topic("repeal_words")), re.IGNORECASE)

# A rule dated by the document's own effect ("… kể từ ngày Thông tư này có hiệu lực thi hành").
_AT_OWN_EFFECT = re.compile(
    rf"\bngày\s+(?:{alternatives(load_lexicon().topic('document_kinds'))})\s+này\s+có\s+hiệu\s+lực", re.IGNORECASE)


def _own_effect(d: Directive, clause: Clause) -> str:
    """The sentence in which the document states the effect ``clause`` refers to ("Thông tư này có hiệu lực thi hành
    kể từ ngày 01 tháng 01 năm 2026."), "" when it cannot tell.  A consolidated text restates the effect article of
    every law it merges ("Luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2026" of the Luật Nhà giáo, "… 01
    tháng 7 năm 2025" of the Luật Bảo hiểm xã hội): "kể từ ngày Luật này có hiệu lực" is the effect stated in the
    same article (the nearest one before the clause, else after it); outside it, only a document stating one effect."""
    stated = [(m.start(), _sentence_from(d.text, m)) for m in _SELF_EFFECT.finditer(d.text)]
    if not stated:
        return ""
    lo, hi = _article_span(d, clause)
    inside = [(at, s) for at, s in stated if lo <= at < hi]
    if inside:
        before = [s for at, s in inside if at < clause.start]
        return before[-1] if before else inside[0][1]
    return stated[0][1] if len({_effect_words(s) for _, s in stated}) == 1 else ""


def _sentence_from(text: str, m: re.Match[str]) -> str:
    end = _SENTENCE_END.search(text, m.end())
    return text[m.start() : end.start() if end else m.end() + 120]


_SENTENCE_END = re.compile(r"[.;](?:\s|$)")


def _effect_words(sentence: str) -> str:
    """An effect statement as compared with another: its words, spacing and the opening label aside."""
    return " ".join(re.sub(r"^\W*(?:\d{1,2}\.)?", "", sentence).split()).lower()


def _article_span(d: Directive, clause: Clause) -> tuple[int, int]:
    """Where the article holding ``clause`` stands in the document's text (the clause's own span when it has none)."""
    by_id = {c.id: c for c in d.clauses}
    node: Clause | None = clause
    while node is not None:
        if node.kind == "article":
            return node.start, node.end
        node = by_id.get(node.parent or "")
    return clause.start, clause.end


_DIGIT = re.compile(r"\d")

#: Needs of the amount asked and its value, and the case asked: met by the quoted words (and lead-in, headings),
#: not the whole clause (a long clause treats several cases).
_QUOTED = frozenset({"quantity", "narrowing", "figure", "unit", "date", "count", "rate", "case", "named", "counted_as"})


def _quoted_only(f: Found) -> str:
    """The words quoted as ``f``'s answer, without the clause's lead-in to its items."""
    from bot.quotes import quoted_text

    return (quoted_text(f.clause.text, f.span) if f.span else (f.quote or quoted_text(f.clause.text))).strip("… ")


def _answer_words(f: Found) -> str:
    """The sentences quoted as ``f``'s answer (those holding its span), after the clause's lead-in when the
    quote is one of its items."""
    from bot.quotes import quoted_text

    text = f.clause.text
    # without the "…" marking a cut: a line's own label ("1. Kinh phí …") must stay at its line's start
    quote = (quoted_text(text, f.span) if f.span else (f.quote or quoted_text(text))).strip("… ")
    first = FIRST_ITEM.search(text)
    lead = text[: first.start()] if first and (f.span is None or first.start() <= f.span[0]) else ""
    if f.span:
        # a table's row says what its figures are only with the rows it stands under and its column headings
        # ("| a | Cấp mới | 200.000 |" under "Lệ phí cấp hộ chiếu", in "Mức thu (đồng/lần cấp)")
        from corpus.tables import read_tables

        at = f.span[0]
        hit = next(((t, r) for t in read_tables(text) if (r := t.row_at(at)) is not None), None)
        if hit is not None:  # and with the clause's words before the table ("Phí cấp thị thực …" over it)
            from bot.answerers.tables import heading_unit

            table, row = hit
            before = text[: table.start].strip()
            # each value with the unit its heading gives it ("50.000" under "Mức thu (đồng/lần cấp)": 50.000 đồng/…)
            cells = " ".join(f"{v} {heading_unit(h)}".strip() for h, v in zip(table.headings[2:], row.values, strict=False) if v)
            lead = "\n".join(x for x in (before, " – ".join(row.parents), " ".join(table.headings), cells) if x)
    return f"{lead}\n{quote}" if lead else quote


def _met(n: Need, parts: tuple[str, ...]) -> bool:
    """Whether the clause (``parts``: its text, then its headings and title) meets ``n``; each part is read once and
    kept, and the parts count as their joined text (syllables, abbreviations and case never reach across a space)."""
    clause = parts[0]
    if n.kind == "narrowing":  # near the amount's noun in the clause, its headings or its title
        title = parts[-1] if len(parts) > 1 else ""
        return bool(n.opening and title and n.opening.search(_folded(title))) or (n.pattern is not None and any(
            n.pattern.search(_accented(p) if n.accented else _folded(p)) for p in parts if p))
    if n.kind == "case":  # words naming no case of the set are not judged; naming another one alone, unmet
        said = _joined(parts, accented=n.accented)
        return not (n.rival is not None and n.rival.search(said)) or bool(n.pattern and n.pattern.search(said))
    if n.kind == "rate":  # words stating no rate are not judged; those stating one name what it is of
        said = _joined(parts, accented=n.accented)
        return (n.pattern is None or not n.pattern.search(said)
                or all(stands_in(u, parts, accented=n.accented) for u in (n.token or "").split()))
    if n.token is not None and not stands_in(n.token, parts, accented=n.accented):
        return False
    if n.pattern is not None:
        if n.kind == "figure":
            return _has_figure(clause, n.pattern)
        return bool(n.pattern.search(_joined(parts, accented=n.accented)))
    return True


def _joined(parts: tuple[str, ...], *, accented: bool) -> str:
    """The clause, its headings and its title as a pattern need reads them, each part read once and kept: a
    long article or a title meets many questions and several needs of each.  Part by part is the same as the
    joined text: abbreviations, tone marks and case never reach across a space."""
    return " ".join(map(_accented if accented else _folded, parts))


@lru_cache(maxsize=2048)
def _accented(text: str) -> str:
    return canonical_tones(_expanded(text)).lower()


def _figures(text: str, *, kept: bool = True) -> str:
    """A clause's own text, lower case with its marks, without the labels of its lines (``kept``: through the
    cache of whole texts; an article's opening lines are read once and not kept)."""
    accented = _accented(text) if kept else canonical_tones(expand_abbreviations(text)).lower()
    return _LABEL_AT_LINE.sub(" ", accented)


@lru_cache(maxsize=4096)
def _has_figure(text: str, figure: re.Pattern[str]) -> bool:
    """Whether a clause's own text states a figure (``figure``, the need's pattern).  A long article is first read
    up to a line break after its opening ``_FIGURE_HEAD`` characters, then four times as many, and so on: read so,
    its opening is read as in the whole text (words, abbreviations and line labels end at the break), so a figure
    found there is one of the whole text; most articles state one in their first lines."""
    size = _FIGURE_HEAD
    while 2 * size < len(text):
        cut = text.find("\n", size)
        if cut < 0:
            break
        if figure.search(_figures(text[: cut + 1], kept=False)):
            return True
        size *= 4
    return figure.search(_figures(text)) is not None


_FIGURE_HEAD = 1000  # characters


@lru_cache(maxsize=2048)
def _expanded(text: str) -> str:
    return expand_abbreviations(text)


@lru_cache(maxsize=2048)
def _folded(text: str) -> str:
    return fold(_expanded(text))


# ------------------------------------------------------------------ documents named by number

_NUMBER = re.compile(
    r"(?<![\w/.])(\d{1,5})\s*/\s*(?:((?:19|20)\d{2})\s*/\s*)?([A-Za-zĐđ][A-Za-zĐđ0-9]*(?:-[A-Za-zĐđ0-9]+)*)(?![\w/])"
)


# The Party's and its bodies' documents are numbered "34-CT/TW", "57-NQ/TW", "1012-KL/TU", "59-CV/BCĐ": number, a
# hyphen, the kind's letters, a slash and the issuing body's letters, always upper case as printed.
_PARTY_NUMBER = re.compile(r"(?<![\w/.-])(\d{1,5})-([A-ZĐ]{1,6})/([A-ZĐ]{1,8})(?![\w/])")


# A consolidated text names what it consolidates before its legal bases and its first article.
_PREAMBLE_END = re.compile(r"\n\s*(?:Căn cứ|Điều 1\b)")


def _key(number: str) -> str:
    """A number as compared: folded, without spaces or the zeros before its first figure ("07/2026" is "7/2026")."""
    return re.sub(r"^0+(?=\d)", "", re.sub(r"\s+", "", fold(number)))


def named_numbers(text: str) -> tuple[str, ...]:
    """Document numbers written in full in ``text``: "50/2024/QH15", "01/CT-UBND", "06/2021/tt-bldtbxh", and the
    Party's "34-CT/TW" (directives cite them often; a library seldom holds them, and a question naming one asks about it)."""
    out = []
    for m in _NUMBER.finditer(text):
        num, year, symbol = m.groups()
        if len(symbol) < 2 or not (year or "-" in symbol or any(ch.isupper() for ch in symbol)):
            continue  # "500/km2" is a unit, not a document
        out.append(f"{num}/{year}/{symbol}" if year else f"{num}/{symbol}")
    out.extend(m.group(0) for m in _PARTY_NUMBER.finditer(text))
    return tuple(dict.fromkeys(out))


def is_party_number(number: str) -> bool:
    """Whether a document number is the Party's ("34-CT/TW") rather than the State's ("01/CT-UBND")."""
    return _PARTY_NUMBER.fullmatch(number) is not None


class DocumentNumbers:
    """The numbers the library holds: each document's own, and those a consolidated text restates in its preamble."""

    def __init__(self, directives: Iterable[Directive]):
        self._own: set[str] = set()
        self._own_short: set[str] = set()
        self._restated: set[str] = set()
        consolidated = {t.name for t in load_lexicon().doc_types if t.kind == "consolidated"}
        for d in directives:
            if d.number:
                self._own.add(_key(d.number))
                self._own_short.add(_short(_key(d.number)))
            if d.doc_type in consolidated:
                head = _PREAMBLE_END.split(d.text[:4000], maxsplit=1)[0]
                self._restated.update(_key(n) for n in named_numbers(head))

    def holds(self, number: str) -> bool:
        k = _key(number)
        if k in self._own or k in self._restated:
            return True
        # A number named without its year ("01/CT-UBND"), or a document whose own number has none.
        return _short(k) in self._own_short if k.count("/") == 1 else _short(k) in self._own


def _short(k: str) -> str:
    parts = k.split("/")
    return f"{parts[0]}/{parts[-1]}"


def unknown_documents(text: str, numbers: DocumentNumbers) -> tuple[str, ...]:
    """The document numbers ``text`` names when the library holds none of them (else empty: scope decides)."""
    named = named_numbers(text)
    if not named or any(numbers.holds(n) for n in named):
        return ()
    return named
