"""Numeric targets with indicator, unit, qualifier and clause; nothing that is only a date or a number label."""

from __future__ import annotations

import pytest

from corpus import parse_directive
from corpus.facts import extract_targets, indicator_key, parse_number


@pytest.mark.parametrize(
    ("text", "value"),
    [("4.800", 4800.0), ("52,4", 52.4), ("06", 6.0), ("20.000", 20000.0), ("1.234,5", 1234.5), ("0,4", 0.4)],
)
def test_numbers_read_the_vietnamese_way(text: str, value: float) -> None:
    assert parse_number(text) == value


def test_son_la_poverty_target_lines_up_across_three_years(seeds) -> None:
    found = {}
    for doc_id in ("son-la-2022", "son-la-2023", "son-la-2024"):
        poverty = [
            t for t in extract_targets(seeds[doc_id]) if t.indicator_key == indicator_key("tỷ lệ hộ nghèo")
        ]
        assert len(poverty) == 1, doc_id
        found[seeds[doc_id].year] = poverty[0]
    assert {y: t.number_value for y, t in found.items()} == {2022: 19.74, 2023: 15.66, 2024: 11.41}
    assert [found[y].value for y in (2022, 2023, 2024)] == ["19,74%", "15,66%", "11,41%"]
    assert found[2023].qualifier == "giảm 4% so với năm 2022"
    assert found[2022].qualifier == "giảm 3% so với năm 2021"
    assert found[2024].clause == "Phụ lục, mục 12"
    assert found[2023].clause == "mục 3, gạch đầu dòng 2"
    t = found[2023]
    assert t.text[t.span[0] : t.span[1]] == "15,66%" and t.unit == "%"


def test_comparison_in_brackets_is_not_a_target(seeds) -> None:
    values = [t.value for t in extract_targets(seeds["son-la-2023"])]
    assert "4%" not in values and "05" not in values


def test_every_appendix_item_of_son_la_2024_gives_a_row(seeds) -> None:
    directive = seeds["son-la-2024"]
    targets = extract_targets(directive)
    items = [c for c in directive.clauses if c.kind == "appendix_item"]
    assert len(items) == 23
    per_item = {c.label: [t for t in targets if t.clause_id == c.id] for c in items}
    assert all(per_item.values()), [k for k, v in per_item.items() if not v]
    two = per_item["Phụ lục, mục 11"]
    assert [(t.number_value, t.unit) for t in two] == [(63.0, "%"), (28.0, "%")]
    assert two[1].indicator == "tỷ lệ lao động có bằng cấp, chứng chỉ"
    assert [t.number_value for t in per_item["Phụ lục, mục 4"]] == [25.0, 26.5, 41.7]
    assert per_item["Phụ lục, mục 4"][0].indicator.startswith("Cơ cấu kinh tế")
    xa = per_item["Phụ lục, mục 13"][0]
    assert (xa.value, xa.number_value, xa.unit) == ("06", 6.0, "xã")
    money = per_item["Phụ lục, mục 3"][0]
    assert (money.number_value, money.unit) == (20000.0, "tỷ đồng")
    tourists = per_item["Phụ lục, mục 9"][0]
    assert tourists.unit == "triệu lượt người"


def test_units_and_qualifiers(seeds) -> None:
    lai_chau = {t.value: t for t in extract_targets(seeds["lai-chau-2023"])}
    assert lai_chau["0,4‰"].unit == "‰"
    assert lai_chau["9,0%"].qualifier == "khoảng"
    assert lai_chau["2.450 tỷ đồng"].number_value == 2450.0
    income = next(t for t in extract_targets(seeds["son-la-2023"]) if t.unit == "triệu đồng/người/năm")
    assert income.number_value == 52.4 and income.indicator_key == "thu nhap binh quan"
    security = [t for t in extract_targets(seeds["son-la-2023"]) if t.value == "95,2%"]
    assert security[0].qualifier == "phấn đấu" and security[0].indicator.startswith("cơ quan, doanh nghiệp")


def test_dates_years_periods_numbers_and_anniversaries_are_not_targets() -> None:
    text = (
        "CHỈ THỊ\nPhát động phong trào thi đua năm 2025\n\n"
        "Năm 2025 kỷ niệm 70 năm Chiến thắng Điện Biên Phủ (07/5/1954 - 07/5/2024), 115 năm thành lập tỉnh.\n"
        "1. Thực hiện Chỉ thị số 19/CT-TTg ngày 16/7/2021 và Kế hoạch 05 năm (2021 - 2025); Nghị quyết số "
        "252/NQ-HĐND ngày 07 tháng 12 năm 2023; Kết luận số 1012-KL/TU Hội nghị lần thứ 15; "
        "giai đoạn 2021-2025; phòng chống Covid-19; dịch vụ công mức độ 3,4.\n"
        "2. Tổ chức thi đua trong Cụm thi đua 7 tỉnh miền núi.\n"
    )
    directive = parse_directive(text, doc_id="khong-chi-tieu", source="khong-chi-tieu.txt")
    assert extract_targets(directive) == []


def test_body_items_without_numbers_give_no_targets(seeds) -> None:
    directive = seeds["son-la-2024"]
    targets = extract_targets(directive)
    assert not [t for t in targets if t.clause in {"phần mở đầu", "mục 1", "mục 2", "Phụ lục"}]


def test_unseen_directive_targets(unseen) -> None:
    targets = {t.indicator_key: t for t in extract_targets(unseen)}
    poverty = targets[indicator_key("Tỷ lệ hộ nghèo")]  # written "tỉ lệ" there: same key
    assert poverty.number_value == 18.2 and "giảm 3,5% so với năm 2024" in poverty.qualifier
    growth = targets["toc do tang truong kinh te"]
    assert growth.qualifier.startswith("phấn đấu") and "trên" in growth.qualifier
    assert targets["thu ngan sach tren dia ban"].number_value == 1950.0
    assert len(targets) == 4  # 71 năm, the dates, 12/NQ-HĐND, lần thứ 20, 115 năm: none


@pytest.mark.parametrize(
    "written",
    [
        "Tỷ lệ hộ nghèo theo chuẩn nghèo giai đoạn 2021-2025 là",
        "tỷ lệ hộ nghèo theo chuẩn nghèo giai đoạn 2022-2025",
        "Phấn đấu tỉ lệ hộ nghèo đạt",
        "TY LE HO NGHEO",
    ],
)
def test_indicator_key_ignores_wording_around_the_indicator(written: str) -> None:
    assert indicator_key(written) == indicator_key("tỷ lệ hộ nghèo") == "ti le ho ngheo"


def test_indicator_key_old_tone_marks() -> None:
    assert indicator_key("Tỷ lệ đô thị hoà") == indicator_key("tỷ lệ đô thị hóa")
    assert indicator_key("Số bác sĩ/10.000 dân") == indicator_key("số bác sỹ/10.000 dân")


def test_indicator_label_stops_before_the_preposition_that_leads_to_the_value() -> None:
    text = (
        "CHỈ THỊ\nPhát động phong trào thi đua năm 2025\n\n"
        "1. Phấn đấu giải quyết việc làm cho 9.100 lao động; hỗ trợ vốn vay với 1.200 hộ.\n"
    )
    directive = parse_directive(text, doc_id="viec-lam", source="viec-lam.txt")
    labels = {t.indicator: t.value for t in extract_targets(directive)}
    assert labels.get("giải quyết việc làm") == "9.100 lao động"
    assert not any(label.endswith((" cho", " với")) for label in labels)
