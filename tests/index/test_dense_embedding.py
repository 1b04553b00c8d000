"""Library-scale embedding: batches across documents, resumes after an interruption, defers big backlogs."""

from __future__ import annotations

import numpy as np
import pytest

import index.engine as engine
from index import open_index
from index.chunking import ChunkerSettings
from index.embedding import checkpoint_folder, embed_chunks, passage_text
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
    return make_corpus(make_directive("son-la-2024"), make_directive("son-la-2023", year=2023))


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
