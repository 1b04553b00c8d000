"""Look-alikes of a clause that answer another case than the one asked: a figure a condition names on the other side
("con từ đủ 07 tuổi trở lên" is not "con từ 03 tuổi đến dưới 07 tuổi"), a body the question has acting that the words
quoted name only as the one acted on ("chuyển … từ Sở Giao dịch Chứng khoán Hà Nội sang Sở Giao dịch Chứng khoán
thành phố Hồ Chí Minh"), a duration asked that a date does not give ("bao nhiêu năm" → "từ ngày 01 tháng 3 năm
2026"), and a case of a set the words quoted exclude though the title names it too (cổ phiếu / trái phiếu)."""

from __future__ import annotations

import pytest

from bot.answerers import Found
from bot.query import read_question
from bot.segments import Scorer
from bot.support import gaps, needs
from bot.tuning import AnswerTuning
from tests.fakes import found_in


def _found(text: str, short: str = "", title: str = "Hướng dẫn chế độ bảo hiểm xã hội") -> Found:
    return found_in(text, short=short, title=title)


@pytest.fixture(scope="module")
def scorer() -> Scorer:
    return Scorer([f"Quy định chung số {i} về bảo hiểm xã hội, chứng khoán và lương hưu." for i in range(50)])


def _wanted(question: str, scorer: Scorer, kind: str):
    return [n for n in needs(read_question(question), scorer, AnswerTuning()) if n.kind == kind]


# ----------------------------------------------------------------- a figure a condition names, and its side

_SICK_CHILD = ("Thời gian nghỉ việc hưởng chế độ khi con từ 03 tuổi đến dưới 07 tuổi ốm đau trong một năm tối đa là "
               "15 ngày.")


@pytest.mark.parametrize(
    "question",
    [
        "Con từ đủ 07 tuổi trở lên bị ốm thì mỗi năm cha mẹ được nghỉ bao nhiêu ngày?",
        "con tu du 7 tuoi tro len bi om thi moi nam duoc nghi bao nhieu ngay",
        "Con trên 7 tuổi ốm đau thì được nghỉ tối đa mấy ngày một năm?",
    ],
)
def test_a_case_above_a_figure_is_not_answered_by_the_case_below_it(scorer, question):
    wanted = _wanted(question, scorer, "bound")
    assert wanted
    assert gaps(wanted, _found(_SICK_CHILD, short="15 ngày")) != ()


@pytest.mark.parametrize(
    ("question", "clause", "short"),
    [
        ("Con từ 03 tuổi đến dưới 07 tuổi ốm đau thì một năm được nghỉ tối đa bao nhiêu ngày?", _SICK_CHILD, "15 ngày"),
        ("Giảng viên có trình độ tiến sĩ dưới 40 tuổi được hỗ trợ kinh phí nghiên cứu trong bao nhiêu năm?",
         "Giảng viên có trình độ tiến sĩ từ 40 tuổi trở xuống được hỗ trợ kinh phí nghiên cứu trong 03 năm đầu.",
         "03 năm"),
        # a figure with no side in the clause, or not named there at all, is not judged
        ("Người từ đủ 75 tuổi trở lên được hỗ trợ bao nhiêu?", "Người 75 tuổi được hỗ trợ 500.000 đồng.", "500.000 đồng"),
        ("Người từ đủ 75 tuổi trở lên được hỗ trợ bao nhiêu?", "Người cao tuổi được hỗ trợ 500.000 đồng.",
         "500.000 đồng"),
    ],
)
def test_the_same_side_of_a_figure_answers(scorer, question, clause, short):
    assert gaps(_wanted(question, scorer, "bound"), _found(clause, short=short)) == ()


_BELOW = ("Tăng thêm 300.000 đồng/người/tháng đối với những người có mức hưởng bằng hoặc thấp hơn 3.500.000 "
          "đồng/người/tháng.")
_ABOVE = ("Tăng lên bằng 3.800.000 đồng/người/tháng đối với những người có mức hưởng cao hơn 3.500.000 "
          "đồng/người/tháng đến dưới 3.800.000 đồng/người/tháng.")


def test_a_pension_above_a_threshold_is_not_answered_with_the_one_at_or_below_it(scorer):
    wanted = _wanted("Người có mức hưởng trên 3.500.000 đồng/tháng được tăng thêm bao nhiêu?", scorer, "bound")
    assert gaps(wanted, _found(_BELOW, short="300.000 đồng/người/tháng")) != ()
    assert gaps(wanted, _found(_ABOVE, short="3.800.000 đồng/người/tháng")) == ()


def test_a_side_written_after_what_the_figure_is_counted_per_counts(scorer):
    # "từ 3.500.000 đồng/tháng trở xuống": "trở xuống" after "/tháng" puts it below, whatever "từ" before it says
    wanted = _wanted("Người có mức hưởng từ 3.500.000 đồng/tháng trở xuống được tăng thêm bao nhiêu?", scorer, "bound")
    assert gaps(wanted, _found(_BELOW, short="300.000 đồng/người/tháng")) == ()
    assert gaps(wanted, _found(_ABOVE, short="3.800.000 đồng/người/tháng")) != ()


def test_a_year_or_a_bound_on_the_amount_asked_is_no_condition(scorer):
    assert not _wanted("Năm 2026 lương hưu được tăng tối đa bao nhiêu phần trăm?", scorer, "bound")
    assert not _wanted("Người lao động được nghỉ ít nhất 4 ngày một tháng không?", scorer, "bound")


# ----------------------------------------------------------------- the body the question has acting

_TRANSFER = ("Thời hạn chuyển hồ sơ đăng ký giao dịch cổ phiếu chậm nhất là 01 ngày làm việc kể từ ngày hoàn thành việc "
             "chuyển cổ phiếu đăng ký giao dịch từ Sở Giao dịch Chứng khoán Hà Nội sang Sở Giao dịch Chứng khoán "
             "thành phố Hồ \nChí Minh.")


@pytest.mark.parametrize(
    "question",
    [
        "Sở Giao dịch Chứng khoán Thành phố Hồ Chí Minh phải hoàn thành việc chuyển cổ phiếu chậm nhất khi nào?",
        "Theo Thông tư 57/2021/TT-BTC, Sở Giao dịch Chứng khoán thành phố Hồ Chí Minh phải chuyển hồ sơ trong bao lâu?",
    ],
)
def test_a_body_named_only_as_the_one_things_go_to_is_not_the_one_acting(scorer, question):
    wanted = _wanted(question, scorer, "body")
    assert wanted
    assert gaps(wanted, _found(_TRANSFER, short="chậm nhất là 01 ngày làm việc")) != ()


@pytest.mark.parametrize(
    "clause",
    [
        "Chậm nhất đến hết ngày 31 tháng 12 năm 2026: Sở Giao dịch Chứng khoán Hà Nội hoàn thành việc chuyển cổ phiếu "
        "của tổ chức niêm yết từ Sở Giao dịch Chứng khoán Hà Nội sang Sở Giao dịch Chứng khoán thành phố Hồ Chí Minh.",
        "Thời hạn chuyển cổ phiếu chậm nhất đến hết ngày 31 tháng 12 năm 2026.",  # no body named: not judged here
    ],
)
def test_the_body_acting_in_the_words_quoted_answers(scorer, clause):
    wanted = _wanted("Sở Giao dịch Chứng khoán Hà Nội phải hoàn thành việc chuyển cổ phiếu chậm nhất khi nào?", scorer,
                     "body")
    assert wanted
    assert gaps(wanted, _found(clause, short="đến hết ngày 31 tháng 12 năm 2026")) == ()


@pytest.mark.parametrize(
    ("question", "clause"),
    [
        ("Sở Lao động - Thương binh và Xã hội thực hiện nhiệm vụ chi nào của ngân sách trung ương tại địa phương?",
         "Bộ Lao động - Thương binh và Xã hội ủy quyền cho Sở Lao động - Thương binh và Xã hội thực hiện nhiệm vụ chi "
         "của ngân sách trung ương tại địa phương."),
        ("Bộ Nội vụ phải thực hiện việc gì đối với dự toán chi thường xuyên năm 2025?",
         "Dự toán chi thường xuyên ngân sách nhà nước năm 2025 đã được cấp có thẩm quyền giao cho Bộ Nội vụ thực hiện "
         "ủy quyền cho Sở Nội vụ tiếp tục thực hiện quản lý."),
        ("Bộ Tài chính phải làm gì khi thi hành nghị định?",
         "Trách nhiệm của Bộ Tài chính: chủ trì, phối hợp với các đơn vị có liên quan triển khai Nghị định."),
    ],
)
def test_a_body_a_task_is_given_to_or_whose_duty_is_stated_is_the_one_acting(scorer, question, clause):
    # "giao cho", "ủy quyền cho", "trách nhiệm của" end in "cho", "của", yet the body after them does the task
    wanted = _wanted(question, scorer, "body")
    assert wanted
    assert gaps(wanted, _found(clause)) == ()


def test_a_body_something_is_handed_over_to_is_not_the_one_acting(scorer):
    wanted = _wanted("Sở Tư pháp phải tiêu hủy đồ vật cấm trong bao lâu?", scorer, "body")
    clause = "Giám thị trại giam bàn giao cho Sở Tư pháp các đồ vật cấm trong thời hạn 03 ngày."
    assert wanted
    assert gaps(wanted, _found(clause, short="03 ngày")) != ()


def test_a_body_the_question_does_not_open_with_asks_no_actor(scorer):
    assert not _wanted("Doanh nghiệp gửi báo cáo cho Bộ Tài chính trong bao lâu?", scorer, "body")


# ----------------------------------------------------------------- a duration asked, a date quoted

def test_a_date_is_no_duration(scorer):
    wanted = _wanted("Thành viên giao dịch phải lưu trữ dữ liệu trong thời hạn bao nhiêu năm?", scorer, "unit")
    assert wanted
    date = "Thông tư này có hiệu lực kể từ ngày 01 tháng 3 năm 2026."
    assert gaps(wanted, _found(date, short="từ ngày 01 tháng 3 năm 2026")) != ()
    kept = "Thành viên giao dịch lưu trữ dữ liệu giám sát trong thời hạn 10 năm kể từ ngày 01 tháng 3 năm 2026."
    assert gaps(wanted, _found(kept, short="10 năm")) == ()


# ----------------------------------------------------------------- the words quoted decide the case of a set

def test_a_transfer_of_bonds_does_not_answer_one_of_shares_though_the_title_names_both(scorer):
    wanted = _wanted("Sở Giao dịch Chứng khoán Hà Nội phải hoàn thành việc chuyển cổ phiếu chậm nhất khi nào?", scorer,
                     "case")
    assert wanted
    title = "Quy định lộ trình sắp xếp lại thị trường giao dịch cổ phiếu, thị trường giao dịch trái phiếu"
    bonds = ("Chậm nhất đến hết ngày 31 tháng 12 năm 2021, Sở Giao dịch Chứng khoán Hà Nội hoàn thành việc chuyển "
             "trái phiếu doanh nghiệp niêm yết.")
    assert gaps(wanted, _found(bonds, short="đến hết ngày 31 tháng 12 năm 2021", title=title)) != ()
    shares = bonds.replace("trái phiếu doanh nghiệp", "cổ phiếu")
    assert gaps(wanted, _found(shares, short="đến hết ngày 31 tháng 12 năm 2021", title=title)) == ()


# ----------------------------------------------------------------- one document read about another

def test_the_source_documents_own_effect_does_not_answer_for_the_document_asked_about(scorer):
    question = ("Theo Quyết định 333/QĐ-BTC, Thông tư 121/2020/TT-BTC về hoạt động của công ty chứng khoán có được "
                "công bố tiếp tục có hiệu lực không?")
    wanted = _wanted(question, scorer, "document")
    assert [n.phrase for n in wanted] == ["121/2020/TT-BTC"]
    own = "Điều 3. Quyết định này có hiệu lực kể từ ngày ký."
    assert gaps(wanted, _found(own, short="có hiệu lực kể từ ngày ký")) != ()
    listed = "Thông tư số 121/2020/TT-BTC ngày 31 tháng 12 năm 2020 quy định về hoạt động của công ty chứng khoán."
    assert gaps(wanted, _found(listed)) == ()


def test_a_document_asked_about_by_itself_needs_no_other_one(scorer):
    question = "Thông tư 02/2023/TT-BLĐTBXH sửa Điều 1 Thông tư 09/2022/TT-BLĐTBXH có hiệu lực từ ngày nào?"
    assert not _wanted(question, scorer, "document")


# ----------------------------------------------------------------- a case asked of a subject the clause never names

def test_a_case_of_passports_is_not_answered_by_a_clause_that_never_names_passports(scorer):
    wanted = _wanted("Cấp hộ chiếu phổ thông lần đầu cho trẻ em dưới 14 tuổi mất bao nhiêu ngày làm việc?", scorer,
                     "case")
    assert wanted
    other = ("Trong thời hạn 05 ngày làm việc kể từ ngày nhận được hồ sơ, Sở Giáo dục và Đào tạo thông báo bằng văn "
             "bản cho các bên đề nghị liên kết tổ chức thi cấp chứng chỉ năng lực ngoại ngữ.")
    assert gaps(wanted, _found(other, short="05 ngày làm việc", title="Phương án cắt giảm thủ tục hành chính")) != ()
    # the subject named by the title or a heading is enough when the words quoted name no case
    assert gaps(wanted, _found("Thời hạn giải quyết: 08 ngày làm việc.", short="08 ngày làm việc",
                               title="Quy định về cấp hộ chiếu")) == ()


def test_not_more_than_a_figure_is_below_it_not_above(scorer):
    """"không quá 07 tuổi" is at most 7 (the longest bound word decides, as in bot.conditions), so a clause for the
    children over 7 does not answer it, and the clause for those up to 7 does."""
    wanted = _wanted("Con không quá 07 tuổi ốm đau thì được nghỉ tối đa bao nhiêu ngày?", scorer, "bound")
    assert wanted
    over = "Khi con trên 07 tuổi ốm đau, thời gian nghỉ việc tối đa là 10 ngày."
    under = "Khi con từ 07 tuổi trở xuống ốm đau, thời gian nghỉ việc tối đa là 20 ngày."
    assert gaps(wanted, _found(over, short="10 ngày")) != ()
    assert gaps(wanted, _found(under, short="20 ngày")) == ()


# ----------------------------------------------------------------- a function word typed without marks

def test_a_function_word_typed_without_marks_is_no_rare_noun():
    # "den du" is "đến đủ" ("cho đến khi đủ 62 tuổi"): no noun the answering clause must write side by side
    texts = [f"Quy định chung số {i} về bảo hiểm xã hội và lương hưu." for i in range(6000)]
    texts += ["Tuổi nghỉ hưu được điều chỉnh đến đủ 62 tuổi đối với lao động nam."] * 4
    texts += ["Người lao động được nghỉ đến đủ thời gian quy định."] * 3
    wanted = needs(read_question("tuoi nghi huu cua lao dong nam trong dieu kien lao dong binh thuong duoc dieu chinh den du "
                                 "bao nhieu tuoi va vao nam nao"),
                   Scorer(texts), AnswerTuning())
    assert not [n for n in wanted if n.kind == "word" and "den" in n.phrase]
