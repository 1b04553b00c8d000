"""A document named by words on the second line of its title: gazette texts break a long title before a
proper noun ("… một số điều của" / "Bộ luật Lao động về …"), and a title cut there lost the words a question
names the document with (documents written for the test: a decree on labour relations whose title is broken
so, and a circular on investment funds whose clauses repeat the question's generic words)."""

from __future__ import annotations

import pytest

from tests.fakes import assistant_over

_DECREE = """CHÍNH PHỦ
Số: 93/2026/NĐ-CP
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 14 tháng 3 năm 2026

NGHỊ ĐỊNH
Quy định chi tiết và hướng dẫn thi hành một số điều của
Bộ luật Lao động về quan hệ lao động và trọng tài viên lao động

Căn cứ Bộ luật Lao động ngày 20 tháng 11 năm 2019;
Chính phủ ban hành Nghị định quy định chi tiết một số điều của Bộ luật Lao động.

Điều 1. Phạm vi điều chỉnh
Nghị định này quy định chi tiết một số điều của Bộ luật Lao động.
Điều 2. Tiêu chuẩn
1. Là công dân Việt Nam, có sức khỏe và phẩm chất đạo đức tốt.
2. Có bằng đại học và từ 05 năm kinh nghiệm làm việc trở lên.
Điều 3. Hiệu lực thi hành
Nghị định này có hiệu lực thi hành kể từ ngày 01 tháng 6 năm 2026.

TM. CHÍNH PHỦ
THỦ TƯỚNG
Nguyễn Văn An
"""

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
1. Thành viên ban đại diện quỹ phải có bằng đại học và kinh nghiệm tối thiểu 03 năm làm việc.
2. Chủ tịch ban đại diện quỹ phải có bằng đại học và kinh nghiệm quản lý tối thiểu 05 năm.
Điều 3. Hiệu lực thi hành
Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 5 năm 2026.

BỘ TRƯỞNG
Trần Văn Bình
"""


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    return assistant_over(tmp_path_factory, texts={"doc1.txt": _FUNDS, "doc2.txt": _DECREE})


def test_the_title_keeps_its_second_line(bot):
    decree = bot.corpus.get("doc2")
    assert decree.title.endswith("Bộ luật Lao động về quan hệ lao động và trọng tài viên lao động")


@pytest.mark.parametrize("question", [
    "Nghị định về trọng tài viên lao động yêu cầu bằng cấp và mấy năm kinh nghiệm?",
    "nghi dinh ve trong tai vien lao dong yeu cau bang cap va may nam kinh nghiem",
])
def test_a_question_naming_the_document_by_those_words_reads_it_first(bot, question):
    hits = bot.search(question, k=5)
    assert hits[0].chunk.doc_id == "doc2", [h.chunk.clause_id for h in hits]
    ans = bot.answer(question)
    assert not ans.abstained and "05 năm" in ans.answer, ans.answer
    assert all(c.doc_id == "doc2" for c in ans.citations)
