"""Look-alikes the words quoted do not support: a figure in a rule's condition ("làm việc đủ 12 tháng … thì
được nghỉ hằng năm") is no amount of its consequence ("nghỉ hằng năm bao nhiêu tháng?"), and a count of a noun ("8.440
lao động") is no count of the group a word after it narrows it to ("bao nhiêu lao động nữ?"), a document's legal bases
state nothing it repeals, an amount of capital is no revenue, and a line naming no province says nowhere."""

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


# ----------------------------------------------------------------- what a document changes, and where

_BASES = ("Căn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 22 tháng 6 năm 2015 và Luật sửa đổi, bổ sung một số "
          "điều của Luật Ban hành văn bản quy phạm pháp luật ngày 18 tháng 6 năm 2020;\nCăn cứ Nghị định số "
          "62/2022/NĐ-CP ngày 12 tháng 9 năm 2022 của Chính phủ quy định chức năng, nhiệm vụ;")


def _judged(question: str, scorer: Scorer, text: str, short: str, kind: str, title: str = "Quy định chung"):
    wanted = [n for n in needs(read_question(question), scorer, AnswerTuning()) if n.kind == kind]
    return wanted, gaps(wanted, found_in(text, short=short, title=title))


@pytest.mark.parametrize("question", ["Thông tư 18/2022/TT-BLĐTBXH bãi bỏ những thông tư nào?",
                                      "thong tu 18/2022/TT-BLDTBXH bai bo thong tu nao"])
def test_the_legal_bases_state_no_change_the_document_makes(scorer, question):
    wanted, missing = _judged(question, scorer, _BASES, "Nghị định số 62/2022/NĐ-CP", "change")
    assert wanted and missing


def test_a_sentence_stating_the_change_answers(scorer):
    text = _BASES + ("\nBộ trưởng Bộ Tài chính ban hành Thông tư sửa đổi, bổ sung một số điều của Thông tư số "
                     "18/2026/TT-BTC quy định về hồ sơ, thủ tục quản lý thuế.")
    _, missing = _judged("Thông tư 50/2026/TT-BTC sửa đổi, bổ sung thông tư nào?", scorer, text,
                         "Thông tư số 18/2026/TT-BTC", "change")
    assert missing == ()


def test_an_amount_of_another_noun_does_not_answer_revenue(scorer):
    text = ("Công ty đại chúng quy mô lớn là công ty đại chúng có vốn góp của chủ sở hữu từ 120 tỷ đồng trở lên tại "
            "báo cáo tài chính năm gần nhất đã được kiểm toán.")
    wanted, missing = _judged("Công ty đại chúng quy mô lớn khi có doanh thu năm từ bao nhiêu tỷ đồng trở lên?",
                              scorer, text, "120 tỷ đồng", "quantity")
    assert wanted and missing
    _, missing = _judged("Công ty đại chúng quy mô lớn phải có doanh thu từ bao nhiêu tỷ đồng?", scorer,
                         "Công ty đại chúng quy mô lớn có doanh thu từ 500 tỷ đồng trở lên.", "500 tỷ đồng", "quantity")
    assert missing == ()


@pytest.mark.parametrize(
    ("text", "answered"),
    [("140/NQ-CP Tổ chức Diễn đàn pháp luật ASEAN", False),
     ("Tổ chức Diễn đàn pháp luật ASEAN tại thành phố Đà Nẵng", True),
     ("Tổ chức Diễn đàn pháp luật ASEAN tại Hà Nội", True)],
)
def test_a_question_asking_which_province_needs_one_named(scorer, text, answered):
    wanted, missing = _judged("Diễn đàn pháp luật ASEAN được tổ chức tại tỉnh, thành phố nào?", scorer, text, text,
                              "province")
    assert wanted and (missing == ()) == answered
