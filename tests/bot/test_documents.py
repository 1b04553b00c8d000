"""Choosing the document a question is about, among library documents copied under neutral names
(metadata comes from the text): by its description, by a number a consolidated text holds, or by asking."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot import Assistant
from bot.documents import named_types
from tests.fakes import assistant_over

_COPIES = {
    "doc1.txt": "nghi-dinh-so-162-2026-nd-cp-469551.txt",  # điều chỉnh lương hưu (2026)
    "doc2.txt": "van-ban-hop-nhat-so-19-vbhn-vpqh-468972.txt",  # Luật Bảo hiểm xã hội, hợp nhất
    "doc3.txt": "nghi-dinh-so-200-2026-nd-cp-469728.txt",
    "vb1.txt": "van-ban-hop-nhat-so-468-vbhn-bldtbxh-44204.txt",  # hợp nhất Thông tư 34/2019/TT-BLĐTBXH
    "vb2.txt": "van-ban-hop-nhat-so-467-vbhn-bldtbxh-44195.txt",
    "vb3.txt": "van-ban-hop-nhat-so-466-vbhn-bldtbxh-44194.txt",
}


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    return assistant_over(tmp_path_factory, _COPIES)


@pytest.mark.parametrize(
    "question",
    [
        "Nghị định điều chỉnh lương hưu năm 2026 thay cho nghị định điều chỉnh lương hưu nào trước đó?",
        "nghi dinh dieu chinh luong huu nam 2026 thay cho nghi dinh dieu chinh luong huu nao truoc do",
    ],
)
def test_a_document_described_by_its_subject_answers_without_asking_which(bot, question):
    ans = bot.answer(question)
    assert not ans.abstained and not ans.clarify, ans.answer
    assert {c.doc_id for c in ans.citations} == {"doc1"}
    if question[0] == "N":
        assert "75/2024/NĐ-CP" in ans.answer


def test_without_the_description_the_same_question_asks_which_document(bot):
    """The choice comes from the description: with it switched off the documents compete again."""
    strict = replace(bot.tuning, named_min=9.0, title_weight=0.0)
    plain = Assistant(bot.corpus, bot.index, retriever="bm25", tuning=strict)
    ans = plain.answer("Nghị định điều chỉnh lương hưu năm 2026 thay cho nghị định điều chỉnh lương hưu nào trước đó?")
    assert ans.clarify or {c.doc_id for c in ans.citations} != {"doc1"}


def test_the_described_document_is_searched_first(bot):
    hits = bot.search("Nghị định điều chỉnh lương hưu năm 2026 thay cho nghị định điều chỉnh lương hưu nào trước đó?", k=5)
    assert hits and hits[0].chunk.doc_id == "doc1"


def test_documents_that_truly_tie_still_get_a_clarify(bot):
    ans = bot.answer("Thông tư hướng dẫn thực hiện quản lý lao động, tiền lương, thù lao, tiền thưởng "
                     "có hiệu lực thi hành kể từ ngày nào?")
    assert ans.clarify, ans.answer
    assert {"vb2", "vb3"} <= {c.doc_id for c in ans.clarify}
    assert "Bạn hỏi về văn bản nào?" in ans.answer


def test_a_number_held_only_in_a_consolidated_text_finds_it_and_says_so(bot):
    ans = bot.answer("Thông tư 34/2019/TT-BLĐTBXH về tiền lương ở Quỹ Phát triển doanh nghiệp nhỏ và vừa "
                     "thay thế thông tư nào?")
    assert not ans.abstained, ans.answer
    assert {c.doc_id for c in ans.citations} == {"vb1"}
    assert "38/2016/TT-BLĐTBXH" in ans.answer
    assert "34/2019/TT-BLĐTBXH không có trong kho như một văn bản riêng" in ans.answer
    assert "468/VBHN-BLĐTBXH" in ans.answer


def test_a_number_in_no_document_at_all_is_still_not_found(bot):
    ans = bot.answer("Thông tư 99/2019/TT-BLĐTBXH thay thế thông tư nào?")
    assert ans.abstained and "Không tìm thấy văn bản số 99/2019/TT-BLĐTBXH trong kho văn bản" in ans.answer


@pytest.mark.parametrize(
    ("question", "types"),
    [
        ("Nghị định năm 2025 hướng dẫn Luật Bảo hiểm xã hội về BHXH bắt buộc?", ("Nghị định", "Luật")),
        ("thong tu huong dan quan ly lao dong co hieu luc khi nao", ("Thông tư",)),
        ("Ai quyết định thành lập Hội đồng trọng tài lao động?", ()),  # a verb, not a Quyết định
        ("Theo Quyết định 28/2021/QĐ-TTg ai được hỗ trợ?", ("Quyết định",)),
        ("Người vi phạm pháp luật lao động bị xử lý thế nào?", ()),  # "pháp luật" names no law
        ("Bộ luật Lao động quy định thời giờ làm việc thế nào?", ("Bộ luật",)),
    ],
)
def test_named_types_are_the_document_types_a_question_names(question, types):
    assert named_types(question) == types


def test_a_whole_number_is_not_read_as_any_document_sharing_its_first_part(bot):
    """"Thông tư 200/2026/TT-BTC" is not "Nghị định 200/2026/NĐ-CP" (doc3) although both start "200/2026"."""
    hits = bot.search("Nghị định 162/2026/NĐ-CP và Thông tư 200/2026/TT-BTC có hiệu lực từ ngày nào?", k=20)
    assert hits and {h.chunk.doc_id for h in hits} == {"doc1"}


# ----------------------------------------------------------------- a document named by the one it changes

_AMENDED = {
    "doc1.txt": "thong-tu-so-21-2021-tt-bldtbxh-36486.txt",  # the circular
    "doc2.txt": "thong-tu-so-02-2024-tt-bldtbxh-41394.txt",  # "Sửa đổi, bổ sung một số điều của Thông tư số 21/2021…"
}


@pytest.fixture(scope="module")
def amended(tmp_path_factory):
    return assistant_over(tmp_path_factory, _AMENDED)


@pytest.mark.parametrize("question", [
    "Thông tư sửa đổi Thông tư 21/2021/TT-BLĐTBXH bắt đầu có hiệu lực khi nào?",
    "thong tu sua doi, bo sung mot so dieu cua thong tu so 21/2021/TT-BLDTBXH co hieu luc tu ngay nao",
])
def test_a_document_named_by_the_number_it_amends_is_the_amending_one(amended, question):
    ans = amended.answer(question)
    assert not ans.abstained and "15" in ans.answer and "2024" in ans.answer
    assert {c.doc_id for c in ans.citations} == {"doc2"}


def test_the_number_itself_still_names_its_own_document(amended):
    """"Thông tư 21/2021/TT-BLĐTBXH có hiệu lực …" is about that circular, not the one amending it."""
    ans = amended.answer("Thông tư 21/2021/TT-BLĐTBXH có hiệu lực từ ngày nào?")
    assert {c.doc_id for c in ans.citations} == {"doc1"}
