"""The runner with a fake assistant: scores, skipped retrievers with their reason, the JSON shape."""

from __future__ import annotations

import json

import pytest

from eval.questions import Gold, Question, QuestionSetError
from eval.runner import run_evaluation
from tests.fakes import FakeAssistant, FakeIndex, Reply, tiny_corpus

SL, LC = "son-la-2024", "lai-chau-2023"
METRIC_KEYS = {
    "recall@1", "recall@5", "recall@10", "mrr@10", "ndcg@10", "answer_accuracy", "citation_accuracy",
    "abstention_accuracy", "false_abstention_rate", "latency_ms_p50", "latency_ms_p95", "errors", "error_rate",
    "turn_accuracy", "topic_switch_accuracy", "unanswerable_follow_up_accuracy",
}


def q(qid, text, kind, gold=(), answers=(), split="test"):
    return Question(id=qid, question=text, kind=kind, gold=tuple(Gold(d, c) for d, c in gold),
                    answers=tuple(answers), answerable=kind != "unanswerable", split=split)


QUESTIONS = (
    q("t1", "Tỷ lệ hộ nghèo năm 2024 của Sơn La?", "target", [(SL, "Phụ lục, mục 12")], ["11,41%"]),
    q("t2", "ty le ho ngheo 2024 son la", "unaccented", [(SL, "Phụ lục, mục 12")], ["11,41%"]),
    q("a1", "Cơ quan nào theo dõi việc thực hiện Chỉ thị?", "ambiguous",
      [(SL, "mục 10"), (LC, "mục 6, điểm e")], ["Sở Nội vụ"]),
    q("n1", "Chỉ thị năm 2021 của Điện Biên có chủ đề gì?", "unanswerable"),
    q("n2", "Lương cơ sở năm 2024 là bao nhiêu?", "unanswerable"),
)


def replies():
    return {
        # right value, right clause at rank 1
        QUESTIONS[0].question: Reply("Tỷ lệ hộ nghèo năm 2024 là 11,41%.", cited=(f"{SL}:PL.12",),
                                     ranked=(f"{SL}:PL.12", f"{SL}:PL.1"), latency_ms=10),
        # right value, wrong clause cited; gold found at rank 3
        QUESTIONS[1].question: Reply("11,41%", cited=(f"{SL}:PL.1",),
                                     ranked=(f"{SL}:3", f"{SL}:PL.1", f"{SL}:PL.12"), latency_ms=20),
        # names Sở Nội vụ but cites only one of the two documents
        QUESTIONS[2].question: Reply("Sở Nội vụ (Sơn La).", cited=(f"{SL}:10",),
                                     ranked=(f"{SL}:10", f"{LC}:6.e"), latency_ms=30),
        QUESTIONS[3].question: Reply("Không tìm thấy trong các văn bản.", abstained=True, latency_ms=40),
        # answers an out-of-scope question: a defect
        QUESTIONS[4].question: Reply("Khoảng 1,8 triệu đồng.", cited=(f"{SL}:3",), latency_ms=50),
    }


def test_scores_follow_the_definitions():
    fake = FakeAssistant(tiny_corpus(), replies())
    report = run_evaluation(fake, QUESTIONS, ["bm25"], corpus=fake.corpus)
    s = report.by_retriever["bm25"]
    assert s.questions == 5
    assert s.recall_at_1 == pytest.approx(2 / 3)  # t1 and a1 at rank 1, t2 at rank 3
    assert s.recall_at_5 == pytest.approx(1.0)
    assert s.mrr_at_10 == pytest.approx((1 + 1 / 3 + 1) / 3)
    assert s.answer_accuracy == pytest.approx(1.0)  # all three answerable answers contain the value
    assert s.citation_accuracy == pytest.approx(1 / 3)  # only t1 cites right (a1 misses Lai Châu)
    assert s.abstention_accuracy == pytest.approx(0.5)
    assert s.false_abstention_rate == pytest.approx(0.0)
    assert s.latency_ms_p50 == pytest.approx(30.0)
    failed = {(f.id, f.reasons) for f in report.failures}
    assert failed == {("t2", ("wrong_citation",)), ("a1", ("wrong_citation",)), ("n2", ("should_abstain",))}


def test_failures_say_what_was_expected_and_what_came_back():
    fake = FakeAssistant(tiny_corpus(), replies())
    report = run_evaluation(fake, QUESTIONS, ["bm25"], corpus=fake.corpus)
    t2 = next(f for f in report.failures if f.id == "t2")
    assert t2.expected == ("11,41%",)
    assert t2.gold == (f"{SL}: Phụ lục, mục 12",)
    assert t2.cited == (f"{SL}: Phụ lục, mục 1",)
    assert t2.got == "11,41%"


def test_abstaining_on_an_answerable_question_is_counted():
    r = replies()
    r[QUESTIONS[0].question] = Reply("Không tìm thấy.", abstained=True, ranked=(f"{SL}:PL.12",))
    fake = FakeAssistant(tiny_corpus(), r)
    s = run_evaluation(fake, QUESTIONS, ["bm25"], corpus=fake.corpus).by_retriever["bm25"]
    assert s.false_abstention_rate == pytest.approx(1 / 3)
    assert s.answer_accuracy == pytest.approx(2 / 3)
    assert s.citation_accuracy == pytest.approx(0.0)  # over the two answered ones: both cite wrong


def test_per_kind_breakdown():
    fake = FakeAssistant(tiny_corpus(), replies())
    kinds = run_evaluation(fake, QUESTIONS, ["bm25"], corpus=fake.corpus).by_kind["bm25"]["directives"]["test"]
    assert set(kinds) == {"target", "unaccented", "ambiguous", "unanswerable"}
    assert kinds["target"].citation_accuracy == 1.0
    assert kinds["unaccented"].citation_accuracy == 0.0
    assert kinds["unanswerable"].abstention_accuracy == 0.5
    assert kinds["unanswerable"].recall_at_5 is None  # nothing to retrieve


def test_fallback_to_bm25_is_reported_as_skipped_not_scored():
    fake = FakeAssistant(tiny_corpus(), replies(), falls_back=("dense", "hybrid"))
    report = run_evaluation(fake, QUESTIONS, ["bm25", "dense", "hybrid"], corpus=fake.corpus)
    assert list(report.by_retriever) == ["bm25"]
    assert set(report.skipped) == {"dense", "hybrid"}
    assert "bm25" in report.skipped["dense"] and "mô hình nhúng" in report.skipped["dense"]
    assert all(f.retriever == "bm25" for f in report.failures)


def test_index_notice_skips_dense_and_hybrid_but_not_bm25():
    notice = "Không tải được mô hình AITeamVN/Vietnamese_Embedding; đang dùng BM25."
    fake = FakeAssistant(tiny_corpus(), replies(), index=FakeIndex(notice=notice))
    report = run_evaluation(fake, QUESTIONS, ["bm25", "dense", "hybrid"], corpus=fake.corpus)
    assert list(report.by_retriever) == ["bm25"]
    assert notice in report.skipped["dense"] and notice in report.skipped["hybrid"]
    assert {r for r, _ in fake.calls} == {"bm25"}  # no question was wasted on a fallback run


def test_a_retriever_that_raises_is_skipped_with_the_error():
    fake = FakeAssistant(tiny_corpus(), replies(), broken=("dense",))
    report = run_evaluation(fake, QUESTIONS, ["dense", "bm25"], corpus=fake.corpus)
    assert "FAISS index is corrupt" in report.skipped["dense"]
    assert "bm25" in report.by_retriever


def test_unknown_gold_label_stops_before_running():
    bad = (q("x1", "Tỷ lệ hộ nghèo?", "target", [(SL, "Phụ lục, mục 99")], ["11,41%"]),)
    fake = FakeAssistant(tiny_corpus(), replies())
    with pytest.raises(QuestionSetError, match="Phụ lục, mục 99"):
        run_evaluation(fake, bad, ["bm25"], corpus=fake.corpus)
    assert fake.calls == []


def test_json_shape():
    fake = FakeAssistant(tiny_corpus(), replies(), falls_back=("dense",))
    data = run_evaluation(fake, QUESTIONS, ["bm25", "dense"], corpus=fake.corpus).to_dict()
    text = json.dumps(data, ensure_ascii=False)
    assert "Sở Nội vụ" in text  # Vietnamese kept readable
    data = json.loads(text)
    assert set(data) == {"questions", "tuning", "corpus", "by_retriever", "by_set", "by_kind", "failures", "skipped"}
    assert data["questions"] == 5
    assert set(data["by_retriever"]["bm25"]) >= METRIC_KEYS
    assert set(data["by_set"]["bm25"]["directives"]["test"]) >= METRIC_KEYS
    assert set(data["by_kind"]["bm25"]["directives"]["test"]["target"]) >= METRIC_KEYS
    assert set(data["skipped"]) == {"dense"}
    assert {"id", "set", "split", "retriever", "question", "expected", "got", "cited"} <= set(data["failures"][0])


def test_citation_without_clause_id_is_resolved_from_its_label():
    from dataclasses import replace

    fake = FakeAssistant(tiny_corpus(), replies())
    original = fake.answer

    def answer_without_ids(question, **kw):
        ans = original(question, **kw)
        return replace(ans, citations=tuple(replace(c, clause_id="") for c in ans.citations))

    fake.answer = answer_without_ids
    s = run_evaluation(fake, QUESTIONS[:1], ["bm25"], corpus=fake.corpus).by_retriever["bm25"]
    assert s.citation_accuracy == 1.0
