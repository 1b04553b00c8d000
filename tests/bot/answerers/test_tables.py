"""A fee schedule's row answers an amount question: its value, the unit its column heading gives, the rows it
stands under quoted with it."""

from __future__ import annotations

import pytest

from tests.corpus.test_tables import _SCHEDULE

_CIRCULAR = """BỘ TÀI CHÍNH
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 99/2026/TT-BTC
Hà Nội, ngày 27 tháng 3 năm 2026
THÔNG TƯ
Quy định mức thu, chế độ thu, nộp lệ phí cấp giấy tờ xuất nhập cảnh
Căn cứ Luật Phí và lệ phí ngày 25 tháng 11 năm 2015;
Bộ trưởng Bộ Tài chính ban hành Thông tư quy định mức thu lệ phí cấp giấy tờ xuất nhập cảnh.
Điều 1. Mức thu
Mức thu lệ phí cấp giấy tờ xuất nhập cảnh thực hiện theo Biểu mức thu ban hành kèm theo Thông tư này.
Điều 2. Hiệu lực thi hành
Thông tư này có hiệu lực thi hành kể từ ngày 15 tháng 5 năm 2026.
Nơi nhận:
- Như trên;
- Lưu: VT, CST.
KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Cao Anh Tuấn
""" + _SCHEDULE


_PORT = _CIRCULAR.split("THÔNG TƯ")[0].replace("99/2026", "98/2026") + """THÔNG TƯ
Quy định mức thu lệ phí ra, vào cảng thủy nội địa
Căn cứ Luật Phí và lệ phí ngày 25 tháng 11 năm 2015;
Bộ trưởng Bộ Tài chính ban hành Thông tư quy định mức thu lệ phí ra, vào cảng thủy nội địa.
Điều 1. Mức thu lệ phí
1. Mức thu lệ phí ra, vào cảng thủy nội địa như sau:
Số thứ
tự
Nội dung khoản thu
Mức thu
1
Lệ phí ra, vào cảng thủy nội địa
a)
Phương tiện chở hàng có trọng tải toàn phần trên 500 tấn đến
1.000 tấn
30.000
đồng/chuyến
b)
Phương tiện chở hàng có trọng tải toàn phần trên
1.000 tấn đến 1.500 tấn
40.000
đồng/chuyến
c)
Phương tiện chở hàng có trọng tải toàn phần trên 1.500 tấn
50.000
đồng/chuyến
2. Tổ chức thu lệ phí nộp toàn bộ số tiền lệ phí thu được vào ngân sách nhà nước.
Điều 2. Hiệu lực thi hành
Thông tư này có hiệu lực thi hành kể từ ngày 15 tháng 5 năm 2026.
Nơi nhận:
- Lưu: VT, CST.
KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Cao Anh Tuấn
"""


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    from tests.fakes import assistant_over

    return assistant_over(tmp_path_factory, texts={"doc1.txt": _CIRCULAR, "doc2.txt": _PORT})


@pytest.mark.parametrize(("question", "value", "row"), [
    ("Lệ phí cấp mới hộ chiếu là bao nhiêu?", "200.000 đồng/lần cấp", "Cấp mới"),
    ("Le phi cap lai ho chieu do bi mat la bao nhieu?", "400.000 đồng/lần cấp", "Cấp lại do bị hỏng hoặc bị mất"),
    ("Mức thu lệ phí cấp lại thẻ đi lại cho doanh nhân?", "700.000 đồng/lần cấp", "Cấp lại"),
])
def test_the_asked_row_answers_with_the_unit_of_its_column(bot, question, value, row):
    a = bot.answer(question)
    assert not a.abstained, a.answer
    assert a.answer.startswith(value)
    assert f"– {row} — Mức thu (đồng/lần cấp): {value.split()[0]}" in a.answer


def test_a_row_heading_sub_rows_gives_no_amount_of_its_own(bot):
    """ "Lệ phí cấp giấy thông hành" heads rows, it has no amount: never answered with a neighbouring figure."""
    a = bot.answer("Lệ phí cấp giấy thông hành là bao nhiêu?")
    assert a.abstained or "“Lệ phí cấp giấy thông hành — Giấy thông hành nhập xuất cảnh" in a.answer, a.answer


def test_the_value_column_is_the_one_the_question_names():
    """ "Mức cấp … bao nhiêu" under "Niên hạn cấp | Mức cấp (đồng)": the amount, with the heading's unit."""
    from bot.answerers.tables import row_cell
    from bot.segments import Scorer
    from corpus import clean_text

    text = clean_text("STT\nTên sản phẩm\nNiên hạn cấp\nMức cấp\n(đồng)\n1\nTay giả tháo khớp vai\n03 năm\n"
                      "2.800.000\n2\nXe lăn tay\n04 năm\n2.250.000\n")
    at = text.index("| 1 |")
    scorer = Scorer([text, "niên hạn cấp", "mức cấp"])
    got = row_cell(scorer, "Mức cấp tay giả tháo khớp vai là bao nhiêu?", "cấp tay giả tháo khớp vai", text, at)
    assert got is not None and (got.value, got.unit) == ("2.800.000", "đồng")
    got = row_cell(scorer, "Niên hạn cấp tay giả tháo khớp vai?", "niên hạn cấp tay giả tháo khớp vai", text, at)
    assert got is not None and got.value == "03 năm"


@pytest.mark.parametrize(("question", "row", "value"), [
    ("Lệ phí ra vào cảng thủy nội địa của phương tiện chở hàng trọng tải trên 1.500 tấn là bao nhiêu?",
     "toàn phần trên 1.500 tấn", "50.000"),
    ("Lệ phí ra vào cảng thủy nội địa của phương tiện chở hàng trọng tải trên 1.000 tấn đến 1.500 tấn?",
     "toàn phần trên 1.000 tấn đến 1.500 tấn", "40.000"),
])
def test_the_row_named_by_the_asked_figures_answers(bot, question, row, value):
    """ "trên 1.500 tấn" is the row of that bound, not the row ending "đến 1.500 tấn"; the value's wrapped unit
    ("đồng/chuyến" on the next line) stays with it."""
    a = bot.answer(question)
    assert f"{row} — Mức thu: {value} đồng/chuyến”" in a.answer, a.answer


def test_a_row_heading_sub_rows_answers_with_each_sub_row(bot):
    """ "Cấp thẻ đi lại cho doanh nhân" has two amounts (new, again): both are given, not one as if it were the
    row's own."""
    a = bot.answer("Lệ phí cấp thẻ đi lại cho doanh nhân là bao nhiêu?")
    assert a.answer.startswith("Cấp mới: 840.000 đồng/lần cấp | Cấp lại: 700.000 đồng/lần cấp"), a.answer
