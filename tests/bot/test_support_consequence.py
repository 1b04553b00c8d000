"""Look-alikes whose figure answers another part of the rule: a figure in a rule's condition ("làm việc đủ 12 tháng … thì
được nghỉ hằng năm") is no amount of its consequence ("nghỉ hằng năm bao nhiêu tháng?"), and a count of a noun ("8.440
lao động") is no count of the group a word after it narrows it to ("bao nhiêu lao động nữ?")."""

from __future__ import annotations

import pytest

from bot.query import read_question
from bot.segments import Scorer
from bot.support import gaps, needs
from bot.tuning import AnswerTuning
from tests.fakes import found_in

_ANNUAL = ("Người lao động làm việc đủ 12 tháng cho một người sử dụng lao động thì được nghỉ hằng năm, hưởng nguyên "
           "lương theo hợp đồng lao động như sau")
_JOBS = "Phấn đấu năm 2023: giải quyết việc làm cho 8.440 lao động; tỷ lệ lao động qua đào tạo đạt 60,9%."


@pytest.fixture(scope="module")
def scorer() -> Scorer:
    return Scorer([f"Quy định chung số {i} về lao động, việc làm và tiền lương." for i in range(50)])


def _gaps(question: str, scorer: Scorer, text: str, short: str, kind: str):
    wanted = [n for n in needs(read_question(question), scorer, AnswerTuning()) if n.kind == kind]
    return wanted, gaps(wanted, found_in(text, short=short))


@pytest.mark.parametrize("question", ["Người lao động được nghỉ hằng năm bao nhiêu tháng?",
                                      "Người lao đọng được nghỉ hàng năm mấy tháng?"])
def test_a_figure_of_the_condition_is_no_amount_of_the_consequence(scorer, question):
    wanted, missing = _gaps(question, scorer, _ANNUAL, "đủ 12 tháng", "consequence")
    assert wanted and missing


@pytest.mark.parametrize(
    ("question", "text", "short"),
    [
        # the question asks the condition itself
        ("Người lao động phải làm việc bao nhiêu tháng thì được nghỉ hằng năm?", _ANNUAL, "đủ 12 tháng"),
        # the figure stands in the consequence
        ("Người làm việc ban đêm được nghỉ giữa giờ ít nhất bao nhiêu phút?",
         "Người lao động làm việc ban đêm thì được nghỉ giữa giờ ít nhất 45 phút liên tục.", "45 phút"),
        # no "thì" after the figure: no condition
        ("Lao động nữ được nghỉ thai sản bao nhiêu tháng?",
         "Lao động nữ được nghỉ thai sản trước và sau khi sinh con là 06 tháng.", "06 tháng"),
    ],
)
def test_a_figure_outside_a_condition_still_answers(scorer, question, text, short):
    _, missing = _gaps(question, scorer, text, short, "consequence")
    assert missing == ()


def test_a_count_of_the_noun_is_no_count_of_the_group_asked(scorer):
    wanted, missing = _gaps("Năm 2023 phấn đấu giải quyết việc làm cho bao nhiêu lao động nữ?", scorer, _JOBS,
                            "8.440 lao động", "counted_as")
    assert [n.phrase for n in wanted] == ["nữ"] and missing


@pytest.mark.parametrize(
    ("question", "text", "short"),
    [
        ("Năm 2023 phấn đấu giải quyết việc làm cho bao nhiêu lao động?", _JOBS, "8.440 lao động"),
        ("Năm 2023 phấn đấu giải quyết việc làm cho bao nhiêu lao động nữ?",
         "Giải quyết việc làm cho 8.440 lao động, trong đó 3.500 lao động nữ.", "3.500 lao động nữ"),
        ("Có bao nhiêu hộ nghèo được hỗ trợ nhà ở?", "Hỗ trợ nhà ở cho 1.200 hộ nghèo.", "1.200 hộ nghèo"),
    ],
)
def test_a_count_naming_the_group_still_answers(scorer, question, text, short):
    _, missing = _gaps(question, scorer, text, short, "counted_as")
    assert missing == ()
