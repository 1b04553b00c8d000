"""A defined term that is itself an enumeration ("Nghề, công việc nặng nhọc, độc hại, nguy hiểm") is found by its
whole name: the question's commas do not cut it down to its last part ("nguy hiểm"), which would match a term the
document does not define or the narrower one ("… đặc biệt nặng nhọc, …")."""

from __future__ import annotations

import pytest

from tests.fakes import assistant_over

_CIRCULAR = """BỘ NỘI VỤ
Số: 78/2026/TT-BNV
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 12 tháng 3 năm 2026

THÔNG TƯ
Quy định phân loại lao động theo điều kiện lao động của nghề ươm tơ

Căn cứ Bộ luật Lao động ngày 20 tháng 11 năm 2019;
Bộ trưởng Bộ Nội vụ ban hành Thông tư quy định phân loại lao động của nghề ươm tơ.

Điều 1. Phạm vi điều chỉnh
Thông tư này quy định việc phân loại lao động theo điều kiện lao động của nghề ươm tơ.
Điều 2. Giải thích từ ngữ
Trong Thông tư này, các từ ngữ dưới đây được hiểu như sau:
1. Nghề, công việc nặng nhọc, độc hại, nguy hiểm là nghề, công việc có điều kiện lao động xếp loại IV.
2. Nghề, công việc đặc biệt nặng nhọc, độc hại, nguy hiểm là nghề, công việc có điều kiện lao động xếp loại V, VI.
3. Nguy hiểm là yếu tố có thể gây chấn thương cho người lao động trong khi làm việc.
Điều 3. Hiệu lực thi hành
Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 5 năm 2026.

BỘ TRƯỞNG
Nguyễn Văn An
"""


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    return assistant_over(tmp_path_factory, texts={"doc1.txt": _CIRCULAR})


@pytest.mark.parametrize(
    ("question", "said", "clause"),
    [
        ("Theo Thông tư 78/2026/TT-BNV, nghề, công việc nặng nhọc, độc hại, nguy hiểm là gì?", "xếp loại IV",
         "Điều 2, khoản 1"),
        ("theo thong tu 78/2026/tt-bnv, nghe, cong viec nang nhoc, doc hai, nguy hiem duoc hieu la gi",
         "xếp loại IV", "Điều 2, khoản 1"),
        ("Theo Thông tư 78/2026/TT-BNV, nghề, công việc đặc biệt nặng nhọc, độc hại, nguy hiểm là gì?",
         "xếp loại V, VI", "Điều 2, khoản 2"),
        # a term of one part is still asked as the last part
        ("Theo Thông tư 78/2026/TT-BNV, nguy hiểm là gì?", "gây chấn thương", "Điều 2, khoản 3"),
    ],
)
def test_an_enumerated_term_is_defined_by_its_whole_name(bot, question, said, clause):
    ans = bot.answer(question)
    assert not ans.abstained, ans.answer
    assert said in ans.answer, ans.answer
    assert ans.citations[0].clause == clause, ans.citations[0].clause
