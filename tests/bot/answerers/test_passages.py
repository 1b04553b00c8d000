"""Reading answers out of sentence parts: the same answers however many shapes a question tries, and no part
that could still reach the threshold left unread."""

from __future__ import annotations

from dataclasses import replace

from bot.answerers.base import Reader
from bot.answerers.passages import by_segment
from bot.query import read_question
from bot.segments import Scorer, split_segments
from bot.tuning import AnswerTuning
from tests.fakes import _clause, _directive, hit

_DUTIES = ("Sở Nội vụ chủ trì, phối hợp với Sở Tài chính tham mưu Ủy ban nhân dân tỉnh tổ chức phong trào thi đua; "
           "theo dõi, đôn đốc các cơ quan thực hiện Chỉ thị này. Báo cáo kết quả về Ủy ban nhân dân tỉnh trước "
           "ngày 15 tháng 12 hằng năm.")
_KINDS = ("Doanh thu từ hoạt động dịch vụ được chia thành 04 loại theo quy định của Thông tư này. Mỗi loại được "
          "hạch toán riêng theo hướng dẫn của Bộ Tài chính.")


def _reader(text: str, tuning: AnswerTuning | None = None):
    clause = _clause("doc", ("1",), "mục 1", text)
    d = _directive("doc", "Sơn La", 2024, [clause])
    scorer = Scorer([text, "phong trào thi đua", "Sở Tài chính", "doanh thu", "dịch vụ", "hạch toán"])
    reader = Reader({clause.id: (d, clause)}, {clause.id: split_segments(clause.id, d.doc_id, text)}, lambda: scorer,
                    tuning or AnswerTuning())
    return reader, d, [hit(clause.id, 1)]


def test_every_shape_tried_for_one_question_reads_the_parts_as_a_fresh_reading_would():
    """The answerers try several shapes over the same parts ("agency", then "fact"): scored once for the question,
    each shape's answers are those it gives when it is the only one tried."""
    reader, d, hits = _reader(_DUTIES)
    q = read_question("Cơ quan nào theo dõi, đôn đốc việc thực hiện Chỉ thị?")
    asked = reader.for_question()
    agency = by_segment(asked, q, d, hits, "agency")
    fact = by_segment(asked, q, d, hits, "fact")
    assert asked.scores and not reader.scores  # kept for this question only
    assert agency and fact
    assert "đôn đốc" in fact[0].quote and "Báo cáo" not in fact[0].quote  # the part holding the words asked
    assert agency == by_segment(reader.for_question(), q, d, hits, "agency")
    assert fact == by_segment(reader.for_question(), q, d, hits, "fact")
    # another question over the same reader reads its own scores
    other = read_question("Sở Tài chính phối hợp với cơ quan nào?")
    again = reader.for_question()
    assert by_segment(again, other, d, hits, "fact") == by_segment(Reader(
        reader.clauses, reader.segments, lambda: reader.scorer, reader.tuning), other, d, hits, "fact")


def test_a_part_lifted_over_the_threshold_by_the_count_it_states_still_answers():
    """ "… thành mấy loại?" is answered by the part stating "04 loại", whose score gets the ask's weight on top
    of its coverage: a part below the threshold only by less than that is still read."""
    q = read_question("Doanh thu từ hoạt động dịch vụ được chia thành mấy loại?")
    reader, d, hits = _reader(_KINDS, AnswerTuning(abstain_below=0.0))
    counted = [f for f in by_segment(reader.for_question(), q, d, hits, "fact") if f.short == "04 loại"]
    assert counted
    lifted = counted[0].score
    t = reader.tuning
    # the threshold between its coverage alone and its score with the ask's weight
    between = replace(t, abstain_below=lifted - t.ask_words_weight / 2)
    reader, d, hits = _reader(_KINDS, between)
    found = by_segment(reader.for_question(), q, d, hits, "fact")
    assert [f.short for f in found] == ["04 loại"]
    # above its score, nothing answers
    reader, d, hits = _reader(_KINDS, replace(t, abstain_below=lifted + 0.01))
    assert by_segment(reader.for_question(), q, d, hits, "fact") == []
