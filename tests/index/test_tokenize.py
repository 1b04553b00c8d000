"""The BM25 analyser: how people actually type must meet how documents are written."""

from __future__ import annotations

import pytest

from index import expand_abbreviations, tokenize_vi
from index.tokenize import one_spelling


def _shared(a: str, b: str) -> set[str]:
    return set(tokenize_vi(a)) & set(tokenize_vi(b))


def test_unaccented_query_shares_every_word_with_the_accented_text() -> None:
    doc = "Tỷ lệ hộ nghèo theo chuẩn nghèo giai đoạn 2021-2025 là 11,41%."
    assert set(tokenize_vi("ty le ho ngheo")) <= _shared("ty le ho ngheo", doc)
    assert len(tokenize_vi("ty le ho ngheo")) == 4  # "tỷ" is read "tỉ" on both sides: still one word


def test_old_and_new_tone_placement_give_the_same_tokens() -> None:
    assert tokenize_vi("Uỷ ban nhân dân, hoà bình, khoá học") == tokenize_vi("Ủy ban nhân dân, hòa bình, khóa học")


def test_upper_case_and_nfd_input_give_the_same_tokens() -> None:
    import unicodedata

    text = "THI ĐUA KHEN THƯỞNG"
    assert tokenize_vi(unicodedata.normalize("NFD", text)) == tokenize_vi("thi đua khen thưởng")


def test_abbreviation_keeps_its_token_and_adds_the_expansion() -> None:
    tokens = tokenize_vi("Chủ tịch UBND tỉnh")
    assert "ubnd" in tokens
    assert {"ủy", "ban", "nhân", "dân"} <= set(tokens)
    assert {"ủy", "ban", "nhân", "dân"} <= _shared("uy ban nhan dan", "UBND") | _shared("ủy ban nhân dân", "UBND")


def test_abbreviation_typed_without_accents_or_in_lower_case_is_expanded() -> None:
    assert "thi đua khen thưởng" in expand_abbreviations("hội đồng tdkt")
    assert "mặt trận tổ quốc" in expand_abbreviations("mttq tỉnh")
    assert expand_abbreviations("TĐKT").startswith("TĐKT")


def test_document_number_codes_are_not_expanded_but_stay_searchable() -> None:
    assert expand_abbreviations("Chỉ thị số 01/CT-UBND") == "Chỉ thị số 01/CT-UBND"
    assert "01/ct-ubnd" in tokenize_vi("Chỉ thị số 01/CT-UBND ngày 5/1/2024")


def test_decimal_numbers_match_with_comma_or_dot() -> None:
    assert "11,41" in _shared("tỷ lệ 11.41", "là 11,41%")


def test_compound_words_are_extra_tokens_next_to_syllables() -> None:
    tokens = tokenize_vi("Tỷ lệ hộ nghèo giai đoạn 2021-2025")
    assert "giai_đoạn" in tokens and "giai" in tokens and "đoạn" in tokens
    assert one_spelling("tỷ_lệ") in tokens and one_spelling("tỷ") in tokens  # "tỷ" and "tỉ" are one word


def test_function_words_are_dropped_but_meaningful_short_words_kept() -> None:
    tokens = tokenize_vi("các chỉ tiêu của tỉnh Sơn La không đạt")
    assert "của" not in tokens and "các" not in tokens
    assert "la" in tokens and "không" in tokens


def test_empty_and_punctuation_only_text_give_no_tokens() -> None:
    assert tokenize_vi("") == []
    assert tokenize_vi(" ... ; - ") == []


def test_tokens_of_a_repeated_text_are_the_same_and_a_caller_cannot_change_them() -> None:
    """Words and sentences are tokenised once and remembered: a second chunk repeating them gets equal tokens,
    and a caller editing its list must not change what the next caller gets."""
    text = "Ủy ban nhân dân tỉnh phát động phong trào thi đua. Tỷ lệ hộ nghèo giảm 1,5%."
    first = tokenize_vi(text)
    expected = list(first)
    first.clear()
    first_words = tokenize_vi("Ủy ban nhân dân tỉnh")
    first_words.append("ghi-đè")
    assert tokenize_vi(text) == expected
    assert "ghi-đè" not in tokenize_vi("Ủy ban nhân dân tỉnh")
    assert "ủy_ban" in expected and "uy_ban" in expected and "1,5" in expected


def test_text_without_abbreviations_is_left_as_is_and_odd_capitals_still_expand() -> None:
    """Most clauses hold no abbreviation and skip the full search; a letter that only matches an abbreviation
    when case is ignored (the Kelvin sign typed for K) must still be expanded as before."""
    assert expand_abbreviations("Tỷ lệ hộ nghèo giảm 1,5%") == "Tỷ lệ hộ nghèo giảm 1,5%"
    assert expand_abbreviations("Sở KHCN tỉnh") == "Sở KHCN (khoa học và công nghệ) tỉnh"
    assert expand_abbreviations("Sở \u212aHCN tỉnh") == "Sở KHCN (khoa học và công nghệ) tỉnh"  # NFC: K
    assert expand_abbreviations("mã 01/CT-UBND") == "mã 01/CT-UBND"


def test_word_by_word_pieces_are_those_of_the_whole_expanded_text() -> None:
    """The answer layer reads a text's pieces word by word from a cache: an abbreviation next to a slash,
    an ampersand, a hyphen, a bracket or an odd space must be expanded (or not) exactly as in the whole text."""
    import re

    from index.tokenize import expanded_pieces

    texts = [
        "Chủ tịch UBND tỉnh, HĐND và Sở TT&TT; mã 01/CT-UBND, x/ubnd ubnd/ -ubnd ubnd- (UBND) ubnd&",
        "Uỷ ban MTTQ\u00a0tỉnh phối hợp với Sở GD&ĐT, LĐ-TB&XH\nvà Sở \u212aHCN; cnh-hđh, CNH-HDH",
        "Tỷ lệ hộ nghèo giảm 1,5% (không có chữ viết tắt)",
        "",
    ]
    for text in texts:
        expected = re.findall(r"[^\W_]+", expand_abbreviations(text).lower())
        assert expanded_pieces(text) == expected
        assert expanded_pieces(text) == expected  # the second time from the cache
    assert {"ủy", "ban", "nhân", "dân"} <= set(expanded_pieces("UBND tỉnh"))
    assert "ủy" not in expanded_pieces("mã 01/CT-UBND")


@pytest.mark.parametrize(("written", "spelled"), [("HĐND tỉnh", "hội đồng nhân dân"), ("Hội đồng TĐKT", "thi đua khen thưởng"),
                                                   ("Sở GD&ĐT", "giáo dục và đào tạo"), ("hdnd tinh", "hội đồng nhân dân")])
def test_abbreviations_written_with_d_stroke_are_spelled_out_like_the_others(written, spelled):
    # "HĐND" in a document must meet a question that says "Hội đồng nhân dân" (and the reverse).
    assert spelled in expand_abbreviations(written)
    assert set(spelled.split()) - {"và"} <= set(tokenize_vi(written))  # "và" is a stopword


def test_every_abbreviation_of_a_long_article_is_spelled_out_by_its_own_boundaries() -> None:
    """A long article is searched only where an abbreviation's letters stand; each place must still be judged
    by the boundary rules (not inside a code or a word, the longest name first) wherever it falls."""
    cases = [
        ("Chủ tịch UBND tỉnh", "Chủ tịch UBND (ủy ban nhân dân) tỉnh"),
        ("mã 01/CT-UBND và xUBND", "mã 01/CT-UBND và xUBND"),
        ("Uỷ ban UBMTTQ tỉnh", "Uỷ ban UBMTTQ (ủy ban mặt trận tổ quốc) tỉnh"),
        ("Sở TT&TT, Sở KHCN.", "Sở TT&TT (thông tin và truyền thông), Sở KHCN (khoa học và công nghệ)."),
        ("(HĐND) hdnd;MTTQ", "(HĐND (hội đồng nhân dân)) hdnd (hội đồng nhân dân);MTTQ (mặt trận tổ quốc)"),
        ("ubnd-huyện, hộ nghèo", "ubnd-huyện, hộ nghèo"),
    ]
    written = "\n".join(w for w, _ in cases) * 300
    spelled = "\n".join(s for _, s in cases) * 300
    assert len(written) > 30_000
    assert expand_abbreviations(written) == spelled


@pytest.mark.parametrize(("one", "other"), [("tỉ lệ hộ nghèo", "tỷ lệ hộ nghèo"), ("Ai kí", "ai ký"),
                                            ("bác sĩ", "bác sỹ"), ("kĩ thuật", "kỹ thuật"), ("ti le", "ty le")])
def test_the_two_spellings_of_a_lone_final_i_or_y_are_one_word_to_the_search(one, other) -> None:
    # "Tỉ lệ nội địa hóa" in one decree, "tỷ lệ" in the question: both are correct Vietnamese, one word
    assert tokenize_vi(one) == tokenize_vi(other)


@pytest.mark.parametrize(("one", "other"), [("thủy lợi", "thủi lợi"), ("ngày", "ngài"), ("tay", "tai")])
def test_y_after_another_vowel_is_not_an_i(one, other) -> None:
    assert tokenize_vi(one) != tokenize_vi(other)
