"""Years in a question: a year of what is asked ("đến năm 2030") is searched in the clauses, never taken for
the document's year; a year tied to a provincial directive still scopes it."""

from __future__ import annotations

import pytest

from tests.fakes import assistant_over


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    # A Prime Minister's decision (2026) setting staff targets "đến năm 2030" and "đến năm 2035".
    return assistant_over(tmp_path_factory, {"doc1.txt": "quyet-dinh-so-893-qd-ttg-469593.txt"})


@pytest.mark.parametrize(
    ("question", "value"),
    [("Đến năm 2030 tối thiểu bao nhiêu phần trăm nhân lực của cơ quan an toàn bức xạ và hạt nhân quốc gia được "
      "đào tạo đủ năng lực thẩm định, thanh tra?", "50%"),
     ("den nam 2035 nhan luc cua co quan an toan buc xa va hat nhan quoc gia tu chu duoc bao nhieu phan tram "
      "nang luc tham dinh cac du an dien hat nhan", "70%")],
)
def test_a_target_year_is_answered_from_the_clause_that_names_it(bot, question, value):
    ans = bot.answer(question)
    assert not ans.abstained, ans.answer
    assert value in ans.answer
    assert ans.citations[0].number == "893/QĐ-TTg"


def test_a_year_no_document_names_is_still_not_found(bot):
    ans = bot.answer("Đến năm 2042 bao nhiêu phần trăm nhân lực của cơ quan an toàn bức xạ và hạt nhân quốc gia "
                     "được đào tạo đủ năng lực thẩm định?")
    assert ans.abstained


def test_an_untied_year_must_stand_in_the_answering_clause(bot):
    # 2032 is named by no clause: the 2030 and 2035 targets answer other questions.
    ans = bot.answer("Năm 2032 bao nhiêu phần trăm nhân lực của cơ quan an toàn bức xạ và hạt nhân quốc gia được "
                     "đào tạo đủ năng lực thẩm định?")
    assert ans.abstained


@pytest.mark.parametrize("question", ["Chỉ tiêu tỷ lệ hộ nghèo năm 2027 của Sơn La?",
                                      "chi tieu ty le ho ngheo nam 2027 cua son la"])
def test_a_directive_year_the_library_lacks_is_still_not_found(bot, question):
    ans = bot.answer(question)
    assert ans.abstained and "2027" in ans.answer


def test_a_directive_year_still_scopes_the_directive(bot):
    ans = bot.answer("Chỉ tiêu tỷ lệ hộ nghèo năm 2024 của Sơn La?")
    assert not ans.abstained
    assert {c.year for c in ans.citations} == {2024}
