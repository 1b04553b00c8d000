"""corpus.tables: a fee schedule the gazette writes one cell per line is read back as rows."""

from __future__ import annotations

from corpus import clean_text
from corpus.tables import read_tables

# Adapted from the shape of a fee circular's schedule: numbering cells alone on their lines, a parent row whose
# value cell is empty, a name wrapped over lines ending in "- Trung Quốc", sub-rows a dash opens, a page break
# (running header, page number, the header again) inside a row's name.
_SCHEDULE = """BIỂU MỨC THU LỆ PHÍ
I. Lệ phí cấp giấy tờ xuất nhập cảnh
Số
TT
Nội dung
Mức thu
(đồng/lần cấp)
1
Lệ phí cấp hộ chiếu (bao gồm hộ chiếu gắn chíp điện
tử và hộ chiếu không gắn chíp điện tử)

a
Cấp mới
200.000
b
Cấp lại do bị hỏng hoặc bị mất
400.000
2
Lệ phí cấp giấy thông hành

a
Giấy thông hành nhập xuất cảnh vùng biên giới cho
cán bộ làm việc tại xã tiếp giáp với đường biên giới Việt Nam
- Trung Quốc
50.000
b
Cấp thẻ đi lại cho doanh nhân

- Cấp mới
840.000
- Cấp lại
700.000
3
Cấp thị thực cho người nước ngoài tham quan theo chương trình
do doanh nghiệp lữ hành tổ chức; thành viên tàu quân
5.000

CÔNG BÁO/Số 210/Ngày 13-04-2026
21

Số
TT
Nội dung
Mức thu
(đồng/lần cấp)
sự nước ngoài đi theo chương trình hoạt động chính thức
4
Lệ phí cấp tem
50.000
Ghi chú:
- Tem là một loại giấy miễn thị thực.
"""


def _rows(text: str) -> dict[str, tuple[str, ...]]:
    (table,) = read_tables(clean_text(text))
    return {r.full_name: r.values for r in table.rows}


def test_a_vertical_schedule_is_read_row_by_row_with_its_parents():
    rows = _rows(_SCHEDULE)
    passport = "Lệ phí cấp hộ chiếu (bao gồm hộ chiếu gắn chíp điện tử và hộ chiếu không gắn chíp điện tử)"
    assert rows[f"{passport} – Cấp mới"] == ("200.000",)
    assert rows[f"{passport} – Cấp lại do bị hỏng hoặc bị mất"] == ("400.000",)
    assert rows[passport] == ("",)  # a heading over its sub-rows: no amount of its own
    assert rows["Lệ phí cấp giấy thông hành – Cấp thẻ đi lại cho doanh nhân – Cấp lại"] == ("700.000",)
    assert rows["Lệ phí cấp tem"] == ("50.000",)


def test_the_header_gives_the_columns_and_the_unit():
    (table,) = read_tables(clean_text(_SCHEDULE))
    assert table.headings == ("Số TT", "Nội dung", "Mức thu (đồng/lần cấp)")


def test_a_wrapped_name_line_opening_with_a_dash_is_no_bullet_or_row():
    rows = _rows(_SCHEDULE)
    wrapped = [n for n in rows if n.endswith("đường biên giới Việt Nam - Trung Quốc")]
    assert len(wrapped) == 1 and rows[wrapped[0]] == ("50.000",)
    assert "\n- Trung Quốc" not in clean_text(_SCHEDULE)


def test_a_name_broken_by_a_page_goes_on_after_the_repeated_header():
    rows = _rows(_SCHEDULE)
    (name,) = [n for n in rows if n.startswith("Cấp thị thực")]
    assert name.endswith("thành viên tàu quân sự nước ngoài đi theo chương trình hoạt động chính thức")
    assert rows[name] == ("5.000",)


def test_the_text_after_the_table_stays_text():
    out = clean_text(_SCHEDULE)
    assert "\nGhi chú:\n- Tem là một loại giấy miễn thị thực." in out
    assert "21" not in out.split("\n")  # the page number went with the page's header


def test_a_block_that_does_not_regroup_is_left_as_it_was():
    """Values written as sentences ("Bằng 50% mức thu …") give no row its amount: nothing is invented."""
    text = """Mức thu như sau:
Số thứ
tự
Tên phí, lệ phí
Mức thu
1
Phí thẩm định cấp
phép sử dụng vật liệu
Bằng 50% mức thu phí quy định tại Điều 3
2
Lệ phí cấp bằng
Bằng 50% mức thu lệ phí quy định tại Điều 4
"""
    out = clean_text(text)
    assert read_tables(out) == []
    assert "|" not in out


def test_a_row_after_a_row_without_value_must_be_its_sub_row():
    """Two numbered rows in turn, the first without an amount: the value cells are not figures the reader knows,
    so the block is not a schedule it can read."""
    text = "STT\nNội dung\nMức thu\n1\nPhí A\nTheo thỏa thuận\n2\nPhí B\n100.000\n"
    assert read_tables(clean_text(text)) == []


def test_inline_numbering_and_two_value_columns_in_a_body_paragraph():
    text = """Điều 4. Mức cấp
1. Mức cấp như sau:
TT
Tên sản phẩm
Niên hạn cấp
Mức cấp
(đồng)
1
Tay giả tháo khớp vai
03 năm
2.800.000
2
Chân giả trên gối
03 năm
2.200.000
2. Điều khoản thi hành.
"""
    out = clean_text(text)
    (table,) = read_tables(out)
    assert table.headings == ("TT", "Tên sản phẩm", "Niên hạn cấp", "Mức cấp (đồng)")
    assert [r.values for r in table.rows] == [("03 năm", "2.800.000"), ("03 năm", "2.200.000")]
    assert "\n2. Điều khoản thi hành." in out


def test_a_figure_over_the_running_header_is_a_cell_when_the_document_numbers_pages_below_it():
    """This document prints its page number after "CÔNG BÁO/…": the "70" before one is the row's last cell."""
    text = """Lời dẫn.
CÔNG BÁO/Số 230/Ngày 19-04-2026
34
TT
Nội dung
Mức
chuyên gia
Ngày công
thực hiện
1
Điều tra, thu thập thông tin
a
Thu thập tài liệu
CG1
350
b
Khả năng khai thác đất chưa sử dụng
CG1
70

CÔNG BÁO/Số 230/Ngày 19-04-2026
35

2
Dự báo xu thế biến động
CG2
130
"""
    (table,) = read_tables(clean_text(text))
    assert table.headings == ("TT", "Nội dung", "Mức chuyên gia", "Ngày công thực hiện")
    rows = {r.full_name: r.values for r in table.rows}
    assert rows["Điều tra, thu thập thông tin – Khả năng khai thác đất chưa sử dụng"] == ("CG1", "70")
    assert rows["Dự báo xu thế biến động"] == ("CG2", "130")


def test_a_row_missing_one_value_takes_the_column_its_shape_fits():
    text = """STT
Tên sản phẩm
Niên hạn cấp
Mức cấp
(đồng)
1
Máy trợ thính
02 năm
1.000.000
2
Hàm giả (chỉ cấp một lần duy nhất)
4.000.000
3
Răng giả
05 năm
1.000.000/chiếc
"""
    (table,) = read_tables(clean_text(text))
    assert [r.values for r in table.rows] == [("02 năm", "1.000.000"), ("", "4.000.000"), ("05 năm", "1.000.000/chiếc")]


def test_group_letters_that_spell_roman_numerals_stay_groups():
    """After groups A and B, "C" is the third group: its rows are not B's, so a question about B's fee never gets
    C's amount."""
    from corpus.tables import read_tables

    text = "\n".join([
        "| STT | Nội dung | Mức thu (đồng) |",
        "| A | Lệ phí cấp giấy |  |", "| 1 | Cấp mới | 100.000 |",
        "| B | Lệ phí đăng ký |  |", "| 1 | Đăng ký lần đầu | 70.000 |",
        "| C | Phí thẩm định |  |", "| 1 | Thẩm định hồ sơ | 30.000 |",
    ])
    rows = {r.name: r for r in read_tables(text)[0].rows}
    assert rows["Phí thẩm định"].parents == ()
    assert rows["Thẩm định hồ sơ"].parents == ("Phí thẩm định",)
