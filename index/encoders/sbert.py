"""The sentence-transformers backend: Hugging Face Hub models and local model folders.

Loading is checked cheaply first (local folder, HF cache, offline flag, one
short hub probe) so an offline machine never waits on a download.
"""

from __future__ import annotations

import os
from pathlib import Path

import numpy as np

from index.encoders.base import Encoder, EncoderOptions, EncoderUnavailableError

__all__ = ["SentenceTransformerEncoder", "load", "unavailable_reason"]

_PROBE_TIMEOUT_S = 3.0
_SEGMENTED_MARKERS = ("phobert", "vietnamese-sbert", "sup-simcse-vietnamese")


def _offline() -> bool:
    return any(os.environ.get(k, "").strip().lower() in {"1", "true", "yes", "on"}
               for k in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE"))


def unavailable_reason(model_id: str) -> str | None:
    """Why ``model_id`` cannot be loaded without a long wait, or None if loading may proceed."""
    path = Path(model_id).expanduser()
    if path.exists():
        return None if path.is_dir() else f"'{model_id}' is a file, not a model folder"
    if model_id.startswith((".", "/", "~")) or model_id.count("/") > 1:
        return f"local folder '{model_id}' does not exist"
    try:
        from huggingface_hub import try_to_load_from_cache

        cached = [try_to_load_from_cache(model_id, name) for name in ("modules.json", "config.json")]
    except Exception as exc:  # malformed repo id and the like
        return f"invalid model id '{model_id}': {exc}"
    if any(isinstance(c, str) for c in cached):
        return None
    if _offline():
        return f"'{model_id}' is not in the Hugging Face cache and HF_HUB_OFFLINE is set"
    try:
        from huggingface_hub import model_info

        model_info(model_id, timeout=_PROBE_TIMEOUT_S)
    except Exception as exc:
        return f"'{model_id}' is not cached and the hub is unreachable or has no such model ({type(exc).__name__})"
    return None


class SentenceTransformerEncoder(Encoder):
    """A ``SentenceTransformer`` plus the input conventions of its family (e5 prefixes, pyvi words)."""

    backend = "sentence-transformers"

    def __init__(self, model_id: str, model: object, *, batch_size: int = 16) -> None:
        super().__init__(model_id, batch_size=batch_size)
        self.model = model

    @property
    def _e5(self) -> bool:
        return "e5" in self.model_id.lower()

    @property
    def _segmented(self) -> bool:
        low = self.model_id.lower()
        return any(m in low for m in _SEGMENTED_MARKERS)

    def _embed(self, texts: list[str], *, query: bool) -> np.ndarray:
        if self._segmented:
            from index.wordseg import segment

            texts = [segment(t) for t in texts]
        if self._e5:
            prefix = "query: " if query else "passage: "
            texts = [prefix + t for t in texts]
        return self.model.encode(  # type: ignore[attr-defined]
            texts, batch_size=self.batch_size, normalize_embeddings=True, show_progress_bar=False,
            convert_to_numpy=True,
        )


def load(model_id: str, options: EncoderOptions) -> SentenceTransformerEncoder:
    reason = unavailable_reason(model_id)
    if reason is not None:
        raise EncoderUnavailableError(reason)
    from sentence_transformers import SentenceTransformer

    model = SentenceTransformer(model_id, device=options.device)
    return SentenceTransformerEncoder(model_id, model, batch_size=options.batch_size)
