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
