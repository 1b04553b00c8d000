from __future__ import annotations

import pytest

from bot.extract import find_durations, find_quotes, find_references, find_values, quoted_after


def values(text):
    return [s.text for s in find_values(text)]


def test_values_keep_unit_and_qualifier_exactly_as_written():
    assert values("Tỷ lệ hộ nghèo theo chuẩn nghèo giai đoạn 2021-2025 là 11,41%.") == ["11,41%"]
    assert values("tỷ lệ hộ nghèo là 15,66% (giảm 4% so với năm 2022)") == ["15,66% (giảm 4% so với năm 2022)"]
    assert values("thu nhập bình quân đạt 52,4 triệu đồng/người/năm") == ["52,4 triệu đồng/người/năm"]
    assert values("Tốc độ tăng GRDP khoảng 9,0%.") == ["khoảng 9,0%"]
    assert values("thu ngân sách trên địa bàn đạt 4.800 tỷ đồng") == ["4.800 tỷ đồng"]


def test_years_periods_dates_and_rate_bases_are_not_values():
    assert values("Kế hoạch 05 năm (2021-2025) theo Nghị quyết Đại hội lần thứ XIII") == []
    assert values("Chỉ thị số 19/CT-TTg ngày 16/7/2021 của Thủ tướng") == []
    assert values("Số giường bệnh/10.000 dân đạt 30,6 giường") == ["30,6 giường"]


def test_quotes_and_quoted_after_a_cue():
    text = "Về chủ đề thi đua: “Đoàn kết, sáng tạo” với phương châm “Kỷ cương, hiệu quả”."
    assert [q.text for q in find_quotes(text)] == ["Đoàn kết, sáng tạo", "Kỷ cương, hiệu quả"]
    span = quoted_after(text, "phương châm")
    assert span is not None and text[span.start : span.end] == "Kỷ cương, hiệu quả"


def test_references_name_the_cited_documents():
    text = ("năm 2023 theo Nghị quyết số 142/NQ-HĐND ngày 08/12/2022 của HĐND tỉnh và Quyết định số "
            "2567/QĐ-UBND ngày 09/12/2022 của UBND tỉnh về việc giao kế hoạch")
    refs = [r.text for r in find_references(text)]
    assert refs[0].startswith("Nghị quyết số 142/NQ-HĐND ngày 08/12/2022")
    assert refs[1].startswith("Quyết định số 2567/QĐ-UBND ngày 09/12/2022")


def test_a_cited_number_keeps_the_figures_of_its_symbol():
    # "QH13", "UBTVQH15": the National Assembly's term is part of the number; "84/2015/QH" would cite another text
    text = ("được sửa đổi, bổ sung bởi: Luật số 84/2015/QH13 ngày 25 tháng 6 năm 2015 của Quốc hội; Nghị quyết số "
            "17/2022/UBTVQH15 và Chỉ thị số 01/CT-UBND.")
    refs = [r.text for r in find_references(text)]
    assert refs[0].startswith("Luật số 84/2015/QH13 ngày 25 tháng 6 năm 2015")
    assert refs[1] == "Nghị quyết số 17/2022/UBTVQH15" and refs[2] == "Chỉ thị số 01/CT-UBND"


def test_ranks_are_found_with_the_noun_they_rank():
    from bot.extract import find_ordinals

    text = "Ủy ban Thường vụ Quốc hội khóa XV, phiên họp thứ 47 thông qua ngày 10 tháng 7 năm 2025; Đại hội lần thứ VI"
    assert [s.text for s in find_ordinals(text)] == ["phiên họp thứ 47", "hội lần thứ VI"]


# ------------------------------------------------------------------ the words come from the lexicon


def _with_row(monkeypatch, tmp_path, name: str, build, topic: str, row: str) -> None:
    """``bot.extract``'s expression ``name`` rebuilt from the project's lexicon with one more row in ``topic``."""
    import bot.extract as extract
    from tests.fakes import lexicon_with

    monkeypatch.setattr(extract, name, build(lexicon_with(tmp_path, topic, row)))


def test_the_words_that_say_where_in_a_document_are_lexicon_rows(monkeypatch, tmp_path):
    import bot.extract as extract
    from bot.extract import has_count

    assert has_count("Thực hiện theo tiết 3 của Thông tư") and not has_count("Thực hiện theo khoản 3 của Thông tư")
    _with_row(monkeypatch, tmp_path, "_PLACE_NUMBER", extract._place_number, "place_words", "tiết")
    assert not has_count("Thực hiện theo tiết 3 của Thông tư")


def test_the_words_joining_a_range_are_lexicon_rows(monkeypatch, tmp_path):
    import bot.extract as extract

    assert values("Mức phạt từ 30% cho đến 40% số tiền") == ["30%", "40%"]
    _with_row(monkeypatch, tmp_path, "_RANGE_JOIN", extract._range_join, "range_joiners", "cho đến")
    assert values("Mức phạt từ 30% cho đến 40% số tiền") == ["30% cho đến 40%"]


def test_the_words_a_value_is_quoted_with_are_lexicon_rows(monkeypatch, tmp_path):
    import bot.extract as extract

    assert values("Tốc độ tăng GRDP chừng 9,0%.") == ["9,0%"]
    _with_row(monkeypatch, tmp_path, "_VALUE", extract._value, "value_qualifiers", "chừng")
    assert values("Tốc độ tăng GRDP chừng 9,0%.") == ["chừng 9,0%"]


def test_the_words_that_number_what_follows_are_lexicon_rows(monkeypatch, tmp_path):
    import bot.extract as extract

    assert values("Tổ chức đợt 125 của phong trào") == ["125"]
    _with_row(monkeypatch, tmp_path, "_NUMBERING_BEFORE", extract._numbering_before, "numbering_words", "đợt")
    assert values("Tổ chức đợt 125 của phong trào") == []


def test_a_formulas_factor_is_no_value():
    """ "(Số lao động có việc làm mới / Tổng số lao động) x 100" defines a rate: "100" answers no "bao nhiêu lao động"
    (a review finding: it was the short answer); a figure with its unit or a word ending in x stays a value."""
    assert find_values("Tỷ lệ (%) = (Số lao động có việc làm mới / Tổng số lao động) x 100") == []
    assert [v.text for v in find_values("Tổng số hộ × 1.000")] == []
    assert [v.text for v in find_values("mức thu 100 đồng/tấn")] == ["100 đồng/tấn"]
    assert [v.text for v in find_values("đạt 100%")] == ["100%"]


def test_a_range_of_decimal_figures_is_one_value_not_its_upper_end():
    # "khoảng 10,5 - 11,0%/năm" answered "11,0%/năm" dropped the lower end; years ("2021 - 2025") stay no value
    text = "GRDP không kể dầu khí khoảng 10,5 - 11,0%/năm; giai đoạn 2021 - 2025; từ 1.000 - 2.000 đồng"
    assert [v.text for v in find_values(text)] == ["khoảng 10,5 - 11,0%/năm", "1.000 - 2.000 đồng"]


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("nhưng không quá 100 lần mức lương cơ sở do Nhà nước quy định", "100 lần mức lương cơ sở"),
        ("mức khoán tối đa không quá 01 lần mức lương cơ sở/người/tháng", "01 lần mức lương cơ sở/người/tháng"),
        ("bằng 1,5 lần mức lương tối thiểu vùng", "1,5 lần mức lương tối thiểu vùng"),
    ],
)
def test_a_multiple_of_the_base_salary_is_one_value(text, value):
    """ "100 lần" alone says nothing of the amount: the base it multiplies is part of the value."""
    assert [v.text for v in find_values(text)] == [value]


@pytest.mark.parametrize("text", [
    "Trường hợp lao động nữ mang thai từ đủ 22 tuần tuổi trở lên đủ điều kiện",
    "trẻ em dưới 06 tháng tuổi",
    "tre em duoi 06 thang tuoi",
])
def test_an_age_is_no_duration(text):
    """ "22 tuần tuổi" says who a rule is for, never how long a leave lasts (review finding F2)."""
    assert find_durations(text) == []


def test_a_duration_beside_an_age_is_still_read():
    assert [d.text for d in find_durations("a) 10 ngày nếu thai dưới 05 tuần tuổi;")] == ["10 ngày"]


@pytest.mark.parametrize(
    ("text", "durations"),
    [
        ("Trường hợp lao động nữ mang thai từ đủ 22 tuần tuổi trở lên thì được nghỉ 180 ngày", ["180 ngày"]),
        ("b) 20 ngày nếu thai từ đủ 05 tuần tuổi đến dưới 13 tuần tuổi;", ["20 ngày"]),
        ("hỗ trợ trẻ em dưới 36 tháng tuổi trong 06 tháng", ["06 tháng"]),
    ],
)
def test_an_age_is_the_case_a_rule_is_for_not_a_duration(text, durations):
    """Review F2: "từ đủ 22 tuần tuổi" was the answer to "tối đa bao nhiêu ngày" for a miscarriage."""
    assert [d.text for d in find_durations(text)] == durations
