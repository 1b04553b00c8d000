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
