"""Every format and every kind of bad input: one clear Vietnamese line, never a crash."""

from __future__ import annotations

import time
import unicodedata
from pathlib import Path

import docx
import matplotlib
import pytest
from fpdf import FPDF

from corpus import ReadError, clean_text, parse_directive, read_directive
from tests.corpus.samples import DIEN_BIEN, seed_text, write

TONES = "\u0300\u0301\u0303\u0309\u0323"
FONT = Path(matplotlib.get_data_path()) / "fonts/ttf/DejaVuSans.ttf"


def _labels(d) -> list[str]:
    return [c.label for c in d.clauses]


def _reference(doc_id: str):
    return parse_directive(seed_text(doc_id), doc_id=doc_id, source=f"{doc_id}.txt")


def _cp1258(text: str) -> bytes:
    """Encode like Vietnamese Windows does: precomposed where the code page has it, else base + tone mark."""
    out = bytearray()
    for ch in text:
        try:
            out += ch.encode("cp1258")
        except UnicodeEncodeError:
            parts = unicodedata.normalize("NFD", ch)
            tone = "".join(p for p in parts if p in TONES)
            base = unicodedata.normalize("NFC", "".join(p for p in parts if p not in TONES))
            out += base.encode("cp1258") + tone.encode("cp1258")
    return bytes(out)


def test_markdown_and_txt_read_the_same(tmp_path: Path) -> None:
    md = read_directive(write(tmp_path, "son-la-2022.md", seed_text("son-la-2022")))
    assert md.doc_id == "son-la-2022" and md.source == "son-la-2022.md"
    assert _labels(md) == _labels(_reference("son-la-2022"))


def test_utf8_with_bom_and_utf16(tmp_path: Path) -> None:
    text = seed_text("lai-chau-2023")
    bom = read_directive(write(tmp_path, "a.txt", b"\xef\xbb\xbf" + text.encode("utf-8")))
    utf16 = read_directive(write(tmp_path, "b.txt", text.encode("utf-16")))
    assert bom.text == utf16.text == _reference("lai-chau-2023").text
    assert utf16.signer == "Trần Tiến Dũng"


def test_cp1258_file_is_decoded_to_vietnamese(tmp_path: Path) -> None:
    d = read_directive(write(tmp_path, "dien-bien.txt", _cp1258(DIEN_BIEN)))
    assert d.province == "Điện Biên"
    assert d.clause("mục II.1, điểm a").text.startswith("Phấn đấu tốc độ tăng trưởng kinh tế")
    assert unicodedata.is_normalized("NFC", d.text)


def test_tcvn3_text_is_converted(tmp_path: Path) -> None:
    # "Giao Sở Nội vụ theo dõi phong trào thi đua năm 2024 của tỉnh." typed with the .VnTime (TCVN3) font
    line = "Giao S\xeb N\xe9i v\xf4 theo d\xe2i phong tr\xb5o thi \xaeua n\xa8m 2024 c\xf1a t\xd8nh.\n"
    data = ("1. " + line + "2. " + line * 3).encode("latin-1")
    d = read_directive(write(tmp_path, "cu.txt", data))
    assert d.clause("mục 1").text == "Giao Sở Nội vụ theo dõi phong trào thi đua năm 2024 của tỉnh."


def test_vni_text_is_refused_with_a_conversion_hint(tmp_path: Path) -> None:
    line = "Chuû tòch UÛy ban nhaân daân tænh phaùt ñoäng phong traøo thi ñua naêm 2024.\n"
    with pytest.raises(ReadError) as err:
        read_directive(write(tmp_path, "vni.txt", (line * 5).encode("latin-1")))
    assert "VNI" in err.value.message and "Unicode" in err.value.message and "vni.txt" in err.value.message


@pytest.mark.parametrize(
    ("name", "content", "words"),
    [
        ("rong.txt", b"", "rỗng"),
        ("khoang-trang.txt", b"  \n\t\n", "rỗng"),
        ("nhi-phan.txt", b"\x00\x01\x02\xff" * 200, "nhị phân"),
        ("bang.xlsx", b"PK\x03\x04 not a document", "không được hỗ trợ"),
        ("cu.doc", b"\xd0\xcf\x11\xe0", ".docx"),
        ("hong.docx", b"this is not a zip", "Word"),
        ("hong.pdf", b"%PDF-1.4 broken", "PDF"),
    ],
)
def test_bad_input_gives_one_vietnamese_line(tmp_path: Path, name: str, content: bytes, words: str) -> None:
    with pytest.raises(ReadError) as err:
        read_directive(write(tmp_path, name, content))
    message = err.value.message
    assert name in message and words in message
    assert "\n" not in message and "Traceback" not in message


def test_scanned_pdf_without_text_layer_says_it_needs_ocr(tmp_path: Path) -> None:
    pdf = FPDF()
    pdf.add_page()
    pdf.rect(20, 20, 150, 200, style="F")
    path = tmp_path / "ban-quet.pdf"
    pdf.output(str(path))
    with pytest.raises(ReadError) as err:
        read_directive(path)
    assert "OCR" in err.value.message and "ban-quet.pdf" in err.value.message


def test_file_over_the_limit_is_refused_without_reading_it(tmp_path: Path) -> None:
    path = tmp_path / "lon.txt"
    with path.open("wb") as f:
        f.truncate(50 * 1024 * 1024)  # sparse: nothing is written
    began = time.perf_counter()
    with pytest.raises(ReadError) as err:
        read_directive(path, max_file_mb=20)
    assert time.perf_counter() - began < 1.0
    assert "50.0 MB" in err.value.message and "20 MB" in err.value.message


def test_docx_made_from_a_seed_reads_back_with_the_same_clauses(tmp_path: Path) -> None:
    reference = _reference("lai-chau-2023")
    document = docx.Document()
    table = document.add_table(rows=1, cols=2)  # agency header sits in a table in real files
    table.cell(0, 0).text = "ỦY BAN NHÂN DÂN\nTỈNH LAI CHÂU"
    table.cell(0, 1).text = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc"
    for para in reference.text.split("\n"):
        document.add_paragraph(para)
    path = tmp_path / "lai-chau-2023.docx"
    document.save(str(path))
    d = read_directive(path)
    assert _labels(d) == _labels(reference)
    assert d.clause("mục 6, điểm e").text == reference.clause("mục 6, điểm e").text
    assert d.issuer == "UBND tỉnh Lai Châu" and d.field_source("issuer").origin == "header"


def test_pdf_with_text_layer_made_from_a_seed_reads_back_with_the_same_clauses(tmp_path: Path) -> None:
    reference = _reference("son-la-2024")
    pdf = FPDF()
    pdf.add_page()
    pdf.add_font("dejavu", fname=str(FONT))
    pdf.set_font("dejavu", size=11)
    for para in clean_text(seed_text("son-la-2024")).split("\n"):
        pdf.multi_cell(0, 6, para, new_x="LMARGIN", new_y="NEXT")
    path = tmp_path / "son-la-2024.pdf"
    pdf.output(str(path))
    d = read_directive(path)
    assert _labels(d) == _labels(reference)
    assert (
        d.clause("Phụ lục, mục 12").text == "Tỷ lệ hộ nghèo theo chuẩn nghèo giai đoạn 2021-2025 là 11,41%."
    )
    assert (d.number, d.date, d.signer) == ("01/CT-UBND", "2024-01-03", "Hoàng Quốc Khánh")
