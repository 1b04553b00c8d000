"""clean_text: what a quoted clause looks like to the user."""

from __future__ import annotations

import unicodedata

from corpus import clean_text
from tests.corpus.samples import CIRCULAR, seed_text


def test_nfd_input_comes_out_nfc() -> None:
    raw = unicodedata.normalize(
        "NFD", "CHỈ THỊ\nPhát động phong trào thi đua năm 2024\n1. Giao Sở Nội vụ theo dõi."
    )
    out = clean_text(raw)
    assert unicodedata.is_normalized("NFC", out)
    assert "Giao Sở Nội vụ theo dõi." in out


def test_old_and_new_tone_marks_are_kept_as_written() -> None:
    out = clean_text("1. Văn phòng Uỷ ban nhân dân tỉnh và Ủy ban Mặt trận phối hợp hoà giải.")
    assert "Uỷ ban" in out and "Ủy ban" in out and "hoà giải" in out


def test_markdown_bookmark_tab_and_nbsp_are_removed() -> None:
    raw = "#### **6. Tổ chức thực hiện**\n\n[bookmark: dieu_5_name]a)\tGiao\u00a0Sở *Nội vụ* theo dõi;  \n"
    out = clean_text(raw)
    assert out.split("\n") == ["6. Tổ chức thực hiện", "a) Giao Sở Nội vụ theo dõi;"]


def test_pdf_style_wrapped_lines_are_joined_across_blank_lines() -> None:
    out = clean_text(seed_text("son-la-2023"))
    assert "15,66% (giảm 4% so với năm 2022)" in out
    assert "Nghị quyết Đại hội Đảng bộ tỉnh lần thứ XV" in out
    # a wrapped line starting with a year is not a new item
    assert "\n2021 và Kế hoạch" not in out
    assert "\n07/4/2014" not in out


def test_markdown_paragraph_broken_mid_sentence_is_joined() -> None:
    out = clean_text(seed_text("lai-chau-2023"))
    assert "bám sát các nhiệm vụ trọng tâm, trọng điểm, tạo ra những đột phá" in out
    out22 = clean_text(seed_text("son-la-2022"))
    assert "bộ phận làm công tác thi đua, khen thưởng; tăng cường trách nhiệm" in out22


def test_sentence_end_starts_a_new_paragraph_in_unwrapped_text() -> None:
    out = clean_text(seed_text("lai-chau-2023"))
    line = next(x for x in out.split("\n") if x.startswith("Phần đầu hoàn thành"))
    assert line.endswith("8.440 lao động...")


def test_title_block_is_not_joined_into_the_body() -> None:
    out = clean_text(seed_text("ha-nam-2023")).split("\n")
    assert out[0] == "CHỈ THỊ"
    assert out[1].startswith("Phát động thi đua thực hiện thắng lợi")
    assert out[1].endswith("(11/6/1948 - 11/6/2023)")
    assert out[2].startswith("Năm 2023, dự báo tình hình thế giới")


def test_gazette_furniture_and_signature_stamp_are_removed() -> None:
    out = clean_text(CIRCULAR)
    assert "CÔNG BÁO" not in out
    assert "Người ký" not in out and "thongtinchinhphu" not in out and "Thời gian ký" not in out
    assert "\n17\n" not in out
    # the sentence interrupted by the page break is whole again
    assert "hình thức khen thưởng theo quy định của Luật Thi đua" in out


def test_signature_and_recipients_keep_their_lines() -> None:
    out = clean_text(seed_text("son-la-2024")).split("\n")
    i = out.index("CHỦ TỊCH")
    assert out[i + 1 : i + 3] == ["(Đã ký)", "Hoàng Quốc Khánh"]
    assert "- Sở Nội vụ (80b);" in out


def test_emphasis_in_brackets_leaves_no_stray_marks_in_any_quote(tmp_path) -> None:
    """A Markdown directive writes "60 xã (*tăng 06 xã so với năm 2021*)": the quote reads "(tăng … 2021)"."""
    from corpus import load_corpus

    folder = tmp_path / "vb"
    folder.mkdir()
    (folder / "doc1.txt").write_text(seed_text("son-la-2022"), encoding="utf-8")
    corpus = load_corpus(folder)
    clauses = [c.text for d in corpus for c in d.clauses]
    assert any("60 xã (tăng 06 xã so với năm 2021)" in t for t in clauses)
    assert not [t for t in clauses if "*" in t]


def test_a_documents_own_stars_are_kept_as_written() -> None:
    """Gazette notes and forms use stars of their own: "(*)", "(**)", "Họ và tên*:", “*”, "(5)*(6)"."""
    raw = (
        "1. Tiền gửi tại các ngân hàng thương mại (*) và tiền sinh lời (**);\n"
        "2. Ngày/tháng/năm sinh*: ......; Giới tính*: ……;\n"
        "3. Ký hiệu “*”: hàng hóa không được hưởng ưu đãi;\n"
        "4. Cột (7)=(5)*(6) và cột (10)=(7)*(8)*(9).\n"
    )
    out = clean_text(raw)
    assert "thương mại (*) và tiền sinh lời (**);" in out
    assert "sinh*: ......; Giới tính*:" in out
    assert "Ký hiệu “*”:" in out
    assert "(7)=(5)*(6) và cột (10)=(7)*(8)*(9)." in out
