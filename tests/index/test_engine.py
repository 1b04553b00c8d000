"""open_index end to end with a tiny local model: build, reload, refresh, mismatch, fallback."""

from __future__ import annotations

import json
import unicodedata
from dataclasses import replace

import pytest

from index import IndexMismatchError, open_index
from index.chunking import dense_texts
from index.dense import Encoder
from index.store import load_folder
from tests.index.factory import SAMPLE_ITEMS, make_corpus, make_directive

LAI_CHAU = [
    (("6",), "mục 6", "6. Tổ chức thực hiện"),
    (("6", "e"), "mục 6, điểm e", "e) Giao Sở Nội vụ tổ chức triển khai và theo dõi việc thực hiện Chỉ thị này."),
    (("7",), "mục 7", "7. Các huyện, thành phố xây dựng nông thôn mới, giảm tỷ lệ hộ nghèo."),
]
HA_NAM = [
    (("1",), "mục 1", "1. Đẩy mạnh phong trào thi đua xây dựng NTM nâng cao, kiểu mẫu."),
    (("2",), "mục 2", "2. Bảo đảm BHYT toàn dân, tỷ lệ tham gia đạt 95%."),
]


def _corpus(*ids: str):
    docs = {
        "son-la-2024": make_directive("son-la-2024"),
        "lai-chau-2023": make_directive("lai-chau-2023", items=LAI_CHAU, province="Lai Châu", year=2023),
        "ha-nam-2023": make_directive("ha-nam-2023", items=HA_NAM, province="Hà Nam", year=2023),
    }
    return make_corpus(*(docs[i] for i in ids))


def _read_by_model(chunks, corpus) -> list[str]:
    """The texts the embedding model reads for these chunks (title, headings, body)."""
    return dense_texts(chunks, {d.doc_id: d for d in corpus})


@pytest.fixture
def count_embedded(monkeypatch):
    """Counts the texts sent to the embedding model (wraps the real encoder)."""
    calls: list[list[str]] = []
    real = Encoder.encode_passages

    def counting(self, texts, *, progress=False):
        calls.append(list(texts))
        return real(self, texts, progress=progress)

    monkeypatch.setattr(Encoder, "encode_passages", counting)
    return calls


def test_dense_search_end_to_end_returns_hits_with_spans(tmp_path, tiny_st_model_dir) -> None:
    corpus = _corpus("son-la-2024", "lai-chau-2023")
    ix = open_index(corpus, tmp_path / "ix", embedding_model=str(tiny_st_model_dir), retriever="dense")
    assert ix.retriever == "dense" and ix.notice is None
    assert ix.dimension == 32 and ix.vector_index == "flat"
    target = next(c for c in ix.chunks if c.clause_id == "lai-chau-2023:6.e")
    hits = ix.search(_read_by_model([target], corpus)[0], k=3)
    assert hits[0].chunk.id == target.id  # identical text -> cosine 1
    assert abs(hits[0].scores["dense"] - 1.0) < 1e-4
    for h in hits:
        directive = corpus.get(h.chunk.doc_id)
        assert directive.text[h.chunk.start : h.chunk.end] == h.chunk.text


def test_hybrid_fuses_both_rankings_and_a_call_can_ask_for_one(tmp_path, tiny_st_model_dir) -> None:
    ix = open_index(_corpus("son-la-2024", "lai-chau-2023"), tmp_path / "ix", embedding_model=str(tiny_st_model_dir))
    assert ix.retriever == "hybrid"
    hits = ix.search("ty le ho ngheo", k=5)
    assert hits and "rrf" in hits[0].scores
    assert any("bm25" in h.scores and "dense" in h.scores for h in hits)
    only_bm25 = ix.search("ty le ho ngheo", k=5, retriever="bm25")
    assert only_bm25[0].chunk.clause_id in {"son-la-2024:3.a", "lai-chau-2023:7"}
    assert all(set(h.scores) == {"bm25"} for h in only_bm25)


def test_reload_keeps_vietnamese_text_identical_without_embedding_again(
    tmp_path, tiny_st_model_dir, count_embedded
) -> None:
    corpus = _corpus("son-la-2024", "lai-chau-2023")
    first = open_index(corpus, tmp_path / "ix", embedding_model=str(tiny_st_model_dir))
    count_embedded.clear()
    again = open_index(corpus, tmp_path / "ix", embedding_model=str(tiny_st_model_dir))
    assert count_embedded == [] and again.report.saved is False
    assert [c.text for c in again.chunks] == [c.text for c in first.chunks]
    assert all(unicodedata.is_normalized("NFC", c.text) for c in again.chunks)
    q = "Uỷ ban Mặt trận Tổ quốc"
    assert [h.chunk.id for h in again.search(q)] == [h.chunk.id for h in first.search(q)]
    raw = (tmp_path / "ix" / "chunks.txt").read_text(encoding="utf-8")
    assert "Tỷ lệ hộ nghèo" in raw  # stored readable, not \\u-escaped
    manifest = json.loads((tmp_path / "ix" / "manifest.json").read_text(encoding="utf-8"))
    assert manifest["model"] == str(tiny_st_model_dir) and manifest["dimension"] == 32
    assert set(manifest["documents"]) == {"son-la-2024", "lai-chau-2023"}


def test_adding_a_document_embeds_only_its_chunks(tmp_path, tiny_st_model_dir, count_embedded) -> None:
    model = str(tiny_st_model_dir)
    open_index(_corpus("son-la-2024", "lai-chau-2023"), tmp_path / "ix", embedding_model=model)
    count_embedded.clear()
    corpus = _corpus("son-la-2024", "lai-chau-2023", "ha-nam-2023")
    ix = open_index(corpus, tmp_path / "ix", embedding_model=model)
    sent = [t for call in count_embedded for t in call]
    ha_nam = [c for c in ix.chunks if c.doc_id == "ha-nam-2023"]
    assert len(sent) == len(ha_nam) == ix.report.embedded == 2
    assert sent == _read_by_model(ha_nam, corpus)
    assert ix.report.added == ("ha-nam-2023",)
    assert ix.search("bao hiem y te", k=1, retriever="bm25")[0].chunk.doc_id == "ha-nam-2023"


def test_removing_a_document_drops_its_chunks_and_vectors(tmp_path, tiny_st_model_dir, count_embedded) -> None:
    model = str(tiny_st_model_dir)
    open_index(_corpus("son-la-2024", "lai-chau-2023", "ha-nam-2023"), tmp_path / "ix", embedding_model=model)
    count_embedded.clear()
    ix = open_index(_corpus("son-la-2024", "ha-nam-2023"), tmp_path / "ix", embedding_model=model)
    assert count_embedded == [] and ix.report.removed == ("lai-chau-2023",)
    assert all(c.doc_id != "lai-chau-2023" for c in ix.chunks)
    stored = load_folder(tmp_path / "ix", embedding_model=model)
    assert len(stored.vectors) == len(stored.chunks)
    for mode in ("bm25", "dense", "hybrid"):
        assert all(h.chunk.doc_id != "lai-chau-2023" for h in ix.search("Sở Nội vụ theo dõi", k=20, retriever=mode))


def test_changed_document_is_re_embedded_alone(tmp_path, tiny_st_model_dir, count_embedded) -> None:
    model = str(tiny_st_model_dir)
    corpus = _corpus("son-la-2024", "lai-chau-2023")
    open_index(corpus, tmp_path / "ix", embedding_model=model)
    count_embedded.clear()
    items = [*SAMPLE_ITEMS[:-1], (("5",), "mục 5", "5. Giao Sở Nội vụ tổng hợp, báo cáo kết quả trước ngày 15/12/2024.")]
    edited = make_corpus(make_directive("son-la-2024", items=items), corpus.get("lai-chau-2023"))
    ix = open_index(edited, tmp_path / "ix", embedding_model=model)
    assert ix.report.changed == ("son-la-2024",)
    son_la = [c for c in ix.chunks if c.doc_id == "son-la-2024"]
    assert [t for call in count_embedded for t in call] == _read_by_model(son_la, edited)
    assert "15/12/2024" in ix.search("báo cáo trước ngày 15/12/2024", k=1)[0].chunk.text


def test_index_built_with_another_model_says_how_to_rebuild(tmp_path, tiny_st_model_dir) -> None:
    corpus = _corpus("son-la-2024")
    open_index(corpus, tmp_path / "ix", embedding_model=str(tiny_st_model_dir))
    with pytest.raises(IndexMismatchError, match=r"thidua index --rebuild") as err:
        load_folder(tmp_path / "ix", embedding_model="BAAI/bge-m3")
    assert "BAAI/bge-m3" in str(err.value) and str(tiny_st_model_dir) in str(err.value)
    with pytest.raises(IndexMismatchError):
        open_index(corpus, tmp_path / "ix", embedding_model="BAAI/bge-m3", retriever="bm25", auto_rebuild=False)
    rebuilt = open_index(corpus, tmp_path / "ix", embedding_model="BAAI/bge-m3", retriever="bm25")
    assert rebuilt.report.rebuilt and rebuilt.model == "BAAI/bge-m3"


def test_index_in_another_format_version_says_how_to_rebuild(tmp_path) -> None:
    corpus = _corpus("son-la-2024")
    open_index(corpus, tmp_path / "ix", embedding_model="m", retriever="bm25")
    path = tmp_path / "ix" / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest["format"] = 999
    path.write_text(json.dumps(manifest), encoding="utf-8")
    with pytest.raises(IndexMismatchError, match=r"thidua index --rebuild"):
        load_folder(tmp_path / "ix", embedding_model="m")
    assert open_index(corpus, tmp_path / "ix", embedding_model="m", retriever="bm25").report.rebuilt


def test_unloadable_hub_model_falls_back_to_bm25_without_trying_to_download(tmp_path, monkeypatch) -> None:
    import sentence_transformers

    attempts: list[str] = []
    monkeypatch.setattr(sentence_transformers, "SentenceTransformer", lambda *a, **k: attempts.append(a[0]))
    ix = open_index(_corpus("son-la-2024"), tmp_path / "ix", embedding_model="no-such-org/no-such-model")
    assert attempts == []  # not in the cache and offline: no load attempt at all
    assert ix.retriever == "bm25"
    assert ix.notice and "no-such-org/no-such-model" in ix.notice and "THIDUA_EMBEDDING_MODEL" in ix.notice
    assert "\n" not in ix.notice
    assert ix.search("ty le ho ngheo", k=1)[0].chunk.clause_id == "son-la-2024:3.a"
    assert ix.search("ty le ho ngheo", k=1, retriever="dense")[0].scores.keys() == {"bm25"}


def test_missing_local_model_folder_gives_the_same_notice(tmp_path) -> None:
    ix = open_index(_corpus("son-la-2024"), tmp_path / "ix", embedding_model=str(tmp_path / "khong-co"),
                    retriever="dense")
    assert ix.retriever == "bm25" and "khong-co" in ix.notice


def test_model_that_loads_later_embeds_the_bm25_only_index(tmp_path, tiny_st_model_dir) -> None:
    model = str(tiny_st_model_dir)
    corpus = _corpus("son-la-2024")
    open_index(corpus, tmp_path / "ix", embedding_model=model, retriever="bm25")
    ix = open_index(corpus, tmp_path / "ix", embedding_model=model, retriever="hybrid")
    assert ix.retriever == "hybrid" and ix.report.embedded == len(ix.chunks)


def test_hnsw_is_used_above_the_threshold(tmp_path, tiny_st_model_dir) -> None:
    model = str(tiny_st_model_dir)
    corpus = _corpus("son-la-2024", "lai-chau-2023")
    ix = open_index(corpus, tmp_path / "ix", embedding_model=model, hnsw_threshold=5)
    assert ix.vector_index == "hnsw"
    target = ix.chunks[3]
    assert ix.search(_read_by_model([target], corpus)[0], k=1, retriever="dense")[0].chunk.id == target.id
    assert open_index(corpus, tmp_path / "ix2", embedding_model=model).vector_index == "flat"


def test_reranker_rescores_the_top_candidates(tmp_path, tiny_st_model_dir, tiny_cross_encoder_dir) -> None:
    ix = open_index(_corpus("son-la-2024"), tmp_path / "ix", embedding_model=str(tiny_st_model_dir),
                    reranker=str(tiny_cross_encoder_dir))
    hits = ix.search("tỷ lệ hộ nghèo", k=5)
    assert ix.notice is None and all("rerank" in h.scores for h in hits)
    assert [h.score for h in hits] == sorted((h.score for h in hits), reverse=True)


def test_unloadable_reranker_keeps_the_fused_ranking_with_a_notice(tmp_path, tiny_st_model_dir) -> None:
    ix = open_index(_corpus("son-la-2024"), tmp_path / "ix", embedding_model=str(tiny_st_model_dir),
                    reranker="no-such-org/reranker")
    assert ix.retriever == "hybrid" and "THIDUA_RERANKER" in ix.notice
    assert ix.search("tỷ lệ hộ nghèo", k=3)


def test_a_crash_while_saving_leaves_the_previous_index_usable(tmp_path, monkeypatch) -> None:
    from index.bm25 import LexicalIndex

    folder = tmp_path / "ix"
    open_index(_corpus("son-la-2024"), folder, embedding_model="m", retriever="bm25")

    def boom(self, path):
        raise OSError("disk full")

    monkeypatch.setattr(LexicalIndex, "save", boom)
    with pytest.raises(OSError):
        open_index(_corpus("son-la-2024", "ha-nam-2023"), folder, embedding_model="m", retriever="bm25")
    assert sorted(p.name for p in tmp_path.iterdir() if p.suffix != ".lock") == ["ix"]  # no half-written sibling
    monkeypatch.undo()
    stored = load_folder(folder, embedding_model="m")
    assert {c.doc_id for c in stored.chunks} == {"son-la-2024"}


def test_a_folder_that_is_not_an_index_is_never_overwritten(tmp_path) -> None:
    folder = tmp_path / "documents"
    folder.mkdir()
    (folder / "important.txt").write_text("giữ lại", encoding="utf-8")
    with pytest.raises(IndexMismatchError, match="--index-dir"):
        open_index(_corpus("son-la-2024"), folder, embedding_model="m", retriever="bm25")
    assert (folder / "important.txt").read_text(encoding="utf-8") == "giữ lại"


def test_metadata_change_is_seen_as_a_changed_document(tmp_path) -> None:
    corpus = _corpus("son-la-2024")
    open_index(corpus, tmp_path / "ix", embedding_model="m", retriever="bm25")
    moved = make_corpus(replace(corpus.get("son-la-2024"), year=2025))
    ix = open_index(moved, tmp_path / "ix", embedding_model="m", retriever="bm25")
    assert ix.report.changed == ("son-la-2024",) and {c.year for c in ix.chunks} == {2025}


def test_an_index_chunked_the_old_way_is_rebuilt_with_one_line(tmp_path) -> None:
    """Version 1 indexed no header or signature chunk: its folder must not answer "Ai ký …?" from stale chunks."""
    corpus = _corpus("son-la-2024")
    open_index(corpus, tmp_path / "ix", embedding_model="m", retriever="bm25")
    path = tmp_path / "ix" / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    manifest["chunker"]["version"] = 1
    path.write_text(json.dumps(manifest), encoding="utf-8")
    ix = open_index(corpus, tmp_path / "ix", embedding_model="m", retriever="bm25")
    assert ix.report.rebuilt
    assert ix.notice and "\n" not in ix.notice and "cách cũ" in ix.notice and "đã xây dựng lại" in ix.notice
    again = open_index(corpus, tmp_path / "ix", embedding_model="m", retriever="bm25")
    assert not again.report.rebuilt and again.notice is None


def test_a_question_typed_without_diacritics_is_fused_with_its_own_weight(tmp_path, tiny_st_model_dir) -> None:
    from index.fusion import FusionTuning

    def dense_bonus(hits) -> float:  # how much the fused scores exceed BM25's share of its best
        top = max(h.scores.get("bm25", 0.0) for h in hits)
        return max(h.scores["rrf"] - h.scores.get("bm25", 0.0) / top for h in hits)

    ix = open_index(_corpus("son-la-2024", "lai-chau-2023"), tmp_path / "ix", embedding_model=str(tiny_st_model_dir),
                    fusion=FusionTuning(dense_weight=0.0, unaccented_dense_weight=1.0))
    assert dense_bonus(ix.search("ty le ho ngheo", k=10)) > 0.1  # typed bare: the model's weight is 1
    assert dense_bonus(ix.search("tỷ lệ hộ nghèo", k=10)) == pytest.approx(0.0)  # typed with marks: 0
    ix.fusion = FusionTuning(dense_weight=1.0, unaccented_dense_weight=0.0)
    assert dense_bonus(ix.search("ty le ho ngheo", k=10)) == pytest.approx(0.0)
    assert dense_bonus(ix.search("tỷ lệ hộ nghèo", k=10)) > 0.1
