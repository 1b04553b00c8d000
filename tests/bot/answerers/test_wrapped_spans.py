"""Answer extents a user notices on a circular laid out as gazette texts are (lines broken mid-sentence, as
copied from PDF): a definition is quoted past its line break to the end of its part; a duration asked of a
case listed under "a) Kéo dài 12 tháng đối với các trường hợp:" is that point's, not the next point's; a
condition asked of a listed case is quoted with the lead-in saying what holds for it; a criterion's number
"3.1" is never the value answered."""

from __future__ import annotations

import pytest

from bot.compose import continued, excerpt, wraps
from bot.extract import find_values
from tests.fakes import assistant_over

_CIRCULAR = """BỘ NỘI VỤ
Số: 91/2026/TT-BNV
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 20 tháng 4 năm 2026

THÔNG TƯ
Hướng dẫn đánh giá cộng tác viên thi đua ở cơ sở

Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;
Bộ trưởng Bộ Nội vụ ban hành Thông tư hướng dẫn đánh giá cộng tác viên thi đua ở cơ sở.

Điều 1. Giải thích từ ngữ
1. Điểm chuẩn thi đua của cộng tác viên là điểm bình quân
của 03 kỳ đánh giá liền kề của cộng tác viên đó; trường hợp chưa đủ 03 kỳ
thì lấy điểm của kỳ gần nhất.
2. Sổ thi đua cơ sở là sổ do Ủy ban nhân dân cấp xã lập để ghi kết quả đánh giá.
Điều 2. Kéo dài thời gian xét nâng mức phụ cấp
Cộng tác viên bị kỷ luật thì bị kéo dài thời gian xét nâng mức phụ cấp so với
thời gian quy định như sau:
a) Kéo dài 12 tháng đối với các trường hợp:
- Tổ trưởng bị kỷ luật cách nhiệm;
- Cộng tác viên bị kỷ luật đình chỉ hoạt động tuyên truyền hoặc cách
nhiệm;
b) Kéo dài 06 tháng đối với cộng tác viên bị kỷ luật cảnh cáo.
c) Kéo dài 03 tháng đối với tổ viên bị kỷ luật khiển trách.
Điều 3. Tiêu chí số 3.1 về kết quả tuyên truyền
1. Xã đạt tiêu chí số 3.1 khi tỷ lệ hộ gia đình được cộng tác viên tuyên truyền
trong năm đạt từ 85% trở lên.
2. Báo cáo kết quả tính tiêu chí 3.1 gửi Ủy ban nhân dân cấp huyện trước ngày 15 tháng 12.
Điều 4. Xét khen thưởng cuối năm
Cộng tác viên không được xét khen thưởng cuối năm nếu thuộc một trong
các trường hợp sau:
a) Tự ý bỏ sinh hoạt tổ tuyên truyền từ 03 buổi trở lên trong năm;
b) Để xảy ra sai sót nghiêm trọng trong ghi chép sổ thi đua cơ sở.

BỘ TRƯỞNG
Nguyễn Văn An
"""


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    return assistant_over(tmp_path_factory, texts={"doc1.txt": _CIRCULAR})


@pytest.mark.parametrize(
    "question",
    [
        "Điểm chuẩn thi đua của cộng tác viên là gì?",
        "diem chuan thi dua cua cong tac vien duoc hieu la gi",
    ],
)
def test_a_definition_is_quoted_past_its_line_break(bot, question):
    ans = bot.answer(question)
    assert not ans.abstained, ans.answer
    # the definition goes on after "điểm bình quân": which points it averages is on the next line
    assert "03 kỳ đánh giá liền kề" in " ".join(ans.answer.split()), ans.answer


@pytest.mark.parametrize(
    "question",
    [
        "Cộng tác viên bị kỷ luật đình chỉ hoạt động tuyên truyền thì bị kéo dài thời gian xét nâng mức phụ cấp bao lâu?",
        "cong tac vien bi ky luat dinh chi hoat dong tuyen truyen thi bi keo dai xet nang muc phu cap bao lau",
    ],
)
def test_a_duration_asked_of_a_listed_case_is_its_points(bot, question):
    ans = bot.answer(question)
    assert not ans.abstained, ans.answer
    assert ans.answer.startswith("12 tháng"), ans.answer  # point a, whose list names the case; not 03 or 06 tháng
    assert ans.citations[0].clause.startswith("Điều 2"), ans.citations[0].clause


def test_a_condition_asked_of_a_listed_case_is_quoted_with_its_lead_in(bot):
    ans = bot.answer("Cộng tác viên tự ý bỏ sinh hoạt tổ tuyên truyền thì có đủ điều kiện xét khen thưởng cuối năm không?")
    assert not ans.abstained, ans.answer
    text = " ".join(ans.answer.split())
    # the point names the case; only its lead-in says that the case is excluded
    assert "không được xét khen thưởng cuối năm" in text and "Tự ý bỏ sinh hoạt tổ" in text, ans.answer


def test_a_criterions_number_is_not_the_value_answered(bot):
    ans = bot.answer("Tỷ lệ hộ gia đình được tuyên truyền phải đạt bao nhiêu thì xã đạt tiêu chí số 3.1?")
    assert not ans.abstained, ans.answer
    assert "85%" in ans.answer and not ans.answer.startswith("3.1"), ans.answer


def test_a_dotted_label_states_no_value():
    assert [v.text for v in find_values("Báo cáo kết quả tính tiêu chí 3.1 và mục 2.3.1")] == []
    # thousands are grouped by three digits: these are values
    assert [v.text for v in find_values("hỗ trợ 3.500 hộ, mức 1.200.000 đồng")] == ["3.500 hộ", "1.200.000 đồng"]


_WRAPPED = ("1. Chủ tịch yêu cầu các đơn vị báo cáo Ủy ban nhân dân tỉnh\n(qua Sở Nội vụ) kết quả thực hiện; "
            "đồng thời gửi\nSở Tài chính.\na) Một việc khác.\nb) Việc cuối")


def test_a_line_break_in_mid_sentence_is_a_wrap_and_a_label_or_a_full_stop_ends_a_line():
    first = _WRAPPED.index("\n")
    assert wraps(_WRAPPED, first)  # "(qua Sở Nội vụ)" goes on with the sentence
    assert wraps(_WRAPPED, _WRAPPED.index("\nSở")) is False  # a capital after "gửi": not read as a wrap
    assert wraps(_WRAPPED, _WRAPPED.index("\na)")) is False  # a full stop ends the line
    assert wraps(_WRAPPED, _WRAPPED.index("\nb)")) is False  # a point's label opens an item


def test_a_quote_goes_on_to_its_parts_end_and_starts_where_its_part_does():
    first = _WRAPPED.index("\n")
    quote, _, _ = excerpt(_WRAPPED, 3, first)
    assert quote.endswith("(qua Sở Nội vụ) kết quả thực hiện"), quote  # stops at the semicolon
    start, _ = continued(_WRAPPED, first + 1, _WRAPPED.index(";"))
    assert start == 3  # from the sentence's first word, after its label


def test_a_long_sentence_is_not_followed_back_past_the_quote_length():
    text = "Cơ quan " + "rất " * 120 + "dài\nvà tiếp tục ở đây."
    start, _ = continued(text, text.index("\n") + 1, len(text) - 1)
    assert start == text.index("\n") + 1  # going back would push the answering words out of the quote
