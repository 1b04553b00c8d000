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
