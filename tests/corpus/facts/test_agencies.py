"""Agencies are found by pattern and merged under one name whatever the spelling."""

from __future__ import annotations

import pytest

from corpus.facts import canonical_agency, find_agencies


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Sở Văn hóa - Thể thao và Du lịch", "Sở Văn hoá, Thể thao và Du lịch"),
        ("Uỷ ban MTTQ Việt Nam tỉnh", "Ủy ban Mặt trận Tổ quốc Việt Nam tỉnh"),
        ("Ủy ban Mặt trận Tổ quốc tỉnh", "Ủy ban MTTQ tỉnh"),
        ("Sở TT&TT", "Sở Thông tin và Truyền thông"),
        ("Hội đồng Thi đua, khen thưởng tỉnh", "Hội đồng Thi đua - Khen thưởng tỉnh"),
        ("Hội đồng TĐKT tỉnh", "Hội đồng Thi đua - Khen thưởng tỉnh"),
        ("Văn phòng Uỷ ban nhân dân tỉnh", "Văn phòng UBND tỉnh"),
        ("Chủ tịch Ủy ban nhân dân tỉnh Sơn La", "Chủ tịch UBND tỉnh"),
        ("Thủ trưởng các Sở, ban, ngành, đoàn thể tỉnh", "Thủ trưởng các sở, ban, ngành, đoàn thể tỉnh"),
        ("Trưởng khối các Khối thi đua", "Trưởng các Khối thi đua"),
        ("Đài PTTH tỉnh", "Đài Phát thanh - truyền hình tỉnh"),
    ],
)
def test_spellings_of_one_agency_share_one_name(a: str, b: str) -> None:
    assert canonical_agency(a) == canonical_agency(b)


def test_canonical_names_read_as_officials_write_them() -> None:
    assert canonical_agency("Sở Văn hoá - Thể thao và Du lịch") == "Sở Văn hóa, Thể thao và Du lịch"
    assert canonical_agency("Uỷ ban Mặt trận Tổ quốc Việt Nam tỉnh") == "Ủy ban MTTQ Việt Nam tỉnh"
    assert canonical_agency("Hội đồng Thi đua, khen thưởng tỉnh") == "Hội đồng Thi đua - Khen thưởng tỉnh"


def test_different_agencies_stay_apart() -> None:
    names = {canonical_agency(n) for n in ("Sở Nội vụ", "Sở Tài chính", "Văn phòng UBND tỉnh", "UBND tỉnh")}
    assert len(names) == 4


def test_unknown_agencies_are_found_by_pattern() -> None:
    text = "Giao Sở Tài nguyên và Môi trường chủ trì, phối hợp với Cục Thống kê tỉnh, Sở Giao thông vận tải theo dõi."
    found = find_agencies(text)
    assert [m.canonical for m in found] == [
        "Sở Tài nguyên và Môi trường",
        "Cục Thống kê tỉnh",
        "Sở Giao thông vận tải",
    ]
    for m in found:
        assert text[m.start : m.end] == m.name


def test_titles_and_unit_lists() -> None:
    text = (
        "Thủ trưởng các sở, ban, ngành, đoàn thể tỉnh, Chủ tịch Ủy ban nhân dân các huyện, thị xã, thành phố; "
        "Giám đốc các doanh nghiệp trên địa bàn tỉnh xây dựng kế hoạch."
    )
    assert [m.canonical for m in find_agencies(text)] == [
        "Thủ trưởng các sở, ban, ngành, đoàn thể tỉnh",
        "Chủ tịch UBND các huyện, thị xã, thành phố",
        "Giám đốc các doanh nghiệp",
    ]


@pytest.mark.parametrize(
    "text",
    [
        "Tiếp tục học tập tư tưởng Thi đua ái quốc của Chủ tịch Hồ Chí Minh.",
        "Ban hành kèm theo Chỉ thị số 01/CT-UBND ngày 03/01/2024.",
        "Báo cáo kết quả thực hiện trước ngày 15/12.",
        "TÓM TẮT CÁC CHỈ TIÊU KINH TẾ - XÃ HỘI NĂM 2024",
        "Hội nghị lần thứ 15 của tỉnh.",
    ],
)
def test_words_that_only_look_like_agencies(text: str) -> None:
    assert find_agencies(text) == []


def test_titles_collectives_and_old_tone_heads_in_one_sentence() -> None:
    """Heads are looked up by their first word (old tone marks included) and collectives by position:
    each agency of a sentence is found once, in order, with its canonical name."""
    text = ("Giao Giám đốc Sở Nội vụ chủ trì; các cơ quan báo chí tuyên truyền; "
            "Uỷ ban nhân dân các huyện, thành phố thực hiện.")
    assert [(m.name, m.canonical) for m in find_agencies(text)] == [
        ("Giám đốc Sở Nội vụ", "Giám đốc Sở Nội vụ"),
        ("các cơ quan báo chí", "Cơ quan báo chí, thông tin đại chúng"),
        ("Uỷ ban nhân dân các huyện, thành phố", "UBND các huyện, thành phố"),
    ]
    found = find_agencies("Ban hành kèm theo Quyết định này; Ban Thi đua - Khen thưởng tỉnh theo dõi.")
    assert [m.name for m in found] == ["Ban Thi đua - Khen thưởng tỉnh"]


def test_unit_lists_broken_across_lines_stay_whole() -> None:
    """Gazette texts wrap lines inside names: "Thủ trưởng các cơ quan, tổ \\nchức" is one addressee, not "Thủ trưởng
    các cơ quan" with "tổ chức" lost (the answer to "ai có trách nhiệm thi hành" would drop it)."""
    text = "Bộ trưởng, Thủ trưởng các cơ quan, tổ \nchức có liên quan chịu trách nhiệm thi hành Nghị định này."
    assert "Thủ trưởng các cơ quan, tổ chức" in [m.canonical for m in find_agencies(text)]
    assert "Trưởng các Khối thi đua" in [m.canonical for m in find_agencies("Trưởng cụm thi đua và Trưởng các Khối thi đua")]


def test_agency_grammar_is_lexicon_data() -> None:
    """Head words and titles come from the lexicon folder, so an office can add one without touching code."""
    from corpus.lexicon import load_lexicon

    grammar = load_lexicon().topic("agency_grammar")
    assert "sở" in grammar["org_heads"] and "thủ trưởng" in grammar["titles"]
