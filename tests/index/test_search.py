"""BM25 search and filters as a user sees them: the right clause comes first."""

from __future__ import annotations

import itertools

import pytest

from index import Filters, open_index
from tests.index.factory import make_corpus, make_directive

OTHER_ITEMS = [
    (("1",), "mục 1", "1. Đẩy mạnh chuyển đổi số, ứng dụng CNTT trong cải cách hành chính."),
    (("2",), "mục 2", "2. Bảo đảm quốc phòng, an ninh, giữ vững ANTT trên địa bàn tỉnh."),
    (("3",), "mục 3", "3. Giao Sở Nội vụ (Ban Thi đua - Khen thưởng) hướng dẫn, theo dõi phong trào."),
]


@pytest.fixture(scope="module")
def bm25_index(tmp_path_factory):
    corpus = make_corpus(
        make_directive("son-la-2024"),
        make_directive("lai-chau-2023", items=OTHER_ITEMS, province="Lai Châu", year=2023, number="02/CT-UBND"),
    )
    return open_index(corpus, tmp_path_factory.mktemp("ix") / "index", embedding_model="unused/model",
                      retriever="bm25")


def _top(index, query: str, **kw) -> str:
    hits = index.search(query, k=3, **kw)
    assert hits, f"no hit for {query!r}"
    return hits[0].chunk.clause_id


@pytest.mark.parametrize(
    ("query", "clause"),
    [
        ("ty le ho ngheo", "son-la-2024:3.a"),
        ("tỷ lệ hộ nghèo 2024", "son-la-2024:3.a"),
        ("chỉ tiêu 11.41%", "son-la-2024:3.a"),
        ("Uỷ ban Mặt trận Tổ quốc", "son-la-2024:2"),
        ("hoà bình", "son-la-2024:2"),
        ("hòa bình", "son-la-2024:2"),
        ("MTTQ phối hợp", "son-la-2024:2"),
        ("TĐKT hướng dẫn kiểm tra", "son-la-2024:4"),
        ("hoi dong thi dua khen thuong kiem tra", "son-la-2024:4"),
        ("ủy ban nhân dân các huyện báo cáo", "son-la-2024:4"),
        ("công nghệ thông tin", "lai-chau-2023:1"),
        ("an ninh trat tu", "lai-chau-2023:2"),
        ("tăng trưởng GRDP", "son-la-2024:3.b"),
    ],
)
def test_bm25_finds_the_clause_however_the_question_is_typed(bm25_index, query: str, clause: str) -> None:
    assert _top(bm25_index, query) == clause


def test_hits_are_ranked_with_spans_and_bm25_scores(bm25_index) -> None:
    hits = bm25_index.search("Sở Nội vụ theo dõi", k=4)
    assert [h.rank for h in hits] == list(range(1, len(hits) + 1))
    assert all(a.score >= b.score for a, b in itertools.pairwise(hits))
    assert all("bm25" in h.scores for h in hits)
    assert bm25_index.retriever == "bm25"


def test_unknown_words_and_empty_query_return_nothing(bm25_index) -> None:
    assert bm25_index.search("xyzzy qwerty", k=5) == []
    assert bm25_index.search("   ", k=5) == []


@pytest.mark.parametrize("province", ["son la", "Sơn La", "SƠN LA", "tỉnh Sơn La"])
def test_province_filter_accepts_any_spelling(bm25_index, province: str) -> None:
    hits = bm25_index.search("Sở Nội vụ theo dõi", k=10, filters=Filters(provinces=(province,)))
    assert hits and {h.chunk.province for h in hits} == {"Sơn La"}


def test_filter_is_applied_before_ranking_so_a_weaker_match_still_appears(bm25_index) -> None:
    # The best "Sở Nội vụ" match overall is in Sơn La; Lai Châu's clause must still come back.
    hits = bm25_index.search("Sở Nội vụ theo dõi", k=1, filters=Filters(provinces=("lai chau",)))
    assert [h.chunk.clause_id for h in hits] == ["lai-chau-2023:3"]


def test_year_doc_and_type_filters(bm25_index) -> None:
    assert {h.chunk.doc_id for h in bm25_index.search("phong trào thi đua", k=20, filters=Filters(years=(2023,)))} == {
        "lai-chau-2023"
    }
    hits = bm25_index.search("phong trào thi đua", k=20, filters=Filters(doc_ids=("son-la-2024",)))
    assert hits and {h.chunk.doc_id for h in hits} == {"son-la-2024"}
    assert bm25_index.search("phong trào", k=5, filters=Filters(doc_types=("chi thi",)))
    assert bm25_index.search("phong trào", k=5, filters=Filters(doc_types=("Thông tư",))) == []
    assert bm25_index.search("phong trào", k=5, filters=Filters(provinces=("Hà Nam",))) == []


def test_coverage_says_how_much_of_a_questions_rare_words_the_best_hit_holds() -> None:
    from index.bm25 import LexicalIndex

    lexical = LexicalIndex.build(["Tỷ lệ hộ nghèo giảm còn 11,41%", "Tốc độ tăng trưởng kinh tế GRDP đạt 7,5%",
                                  "Giao Sở Nội vụ theo dõi việc thực hiện"])
    assert lexical.coverage("tỷ lệ hộ nghèo", 0) == pytest.approx(1.0)
    assert lexical.coverage("tỷ lệ hộ nghèo", 1) == 0.0
    # "bán hàng ra nước ngoài" is said "xuất khẩu" in the text: the best hit shares only the common words
    partly = lexical.coverage("tỷ lệ bán hàng ra nước ngoài", 0)
    assert 0.0 < partly < 0.5
    assert lexical.coverage("", 0) == 0.0


def test_a_question_the_best_keyword_hit_barely_covers_gives_the_model_more_weight(tmp_path, monkeypatch) -> None:
    import index.engine as engine
    from index.fusion import FusionTuning
    from tests.fakes import FakeEncoder

    monkeypatch.setattr(engine, "load_encoder", lambda model_id, **kw: (FakeEncoder(model_id), None))
    ix = open_index(make_corpus(make_directive("son-la-2024")), tmp_path / "ix", embedding_model="fake/encoder",
                    fusion=FusionTuning(unsure_coverage=0.5, unsure_dense_weight=0.9))
    used: list[float] = []
    real = engine.fuse
    monkeypatch.setattr(engine, "fuse", lambda ranked, tuning: used.append(tuning.dense_weight) or real(ranked, tuning))
    ix.search("tỷ lệ hộ nghèo theo chuẩn nghèo", k=3)
    ix.search("hộ nghèo ở vùng khó khăn được hỗ trợ tiền điện sinh hoạt hằng tháng", k=3)
    assert used == [FusionTuning().dense_weight, 0.9]


def test_the_model_reads_a_question_the_same_whichever_way_its_tone_marks_are_placed(tmp_path, monkeypatch) -> None:
    # "hoà"/"hòa", "Uỷ"/"Ủy" are one word: both placements are correct, the documents write the traditional one,
    # and a model reading another sequence of characters reads another word.  NFD input is the same question too.
    import unicodedata

    import index.engine as engine
    from tests.fakes import FakeEncoder

    monkeypatch.setattr(engine, "load_encoder", lambda model_id, **kw: (FakeEncoder(model_id), None))
    items = [(("1",), "mục 1", "1. Ủy ban nhân dân các huyện tổ chức hòa giải ở cơ sở."),
             (("2",), "mục 2", "2. Sở Y tế bảo đảm chăm sóc sức khỏe nhân dân."),
             (("3",), "mục 3", "3. Sở Văn hóa tổ chức các hoạt động thể thao.")]
    ix = open_index(make_corpus(make_directive("son-la-2024", items=items)), tmp_path / "ix",
                    embedding_model="fake/encoder", retriever="dense")

    def ranking(question: str) -> list[tuple[str, float]]:
        return [(h.chunk.clause_id, round(h.score, 6)) for h in ix.search(question, k=3)]

    traditional = ranking("Ủy ban tổ chức hòa giải ở đâu?")
    assert ranking("Uỷ ban tổ chức hoà giải ở đâu?") == traditional
    assert ranking(unicodedata.normalize("NFD", "Ủy ban tổ chức hòa giải ở đâu?")) == traditional
    assert ranking("Sở Văn hoá tổ chức gì?") == ranking("Sở Văn hóa tổ chức gì?")
