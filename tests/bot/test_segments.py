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


def test_a_word_or_pair_stands_in_parts_as_in_their_joined_text() -> None:
    """A clause, its headings and its title are read part by part (each kept): what stands in them, and how
    much of a question they cover, is what their joined text gives, a pair across two parts included."""
    from bot.segments import stands_in, syllable_units

    parts = ("Mức thu lệ phí là 200.000 đồng cho UBND", "huyện", "", "Quy định về hộ nghèo")
    joined = " ".join(parts)
    for accented in (False, True):
        units = syllable_units(joined, accented=accented)
        asked = [*units, "le_phi", "lệ_phí", "ubnd_huyen", "ủy_ban", "dong_ubnd", "huyen_quy", "ho_ngheo", "ngheo_ho"]
        for unit in asked:
            assert stands_in(unit, parts, accented=accented) == (unit in units)
    assert stands_in("dan_huyen", parts)  # "UBND (ủy ban nhân dân)" then the next part's "huyện"
    scorer = Scorer(_PARTS)
    for q in (*_QUESTIONS, "lệ phí ủy ban nhân dân huyện", "ubnd huyen quy dinh"):
        assert scorer.coverage_of(q, parts) == scorer.coverage(q, joined)


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


def test_a_short_heading_joins_the_next_part_and_every_part_quotes_the_clause_where_it_stands() -> None:
    """Parts are the clause's own words at their offsets: "Phụ lục" alone is no answer, it opens the next part;
    a sentence end and a semicolon start new parts, each remembering where its sentence starts."""
    from bot.segments import split_segments

    text = "Phụ lục\nTỷ lệ hộ nghèo giảm 1,5% mỗi năm; tỷ lệ trường đạt chuẩn quốc gia đạt 60%. Ủy ban nhân dân tỉnh báo cáo."
    parts = split_segments("c", "d", text)
    assert [p.text for p in parts] == [
        "Phụ lục\nTỷ lệ hộ nghèo giảm 1,5% mỗi năm",
        "tỷ lệ trường đạt chuẩn quốc gia đạt 60%.",
        "Ủy ban nhân dân tỉnh báo cáo.",
    ]
    assert all(text[p.start : p.end] == p.text and (p.clause_id, p.doc_id) == ("c", "d") for p in parts)
    assert [p.sentence_start for p in parts] == [0, 8, text.index("Ủy")]
