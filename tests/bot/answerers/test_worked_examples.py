"""A worked example ("Ví dụ 1 (Minh họa điểm b khoản 2 Điều 3): …") never answers: its figures are worked out for one
made-up case in the rule's own words, and the rule it illustrates is the answer."""

from __future__ import annotations

import pytest

from bot.answerers.examples import asks_example, in_example
from tests.fakes import assistant_over

_CIRCULAR = """BỘ Y TẾ
Số: 88/2026/TT-BYT
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 12 tháng 3 năm 2026

THÔNG TƯ
Hướng dẫn thanh toán chi phí dụng cụ phục hồi chức năng

Căn cứ Luật Bảo hiểm y tế ngày 14 tháng 11 năm 2008;
Bộ trưởng Bộ Y tế ban hành Thông tư hướng dẫn thanh toán chi phí dụng cụ phục hồi chức năng.

Điều 1. Phạm vi điều chỉnh
Thông tư này hướng dẫn thanh toán chi phí dụng cụ phục hồi chức năng cho người tham gia bảo hiểm y tế.
Điều 2. Mức thanh toán
1. Quỹ bảo hiểm y tế thanh toán chi phí dụng cụ phục hồi chức năng theo giá mua vào của cơ sở khám bệnh, chữa bệnh.
2. Mức thanh toán dụng cụ phục hồi chức năng như sau:
a) Mức thanh toán tổng chi phí dụng cụ phục hồi chức năng cho một đợt điều trị không vượt quá 12 tháng lương cơ sở;
Ví dụ 1 (Minh họa điểm a khoản 2 Điều 2): Mức thanh toán tổng chi phí dụng cụ phục hồi chức năng của người bệnh trong một đợt điều trị, tại thời điểm lương cơ sở bằng 2.340.000 đồng, như sau:
- Trường hợp người bệnh có mức hưởng 100%: Mức thanh toán tổng chi phí dụng cụ phục hồi chức năng cho một đợt điều trị = 12 x 100% x 2.340.000 = 28.080.000 đồng;
- Trường hợp người bệnh có mức hưởng 80%: Mức thanh toán tổng chi phí dụng cụ phục hồi chức năng cho một đợt điều trị = 12 x 80% x 2.340.000 = 22.464.000 đồng;
b) Dụng cụ phục hồi chức năng dùng nhiều lần được thanh toán một lần trong 24 tháng.
Điều 3. Hiệu lực thi hành
Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 6 năm 2026.

BỘ TRƯỞNG
Trần Văn Bình
"""


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    return assistant_over(tmp_path_factory, texts={"thong-tu-phuc-hoi.txt": _CIRCULAR})


def _doc(bot):
    return next(d for d in bot.corpus.directives if d.number == "88/2026/TT-BYT")


@pytest.mark.parametrize("question", [
    "Quỹ bảo hiểm y tế thanh toán tổng chi phí dụng cụ phục hồi chức năng cho một đợt điều trị tối đa là bao nhiêu?",
    "quy bao hiem y te thanh toan tong chi phi dung cu phuc hoi chuc nang cho mot dot dieu tri toi da bao nhieu",
])
def test_the_rule_answers_not_its_worked_example(bot, question):
    ans = bot.answer(question)
    assert not ans.abstained
    assert "12 tháng lương cơ sở" in ans.answer
    assert "28.080.000" not in ans.answer and "22.464.000" not in ans.answer
    assert [c.clause for c in ans.citations][:1] == ["Điều 2, khoản 2, điểm a"]


def test_the_example_runs_to_the_next_labelled_part(bot):
    d = _doc(bot)
    at = d.text.index
    assert in_example(d, at("Ví dụ 1")) and in_example(d, at("12 x 80%"))
    assert not in_example(d, at("không vượt quá 12 tháng")) and not in_example(d, at("Dụng cụ phục hồi chức năng dùng nhiều"))


def test_a_question_about_an_example_may_read_it():
    assert asks_example("Ví dụ minh họa mức thanh toán cho người hưởng 80% là bao nhiêu?")
    assert asks_example("vi du minh hoa muc thanh toan")
    assert not asks_example("Mức thanh toán tối đa là bao nhiêu?")
