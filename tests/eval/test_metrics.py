"""Metrics on hand-made rankings and answers whose values are worked out by hand."""

from __future__ import annotations

import math

import pytest

from eval.metrics import (
    abstention_accuracy,
    answer_correct,
    citation_correct,
    clause_matches,
    false_abstention_rate,
    mean,
    ndcg_at_k,
    normalize_answer,
    percentile,
    recall_at_k,
    reciprocal_rank,
)

D = "son-la-2024"


def cid(path: str, doc: str = D) -> str:
    return f"{doc}:{path}"


@pytest.mark.parametrize(
    ("a", "b", "expected"),
    [
        (cid("3"), cid("3"), True),
        (cid("3"), cid("3.g2"), True),  # ancestor of the gold clause points to the right place
        (cid("3.g2"), cid("3"), True),  # descendant as well
        (cid("3"), cid("4"), False),
        (cid("1"), cid("10"), False),  # path components, not characters
        (cid("PL.1"), cid("PL.12"), False),
        (cid("3"), cid("3", doc="son-la-2023"), False),  # same label in another year is wrong
    ],
)
def test_clause_matching_is_same_document_and_path_prefix(a, b, expected):
    assert clause_matches(a, b) is expected


def test_recall_counts_a_hit_only_within_k():
    ranked = [cid("4"), cid("3.g2"), cid("7")]
    gold = [cid("3")]
    assert recall_at_k(ranked, gold, 1) == 0.0
    assert recall_at_k(ranked, gold, 2) == 1.0
    assert recall_at_k([cid("4"), cid("5")], gold, 10) == 0.0


def test_reciprocal_rank_dedupes_chunks_of_one_clause():
    # Two chunks of mục 4 occupy ranks 1-2 but count as one clause, so mục 3 is at rank 2.
    ranked = [cid("4"), cid("4"), cid("3")]
    assert reciprocal_rank(ranked, [cid("3")]) == pytest.approx(0.5)
    assert reciprocal_rank([cid("9")] * 3 + [cid("3")], [cid("3")], k=1) == 0.0


def test_ndcg_binary_relevance_worked_example():
    ranked = [cid("1"), cid("9"), cid("2")]
    gold = [cid("1"), cid("2")]
    dcg = 1 + 1 / math.log2(4)
    ideal = 1 + 1 / math.log2(3)
    assert ndcg_at_k(ranked, gold) == pytest.approx(dcg / ideal)  # ≈ 0.9197
    assert ndcg_at_k([cid("2"), cid("1")], gold) == pytest.approx(1.0)


def test_ndcg_credits_each_gold_clause_once():
    # Two bullets of the gold item are both relevant but there is only one thing to find.
    assert ndcg_at_k([cid("3.g1"), cid("3.g2")], [cid("3")]) == pytest.approx(1.0)
    assert ndcg_at_k([cid("9"), cid("3")], [cid("3")]) == pytest.approx(1 / math.log2(3))


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("Tỷ lệ hộ nghèo năm 2024 là 11.41 %.", ["11,41%"]),
        ("Thu ngân sách 4,450 tỷ đồng", ["4.450 tỷ đồng"]),
        ("Giao  Uỷ ban  nhân dân tỉnh", ["Ủy ban nhân dân"]),
        ("Chỉ thị số 01 /CT-UBND", ["01/CT-UBND"]),
        ("ban hành ngày 03 tháng 01 năm 2024", ["03/01/2024"]),
        ("ký ngày 3/1/2024", ["03/01/2024"]),
        ("SỞ NỘI VỤ chủ trì", ["Sở Nội vụ"]),
        ("giai đoạn 2021 – 2025", ["2021-2025"]),
        ("Năm 2022: 19,74%; năm 2023: 15,66%", ["19,74%", "15,66%"]),
    ],
)
def test_answer_accepts_equivalent_writing(answer, expected):
    assert answer_correct(answer, expected)


@pytest.mark.parametrize(
    ("answer", "expected"),
    [
        ("Năm 2022: 19,74%", ["19,74%", "15,66%"]),  # every value must be there
        ("Tăng trưởng 17,5%", ["7,5%"]),  # not a number inside a longer one
        ("Tỷ lệ 11,4%", ["11,41%"]),
        ("Có 170 xã", ["70 xã"]),
        ("Không tìm thấy thông tin.", ["Sở Nội vụ"]),
        ("bất kỳ", []),
    ],
)
def test_answer_rejects_missing_or_different_values(answer, expected):
    assert not answer_correct(answer, expected)


def test_normalize_answer_is_nfc_and_tone_canonical():
    decomposed = "Ho\u0300a Bi\u0300nh"  # NFD input
    assert normalize_answer(decomposed) == normalize_answer("Hòa Bình") == normalize_answer("Hoà Bình")


def test_citation_needs_a_matching_clause():
    gold = [cid("PL.12")]
    assert citation_correct([cid("3"), cid("PL.12")], gold)
    assert citation_correct([cid("PL")], gold)  # the appendix contains the item
    assert not citation_correct([cid("PL.1")], gold)
    assert not citation_correct([], gold)


def test_ambiguous_citation_needs_every_gold_document():
    gold = [cid("10"), "lai-chau-2023:6.e"]
    cited_one = [cid("10")]
    assert citation_correct(cited_one, gold)
    assert not citation_correct(cited_one, gold, every_document=True)
    assert citation_correct([cid("10"), "lai-chau-2023:6"], gold, every_document=True)


def test_abstention_rates():
    assert abstention_accuracy([True, True, False, True]) == pytest.approx(0.75)
    assert false_abstention_rate([False, False, False, True]) == pytest.approx(0.25)
    assert abstention_accuracy([]) is None  # no unanswerable question: no figure, not 0


def test_percentile_interpolates_like_numpy():
    values = [40.0, 10.0, 30.0, 20.0]
    assert percentile(values, 50) == pytest.approx(25.0)
    assert percentile(values, 95) == pytest.approx(38.5)
    assert percentile([7.0], 95) == 7.0
    assert percentile([], 50) is None
    assert mean([]) is None
    with pytest.raises(ValueError, match=r"0\.\.100"):
        percentile(values, 120)
