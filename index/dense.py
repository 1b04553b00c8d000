"""Dense embeddings (sentence-transformers) and the optional cross-encoder, with a fast fallback.

The machines this runs on are often offline.  A model that cannot be loaded
must never block the bot: loading is checked cheaply first (local folder, HF
cache, offline flag, one short hub probe), and on any failure the caller gets
``None`` plus a one-line Vietnamese notice naming the model and the fix.
"""

from __future__ import annotations

import logging
import os
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np

__all__ = ["Encoder", "Reranker", "load_encoder", "load_reranker"]

log = logging.getLogger(__name__)

_PROBE_TIMEOUT_S = 3.0
_SEGMENTED_MARKERS = ("phobert", "vietnamese-sbert", "sup-simcse-vietnamese")


def _offline() -> bool:
    return any(os.environ.get(k, "").strip().lower() in {"1", "true", "yes", "on"}
               for k in ("HF_HUB_OFFLINE", "TRANSFORMERS_OFFLINE"))


def _unavailable_reason(model_id: str) -> str | None:
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


def _notice(kind: str, model_id: str, fallback: str, env: str) -> str:
    return (
        f"Không tải được mô hình {kind} '{model_id}' (ngoại tuyến, chưa có trong bộ nhớ đệm hoặc đường dẫn sai); "
        f"{fallback}. Cách khắc phục: tải mô hình khi có mạng hoặc đặt {env}=<thư mục mô hình>."
    )


@dataclass
class Encoder:
    """A loaded embedding model plus the input conventions of its family."""

    model_id: str
    model: Any
    batch_size: int = 16

    @property
    def _e5(self) -> bool:
        return "e5" in self.model_id.lower()

    @property
    def _segmented(self) -> bool:
        low = self.model_id.lower()
        return any(m in low for m in _SEGMENTED_MARKERS)

    def _prepare(self, texts: list[str], prefix: str) -> list[str]:
        if self._segmented:
            from pyvi import ViTokenizer

            texts = [ViTokenizer.tokenize(t) for t in texts]
        if self._e5:
            texts = [prefix + t for t in texts]
        return texts

    def _encode(self, texts: list[str], progress: bool) -> np.ndarray:
        vecs = self.model.encode(
            texts,
            batch_size=self.batch_size,
            normalize_embeddings=True,
            show_progress_bar=progress,
            convert_to_numpy=True,
        )
        return np.ascontiguousarray(np.asarray(vecs, dtype="float32"))

    def encode_passages(self, texts: list[str], *, progress: bool = False) -> np.ndarray:
        """Unit vectors (n, dim) for chunk texts."""
        return self._encode(self._prepare(list(texts), "passage: "), progress)

    def encode_query(self, text: str) -> np.ndarray:
        """Unit vector (1, dim) for a question."""
        return self._encode(self._prepare([text], "query: "), False)


@dataclass
class Reranker:
    """A loaded cross-encoder: scores (question, passage) pairs jointly."""

    model_id: str
    model: Any
    batch_size: int = 16

    def score(self, query: str, passages: list[str]) -> list[float]:
        if not passages:
            return []
        scores = self.model.predict([(query, p) for p in passages], batch_size=self.batch_size,
                                    show_progress_bar=False)
        return [float(s) for s in np.asarray(scores).reshape(-1)]


def load_encoder(model_id: str, *, device: str = "cpu", batch_size: int = 16) -> tuple[Encoder | None, str | None]:
    """Load an embedding model, or return (None, Vietnamese notice) quickly when it cannot be loaded."""
    reason = _unavailable_reason(model_id)
    if reason is None:
        try:
            from sentence_transformers import SentenceTransformer

            return Encoder(model_id, SentenceTransformer(model_id, device=device), batch_size), None
        except Exception as exc:
            reason = f"{type(exc).__name__}: {exc}"
    log.warning("embedding model unavailable, falling back to BM25: %s", reason)
    return None, _notice("nhúng", model_id, "đang dùng tìm kiếm từ khóa BM25", "THIDUA_EMBEDDING_MODEL")


def load_reranker(model_id: str, *, device: str = "cpu", batch_size: int = 16) -> tuple[Reranker | None, str | None]:
    """Load a cross-encoder, or return (None, Vietnamese notice): ranking then stays as fused."""
    reason = _unavailable_reason(model_id)
    if reason is None:
        try:
            from sentence_transformers import CrossEncoder

            return Reranker(model_id, CrossEncoder(model_id, device=device), batch_size), None
        except Exception as exc:
            reason = f"{type(exc).__name__}: {exc}"
    log.warning("reranker unavailable, keeping the fused ranking: %s", reason)
    return None, _notice("xếp hạng lại", model_id, "đang bỏ qua bước xếp hạng lại", "THIDUA_RERANKER")
