"""Combining the BM25 and dense rankings into one, with weights tuned on the dev questions.

Two ways are offered because they fail differently: reciprocal-rank fusion
needs no calibration between cosine and BM25 scales but treats a weak dense
top hit like a strong one; a mix of min-max normalised scores keeps how far
ahead a hit is.  ``FusionTuning`` holds the numbers, chosen with
scripts/tune_fusion.py on the DEV split only (bundled multilingual-e5-small,
five directives; 30 candidates: RRF k 10/60, dense weight 0.25-1, dense
depth 10/50, score mix, gate margin 0.1-0.35).  On dev every good candidate
ties on recall@5 (0.909) and answer accuracy (0.955); the gate keeps BM25's
recall@1 (0.836, plain RRF 0.818) and mrr@10 while dense still fixes the
paraphrases BM25 misses, so it is the default.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Literal

__all__ = ["RRF_K", "FusionMethod", "FusionTuning", "fuse", "reciprocal_rank_fusion"]

RRF_K = 60
FusionMethod = Literal["rrf", "mix", "gate"]


@dataclass(frozen=True)
class FusionTuning:
    """How hybrid search weighs its two retrievers (recorded in each evaluation report)."""

    method: FusionMethod = "gate"
    rrf_k: int = 10
    bm25_weight: float = 1.0
    dense_weight: float = 0.5
    #: only the best ``dense_depth`` dense candidates take part (deep dense ranks are mostly noise)
    dense_depth: int = 10
    #: "gate": BM25's order is kept when its best hit leads the second by this share of its score,
    #: otherwise the weighted RRF decides (dense breaks the ties BM25 is unsure about)
    gate_margin: float = 0.35

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def reciprocal_rank_fusion(rankings: Sequence[Sequence[Hashable]], *, k: int = RRF_K,
                           weights: Sequence[float] | None = None) -> list[tuple[Hashable, float]]:
    """Fuse best-first rankings into one best-first list of (item, fused score).

    score(d) = sum over rankings of weight / (k + rank).  Ties keep the order
    in which items were first seen (earlier rankings, better ranks first).
    """
    scores: dict[Hashable, float] = {}
    for n, ranking in enumerate(rankings):
        w = 1.0 if weights is None else weights[n]
        for rank, item in enumerate(ranking, 1):
            scores[item] = scores.get(item, 0.0) + w / (k + rank)
    return sorted(scores.items(), key=lambda kv: -kv[1])


def _minmax(pairs: Sequence[tuple[Hashable, float]]) -> dict[Hashable, float]:
    if not pairs:
        return {}
    values = [s for _, s in pairs]
    lo, hi = min(values), max(values)
    span = hi - lo
    return {item: (1.0 if span <= 0 else (s - lo) / span) for item, s in pairs}


def fuse(ranked: Mapping[str, Sequence[tuple[Hashable, float]]], tuning: FusionTuning | None = None
         ) -> list[tuple[Hashable, float]]:
    """One best-first list from {"bm25": [(item, score)…], "dense": […]} (each best first)."""
    tuning = tuning or FusionTuning()
    bm25 = list(ranked.get("bm25", ()))
    dense = list(ranked.get("dense", ()))[: max(0, tuning.dense_depth)]
    if tuning.method == "gate" and bm25:
        top = bm25[0][1]
        second = bm25[1][1] if len(bm25) > 1 else 0.0
        if top > 0 and (top - second) / top >= tuning.gate_margin:
            return [(item, s) for item, s in bm25]
    if tuning.method in ("rrf", "gate"):
        return reciprocal_rank_fusion([[i for i, _ in bm25], [i for i, _ in dense]], k=tuning.rrf_k,
                                      weights=(tuning.bm25_weight, tuning.dense_weight))
    scores: dict[Hashable, float] = {}
    for weight, part in ((tuning.bm25_weight, _minmax(bm25)), (tuning.dense_weight, _minmax(dense))):
        for item, s in part.items():
            scores[item] = scores.get(item, 0.0) + weight * s
    return sorted(scores.items(), key=lambda kv: -kv[1])
