"""Who does what in a directive, and indicator targets asked the way officials ask them, over the five seed
directives (lexical retriever): "Sở X chủ trì việc gì?" is answered with Sở X's task, not with its partner;
"báo cáo … cho ai?" with the recipient, "… qua cơ quan nào?" with the body the report goes through; a figure for
every worker is no figure for women, and a paragraph naming "xuất khẩu" in one sentence and the GRDP growth in
another sets no export value."""

from __future__ import annotations

import pytest

from bot import Assistant, get_settings


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    settings = get_settings(index_dir=tmp_path_factory.mktemp("index"), retriever="bm25")
    return Assistant.load(settings)


def _lead(ans) -> str:
    """What the answer says before it quotes ("Sở Nội vụ. Theo Chỉ thị …" → "Sở Nội vụ.")."""
    return ans.answer.split("Theo ")[0]


@pytest.mark.parametrize(
    "question",
    [
        "Sở Thông tin và Truyền thông Lai Châu chủ trì việc gì theo chỉ thị thi đua 2023?",
        "so thong tin va truyen thong lai chau chu tri viec gi",
        "Sở Thông tin và Truyền thông tỉnh Lai Châu chủ trì những nhiệm vụ nào?",
    ],
)
def test_what_a_department_leads_is_its_task_not_its_partner(bot, question):
    ans = bot.answer(question)
    assert not ans.abstained
    assert "Sở Văn hóa" not in _lead(ans)  # the partner it works with is no answer to what it leads
    assert "cơ quan thông tin đại chúng" in ans.answer
    assert ans.citations[0].clause == "mục 6, điểm c"


@pytest.mark.parametrize(
    ("question", "recipient"),
    [
        ("Năm 2022 Sở Nội vụ Sơn La báo cáo kết quả thực hiện phong trào thi đua cho ai?", "Chủ tịch UBND tỉnh"),
        ("so noi vu son la 2023 bao cao ket qua thi dua cho ai", "Chủ tịch Uỷ ban nhân dân tỉnh"),
    ],
)
def test_whom_a_report_goes_to_is_the_recipient_not_the_partner(bot, question, recipient):
    ans = bot.answer(question)
    assert _lead(ans).startswith(recipient)
    assert "Văn phòng" not in _lead(ans)


@pytest.mark.parametrize(
    "question",
    [
        "Các đơn vị ở Lai Châu báo cáo kết quả thực hiện chỉ thị thi đua qua cơ quan nào?",
        "lai chau yeu cau cac don vi bao cao ket qua thuc hien chi thi qua co quan nao",
    ],
)
def test_the_body_a_report_goes_through(bot, question):
    ans = bot.answer(question)
    assert _lead(ans).startswith("Sở Nội vụ")
    assert ("lai-chau-2023", "phần kết") in [(c.doc_id, c.clause) for c in ans.citations]


@pytest.mark.parametrize(
    "question",
    ["Lai Châu năm 2023 tạo việc làm cho bao nhiêu lao động nữ?", "lai chau nam 2023 giai quyet viec lam cho bao nhieu lao dong nu"],
)
def test_a_figure_for_every_worker_is_no_figure_for_women(bot, question):
    ans = bot.answer(question)
    assert ans.abstained and "8.440" not in ans.answer


def test_the_jobs_target_itself_is_still_answered(bot):
    ans = bot.answer("Năm 2023 Lai Châu đặt chỉ tiêu giải quyết việc làm cho bao nhiêu người?")
    assert ans.answer.startswith("8.440 lao động")


@pytest.mark.parametrize(
    "question",
    ["Chỉ tiêu giá trị xuất khẩu của Lai Châu năm 2023 là bao nhiêu?", "chi tieu gia tri xuat khau lai chau nam 2023"],
)
def test_growth_quoted_beside_an_export_word_is_no_export_value(bot, question):
    ans = bot.answer(question)
    assert ans.abstained and "9,0%" not in ans.answer


@pytest.mark.parametrize(
    "question",
    ["Kim ngạch xuất khẩu Sơn La năm 2022 là bao nhiêu?", "kim ngach xuat khau son la nam 2022 la bao nhieu"],
)
def test_export_turnover_is_the_value_of_goods_exported(bot, question):
    ans = bot.answer(question)
    assert ans.answer.startswith("174 triệu USD")


@pytest.mark.parametrize(
    ("question", "value"),
    [
        ("Lai Châu phấn đấu thu ngân sách năm 2023 được bao nhiêu tỷ?", "2.450 tỷ đồng"),
        ("son la 2023 thu ngan sach tren dia ban bao nhieu ty", "4.800 tỷ đồng"),
    ],
)
def test_how_many_billion_is_asked_in_dong(bot, question, value):
    ans = bot.answer(question)
    assert ans.answer.startswith(value)


@pytest.mark.parametrize(
    "question",
    ["Trưởng khối các Khối thi đua ở Lai Châu phải xây dựng những gì?",
     "truong khoi cac khoi thi dua o lai chau phai xay dung nhung gi"],
)
def test_asked_for_several_things_the_answer_reads_on_to_the_items_after_the_first(bot, question):
    # "xây dựng kế hoạch tổ chức các hoạt động khối; bảng tiêu chí chấm điểm thi đua; …": the first part alone
    # leaves out the second thing to build
    ans = bot.answer(question)
    assert "kế hoạch tổ chức các hoạt động khối" in ans.answer
    assert "bảng tiêu chí chấm điểm thi đua" in ans.answer


@pytest.mark.parametrize(
    "question",
    ["Thủ trưởng các sở, ban, ngành Lai Châu phải xây dựng kế hoạch gì?",
     "Thủ trưởng các sở và Chủ tịch UBND các huyện ở Lai Châu cần chú ý tới những chỉ số nào?"],
)
def test_the_tasks_after_an_items_opening_agency_are_that_agencys(bot, question):
    # "a) Thủ trưởng các sở, ban, ngành …, Chủ tịch Ủy ban nhân dân các huyện …; Giám đốc … xây dựng kế hoạch …":
    # the question repeats who acts; what they do is said after the names, which alone answer nothing
    ans = bot.answer(question)
    assert not ans.abstained
    assert not ans.answer.rstrip("”.").endswith("các huyện, thành phố")
    assert ans.citations[0].clause == "mục 6, điểm a"


def test_after_a_declined_export_value_the_next_indicator_is_asked_on_its_own(bot):
    # "quốc gia" shares no word with "giá trị": the follow-up is not read as "… quốc giá trị xuất khẩu"
    from tests.fakes import ask_in_turn

    *_, declined, ans = ask_in_turn(bot, "Lai Châu đặt chỉ tiêu thu ngân sách trên địa bàn năm 2023 bao nhiêu?",
                                    "Còn giá trị xuất khẩu?", "Còn tỷ lệ trường chuẩn quốc gia?")
    assert declined.abstained
    assert ans.answer.startswith("60,9%")


def test_a_partner_asked_with_how_closely_is_still_the_partner(bot):
    ans = bot.answer("Ủy ban Mặt trận Tổ quốc Lai Châu được đề nghị phối hợp chặt chẽ với ai?")
    # the body asked about is no partner of its own; the partners ("cấp ủy, chính quyền") are quoted
    assert "Mặt trận" not in _lead(ans)
    assert "phối hợp chặt chẽ với cấp ủy, chính quyền các cấp" in ans.answer
