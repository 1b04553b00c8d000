"""Real gazette documents of every type, copied under neutral names: metadata and clause labels.

The library lives outside the repository (../shared/library); these tests skip cleanly
without it.  File names carry numbers, so every document is copied to ``docN.txt``
first: whatever is found comes from the text.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from corpus import load_corpus, parse_directive, read_directive

LIBRARY = Path(__file__).resolve().parents[2] / ".." / "shared" / "library"
pytestmark = pytest.mark.skipif(not (LIBRARY / "sources.csv").is_file(), reason="../shared/library absent")

LĐTBXH = "Bộ Lao động - Thương binh và Xã hội"

# file -> (doc_type, number, date, issuer, signer)
CASES = {
    "luat-so-69-2020-qh14-32699.txt": ("Luật", "69/2020/QH14", "2020-11-13", "Quốc hội", "Nguyễn Thị Kim Ngân"),
    "nghi-quyet-so-45-2019-qh14-30232.txt": (
        "Bộ luật",
        "45/2019/QH14",
        "2019-11-20",
        "Quốc hội",
        "Nguyễn Thị Kim Ngân",
    ),
    "nghi-dinh-so-12-2022-nd-cp-36716.txt": ("Nghị định", "12/2022/NĐ-CP", "2022-01-17", "Chính phủ", "Vũ Đức Đam"),
    "thong-tu-so-01-2021-tt-bldtbxh-33806.txt": ("Thông tư", "01/2021/TT-BLĐTBXH", "2021-06-03", LĐTBXH, "Lê Tấn Dũng"),
    "nghi-quyet-so-17-2022-ubtvqh15-36956.txt": (
        "Nghị quyết",
        "17/2022/UBTVQH15",
        "2022-03-23",
        "Ủy ban Thường vụ Quốc hội",
        "Vương Đình Huệ",
    ),
    "quyet-dinh-so-28-2021-qd-ttg-34546.txt": (
        "Quyết định",
        "28/2021/QĐ-TTg",
        "2021-10-01",
        "Thủ tướng Chính phủ",
        "Lê Minh Khái",
    ),
    "chi-thi-so-21-ct-ttg-469580.txt": ("Chỉ thị", "21/CT-TTg", "2026-05-20", "Thủ tướng Chính phủ", "Phạm Thị Thanh Trà"),
    "van-ban-hop-nhat-so-466-vbhn-bldtbxh-44194.txt": (
        "Văn bản hợp nhất",
        "466/VBHN-BLĐTBXH",
        "2025-02-10",
        LĐTBXH,
        "Lê Văn Thanh",
    ),
    "thong-tu-so-10-2021-tt-nhnn-34057.txt": (
        "Thông tư",
        "10/2021/TT-NHNN",
        "2021-07-21",
        "Ngân hàng Nhà nước Việt Nam",
        "Đào Minh Tú",
    ),
    "quyet-dinh-so-169-qd-bldtbxh-44203.txt": ("Quyết định", "169/QĐ-BLĐTBXH", "2025-01-24", LĐTBXH, "Đào Ngọc Dung"),
    "thong-tu-so-09-2026-tt-bnv-469696.txt": ("Thông tư", "09/2026/TT-BNV", "2026-05-15", "Bộ Nội vụ", "Vũ Chiến Thắng"),
    "thong-tu-so-102-2018-tt-btc-28383.txt": ("Thông tư", "102/2018/TT-BTC", "2018-11-14", "Bộ Tài chính", None),
    # A title over three lines ("TL. BỘ TRƯỞNG / KT. CHỦ TỊCH / ỦY BAN CHỨNG KHOÁN NHÀ NƯỚC / PHÓ CHỦ TỊCH");
    # the date line is left blank ("ngày   tháng   năm 2026"), so no date is made up.
    "quyet-dinh-so-372-qd-btc-469041.txt": ("Quyết định", "372/QĐ-BTC", None, "Bộ Tài chính", "Lê Thị Việt Nga"),
    # A misspelt title line ("PHÓ THỐNG ĐÔC", "THỨ TRUỞNG") is no name.
    "thong-tu-so-13-2026-tt-nhnn-469590.txt": (
        "Thông tư",
        "13/2026/TT-NHNN",
        "2026-05-19",
        "Ngân hàng Nhà nước Việt Nam",
        "Đoàn Thái Sơn",
    ),
    "thong-tu-so-33-2026-tt-btc-469255.txt": ("Thông tư", "33/2026/TT-BTC", "2026-03-30", "Bộ Tài chính", "Trần Quốc Phương"),
    # Forms in the appendices sign as "GIÁM ĐỐC / KẾ TOÁN TRƯỞNG / (Ký, ghi rõ họ tên)": roles, not the signer.
    "thong-tu-so-58-2026-tt-btc-469663.txt": ("Thông tư", "58/2026/TT-BTC", "2026-05-25", "Bộ Tài chính", "Tạ Anh Tuấn"),
    # A rank before the name (lexicon rank_titles.txt).
    "thong-tu-so-81-2025-tt-bca-46273.txt": (
        "Thông tư",
        "81/2025/TT-BCA",
        "2025-08-29",
        "Bộ Công an",
        "Đại tướng Lương Tam Quang",
    ),
}


def _neutral(tmp_path: Path, name: str, n: int = 1) -> Path:
    target = tmp_path / f"doc{n}{Path(name).suffix}"
    shutil.copyfile(LIBRARY / ("pdf/" + name if name.endswith(".pdf") else name), target)
    return target


@pytest.mark.parametrize("name", sorted(CASES))
def test_metadata_of_each_official_type(tmp_path: Path, name: str) -> None:
    d = read_directive(_neutral(tmp_path, name))
    assert (d.doc_type, d.number, d.date, d.issuer, d.signer) == CASES[name]
    assert d.province is None  # national issuers have no province
    assert d.issuers == (d.issuer,)
    for field in ("doc_type", "number", "date", "issuer"):
        if getattr(d, field) is None:
            continue  # a blank date line: nothing found, nothing to source
        source = d.field_source(field)
        assert source is not None and source.value == getattr(d, field) and source.evidence


def test_the_gazette_banner_is_never_the_issuer(tmp_path: Path) -> None:
    # The text starts "VĂN BẢN QUY PHẠM PHÁP LUẬT / BỘ LAO ĐỘNG - … / BỘ LAO ĐỘNG - THƯƠNG / BINH VÀ XÃ HỘI".
    d = read_directive(_neutral(tmp_path, "thong-tu-so-01-2021-tt-bldtbxh-33806.txt"))
    assert d.issuer == LĐTBXH
    assert "VĂN BẢN" not in d.field_source("issuer").evidence.upper().split(" / ")[0]


def test_consolidated_text_takes_its_number_from_the_certification_not_the_cited_circulars(tmp_path: Path) -> None:
    d = read_directive(_neutral(tmp_path, "van-ban-hop-nhat-so-466-vbhn-bldtbxh-44194.txt"))
    assert d.number == "466/VBHN-BLĐTBXH"  # the text also cites 45/2016 and 12/2024/TT-BLĐTBXH
    assert d.field_source("number").origin == "certification"
    assert d.clause("Điều 6, khoản 1, điểm a") is not None
    assert d.clause("Phụ lục") is not None


def test_continuation_part_of_a_gazette_issue_names_its_document(tmp_path: Path) -> None:
    d = read_directive(_neutral(tmp_path, "thong-tu-so-102-2018-tt-btc-28383.txt"))
    assert d.field_source("number").origin == "continuation"
    assert "(Tiếp theo" not in (d.title or "")


def test_header_printed_after_the_first_page_is_still_the_header(tmp_path: Path) -> None:
    d = read_directive(_neutral(tmp_path, "thong-tu-so-09-2026-tt-bnv-469696.txt"))
    assert d.field_source("number").origin == "header"
    assert d.year == 2026  # not 2021, the year of the circular its title cites
    labels = [c.label for c in d.clauses]
    assert {"Điều 1", "Điều 4", "Phụ lục I", "Phụ lục I, Mẫu số 01", "Phụ lục XIII, Mẫu số 04"} <= set(labels)


def test_law_structure_chapters_articles_clauses_points(tmp_path: Path) -> None:
    d = read_directive(_neutral(tmp_path, "luat-so-69-2020-qh14-32699.txt"))
    articles = [c.label for c in d.clauses if c.kind == "article"]
    assert articles == [f"Điều {n}" for n in range(1, len(articles) + 1)] and len(articles) == 74
    assert d.clause("Chương I") is not None and d.clause("Chương V") is not None
    point = d.clause("Điều 5, khoản 2, điểm a")
    assert point is not None and point.kind == "diem"
    assert point.parent == d.clause("Điều 5, khoản 2").id


def test_a_section_inside_a_chapter_does_not_change_article_labels(tmp_path: Path) -> None:
    d = read_directive(_neutral(tmp_path, "nghi-dinh-so-12-2022-nd-cp-36716.txt"))
    article = d.clause("Điều 47")
    assert article is not None and article.label == "Điều 47"
    assert article.heading[0].startswith("Chương V") and article.heading[1].startswith("Mục 1")
    labels = [c.label for c in d.clauses]
    assert len(labels) == len(set(labels))  # "Chương II Nghị định này" in a sentence is no second chapter


def test_articles_quoted_by_an_amending_decree_are_not_its_own(tmp_path: Path) -> None:
    d = read_directive(_neutral(tmp_path, "nghi-dinh-so-132-2026-nd-cp-469348.txt"))
    articles = [c.label for c in d.clauses if c.kind == "article"]
    assert articles == [f"Điều {n}" for n in range(1, len(articles) + 1)]
    assert "Điều 69" not in articles


def test_text_without_a_header_gets_nulls_not_guesses(tmp_path: Path) -> None:
    # The text layer of this decision holds only gazette page furniture and a signature.
    path = _neutral(tmp_path, "quyet-dinh-so-109-qd-btc-468842.txt")
    d = parse_directive(path.read_text(encoding="utf-8"), doc_id="doc1", source=path.name)
    assert (d.doc_type, d.number, d.date, d.issuer, d.province, d.year) == (None,) * 6


def test_a_scanned_text_with_only_a_header_or_signature_is_skipped_with_one_line(tmp_path: Path) -> None:
    """Nothing in it could answer; listed as a document it would only crowd scopes and declines."""
    _neutral(tmp_path, "quyet-dinh-so-109-qd-btc-468842.txt", 1)
    _neutral(tmp_path, "thong-tu-so-90-2025-tt-bqp-45890.txt", 2)
    _neutral(tmp_path, "thong-tu-so-11-2026-tt-btc-468949.txt", 3)
    corpus = load_corpus(tmp_path)
    assert len(corpus) == 1 and corpus.directives[0].number == "11/2026/TT-BTC"
    assert len(corpus.problems) == 2
    assert all("không có nội dung" in p.message and "\n" not in p.message for p in corpus.problems)


@pytest.mark.parametrize(
    "name",
    ["van-ban-hop-nhat-so-466-vbhn-bldtbxh-44194.pdf", "luat-so-51-2024-qh15-43559.pdf", "thong-tu-so-11-2026-tt-btc-468949.pdf"],
)
def test_pdf_reads_to_the_same_clauses_and_metadata_as_its_text(tmp_path: Path, name: str) -> None:
    pdf = read_directive(_neutral(tmp_path, name, 1))
    txt = read_directive(_neutral(tmp_path, name.replace(".pdf", ".txt"), 2))
    assert [c.label for c in pdf.clauses] == [c.label for c in txt.clauses]
    assert (pdf.doc_type, pdf.number, pdf.date, pdf.issuer) == (txt.doc_type, txt.number, txt.date, txt.issuer)
    assert pdf.number is not None
