"""Questions about a document itself: who signed it is answered with the title they signed under, read from the
signature block ("KT. BỘ TRƯỞNG / THỨ TRƯỞNG" is a deputy minister signing for the minister)."""

from __future__ import annotations

import pytest

from tests.fakes import assistant_over

_HEAD = """BỘ NỘI VỤ
Số: 78/2026/TT-BNV
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Hà Nội, ngày 12 tháng 3 năm 2026

THÔNG TƯ
Quy định về sổ tay thi đua của cơ sở

Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022;
Bộ trưởng Bộ Nội vụ ban hành Thông tư quy định về sổ tay thi đua của cơ sở.

Điều 1. Phạm vi điều chỉnh
Thông tư này quy định về mẫu, cách ghi và lưu giữ sổ tay thi đua của cơ sở.
Điều 2. Hiệu lực thi hành
Thông tư này có hiệu lực thi hành kể từ ngày 01 tháng 5 năm 2026.

Nơi nhận:
- Văn phòng Chính phủ;
- Lưu: VT, Vụ TĐKT.
KT. BỘ TRƯỞNG
THỨ TRƯỞNG
(Đã ký)
Trần Thị Bình
"""


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    return assistant_over(tmp_path_factory, texts={"doc1.txt": _HEAD})


@pytest.mark.parametrize("question", ["Thông tư 78/2026/TT-BNV do ai ký?",
                                      "thong tu 78/2026/tt-bnv do ai ky"])
def test_the_signer_is_named_with_the_title_signed_under_and_for_whom(bot, question):
    ans = bot.answer(question)
    assert not ans.abstained
    assert ans.answer.startswith("Người ký: Trần Thị Bình, Thứ trưởng (ký thay Bộ trưởng).")
    assert ans.citations[0].clause == "phần chữ ký"


@pytest.mark.parametrize("question", ["Chỉ thị thi đua năm 2023 của Sơn La do ai ký và với chức vụ gì?",
                                      "Người ký chỉ thị thi đua năm 2023 của Lai Châu giữ chức vụ gì?"])
def test_a_chairman_signing_a_directive_is_named_as_chairman(bot, question):
    ans = bot.answer(question)
    assert not ans.abstained and ", Chủ tịch." in ans.answer.split(" Theo ")[0]


@pytest.mark.parametrize("question", ["Chức vụ của người ký Thông tư 78/2026/TT-BNV là gì?",
                                      "Người ký Thông tư 78/2026/TT-BNV giữ chức danh gì?",
                                      "chuc vu cua nguoi ky thong tu 78/2026/tt-bnv la gi"])
def test_the_signers_title_asked_with_the_document_named_is_read_from_the_signature(bot, question):
    # "Thông tư … gì" read as a question about a document cited, answered from Điều 1 (a review finding)
    ans = bot.answer(question)
    assert not ans.abstained and "Thứ trưởng (ký thay Bộ trưởng)" in ans.answer.split(" Theo ")[0], ans.answer
    assert ans.citations[0].clause == "phần chữ ký"
