"""Which document a question is about, when it describes the document instead of giving its number.

Officials name a document by its type and subject ("Nghị định về sản phẩm, dịch vụ Halal", "Luật
Người lao động Việt Nam đi làm việc ở nước ngoài theo hợp đồng năm 2020", "Thông tư hướng dẫn quản
lý lao động, tiền lương … ở SCIC").  Among hundreds of documents whose clauses share most words,
that description is often the strongest evidence of which one is meant: this module measures how
well each document's name (its title, type and years) fits the question, so the assistant can
prefer the document the question describes and ask which one only when documents truly tie.

It also answers the two scope questions a library raises beyond a directive's year and number:
the years a document covers (its own year, the period its title names, the year of the document
a consolidated text consolidates) and which consolidated text (Văn bản hợp nhất) holds a document
whose number the library does not have as its own.
"""

from __future__ import annotations

import math
import re
from collections import Counter
from collections.abc import Iterable, Mapping, Sequence

from bot.segments import syllable_units, tokens
from corpus.lexicon import derived, load_lexicon
from corpus.models import Directive
from corpus.text import canonical_tones, fold
from index.tokenize import expand_abbreviations, is_abbreviation

__all__ = ["DocumentNames", "changed_numbers", "changing", "consolidating", "covers_years", "declared_short_names",
           "named_types", "number_matches", "short_names_key"]

_PERIOD = re.compile(r"\b((?:19|20)\d{2})\s*[-–]\s*((?:19|20)\d{2})\b")
_YEAR_OF_NUMBER = re.compile(r"^\d{1,4}/((?:19|20)\d{2})/")


@derived
def _kind_patterns() -> tuple[tuple[str, re.Pattern[str], re.Pattern[str], bool], ...]:
    """(type, accented pattern, folded pattern, common word) for every document type, longest first."""
    lexicon = load_lexicon()
    common = {fold(k) for k in lexicon.topic("common_word_kinds")}
    names = {t.name for t in lexicon.doc_types} | set(lexicon.topic("document_kinds"))
    out = []
    for name in sorted(names, key=len, reverse=True):
        acc = canonical_tones(name).lower()
        # "luật" inside "pháp luật" or "Bộ luật" names no law of its own
        before = r"(?<!pháp )(?<!bộ )" if fold(name) == "luat" else ""
        fold_before = r"(?<!phap )(?<!bo )" if fold(name) == "luat" else ""
        out.append((name, re.compile(before + r"(?<!\w)" + re.escape(acc) + r"(?!\w)"),
                    re.compile(fold_before + r"(?<!\w)" + re.escape(fold(name)) + r"(?!\w)"),
                    fold(name) in common))
    return tuple(out)


def named_types(text: str) -> tuple[str, ...]:
    """The document types a question names, in the order it names them ("Nghị định … hướng dẫn Luật …"
    -> Nghị định, Luật).  A type that is also a common word counts only written with a capital inside
    the sentence ("theo Quyết định …", not "Ai quyết định …")."""
    accented = canonical_tones(text).lower()
    folded = fold(text)
    typed_plain = folded == text.lower()
    found: list[tuple[int, str]] = []
    taken: list[tuple[int, int]] = []
    for name, acc, plain, common in _kind_patterns():
        hay, pattern = (folded, plain) if typed_plain else (accented, acc)
        for m in pattern.finditer(hay):
            if any(a < m.end() and m.start() < b for a, b in taken):
                continue
            if common and (m.start() == 0 or not text[m.start()].isupper()):
                continue
            taken.append((m.start(), m.end()))
            found.append((m.start(), name))
    return tuple(dict.fromkeys(name for _, name in sorted(found)))


@derived
def _short_name_cues() -> tuple[str, ...]:
    """The words after which a document gives a short name (lexicon short_name_cues.txt), as documents write them."""
    return tuple(canonical_tones(c) for c in load_lexicon().topic("short_name_cues"))


# An upper-case short name of three characters or more right after a cue ("SCIC", "VAMC"); two letters ("BH")
# are a generic contraction more often than a name.
_BEFORE_CHARS = 120  # what a short name stands for is said just before it: about a dozen words
_SHORT_NAME = re.compile(r"\s+([A-ZĐ][A-ZĐ0-9&]{2,11})(?![\w&])")


def short_names_key() -> str:
    """Changes with what ``declared_short_names`` reads (its cues and expression): the key of a stored table."""
    import hashlib

    parts = (*_short_name_cues(), _SHORT_NAME.pattern, str(_BEFORE_CHARS), "pairs")  # "pairs": (name, words before)
    return hashlib.sha256("\n".join(parts).encode()).hexdigest()[:12]


def declared_short_names(text: str) -> tuple[tuple[str, str], ...]:
    """The upper-case short names a document declares, each with the words just before its cue (what it
    names): "Tổng công ty Đầu tư và Kinh doanh vốn nhà nước (sau đây gọi tắt là SCIC)" -> ("SCIC", "… Tổng
    công ty Đầu tư và Kinh doanh vốn nhà nước (sau đây"), in order, once each.

    A document spells its subject out in the title and uses the short name officials also use in questions
    ("Thông tư … ở SCIC"); a short name the lexicon lists as a general abbreviation is a common term
    ("UBND"), not a name, and is left out.  Each cue is found by a plain substring search (a library holds
    millions of characters and few cues: every start reads every document)."""
    found: dict[str, str] = {}
    for cue in _short_name_cues():
        at = text.find(cue)
        while at >= 0:
            m = _SHORT_NAME.match(text, at + len(cue))
            if m and not is_abbreviation(m.group(1)) and m.group(1) not in found:
                found[m.group(1)] = " ".join(text[max(0, at - _BEFORE_CHARS):at].split()[1:])
            at = text.find(cue, at + len(cue))
    return tuple(found.items())


def covers_years(d: Directive, years: Iterable[int]) -> bool:
    """Whether a document is about one of ``years``.  A provincial directive is about its own year; a
    central document also about the period its title names ("giai đoạn 2025 - 2027") and, for a
    consolidated text, the year of the document it consolidates ("Luật … năm 2025")."""
    wanted = set(years)
    if d.year in wanted:
        return True
    if d.province:
        return False
    for a, b in _PERIOD.findall(d.title or ""):
        if any(int(a) <= y <= int(b) for y in wanted):
            return True
    if d.consolidates:
        m = _YEAR_OF_NUMBER.match(d.consolidates[0])
        if m and int(m.group(1)) in wanted:
            return True
    return False


def number_matches(number: str | None, asked: str) -> bool:
    """Whether a document number is the one asked for (both accent-folded): the whole number, or its
    leading "16/2023" part when the question gives only that."""
    if not number:
        return False
    # "Thông tư 7/2026/TT-BNV" is "Thông tư số 07/2026/TT-BNV": a number's leading zeros say nothing
    number, asked = _unpadded(number), _unpadded(asked)
    return number == asked or (number.startswith(asked.split("/")[0] + "/") and asked in number)


def _unpadded(number: str) -> str:
    """A document number without the zeros before its first figure ("07/2026/tt-bnv" -> "7/2026/tt-bnv")."""
    return re.sub(r"^0+(?=\d)", "", number.strip())


@derived
def _changed_before() -> re.Pattern[str]:
    """A document type with no number of its own and an amending word, ending where a number follows (folded)."""
    lex = load_lexicon()

    def alt(words: Iterable[str]) -> str:
        return "|".join(r"\s+".join(map(re.escape, fold(w).split())) for w in sorted(words, key=len, reverse=True))

    kinds, amend = alt(lex.topic("document_kinds")), alt(lex.topic("amending_words"))
    return re.compile(rf"\b(?:{kinds})\s+(?:{amend})(?:\s*(?:,|va)\s*(?:{amend}))*\s+(?:mot so dieu\s+(?:cua\s+)?)?"
                      rf"(?:(?:{kinds})\s+)?(?:so\s+)?$")


def changed_numbers(text: str, numbers: Sequence[str]) -> tuple[str, ...]:
    """The numbers a question names as the document another one changes or details: a type with no number of its
    own, an amending word (lexicon ``amending_words``), then the number ("Thông tư sửa đổi Thông tư
    21/2021/TT-BLĐTBXH có hiệu lực từ ngày nào?").  The question asks about the changing document."""
    folded = fold(text)
    out = []
    for n in numbers:
        at = folded.find(fold(n)) if "/" in n else -1
        if at > 0 and _changed_before().search(folded[:at]):
            out.append(n)
    return tuple(out)


def changing(docs: Iterable[Directive], numbers: Sequence[str]) -> list[Directive]:
    """The documents whose title names one of ``numbers`` (a document they change or detail), not those numbers'
    own documents."""
    keys = ["".join(fold(n).split()) for n in numbers if n.count("/") >= 2]
    out = []
    for d in docs:
        title = "".join(fold(d.title or "").split())
        own = fold(d.number or "")
        # the number whole: "21/2021/tt-bldtbxh" is no part of "121/2021/tt-bldtbxh"
        if any(re.search(rf"(?<![\d/]){re.escape(k)}", title) and not number_matches(own, k) for k in keys):
            out.append(d)
    return out


def consolidating(docs: Iterable[Directive], asked: str) -> list[Directive]:
    """Consolidated texts that consolidate the document numbered ``asked`` (accent-folded): those where
    it is the base document first, then those where it is an amending one."""
    base, amended = [], []
    for d in docs:
        numbers = [fold(n) for n in d.consolidates]
        if numbers and number_matches(numbers[0], asked):
            base.append(d)
        elif any(number_matches(n, asked) for n in numbers[1:]):
            amended.append(d)
    return base + amended


class DocumentNames:
    """Each document's name as rare words, to measure how well a question describes it.

    Rarity is counted over the names themselves: "tiền lương" in many titles says little,
    "Halal" or "siêu trường" in one says which document is meant.  The short names a document
    declares (``declared_short_names``: "SCIC") are another spelling of its name: they count when a
    question uses them, and do not lengthen the name a question is measured against otherwise.
    """

    def __init__(self, docs: Iterable[Directive], short_names: Mapping[str, Sequence[Sequence[str]]] | None = None,
                 *, question_weight: float = 0.5):
        """``short_names``: doc_id -> its ``declared_short_names``, when already read (else read here);
        ``question_weight``: the exponent of the question's share in ``score`` (the title's share has the rest)."""
        self._question_weight = question_weight
        self._names: dict[str, frozenset[str]] = {}
        self._aliases: dict[str, frozenset[str]] = {}
        #: doc_id -> (unit of a short name, the title's units it stands for)
        self._spelled: dict[str, tuple[tuple[str, frozenset[str]], ...]] = {}
        self._types: dict[str, frozenset[str]] = {}
        for d in docs:
            self._names[d.doc_id] = syllable_units(d.title or "")
            declared = short_names.get(d.doc_id, ()) if short_names is not None else declared_short_names(d.text or "")
            title = self._names[d.doc_id]
            spelled = tuple((u, syllable_units(before) & title) for name, before in declared
                            for u in syllable_units(name) if u not in title)
            if spelled:
                self._aliases[d.doc_id] = frozenset(u for u, _ in spelled)
                self._spelled[d.doc_id] = spelled
            self._types[d.doc_id] = frozenset(t for t in (d.doc_type, d.base_type) if t)
        self._df = Counter(u for doc, units in self._names.items() for u in units | self._aliases.get(doc, frozenset()))
        self._n = max(len(self._names), 1)
        # Every question is scored against every document's name: rarities and name totals once.
        self._idfs = {u: self._idf(u) for u in self._df}
        self._totals = {doc: sum(self._idfs[u] for u in units) for doc, units in self._names.items()}
        self._last: tuple[str, frozenset[str], float] = ("", frozenset(), 0.0)

    def _idf(self, unit: str) -> float:
        return math.log(1 + (self._n + 1) / (self._df.get(unit, 0) + 0.5))

    def fit(self, words: str, d: Directive) -> float:
        """Share of the rarity of ``words`` (the question's topic) that the document's title holds (0..1),
        counting only words some document's name has."""
        # A word in no document's name ("bao nhiêu", "Haram") says nothing about which document is meant.
        asked = [u for u in syllable_units(words) if u in self._df]
        have = self._names.get(d.doc_id, frozenset()) | self._aliases.get(d.doc_id, frozenset())
        total = sum(self._idf(u) for u in asked)
        return sum(self._idf(u) for u in asked if u in have) / total if total else 0.0

    def score(self, words: str, d: Directive) -> float:
        """How well ``words`` describe the document (0..1): the weighted geometric mean of the share of their
        rare words its title holds (weight ``question_weight``) and the share of its title's rare words they
        hold.  A question that shares one rare word with a long title ("tối thiểu") describes it less than one
        that names its subject; weighing the question's share more keeps a short title that names only the
        field ("An toàn, vệ sinh lao động") from outscoring the long one that names what is asked ("… bồi
        dưỡng, sát hạch nghiệp vụ đánh giá an toàn, vệ sinh lao động …")."""
        asked, total = self._asked(words)
        name_total = self._totals.get(d.doc_id, 0.0)
        if not total or not name_total:
            return 0.0
        name = self._names[d.doc_id]
        # A short name the question uses says the title's words it stands for ("SCIC": "Tổng công ty Đầu tư
        # và Kinh doanh vốn nhà nước"), and is itself a word of the question the document's name holds.
        spelled = [(u, words) for u, words in self._spelled.get(d.doc_id, ()) if u in asked]
        named = (asked | {w for _, words in spelled for w in words}) & name
        said = sum(self._idfs[u] for u, _ in spelled)
        shared = sum(self._idfs[u] for u in named)
        w = self._question_weight
        return min(1.0, (shared + said) / total) ** w * (shared / name_total) ** (1 - w)

    def _asked(self, words: str) -> tuple[frozenset[str], float]:
        """The question's units that some name has, and their rarity (kept for the next document)."""
        last = self._last  # one read: the chat answers in several threads
        if last[0] != words:
            asked = frozenset(u for u in syllable_units(words) if u in self._idfs)
            last = (words, asked, sum(self._idfs[u] for u in asked))
            self._last = last
        return last[1], last[2]

    def recall(self, words: str, d: Directive) -> float:
        """Share of the rarity of the document's title that ``words`` hold (0..1)."""
        asked = syllable_units(words)
        have = self._names.get(d.doc_id, frozenset())
        total = sum(self._idf(u) for u in have)
        return sum(self._idf(u) for u in have if u in asked) / total if total else 0.0

    def beyond_title(self, words: str, d: Directive) -> str:
        """``words`` without those of the document's title: inside the document described, its title's
        words say nothing about which clause answers ("Luật Người lao động … thay thế luật số mấy")."""
        title = set(tokens(expand_abbreviations(d.title or "")))
        kept = [w for w in words.split() if not (set(tokens(w)) and set(tokens(w)) <= title)]
        return " ".join(kept)

    def has_type(self, d: Directive, kind: str) -> bool:
        """Whether the document is of type ``kind``, or consolidates a document of that type."""
        return kind in self._types.get(d.doc_id, frozenset())
