"""The bundled real model on the question set: all three retrievers run offline and hybrid beats BM25 on test.

Uses the session fixture ``bundled_e5_assistant`` (five directives embedded once per run).
"""

from __future__ import annotations

import pytest

from eval.questions import load_questions
from eval.runner import run_evaluation


@pytest.fixture(scope="module")
def test_split_report(bundled_e5_assistant):
    questions = [q for q in load_questions() if q.split == "test"]  # eval/splits.toml decides
    return run_evaluation(bundled_e5_assistant, questions, ["bm25", "dense", "hybrid"])


def test_offline_the_bundled_model_runs_dense_and_hybrid(bundled_e5_assistant, test_split_report) -> None:
    assert bundled_e5_assistant.index.model == "bundled:multilingual-e5-small"
    assert test_split_report.skipped == {}
    assert set(test_split_report.by_retriever) == {"bm25", "dense", "hybrid"}


def test_hybrid_answers_at_least_as_well_as_bm25_on_the_test_split(test_split_report) -> None:
    bm25, hybrid = test_split_report.by_retriever["bm25"], test_split_report.by_retriever["hybrid"]
    assert hybrid.answer_accuracy >= bm25.answer_accuracy
    assert hybrid.recall_at_1 >= bm25.recall_at_1
    assert hybrid.abstention_accuracy >= bm25.abstention_accuracy
    # Since the header and signature blocks are chunks, meta questions find their clause in hybrid too.
    assert hybrid.recall_at_5 >= bm25.recall_at_5


def test_an_unaccented_question_finds_its_clause_through_hybrid(bundled_e5_assistant) -> None:
    ans = bundled_e5_assistant.answer("chi tieu ty le ho ngheo nam 2024 cua son la", retriever="hybrid")
    assert ans.retriever == "hybrid" and "11,41%" in ans.answer


def test_the_fusion_the_index_searched_with_is_recorded_in_the_report(bundled_e5_assistant, test_split_report) -> None:
    fusion = bundled_e5_assistant.index.fusion
    assert test_split_report.tuning["fusion"] == fusion.to_dict()
    assert bundled_e5_assistant.tuning.fusion == fusion  # one record of every number


def test_an_unaccented_question_finds_its_clause_through_the_model_alone(bundled_e5_assistant) -> None:
    # e5 reads "ho ngheo" as another language; put back as the chunks write it ("hộ nghèo"), it finds the target
    hits = bundled_e5_assistant.search("chi tieu ty le ho ngheo nam 2024 cua son la", k=5, retriever="dense")
    assert hits[0].chunk.clause_id == "son-la-2024:PL.12"  # read as typed, a general clause came first


def test_the_index_records_what_the_model_read(bundled_e5_assistant) -> None:
    from index.chunking import PASSAGE_VERSION

    assert bundled_e5_assistant.index._stored.manifest.chunker["passage"] == PASSAGE_VERSION


def test_a_question_about_who_signed_or_when_finds_the_block_through_the_model_alone(bundled_e5_assistant) -> None:
    # The model reads the whole question (the document's name is what the block says) and the block as a sentence
    signer = bundled_e5_assistant.search("Người ký Chỉ thị phát động phong trào thi đua của tỉnh Lai Châu năm 2023 là ai?",
                                         k=3, retriever="dense")
    assert signer[0].chunk.clause_id == "lai-chau-2023:CK"
    issued = bundled_e5_assistant.search("Chỉ thị về thi đua năm 2022 của tỉnh Sơn La được ban hành vào ngày nào?",
                                         k=3, retriever="dense")
    assert issued[0].chunk.clause_id == "son-la-2022:DAU"


@pytest.mark.parametrize(("question", "clause"), [
    ("lai chau nam 2023 xac dinh nganh kinh te nao la trong tam", "lai-chau-2023:2"),
    ("chi thi lai chau 2023 ve viec gi", "lai-chau-2023:DAU"),
    ("chi thi son la 2022 ky ngay nao", "son-la-2022:DAU"),
])
def test_a_question_typed_without_diacritics_finds_its_clause_first_through_hybrid(
        bundled_e5_assistant, question: str, clause: str) -> None:
    # BM25 matches folded tokens and leads on a word that stands for several ("ky": ký, kỳ, kỷ), the model reads
    # the question with its marks back and finds the clause: for a bare question the model weighs more
    hits = bundled_e5_assistant.search(question, k=3, retriever="hybrid")
    assert hits[0].chunk.clause_id == clause
