"""Metadata read from the text itself, checked field by field on every seed and on unseen documents."""

from __future__ import annotations

from pathlib import Path

import pytest

from corpus import parse_directive
from tests.corpus.samples import CIRCULAR, DIEN_BIEN, seed_text

EXPECTED = {
    "son-la-2022": (
        "Chỉ thị",
        "01/CT-UBND",
        "2022-01-04",
        "UBND tỉnh Sơn La",
        "Sơn La",
        2022,
        "Hoàng Quốc Khánh",
    ),
    "son-la-2023": ("Chỉ thị", None, None, "UBND tỉnh Sơn La", "Sơn La", 2023, "Hoàng Quốc Khánh"),
    "son-la-2024": (
        "Chỉ thị",
        "01/CT-UBND",
        "2024-01-03",
        "UBND tỉnh Sơn La",
        "Sơn La",
        2024,
        "Hoàng Quốc Khánh",
    ),
    "lai-chau-2023": (
        "Chỉ thị",
        "01/CT-UBND",
        "2023-01-27",
        "UBND tỉnh Lai Châu",
        "Lai Châu",
        2023,
        "Trần Tiến Dũng",
    ),
    "ha-nam-2023": ("Chỉ thị", None, None, "UBND tỉnh Hà Nam", "Hà Nam", 2023, "Trương Quốc Huy"),
}
TITLES = {
    "son-la-2022": "Phát động phong trào thi đua năm 2022",
    "son-la-2023": "Phát động phong trào thi đua năm 2023",
    "son-la-2024": "Phát động phong trào thi đua năm 2024",
    "lai-chau-2023": "Về việc phát động phong trào thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội năm 2023",
    "ha-nam-2023": "Phát động thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội năm 2023, chào mừng kỷ "
    "niệm 75 năm Ngày Chủ tịch Hồ Chí Minh ra lời kêu gọi thi đua ái quốc (11/6/1948 - 11/6/2023)",
}


def _read(doc_id: str):
    return parse_directive(seed_text(doc_id), doc_id=doc_id, source=f"{doc_id}.txt")


@pytest.mark.parametrize("doc_id", sorted(EXPECTED))
def test_seed_metadata_field_by_field(doc_id: str) -> None:
    d = _read(doc_id)
    doc_type, number, date, issuer, province, year, signer = EXPECTED[doc_id]
    assert d.doc_type == doc_type
    assert d.number == number
    assert d.date == date
    assert d.issuer == issuer
    assert d.province == province
    assert d.year == year
    assert d.signer == signer
    assert d.title == TITLES[doc_id]


@pytest.mark.parametrize("doc_id", sorted(EXPECTED))
def test_every_value_has_provenance(doc_id: str) -> None:
    d = _read(doc_id)
    for name in ("doc_type", "issuer", "province", "year", "signer", "title"):
        source = d.field_source(name)
        assert source is not None and source.value == getattr(d, name)
        assert source.origin in {"header", "title", "appendix", "body", "signature", "derived"}
        assert source.evidence


def test_number_and_date_from_the_appendix_line_of_this_directive() -> None:
    d = _read("son-la-2024")
    assert d.field_source("number").origin == "appendix"
    assert "Ban hành kèm theo Chỉ thị số 01/CT-UBND" in d.field_source("number").evidence


def test_cited_documents_are_never_taken_for_the_document_itself() -> None:
    # son-la-2023 cites Chỉ thị số 11/CT-UBND ngày 13/10/2020 and Nghị quyết số 142/NQ-HĐND ngày 08/12/2022
    d = _read("son-la-2023")
    assert d.number is None and d.date is None
    # an appendix attached to ANOTHER type of document is not this directive's number
    text = seed_text("son-la-2024").replace(
        "kèm theo Chỉ thị số 01/CT-UBND", "kèm theo Quyết định số 99/QĐ-UBND"
    )
    other = parse_directive(text, doc_id="x", source="x.txt")
    assert other.number is None and other.date is None


def test_unseen_provincial_directive() -> None:
    d = parse_directive(DIEN_BIEN, doc_id="dien-bien-2025", source="dien-bien-2025.txt")
    assert (d.doc_type, d.number, d.date) == ("Chỉ thị", "05/CT-UBND", "2025-02-15")
    assert (d.issuer, d.province, d.year) == ("UBND tỉnh Điện Biên", "Điện Biên", 2025)
    assert d.signer == "Lò Văn Tiến"
    assert d.title.startswith("Về việc phát động phong trào thi đua thực hiện thắng lợi nhiệm vụ")
    assert d.field_source("issuer").origin == "header"


def test_unseen_ministry_circular_has_no_province() -> None:
    d = parse_directive(CIRCULAR, doc_id="tt-01-2024", source="tt.txt")
    assert (d.doc_type, d.number, d.date) == ("Thông tư", "01/2024/TT-BNV", "2024-01-10")
    assert d.issuer == "Bộ Nội vụ"
    assert d.province is None
    assert d.year == 2024 and d.field_source("year").origin == "derived"
    assert d.signer == "Phạm Thị Thanh Trà"
    assert d.title == "Quy định chi tiết một số điều của Luật Thi đua, khen thưởng"


def test_ministry_with_conjunction_and_upper_case_signer() -> None:
    text = CIRCULAR.replace("BỘ NỘI VỤ\n", "BỘ KẾ HOẠCH VÀ ĐẦU TƯ\n").replace(
        "Phạm Thị Thanh Trà", "NGUYỄN CHÍ DŨNG"
    )
    d = parse_directive(text, doc_id="x", source="x.txt")
    assert d.issuer == "Bộ Kế hoạch và Đầu tư"
    assert d.signer == "Nguyễn Chí Dũng"


@pytest.mark.parametrize(
    ("block", "signer"),
    [
        # The title runs over several upper-case lines: the body's name is no signer.
        ("TL. BỘ TRƯỞNG\nKT. CHỦ TỊCH\nỦY BAN CHỨNG KHOÁN NHÀ NƯỚC\nPHÓ CHỦ TỊCH\n\nLê Thị Việt Nga", "Lê Thị Việt Nga"),
        ("KT. BỘ TRƯỞNG\nTHỨ TRUỞNG\n[daky]\nTrần Quốc Phương", "Trần Quốc Phương"),
        ("BỘ TRƯỞNG\n\nĐại tướng Lương Tam Quang", "Đại tướng Lương Tam Quang"),
        ("BỘ TRƯỞNG\n\nTHIẾU TƯỚNG NGUYỄN VĂN AN", "Thiếu tướng Nguyễn Văn An"),
        ("GIÁM ĐỐC\nKẾ TOÁN TRƯỞNG\n(Ký, ghi rõ họ tên)", None),
    ],
)
def test_signer_under_a_signature_title(block: str, signer: str | None) -> None:
    text = CIRCULAR.rsplit("BỘ TRƯỞNG\n", 1)[0] + block + "\n"
    assert parse_directive(text, doc_id="x", source="x.txt").signer == signer


def test_text_without_a_header_yields_nulls_not_guesses() -> None:
    d = parse_directive("Ghi chú họp giao ban tuần.\nKhông có nội dung chỉ đạo.", doc_id="x", source="x.txt")
    assert (d.doc_type, d.number, d.date, d.issuer, d.province, d.year, d.signer) == (None,) * 7


def test_number_spacing_is_normalised() -> None:
    assert _read("lai-chau-2023").field_source("number").evidence == "Số: 01 /CT-UBND"
    assert _read("lai-chau-2023").number == "01/CT-UBND"


JOINT = """BỘ TÀI CHÍNH - BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 12/2020/TTLT-BTC-BLĐTBXH
Hà Nội, ngày 05 tháng 3 năm 2020

THÔNG TƯ LIÊN TỊCH
Hướng dẫn quản lý kinh phí khen thưởng phong trào thi đua

Điều 1. Phạm vi điều chỉnh
Thông tư liên tịch này hướng dẫn việc lập dự toán, quản lý kinh phí khen thưởng.
Điều 2. Hiệu lực thi hành
Thông tư liên tịch này có hiệu lực từ ngày 20 tháng 4 năm 2020.
"""

COUNCIL = """HỘI ĐỒNG NHÂN DÂN
TỈNH LAI CHÂU
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 10/2023/NQ-HĐND
Lai Châu, ngày 12 tháng 7 năm 2023

NGHỊ QUYẾT
Quy định mức chi khen thưởng thi đua trên địa bàn tỉnh Lai Châu

Điều 1. Phạm vi điều chỉnh
Nghị quyết này quy định mức chi khen thưởng thi đua trên địa bàn tỉnh Lai Châu.
Điều 2. Tổ chức thực hiện
Giao Ủy ban nhân dân tỉnh Lai Châu tổ chức thực hiện Nghị quyết này.
"""


def test_joint_circular_names_every_issuer() -> None:
    d = parse_directive(JOINT, doc_id="x", source="x.txt")
    assert d.doc_type == "Thông tư liên tịch" and d.number == "12/2020/TTLT-BTC-BLĐTBXH"
    assert d.issuers == ("Bộ Tài chính", "Bộ Lao động - Thương binh và Xã hội")
    assert d.issuer == "Bộ Tài chính, Bộ Lao động - Thương binh và Xã hội"
    assert d.province is None


def test_joint_circular_with_issuers_on_separate_lines() -> None:
    text = JOINT.replace("BỘ TÀI CHÍNH - BỘ LAO ĐỘNG", "BỘ TÀI CHÍNH\nBỘ LAO ĐỘNG", 1)
    d = parse_directive(text, doc_id="x", source="x.txt")
    assert d.issuers == ("Bộ Tài chính", "Bộ Lao động - Thương binh và Xã hội")


def test_provincial_council_resolution() -> None:
    d = parse_directive(COUNCIL, doc_id="x", source="x.txt")
    assert (d.doc_type, d.number, d.issuer, d.province) == (
        "Nghị quyết",
        "10/2023/NQ-HĐND",
        "HĐND tỉnh Lai Châu",
        "Lai Châu",
    )


def test_old_tone_spelling_of_the_province_in_the_header() -> None:
    text = DIEN_BIEN.replace("TỈNH ĐIỆN BIÊN", "TỈNH THANH HOÁ").replace("Điện Biên", "Thanh Hoá")
    d = parse_directive(text, doc_id="x", source="x.txt")
    assert (d.issuer, d.province) == ("UBND tỉnh Thanh Hóa", "Thanh Hóa")


def test_a_national_document_naming_a_province_has_no_province() -> None:
    text = CIRCULAR.replace("Điều 1.", "Thí điểm tại tỉnh Sơn La và tỉnh Sơn La trước.\nĐiều 1.", 1)
    d = parse_directive(text, doc_id="x", source="x.txt")
    assert d.issuer == "Bộ Nội vụ" and d.province is None


def test_an_ordinary_word_after_tinh_is_never_a_province() -> None:
    text = "CHỈ THỊ\nPhát động thi đua năm 2024\nCác đơn vị của tỉnh để thực hiện tốt. Cán bộ tỉnh Ký cam kết.\n"
    d = parse_directive(text, doc_id="x", source="x.txt")
    assert d.province is None and d.issuer is None


def test_gazette_banner_and_repeated_agency_give_the_usual_name() -> None:
    text = "VĂN BẢN QUY PHẠM PHÁP LUẬT\nBỘ NỘI VỤ\n" + CIRCULAR
    d = parse_directive(text, doc_id="x", source="x.txt")
    assert d.issuer == "Bộ Nội vụ" and d.issuers == ("Bộ Nội vụ",)


_LIBRARY = Path(__file__).resolve().parents[2].parent / "shared" / "library"


@pytest.mark.parametrize(
    ("name", "base_type", "consolidates"),
    [
        ("van-ban-hop-nhat-so-468-vbhn-bldtbxh-44204.txt", "Thông tư", ("34/2019/TT-BLĐTBXH", "12/2024/TT-BLĐTBXH")),
        ("van-ban-hop-nhat-so-113-vbhn-vpqh-469596.txt", "Luật", ("67/2025/QH15", "116/2025/QH15")),
    ],
)
def test_a_consolidated_text_records_the_documents_it_consolidates(name, base_type, consolidates):
    """From its own opening paragraph ("Thông tư số 34/2019/TT-BLĐTBXH …, được sửa đổi, bổ sung bởi: …")."""
    path = _LIBRARY / name
    if not path.is_file():
        pytest.skip("the shared library is not next to this checkout")
    d = parse_directive(path.read_text(encoding="utf-8"), doc_id="doc1", source="doc1.txt")
    assert d.doc_type == "Văn bản hợp nhất"
    assert d.base_type == base_type
    assert d.consolidates[: len(consolidates)] == consolidates
    # its own legal bases ("Căn cứ Nghị định số 106/2012/NĐ-CP …") are not consolidated documents
    assert not any(n.startswith("106/2012") for n in d.consolidates)


def test_an_ordinary_document_consolidates_nothing():
    d = parse_directive(DIEN_BIEN, doc_id="doc1", source="doc1.txt")
    assert d.consolidates == () and d.base_type is None
