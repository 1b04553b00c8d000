from __future__ import annotations

from bot.grounding import unsupported

CLAUSE = "Tỷ lệ hộ nghèo theo chuẩn nghèo giai đoạn 2021-2025 là 11,41%."


def test_a_number_in_the_clause_is_supported():
    assert unsupported("11,41%", [CLAUSE]) == []
    assert unsupported("11.41%", [CLAUSE]) == []  # decimal separator does not matter


def test_an_invented_number_is_caught():
    assert unsupported("tỷ lệ hộ nghèo là 12,5%", [CLAUSE]) == ["12,5"]


def test_an_agency_not_in_the_clause_is_caught():
    clause = "Giao Sở Nội vụ chủ trì, phối hợp với Văn phòng UBND tỉnh theo dõi."
    assert unsupported("Sở Nội vụ", [clause]) == []
    assert unsupported("Sở Tài chính", [clause]) == ["Sở Tài chính"]
