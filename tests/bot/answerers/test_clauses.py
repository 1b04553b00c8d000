"""A question that addresses a clause by its label is answered with that clause, quoted."""

from __future__ import annotations

import pytest

from bot import Assistant, get_settings
from bot.conversation import completed_label
from bot.query import clause_labels, read_question
from tests.fakes import ask_in_turn


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    return Assistant.load(get_settings(index_dir=tmp_path_factory.mktemp("index"), retriever="bm25"))


@pytest.mark.parametrize("question", [
    "Điểm d mục 6 Chỉ thị Lai Châu năm 2023 nói gì?",
    "diem d muc 6 chi thi lai chau nam 2023 noi gi",
    "Mục 6 điểm d của Chỉ thị thi đua năm 2023 tỉnh Lai Châu quy định gì?",
])
def test_a_clause_asked_by_its_label_is_quoted(bot, question):
    ans = bot.answer(question)
    assert not ans.abstained
    assert [(c.province, c.year, c.clause) for c in ans.citations] == [("Lai Châu", 2023, "mục 6, điểm d")]
    assert "bảng tiêu chí chấm điểm thi đua" in ans.answer


def test_a_label_followup_is_completed_from_the_clause_answered_before(bot):
    _, then = ask_in_turn(bot, "Điểm d mục 6 Chỉ thị Lai Châu năm 2023 nói gì?", "Còn điểm e?")
    assert [c.clause for c in then.citations] == ["mục 6, điểm e"]
    assert "Sở Nội vụ" in then.answer


@pytest.mark.parametrize("follow", ["Còn Sơn La năm 2023 thì giao Sở Nội vụ việc gì?", "con nam 2022 thi sao?"])
def test_a_followup_naming_no_label_after_a_label_question_is_answered_not_an_error(bot, follow):
    _, ans = ask_in_turn(bot, "Điểm d mục 6 Chỉ thị Lai Châu năm 2023 nói gì?", follow)
    assert ans.kind != "clause"
    assert "lỗi" not in ans.answer.lower()


def test_a_label_without_any_document_asks_for_one(bot):
    ans = bot.answer("Điều 5 quy định gì?")
    assert ans.abstained and not ans.citations
    assert "điều 5" in ans.answer.lower() and "số hiệu" in ans.answer


def test_a_label_naming_no_document_is_read_in_the_one_document_the_conversation_is_about(bot):
    # after an answer from Lai Châu's directive, "Mục 4 quy định gì?" is its mục 4, then "Còn mục 5?" the next one
    first, label, then = ask_in_turn(bot, "Ai ký chỉ thị thi đua năm 2023 của Lai Châu?", "Mục 4 quy định gì?", "Còn mục 5?")
    assert [(c.province, c.year) for c in first.citations] == [("Lai Châu", 2023)]
    assert [(c.province, c.year, c.clause) for c in label.citations] == [("Lai Châu", 2023, "mục 4")]
    assert [(c.province, c.year, c.clause) for c in then.citations] == [("Lai Châu", 2023, "mục 5")]


def test_a_label_the_document_does_not_have_is_not_found(bot):
    ans = bot.answer("Điểm z mục 6 Chỉ thị Lai Châu năm 2023 nói gì?")
    assert ans.abstained and not ans.citations


@pytest.mark.parametrize("question", [
    "Khoản 3 Điều 7 quy định mức phí bao nhiêu?",  # asks a figure in it: answered like any fact question
    "Điều kiện để được khen thưởng là gì?",
    "Mục tiêu năm 2024 là gì?",
    "Điểm thi đua được tính thế nào?",
    "Còn mức 3?",  # a step of a scale, not "mục 3"
    "con muc 3?",  # unaccented: "muc" alone says neither
])
def test_a_question_about_something_in_a_clause_is_not_a_label_question(question):
    assert read_question(question).kind != "clause"


def test_labels_are_read_outermost_first_and_completed_in_place():
    assert read_question("Khoản 3 Điều 7 Thông tư 28/2026/TT-BTC quy định gì?").clause_ref == (("dieu", "7"), ("khoan", "3"))
    assert completed_label((("muc", "6"), ("diem", "c")), (("diem", "d"),)) == (("muc", "6"), ("diem", "d"))
    assert completed_label((("dieu", "7"),), (("khoan", "3"),)) == (("dieu", "7"), ("khoan", "3"))
    assert completed_label((("dieu", "7"), ("khoan", "2")), (("dieu", "8"),)) == (("dieu", "8"),)


def test_point_dd_is_not_point_d_and_an_unaccented_section_beside_a_point_is_read():
    assert clause_labels("Điều 6, khoản 3, điểm đ") == (("dieu", "6"), ("khoan", "3"), ("diem", "đ"))
    assert read_question("Điểm đ khoản 3 Điều 6 nói gì?").clause_ref[-1] == ("diem", "đ")
    assert read_question("diem d muc 6 chi thi lai chau nam 2023 noi gi").clause_ref == (("muc", "6"), ("diem", "d"))
