"""How a decline or a request to clarify reads: one line of natural Vietnamese, no doubled brackets, quotes or words.

The official reads these lines in the chat and the CLI; "câu hỏi hỏi về thời điểm đang hỏi" or
"Chỉ thị 01/CT-UBND (Sơn La, 2024) (văn bản của câu hỏi trước)" read as a machine's.
"""

from __future__ import annotations

import itertools
import re

import pytest

from bot import Assistant, get_settings
from bot.support import Need
from tests.fakes import ask_in_turn

# ") (", "))", "””", "“ … “", ".." (not an ellipsis), ",,", " ,", "( ", " )", "”)." after a quote in brackets
_DOUBLED = re.compile(r"\) \(|\)\)|””|““|“[^”]*“|(?<![.…])\.\.(?!\.)|,,|\s[,.;:)]|\(\s|”\)\.")


def _reads_cleanly(text: str) -> bool:
    words = re.findall(r"\w+", text.lower())
    repeated = any(a == b for a, b in itertools.pairwise(words))
    return "\n" not in text and not _DOUBLED.search(text) and not repeated


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    return Assistant.load(get_settings(index_dir=tmp_path_factory.mktemp("index"), retriever="bm25"))


@pytest.mark.parametrize("question", ["Giá xăng hôm nay là bao nhiêu?", "gia xang hom nay la bao nhieu",
                                      "Thời tiết tuần này ở Hà Nam thế nào?"])
def test_a_question_dated_by_the_moment_of_asking_is_declined_in_one_plain_line(bot, question):
    ans = bot.answer(question)
    assert ans.abstained and ans.answer.startswith("Không tìm thấy")
    assert _reads_cleanly(ans.answer), ans.answer
    assert "thời điểm hiện tại" in ans.answer and ans.answer.count("hỏi") == 1  # "câu hỏi", not "hỏi về … đang hỏi"


@pytest.mark.parametrize("followup", ["Còn năm 2027 thì sao?", "con nam 2027 thi sao"])
def test_a_year_the_series_lacks_is_declined_naming_the_document_once_without_doubled_brackets(bot, followup):
    _, ans = ask_in_turn(bot, "Chỉ tiêu tỷ lệ hộ nghèo năm 2024 của Sơn La là bao nhiêu?", followup)
    assert ans.abstained and not ans.citations
    assert _reads_cleanly(ans.answer), ans.answer
    assert "năm 2027" in ans.answer and ans.answer.count("Chỉ thị 01/CT-UBND (Sơn La, 2024)") == 1


@pytest.mark.parametrize("question", ["Điều 5 quy định gì?", "Khoản 3 Điều 7 quy định gì?"])
def test_a_clause_asked_without_its_document_gets_one_line_asking_for_it(bot, question):
    ans = bot.answer(question)
    assert ans.abstained and _reads_cleanly(ans.answer), ans.answer
    assert ans.answer.endswith("“Điều 5 Thông tư 28/2026/TT-BTC quy định gì?”")  # the example closes the line


def test_this_document_with_none_in_the_conversation_says_so_once(bot):
    _, ans = ask_in_turn(bot, "Thông tư 99/2031/TT-BTC quy định gì?", "Thông tư này do ai ký?")
    assert ans.abstained and _reads_cleanly(ans.answer), ans.answer
    assert "99/2031/TT-BTC không có trong kho" in ans.answer and ans.answer.count("trong kho") == 2


def test_a_missing_figure_is_said_in_words_not_quoted_as_if_the_question_had_said_it(bot):
    """"Các điều khoản tìm được không nêu “vùng V”, “con số”": "con số" was never typed by the official."""
    from bot.query import read_question

    q = read_question("Mức lương tối thiểu vùng V là bao nhiêu?")
    scope = list(bot.corpus.directives)
    both = bot._abstain(q, scope, [], (Need("label", "vùng V"), Need("figure", "con số")))
    alone = bot._abstain(q, scope, [], (Need("figure", "con số"),))
    assert "không nêu “vùng V”, cũng không có con số trả lời câu hỏi." in both.answer
    assert alone.answer.endswith("Các điều khoản tìm được không có con số trả lời câu hỏi.")
    assert "“con số”" not in both.answer + alone.answer
    assert all(_reads_cleanly(a.answer) for a in (both, alone))


def test_a_year_kept_from_the_previous_question_is_explained_with_the_years_the_province_has(bot):
    _, ans = ask_in_turn(bot, "Chỉ tiêu tỷ lệ hộ nghèo năm 2027 của Sơn La là bao nhiêu?", "Còn Lai Châu?")
    assert ans.abstained and _reads_cleanly(ans.answer), ans.answer
    assert ans.answer.endswith("Năm 2027 được hiểu theo câu hỏi trước; kho chỉ có văn bản của Lai Châu năm 2023.")
