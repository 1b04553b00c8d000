"""Conversations scored turn by turn, errors never counted as abstentions, splits and tuning in the report."""

from __future__ import annotations

import json
from dataclasses import dataclass

import pytest

from bot.models import Answer
from eval.questions import Conversation, QuestionSetError, Turn, parse_conversations
from eval.report import render_markdown, render_text
from eval.runner import run_evaluation
from tests.eval.test_runner import QUESTIONS, q, replies
from tests.fakes import FakeAssistant, Reply, tiny_corpus

SL = "son-la-2024"
POVERTY = "Chỉ tiêu tỷ lệ hộ nghèo năm 2024 của Sơn La?"
SALARY = "Mức lương cơ sở năm 2024 là bao nhiêu?"
GROWTH = "Còn tốc độ tăng trưởng kinh tế?"
PETROL = "Còn giá xăng thì sao?"


def conversation(cid="c1", split="test"):
    turns = (
        Turn(1, "new_topic", q(f"{cid}-1", POVERTY, "target", [(SL, "Phụ lục, mục 12")], ["11,41%"], split=split)),
        Turn(2, "new_topic", q(f"{cid}-2", SALARY, "unanswerable", split=split)),
        Turn(3, "follow_up", q(f"{cid}-3", GROWTH, "target", [(SL, "Phụ lục, mục 1")], ["7,5%"], split=split)),
        Turn(4, "follow_up", q(f"{cid}-4", PETROL, "unanswerable", split=split)),
    )
    return Conversation(id=cid, split=split, turns=turns)


def conversation_replies():
    return {
        POVERTY: Reply("11,41%.", cited=(f"{SL}:PL.12",)),
        # the defect of the issue: the old answer carried over to an unrelated question
        SALARY: Reply("11,41%.", cited=(f"{SL}:PL.12",)),
        GROWTH: Reply("7,5%.", cited=(f"{SL}:PL.1",)),
        PETROL: Reply("Không tìm thấy.", abstained=True),
    }


def test_each_turn_is_scored_and_the_previous_answer_is_passed_on():
    fake = FakeAssistant(tiny_corpus(), conversation_replies())
    report = run_evaluation(fake, {"conversations": [conversation()]}, ["bm25"], corpus=fake.corpus)
    s = report.scores("bm25", "conversations", "test")
    assert s.questions == 4
    assert s.turn_accuracy == pytest.approx(3 / 4)
    assert s.topic_switch_accuracy == 0.0  # turn 2 inherited the old answer
    assert s.follow_up_accuracy == 1.0
    assert s.unanswerable_follow_up_accuracy == pytest.approx(1 / 2)  # turn 2 wrong, turn 4 right
    assert s.conversation_accuracy == 0.0
    assert s.recall_at_5 is None  # retrieval is not measured on turns
    assert fake.previous_seen == [(POVERTY, None), (SALARY, POVERTY), (GROWTH, SALARY), (PETROL, GROWTH)]
    (failure,) = report.failures
    assert failure.id == "c1-2" and failure.reasons == ("should_abstain",)


def test_each_conversation_starts_without_a_previous_answer():
    fake = FakeAssistant(tiny_corpus(), conversation_replies())
    run_evaluation(fake, {"conversations": [conversation("c1"), conversation("c2")]}, ["bm25"], corpus=fake.corpus)
    assert [p for question, p in fake.previous_seen if question == POVERTY] == [None, None]


def test_an_exception_is_an_error_not_an_abstention():
    unanswerable = QUESTIONS[3].question  # the fake would abstain on it; here answering raises instead
    fake = FakeAssistant(tiny_corpus(), replies(), crashes=(unanswerable, QUESTIONS[0].question))
    report = run_evaluation(fake, QUESTIONS, ["bm25"], corpus=fake.corpus)
    s = report.by_retriever["bm25"]
    assert s.errors == 2 and s.error_rate == pytest.approx(2 / 5)
    assert s.abstention_accuracy == 0.0  # n1 errored, n2 answered: neither is a right abstention
    assert s.answer_accuracy == pytest.approx(2 / 3)
    assert s.false_abstention_rate == 0.0
    errors = {f.id: f for f in report.failures if "error" in f.reasons}
    assert set(errors) == {"t1", "n1"} and "KeyError" in errors["n1"].got


def test_a_logged_error_behind_an_abstention_is_an_error():
    """The old catch-all logged the bug and returned "Không tìm thấy"-like text: that must not score as abstaining."""
    unanswerable = QUESTIONS[3].question
    fake = FakeAssistant(tiny_corpus(), replies(), swallows=(unanswerable,))
    s = run_evaluation(fake, QUESTIONS, ["bm25"], corpus=fake.corpus).by_retriever["bm25"]
    assert s.errors == 1 and s.abstention_accuracy == 0.0


def test_an_answer_flagged_as_an_error_is_an_error():
    fake = FakeAssistant(tiny_corpus(), replies())
    original = fake.answer

    def flagged(question, **kw):
        ans = original(question, **kw)
        return Answer(question=ans.question, answer=ans.answer, abstained=True, retriever=ans.retriever,
                      extra={"error": "internal"}) if question == QUESTIONS[3].question else ans

    fake.answer = flagged
    s = run_evaluation(fake, QUESTIONS, ["bm25"], corpus=fake.corpus).by_retriever["bm25"]
    assert s.errors == 1 and s.abstention_accuracy == 0.0


def test_figures_per_split_and_kind():
    mixed = (QUESTIONS[0], q("d1", "Tốc độ tăng trưởng 2024?", "target", [(SL, "Phụ lục, mục 1")], ["7,5%"],
                             split="dev"), QUESTIONS[3])
    r = replies()
    r["Tốc độ tăng trưởng 2024?"] = Reply("8%.", cited=(f"{SL}:PL.1",))
    fake = FakeAssistant(tiny_corpus(), r)
    report = run_evaluation(fake, {"directives": mixed}, ["bm25"], corpus=fake.corpus)
    splits = report.by_set["bm25"]["directives"]
    assert set(splits) == {"dev", "test", "all"}
    assert splits["test"].answer_accuracy == 1.0 and splits["dev"].answer_accuracy == 0.0
    assert splits["all"].answer_accuracy == pytest.approx(0.5)
    kinds = report.by_kind["bm25"]["directives"]
    assert set(kinds["test"]) == {"target", "unanswerable"} and set(kinds["dev"]) == {"target"}


@dataclass(frozen=True)
class Tuning:
    abstain_below: float = 0.35
    max_documents: int = 5


def test_the_tuning_in_force_is_recorded_in_every_report():
    fake = FakeAssistant(tiny_corpus(), replies())
    fake.tuning = Tuning()
    report = run_evaluation(fake, QUESTIONS, ["bm25"], corpus=fake.corpus)
    assert report.tuning == {"abstain_below": 0.35, "max_documents": 5}
    assert json.loads(json.dumps(report.to_dict()))["tuning"]["abstain_below"] == 0.35
    assert '"abstain_below": 0.35' in render_markdown(report)
    assert "abstain_below" in render_text(report)


def test_conversation_figures_appear_in_the_reports():
    fake = FakeAssistant(tiny_corpus(), {**replies(), **conversation_replies()})
    report = run_evaluation(fake, {"directives": QUESTIONS, "conversations": [conversation()]}, ["bm25"],
                            corpus=fake.corpus)
    text, markdown = render_text(report), render_markdown(report)
    for out in (text, markdown):
        assert "Đổi chủ đề đúng / topic switch acc." in out
        assert "Hỏi tiếp ngoài văn bản / unanswerable follow-up acc." in out
        assert "Lỗi nội bộ / error rate" in out


def _conv_line(**over):
    base = {"id": "conv-1", "split": "test", "turns": [
        {"question": POVERTY, "kind": "target", "gold": [{"doc_id": SL, "clause": "Phụ lục, mục 12"}],
         "answers": ["11,41%"], "answerable": True, "expect": "new_topic"},
        {"question": "Còn năm 2023?", "kind": "unanswerable", "gold": [], "answers": [], "answerable": False,
         "expect": "follow_up"},
    ]}
    base.update(over)
    return json.dumps(base, ensure_ascii=False)


def test_conversation_lines_are_parsed_with_their_turns():
    (conv,) = parse_conversations([_conv_line()])
    assert conv.id == "conv-1" and conv.split == "test"
    assert [t.question.id for t in conv.turns] == ["conv-1-1", "conv-1-2"]
    assert [t.expect for t in conv.turns] == ["new_topic", "follow_up"]
    assert conv.turns[1].question.split == "test" and conv.gold_docs == (SL,)


@pytest.mark.parametrize(
    ("line", "message"),
    [
        (_conv_line(turns=[]), "ít nhất hai lượt"),
        (_conv_line(split="train"), "'split'"),
        (json.dumps({"id": "conv-1", "turns": []}), "thiếu trường split"),
    ],
)
def test_bad_conversation_lines_are_refused_with_their_line(line, message):
    with pytest.raises(QuestionSetError, match="dòng 1") as err:
        parse_conversations([line], source="c.jsonl")
    assert message in str(err.value)


def test_a_turn_must_say_whether_it_is_a_follow_up():
    obj = json.loads(_conv_line())
    obj["turns"][1]["expect"] = "maybe"
    with pytest.raises(QuestionSetError, match="lượt 2"):
        parse_conversations([json.dumps(obj)])
    obj["turns"][1]["expect"] = "follow_up"
    obj["turns"][0]["expect"] = "follow_up"
    with pytest.raises(QuestionSetError, match=r"lượt 1.*new_topic"):
        parse_conversations([json.dumps(obj)])
