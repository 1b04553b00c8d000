"""Values read out of library documents as a user sees them: the value tied to the asked year, cited at its clause
(library files copied under neutral names: metadata comes from the text)."""

from __future__ import annotations

import pytest

from tests.fakes import assistant_over

_COPIES = {
    "doc1.txt": "nghi-quyet-so-89-2025-ubtvqh15-45738.txt",  # mức chi BHXH, BHTN giai đoạn 2025 - 2027, per year
    "doc2.txt": "nghi-dinh-so-158-2025-nd-cp-45240.txt",
}


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    return assistant_over(tmp_path_factory, _COPIES)


@pytest.mark.parametrize(
    ("question", "value", "point"),
    [
        ("Mức chi tổ chức và hoạt động bảo hiểm xã hội năm 2026 tối đa là bao nhiêu phần trăm?", "1,26%", "điểm a"),
        ("Mức chi tổ chức và hoạt động bảo hiểm thất nghiệp năm 2025 tối đa bao nhiêu phần trăm dự toán?",
         "1,36%", "điểm b"),
        ("Muc chi to chuc va hoat dong bao hiem xa hoi nam 2027 toi da la bao nhieu?", "1,23%", "điểm a"),
    ],
)
def test_a_year_in_the_question_picks_that_years_value(bot, question, value, point):
    ans = bot.answer(question)
    assert not ans.abstained and not ans.clarify, ans.answer
    assert ans.answer.startswith(f"tối đa {value}"), ans.answer
    assert [c.clause for c in ans.citations][:1] == [f"Điều 1, khoản 1, {point}"]


def test_without_a_year_the_period_value_answers(bot):
    ans = bot.answer("Mức chi tổ chức và hoạt động bảo hiểm xã hội bình quân giai đoạn 2025 - 2027 tối đa bao nhiêu?")
    assert not ans.abstained, ans.answer
    assert ans.answer.startswith("tối đa 1,28%"), ans.answer
