"""Look-alikes that name another case of a set ("hộ chiếu phổ thông" for the row "hộ chiếu (ngoại giao, công vụ)",
"buổi tối" for "buổi trưa", "cảng biển" for "cảng, bến thủy nội địa") and counts answered with a figure in a unit of
measure ("bao nhiêu doanh nghiệp" → "30 ngày") are declined; the case or count the documents do state is answered.
Real gazette texts, copied under neutral names (metadata comes from the text)."""

from __future__ import annotations

import pytest

from bot.answerers import Found
from bot.query import read_question
from bot.segments import Scorer
from bot.support import gaps, needs
from bot.tuning import AnswerTuning
from tests.fakes import assert_not_found, assistant_over, found_in

_FILES = {
    "doc1.txt": "thong-tu-so-28-2026-tt-btc-469231.txt",  # passport fees: new, renewal of diplomatic/official ones
    "doc2.txt": "nghi-dinh-so-188-2026-nd-cp-469662.txt",  # boarding pupils: rice for midday day-boarders
    "doc3.txt": "thong-tu-so-39-2026-tt-btc-469256.txt",  # fees at inland-waterway ports (no sea ports)
    "doc4.txt": "nghi-dinh-so-137-2026-nd-cp-469361.txt",  # multi-level selling: deposits, 30 working days
}


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    return assistant_over(tmp_path_factory, _FILES)


@pytest.mark.parametrize(
    "question",
    [
        "Lệ phí gia hạn hộ chiếu phổ thông là bao nhiêu?",
        "le phi gia han ho chieu pho thong la bao nhieu",
    ],
)
def test_an_ordinary_passport_is_not_answered_with_the_diplomatic_renewal_fee(bot, question):
    ans = bot.answer(question)
    assert not ans.answer.startswith("100.000")
    assert "ngoại giao, công vụ" not in ans.answer.split("\n")[0]
    if ans.citations:  # over these few documents a row on visas may be read; the renewal row never is
        assert all("ngoại giao" not in c.text for c in ans.citations)


@pytest.mark.parametrize(
    "question",
    ["Lệ phí gia hạn hộ chiếu ngoại giao là bao nhiêu?", "le phi gia han ho chieu ngoai giao la bao nhieu"],
)
def test_the_diplomatic_renewal_fee_is_answered(bot, question):
    ans = bot.answer(question)
    assert not ans.abstained and "100.000" in ans.answer and ans.citations[0].doc_id == "doc1"


@pytest.mark.parametrize(
    "question",
    [
        "Học sinh bán trú buổi tối được hỗ trợ bao nhiêu kg gạo mỗi tháng?",
        "hoc sinh ban tru buoi toi duoc ho tro bao nhieu kg gao moi thang",
    ],
)
def test_an_evening_or_breakfast_case_is_not_answered_with_the_midday_one(bot, question):
    ans = bot.answer(question)
    assert_not_found(ans)
    assert "8 kg" not in ans.answer.split("\n")[0] and "450.000" not in ans.answer.split("\n")[0]


@pytest.mark.parametrize(
    "question",
    ["Học sinh bán trú buổi trưa được hỗ trợ mấy kg gạo một tháng?", "hoc sinh ban tru buoi trua duoc ho tro may kg gao"],
)
def test_the_midday_rice_is_answered(bot, question):
    ans = bot.answer(question)
    assert not ans.abstained and "8 kg" in ans.answer


@pytest.mark.parametrize(
    "question",
    [
        "Tàu biển ra, vào cảng biển mà không bốc dỡ hàng hóa thì phí trọng tải tính bằng bao nhiêu phần trăm mức thu?",
        "Tàu biển vào cảng biển để sửa chữa thì trọng tải tính phí lấy bao nhiêu phần trăm trọng tải lớn nhất?",
    ],
)
def test_a_sea_port_is_not_answered_from_the_inland_waterway_fees(bot, question):
    ans = bot.answer(question)
    assert_not_found(ans)
    assert "70%" not in ans.answer.split("\n")[0] and "50%" not in ans.answer.split("\n")[0]


def test_the_inland_waterway_repair_case_is_answered(bot):
    ans = bot.answer("Phương tiện thủy vào cảng, bến thủy nội địa để sửa chữa thì trọng tải tính phí bằng bao nhiêu "
                     "phần trăm?")
    assert not ans.abstained and "50%" in ans.answer


def test_a_count_of_firms_is_not_answered_with_a_time_limit(bot):
    ans = bot.answer("Có bao nhiêu doanh nghiệp bán hàng đa cấp phải ký quỹ?")
    assert ans.abstained
    assert "30 ngày" not in ans.answer.split("\n")[0]


# ----------------------------------------------------------------- the needs themselves, on clauses written here

def _found(text: str, short: str = "", title: str = "Quy định về phí, lệ phí") -> Found:
    return found_in(text, short=short, title=title)


@pytest.fixture(scope="module")
def scorer() -> Scorer:
    return Scorer([f"Quy định chung số {i} về phí, lệ phí và hộ chiếu." for i in range(50)])


@pytest.mark.parametrize(
    ("question", "other", "same"),
    [
        ("Lệ phí cấp hộ chiếu phổ thông là bao nhiêu?", "Cấp hộ chiếu ngoại giao: 100.000 đồng.",
         "Cấp hộ chiếu phổ thông: 200.000 đồng."),
        ("Tỷ lệ bao phủ bảo hiểm xã hội năm 2026 là bao nhiêu?", "Tỷ lệ bao phủ bảo hiểm y tế năm 2026 đạt 95,5%.",
         "Tỷ lệ bao phủ BHXH năm 2026 đạt 45%."),
        ("Quỹ chi tối đa bao nhiêu cho người đã thành niên là bị hại?",
         "Chi tối đa 100 lần mức lương cơ sở cho người chưa thành niên là bị hại.",
         "Chi tối đa 10 lần mức lương cơ sở cho người đã thành niên là bị hại."),
        ("Viên chức bị cảnh cáo thì kéo dài thời gian nâng bậc lương bao lâu?",
         "Bị khiển trách thì kéo dài 03 tháng.", "Bị cảnh cáo thì kéo dài 06 tháng."),
    ],
)
def test_another_case_of_the_set_alone_is_unmet_the_case_asked_is_met(scorer, question, other, same):
    wanted = [n for n in needs(read_question(question), scorer, AnswerTuning()) if n.kind == "case"]
    assert wanted
    assert gaps(wanted, _found(other)) != ()
    assert gaps(wanted, _found(same)) == ()
    # naming no case of the set, in a document on the subject (its title the question's words): not judged; a
    # document never naming the subject ("hộ chiếu", "bảo hiểm") is another matter (tests/bot/test_support_bounds.py)
    assert gaps(wanted, _found("Mức thu là 100.000 đồng.", title=question)) == ()


def test_a_case_the_question_names_too_is_no_rival(scorer):
    q = read_question("Cơ quan bảo hiểm xã hội tạm ứng bao nhiêu phần trăm chi phí khám chữa bệnh bảo hiểm y tế?")
    wanted = [n for n in needs(q, scorer, AnswerTuning()) if n.kind == "case"]
    assert gaps(wanted, _found("Tạm ứng 90% chi phí khám bệnh, chữa bệnh bảo hiểm y tế theo quyết toán quý trước.")) == ()


@pytest.mark.parametrize(
    ("question", "short"),
    [("Bao nhiêu học sinh nội trú được hỗ trợ tiền ăn?", "1.170.000 đồng"),
     ("bao nhieu hoc sinh noi tru duoc ho tro tien an", "1.170.000 đồng"),
     ("Có bao nhiêu doanh nghiệp phải ký quỹ?", "30 ngày làm việc"),
     ("Bao nhiêu xã đạt chuẩn nông thôn mới?", "TNBQn-1")],
)
def test_a_count_is_no_figure_in_a_unit_of_measure_nor_a_symbol(scorer, question, short):
    wanted = [n for n in needs(read_question(question), scorer, AnswerTuning()) if n.kind == "counted"]
    assert wanted
    assert gaps(wanted, _found(f"Có {short} theo quy định.", short=short)) != ()
    assert gaps(wanted, _found("Có 120 theo quy định.", short="120")) == ()


def test_a_count_of_a_unit_itself_is_met_by_a_figure_in_it(scorer):
    wanted = [n for n in needs(read_question("Mỗi tháng được cấp bao nhiêu tấn gạo?"), scorer, AnswerTuning())
              if n.kind == "counted"]
    assert all(gaps([n], _found("Cấp 15 tấn gạo.", short="15 tấn")) == () for n in wanted)


# ----------------------------------------------------------------- a class of places the question narrows to

@pytest.mark.parametrize(
    "question",
    [
        "Năm 2022, tỉnh đặt mức giảm tỷ lệ hộ nghèo ở các huyện nghèo là bao nhiêu?",
        "nam 2022 tinh dat muc giam ty le ho ngheo o cac huyen ngheo la bao nhieu",
        "Tỷ lệ hộ nghèo tại các xã đặc biệt khó khăn giảm bao nhiêu?",
    ],
)
def test_a_class_of_places_asked_must_be_named_by_the_clause(scorer, question):
    wanted = [n for n in needs(read_question(question), scorer, AnswerTuning()) if n.kind == "place"]
    assert wanted
    province = "Tỷ lệ hộ nghèo theo chuẩn nghèo giai đoạn 2021-2025 là 19,74% (giảm 3% so với năm 2021)."
    assert gaps(wanted, _found(province)) != ()
    named = ("Tỷ lệ hộ nghèo giảm 3%; riêng các huyện nghèo giảm 4%, các xã, thôn, bản đặc biệt khó khăn giảm "
             "4,5%.")
    assert gaps(wanted, _found(named)) == ()


@pytest.mark.parametrize(("question", "own", "others"), [
    ("Năm 2022, tỉnh đặt mức giảm tỷ lệ hộ nghèo ở các huyện nghèo là bao nhiêu?", "4%", ("3%",)),
    ("Tỷ lệ hộ nghèo tại các xã đặc biệt khó khăn giảm bao nhiêu?", "4,5%", ("3%", "4%")),
])
def test_the_value_answered_for_a_class_of_places_is_the_one_it_stands_before(scorer, question, own, others):
    # the province's 3% was answered for the poor districts, their words standing after it (a review finding)
    wanted = [n for n in needs(read_question(question), scorer, AnswerTuning()) if n.kind == "place"]
    named = ("Tỷ lệ hộ nghèo giảm 3%; riêng các huyện nghèo giảm 4%, các xã, thôn, bản đặc biệt khó khăn giảm "
             "4,5%.")
    assert gaps(wanted, _found(named, short=own)) == ()
    assert all(gaps(wanted, _found(named, short=x)) != () for x in others)


@pytest.mark.parametrize(
    "question",
    ["Mức lương tối thiểu giờ ở vùng IV là bao nhiêu?", "Chỉ tiêu thu ngân sách ở xã Mường Chà là bao nhiêu?",
     "Tỷ lệ hộ nghèo ở các huyện năm 2022 là bao nhiêu?"],
)
def test_a_label_a_name_or_a_bare_place_noun_is_no_class_of_places(scorer, question):
    assert not [n for n in needs(read_question(question), scorer, AnswerTuning()) if n.kind == "place"]


# ----------------------------------------------------------------- "tiền … là bao nhiêu" asks an amount of money

@pytest.mark.parametrize(
    "question",
    ["Mỗi học sinh bán trú được hỗ trợ tiền ăn sáng mỗi tháng là bao nhiêu?",
     "moi hoc sinh ban tru duoc ho tro tien an sang moi thang la bao nhieu",
     "Tiền thuốc cho mỗi người là bao nhiêu một ngày?"],
)
def test_money_for_something_is_not_answered_with_kilograms_of_rice(scorer, question):
    wanted = [n for n in needs(read_question(question), scorer, AnswerTuning()) if n.kind == "unit"]
    assert wanted
    assert gaps(wanted, _found("Mỗi học sinh được hỗ trợ mỗi tháng 8 kg gạo.", short="8 kg")) != ()
    assert gaps(wanted, _found("Mỗi học sinh được hỗ trợ mỗi tháng 450.000 đồng.", short="450.000 đồng")) == ()


def test_a_duration_asked_about_a_payment_stays_a_duration(scorer):
    wanted = needs(read_question("Thời hạn nộp tiền ký quỹ là bao nhiêu ngày?"), scorer, AnswerTuning())
    units = [n for n in wanted if n.kind == "unit"]
    assert units and all(n.phrase != "số tiền" for n in units)


def test_a_count_whose_figure_the_quote_gives_in_a_currency_is_unmet(scorer):
    wanted = [n for n in needs(read_question("Bao nhiêu học sinh nội trú được hỗ trợ tiền ăn mỗi tháng?"), scorer,
                               AnswerTuning()) if n.kind == "counted"]
    quote = "trừ tiền ăn, ở từ lương hàng tháng cao hơn 2.500 Đài tệ/tháng"
    assert gaps(wanted, _found(quote, short="hơn 2.500")) != ()
    assert gaps(wanted, _found("Có 2.500 học sinh nội trú được hỗ trợ.", short="2.500")) == ()
