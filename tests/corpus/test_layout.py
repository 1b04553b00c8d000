"""Structure markers: what opens a clause and what is only a wrapped line."""

from __future__ import annotations

import pytest

from corpus.layout import doc_type_of, ends_sentence, is_appendix_heading, is_signature_title, marker


@pytest.mark.parametrize(
    ("line", "kind", "value"),
    [
        ("III. Tổ chức thực hiện", "roman", "III"),
        ("10. Giao Sở Nội vụ chủ trì", "number", "10"),
        ("đ) Giao Sở Tài chính", "letter", "đ"),
        ("- Tăng cường công tác xây dựng Đảng", "bullet", "-"),
        ("+ Tỷ lệ hộ nghèo giảm 4%", "plus", "+"),
        ("Điều 6. Danh hiệu Chiến sĩ thi đua", "article", "6"),
        ("Chương II", "chapter", "II"),
        ("Nơi nhận:", "recipients", ""),
        ("KT. CHỦ TỊCH", "signature", ""),
    ],
)
def test_markers(line: str, kind: str, value: str) -> None:
    m = marker(line)
    assert m is not None and (m.kind, m.value) == (kind, value)


@pytest.mark.parametrize(
    "line",
    [
        "2021 và Kế hoạch 05 năm",
        "07/4/2014 của Bộ Chính trị",
        "- xã hội, đảm bảo quốc phòng",
        "1.000 tỷ đồng",
    ],
)
def test_wrapped_lines_are_not_markers(line: str) -> None:
    assert marker(line) is None


def test_signature_titles_are_upper_case_only() -> None:
    assert is_signature_title("TM. ỦY BAN NHÂN DÂN") and is_signature_title("BỘ TRƯỞNG")
    assert not is_signature_title("Chủ tịch UBND tỉnh yêu cầu")


def test_type_line_and_appendix_heading() -> None:
    assert doc_type_of("CHỈ THỊ") == "Chỉ thị" and doc_type_of("THÔNG TƯ") == "Thông tư"
    assert doc_type_of("Chỉ thị này") is None
    assert is_appendix_heading("Phụ lục") and is_appendix_heading("PHỤ LỤC II")
    assert not is_appendix_heading("Phụ lục kèm theo Chỉ thị này")


def test_sentence_ends() -> None:
    assert (
        ends_sentence("năm 2024./.")
        and ends_sentence("trọng tâm sau:")
        and ends_sentence("“Gia đình văn hóa”.")
    )
    assert not ends_sentence("phong trào thi đua")
