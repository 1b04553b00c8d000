"""A clause whose scope is given by other clauses of its document ("trong các lĩnh vực quy định tại các khoản 3, 4
Điều 3 Thông tư này") answers a question naming what those clauses list; one citing a clause for a thing it names
("gửi hồ sơ quy định tại khoản 1 Điều này") does not take that clause's words."""

from __future__ import annotations

import pytest

from bot.answerers.crossrefs import cited_here
from tests.fakes import assistant_over

_CIRCULAR = """BỘ KHOA HỌC VÀ CÔNG NGHỆ
Số: 44/2026/TT-BKHCN
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 02 tháng 6 năm 2026

THÔNG TƯ
Quy định thời hạn người thôi giữ chức vụ không được thành lập doanh nghiệp

Điều 1. Phạm vi điều chỉnh
Thông tư này quy định các lĩnh vực và thời hạn người thôi giữ chức vụ không được thành lập doanh nghiệp.
Điều 2. Đối tượng áp dụng
Thông tư này áp dụng đối với cán bộ, công chức, viên chức thuộc Bộ Khoa học và Công nghệ.
Điều 3. Danh mục lĩnh vực
1. Đo lường chất lượng sản phẩm.
2. Tiêu chuẩn quốc gia.
3. Bưu chính chuyển phát.
4. Tần số vô tuyến điện.
Điều 4. Thời hạn
1. Thời hạn không được thành lập doanh nghiệp trong các lĩnh vực quy định tại các khoản 1 và 2 Điều 3 Thông tư này là đủ 09 tháng kể từ ngày thôi giữ chức vụ.
2. Thời hạn không được thành lập doanh nghiệp trong các lĩnh vực quy định tại các khoản 3, 4 Điều 3 Thông tư này là đủ 18 tháng kể từ ngày thôi giữ chức vụ.
Điều 5. Hiệu lực thi hành
Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 8 năm 2026.

BỘ TRƯỞNG
Trần Văn Bình
"""


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    return assistant_over(tmp_path_factory, texts={"doc1.txt": _CIRCULAR})


@pytest.mark.parametrize(
    ("question", "duration", "clause"),
    [
        ("Người làm về tần số vô tuyến điện thôi giữ chức vụ bao lâu thì được thành lập doanh nghiệp?", "18 tháng", "Điều 4, khoản 2"),
        ("nguoi lam ve tan so vo tuyen dien thoi giu chuc vu bao lau thi duoc thanh lap doanh nghiep", "18 tháng", "Điều 4, khoản 2"),
        ("Người làm về đo lường chất lượng sản phẩm thôi giữ chức vụ bao lâu thì được thành lập doanh nghiệp?", "09 tháng", "Điều 4, khoản 1"),
    ],
)
def test_a_duration_for_the_fields_a_clause_cites_answers_a_question_naming_one(bot, question, duration, clause):
    ans = bot.answer(question)
    assert not ans.abstained, ans.answer
    assert duration in ans.answer.split("Theo")[0], ans.answer
    assert ans.citations[0].clause == clause


def test_only_clauses_setting_the_scope_are_read_not_a_thing_cited_by_label(bot):
    d = bot.corpus.get("doc1")
    own = d.clause("Điều 4, khoản 2")
    assert cited_here(d, own) == (d.clause("Điều 3, khoản 3").text, d.clause("Điều 3, khoản 4").text)
    assert cited_here(d, own, "Doanh nghiệp gửi hồ sơ quy định tại khoản 1 Điều này tới Bộ") == ()
    # a condition opening with "Trường hợp" whose own subject is cited sets no scope
    assert cited_here(d, own, "Trường hợp các thành phần trong hồ sơ quy định tại khoản 1 Điều này đã có thì …") == ()
    assert cited_here(d, own, "các trường hợp quy định tại Điều 3 Thông tư số 21/2021/TT-BLĐTBXH") == ()


def test_clauses_cited_one_by_one_set_the_scope_as_a_list_does(bot):
    """ "các chính sách quy định tại khoản 1, khoản 2 Điều 3" is "các khoản 1, 2 Điều 3": the policies are said there."""
    d = bot.corpus.get("doc1")
    own = d.clause("Điều 4, khoản 2")
    both = (d.clause("Điều 3, khoản 1").text, d.clause("Điều 3, khoản 2").text)
    said = "Học sinh được hưởng thêm 1 tháng các chính sách quy định tại khoản 1, khoản 2 Điều 3 Thông tư này."
    assert cited_here(d, own, said) == both
    assert cited_here(d, own, said.replace("khoản 1, khoản 2", "khoản 1 và khoản 2")) == both
    assert cited_here(d, own, said.replace("các chính sách", "chế độ")) == both
