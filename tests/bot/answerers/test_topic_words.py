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


def test_typed_with_diacritics_a_function_word_goes_by_its_spelling():
    # "tư" of "đầu tư" and "hội" of "xã hội" fold to function words ("từ", "hỏi"), but are not spelt as them
    words = set(topic_words(read_question("Vốn đầu tư toàn xã hội của Sơn La năm 2023 là bao nhiêu?")).split())
    assert {"tư", "xã", "hội"} <= words


def test_plain_words_are_read_as_the_documents_term_before_form_words_go():
    # "ra" between the words and "phần" before "trăm" are form or function words: read as a whole first
    words = set(topic_words(read_question("Sơn La muốn bán hàng ra nước ngoài tăng bao nhiêu phần trăm?")).split())
    assert {"xuất", "khẩu"} <= words
    assert not {"bán", "ngoài", "trăm", "muốn"} & words


def test_a_wish_framing_the_question_is_no_evidence():
    words = set(topic_words(read_question("Năm 2023 Lai Châu mong mỗi người dân có việc làm?")).split())
    assert not {"mong", "mỗi"} & words
    assert {"người", "việc"} <= words


def test_every_paraphrase_spelling_folds_to_a_paraphrase_word():
    lex = load_lexicon()
    assert {fold(w) for w in lex.topic("paraphrase_spellings")} <= set(lex.topic("paraphrase_words"))
