"""A document the library lacks is still named by the documents that repeal, replace or amend it: asked how it was
changed ("… bị bãi bỏ bởi văn bản nào?"), the assistant answers from the clause that changes it and says the asked
document is not in the library.  Asked anything else about it, or asked its change when the library only cites it
("theo hướng dẫn tại Thông tư …"), it still says the document is missing."""

from __future__ import annotations

import pytest

from tests.fakes import assistant_over

_REPEALING = """BỘ NỘI VỤ
Số: 91/2026/TT-BNV
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 20 tháng 8 năm 2026

THÔNG TƯ
Bãi bỏ một số văn bản quy phạm pháp luật về công tác thi đua, khen thưởng

Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;
Bộ trưởng Bộ Nội vụ ban hành Thông tư bãi bỏ một số văn bản quy phạm pháp luật về công tác thi đua, khen thưởng.

Điều 1. Bãi bỏ toàn bộ các văn bản quy phạm pháp luật
1. Thông tư số 12/2014/TT-BNV ngày 10 tháng 9 năm 2014 của Bộ trưởng Bộ Nội vụ hướng dẫn tổ chức hội nghị điển hình tiên tiến.
2. Thông tư số 33/2016/TT-BNV ngày 05 tháng 12 năm 2016 của Bộ trưởng Bộ Nội vụ quy định mẫu bằng khen.
Điều 2. Bãi bỏ một phần văn bản quy phạm pháp luật
Bãi bỏ Điều 7 Thông tư số 45/2017/TT-BNV ngày 15 tháng 3 năm 2017 của Bộ trưởng Bộ Nội vụ về quỹ thi đua, khen thưởng.
Điều 3. Tổ chức thực hiện
Kinh phí tổ chức hội nghị thực hiện theo hướng dẫn tại Thông tư số 60/2015/TT-BTC ngày 27 tháng 4 năm 2015 của Bộ
trưởng Bộ Tài chính.
Điều 4. Hiệu lực thi hành
Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 10 năm 2026.

KT. BỘ TRƯỞNG
THỨ TRƯỞNG
Trần Văn Bình
"""


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    return assistant_over(tmp_path_factory, texts={"doc1.txt": _REPEALING})


@pytest.mark.parametrize(
    ("question", "clause"),
    [
        ("Thông tư 33/2016/TT-BNV quy định mẫu bằng khen bị bãi bỏ bởi văn bản nào?", "Điều 1, khoản 2"),
        ("thong tu 12/2014/TT-BNV huong dan to chuc hoi nghi dien hinh tien tien bi bai bo boi van ban nao",
         "Điều 1, khoản 1"),
        ("Điều nào của Thông tư 45/2017/TT-BNV về quỹ thi đua, khen thưởng bị bãi bỏ?", "Điều 2"),
    ],
)
def test_a_missing_document_is_answered_from_the_clause_changing_it(bot, question, clause):
    ans = bot.answer(question)
    assert not ans.abstained, ans.answer
    assert ans.citations[0].clause == clause, ans.answer
    assert "91/2026/TT-BNV" in ans.answer
    assert "không có trong kho văn bản" in ans.answer  # the asked document itself is said to be missing


@pytest.mark.parametrize(
    "question",
    [
        # the library only cites it ("theo hướng dẫn tại …"): nothing says it was changed
        "Thông tư 60/2015/TT-BTC bị thay thế bởi văn bản nào?",
        # asked what it says, not how it was changed: its own text is not in the library
        "Thông tư 33/2016/TT-BNV quy định mẫu bằng khen gồm những nội dung gì?",
    ],
)
def test_a_missing_document_is_otherwise_said_to_be_missing(bot, question):
    ans = bot.answer(question)
    assert ans.abstained, ans.answer
    assert "Không tìm thấy văn bản số" in ans.answer

