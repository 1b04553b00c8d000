"""Which value of a part answers: rows named by the figures asked, units, changes and levels, horizons."""

from __future__ import annotations

import re

import pytest

from bot.answerers.labels import item_headings, period_fit
from bot.answerers.values import (
    asked_figures,
    asked_kinds,
    asked_unit,
    asks_change,
    choose_value,
    counted_values,
    lead_fit,
    probe,
    stated_count,
)
from bot.extract import find_values
from tests.fakes import assistant_over

_FEES = ("Lệ phí ra, vào cảng, bến thủy nội địa a) Phương tiện chở hàng có trọng tải toàn phần từ 10 tấn đến 50 tấn "
         "5.000 đồng/chuyến b) Phương tiện chở hàng có trọng tải toàn phần trên 50 tấn đến 200 tấn 10.000 đồng/chuyến "
         "c) Phương tiện chở hàng có trọng tải toàn phần trên 1.000 tấn đến 1.500 tấn 40.000 đồng/chuyến "
         "d) Phương tiện chở hàng có trọng tải toàn phần trên 1.500 tấn 50.000 đồng/chuyến")


def _choose(question: str, text: str, cover=lambda words: 0.5):
    return choose_value(text, find_values(text), cover, figures=asked_figures(question),
                        change_asked=asks_change(question), change_factor=0.6)


@pytest.mark.parametrize(
    ("question", "value"),
    [
        ("Lệ phí cho phương tiện chở hàng trọng tải từ 10 tấn đến 50 tấn là bao nhiêu?", "5.000 đồng/chuyến"),
        ("Còn trên 1.500 tấn?", "50.000 đồng/chuyến"),
        ("con tren 1500 tan?", "50.000 đồng/chuyến"),  # unaccented, no thousands dot
        ("Phương tiện trên 1.000 tấn đến 1.500 tấn nộp bao nhiêu?", "40.000 đồng/chuyến"),
    ],
)
def test_the_row_holding_the_figures_asked_gives_the_value(question, value):
    """ "trên 1.500 tấn" is row d, not row c ("đến 1.500 tấn"); a figure of a row's name is never the answer."""
    assert _choose(question, _FEES).value.text == value


def test_a_range_of_conditions_is_no_answer():
    text = "Thuế suất 17% áp dụng đối với doanh nghiệp có tổng doanh thu năm từ trên 03 tỷ đồng đến không quá 50 tỷ đồng"
    assert _choose("Doanh thu không quá 3 tỷ đồng thì thuế suất bao nhiêu?", text).value.text == "17%"


def test_years_dates_document_numbers_and_steps_are_not_figures():
    q = "Theo Thông tư 07/2026/TT-BNV ngày 05/05/2026, mức 3 năm 2026 là bao nhiêu với 1.500 tấn?"
    assert [f.key for f in asked_figures(q)] == ["1500"]


def test_a_change_answers_a_change_and_is_said_as_one_when_a_level_is_asked():
    both = "tỷ lệ hộ nghèo còn 15,66%, mức giảm tỷ lệ hộ nghèo 4%"
    assert _choose("Tỷ lệ hộ nghèo năm 2023 là bao nhiêu?", both).value.text == "15,66%"
    assert _choose("Tỷ lệ hộ nghèo năm 2023 giảm bao nhiêu?", both).value.text == "4%"
    alone = _choose("Tỷ lệ hộ nghèo năm 2023 là bao nhiêu?", "mức giảm tỷ lệ hộ nghèo 3,6%")
    assert alone.short == "giảm tỷ lệ hộ nghèo 3,6%"  # never "3,6%" alone, read as the rate itself
    assert _choose("Tỷ lệ hộ nghèo giảm bao nhiêu?", "mức giảm tỷ lệ hộ nghèo 3,6%").short == "3,6%"


@pytest.mark.parametrize("question", ["Số hộ nghèo giảm bao nhiêu?", "so ho ngheo giam bao nhieu", "ít đi bao nhiêu so với năm trước"])
def test_questions_asking_a_change(question):
    assert asks_change(question)


@pytest.mark.parametrize("question", ["Tỷ lệ hộ nghèo là bao nhiêu?", "Mức tặng thưởng là bao nhiêu?"])
def test_questions_asking_a_level(question):
    assert not asks_change(question)  # typed with diacritics, "tặng" is no "tăng"


def test_units_in_either_spelling_case_and_per_what():
    values = [v.text for v in find_values("thu 2.450 tỉ đồng, 3 Tỷ đồng; 165 đồng/tấn trọng tải; 15 kg; 1,5 lần")]
    assert values == ["2.450 tỉ đồng", "3 Tỷ đồng", "165 đồng/tấn", "15 kg", "1,5 lần"]
    assert [v.text for v in find_values("Tối thiểu 50% nhân lực; tối đa 8,6 bác sĩ")] == ["Tối thiểu 50%", "tối đa 8,6 bác sĩ"]
    per = [v.text for v in find_values("hỗ trợ tối đa 60.000 đồng/hồ sơ; 165 đồng/tấn trọng tải toàn phần")]
    assert per == ["tối đa 60.000 đồng/hồ sơ", "165 đồng/tấn"]  # "hồ sơ" is one word, "tấn trọng" is not


def test_a_heading_naming_the_year_its_items_are_for():
    text = ("5. Mục tiêu\na) Mục tiêu cụ thể đến năm 2030\n+ Tối thiểu 50% nhân lực được đào tạo;\n"
            "b) Mục tiêu cụ thể đến năm 2035\n+ 70% năng lực thẩm định.")
    later = text.index("70%")
    assert period_fit((2030,), item_headings(text, later)) == -1
    assert period_fit((2035,), item_headings(text, later)) == 1
    assert period_fit((2030,), item_headings(text, text.index("50%"))) == 1
    assert period_fit((2030,), ("Điều 2. Ban hành ngày 05 tháng 5 năm 2025",)) == 0  # a date's year sets nothing


@pytest.fixture(scope="module")
def fees(tmp_path_factory):
    return assistant_over(tmp_path_factory, {"fees.txt": "thong-tu-so-39-2026-tt-btc-469256.txt"})


@pytest.mark.parametrize(
    ("question", "value"),
    [
        ("Phí trọng tải tàu, thuyền tại cảng, bến thủy nội địa thu bao nhiêu cho mỗi lượt vào?", "165 đồng/tấn"),
        ("Lệ phí ra, vào cảng, bến thủy nội địa của phương tiện chở khách từ 101 ghế trở lên là bao nhiêu?",
         "30.000 đồng/chuyến"),
        ("Lệ phí ra vào cảng bến thủy nội địa của phương tiện chở hàng trên 1.500 tấn là bao nhiêu?", "50.000 đồng/chuyến"),
        # old-style tone marks ("thuỷ", "hoá")
        ("Lệ phí ra, vào cảng, bến thuỷ nội địa của phương tiện chở hàng hoá trên 1.000 tấn đến 1.500 tấn là bao nhiêu?",
         "40.000 đồng/chuyến"),
        ("le phi ra vao cang ben thuy noi dia phuong tien cho hang tren 200 tan den 500 tan bao nhieu", "20.000 đồng/chuyến"),
    ],
)
def test_a_fee_table_answers_the_row_asked(fees, question, value):
    """ "thu bao nhiêu" asks an amount, not a rank ("thứ bao nhiêu"); the row named by the question answers."""
    ans = fees.answer(question)
    assert not ans.abstained, ans.answer
    assert ans.answer.startswith(value), ans.answer
    assert value in ans.citations[0].text[slice(*ans.citations[0].span)]


def test_an_elliptical_follow_up_takes_the_row_of_its_own_figures(fees):
    first = fees.answer("Lệ phí ra, vào cảng, bến thủy nội địa đối với phương tiện chở hàng có trọng tải toàn phần từ "
                        "10 tấn đến 50 tấn là bao nhiêu?")
    assert first.answer.startswith("5.000 đồng/chuyến"), first.answer
    again = fees.answer("Còn trên 1.500 tấn?", previous=first)
    assert again.answer.startswith("50.000 đồng/chuyến"), again.answer


@pytest.mark.parametrize(
    ("question", "lead", "noun"),
    [
        ("Mức lương theo ngày được tính bằng lương tháng chia cho bao nhiêu ngày?", ("thang", "chia"), "ngay"),
        ("Thong tu chia doanh thu thanh may loai?", ("doanh", "thu"), "loai"),  # unaccented
        ("Quỹ chi tối đa bao nhiêu cho việc cứu chữa?", ("toi", "da"), ""),
        ("Điều kiện được khen thưởng là gì?", (), ""),
    ],
)
def test_how_a_question_asks_its_value(question, lead, noun):
    asked = probe(question)
    assert (asked.lead, asked.noun) == (lead, noun)


def test_the_value_said_as_the_question_asks_it_wins_a_tie():
    text = "mức lương theo tháng nhân với 12 tháng, chia cho 52 tuần; đủ 6 ngày làm việc được 1,5 lần"
    same = lambda words: 0.5  # noqa: E731  (every value's words cover the question equally)
    got = choose_value(text, find_values(text), same, asked=probe("lương nhân với bao nhiêu lần?"), said_weight=0.1)
    assert got.value.text == "1,5 lần"
    assert lead_fit(("chia",), "theo tháng chia cho") == 1.0 and lead_fit(("chia",), "nhân với") == 0.0


def test_a_count_of_the_noun_asked_is_found_as_written():
    span = stated_count("Doanh thu được phân chia theo 04 loại tương ứng", "loai")
    assert span is not None and span.text == "04 loại"
    assert stated_count("phân chia theo loại hình", "loai") is None


def test_a_table_row_is_quoted_with_each_figure_under_its_column_heading():
    """ "Khu vực II 700.000 32.000" says neither which figure is monthly: the row is given cell by cell, and a bare
    figure takes the unit its column heading gives."""
    from bot.answerers.tables import heading_unit, table_cell
    from bot.segments import Scorer

    table = ("Mức phụ cấp theo khu vực như sau: Khu vực Mức phụ cấp tháng (Đơn vị: đồng/tháng) Mức phụ cấp ngày "
             "(Đơn vị: đồng/ngày) Khu vực I 900.000 41.000 Khu vực II 700.000 32.000 Khu vực III 500.000 23.000")
    scorer = Scorer([table, "phụ cấp tháng", "phụ cấp ngày", "khu vực"])
    cell = table_cell(scorer, "Mức phụ cấp ngày ở khu vực II?", "Mức phụ cấp ngày khu vực II", table)
    assert cell is not None and cell.row_name == "Khu vực II"
    assert cell.cells == (("Mức phụ cấp tháng (Đơn vị: đồng/tháng)", "700.000"), ("Mức phụ cấp ngày (Đơn vị: đồng/ngày)", "32.000"))
    assert heading_unit(cell.heading) == "đồng/ngày"
    years = "Chỉ tiêu Năm 2023 Năm 2024 Tỷ lệ hộ nghèo 15,66% 11,41% Tỷ lệ che phủ rừng 46,5% 47,0% Tỷ lệ đô thị hóa 20,1% 21,0%"
    row = table_cell(Scorer([years, "năm 2024"]), "Tỷ lệ hộ nghèo năm 2024?", "Tỷ lệ hộ nghèo năm 2024", years)
    assert row is not None and row.cells == (("Năm 2023", "15,66%"), ("Năm 2024", "11,41%"))


def test_a_bare_list_label_never_answers():
    """ "3." (a list's number left alone by the layout) answered a duration question once: a part without a word
    is no answer, however well its clause covers the question."""
    from bot.answerers.base import Reader
    from bot.answerers.passages import by_segment
    from bot.query import read_question
    from bot.segments import Scorer, split_segments
    from bot.tuning import AnswerTuning
    from tests.fakes import _clause, _directive, hit

    text = "Thời hạn bảo hành công trình xây dựng cấp I\n-\n-\n3."
    clause = _clause("doc", ("1",), "mục 1", text)
    d = _directive("doc", "Sơn La", 2024, [clause])
    scorer = Scorer([text, "bảo hành", "công trình"])
    reader = Reader({clause.id: (d, clause)}, {clause.id: split_segments(clause.id, d.doc_id, text)}, lambda: scorer,
                    AnswerTuning())
    assert any(s.text.endswith("3.") for s in reader.segments[clause.id])
    q = read_question("Thời hạn bảo hành công trình cấp I là bao lâu?")
    found = by_segment(reader, q, d, [hit(clause.id, 1)], "fact")
    assert found and all(re.search(r"[^\W\d_]{2,}", f.short) for f in found), [f.short for f in found]


@pytest.mark.parametrize("question", ["Sơn La tiếp tục thực hiện mục tiêu gì trong phòng chống dịch?",
                                      "son la tiep tuc thuc hien muc tieu gi trong phong chong dich"])
def test_a_question_asking_what_is_answered_with_words_not_a_figure(question):
    from bot.answerers.base import Reader
    from bot.answerers.directive import TargetAnswerer
    from bot.query import read_question
    from bot.segments import Scorer, split_segments
    from bot.tuning import AnswerTuning
    from tests.fakes import _clause, _directive, hit

    text = ("Tiếp tục thực hiện hiệu quả mục tiêu kép vừa phòng, chống dịch vừa phát triển kinh tế; "
            "số bác sỹ/10.000 dân đạt 8,55 bác sỹ trong phòng chống dịch")
    clause = _clause("doc", ("1",), "mục 1", text)
    d = _directive("doc", "Sơn La", 2022, [clause])
    reader = Reader({clause.id: (d, clause)}, {clause.id: split_segments(clause.id, d.doc_id, text)},
                    lambda: Scorer([text, "mục tiêu", "phòng chống dịch"]), AnswerTuning())
    q = read_question(question)
    # typed with marks, "mục tiêu gì" asks no level ("mức"); typed without, its "muc" still reads as a target's cue,
    # and the target answerer must then answer with words
    assert q.kind == ("fact" if question.startswith("Sơn La") else "target")
    found = TargetAnswerer().find(reader, q, d, [hit(clause.id, 1)])
    assert found and "mục tiêu kép" in found[0].short and "8,55" not in found[0].short


def test_until_when_is_a_deadline_question_and_its_date_is_read_whole():
    from bot.extract import find_durations
    from bot.query import read_question

    assert read_question("Thông tư này được áp dụng đến hết ngày nào?").kind == "duration"
    assert read_question("thong tu nay ap dung den ngay nao").kind == "duration"
    text = "Thông tư này có hiệu lực thi hành từ ngày 07 tháng 4 năm 2026 đến hết ngày 30 tháng 6 năm 2026."
    assert [d.text for d in find_durations(text)] == ["từ ngày 07 tháng 4 năm 2026", "đến hết ngày 30 tháng 6 năm 2026"]


@pytest.mark.parametrize(
    ("question", "value"),
    [
        ("Doanh thu tăng trưởng bình quân bao nhiêu phần trăm mỗi năm?", "30%/năm"),
        ("doanh thu tang truong binh quan bao nhieu % moi nam", "30%/năm"),
        ("Doanh thu xuất khẩu đạt bao nhiêu đô la mỗi năm?", "55 tỷ USD/năm"),
    ],
)
def test_a_value_of_the_kind_asked_answers_before_the_others_of_its_part(question, value):
    # a part stating a count, an amount and a share: the words around each cover the question alike
    text = ("Phấn đấu có tối thiểu 5.000 doanh nghiệp có doanh thu xuất khẩu đạt tối thiểu 55 tỷ USD/năm, với tốc độ "
            "tăng trưởng bình quân đạt tối thiểu 30%/năm")
    same = lambda words: 0.5  # noqa: E731
    got = choose_value(text, find_values(text), same, unit=asked_unit(question))
    assert got.value.text.endswith(value)


def test_no_kind_is_asked_by_a_plain_how_much():
    assert asked_unit("Có bao nhiêu doanh nghiệp?") is None


def _overlap(question: str):
    """A coverage as the scorer's: the share of the question's words found in the words read (accent-folded)."""
    from corpus.text import fold

    asked = set(re.findall(r"\w+", fold(question)))
    return lambda words: len(asked & set(re.findall(r"\w+", fold(words)))) / len(asked)


_POOR = "mức giảm tỷ lệ hộ nghèo 3,6%, riêng các huyện nghèo giảm 5,1%"


@pytest.mark.parametrize(
    ("question", "value"),
    [
        ("Tỷ lệ hộ nghèo ở các huyện nghèo giảm bao nhiêu?", "5,1%"),
        ("ty le ho ngheo o cac huyen ngheo giam bao nhieu", "5,1%"),
        ("Tỷ lệ hộ nghèo giảm bao nhiêu?", "3,6%"),
        ("ty le ho ngheo giam bao nhieu", "3,6%"),
    ],
)
def test_a_part_named_after_riêng_answers_a_question_naming_that_part(question, value):
    """ "riêng các huyện nghèo giảm 5,1%" is the same measure for the poor districts: asked about them, 5,1%;
    asked about the whole, the first value still answers."""
    got = choose_value(_POOR, find_values(_POOR), _overlap(question), change_asked=True)
    assert got is not None and got.value.text == value


@pytest.mark.parametrize(
    "question",
    ["Mức đóng bảo hiểm thất nghiệp của người lao động là bao nhiêu?",
     "muc dong bao hiem that nghiep cua nguoi lao dong la bao nhieu"],
)
def test_a_fine_is_no_answer_to_a_contribution(question):
    fine = "Phạt tiền từ 1.000.000 đồng đến 3.000.000 đồng đối với người sử dụng lao động không đóng bảo hiểm thất nghiệp"
    assert asked_kinds(question) == {"đóng"}
    assert choose_value(fine, find_values(fine), _overlap(question), kinds=asked_kinds(question)) is None


@pytest.mark.parametrize(
    ("question", "value"),
    [
        ("Mức đóng bảo hiểm y tế của học sinh là bao nhiêu?", "4,5%"),
        ("Ngân sách nhà nước hỗ trợ đóng bảo hiểm y tế cho học sinh bao nhiêu?", "30%"),
        ("Mức phạt đối với hành vi không đóng bảo hiểm là bao nhiêu?", "1.000.000 đồng"),
    ],
)
def test_each_value_answers_the_amount_its_own_words_name(question, value):
    """A contribution, the state's support of it and a fine in one part: each asked amount gets its own figure;
    a value without a kind word continues the one before ("…, tối đa không quá 75.000.000 đồng" is a fine too)."""
    text = ("Mức đóng hằng tháng bằng 4,5% mức lương cơ sở, ngân sách nhà nước hỗ trợ 30% mức đóng; "
            "phạt tiền 1.000.000 đồng, tối đa không quá 75.000.000 đồng")
    got = choose_value(text, find_values(text), _overlap(question), kinds=asked_kinds(question))
    assert got is not None and got.value.text == value


_DEALS = ("Phấn đấu thực hiện thành công tối thiểu 25 thương vụ mua bán và sáp nhập (M&A) giữa doanh nghiệp công nghệ "
          "số Việt Nam và đối tác quốc tế, với giá trị mỗi thương vụ từ 01 triệu USD trở lên.")


@pytest.mark.parametrize(
    "question",
    ["Phấn đấu bao nhiêu thương vụ M&A giữa doanh nghiệp công nghệ số Việt Nam và đối tác quốc tế?",
     "phan dau bao nhieu thuong vu M&A giua doanh nghiep cong nghe so viet nam va doi tac quoc te"],
)
def test_a_count_of_the_noun_asked_answers_before_other_figures(question):
    """ "25 thương vụ" is no value the reader knows a unit of; asked "bao nhiêu thương vụ", it answers, not the
    "01 triệu USD" each deal is worth."""
    values = sorted([*find_values(_DEALS), *counted_values(_DEALS, question)], key=lambda v: v.start)
    got = choose_value(_DEALS, values, _overlap(question), asked=probe(question))
    assert got is not None and got.value.text == "tối thiểu 25 thương vụ"


def test_a_value_asked_of_each_deal_is_still_its_worth():
    question = "Giá trị mỗi thương vụ M&A tối thiểu là bao nhiêu?"
    assert counted_values(_DEALS, question) == []
    got = choose_value(_DEALS, find_values(_DEALS), _overlap(question), asked=probe(question))
    assert got is not None and got.value.text == "01 triệu USD"
