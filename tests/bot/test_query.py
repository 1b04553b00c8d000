from __future__ import annotations

import pytest

from bot.query import read_question
from corpus.text import fold

KNOWN = ("Sơn La", "Lai Châu", "Hà Nam")


def q(text, previous=None):
    return read_question(text, known_provinces=KNOWN, previous=previous)


@pytest.mark.parametrize(
    "text",
    ["Chỉ tiêu tỷ lệ hộ nghèo năm 2024 của Sơn La?", "chi tieu ty le ho ngheo nam 2024 cua son la",
     "Chỉ tiêu tỷ lệ hộ nghèo năm 2024 của tỉnh SƠN LA?"],
)
def test_province_and_year_read_with_or_without_diacritics(text):
    got = q(text)
    assert got.provinces == ("Sơn La",)
    assert got.years == (2024,)
    assert got.kind == "target"


def test_nam_with_diacritics_is_not_the_province_ha_nam():
    got = q("Tỷ lệ hộ nghèo năm 2023 là bao nhiêu?")
    assert got.provinces == ()
    assert q("ty le ho ngheo ha nam nam 2023").provinces == ("Hà Nam",)


def test_old_style_tone_marks_read_the_same():
    assert q("Chỉ tiêu năm 2023 của Hoà Bình?").unknown_places == ("Hòa Bình",)


def test_a_province_not_in_the_corpus_is_reported_as_unknown():
    got = q("Chỉ tiêu hộ nghèo năm 2023 của Điện Biên?")
    assert got.provinces == ()
    assert got.unknown_places == ("Điện Biên",)


def test_several_years_and_ranges():
    got = q("Tỷ lệ hộ nghèo của Sơn La qua các năm 2022, 2023 và 2024?")
    assert got.years == (2022, 2023, 2024)
    assert got.kind == "comparison"
    assert q("Tỷ lệ hộ nghèo giai đoạn 2021-2025 năm 2024?").years == (2024,)
    assert q("Chỉ thị ngày 03/01/2024 nói gì về du lịch?").years == ()


def test_a_number_whose_symbol_has_lower_case_is_read_whole():
    assert read_question("Còn Chỉ thị 19/CT-TTg?").numbers == ("19/CT-TTg",)
    assert read_question("Quyết định 892/QĐ-TTg ngày nào").numbers == ("892/QĐ-TTg",)


def test_document_number_and_type():
    got = q("Ai ký Chỉ thị 01/CT-UBND của Lai Châu?")
    assert got.numbers == ("01/CT-UBND",)
    assert got.doc_types == ("Chỉ thị",)
    assert got.kind == "meta_signer"
    assert q("Thông tư 16/2023 quy định gì?").numbers == ("16/2023",)
    # a bare "nghị quyết" in a reference question does not narrow the documents
    assert q("Chỉ tiêu năm 2023 căn cứ theo nghị quyết nào?").doc_types == ()


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Cơ quan nào tổng hợp báo cáo kết quả thi đua năm 2024?", "agency"),
        ("co quan nao chu tri theo doi viec thuc hien chi thi", "agency"),
        ("Sở Nội vụ có trách nhiệm gì?", "duty"),
        ("Ai ký chỉ thị thi đua năm 2022 của Sơn La?", "meta_signer"),
        ("Chỉ thị của Lai Châu ban hành ngày nào?", "meta_date"),
        # still in force: only a clause on validity answers it, never a clause that shares the document's words
        ("Chỉ thị này còn hiệu lực không?", "effect"),
        ("nghi dinh 38/2022/ND-CP con hieu luc khong", "effect"),
        ("Số hiệu chỉ thị năm 2024 của Sơn La là gì?", "meta_number"),
        ("Chủ đề thi đua năm 2023 của Hà Nam là gì?", "meta_title"),
        ("Phương châm thi đua của Hà Nam?", "meta_title"),
        ("Những phong trào thi đua nào được phát động năm 2024?", "list"),
        ("So sánh tỷ lệ hộ nghèo năm 2023 giữa các tỉnh", "comparison"),
        ("Các chỉ tiêu năm 2023 của Sơn La căn cứ theo nghị quyết nào?", "reference"),
        # "ngày nào" asks the document's own date, not which document it cites (was read as "reference")
        ("Nghị định 38/2022/NĐ-CP ban hành ngày nào?", "meta_date"),
        ("nghi dinh 38/2022/ND-CP duoc ban hanh khi nao", "meta_date"),
        ("Thông tư 07/2026/TT-BNV kí ngày nào?", "meta_date"),
        ("Nghị định nào quy định mức lương tối thiểu ban hành ngày 12/6/2022?", "reference"),
        ("Quyết định đó ban hành ngày nào?", "reference"),  # a follow-up on a document the last answer cited
        ("GRDP bình quân đầu người năm 2024 đạt bao nhiêu?", "target"),
        # a deadline: "chậm nhất vào ngày nào" asks when a duty falls due, not when a document was issued
        ("Theo Thông tư 152/2025/TT-BTC, hộ kinh doanh phải nộp báo cáo chậm nhất vào ngày nào?", "duration"),
        ("ho kinh doanh phai nop to khai cham nhat vao ngay nao", "duration"),
        ("Quyết định 892/QĐ-TTg bắt đầu được thi hành từ lúc nào?", "effect"),
        ("Quyết định 892/QĐ-TTg ban hành ngày nào?", "meta_date"),
    ],
)
def test_kind_of_question(text, kind):
    assert q(text).kind == kind


def test_followup_keeps_topic_and_kind_and_changes_the_year():
    first = q("Chỉ tiêu tỷ lệ hộ nghèo năm 2024 của Sơn La?")
    follow = q("Còn năm 2023 thì sao?", previous=first)
    assert follow.followup
    assert follow.kind == "target"
    assert follow.years == (2023,)
    assert follow.provinces == ("Sơn La",)
    assert "hộ nghèo" in follow.topic


def test_followup_asking_another_role_keeps_the_scope():
    first = q("Cơ quan nào chủ trì tổng hợp báo cáo kết quả thi đua năm 2024 của Sơn La?")
    follow = q("Cơ quan nào phối hợp?", previous=first)
    assert follow.followup
    assert follow.kind == "agency"
    assert follow.years == (2024,) and follow.provinces == ("Sơn La",)
    assert follow.text == "Cơ quan nào phối hợp?"


def test_a_full_new_question_is_not_a_followup():
    first = q("Chỉ tiêu tỷ lệ hộ nghèo năm 2024 của Sơn La?")
    new = q("Sở Thông tin và Truyền thông có trách nhiệm gì trong chỉ thị của Lai Châu?", previous=first)
    assert not new.followup
    assert new.provinces == ("Lai Châu",)


def test_a_question_with_its_own_topic_inherits_nothing():
    first = q("Chỉ tiêu tỷ lệ hộ nghèo năm 2024 của Sơn La?")
    for text in ("Mức lương cơ sở năm 2024 là bao nhiêu?", "Thu ngân sách năm 2023 là bao nhiêu?"):
        new = q(text, previous=first)
        assert not new.followup and new.provinces == ()
        assert "nghèo" not in new.topic


def test_elliptical_followups_unaccented_and_by_agency():
    first = q("chi tieu ty le ho ngheo nam 2024 cua son la")
    assert q("con nam 2023 thi sao", previous=first).years == (2023,)
    duty = q("Sở Nội vụ có trách nhiệm gì năm 2023?")
    swap = q("Còn Sở Thông tin và Truyền thông thì sao?", previous=duty)
    assert swap.followup and swap.kind == "duty" and swap.years == (2023,)
    assert "Thông tin và Truyền thông" in swap.topic and "Nội vụ" not in swap.topic


def test_document_number_scopes_and_its_year_is_not_a_scope_year():
    got = q("Thông tư 16/2023/TT-BLĐTBXH có hiệu lực từ ngày nào?")
    assert "16/2023/TT-BLĐTBXH" in got.numbers and got.years == () and got.doc_types == ("Thông tư",)


def test_a_set_question_is_marked():
    assert q("Tỷ lệ hộ nghèo của Sơn La qua các năm?").about_set
    assert not q("Tỷ lệ hộ nghèo năm 2024 của Sơn La?").about_set


def test_an_issuer_named_as_the_issuer_scopes_the_question():
    assert q("Thông tư của Bộ Tài chính về thuế thu nhập cá nhân quy định gì?").issuers == ("Bộ Tài chính",)
    assert q("thong tu cua bo tai chinh ve thue quy dinh gi").issuers == ("Bộ Tài chính",)
    assert q("Chỉ thị của Thủ tướng Chính phủ về thuế?").issuers == ("Thủ tướng Chính phủ",)
    assert q("Sở Nội vụ có trách nhiệm gì?").issuers == ()  # an agency as the subject is not an issuer


def test_a_former_province_for_a_year_after_the_merger():
    got = q("Chỉ tiêu tỷ lệ hộ nghèo của Hà Nam năm 2026?")
    assert got.merged == (("Hà Nam", "Ninh Bình"),) and got.provinces == ()
    assert q("Chỉ tiêu tỷ lệ hộ nghèo của Hà Nam năm 2023?").provinces == ("Hà Nam",)


@pytest.mark.parametrize("text", ["Còn Lai Châu?", "con lai chau", "Còn Lai Châu thì sao?"])
def test_another_province_keeps_topic_kind_and_year(text):
    first = q("Thu nhập bình quân đầu người năm 2022 của Sơn La phấn đấu đạt bao nhiêu?")
    follow = q(text, previous=first)
    assert follow.followup and follow.elliptical
    assert follow.provinces == ("Lai Châu",) and follow.years == (2022,) and follow.inherited_years
    assert follow.kind == first.kind and "bình quân đầu người" in follow.topic


@pytest.mark.parametrize(
    ("text", "kind"),
    [("Nghị định này có hiệu lực khi nào?", "Nghị định"), ("nghi dinh nay co hieu luc khi nao", "Nghị định"),
     ("Văn bản này ban hành ngày nào?", ""), ("Thông tư nói trên thay thế văn bản nào?", "Thông tư")],
)
def test_a_pointer_to_the_document_keeps_its_own_question_and_names_the_kind(text, kind):
    first = q("Mức lương tối thiểu vùng I là bao nhiêu?")
    follow = q(text, previous=first)
    assert follow.followup and follow.same_document and not follow.elliptical
    assert follow.refers_to == kind
    assert "lương" not in follow.topic  # its own topic, not the previous one


@pytest.mark.parametrize(
    "text",
    ["Người đại diện theo pháp luật của doanh nghiệp đó cần ít nhất mấy năm kinh nghiệm?",
     "Hồ sơ này gồm những gì?", "nguoi dai dien cua doanh nghiep do can may nam kinh nghiem?"],
)
def test_a_pointer_to_something_named_before_stays_in_the_conversation(text):
    first = q("Doanh nghiệp dịch vụ đưa người lao động đi làm việc ở nước ngoài cần vốn điều lệ tối thiểu bao nhiêu?")
    follow = q(text, previous=first)
    assert follow.same_document and follow.followup
    assert "vốn điều lệ" not in follow.topic


@pytest.mark.parametrize(
    "text",
    ["Văn bản do Bộ Tài chính ban hành về thuế suất là gì?", "Doanh nghiệp do Nhà nước nắm giữ vốn điều lệ là gì?",
     "Thời tiết tuần này thế nào?", "Hàng hóa trên đường thủy nội địa là gì?"],
)
def test_words_that_only_look_like_pointers_start_a_new_question(text):
    first = q("Mức lương tối thiểu vùng I là bao nhiêu?")
    follow = q(text, previous=first)
    assert not follow.followup and not follow.same_document


@pytest.mark.parametrize(
    ("question", "number"),
    [
        ("Ho so cua nguoi lao dong di lam viec o nuoc ngoai theo Luat 69/2020/QH14 gom nhung giay to gi?", "69/2020/QH14"),
        ("Nghị quyết 89/2025/UBTVQH15 do ai ký?", "89/2025/UBTVQH15"),
    ],
)
def test_a_number_whose_symbol_ends_in_the_legislatures_term_is_read_whole(question, number):
    q = read_question(question)
    assert number in q.numbers
    assert not q.years  # the year inside the number is no scope year


@pytest.mark.parametrize(
    "question",
    [
        "Tổ chức muốn chứng nhận Halal nộp hồ sơ đăng ký hoạt động chứng nhận đến bộ nào?",
        "to chuc chung nhan halal nop ho so den bo nao",
    ],
)
def test_bo_nao_asks_for_an_agency(question):
    assert read_question(question).kind == "agency"


@pytest.mark.parametrize(("question", "kind"), [
    ("Lương cơ sở bao nhiêu?", "target"),  # "sở", not "số": an amount, not a document's number
    ("Mức lương cơ sở là bao nhiêu?", "target"),
    ("Chỉ thị thi đua năm 2024 của Sơn La số mấy?", "meta_number"),
    ("chi thi thi dua nam 2024 cua son la so may", "meta_number"),
    ("Số của chỉ thị thi đua Sơn La năm 2024 là gì?", "meta_number"),
])
def test_a_cue_written_with_marks_is_read_with_them(question, kind):
    assert read_question(question).kind == kind


@pytest.mark.parametrize(("question", "kind"), [
    # "khi … có hiệu lực" says from when; what is asked is the rest of the question
    ("Kể từ khi quyết định thành lập quỹ có hiệu lực, công ty có bao nhiêu ngày để đăng ký?", "duration"),
    ("ke tu khi giay phep co hieu luc cong ty co bao nhieu ngay de thong bao", "duration"),
    ("Hợp đồng đã ký trước khi thông tư mới có hiệu lực thì doanh nghiệp phải làm gì?", "duty"),
    ("Khi nào Thông tư 09/2026/TT-BNV có hiệu lực?", "effect"),
    ("Thông tư 09/2026/TT-BNV có hiệu lực từ ngày nào?", "effect"),
    ("Sau khi thôi chức vụ thì Thông tư 32/2026/TT-BKHCN có hiệu lực từ ngày nào?", "effect"),
    ("Khi Thông tư 09/2026/TT-BNV có hiệu lực thì thông tư nào hết hiệu lực?", "effect"),
    ("Nghị định 320/2025/NĐ-CP được áp dụng từ kỳ tính thuế năm nào?", "effect"),
    ("luat thue thu nhap doanh nghiep ap dung tu nam nao", "effect"),
    # "mã số nào", "số nào" ask a number, not which "sở" (department)
    ("Chức danh kiểm định viên kỹ thuật an toàn lao động mang mã số nào?", "fact"),
    ("Sở nào cấp giấy phép hoạt động dịch vụ việc làm?", "agency"),
    # "làm gì" asks an action, not which document
    ("Nếu hợp đồng trái Thông tư 02/2024/TT-BLĐTBXH thì doanh nghiệp phải làm gì?", "duty"),
    ("Thông tư 02/2024/TT-BLĐTBXH sửa đổi thông tư nào?", "reference"),
])
def test_the_kind_is_what_the_question_asks_not_a_word_of_its_setting(question, kind):
    assert read_question(question).kind == kind


@pytest.mark.parametrize(
    ("text", "year"),
    [("Đề án đặt mục tiêu đến năm 2030 đào tạo bao nhiêu phần trăm nhân lực?", 2030),
     ("den 2035 co quan an toan buc xa tu chu bao nhieu phan tram nang luc tham dinh", 2035),
     ("Từ năm 2026 mức trợ cấp là bao nhiêu?", 2026),
     ("Sau năm 2025 mức trợ cấp tăng bao nhiêu?", 2025),
     ("Tầm nhìn đến năm 2050 phấn đấu gì?", 2050),
     ("Năm 2026 trở đi mức trợ cấp là bao nhiêu?", 2026),
     ("Kế hoạch đến năm 2030 về chuyển đổi số đặt mục tiêu gì?", 2030),
     # a fiscal year is settled by a text of a later year
     ("Lợi nhuận năm tài chính 2025 của quỹ được phân phối theo thông tư nào?", 2025),
     ("quyet toan nam ngan sach 2024 lap theo mau nao", 2024)],
)
def test_a_year_of_what_is_asked_is_no_document_scope(text, year):
    got = q(text)
    assert got.years == ()
    assert got.content_years == (year,)


@pytest.mark.parametrize(
    "text",
    ["Chỉ tiêu tỷ lệ hộ nghèo năm 2024 của Sơn La?", "chi tieu ty le ho ngheo nam 2024 cua son la",
     "Năm 2024 Sơn La phấn đấu tạo việc làm cho bao nhiêu người?", "Chỉ thị thi đua 2024 giao Sở Nội vụ làm gì?",
     "Thông tư ban hành năm 2024 về tiền lương quy định gì?", "Nghị định năm 2024 quy định mức lương cơ sở bao nhiêu?"],
)
def test_a_year_tied_to_the_document_is_its_scope(text):
    got = q(text)
    assert got.years == (2024,) and got.years_tied
    assert got.content_years == ()


@pytest.mark.parametrize("text", ["Mức lương cơ sở năm 2024 là bao nhiêu?", "Tăng trưởng GRDP năm 2024 đạt bao nhiêu?",
                                  "Năm 2024 đạt bao nhiêu bác sĩ trên một vạn dân?"])
def test_a_year_neither_tied_nor_of_the_content_is_a_scope_that_may_fall_back(text):
    got = q(text)
    assert got.years == (2024,) and not got.years_tied


def test_a_province_ties_its_year_but_not_a_year_after_den():
    got = q("Sơn La đến năm 2025 phấn đấu tỷ lệ hộ nghèo bao nhiêu?")
    assert got.provinces == ("Sơn La",) and got.years == () and got.content_years == (2025,)


@pytest.mark.parametrize(
    "text",
    ["Tỷ lệ khu dân cư đạt tiêu chuẩn an ninh trật tự năm 2024 của Sơn La?",
     "ty le khu dan cu dat tieu chuan an ninh trat tu nam 2024 cua son la",
     "von dau tu toan xa hoi nam 2024 cua son la", "thong tu nam 2024 sua doi che do nang bac luong"],
)
def test_a_syllable_that_looks_like_a_cue_does_not_untie_the_year(text):
    got = q(text)
    assert got.years == (2024,) and got.content_years == ()


@pytest.mark.parametrize(("text", "is_date"), [
    ("Chỉ thị 01/CT-UBND của Sơn La ngày nào?", True),
    ("Chỉ thị này ký ngày nào?", True),
    ("van ban do ban hanh ngay nao", True),
    ("Lễ kỷ niệm đó tổ chức vào ngày nào?", False),
    ("le ky niem 115 nam thanh lap tinh to chuc vao ngay nao", False),
    ("Hội nghị sơ kết được tổ chức ngày nào?", False),
    ("Kỳ thi tốt nghiệp trung học phổ thông năm 2027 tổ chức vào ngày nào?", False),  # "kỳ" (a term) is not "ký"
    ("Kỳ họp thứ 10 khai mạc ngày nào?", False),
    ("Chỉ thị thi đua năm 2023 của Lai Châu ký ngày nào?", True),
    ("chi thi thi dua nam 2022 cua son la ky ngay nao", True),
    # "những/các ngày nào" asks for a set of days (holidays, days off), never the date a document was issued
    ("Bộ luật Lao động: người lao động nước ngoài được nghỉ thêm những ngày nào?", False),
    ("Bo luat lao dong: nguoi lao dong nuoc ngoai duoc nghi them nhung ngay nao?", False),
    ("Theo quy định của luật, người lao động được nghỉ lễ vào các ngày nào?", False),
    ("Thông tư 03/2021/TT-BNV được ký ngày nào?", True),
])
def test_a_date_question_is_about_a_document_only_when_it_names_one_or_its_signing(text, is_date):
    # "ngày nào" of an event is no question on when the directive was issued: answering with the document's
    # date would cite a date the question did not ask for.
    assert (read_question(text).kind == "meta_date") is is_date


@pytest.mark.parametrize(("text", "whole"), [
    ("Tăng trưởng GRDP cả nước năm 2023 đạt bao nhiêu?", True),
    ("tang truong grdp ca nuoc nam 2023", True),
    ("Chủ đề của Đại hội Thi đua yêu nước toàn quốc lần thứ X?", False),  # an event's name, not a scope
    ("Sơn La nuôi cá nước lạnh ở đâu?", False),
])
def test_a_question_on_the_whole_country_is_marked(text, whole):
    assert read_question(text).nationwide is whole


@pytest.mark.parametrize("text", ["Trước năm 2026 mức lệ phí là bao nhiêu?", "truoc nam 2026 muc le phi la bao nhieu"])
def test_a_year_after_truoc_bounds_the_documents_and_is_no_scope_year(text):
    q = read_question(text)
    assert q.years == () and q.before_year == 2026
    assert read_question("Mức lệ phí năm 2026 là bao nhiêu?").before_year is None


@pytest.mark.parametrize(("question", "years"), [
    ("Đến năm 2030 Việt Nam phấn đấu vào nhóm bao nhiêu nước dẫn đầu?", (2030,)),
    ("den 2030 phan dau bao nhieu thuong vu M&A", (2030,)),
    ("Cơ quan an toàn bức xạ phải tự chủ bao nhiêu phần trăm tới năm 2035?", (2035,)),
    ("Chỉ tiêu tỷ lệ hộ nghèo năm 2024 của Sơn La?", ()),
])
def test_a_target_s_horizon_year_is_told_from_a_document_s_year(question, years):
    got = read_question(question)
    assert got.content_years == years
    assert not set(years) & set(got.years)


@pytest.mark.parametrize("question", [
    "Đề án Trung tâm dữ liệu quốc gia đặt mục tiêu đến 2030 bao nhiêu phần trăm hoạt động được thay bằng chia sẻ dữ liệu?",
    "de an trung tam du lieu quoc gia dat muc tieu den 2030 bao nhieu phan tram",
])
def test_a_target_set_until_a_year_is_no_question_about_a_title(question):
    """"mục tiêu đến" holds the letters of "tiêu đề" (title) across two words: it asks a figure, not a title."""
    assert read_question(question).kind != "meta_title"
    assert read_question("Tiêu đề của chỉ thị là gì?").kind == "meta_title"


def test_the_words_bounding_the_documents_by_a_year_come_from_the_lexicon(tmp_path):
    import shutil
    import tomllib

    from bot.query import _before_year_pattern
    from corpus.lexicon import LEXICON_DIR, load_lexicon

    folder = tmp_path / "lexicon"
    shutil.copytree(LEXICON_DIR, folder, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    cues = tomllib.loads((folder / "year_cues.toml").read_text(encoding="utf-8"))
    assert cues["older_documents"]["before"] == ["trước"]
    text = (folder / "year_cues.toml").read_text(encoding="utf-8")
    (folder / "year_cues.toml").write_text(text.replace('before = ["trước"]', 'before = ["trước", "sớm hơn"]'),
                                           encoding="utf-8")
    assert _before_year_pattern(load_lexicon(LEXICON_DIR)).search("som hon nam 2020") is None
    assert _before_year_pattern(load_lexicon(folder)).search("som hon nam 2020").group(1) == "2020"


def test_a_year_before_which_documents_are_asked_is_neither_scope_nor_content():
    got = q("Người nghỉ hưu trước năm 1995 được điều chỉnh thế nào?")
    assert got.before_year == 1995 and got.years == () and got.content_years == ()


@pytest.mark.parametrize("follow", ["Còn mức 3?", "con muc 3?", "Mức 3 thì sao?", "Còn mức 3 thì sao?"])
def test_a_follow_up_naming_another_step_asks_that_step(follow):
    """ "Còn mức 3?" after a question on "Mức 1": the step asked replaces the previous one (a bare label is no
    content word, yet it changes the question), and the clause must name it."""
    first = q("Mức 1 bồi dưỡng bằng hiện vật cho người lao động làm việc có yếu tố nguy hiểm, độc hại là bao nhiêu?")
    got = q(follow, previous=first)
    assert got.followup and got.kind == first.kind and not got.clause_ref
    from corpus.text import fold

    assert fold(got.topic).startswith("muc 3 boi duong") and fold(got.introduced) == "muc 3"


@pytest.mark.parametrize("followup", ["Có bãi bỏ văn bản nào khác không?", "co bai bo van ban nao khac khong",
                                      "Còn việc gì khác?"])
def test_which_other_points_back_to_the_document_under_discussion(followup):
    q = read_question(followup, previous=read_question("Thông tư 28/2026/TT-BTC làm hết hiệu lực thông tư nào?"))
    assert q.same_document


@pytest.mark.parametrize(("pointer", "province"), [("Lai Châu năm 2023 đặt chỉ tiêu này là bao nhiêu?", "Lai Châu"),
                                                   ("lai chau nam 2023 dat chi tieu nay la bao nhieu", "Lai Châu")])
def test_this_indicator_with_another_scope_keeps_the_indicator_and_takes_the_scope(pointer, province):
    known = ("Lai Châu", "Sơn La")
    before = read_question("Số bác sỹ trên 10.000 dân năm 2022 của Sơn La là bao nhiêu?", known_provinces=known)
    q = read_question(pointer, known_provinces=known, previous=before)
    assert q.elliptical and not q.same_document
    assert q.topic == before.topic
    assert q.provinces == (province,) and q.years == (2023,)


@pytest.mark.parametrize("followup", ["Còn giai đoạn 2?", "con giai doan 2"])
def test_a_stage_after_a_question_naming_its_stage_by_years_replaces_the_bare_stage_word(followup):
    before = read_question("Giai đoạn 2026 - 2028, Đề án bồi dưỡng cán bộ phấn đấu bao nhiêu phần trăm cán bộ được bồi dưỡng?")
    q = read_question(followup, previous=before)
    assert q.introduced.lower() in ("giai đoạn 2", "giai doan 2")
    assert q.topic.lower().startswith(q.introduced.lower())


@pytest.mark.parametrize("follow", ["Còn một tháng?", "con mot thang", "Còn một tuần thì sao?"])
def test_a_followup_naming_another_period_asks_the_same_per_that_period(follow):
    # "Còn một tháng?" after "… bao nhiêu giờ một năm": the hours per month, not "một tháng" on its own
    before = read_question("Thông tư 18/2021/TT-BLĐTBXH cho phép làm thêm tối đa bao nhiêu giờ một năm?")
    q = read_question(follow, previous=before)
    assert q.elliptical and q.topic.startswith("Thông tư cho phép làm thêm tối đa bao nhiêu giờ một t")
    assert fold(q.introduced) in {"thang", "tuan"} and "năm" not in q.topic


# ---- session 20: follow-ups read as a Vietnamese reader reads them ---------------------------------------


@pytest.mark.parametrize("typed", ["muc luong toi thieu vung 1 theo nghi dinh 38/2022", "Mức lương theo Nghị định 38/2022?"])
def test_a_document_named_by_kind_and_number_is_read_typed_with_or_without_marks(typed):
    assert "38/2022" in read_question(typed).numbers


@pytest.mark.parametrize("follow", ["Còn một năm?", "con mot nam"])
def test_another_period_without_a_topic_word_asks_the_same_per_that_period(follow):
    # "năm" is no topic word: "Còn một năm?" after "… trong một tháng …" asks the hours per year, not the same again
    before = read_question("Tổng số giờ làm thêm trong một tháng theo Thông tư 18/2021/TT-BLĐTBXH tối đa bao nhiêu giờ?")
    q = read_question(follow, previous=before)
    assert q.elliptical and "thang" not in fold(q.topic) and "mot nam" in fold(q.topic)


_WAGE_I = "Mức lương tối thiểu tháng vùng I theo Nghị định 38/2022/NĐ-CP là bao nhiêu?"


@pytest.mark.parametrize("follow", ["Bây giờ vùng II thì sao?", "bay gio vung II thi sao", "Lúc này vùng II thì bao nhiêu?",
                                    "Vùng II thì bao nhiêu?"])
def test_now_in_a_followup_asks_the_rule_in_force_of_the_document_discussed(follow):
    # "bây giờ" is not the figure of the day: the conversation's decree, region II in place of region I
    q = read_question(follow, previous=read_question(_WAGE_I))
    assert q.elliptical and not q.asked_now
    assert "vung ii" in fold(q.topic) and "vung i " not in fold(f"{q.topic} ") and "hien nay" not in fold(q.topic)
    assert q.numbers == ("38/2022/NĐ-CP", "38/2022")


def test_now_after_a_question_dated_today_is_still_the_day_asked():
    q = read_question("Còn bây giờ?", previous=read_question("Giá vàng hôm nay bao nhiêu?"))
    assert q.asked_now


@pytest.mark.parametrize(("follow", "introduced"), [("Con cap doi?", "cap doi"), ("vay con cap lai?", "cap lai")])
def test_one_unmarked_syllable_of_a_followup_is_read_with_the_word_typed_beside_it(follow, introduced):
    # "doi" alone is "đổi", "đối" or "đội": "cap doi" must be said together by the answer
    q = read_question(follow, previous=read_question("Lệ phí cấp mới thẻ ABTC là bao nhiêu?"))
    assert q.introduced == introduced


def test_a_word_folded_like_a_kind_word_closing_a_new_phrase_is_part_of_it():
    q = read_question("Còn bị khiển trách?", previous=read_question(
        "Công chức bị kỷ luật giáng chức thì bị kéo dài thời gian nâng bậc lương thường xuyên bao lâu?"))
    assert q.introduced == "khiển trách"


@pytest.mark.parametrize("follow", ["Năm đó Lai Châu giảm tỷ lệ hộ nghèo bao nhiêu?", "nam do lai chau giam ty le ho ngheo bao nhieu"])
def test_that_year_is_the_year_asked_before(follow):
    q = read_question(follow, known_provinces=("Sơn La", "Lai Châu"),
                      previous=read_question("Sơn La năm 2023 phấn đấu tỷ lệ hộ nghèo bao nhiêu?", known_provinces=("Sơn La", "Lai Châu")))
    assert q.years == (2023,) and q.provinces == ("Lai Châu",)


def test_that_province_is_the_province_asked_before():
    known = ("Sơn La", "Lai Châu")
    q = read_question("Năm 2022 tỉnh đó đặt tỷ lệ hộ nghèo bao nhiêu?", known_provinces=known,
                      previous=read_question("Sơn La năm 2023 đặt thu ngân sách bao nhiêu?", known_provinces=known))
    assert q.provinces == ("Sơn La",) and q.years == (2022,)


@pytest.mark.parametrize(
    "text",
    [
        "Doanh nghiệp gặp vướng mắc khi áp dụng danh mục hàng hóa nhóm 2 thì phản ánh về đâu?",
        "Hàng hóa nào thuộc danh mục phải kiểm tra chất lượng khi nhập khẩu?",
    ],
)
def test_a_list_s_mục_is_no_level_asked(text):
    """ "danh mục" (a list) is not "mức" (a level): the question asks no figure."""
    assert q(text).kind != "target"


@pytest.mark.parametrize(
    "text", ["Mức phạt tiền đối với hành vi này?", "muc phat tien doi voi hanh vi nay"]
)
def test_a_level_asked_is_still_a_target(text):
    assert q(text).kind == "target"
@pytest.mark.parametrize("follow", ["Năm đó tỉnh nào làm cụm trưởng?", "nam do tinh nao lam cum truong",
                                    "Tỉnh đó giao sở nào theo dõi việc thực hiện chỉ thị?"])
def test_that_year_or_that_province_points_back_to_the_document_under_discussion(follow):
    # "năm đó", "tỉnh đó": the year and province just asked about, so the directive under discussion, not the library
    before = read_question("Lai Châu năm 2023 thực hiện nhiệm vụ thành viên của cụm thi đua nào?",
                           known_provinces=("Lai Châu", "Sơn La"))
    q = read_question(follow, known_provinces=("Lai Châu", "Sơn La"), previous=before)
    # the directive under discussion itself, or the province just asked about (its only directive)
    assert q.same_document or q.provinces == ("Lai Châu",)


@pytest.mark.parametrize("question", ["Năm nay Sơn La đặt chỉ tiêu tỷ lệ hộ nghèo bao nhiêu?",
                                      "nam nay son la dat chi tieu ty le ho ngheo bao nhieu"])
def test_this_year_with_a_province_is_a_question_of_its_own(question):
    before = read_question("Lai Châu năm 2023 thực hiện nhiệm vụ thành viên của cụm thi đua nào?",
                           known_provinces=("Lai Châu", "Sơn La"))
    q = read_question(question, known_provinces=("Lai Châu", "Sơn La"), previous=before)
    assert not q.followup and q.provinces == ("Sơn La",)


@pytest.mark.parametrize("follow", ["Tỉnh đó đặt chỉ tiêu thu ngân sách bao nhiêu?",
                                    "tinh do dat chi tieu thu ngan sach bao nhieu",
                                    "Năm đó tỉnh này đặt chỉ tiêu thu ngân sách bao nhiêu?"])
def test_that_province_or_year_with_words_of_its_own_asks_those_words(follow):
    # "tỉnh đó" points back to the province, not to the indicator: "thu ngân sách" is the topic now
    known = ("Sơn La", "Lai Châu")
    before = read_question("Năm 2023 Sơn La đặt chỉ tiêu thu nhập bình quân bao nhiêu?", known_provinces=known)
    q = read_question(follow, known_provinces=known, previous=before)
    assert q.provinces == ("Sơn La",) and q.years in ((), (2023,))  # the conversation's directive answers it
    assert "ngan sach" in fold(q.topic) and "nhap" not in fold(q.topic)
    assert not q.elliptical


@pytest.mark.parametrize("follow", ["Còn lương tháng?", "con luong thang", "Còn mức lương tháng thì sao?"])
def test_a_followup_naming_the_indicator_with_another_period_swaps_the_period(follow):
    # "Còn lương tháng?" after the hourly minimum wage of region II: the monthly one of region II, not "lương tháng
    # thiểu giờ" (the period put in place of "tối")
    before = read_question("Mức lương tối thiểu giờ vùng II theo Nghị định 38/2022/NĐ-CP là bao nhiêu?")
    q = read_question(follow, previous=before)
    assert q.elliptical and fold(q.topic).startswith("muc luong toi thieu thang vung ii")
    assert fold(q.introduced) == "thang"


# ---- session 23: another document, another case, a condition, i/y spellings ---------------------------------


@pytest.mark.parametrize("follow", ["Còn Nghị định 38/2022/NĐ-CP?", "Còn Nghị định số 38/2022/NĐ-CP thì sao?",
                                    "con nghi dinh 38/2022/nd-cp", "Nghị định 38/2022/NĐ-CP?"])
def test_a_followup_naming_only_another_document_asks_the_same_of_it(follow):
    # "Còn Nghị định 38/2022/NĐ-CP?" after "Ai ký?": the decree's signer, not a question about the word "Nghị định"
    first = q("Nghị quyết 78/2025/UBTVQH15 có hiệu lực từ ngày nào?")
    signer = q("Ai ký?", previous=first)
    got = q(follow, previous=signer)
    assert got.kind == "meta_signer" and got.introduced == "" and not got.same_document
    assert "38/2022" in got.numbers and "78/2025" not in " ".join(got.numbers)
    effect = q(follow, previous=first)
    assert effect.kind == "effect" and effect.introduced == "" and fold(effect.topic).startswith("nghi dinh co hieu luc")


def test_a_followup_naming_another_document_with_words_of_its_own_asks_those_words():
    got = q("Còn Nghị định 38/2022/NĐ-CP quy định gì về vùng I?", previous=q("Ai ký Nghị quyết 78/2025/UBTVQH15?"))
    assert got.kind != "meta_signer" and "vùng I" in got.topic


@pytest.mark.parametrize("follow", ["Còn bị khiển trách?", "Nếu bị khiển trách thì sao?", "con bi khien trach"])
def test_another_case_of_a_set_takes_the_place_of_the_case_asked(follow):
    # giáng chức and khiển trách are forms of discipline (lexicon contrast_sets.txt): the same question of the other
    first = q("Công chức bị kỷ luật giáng chức thì bị kéo dài thời gian nâng bậc lương thường xuyên bao lâu?")
    got = q(follow, previous=first)
    assert got.elliptical and got.kind == "duration"
    assert "khien trach" in fold(got.topic) and "giang chuc" not in fold(got.topic)
    assert fold(got.introduced) == "khien trach" and "neu" not in fold(got.topic)


def test_a_condition_after_a_question_about_the_whole_document_asks_its_own_question():
    # "thay thế nghị định nào" has no case "hạn nhận báo cáo …" could stand in for: a question of its own, same decree
    first = q("Nghị định 139/2026/NĐ-CP về chế độ báo cáo thống kê cấp quốc gia thay thế nghị định nào?")
    got = q("Nếu hạn nhận báo cáo rơi vào ngày nghỉ lễ thì sao?", previous=first)
    assert got.kind != "effect" and got.same_document and not got.elliptical and got.introduced == ""
    assert fold(got.topic) == "han nhan bao cao roi vao ngay nghi le"


@pytest.mark.parametrize("text", ["Ai kí Nghị định 38/2022/NĐ-CP?", "Người kí Thông tư 18/2021/TT-BLĐTBXH là ai?",
                                  "ai ki nghi dinh 38/2022", "Nghị định 139/2026/NĐ-CP do ai kí?"])
def test_the_i_spelling_of_ky_asks_the_signer(text):
    assert q(text).kind == "meta_signer"


def test_i_spellings_are_read_as_the_documents_write_them_but_not_inside_other_words():
    from bot.query import documents_spelling

    assert documents_spelling("Tỉ lệ hộ nghèo, quĩ bảo hiểm, Mĩ, kì họp") == "Tỷ lệ hộ nghèo, quỹ bảo hiểm, Mỹ, kỳ họp"
    assert documents_spelling("ki-lô-gam, bác sĩ, TI, thi đua") == "ki-lô-gam, bác sĩ, TI, thi đua"


def test_that_consolidated_text_points_back_to_the_document_under_discussion():
    first = q("Theo văn bản hợp nhất 463/VBHN-BLĐTBXH, bộ nào phối hợp giám sát quỹ tiền lương?")
    got = q("Văn bản hợp nhất đó do ai ký xác thực?", previous=first)
    assert got.same_document and got.kind == "meta_signer"

