"""A question written with another form of the clause's words ("vạn" or "mười nghìn" for "10.000") is answered
from that clause, not refused for sharing too few words with it."""

from __future__ import annotations

import pytest

from tests.fakes import assistant_over


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    return assistant_over(tmp_path_factory)


@pytest.mark.parametrize(
    "question",
    ["Năm 2023 Sơn La muốn mỗi vạn người có bao nhiêu chỗ nằm bệnh viện?",
     "nam 2023 son la muon moi muoi nghin nguoi co bao nhieu cho nam benh vien"],
)
def test_a_number_word_meets_the_figure_the_clause_writes(bot, question):
    ans = bot.answer(question)
    assert not ans.abstained, ans.answer
    assert ans.citations[0].year == 2023 and ans.citations[0].clause == "mục 3, gạch đầu dòng 2"
    assert "29,9 giường" in ans.answer


def test_a_number_word_inside_a_number_is_not_read_as_the_figure(bot):
    # "hai vạn" is 20.000, not "hai" and "10.000": the "/10.000 dân" clause does not answer it by that word.
    ans = bot.answer("Năm 2023 Sơn La muốn hai vạn người có bao nhiêu chỗ nằm bệnh viện?")
    assert ans.abstained
