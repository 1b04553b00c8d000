"""Sentences and semicolon parts of clauses, and how well one answers a question.

Answers are extractive: the bot quotes the part of a clause that answers, so it
must find that part.  Matching is on accent-folded syllables and syllable
pairs weighted by rarity, so "ty le ho ngheo" and "tỷ lệ hộ nghèo" score alike
and the pair "hộ nghèo" outweighs the common "tỷ lệ".
"""

from __future__ import annotations

import functools
import itertools
import math
import operator
import re
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import lru_cache

from corpus.lexicon import load_lexicon
from corpus.text import canonical_tones, fold, has_diacritics
from index.tokenize import expanded_pieces, is_abbreviation, one_spelling

__all__ = [
    "Scorer",
    "Segment",
    "has_diacritics",
    "near_pattern",
    "split_segments",
    "stands_in",
    "syllable_keys",
    "syllable_units",
    "tokens",
]

PAIR_WEIGHT = 1.0
_TOKEN = re.compile(r"[^\W_]+", re.UNICODE)
# Sentence ends: ". " / "! " / "? " before an upper-case letter, a quote or a digit, and line breaks
# (bullets start on their own line).  A " - " inside a line is a dash ("kinh tế - xã hội"), not a break.
# (The leading "(?=\s)" changes no match: both branches start with a space; it lets the engine skip
# the other characters twice as fast.)
_SENTENCE_END = re.compile(r"(?=\s)(?:(?<=[.!?])\s+(?=[\"“(]?[A-ZĐÀ-Ỹ0-9])|\n+)")
_PART_END = re.compile(r";\s+")


def _spelling(token: str) -> str:
    """One spelling for the i/y pairs Vietnamese writes both ways (bác sĩ/bác sỹ, tỉ/tỷ, kĩ/kỹ), as the search reads them."""
    return one_spelling(token)


@lru_cache(maxsize=4096)
def syllable_units(text: str, *, accented: bool = False) -> frozenset[str]:
    """Syllables and syllable pairs of ``text`` with abbreviations spelled out: "lệ phí" is rare as a pair
    though each syllable is common (cached: the same titles and clauses meet many questions)."""
    return frozenset(_units(text, accented=accented))


def stands_in(unit: str, texts: Iterable[str], *, accented: bool = False) -> bool:
    """Whether the syllable or pair ``unit`` ("lệ_phí") stands in ``texts`` read one after another, as in
    ``syllable_units(" ".join(texts))`` (a pair may span two of them).  Each text's syllables are read once and
    kept: a long article, its headings and its document's title meet many questions and several of their words."""
    return _member(unit) in _joined_line(texts, accented)


def _joined_line(texts: Iterable[str], accented: bool) -> str:
    """``_unit_line(" ".join(texts))`` from each text's own (kept) line: syllables never span a space."""
    inner = (_unit_line(t, accented)[1:-1] for t in texts)
    return f" {' '.join(x for x in inner if x)} "


def near_pattern(pair: str, gap: int) -> re.Pattern[str]:
    """The two syllables of ``pair`` ("binh nguoi") with at most ``gap`` syllables between, on folded, lower-cased text."""
    a, b = map(re.escape, pair.split())
    return re.compile(rf"(?<!\w){a}(?:\W+\w+){{0,{gap}}}\W+{b}(?!\w)")


def tokens(text: str, *, accented: bool = False) -> list[str]:
    """Syllables without function words: accent-folded, or lower-cased with canonical tone marks."""
    return _keys(_TOKEN.findall(text.lower()), accented)


def syllable_keys(syllables: list[str], *, accented: bool = False) -> list[str | None]:
    """Each syllable's key, in order, or None for a function word (decided with its neighbours, as ``tokens``)."""
    got = list(map(_KEYS[accented].__getitem__, (s.lower() for s in syllables)))
    return got if accented else _bound(got)


def _function_words() -> tuple[frozenset[str], frozenset[str], frozenset[tuple[str, str]], frozenset[tuple[str, str]]]:
    """Function words as spelled (canonical tones) and folded; and the folded syllable pairs in which the left
    (right) syllable folds to a function word but is spelled as content ("thi dua" of "thi đua", "co quan")."""
    lex = load_lexicon()
    spelt = frozenset(_spelling(canonical_tones(w).lower()) for w in lex.topic("function_words"))
    folded = frozenset(_spelling(fold(w)) for w in spelt)
    left: set[tuple[str, str]] = set()
    right: set[tuple[str, str]] = set()
    for word in lex.topic("function_word_compounds"):
        sylls = [_spelling(canonical_tones(x).lower()) for x in _TOKEN.findall(word.lower())]
        for a, b in itertools.pairwise(sylls):
            pair = (_spelling(fold(a)), _spelling(fold(b)))
            if pair[0] in folded and a not in spelt:
                left.add(pair)
            if pair[1] in folded and b not in spelt:
                right.add(pair)
    return spelt, folded, frozenset(left), frozenset(right)


_STOP_SPELT, _STOP, _CONTENT_LEFT, _CONTENT_RIGHT = _function_words()
#: Folded function words that some word spells as content: they go or stay by their neighbours.
_AMBIGUOUS = frozenset(a for a, _ in _CONTENT_LEFT) | frozenset(b for _, b in _CONTENT_RIGHT)


class _Keys(dict):
    """Lower-case syllable -> its key; None for a function word; filled as syllables are met (a library has a
    few thousand distinct syllables), looked up without a Python call once known.

    With diacritics a function word is told by its spelling ("thì", not "thi"); folded, a syllable that folds to
    one is kept as its key and decided with its neighbours (``_bound``) when some word spells it as content."""

    _LIMIT = 200_000

    def __init__(self, accented: bool) -> None:
        super().__init__()
        self.accented = accented

    def __missing__(self, token: str) -> str | None:
        if self.accented:
            key = _spelling(canonical_tones(token).lower())
            key = None if key in _STOP_SPELT else key
        else:
            key = _spelling(fold(token))
            key = None if key in _STOP and key not in _AMBIGUOUS else key
        if len(self) < self._LIMIT:
            self[token] = key
        return key


_KEYS = {False: _Keys(False), True: _Keys(True)}
_KEPT = functools.partial(operator.is_not, None)


def _bound(keys: list[str | None]) -> list[str | None]:
    """Folded keys with the ambiguous function words ("thi", "co", "bao") set to None unless they form a word
    with a neighbour in which they are content ("thi dua", "co quan", "bao cao", "xa hoi")."""
    if _AMBIGUOUS.isdisjoint(keys):
        return keys
    out = list(keys)
    last = len(keys) - 1
    for i, k in enumerate(keys):
        if k in _AMBIGUOUS and not (
            (i < last and (k, keys[i + 1]) in _CONTENT_LEFT) or (i and (keys[i - 1], k) in _CONTENT_RIGHT)
        ):
            out[i] = None
    return out


def _keys(pieces: Iterable[str], accented: bool) -> list[str]:
    got = list(map(_KEYS[accented].__getitem__, pieces))
    return list(filter(_KEPT, got if accented else _bound(got)))


def _syllables(text: str, accented: bool) -> list[str]:
    """Syllable keys of ``text`` with abbreviations written out (GRDP → tổng sản phẩm trên địa bàn)."""
    return _keys(expanded_pieces(text), accented)


@lru_cache(maxsize=100_000)
def _units(text: str, *, accented: bool = False) -> tuple[str, ...]:
    """Syllables and syllable pairs ("a_b"), abbreviations written out."""
    toks = _syllables(text, accented)
    return (*toks, *map("_".join, itertools.pairwise(toks)))


@lru_cache(maxsize=100_000)
def _unit_line(text: str, accented: bool) -> str:
    """``text``'s syllables between spaces (" a b c "), for membership tests: syllable "a" is in it as " a "
    and pair "a_b" as " a b " (a syllable holds no space).  Every candidate part of every question is scored
    here, most of them once: one join is cheaper than a set of syllables and pairs."""
    return f" {' '.join(_syllables(text, accented))} "


def _member(unit: str) -> str:
    """How ``unit`` (a syllable or a pair "a_b") stands in a ``_unit_line``."""
    return f" {unit.replace('_', ' ')} "


def _both_units(text: str) -> set[str]:
    """The folded and the accented units of ``text`` (``_units`` of both), its pieces read once, nothing cached."""
    pieces = expanded_pieces(text)
    folded, accented = _keys(pieces, False), _keys(pieces, True)
    return {*folded, *map("_".join, itertools.pairwise(folded)), *accented, *map("_".join, itertools.pairwise(accented))}


@dataclass(frozen=True)
class Segment:
    """A sentence or semicolon part of a clause; ``start``/``end`` index into the clause text."""

    clause_id: str
    doc_id: str
    start: int
    end: int
    text: str
    sentence_start: int


_MIN_WORDS = 4


def split_segments(clause_id: str, doc_id: str, text: str) -> list[Segment]:
    """Split at sentence ends, then at semicolons; remember each part's sentence start (for subjects).

    A part of fewer than four words (a heading such as "Phụ lục") is joined to the next one:
    alone it is never an answer.
    """
    return [Segment(clause_id, doc_id, a, b, text[a:b], s) for a, b, s in _merge_tiny(_split(text), text)]


_Span = tuple[int, int, int]  # a part's start and end in the clause text, and its sentence's start


def _merge_tiny(parts: list[_Span], text: str) -> list[_Span]:
    """The parts with each one of fewer than ``_MIN_WORDS`` words joined to the next (spans only: a clause's
    parts are made once, as ``Segment``s, when they are final)."""
    out: list[_Span] = []
    pending: _Span | None = None
    for a, b, s in parts:
        if pending is not None:
            a, s = pending[0], pending[2]
            pending = None
        if len(text[a:b].split()) < _MIN_WORDS:
            pending = (a, b, s)
            continue
        out.append((a, b, s))
    if pending is not None:
        out.append(pending)
    return out


def _split(text: str) -> list[_Span]:
    out: list[_Span] = []
    pos = 0
    sentence_spans = []
    for m in _SENTENCE_END.finditer(text):
        sentence_spans.append((pos, m.start()))
        pos = m.end()
    sentence_spans.append((pos, len(text)))
    for s_start, s_end in sentence_spans:
        part_start = s_start
        for m in (*_PART_END.finditer(text, s_start, s_end), None):
            p_end = m.start() if m else s_end
            chunk = text[part_start:p_end]
            stripped = chunk.strip()
            if stripped:
                a = part_start + len(chunk) - len(chunk.lstrip())
                out.append((a, a + len(stripped), s_start))
            if m:
                part_start = m.end()
    return out


class Scorer:
    """IDF-weighted coverage of a question's syllables and syllable pairs by a piece of text.

    A question typed with diacritics is matched on accented syllables ("lương" is not "lượng");
    one typed without is matched on folded ones.
    """

    def __init__(self, documents: Iterable[str]):
        df: Counter[str] = Counter()
        texts = Counter(documents)  # parent clauses repeat their children's sentences: count each text once
        # Most texts occur once: their units are counted in one C loop (a library has 300,000 parts).
        df.update(itertools.chain.from_iterable(_both_units(doc) for doc, times in texts.items() if times == 1))
        for doc, times in texts.items():
            if times > 1:
                for unit in _both_units(doc):
                    df[unit] += times
        self._n = max(sum(texts.values()), 1)
        self._df = df
        self._weights: dict[str, tuple[bool, tuple[tuple[str, float], ...], float]] = {}
        self._spellings: dict[str, tuple[str, ...]] | None = None

    @classmethod
    def from_table(cls, table: dict[str, object]) -> Scorer:
        """A scorer from ``table()`` output (stored with the index, so a start need not recount)."""
        scorer = cls(())
        scorer._n = int(table["n"])  # type: ignore[arg-type]
        scorer._df = Counter(table["df"])  # type: ignore[arg-type]
        return scorer

    def table(self) -> dict[str, object]:
        return {"n": self._n, "df": dict(self._df)}

    def parts_with(self, unit: str) -> int:
        """How many indexed parts contain ``unit`` (a syllable or a pair "a_b")."""
        return int(self._df.get(unit, 0))

    def spellings(self) -> dict[str, tuple[str, ...]]:
        """Folded syllable → the spellings the library writes it in ("chung": "chung", "chứng", "chủng"), built
        once per scorer (``Assistant.warm`` builds it before the first question): how a question typed without
        marks is read."""
        if self._spellings is None:
            out: dict[str, list[str]] = {}
            for unit in self._df:
                if "_" not in unit:
                    out.setdefault(fold(unit), []).append(unit)
            self._spellings = {k: tuple(v) for k, v in out.items()}
        return self._spellings

    def idf(self, unit: str) -> float:
        return math.log(1 + (self._n + 1) / (self._df.get(unit, 0) + 0.5))

    def _question_weights(self, question: str) -> tuple[bool, tuple[tuple[str, float], ...], float]:
        """Whether ``question`` is accented, its units (as ``_member``) with their weights, and their total: computed once
        per question, while ``coverage`` is asked for every candidate part (thousands per question)."""
        got = self._weights.get(question)
        if got is None:
            accented = has_diacritics(question)
            units = dict.fromkeys(_units(question, accented=accented))
            weights = tuple((_member(u), self.idf(u) * (PAIR_WEIGHT if "_" in u else 1.0)) for u in units)
            total = 0.0
            for _, w in weights:
                total += w
            if len(self._weights) >= 1024:  # a long chat: forget older questions
                self._weights.clear()
            got = self._weights[question] = (accented, weights, total)
        return got

    def coverage(self, question: str, text: str) -> float:
        """Share of the question's weight found in ``text`` (0..1); pairs weigh PAIR_WEIGHT."""
        return self._covered(question, lambda accented: _unit_line(text, accented))

    def coverage_of(self, question: str, texts: Iterable[str]) -> float:
        """``coverage(question, " ".join(texts))`` read from each text's own kept syllables: a long clause is
        its sentence parts, which every question that meets it reads one by one anyway."""
        return self._covered(question, lambda accented: _joined_line(texts, accented))

    def _covered(self, question: str, line: Callable[[bool], str]) -> float:
        accented, weights, total = self._question_weights(question)
        if not weights:
            return 0.0
        have = line(accented)
        matched = 0.0
        for u, w in weights:
            if u in have:
                matched += w
        return matched / total if total else 0.0

    def unseen(self, text: str) -> list[str]:
        """Syllables of ``text`` that no indexed part contains: the documents cannot be about them.  Read as the
        parts were counted (``expanded_pieces``): "phần trăm" is the "%" the documents write, "bán ra nước ngoài"
        their "xuất khẩu" (lexicon equivalents.toml), not words missing from them."""
        accented = has_diacritics(text)
        toks = _keys(expanded_pieces(text), accented)
        return [t for t in toks if not self._df.get(t) and not is_abbreviation(t)]

    def first_match(self, question: str, text: str) -> int | None:
        """Offset in ``text`` of the first syllable that the question also has."""
        wanted = set(tokens(question))
        for m in _TOKEN.finditer(text):
            if _spelling(fold(m.group(0))) in wanted:
                return m.start()
        return None
