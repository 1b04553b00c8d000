"""Legal-text kinds on a real circular (copied under a neutral name: metadata comes from the text)."""

from __future__ import annotations

import pytest

from tests.fakes import assistant_over

_CIRCULAR = "thong-tu-so-27-2026-tt-btc-469358.txt"


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    return assistant_over(tmp_path_factory, {"doc1.txt": _CIRCULAR})


@pytest.mark.parametrize(
    "question",
    [
        "Thông tư 27/2026/TT-BTC có hiệu lực từ ngày nào?",
        "thong tu 27/2026/tt-btc co hieu luc tu ngay nao",
        "Thông tư sửa đổi quy định quản lý kinh phí hỗ trợ đào tạo trình độ sơ cấp có hiệu lực thi hành từ ngày nào?",
    ],
)
def test_effect_date_is_read_from_the_documents_own_clause(bot, question):
    ans = bot.answer(question)
    assert not ans.abstained
    assert "27 tháng 3 năm 2026" in ans.answer
    assert ans.kind == "effect" and ans.citations[0].doc_id == "doc1"


def test_a_followup_about_this_circular_stays_in_it(bot):
    first = bot.answer("Thông tư 27/2026/TT-BTC do ai ký?")
    ans = bot.answer("Thông tư này có hiệu lực từ ngày nào?", previous=first)
    assert {c.doc_id for c in ans.citations} == {"doc1"}


@pytest.fixture(scope="module")
def laws(tmp_path_factory):
    return assistant_over(tmp_path_factory, {
        "law.txt": "luat-so-69-2020-qh14-32699.txt",  # replaces Luật … số 72/2006/QH11 (Điều 73, khoản 2)
        "decree.txt": "nghi-dinh-so-158-2025-nd-cp-45240.txt",  # Điều 44, khoản 2: a list of decrees replaced
        "vb1.txt": "van-ban-hop-nhat-so-465-vbhn-bldtbxh-44175.txt",  # consolidated: footnotes quote 2024 effect
        "vb2.txt": "van-ban-hop-nhat-so-468-vbhn-bldtbxh-44204.txt",
    })


def test_a_law_named_by_its_title_replaces_the_law_named_by_title_and_number(laws):
    ans = laws.answer("Luật Người lao động Việt Nam đi làm việc ở nước ngoài theo hợp đồng năm 2020 thay thế luật số mấy?")
    assert not ans.abstained, ans.answer
    assert "72/2006/QH11" in ans.answer.split("Theo")[0]
    assert [(c.doc_id, c.clause) for c in ans.citations] == [("law", "Điều 73, khoản 2")]


def test_a_point_under_a_replacing_lead_in_answers_and_the_asked_year_picks_it(laws):
    ans = laws.answer("Nghị định năm 2025 hướng dẫn Luật Bảo hiểm xã hội về bảo hiểm xã hội bắt buộc làm hết hiệu lực "
                      "nghị định nào của năm 2015?")
    assert not ans.abstained and not ans.clarify, ans.answer
    assert ans.answer.startswith("Nghị định số 115/2015/NĐ-CP"), ans.answer
    assert [(c.doc_id, c.clause) for c in ans.citations] == [("decree", "Điều 44, khoản 2, điểm a")]


def test_a_consolidated_text_answers_with_its_own_effect_article_not_a_footnote(laws):
    """The footnote quoting the amending circular ("có hiệu lực thi hành kể từ ngày 29 tháng 12 năm 2024") sits
    inside another article; the consolidated circular's own "Hiệu lực thi hành" article answers."""
    ans = laws.answer("Các chế độ tiền lương ở Quỹ Phát triển doanh nghiệp nhỏ và vừa theo Thông tư 34/2019/TT-BLĐTBXH "
                      "được áp dụng từ ngày nào?")
    assert not ans.abstained, ans.answer
    assert "01 tháng 7 năm 2019" in ans.answer and "29 tháng 12 năm 2024" not in ans.answer, ans.answer
    assert [(c.doc_id, c.clause) for c in ans.citations] == [("vb2", "Điều 10, khoản 1")]


@pytest.fixture(scope="module")
def code(tmp_path_factory):
    return assistant_over(tmp_path_factory, {"code.txt": "nghi-quyet-so-45-2019-qh14-30232.txt"})  # Bộ luật Lao động 2019


def test_the_codes_own_effect_sentence_beats_an_article_on_agreements_effect(code):
    """Điều 78 ("Hiệu lực … của thỏa ước lao động tập thể": "có hiệu lực kể từ ngày ký") dates agreements;
    Điều 220 ("Bộ luật này có hiệu lực …") dates the code."""
    ans = code.answer("Bộ luật Lao động số 45/2019/QH14 có hiệu lực từ ngày nào?")
    assert ans.answer.startswith("có hiệu lực thi hành từ ngày 01 tháng 01 năm 2021"), ans.answer
    assert [c.clause for c in ans.citations] == ["Điều 220, khoản 1"]


@pytest.mark.parametrize(
    "question",
    ["Bộ luật Lao động 2019 bắt đầu áp dụng từ khi nào?", "bo luat lao dong 2019 bat dau ap dung tu khi nao"],
)
def test_asked_from_when_the_code_applies_its_own_effect_date_answers(code, question):
    """The code says nowhere separately from when it applies: "áp dụng từ khi nào" is its own effect date (Điều 220),
    not the effect of a collective agreement it regulates (Điều 78: "có hiệu lực kể từ ngày ký kết")."""
    ans = code.answer(question)
    assert not ans.abstained, ans.answer
    assert "01 tháng 01 năm 2021" in ans.answer.split("Theo")[0], ans.answer
    assert [c.clause for c in ans.citations] == ["Điều 220, khoản 1"]


@pytest.mark.parametrize(
    "question",
    ["Thỏa ước lao động tập thể có hiệu lực từ khi nào?", "thoa uoc lao dong tap the co hieu luc tu khi nao"],
)
def test_the_effect_of_a_thing_the_code_regulates_answers_when_the_question_names_it(code, question):
    ans = code.answer(question)
    assert not ans.abstained, ans.answer
    assert ans.answer.startswith("có hiệu lực kể từ ngày ký kết"), ans.answer
    assert [c.clause for c in ans.citations] == ["Điều 78, khoản 1"]


def test_effect_and_what_it_replaces_asked_together_are_both_answered(code):
    ans = code.answer("Bộ luật Lao động số 45/2019/QH14 có hiệu lực từ ngày nào và làm hết hiệu lực bộ luật nào?")
    head = ans.answer.split("Theo")[0]
    assert "01 tháng 01 năm 2021" in head and "10/2012/QH13" in head, ans.answer
    assert [c.clause for c in ans.citations] == ["Điều 220, khoản 1"]


_REPEALING = """BỘ NỘI VỤ
Số: 91/2026/TT-BNV
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 20 tháng 4 năm 2026

THÔNG TƯ
Bãi bỏ một số văn bản quy phạm pháp luật về thi đua, khen thưởng do Bộ trưởng Bộ Nội vụ ban hành

Căn cứ Luật Ban hành văn bản quy phạm pháp luật ngày 19 tháng 02 năm 2025;
Căn cứ Nghị định số 25/2025/NĐ-CP ngày 21 tháng 02 năm 2025 của Chính phủ quy định chức năng, nhiệm vụ của Bộ Nội vụ;
Bộ trưởng Bộ Nội vụ ban hành Thông tư bãi bỏ một số văn bản quy phạm pháp luật về thi đua, khen thưởng.

Điều 1. Bãi bỏ văn bản quy phạm pháp luật
Bãi bỏ toàn bộ các văn bản quy phạm pháp luật tại Phụ lục ban hành kèm theo Thông tư này.
Điều 2. Hiệu lực thi hành
Thông tư này có hiệu lực thi hành kể từ ngày 05 tháng 6 năm 2026.

BỘ TRƯỞNG
Nguyễn Văn An
"""


@pytest.fixture(scope="module")
def repealing(tmp_path_factory):
    return assistant_over(tmp_path_factory, texts={"doc1.txt": _REPEALING})


@pytest.mark.parametrize(
    "question",
    ["Thông tư 91/2026/TT-BNV bãi bỏ các văn bản về thi đua, khen thưởng có hiệu lực từ ngày nào?",
     "thong tu 91/2026/TT-BNV bai bo cac van ban ve thi dua khen thuong co hieu luc tu ngay nao"],
)
def test_a_repealing_circular_named_by_what_it_repeals_gets_its_own_effect_date(repealing, question):
    """ "bãi bỏ …" describes the circular, only "có hiệu lực từ ngày nào" asks: its effect date, not a date of
    the decree its preamble cites ("Căn cứ Nghị định số 25/2025/NĐ-CP ngày 21 tháng 02 năm 2025")."""
    ans = repealing.answer(question)
    assert not ans.abstained, ans.answer
    assert "05 tháng 6 năm 2026" in ans.answer.split("Theo")[0], ans.answer
    assert ans.citations[0].clause == "Điều 2"


_LIST_CIRCULAR = """BỘ NỘI VỤ
Số: 93/2026/TT-BNV
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 22 tháng 4 năm 2026

THÔNG TƯ
Ban hành Danh mục hiện vật khen thưởng

Điều 1. Ban hành kèm theo Thông tư này Danh mục hiện vật khen thưởng nhóm B dùng trong các phong trào thi đua.
Điều 2. Hiệu lực thi hành
1. Thông tư này có hiệu lực thi hành kể từ ngày 10 tháng 6 năm 2026.
2. Hiện vật đã đặt làm trước ngày Thông tư này có hiệu lực được tiếp tục sử dụng đến hết ngày 31 tháng 12 năm 2026.

BỘ TRƯỞNG
Nguyễn Văn An
"""


@pytest.fixture(scope="module")
def listing(tmp_path_factory):
    return assistant_over(tmp_path_factory, texts={"doc1.txt": _LIST_CIRCULAR})


@pytest.mark.parametrize(
    "question",
    ["Thông tư 93/2026/TT-BNV về danh mục hiện vật khen thưởng nhóm B có hiệu lực từ ngày nào?",
     "thong tu 93/2026/TT-BNV ve danh muc hien vat khen thuong nhom B co hieu luc tu ngay nao"],
)
def test_words_naming_the_document_count_for_its_own_effect_clause(listing, question):
    """ "nhóm B" names the circular (its Điều 1), not its effect article: "Thông tư này có hiệu lực …" dates it all."""
    ans = listing.answer(question)
    assert not ans.abstained, ans.answer
    assert "10 tháng 6 năm 2026" in ans.answer.split("Theo")[0], ans.answer
    assert ans.citations[0].clause == "Điều 2, khoản 1"


def test_a_group_the_document_does_not_name_is_still_declined(listing):
    ans = listing.answer("Thông tư 93/2026/TT-BNV về danh mục hiện vật khen thưởng nhóm C có hiệu lực từ ngày nào?")
    assert ans.abstained, ans.answer


_TWO_REPLACED = """BỘ TÀI CHÍNH
Số: 95/2026/TT-BTC
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 24 tháng 4 năm 2026

THÔNG TƯ
Quy định quản lý kinh phí khen thưởng phong trào thi đua

Điều 1. Phạm vi điều chỉnh
Thông tư này quy định việc lập dự toán, quản lý và quyết toán kinh phí khen thưởng phong trào thi đua.
Điều 2. Hiệu lực thi hành
1. Thông tư này có hiệu lực thi hành kể từ ngày 15 tháng 6 năm 2026.
2. Thông tư số 71/2019/TT-BTC ngày 10 tháng 10 năm 2019 của Bộ Tài chính quy định việc lập dự toán, quản lý, sử dụng và quyết toán kinh phí khen thưởng phong trào thi đua của các cơ quan trung ương và địa phương và Thông tư số 35/2016/TT-BTC ngày 26 tháng 02 năm 2016 của Bộ Tài chính quy định mức chi tổ chức hội nghị tổng kết phong trào thi đua yêu nước hết hiệu lực thi hành kể từ ngày Thông tư này có hiệu lực thi hành.

BỘ TRƯỞNG
Nguyễn Văn Thắng
"""


@pytest.fixture(scope="module")
def replacing(tmp_path_factory):
    return assistant_over(tmp_path_factory, texts={"doc1.txt": _TWO_REPLACED})


@pytest.mark.parametrize(
    "question",
    ["Thông tư 95/2026/TT-BTC có hiệu lực từ ngày nào, thay thế thông tư nào?",
     "thong tu 95/2026/TT-BTC co hieu luc tu ngay nao va thay the thong tu nao"],
)
def test_effect_and_every_document_it_ends_are_answered_though_too_long_to_quote_whole(replacing, question):
    """ "A … và B … hết hiệu lực": both documents are the subject; the long article is quoted in two pieces."""
    ans = replacing.answer(question)
    assert not ans.abstained, ans.answer
    head = ans.answer.split("Theo")[0]
    assert "15 tháng 6 năm 2026" in head and "71/2019/TT-BTC" in head and "35/2016/TT-BTC" in head, ans.answer
    assert ans.citations[0].clause == "Điều 2"


@pytest.mark.parametrize(
    "question",
    [
        # "thay cho", "đã bỏ … cũ nào": a question about what the document replaces, in other words than "thay thế"
        "Luật Người lao động Việt Nam đi làm việc ở nước ngoài theo hợp đồng năm 2020 thay cho luật nào?",
        "Luật Người lao động Việt Nam đi làm việc ở nước ngoài theo hợp đồng năm 2020 đã bỏ luật cũ nào?",
        "luat nguoi lao dong viet nam di lam viec o nuoc ngoai theo hop dong nam 2020 thay cho luat nao",
    ],
)
def test_what_a_law_replaces_is_asked_in_other_words_too(laws, question):
    ans = laws.answer(question)
    assert not ans.abstained, ans.answer
    assert ans.kind == "effect"
    assert "72/2006/QH11" in ans.answer.split("Theo")[0], ans.answer
    assert [(c.doc_id, c.clause) for c in ans.citations] == [("law", "Điều 73, khoản 2")]


@pytest.fixture(scope="module")
def accounting(tmp_path_factory):
    # Điều 10: "1. Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 01 năm 2026. 2. Thông tư số 102/2018/TT-BTC
    # … hết hiệu lực kể từ ngày Thông tư này có hiệu lực thi hành."
    return assistant_over(tmp_path_factory, {"doc1.txt": "thong-tu-so-107-2025-tt-btc-46707.txt"})


@pytest.mark.parametrize("question", [
    "Từ năm 2026, thông tư nào về kế toán bảo hiểm xã hội hết hiệu lực theo Thông tư 107/2025/TT-BTC?",
    "tu nam 2026 thong tu nao ve ke toan bao hiem xa hoi het hieu luc theo thong tu 107/2025/tt-btc",
])
def test_a_year_asked_is_met_by_the_documents_own_effect_date_a_clause_refers_to(accounting, question):
    ans = accounting.answer(question)
    assert not ans.abstained, ans.answer
    assert ans.answer.startswith("Thông tư số 102/2018/TT-BTC")
    assert [(c.doc_id, c.clause) for c in ans.citations] == [("doc1", "Điều 10, khoản 2")]


def test_a_year_the_documents_own_effect_does_not_give_is_still_required(accounting):
    ans = accounting.answer("Từ năm 2027, thông tư nào về kế toán bảo hiểm xã hội hết hiệu lực theo Thông tư 107/2025/TT-BTC?")
    assert ans.abstained


@pytest.fixture(scope="module")
def consolidated(tmp_path_factory):
    # A consolidated Luật Bảo hiểm xã hội: Điều 140 "1. Luật này có hiệu lực thi hành từ ngày 01 tháng 7 năm 2025. 2.
    # Luật Bảo hiểm xã hội số 58/2014/QH13 … hết hiệu lực thi hành kể từ ngày Luật này có hiệu lực thi hành", and,
    # earlier, a footnote restating the Luật Nhà giáo's "Luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2026".
    return assistant_over(tmp_path_factory, {"doc1.txt": "van-ban-hop-nhat-so-58-vbhn-vpqh-45848.txt"})


def test_a_consolidated_texts_rule_is_dated_by_the_effect_of_its_own_article_not_another_laws(consolidated):
    ans = consolidated.answer("Từ năm 2026, luật nào hết hiệu lực theo văn bản hợp nhất Luật Bảo hiểm xã hội 58/VBHN-VPQH?")
    assert ans.abstained, ans.answer  # the Luật 58/2014/QH13 ended on 01/7/2025; 2026 is the Luật Nhà giáo's date
    ans = consolidated.answer("Từ năm 2025, luật nào hết hiệu lực theo văn bản hợp nhất Luật Bảo hiểm xã hội 58/VBHN-VPQH?")
    assert not ans.abstained, ans.answer
    assert "58/2014/QH" in ans.answer.split("Theo")[0]
    assert ans.citations[0].clause == "Điều 140, khoản 2"


@pytest.fixture(scope="module")
def labour_code(tmp_path_factory):
    # Bộ luật Lao động 2019, Điều 220: "1. Bộ luật này có hiệu lực thi hành từ ngày 01 tháng 01 năm 2021. Bộ luật Lao
    # động số 10/2012/QH13 hết hiệu lực thi hành kể từ ngày Bộ luật này có hiệu lực."
    return assistant_over(tmp_path_factory, {"code.txt": "nghi-quyet-so-45-2019-qh14-30232.txt"})


@pytest.mark.parametrize("question", [
    "Khi nào Bộ luật Lao động số 45/2019/QH14 có hiệu lực thi hành?",
    "khi nao bo luat lao dong so 45/2019/QH14 co hieu luc thi hanh",
])
def test_when_a_code_takes_effect_is_a_date_the_bo_of_bo_luat_is_no_drop(labour_code, question):
    # folded, "Bộ luật" reads "bo luat" as "bỏ luật": it asked what the code replaces and answered '10/2012/QH13'
    ans = labour_code.answer(question)
    assert "10/2012/QH13" not in ans.answer.split("Theo")[0], ans.answer
    assert not ans.abstained and "01 tháng 01 năm 2021" in ans.answer.split("Theo")[0], ans.answer


def test_what_a_code_replaces_is_still_asked_with_bo(labour_code):
    ans = labour_code.answer("Bộ luật Lao động 2019 đã bỏ bộ luật cũ nào?")
    assert not ans.abstained and "10/2012/QH13" in ans.answer.split("Theo")[0], ans.answer
