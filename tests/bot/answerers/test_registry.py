"""The registry and the legal-text kinds: every kind has an answerer; durations keep their unit."""

from __future__ import annotations

import pytest

from bot.answerers import ANSWERERS, answerer_for
from bot.extract import find_durations, find_effect
from bot.query import KINDS, read_question
from bot.tuning import AnswerTuning


def test_every_question_kind_has_an_answerer():
    assert set(ANSWERERS) == set(KINDS)
    assert all(hasattr(answerer_for(k), "find") for k in KINDS)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Thông tư 16/2023/TT-BLĐTBXH có hiệu lực từ ngày nào?", "effect"),
        ("Thông tư này thay thế thông tư nào?", "effect"),
        ("Hợp đồng lao động xác định thời hạn tối đa bao nhiêu tháng?", "duration"),
        ("Báo cáo kết quả phải gửi trước ngày nào?", "duration"),
        ("Hồ sơ đề nghị khen thưởng gồm những gì?", "dossier"),
        ("ho so de nghi khen thuong gom nhung gi", "dossier"),
        ("Điều kiện hưởng lương hưu là gì?", "condition"),
        ("Tiêu chuẩn danh hiệu Chiến sĩ thi đua cơ sở?", "condition"),
        ("Người lao động được hiểu là gì?", "definition"),
        ("Ai có thẩm quyền quyết định tặng Bằng khen?", "decider"),
    ],
)
def test_legal_text_kinds_are_recognised(question, kind):
    assert read_question(question).kind == kind


def test_a_duration_is_read_with_its_unit_never_a_bare_number():
    text = "3. Thời hạn tối đa 36 tháng; báo cáo trước ngày 15/11/2024, trong thời hạn 05 ngày làm việc."
    found = [s.text for s in find_durations(text)]
    assert found == ["tối đa 36 tháng", "trước ngày 15/11/2024", "trong thời hạn 05 ngày làm việc"]
    assert "3." not in found


def test_an_effect_date_is_read_whole():
    span = find_effect("Thông tư này có hiệu lực thi hành kể từ ngày 15 tháng 02 năm 2024.")
    assert span is not None and span.text.endswith("15 tháng 02 năm 2024")


def test_tuning_is_one_frozen_record_with_a_dict_for_reports():
    t = AnswerTuning()
    with pytest.raises(AttributeError):
        t.abstain_below = 0.5  # type: ignore[misc]
    assert t.to_dict()["max_docs"] == 5
