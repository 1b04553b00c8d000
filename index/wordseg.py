"""pyvi's word segmenter and part-of-speech tagger, loaded without scikit-learn.

pyvi's two models are sklearn-crfsuite CRFs, and tagging runs in python-crfsuite alone:
sklearn-crfsuite imports scikit-learn only for an estimator base class, and its own
``compat`` module falls back to a plain class when scikit-learn cannot be imported.
Importing scikit-learn (which imports scipy.stats) takes about 0.75 s, most of what a
first question costs a cold ``thidua ask``.  So pyvi is imported while ``import sklearn``
fails, which takes that fallback: the same pickled models and the same tags, without
scikit-learn.  When scikit-learn is already loaded (a dense model imported it), pyvi is
imported as usual.

``segment`` is pyvi's ``ViTokenizer.tokenize`` with the features built faster, for the same words: pyvi
builds one dict of 15 features per syllable (half of a library build's segmentation time), most of them
false booleans, which CRFsuite multiplies by 0.  Here each syllable's own features are made once per
distinct syllable, and only the true ones are passed, in pyvi's order, so every score and tag is the same.
That reads pyvi's internals (``sylabelize``, ``model.tagger_``, ``bi_grams``, ``tri_grams``); a pyvi without
them (or one that cannot be imported without scikit-learn) is used through its public
``ViTokenizer.tokenize`` instead, said once in the log: the same words, at pyvi's own speed.
"""

from __future__ import annotations

import importlib
import logging
import string
import sys
import threading
from collections.abc import Callable
from functools import lru_cache
from typing import Any

__all__ = ["pos_tags", "segment", "segment_folded"]

log = logging.getLogger(__name__)

_LOCK = threading.Lock()


def _import_pyvi(name: str) -> Any:
    """``pyvi.<name>``'s class, imported with scikit-learn out of reach when it is not loaded yet."""
    with _LOCK:
        blocked = "sklearn" not in sys.modules
        if blocked:
            sys.modules["sklearn"] = None  # type: ignore[assignment]  # `import sklearn` -> ImportError
        try:
            module = __import__(f"pyvi.{name}", fromlist=[name])
        finally:
            if blocked and sys.modules.get("sklearn", 0) is None:
                del sys.modules["sklearn"]
    return getattr(module, name)


@lru_cache(maxsize=1)
def _segmenter() -> Callable[[str], str]:
    """How ``segment`` segments: over pyvi's internals when they are there, else pyvi's public tokenizer."""
    try:
        tok = _import_pyvi("ViTokenizer")
        tok.sylabelize, tok.model.tagger_.tag, tok.bi_grams, tok.tri_grams  # noqa: B018 (what _fast reads)
    except (AttributeError, ImportError) as exc:
        log.warning("pyvi's internals are not usable (%s: %s); segmenting words with its public "
                    "ViTokenizer.tokenize (the same words, slower)", type(exc).__name__, exc)
        return importlib.import_module("pyvi.ViTokenizer").tokenize
    return lambda text: _fast(tok, text)


@lru_cache(maxsize=1)
def _tagger() -> Any:
    """pyvi's tagger, imported like the segmenter (without scikit-learn, or plainly when that fails)."""
    try:
        return _import_pyvi("ViPosTagger")
    except ImportError as exc:
        log.warning("pyvi's tagger needs its usual import (%s: %s)", type(exc).__name__, exc)
        return importlib.import_module("pyvi.ViPosTagger").ViPosTagger


@lru_cache(maxsize=65536)
def _features(syllable: str) -> tuple[tuple[bytes, ...], tuple[bytes, ...], tuple[bytes, ...]]:
    """pyvi's true features of one syllable, as the current, the previous and the next syllable (UTF-8, as
    CRFsuite reads them: encoded once per distinct syllable rather than once per use)."""
    low = syllable.lower().encode("utf-8")
    upper, title = syllable.isupper(), syllable.istitle()
    own = (b"bias", b"word.lower():" + low, *((b"word.isupper()",) if upper else ()),
           *((b"word.istitle()",) if title else ()), *((b"word.isdigit()",) if syllable.isdigit() else ()))
    prev = (b"-1:word.lower():" + low, *((b"-1:word.istitle()",) if title else ()),
            *((b"-1:word.isupper()",) if upper else ()))
    nxt = (b"+1:word.lower():" + low, *((b"+1:word.istitle()",) if title else ()),
           *((b"+1:word.isupper()",) if upper else ()))
    return own, prev, nxt


def _sequence(syllables: list[str], bi_grams: set[str], tri_grams: set[str]) -> list[list[bytes]]:
    """CRFsuite items of a sentence: pyvi's ``sent2features`` without its features that are false."""
    n = len(syllables)
    feats = [_features(w) for w in syllables]
    low = [w.lower() for w in syllables]
    # bi[i]: syllables i-1, i form a known two-syllable word; tri[i]: syllables i-2 .. i a three-syllable one
    bi = [False, *(f"{low[i - 1]} {low[i]}" in bi_grams for i in range(1, n))]
    tri = [False, False, *(f"{low[i - 2]} {low[i - 1]} {low[i]}" in tri_grams for i in range(2, n))]
    items = []
    for i in range(n):
        item = list(feats[i][0])
        if i > 0:
            item += feats[i - 1][1]
            if bi[i]:
                item.append(b"-1:word.bi_gram()")
            if i > 1 and tri[i]:
                item.append(b"-2:word.tri_gram()")
        if i < n - 1:
            item += feats[i + 1][2]
            if bi[i + 1]:
                item.append(b"+1:word.bi_gram()")
            if i < n - 2 and tri[i + 2]:
                item.append(b"+2:word.tri_gram()")
        items.append(item)
    return items


def segment(text: str) -> str:
    """pyvi's word segmentation: syllables of one word joined by "_" ("Tỷ_lệ hộ nghèo")."""
    return _segmenter()(text)


def _fast(tok: Any, text: str) -> str:
    """``ViTokenizer.tokenize`` over pyvi's internals, with only the true features built (see above)."""
    _, syllables = tok.sylabelize(text)
    if not syllables:
        return text
    labels = tok.model.tagger_.tag(_sequence(syllables, tok.bi_grams, tok.tri_grams))
    out = [syllables[0]]
    punct = string.punctuation
    for i in range(1, len(labels)):
        cur, prev = syllables[i], syllables[i - 1]
        joined = (labels[i] == "I_W" and cur not in punct and prev not in punct and not cur[0].isdigit()
                  and not prev[0].isdigit() and not (cur[0].istitle() and not prev[0].istitle()))
        out.append("_" if joined else " ")
        out.append(cur)
    return "".join(out)


def pos_tags(segmented: str) -> tuple[list[str], list[str]]:
    """(words, tags) of a segmented text (``segment``'s output), pyvi's tag set ("N", "Np", "V"…)."""
    words, tags = _tagger().postagging(segmented)
    return list(words), [str(t) for t in tags]


@lru_cache(maxsize=1)
def _folded_words() -> frozenset[str]:
    """pyvi's two- and three-syllable words, accent-folded ("thi dua", "co quan", "luong co so" is none)."""
    from corpus.text import fold

    tok = _import_pyvi("ViTokenizer")
    return frozenset(fold(w) for w in (*tok.bi_grams, *tok.tri_grams))


@lru_cache(maxsize=4096)
def segment_folded(text: str) -> str:
    """Words of a text typed without diacritics, as ``segment`` writes them ("co_quan nao tong_hop"): pyvi's
    model reads unaccented syllables as unknown words, so its dictionary is matched instead, longest first
    from the left (three syllables, then two), on the folded syllables."""
    from corpus.text import fold

    words = _folded_words()
    sylls = text.split()
    keys = [fold(x) for x in sylls]
    out: list[str] = []
    i = 0
    while i < len(sylls):
        for n in (3, 2, 1):
            if n == 1 or (i + n <= len(sylls) and " ".join(keys[i : i + n]) in words):
                out.append("_".join(sylls[i : i + n]))
                i += n
                break
    return " ".join(out)
