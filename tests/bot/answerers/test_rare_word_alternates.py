"""A clause naming the rare word asked about is read even when clauses sharing the question's common words rank first.

"Phích nước có thuộc đồ vật cấm …?": the scope and purpose articles repeat "đồ vật cấm đưa vào nơi chấp hành án phạt
tù" and rank first, while the item listing "Phích nước" shares only its rare word; it is read as well (the support
check still decides whether it answers).
"""

from __future__ import annotations

from dataclasses import replace
from types import SimpleNamespace

import pytest

from bot.answerers.base import with_alternates, with_rarest
from bot.query import read_question
from bot.support import Need
from bot.tuning import AnswerTuning
from tests.fakes import found_in

_QUESTION = "Phích nước có thuộc đồ vật cấm đưa vào nơi chấp hành án phạt tù không?"


def _found(n: int, text: str, score: float):
    f = found_in(text)
    return replace(f, clause=replace(f.clause, id=f"d:{n}", label=f"Điều {n}"), score=score)


@pytest.fixture
def ranked():
    return [
        _found(1, "Thông tư này quy định về đồ vật cấm đưa vào nơi chấp hành án phạt tù.", 0.53),
        _found(4, "Người nào phát hiện đồ vật cấm đưa vào nơi chấp hành án phạt tù thì báo ngay.", 0.51),
        _found(5, "Đồ vật cấm phát hiện tại nơi chấp hành án phạt tù được xử lý như sau.", 0.47),
        _found(3, "Đồ vật khác có thể gây mất an toàn.", 0.42),
        _found(2, "Phích nước; đồ vật bằng kim loại, đồ làm bằng sành sứ.", 0.33),
    ]


@pytest.fixture
def reader(monkeypatch):
    import bot.support

    rare = Need("word", "phích", token="phích", accented=True)
    monkeypatch.setattr(bot.support, "needs", lambda q, scorer, tuning: (rare,))
    scorer = SimpleNamespace(idf=lambda unit: 9.8 if unit == "phích" else 3.0)
    return SimpleNamespace(tuning=AnswerTuning(), scorer=scorer, scores={}, needs_memo={})


def test_the_item_naming_the_rare_word_is_read_after_the_best_ones(reader, ranked):
    q = read_question(_QUESTION)
    out = with_alternates(ranked, reader.tuning, reader, q)
    assert [f.clause.label for f in out] == ["Điều 1", "Điều 4", "Điều 5", "Điều 2"]
    assert all(f.alternate for f in out[1:])
    assert [f.clause.label for f in with_rarest(reader, q, ranked, 3)] == ["Điều 1", "Điều 4", "Điều 5", "Điều 2"]


def test_nothing_is_added_when_a_best_one_names_it_or_none_does(reader, ranked):
    q = read_question(_QUESTION)
    first = [ranked[-1], *ranked[:-1]]
    assert [f.clause.label for f in with_alternates(first, reader.tuning, reader, q)] == ["Điều 2", "Điều 1", "Điều 4"]
    none = ranked[:-1]
    assert [f.clause.label for f in with_alternates(none, reader.tuning, reader, q)] == ["Điều 1", "Điều 4", "Điều 5"]
    assert len(with_rarest(reader, q, none, 3)) == 3
