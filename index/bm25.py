"""Lexical retrieval: bm25s over the Vietnamese analyser in ``index.tokenize``.

The BM25 matrix is rebuilt whole whenever the chunk list changes (documents
are numbered by their position in that list), but from stored tokens: only
the chunks of an added or changed document are tokenised again.
"""

from __future__ import annotations

import logging
from collections.abc import Callable, Iterable
from pathlib import Path

import bm25s
import numpy as np

from index.tokenize import tokenize_vi

__all__ = ["LexicalIndex", "tokenize_texts"]

log = logging.getLogger(__name__)
# bm25s forces its own logger to DEBUG, which would print "Building index…" to users.
logging.getLogger("bm25s").setLevel(logging.WARNING)


_EMPTY = "\u2205"


_POOL_FROM = 2000  # texts from which tokenising is spread over the CPU cores (a library's first build)
_BATCH = 500


def _tokenize_batch(texts: list[str]) -> list[list[str]]:
    return [tokenize_vi(t) for t in texts]


def tokenize_texts(texts: list[str], progress: Callable[[int], None] | None = None) -> list[list[str]]:
    """BM25 tokens of each text; ``progress(n)`` as they are done (the slow part of a build)."""
    from corpus.workers import cpu_workers, process_pool

    batches = [texts[i : i + _BATCH] for i in range(0, len(texts), _BATCH)]
    workers = cpu_workers()
    if len(texts) >= _POOL_FROM and workers > 1:
        with process_pool(workers, fresh=True) as pool:
            return _shared(pool.map(_tokenize_batch, batches), progress)
    return _shared(map(_tokenize_batch, batches), progress)


def _shared(batches: Iterable[list[list[str]]], progress: Callable[[int], None] | None) -> list[list[str]]:
    """Tokens with one string per distinct token (a library has ~10 million tokens, few words), batch by batch."""
    seen: dict[str, str] = {}
    out: list[list[str]] = []
    for batch in batches:
        out.extend([seen.setdefault(t, t) for t in toks] for toks in batch)
        if progress is not None:
            progress(len(batch))
    return out


class LexicalIndex:
    """BM25 scores for every chunk position, with an optional candidate mask."""

    def __init__(self, model: bm25s.BM25, size: int) -> None:
        self._model = model
        self.size = size

    @classmethod
    def build(cls, texts: list[str]) -> LexicalIndex:
        return cls.from_tokens(tokenize_texts(texts))

    @classmethod
    def from_tokens(cls, tokens: list[list[str]]) -> LexicalIndex:
        """The index over already tokenised chunks (see ``tokenize_texts``)."""
        model = bm25s.BM25()
        if tokens:
            model.index([t or [_EMPTY] for t in tokens], show_progress=False)  # bm25s needs non-empty documents
        return cls(model, len(tokens))

    def scores(self, query: str) -> np.ndarray:
        """BM25 score of each chunk position (zeros when no query token is known)."""
        if self.size == 0:
            return np.zeros(0, dtype="float32")
        vocab = self._model.vocab_dict
        ids = [vocab[t] for t in tokenize_vi(query) if t in vocab]
        if not ids:
            return np.zeros(self.size, dtype="float32")
        return np.asarray(self._model.get_scores(ids), dtype="float32")

    def top(self, query: str, k: int, allowed: np.ndarray | None = None) -> list[tuple[int, float]]:
        """Best ``k`` (position, score) pairs with a positive score; ``allowed`` is a boolean mask."""
        scores = self.scores(query)
        if allowed is not None:
            scores = np.where(allowed, scores, 0.0)
        positive = np.flatnonzero(scores > 0)
        if len(positive) == 0 or k <= 0:
            return []
        if len(positive) > k:
            part = np.argpartition(-scores[positive], k - 1)[:k]
            positive = positive[part]
        order = positive[np.argsort(-scores[positive], kind="stable")]
        return [(int(i), float(scores[i])) for i in order]

    def save(self, folder: Path) -> None:
        self._model.save(str(folder), show_progress=False)

    @classmethod
    def load(cls, folder: Path, size: int) -> LexicalIndex:
        model = bm25s.BM25.load(str(folder), show_progress=False)
        return cls(model, size)
