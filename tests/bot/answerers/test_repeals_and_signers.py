"""Answers the documents give that were declined: what a circular repeals (in an article, or in its very title),
which deputy minister signed it, and a rule held by the document the question describes (real gazette texts
copied under neutral names: metadata comes from the text)."""

from __future__ import annotations

import pytest

from bot.query import read_question
from tests.fakes import assert_not_found, assistant_over


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    return assistant_over(tmp_path_factory, {
        "repeal.txt": "thong-tu-so-19-2026-tt-btc-469385.txt",  # titled "Bãi bỏ Thông tư số 338/2016/TT-BTC … và … 42/2022"
        "budget.txt": "thong-tu-so-148-2025-tt-btc-468756.txt",  # lập dự toán kinh phí xây dựng văn bản QPPL
        "accounting.txt": "thong-tu-so-107-2025-tt-btc-46707.txt",  # Điều 10, khoản 2: TT 102/2018 hết hiệu lực
        "goods.txt": "thong-tu-so-01-2021-tt-bldtbxh-33806.txt",  # danh mục hàng hóa nhóm 2; replaces 22/2018
        "experts.txt": "thong-tu-so-7-2026-tt-bnv-469694.txt",  # numbered "07/2026/TT-BNV"
        "village.txt": "thong-tu-so-52-2026-tt-btc-469527.txt",  # repeals nothing
    })


@pytest.mark.parametrize("question", [
    "Thông tư 19/2026/TT-BTC bãi bỏ những thông tư nào của Bộ Tài chính?",
    "thong tu 19/2026/tt-btc bai bo cac thong tu nao",
])
def test_a_circular_made_only_to_repeal_answers_with_the_documents_its_title_names(bot, question):
    ans = bot.answer(question)
    assert not ans.abstained, ans.answer
    head = ans.answer.split("Theo")[0]
    assert "338/2016/TT-BTC" in head and "42/2022/TT-BTC" in head, ans.answer
    assert [(c.doc_id, c.clause) for c in ans.citations] == [("repeal", "phần đầu")]


def test_a_repealing_circular_named_by_its_subject_does_not_silence_the_one_ruling_on_it(bot):
    """TT 19/2026's title names the subject of the circular it repeals; the circular in force on it answers."""
    ans = bot.answer("Đơn vị nào của Bộ Tài chính tổng hợp dự toán, phương án phân bổ kinh phí cho hoạt động xây dựng "
                     "văn bản quy phạm pháp luật?")
    assert not ans.abstained, ans.answer
    assert "Cục Kế hoạch - Tài chính" in ans.answer
    assert "budget" in {c.doc_id for c in ans.citations}


@pytest.mark.parametrize("question", [
    "Từ năm 2026, thông tư cũ nào về kế toán bảo hiểm xã hội thôi áp dụng vì đã có Thông tư 107/2025/TT-BTC?",
    "thong tu cu nao ve ke toan bao hiem xa hoi khong con duoc ap dung khi co Thong tu 107/2025/TT-BTC",
])
def test_a_document_no_longer_applied_is_what_the_new_one_replaces(bot, question):
    ans = bot.answer(question)
    assert not ans.abstained, ans.answer
    assert ans.answer.startswith("Thông tư số 102/2018/TT-BTC"), ans.answer
    assert [(c.doc_id, c.clause) for c in ans.citations] == [("accounting", "Điều 10, khoản 2")]


def test_the_replaced_document_is_said_of_the_whole_circular_named_by_its_words_anywhere(bot):
    """ "nhóm 2" stands in the circular's articles, not in its effect article nor in its title (cut short)."""
    ans = bot.answer("Danh mục sản phẩm, hàng hóa nhóm 2 của Bộ Lao động - Thương binh và Xã hội ban hành năm 2021 "
                     "thay cho thông tư nào trước đó?")
    assert not ans.abstained, ans.answer
    assert "22/2018/TT-BLĐTBXH" in ans.answer.split("Theo")[0]
    assert [(c.doc_id, c.clause) for c in ans.citations] == [("goods", "Điều 5, khoản 2")]


@pytest.mark.parametrize("question", [
    "Thứ trưởng nào ký Thông tư 19/2026/TT-BTC, ban hành ngày nào?",
    "Thu truong nao da ky Thong tu 19/2026/TT-BTC?",
])
def test_a_signer_asked_by_rank_is_the_signer(bot, question):
    assert read_question(question).kind == "meta_signer"
    ans = bot.answer(question)
    assert not ans.abstained, ans.answer
    assert "Nguyễn Thị Bích Ngọc" in ans.answer and "Thứ trưởng" in ans.answer


def test_a_number_written_without_its_leading_zero_is_the_same_document(bot):
    ans = bot.answer("Thứ trưởng nào ký Thông tư 7/2026/TT-BNV?")
    assert not ans.abstained, ans.answer
    assert {c.doc_id for c in ans.citations} == {"experts"}


def test_a_circular_repealing_nothing_is_not_answered_with_another_ones_repeal(bot):
    assert_not_found(bot.answer("Thông tư 52/2026/TT-BTC bãi bỏ những thông tư nào?"))


@pytest.fixture(scope="module")
def seasonal(tmp_path_factory):
    return assistant_over(tmp_path_factory, {
        "seasonal.txt": "thong-tu-so-18-2021-tt-bldtbxh-36338.txt",  # thời vụ, gia công theo đơn đặt hàng
        "code.txt": "nghi-quyet-so-45-2019-qh14-30232.txt",  # Bộ luật Lao động: 300 giờ một năm
        "overtime.txt": "nghi-quyet-so-17-2022-ubtvqh15-36956.txt",  # tối đa 300 giờ trong 01 năm
    })


@pytest.mark.parametrize("question", [
    "lao dong lam cong viec thoi vu, gia cong hang theo don dat hang thi mot thang duoc lam them toi da bao nhieu gio",
    "Người làm công việc gia công theo đơn đặt hàng mỗi tháng làm thêm tối đa bao nhiêu giờ?",
])
def test_the_described_documents_rule_is_not_silenced_by_a_stronger_clause_lacking_its_words(seasonal, question):
    ans = seasonal.answer(question)
    assert not ans.abstained, ans.answer
    assert "40 giờ" in ans.answer.split("Theo")[0], ans.answer
    assert [(c.doc_id, c.clause) for c in ans.citations] == [("seasonal", "Điều 6, khoản 2, điểm b")]

