"""Vietnamese text primitives shared by every layer.

Search and matching must not depend on how a typist placed tone marks (``hoà``
vs ``hòa``, ``Uỷ`` vs ``Ủy``) or whether they typed diacritics at all, while
displayed text must stay exactly as the document wrote it.  So: ``nfc`` for
everything stored, ``canonical_tones`` and ``fold`` only for keys.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

__all__ = [
    "canonical_tones",
    "compare_key",
    "fold",
    "has_diacritics",
    "match_key",
    "nfc",
    "normalize_spaces",
    "strip_controls",
    "strip_tones",
    "tone_variants",
    "unmarked",
    "whole_words",
]

# Combining tone marks (after NFD): grave, acute, hook above, tilde, dot below.
_TONES = {"\u0300", "\u0301", "\u0309", "\u0303", "\u0323"}
# Base vowels, and those carrying a vowel diacritic (breve, circumflex, horn) after NFD.
_VOWELS = set("aeiouyAEIOUY")
_MODIFIERS = {"\u0306", "\u0302", "\u031b"}  # breve, circumflex, horn
_WORD = re.compile(r"[^\W\d_]+", re.UNICODE)
_SPACES = re.compile(r"[ \t\u00a0\u2000-\u200b\u202f\u205f\u3000]+")


def nfc(text: str) -> str:
    """Unicode NFC: the one form we store and compare."""
    return unicodedata.normalize("NFC", text)


@lru_cache(maxsize=16384)
def whole_words(phrase: str, flags: int = 0) -> re.Pattern[str]:
    """``phrase``, read literally, where it stands as whole words (no letter or digit touching it), compiled once:
    a question meets a few hundred such phrases (places, cues, names), more than ``re``'s own cache keeps, and a
    compile costs more than the search."""
    return re.compile(rf"(?<!\w){re.escape(phrase)}(?!\w)", flags)


def normalize_spaces(text: str) -> str:
    """Fold tabs, non-breaking and other odd spaces into one ASCII space."""
    return _SPACES.sub(" ", text)


def _syllable_units(word: str) -> list[tuple[str, set[str]]]:
    """Split an NFD word into base letters with their combining marks."""
    units: list[tuple[str, set[str]]] = []
    for ch in unicodedata.normalize("NFD", word):
        if unicodedata.combining(ch) and units:
            units[-1][1].add(ch)
        else:
            units.append((ch, set()))
    return units


@lru_cache(maxsize=65536)
def _place_tone(word: str) -> str:
    units = _syllable_units(word)
    tone = None
    for _, marks in units:
        found = marks & _TONES
        if found:
            tone = next(iter(found))
            marks -= _TONES
    if tone is None:
        return word
    # Locate the vowel cluster, treating the u of "qu" and the i of "gi" as consonants.
    lower = "".join(base.lower() for base, _ in units)
    start = 0
    while start < len(units) and units[start][0] not in _VOWELS:
        start += 1
    if start < len(units) and start > 0:
        prefix = lower[start - 1 : start + 1]
        if prefix == "qu" or (prefix == "gi" and start + 1 < len(units) and units[start + 1][0] in _VOWELS):
            start += 1
    end = start
    while end < len(units) and units[end][0] in _VOWELS:
        end += 1
    cluster = list(range(start, end))
    if not cluster:
        units[-1][1].add(tone)
    else:
        modified = [i for i in cluster if units[i][1] & _MODIFIERS]
        has_final = end < len(units)
        if modified:
            target = modified[-1]
        elif has_final or len(cluster) == 1:
            target = cluster[-1]
        elif len(cluster) >= 3:
            target = cluster[1]
        else:
            target = cluster[0]
        units[target][1].add(tone)
    out = []
    for base, marks in units:
        # Canonical combining order: vowel modifier first, then the tone.
        out.append(base + "".join(sorted(marks, key=lambda m: (m in _TONES, m))))
    return unicodedata.normalize("NFC", "".join(out))


def canonical_tones(text: str) -> str:
    """Put every tone mark where the traditional rule puts it (hoà → hòa, Uỷ → Ủy, khoẻ → khỏe).

    Both placements are correct Vietnamese and both occur in our documents,
    so keys built from either must be equal.
    """
    text = nfc(text)
    words = _WORD.findall(text)
    toned = list(map(_TONED.__getitem__, words))
    if toned == words:
        return text  # most texts already place every mark so (or carry none): nothing is rebuilt
    out: list[str] = [""] * (2 * len(words) + 1)
    out[0::2] = _WORD.split(text)  # what stands between the words, as the words were found
    out[1::2] = toned
    return "".join(out)


class _Toned(dict):
    """Word -> ``_place_tone(word)``, filled as words are met and looked up without a Python call once known: a
    long article is put in canonical tones word by word, and a library has a few hundred thousand distinct words."""

    _LIMIT = 300_000

    def __missing__(self, word: str) -> str:
        toned = _place_tone(word)
        if len(self) < self._LIMIT:
            self[word] = toned
        return toned


_TONED = _Toned()


def strip_tones(text: str) -> str:
    """Remove only the tone marks, keeping ă â ê ô ơ ư đ."""
    decomposed = unicodedata.normalize("NFD", text)
    return unicodedata.normalize("NFC", "".join(ch for ch in decomposed if ch not in _TONES))


class _Folded(dict):
    """Each character's folded form, worked out the first time the character is met: ``str.translate``
    then folds a text in one pass in C, and characters outside Vietnamese (any script) fold exactly as
    their own canonical decomposition says."""

    def __missing__(self, code: int) -> str:
        parts = unicodedata.normalize("NFD", chr(code))
        folded = "".join(ch for ch in parts if not unicodedata.combining(ch)).replace("đ", "d")
        self[code] = folded
        return folded


_FOLDED = _Folded()


@lru_cache(maxsize=65536)
def _fold_short(text: str) -> str:
    return text.lower().translate(_FOLDED)


def fold(text: str) -> str:
    """Lower-case and drop every diacritic (đ → d): how people type without a Vietnamese keyboard.

    Questions fold the same words and sentence parts of candidate clauses again and again (a third of
    the time of an answer), so short texts are remembered; long ones are folded each time."""
    if len(text) <= _SHORT_TEXT:
        return _fold_short(text)
    return text.lower().translate(_FOLDED)


def unmarked(text: str) -> str:
    """``text`` without diacritics, its letters' case kept ("Lệ phí cấp lại thẻ ABTC" -> "Le phi cap lai the ABTC"):
    a question completed with words typed without marks is read as typed without them."""
    return text.translate(_FOLDED).replace("Đ", "D")


def has_diacritics(text: str) -> bool:
    """Whether anything in ``text`` carries a Vietnamese mark (or đ): typed with them, a question is read
    with them ("chi" of "mức chi" is no "chỉ"); typed without, folded."""
    return fold(text) != text.lower()


def compare_key(text: str, accented: bool) -> str:
    """How a phrase is compared with a question: lower case with canonical tone marks when the question was
    typed with diacritics (``has_diacritics``), else accent-folded like it."""
    return canonical_tones(text).lower() if accented else fold(text)


_SHORT_TEXT = 256  # folded texts up to this length are remembered (at most 65,536 of them: a few MB)


def match_key(text: str) -> str:
    """Key for comparing names and phrases: NFC, canonical tones, lower case, single spaces."""
    return " ".join(canonical_tones(normalize_spaces(text)).lower().split())


_OLD_STYLE = re.compile(r"(?i)(?<![qg])([oòóỏõọ][aăe]|[uùúủũụ]y)(?!\w)")


def tone_variants(text: str) -> set[str]:
    """Both tone placements of ``text`` ("Khánh Hòa" -> {"Khánh Hòa", "Khánh Hoà"}), NFC.

    Offices type either; a name list only needs one, the other is derived.
    """
    canonical = canonical_tones(text)
    out = {nfc(text), canonical}

    def _move(m: re.Match[str]) -> str:
        pair = unicodedata.normalize("NFD", m.group(1))
        tones = [ch for ch in pair if ch in _TONES]
        if not tones:
            return m.group(1)
        bare = "".join(ch for ch in pair if ch not in _TONES)
        return nfc(bare + tones[0])  # tone on the last vowel: "hoà", "uỷ"

    out.add(_OLD_STYLE.sub(_move, canonical))
    return out


# Terminal escape sequences (CSI "ESC [ … m", OSC "ESC ] … BEL" that retitles a terminal, two-byte
# escapes), C0/C1 control characters other than tab, newline, carriage return and form feed, and
# <script>/<style> blocks pasted from web pages: none of them is text a document quotes.
_CONTROLS = re.compile(
    r"\x1b\[[0-?]*[ -/]*[@-~]"
    r"|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)?"
    r"|\x1b[PX^_][^\x1b]*(?:\x1b\\)?"
    r"|\x1b[@-Z\\-_]?"
    r"|\x9b[0-?]*[ -/]*[@-~]"
    r"|[\x00-\x08\x0b\x0e-\x1f\x7f-\x9f]"
    r"|<(script|style)\b[^>]{0,500}>.{0,20000}?</\1\s*>",
    re.IGNORECASE | re.DOTALL,
)


def strip_controls(text: str) -> str:
    """Remove terminal escape/control sequences and script blocks so they never reach an answer."""
    return _CONTROLS.sub("", text)
