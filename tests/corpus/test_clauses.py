"""The clause tree: labels users write, texts answers quote."""

from __future__ import annotations

import pytest

from corpus import parse_directive
from tests.corpus.samples import CIRCULAR, DIEN_BIEN, pdf_style, seed_text

SEEDS = ["son-la-2022", "son-la-2023", "son-la-2024", "lai-chau-2023", "ha-nam-2023"]


def _read(doc_id: str):
    return parse_directive(seed_text(doc_id), doc_id=doc_id, source=f"{doc_id}.txt")


@pytest.mark.parametrize("doc_id", SEEDS)
def test_each_seed_has_enough_answerable_clauses_with_spans_into_the_text(doc_id: str) -> None:
    d = _read(doc_id)
    assert len(d.answerable_clauses()) >= 8
    for c in d.clauses:
        assert d.text[c.start : c.end] == c.text
        assert c.id == f"{doc_id}:{'.'.join(c.path)}"
        assert c.text.strip()
    ids = [c.id for c in d.clauses]
    assert len(ids) == len(set(ids))


def test_appendix_item_of_son_la_2024() -> None:
    c = _read("son-la-2024").clause("Phụ lục, mục 12")
    assert c is not None and c.kind == "appendix_item"
    assert c.text == "Tỷ lệ hộ nghèo theo chuẩn nghèo giai đoạn 2021-2025 là 11,41%."
    assert c.id == "son-la-2024:PL.12"


def test_appendix_items_after_the_signature_do_not_extend_the_body() -> None:
    d = _read("son-la-2024")
    assert d.clause("mục 10").text.endswith("phong trào thi đua năm 2024./.")
    assert d.clause("mục 11") is None
    assert d.clause("Phụ lục").kind == "appendix"
    assert len([c for c in d.clauses if c.kind == "appendix_item"]) == 23


def test_point_of_lai_chau_item_6() -> None:
    d = _read("lai-chau-2023")
    c = d.clause("mục 6, điểm e")
    assert c.text.startswith("Giao Sở Nội vụ tổ chức triển khai và theo dõi việc thực hiện Chỉ thị này")
    assert c.heading == ("6. Tổ chức thực hiện",)
    assert c.parent == "lai-chau-2023:6"
    # the item's text includes its points
    assert "Giao Sở Nội vụ tổ chức triển khai" in d.clause("mục 6").text


def test_closing_paragraph_after_the_last_point() -> None:
    d = _read("lai-chau-2023")
    closing = d.clause("phần kết")
    assert closing.text.startswith("Chủ tịch UBND tỉnh yêu cầu Thủ trưởng")
    assert "Chủ tịch UBND tỉnh yêu cầu" not in d.clause("mục 6, điểm e").text


def test_item_10_of_son_la_2023_read_from_pdf_style_text() -> None:
    c = _read("son-la-2023").clause("mục 10")
    assert c.text.startswith("Sở Nội vụ chủ trì")
    assert (
        "tổng hợp báo cáo Chủ tịch Uỷ ban nhân dân tỉnh kết quả thực hiện phong trào thi đua năm 2023"
        in c.text
    )


def test_bullet_joined_across_the_original_line_break() -> None:
    d = _read("son-la-2023")
    c = d.clause("mục 3, gạch đầu dòng 2")
    assert c.kind == "bullet"
    assert "15,66% (giảm 4% so với năm 2022)" in c.text
    assert [x.label for x in d.clauses if x.parent == "son-la-2023:3"] == [
        f"mục 3, gạch đầu dòng {n}" for n in range(1, 5)
    ]


def test_roman_sections_of_ha_nam() -> None:
    d = _read("ha-nam-2023")
    c = d.clause("mục III.5")
    assert c.text.startswith("Giao Sở Nội vụ theo dõi việc thực hiện Chỉ thị này")
    assert c.heading == ("III. Tổ chức thực hiện",)
    assert d.clause("mục II").kind == "section"
    assert d.clause("mục II.1").parent == "ha-nam-2023:II"


def test_labels_are_found_whatever_the_tone_placement_or_case() -> None:
    d = _read("lai-chau-2023")
    assert d.clause("MỤC 6, ĐIỂM E") is d.clause("mục 6, điểm e")


def test_non_answerable_parts_are_kept_for_citation() -> None:
    d = _read("ha-nam-2023")
    signature = d.clause("phần chữ ký")
    assert signature.answerable is False and "Trương Quốc Huy" in signature.text
    assert d.clause("Nơi nhận").answerable is False
    assert d.clause("phần đầu").answerable is False
    assert d.clause("phần mở đầu").text.startswith("Năm 2023, dự báo tình hình thế giới")


def test_unseen_directive_with_sections_points_and_bullets() -> None:
    d = parse_directive(DIEN_BIEN, doc_id="dien-bien-2025", source="x.txt")
    labels = [c.label for c in d.answerable_clauses()]
    for label in ("mục I", "mục II.1, điểm b", "mục II.2, gạch đầu dòng 2", "mục III.2", "phần kết"):
        assert label in labels
    assert d.clause("mục II.1, điểm a").text.startswith("Phấn đấu tốc độ tăng trưởng kinh tế (GRDP) đạt 8,5%")
    assert d.clause("mục II.1, điểm a").heading == (
        "II. NỘI DUNG THI ĐUA",
        "1. Thi đua phát triển kinh tế nhanh và bền vững",
    )


def test_same_directive_hard_wrapped_like_a_pdf_gives_the_same_numbered_clauses() -> None:
    plain = parse_directive(DIEN_BIEN, doc_id="x", source="x.txt")
    wrapped = parse_directive(pdf_style(DIEN_BIEN, 70), doc_id="x", source="x.txt")
    assert [c.label for c in wrapped.clauses] == [c.label for c in plain.clauses]
    assert wrapped.clause("mục II.1, điểm b").text == plain.clause("mục II.1, điểm b").text


def test_numbers_that_break_the_sequence_are_text_not_items() -> None:
    text = "CHỈ THỊ\nVề thi đua\n1. Giao các sở thực hiện chỉ tiêu\n15. ngày là thời hạn báo cáo.\n2. Giao Sở Nội vụ theo dõi."
    d = parse_directive(text, doc_id="x", source="x.txt")
    assert [c.label for c in d.clauses if c.kind == "item"] == ["mục 1", "mục 2"]
    assert "15. ngày là thời hạn" in d.clause("mục 1").text


def test_legal_style_circular() -> None:
    d = parse_directive(CIRCULAR, doc_id="tt", source="x.txt")
    assert d.clause("Chương II").kind == "chapter"
    art = d.clause("Điều 3")
    assert art.kind == "article" and art.text.startswith("Điều 3. Danh hiệu Chiến sĩ thi đua cơ sở")
    assert art.heading == ("Chương II DANH HIỆU THI ĐUA", "Mục 1 DANH HIỆU CHO CÁ NHÂN")
    assert d.clause("Điều 3, khoản 1, điểm a").text.startswith("Đạt danh hiệu Lao động tiên tiến")
    assert d.clause("Điều 3, khoản 2").text.startswith("Tỷ lệ cá nhân được công nhận")
    assert d.clause("Điều 2, khoản 1").parent == "tt:D2"
    assert d.clause("phần mở đầu").text.startswith("Căn cứ Luật Thi đua, khen thưởng")
    # the digital-signature stamp between articles is not part of Điều 3
    assert "Người ký" not in d.clause("Điều 3").text


_DECREE_HEAD = """CHÍNH PHỦ
Số: 181/2026/NĐ-CP
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 21 tháng 5 năm 2026
NGHỊ ĐỊNH
Về quản lý người giữ chức danh tại doanh nghiệp
Căn cứ Luật Tổ chức Chính phủ;
Chính phủ ban hành Nghị định.
"""


def _decree(body: str, tail: str = "TM. CHÍNH PHỦ\nKT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\nHồ Quốc Dũng\n"):
    return parse_directive(_DECREE_HEAD + body + tail, doc_id="doc1", source="doc1.txt")


def test_words_that_also_head_the_closing_blocks_do_not_end_the_body() -> None:
    """The articles after a body line that opens like "Nơi nhận" or a signer's title stay answerable."""
    d = _decree(
        "Chương VII\nTHÍ ĐIỂM THUÊ CHỨC DANH\nTỔNG GIÁM ĐỐC, GIÁM ĐỐC ĐIỀU HÀNH\n"
        "Điều 38. Nguyên tắc thuê\n1. Việc thuê được thực hiện theo Đề án đã được phê duyệt.\n"
        "Điều 39. Báo cáo\nNơi nhận báo cáo tài chính của doanh nghiệp được thực hiện theo\n"
        "quy định của pháp luật có liên quan.\n"
        "Điều 40. Mẫu biên bản\nGIÁM ĐỐC\n(Ký, ghi rõ họ tên, đóng dấu)\nKẾ TOÁN TRƯỞNG\n(Ký, ghi rõ họ tên)\n"
        "Điều 41. Hiệu lực thi hành\nNghị định này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2026.\n"
    )
    effect = d.clause("Điều 41")
    assert effect is not None and effect.answerable and "01 tháng 7 năm 2026" in effect.text
    assert d.clause("Điều 38, khoản 1").answerable
    assert d.clause("Điều 39").answerable and "Nơi nhận" not in [c.label for c in d.clauses]
    assert d.clause("phần chữ ký").text == "TM. CHÍNH PHỦ\nKT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\nHồ Quốc Dũng"
    assert d.signer == "Hồ Quốc Dũng"


def test_what_follows_the_signature_without_an_appendix_heading_is_an_attached_part() -> None:
    """A resolution's programme or a fee schedule printed after the signature is answerable."""
    d = _decree(
        "Điều 1. Ban hành Chương trình hành động kèm theo Nghị quyết này.\n",
        "TM. CHÍNH PHỦ\nKT. THỦ TƯỚNG\nPHÓ THỦ TƯỚNG\nBùi Thanh Sơn\n"
        "CHƯƠNG TRÌNH HÀNH ĐỘNG CỦA CHÍNH PHỦ\n(Kèm theo Nghị quyết số 100/NQ-CP)\n"
        "I. MỤC TIÊU\n1. Tỷ lệ bao phủ bảo hiểm y tế đạt trên 95% dân số.\n",
    )
    goal = d.clause("phần kèm theo, mục I.1")
    assert goal is not None and goal.answerable and "95%" in goal.text
    assert goal.heading[0].startswith("CHƯƠNG TRÌNH HÀNH ĐỘNG")
    assert d.clause("phần chữ ký").text.endswith("Bùi Thanh Sơn") and d.signer == "Bùi Thanh Sơn"


def test_a_misspelt_title_line_over_the_name_stays_in_the_signature() -> None:
    d = _decree("Điều 1. Thông tư này có hiệu lực từ ngày ký.\n", "KT.THỐNG ĐỐC\nPHÓ THỐNG ĐÔC\nĐoàn Thái Sơn\n")
    assert d.clause("phần chữ ký").text.endswith("Đoàn Thái Sơn")
    assert d.clause("phần kèm theo") is None


def test_the_notes_after_a_consolidated_texts_certification_are_answerable() -> None:
    """They quote the effect provisions of the documents consolidated: the only place those dates stand."""
    d = _decree(
        "Điều 1. Phạm vi điều chỉnh\nNghị định này quy định về quản lý.\n",
        "BỘ TÀI CHÍNH\nSố: 16/VBHN-BTC\nXÁC THỰC VĂN BẢN HỢP NHẤT\nHà Nội, ngày 06 tháng 3 năm 2020\n"
        "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nTrần Văn Hiếu\n"
        "19 Điều 3 Quyết định số 38/2019/QĐ-TTg quy định như sau:\n"
        "“Điều 3. Quyết định này có hiệu lực thi hành từ ngày 20 tháng 02 năm 2020.”\n",
    )
    notes = d.clause("chú thích")
    assert notes is not None and notes.answerable and "20 tháng 02 năm 2020" in notes.text


def test_a_short_numbered_heading_after_the_signature_opens_the_attached_part() -> None:
    """ "Mẫu 01" is no signature mark such as "(Đã ký)": the form it heads keeps its name."""
    d = _decree("Điều 1. Ban hành mẫu báo cáo kèm theo Thông tư này.\n",
                "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\n(Đã ký)\nĐỗ Hoàng Anh Tuấn\nMẫu 01\nTỔNG HỢP CÁC CHỈ TIÊU\n"
                "1. Số đơn vị báo cáo trong kỳ.\n")
    assert d.clause("phần chữ ký").text.endswith("Đỗ Hoàng Anh Tuấn")
    assert d.clause("phần kèm theo").text.startswith("Mẫu 01")
