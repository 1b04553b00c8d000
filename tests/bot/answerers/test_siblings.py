"""Sibling clauses (the clauses of one article, the points of one lead-in) share their headings and most of their
words: the one answering is the one saying the few words the question shares with it alone ("mạnh", "hộ
nghèo" rather than "hộ cận nghèo"), whichever the search ranked first."""

from __future__ import annotations

import pytest

from tests.fakes import assistant_over

_DECREE = """CHÍNH PHỦ
Số: 301/2026/NĐ-CP
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 02 tháng 9 năm 2026

NGHỊ ĐỊNH
Quy định về nhóm chuyên đề thi đua trong các cơ sở giáo dục nghề nghiệp

Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;
Chính phủ ban hành Nghị định quy định về nhóm chuyên đề thi đua trong các cơ sở giáo dục nghề nghiệp.

Điều 1. Phạm vi điều chỉnh
Nghị định này quy định về nhóm chuyên đề thi đua trong các cơ sở giáo dục nghề nghiệp.
Điều 2. Nhóm chuyên đề thi đua
1. Nhóm chuyên đề thi đua do người đứng đầu cơ sở giáo dục nghề nghiệp quyết định thành lập.
2. Nhóm chuyên đề cơ sở có ít nhất 03 thành viên, trong đó trưởng nhóm là nhà giáo cơ hữu.
3. Nhóm chuyên đề mạnh có ít nhất 07 thành viên, trong đó trưởng nhóm là nhà giáo cơ hữu có trình độ \
thạc sĩ trở lên, đã chủ trì ít nhất hai phong trào thi đua cấp tỉnh hoặc cấp bộ, có uy tín trong ngành và có năng \
lực tập hợp, dẫn dắt đội ngũ nhà giáo, người lao động tham gia các phong trào thi đua dài hạn của cơ sở.
Điều 3. Kinh phí hỗ trợ
1. Đối với nhóm chuyên đề của cơ sở giáo dục nghề nghiệp thuộc huyện nghèo: mức hỗ trợ thực hiện theo quy định \
tại khoản 1 Điều 12 Thông tư số 41/2025/TT-BTC.
2. Đối với nhóm chuyên đề của cơ sở giáo dục nghề nghiệp thuộc huyện cận nghèo, huyện mới thoát nghèo: mức hỗ trợ \
thực hiện theo quy định tại khoản 2 Điều 12 Thông tư số 41/2025/TT-BTC.
Điều 4. Hiệu lực thi hành
Nghị định này có hiệu lực kể từ ngày 01 tháng 11 năm 2026.

TM. CHÍNH PHỦ
THỦ TƯỚNG
Nguyễn Văn An
"""


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    return assistant_over(tmp_path_factory, texts={"doc1.txt": _DECREE})


@pytest.mark.parametrize(
    ("question", "answer", "clause"),
    [
        ("Theo Nghị định 301/2026/NĐ-CP, nhóm chuyên đề mạnh phải có tối thiểu bao nhiêu thành viên?",
         "07 thành viên", "Điều 2, khoản 3"),
        ("theo nghi dinh 301/2026/ND-CP nhom chuyen de manh phai co toi thieu bao nhieu thanh vien",
         "07 thành viên", "Điều 2, khoản 3"),
        ("Theo Nghị định 301/2026/NĐ-CP, nhóm chuyên đề cơ sở phải có tối thiểu bao nhiêu thành viên?",
         "03 thành viên", "Điều 2, khoản 2"),
        ("Theo Nghị định 301/2026/NĐ-CP, mức hỗ trợ nhóm chuyên đề của cơ sở giáo dục nghề nghiệp thuộc huyện nghèo "
         "thực hiện theo thông tư nào?", "41/2025/TT-BTC", "Điều 3, khoản 1"),
    ],
)
def test_the_sibling_saying_the_words_asked_answers(bot, question, answer, clause):
    ans = bot.answer(question)
    assert not ans.abstained, ans.answer
    assert answer in ans.answer, ans.answer
    assert ans.citations[0].clause == clause, ans.answer
