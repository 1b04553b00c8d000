"""The article stating what a document regulates ("Điều 1. Phạm vi điều chỉnh") restates the subjects of the other
articles in their own words, so a question about one of them shares its words; it answers only a question asking what
the document regulates, never one about who decides, how much or by when (the article ruling it answers)."""

from __future__ import annotations

import pytest

from tests.fakes import assistant_over

_SCOPED = """BỘ NỘI VỤ
Số: 92/2026/TT-BNV
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 21 tháng 8 năm 2026

THÔNG TƯ
Quy định thẩm quyền quyết định mức chi cho hội nghị điển hình tiên tiến

Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;
Bộ trưởng Bộ Nội vụ ban hành Thông tư quy định thẩm quyền quyết định mức chi cho hội nghị điển hình tiên tiến.

Điều 1. Phạm vi điều chỉnh
1. Thông tư này quy định thẩm quyền quyết định, điều chỉnh mức chi cho hội nghị điển hình tiên tiến tại Bộ Nội vụ.
2. Thẩm quyền phê duyệt danh sách đại biểu dự hội nghị điển hình tiên tiến tại Bộ Nội vụ.
Điều 2. Thẩm quyền quyết định mức chi
Người đứng đầu đơn vị được giao tổ chức hội nghị quyết định, điều chỉnh mức chi cụ thể cho từng hội nghị, không \
vượt quá định mức chi do Bộ Tài chính quy định.
Điều 3. Phê duyệt danh sách đại biểu
Chánh Văn phòng Bộ phê duyệt danh sách đại biểu dự hội nghị trên cơ sở đề nghị của các đơn vị.
Điều 4. Hiệu lực thi hành
Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 10 năm 2026.

KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Trần Văn Bình
"""


@pytest.fixture(scope="module")
def scoped(tmp_path_factory):
    return assistant_over(tmp_path_factory, texts={"doc1.txt": _SCOPED})


@pytest.mark.parametrize(
    ("question", "agency", "clause"),
    [
        ("Theo Thông tư 92/2026/TT-BNV, ai có thẩm quyền quyết định, điều chỉnh mức chi cho hội nghị điển hình tiên "
         "tiến tại Bộ Nội vụ?", "Người đứng đầu đơn vị được giao tổ chức hội nghị", "Điều 2"),
        ("theo thong tu 92/2026/TT-BNV ai phe duyet danh sach dai bieu du hoi nghi dien hinh tien tien tai Bo Noi vu",
         "Chánh Văn phòng Bộ", "Điều 3"),
    ],
)
def test_the_scope_article_restating_a_subject_does_not_answer_for_the_article_ruling_it(scoped, question, agency,
                                                                                        clause):
    ans = scoped.answer(question)
    assert not ans.abstained, ans.answer
    assert ans.citations[0].clause == clause, ans.answer
    assert agency in ans.answer, ans.answer


def test_the_scope_article_answers_what_the_document_regulates(scoped):
    ans = scoped.answer("Thông tư 92/2026/TT-BNV quy định những nội dung gì?")
    assert not ans.abstained, ans.answer
    assert ans.citations[0].clause.startswith("Điều 1"), ans.answer
