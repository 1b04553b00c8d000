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


@pytest.mark.parametrize(
    ("question", "clause", "value"),
    [
        # plain words for the clause's terms (lexicon equivalents.toml): "xuất khẩu", "giảm", "%", "đầu tư"
        ("Hàng hoá Sơn La bán sang nước ngoài năm 2023 được bao nhiêu đô la?", "mục 3, gạch đầu dòng 1", "184 triệu USD"),
        ("Theo chỉ thị 2023 của Sơn La, tỷ lệ hộ nghèo phải ít đi mấy phần trăm?", "mục 3, gạch đầu dòng 2", "giảm 4%"),
        ("Năm 2023 toàn xã hội ở Sơn La rót vốn phát triển bao nhiêu tiền?", "mục 3, gạch đầu dòng 1", "24.000 tỷ đồng"),
        ("Năm 2022 mức thu nhập trung bình một người dân Sơn La phải đạt bao nhiêu?", "mục 3, gạch đầu dòng 1",
         "47 triệu đồng/người/năm"),
        ("nam 2023 son la muon hang hoa ban ra nuoc ngoai duoc bao nhieu usd", "mục 3, gạch đầu dòng 1", "184 triệu USD"),
    ],
)
def test_a_question_in_plain_words_is_answered_from_the_clause_using_the_term(bot, question, clause, value):
    ans = bot.answer(question)
    assert not ans.abstained, ans.answer
    assert ans.citations[0].clause == clause
    assert value in ans.answer


@pytest.mark.parametrize(
    "question",
    [
        # the clause counts per 10.000 people: twenty thousand, in figures or in words, is another rate
        "Năm 2023 Sơn La có bao nhiêu giường bệnh trên 20.000 dân?",
        "Năm 2023 Sơn La đặt mục tiêu bao nhiêu bác sỹ cho hai vạn người dân?",
        # imports are not exports: no directive states what a province buys from abroad
        "Năm 2023 Sơn La mua hàng từ nước ngoài bao nhiêu triệu USD?",
    ],
)
def test_a_look_alike_in_plain_words_is_still_declined(bot, question):
    ans = bot.answer(question)
    assert ans.abstained, ans.answer
    assert not ans.citations


def test_a_rate_per_the_figure_the_clause_counts_by_is_answered(bot):
    ans = bot.answer("Năm 2023 Sơn La có bao nhiêu giường bệnh trên 10.000 dân?")
    assert not ans.abstained, ans.answer
    assert "29,9 giường" in ans.answer
