"""A yes/no question answered by a listed case is answered by the case's lead-in: "a) Tự gây thương tích …" only
repeats the question's circumstance, "2. … không được hưởng chế độ ốm đau nếu thuộc một trong các trường hợp sau:"
(or a khoản's opening line without a colon: "2. Các trường hợp được miễn lệ phí cấp hộ chiếu") says what holds.
And an agency the question itself names ("Sau khi Ngân hàng Nhà nước có ý kiến, ai …") is not who it asks for."""

from __future__ import annotations

import pytest

from bot.answerers.directive import asks_yes_no
from tests.fakes import assistant_over

_CIRCULAR = """BỘ CÔNG AN
Số: 77/2026/TT-BCA
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 10 tháng 7 năm 2026

THÔNG TƯ
Quy định chế độ ốm đau và lệ phí giấy tờ đối với lực lượng tuần tra biên giới

Căn cứ Luật Bảo hiểm xã hội ngày 29 tháng 6 năm 2024;
Bộ trưởng Bộ Công an ban hành Thông tư quy định chế độ ốm đau và lệ phí giấy tờ.

Điều 1. Đối tượng, điều kiện hưởng chế độ ốm đau
1. Chiến sĩ tuần tra biên giới được hưởng chế độ ốm đau khi phải nghỉ việc do ốm đau có xác nhận của cơ sở y tế.
2. Chiến sĩ tuần tra biên giới không được hưởng chế độ ốm đau nếu thuộc một trong các trường hợp sau:
a) Tự gây thương tích hoặc tự gây tổn hại cho sức khỏe của mình;
b) Sử dụng chất ma túy, tiền chất ma túy theo danh mục do Chính phủ quy định.
Điều 2. Các trường hợp được miễn lệ phí
1. Các trường hợp được miễn lệ phí cấp thẻ tuần tra
a) Chiến sĩ bị thương khi làm nhiệm vụ tuần tra biên giới;
b) Chiến sĩ được điều động đột xuất sang đơn vị khác.
2. Mức lệ phí cấp lại thẻ tuần tra là 50.000 đồng/lần.
Điều 3. Kế hoạch huấn luyện
1. Ban chỉ huy đồn biên phòng lập kế hoạch huấn luyện hằng năm.
2. Sau khi Bộ Tư lệnh Bộ đội Biên phòng có ý kiến, Giám đốc Công an tỉnh phê duyệt kế hoạch huấn luyện hằng năm.
Điều 4. Hiệu lực thi hành
Thông tư này có hiệu lực kể từ ngày 01 tháng 9 năm 2026.

BỘ TRƯỞNG
Lương Tam Quang
"""


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    return assistant_over(tmp_path_factory, texts={"doc1.txt": _CIRCULAR})


@pytest.mark.parametrize(
    ("question", "said", "clause"),
    [
        ("Theo Thông tư 77/2026/TT-BCA, chiến sĩ tuần tra biên giới tự gây thương tích cho mình thì có được hưởng "
         "chế độ ốm đau không?", "không được hưởng chế độ ốm đau", "Điều 1, khoản 2"),
        ("Theo Thong tu 77/2026/TT-BCA, chien si tuan tra bien gioi tu gay thuong tich cho minh thi co duoc huong "
         "che do om dau khong?", "không được hưởng chế độ ốm đau", "Điều 1, khoản 2"),
        # the khoản's opening line has no colon: it still stands over its points
        ("Theo Thông tư 77/2026/TT-BCA, chiến sĩ bị thương khi làm nhiệm vụ tuần tra biên giới có phải nộp lệ phí "
         "cấp thẻ tuần tra không?", "miễn lệ phí cấp thẻ tuần tra", "Điều 2, khoản 1"),
    ],
)
def test_a_yes_no_question_is_answered_by_the_lead_in_of_its_case(bot, question, said, clause):
    ans = bot.answer(question)
    assert not ans.abstained, ans.answer
    assert said in ans.answer, ans.answer
    assert ans.citations[0].clause == clause, ans.citations[0].clause


def test_a_what_question_keeps_the_point_itself(bot):
    # "là gì", no yes/no: the point names what is asked and is quoted alone, as before
    ans = bot.answer("Theo Thông tư 77/2026/TT-BCA, trường hợp nào chiến sĩ sử dụng chất gì thì không được hưởng "
                     "chế độ ốm đau?")
    assert not ans.abstained, ans.answer
    assert ans.citations[0].clause.startswith("Điều 1, khoản 2")


@pytest.mark.parametrize(
    "question",
    [
        "Theo Thông tư 77/2026/TT-BCA, sau khi Bộ Tư lệnh Bộ đội Biên phòng có ý kiến, ai phê duyệt kế hoạch huấn "
        "luyện hằng năm?",
        "Theo Thong tu 77/2026/TT-BCA, sau khi Bo Tu lenh Bo doi Bien phong co y kien, ai phe duyet ke hoach huan "
        "luyen hang nam?",
    ],
)
def test_the_agency_the_question_names_is_not_the_answer(bot, question):
    ans = bot.answer(question)
    assert not ans.abstained, ans.answer
    assert ans.answer.startswith("Giám đốc Công an tỉnh"), ans.answer
    assert ans.citations[0].clause == "Điều 3, khoản 2"


@pytest.mark.parametrize(
    ("question", "yes_no"),
    [
        ("Hộ kinh doanh có được áp dụng chế độ kế toán này không?", True),
        ("Ho kinh doanh co duoc ap dung che do ke toan nay hay khong", True),
        ("Người nước ngoài có phải nộp lệ phí không ?", True),
        ("Hộ kinh doanh không được áp dụng chế độ kế toán nào?", False),
        ("Mức lệ phí cấp lại thẻ là bao nhiêu?", False),
    ],
)
def test_yes_no_questions_are_told(question, yes_no):
    assert asks_yes_no(question) is yes_no
