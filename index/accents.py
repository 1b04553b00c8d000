"""Putting the diacritics back on a question typed without them, for the embedding model only.

BM25 matches "ty le ho ngheo" through its folded tokens, but multilingual-e5-small reads unaccented
Vietnamese as another language, and one folded syllable stands for many words: "ho" is hộ, hồ, họ or
hổ.  The neighbouring syllables decide, and the chunks that BM25 finds for the question are where the
same phrase is written with its marks ("hộ nghèo" in the clause about poor households).  So, from the
left, the longest run of up to three syllables is spelled

1. as the lexicon's question phrases say (``corpus/lexicon/question_spellings.txt``: "ai ký", "bao
   nhiêu", "cơ quan nào": the question's own words, which the chunks rarely hold);
2. else as it is most often written in the context chunks (the best BM25 hits);
3. else, for one syllable, as it is most often written in the whole index (BM25's vocabulary with
   the number of chunks holding each token), unless its plain spelling is common there itself.

Nothing is guessed for a word no source knows; digits, codes and punctuation pass through unchanged,
and a question typed with any mark is left as typed.

The model must read some spelling, so a syllable the chunks spell two ways takes the commoner.  Keyword search
can read the folded word itself, which matches every spelling; it asks for no spelling the context leaves
undecided (``restore(..., decided_only=True)``): a word the best hits spell two ways about equally often stays
as typed.  "con muc 3" after a question on levels keeps "muc" when the hits write "Mức 3"
as often as "Mục A": respelled "mục 3", the search took an appendix's "Mục A" row for the level asked.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Mapping

from corpus.text import canonical_tones, fold, has_diacritics

__all__ = ["AccentRestorer", "has_diacritics"]

_SYLLABLE = re.compile(r"[^\W\d_]+", re.UNICODE)
_LONGEST = 3


def _runs(text: str) -> list[list[re.Match[str]]]:
    """Syllables in runs separated only by spaces (a phrase never spans punctuation or digits)."""
    runs: list[list[re.Match[str]]] = []
    last_end = None
    for m in _SYLLABLE.finditer(text):
        if last_end is None or text[last_end:m.start()].strip():
            runs.append([])
        runs[-1].append(m)
        last_end = m.end()
    return runs


def _key(words: Iterable[str]) -> str:
    return "_".join(fold(w) for w in words)


class AccentRestorer:
    """Spellings of folded phrases: the lexicon's, and the index's most frequent accented words."""

    def __init__(self, words: Mapping[str, str], phrases: Iterable[str] = ()) -> None:
        self._words = dict(words)
        self._phrases = {_key(p.split()): "_".join(p.lower().split()) for p in phrases if p.strip()}

    @classmethod
    def from_frequencies(cls, frequencies: Iterable[tuple[str, int]], phrases: Iterable[str] = (), *,
                         plain_share: float = 0.5) -> AccentRestorer:
        """From (token, chunks containing it) pairs, accented and folded tokens alike (BM25's vocabulary).

        A one-syllable folded key takes its most frequent accented form when that form occurs in at least
        ``1 - plain_share`` of the chunks holding the folded token (the rest hold the plain spelling or
        other forms: "theo" stays "theo").
        """
        plain: dict[str, int] = {}
        accented: dict[str, tuple[str, int]] = {}
        for token, count in frequencies:
            if not token or "_" in token or any(ch.isdigit() for ch in token):
                continue
            key = fold(token)
            if key == token:
                plain[key] = max(plain.get(key, 0), count)
            elif count > accented.get(key, ("", -1))[1]:
                accented[key] = (token, count)
        words = {key: word for key, (word, count) in accented.items()
                 if count >= (1.0 - plain_share) * plain.get(key, count)}
        return cls(words, phrases)

    def restore(self, text: str, context: Iterable[str] = (), *, decided_only: bool = False) -> str:
        """``text`` with its unaccented words spelled as the lexicon, then ``context``, then the index write them.

        ``decided_only``: a word the context spells two ways about equally often (no spelling holds more than half
        of its occurrences there) stays as typed; the index-wide counts speak only for words the context lacks."""
        if has_diacritics(text):
            return text
        runs = _runs(text)
        wanted = {_key(w.group(0) for w in run[i:i + n])
                  for run in runs for n in range(1, _LONGEST + 1) for i in range(len(run) - n + 1)}
        local = _local_spellings(context, wanted, majority=decided_only)
        out: list[str] = []
        cursor = 0
        for run in runs:
            i = 0
            while i < len(run):
                n, spelled = self._longest(run, i, local)
                for w, part in zip(run[i:i + n], spelled, strict=True):
                    out.append(text[cursor:w.start()])
                    out.append(_like(w.group(0), part))
                    cursor = w.end()
                i += n
        out.append(text[cursor:])
        return "".join(out)

    def _longest(self, run: list[re.Match[str]], i: int, local: Mapping[str, str | None]) -> tuple[int, list[str]]:
        for n in range(min(_LONGEST, len(run) - i), 0, -1):
            key = _key(w.group(0) for w in run[i:i + n])
            found = self._phrases.get(key)
            if found is None and (found := local.get(key, "")) is None and n == 1:
                return 1, [run[i].group(0)]  # the context spells it two ways: undecided, as typed
            if found and len(parts := found.split("_")) == n:
                return n, parts
        typed = run[i].group(0)
        return 1, [self._words.get(typed.lower(), typed)]


def _local_spellings(context: Iterable[str], wanted: set[str], *, majority: bool = False) -> dict[str, str | None]:
    """Most frequent spelling, in ``context``, of each folded phrase in ``wanted`` (plain spellings count too);
    with ``majority``, None for a phrase whose commonest spelling holds no more than half of its occurrences."""
    counts: dict[str, Counter[str]] = {}
    firsts = {key.split("_", 1)[0] for key in wanted}  # a phrase of the question starts with one of these
    for text in context:
        for run in _runs(canonical_tones(text).lower()):
            words = [m.group(0) for m in run]
            folded = [fold(w) for w in words]  # once per word, not once per phrase holding it
            for i, first in enumerate(folded):
                if first not in firsts:
                    continue
                for n in range(1, min(_LONGEST, len(words) - i) + 1):
                    key = "_".join(folded[i:i + n])
                    if key in wanted:
                        c = counts.get(key)
                        if c is None:
                            c = counts[key] = Counter()
                        c["_".join(words[i:i + n])] += 1
    best = {key: c.most_common(1)[0] for key, c in counts.items()}
    return {key: word if not majority or 2 * n > counts[key].total() else None for key, (word, n) in best.items()}


def _like(typed: str, word: str) -> str:
    """``word`` in the case the user typed ("Son" → "Sơn", "UBND" stays upper)."""
    if typed.isupper() and len(typed) > 1:
        return word.upper()
    if typed[:1].isupper():
        return word[:1].upper() + word[1:]
    return word
