"""Combining rankings: reciprocal-rank fusion of dense and BM25 results.

RRF needs no score calibration between retrievers (cosine and BM25 live on
different scales), only ranks: score(d) = sum over rankings of 1 / (k + rank).
"""

from __future__ import annotations

from collections.abc import Hashable, Sequence

__all__ = ["RRF_K", "reciprocal_rank_fusion"]

RRF_K = 60


def reciprocal_rank_fusion(rankings: Sequence[Sequence[Hashable]], *, k: int = RRF_K) -> list[tuple[Hashable, float]]:
    """Fuse best-first rankings into one best-first list of (item, fused score).

    Ties keep the order in which items were first seen (earlier rankings, better ranks first).
    """
    scores: dict[Hashable, float] = {}
    for ranking in rankings:
        for rank, item in enumerate(ranking, 1):
            scores[item] = scores.get(item, 0.0) + 1.0 / (k + rank)
    return sorted(scores.items(), key=lambda kv: -kv[1])
