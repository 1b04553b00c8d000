"""The words of a question that count as evidence: form words go, content words spelt like them stay."""

from __future__ import annotations

import pytest

from bot.answerers import topic_words
from bot.query import read_question
from corpus.lexicon import load_lexicon
from corpus.text import fold


@pytest.mark.parametrize(
    ("question", "kept", "dropped"),
    [
        ("Tiền ký quỹ của doanh nghiệp bán hàng đa cấp chỉ được rút khi có văn bản đồng ý của cơ quan nào?",
         {"bán", "rút"}, {"chỉ", "văn", "nào"}),
        ("Mức chi tổ chức và hoạt động bảo hiểm xã hội tối đa là bao nhiêu?", {"chi", "hiểm"}, {"Mức", "là", "bao"}),
        ("Mã số chức danh Tư vấn viên dịch vụ việc làm hạng II là gì?", {"vấn"}, {"số", "vụ", "làm", "gì"}),
    ],
)
def test_typed_with_diacritics_only_form_spellings_go(question, kept, dropped):
    words = set(topic_words(read_question(question)).split())
    assert kept <= words
    assert not dropped & words


def test_typed_without_diacritics_every_folded_form_word_goes():
    words = set(topic_words(read_question("muc chi to chuc va hoat dong bao hiem xa hoi toi da la bao nhieu")).split())
    assert "chi" not in words and "muc" not in words
    assert {"hiem", "xa"} <= words


def test_every_form_spelling_folds_to_a_form_word():
    lex = load_lexicon()
    folded = set(lex.topic("answer_form_words"))
    assert {fold(w) for w in lex.topic("answer_form_spellings")} <= folded
