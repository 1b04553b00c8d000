"""Look-alike questions (another region, period, unit, a document the library lacks) are abstained on;
the same question with the qualifier the documents do have is answered.  Real gazette texts, copied
under neutral names (metadata comes from the text)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot.answerers import Found
from bot.query import read_question
from bot.segments import Scorer
from bot.support import (
    DocumentNumbers,
    gaps,
    head_words,
    named_numbers,
    needs,
    unheld_nouns,
    unknown_documents,
)
from bot.tuning import AnswerTuning
from corpus.models import Clause, Directive
from corpus.text import fold
from tests.fakes import assert_not_found, assistant_over, found_in

_FILES = {
    "doc1.txt": "nghi-dinh-so-38-2022-nd-cp-37348.txt",  # minimum wages, regions I–IV
    "doc2.txt": "nghi-quyet-so-17-2022-ubtvqh15-36956.txt",  # overtime hours per month and per year
    "doc3.txt": "nghi-dinh-so-123-2026-nd-cp-469299.txt",  # oversized goods on inland waterways (no fee)
    "doc4.txt": "van-ban-hop-nhat-so-468-vbhn-bldtbxh-44204.txt",  # consolidates circular 34/2019/TT-BLĐTBXH
    "doc5.txt": "thong-tu-so-40-2026-tt-btc-469311.txt",  # fees and charges waived in transport (not this one)
}


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    return assistant_over(tmp_path_factory, _FILES)


@pytest.mark.parametrize(
    "question",
    [
        "Mức lương tối thiểu tháng vùng V theo Nghị định 38/2022/NĐ-CP là bao nhiêu?",
        "muc luong toi thieu thang vung V theo nghi dinh 38/2022/ND-CP la bao nhieu",
        "Mức lương tối thiểu tháng ở vùng V là bao nhiêu đồng?",
    ],
)
def test_a_region_the_decree_does_not_have_is_not_answered_with_another_one(bot, question):
    ans = bot.answer(question)
    assert_not_found(ans)
    assert "vùng V" in ans.answer or "vung V" in ans.answer  # says what the clauses lack
    assert "3.250.000" not in ans.answer and "4.680.000" not in ans.answer
    assert ans.suggestions  # the nearest clauses are offered


@pytest.mark.parametrize(
    "question",
    [
        "Mức lương tối thiểu tháng vùng IV theo Nghị định 38/2022/NĐ-CP là bao nhiêu?",
        "muc luong toi thieu thang vung IV theo nghi dinh 38/2022/ND-CP la bao nhieu",
    ],
)
def test_the_same_question_with_a_region_it_has_is_answered(bot, question):
    # (which figure of the table the short answer picks is the answer layer's business, not support's)
    ans = bot.answer(question)
    assert not ans.abstained
    assert (ans.citations[0].doc_id, ans.citations[0].clause) == ("doc1", "Điều 3, khoản 1")
    assert "Vùng IV" in ans.citations[0].text


@pytest.mark.parametrize(
    "question",
    [
        "Nghị quyết 17/2022/UBTVQH15 cho phép làm thêm tối đa bao nhiêu giờ trong một tuần?",
        "nghi quyet 17/2022/UBTVQH15 cho phep lam them toi da bao nhieu gio trong mot tuan",
    ],
)
def test_hours_per_week_are_not_answered_with_hours_per_month_or_year(bot, question):
    ans = bot.answer(question)
    assert_not_found(ans)
    assert "300 giờ" not in ans.answer and "60 giờ" not in ans.answer


def test_hours_per_year_are_answered(bot):
    ans = bot.answer("Nghị quyết 17/2022/UBTVQH15 cho phép làm thêm tối đa bao nhiêu giờ trong một năm?")
    assert not ans.abstained
    assert "300 giờ" in ans.answer


@pytest.mark.parametrize(
    "question",
    [
        "Phương án vận tải hàng hóa siêu trọng được phê duyệt mấy lần một năm?",  # a count the decree never states
        "Phương án vận tải hàng hoá siêu trọng trên đường thuỷ được phê duyệt mấy lần?",  # old-style tone marks
        "phuong an van tai hang hoa sieu truong duoc phe duyet may lan mot nam",
    ],
)
def test_a_clause_without_the_asked_kind_of_value_is_no_answer(bot, question):
    assert_not_found(bot.answer(question))


def test_the_approval_deadline_the_decree_does_state_is_answered(bot):
    ans = bot.answer("Cơ quan có thẩm quyền phê duyệt phương án vận tải hàng hóa siêu trường trong bao nhiêu ngày?")
    assert not ans.abstained
    assert "ngày" in ans.answer and ans.citations[0].doc_id == "doc3"


@pytest.mark.parametrize(
    "question",
    [
        "Luật Công đoàn số 50/2024/QH15 có hiệu lực từ ngày nào?",
        "luat cong doan so 50/2024/qh15 co hieu luc tu ngay nao",
        "Nghị định 300/2026/NĐ-CP quy định mức lương tối thiểu vùng I là bao nhiêu?",
    ],
)
def test_a_document_the_library_lacks_is_said_to_be_missing(bot, question):
    ans = bot.answer(question)
    assert_not_found(ans)
    number = named_numbers(question)[0]
    assert number in ans.answer and "trong kho văn bản" in ans.answer


def test_document_numbers_named_and_held(bot):
    assert named_numbers("Luật Công đoàn số 50/2024/QH15, Chỉ thị 01/CT-UBND; 3.500.000 đồng/tháng, 01/7/2022") == (
        "50/2024/QH15", "01/CT-UBND")
    assert named_numbers("thong tu 06/2021/tt-bldtbxh, chi thi 01/ct-ubnd, mật độ 500/km2") == (
        "06/2021/tt-bldtbxh", "01/ct-ubnd")
    # the Party's numbers ("34-CT/TW"), as printed; a hyphenated range of figures is no number
    assert named_numbers("Chỉ thị số 34-CT/TW, Kết luận 1012-KL/TU và Công văn 59-CV/BCĐ; giai đoạn 2021-2025") == (
        "34-CT/TW", "1012-KL/TU", "59-CV/BCĐ")
    numbers = DocumentNumbers(bot.corpus.directives)
    assert numbers.holds("38/2022/NĐ-CP") and numbers.holds("38/2022/ND-CP") and numbers.holds("17/2022/ubtvqh15")
    assert numbers.holds("34/2019/TT-BLĐTBXH")  # consolidated in a VBHN of the library
    assert numbers.holds("01/CT-UBND")  # the directives' own numbers carry no year
    assert not numbers.holds("38/2020/NĐ-CP") and not numbers.holds("50/2024/QH15")
    # one number the library holds is enough: the others are context ("hướng dẫn Nghị định …")
    assert unknown_documents("Nghị định 38/2022/NĐ-CP hướng dẫn Bộ luật 45/2019/QH14", numbers) == ()
    assert unknown_documents("Bộ luật 45/2019/QH14", numbers) == ("45/2019/QH14",)


# ----------------------------------------------------------------- the rare-word need, on a library-sized scorer

def _found(text: str, title: str = "Quy định về vận tải hàng hóa siêu trường") -> Found:
    return found_in(text, title=title, doc_type="Nghị định", number="1/2026/NĐ-CP")


@pytest.fixture(scope="module")
def library_scorer() -> Scorer:
    """Word rarities as over a library of thousands of parts: "lệ phí" in a few, transport in many."""
    parts = [f"Phương án vận tải hàng hóa số {i} được cơ quan có thẩm quyền phê duyệt." for i in range(3000)]
    parts += [f"Mức thu lệ phí cấp giấy phép thứ {i} là 100.000 đồng." for i in range(6)]
    parts += [f"Quy định chung về lao động số {i}." for i in range(3000)]
    return Scorer(parts)


@pytest.mark.parametrize(
    "question",
    ["Lệ phí phê duyệt phương án vận tải là bao nhiêu?", "le phi phe duyet phuong an van tai la bao nhieu"],
)
def test_a_rare_word_of_the_question_must_stand_in_the_clause(library_scorer, question):
    wanted = needs(read_question(question), library_scorer, AnswerTuning())
    assert any(n.kind == "word" for n in wanted)
    lacking = gaps(wanted, _found("Cơ quan có thẩm quyền phê duyệt phương án vận tải trong 02 ngày."))
    assert lacking and "phi" in fold(lacking[0].phrase)  # unaccented, pyvi keeps "phi" alone
    assert gaps(wanted, _found("Lệ phí phê duyệt phương án vận tải là 200.000 đồng.")) == ()
    assert gaps(wanted, _found("Mức thu là 200.000 đồng.", title="Lệ phí phê duyệt phương án vận tải")) == ()


def test_words_a_question_asks_with_never_count(library_scorer):
    wanted = needs(read_question("Mỗi phương án vận tải muốn được phê duyệt mất bao lâu?"), library_scorer,
                   AnswerTuning())
    assert not [n for n in wanted if n.kind == "word"]


def test_a_followup_about_a_region_the_decree_lacks_is_abstained_on(bot):
    first = bot.answer("Mức lương tối thiểu tháng vùng I theo Nghị định 38/2022/NĐ-CP là bao nhiêu?")
    assert not first.abstained and "4.680.000" in first.answer
    fourth = bot.answer("Còn vùng IV?", previous=first)
    assert not fourth.abstained and fourth.citations[0].doc_id == "doc1"
    assert_not_found(bot.answer("Còn vùng V?", previous=fourth))


# ----------------------------------------------------------------- the amount, the case and the rate asked for

_AMOUNT_FILES = {
    "doc1.txt": "nghi-dinh-so-38-2022-nd-cp-37348.txt",  # minimum wages per month and per hour (none per day)
    "doc6.txt": "nghi-dinh-so-162-2026-nd-cp-469551.txt",  # pensions +8% from 1/7/2026 (no base salary)
    "doc7.txt": "thong-tu-so-7-2026-tt-bnv-469694.txt",  # salaries of domestic consultants (none for foreign ones)
}


@pytest.fixture(scope="module")
def amounts_bot(tmp_path_factory):
    return assistant_over(tmp_path_factory, _AMOUNT_FILES)


@pytest.mark.parametrize(
    "question",
    [
        "Nghị định 162/2026/NĐ-CP quy định mức lương cơ sở mới từ ngày 01/7/2026 là bao nhiêu?",
        "nghi dinh 162/2026/nd-cp quy dinh muc luong co so moi tu ngay 01/7/2026 la bao nhieu",
        "Lương cơ sở từ 01/7/2026 là bao nhiêu?",
    ],
)
def test_an_amount_the_decree_does_not_set_is_not_answered_with_another_amount(amounts_bot, question):
    ans = amounts_bot.answer(question)
    assert_not_found(ans)
    assert "8%" not in ans.answer  # the nearest clauses are listed apart (suggestions)


def test_the_amount_the_decree_does_set_is_answered(amounts_bot):
    ans = amounts_bot.answer("Từ ngày 01/7/2026 lương hưu được điều chỉnh tăng thêm bao nhiêu phần trăm?")
    assert not ans.abstained
    assert "8%" in ans.answer and ans.citations[0].doc_id == "doc6"


@pytest.mark.parametrize(
    "question",
    [
        "Theo Nghị định 38/2022/NĐ-CP, mức lương tối thiểu ngày ở vùng II là bao nhiêu?",
        "theo nghi dinh 38/2022/nd-cp muc luong toi thieu ngay o vung II la bao nhieu",
    ],
)
def test_a_minimum_wage_per_day_is_not_answered_with_the_monthly_one(amounts_bot, question):
    ans = amounts_bot.answer(question)
    assert_not_found(ans)
    assert "4.160.000" not in ans.answer  # the nearest clauses are listed apart (suggestions)


@pytest.mark.parametrize(
    "question",
    [
        "Thông tư 07/2026/TT-BNV quy định mức lương tối đa của chuyên gia tư vấn nước ngoài là bao nhiêu một tháng?",
        "thong tu 07/2026/TT-BNV quy dinh muc luong toi da cua chuyen gia tu van nuoc ngoai la bao nhieu mot thang",
    ],
)
def test_foreign_consultants_are_not_answered_with_the_domestic_salary(amounts_bot, question):
    ans = amounts_bot.answer(question)
    assert_not_found(ans)
    assert "nước ngoài" in ans.answer or "nuoc ngoai" in ans.answer
    assert "70.000.000" not in ans.answer  # the nearest clauses are listed apart (suggestions)


@pytest.mark.parametrize(
    "question",
    [
        "Chuyên gia tư vấn trong nước mức 1 được tính lương tối đa bao nhiêu một tháng?",
        "chuyen gia tu van trong nuoc muc 1 duoc tinh luong toi da bao nhieu mot thang",
    ],
)
def test_the_domestic_case_is_met_by_the_clause_on_domestic_consultants(amounts_bot, question):
    wanted = needs(read_question(question), amounts_bot._scorer, AnswerTuning())
    assert "qualifier" in {n.kind for n in wanted}
    title = "Quy định mức lương của chuyên gia tư vấn trong nước làm cơ sở xác định giá gói thầu"
    assert gaps(wanted, _found("a) Mức 1, không quá 70.000.000 đồng/tháng đối với chuyên gia tư vấn.", title)) == ()
    assert gaps(wanted, _found("Mức lương chuyên gia tư vấn nước ngoài là 70.000.000 đồng/tháng.", "Quy định")) != ()
    # "công lập" is not met by "ngoài công lập", and the reverse
    public = needs(read_question("Học phí trường công lập là bao nhiêu một tháng?"), amounts_bot._scorer, AnswerTuning())
    assert gaps([n for n in public if n.kind == "qualifier"], _found("Trường ngoài công lập thu 1.000.000 đồng.")) != ()


@pytest.mark.parametrize(
    "question",
    [
        "Phụ cấp thâm niên nghề của công chức ngành Toà án được tính bằng bao nhiêu phần trăm?",  # old-style mark
        "Phụ cấp thâm niên nghề của công chức ngành Tòa án được tính bằng bao nhiêu phần trăm?",
    ],
)
def test_an_institution_the_question_names_must_stand_in_the_clause(question):
    scorer = Scorer([f"Tòa án nhân dân cấp {i} xét xử vụ án." for i in range(4)]
                    + [f"Phụ cấp thâm niên nghề của ngành {i} là 5%." for i in range(600)]
                    + [f"Quy định chung số {i}." for i in range(3000)])
    wanted = needs(read_question(question), scorer, AnswerTuning())
    assert "tòa_án" in {n.token for n in wanted}
    assert gaps(wanted, _found("Phụ cấp thâm niên nghề là 26%.")) != ()
    assert gaps(wanted, _found("Phụ cấp thâm niên nghề của công chức Tòa án là 15%.")) == ()


@pytest.mark.parametrize(
    ("question", "named"),
    [
        ("Lệ phí cấp đổi giấy phép lái xe là bao nhiêu?", "lệ phí"),
        ("le phi cap doi giay phep lai xe la bao nhieu", "le phi"),
        ("Thuế suất thuế sử dụng đất phi nông nghiệp là bao nhiêu?", "thuế suất"),
        ("Mức phạt đối với người điều khiển xe máy là bao nhiêu?", "phạt"),
        ("Hộ gia đình đạt danh hiệu Gia đình văn hoá được thưởng bao nhiêu tiền?", "thưởng"),
    ],
)
def test_the_amount_asked_for_must_be_the_one_the_clause_sets(library_scorer, question, named):
    wanted = [n for n in needs(read_question(question), library_scorer, AnswerTuning()) if n.kind == "quantity"]
    assert wanted and wanted[0].phrase.lower().startswith(named)
    assert gaps(wanted, _found("Mức thu bằng 50% mức thu quy định tại Thông tư số 154/2025/TT-BTC.")) != ()


def test_an_amount_is_needed_only_when_the_question_asks_how_much(library_scorer):
    wanted = needs(read_question("Hồ sơ đề nghị miễn lệ phí gồm những gì?"), library_scorer, AnswerTuning())
    assert not [n for n in wanted if n.kind == "quantity"]


def test_an_acronym_typed_in_lower_case_is_no_word_the_clause_must_hold():
    # "scic" typed without capitals reads as a noun; the clause writes the body out in full
    scorer = Scorer([f"Quỹ SCIC số {i}." for i in range(4)] + [f"Quy định chung số {i}." for i in range(3000)])
    for question in ("Thông tư về tiền lương ở SCIC có hiệu lực từ ngày nào?",
                     "thong tu ve tien luong o scic co hieu luc tu ngay nao"):
        assert "scic" not in {n.token for n in needs(read_question(question), scorer, AnswerTuning())}


# ------------------------------------------------------------------ a document's next answers; punctuation

_NEXT_FILES = {
    "doc1.txt": "van-ban-hop-nhat-so-113-vbhn-vpqh-469596.txt",  # corporate income tax: 20%, 15%, 17% by turnover
    "doc2.txt": "thong-tu-so-24-2022-tt-bldtbxh-38574.txt",  # allowances in kind for hazardous work, levels 1–4
}


@pytest.fixture(scope="module")
def next_bot(tmp_path_factory):
    return assistant_over(tmp_path_factory, _NEXT_FILES)


@pytest.mark.parametrize(
    ("first", "then"),
    [
        ("Thuế suất thuế thu nhập doanh nghiệp phổ thông là bao nhiêu?",
         "Còn doanh nghiệp có tổng doanh thu năm không quá 03 tỷ đồng?"),
        ("Thuế suất thuế thu nhập doanh nghiệp phổ thông là bao nhiêu?",
         "con doanh nghiep co tong doanh thu nam khong qua 03 ty dong?"),
    ],
)
def test_the_clause_after_a_document_s_best_answers_when_the_best_lacks_the_asked_case(next_bot, first, then):
    # The best-covering clause is about another tax case; the next one states the rate for this turnover.
    general = next_bot.answer(first)
    assert not general.abstained and "20%" in general.answer
    small = next_bot.answer(then, previous=general)
    assert not small.abstained
    assert "15%" in small.answer and "17%" not in small.answer  # not the sibling for "trên 03 tỷ đồng"
    assert (small.citations[0].doc_id, small.citations[0].clause) == ("doc1", "Điều 10, khoản 2")


@pytest.mark.parametrize(
    ("first", "then"),
    [
        ("Thuế suất thuế thu nhập doanh nghiệp phổ thông là bao nhiêu?", "Còn hợp tác xã nước ngoài?"),
        ("Thuế suất thuế thu nhập doanh nghiệp phổ thông là bao nhiêu?",
         "Còn doanh nghiệp có tổng doanh thu năm trên 100 tỷ đồng?"),
    ],
)
def test_a_case_no_clause_of_the_document_states_is_still_abstained_on(next_bot, first, then):
    ans = next_bot.answer(then, previous=next_bot.answer(first))
    assert_not_found(ans)
    assert "15%" not in ans.answer and "17%" not in ans.answer


@pytest.mark.parametrize(
    "question",
    [
        "Mức bồi dưỡng bằng hiện vật cho người lao động làm việc có yếu tố nguy hiểm, độc hại là bao nhiêu?",
        "muc boi duong bang hien vat cho nguoi lao dong lam viec co yeu to nguy hiem, doc hai la bao nhieu?",
    ],
)
def test_words_either_side_of_a_comma_are_not_read_as_one_word(next_bot, question):
    # "nguy hiểm, độc hại": no clause says "hiểm độc", and none needs to.
    ans = next_bot.answer(question)
    assert not ans.abstained and "13.000 đồng" in ans.answer
    assert ans.citations[0].doc_id == "doc2"


def test_a_pair_across_a_comma_is_no_rare_word_of_the_question():
    # "hiểm độc" rare over the library (it stands in "nguy hiểm độc hại" a few times) is still no word of a
    # question that writes "nguy hiểm, độc hại", nor of its follow-up, which reuses its words.
    scorer = Scorer([f"Công việc nguy hiểm độc hại loại {i}." for i in range(4)]
                    + [f"Quy định chung về lao động số {i}." for i in range(3000)])
    for question in ("Mức bồi dưỡng cho người làm việc có yếu tố nguy hiểm, độc hại là bao nhiêu?",
                     "muc boi duong cho nguoi lam viec co yeu to nguy hiem, doc hai la bao nhieu"):
        first = read_question(question)
        followup = read_question("Còn mức 3?", previous=first)
        for q in (first, followup):
            tokens_needed = {fold(n.token or "") for n in needs(q, scorer, AnswerTuning())}
            assert "hiem_doc" not in tokens_needed
        assert gaps(needs(first, scorer, AnswerTuning()),
                    _found("Người làm công việc có yếu tố nguy hiểm, yếu tố độc hại được bồi dưỡng 13.000 đồng.")) == ()


@pytest.mark.parametrize("joint", ["-", "–", " - ", " – ", "- ", " -", "– ", " –"])
def test_a_target_year_at_the_end_of_a_range_is_no_target_year_whatever_the_dash_and_spaces(library_scorer, joint):
    wanted = [n for n in needs(read_question("Đến năm 2030 bao nhiêu phần trăm cơ quan chia sẻ dữ liệu?"),
                               library_scorer, AnswerTuning()) if n.kind == "year"]
    assert [n.phrase for n in wanted] == ["2030"]
    (year,) = wanted
    assert year.pattern is not None
    assert not year.pattern.search(f"Quy hoạch thời kỳ 2021{joint}2030: 90% cơ quan chia sẻ dữ liệu.")
    assert not year.pattern.search(f"Giai đoạn 2030{joint}2035.")  # the start of a range neither
    for said in ("đến năm 2030: 90%", "năm 2030.", "(2030)", "tháng 2030 -", "2030 - hết"):
        assert year.pattern.search(said), said
    for other in ("năm 12030", "02/2030", "1.2030", "2030,5", "2030.5"):
        assert not year.pattern.search(other), other


@pytest.mark.parametrize("question", ["Người sử dụng lao động bị phạt bao nhiêu?",
                                      "nguoi su dung lao dong bi phat bao nhieu"])
def test_a_level_or_a_time_is_a_figure_a_section_number_is_not(library_scorer, question):
    wanted = [n for n in needs(read_question(question), library_scorer, AnswerTuning()) if n.kind == "figure"]
    assert wanted
    assert gaps(wanted, _found("Phạt tiền mức 20% tổng số tiền phải đóng.")) == ()  # "mức", not "mục"
    assert gaps(wanted, _found("Hưởng mức 1,5 lần tiền lương.")) == ()
    assert gaps(wanted, _found("Thực hiện theo quy định tại khoản 2 Điều 5 và Mục 3.")) != ()


@pytest.mark.parametrize("question", ["Người lao động được nghỉ hằng năm bao nhiêu ngày?",
                                      "nguoi lao dong duoc nghi hang nam bao nhieu ngay"])
def test_a_number_after_the_period_of_a_rate_does_not_make_it_a_date(library_scorer, question):
    wanted = [n for n in needs(read_question(question), library_scorer, AnswerTuning()) if n.kind == "period"]
    assert wanted
    assert gaps(wanted, _found("Người lao động được nghỉ hằng năm 12 ngày làm việc.")) == ()
    assert gaps(wanted, _found("Người lao động được nghỉ 12 ngày từ năm 2021.")) != ()  # a year, no rate


@pytest.mark.parametrize("question", ["Đến năm 2030 bao nhiêu phần trăm cơ quan chia sẻ dữ liệu?",
                                      "den nam 2030 bao nhieu phan tram co quan chia se du lieu"])
def test_a_target_year_must_stand_in_the_clause_not_as_a_period_end(library_scorer, question):
    wanted = needs(read_question(question), library_scorer, AnswerTuning())
    assert gaps(wanted, _found("Mục tiêu đến năm 2030: 90% cơ quan chia sẻ dữ liệu.")) == ()
    for other in ("Mục tiêu đến năm 2035: 95% cơ quan chia sẻ dữ liệu.",
                  "Quy hoạch thời kỳ 2021 - 2030: 90% cơ quan chia sẻ dữ liệu."):
        assert [n.kind for n in gaps(wanted, _found(other))] == ["year"]


@pytest.mark.parametrize("question", ["Người sử dụng lao động bị phạt bao nhiêu?",
                                      "nguoi su dung lao dong bi phat bao nhieu"])
def test_a_long_article_states_a_figure_wherever_it_stands(library_scorer, question):
    """A long article is first read by its opening lines: a figure far down counts, and references to other
    articles ("khoản 2 Điều 5"), however many, never do."""
    wanted = [n for n in needs(read_question(question), library_scorer, AnswerTuning()) if n.kind == "figure"]
    filler = "Thực hiện theo quy định tại khoản 2 Điều 5 và Mục 3 của Luật này.\n" * 400
    assert gaps(wanted, _found(filler + "Phạt tiền mức 20% tổng số tiền phải đóng.\n" + filler)) == ()
    assert gaps(wanted, _found("Phạt tiền từ 5.000.000 đồng.\n" + filler)) == ()
    assert gaps(wanted, _found(filler)) != ()
    assert gaps(wanted, _found(filler + "Điều 7\n" + filler)) != ()


# ------------------------------------------------------------------ the words come from the lexicon


def _with_row(monkeypatch, tmp_path, topic: str, row: str) -> None:
    """The support check reading the project's lexicon with one more ``row`` in ``topic``.txt."""
    import bot.support as support
    from tests.fakes import lexicon_with

    words = support._read(lexicon_with(tmp_path, topic, row))
    monkeypatch.setattr(support, "_lexicon", lambda: words)


def _kinds(question: str, scorer: Scorer) -> list[str]:
    return [n.kind for n in needs(read_question(question), scorer, AnswerTuning())]


@pytest.mark.parametrize("question", ["Mức phạt tiền đối với người lao động là bao lăm?",
                                      "muc phat tien doi voi nguoi lao dong la bao lam"])
def test_a_word_asking_how_much_is_a_lexicon_row(monkeypatch, tmp_path, library_scorer, question):
    assert "figure" not in _kinds(question, library_scorer)
    _with_row(monkeypatch, tmp_path, "amount_question_words", "bao lăm")
    assert "figure" in _kinds(question, library_scorer)


def test_a_noun_asking_for_a_document_s_number_is_a_lexicon_row(monkeypatch, tmp_path, library_scorer):
    question = "Quyết định khen thưởng có mã hiệu bao nhiêu?"
    assert "figure" in _kinds(question, library_scorer)
    _with_row(monkeypatch, tmp_path, "number_nouns", "mã hiệu")
    assert "figure" not in _kinds(question, library_scorer)


def test_a_word_naming_a_part_of_a_document_is_a_lexicon_row(monkeypatch, tmp_path, library_scorer):
    question = "Người sử dụng lao động bị phạt bao nhiêu?"
    clause = _found("Mức phạt thực hiện theo quy định tại tiết 3 của Thông tư.")
    assert gaps(needs(read_question(question), library_scorer, AnswerTuning()), clause) == ()
    _with_row(monkeypatch, tmp_path, "reference_words", "tiết")
    lacking = gaps(needs(read_question(question), library_scorer, AnswerTuning()), clause)
    assert [n.kind for n in lacking] == ["figure"]


@pytest.mark.parametrize("question", ["Người lao động được làm thêm bao nhiêu giờ mọi tuần?",
                                      "nguoi lao dong duoc lam them bao nhieu gio moi tuan"])
def test_a_word_making_a_period_a_rate_is_a_lexicon_row(monkeypatch, tmp_path, library_scorer, question):
    before = _kinds(question, library_scorer)
    _with_row(monkeypatch, tmp_path, "rate_leads", "mọi")
    after = _kinds(question, library_scorer)
    if fold(question) == question:  # "moi" is already "mỗi" folded
        assert "period" in before and after == before
    else:
        assert "period" not in before and "period" in after


def test_a_word_joining_a_list_of_labels_is_a_lexicon_row(monkeypatch, tmp_path):
    scorer = Scorer([f"Quy định chung về lao động số {i}." for i in range(3000)])
    question = "Mức lương tối thiểu tháng vùng V là bao nhiêu?"
    clause = _found("Mức lương tối thiểu tháng áp dụng cho vùng IV cùng V là 3.450.000 đồng.")
    assert [n.kind for n in gaps(needs(read_question(question), scorer, AnswerTuning()), clause)] == ["label"]
    _with_row(monkeypatch, tmp_path, "label_list_joiners", "cùng")
    assert gaps(needs(read_question(question), scorer, AnswerTuning()), clause) == ()


@pytest.mark.parametrize("question", ["Hội nghị tổng kết tổ chức vào ngày nào?", "hoi nghi tong ket to chuc vao ngay nao"])
def test_a_question_asking_which_day_needs_a_date_in_the_clause(question):
    from bot.query import read_question
    from bot.support import _unit

    q = read_question(question)
    (need,) = _unit(fold(q.topic), asks_amount=False)
    assert need.pattern.search(fold("Tổ chức hội nghị trước ngày 15 tháng 12 năm 2023"))
    assert need.pattern.search(fold("có hiệu lực kể từ ngày ký"))
    assert not need.pattern.search(fold("Tổ chức hội nghị tổng kết phong trào thi đua, biểu dương điển hình tiên tiến"))


@pytest.mark.parametrize("question", ["Tăng trưởng GRDP năm 2023 đạt bao nhiêu?", "tang truong GRDP nam 2023 dat bao nhieu"])
def test_a_rare_acronym_in_capitals_must_stand_in_the_clause_or_be_written_out(question):
    # GDP (the country's product) is not GRDP (a province's): a national figure does not answer it.
    scorer = Scorer([f"Tổng sản phẩm trên địa bàn (GRDP) năm {i}." for i in range(3)]
                    + [f"Quy định chung số {i}." for i in range(3000)])
    wanted = needs(read_question(question), scorer, AnswerTuning())
    assert gaps(wanted, _found("Kinh tế số đạt khoảng 20% GDP vào năm 2025."))
    assert not gaps(wanted, _found("Tốc độ tăng tổng sản phẩm trên địa bàn (GRDP) khoảng 9,0%."))
    assert not gaps(wanted, _found("Tổng sản phẩm trên địa bàn tỉnh tăng 7,5%."))


def test_an_acronym_naming_an_agency_is_left_to_the_agency_checks():
    # "Bộ LĐTBXH" names who acts; the answering clause writes "Bộ trưởng Bộ Lao động - Thương binh và Xã hội".
    scorer = Scorer([f"Bộ LĐTBXH hướng dẫn số {i}." for i in range(3)] + [f"Quy định chung số {i}." for i in range(3000)])
    wanted = needs(read_question("Bộ LĐTBXH cấp giấy phép trong bao nhiêu ngày?"), scorer, AnswerTuning())
    assert not [n for n in wanted if n.phrase == "LĐTBXH"]


@pytest.mark.parametrize("question", ["Chỉ tiêu UBND tỉnh giao năm 2024 là bao nhiêu?", "chi tieu UBND tinh giao nam 2024 la bao nhieu"])
def test_an_acronym_spelling_out_a_body_is_no_word_the_clause_must_hold(question):
    scorer = Scorer([f"UBND xã số {i}." for i in range(3)] + [f"Quy định chung số {i}." for i in range(3000)])
    assert not [n for n in needs(read_question(question), scorer, AnswerTuning()) if n.phrase == "UBND"]


@pytest.mark.parametrize(
    "question",
    ["Mức lương cơ sở năm 2024 là bao nhiêu?", "muc luong co so nam 2024 la bao nhieu",
     "Lương cơ sở áp dụng năm 2024 bằng bao nhiêu tiền?"],
)
def test_the_narrowing_word_must_follow_the_amount_not_stand_elsewhere_in_the_clause(question):
    """"lương cơ sở" is not met by a minimum wage in a clause that says "cơ sở y tế" further on (a Taiwan wage in
    Đài tệ was quoted for it); it is met by the clause setting it, or a clause under a title naming it."""
    scorer = Scorer([f"Cơ sở y tế số {i} trả lương tối thiểu." for i in range(30)]
                    + [f"Quy định chung về lao động số {i}." for i in range(3000)])
    wanted = needs(read_question(question), scorer, AnswerTuning())
    assert "narrowing" in {n.kind for n in wanted}
    taiwan = ("Đối với lao động trình độ kỹ thuật Trung cấp: mức lương tối thiểu là 33.000 Đài tệ/tháng; lao động "
              "ngành dịch vụ xã hội (công việc tại cơ sở y tế) mức lương tối thiểu là 29.000 Đài tệ/tháng.")
    lacking = gaps(wanted, _found(taiwan, title="Quy định chi tiết Luật Người lao động đi làm việc ở nước ngoài"))
    assert [n.phrase for n in lacking if n.kind == "narrowing"]
    assert gaps(wanted, _found("Mức lương cơ sở là 2.340.000 đồng/tháng.")) == ()
    assert gaps(wanted, _found("Mức lương là 2.340.000 đồng/tháng.", title="Quy định mức lương cơ sở")) == ()


@pytest.mark.parametrize("question", ["Mức lương cơ sở là bao nhiêu?", "muc luong co so la bao nhieu"])
def test_the_narrowing_word_in_a_title_or_heading_must_name_the_amount_too(question):
    """A consultants' salary circular whose title says "mức lương … làm cơ sở cho việc xác định giá gói thầu"
    sets no "lương cơ sở" (its "8 giờ" a day was quoted for it), nor do "lương tại/của cơ sở …"."""
    scorer = Scorer([f"Cơ sở y tế số {i} trả lương tối thiểu." for i in range(30)]
                    + [f"Quy định chung về lao động số {i}." for i in range(3000)])
    wanted = needs(read_question(question), scorer, AnswerTuning())
    consultants = ("Hướng dẫn xác định mức lương của chuyên gia tư vấn trong nước làm cơ sở cho việc xác định giá gói thầu "
                   "cung cấp dịch vụ tư vấn")
    for text, title in [("Thời gian làm việc là 8 giờ/ngày.", consultants),
                        ("Tiền lương tại cơ sở giáo dục là 5.000.000 đồng/tháng.", "Quy định chung"),
                        ("Mức lương của cơ sở đào tạo là 5.000.000 đồng/tháng.", "Quy định chung"),
                        ("Mức lương, cơ sở là 5.000.000 đồng/tháng.", "Quy định chung")]:
        assert [n.phrase for n in gaps(wanted, _found(text, title=title)) if n.kind == "narrowing"], text
    assert gaps(wanted, _found("Thời gian là 8 giờ/ngày.", title="Quy định mức lương cơ sở")) == ()


def test_the_base_salary_of_a_year_the_library_does_not_set_is_declined(amounts_bot):
    """Pensions, minimum wages and consultants' salaries are set, no "lương cơ sở": no figure is quoted for it."""
    for question in ("Mức lương cơ sở năm 2024 là bao nhiêu?", "muc luong co so nam 2024 la bao nhieu"):
        ans = amounts_bot.answer(question)
        assert_not_found(ans)


@pytest.mark.parametrize("question", [
    "Nghị định về cơ chế tài chính bảo hiểm xã hội được áp dụng từ ngày nào?",
    "nghi dinh ve co che tai chinh bao hiem xa hoi duoc ap dung tu ngay nao",
])
def test_a_pair_across_a_left_out_word_is_no_rare_word_of_the_question(question):
    # Form words ("Nghị", "về", "cơ") are left out of the topic; "định" and "chế" then meet, and "định chế" (an
    # institution) is rare over the library, yet the question never wrote it: no clause needs to.
    scorer = Scorer([f"Các định chế tài chính số {i}." for i in range(4)]
                    + [f"Quy định chung về lao động số {i}." for i in range(3000)])
    wanted = needs(read_question(question), scorer, AnswerTuning())
    assert not {"định_chế", "dinh_che"} & {n.token for n in wanted}


def test_a_horizon_year_no_document_has_must_stand_in_the_clause(library_scorer):
    """Asked of the library ("Đến năm 2040 …", no document of 2040): a target set for 2028 answers another question."""
    for question in ("Đến năm 2040 Việt Nam phấn đấu vào nhóm bao nhiêu nước dẫn đầu?",
                     "den nam 2040 viet nam phan dau vao nhom bao nhieu nuoc dan dau"):
        q = replace(read_question(question), years=())  # the scope let the year go: no document of 2040
        wanted = needs(q, library_scorer, AnswerTuning())
        assert gaps(wanted, _found("Phấn đấu đến năm 2028 thuộc nhóm 3 nước dẫn đầu ASEAN."))
        assert not [n for n in gaps(wanted, _found("Đến năm 2040 thuộc nhóm 30 nước dẫn đầu.")) if n.kind == "year"]


def test_an_empty_word_list_matches_nothing():
    import re

    from corpus.lexicon import alternatives

    assert re.search(f"(?:{alternatives([], str)})", "mức lương cơ sở") is None
    assert re.search(f"(?:{alternatives(())})", "mức lương cơ sở") is None
    assert re.search(f"(?:{alternatives(['cơ sở'], str)})", "mức lương cơ sở")


@pytest.mark.parametrize("question", ["Thuế suất thuế thu nhập doanh nghiệp là bao nhiêu?",
                                      "thue suat thue thu nhap doanh nghiep la bao nhieu"])
def test_a_title_naming_a_document_by_the_narrowing_word_narrows_its_amounts(question):
    scorer = Scorer([f"Quy định chung về thuế số {i}." for i in range(30)] + [f"Quy định số {i}." for i in range(3000)])
    wanted = needs(read_question(question), scorer, AnswerTuning())
    rate = "Thuế suất 15% áp dụng đối với doanh nghiệp có tổng doanh thu năm không quá 03 tỷ đồng."
    title = "Quy định chi tiết một số điều của Luật Thuế thu nhập doanh nghiệp"
    assert not [n for n in gaps(wanted, _found(rate, title=title)) if n.kind == "narrowing"]
    assert [n for n in gaps(wanted, _found(rate, title="Quy định về chi phí làm căn cứ tính thuế")) if n.kind == "narrowing"]


# ----------------------------------------------------------------- the amount and its figure where the answer is quoted

def _quoted(text: str, said: str, *, year: int = 2026) -> Found:
    """An answer quoting ``said`` (its span) inside a longer clause ``text`` of a document of ``year``."""
    start = text.index(said)
    clause = Clause(id="d:2", doc_id="d", label="Điều 2", kind="article", path=("2",), heading=(), text=text,
                    start=0, end=len(text))
    d = Directive(doc_id="d", source="d.txt", doc_type="Nghị định", number="2/2026/NĐ-CP", date=None, issuer=None,
                  province=None, year=year, title="Quy định chế độ đối với người lao động", signer=None, text=text,
                  clauses=(clause,))
    return Found(d, clause, said, said, (start, start + len(said)), 1.0)


_TWO_ITEMS = ("Điều 2. Chế độ\n1. Phụ cấp thâm niên được tính theo số năm công tác.\n"
              "2. Người làm việc ở vùng đặc biệt khó khăn được hưởng thêm 70% mức lương hiện hưởng.")


@pytest.mark.parametrize("question", ["Phụ cấp thâm niên là bao nhiêu?", "phu cap tham nien la bao nhieu"])
def test_a_figure_of_another_item_is_no_answer_for_the_amount_asked(library_scorer, question):
    wanted = needs(read_question(question), library_scorer, AnswerTuning())
    other = _quoted(_TWO_ITEMS, "Người làm việc ở vùng đặc biệt khó khăn được hưởng thêm 70% mức lương hiện hưởng.")
    assert {n.kind for n in gaps(wanted, other)} & {"quantity", "narrowing"}
    text = _TWO_ITEMS.replace("tính theo số năm công tác", "bằng 5% mức lương hiện hưởng")
    assert gaps(wanted, _quoted(text, "Phụ cấp thâm niên được bằng 5% mức lương hiện hưởng.")) == ()


def test_items_are_read_with_the_lead_in_that_names_the_amount(library_scorer):
    text = "Mức phụ cấp thâm niên như sau:\na) Đủ 5 năm: 5%;\nb) Đủ 10 năm: 10%."
    wanted = needs(read_question("Phụ cấp thâm niên là bao nhiêu?"), library_scorer, AnswerTuning())
    assert gaps(wanted, _quoted(text, "b) Đủ 10 năm: 10%.")) == ()


@pytest.mark.parametrize(
    "question",
    ["Mức lương cơ sở áp dụng từ ngày 01/7/2027 là bao nhiêu?", "muc luong co so ap dung tu ngay 01/7/2027 la bao nhieu"],
)
def test_an_amount_asked_from_a_date_must_be_set_for_that_date(library_scorer, question):
    wanted = needs(read_question(question), library_scorer, AnswerTuning())
    said = "Mức lương cơ sở là 2.340.000 đồng/tháng."
    assert [n.phrase for n in gaps(wanted, _quoted(said, said)) if n.kind == "date"] == ["2027"]
    dated = "Từ ngày 01/7/2027, mức lương cơ sở là 2.530.000 đồng/tháng."
    assert gaps(wanted, _quoted(dated, dated)) == ()
    assert gaps(wanted, _quoted(said, said, year=2027)) == ()  # a decree of 2027 sets what applies from then


def test_a_document_s_own_date_is_no_date_the_answer_must_name(library_scorer):
    wanted = needs(read_question("Nghị định ban hành ngày 01/7/2027 quy định phụ cấp thâm niên bao nhiêu?"),
                   library_scorer, AnswerTuning())
    assert not [n for n in wanted if n.kind == "date"]


@pytest.mark.parametrize(
    "question",
    ["Tổng mức đầu tư trung tâm dữ liệu là bao nhiêu tỷ đồng?", "tong muc dau tu trung tam du lieu la bao nhieu ty dong"],
)
def test_billions_of_dong_asked_need_an_amount_of_money(library_scorer, question):
    wanted = needs(read_question(question), library_scorer, AnswerTuning())
    area = "Trung tâm dữ liệu dự kiến tổng diện tích xây dựng khoảng 150.000 m2."
    assert "unit" in [n.kind for n in gaps(wanted, _quoted(area, area))]
    money = "Tổng mức đầu tư trung tâm dữ liệu khoảng 12.000 tỷ đồng."
    assert gaps(wanted, _quoted(money, money)) == ()


# ----------------------------------------------------------------- words the question does not say

@pytest.fixture(scope="module")
def budget_scorer() -> Scorer:
    """A library where "ngân sách", "tiêu chuẩn" and "nghiệp vụ" are common, "thu ngân" (cashier) and "tiêu chuẩn
    nghiệp vụ" (so the pair "chuẩn nghiệp") rare but written."""
    parts = [f"Phương án vận tải hàng hóa số {i} được phê duyệt." for i in range(3000)]
    parts += [f"Dự toán ngân sách nhà nước năm {i} được giao." for i in range(400)]
    parts += [f"Khoản thu số {i} nộp vào quỹ." for i in range(400)]
    parts += [f"Nhân viên thu ngân số {i} làm việc tại quầy." for i in range(5)]
    parts += [f"Tiêu chuẩn chức danh số {i} và nghiệp vụ kiểm soát." for i in range(300)]
    parts += [f"Tiêu chuẩn nghiệp vụ số {i}." for i in range(5)]
    parts += [f"Quy định chung về lao động số {i}." for i in range(3000)]
    return Scorer(parts)


@pytest.mark.parametrize(
    "question",
    ["Thu ngân sách năm 2023 của Sơn La là bao nhiêu?", "Thu ngân sách năm 2023 của tỉnh là bao nhiêu?"],
)
def test_a_compound_does_not_swallow_a_syllable_of_the_asked_noun(budget_scorer, question):
    wanted = needs(read_question(question), budget_scorer, AnswerTuning())
    assert not [n for n in wanted if n.kind == "word" and "ngan" in fold(n.phrase)]
    assert gaps(wanted, _found("Thu ngân sách trên địa bàn đạt 4.800 tỷ đồng.")) == ()


def test_words_left_out_of_the_topic_do_not_make_a_pair_of_two_words(budget_scorer):
    question = "Thông tư về tiêu chuẩn nghiệp vụ kiểm soát viên chất lượng sản phẩm có hiệu lực sau bao lâu?"
    wanted = needs(read_question(question), budget_scorer, AnswerTuning())
    assert not [n for n in wanted if n.kind == "word" and fold(n.phrase) == "chuan nghiep"]


def test_a_line_label_after_a_cut_is_no_figure(library_scorer):
    text = "Điều 9. Kinh phí\nCác bộ, ngành thực hiện như sau:\n1. Kinh phí thực hiện được bố trí từ ngân sách."
    wanted = needs(read_question("Kinh phí thực hiện là bao nhiêu?"), library_scorer, AnswerTuning())
    assert "figure" in [n.kind for n in gaps(wanted, _quoted(text, "Kinh phí thực hiện được bố trí từ ngân sách."))]


@pytest.mark.parametrize(
    "question",
    ["Thông tư 18/2021/TT-BNNPTNT bãi bỏ những văn bản nào của Bộ Tài nguyên và Môi trường?",
     "thong tu 18/2021/TT-BNNPTNT bai bo nhung van ban nao cua bo tai nguyen va moi truong"],
)
def test_documents_of_another_body_are_no_answer_about_that_body_s(library_scorer, question):
    wanted = needs(read_question(question), library_scorer, AnswerTuning())
    said = "Bãi bỏ Thông tư số 21/2015/TT-BNNPTNT ngày 08/6/2015 của Bộ trưởng Bộ Nông nghiệp."
    other = _found(said)
    other = replace(other, directive=replace(other.directive, issuer="Bộ Nông nghiệp và Phát triển nông thôn"))
    assert [n.kind for n in gaps(wanted, other)] == ["issuer"]
    own = replace(other, directive=replace(other.directive, issuer="Bộ Tài nguyên và Môi trường"))
    assert gaps(wanted, own) == ()
    assert gaps(wanted, _found("Bãi bỏ Thông tư số 05/2016/TT-BTNMT của Bộ Tài nguyên và Môi trường.")) == ()


@pytest.fixture(scope="module")
def grid_scorer() -> Scorer:
    """A library where dispatchers ("điều độ viên") are rare and people ("người") common."""
    parts = [f"Phương án vận tải hàng hóa số {i} được phê duyệt cho người lao động." for i in range(6000)]
    parts += [f"Điều độ viên hệ thống điện số {i} trực ca." for i in range(5)]
    return Scorer(parts)


@pytest.mark.parametrize(
    "question",
    ["Hiện nay có bao nhiêu điều độ viên quốc gia được hưởng chính sách ưu tiên?",
     "hien nay co bao nhieu dieu do vien quoc gia duoc huong chinh sach uu tien"],
)
def test_how_many_of_a_rare_noun_needs_that_noun_counted(grid_scorer, question):
    wanted = needs(read_question(question), grid_scorer, AnswerTuning())
    rate = "Điều độ viên được chi thu nhập tăng thêm theo tỷ lệ 30% mức lương."
    assert "count" in [n.kind for n in gaps(wanted, _quoted(rate, rate))]
    counted = "Cả nước có 30 điều độ viên quốc gia được hưởng chính sách ưu tiên."
    assert "count" not in [n.kind for n in gaps(wanted, _quoted(counted, counted))]


def test_how_many_of_a_common_noun_is_left_to_the_other_needs(grid_scorer):
    wanted = needs(read_question("Năm 2023 Lai Châu phấn đấu tạo việc làm cho bao nhiêu người?"), grid_scorer,
                   AnswerTuning())
    assert "count" not in [n.kind for n in wanted]  # "8.440 lao động" counts people too


@pytest.mark.parametrize("question", [
    "Năm 2022 Sơn La đặt chỉ tiêu tỷ lệ trường đạt chuẩn quốc gia là bao nhiêu?",
    "nam 2022 son la dat chi tieu ty le truong dat chuan quoc gia la bao nhieu",
    "Năm 2022 Sơn La đặt chỉ tiêu tỷ lệ tham gia bảo hiểm y tế bao nhiêu phần trăm?",
])
def test_the_rate_of_another_thing_does_not_answer_a_rate_asked(bot, question):
    # the directive states the poverty rate (19,74%) and the "Gia đình văn hóa" rate (70,5%), no school rate
    ans = bot.answer(question)
    assert_not_found(ans)
    assert "19,74%" not in ans.answer and "70,5%" not in ans.answer


def test_a_rate_the_directive_states_is_still_answered(bot):
    ans = bot.answer("Năm 2022 Sơn La đặt chỉ tiêu tỷ lệ hộ nghèo là bao nhiêu?")
    assert "19,74%" in ans.answer


@pytest.mark.parametrize("question", [
    "Lai Châu năm 2023 phấn đấu có bao nhiêu xã đạt chuẩn nông thôn mới?",
    "lai chau nam 2023 phan dau co bao nhieu xa dat chuan nong thon moi",
])
def test_a_count_asked_is_answered_neither_by_a_rate_nor_by_a_document_number(bot, question):
    # Lai Châu's directive names "Chỉ thị 05-CT/TW" and a school rate (60,9%), no number of communes
    ans = bot.answer(question)
    assert_not_found(ans)
    assert "60,9%" not in ans.answer and "05-CT/TW" not in ans.answer


def test_a_count_the_directive_states_is_answered(bot):
    ans = bot.answer("Năm 2023 tỉnh Sơn La có thêm bao nhiêu xã về đích nông thôn mới?")
    assert "64 xã" in ans.answer


@pytest.mark.parametrize("question", [
    "Năm 2023 Lai Châu đặt chỉ tiêu giá trị hàng hoá xuất khẩu bao nhiêu triệu USD?",
    "nam 2023 lai chau dat chi tieu gia tri hang hoa xuat khau bao nhieu trieu usd",
])
def test_an_amount_asked_in_dollars_is_not_answered_with_one_in_dong(bot, question):
    # Lai Châu's directive states GRDP per head in đồng ("52,9 triệu đồng"), no export value in USD
    ans = bot.answer(question)
    assert_not_found(ans)
    assert "triệu đồng" not in ans.answer


def test_an_amount_in_dollars_the_directive_states_is_answered(bot):
    ans = bot.answer("Năm 2023 Sơn La đặt chỉ tiêu giá trị hàng hóa xuất khẩu bao nhiêu triệu USD?")
    assert "184 triệu USD" in ans.answer


@pytest.fixture(scope="module")
def fund_bot(tmp_path_factory):
    return assistant_over(tmp_path_factory, {"doc1.txt": "thong-tu-so-33-2026-tt-btc-469255.txt"})  # deposit insurer's funds


@pytest.mark.parametrize("question", [
    "Thông tư 33/2026/TT-BTC quy định vốn điều lệ của Bảo hiểm tiền gửi Việt Nam bao nhiêu tỷ đồng?",
    "thong tu 33/2026/TT-BTC quy dinh von dieu le cua bao hiem tien gui viet nam bao nhieu ty dong",
])
def test_an_amount_asked_in_billions_of_dong_is_not_answered_with_a_percentage(fund_bot, question):
    # the circular sets shares of the charter capital ("100%", "20%"), not the capital itself
    ans = fund_bot.answer(question)
    assert_not_found(ans)
    assert "%" not in ans.answer


def test_an_amount_in_billions_of_dong_the_directive_states_is_answered(bot):
    assert "4.800 tỷ đồng" in bot.answer("Năm 2023 Sơn La đặt chỉ tiêu thu ngân sách bao nhiêu tỷ đồng?").answer


@pytest.mark.parametrize("question", [
    "Số xã đạt chuẩn nông thôn mới kiểu mẫu năm 2024 của Sơn La là bao nhiêu?",
    "so xa dat chuan nong thon moi kieu mau nam 2024 cua son la",
])
def test_the_model_grade_of_a_programme_is_not_answered_by_its_plain_standard(bot, question):
    # Sơn La 2024 counts the communes meeting the new-rural standard (70 xã), none of its "kiểu mẫu" grade
    ans = bot.answer(question)
    assert_not_found(ans)
    assert "70 xã" not in ans.answer
    assert "70 xã" in bot.answer("Số xã đạt chuẩn nông thôn mới năm 2024 của Sơn La là bao nhiêu?").answer


@pytest.mark.parametrize(
    "question",
    ["Tỷ lệ tiêm chủng năm 2024 của Sơn La", "Tỷ lệ tiêm chủng năm 2024 của Sơn La là bao nhiêu?"],
)
def test_a_rate_the_directive_does_not_state_is_not_answered_with_another_rate(bot, question):
    ans = bot.answer(question)
    assert_not_found(ans)
    assert "28 %" not in ans.answer


@pytest.mark.parametrize(
    "question",
    ["ty le lao dong co chung chi nam 2024 cua son la", "Tỷ lệ lao động có chứng chỉ năm 2024 của Sơn La"],
)
def test_the_rate_the_directive_states_is_answered_without_bao_nhieu(bot, question):
    ans = bot.answer(question)
    assert not ans.abstained
    assert "28 %" in ans.answer


_SCHOLARSHIPS = """BỘ GIÁO DỤC VÀ ĐÀO TẠO
Số: 93/2026/TT-BGDĐT
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 12 tháng 3 năm 2026

THÔNG TƯ
Quy định về học bổng khuyến khích học tập

Điều 1. Phạm vi điều chỉnh
Thông tư này quy định về học bổng khuyến khích học tập đối với học sinh trường chuyên.
Điều 2. Mức học bổng
Mức học bổng bằng 01 lần học phí một tháng.
Điều 3. Xét cấp học bổng
1. Học bổng được xét cấp theo từng học kỳ.
2. Hiệu trưởng quyết định danh sách học sinh được nhận học bổng.
Điều 4. Hiệu lực thi hành
Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 5 năm 2026.

BỘ TRƯỞNG
Nguyễn Văn An
"""


@pytest.fixture(scope="module")
def with_scholarships(tmp_path_factory):
    from bot import Assistant

    full = assistant_over(tmp_path_factory, _FILES, {"doc6.txt": _SCHOLARSHIPS})
    # a six-document library: a word in 8 of its ~1,200 parts is as rare as one the 205-document library has in 40
    return Assistant(full.corpus, full.index, retriever="bm25", tuning=replace(AnswerTuning(), support_rare_idf=4.5))


def test_a_rare_word_typed_without_marks_must_stand_whole_in_the_answer(with_scholarships):
    # folded, "hoc" and "bong" stand apart in the directive's clauses ("trường học"): "học bổng" does not, and the
    # library's circular on scholarships is no Sơn La document
    ans = with_scholarships.answer("chi tieu hoc bong nam 2024 cua son la")
    assert_not_found(ans)
    assert "hoc bong" in ans.answer  # says what the clauses lack, as typed


@pytest.mark.parametrize(
    "question",
    ["chi tieu tang truong GRDP son la nam 2022", "Chỉ tiêu tăng trưởng GRDP Sơn La năm 2022"],
)
def test_a_verb_typed_without_marks_is_not_required_whole(bot, question):
    # "tăng trưởng" is said in part ("GRDP … tăng 7,2%"): read as the library spells it, it is a verb, not a noun
    ans = bot.answer(question)
    assert not ans.abstained
    assert "7,2%" in ans.answer


@pytest.mark.parametrize(
    "question",
    [
        "Khoản 5 Điều 3 Nghị định 38/2022/NĐ-CP quy định mức lương tối thiểu giờ vùng I là bao nhiêu?",
        "khoan 5 dieu 3 nghi dinh 38/2022/ND-CP quy dinh muc luong toi thieu gio vung I la bao nhieu",
        "Điều 9 Nghị định 38/2022/NĐ-CP quy định gì về mức lương tối thiểu?",
    ],
)
def test_a_clause_the_named_document_does_not_have_is_said_missing(bot, question):
    ans = bot.answer(question)
    assert_not_found(ans)
    assert "38/2022/NĐ-CP" in ans.answer
    assert "khoản 5 điều 3" in ans.answer or "điều 9" in ans.answer
    assert "22.500" not in ans.answer


def test_the_same_question_on_a_clause_it_has_is_answered(bot):
    ans = bot.answer("Khoản 1 Điều 3 Nghị định 38/2022/NĐ-CP quy định mức lương tối thiểu giờ vùng I là bao nhiêu?")
    assert not ans.abstained
    assert ans.citations[0].clause.startswith("Điều 3, khoản 1")


@pytest.mark.parametrize(
    "question",
    ["Ai ký quyết định khen thưởng anh hùng lao động?", "ai ky quyet dinh khen thuong anh hung lao dong"],
)
def test_a_signer_asked_of_no_document_is_not_answered_with_any_document_s_signer(bot, question):
    # the question names no document the library holds and describes none: no document's signer is offered
    ans = bot.answer(question)
    assert_not_found(ans)
    assert not ans.clarify
    assert "Phạm Bình Minh" not in ans.answer


_FEES = """BỘ TÀI CHÍNH
Số: 94/2026/TT-BTC
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 15 tháng 3 năm 2026

THÔNG TƯ
Quy định mức thu phí, lệ phí trong lĩnh vực đường thủy nội địa

Điều 1. Phạm vi điều chỉnh
Thông tư này quy định mức thu phí, lệ phí trong lĩnh vực đường thủy nội địa.
Điều 2. Mức thu
1. Phí ra, vào cảng, bến thủy nội địa đối với phương tiện chở hàng là 5.000 đồng/chuyến.
2. Lệ phí cấp giấy chứng nhận khả năng chuyên môn thuyền trưởng là 50.000 đồng/lần.
3. Phí thẩm định hồ sơ mở bến thủy nội địa là 300.000 đồng/hồ sơ.
Điều 3. Hiệu lực thi hành
Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 5 năm 2026.

BỘ TRƯỞNG
Nguyễn Văn Bình
"""


@pytest.fixture(scope="module")
def fees_bot(tmp_path_factory):
    return assistant_over(tmp_path_factory, texts={"doc1.txt": _FEES})


@pytest.mark.parametrize(
    "question",
    [
        "Phí neo đậu tại bến thủy nội địa là bao nhiêu?",
        "Lệ phí đăng ký phương tiện thủy nội địa là bao nhiêu?",
        "Lệ phí đăng ký phương tiện thuỷ nội địa là bao nhiêu?",  # old-style tone mark
    ],
)
def test_a_fee_is_named_by_what_it_pays_for(fees_bot, question):
    # another fee of the same circular ("phí ra, vào cảng", "lệ phí cấp giấy chứng nhận") is no answer
    ans = fees_bot.answer(question)
    assert_not_found(ans)
    assert "5.000" not in ans.answer and "50.000" not in ans.answer


@pytest.mark.parametrize(
    ("question", "value"),
    [
        ("Phí thẩm định hồ sơ mở bến thủy nội địa là bao nhiêu?", "300.000"),
        ("Lệ phí cấp giấy chứng nhận khả năng chuyên môn thuyền trưởng là bao nhiêu?", "50.000"),
    ],
)
def test_the_fee_the_circular_names_is_answered(fees_bot, question, value):
    ans = fees_bot.answer(question)
    assert not ans.abstained
    assert value in ans.answer


@pytest.fixture(scope="module")
def titles_scorer() -> Scorer:
    """A library where "danh hiệu" and "chiến sĩ" are rare, and the general words common."""
    parts = [f"Quy định chung về tiêu chuẩn xét số {i} của cơ quan." for i in range(3000)]
    parts += [f"Xét tặng danh hiệu thi đua đợt {i}." for i in range(6)]
    parts += [f"Hạ sĩ quan, chiến sĩ nghĩa vụ đợt {i}." for i in range(6)]
    parts += [f"Chiếm {i} phần trăm." for i in range(6)]
    return Scorer(parts)


def test_choices_none_of_which_holds_a_rare_noun_of_the_question_are_not_offered(titles_scorer):
    # each choice says "chiến sĩ"; none says "danh hiệu": none answers the question, so no choice is offered
    q = read_question("Tiêu chuẩn xét tặng danh hiệu Chiến sĩ thi đua cơ sở gồm những gì?")
    offered = [_found("Hạ sĩ quan, chiến sĩ nghĩa vụ công an nhân dân."),
               _found("Cán bộ, chiến sĩ vào cơ sở khám bệnh, chữa bệnh.")]
    assert [n.phrase for n in unheld_nouns(q, offered, titles_scorer, AnswerTuning())] == ["danh hiệu"]
    offered.append(_found("Danh hiệu Chiến sĩ thi đua cơ sở được xét tặng hằng năm."))
    assert unheld_nouns(q, offered, titles_scorer, AnswerTuning()) == ()


def test_the_share_an_amount_is_asked_in_is_no_noun_a_choice_must_hold(titles_scorer):
    q = read_question("Tỷ lệ danh hiệu đạt bao nhiêu phần trăm?")
    offered = [_found("Danh hiệu đạt 60,9%."), _found("Danh hiệu đạt 63,3%.")]
    assert unheld_nouns(q, offered, titles_scorer, AnswerTuning()) == ()


@pytest.fixture(scope="module")
def probation_scorer() -> Scorer:
    """A library where "thử" (thử việc) and "đẳng" (cao đẳng) are rare, and time, work and level common."""
    parts = [f"Quy định chung về thời gian, công việc và trình độ của người lao động số {i}." for i in range(3000)]
    parts += [f"Thử việc đợt {i}." for i in range(6)]
    parts += [f"Đào tạo cao đẳng khóa {i}." for i in range(6)]
    return Scorer(parts)


@pytest.mark.parametrize("question", [
    "Thời gian thử việc tối đa đối với công việc cần trình độ cao đẳng là bao lâu?",
    "Đối với công việc cần trình độ cao đẳng, thời gian thử việc tối đa là bao lâu?",
    "Thời gian thử việc của người làm công việc cần trình độ cao đẳng tối đa là bao lâu?",
])
def test_what_the_question_is_about_is_its_words_outside_the_qualifiers(probation_scorer, question):
    # "thử việc" is asked about; "cao đẳng" only says which probation (after "đối với", "của")
    assert [n.phrase for n in head_words(read_question(question), probation_scorer, AnswerTuning())] == ["thử"]


def test_a_choice_sharing_only_the_qualifier_lacks_what_the_question_is_about(probation_scorer):
    q = read_question("Thời gian thử việc tối đa đối với công việc cần trình độ cao đẳng là bao lâu?")
    wanted = head_words(q, probation_scorer, AnswerTuning())
    probation = _found("Không quá 60 ngày đối với công việc cần trình độ chuyên môn từ cao đẳng trở lên.",
                       title="Bộ luật Lao động: thử việc")
    course = _found("Thời gian đào tạo trình độ cao đẳng là 03 năm.", title="Thông tư về đào tạo")
    assert gaps(wanted, probation) == ()
    assert [n.phrase for n in gaps(wanted, course)] == ["thử"]


def test_a_subject_with_a_qualifier_still_asks_what_is_said_of_it(library_scorer):
    # "ở nước ngoài" qualifies the subject; "lệ phí" after "phải nộp" is what is asked
    q = read_question("Người lao động đi làm việc ở nước ngoài phải nộp lệ phí bao nhiêu?")
    assert "lệ" in [n.phrase for n in head_words(q, library_scorer, AnswerTuning())]


@pytest.mark.parametrize("question", ["Giá xăng là bao nhiêu?", "gia xang nam 2024 la bao nhieu", "Mức giá vé tham quan là bao nhiêu?"])
def test_a_price_asked_needs_an_amount_of_money_not_a_quantity_of_the_priced_thing(library_scorer, question):
    # "giá" is what something costs: "0,2 lít xăng/km … theo giá xăng" names the price and states no price
    wanted = needs(read_question(question), library_scorer, AnswerTuning())
    fuel = "Hỗ trợ chi phí xăng xe: 0,2 lít xăng/km tính theo giá xăng tại thời điểm tổ chức."
    assert "unit" in [n.kind for n in gaps(wanted, _quoted(fuel, fuel))]
    assert [n for n in wanted if n.kind == "unit" and n.pattern.search(fold("giá vé 50.000 đồng/người"))]


@pytest.mark.parametrize("question", ["Giá trị hàng hóa xuất khẩu năm 2023 là bao nhiêu?",
                                      "Giá xăng tăng bao nhiêu phần trăm?", "Tham gia bảo hiểm bao nhiêu năm?"])
def test_a_value_a_rise_or_a_word_that_only_sounds_like_a_price_asks_no_money(library_scorer, question):
    wanted = needs(read_question(question), library_scorer, AnswerTuning())
    assert not [n for n in wanted if n.kind == "unit" and n.phrase == "số tiền"]


@pytest.mark.parametrize("question", ["Hộ kinh doanh được giảm thuế bao nhiêu phần trăm?",
                                      "ho kinh doanh duoc giam thue bao nhieu phan tram"])
def test_a_percentage_asked_is_not_answered_with_an_amount_of_money_quoted_beside_a_percentage(question):
    """The words quoted hold a "%" (a tax rate of another line), but the figure answered is "01 tỷ đồng"."""
    scorer = Scorer([f"Quy định chung số {i}." for i in range(3000)])
    wanted = needs(read_question(question), scorer, AnswerTuning())
    text = "Áp dụng đối với hộ kinh doanh có doanh thu năm từ 01 tỷ đồng trở xuống; thuế suất 1% doanh thu."
    money = replace(_found(text), short="01 tỷ đồng")
    assert [n.kind for n in gaps(wanted, money)] == ["unit"]
    assert not gaps(wanted, replace(_found(text), short="1%"))


@pytest.mark.parametrize("question", [
    "Nghị định 38/2022/NĐ-CP hướng dẫn khoản 5 Điều 46 Bộ luật Lao động thế nào?",  # another document's article
    "Theo Nghị định 38/2022/NĐ-CP, người lao động đạt điểm 8 trở lên được hưởng lương vùng nào?",  # a score
])
def test_a_clause_of_another_document_or_a_score_is_not_said_missing_from_the_named_one(bot, question):
    assert "Không tìm thấy khoản" not in bot.answer(question).answer
    assert "Không tìm thấy điểm" not in bot.answer(question).answer


_WATERWAY_FEES = """BỘ TÀI CHÍNH
Số: 77/2026/TT-BTC
Hà Nội, ngày 10 tháng 3 năm 2026
THÔNG TƯ
Quy định lệ phí trong lĩnh vực đường thủy nội địa
Điều 1. Phạm vi điều chỉnh
Thông tư này quy định lệ phí trong lĩnh vực đường thủy nội địa.
Điều 2. Đăng ký phương tiện thủy nội địa
1. Tổ chức, cá nhân nộp hồ sơ tại cơ quan đăng ký.
2. Lệ phí cấp bản sao giấy chứng nhận là 20.000 đồng/lần.
Điều 3. Hiệu lực thi hành
Thông tư này có hiệu lực từ ngày 01 tháng 5 năm 2026.
BỘ TRƯỞNG
Nguyễn Văn Thắng
"""


def test_a_fee_s_act_in_an_article_heading_does_not_make_another_fee_of_the_article_its_fee(tmp_path_factory):
    """The heading says "Đăng ký phương tiện"; the only fee set under it is for a copy of the certificate."""
    bot = assistant_over(tmp_path_factory, texts={"doc1.txt": _WATERWAY_FEES})
    assert_not_found(bot.answer("Lệ phí đăng ký phương tiện thủy nội địa là bao nhiêu?"))
    assert bot.answer("Lệ phí cấp bản sao giấy chứng nhận là bao nhiêu?").answer.startswith("20.000 đồng/lần")


def test_a_rare_name_of_the_question_must_stand_in_the_clause():
    """ "Thái Lan" (a name) narrows the question as a rare noun does; a province the question names says where,
    which the scope decides."""
    parts = [f"Quy định chung về lao động và tiền lương số {i} tại Sơn La." for i in range(3000)]
    parts += [f"Lao động giúp việc gia đình số {i} ký hợp đồng; đoàn khách Thái Lan số {i}." for i in range(6)]
    scorer = Scorer(parts)
    q = read_question("Mức lương của lao động giúp việc gia đình đi Thái Lan tại Sơn La là bao nhiêu?")
    words = {n.phrase for n in needs(q, scorer, AnswerTuning()) if n.kind == "word"}
    assert "Thái Lan" in words and "Sơn La" not in words
    wanted = [n for n in needs(q, scorer, AnswerTuning()) if n.kind == "word"]
    assert gaps(wanted, _found("Mức lương tối thiểu vùng I là 4.680.000 đồng/tháng.")) != ()


# ----------------------------------------------------------------- answers the documents do give are not declined

@pytest.mark.parametrize(
    "question",
    [
        "Nếu ngày cuối cùng của hạn nhận báo cáo trùng ngày nghỉ lễ thì hạn nhận báo cáo là ngày nào?",
        "neu ngay cuoi cung cua han nhan bao cao trung ngay nghi le thi han nhan bao cao la ngay nao",
    ],
)
def test_a_day_said_by_what_it_is_answers_which_day(library_scorer, question):
    """ "Ngày đi làm đầu tiên sau kỳ nghỉ lễ" names a day as well as "ngày 10/4" does; words naming none do not."""
    wanted = [n for n in needs(read_question(question), library_scorer, AnswerTuning()) if n.kind == "unit"]
    assert [n.phrase for n in wanted] == ["ngày"]
    text = ("Nếu ngày cuối cùng của thời hạn nhận báo cáo trùng ngày nghỉ lễ thì thời hạn nhận báo cáo là ngày đi "
            "làm đầu tiên sau kỳ nghỉ lễ.")
    assert gaps(wanted, _quoted(text, "thời hạn nhận báo cáo là ngày đi làm đầu tiên sau kỳ nghỉ lễ")) == ()
    late = "Báo cáo gửi chậm thì thời hạn nhận báo cáo được kéo dài theo đề nghị của đơn vị."
    assert gaps(wanted, _quoted(late, "thời hạn nhận báo cáo được kéo dài theo đề nghị của đơn vị")) != ()


@pytest.fixture(scope="module")
def funds_scorer() -> Scorer:
    parts = [f"Quy định chung về tài chính số {i} của doanh nghiệp." for i in range(3000)]
    parts += [f"Trích quỹ khen thưởng phúc lợi lần {i} theo quy định." for i in range(5)]
    return Scorer(parts)


@pytest.mark.parametrize(
    "question",
    [
        "Được trích tối đa mấy tháng lương thực hiện cho quỹ khen thưởng, phúc lợi?",
        "duoc trich toi da may thang luong thuc hien cho quy khen thuong, phuc loi",
    ],
)
def test_a_comma_ends_the_name_of_an_amount(funds_scorer, question):
    """ "quỹ khen thưởng, phúc lợi" is two funds listed, not a "thưởng" narrowed by "phúc lợi": a clause on "hai quỹ
    khen thưởng, quỹ phúc lợi" answers."""
    wanted = needs(read_question(question), funds_scorer, AnswerTuning())
    assert not [n for n in wanted if n.kind == "narrowing"]
    said = "được trích không quá 02 tháng lương thực hiện cho hai quỹ khen thưởng, quỹ phúc lợi"
    assert not [n for n in gaps(wanted, _quoted(f"Doanh nghiệp xếp loại B {said}.", said)) if n.kind == "narrowing"]


def test_a_count_is_not_answered_with_an_amount_of_money(library_scorer):
    """ "dưới bao nhiêu ghế" asks a number of seats: "10.000 đồng/chuyến" (the fee of a row naming seats) is none."""
    wanted = needs(read_question("Tàu chở khách dưới bao nhiêu ghế thì được miễn lệ phí?"), library_scorer,
                   AnswerTuning())
    assert [n for n in wanted if n.kind == "counted"]
    row = "Phương tiện chở khách có sức chở từ 13 ghế đến 50 ghế: 10.000 đồng/chuyến."
    assert [n for n in gaps(wanted, _quoted(row, "10.000 đồng/chuyến")) if n.kind == "counted"]
    free = "Phương tiện chở khách dưới 13 ghế được miễn lệ phí."
    assert not [n for n in gaps(wanted, _quoted(free, "dưới 13 ghế")) if n.kind == "counted"]

    # a money answer stands when the words quoted count nothing the question counts ("bao nhiêu mới phải" counts none)
    prize = needs(read_question("Giải thưởng trên bao nhiêu mới phải tính thuế?"), library_scorer, AnswerTuning())
    rule = "Thu nhập từ trúng thưởng là phần giá trị giải thưởng vượt trên 10 triệu đồng mà người nộp thuế nhận được."
    assert not [n for n in gaps(prize, _quoted(rule, "trên 10 triệu đồng")) if n.kind == "counted"]


# ----------------------------------------------------------------- cases of a set, some of them asked

@pytest.mark.parametrize(
    "question",
    ["Mức đóng bảo hiểm xã hội và bảo hiểm y tế là bao nhiêu?",
     "muc dong bao hiem xa hoi va bao hiem y te la bao nhieu"],
)
def test_a_question_naming_two_cases_of_a_set_is_not_answered_from_the_third(library_scorer, question):
    wanted = needs(read_question(question), library_scorer, AnswerTuning())
    other = "Mức đóng bảo hiểm thất nghiệp bằng 1% tiền lương tháng."
    assert "case" in [n.kind for n in gaps(wanted, _quoted(other, other))]
    asked = "Mức đóng bảo hiểm y tế bằng 4,5% tiền lương tháng."
    assert "case" not in [n.kind for n in gaps(wanted, _quoted(asked, asked))]


def test_a_count_of_a_unit_of_measure_is_answered_in_that_unit_and_no_other(grid_scorer):
    from bot.support import _count_patterns

    tons, days = _count_patterns("tấn"), _count_patterns("doanh nghiệp")
    assert tons[0].search("khoảng 30 tấn hàng hóa") and not tons[0].search("trong 30 ngày")
    assert not days[0].search("trong 30 ngày") and days[0].search("có 30 doanh nghiệp")
    assert _count_patterns("TAN") == tons  # a unit typed without marks is the same unit
