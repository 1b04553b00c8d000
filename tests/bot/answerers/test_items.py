"""Lead-ins and the items below them, and the term a definition question asks about."""

from __future__ import annotations

from bot.answerers.definitions import asked_term
from bot.answerers.items import is_lead_in, list_items

_TEXT = (
    "Thành phần hồ sơ gồm:\n"
    "1. Đơn đề nghị;\n"
    "2. Bộ tài liệu, bao gồm:\n"
    "a) Kế hoạch;\n"
    "b) Quy tắc.\n"
    "3. Bản sao văn bản xác nhận ký quỹ.\n"
)


def test_a_line_ending_with_a_colon_or_a_lead_in_word_announces_a_list():
    assert is_lead_in(_TEXT, len("Thành phần hồ sơ gồm"))
    assert is_lead_in("Điều 68. Nguồn hình thành Quỹ\n1. Đóng góp của doanh nghiệp.\n2. Khác.", 29)
    assert is_lead_in("Hồ sơ gồm các thành phần sau\na) Đơn;\nb) Ảnh.", 28)
    assert not is_lead_in("Thẻ có thời hạn 03 năm.\nCộng tác viên gửi đơn.", 22)
    assert not is_lead_in("Hồ sơ gồm:", 9)  # nothing below it


def test_items_are_the_top_level_lines_with_their_sub_items_joined():
    items = list_items(_TEXT, len("Thành phần hồ sơ gồm"))
    assert [i.marker for i in items] == ["1.", "2.", "3."]
    assert items[1].text == "Bộ tài liệu, bao gồm: a) Kế hoạch; b) Quy tắc"
    assert items[2].text.startswith("Bản sao văn bản xác nhận ký quỹ")


def test_a_list_ends_at_a_line_of_a_higher_level():
    text = "1. Hồ sơ gồm:\na) Đơn;\nb) Ảnh.\n2. Trong thời hạn 05 ngày làm việc, Sở cấp thẻ."
    assert [i.text for i in list_items(text, len("1. Hồ sơ gồm"))] == ["Đơn;", "Ảnh."]


def test_the_asked_term_stands_before_or_after_the_definition_cue_with_or_without_accents():
    assert asked_term("Theo nghị định về sản phẩm Halal, Haram là gì?") == "haram"
    assert asked_term("tam dung ket noi econtract duoc hieu la gi") == "tam dung ket noi econtract"
    assert asked_term("Thế nào là hàng hoá siêu trọng?") == "hang hoa sieu trong"
    assert asked_term("Hồ sơ đề nghị cấp thẻ gồm những gì?") is None
