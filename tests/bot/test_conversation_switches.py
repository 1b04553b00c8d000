"""Follow-ups read as a Vietnamese reader reads them (session 23): "Còn Nghị quyết …?" asks the same of another
document, "Nếu … thì sao?" after a question about a whole document asks its own question of it, "Còn bị khiển
trách?" puts one form of discipline in place of another, and "kí" is "ký".  Real gazette texts, copied under neutral
names (metadata comes from the text)."""

from __future__ import annotations

import pytest

from tests.fakes import assistant_over

_FILES = {
    "doc1.txt": "nghi-dinh-so-38-2022-nd-cp-37348.txt",  # minimum wages; signed by Phạm Bình Minh
    "doc2.txt": "nghi-quyet-so-78-2025-ubtvqh15-45003.txt",  # signed by Trần Thanh Mẫn
    "doc3.txt": "nghi-dinh-so-139-2026-nd-cp-469377.txt",  # statistical reports; a deadline on a holiday
    "doc4.txt": "thong-tu-so-03-2021-tt-bnv-33974.txt",  # pay rises put off after discipline
}


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    return assistant_over(tmp_path_factory, _FILES)


def _talk(bot, *questions):
    ans = None
    for q in questions:
        ans = bot.answer(q, previous=ans)
    return ans


@pytest.mark.parametrize("follow", ["Còn Nghị quyết 78/2025/UBTVQH15?", "Còn Nghị quyết số 78/2025/UBTVQH15 thì sao?",
                                    "con nghi quyet 78/2025/ubtvqh15"])
def test_a_followup_naming_another_document_asks_its_signer_too(bot, follow):
    ans = _talk(bot, "Ai ký Nghị định 38/2022/NĐ-CP?", follow)
    assert not ans.abstained and "Trần Thanh Mẫn" in ans.answer and "Phạm Bình Minh" not in ans.answer


def test_a_followup_naming_another_document_after_a_short_question_keeps_what_was_asked(bot):
    ans = _talk(bot, "Nghị quyết 78/2025/UBTVQH15 có hiệu lực từ ngày nào?", "Ai ký?", "Còn Nghị định 38/2022/NĐ-CP?")
    assert not ans.abstained and "Phạm Bình Minh" in ans.answer


@pytest.mark.parametrize("question", ["Ai kí Nghị quyết 78/2025/UBTVQH15?", "Người kí Nghị quyết 78/2025/UBTVQH15 là ai?"])
def test_ki_spelled_with_i_asks_the_signer(bot, question):
    ans = bot.answer(question)
    assert not ans.abstained and "Trần Thanh Mẫn" in ans.answer


def test_a_condition_after_a_question_about_the_whole_decree_is_answered_from_that_decree(bot):
    ans = _talk(bot, "Nghị định 139/2026/NĐ-CP thay thế nghị định nào?",
                "Nếu hạn nhận báo cáo rơi vào ngày nghỉ lễ thì sao?")
    assert not ans.abstained and "ngày đi làm đầu tiên sau" in ans.answer and ans.citations[0].doc_id == "doc3"


@pytest.mark.parametrize("follow", ["Còn bị khiển trách?", "Nếu bị khiển trách thì sao?"])
def test_another_form_of_discipline_is_never_answered_with_the_rule_for_viên_chức(bot, follow):
    first = "Công chức bị kỷ luật giáng chức thì bị kéo dài thời gian nâng bậc lương thường xuyên bao lâu?"
    assert "12 tháng" in bot.answer(first).answer
    ans = _talk(bot, first, follow)
    # "Kéo dài 03 tháng đối với viên chức bị kỷ luật khiển trách" is the rule for viên chức, not for công chức
    assert "03 tháng" not in ans.answer.split(" Theo ")[0]
    assert ans.abstained or "06 tháng" in ans.answer


def test_the_rule_for_viên_chức_still_answers_viên_chức(bot):
    ans = bot.answer("Viên chức bị kỷ luật khiển trách thì bị kéo dài thời gian nâng bậc lương thường xuyên bao lâu?")
    assert not ans.abstained and "03 tháng" in ans.answer
