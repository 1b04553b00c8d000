"""A case a question names by a figure ("con từ đủ 07 tuổi trở lên", "con 5 tuổi", "ngừng việc dưới 14 ngày") is not
answered by words stating only other cases on that unit ("20 ngày nếu con dưới 03 tuổi"), even when they never write
the asked figure (review findings F5, F13)."""

from __future__ import annotations

import pytest

from bot.answerers import Found
from bot.conditions import admits, asked_intervals
from bot.query import read_question
from bot.segments import Scorer
from bot.support import gaps, needs
from bot.tuning import AnswerTuning
from tests.fakes import found_in

_CARE = ("Thời gian hưởng chế độ khi chăm sóc con ốm đau trong một năm (từ ngày 01 tháng 01 đến ngày 31 tháng 12) "
         "cho mỗi con tối đa là 20 ngày nếu con dưới 03 tuổi; tối đa là 15 ngày nếu con từ đủ 03 tuổi đến dưới 07 tuổi.")
_UNDER_3 = "cho mỗi con tối đa là 20 ngày nếu con dưới 03 tuổi"
_FROM_3_TO_7 = "tối đa là 15 ngày nếu con từ đủ 03 tuổi đến dưới 07 tuổi"
_STOP_LONG = ("Trường hợp phải ngừng việc trên 14 ngày làm việc thì tiền lương ngừng việc do hai bên thỏa thuận nhưng "
              "phải bảo đảm tiền lương ngừng việc trong 14 ngày đầu tiên không thấp hơn mức lương tối thiểu")
_STOP_SHORT = ("Trường hợp ngừng việc từ 14 ngày làm việc trở xuống thì tiền lương ngừng việc được thỏa thuận không "
               "thấp hơn mức lương tối thiểu")


def _found(clause_text: str, quote: str, short: str) -> Found:
    return found_in(clause_text, short=short, quote=quote, title="Luật Bảo hiểm xã hội", doc_type="Luật",
                    number="1/2024/QH15", year=2024)


@pytest.fixture(scope="module")
def scorer() -> Scorer:
    return Scorer([f"Quy định chung số {i} về bảo hiểm xã hội và lao động." for i in range(50)])


def _wanted(question: str, scorer: Scorer):
    return [n for n in needs(read_question(question), scorer, AnswerTuning()) if n.kind == "condition"]


@pytest.mark.parametrize(
    ("question", "quote", "short"),
    [
        ("Chăm sóc con ốm đau khi con từ đủ 07 tuổi trở lên thì được nghỉ tối đa bao nhiêu ngày?", _UNDER_3, "20 ngày"),
        ("Chăm sóc con ốm đau khi con từ đủ 07 tuổi trở lên thì được nghỉ tối đa bao nhiêu ngày?", _FROM_3_TO_7,
         "15 ngày"),
        ("cham soc con om con 5 tuoi duoc nghi toi da bao nhieu ngay", _UNDER_3, "20 ngày"),
        ("Con lên 5 tuổi bị ốm thì bố mẹ được nghỉ chăm con tối đa mấy ngày?", _UNDER_3, "20 ngày"),
        ("Con trên 7 tuổi ốm đau thì được nghỉ tối đa mấy ngày một năm?", _FROM_3_TO_7, "15 ngày"),
    ],
)
def test_words_stating_only_other_cases_do_not_answer(scorer, question, quote, short):
    wanted = _wanted(question, scorer)
    assert wanted, question
    assert gaps(wanted, _found(_CARE, quote, short)) != ()


@pytest.mark.parametrize(
    ("question", "clause", "quote", "short"),
    [
        ("cham soc con om con 5 tuoi duoc nghi toi da bao nhieu ngay", _CARE, _FROM_3_TO_7, "15 ngày"),
        ("Con dưới 3 tuổi bị ốm thì được nghỉ chăm con tối đa bao nhiêu ngày một năm?", _CARE, _UNDER_3, "20 ngày"),
        ("Con đúng 3 tuổi bị ốm thì được nghỉ chăm con tối đa bao nhiêu ngày?", _CARE, _FROM_3_TO_7, "15 ngày"),
        ("Ngừng việc dưới 14 ngày làm việc thì tiền lương ngừng việc thế nào?", _STOP_SHORT, _STOP_SHORT, _STOP_SHORT),
        ("Ngừng việc 20 ngày thì tiền lương ngừng việc được trả thế nào?", _STOP_LONG, _STOP_LONG, _STOP_LONG),
    ],
)
def test_words_stating_the_case_asked_still_answer(scorer, question, clause, quote, short):
    assert gaps(_wanted(question, scorer), _found(clause, quote, short)) == ()


def test_the_other_side_of_the_same_figure_is_another_case(scorer):
    question = "Ngừng việc dưới 14 ngày làm việc thì tiền lương ngừng việc thế nào?"
    assert gaps(_wanted(question, scorer), _found(_STOP_LONG, _STOP_LONG, _STOP_LONG)) != ()


def test_a_figure_without_bound_words_is_no_case():
    # "con của đồng chí V là 06 tuổi" states no case; years are none either
    assert admits("con của đồng chí V là 06 tuổi", asked_intervals("con 8 tuổi")[0][0]) is None
    assert asked_intervals("Năm 2023 Lai Châu đặt chỉ tiêu gì?") == []


def test_a_range_is_one_case():
    asked, phrase = asked_intervals("Con từ đủ 07 tuổi trở lên bị ốm thì sao?")[0]
    assert phrase == "từ đủ 07 tuổi trở lên"
    assert admits("con từ đủ 03 tuổi đến dưới 07 tuổi", asked) is False
    assert admits("con từ đủ 03 tuổi đến 07 tuổi", asked) is True  # both ends in: 7 is admitted
