"""bot.steps: one reading of "vùng IV", "mức 3" for the question, the answer and the support check."""

from __future__ import annotations

from bot.steps import ends_with_step_noun, step_pattern
from corpus.text import fold


def test_a_step_is_its_noun_and_label_typed_with_or_without_marks() -> None:
    for typed in ("Mức lương tối thiểu vùng IV là bao nhiêu?", "muc luong toi thieu vung iv la bao nhieu"):
        assert [(m.group(1), m.group(2)) for m in step_pattern().finditer(fold(typed))] == [("vung", "iv")]
    # an amount or a number is no label
    assert not list(step_pattern().finditer(fold("Mức 20% và mức 1,5 lần")))


def test_a_scale_step_and_a_qualifier_step_are_both_read() -> None:
    assert [m.group(1) for m in step_pattern().finditer(fold("Mức 3 vùng II"))] == ["muc", "vung"]


def test_a_number_after_a_step_or_numbering_noun_is_no_figure() -> None:
    assert ends_with_step_noun("Phụ cấp mức ") and ends_with_step_noun("Thi đua năm ")
    assert not ends_with_step_noun("Tỷ lệ hộ nghèo giảm ")


def test_a_step_is_the_same_written_in_arabic_or_roman_numerals():
    from bot.steps import step_spellings, step_value

    assert step_value("II") == step_value("2") == step_value("02") == "2"
    assert step_value("iv") == "4" and step_value("IX") == "9"
    assert set(step_spellings("2")) == {"2", "02", "ii"}
    assert set(step_spellings("IV")) == {"iv", "4", "04"}
    assert step_spellings("b") == ("b",)  # a letter ("điểm b") is only itself
