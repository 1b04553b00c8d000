"""The CI floor: the minimum bm25 figures on the TEST split (the one place they live).

Thresholds and weights are tuned on the dev split only; the floor guards the
held-out test split, so a rule fitted to one document cannot raise it.  Each
floor sits a little below what bm25 measured on test (never above), so that a
regression fails CI while ordinary noise does not; ceilings bound what must
stay low (internal errors, documents listed in one answer).
"""

from __future__ import annotations

from eval.runner import Scores

__all__ = ["CEILINGS", "FLOORS", "FLOOR_SPLIT", "below_floor"]

#: The split the floor and the README table report.
FLOOR_SPLIT = "test"

# bm25, directives, test split (109 questions, 12 unanswerable), measured on 2026-11-23 with the
# answer layer of AnswerTuning: answer 0.876, citation 0.958, abstention 1.000 (12/12), errors 0,
# at most 3 documents per answer.  2026-11-24: five new held-out unanswerable questions (none-026…034,
# written blind) brought the test split to 17 unanswerable; abstention re-measured 0.882 (15/17), so
# its floor moved from 0.90 to 0.85 (the items, not the answering, changed).  2026-11-24 (s17 writer):
# three more blind held-out unanswerable questions (none-042, -044, -046, test by the alternating
# rule) brought the test split to 23 unanswerable; abstention re-measured 0.826 (19/23: none-044 is
# answered, as are none-026, -030, -036 before), so its floor moves from 0.85 to 0.80 (again the
# items, not the answering, changed).
FLOORS: dict[str, dict[str, float]] = {
    "directives": {
        "answer_accuracy": 0.85,
        "citation_accuracy": 0.94,
        "abstention_accuracy": 0.80,
    },
}
CEILINGS: dict[str, dict[str, float]] = {
    "directives": {
        "error_rate": 0.0,
        "max_cited_documents": 5,
    },
}


def below_floor(
    scores: Scores,
    floors: dict[str, float] | None = None,
    ceilings: dict[str, float] | None = None,
    *,
    set_name: str = "directives",
) -> tuple[str, ...]:
    """One line per figure under its floor or over its ceiling (a missing figure counts as failing)."""
    out = []
    for key, floor in (FLOORS.get(set_name, {}) if floors is None else floors).items():
        value = scores.get(key)
        if value is None or value < floor:
            shown = "–" if value is None else f"{value:.3f}"
            out.append(f"{key} = {shown} < floor {floor:.2f}")
    for key, ceiling in (CEILINGS.get(set_name, {}) if ceilings is None else ceilings).items():
        value = scores.get(key)
        if value is None or value > ceiling:
            shown = "–" if value is None else f"{value:.3f}"
            out.append(f"{key} = {shown} > ceiling {ceiling:g}")
    return tuple(out)
