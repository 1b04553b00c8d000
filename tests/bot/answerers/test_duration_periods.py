"""A sentence setting limits per two periods ("tối đa 300 giờ trong 01 năm … không quá 60 giờ trong 01 tháng") answers
a question per month with the monthly limit, asked outright or as a follow-up ("Còn một tháng?"), never the yearly one."""

from __future__ import annotations

import pytest

from tests.fakes import assistant_over

_OVERTIME = """ỦY BAN THƯỜNG VỤ QUỐC HỘI
Số: 77/2026/UBTVQH15
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 20 tháng 8 năm 2026

NGHỊ QUYẾT
Về số giờ làm thêm trong một năm, trong một tháng của người lao động

Điều 1. Số giờ làm thêm
Trường hợp người sử dụng lao động được sử dụng người lao động làm thêm tối đa 300 giờ trong 01 năm có nhu cầu và được sự
đồng ý của người lao động thì được sử dụng người lao động làm thêm trên 40 giờ nhưng không quá 72 giờ trong 01 tháng.
Điều 2. Hiệu lực thi hành
Nghị quyết này có hiệu lực thi hành kể từ ngày 01 tháng 10 năm 2026.

TM. ỦY BAN THƯỜNG VỤ QUỐC HỘI
CHỦ TỊCH
Trần Văn Bình
"""


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    return assistant_over(tmp_path_factory, texts={"doc1.txt": _OVERTIME})


@pytest.mark.parametrize("question", ["Theo Nghị quyết 77/2026/UBTVQH15 người lao động làm thêm tối đa bao nhiêu giờ "
                                      "một tháng?",
                                      "theo nghi quyet 77/2026/UBTVQH15 lam them toi da bao nhieu gio mot thang"])
def test_a_limit_per_month_is_the_monthly_one(bot, question):
    ans = bot.answer(question)
    assert not ans.abstained, ans.answer
    assert ans.answer.startswith("không quá 72 giờ"), ans.answer


def test_a_follow_up_to_another_period_carries_no_yearly_figure(bot):
    first = bot.answer("Theo Nghị quyết 77/2026/UBTVQH15 người lao động làm thêm tối đa bao nhiêu giờ một năm?")
    assert "300 giờ" in first.answer.split(".")[0], first.answer
    ans = bot.answer("Còn một tháng?", previous=first)
    assert not ans.abstained, ans.answer
    assert ans.answer.startswith("không quá 72 giờ"), ans.answer
