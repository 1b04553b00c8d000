"""Reciprocal-rank fusion on hand-made rankings."""

from __future__ import annotations

from index.fusion import reciprocal_rank_fusion


def test_item_ranked_well_by_both_retrievers_beats_one_ranked_first_by_only_one() -> None:
    dense = ["a", "b", "c"]
    bm25 = ["b", "d", "a"]
    fused = [item for item, _ in reciprocal_rank_fusion([dense, bm25])]
    # b: 1/62 + 1/61; a: 1/61 + 1/63; d: 1/62; c: 1/63
    assert fused == ["b", "a", "d", "c"]


def test_scores_follow_the_formula_with_k_60() -> None:
    fused = dict(reciprocal_rank_fusion([["x", "y"], ["y"]]))
    assert abs(fused["x"] - 1 / 61) < 1e-12
    assert abs(fused["y"] - (1 / 62 + 1 / 61)) < 1e-12


def test_single_ranking_keeps_its_order_and_empty_input_gives_nothing() -> None:
    assert [i for i, _ in reciprocal_rank_fusion([["c", "a", "b"]])] == ["c", "a", "b"]
    assert reciprocal_rank_fusion([[], []]) == []
