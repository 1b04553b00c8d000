"""pyvi's word segmenter and part-of-speech tagger, loaded without scikit-learn.

pyvi's two models are sklearn-crfsuite CRFs, and tagging runs in python-crfsuite alone:
sklearn-crfsuite imports scikit-learn only for an estimator base class, and its own
``compat`` module falls back to a plain class when scikit-learn cannot be imported.
Importing scikit-learn (which imports scipy.stats) takes about 0.75 s, most of what a
first question costs a cold ``thidua ask``.  So pyvi is imported while ``import sklearn``
fails, which takes that fallback: the same pickled models and the same tags, without
scikit-learn.  When scikit-learn is already loaded (a dense model imported it), pyvi is
imported as usual.
"""

from __future__ import annotations

import sys
import threading
from functools import lru_cache
from typing import Any

__all__ = ["pos_tags", "segment"]

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
def _tokenizer() -> Any:
    return _import_pyvi("ViTokenizer")


@lru_cache(maxsize=1)
def _tagger() -> Any:
    return _import_pyvi("ViPosTagger")


def segment(text: str) -> str:
    """pyvi's word segmentation: syllables of one word joined by "_" ("Tỷ_lệ hộ nghèo")."""
    return _tokenizer().tokenize(text)


def pos_tags(segmented: str) -> tuple[list[str], list[str]]:
    """(words, tags) of a segmented text (``segment``'s output), pyvi's tag set ("N", "Np", "V"…)."""
    words, tags = _tagger().postagging(segmented)
    return list(words), [str(t) for t in tags]
