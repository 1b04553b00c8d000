"""Which document's clauses are read first when a long document's generic clause holds more of the question's
words than the clause of the document whose title names the question's subject (documents written for the
test: a circular on investment funds full of "trình độ", "kinh nghiệm", "tối thiểu", and one on labour
arbitrators whose clause says "trình độ đại học … từ 05 năm … trở lên" under its own subject: "ít nhất" would
read as "tối thiểu", lexicon equivalents.toml)."""

from __future__ import annotations

from dataclasses import replace

import pytest

from bot import Assistant
from bot.query import read_question
from tests.fakes import assistant_over, hit

_FUNDS = """BỘ TÀI CHÍNH
Số: 91/2026/TT-BTC
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 10 tháng 3 năm 2026

THÔNG TƯ
Hướng dẫn thành lập và quản lý quỹ đầu tư chứng khoán

Bộ trưởng Bộ Tài chính ban hành Thông tư hướng dẫn thành lập và quản lý quỹ đầu tư chứng khoán.

Điều 1. Phạm vi điều chỉnh
Thông tư này hướng dẫn thành lập và quản lý quỹ đầu tư chứng khoán.
Điều 2. Ban đại diện quỹ
1. Ban đại diện quỹ phải có tối thiểu 03 thành viên có trình độ chuyên môn về tài chính.
2. Thành viên ban đại diện quỹ phải có kinh nghiệm tối thiểu 03 năm trong lĩnh vực kế toán, kiểm toán.
3. Chủ tịch ban đại diện quỹ phải có kinh nghiệm quản lý tối thiểu 05 năm.
Điều 3. Công ty quản lý quỹ
1. Công ty quản lý quỹ phải có 02 người điều hành có trình độ chuyên môn và kinh nghiệm.
2. Người điều hành quỹ phải có chứng chỉ hành nghề quản lý quỹ.
Điều 4. Hiệu lực thi hành
Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 5 năm 2026.

BỘ TRƯỞNG
Trần Văn Bình
"""

_ARBITRATORS = """BỘ NỘI VỤ
Số: 92/2026/TT-BNV
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 12 tháng 3 năm 2026

THÔNG TƯ
Quy định tiêu chuẩn, hồ sơ bổ nhiệm, miễn nhiệm và chế độ làm việc của trọng tài viên lao động tại Hội đồng trọng tài lao động cấp tỉnh

Bộ trưởng Bộ Nội vụ ban hành Thông tư quy định về trọng tài viên lao động.

Điều 1. Phạm vi điều chỉnh
Thông tư này quy định tiêu chuẩn, hồ sơ bổ nhiệm, miễn nhiệm và chế độ làm việc của trọng tài viên lao động.
Điều 2. Tiêu chuẩn trọng tài viên lao động
1. Là công dân Việt Nam, có năng lực hành vi dân sự đầy đủ, có sức khỏe và phẩm chất đạo đức tốt.
2. Phải có trình độ đại học trở lên, hiểu biết pháp luật và có từ 05 năm làm việc trở lên trong lĩnh vực quan hệ lao động.
Điều 3. Hồ sơ bổ nhiệm
Hồ sơ bổ nhiệm gồm đơn đề nghị và bản sao văn bằng.
Điều 4. Hiệu lực thi hành
Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 6 năm 2026.

BỘ TRƯỞNG
Lê Thị Hoa
"""

_QUESTION = "Trọng tài viên lao động phải có trình độ và kinh nghiệm tối thiểu như thế nào?"


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    """The assistant without its "described document" rule (``named_min`` out of reach), so what lifts the
    titled document here is the name fit in the ranking alone."""
    full = assistant_over(tmp_path_factory, texts={"doc1.txt": _FUNDS, "doc2.txt": _ARBITRATORS})
    return Assistant(full.corpus, full.index, retriever="bm25", tuning=replace(full.tuning, named_min=9.0))


def _first_documents(bot, question: str, n: int = 3) -> list[str]:
    return list(dict.fromkeys(h.chunk.doc_id for h in bot.search(question, k=10)))[:n]


def test_the_clause_of_the_document_titled_with_the_subject_is_read_first(bot):
    hits = bot.search(_QUESTION, k=5)
    assert hits[0].chunk.doc_id == "doc2", [h.chunk.clause_id for h in hits]
    assert any(h.chunk.clause_id.startswith("doc2:") and "05 năm" in h.chunk.text for h in hits[:3])


def test_typed_without_diacritics_the_same_document_comes_first(bot):
    assert _first_documents(bot, "trong tai vien lao dong phai co trinh do va kinh nghiem toi thieu nhu the nao")[0] == "doc2"


def test_without_the_title_the_generic_clauses_outrank_it(bot):
    """What lifts the titled document is its name: with the weight at 0 the fund circular's clauses,
    which repeat the question's generic words, come first (so the test above can fail)."""
    plain = Assistant(bot.corpus, bot.index, retriever="bm25", tuning=replace(bot.tuning, title_rank_weight=0.0))
    fits = plain._fits(read_question(_QUESTION), list(plain.corpus.directives))
    assert fits["doc2"] > fits["doc1"]  # the fit is there, but weighs nothing
    assert _first_documents(plain, _QUESTION)[0] == "doc1"


def test_the_fit_reorders_keyword_and_fused_rankings_but_not_dense_cosines(bot):
    """Scores 1, 1/2, 1/3: a document fitting the question well overtakes one clause ahead of it in a BM25 or
    hybrid ranking; a dense ranking (cosines, all near the best) keeps its order."""
    hits = [hit("doc1:D2.1", 1), hit("doc2:D2.2", 2), hit("doc1:D3.1", 3)]
    fits = {"doc1": 0.0, "doc2": 1.2}
    for mode in ("bm25", "hybrid"):
        assert bot._ranked_by_fit(hits, fits, mode)[0].chunk.clause_id == "doc2:D2.2"
    assert bot._ranked_by_fit(hits, fits, "dense") == hits
    assert bot._ranked_by_fit(hits, {"doc1": 0.0, "doc2": 0.0}, "bm25") == hits
