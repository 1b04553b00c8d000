"""A question asking the channel a report goes through ("qua cơ quan nào") is answered with the agency named after
"qua" in the clause ("báo cáo Ủy ban nhân dân tỉnh (qua Sở Nội vụ)"), not with the body that asks for the report."""

from __future__ import annotations

import pytest

from tests.fakes import assistant_over


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    return assistant_over(tmp_path_factory)


@pytest.mark.parametrize(
    "question",
    [
        "Theo chỉ thị thi đua năm 2023 của Lai Châu, kết quả triển khai được báo cáo Ủy ban nhân dân tỉnh qua đơn vị nào?",
        "chu tich ubnd tinh lai chau yeu cau bao cao ket qua trien khai chi thi nam 2023 qua co quan nao",
    ],
)
def test_the_agency_after_qua_answers_a_question_on_the_channel(bot, question):
    ans = bot.answer(question)
    assert not ans.abstained, ans.answer
    assert ans.answer.startswith("Sở Nội vụ."), ans.answer
    assert ans.citations[0].clause == "phần kết"
