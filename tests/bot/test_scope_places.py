"""A place said as part of a body's or a thing's name ("Sở Giao dịch Chứng khoán Hà Nội", "thủy điện Sơn La") is
what the question asks about, not the province whose documents it asks for: the national document naming it
answers, instead of "Không tìm thấy văn bản nào của Hà Nội"; a place asked as a province still scopes or declines."""

from __future__ import annotations

import pytest

from bot.places import name_lead, name_leads
from bot.query import read_question
from tests.fakes import assistant_over

_KNOWN = ("Hà Nam", "Lai Châu", "Sơn La")
_NAMES = frozenset({"chung khoan|ha noi", "chung khoan|ho chi minh", "thuy dien|son la", "dien|son la"})


@pytest.mark.parametrize(
    ("before", "lead"),
    [("Sở Giao dịch Chứng khoán ", "chung khoan"),
     ("Sở Giao dịch Chứng khoán thành phố ", "chung khoan"),
     ("so giao dich chung khoan TP. ", "chung khoan"),
     ("công nhân xây dựng thủy điện ", "thuy dien"),
     ("Chỉ tiêu tỷ lệ hộ nghèo năm 2024 của ", ""),
     ("Chủ tịch UBND tỉnh ", ""),
     ("Ủy ban nhân dân ", ""),
     ("Chỉ thị ", ""),
     ("Ở ", ""),
     ("", "")],
)
def test_the_lead_of_a_place_is_the_name_before_it_never_a_scope_word(before, lead):
    assert name_lead(before) == lead


def test_the_documents_give_the_names_that_hold_a_place():
    texts = [("Sở Giao dịch Chứng khoán Thành phố Hồ Chí Minh chuyển trái phiếu sang Sở Giao dịch Chứng khoán Hà Nội.", ""),
             ("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\nĐộc lập - Tự do - Hạnh phúc\nHà Nội, ngày 22 tháng 4 năm 2026", ""),
             ("Đồng bào các dân tộc Sơn La thi đua lao động sản xuất.", "Sơn La")]
    found = set(name_leads(texts))
    assert {"chung khoan|ha noi", "khoan|ha noi", "chung khoan|ho chi minh"} <= found
    assert not any(k.endswith("|son la") for k in found)  # a province's own name in its own directive
    assert "hanh phuc|ha noi" not in found  # the place line of a document's header


@pytest.mark.parametrize(
    "question",
    ["Chậm nhất đến khi nào Sở Giao dịch Chứng khoán thành phố Hồ Chí Minh phải chuyển xong trái phiếu doanh nghiệp "
     "niêm yết sang Sở Giao dịch Chứng khoán Hà Nội?",
     "cham nhat den khi nao so giao dich chung khoan thanh pho ho chi minh phai chuyen xong trai phieu doanh nghiep "
     "niem yet sang so giao dich chung khoan ha noi"],
)
def test_a_place_in_a_name_is_no_scope_and_stays_in_the_topic(question):
    q = read_question(question, known_provinces=_KNOWN, names=_NAMES)
    assert q.provinces == () and q.unknown_places == ()
    assert set(q.named_places) == {"Hồ Chí Minh", "Hà Nội"}
    assert "ha noi" in q.topic.lower() or "Hà Nội" in q.topic


@pytest.mark.parametrize(
    ("question", "provinces", "unknown"),
    [("Chỉ tiêu tỷ lệ hộ nghèo năm 2024 của Sơn La?", ("Sơn La",), ()),
     ("chi tieu ty le ho ngheo nam 2024 cua son la", ("Sơn La",), ()),
     ("Ở Thành phố Hồ Chí Minh, thu nhập tối đa để được mua nhà ở xã hội là bao nhiêu?", (), ("Hồ Chí Minh",)),
     ("Năm 2023, Uỷ ban nhân dân tỉnh Hà Giang đặt mục tiêu giảm tỷ lệ hộ nghèo bao nhiêu?", (), ("Hà Giang",))],
)
def test_a_place_asked_as_a_province_is_still_its_scope(question, provinces, unknown):
    q = read_question(question, known_provinces=_KNOWN, names=_NAMES)
    assert (q.provinces, q.unknown_places, q.named_places) == (provinces, unknown, ())


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    # A consolidated text of the Ministry of Finance on reorganising the stock exchanges (Hà Nội, Hồ Chí Minh City),
    # and a circular of the Ministry of Labour abolishing old circulars (one on the Sơn La hydropower workers' meals).
    return assistant_over(tmp_path_factory, {"doc1.txt": "van-ban-hop-nhat-so-12-vbhn-btc-469542.txt",
                                             "doc2.txt": "thong-tu-so-18-2022-tt-bldtbxh-37982.txt"})


@pytest.mark.parametrize(
    "question",
    ["Chậm nhất đến khi nào Sở Giao dịch Chứng khoán thành phố Hồ Chí Minh phải chuyển xong trái phiếu doanh nghiệp "
     "niêm yết sang Sở Giao dịch Chứng khoán Hà Nội?",
     "cham nhat den khi nao so giao dich chung khoan thanh pho ho chi minh phai chuyen xong trai phieu doanh nghiep "
     "niem yet sang so giao dich chung khoan ha noi"],
)
def test_a_national_document_naming_the_body_answers(bot, question):
    ans = bot.answer(question)
    assert not ans.abstained, ans.answer
    assert "31 tháng 12 năm 2021" in ans.answer
    assert ans.citations[0].number == "12/VBHN-BTC"


def test_a_hydropower_plant_named_after_a_province_does_not_scope_the_directives(bot):
    ans = bot.answer("Văn bản nào về tiền ăn giữa ca cho công nhân xây dựng thủy điện Sơn La đã bị Bộ Lao động "
                     "bỏ hẳn năm 2022?")
    assert not ans.abstained, ans.answer
    assert "37/2009/TT-LĐTBXH" in ans.answer
    assert ans.citations[0].number == "18/2022/TT-BLĐTBXH"


@pytest.mark.parametrize("question", ["Sở Giao dịch Chứng khoán Hà Nội được thành lập năm 1945 theo quyết định nào?",
                                      "Tỷ lệ hộ nghèo năm 2024 của Hà Nội là bao nhiêu?"])
def test_a_place_no_document_holds_as_asked_is_still_declined(bot, question):
    ans = bot.answer(question)
    assert ans.abstained
