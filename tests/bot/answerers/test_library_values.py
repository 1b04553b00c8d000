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


@pytest.fixture(scope="module")
def law(tmp_path_factory):
    return assistant_over(tmp_path_factory, {
        "law.txt": "luat-so-69-2020-qh14-32699.txt",  # Luật Người lao động Việt Nam đi làm việc ở nước ngoài
        "tax.txt": "van-ban-hop-nhat-so-113-vbhn-vpqh-469596.txt",  # Luật Thuế thu nhập doanh nghiệp, hợp nhất
    })


@pytest.mark.parametrize(
    "question",
    [
        "Doanh nghiệp muốn được cấp Giấy phép dịch vụ đưa người lao động đi làm việc ở nước ngoài phải có vốn "
        "điều lệ tối thiểu bao nhiêu?",
        "Doanh nghiệp dịch vụ đưa người lao động đi làm việc ở nước ngoài cần vốn điều lệ tối thiểu bao nhiêu?",
    ],
)
def test_a_points_value_is_read_with_the_lead_in_it_continues(law, question):
    """ "a) Có vốn điều lệ từ 05 tỷ đồng trở lên" names neither the licence nor the business: its paragraph's
    lead-in does ("Doanh nghiệp được cấp Giấy phép … khi có đủ các điều kiện sau đây")."""
    ans = law.answer(question)
    assert not ans.abstained, ans.answer
    assert "05 tỷ đồng" in ans.answer.split("Theo")[0] or ans.clarify, ans.answer
    assert any(c.doc_id == "law" and c.clause == "Điều 10, khoản 1, điểm a" for c in ans.citations), ans.answer


def test_a_content_word_spelt_like_a_form_word_still_counts(law):
    """ "không quá 03 tỷ đồng": "quá" folds to the form word "qua" but is what tells 15% from 17%."""
    ans = law.answer("Thuế suất thuế thu nhập doanh nghiệp áp dụng cho doanh nghiệp có tổng doanh thu năm không quá "
                     "03 tỷ đồng là bao nhiêu?")
    assert not ans.abstained and not ans.clarify, ans.answer
    assert "15%" in ans.answer and "17%" not in ans.answer, ans.answer
    assert [c.clause for c in ans.citations][:1] == ["Điều 10, khoản 2"]


def test_a_rank_asked_is_answered_with_a_rank_not_a_value(bot):
    """ "phiên họp thứ mấy" wants "phiên họp thứ 47" (Điều 3), not the 1,28% the resolution is about."""
    ans = bot.answer("Nghị quyết về mức chi tổ chức và hoạt động bảo hiểm xã hội, bảo hiểm thất nghiệp giai đoạn "
                     "2025 - 2027 được thông qua ở phiên họp thứ mấy?")
    assert not ans.abstained, ans.answer
    assert ans.answer.startswith("phiên họp thứ 47"), ans.answer
    assert [(c.doc_id, c.clause) for c in ans.citations] == [("doc1", "Điều 3")]


@pytest.fixture(scope="module")
def plans(tmp_path_factory):
    return assistant_over(tmp_path_factory, {
        "plan.txt": "nghi-quyet-so-175-nq-cp-40286.txt",  # Đến năm 2025 … 70 nước …; Đến năm 2030 … 50 nước …
        "deals.txt": "quyet-dinh-so-982-qd-ttg-469699.txt",  # tối thiểu 25 thương vụ …, giá trị mỗi thương vụ từ 01 triệu USD
    })


@pytest.mark.parametrize(
    ("question", "value", "other"),
    [
        ("Đến năm 2030 Việt Nam phấn đấu vào nhóm bao nhiêu nước dẫn đầu về Chính phủ điện tử (EGDI)?", "50 nước", "70"),
        ("den nam 2030 viet nam phan dau vao nhom bao nhieu nuoc dan dau ve chinh phu dien tu EGDI", "50 nước", "70"),
        ("Đến năm 2025 Việt Nam thuộc nhóm bao nhiêu nước dẫn đầu về Chính phủ điện tử (EGDI)?", "70 nước", "50"),
    ],
)
def test_a_count_is_read_for_the_year_asked(plans, question, value, other):
    """ "70 nước" (2025) and "50 nước" (2030) are counts of the noun asked; each year's part answers its own year."""
    ans = plans.answer(question)
    assert not ans.abstained, ans.answer
    head = ans.answer.split("Theo")[0]
    assert value in head and other not in head, ans.answer
    assert [c.doc_id for c in ans.citations] == ["plan"]


@pytest.mark.parametrize(
    "question",
    ["Đến năm 2030 phấn đấu bao nhiêu thương vụ M&A giữa doanh nghiệp công nghệ số Việt Nam và đối tác quốc tế?",
     "den 2030 phan dau bao nhieu thuong vu M&A giua doanh nghiep cong nghe so viet nam va doi tac quoc te"],
)
def test_a_count_of_deals_is_answered_not_the_worth_of_each(plans, question):
    ans = plans.answer(question)
    assert not ans.abstained, ans.answer
    assert ans.answer.startswith("tối thiểu 25 thương vụ"), ans.answer


@pytest.fixture(scope="module")
def fines(tmp_path_factory):
    return assistant_over(tmp_path_factory, {
        "fines.txt": "nghi-dinh-so-12-2022-nd-cp-36716.txt",  # xử phạt … bảo hiểm xã hội, bảo hiểm thất nghiệp
        "costs.txt": "nghi-quyet-so-89-2025-ubtvqh15-45738.txt",  # mức chi tổ chức và hoạt động bảo hiểm thất nghiệp
        "support.txt": "quyet-dinh-so-28-2021-qd-ttg-34546.txt",  # hỗ trợ … theo thời gian đóng bảo hiểm thất nghiệp
    })


@pytest.mark.parametrize(
    "question",
    ["Mức đóng bảo hiểm thất nghiệp của người lao động là bao nhiêu?",
     "muc dong bao hiem that nghiep cua nguoi lao dong la bao nhieu"],
)
def test_a_fine_is_not_given_as_a_contribution(fines, question):
    """ "Phạt tiền từ 1.000.000 đồng đến 3.000.000 đồng … đóng bảo hiểm thất nghiệp" is a fine, not what a worker pays in
    (a review finding: the fine was the first answer of the list)."""
    ans = fines.answer(question)
    head = ans.answer.split("Theo")[0]
    assert "1.000.000 đồng" not in head and "3.000.000 đồng" not in head, ans.answer
    assert not any(c.doc_id == "fines" and c.clause == "Điều 39, khoản 3" for c in ans.citations), ans.answer
    # nor a support paid per worker ("Hỗ trợ 1.800.000 đồng/người") nor a ceiling of spending ("Mức chi … 1,28%")
    assert "1.800.000" not in ans.answer and "tối đa 1,28%" not in ans.answer, ans.answer
