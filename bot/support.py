"""Whether a clause supports an answer to the question as asked, and which named documents the library lacks.

Retrieval always finds *some* clause, and the worst defect is quoting one that answers a neighbouring
question: "vùng IV" for "vùng V", hours per year for hours per week, a list of members for "mấy lần
một năm", another law's effect clause for a law the library does not hold.  What makes a question
specific must therefore stand in the answering clause (its text, its headings or its document's title):

- a label after a qualifier noun ("vùng V", "hạng II", "nhóm A"), lexicon ``qualifier_nouns.txt``;
- what a rate is counted per ("trong một tuần", "một người một bữa"), ``rate_periods.txt``;
- the kind of value asked for ("bao nhiêu đồng", "mấy lần"), ``asked_units.csv``;
- the question's rare nouns ("tiếp khách", "lệ phí"), rarity weighed over the whole library
  (``AnswerTuning.support_rare_idf``); words a question asks or paraphrases with
  (``paraphrase_words.txt`` and the question-form lists) never count.

A document named by its number ("Luật Công đoàn số 50/2024/QH15") that no document of the library
carries, nor a consolidated text (VBHN) restates, is said to be missing instead of answered from others.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Literal

from bot.answerers.base import Found, topic_words
from bot.query import Query
from bot.segments import Scorer, has_diacritics, syllable_units, tokens
from bot.tuning import AnswerTuning
from corpus.lexicon import load_lexicon
from corpus.models import Directive
from corpus.text import canonical_tones, fold
from index.tokenize import expand_abbreviations, is_abbreviation

__all__ = ["DocumentNumbers", "Need", "gaps", "named_numbers", "needs", "unknown_documents"]

NeedKind = Literal["label", "period", "unit", "word"]


@dataclass(frozen=True)
class Need:
    """One thing the answering clause must contain: the question's words for it, and how to find it.

    ``token`` needs are matched on syllables (accented when the question is, so "tuần" is not "tuân"),
    ``pattern`` needs on the accent-folded clause text.
    """

    kind: NeedKind
    phrase: str
    token: str | None = None
    pattern: re.Pattern[str] | None = None
    accented: bool = False


# ------------------------------------------------------------------ what the question needs


@cache
def _lexicon() -> dict[str, object]:
    lex = load_lexicon()
    nouns = sorted((fold(n) for n in lex.topic("qualifier_nouns")), key=len, reverse=True)
    periods = tuple(lex.topic("rate_periods"))
    free = {*lex.topic("paraphrase_words"), *lex.topic("question_form_words"),
            *lex.topic("question_kind_words"), *lex.topic("answer_form_words")}
    units = tuple((r["name"], re.compile(r["question"]), re.compile(r["evidence"])) for r in lex.topic("asked_units"))
    return {"nouns": nouns, "periods": periods, "free": frozenset(free), "units": units}


_LABEL = r"(?:[ivxlc]{1,5}|\d{1,2}|[a-z])"
_LIST_SEP = r"\s*(?:,|;|va|hoac|-|–|den)\s*"


def _labels(topic: str, folded_topic: str) -> list[Need]:
    """ "vùng V" → the clause must name "vùng … V" (a list "vùng I, II và V" counts)."""
    out = []
    nouns = "|".join(re.escape(n) for n in _lexicon()["nouns"])  # type: ignore[arg-type]
    for m in re.finditer(rf"(?<!\w)({nouns})\s+({_LABEL})(?!\w)", folded_topic):
        noun, label = m.group(1), m.group(2)
        pattern = re.compile(rf"(?<!\w){re.escape(noun)}\s+(?:{_LABEL}{_LIST_SEP})*{re.escape(label)}(?!\w)")
        out.append(Need("label", topic[m.start() : m.end()], pattern=pattern))
    return out


def _periods(topic: str, accented: bool) -> list[Need]:
    """ "bao nhiêu giờ trong một tuần" → the clause must count per "tuần"."""
    key = canonical_tones(topic).lower() if accented else fold(topic)
    periods = _lexicon()["periods"]
    words = [canonical_tones(p).lower() if accented else fold(p) for p in periods]  # type: ignore[union-attr]
    lead = r"(?:một|mỗi|hằng|hàng|trên|01|1)" if accented else r"(?:mot|moi|hang|tren|01|1)"
    alts = "|".join(re.escape(w) for w in sorted(words, key=len, reverse=True))
    out = []
    for m in re.finditer(rf"(?:(?<!\w){lead}\s+|/\s*)({alts})(?!\w)", key):
        for tok in tokens(m.group(1), accented=accented):
            out.append(Need("period", topic[m.start() : m.end()].strip(" /"), token=tok, accented=accented))
    return out


def _unit(folded_topic: str) -> list[Need]:
    """ "bao nhiêu đồng" → the clause must state an amount of money (the first kind asked decides)."""
    for name, asks, evidence in _lexicon()["units"]:  # type: ignore[union-attr]
        if asks.search(folded_topic):
            return [Need("unit", name, pattern=evidence)]
    return []


def _rare_nouns(q: Query, scorer: Scorer, tuning: AnswerTuning) -> list[Need]:
    """Nouns of the topic rarer than ``support_rare_idf`` over the library: what narrows the question most.

    A word (next to) no part has is left to the unseen-topic check: the library does not talk about it, so
    its absence from one clause tells nothing (often the question's own paraphrase, "cho phép" for "được").

    A compound noun ("lệ phí", "tiếp khách") counts as its syllable pairs when the library has them (each
    syllable may be common while the pair is rare); a pair the library lacks is pyvi joining two words, so
    its syllables count alone.
    """
    from index.wordseg import pos_tags, segment

    topic = topic_words(q)
    if not topic:
        return []
    accented = has_diacritics(topic)
    free = _lexicon()["free"]

    def rare(unit: str) -> bool:
        return scorer.idf(unit) >= tuning.support_rare_idf and scorer.parts_with(unit) >= tuning.support_min_parts

    words, tags = pos_tags(segment(topic))
    out: list[Need] = []
    for i, (word, tag) in enumerate(zip(words, tags, strict=True)):
        if not tag.startswith("N") or tag in ("Np", "Nu", "Ny"):
            continue
        syllables = word.split("_")
        if any(x[:1].isupper() for x in syllables[1 if i == 0 else 0 :]):
            continue  # a name (the first word is capitalised anyway): scope and titles decide about names
        keys: list[tuple[str, str]] = []  # (syllable as written, its key)
        for x in syllables:
            if fold(x) in free or is_abbreviation(x) or any(ch.isdigit() for ch in x):  # type: ignore[operator]
                keys.append(("", ""))
                continue
            keys += [(x.lower(), t) for t in tokens(x, accented=accented)]
        alone = {k for _, k in keys if k}
        for (xa, a), (xb, b) in itertools.pairwise(keys):
            pair = f"{a}_{b}"
            if a and b and scorer.parts_with(pair):
                alone -= {a, b}
                if rare(pair):
                    out.append(Need("word", f"{xa} {xb}", token=pair, accented=accented))
        out += [Need("word", x, token=k, accented=accented) for x, k in keys if k in alone and rare(k)]
    return out


def needs(q: Query, scorer: Scorer, tuning: AnswerTuning) -> tuple[Need, ...]:
    """What any answering clause must contain for this question (empty for questions about a document itself)."""
    if q.kind.startswith("meta_"):
        return ()
    topic = q.topic or q.text
    accented = has_diacritics(topic)
    folded = fold(topic)
    found = [*_labels(topic, folded), *_periods(topic, accented), *_unit(folded), *_rare_nouns(q, scorer, tuning)]
    seen: set[tuple[str, str | None, str | None]] = set()
    out = []
    for n in found:
        key = (n.kind, n.token, n.pattern.pattern if n.pattern else None)
        if key not in seen:
            seen.add(key)
            out.append(n)
    return tuple(out)


# ------------------------------------------------------------------ does a clause meet them


def gaps(wanted: Iterable[Need], f: Found) -> tuple[Need, ...]:
    """The needs ``f``'s clause (with its headings and its document's title) does not meet; empty: supported."""
    text = " ".join([f.clause.text, *f.clause.heading, f.directive.title or ""])
    return tuple(
        n for n in wanted
        if (n.token is not None and n.token not in syllable_units(text, accented=n.accented))
        or (n.pattern is not None and not n.pattern.search(_folded(text)))
    )


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


# A consolidated text names what it consolidates before its legal bases and its first article.
_PREAMBLE_END = re.compile(r"\n\s*(?:Căn cứ|Điều 1\b)")


def _key(number: str) -> str:
    return re.sub(r"\s+", "", fold(number))


def named_numbers(text: str) -> tuple[str, ...]:
    """Document numbers written in full in ``text``: "50/2024/QH15", "01/CT-UBND", "06/2021/tt-bldtbxh"."""
    out = []
    for m in _NUMBER.finditer(text):
        num, year, symbol = m.groups()
        if len(symbol) < 2 or not (year or "-" in symbol or any(ch.isupper() for ch in symbol)):
            continue  # "500/km2" is a unit, not a document
        out.append(f"{num}/{year}/{symbol}" if year else f"{num}/{symbol}")
    return tuple(dict.fromkeys(out))


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
