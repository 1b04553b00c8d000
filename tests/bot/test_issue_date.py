"""'<Số hiệu> ban hành ngày nào?' asks the document's own date, never the date of a document it repeals."""

from __future__ import annotations

import pytest

_DOCS = {
    "doc1.txt": "nghi-dinh-so-38-2022-nd-cp-37348.txt",  # Điều 5: "Nghị định số 90/2019/NĐ-CP ngày 15 tháng 11 năm 2019 … hết hiệu lực"
    "doc2.txt": "thong-tu-so-7-2026-tt-bnv-469694.txt",  # Điều 4: "Thông tư số 004/2025/TT-BNV ngày 07 tháng 5 năm 2025 … hết hiệu lực"
    "doc3.txt": "nghi-quyet-so-78-2025-ubtvqh15-45003.txt",  # no date in its header; "… thông qua ngày 17 tháng 5 năm 2025"
}


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    from tests.fakes import assistant_over

    return assistant_over(tmp_path_factory, _DOCS)


@pytest.mark.parametrize(
    "question, date, repealed",
    [
        ("Nghị định 38/2022/NĐ-CP ban hành ngày nào?", "12/06/2022", "90/2019"),
        ("nghi dinh 38/2022/ND-CP duoc ban hanh khi nao", "12/06/2022", "90/2019"),
        ("Thông tư 07/2026/TT-BNV ban hành ngày nào?", "05/05/2026", "004/2025"),
        ("Thông tư 7/2026/TT-BNV ký ngày nào?", "05/05/2026", "004/2025"),
    ],
)
def test_the_issue_date_is_the_document_s_own(bot, question, date, repealed):
    ans = bot.answer(question)
    assert ans.answer.startswith(f"Ngày ban hành: {date}. ")
    assert repealed not in ans.answer
    assert [c.clause for c in ans.citations][:1] == ["phần đầu"]


def test_a_date_cited_in_a_clause_is_still_answered_for_the_document_cited(bot):
    """The repealed decree is not in the corpus: its date is read where the decree in the corpus names it."""
    ans = bot.answer("Nghị định số 90/2019/NĐ-CP của Chính phủ ban hành ngày nào?")
    assert not ans.abstained
    assert "15 tháng 11 năm 2019" in ans.answer or "15/11/2019" in ans.answer


@pytest.mark.parametrize("question", ["Nghị quyết 78/2025/UBTVQH15 ban hành ngày nào?",
                                      "Ngày ban hành của Nghị quyết 78/2025/UBTVQH15?"])
def test_a_date_the_header_does_not_write_is_quoted_where_the_text_writes_it(bot, question):
    """The date was quoted as "17/05/2025" from the header, which does not write it: a quote must be the text's words."""
    ans = bot.answer(question)
    assert ans.answer.startswith("Ngày ban hành: 17/05/2025. ")
    assert "(Điều 3): “17 tháng 5 năm 2025”" in ans.answer
    assert [c.clause for c in ans.citations][:1] == ["Điều 3"]
