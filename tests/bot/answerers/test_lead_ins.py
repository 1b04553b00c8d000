"""A clause's lead-in governs its points: "1. Giao Chính phủ: a) … b) …" gives every point that agency.  A
document's preamble ("… ban hành Nghị quyết …") says who issued it, never who must carry it out.  (A rate in a
lead-in is not given to its points: measured, that answered a question about one kind of seller with the rate
the lead-in sets for another.)"""

from __future__ import annotations

import pytest

from tests.fakes import assistant_over

_RESOLUTION = """HỘI ĐỒNG NHÂN DÂN TỈNH LAI CHÂU
Số: 21/2026/NQ-HĐND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Lai Châu, ngày 10 tháng 7 năm 2026

NGHỊ QUYẾT
Quy định mức hỗ trợ đối với tuyên truyền viên cơ sở trên địa bàn tỉnh

HỘI ĐỒNG NHÂN DÂN TỈNH LAI CHÂU
Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 02 năm 2025;
Xét Tờ trình của Ủy ban nhân dân tỉnh;
Hội đồng nhân dân tỉnh ban hành Nghị quyết quy định mức hỗ trợ đối với tuyên truyền viên cơ sở.

Điều 1. Mức hỗ trợ hằng tháng
1. Mức hỗ trợ 30% mức lương cơ sở được áp dụng đối với các trường hợp sau:
a) Tuyên truyền viên tại các thôn, bản thuộc xã khu vực I;
b) Tuyên truyền viên kiêm nhiệm công tác văn thư tại nhà văn hóa thôn.
2. Mức hỗ trợ 50% mức lương cơ sở được áp dụng đối với các trường hợp sau:
a) Tuyên truyền viên tại các bản vùng cao biên giới;
b) Tuyên truyền viên là người dân tộc thiểu số rất ít người.
Điều 2. Tổ chức thực hiện
1. Giao Ủy ban nhân dân tỉnh:
a) Hướng dẫn thực hiện Nghị quyết này;
b) Báo cáo kết quả thực hiện Nghị quyết này tại kỳ họp cuối năm.
2. Giao Chính phủ:
a) Bố trí kinh phí bổ sung có mục tiêu cho tỉnh.
Điều 3. Trách nhiệm thi hành
Giám đốc Sở Tài chính, Chánh Văn phòng Hội đồng nhân dân tỉnh chịu trách nhiệm thi hành Nghị quyết này.
Điều 4. Thời gian công tác
Tuyên truyền viên được hỗ trợ phải có thời gian làm công tác tuyên truyền tại cơ sở từ đủ 03 năm trở lên. Trường hợp tuyên truyền viên là người có uy tín trong đồng bào dân tộc thiểu số thì tuyên truyền viên được hỗ trợ phải có thời gian làm công tác tuyên truyền tại cơ sở tối thiểu 01 năm.
Điều 5. Thẩm quyền phê duyệt
1. Giám đốc Sở Văn hóa, Thể thao và Du lịch xem xét, phê duyệt các nội dung sau:
a) Danh sách tuyên truyền viên được hỗ trợ hằng năm của từng xã;
b) Việc thay thế tuyên truyền viên thôi làm nhiệm vụ giữa năm.
2. Hồ sơ đề nghị hỗ trợ gồm:
a) Tờ trình của Ủy ban nhân dân xã;
b) Danh sách tuyên truyền viên.
Điều 6. Hiệu lực thi hành
Nghị quyết này có hiệu lực kể từ ngày 01 tháng 8 năm 2026.

CHỦ TỊCH
Giàng Páo Mỷ
"""


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    return assistant_over(tmp_path_factory, texts={"doc1.txt": _RESOLUTION})


@pytest.mark.parametrize(
    ("question", "agency", "clause"),
    [
        ("Theo Nghị quyết 21/2026/NQ-HĐND, ai báo cáo kết quả thực hiện Nghị quyết tại kỳ họp cuối năm?",
         "Ủy ban nhân dân tỉnh", "Điều 2, khoản 1"),
        # a body the name patterns do not know, named after the words assigning the points ("Giao …:")
        ("Theo Nghị quyết 21/2026/NQ-HĐND, ai bố trí kinh phí bổ sung có mục tiêu cho tỉnh?",
         "Chính phủ", "Điều 2, khoản 2"),
    ],
)
def test_a_point_under_giao_is_the_task_of_the_agency_it_names(bot, question, agency, clause):
    ans = bot.answer(question)
    assert not ans.abstained, ans.answer
    assert ans.answer.startswith(f"{agency}."), ans.answer
    assert ans.citations[0].clause == clause


@pytest.mark.parametrize(
    "question",
    ["Theo Nghị quyết 21/2026/NQ-HĐND, ai phê duyệt việc thay thế tuyên truyền viên thôi làm nhiệm vụ giữa năm?",
     "theo nghi quyet 21/2026/NQ-HĐND ai phe duyet danh sach tuyen truyen vien duoc ho tro hang nam cua tung xa"],
)
def test_an_agency_acting_on_the_items_its_lead_in_announces_does_each_of_them(bot, question):
    # "X xem xét, phê duyệt các nội dung sau: a) …": the agency is the subject of every item's act
    ans = bot.answer(question)
    assert not ans.abstained, ans.answer
    assert ans.answer.startswith("Giám đốc Sở Văn hóa, Thể thao và Du lịch."), ans.answer
    assert ans.citations[0].clause == "Điều 5, khoản 1"


@pytest.mark.parametrize(
    "question",
    ["Ai chịu trách nhiệm thi hành Nghị quyết 21/2026/NQ-HĐND?",
     "ai chiu trach nhiem thi hanh nghi quyet 21/2026/NQ-HĐND"],
)
def test_who_carries_out_a_document_is_never_read_from_its_preamble(bot, question):
    ans = bot.answer(question)
    assert not ans.abstained, ans.answer
    assert ans.citations[0].clause == "Điều 3", ans.answer
    assert "Giám đốc Sở Tài chính" in ans.answer.split("Theo")[0], ans.answer


@pytest.mark.parametrize(
    ("question", "duration"),
    [
        # the rule answers; the exception for a special case the question does not name does not
        ("Theo Nghị quyết 21/2026/NQ-HĐND, tuyên truyền viên được hỗ trợ phải có thời gian làm công tác tuyên truyền "
         "tại cơ sở tối thiểu bao nhiêu năm?", "03 năm"),
        ("Theo Nghị quyết 21/2026/NQ-HĐND, tuyên truyền viên là người có uy tín trong đồng bào dân tộc thiểu số phải "
         "có thời gian làm công tác tuyên truyền tối thiểu bao lâu?", "01 năm"),
    ],
)
def test_a_special_case_answers_only_a_question_naming_it(bot, question, duration):
    ans = bot.answer(question)
    assert not ans.abstained, ans.answer
    assert duration in ans.answer.split("Theo")[0], ans.answer
    assert ans.citations[0].clause == "Điều 4"
