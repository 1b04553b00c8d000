"""Legal-text kinds on a real circular (copied under a neutral name: metadata comes from the text)."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from bot import Assistant, get_settings

_LIBRARY = Path(__file__).resolve().parents[3].parent / "shared" / "library"
_CIRCULAR = _LIBRARY / "thong-tu-so-27-2026-tt-btc-469358.txt"


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    if not _CIRCULAR.is_file():
        pytest.skip("the shared library is not next to this checkout")
    corpus = tmp_path_factory.mktemp("corpus")
    shutil.copy(_CIRCULAR, corpus / "doc1.txt")
    for p in sorted((Path(__file__).resolve().parents[3] / "corpus" / "data").glob("*.txt")):
        shutil.copy(p, corpus / p.name)
    settings = get_settings(corpus_dir=corpus, index_dir=tmp_path_factory.mktemp("index"), retriever="bm25")
    return Assistant.load(settings)


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
