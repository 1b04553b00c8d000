"""The Vietnamese analyser behind BM25 (and the answer layer's overlap scoring).

Officials type questions with or without diacritics, with either tone placement
(hoà/hòa, Uỷ/Ủy) and with administrative abbreviations (UBND, TĐKT), while the
documents mix all of these.  So documents and queries go through the same
single token stream:

* syllables: lower case, NFC, canonical tone placement;
* pyvi compounds ("tỷ_lệ", "giai_đoạn") as extra tokens, so a phrase match
  scores above scattered syllables;
* an accent-folded copy of each syllable or compound that has diacritics
  ("ty", "ty_le"), so unaccented input still matches;
* numbers kept whole with a unified decimal mark ("11,41" and "11.41" both
  give "11,41"), codes such as "01/CT-UBND" kept whole plus their parts;
* abbreviations expanded in place while the abbreviation token stays.

One stream (rather than two indexes fused) keeps one BM25 index, one vocabulary
and one score per chunk; an accented query matches both the accented and the
folded copy, so exact spelling ranks above a folded-only match.
"""

from __future__ import annotations

import itertools
import re
from functools import lru_cache

from corpus.lexicon import load_lexicon
from corpus.text import canonical_tones, fold, nfc

__all__ = [
    "ABBREVIATIONS",
    "TOKENIZER_VERSION",
    "equivalent_forms",
    "expand_abbreviations",
    "expanded_pieces",
    "is_abbreviation",
    "one_spelling",
    "tokenize_vi",
]

# Bump when the analyser changes: stored BM25 indexes are then rebuilt.
TOKENIZER_VERSION = 4  # 2: abbreviations written with "Đ" are expanded too; 3: equivalent forms (đô la/USD);
# 4: one spelling for the i/y pairs (tỉ lệ/tỷ lệ, sĩ quan/sỹ quan)

# Abbreviation (as written in documents) -> expansion (canonical tones), from the lexicon.  Variants
# with "&" or without are listed separately; matching is case- and accent-insensitive.
ABBREVIATIONS: dict[str, str] = {row["abbreviation"]: row["expansion"] for row in load_lexicon().topic("abbreviations")}

# Frequent function words that carry no meaning in a question.  Negations,
# "theo", "trong", numbers and question targets are deliberately kept.
_STOPWORDS = frozenset(canonical_tones(w) for w in load_lexicon().topic("stopwords"))
# Unaccented stopwords only where the folded form is not also a content word
# ("la" is "là" but also "Sơn La"; "cho" is also a verb).
_FOLDED_STOPWORDS = frozenset(load_lexicon().topic("stopwords_folded"))

_ABBR_KEYS = {fold(k): v for k, v in ABBREVIATIONS.items()}
# Each abbreviation as typed without marks ("hdnd") and as documents write it ("HĐND"): "đ" is no "d" to the
# expression, so folded keys alone never met the documents' "HĐND", "TĐKT", "LĐTBXH".
_ABBR_FORMS = sorted({*_ABBR_KEYS, *(canonical_tones(k).lower() for k in ABBREVIATIONS)}, key=len, reverse=True)
# Longest first so "UBMTTQ" wins over "MTTQ"; not inside a code such as "01/CT-UBND".
_ABBR_RE = re.compile(
    r"(?<![\w/&-])("
    + "|".join(re.escape(k) for k in _ABBR_FORMS)
    + r")(?![\w/&-])",
    re.IGNORECASE,
)
# Any abbreviation anywhere in a lower-cased text, without the boundary checks: a text without one (most
# clauses) is returned without running ``_ABBR_RE``, whose look-behind is tried at every position.  The keys
# are ASCII, and only these non-ASCII letters match an ASCII letter when case is ignored (Kelvin sign, long s,
# dotted and dotless i): a text holding one of them always takes the full expression.
_ABBR_ANY = re.compile("|".join(re.escape(k) for k in _ABBR_FORMS))
_CASE_TWINS = re.compile("[\u212a\u017f\u0130\u0131]")
_NUMBER = re.compile(r"^\d+(?:[.,]\d+)*$")
_PIECE = re.compile(r"[^\W_]+", re.UNICODE)
_WORDS = re.compile(r"\S+")
# The first word piece of each abbreviation ("tt" of "tt&tt"): a word holding none of them holds none.
_ABBR_HEADS = frozenset(_PIECE.findall(k)[0] for k in _ABBR_FORMS)
_EDGE_PUNCT = "\"'“”‘’()[]{}<>«».,;:!?…*%–—-+/\\|`~=#@^$"
_SENTENCE = re.compile(r"(?<=[.;:!?])\s+|\n+")


def _equivalents() -> tuple[tuple[tuple[str, re.Pattern[str]], ...], dict[str, tuple[str, bool]]]:
    """Each "said" form of ``equivalents.toml`` with its expression (longest first) and, by form, its written
    form and whether it is a number word."""
    forms: dict[str, tuple[str, bool]] = {}
    for row in load_lexicon().topic("equivalents").get("equivalent", ()):
        number = bool(row.get("number", False))
        for said in row.get("said", ()):
            forms[canonical_tones(nfc(said)).lower()] = (row["written"], number)
        for said in row.get("unaccented", ()):
            forms[said.lower()] = (row["written"], number)

    def edged(form: str) -> re.Pattern[str]:
        body = re.escape(form)
        edges = (r"(?<!\w)" if form[0].isalnum() else "", r"(?!\w)" if form[-1].isalnum() else "")
        return re.compile(edges[0] + body + edges[1], re.IGNORECASE)

    return tuple((f, edged(f)) for f in sorted(forms, key=len, reverse=True)), forms


# Each form is first looked for as a plain substring of the lower-cased text (most clauses hold none), and
# its expression run only then; longest forms first, so "đô la Mỹ" is read before "đô la".
_EQUIVALENTS, _EQUIVALENT_FORMS = _equivalents()
_NUMBER_WORDS = frozenset(fold(w) for w in load_lexicon().topic("number_words") if " " not in w)
_LAST_WORD = re.compile(r"([^\W_]+)\W*$")


def _heads() -> tuple[dict[str, tuple[int, ...]], tuple[int, ...]]:
    """Positions in ``_EQUIVALENTS`` by the form's first word piece ("đô" of "đô-la mỹ"), and those of forms that
    start with no letter ("‰").  A form that starts with a letter is matched only at a word start, so it can stand
    in a text only where the text has that piece: a text's pieces pick the few forms worth trying."""
    by_head: dict[str, list[int]] = {}
    always: list[int] = []
    for at, (form, _) in enumerate(_EQUIVALENTS):
        head = _PIECE.match(form) if form[0].isalnum() else None
        if head is None:
            always.append(at)
        else:
            by_head.setdefault(head.group(0), []).append(at)
    return {k: tuple(v) for k, v in by_head.items()}, tuple(always)


_EQUIVALENT_HEADS, _EQUIVALENT_ALWAYS = _heads()
_HEAD_PIECES = frozenset(_EQUIVALENT_HEADS)


def _candidates(low: str, after: int) -> list[int]:
    """Positions (> ``after``) in ``_EQUIVALENTS`` of the forms whose first piece stands in ``low``, in order."""
    found = [*_EQUIVALENT_ALWAYS]
    for head in _HEAD_PIECES.intersection(_PIECE.findall(low)):
        found += _EQUIVALENT_HEADS[head]
    found.sort()
    return found if after < 0 else [at for at in found if at > after]


def equivalent_forms(text: str) -> str:
    """``text`` with each form of ``equivalents.toml`` written as documents write it ("đô la" -> "USD",
    "vạn" -> "10.000"), so the question's words and the clause's are compared alike.  A number word after
    another number ("hai vạn") is left as it is: it is part of that number.

    Only the forms whose first word stands in the text are tried (a clause meets a handful of the lexicon's
    forms, not all of them); a text with a letter that ``lower()`` and the expressions' case rule read apart
    (``_CASE_TWINS``) tries every form, as written."""
    low = text.lower()
    if _CASE_TWINS.search(text):
        order: list[int] = list(range(len(_EQUIVALENTS)))
    else:
        order = _candidates(low, -1)
    i = 0
    while i < len(order):
        at = order[i]
        i += 1
        form, pattern = _EQUIVALENTS[at]
        if form not in low:
            continue
        written, number = _EQUIVALENT_FORMS[form]

        def repl(m: re.Match[str], written: str = written, number: bool = number) -> str:
            if number:
                before = _LAST_WORD.search(m.string[: m.start()])
                if before and (before.group(1).isdigit() or fold(before.group(1)) in _NUMBER_WORDS):
                    return m.group(0)
            return written if m.group(0)[0].isalnum() and m.group(0)[-1].isalnum() else f" {written} "

        changed = pattern.sub(repl, text)
        if changed == text:
            continue
        text = changed
        low = text.lower()
        if not _CASE_TWINS.search(text):  # the written form may bring new words: the rest is picked again
            order, i = _candidates(low, at), 0
        else:
            order, i = list(range(at + 1, len(_EQUIVALENTS))), 0
    return text


def is_abbreviation(word: str) -> bool:
    """Whether ``word`` is a known abbreviation ("UBND", "tdkt"), whatever its case or accents."""
    return fold(word) in _ABBR_KEYS


def expand_abbreviations(text: str) -> str:
    """Write each known abbreviation followed by its expansion: "UBND tỉnh" -> "UBND (ủy ban nhân dân) tỉnh".

    Matching ignores case and diacritics ("ubnd", "TDKT"), so a query typed
    either way meets the expanded document text.
    """

    text = equivalent_forms(nfc(text))
    if _CASE_TWINS.search(text):  # lower() moves or merges these letters: the full expression, as written
        return _ABBR_RE.sub(_spell_out, text)
    # ``_ABBR_RE`` matches only where an abbreviation stands in the lower-cased text: those places are found
    # with ``str.find`` (in C, many times faster over a long article than a scan with look-arounds) and only
    # they are tried, left to right, as ``sub`` would.
    lower = text.lower()
    starts: set[int] = set()
    for form in _ABBR_FORMS:
        at = lower.find(form)
        while at >= 0:
            starts.add(at)
            at = lower.find(form, at + 1)
    out: list[str] = []
    done = 0
    for at in sorted(starts):
        m = _ABBR_RE.match(text, at) if at >= done else None
        if m is not None:
            out += (text[done : m.start()], _spell_out(m))
            done = m.end()
    if not out:
        return text
    out.append(text[done:])
    return "".join(out)


def _spell_out(m: re.Match[str]) -> str:
    expansion = _ABBR_KEYS.get(fold(m.group(1)))
    return f"{m.group(1)} ({expansion})" if expansion else m.group(1)


class _WordPieces(dict):
    """Lower-case word (between spaces) -> the pieces of its abbreviation-expanded text; a library has a few
    hundred thousand distinct words, most met again and again."""

    _LIMIT = 300_000

    def __missing__(self, word: str) -> tuple[str, ...]:
        pieces = _PIECE.findall(word)
        if not _ABBR_HEADS.isdisjoint(pieces):
            pieces = _PIECE.findall(expand_abbreviations(word).lower())
        value = tuple(pieces)
        if len(self) < self._LIMIT:
            self[word] = value
        return value


_WORD_PIECES = _WordPieces()


def expanded_pieces(text: str) -> list[str]:
    """``[^\\W_]+`` runs of ``expand_abbreviations(text).lower()``, computed word by word from a cache.

    The answer layer splits thousands of candidate texts per question; a word's pieces are looked up
    instead of running the abbreviation expression over every text.  Word by word is the same: an
    abbreviation never spans a space and is matched only between non-word characters, and a space is one.
    """
    text = equivalent_forms(nfc(text))
    if _CASE_TWINS.search(text):  # lower() changes these letters' matching: the whole text, as written
        return _PIECE.findall(expand_abbreviations(text).lower())
    return list(itertools.chain.from_iterable(map(_WORD_PIECES.__getitem__, text.lower().split())))


def _segment(sentence: str) -> list[str]:
    """pyvi's compounds (words of several syllables) in one sentence."""
    from index.wordseg import segment

    return [w for w in segment(sentence).split() if "_" in w]


def _number_tokens(word: str) -> list[str]:
    unified = word.replace(".", ",")
    return [unified] if unified == word else [unified, word]


def _word_tokens(word: str) -> list[str]:
    """Tokens of one whitespace-separated word (already lower case, canonical tones)."""
    word = word.strip(_EDGE_PUNCT)
    if not word:
        return []
    if _NUMBER.match(word):
        return _number_tokens(word)
    pieces = _PIECE.findall(word)
    if len(pieces) > 1 and any(ch.isdigit() for ch in word):
        # A code ("01/ct-ubnd", "2021-2025"): keep it whole as well as its parts.
        return [word, *pieces]
    return pieces


_fold_token = lru_cache(maxsize=131072)(fold)  # compounds are emitted per sentence; their words repeat


# A final "y" right after a consonant is the syllable's only vowel, which Vietnamese writes "i" as well (kí/ký, tỉ/tỷ,
# bác sĩ/bác sỹ, Mĩ/Mỹ): read as "i" on both sides, the two spellings are one word.  Not "uy", "ay" (other vowels).
_Y_AFTER_CONSONANT = re.compile(r"(?<=[bcdghklmnpqrstvxđ])([yýỳỷỹỵ])(?![^\W_])")
_Y_TO_I = str.maketrans("yýỳỷỹỵ", "iíìỉĩị")


def one_spelling(word: str) -> str:
    """``word`` (lower case) with a syllable's lone final "y" written "i": "tỷ_lệ" -> "tỉ_lệ", "ky" -> "ki"."""
    return _Y_AFTER_CONSONANT.sub(lambda m: m.group(1).translate(_Y_TO_I), word) if "y" in word or not word.isascii() else word


def _emit(tokens: list[str], out: list[str]) -> None:
    for tok in tokens:
        if tok in _STOPWORDS:
            continue
        tok = one_spelling(tok)
        folded = _fold_token(tok)
        if folded == tok:
            if tok.isascii() and tok in _FOLDED_STOPWORDS:
                continue
            out.append(tok)
        else:
            out.append(tok)
            out.append(folded)


@lru_cache(maxsize=131072)
def _word_out(word: str) -> tuple[str, ...]:
    """Tokens of one whitespace-separated word (cached: a library has ~10 million words, ~100,000 distinct)."""
    out: list[str] = []
    _emit(_word_tokens(word), out)
    return tuple(out)


@lru_cache(maxsize=65536)
def _compound_out(sentence: str) -> tuple[str, ...]:
    """Compound tokens of one sentence (cached: chunks overlap, and directives repeat boilerplate)."""
    out: list[str] = []
    _emit(_segment(sentence), out)
    return tuple(out)


def tokenize_vi(text: str, *, compounds: bool = True) -> list[str]:
    """BM25 tokens of a document or a query (same analyser for both).

    ``compounds=False`` skips pyvi segmentation, for callers that only need
    syllable overlap and want it cheaper.
    """
    if not text:
        return []
    norm = canonical_tones(expand_abbreviations(text)).lower()
    out: list[str] = []
    for word in _WORDS.findall(norm):
        out += _word_out(word)
    if compounds:
        for sentence in _SENTENCE.split(norm):
            sentence = sentence.strip()
            if sentence:
                out += _compound_out(sentence)
    return out
