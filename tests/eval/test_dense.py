"""Dense and hybrid columns with the tiny local embedding model (random weights: only the plumbing counts)."""

from __future__ import annotations

import pytest

from eval.questions import load_questions
from eval.runner import run_evaluation


@pytest.mark.slow
def test_all_three_retrievers_are_evaluated_with_a_loadable_model(tmp_path, tiny_st_model_dir):
    from bot import Assistant, get_settings
    from bot.settings import bundled_corpus_dir

    settings = get_settings(corpus_dir=bundled_corpus_dir(), index_dir=tmp_path / "index",
                            embedding_model=str(tiny_st_model_dir), retriever="hybrid")
    assistant = Assistant.load(settings)
    questions = [q for q in load_questions() if q.kind in ("target", "unaccented", "unanswerable")][:12]
    report = run_evaluation(assistant, questions, ["bm25", "dense", "hybrid"])
    assert report.skipped == {}
    assert set(report.by_retriever) == {"bm25", "dense", "hybrid"}
    for scores in report.by_retriever.values():
        assert 0.0 <= scores.recall_at_10 <= 1.0
        assert scores.latency_ms_p95 >= scores.latency_ms_p50 > 0



def test_a_fallback_notice_does_not_skip_dense_when_the_bundled_model_loaded():
    from dataclasses import dataclass

    from tests.eval.test_runner import QUESTIONS, replies
    from tests.fakes import FakeAssistant, FakeIndex, tiny_corpus

    @dataclass
    class FallbackIndex(FakeIndex):
        dense_ready: bool = True

    notice = "Không tải được mô hình nhúng 'X'; chuyển sang mô hình nhúng kèm theo 'bundled:multilingual-e5-small'."
    fake = FakeAssistant(tiny_corpus(), replies(), index=FallbackIndex(notice=notice))
    report = run_evaluation(fake, QUESTIONS, ["bm25", "dense", "hybrid"], corpus=fake.corpus)
    assert report.skipped == {} and set(report.by_retriever) == {"bm25", "dense", "hybrid"}
    none_loaded = FakeAssistant(tiny_corpus(), replies(), index=FallbackIndex(notice="BM25", dense_ready=False))
    report = run_evaluation(none_loaded, QUESTIONS, ["bm25", "dense"], corpus=none_loaded.corpus)
    assert list(report.by_retriever) == ["bm25"] and "BM25" in report.skipped["dense"]
