"""Vietnamese text keys: accent folding must give the same key for a word and for a whole clause."""

from __future__ import annotations

import re
import unicodedata

import pytest

from corpus.text import fold, has_diacritics, whole_words


def test_folding_a_long_clause_folds_each_of_its_words() -> None:
    words = ["Ủy", "ban", "nhân", "dân", "tỉnh", "Điện", "Biên", "hoà", "hòa", "khoẻ", "Quỹ", "được", "ưu", "đãi"]
    clause = " ".join(words * 8)  # long: folded by removing each distinct mark at once
    assert fold(clause) == " ".join(fold(w) for w in words * 8)
    assert fold(clause).split()[:7] == ["uy", "ban", "nhan", "dan", "tinh", "dien", "bien"]
    assert fold(unicodedata.normalize("NFD", clause)) == fold(clause)
    assert fold("Đ" * 60) == "d" * 60 and fold("") == ""


@pytest.mark.parametrize(("text", "marked"), [("Tỷ lệ hộ nghèo", True), ("hoà bình", True), ("dd đ", True),
                                              ("ty le ho ngheo", False), ("UBND 2024", False)])
def test_a_text_typed_with_any_vietnamese_mark_is_told_from_one_typed_without(text, marked):
    assert has_diacritics(text) is marked


def test_a_phrase_is_compared_as_the_question_was_typed():
    from corpus.text import compare_key, has_diacritics

    assert compare_key("Khánh Hoà", True) == compare_key("Khánh Hòa", True) == "khánh hòa"  # old-style tones
    assert compare_key("Khánh Hoà", False) == compare_key("khanh hoa", False) == "khanh hoa"
    assert compare_key("Năm", True) != compare_key("Nam", True) and compare_key("Năm", False) == "nam"
    assert has_diacritics("Sở Nội vụ") and not has_diacritics("so noi vu")


def test_text_typed_in_any_script_folds_as_its_letters_decompose() -> None:
    # names of foreign bodies and places appear in treaties and decrees; folding must not garble them
    assert fold("Crème brûlée, Ελλάδα, Ǖ, İzmir") == "creme brulee, ελλαδα, u, izmir"
    assert fold("NGHỊ ĐỊNH") == fold("nghị định") == fold("nghi dinh") == "nghi dinh"
    long = "Điều 5. Hồ sơ đề nghị khen thưởng " * 20  # longer than the remembered texts
    assert fold(long) == "dieu 5. ho so de nghi khen thuong " * 20


def test_a_long_text_gets_every_word_in_traditional_tones_and_keeps_all_between_them():
    from corpus.text import canonical_tones

    text = "Uỷ ban nhân dân tỉnh Khánh Hoà — khoẻ mạnh, 2024;\n  Quỹ hỗ trợ (hoà giải)./."
    assert canonical_tones(text) == "Ủy ban nhân dân tỉnh Khánh Hòa — khỏe mạnh, 2024;\n  Quỹ hỗ trợ (hòa giải)./."
    plain = "Điều 5. Trách nhiệm của Sở Nội vụ\n1. Hướng dẫn thi đua, khen thưởng." * 20
    assert canonical_tones(plain) == plain  # already in traditional tones: unchanged
    assert canonical_tones(unicodedata.normalize("NFD", "hoà")) == "hòa" and canonical_tones("") == ""


def test_whole_words_finds_a_phrase_only_as_whole_words():
    ten = whole_words("Hà Nam", re.IGNORECASE)
    assert ten.search("Chỉ thị của UBND tỉnh hà nam năm 2023")
    assert not ten.search("Chỉ thị của tỉnh Hà Namh")  # a longer word is another word
    assert whole_words("Hà Nam", re.IGNORECASE) is ten  # compiled once, kept for the next question
    assert whole_words("1.000%").sub("X", "mức 1.000% năm") == "mức X năm"  # read literally, not as an expression
    assert not whole_words("ha noi").search("Hà Nội")  # no flag: accents and case as given
