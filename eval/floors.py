"""The CI floor: the minimum bm25 scores the full question set must reach (the one place they live).

Targets are 0.90 answer accuracy and 0.95 citation accuracy with bm25; the
floor sits a little below what bm25 actually achieves so that a regression
fails CI while ordinary noise does not.
"""

from __future__ import annotations

from eval.runner import Scores

__all__ = ["FLOORS", "below_floor"]

# bm25 on the 231-question set reached 0.918 answer / 0.971 citation / 1.000 abstention accuracy.
FLOORS: dict[str, float] = {
    "answer_accuracy": 0.90,
    "citation_accuracy": 0.95,
    "abstention_accuracy": 0.90,
}


def below_floor(scores: Scores, floors: dict[str, float] | None = None) -> tuple[str, ...]:
    """One line per metric under its floor (a missing figure counts as under)."""
    out = []
    for key, floor in (floors or FLOORS).items():
        value = scores.get(key)
        if value is None or value < floor:
            shown = "–" if value is None else f"{value:.3f}"
            out.append(f"{key} = {shown} < floor {floor:.2f}")
    return tuple(out)
