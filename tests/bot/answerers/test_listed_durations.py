"""A duration stated by listed items holds for what their lead-in names: "1. Người lao động … được nghỉ hằng năm …
như sau: a) 12 ngày làm việc …; b) 14 ngày …; c) 16 ngày …".  Asked without a case, every item is the answer
(the one ranked first is only one case); asked with a case, that item's duration, quoted with its lead-in.  And a
question counting days is not answered by a number of years from another clause ("nghỉ gộp tối đa 03 năm")."""

from __future__ import annotations

import pytest

from tests.fakes import assistant_over

_CODE = """QUỐC HỘI
Luật số: 91/2026/QH15
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc

LUẬT
NGHỈ NGƠI CỦA VIÊN CHỨC THƯ VIỆN

Căn cứ Hiến pháp nước Cộng hòa xã hội chủ nghĩa Việt Nam;
Quốc hội ban hành Luật Nghỉ ngơi của viên chức thư viện.

Điều 1. Phạm vi điều chỉnh
Luật này quy định thời giờ nghỉ ngơi của viên chức thư viện công lập.
Điều 2. Nghỉ phép năm
1. Viên chức thư viện làm việc đủ 12 tháng tại một thư viện thì được nghỉ phép năm, hưởng nguyên lương như
sau:
a) 12 ngày làm việc đối với người làm việc trong điều kiện bình thường;
b) 14 ngày làm việc đối với viên chức làm việc ở vùng có điều kiện kinh tế - xã hội đặc biệt khó khăn;
c) 16 ngày làm việc đối với viên chức bảo quản tài liệu có hóa chất độc hại.
2. Viên chức thư viện có thể thỏa thuận với thủ trưởng để nghỉ phép năm thành nhiều lần hoặc nghỉ gộp tối đa
03 năm một lần.
3. Thủ trưởng thư viện quy định lịch nghỉ phép năm sau khi tham khảo ý kiến của viên chức.
Điều 3. Hiệu lực thi hành
Luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2027.

CHỦ TỊCH QUỐC HỘI
Trần Thanh Mẫn
"""


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    return assistant_over(tmp_path_factory, texts={"doc1.txt": _CODE})


@pytest.mark.parametrize("question", [
    "Viên chức thư viện được nghỉ phép năm bao nhiêu ngày?",
    "vien chuc thu vien duoc nghi phep nam bao nhieu ngay",
])
def test_a_list_of_durations_asked_without_a_case_is_answered_with_every_case(bot, question):
    ans = bot.answer(question)
    assert not ans.abstained, ans.answer
    short = ans.answer.split(". Theo ")[0]
    for days in ("12 ngày làm việc", "14 ngày làm việc", "16 ngày làm việc"):
        assert days in short
    assert "03 năm" not in short
    assert ans.citations[0].clause == "Điều 2, khoản 1"
    assert "nghỉ phép năm, hưởng nguyên lương" in ans.citations[0].text  # the lead-in says what the days are for


@pytest.mark.parametrize("question", [
    "Viên chức bảo quản tài liệu có hóa chất độc hại được nghỉ phép năm mấy ngày?",
    "Viên chức bảo quản tài liệu có hoá chất độc hại được nghỉ phép năm mấy ngày?",  # old-style tone mark
])
def test_a_case_named_by_the_question_gets_its_own_duration_with_the_lead_in(bot, question):
    ans = bot.answer(question)
    assert ans.answer.startswith("16 ngày làm việc."), ans.answer
    assert "12 ngày" not in ans.answer.split(". Theo ")[0]
    assert "nghỉ phép năm, hưởng nguyên lương" in ans.citations[0].text


def test_a_count_of_days_is_not_answered_with_years_but_how_long_is(bot):
    days = bot.answer("Viên chức thư viện được nghỉ gộp phép năm tối đa bao nhiêu ngày một lần?")
    assert "03 năm" not in days.answer.split(". Theo ")[0]
    how_long = bot.answer("Viên chức thư viện được nghỉ gộp phép năm tối đa bao lâu một lần và phải báo trước mấy ngày?")
    assert not how_long.abstained and "03 năm" in how_long.answer.split(". Theo ")[0], how_long.answer
