"""Answers by legal-text kind on a circular written for the test: a dossier lists its items, a definition
quotes the defining clause, a duration is the one of the sentence that matches the question."""

from __future__ import annotations

import pytest

from tests.fakes import assistant_over

_CIRCULAR = """BỘ NỘI VỤ
Số: 77/2026/TT-BNV
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 10 tháng 3 năm 2026

THÔNG TƯ
Quy định về cấp thẻ cộng tác viên thi đua, khen thưởng

Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;
Bộ trưởng Bộ Nội vụ ban hành Thông tư quy định về cấp thẻ cộng tác viên thi đua, khen thưởng.

Chương I
QUY ĐỊNH CHUNG

Điều 1. Phạm vi điều chỉnh
Thông tư này quy định về cấp, gia hạn và thu hồi thẻ cộng tác viên thi đua, khen thưởng.
Điều 2. Giải thích từ ngữ
Trong Thông tư này, các từ ngữ dưới đây được hiểu như sau:
1. Cộng tác viên thi đua là người được cơ quan làm công tác thi đua, khen thưởng công nhận để hỗ trợ tuyên truyền phong trào thi đua ở cơ sở.
2. Thẻ cộng tác viên là giấy tờ do Sở Nội vụ cấp cho cộng tác viên thi đua, có giá trị trong phạm vi tỉnh.
Điều 3. Hồ sơ đề nghị cấp thẻ cộng tác viên
Hồ sơ đề nghị cấp thẻ cộng tác viên gồm các thành phần sau:
a) Đơn đề nghị cấp thẻ theo Mẫu số 01 ban hành kèm theo Thông tư này;
b) Bản sao giấy tờ tùy thân còn giá trị sử dụng;
c) Hai ảnh màu cỡ 3 x 4 cm chụp trong thời gian không quá 06 tháng;
d) Ý kiến của Ủy ban nhân dân cấp xã nơi cộng tác viên cư trú.
Điều 4. Cấp, gia hạn và thu hồi thẻ
1. Trong thời hạn 10 ngày làm việc kể từ ngày nhận đủ hồ sơ, Sở Nội vụ cấp thẻ cộng tác viên; trường hợp không cấp thì trả lời bằng văn bản và nêu rõ lý do.
2. Thẻ cộng tác viên có thời hạn 03 năm. Chậm nhất 30 ngày trước khi thẻ hết hạn, cộng tác viên gửi đơn đề nghị gia hạn thẻ đến Sở Nội vụ.
3. Cộng tác viên thi đua bị thu hồi thẻ khi không còn tham gia tuyên truyền phong trào thi đua ở cơ sở.
4. Cộng tác viên thi đua được tham gia bồi dưỡng nghiệp vụ tối đa 05 ngày trong 01 năm.
Điều 5. Hiệu lực thi hành
1. Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 5 năm 2026.
2. Thẻ cộng tác viên theo mẫu mới được sử dụng kể từ ngày 01 tháng 7 năm 2026.

BỘ TRƯỞNG
Nguyễn Văn An
"""


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    return assistant_over(tmp_path_factory, texts={"doc1.txt": _CIRCULAR})


@pytest.mark.parametrize(
    "question",
    [
        "Hồ sơ đề nghị cấp thẻ cộng tác viên gồm những gì?",
        "ho so de nghi cap the cong tac vien gom nhung giay to gi",
    ],
)
def test_a_dossier_question_lists_the_items_with_the_clause_label(bot, question):
    ans = bot.answer(question)
    assert not ans.abstained and ans.kind == "dossier"
    for item in ("Đơn đề nghị cấp thẻ theo Mẫu số 01", "Bản sao giấy tờ tùy thân", "Hai ảnh màu cỡ 3 x 4 cm",
                 "Ý kiến của Ủy ban nhân dân cấp xã"):
        assert item in ans.answer
    cite = ans.citations[0]
    assert cite.doc_id == "doc1" and cite.clause == "Điều 3"
    assert "(Điều 3)" in ans.answer


@pytest.mark.parametrize(
    "question",
    ["Cộng tác viên thi đua là gì?", "cong tac vien thi dua duoc hieu la gi", "Thế nào là cộng tác viên thi đua?"],
)
def test_a_definition_question_quotes_the_defining_clause_not_one_that_uses_the_term(bot, question):
    ans = bot.answer(question)
    assert not ans.abstained
    assert "công nhận để hỗ trợ tuyên truyền phong trào thi đua" in ans.answer
    assert ans.citations[0].clause == "Điều 2, khoản 1"


@pytest.mark.parametrize(
    ("question", "duration", "clause"),
    [
        ("Chậm nhất bao lâu trước khi thẻ cộng tác viên hết hạn phải gửi đơn đề nghị gia hạn?", "30 ngày",
         "Điều 4, khoản 2"),
        ("Thẻ cộng tác viên có thời hạn bao lâu?", "03 năm", "Điều 4, khoản 2"),
        ("so noi vu cap the trong bao nhieu ngay ke tu ngay nhan du ho so", "10 ngày làm việc", "Điều 4, khoản 1"),
    ],
)
def test_a_duration_question_gets_the_duration_of_the_matching_sentence(bot, question, duration, clause):
    ans = bot.answer(question)
    assert not ans.abstained and ans.kind == "duration"
    assert ans.answer.startswith(duration) or ans.answer.split(".")[0].endswith(duration)
    assert ans.citations[0].clause == clause


def test_a_date_question_gets_the_date_even_from_the_article_on_effect(bot):
    ans = bot.answer("Thẻ cộng tác viên theo mẫu mới được sử dụng từ ngày nào?")
    assert not ans.abstained
    assert "01 tháng 7 năm 2026" in ans.answer and "01 tháng 5" not in ans.answer.split(".")[0]
    assert ans.citations[0].clause == "Điều 5, khoản 2"


@pytest.mark.parametrize(
    ("question", "answered"),
    [
        ("Cộng tác viên thi đua được bồi dưỡng nghiệp vụ tối đa bao nhiêu ngày trong một năm?", True),
        ("cong tac vien thi dua duoc boi duong nghiep vu toi da bao nhieu ngay trong mot tuan", False),
    ],
)
def test_a_rate_is_read_only_for_the_period_the_question_names(bot, question, answered):
    ans = bot.answer(question)
    if answered:
        assert not ans.abstained and ans.answer.startswith("tối đa 05 ngày")
    else:
        assert ans.abstained or "05 ngày" not in ans.answer


def test_a_question_asking_two_things_quotes_the_clause_that_answers_both(bot):
    ans = bot.answer("Thẻ cộng tác viên có thời hạn bao lâu và cộng tác viên phải gửi đơn gia hạn chậm nhất mấy ngày?")
    assert not ans.abstained
    assert "03 năm" in ans.answer and "30 ngày" in ans.answer
    assert ans.citations[0].clause == "Điều 4, khoản 2"
