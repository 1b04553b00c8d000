"""How well a sentence part answers a question: the same score whatever was asked before."""

from __future__ import annotations

import pytest

from bot.segments import Scorer, tokens

_PARTS = [
    "Tỷ lệ hộ nghèo giảm bình quân 1,5% mỗi năm.",
    "Ủy ban nhân dân các huyện báo cáo kết quả thi đua về Sở Nội vụ.",
    "Giá trị sản xuất nông nghiệp tăng 4% so với năm trước.",
    "Hộ nghèo được hỗ trợ vay vốn ưu đãi.",
]
_QUESTIONS = ["Tỷ lệ hộ nghèo giảm bao nhiêu?", "ty le ho ngheo giam bao nhieu", "UBND huyện báo cáo về đâu?",
              "Hộ nghèo được hỗ trợ gì?"]


def _all(scorer: Scorer) -> list[float]:
    return [scorer.coverage(q, p) for q in _QUESTIONS for p in _PARTS]


def test_coverage_does_not_depend_on_the_questions_asked_before() -> None:
    """A question's weights are kept between calls: asking others in between, or again, changes no score."""
    first = _all(Scorer(_PARTS))
    used = Scorer(_PARTS)
    for q in reversed(_QUESTIONS):
        used.coverage(q, _PARTS[0])
    assert _all(used) == first and _all(used) == first
    assert first[0] == pytest.approx(1.0) and first[len(_PARTS)] == first[0]  # unaccented question, same part
    assert Scorer(_PARTS).coverage("", _PARTS[0]) == 0.0


def test_a_stored_scorer_scores_as_the_counted_one() -> None:
    counted = Scorer(_PARTS)
    assert _all(Scorer.from_table(counted.table())) == _all(counted)


def test_a_pair_of_syllables_counts_only_where_they_stand_together() -> None:
    """"hộ nghèo" as a pair weighs more than its two syllables scattered; abbreviations meet their spelling."""
    scorer = Scorer(_PARTS)
    together = scorer.coverage("hộ nghèo", "Hỗ trợ hộ nghèo vay vốn.")
    apart = scorer.coverage("hộ nghèo", "Mỗi hộ được hỗ trợ khi nghèo đi.")
    assert together == pytest.approx(1.0)
    assert 0.0 < apart < together
    assert scorer.coverage("ubnd huyen", "UBND (ủy ban nhân dân) huyện") == pytest.approx(1.0)


@pytest.mark.parametrize(
    ("text", "accented", "kept", "dropped"),
    [
        ("Cơ quan nào tổng hợp báo cáo kết quả thi đua?", True, {"cơ", "báo", "thi"}, {"nào"}),
        ("Có thể thì được không, hội đồng xã hội?", True, {"thể", "hội"}, {"có", "thì", "được", "không"}),
        ("co quan nao tong hop bao cao ket qua thi dua", False, {"co", "bao", "thi"}, {"nao"}),
        ("thi hay khong, co duoc khong", False, set(), {"thi", "co", "hay", "khong"}),
        ("hoà hợp, uỷ ban, Uỷ viên hội đồng", True, {"hòa", "ủy", "hội"}, set()),
    ],
)
def test_a_syllable_spelled_like_a_function_word_counts_in_its_word(text, accented, kept, dropped) -> None:
    """"thi đua", "cơ quan", "báo cáo" keep every syllable; typed without marks, "thi" stays beside "dua"
    and goes alone ("thì"); "có", "thì", "nào" always go."""
    keys = set(tokens(text, accented=accented))
    assert kept <= keys
    assert not dropped & keys


def test_a_syllable_spelled_like_a_function_word_weighs_in_the_question() -> None:
    """"báo cáo" is not "bị cáo", "thi đua" not "cuộc đua": the syllable spelled like "bao"/"thì" counts."""
    scorer = Scorer(_PARTS)
    for q, right, wrong in (("báo cáo kết quả", "Sở Nội vụ báo cáo kết quả.", "Bị cáo khai kết quả."),
                            ("bao cao ket qua", "Sở Nội vụ báo cáo kết quả.", "Bị cáo khai kết quả."),
                            ("kết quả thi đua", "Kết quả thi đua năm 2024.", "Kết quả cuộc đua năm 2024."),
                            ("ket qua thi dua", "Kết quả thi đua năm 2024.", "Kết quả cuộc đua năm 2024.")):
        assert scorer.coverage(q, right) == pytest.approx(1.0)
        assert scorer.coverage(q, wrong) < 0.9
