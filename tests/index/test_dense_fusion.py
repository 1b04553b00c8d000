"""Fusion of BM25 and dense rankings: weighted RRF, score mix, and the BM25-confidence gate."""

from __future__ import annotations

from dataclasses import FrozenInstanceError

import pytest

from index.fusion import FusionTuning, fuse

# BM25 sure of "a" (score far ahead); dense prefers "c".
CONFIDENT = {"bm25": [("a", 12.0), ("b", 4.0), ("c", 3.0)], "dense": [("c", 0.9), ("b", 0.8), ("a", 0.7)]}
# BM25 unsure ("a" and "b" almost tied); dense clearly prefers "b".
UNSURE = {"bm25": [("a", 5.0), ("b", 4.9), ("c", 1.0)], "dense": [("b", 0.9), ("c", 0.6), ("a", 0.5)]}


def _order(ranked, tuning):
    return [item for item, _ in fuse(ranked, tuning)]


def test_the_gate_keeps_a_confident_bm25_top_hit_and_lets_dense_break_a_near_tie() -> None:
    gate = FusionTuning(method="gate", rrf_k=10, dense_weight=1.0, gate_margin=0.35)
    assert _order(CONFIDENT, gate) == ["a", "b", "c"]
    assert _order(UNSURE, gate)[0] == "b"


def test_weights_decide_which_retriever_leads_in_rrf() -> None:
    assert _order(CONFIDENT, FusionTuning(method="rrf", rrf_k=1, bm25_weight=1.0, dense_weight=3.0))[0] == "c"
    assert _order(CONFIDENT, FusionTuning(method="rrf", rrf_k=1, bm25_weight=3.0, dense_weight=1.0))[0] == "a"


def test_score_mix_keeps_how_far_ahead_a_hit_is() -> None:
    mix = FusionTuning(method="mix", bm25_weight=1.0, dense_weight=0.5)
    assert _order(CONFIDENT, mix)[0] == "a"  # 1.0 + 0.0 beats c's 0.0 + 0.5
    assert _order(UNSURE, mix)[0] == "b"


def test_only_the_top_dense_candidates_take_part_and_missing_sides_are_fine() -> None:
    shallow = FusionTuning(method="rrf", dense_depth=1)
    assert set(_order({"bm25": [("a", 1.0)], "dense": [("b", 0.9), ("z", 0.8)]}, shallow)) == {"a", "b"}
    assert _order({"bm25": [], "dense": [("b", 0.9)]}, FusionTuning()) == ["b"]
    assert fuse({}, FusionTuning()) == []


def test_the_tuning_is_a_frozen_record_for_reports() -> None:
    t = FusionTuning()
    assert t.to_dict()["method"] in ("rrf", "mix", "gate")
    with pytest.raises(FrozenInstanceError):
        t.rrf_k = 1  # type: ignore[misc]
