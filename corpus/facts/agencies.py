"""Finding agencies in directive text and giving each one canonical name.

Agencies are recognised by how Vietnamese administrative names are built (a
head word such as "Sở", "Ban", "Ủy ban", "Hội đồng" followed by capitalised
name components, or a title such as "Thủ trưởng", "Chủ tịch" followed by an
organisation), so a new document's "Sở Tài nguyên và Môi trường" or "Cục
Thống kê tỉnh" is found without a list.  The head words, titles and the
small alias table (which only merges spellings of the same body: UBND / Ủy
ban nhân dân, TT&TT, …) are lexicon data (``agency_grammar.toml``).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import lru_cache

from corpus.lexicon import load_lexicon
from corpus.text import canonical_tones, fold, nfc, normalize_spaces

__all__ = ["AgencyMention", "canonical_agency", "find_agencies"]


@dataclass(frozen=True)
class AgencyMention:
    """One agency named in a text: as written, its canonical name and where it is (offsets into the text)."""

    name: str
    canonical: str
    start: int
    end: int


# --- recognising names ---------------------------------------------------------------------------

_WORD = r"[^\W\d_](?:[^\W_]|&)*"
_TOKEN = re.compile(rf"{_WORD}|\d+|[^\w\s]", re.UNICODE)


@lru_cache(maxsize=65536)
def _key(word: str) -> str:
    """Comparison key of one token (canonical tones, lower case); words repeat, so each is computed once."""
    return canonical_tones(word).lower()


_GRAMMAR = load_lexicon().topic("agency_grammar")


def _words(phrase: str) -> tuple[str, ...]:
    return tuple(_key(w) for w in phrase.split())


def _pattern(words: list[str]) -> str:
    return "|".join(sorted((r"\s+".join(map(re.escape, w.split())) for w in words), key=len, reverse=True))


# Head words of organisations, multi-word heads first; titles of the person answering for one (lexicon).
_ORG_HEADS: tuple[tuple[str, ...], ...] = tuple(_words(h) for h in _GRAMMAR["org_heads"])
_NEEDS_CAPITAL = frozenset(_words(h) for h in _GRAMMAR["needs_capital"])
_LOWER_OK = frozenset(_words(h) for h in _GRAMMAR["lower_ok"])
_LOWER_OK_NAME = _words(_GRAMMAR["lower_ok_name"])
_LOWER_OK_AFTER = frozenset(_key(w) for w in _GRAMMAR["lower_ok_after"])
_ABBREVIATIONS = frozenset(_key(w) for w in _GRAMMAR["abbreviations"])
_TITLES: tuple[tuple[str, ...], ...] = tuple(_words(t) for t in _GRAMMAR["titles"])
_PLACE_IN_NAME = frozenset(_key(w) for w in _GRAMMAR["place_in_name"])
_UNIT_LIST = re.compile(
    r"(?:các|Các)\s+(?:{u})(?:\s*,\s*(?:{u}))*(?:\s+(?:cấp\s+)?(?:{lv}))?(?!\w)".format(
        u=_pattern(_GRAMMAR["unit_nouns"]), lv=_pattern(_GRAMMAR["levels"])
    ),
    re.IGNORECASE,
)
_PLACES = rf"(?:{_pattern(_GRAMMAR['places'])})"
_PLACE_TAIL = re.compile(rf"\s+(?:các\s+)?{_PLACES}(?:\s*,\s*{_PLACES})*(?!\w)|\s+các\s+cấp(?!\w)")
_THREE_PART = re.compile(r"\s*(?:[A-ZĐÀ-Ỹ]\w*(?:\s+[^\W\d_]+){0,3}\s+và\s+[A-ZĐÀ-Ỹ]|[A-ZĐ]+&[A-ZĐ]+)")
_EMULATION = re.compile("|".join(_GRAMMAR["name_fields"]), re.IGNORECASE)
_COLLECTIVES = re.compile("|".join(_GRAMMAR["collectives"]), re.IGNORECASE)
# Lower-case words that end a name: verbs and function words.
_STOP = frozenset(_key(w) for w in _GRAMMAR["name_stop_words"].split())


class _Tok:
    """One token of a sentence; ``is_word`` and ``capital`` are read for every token several times, so they are
    computed once here (a library's facts scan ~400,000 tokens)."""

    __slots__ = ("capital", "end", "is_word", "key", "start", "text")

    def __init__(self, text: str, key: str, start: int, end: int) -> None:
        self.text = text
        self.key = key
        self.start = start
        self.end = end
        self.is_word = text[0].isalpha()
        self.capital = text[0].isupper()


def _by_first(seqs: tuple[tuple[str, ...], ...]) -> dict[str, tuple[tuple[str, ...], ...]]:
    """Sequences grouped by their first word, each group in the given order (longest-first stays first)."""
    out: dict[str, list[tuple[str, ...]]] = {}
    for seq in seqs:
        out.setdefault(seq[0], []).append(seq)
    return {k: tuple(v) for k, v in out.items()}


def _match_seq(toks: Sequence[_Tok], i: int, seqs: dict[str, tuple[tuple[str, ...], ...]]) -> tuple[str, ...] | None:
    """The first of ``seqs`` (grouped by first word) that the tokens from i spell out."""
    for seq in seqs.get(toks[i].key, ()):
        if i + len(seq) <= len(toks) and all(toks[i + k].key == w for k, w in enumerate(seq)):
            return seq
    return None


_ORG_BY_FIRST = _by_first(_ORG_HEADS)
_TITLES_BY_FIRST = _by_first(_TITLES)
_HEAD_WORDS = frozenset(_ORG_BY_FIRST) | frozenset(_TITLES_BY_FIRST)  # no name starts at any other word


def _spells(toks: Sequence[_Tok], i: int, words: tuple[str, ...]) -> bool:
    """Whether the tokens from i spell ``words``."""
    return i + len(words) <= len(toks) and all(toks[i + k].key == w for k, w in enumerate(words))


def _org_head(toks: Sequence[_Tok], i: int) -> tuple[str, ...] | None:
    """The organisation head starting at token i, if the words there really open a name."""
    tok = toks[i]
    if tok.is_word and tok.text.isupper() and len(tok.text) > 1 and tok.key not in _ABBREVIATIONS:
        return (
            None  # an all-caps heading or signature block ("TM. ỦY BAN NHÂN DÂN"), not a name in a sentence
        )
    if i > 0 and toks[i - 1].end == tok.start and toks[i - 1].text in {"-", "/"}:
        return None  # part of a document number ("01/CT-UBND")
    opens_name = tok.is_word and (tok.capital or tok.key in _ABBREVIATIONS)
    after_plural = (tok.key,) in _LOWER_OK and i > 0 and toks[i - 1].key in _LOWER_OK_AFTER
    if not opens_name and not after_plural:
        return None
    seq = _match_seq(toks, i, _ORG_BY_FIRST)
    if seq is None:
        return None
    nxt = i + len(seq)
    if seq in _LOWER_OK:
        return seq if _spells(toks, nxt, _LOWER_OK_NAME) else None
    if seq in _NEEDS_CAPITAL and (nxt >= len(toks) or not toks[nxt].is_word or not toks[nxt].capital):
        return None
    return seq


def _title_head(toks: Sequence[_Tok], i: int) -> tuple[str, ...] | None:
    if not toks[i].is_word or not toks[i].capital:
        return None
    return _match_seq(toks, i, _TITLES_BY_FIRST)


def _extend_name(text: str, toks: Sequence[_Tok], i: int) -> int:
    """Index of the first token after the name body that starts at token i (just after the head)."""
    lower_run = 0
    after_place = False
    n = len(toks)
    while i < n:
        t = toks[i]
        em = _EMULATION.match(text, t.start)
        if em:
            while i < n and toks[i].start < em.end():
                i += 1
            lower_run = 0
            continue
        if t.is_word and (t.capital or t.text.isupper()):
            i += 1
            lower_run = 0
            continue
        if t.is_word:
            if t.key == "và" and not after_place and _split_and(text, toks, i):
                i += 1
                continue
            if t.key in _STOP or after_place:
                break
            if t.key in _PLACE_IN_NAME:
                i += 1
                lower_run = 0
                after_place = True
                continue
            if lower_run >= 3:
                break
            i += 1
            lower_run += 1
            continue
        # punctuation joining name parts
        if t.text in {"-", "–", "&"} and i + 1 < n and toks[i + 1].is_word and toks[i + 1].key not in _STOP:
            if _org_head(toks, i + 1) or _title_head(toks, i + 1):
                break
            i += 1
            continue
        if t.text == "," and i + 1 < n and toks[i + 1].is_word and toks[i + 1].capital:
            # "Sở Văn hóa, Thể thao và Du lịch": a comma inside a three-part name ending in "và X".
            if _org_head(toks, i + 1) or _title_head(toks, i + 1):
                break
            if _THREE_PART.match(text, t.end):
                i += 1
                continue
            break
        break
    return i


def _split_and(text: str, toks: Sequence[_Tok], i: int) -> bool:
    """Whether "và"/"&" at token i joins two name parts ("Thông tin và Truyền thông")."""
    return (
        i + 1 < len(toks)
        and toks[i + 1].is_word
        and toks[i + 1].capital
        and not (_org_head(toks, i + 1) or _title_head(toks, i + 1))
    )


def _scan_org(text: str, toks: Sequence[_Tok], i: int) -> int | None:
    """End token index of an organisation name starting at token i, or None."""
    head = _org_head(toks, i)
    if head is None:
        return None
    j = _extend_name(text, toks, i + len(head))
    # "Ủy ban nhân dân các huyện, thành phố", "Hội đồng Thi đua - Khen thưởng các cấp"
    if j > 0:
        m = _PLACE_TAIL.match(text, toks[j - 1].end)
        if m:
            while j < len(toks) and toks[j].start < m.end():
                j += 1
    return j


def _scan_at(text: str, toks: Sequence[_Tok], i: int) -> int | None:
    """End token index of an agency (titled or not) starting at token i, or None."""
    title = _title_head(toks, i)
    if title is not None:
        j = i + len(title)
        if j >= len(toks):
            return None
        unit = _UNIT_LIST.match(text, toks[j].start)
        if toks[j].key == "các" and j + 1 < len(toks):
            end = _scan_org(text, toks, j + 1)
            if end is not None:
                return end
        if unit:
            k = j
            while k < len(toks) and toks[k].start < unit.end():
                k += 1
            return k
        end = _scan_org(text, toks, j)
        if end is not None:
            return end
        # "Trưởng các Khối thi đua", "Trưởng khối thi đua": a title over a group named in lower case.
        if title[-1:] in _LOWER_OK or (len(title) == 1 and (toks[j].key,) in _LOWER_OK):
            k = j + (0 if title[-1:] in _LOWER_OK else 1)
            if _spells(toks, k, _LOWER_OK_NAME):
                return k + len(_LOWER_OK_NAME)
        return None
    return _scan_org(text, toks, i)


class _Toks:
    """A text's tokens, each made into a ``_Tok`` when first read: a name is only looked for around its head
    words, so most tokens of a sentence are never read (a question reads hundreds of candidate sentences)."""

    __slots__ = ("_keys", "_made", "_matches")

    def __init__(self, matches: list[re.Match[str]], keys: list[str]) -> None:
        self._matches = matches
        self._keys = keys
        self._made: list[_Tok | None] = [None] * len(matches)

    def __len__(self) -> int:
        return len(self._matches)

    def __getitem__(self, i: int) -> _Tok:
        tok = self._made[i]
        if tok is None:
            m = self._matches[i]
            tok = self._made[i] = _Tok(m.group(0), self._keys[i], m.start(), m.end())
        return tok


_GROUP = re.Match.group


def find_agencies(text: str) -> list[AgencyMention]:
    """Every agency named in ``text``, left to right, longest name first, never overlapping."""
    found: list[AgencyMention] = []
    collectives: dict[int, tuple[int, int]] = {}
    for m in _COLLECTIVES.finditer(text):
        collectives.setdefault(m.start(), (m.start(), m.end()))
    matches = list(_TOKEN.finditer(text))
    keys = list(map(_key, map(_GROUP, matches)))
    # A name starts only at a head word or where a collective body starts: the scan jumps between them.
    starts = list(itertools.compress(range(len(keys)), map(_HEAD_WORDS.__contains__, keys)))
    if collectives:
        starts = sorted({*starts, *(i for i, m in enumerate(matches) if m.start() in collectives)})
    if not starts:
        return found  # no name can start anywhere (four sentences in ten): no token objects needed
    toks = _Toks(matches, keys)
    i = 0
    for at in starts:
        if at < i:
            continue  # inside the name found last
        i = at
        start = toks[i].start
        coll = collectives.get(start)
        end_tok = _scan_at(text, toks, i) if toks[i].key in _HEAD_WORDS else None
        if end_tok is not None and end_tok > i:
            end = toks[end_tok - 1].end
            if coll and coll[1] > end:
                end_tok = None
            else:
                name = text[start:end]
                found.append(AgencyMention(name, canonical_agency(name), start, end))
                i = end_tok
                continue
        if coll:
            name = text[coll[0] : coll[1]]
            found.append(AgencyMention(name, canonical_agency(name), coll[0], coll[1]))
            while i < len(toks) and toks[i].start < coll[1]:
                i += 1
            continue
        i += 1
    return found


# --- canonical names -------------------------------------------------------------------------------

# Only spellings of the same body (lexicon); recognition never depends on them.
_ALIAS_RES = tuple((re.compile(p, re.IGNORECASE), r) for p, r in _GRAMMAR["aliases"])
_DISPLAY_NAMES = tuple(
    (re.compile(row["pattern"]), re.compile(row["unless"]) if row.get("unless") else None, row["name"])
    for row in _GRAMMAR["display_name"]
)


@lru_cache(maxsize=16384)
def canonical_agency(name: str) -> str:
    """One display name per agency, whatever the spelling, tone placement or abbreviation (cached: the same
    names recur in every document and candidate sentence)."""
    s = canonical_tones(normalize_spaces(nfc(name)))
    s = re.sub(r"[*_“”\"]", "", s)
    s = " ".join(s.split()).strip(" ,;:.-–()")
    s = s.replace("–", "-")
    s = re.sub(r"\s*-\s*", " - ", s)
    s = re.sub(r"\s*&\s*", "&", s)
    for pat, rep in _ALIAS_RES:
        s = pat.sub(rep, s)
    s = re.sub(r"\s*-\s*", " - ", s)
    if not s:
        return s
    low = fold(s)
    for pattern, unless, display in _DISPLAY_NAMES:
        if pattern.match(low) and not (unless and unless.search(low)):
            return display
    # Province names after "tỉnh" say nothing more inside one directive.
    s = re.sub(r"\btỉnh(?: [A-ZĐÀ-Ỹ][^\s,;]*)+", "tỉnh", s)
    # Components after a hyphen are capitalised in names ("Phát thanh - Truyền hình").
    if not low.startswith("cac "):
        s = re.sub(r" - (\w)", lambda m: " - " + m.group(1).upper(), s)
    # Plural unit lists are common nouns: "các Sở, ban, ngành" -> "các sở, ban, ngành".
    s = re.sub(r"\b(các) (\w+)(?=,)", lambda m: f"{m.group(1)} {m.group(2).lower()}", s, flags=re.IGNORECASE)
    s = re.sub(r"\b(các) (cấp tỉnh)\b", r"\1 \2", s)
    s = re.sub(r"đoàn thể cấp tỉnh$", "đoàn thể tỉnh", s)
    if re.match(r"^Sở\s", s):
        s = re.sub(r"\s+tỉnh$", "", s)
    return s[0].upper() + s[1:]
