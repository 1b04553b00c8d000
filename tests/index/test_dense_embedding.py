"""Library-scale embedding: batches across documents, resumes after an interruption, defers big backlogs."""

from __future__ import annotations

import numpy as np
import pytest

import index.engine as engine
from index import open_index
from index.chunking import PASSAGE_VERSION, ChunkerSettings
from index.embedding import checkpoint_folder, embed_chunks, passage_text
from index.models import Filters
from tests.fakes import FakeEncoder
from tests.index.factory import make_corpus, make_directive

TEXTS = [f"đoạn {i} về thi đua khen thưởng số {i}" for i in range(10)]
GROUPS = ["a"] * 3 + ["b"] * 4 + ["c"] * 3


def test_batches_span_documents_and_rows_keep_their_order(tmp_path) -> None:
    enc = FakeEncoder(batch_size=4)
    result = embed_chunks(enc, TEXTS, GROUPS, checkpoints=tmp_path / "cp")
    assert [len(c) for c in enc.calls] == [4, 4, 2]
    assert result.embedded == 10 and result.resumed == 0
    assert np.allclose(result.vectors, enc.encode_passages(TEXTS))


def test_an_interrupted_run_keeps_finished_documents_and_the_next_run_embeds_only_the_rest(tmp_path) -> None:
    with pytest.raises(KeyboardInterrupt):
        embed_chunks(FakeEncoder(batch_size=4, fail_after=2), TEXTS, GROUPS, checkpoints=tmp_path / "cp")
    # Batches 1-2 covered documents a (3) and b (4) fully and c (1 of 3) partly.
    assert len(list((tmp_path / "cp").glob("*.npy"))) == 2
    enc = FakeEncoder(batch_size=4)
    result = embed_chunks(enc, TEXTS, GROUPS, checkpoints=tmp_path / "cp")
    assert result.resumed == 7 and result.embedded == 3 and enc.embedded == 3
    assert np.allclose(result.vectors, FakeEncoder().encode_passages(TEXTS))


def test_checkpoints_of_another_model_or_changed_text_are_not_reused(tmp_path) -> None:
    embed_chunks(FakeEncoder(batch_size=4), TEXTS, GROUPS, checkpoints=tmp_path / "cp")
    other = FakeEncoder("fake/other", batch_size=4)
    assert embed_chunks(other, TEXTS, GROUPS, checkpoints=tmp_path / "cp").resumed == 0
    edited = [*TEXTS[:-1], "đoạn cuối đã sửa"]
    assert embed_chunks(FakeEncoder(batch_size=4), edited, GROUPS, checkpoints=tmp_path / "cp").resumed == 7


def _two_docs():
    # Titles differ: the model reads each chunk after its document's title, so equal titles and items
    # would be equal texts (whose vectors one checkpoint rightly serves twice).
    return make_corpus(make_directive("son-la-2024", title="Phát động phong trào thi đua năm 2024"),
                       make_directive("son-la-2023", year=2023, title="Phát động phong trào thi đua năm 2023"))


def _patch_encoder(monkeypatch, enc: FakeEncoder) -> None:
    monkeypatch.setattr(engine, "load_encoder", lambda model_id, **kw: (enc, None))


def test_open_index_interrupted_mid_build_resumes_without_embedding_again(tmp_path, monkeypatch) -> None:
    corpus = _two_docs()
    _patch_encoder(monkeypatch, FakeEncoder("fake/encoder", batch_size=4, fail_after=3))
    with pytest.raises(KeyboardInterrupt):
        open_index(corpus, tmp_path / "ix", embedding_model="fake/encoder")
    assert any(checkpoint_folder(tmp_path / "ix").glob("*.npy"))
    enc = FakeEncoder("fake/encoder", batch_size=4)
    _patch_encoder(monkeypatch, enc)
    ix = open_index(corpus, tmp_path / "ix", embedding_model="fake/encoder")
    total = len(ix.chunks)
    assert ix.dense_ready and ix.report.embedded == total
    assert 0 < enc.embedded < total  # the first document came from its checkpoint
    assert not checkpoint_folder(tmp_path / "ix").exists()  # cleaned once saved


def test_a_backlog_above_the_limit_waits_for_thidua_index_and_says_so(tmp_path, monkeypatch) -> None:
    corpus = _two_docs()
    enc = FakeEncoder("fake/encoder")
    _patch_encoder(monkeypatch, enc)
    ix = open_index(corpus, tmp_path / "ix", embedding_model="fake/encoder", embed_limit=3)
    assert ix.retriever == "bm25" and not ix.dense_ready and enc.embedded == 0
    assert "thidua index" in ix.notice and "BM25" in ix.notice
    assert ix.search("tỷ lệ hộ nghèo", k=1)  # keyword search answers meanwhile
    full = open_index(corpus, tmp_path / "ix", embedding_model="fake/encoder")  # what `thidua index` does
    assert full.retriever == "hybrid" and full.report.embedded == len(full.chunks)
    assert open_index(corpus, tmp_path / "ix", embedding_model="fake/encoder", embed_limit=3).dense_ready


HEADER = "Chỉ thị 01/CT-UBND UBND tỉnh Sơn La năm 2024 — mục 3 — Chỉ tiêu chủ yếu"
BODY = ("Tốc độ tăng trưởng GRDP đạt 7,5%. Tỷ lệ hộ nghèo giảm còn 11,41%; thu ngân sách nhà nước "
        "trên địa bàn đạt 5.800 tỷ đồng và tỷ lệ che phủ rừng đạt 47,6% theo kế hoạch của tỉnh.")


def test_the_passage_cut_keeps_the_header_whole_and_ends_the_body_at_a_sentence() -> None:
    text = f"{HEADER}\n{BODY}"
    assert passage_text(text, 0) == text and passage_text(text, 10_000) == text
    assert passage_text(text, 60) == f"{HEADER}\nTốc độ tăng trưởng GRDP đạt 7,5%."
    cut = passage_text(text, 70)
    assert cut == f"{HEADER}\nTốc độ tăng trưởng GRDP đạt 7,5%. Tỷ lệ hộ nghèo giảm còn 11,41%;"
    short = passage_text(text, 20)  # no sentence end in the budget: the last whole word
    assert short == f"{HEADER}\nTốc độ tăng trưởng"


def test_a_cut_passage_budget_is_recorded_and_changing_it_re_embeds_everything(tmp_path, monkeypatch) -> None:
    corpus = _two_docs()
    enc = FakeEncoder("fake/encoder")
    _patch_encoder(monkeypatch, enc)
    whole = open_index(corpus, tmp_path / "ix", embedding_model="fake/encoder")
    assert "embed_chars" not in whole._stored.manifest.chunker  # folders built before the setting still match
    longest = max(len(t) for call in enc.calls for t in call)
    enc.calls.clear()
    cut = open_index(corpus, tmp_path / "ix", embedding_model="fake/encoder", chunker=ChunkerSettings(embed_chars=40))
    assert cut.report.rebuilt or cut.report.embedded == len(cut.chunks)
    assert cut._stored.manifest.chunker["embed_chars"] == 40
    assert max(len(t) for call in enc.calls for t in call) < longest
    assert [c.embed_text for c in cut.chunks] == [c.embed_text for c in whole.chunks]  # BM25 still reads it all


def test_the_model_reads_a_clause_after_its_documents_title_and_headings_not_its_label(tmp_path, monkeypatch) -> None:
    corpus = _two_docs()
    enc = FakeEncoder("fake/encoder")
    _patch_encoder(monkeypatch, enc)
    ix = open_index(corpus, tmp_path / "ix", embedding_model="fake/encoder")
    read = [t for call in enc.calls for t in call]
    point = next(c for c in ix.chunks if c.clause_id == "son-la-2024:3.a")
    assert ("Phát động phong trào thi đua năm 2024\n"
            "3. Phấn đấu hoàn thành các chỉ tiêu kinh tế - xã hội chủ yếu năm 2024 như sau:\n"
            "a) Tỷ lệ hộ nghèo theo chuẩn nghèo giai đoạn 2021-2025 là 11,41%.") in read
    assert not any("mục 3, điểm a" in t or "01/CT-UBND" in t for t in read if "11,41%" in t)
    # BM25 still reads the number and the label a question may name ("mục 3 điểm a của Chỉ thị 01")
    assert "mục 3, điểm a" in point.embed_text and "01/CT-UBND" in point.embed_text
    assert ix.search("hộ nghèo theo chuẩn nghèo", k=1, retriever="dense")[0].chunk.clause_id.endswith(":3.a")


def _as_built_before_passages(folder) -> None:
    """Rewrite a folder's manifest as thidua wrote it before the passage version existed (version 1)."""
    import json

    path = folder / "manifest.json"
    manifest = json.loads(path.read_text(encoding="utf-8"))
    del manifest["chunker"]["passage"]
    path.write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")


def test_an_index_embedded_the_old_way_keeps_its_keywords_and_is_embedded_again_saying_why(
    tmp_path, monkeypatch
) -> None:
    corpus = _two_docs()
    enc = FakeEncoder("fake/encoder")
    _patch_encoder(monkeypatch, enc)
    first = open_index(corpus, tmp_path / "ix", embedding_model="fake/encoder")
    keyword = [h.chunk.id for h in first.search("Sở Nội vụ theo dõi", k=5, retriever="bm25")]
    _as_built_before_passages(tmp_path / "ix")
    enc.calls.clear()
    again = open_index(corpus, tmp_path / "ix", embedding_model="fake/encoder")
    assert not again.report.rebuilt and again.report.added == ()  # chunks and BM25 kept
    assert again.report.embedded == len(again.chunks) == enc.embedded
    assert again.notice is not None and again.notice.count("\n") == 0 and "nhúng lại" in again.notice
    assert again.dense_ready and again._stored.manifest.chunker["passage"] == PASSAGE_VERSION
    assert [h.chunk.id for h in again.search("Sở Nội vụ theo dõi", k=5, retriever="bm25")] == keyword
    enc.calls.clear()
    third = open_index(corpus, tmp_path / "ix", embedding_model="fake/encoder")
    assert enc.embedded == 0 and third.notice is None and third.report.saved is False


def test_a_keyword_only_index_of_the_old_way_is_left_as_it_is(tmp_path, monkeypatch) -> None:
    corpus = _two_docs()
    open_index(corpus, tmp_path / "ix", embedding_model="fake/encoder", retriever="bm25")
    _as_built_before_passages(tmp_path / "ix")
    again = open_index(corpus, tmp_path / "ix", embedding_model="fake/encoder", retriever="bm25")
    assert again.notice is None and not again.report.rebuilt and again.report.saved is False


def _meta_read(doc_id: str):
    from bot.settings import bundled_corpus_dir
    from corpus import load_corpus
    from index.chunking import chunk_directive, dense_texts, is_meta_chunk

    d = load_corpus(bundled_corpus_dir()).get(doc_id)
    meta = {c.label: c for c in chunk_directive(d) if is_meta_chunk(c.id)}
    read = dict(zip(meta, dense_texts(list(meta.values()), {d.doc_id: d}), strict=True))
    return d, meta, read


def test_the_header_and_signature_are_read_as_a_sentence_naming_the_document_then_what_they_state() -> None:
    _, meta, read = _meta_read("lai-chau-2023")
    about = "về việc phát động phong trào thi đua thực hiện thắng lợi nhiệm vụ phát triển kinh tế - xã hội năm 2023"
    # "Chỉ thị … do ai ký?" / "… ban hành ngày nào?" name the document the way these sentences do
    assert read["phần chữ ký"].startswith(f"Chỉ thị số 01/CT-UBND của UBND tỉnh Lai Châu {about} do Trần Tiến Dũng ký.\n")
    assert read["phần đầu"].startswith(f"Chỉ thị số 01/CT-UBND của UBND tỉnh Lai Châu ban hành ngày 27/01/2023 {about}.\n")
    assert "Người ký: Trần Tiến Dũng" in read["phần chữ ký"] and "Số hiệu: 01/CT-UBND" in read["phần đầu"]
    for label, chunk in meta.items():
        assert read[label].endswith(chunk.text)  # the block itself is still read
        assert "về việc về việc" not in read[label].lower()
        assert label not in read[label]  # the search header line ("… — phần chữ ký") is BM25's, not the model's
        assert label in chunk.embed_text  # BM25 still reads it


def test_a_document_without_number_or_date_is_named_by_its_type_issuer_and_title() -> None:
    _, _, read = _meta_read("son-la-2023")
    assert read["phần đầu"].startswith("Chỉ thị của UBND tỉnh Sơn La về việc phát động phong trào thi đua năm 2023.\n")
    assert read["phần chữ ký"].startswith(
        "Chỉ thị của UBND tỉnh Sơn La về việc phát động phong trào thi đua năm 2023 do Hoàng Quốc Khánh ký.\n")


def test_the_model_can_read_other_words_than_bm25(tmp_path, monkeypatch) -> None:
    # A question about the document itself: BM25 reads its topic, the model the question as asked.
    _patch_encoder(monkeypatch, FakeEncoder("fake/encoder"))
    ix = open_index(_two_docs(), tmp_path / "ix", embedding_model="fake/encoder")
    keyword = ix.search("Sở Nội vụ theo dõi", k=1, retriever="bm25")[0].chunk.clause_id
    model = ix.search("Sở Nội vụ theo dõi", k=1, retriever="dense", dense_query="hộ nghèo theo chuẩn nghèo")
    assert model[0].chunk.clause_id.endswith(":3.a") and not keyword.endswith(":3.a")
    both = ix.search("Sở Nội vụ theo dõi", k=1, retriever="bm25", dense_query="hộ nghèo theo chuẩn nghèo")
    assert both[0].chunk.clause_id == keyword  # BM25 never reads it


HEADINGS = ChunkerSettings(dense_unit="heading")


def _sectioned():
    """The two directives with their top-level items as sections ("I.", "II." in a real one): headings the
    model reads in "heading" mode."""
    from dataclasses import replace

    from corpus.models import Corpus

    return Corpus(tuple(replace(d, clauses=tuple(replace(c, kind="section") if c.parent is None else c
                                                 for c in d.clauses)) for d in _two_docs().directives))


def test_read_by_heading_the_points_of_one_section_share_one_vector_and_keyword_search_picks_among_them(
    tmp_path, monkeypatch
) -> None:
    corpus = _sectioned()
    enc = FakeEncoder("fake/encoder")
    _patch_encoder(monkeypatch, enc)
    ix = open_index(corpus, tmp_path / "ix", embedding_model="fake/encoder", chunker=HEADINGS)
    read = [t for call in enc.calls for t in call]
    assert len(read) == len(set(read)) == ix.report.embedded < len(ix.chunks)  # each text read once
    assert not any("11,41%" in t for t in read)  # the body is not read, its section's heading is
    assert ("Phát động phong trào thi đua năm 2024\n"
            "3. Phấn đấu hoàn thành các chỉ tiêu kinh tế - xã hội chủ yếu năm 2024 như sau:") in read
    vid = {c.clause_id: v for c, v in zip(ix.chunks, ix._stored.vector_ids, strict=True)}
    # the section's own line is its heading too: read alike, one vector (never across documents)
    assert vid["son-la-2024:3"] == vid["son-la-2024:3.a"] == vid["son-la-2024:3.b"] != vid["son-la-2023:3.a"]
    assert ix._stored.manifest.chunker["dense_unit"] == "heading"  # the manifest says what was embedded
    dense = ix.search("chỉ tiêu kinh tế xã hội chủ yếu", k=4, retriever="dense",
                      filters=Filters(doc_ids=("son-la-2024",)))
    assert {h.chunk.clause_id for h in dense[:3]} == {"son-la-2024:3", "son-la-2024:3.a", "son-la-2024:3.b"}
    assert dense[0].score == dense[2].score > dense[3].score
    hybrid = ix.search("chỉ tiêu tốc độ tăng trưởng kinh tế GRDP", k=3, filters=Filters(doc_ids=("son-la-2024",)))
    assert hybrid[0].chunk.clause_id == "son-la-2024:3.b"
    again = open_index(corpus, tmp_path / "ix", embedding_model="fake/encoder", chunker=HEADINGS)
    assert again.report.embedded == 0 and again._stored.vector_ids == ix._stored.vector_ids


def test_switching_to_headings_keeps_the_keyword_index_and_embeds_again_saying_why(tmp_path, monkeypatch) -> None:
    corpus = _two_docs()
    enc = FakeEncoder("fake/encoder")
    _patch_encoder(monkeypatch, enc)
    whole = open_index(corpus, tmp_path / "ix", embedding_model="fake/encoder")
    assert "dense_unit" not in whole._stored.manifest.chunker  # folders built before the setting still match
    heads = open_index(corpus, tmp_path / "ix", embedding_model="fake/encoder", chunker=HEADINGS)
    assert not heads.report.rebuilt and heads.report.added == ()
    assert heads.notice is not None and "\n" not in heads.notice and "nhúng lại" in heads.notice
    assert 0 < heads.report.embedded < len(heads.chunks) and heads.dense_ready
    back = open_index(corpus, tmp_path / "ix", embedding_model="fake/encoder")
    assert back.report.embedded == len(back.chunks) and "dense_unit" not in back._stored.manifest.chunker


def test_the_embedding_limit_counts_the_texts_the_model_reads_not_the_chunks(tmp_path, monkeypatch) -> None:
    corpus = _two_docs()
    _patch_encoder(monkeypatch, FakeEncoder("fake/encoder"))
    probe = open_index(corpus, tmp_path / "probe", embedding_model="fake/encoder", chunker=HEADINGS)
    texts = probe.report.embedded
    assert texts < len(probe.chunks)
    ix = open_index(corpus, tmp_path / "ix", embedding_model="fake/encoder", chunker=HEADINGS, embed_limit=texts)
    assert ix.dense_ready and ix.notice is None
    lazy = open_index(corpus, tmp_path / "lazy", embedding_model="fake/encoder", chunker=HEADINGS,
                      embed_limit=texts - 1)
    assert not lazy.dense_ready and "thidua index" in lazy.notice


def test_removing_a_document_read_by_headings_drops_its_shared_vectors_only(tmp_path, monkeypatch) -> None:
    corpus = _two_docs()
    _patch_encoder(monkeypatch, FakeEncoder("fake/encoder"))
    ix = open_index(corpus, tmp_path / "ix", embedding_model="fake/encoder", chunker=HEADINGS)
    before = len(ix._stored.vectors)
    kept = {v for c, v in zip(ix.chunks, ix._stored.vector_ids, strict=True) if c.doc_id == "son-la-2023"}
    ix.remove(["son-la-2024"])
    assert len(ix._stored.vectors) == len(kept) < before
    hits = ix.search("chỉ tiêu kinh tế xã hội chủ yếu", k=3, retriever="dense")
    assert hits and {h.chunk.doc_id for h in hits} == {"son-la-2023"}
