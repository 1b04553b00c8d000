"""Legal-text structures a user notices on a circular written for the test: the step of a scale asked ("mức 3")
is answered from its own item, not a neighbour's; a count of days is not read out of a date; an inline
dossier ("Hồ sơ gồm: X; Y") is quoted with all its items; "trong điều kiện …" describes, it does not ask;
the effect date and the replaced document asked together are answered from the article that says both."""

from __future__ import annotations

import pytest

from bot.answerers.labels import asked_steps, asked_years, period_fit, step_fit
from bot.extract import find_durations, find_values
from bot.query import read_question
from tests.fakes import assistant_over

_CIRCULAR = """BỘ NỘI VỤ
Số: 78/2026/TT-BNV
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 12 tháng 3 năm 2026

THÔNG TƯ
Quy định phụ cấp cho cộng tác viên tuyên truyền thi đua ở cơ sở

Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;
Bộ trưởng Bộ Nội vụ ban hành Thông tư quy định phụ cấp cho cộng tác viên tuyên truyền thi đua ở cơ sở.

Điều 1. Phạm vi điều chỉnh
Thông tư này quy định phụ cấp của cộng tác viên tuyên truyền thi đua ở cơ sở.
Điều 2. Mức phụ cấp
1. Cộng tác viên tuyên truyền thi đua được hưởng phụ cấp hằng tháng theo các mức sau:
a) Mức 1: 450.000 đồng;
b) Mức 2: 600.000 đồng;
c) Mức 3: 750.000 đồng.
2. Cộng tác viên làm việc trong điều kiện vùng sâu, vùng xa được cộng thêm 20% mức phụ cấp.
3. Phụ cấp theo ngày được tính bằng phụ cấp tháng chia cho 22 ngày.
Điều 3. Hồ sơ hưởng phụ cấp
Cộng tác viên nộp 01 bộ hồ sơ tại Ủy ban nhân dân cấp xã. Hồ sơ gồm: đơn đề nghị hưởng phụ cấp theo Mẫu số 02; bản sao quyết định công nhận cộng tác viên;
Điều 4. Đăng ký cộng tác viên
1. Hồ sơ đăng ký cộng tác viên tuyên truyền thi đua bao gồm:
a) Tờ khai đăng ký theo Mẫu số 03 ban hành kèm theo Thông tư này;
b) Giấy xác nhận của trưởng thôn nơi người đăng ký cư trú.
2. Trường hợp cộng tác viên đã nộp hồ sơ đăng ký trước khi Thông tư này có hiệu lực thì:
a) Được tiếp tục hưởng phụ cấp theo mức đã được công nhận;
b) Không phải nộp lại tờ khai đăng ký.
Điều 5. Hiệu lực thi hành
1. Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 6 năm 2026.
2. Thông tư số 41/2024/TT-BNV ngày 15 tháng 5 năm 2024 của Bộ trưởng Bộ Nội vụ quy định phụ cấp cộng tác viên hết hiệu lực kể từ ngày Thông tư này có hiệu lực thi hành.
3. Mức phụ cấp quy định tại Điều 2 Thông tư này được áp dụng từ ngày 01 tháng 01 năm 2026.
Điều 6. Mục tiêu bồi dưỡng
1. Mục tiêu cụ thể:
a) Giai đoạn 1 (2026 - 2028)
- Phấn đấu 30% - 40% cộng tác viên tuyên truyền thi đua được bồi dưỡng nghiệp vụ.
b) Giai đoạn 2 (2029 - 2031)
- Phấn đấu 70% - 80% cộng tác viên tuyên truyền thi đua được bồi dưỡng nghiệp vụ.
Điều 7. Giải thích từ ngữ
1. Sổ theo dõi cộng tác viên tuyên truyền thi đua là sổ do Ủy ban nhân dân cấp xã lập để ghi danh sách và quá trình hoạt động của cộng tác viên.
2. Mã số cộng tác viên là dãy số do Sở Nội vụ cấp cho mỗi cộng tác viên khi đăng ký.

BỘ TRƯỞNG
Nguyễn Văn An
"""


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    return assistant_over(tmp_path_factory, texts={"doc1.txt": _CIRCULAR})


@pytest.mark.parametrize(
    ("question", "value", "point"),
    [
        ("Phụ cấp mức 3 của cộng tác viên tuyên truyền thi đua là bao nhiêu tiền một tháng?", "750.000 đồng", "điểm c"),
        ("Cộng tác viên tuyên truyền thi đua hưởng phụ cấp mức 2 bao nhiêu?", "600.000 đồng", "điểm b"),
        ("phu cap muc 1 cua cong tac vien tuyen truyen thi dua la bao nhieu", "450.000 đồng", "điểm a"),
    ],
)
def test_the_step_asked_is_answered_from_its_own_item(bot, question, value, point):
    ans = bot.answer(question)
    assert not ans.abstained and not ans.clarify, ans.answer
    assert ans.answer.startswith(value), ans.answer
    assert ans.citations[0].clause == f"Điều 2, khoản 1, {point}"


@pytest.mark.parametrize(
    ("question", "value", "point"),
    [
        ("Giai đoạn 2029 - 2031 phấn đấu bao nhiêu phần trăm cộng tác viên tuyên truyền thi đua được bồi dưỡng nghiệp vụ?",
         "70% - 80%", "điểm b"),
        ("giai doan 2026-2028 phan dau bao nhieu phan tram cong tac vien tuyen truyen thi dua duoc boi duong nghiep vu",
         "30% - 40%", "điểm a"),
    ],
)
def test_the_period_asked_picks_the_target_set_for_it(bot, question, value, point):
    """Targets per period share every word but the period's heading; the range is one value, not its first half."""
    ans = bot.answer(question)
    assert not ans.abstained and not ans.clarify, ans.answer
    assert ans.answer.startswith(value), ans.answer
    assert point in ans.citations[0].clause


@pytest.mark.parametrize(
    "question",
    ["Phụ cấp theo ngày của cộng tác viên tuyên truyền thi đua tính bằng phụ cấp tháng chia cho bao nhiêu ngày?",
     "phu cap theo ngay cua cong tac vien tuyen truyen thi dua tinh bang phu cap thang chia cho bao nhieu ngay"],
)
def test_a_count_of_days_is_not_read_out_of_a_date(bot, question):
    ans = bot.answer(question)
    assert not ans.abstained, ans.answer
    assert ans.answer.startswith("22 ngày"), ans.answer
    assert ans.citations[0].clause == "Điều 2, khoản 3"


def test_an_inline_dossier_is_quoted_with_all_its_items(bot):
    ans = bot.answer("Hồ sơ đề nghị hưởng phụ cấp cộng tác viên tuyên truyền thi đua gồm những gì?")
    assert not ans.abstained and ans.kind == "dossier", ans.answer
    assert "đơn đề nghị hưởng phụ cấp theo Mẫu số 02" in ans.answer
    assert "bản sao quyết định công nhận cộng tác viên" in ans.answer
    assert ans.citations[0].clause == "Điều 3"


@pytest.mark.parametrize(
    "question",
    ["Thông tư quy định phụ cấp cho cộng tác viên tuyên truyền thi đua có hiệu lực từ ngày nào và thay thế thông tư nào?",
     "thong tu quy dinh phu cap cho cong tac vien tuyen truyen thi dua co hieu luc tu ngay nao va thay the thong tu nao"],
)
def test_effect_and_replacement_asked_together_are_both_answered_from_their_article(bot, question):
    """ "1. Thông tư này có hiệu lực … 2. Thông tư số … hết hiệu lực …": two clauses, one article, both halves."""
    ans = bot.answer(question)
    assert not ans.abstained and ans.kind == "effect", ans.answer
    head = ans.answer.split("Theo")[0]
    assert "ngày 01 tháng 6 năm 2026" in head and "Thông tư số 41/2024/TT-BNV" in head, ans.answer
    assert ans.citations[0].clause == "Điều 5"


@pytest.mark.parametrize(
    "question",
    ["Mức phụ cấp của cộng tác viên tuyên truyền thi đua được áp dụng từ ngày nào?",
     "muc phu cap cong tac vien tuyen truyen thi dua duoc ap dung tu ngay nao"],
)
def test_when_rules_apply_is_read_from_the_clause_saying_so_not_the_effect_date(bot, question):
    """ "1. … có hiệu lực từ ngày 01/6/2026 … 3. … được áp dụng từ ngày 01/01/2026": the question asks the second."""
    ans = bot.answer(question)
    assert not ans.abstained and ans.kind == "effect", ans.answer
    assert "ngày 01 tháng 01 năm 2026" in ans.answer.split("Theo")[0], ans.answer
    assert ans.citations[0].clause == "Điều 5, khoản 3"


@pytest.mark.parametrize(
    "question",
    ["Hồ sơ đăng ký cộng tác viên tuyên truyền thi đua bao gồm những giấy tờ gì?",
     "ho so dang ky cong tac vien tuyen truyen thi dua gom nhung giay to gi"],
)
def test_a_dossier_is_read_from_the_lead_in_above_the_items_found(bot, question):
    """The items match the question's words; the lead-in above them ("… bao gồm:") says they are the dossier.
    "Trường hợp … đã nộp hồ sơ … thì:" also names a dossier but announces consequences, not its parts."""
    ans = bot.answer(question)
    assert not ans.abstained and ans.kind == "dossier", ans.answer
    assert "Tờ khai đăng ký theo Mẫu số 03" in ans.answer and "Giấy xác nhận của trưởng thôn" in ans.answer
    assert ans.citations[0].clause == "Điều 4, khoản 1"


@pytest.mark.parametrize(
    "question",
    ["Người lao động làm việc trong điều kiện nặng nhọc được hưởng phụ cấp bao nhiêu?",
     "nguoi lao dong lam viec trong dieu kien nang nhoc duoc huong phu cap bao nhieu"],
)
def test_working_conditions_in_a_question_do_not_make_it_a_question_about_conditions(question):
    assert read_question(question).kind == "target"


@pytest.mark.parametrize(
    "question", ["Điều kiện để được hưởng phụ cấp là gì?", "dieu kien de duoc huong phu cap la gi"]
)
def test_a_question_about_conditions_stays_one(question):
    assert read_question(question).kind == "condition"


@pytest.mark.parametrize(
    ("text", "durations"),
    [
        ("Thông tư số 41/2024/TT-BNV ngày 15 tháng 5 năm 2024 của Bộ trưởng", []),
        ("ký ngày 07 tháng 12 năm 2023, sau 30 ngày kể từ ngày ký", ["sau 30 ngày"]),
        ("trong thời hạn 05 ngày làm việc", ["trong thời hạn 05 ngày làm việc"]),
        ("chia cho 26 ngày", ["26 ngày"]),
    ],
)
def test_a_dates_day_or_month_is_no_duration(text, durations):
    assert [d.text for d in find_durations(text)] == durations


def test_steps_are_read_from_the_question_and_told_apart_in_the_clause():
    steps = asked_steps("Phụ cấp mức 2 là bao nhiêu, hệ số 1,5 lần?")
    assert [(s.noun, s.label) for s in steps] == [("muc", "2")]
    text = "a) Mức 1: 450.000 đồng; b) Mức 2: 600.000 đồng; c) Mức 3: 750.000 đồng."
    own = text.index("b)")
    assert step_fit(steps, text, own, text.index("; c)")) == 1
    assert step_fit(steps, text, 0, text.index("; b)")) == -1
    assert step_fit(steps, "Vùng I 4.680.000 Vùng II 4.160.000", 0, 34) == 0  # another scale: nothing to tell
    assert step_fit(asked_steps("vùng II"), "Vùng I 4.680.000 Vùng II 4.160.000", 0, 34) == 1  # a table row


@pytest.mark.parametrize(
    "question",
    ["Mã số cộng tác viên trong sổ theo dõi cộng tác viên tuyên truyền thi đua là gì?",
     "ma so cong tac vien trong so theo doi cong tac vien tuyen truyen thi dua la gi"],
)
def test_a_qualified_term_is_defined_by_its_own_definition_not_its_qualifiers(bot, question):
    """ "X trong Y là gì?" asks what X is: the definition of Y covers more words of the question but not X."""
    ans = bot.answer(question)
    assert not ans.abstained, ans.answer
    assert "dãy số do Sở Nội vụ cấp" in ans.answer, ans.answer
    assert ans.citations[0].clause == "Điều 7, khoản 2"


def test_periods_are_read_from_the_question_and_the_innermost_heading_decides():
    years = asked_years("Giai đoạn 2026 - 2028 phấn đấu bao nhiêu?")
    assert years == (2026, 2028)
    title = "Điều 1. Phê duyệt Đề án giai đoạn 2026 - 2031"
    assert period_fit(years, (title, "a) Giai đoạn 1 (2026 - 2028)")) == 1
    assert period_fit(years, (title, "b) Giai đoạn 2 (2029 - 2031)")) == -1
    assert period_fit(years, ("Điều 3. Hồ sơ theo Nghị định số 12/2022-2023",)) == 0  # no period: nothing to tell
    assert period_fit((), (title,)) == 0


def test_a_range_of_values_is_one_value():
    assert [v.text for v in find_values("Phấn đấu 30% - 40% cán bộ; giai đoạn 2021 - 2025 đạt 7%")] == ["30% - 40%", "7%"]


@pytest.mark.parametrize(
    ("text", "at", "expected"),
    [
        ("quy định chi tiết Luật Bảo hiểm xã hội về bảo hiểm xã hội bắt buộc", 23, True),
        ("theo Bộ luật Lao động số 45/2019/QH14", 13, True),
        ("Bảo hiểm xã hội Việt Nam có trách nhiệm chi trả", 0, False),
        ("giao Bảo hiểm xã hội tỉnh thực hiện", 5, False),
    ],
)
def test_a_name_after_a_document_type_names_a_document_not_an_agency(text, at, expected):
    from bot.extract import names_document

    assert names_document(text, at) is expected


@pytest.mark.parametrize(
    ("text", "counts"),
    [
        ("Điều 3. Danh mục vùng có điều kiện kinh tế - xã hội đặc biệt khó khăn", False),
        ("theo quy định tại khoản 2 Điều 5 và Mẫu số 01 Phụ lục I", False),
        ("kỷ niệm 115 năm Ngày thành lập", True),
        ("70 xã đạt chuẩn nông thôn mới", True),
    ],
)
def test_an_article_or_form_number_is_no_count_to_answer_how_many_with(text, counts):
    from bot.extract import has_count

    assert has_count(text) is counts


@pytest.mark.parametrize(("question", "row"), [("Lương tối thiểu vùng 1 là bao nhiêu?", 0),
                                               ("luong toi thieu vung iv la bao nhieu", 2),
                                               ("Mức lương tối thiểu ở vùng IV?", 2)])
def test_a_step_typed_in_digits_or_roman_numerals_finds_its_row(question, row):
    # "vùng 1" is "Vùng I" of the table, "Mức 01" is "mức 1": the row asked, never its neighbour.
    rows = ["Vùng I 4.680.000 22.500", "Vùng II 4.160.000 20.000", "Vùng IV 3.250.000 15.600"]
    text = "\n".join(rows)
    spans = [(text.index(r), text.index(r) + len(r)) for r in rows]
    fits = [step_fit(asked_steps(question), text, a, b) for a, b in spans]
    assert fits[row] == 1 and all(f == -1 for i, f in enumerate(fits) if i != row)
    assert step_fit(asked_steps("Phụ cấp mức 1 là bao nhiêu?"), "a) Mức 01: 13.000 đồng.", 0, 22) == 1
