"""Chunks are citable: one clause each, exact spans, no text indexed twice."""

from __future__ import annotations

import itertools

from index.chunking import ChunkerSettings, chunk_directive
from tests.index.factory import make_directive


def test_every_chunk_text_is_exactly_its_span_in_the_directive() -> None:
    d = make_directive("son-la-2024")
    chunks = chunk_directive(d)
    assert chunks
    for c in chunks:
        assert c.text == d.text[c.start : c.end]
        assert c.doc_id == "son-la-2024"


def test_leaves_are_chunked_and_a_parent_gives_only_its_lead_text() -> None:
    d = make_directive("son-la-2024")
    by_clause = {c.clause_id: c for c in chunk_directive(d)}
    assert by_clause["son-la-2024:3.a"].text.startswith("a) Tỷ lệ hộ nghèo")
    lead = by_clause["son-la-2024:3"]
    assert lead.text.startswith("3. Phấn đấu") and "Tỷ lệ hộ nghèo" not in lead.text
    assert lead.label == "mục 3"


def test_trivial_parent_heading_is_not_a_chunk() -> None:
    items = [
        (("6",), "mục 6", "6. Tổ chức thực hiện"),
        (("6", "a"), "mục 6, điểm a", "a) Giao Sở Nội vụ tổ chức triển khai và theo dõi việc thực hiện Chỉ thị này."),
    ]
    chunks = chunk_directive(make_directive("lai-chau-2023", items=items))
    assert [c.clause_id for c in chunks] == ["lai-chau-2023:6.a"]


def test_embed_text_has_a_context_header_that_the_displayed_text_lacks() -> None:
    d = make_directive("son-la-2024")
    c = next(c for c in chunk_directive(d) if c.clause_id == "son-la-2024:3.a")
    header, body = c.embed_text.split("\n", 1)
    assert body == c.text
    assert "Chỉ thị" in header and "01/CT-UBND" in header and "năm 2024" in header and "mục 3, điểm a" in header
    assert "3. Phấn đấu" in header  # heading path of the parent item
    assert "Chỉ thị" not in c.text
    assert (c.province, c.year, c.number) == ("Sơn La", 2024, "01/CT-UBND")


def test_long_clause_is_split_on_sentences_with_overlap_and_exact_spans() -> None:
    sentence = "Các sở, ban, ngành tổ chức phát động phong trào thi đua sôi nổi, thiết thực và hiệu quả. "
    body = "7. " + sentence * 40
    d = make_directive("ha-nam-2023", items=[(("7",), "mục 7", body.strip())])
    settings = ChunkerSettings(max_chars=600, overlap=120)
    parts = chunk_directive(d, settings)
    assert len(parts) >= 5
    assert all(len(p.text) <= 600 for p in parts)
    assert len({p.id for p in parts}) == len(parts)
    for p, q in itertools.pairwise(parts):
        assert p.text == d.text[p.start : p.end]
        assert q.start < p.end  # overlap: the next part starts before this one ends
        assert p.text.endswith(".")  # cut at a sentence end, not mid-word
    assert parts[0].start == d.clauses[0].start and parts[-1].end == d.clauses[0].end
    assert {p.clause_id for p in parts} == {"ha-nam-2023:7"}


def test_non_answerable_clauses_are_not_chunked() -> None:
    from dataclasses import replace

    d = make_directive("son-la-2024")
    hidden = replace(d, clauses=tuple(replace(c, answerable=c.label != "mục 5") for c in d.clauses))
    assert "son-la-2024:5" not in {c.clause_id for c in chunk_directive(hidden)}


_CIRCULAR = """BỘ TÀI CHÍNH
Số: 21/2026/TT-BTC
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 17 tháng 3 năm 2026
THÔNG TƯ
Sửa đổi, bổ sung một số điều về kê khai thuế
Căn cứ Luật Quản lý thuế;
Bộ trưởng Bộ Tài chính ban hành Thông tư sửa đổi, bổ sung một số điều về kê khai thuế.
Điều 1. Sửa đổi khoản 2 Điều 5
Người nộp thuế kê khai theo mẫu ban hành kèm theo Thông tư này.
Điều 2. Hiệu lực thi hành
Thông tư này có hiệu lực từ ngày 01 tháng 5 năm 2026.
Nơi nhận:
- Văn phòng Chính phủ;
- Lưu: VT.
KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Cao Anh Tuấn
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
TỜ KHAI THUẾ THU NHẬP DOANH NGHIỆP
Tên người nộp thuế: ....
"""


def test_header_and_signature_chunks_state_the_metadata_and_the_signature_ends_with_the_signer(tmp_path) -> None:
    from corpus import load_corpus
    from index.chunking import is_meta_chunk

    (tmp_path / "doc1.txt").write_text(_CIRCULAR, encoding="utf-8")
    d = load_corpus(tmp_path).directives[0]
    chunks = chunk_directive(d)
    meta = {c.label: c for c in chunks if is_meta_chunk(c.id)}
    assert set(meta) == {"phần đầu", "phần chữ ký"}
    head = meta["phần đầu"].embed_text
    assert "Số hiệu: 21/2026/TT-BTC" in head and "Ngày ban hành: 17/03/2026" in head
    assert "Cơ quan ban hành: Bộ Tài chính" in head
    # "… trích yếu là gì?" is answered by the header: the signature repeats the title under no such name
    assert "trích yếu" not in meta["phần chữ ký"].embed_text.lower()
    sig = meta["phần chữ ký"]
    # A form with no "Phụ lục" heading follows the name: it is no part of the signature but an attached
    # part, searchable like the articles.
    assert sig.text == "KT. BỘ TRƯỞNG\nTHỨ TRƯỞNG\nCao Anh Tuấn" == d.text[sig.start : sig.end]
    assert "Người ký: Cao Anh Tuấn" in sig.embed_text and "kê khai thuế" in sig.embed_text  # and what it signs
    body = [c for c in chunks if not is_meta_chunk(c.id)]
    assert [c.label for c in body] == ["phần mở đầu", "Điều 1", "Điều 2", "phần kèm theo"]
    assert "TỜ KHAI THUẾ THU NHẬP DOANH NGHIỆP" in body[-1].text


LAW = """NGHỊ ĐỊNH
Quy định mức lương tối thiểu đối với người lao động
Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Nghị định này quy định mức lương tối thiểu áp dụng đối với người lao động làm việc theo hợp đồng lao động.
Chương II
MỨC LƯƠNG TỐI THIỂU
Điều 3. Mức lương tối thiểu
1. Quy định mức lương tối thiểu tháng và mức lương tối thiểu giờ đối với người lao động như sau:
a) Vùng I: 4.960.000 đồng/tháng.
b) Vùng II: 4.410.000 đồng/tháng.
2. Danh mục địa bàn vùng I, vùng II được quy định tại Phụ lục ban hành kèm theo Nghị định này.
"""


def test_read_by_heading_a_clause_is_its_documents_title_and_the_chapter_and_article_around_it(tmp_path) -> None:
    from corpus import load_corpus
    from index.chunking import dense_texts

    (tmp_path / "doc1.txt").write_text(LAW, encoding="utf-8")
    d = load_corpus(tmp_path).directives[0]
    chunks = {c.clause_id.split(":", 1)[1]: c for c in chunk_directive(d) if "#meta" not in c.id}
    read = dict(zip(chunks, dense_texts(list(chunks.values()), {d.doc_id: d}, "heading"), strict=True))
    wage = f"{d.title}\nChương II MỨC LƯƠNG TỐI THIỂU › Điều 3. Mức lương tối thiểu"
    # the points and items of one article read alike (one vector); a point's own words are BM25's
    assert read["D3.1.a"] == read["D3.1.b"] == read["D3.2"] == wage
    assert "4.960.000" not in read["D3.1.a"] and "4.960.000" in chunks["D3.1.a"].embed_text
    assert read["D1"] == f"{d.title}\nChương I QUY ĐỊNH CHUNG › Điều 1. Phạm vi điều chỉnh"
    whole = dict(zip(chunks, dense_texts(list(chunks.values()), {d.doc_id: d}), strict=True))
    assert "4.960.000" in whole["D3.1.a"]  # read whole by default
