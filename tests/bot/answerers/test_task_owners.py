"""Who does a task when its item does not say: implementing articles group tasks per agency under a lead-in
that is the agency's name ("2. Sở Tài chính / a) Chủ trì …") or under a heading assigning them ("Điều 3.
Trách nhiệm của Sở Nội vụ", "Nhiệm vụ và quyền hạn của …"); the answer names that agency and quotes the lead-in with the item."""

from __future__ import annotations

import pytest

from tests.fakes import assistant_over

_DECISION = """ỦY BAN NHÂN DÂN TỈNH LAI CHÂU
Số: 512/QĐ-UBND
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Lai Châu, ngày 14 tháng 5 năm 2026

QUYẾT ĐỊNH
Ban hành Kế hoạch tổ chức Hội thi tuyên truyền viên giỏi về thi đua, khen thưởng năm 2026

CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH LAI CHÂU
Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;
Theo đề nghị của Giám đốc Sở Nội vụ.

QUYẾT ĐỊNH:
Điều 1. Ban hành kèm theo Quyết định này Kế hoạch tổ chức Hội thi tuyên truyền viên giỏi về thi đua, khen thưởng năm 2026.
Điều 2. Phân công thực hiện
1. Sở Văn hóa, Thể thao và Du lịch
a) Chủ trì chuẩn bị sân khấu, âm thanh, ánh sáng cho vòng chung kết Hội thi.
b) Phối hợp quảng bá Hội thi trên các phương tiện thông tin đại chúng.
2. Sở Tài chính
a) Chủ trì thẩm định dự toán kinh phí tổ chức Hội thi.
b) Hướng dẫn thanh toán, quyết toán kinh phí theo quy định.
3. Trung tâm Văn hóa, Sở Văn hóa, Thể thao và Du lịch có trách nhiệm:
a) Dàn dựng chương trình nghệ thuật khai mạc Hội thi tại Trung tâm Hội nghị tỉnh.
Điều 3. Trách nhiệm của Sở Nội vụ
1. Xây dựng thể lệ Hội thi, thành lập Ban Giám khảo và Tổ thư ký.
2. Tổng hợp danh sách thí sinh do các huyện, thành phố đăng ký dự thi.
Điều 4. Nhiệm vụ và quyền hạn của Ban Thi đua - Khen thưởng tỉnh1
1. Thẩm định hồ sơ đề nghị khen thưởng các thí sinh đạt giải nhất Hội thi.
2. Trình Chủ tịch Ủy ban nhân dân tỉnh tặng Bằng khen.
Điều 5. Hiệu lực thi hành
Quyết định này có hiệu lực kể từ ngày ký.

CHỦ TỊCH
Lê Văn Lương
"""


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    return assistant_over(tmp_path_factory, texts={"doc1.txt": _DECISION})


@pytest.mark.parametrize(
    ("question", "agency", "clause"),
    [
        ("Theo Quyết định 512/QĐ-UBND, sở nào chủ trì thẩm định dự toán kinh phí tổ chức Hội thi tuyên truyền viên giỏi?",
         "Sở Tài chính", "Điều 2, khoản 2"),
        ("theo quyet dinh 512/QĐ-UBND so nao chu tri chuan bi san khau am thanh anh sang cho vong chung ket hoi thi",
         "Sở Văn hóa, Thể thao và Du lịch", "Điều 2, khoản 1"),
        ("Theo Quyết định 512/QĐ-UBND, cơ quan nào xây dựng thể lệ Hội thi và thành lập Ban Giám khảo?",
         "Sở Nội vụ", "Điều 3"),
        # "X, Sở Y có trách nhiệm:" assigns the items below it to X; the place an item names is not who acts
        ("Theo Quyết định 512/QĐ-UBND, đơn vị nào dàn dựng chương trình nghệ thuật khai mạc Hội thi?",
         "Trung tâm Văn hóa", "Điều 2, khoản 3"),
        # a consolidated text's footnote number glued to the heading ("… tỉnh1") is no part of the name
        ("Theo Quyết định 512/QĐ-UBND, cơ quan nào thẩm định hồ sơ đề nghị khen thưởng các thí sinh đạt giải nhất?",
         "Ban Thi đua - Khen thưởng tỉnh", "Điều 4"),
    ],
)
def test_a_task_listed_under_its_agency_is_answered_with_that_agency(bot, question, agency, clause):
    ans = bot.answer(question)
    assert not ans.abstained, ans.answer
    assert ans.answer.startswith(f"{agency}."), ans.answer
    assert ans.citations[0].clause == clause
    assert agency in ans.answer.split("Theo", 1)[1]  # the quote shows the lead-in naming it


def test_a_question_naming_a_department_asks_for_an_agency(bot):
    """ "Cục nào …?" asks who, like "Sở nào", "Bộ nào"."""
    from bot.query import read_question

    assert read_question("Cục nào của Bộ Công Thương phê duyệt kế hoạch quản lý rủi ro?").kind == "agency"


@pytest.mark.parametrize(
    "question",
    ["Quyết định 512/QĐ-UBND được ban hành theo đề nghị của ai?",
     "quyet dinh 512/QĐ-UBND duoc ban hanh theo de nghi cua ai"],
)
def test_on_whose_proposal_is_read_from_the_preamble_not_from_who_issues(bot, question):
    ans = bot.answer(question)
    assert not ans.abstained, ans.answer
    assert "Sở Nội vụ" in ans.answer.split("Theo")[0], ans.answer
    assert ans.citations[0].clause == "phần mở đầu"


@pytest.fixture(scope="module")
def plan(tmp_path_factory):
    # Quyết định 844/QĐ-TTg, Kế hoạch hành động thực hiện Chỉ thị 52-CT/TW: "4. Bộ Y tế chủ trì, phối hợp với các bộ,
    # ngành, địa phương theo dõi, đôn đốc việc triển khai …", "5. Bộ Tài chính chủ trì, … bảo đảm nguồn kinh phí …"
    return assistant_over(tmp_path_factory, {"plan.txt": "quyet-dinh-so-844-qd-ttg-469526.txt"})


@pytest.mark.parametrize(("question", "agency"), [
    ("Bộ Y tế có chủ trì theo dõi, đôn đốc việc triển khai Kế hoạch hành động thực hiện Chỉ thị 52-CT/TW không?",
     "Bộ Y tế"),
    ("Bộ Tài chính có phải chủ trì bảo đảm nguồn kinh phí thực hiện Kế hoạch hành động thực hiện Chỉ thị 52-CT/TW "
     "không?", "Bộ Tài chính"),
    # the Bộ Y tế does it: "Bộ Chính trị", read off "Bộ Tài chính … chủ trì" word by word, is no answer either
    ("Bộ Tài chính có chủ trì theo dõi, đôn đốc việc triển khai Kế hoạch hành động không?", "Bộ Tài chính"),
])
def test_a_yes_no_question_about_an_agency_is_never_answered_with_another_agency(plan, question, agency):
    # it was answered "Ủy ban nhân dân cấp tỉnh", "Ban Bí thư", "Bộ Chính trị" (a review finding)
    ans = plan.answer(question)
    assert ans.abstained or ans.answer.startswith((agency, "Theo ")), ans.answer
