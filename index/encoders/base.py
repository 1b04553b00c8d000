"""What every embedding backend provides: unit vectors for passages and for questions.

Backends differ only in how a batch of texts becomes vectors (``_embed``);
normalisation, the empty case and a small cache of question vectors (a chat
or an evaluation asks the same words many times) live here once.
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Iterable
from dataclasses import dataclass

import numpy as np

from corpus.errors import ThiduaError

__all__ = ["Encoder", "EncoderOptions", "EncoderUnavailableError"]

_QUERY_CACHE = 1024


class EncoderUnavailableError(ThiduaError):
    """A backend cannot load this model here (missing package, no cache, offline, bad path)."""


@dataclass(frozen=True)
class EncoderOptions:
    """How to run a model: device (sentence-transformers), batch size, CPU threads (None = every core)."""

    device: str = "cpu"
    batch_size: int = 16
    threads: int | None = None


class Encoder:
    """A loaded embedding model; subclasses implement ``_embed`` for one batch."""

    backend = "base"

    def __init__(self, model_id: str, *, batch_size: int = 16) -> None:
        self.model_id = model_id
        self.batch_size = batch_size
        self._queries: OrderedDict[str, np.ndarray] = OrderedDict()

    def _embed(self, texts: list[str], *, query: bool) -> np.ndarray:
        raise NotImplementedError

    def _vectors(self, texts: list[str], *, query: bool) -> np.ndarray:
        vecs = np.asarray(self._embed(texts, query=query), dtype="float32").reshape(len(texts), -1)
        norms = np.linalg.norm(vecs, axis=1, keepdims=True)
        return np.ascontiguousarray(vecs / np.maximum(norms, 1e-12), dtype="float32")

    def encode_passages(self, texts: Iterable[str], *, progress: bool = False) -> np.ndarray:
        """Unit vectors (n, dim) for chunk texts, in one call (batching is the caller's: index.embedding)."""
        texts = list(texts)
        if not texts:
            return np.empty((0, 0), dtype="float32")
        return self._vectors(texts, query=False)

    def encode_query(self, text: str) -> np.ndarray:
        """Unit vector (1, dim) for a question; recent questions come from a small cache."""
        hit = self._queries.get(text)
        if hit is None:
            hit = self._vectors([text], query=True)
            self._queries[text] = hit
            if len(self._queries) > _QUERY_CACHE:
                self._queries.popitem(last=False)
        else:
            self._queries.move_to_end(text)
        return hit
