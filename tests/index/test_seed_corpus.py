"""The real seed directives through chunking and BM25: known clauses must come first."""

from __future__ import annotations

import pytest

from index import Filters, open_index
from index.chunking import chunk_directive

corpus_pkg = pytest.importorskip("corpus")
if not hasattr(corpus_pkg, "load_corpus"):  # the reader is written in parallel
    pytest.skip("corpus.load_corpus not available yet", allow_module_level=True)


@pytest.fixture(scope="module")
def seeds():
    from bot.settings import bundled_corpus_dir

    return corpus_pkg.load_corpus(bundled_corpus_dir())


@pytest.fixture(scope="module")
def seed_index(seeds, tmp_path_factory):
    return open_index(seeds, tmp_path_factory.mktemp("seed") / "index", embedding_model="m", retriever="bm25")


def test_every_seed_chunk_is_an_exact_span_of_its_directive(seeds) -> None:
    assert len(seeds) == 5
    for d in seeds:
        chunks = chunk_directive(d)
        assert len(chunks) >= 8, d.doc_id
        for c in chunks:
            assert c.text == d.text[c.start : c.end]
            assert len(c.text) <= 1200


@pytest.mark.parametrize(
    ("query", "filters", "label"),
    [
        ("tỷ lệ hộ nghèo", Filters(provinces=("son la",), years=(2024,)), "Phụ lục, mục 12"),
        ("ty le ho ngheo nam 2024", Filters(doc_ids=("son-la-2024",)), "Phụ lục, mục 12"),
        ("tỷ lệ hộ nghèo 11,41%", None, "Phụ lục, mục 12"),
        ("Giao Sở Nội vụ tổ chức triển khai và theo dõi việc thực hiện Chỉ thị", Filters(provinces=("Lai Châu",)),
         "mục 6, điểm e"),
        ("Sở Nội vụ theo dõi việc thực hiện Chỉ thị này", Filters(provinces=("ha nam",)), "mục III.5"),
        ("Sở Nội vụ tổng hợp báo cáo Chủ tịch Ủy ban nhân dân tỉnh kết quả thực hiện phong trào thi đua",
         Filters(doc_ids=("son-la-2023",)), "mục 10"),
    ],
)
def test_known_clauses_rank_first(seed_index, query, filters, label) -> None:
    hits = seed_index.search(query, k=3, filters=filters)
    assert hits and hits[0].chunk.label == label


def test_number_joined_across_a_line_break_is_found_unaccented(seed_index) -> None:
    hits = seed_index.search("giam 4% so voi nam 2022 15,66%", k=3, filters=Filters(doc_ids=("son-la-2023",)))
    assert hits and hits[0].chunk.label == "mục 3, gạch đầu dòng 2"


def test_the_header_and_signature_blocks_are_chunks_with_the_labels_citations_use(seeds) -> None:
    from index.chunking import is_meta_chunk

    d = next(x for x in seeds if x.doc_id == "lai-chau-2023")
    meta = {c.label: c for c in chunk_directive(d) if is_meta_chunk(c.id)}
    assert set(meta) == {"phần đầu", "phần chữ ký"}
    header, signature = meta["phần đầu"], meta["phần chữ ký"]
    assert header.text == d.text[header.start : header.end] and "27 tháng 01 năm 2023" in header.text
    # What the block shows by layout is spelled out in words a question uses (searched, never displayed).
    assert "Số hiệu: 01/CT-UBND" in header.embed_text and "Ngày ban hành: 27/01/2023" in header.embed_text
    assert signature.text.endswith("Trần Tiến Dũng") and "Người ký: Trần Tiến Dũng" in signature.embed_text
    assert "Người ký" not in signature.text  # the quoted text stays the document's own
    assert header.clause_id == d.clause("phần đầu").id and signature.clause_id == d.clause("phần chữ ký").id
    # "Nơi nhận" lists agencies: it would answer "which agency…" questions with a distribution list.
    assert not any(c.label == "Nơi nhận" for c in chunk_directive(d))
    assert not any(is_meta_chunk(c.id) for c in chunk_directive(d) if c.label not in meta)


@pytest.mark.parametrize(
    ("question", "label"),
    [
        ("Ai ký chỉ thị thi đua của Lai Châu", "phần chữ ký"),
        ("ai ky chi thi thi dua lai chau", "phần chữ ký"),
        ("Chỉ thị thi đua của Lai Châu ban hành ngày nào, số hiệu là gì", "phần đầu"),
    ],
)
def test_questions_about_the_document_find_its_header_or_signature(seed_index, question, label) -> None:
    hits = seed_index.search(question, k=5, filters=Filters(doc_ids=("lai-chau-2023",)))
    assert label in [h.chunk.label for h in hits]


def test_body_only_search_ranks_as_if_the_header_and_signature_were_not_indexed(seed_index) -> None:
    scope = ("lai-chau-2023",)
    wide = seed_index.search("Ai ký chỉ thị thi đua của Lai Châu", k=40, filters=Filters(doc_ids=scope))
    body = seed_index.search("Ai ký chỉ thị thi đua của Lai Châu", k=40, filters=Filters(doc_ids=scope, body_only=True))
    labels = [h.chunk.label for h in body]
    assert "phần chữ ký" in [h.chunk.label for h in wide]
    assert body and "phần chữ ký" not in labels and "phần đầu" not in labels
    assert [h.chunk.id for h in body] == [h.chunk.id for h in wide if h.chunk.label not in ("phần đầu", "phần chữ ký")]
    assert Filters(body_only=True).is_empty()  # not a restriction on documents: no filter shown to the user
