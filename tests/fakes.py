"""Shared fakes for tests (one module, extended by whoever needs a fake)."""

from __future__ import annotations

import hashlib

import numpy as np

from index.encoders import Encoder

__all__ = ["FakeEncoder"]


class FakeEncoder(Encoder):
    """Deterministic bag-of-words vectors (dimension 64): texts sharing words are close.

    ``fail_after`` raises KeyboardInterrupt on that many-th call, like a user pressing Ctrl-C mid-build.
    """

    backend = "fake"

    def __init__(self, model_id: str = "fake/encoder", *, batch_size: int = 4, fail_after: int | None = None):
        super().__init__(model_id, batch_size=batch_size)
        self.fail_after = fail_after
        self.calls: list[list[str]] = []

    def _embed(self, texts: list[str], *, query: bool) -> np.ndarray:
        if not query:
            if self.fail_after is not None and len(self.calls) >= self.fail_after:
                raise KeyboardInterrupt
            self.calls.append(list(texts))
        out = np.zeros((len(texts), 64), dtype="float32")
        for row, text in enumerate(texts):
            for word in text.lower().split():
                out[row, int(hashlib.md5(word.encode("utf-8")).hexdigest(), 16) % 64] += 1.0
        out[:, 0] += 1e-3  # never a zero vector
        return out

    @property
    def embedded(self) -> int:
        return sum(len(c) for c in self.calls)
