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


_TABLE = (
    "Mức phụ cấp theo khu vực như sau: Khu vực Mức phụ cấp tháng (Đơn vị: đồng/tháng) Mức phụ cấp ngày "
    "(Đơn vị: đồng/ngày) Khu vực I 900.000 41.000 Khu vực II 700.000 32.000 Khu vực III 500.000 23.000"
)


def test_a_table_value_is_the_cell_at_the_asked_row_and_column():
    from bot.answerers.tables import table_cell
    from bot.segments import Scorer

    scorer = Scorer([_TABLE, "phụ cấp tháng", "phụ cấp ngày", "khu vực"])
    for question, value in [("Mức phụ cấp ngày ở khu vực II là bao nhiêu?", "32.000"),
                            ("muc phu cap thang khu vuc iii", "500.000")]:
        cell = table_cell(scorer, question, question, _TABLE)
        assert cell is not None and cell.value is not None and cell.value.text == value
    missing = table_cell(scorer, "Mức phụ cấp tháng khu vực IV?", "Mức phụ cấp tháng khu vực IV", _TABLE)
    assert missing is not None and missing.missing_row and missing.value is None


def test_a_flattened_table_is_read_back_with_a_heading_per_column_and_a_cell_per_row():
    from bot.answerers.tables import read_table

    table = read_table(_TABLE)
    assert table is not None
    assert table.headings == ("Khu vực", "Mức phụ cấp tháng (Đơn vị: đồng/tháng)", "Mức phụ cấp ngày (Đơn vị: đồng/ngày)")
    assert [r.cells for r in table.rows] == [("Khu vực I", "900.000", "41.000"), ("Khu vực II", "700.000", "32.000"),
                                            ("Khu vực III", "500.000", "23.000")]
    assert _TABLE[: table.start] == "Mức phụ cấp theo khu vực như sau: " and table.end == len(_TABLE)
    second = _TABLE.index("Khu vực II")
    assert table.row_at(second + 12) == table.rows[1] and _TABLE[table.rows[1].start : table.rows[1].end] == \
        "Khu vực II 700.000 32.000"
    assert table.row_at(3) is None  # the lead-in is no row
    # no table: values in running text, too few rows, or headings that cannot be told apart
    assert read_table("Tỷ lệ hộ nghèo giảm 2%, tỷ lệ lao động qua đào tạo 70%.") is None
    assert read_table("Khu vực I 900.000 41.000 Khu vực II 700.000 32.000") is None
    assert read_table("Bảng lương: Mức một Mức hai Khu vực I 900.000 41.000 Khu vực II 700.000 32.000 "
                      "Khu vực III 500.000 23.000") is None


def test_an_effect_after_a_delay_and_the_date_rules_apply_from_are_read_whole():
    from bot.extract import find_applies_from, find_effect

    text = ("Thông tư này có hiệu lực sau 45 ngày kể từ ngày ký. Các chế độ quy định tại Thông tư này "
            "được áp dụng từ ngày 01 tháng 7 năm 2021.")
    eff, applies = find_effect(text), find_applies_from(text)
    assert eff is not None and eff.text == "có hiệu lực sau 45 ngày kể từ ngày ký"
    assert applies is not None and applies.text.endswith("từ ngày 01 tháng 7 năm 2021")


def test_who_signed_is_read_as_a_signer_question_when_the_title_is_named():
    from bot.query import read_question

    assert read_question("Chủ tịch Quốc hội nào ký Luật số 69/2020/QH14?").kind == "meta_signer"
    assert read_question("bo truong nao ky thong tu 09/2021/tt-bldtbxh").kind == "meta_signer"


def test_the_day_of_a_date_written_in_words_is_not_a_count():
    from bot.extract import has_count

    assert not has_count("tại thời điểm ngày 30 tháng 9 năm 2021 (có tên trong danh sách)")
    assert has_count("kỷ niệm 115 năm thành lập tỉnh") and has_count("70 xã đạt chuẩn trước ngày 30/6")


def test_an_enumerated_term_is_asked_with_as_many_parts():
    question = "Nghề, công việc nặng nhọc, độc hại, nguy hiểm là gì?"
    assert asked_term(question) == "nguy hiem"
    assert asked_term(question, 4).replace(" , ", ", ") == "nghe, cong viec nang nhoc, doc hai, nguy hiem"
    assert asked_term("Theo thông tư, nghề, công việc nặng nhọc là gì?", 2).replace(" , ", ", ") == (
        "nghe, cong viec nang nhoc")
