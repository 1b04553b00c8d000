"""Conversations: a follow-up keeps what it does not change; a new topic inherits nothing; one best document."""

from __future__ import annotations

import pytest

from bot import Assistant, get_settings
from tests.fakes import ask_in_turn


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    settings = get_settings(index_dir=tmp_path_factory.mktemp("index"), retriever="bm25")
    return Assistant.load(settings)




@pytest.mark.parametrize(
    "first",
    ["Chỉ tiêu tỷ lệ hộ nghèo năm 2024 của Sơn La?", "chi tieu ty le ho ngheo nam 2024 cua son la"],
)
@pytest.mark.parametrize(
    "unrelated",
    ["Mức lương cơ sở năm 2024 là bao nhiêu?", "Giá xăng năm 2024 là bao nhiêu?", "gia xang nam 2024 la bao nhieu"],
)
def test_an_out_of_library_question_after_a_turn_is_abstained_on(bot, first, unrelated):
    _, ans = ask_in_turn(bot, first, unrelated)
    assert ans.abstained
    assert "11,41%" not in ans.answer and not ans.citations


def test_a_new_topic_does_not_inherit_the_previous_answer(bot):
    _, ans = ask_in_turn(bot, "Chỉ tiêu tỷ lệ hộ nghèo năm 2024 của Sơn La?", "Thu ngân sách năm 2023 là bao nhiêu?")
    assert "15,66%" not in ans.answer  # the 2023 poverty rate
    assert "4.800 tỷ đồng" in ans.answer
    assert len(ans.citations) <= 5


@pytest.mark.parametrize(
    ("followups", "value", "doc"),
    [
        (("Còn năm 2023 thì sao?",), "15,66%", "son-la-2023"),
        (("con nam 2023 thi sao",), "15,66%", "son-la-2023"),
        (("Năm 2022?",), "19,74%", "son-la-2022"),
        (("Còn năm 2023 thì sao?", "Năm 2022?"), "19,74%", "son-la-2022"),
    ],
)
def test_an_elliptical_followup_changes_only_the_scope_it_names(bot, followups, value, doc):
    answers = ask_in_turn(bot, "Chỉ tiêu tỷ lệ hộ nghèo năm 2024 của Sơn La?", *followups)
    last = answers[-1]
    assert not last.abstained
    assert value in last.answer
    assert {c.doc_id for c in last.citations} == {doc}


def test_another_province_keeps_the_indicator(bot):
    _, ans = ask_in_turn(bot, "Chỉ tiêu tỷ lệ hộ nghèo năm 2023 của Sơn La?", "Còn Lai Châu?")
    assert {c.doc_id for c in ans.citations} == {"lai-chau-2023"}
    assert "hộ nghèo" in ans.answer


def test_another_agency_replaces_the_agency_and_keeps_the_scope(bot):
    _, ans = ask_in_turn(bot, "Sở Nội vụ tỉnh Sơn La có trách nhiệm gì năm 2023?",
                   "Còn Sở Thông tin và Truyền thông thì sao?")
    assert {c.doc_id for c in ans.citations} == {"son-la-2023"}
    assert "Thông tin và Truyền thông" in ans.answer


def test_old_style_tone_marks_in_a_followup(bot):
    _, ans = ask_in_turn(bot, "Ủy ban MTTQ tỉnh Sơn La năm 2024 được đề nghị làm gì?", "Còn năm 2023 thì sao?")
    assert {c.doc_id for c in ans.citations} == {"son-la-2023"}


def test_an_unknown_province_in_a_followup_is_abstained_on(bot):
    _, ans = ask_in_turn(bot, "Chỉ tiêu tỷ lệ hộ nghèo năm 2024 của Sơn La?", "Còn Điện Biên?")
    assert ans.abstained and "Điện Biên" in ans.answer


def test_a_former_province_after_the_merger_is_read_as_the_merged_one(bot):
    ans = bot.answer("Chỉ tiêu tỷ lệ hộ nghèo của Hà Nam năm 2026?")
    assert ans.abstained
    assert "Ninh Bình" in ans.answer and "Hà Nam" in ans.answer


def test_documents_answering_differently_are_offered_as_choices(bot):
    ans = bot.answer("Chỉ tiêu thu ngân sách trên địa bàn năm 2023 là bao nhiêu?")
    assert {c.doc_id for c in ans.clarify} == {"son-la-2023", "lai-chau-2023"}
    assert "4.800 tỷ đồng" in ans.answer and "2.450 tỷ đồng" in ans.answer
    payload = ans.to_dict()["clarify"]
    assert {"label", "doc_id", "province", "year"} <= set(payload[0])


def test_a_single_document_answer_offers_no_choice(bot):
    ans = bot.answer("Chỉ tiêu tỷ lệ hộ nghèo năm 2024 của Sơn La?")
    assert ans.clarify == () and ans.to_dict()["clarify"] == []


def test_an_internal_error_is_raised_not_turned_into_an_abstention(bot, monkeypatch):
    def broken(*args, **kwargs):
        raise RuntimeError("index broken")

    monkeypatch.setattr(bot.index, "search", broken)
    with pytest.raises(RuntimeError):
        bot.answer("Chỉ tiêu tỷ lệ hộ nghèo năm 2024 của Sơn La?")


def test_a_followup_about_this_document_stays_in_the_document_answered_from(bot):
    first, ans = ask_in_turn(bot, "Ai ký chỉ thị thi đua năm 2023 của Lai Châu?", "Văn bản này ban hành ngày nào?")
    assert {c.doc_id for c in first.citations} == {"lai-chau-2023"}
    assert {c.doc_id for c in ans.citations} == {"lai-chau-2023"}
    assert "27/01/2023" in ans.answer


def test_a_question_on_its_own_topic_after_a_signer_question_is_read_alone(bot):
    _, ans = ask_in_turn(bot, "Ai ký chỉ thị thi đua năm 2023 của Sơn La?", "Thời tiết ở Sơn La tuần này thế nào?")
    assert ans.abstained and "Hoàng Quốc Khánh" not in ans.answer


@pytest.mark.parametrize(
    ("first", "switch"),
    [("Chỉ tiêu tỷ lệ hộ nghèo năm 2024 của Sơn La?", "Thu ngân sách năm 2023 là bao nhiêu?"),
     ("chi tieu ty le ho ngheo nam 2024 cua son la", "thu ngan sach nam 2023 la bao nhieu")],
)
def test_a_topic_switch_after_a_target_question_never_carries_its_number(bot, first, switch):
    before, ans = ask_in_turn(bot, first, switch)
    assert "11,41%" in before.answer
    assert not ans.abstained
    assert "11,41%" not in ans.answer and "15,66%" not in ans.answer


@pytest.mark.parametrize("other", ["Còn Lai Châu?", "con lai chau thi sao?"])
def test_another_province_keeps_the_year_and_says_when_it_has_no_document_for_it(bot, other):
    *_, ans = ask_in_turn(bot, "Thu nhập bình quân đầu người năm 2023 của Sơn La phấn đấu đạt bao nhiêu?", "Năm 2022?", other)
    assert ans.abstained and not ans.citations
    assert "52,9" not in ans.answer  # Lai Châu's 2023 figure is not its 2022 one
    assert "của Lai Châu năm 2023" in ans.answer


@pytest.mark.parametrize("outside", ["Còn giá xăng thì sao?", "con gia xang thi sao", "Giá vàng miếng hôm nay là bao nhiêu?"])
def test_an_out_of_library_followup_is_abstained_on(bot, outside):
    _, ans = ask_in_turn(bot, "Chỉ tiêu tỷ lệ hộ nghèo năm 2024 của Sơn La?", outside)
    assert ans.abstained and "11,41%" not in ans.answer and not ans.citations


def test_a_question_several_documents_answer_is_answered_from_the_one_under_discussion(bot):
    _, ans = ask_in_turn(bot, "Tỷ lệ hộ nghèo năm 2023 của Lai Châu giảm bao nhiêu?",
                   "Chỉ tiêu thu ngân sách trên địa bàn năm 2023 là bao nhiêu?")
    assert {c.doc_id for c in ans.citations} == {"lai-chau-2023"} and not ans.clarify
    assert "2.450 tỷ đồng" in ans.answer and "4.800" not in ans.answer


def test_this_document_after_an_abstained_turn_is_still_the_one_answered_from(bot):
    *_, ans = ask_in_turn(bot, "Ai ký chỉ thị thi đua năm 2023 của Lai Châu?", "Giá vàng miếng hôm nay là bao nhiêu?",
                    "Văn bản này ban hành ngày nào?")
    assert {c.doc_id for c in ans.citations} == {"lai-chau-2023"}
    assert "27/01/2023" in ans.answer


# ----------------------------------------------------------------- a follow-up naming a new subject

@pytest.fixture(scope="module")
def labour_bot(tmp_path_factory):
    from tests.fakes import assistant_over

    return assistant_over(tmp_path_factory, {"doc1.txt": "nghi-dinh-so-137-2026-nd-cp-469361.txt",  # multi-level sales
                                             "doc2.txt": "nghi-quyet-so-45-2019-qh14-30232.txt",  # the Labour Code
                                             "doc3.txt": "nghi-dinh-so-145-2020-nd-cp-32732.txt"})  # its decree


@pytest.mark.parametrize("followup", ["Còn hộ kinh doanh?", "Còn hộ kinh doanh thì sao?", "con ho kinh doanh thi sao"])
def test_a_followup_naming_a_subject_no_clause_mentions_is_declined(labour_bot, followup):
    """The Labour Code says nothing of household businesses' annual leave: "hộ" (folded "ho", as in "hồ sơ") is
    part of the new subject, so "180 ngày … quản lý doanh nghiệp … kinh doanh" is no answer."""
    first, ans = ask_in_turn(labour_bot, "Người lao động được nghỉ hằng năm bao nhiêu ngày?", followup)
    assert not first.abstained
    assert ans.abstained and not ans.citations
    assert "180 ngày" not in ans.answer and "kinh doanh" in ans.answer  # says what the clauses lack


def test_the_new_subject_asked_again_is_still_required(labour_bot):
    """Typed again without marks after the decline, "hộ kinh doanh" is no longer new to the conversation: it is still
    what the clause must say."""
    *_, ans = ask_in_turn(labour_bot, "Người lao động được nghỉ hằng năm bao nhiêu ngày?", "Còn hộ kinh doanh?",
                          "con ho kinh doanh thi sao")
    assert ans.abstained and not ans.citations and "180 ngày" not in ans.answer


@pytest.mark.parametrize("first", ["GRDP của Lai Châu năm 2023 phấn đấu tăng khoảng bao nhiêu?",
                                   "grdp cua lai chau nam 2023 phan dau tang khoang bao nhieu"])
def test_another_province_then_another_year_follow_the_province_asked(bot, first):
    # Lai Châu writes "khoảng 9,0%", Sơn La "tăng 7,5%": the asker's "khoảng" is no word Sơn La must say,
    # and "Còn năm 2022?" after Sơn La asks Sơn La's 2022 directive, not Lai Châu's series.
    lai_chau, son_la, year = ask_in_turn(bot, first, "Còn Sơn La?", "Còn năm 2022?")
    assert "9,0%" in lai_chau.answer
    assert not son_la.abstained and son_la.answer.startswith("7,5%")
    assert {c.province for c in son_la.citations} == {"Sơn La"}
    assert not year.abstained and year.answer.startswith("7,2%")
    assert {(c.province, c.year) for c in year.citations} == {("Sơn La", 2022)}


def test_a_hedged_amount_is_answered_like_the_plain_question(bot):
    hedged = bot.answer("GRDP của Sơn La năm 2023 phấn đấu tăng tầm bao nhiêu?")
    plain = bot.answer("GRDP của Sơn La năm 2023 phấn đấu tăng bao nhiêu?")
    assert not hedged.abstained and hedged.answer == plain.answer


@pytest.fixture(scope="module")
def repeal_bot(tmp_path_factory):
    from tests.fakes import assistant_over

    # a circular repealing older circulars, one of them on the Sơn La hydropower plant's workers
    return assistant_over(tmp_path_factory, {"doc1.txt": "thong-tu-so-18-2022-tt-bldtbxh-37982.txt"})


def test_a_national_document_named_by_number_is_not_hidden_by_a_province_it_is_about(repeal_bot):
    first, signer = ask_in_turn(
        repeal_bot,
        "Thông tư 18/2022/TT-BLĐTBXH bãi bỏ toàn bộ thông tư nào về chế độ ăn giữa ca cho công nhân xây dựng "
        "công trình thủy điện Sơn La?",
        "Thông tư 18 đó do ai ký?",
    )
    assert not first.abstained and "37/2009/TT-LĐTBXH" in first.answer
    assert {c.number for c in first.citations} == {"18/2022/TT-BLĐTBXH"}
    assert "Lê Văn Thanh" in signer.answer and {c.number for c in signer.citations} == {"18/2022/TT-BLĐTBXH"}


def test_a_province_the_named_national_document_never_mentions_is_declined(repeal_bot):
    ans = repeal_bot.answer("Thông tư 18/2022/TT-BLĐTBXH bãi bỏ thông tư nào về tiền lương công nhân thủy điện ở Lai Châu?")
    assert ans.abstained and "Lai Châu" in ans.answer


@pytest.mark.parametrize("first", ["Số bác sỹ trên 10.000 dân năm 2022 của Sơn La là bao nhiêu?",
                                   "so bac sy tren 10000 dan son la nam 2022"])
@pytest.mark.parametrize("pointer", ["Lai Châu năm 2023 đặt chỉ tiêu này là bao nhiêu?",
                                     "lai chau nam 2023 dat chi tieu nay la bao nhieu"])
def test_this_indicator_in_another_province_is_the_indicator_asked_not_any_other(bot, first, pointer):
    # Lai Châu's directive sets no doctors-per-10,000 target: "chỉ tiêu này" is that indicator, not its GRDP growth
    _, ans = ask_in_turn(bot, first, pointer)
    assert ans.abstained and not ans.citations
    assert "9,0%" not in ans.answer


def test_this_indicator_in_another_year_is_answered_from_that_years_directive(bot):
    _, ans = ask_in_turn(bot, "Số bác sỹ trên 10.000 dân năm 2022 của Sơn La là bao nhiêu?",
                         "Sơn La năm 2023 đặt chỉ tiêu này là bao nhiêu?")
    assert "8,6 bác sỹ" in ans.answer
    assert {c.doc_id for c in ans.citations} == {"son-la-2023"}


@pytest.fixture(scope="module")
def stage_bot(tmp_path_factory):
    from tests.fakes import assistant_over

    return assistant_over(tmp_path_factory, {
        "doc1.txt": "quyet-dinh-so-892-qd-ttg-469579.txt",  # a scheme with stage 1 (2026-2028) and stage 2 (2029-2031)
        "doc2.txt": "thong-tu-so-7-2026-tt-bnv-469694.txt",  # consultants' monthly pay, levels 1 to 4
        "doc3.txt": "thong-tu-so-24-2022-tt-bldtbxh-38574.txt",  # in-kind allowance, levels 1 to 4 ("yếu tố có hại")
        "doc4.txt": "nghi-dinh-so-139-2026-nd-cp-469377.txt",  # a long decree: words are as rare as in a library
    })


_STAGE_1 = ("Giai đoạn 2026 - 2028, Đề án bồi dưỡng cán bộ làm công tác đối ngoại phấn đấu bao nhiêu phần trăm cán bộ "
            "làm đối ngoại thường xuyên được bồi dưỡng?")


def test_the_regular_case_is_not_answered_from_the_occasional_one(stage_bot):
    ans = stage_bot.answer(_STAGE_1)
    assert not ans.abstained
    assert "không thường xuyên" not in ans.citations[0].text[slice(*ans.citations[0].span)]


@pytest.mark.parametrize("followup", ["Còn giai đoạn 2?", "con giai doan 2"])
def test_another_stage_is_answered_from_the_items_under_its_heading(stage_bot, followup):
    _, ans = ask_in_turn(stage_bot, _STAGE_1, followup)
    assert not ans.abstained
    assert "70% - 80%" in ans.answer


def test_a_stage_the_scheme_does_not_have_is_declined_after_one_it_has(stage_bot):
    *_, ans = ask_in_turn(stage_bot, _STAGE_1, "Còn giai đoạn 2?", "Giai đoạn 3 thì sao?")
    assert ans.abstained and "70% - 80%" not in ans.answer


@pytest.mark.parametrize("question", [
    "Theo Thông tư 07/2026/TT-BNV, chuyên gia tư vấn mức 1 được tính lương tối đa bao nhiêu một tháng?",
    "theo thong tu 07/2026/TT-BNV chuyen gia tu van muc 1 duoc tinh luong toi da bao nhieu mot thang",
])
def test_a_level_asked_is_answered_from_that_level_not_from_an_exception(stage_bot, question):
    ans = stage_bot.answer(question)
    assert "70.000.000" in ans.answer
    assert "1,5 lần" not in ans.answer.split(". Theo ")[0]


@pytest.fixture(scope="module")
def repeal_pair_bot(tmp_path_factory):
    from tests.fakes import assistant_over

    return assistant_over(tmp_path_factory, {
        "doc1.txt": "thong-tu-so-28-2026-tt-btc-469231.txt",  # ends 25/2021/TT-BTC (khoản 2) and 62/2023/TT-BTC (khoản 3)
        "doc2.txt": "thong-tu-so-18-2022-tt-bldtbxh-37982.txt",  # repeals other circulars
        "doc3.txt": "thong-tu-so-15-2024-tt-bldtbxh-43951.txt",
    })


def test_which_other_asks_the_document_under_discussion_not_every_document(repeal_pair_bot):
    _, ans = ask_in_turn(repeal_pair_bot, "Thông tư 28/2026/TT-BTC làm hết hiệu lực thông tư nào?",
                         "Có bãi bỏ văn bản nào khác không?")
    assert not ans.clarify  # never a choice among every document that repeals something
    assert {c.doc_id for c in ans.citations} <= {"doc1"}


_LEVEL_1 = "Mức 1 bồi dưỡng bằng hiện vật cho người lao động làm việc có yếu tố nguy hiểm, độc hại là bao nhiêu?"


@pytest.mark.parametrize("followup", ["Còn mức 3?", "con muc 3"])
def test_another_level_need_not_repeat_the_words_the_conversation_already_matched(stage_bot, followup):
    # the item "c) Mức 3: 26.000 đồng" does not say "độc hại" again (its circular writes "yếu tố có hại")
    first, ans = ask_in_turn(stage_bot, _LEVEL_1, followup)
    assert "13.000 đồng" in first.answer
    assert not ans.abstained and "26.000 đồng" in ans.answer


def test_a_level_the_circular_does_not_have_is_still_declined(stage_bot):
    _, ans = ask_in_turn(stage_bot, _LEVEL_1, "Còn mức 5?")
    assert ans.abstained and not ans.citations


def test_a_level_after_a_declined_one_is_still_read_with_the_words_matched_before(stage_bot):
    # "Còn mức 5?" is declined; "Còn mức 4?" then asks the scale answered two turns back, not nothing
    first, missing, ans = ask_in_turn(stage_bot, _LEVEL_1, "Còn mức 5?", "Còn mức 4?")
    assert "13.000 đồng" in first.answer and missing.abstained
    assert not ans.abstained and ans.answer.startswith("32.000 đồng")


@pytest.mark.parametrize("narrowed", ["Riêng lao động nữ thì bao nhiêu?", "rieng lao dong nu thi bao nhieu"])
def test_a_case_the_directive_does_not_give_separately_is_declined_not_answered_from_another_document(bot, narrowed):
    # "Riêng X" narrows the jobs target to X: Lai Châu's directive gives no figure for women, and no other
    # document's figure answers that question
    first, ans = ask_in_turn(bot, "Năm 2023 Lai Châu đặt mục tiêu giải quyết việc làm cho bao nhiêu lao động?", narrowed)
    assert "8.440" in first.answer
    assert ans.abstained and not ans.citations


# ----------------------------------------------------------------- "Riêng …": a case of the same indicator

_POOR = "Lai Châu năm 2023 đặt mức giảm tỷ lệ hộ nghèo bao nhiêu?"


@pytest.mark.parametrize("follow", ["Riêng các huyện nghèo thì sao?", "rieng cac huyen ngheo thi sao"])
def test_a_case_the_clause_gives_separately_gets_its_own_figure_not_the_previous_one(bot, follow):
    # "mức giảm tỷ lệ hộ nghèo 3,6%, riêng các huyện nghèo giảm 5,1%": the figure the case stands before
    first, ans = ask_in_turn(bot, _POOR, follow)
    assert "3,6%" in first.answer
    short = ans.answer.split(" Theo ")[0]
    assert not ans.abstained and "5,1%" in short and "3,6%" not in short


@pytest.mark.parametrize("follow", ["Riêng các xã biên giới thì sao?", "Riêng đồng bào dân tộc thiểu số thì sao?"])
def test_a_case_the_directive_does_not_give_is_declined_never_answered_with_the_previous_figure(bot, follow):
    _, ans = ask_in_turn(bot, _POOR, follow)
    assert ans.abstained and "3,6%" not in ans.answer and "5,1%" not in ans.answer


def test_a_case_named_elsewhere_in_a_long_clause_does_not_carry_the_previous_figure(bot):
    # Sơn La 2023 names "đồng bào dân tộc thiểu số" in another sentence of the same item: 52,4 triệu is not theirs
    answers = ask_in_turn(bot, "Sơn La năm 2023 đặt thu nhập bình quân đầu người bao nhiêu?",
                          "Còn thu nhập bình quân của nông dân?", "Riêng đồng bào dân tộc thiểu số thì sao?")
    assert "52,4" in answers[0].answer
    assert all(a.abstained and "52,4" not in a.answer for a in answers[1:])


@pytest.mark.parametrize(
    "turns",
    [("Năm 2023 Sơn La đặt chỉ tiêu thu nhập bình quân bao nhiêu?", "Tỉnh đó đặt chỉ tiêu thu ngân sách bao nhiêu?",
      "Năm đó Lai Châu thì sao?"),
     ("nam 2023 son la dat chi tieu thu nhap binh quan bao nhieu", "tinh do dat chi tieu thu ngan sach bao nhieu",
      "nam do lai chau thi sao")],
)
def test_that_province_with_a_new_indicator_asks_the_new_indicator(bot, turns):
    # "Tỉnh đó" keeps Sơn La; "thu ngân sách" is asked, not the income again (it was declined as a repeat)
    first, revenue, other = ask_in_turn(bot, *turns)
    assert "52,4 triệu" in first.answer
    assert not revenue.abstained and "4.800 tỷ đồng" in revenue.answer and "52,4" not in revenue.answer
    # and the next province is asked the revenue, not Lai Châu's GRDP per head (52,9 triệu đồng)
    assert "2.450 tỷ đồng" in other.answer and "52,9" not in other.answer
    assert {c.doc_id for c in other.citations} == {"lai-chau-2023"}


@pytest.mark.parametrize(
    ("first", "wrong"),
    [("Năm 2023 Lai Châu đặt chỉ tiêu GRDP bình quân đầu người bao nhiêu?", "7,5%"),
     ("Năm 2023 Sơn La đặt chỉ tiêu thu nhập bình quân bao nhiêu?", "52,9"),
     ("nam 2023 son la dat chi tieu thu nhap binh quan bao nhieu", "52,9")],
)
def test_another_province_without_the_indicator_is_declined_not_answered_with_a_neighbour(bot, first, wrong):
    # Sơn La sets no GRDP per head (its clause has "GRDP … tăng 7,5%" and "thu nhập bình quân … đồng/người/năm"),
    # Lai Châu no average income (it has "GRDP bình quân đầu người khoảng 52,9 triệu đồng")
    other = "Còn Sơn La?" if "Lai Châu" in first else "Còn Lai Châu?"
    _, ans = ask_in_turn(bot, first, other)
    assert ans.abstained and not ans.citations
    assert wrong not in ans.answer


def test_another_province_naming_the_indicator_in_other_words_around_it_is_still_answered(bot):
    # "tỷ lệ trường đạt chuẩn quốc gia" (Sơn La) is "tỷ lệ trường chuẩn quốc gia" in Lai Châu's directive
    _, ans = ask_in_turn(bot, "Tỷ lệ trường đạt chuẩn quốc gia năm 2023 của Sơn La?", "Còn Lai Châu?")
    assert "60,9%" in ans.answer
    assert {c.doc_id for c in ans.citations} == {"lai-chau-2023"}


def test_another_province_is_answered_the_indicator_only_by_the_words_quoted(bot):
    # Lai Châu's clause says "thúc đẩy xuất khẩu hàng địa phương" but sets no export target: its GRDP growth (9,0%),
    # quoted from the same clause, is no answer to "Còn Lai Châu?" after Sơn La's export target
    *_, ans = ask_in_turn(bot, "Sơn La năm 2022 đặt mục tiêu thu ngân sách trên địa bàn bao nhiêu?",
                          "Tỉnh này năm đó đặt chỉ tiêu xuất khẩu bao nhiêu?", "Năm 2023 thì sao?", "Còn Lai Châu?")
    assert ans.abstained and not ans.citations
    assert "9,0%" not in ans.answer


def test_a_duty_said_among_others_in_another_province_is_still_answered(bot):
    # Lai Châu: "theo dõi việc thực hiện Chỉ thị"; Sơn La 2023: "theo dõi, kiểm tra, đôn đốc việc thực hiện Chỉ thị"
    _, ans = ask_in_turn(bot, "Cơ quan nào theo dõi việc thực hiện Chỉ thị thi đua năm 2023 của Lai Châu?", "Còn Sơn La?")
    assert "Sở Nội vụ" in ans.answer
    assert {c.doc_id for c in ans.citations} == {"son-la-2023"}


@pytest.mark.parametrize("pointer", ["Tỉnh đó đặt tỷ lệ trường đạt chuẩn quốc gia bao nhiêu?",
                                     "Tinh do dat ty le truong dat chuan quoc gia bao nhieu?"])
def test_that_province_is_asked_in_the_year_under_discussion_never_in_every_year(bot, pointer):
    _, ans = ask_in_turn(bot, "Sơn La năm 2022 đặt chỉ tiêu thu ngân sách bao nhiêu?", pointer)
    assert ans.abstained  # the 2022 directive sets no such rate; 2023 and 2024 do
    assert "63,3%" not in ans.answer and "66,1%" not in ans.answer and not ans.citations
    _, ans = ask_in_turn(bot, "Sơn La năm 2022 đặt chỉ tiêu thu ngân sách bao nhiêu?",
                         "Tỉnh đó đặt tỷ lệ hộ nghèo bao nhiêu?")
    assert "19,74%" in ans.answer and {c.doc_id for c in ans.citations} == {"son-la-2022"}


def test_another_indicator_written_with_its_abbreviation_is_answered_from_the_same_directive(bot):
    _, ans = ask_in_turn(bot, "Lai Châu năm 2023 đặt chỉ tiêu thu ngân sách trên địa bàn bao nhiêu?",
                         "Còn GRDP bình quân đầu người?")
    assert "52,9 triệu đồng" in ans.answer and "2.450" not in ans.answer.split(" Theo ")[0]


def test_that_year_asking_what_the_directive_does_not_say_never_gets_the_clause_just_quoted(bot):
    _, _, ans = ask_in_turn(bot, "Công chức bị kỷ luật giáng chức bị kéo dài nâng bậc lương bao lâu?",
                            "Lai Châu năm 2023 thực hiện nhiệm vụ thành viên của cụm thi đua nào?",
                            "Năm đó tỉnh nào làm cụm trưởng?")
    assert ans.abstained and "Cụm thi đua 7 tỉnh" not in ans.answer


def test_a_document_pointer_may_be_answered_by_the_clause_just_quoted_when_it_says_what_is_asked(bot):
    _, ans = ask_in_turn(bot, "Chỉ tiêu kinh tế - xã hội năm 2023 của Sơn La được giao theo quyết định nào của UBND tỉnh?",
                         "Quyết định đó ban hành ngày nào?")
    assert not ans.abstained and "09/12/2022" in ans.answer
