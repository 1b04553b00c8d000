"""A yes/no question naming a date ("… có phải báo cáo … trước ngày 31 tháng 12 không?") is confirmed by a clause stating
that date, never answered with another date of the same clause ("trước ngày 30 tháng 6")."""

from __future__ import annotations

import pytest

from tests.fakes import assistant_over

_REPORTS = """BỘ NỘI VỤ
Số: 97/2026/TT-BNV
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 10 tháng 5 năm 2026

THÔNG TƯ
Quy định chế độ báo cáo công tác thi đua, khen thưởng

Điều 1. Chế độ báo cáo
Ủy ban nhân dân cấp tỉnh báo cáo Bộ Nội vụ kết quả công tác thi đua, khen thưởng trước ngày 30 tháng 6 hằng năm.
Điều 2. Hiệu lực thi hành
Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 7 năm 2026.

BỘ TRƯỞNG
Nguyễn Văn An
"""


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    return assistant_over(tmp_path_factory, {"plan.txt": "quyet-dinh-so-844-qd-ttg-469526.txt"}, {"doc1.txt": _REPORTS})


@pytest.mark.parametrize(
    "question",
    ["Ủy ban nhân dân cấp tỉnh có phải báo cáo Bộ Nội vụ kết quả công tác thi đua, khen thưởng trước ngày 31 tháng 12 "
     "không?",
     "uy ban nhan dan cap tinh co phai bao cao bo noi vu ket qua cong tac thi dua khen thuong truoc ngay 31/12 khong"],
)
def test_a_date_asked_is_not_answered_with_another_date(bot, question):
    ans = bot.answer(question)
    assert "30 tháng 6" not in ans.answer.split("Theo")[0], ans.answer
    assert not any(c.doc_id == "doc1" for c in ans.citations), ans.answer


def test_the_date_asked_is_confirmed_by_the_clause_stating_it(bot):
    ans = bot.answer("Ủy ban nhân dân cấp tỉnh có phải báo cáo Bộ Nội vụ kết quả công tác thi đua, khen thưởng trước "
                     "ngày 30 tháng 6 không?")
    assert not ans.abstained, ans.answer
    assert "trước ngày 30 tháng 6" in ans.answer.split("Theo")[0], ans.answer
    assert [c.doc_id for c in ans.citations] == ["doc1"]


@pytest.mark.parametrize(
    "question",
    ["Chủ tịch Ủy ban nhân dân các tỉnh có phải báo cáo Bộ Y tế kết quả thực hiện Kế hoạch hành động trước ngày 31 "
     "tháng 12 không?",
     "chu tich uy ban nhan dan cac tinh co phai bao cao bo y te ket qua thuc hien ke hoach hanh dong truoc ngay 31 "
     "thang 12 khong"],
)
def test_a_date_cut_by_a_line_break_is_read_whole(bot, question):
    """The gazette text keeps a line break inside the date ("trước ngày 31 tháng\\n12 để tổng hợp"): the deadline is
    read whole, not as "trước ngày 31 tháng" nor as "12"."""
    ans = bot.answer(question)
    assert not ans.abstained, ans.answer
    assert ans.answer.startswith("trước ngày 31 tháng 12"), ans.answer
    assert ans.citations[0].doc_id == "plan"
