"""What a document repeals is a document it names as a whole, not one whose parts it replaces: "Thay thế: Phụ lục II,
Phụ lục III … ban hành kèm theo Thông tư số 21/2021/TT-BLĐTBXH" leaves that circular in force (review finding F12;
real gazette texts copied under neutral names)."""

from __future__ import annotations

import pytest

from tests.fakes import assistant_over


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    return assistant_over(tmp_path_factory, {
        # Điều 2: "Thay thế: Phụ lục II … kèm theo Thông tư số 21/2021/TT-BLĐTBXH"; Điều 4, khoản 3: "Bãi bỏ Thông tư
        # số 02/2024/TT-BLĐTBXH"
        "abroad.txt": "thong-tu-so-09-2026-tt-bnv-469696.txt",
    })


@pytest.mark.parametrize("question", [
    "Thông tư 09/2026/TT-BNV bãi bỏ thông tư nào?",
    "Thông tư cũ nào không còn áp dụng theo Thông tư 9/2026/TT-BNV?",
    "thong tu 09/2026/tt-bnv bai bo thong tu nao",
])
def test_a_circular_whose_appendices_are_replaced_is_not_what_is_repealed(bot, question):
    ans = bot.answer(question)
    head = ans.answer.split("Theo")[0]
    assert "21/2021" not in head, ans.answer
    assert not ans.abstained, ans.answer
    assert "02/2024/TT-BLĐTBXH" in head, ans.answer
    assert ans.citations[0].clause.startswith("Điều 4, khoản 3"), ans.answer


def test_parts_asked_are_still_answered_by_the_parts_replaced(bot):
    ans = bot.answer("Thông tư 09/2026/TT-BNV thay thế những phụ lục nào của Thông tư 21/2021/TT-BLĐTBXH?")
    assert not ans.abstained, ans.answer
    assert "Điều 2" in ans.citations[0].clause, ans.answer
