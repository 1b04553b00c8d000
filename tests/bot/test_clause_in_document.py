"""Finding the clause inside the document a question names: its title's words fill the other clauses, and
the answering clause of an effect or definition question stands under the heading legal drafting gives it
(a decree written for the test, whose every clause repeats "sản phẩm, dịch vụ Halal")."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot import Assistant
from bot.assistant import _keyword_query
from bot.query import read_question
from tests.fakes import assistant_over

_HALAL = """CHÍNH PHỦ
Số: 301/2026/NĐ-CP
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 10 tháng 4 năm 2026

NGHỊ ĐỊNH
Quy định về quản lý chất lượng sản phẩm, dịch vụ Halal

Chính phủ ban hành Nghị định quy định về quản lý chất lượng sản phẩm, dịch vụ Halal.

Chương I
QUY ĐỊNH CHUNG
Điều 1. Phạm vi điều chỉnh
Nghị định này quy định về quản lý chất lượng sản phẩm, dịch vụ Halal và chứng nhận sản phẩm, dịch vụ Halal.
Điều 2. Giải thích từ ngữ
Trong Nghị định này, các từ ngữ dưới đây được hiểu như sau:
1. Dấu chứng nhận Halal là ký hiệu gắn trên bao gói để thông báo cho người tiêu dùng.
2. Tổ chức chứng nhận là tổ chức đánh giá sự phù hợp được cấp giấy chứng nhận đủ điều kiện hoạt động.
Chương II
SẢN PHẨM, DỊCH VỤ HALAL
Điều 3. Yêu cầu đối với sản phẩm, dịch vụ Halal
1. Sản phẩm, dịch vụ Halal phải đáp ứng tiêu chuẩn Halal về nguyên liệu của sản phẩm, dịch vụ Halal.
2. Cơ sở sản xuất sản phẩm, dịch vụ Halal ghi nhãn sản phẩm, dịch vụ Halal theo quy định.
3. Dấu chứng nhận Halal chỉ được sử dụng trên sản phẩm, dịch vụ Halal còn hiệu lực chứng nhận; khi giấy chứng nhận Halal hết hiệu lực thì dừng sử dụng Dấu chứng nhận Halal trên sản phẩm, dịch vụ Halal.
Điều 4. Chứng nhận sản phẩm, dịch vụ Halal
1. Tổ chức chứng nhận sản phẩm, dịch vụ Halal cấp giấy chứng nhận sản phẩm, dịch vụ Halal có hiệu lực 03 năm.
2. Việc công nhận lẫn nhau về sản phẩm, dịch vụ Halal thực hiện theo điều ước quốc tế về sản phẩm, dịch vụ Halal.
3. Dấu chứng nhận Halal được in trên sản phẩm, dịch vụ Halal đã được chứng nhận sản phẩm, dịch vụ Halal.
Chương III
TỔ CHỨC THỰC HIỆN
Điều 5. Hiệu lực thi hành
Nghị định này có hiệu lực thi hành kể từ ngày 01 tháng 6 năm 2026.

TM. CHÍNH PHỦ
THỦ TƯỚNG
Nguyễn Văn An
"""

_EFFECT = "Nghị định 301/2026/NĐ-CP về quản lý chất lượng sản phẩm, dịch vụ Halal có hiệu lực từ ngày nào?"
_DEFINITION = "Theo Nghị định 301/2026/NĐ-CP về sản phẩm, dịch vụ Halal, dấu chứng nhận Halal được hiểu là gì?"


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    return assistant_over(tmp_path_factory, texts={"doc1.txt": _HALAL})


def _labels(bot, question: str, k: int = 2) -> list[str]:
    return [h.chunk.label for h in bot.search(question, k=k)]


def test_the_effect_article_comes_first_although_the_title_fills_every_clause(bot):
    assert _labels(bot, _EFFECT)[0] == "Điều 5"
    ans = bot.answer(_EFFECT)
    assert not ans.abstained and "01/06/2026" in ans.answer.replace("01 tháng 6 năm 2026", "01/06/2026")
    assert ans.citations[0].clause == "Điều 5"


def test_the_definition_comes_first_among_the_clauses_repeating_the_term(bot):
    assert _labels(bot, _DEFINITION)[0] == "Điều 2, khoản 1"


def test_typed_without_diacritics_the_effect_article_still_comes_first(bot):
    assert _labels(bot, "nghi dinh 301/2026/ND-CP ve san pham dich vu Halal co hieu luc tu ngay nao")[0] == "Điều 5"


def test_without_in_document_rarity_and_the_heading_the_title_words_win(bot, monkeypatch):
    """Both rules are what lift the answering clauses: counted library-wide and without the article's heading,
    the clauses repeating "Halal" and "hiệu lực" outrank them (so the tests above can fail)."""
    monkeypatch.setattr("bot.assistant._KIND_HEADINGS", {})
    plain = Assistant(bot.corpus, bot.index, retriever="bm25",
                      tuning=replace(bot.tuning, fusion=replace(bot.tuning.fusion, document_idf=0.0)))
    try:
        assert _labels(plain, _EFFECT)[0] != "Điều 5"
        assert _labels(plain, _DEFINITION)[0] != "Điều 2, khoản 1"
    finally:
        bot.index.fusion = bot.tuning.fusion  # the index searches with the tuning of the last assistant built


def test_the_keyword_query_carries_the_heading_of_the_kind_only():
    effect = read_question("Nghị định này có hiệu lực từ ngày nào?")
    assert effect.kind == "effect"
    assert _keyword_query(effect, "có hiệu lực từ ngày nào").startswith("hiệu lực thi hành ")
    definition = read_question("Dấu chứng nhận Halal được hiểu là gì?")
    assert _keyword_query(definition, "dấu chứng nhận").startswith("giải thích từ ngữ ")
    folded = read_question("nghi dinh nay co hieu luc tu ngay nao")
    assert _keyword_query(folded, "co hieu luc tu ngay nao").startswith("hieu luc thi hanh ")
    target = read_question("Tỷ lệ hộ nghèo năm 2024 của Sơn La là bao nhiêu?")
    assert _keyword_query(target, "tỷ lệ hộ nghèo") == "tỷ lệ hộ nghèo"
