"""Forms officials write two ways (đô la / USD, vạn / 10.000, ‰ / phần nghìn) read alike on both sides."""

from __future__ import annotations

import pytest

from index.tokenize import equivalent_forms, tokenize_vi


@pytest.mark.parametrize(
    ("text", "written"),
    [("bao nhiêu đô la Mỹ?", "bao nhiêu USD?"), ("thu về bao nhiêu Đô-la", "thu về bao nhiêu USD"),
     ("bao nhieu trieu do la", "bao nhieu triệu USD"), ("mỗi vạn người dân", "mỗi 10.000 người dân"),
     ("mười nghìn đồng", "10.000 đồng"), ("hàng ngàn người", "hàng nghìn người"),
     ("nghìn tỷ đồng", "1.000 tỷ đồng")],
)
def test_a_form_is_read_as_documents_write_it(text, written):
    assert equivalent_forms(text) == written


@pytest.mark.parametrize("text", ["hai vạn người", "ba nghìn tỷ đồng", "lý do la gì", "van ban nay", "ngành y tế"])
def test_a_number_word_inside_a_number_and_ambiguous_unaccented_words_are_left(text):
    assert equivalent_forms(text) == text


def test_per_mille_sign_meets_the_words():
    assert "nghìn" in tokenize_vi("giảm 0,4‰")
    assert set(tokenize_vi("bao nhiêu đô la")) & set(tokenize_vi("174 triệu USD")) >= {"usd"}


@pytest.mark.parametrize(
    ("question", "clause"),
    [("Nhóm phải có tối thiểu bao nhiêu thành viên?", "Nhóm nghiên cứu mạnh có ít nhất 05 thành viên."),
     ("Bảo hành tối thiểu bao lâu?", "Không ít hơn 24 tháng đối với công trình cấp I."),
     ("toi thieu bao nhieu thanh vien", "có ít nhất 05 thành viên"),
     ("Quỹ chi tối đa bao nhiêu?", "nhưng không quá 100 lần mức lương cơ sở"),
     ("Mức hỗ trợ tối đa là bao nhiêu?", "mức hỗ trợ không vượt quá 50% chi phí")],
)
def test_a_bound_asked_as_toi_thieu_or_toi_da_meets_the_clause_writing_it_otherwise(question, clause):
    """Legal texts write the ends of a bound several ways; a question asks "tối thiểu/tối đa"."""
    bound = {"toi", "thieu"} if "thieu" in question or "thiểu" in question else {"toi", "da"}
    assert set(tokenize_vi(question)) & set(tokenize_vi(clause)) >= bound


@pytest.mark.parametrize("text", ["không qua đào tạo", "khong qua dao tao", "không dưới sự quản lý"])
def test_words_that_only_look_like_a_bound_are_left(text):
    assert "tối" not in equivalent_forms(text)


@pytest.mark.parametrize(
    "text",
    # each looks like a plain word for a plan's term but means something else here
    ["tỷ lệ sinh viên tốt nghiệp", "tỷ lệ sinh con thứ 3 trở lên", "mức sinh hoạt phí hằng tháng",
     "trẻ em sinh ra được đăng ký khai sinh", "thông tin trên mạng xã hội", "quản lý qua mạng lưới",
     "người lao động kiếm được việc làm"],
)
def test_a_phrase_that_only_looks_like_a_term_is_left(text):
    assert equivalent_forms(text) == text


@pytest.mark.parametrize(
    ("text", "written"),
    [("Hỗ trợ (đô la Mỹ) mỗi tháng", "Hỗ trợ (USD) mỗi tháng"), ("ĐÔ LA MỸ", "USD"),
     ("thu 5 vạn; chi mười nghìn", "thu 5 vạn; chi 10.000"), ("tăng 2‰/năm", "tăng 2 phần nghìn /năm")],
)
def test_a_form_after_punctuation_in_capitals_or_without_a_first_word_is_still_read(text, written):
    """Only the forms whose first word stands in the text are tried: a form opening after a bracket, typed in
    capitals, or one with no word at all ("‰") is one of them."""
    assert equivalent_forms(text).split() == written.split()


def test_a_letter_that_case_rules_read_apart_still_gets_every_form():
    """A Kelvin sign or a dotless i (pasted from another script) makes lower case and the expressions disagree:
    such a text is read form by form, as written."""
    assert equivalent_forms("giá 5 đô la Mỹ, nhiệt độ 300 \u212a") == "giá 5 USD, nhiệt độ 300 \u212a"


def test_trying_only_the_forms_whose_first_word_stands_in_the_text_reads_as_trying_them_all(monkeypatch):
    """The pre-filter is only a speed-up: every form of the lexicon, alone, in a sentence, after a number, glued
    to a word, in capitals and two at a time reads exactly as when every form is tried on every text."""
    import index.tokenize as tok

    forms = [form for form, _ in tok._EQUIVALENTS]
    texts = [x for f in forms for x in (f, f"Mỗi {f} người", f"(2 {f})", f"x{f}y", f.upper(), f"{f} {forms[0]}")]
    texts += [f"{a}, {b}" for a, b in zip(forms, reversed(forms), strict=True)]
    read = [equivalent_forms(t) for t in texts]
    monkeypatch.setattr(tok, "_candidates", lambda low, after: list(range(after + 1, len(tok._EQUIVALENTS))))
    assert [equivalent_forms(t) for t in texts] == read
    assert sum(r != t for r, t in zip(read, texts, strict=True)) > len(forms)  # the forms were read at all
