"""Answers read out of sentence parts: a value, an agency, a list of names, a cited document, the part itself.

Every candidate sentence part is scored by how much of the question's topic it (and its clause)
covers, with a small prior for the retrieval rank; the extractor for the wanted shape then pulls
the answering words out, or rejects the part when it has none of that shape.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import replace
from typing import Literal, TypeVar

from bot.answerers.base import FIRST_ITEM, Found, Reader, topic_words
from bot.answerers.crossrefs import cited_here
from bot.answerers.examples import asks_example, in_example
from bot.answerers.labels import asked_steps, asked_years, item_headings, period_fit, step_fit
from bot.answerers.tables import (
    Cell,
    RowCell,
    heading_unit,
    row_cell,
    row_coverage,
    row_words,
    sub_rows,
    table_cell,
)
from bot.answerers.values import (
    Figure,
    asked_figures,
    asked_kinds,
    asked_unit,
    asks_change,
    choose_value,
    counted_values,
    figure_fit,
    names_figures,
    other_kinds,
    probe,
    stated_count,
)
from bot.compose import MAX_EXCERPT, excerpt
from bot.extract import (
    Span,
    find_ordinals,
    find_quotes,
    find_references,
    find_values,
    has_count,
    names_document,
)
from bot.query import Query
from bot.segments import Segment, tokens
from bot.tuning import AnswerTuning
from corpus.lexicon import alternatives, load_lexicon
from corpus.models import Clause, Directive
from corpus.tables import PipeRow, PipeTable, read_tables
from corpus.text import fold
from index.models import Hit

__all__ = ["Shape", "article_lead_in", "asks_proposer", "asks_role", "asks_through", "asks_yes_no", "by_segment", "preamble_answers"]

_T = TypeVar("_T")

Shape = Literal["target", "ordinal", "agency", "list", "reference", "fact", "fact_with_number"]


def _role_questions() -> dict[str, tuple[re.Pattern[str], re.Pattern[str]]]:
    """Questions about the agency in one role of a duty (lexicon ``role_questions``: its partner "phối hợp với ai",
    the recipient of a report "báo cáo … cho ai", the body it goes through "qua cơ quan nào", a preamble's proposer
    "theo đề nghị của ai"), each with the words that say that role in a clause.  The question is matched folded,
    the clause as written."""
    return {row["role"]: (re.compile(row["asks"]), re.compile(row["where"], re.IGNORECASE))
            for row in load_lexicon().topic("role_questions")}


_ROLES = _role_questions()
_ROLE_AFTER = tuple(_ROLES.values())
_THROUGH = _ROLES["through"][0]
_PROPOSER = _ROLES["proposer"][0]


def asks_role(q: Query) -> bool:
    """Whether the question asks for the agency in one role ("phối hợp với ai", "theo đề nghị của ai"): only a
    part saying that role answers it, however much else of the question another part covers."""
    folded = fold(q.text)
    return any(asks.search(folded) for asks, _ in _ROLE_AFTER)


# "… có được … không?", "… có phải nộp … không?", "… có … hay không?": asks whether a rule holds, folded
_YES_NO = re.compile(r"\bco\b.*\b(?:hay )?khong\s*\??\s*$")


def asks_yes_no(question: str) -> bool:
    """Whether the question asks whether something holds ("Hộ kinh doanh có được áp dụng … không?")."""
    return _YES_NO.search(fold(question)) is not None


def asks_through(q: Query) -> bool:
    """Whether the question asks the body something goes through ("báo cáo … qua cơ quan nào"): only the part saying
    "(qua Sở Nội vụ)" answers it."""
    return _THROUGH.search(fold(q.text)) is not None


def asks_proposer(q: Query) -> bool:
    """Whether the question asks on whose proposal a document was issued ("ban hành theo đề nghị của ai"): only
    the preamble's "Theo đề nghị của …" answers it, though "… ban hành Thông tư …" covers more of its words."""
    return _PROPOSER.search(fold(q.text)) is not None


def preamble_answers(q: Query) -> bool:
    """Whether a document's preamble can answer a question about an agency: "Bộ trưởng Bộ … ban hành Thông tư …"
    says who issued the document and on whose proposal, nothing of who must carry it out ("Ai chịu trách nhiệm
    thi hành Thông tư …" is answered by an article, never by it)."""
    return asks_proposer(q) or _ASKS_ISSUER.search(fold(q.text)) is not None


#: Extra scoring for a part (e.g. a legal-kind cue): gets the clause and the part, returns a bonus or None to reject.
Bonus = Callable[[Clause, Segment], "float | None"]


def by_segment(
    reader: Reader, q: Query, d: Directive, hits: list[Hit], shape: Shape, *, bonus: Bonus | None = None,
    parents: bool = False,
) -> list[Found]:
    """Every candidate part's answer of ``shape``, best first, above the abstention threshold (``parents``:
    the parent clauses of the hits are candidates too, see ``Reader.candidates``)."""
    t = reader.tuning
    topic = topic_words(q) or " ".join(tokens(q.topic, accented=True))
    if not topic:
        return []
    results: list[Found] = []
    steps = asked_steps(q.topic or q.text)
    years = asked_years(q.text, q.years or q.content_years)
    scores = reader.scores  # the same parts are scored for each shape tried: once per question
    lift = _most_added(shape, t, bool(steps or years))
    examples = not asks_example(q.text)
    candidates = reader.candidates(hits, parents=parents)
    for clause, prior in (_rules_illustrated(reader, d, candidates) if examples else candidates):
        clause_cov = scores.get((topic, clause.id))
        if clause_cov is None:
            # the clause with its lead-in, as its parts: a long article is read once, not again as a whole
            parts = (s.text for s in reader.segments[clause.id])
            clause_cov = scores[topic, clause.id] = reader.scorer.coverage_of(topic, (article_lead_in(clause), *parts))
        units = reader.sentences(clause) if shape == "list" else reader.segments[clause.id]
        tables = read_tables(clause.text) if "\n| " in clause.text else []
        for seg in units:
            if not _WORDS.search(seg.text):
                continue  # "3.", "- - - 2.": a list's label or a form's blank says nothing, it never answers
            if examples and in_example(d, clause.start + seg.start):
                continue  # a worked example's figures are one made-up case's, not the rule's (bot.answerers.examples)
            extra = 0.0
            if bonus is not None:
                got = bonus(clause, seg)
                if got is None:
                    continue
                extra = got
            # "… trong các lĩnh vực quy định tại các khoản 7, 8 Điều 4 Thông tư này": the part is about what those
            # clauses say, so their words count as its own
            # A table's row says what it is about with the clause's words before the table, the rows it stands
            # under and the column headings ("| a | Lượt vào | 165 đồng/tấn |" under "Phí trọng tải tàu, thuyền")
            seg_cov = scores.get((topic, clause.id, seg.start, seg.end))
            if seg_cov is None:
                words = next((row_words(clause.text, t, r) for t in tables if (r := t.row_at(seg.start)) is not None),
                             None)
                cited = (*cited_here(d, clause, seg.text), *_carried_subject(reader, clause, seg))
                seg_cov = (row_coverage(reader.scorer, topic, tuple(" ".join((w, *cited)) for w in words))  # type: ignore[arg-type]
                           if words else reader.scorer.coverage(topic, " ".join((seg.text, *cited))))
                scores[topic, clause.id, seg.start, seg.end] = seg_cov
            base = t.segment_weight * seg_cov + t.clause_weight * clause_cov + t.prior_weight * prior + extra
            if lift is not None and base + lift < t.abstain_below - 1e-9:
                continue  # its answer of this shape could not reach the threshold: not read out
            f = _extract(reader, q, shape, d, clause, seg, topic, base)
            if f is not None and (steps or years):
                # "mức 4", "giai đoạn 2026 - 2028": the part under that step or period, not its neighbours
                # (which share every other word)
                fit = step_fit(steps, clause.text, seg.start, seg.end) or period_fit(years, (*_headings(clause), *item_headings(clause.text, seg.start)))
                if fit:
                    f = replace(f, score=f.score + (t.step_bonus if fit > 0 else -t.step_penalty))
            if f is not None:
                results.append(f)
    results.sort(key=lambda f: -f.score)
    return [f for f in results if f.score >= t.abstain_below]


def _rules_illustrated(reader: Reader, d: Directive, candidates: list[tuple[Clause, float]]) -> list[tuple[Clause, float]]:
    """The candidates, each part of a worked example standing for the rule it illustrates: its nearest enclosing
    clause that opens outside the example ("Điều 3, khoản 2, điểm b" for the "- Trường hợp …" cases under "Ví dụ 1
    (Minh họa Điểm b …)"), which shares its words and whose own sentences state the rule."""
    out: dict[str, tuple[Clause, float]] = {}
    for clause, prior in candidates:
        up: Clause | None = clause
        while up is not None and in_example(d, up.start):
            entry = reader.clauses.get(up.parent) if up.parent else None
            up = entry[1] if entry is not None and up.parent in reader.segments else None
        if up is not None and up.id not in out:
            out[up.id] = (up, prior)
    return list(out.values())


def _carried_subject(reader: Reader, clause: Clause, seg: Segment) -> tuple[str, ...]:
    """The agency a task item opens with, for a part of the item that names none ("c) Thủ trưởng các sở … xây dựng
    kế hoạch …. Tổ chức kiểm tra …; chỉ đạo thực hiện các nhiệm vụ, quan tâm đến Chỉ số cải cách hành chính"): the
    later tasks are that agency's too, so the question naming it ("Thủ trưởng các sở … cần quan tâm đến những chỉ số
    nào?") is asked of them as much as of the opening words, which only name who acts."""
    from corpus.facts import find_agencies

    text = clause.text
    opening = len(text) - len(_LEAD_LABEL.sub("", text, count=1).lstrip())
    if clause.id not in reader.agency_cache:
        # most clauses open with no agency: their opening words alone say so, without reading every name of a long
        # clause (an agency's name is far shorter than the margin read after the lead)
        if clause.id not in reader.opens_with_agency:
            head = find_agencies(text[: opening + reader.tuning.duty_lead_chars + _NAME_MARGIN])
            reader.opens_with_agency[clause.id] = bool(head) and not _late_or_after_a_sentence(
                text, opening, head[0].start, reader.tuning.duty_lead_chars)
        if not reader.opens_with_agency[clause.id]:
            return ()
        reader.agency_cache[clause.id] = find_agencies(text)
    mentions = reader.agency_cache[clause.id]
    if not mentions:
        return ()
    first = mentions[0]
    if _late_or_after_a_sentence(text, opening, first.start, reader.tuning.duty_lead_chars):
        return ()  # the item does not open with an agency acting
    # the opening names, one after another ("Thủ trưởng các sở …, Chủ tịch Ủy ban nhân dân các huyện …; Giám đốc …")
    chain, end = [first], first.start + len(first.name)
    for m in mentions[1:]:
        if not _JOINS.fullmatch(text[end : m.start]):
            break
        chain.append(m)
        end = m.start + len(m.name)
    if seg.start <= first.start < seg.end or any(seg.start <= m.start < seg.end for m in mentions if m not in chain):
        return ()  # the part holding the opening names, or one naming an agency of its own
    return tuple(m.name for m in chain)


def _late_or_after_a_sentence(text: str, opening: int, start: int, lead_chars: int) -> bool:
    """Whether an agency named at ``start`` stands too far into the item, or after a sentence, to be who acts."""
    return start - opening > lead_chars or re.search(r"[.;]\s", text[opening:start]) is not None


# How far past the lead an opening agency's name may run: longer than any agency's name.
_NAME_MARGIN = 200
_BRACKETED = re.compile(r"([^()\n,;.]{3,80})\)")
_JOINS = re.compile(r"[\s,;]*(?:và|cùng|hoặc)?[\s,;]*")


def _most_added(shape: Shape, t: AnswerTuning, fitted: bool) -> float | None:
    """The most ``_extract`` (and a step or period that fits, when ``fitted``) adds to a part's score in ``shape``;
    None where a value's own coverage replaces part of it ("target").  A part scoring below the threshold by
    more than that is no answer: it is not read out."""
    added = {"fact": max(0.0, t.ask_words_weight), "list": 5 * max(0.0, t.list_bonus)}.get(shape, 0.0)
    return None if shape == "target" else added + (max(0.0, t.step_bonus, -t.step_penalty) if fitted else 0.0)


def _once(reader: Reader, read: Callable[[str], _T], text: str) -> _T:
    """``read(text)`` for the question's own words (how it asks its value), read once per question, not per part."""
    key = (read, text)
    if key not in reader.scores:
        reader.scores[key] = read(text)  # type: ignore[assignment]
    return reader.scores[key]  # type: ignore[return-value]


def article_lead_in(clause: Clause) -> str:
    """The headings above a clause inside its article (the article's title, its paragraph's lead-in): a point
    "a) Có vốn điều lệ từ 05 tỷ đồng trở lên" says what it is a condition of only in "Doanh nghiệp được cấp
    Giấy phép … khi có đủ các điều kiện sau đây".  A chapter's or a directive's section heading is shared by
    too many parts to say which one answers."""
    return " ".join(_headings(clause))


def _headings(clause: Clause) -> tuple[str, ...]:
    """The headings a clause stands under inside its article (a chapter's are shared too widely)."""
    heading = clause.heading
    start = next((i for i in range(len(heading) - 1, -1, -1) if _ARTICLE.match(heading[i])), None)
    return () if start is None else heading[start:]


_ARTICLE = re.compile(r"Điều\s+\d", re.IGNORECASE)
_WORDS = re.compile(r"[^\W\d_]{2,}")
_WORD_START = re.compile(r"(?<=\s)\w")


def _extract(
    reader: Reader, q: Query, shape: Shape, d: Directive, clause: Clause, seg: Segment, topic: str, base: float
) -> Found | None:
    text = clause.text
    t = reader.tuning
    # An elliptical follow-up ("Mức lương tối thiểu giờ thì sao?" after "… vùng III …") is asked with the words it
    # keeps of the previous question too: the table row it asks for is named there.
    asked = f"{q.text} {q.topic}" if q.elliptical else q.text
    if shape == "target":
        row = row_cell(reader.scorer, asked, topic, text, seg.start)
        if row is not None:
            return _row(reader, d, clause, topic, base, row, asked_figures(q.text))
        heads = sub_rows(text, seg.start)
        if heads is not None:
            return _sub_rows(reader, d, clause, topic, base, *heads)
        values = find_values(seg.text)
        # a count of the noun asked ("tối thiểu 25 thương vụ") is a value even when its noun is no known unit
        counted = [c for c in _once(reader, _counting, q.text)(seg.text)
                   if not any(v.start < c.end and c.start < v.end for v in values)]
        values = sorted([*values, *counted], key=lambda v: v.start)
        if not values:
            return None
        figures = asked_figures(q.text)
        # A table whose rows are named by figures ("Từ 100 tỷ đồng đến dưới 500 tỷ đồng | 700 triệu đồng") is read
        # by the figures asked (bot.answerers.values), not by its row names' words.
        named_by_figures = any(names_figures(v, figures) for v in values)
        cell = None if named_by_figures else table_cell(reader.scorer, asked, topic, seg.text)
        if cell is not None and cell.value is not None:
            return _cell(reader, d, clause, seg, topic, base, cell)
        yearly = _year_value(reader, q, d, clause, seg, topic, base) if q.years or q.content_years else None
        if yearly is not None:
            return yearly
        if q.content_years and _other_horizon(q.content_years, seg.text, text):
            return None
        # The first value of a clause's first part continues its lead-in ("… khi có đủ các điều kiện sau đây:
        # a) Có vốn điều lệ từ 05 tỷ đồng"): those words stand just before it too.
        lead = article_lead_in(clause) if seg.start == 0 else ""
        got = choose_value(seg.text, values, _value_coverage(reader, q, topic), figures=figures,
                           asked=_once(reader, probe, q.text) if _once(reader, probe, q.text).lead
                           else _once(reader, probe, q.topic),
                           change_asked=_once(reader, asks_change, q.text) or _once(reader, asks_change, q.topic),
                           lead=lead, change_factor=t.change_mismatch, said_weight=t.ask_words_weight,
                           unit=_once(reader, asked_unit, q.text), kinds=_once(reader, asked_kinds, asked))
        if got is None:  # every value is an amount of another kind ("Phạt tiền …" for "mức đóng"): no answer here
            return None
        best = got.value
        # Quote the whole part, trimmed only when long: other values in it often belong to the answer.  A row
        # named by the figures asked is quoted from its own first words.
        if len(seg.text) <= t.long_segment_chars:
            start = 0
        elif got.figure_fit > 0:
            start = got.row_start + len(seg.text[got.row_start :]) - len(seg.text[got.row_start :].lstrip(" ,;"))
        else:
            start = reader.phrase_start(seg.text, topic, got.row_start, best.start)
        quote, a, b = excerpt(seg.text, start, len(seg.text))
        if b < best.end:  # a long row's lead-in left no room for its value: quote from the words naming it
            start = max(got.row_start, reader.phrase_start(seg.text, topic, got.row_start, best.start))
            if best.end - start > MAX_EXCERPT:
                start = seg.text.find(" ", best.end - MAX_EXCERPT + 2) + 1
            quote, a, b = excerpt(seg.text, start, len(seg.text))
        score = (t.value_context_weight * got.coverage + (1 - t.value_context_weight) * base
                 + t.figure_bonus * got.figure_fit)
        return Found(d, clause, got.short, quote, (seg.start + a, seg.start + b), score)
    if shape == "ordinal":
        ranks = find_ordinals(seg.text)
        if not ranks:
            return None
        best_rank = max(ranks, key=lambda r: reader.scorer.coverage(topic, r.text))
        a, b = reader.focus(text, seg.start, seg.end, topic)
        quote, a, b = excerpt(text, a, b)
        return Found(d, clause, best_rank.text, quote, (a, b), base)
    if shape == "agency":
        return _agency(reader, q, d, clause, seg, base)
    if shape == "list":
        quotes = find_quotes(seg.text)
        if len(quotes) < 2:
            return None
        short = "; ".join(f"“{x.text}”" for x in quotes[:15])
        a, b = reader.focus(text, seg.start, seg.end, topic)
        quote, a, b = excerpt(text, a, b)
        return Found(d, clause, short, quote, (a, b), base + t.list_bonus * min(len(quotes), 5))
    if shape == "reference":
        refs = find_references(seg.text)
        if not refs:
            return None
        short = "; ".join(r.text for r in refs)
        return Found(d, clause, short, seg.text, (seg.start + refs[0].start, seg.start + refs[-1].end), base)
    if shape == "fact_with_number" and not has_count(seg.text):
        return None
    if shape == "fact_with_number":  # a part whose every value is an amount of another kind than asked says none
        values = find_values(seg.text)
        if values and all(other_kinds(seg.text, values, _once(reader, asked_kinds, asked))):
            return None
    if shape in ("fact", "fact_with_number"):
        got = row_cell(reader.scorer, asked, topic, text, seg.start)
        if got is not None:  # a table's row, read with the rows it stands under and every value under its heading
            row = got.row
            cells = "; ".join(f"{h}: {v}" for h, v in zip(got.headings, row.values, strict=True) if v)
            quote = f"{row.full_name} — {cells}"
            return Found(d, clause, quote, quote, (row.start, row.end), base)
    counts = _once(reader, probe, q.text) if shape == "fact" else None
    counted = stated_count(seg.text, counts.noun, counts.then) if counts is not None else None
    if counted is not None:
        # "Thông tư … chia doanh thu … thành mấy loại?": the part stating "04 loại" answers with that count
        at = seg.start + counted.start
        if seg.end - seg.start > MAX_EXCERPT:  # a long part (a flattened table): from the capital opening its words
            capitals = [m.start() for m in _WORD_START.finditer(text, max(seg.start, at - 120), at) if m.group(0).isupper()]
            at = capitals[-1] if capitals else max(seg.start, at - 120)
        else:
            at = seg.start
        quote, a, b = excerpt(text, at, seg.end)
        return Found(d, clause, counted.text, quote, (a, b), base + t.ask_words_weight)
    # fact: the answering sentence part itself, focused on its best-matching words when long; asked for several
    # things ("phải xây dựng những gì?"), read on to its sentence's end, where the items after it are said
    end = seg.end
    if shape == "fact" and _asks_several(q.text):
        end = max((s.end for s in reader.segments.get(clause.id, ()) if s.sentence_start == seg.sentence_start),
                  default=seg.end)
    a, b = reader.focus(text, seg.start, max(end, seg.end), topic)
    quote, a, b = excerpt(text, a, b)
    return Found(d, clause, quote, quote, (a, b), base)


def _counting(question: str) -> Callable[[str], list[Span]]:
    """The counts of the noun ``question`` asks in a text (``counted_values``), the question read once."""
    return lambda text: counted_values(text, question)


def _value_coverage(reader: Reader, q: Query, topic: str) -> Callable[[str], float]:
    """How well a value's own words cover the question.  A follow-up's own words ("Riêng các huyện nghèo thì sao?"
    after "… mức giảm tỷ lệ hộ nghèo …") weigh as much as the completed question's: of "mức giảm tỷ lệ hộ nghèo
    3,6%, riêng các huyện nghèo giảm 5,1%" the value they stand before is the one asked, not the previous answer."""
    if not (q.elliptical and q.introduced):
        return lambda words: reader.scorer.coverage(topic, words)
    own = q.introduced.replace(",", " ")
    return lambda words: (reader.scorer.coverage(topic, words) + reader.scorer.coverage(own, words)) / 2


def _cell(
    reader: Reader, d: Directive, clause: Clause, seg: Segment, topic: str, base: float, cell: Cell
) -> Found:
    """A table's cell: its value, quoted with its column heading and its row.

    A table without the asked row ("vùng V") is left to the support check (bot.support), which says
    what the clauses lack; the part is then answered as any other and found unsupported there."""
    assert cell.value is not None
    t = reader.tuning
    row = seg.text[cell.row_start : cell.row_end].strip()
    if cell.cells and cell.row_name:
        # each figure under its column heading: a run-on row ("Vùng IV 3.250.000 15.600") says neither which is which
        quote = f"{cell.row_name} — " + "; ".join(f"{h}: {v}" for h, v in cell.cells)
    else:
        quote = f"{cell.heading} … {row}" if cell.heading else row
    cov = reader.scorer.coverage(topic, f"{cell.heading} {row}")
    score = t.value_context_weight * cov + (1 - t.value_context_weight) * base
    short = cell.value.text
    unit = heading_unit(cell.heading)
    if unit and short[-1:].isdigit():
        short = f"{short} {unit}"  # the unit its column heading gives it ("15.600 đồng/giờ")
    return Found(d, clause, short, quote, (seg.start + cell.row_start, seg.start + cell.row_end), score)


def _row(reader: Reader, d: Directive, clause: Clause, topic: str, base: float, got: RowCell,
         figures: tuple[Figure, ...] = ()) -> Found:
    """A regrouped table row's value (``corpus.tables``), quoted with the rows it stands under and its column
    heading ("Lệ phí cấp hộ chiếu (…) – Cấp mới — Mức thu (đồng/lần cấp): 200.000"), the unit taken from the
    heading when the cell is a bare figure.  A row named by the figures the question names ("trên 1.500 tấn", not
    "trên 1.000 tấn đến 1.500 tấn") is lifted as ``choose_value`` lifts one."""
    t = reader.tuning
    row = got.row
    quote = f"{row.full_name} — {got.heading}: {got.value}"
    own = f"{row.full_name} {got.heading}"
    cov = row_coverage(reader.scorer, topic, (own, f"{got.lead} {own}"))
    score = (t.value_context_weight * cov + (1 - t.value_context_weight) * base
             + t.figure_bonus * figure_fit(figures, row.full_name))
    short = f"{got.value} {got.unit}" if got.unit and got.value[-1:].isdigit() else got.value
    return Found(d, clause, short, quote, (row.start, row.end), score)


def _sub_rows(reader: Reader, d: Directive, clause: Clause, topic: str, base: float, table: PipeTable,
              row: PipeRow, under: tuple[PipeRow, ...]) -> Found:
    """A row heading sub-rows ("Lệ phí cấp giấy thông hành"), asked about as a whole: each sub-row's amount, not
    one of them as if it were the row's."""
    t = reader.tuning
    headings = table.headings[2:]

    def said(r: PipeRow) -> str:
        name = " – ".join((*r.parents[len(row.parents) + 1 :], r.name))
        values = "; ".join(f"{v} {heading_unit(h)}".strip() if v[-1:].isdigit() else v
                           for h, v in zip(headings, r.values, strict=True) if v)
        return f"{name}: {values}"

    short = " | ".join(said(r) for r in under[:_SUB_ROWS]) + (" | …" if len(under) > _SUB_ROWS else "")
    quote = f"{row.full_name} — {short}"
    own = " ".join((row.full_name, *headings))
    lead = clause.text[max(0, table.start - 300) : table.start]
    cov = row_coverage(reader.scorer, topic, (own, f"{lead} {own}"))
    score = t.value_context_weight * cov + (1 - t.value_context_weight) * base
    return Found(d, clause, short, quote, (row.start, under[min(len(under), _SUB_ROWS) - 1].end), score)


_SUB_ROWS = 8  # sub-rows listed in an answer about the row heading them


def _agency(reader: Reader, q: Query, d: Directive, clause: Clause, seg: Segment, base: float) -> Found | None:
    from corpus.facts import find_agencies

    if clause.kind == "preamble" and not preamble_answers(q):
        return None
    text = clause.text
    sentence = text[seg.sentence_start : seg.end]
    # "Luật Bảo hiểm xã hội", "Luật Công an nhân dân": a name after a document type names a law, not an agency.
    mentions = [m for m in find_agencies(sentence) if not names_document(sentence, m.start)]
    if not mentions:  # a role asked ("theo đề nghị của ai") is said in the sentence, never by a heading
        owner = None if asks_role(q) else _heading_agency(reader, d, clause, seg, base)
        return None if owner is not None and asks_yes_no(q.text) and not _named_in(owner.short, q.text) else owner
    yes_no = asks_yes_no(q.text) and not asks_role(q)
    if yes_no:
        # "Bộ Y tế có chủ trì theo dõi, đôn đốc … không?": the agency asked about is the one the question names; a
        # sentence naming only another one ("Ủy ban nhân dân cấp tỉnh …") answers nothing (a review finding)
        mentions = [m for m in mentions if _named_in(m.name, q.text)]
        if not mentions:
            return None
    elif not asks_role(q):
        # "Sau khi Ngân hàng Nhà nước có ý kiến, ai phê duyệt …?": an agency the question itself names is the
        # circumstance it asks within, not who it asks for; the sentence's other agency answers.
        unasked = [m for m in mentions if not _named_in(m.name, q.text)]
        mentions = unasked or mentions
    names = mentions[0].name  # as written: the answer must quote the clause, not a canonical form
    folded_q = fold(q.text)
    opening = len(sentence) - len(_LEAD_LABEL.sub("", sentence, count=1).lstrip())  # after its own label
    if mentions[0].start > opening and not asks_role(q) and not yes_no:
        # "Xây dựng thể lệ, thành lập Ban Giám khảo" under "Điều 3. Trách nhiệm của Sở Nội vụ": an item opening
        # with its verb has the heading's agency as its subject; the agency it names is what the task is about.
        owner = _heading_agency(reader, d, clause, seg, base)
        if owner is not None:
            return owner
    for asks, where in _ROLE_AFTER:
        if asks.search(folded_q):
            part_start = seg.start - seg.sentence_start
            m = where.search(sentence, part_start) or where.search(sentence)
            after = [x for x in mentions if m and x.start >= m.end()]
            if not after:
                return None
            # the first one named after the cue, and any others named in the same part
            part_end = part_start + len(seg.text)
            names = ", ".join(dict.fromkeys([after[0].name, *(x.name for x in after if x.start < part_end)]))
            # "(qua Cục Người có công)": a name in brackets runs to the bracket, past words the name patterns stop at
            whole = _BRACKETED.match(sentence, after[0].start)
            if whole and sentence[m.end() : after[0].start].strip() == "" and m.start() and sentence[m.start() - 1] == "(":
                names = whole.group(1)
            break
    quote, a, b = excerpt(text, seg.sentence_start, seg.end)
    return Found(d, clause, names, quote, (a, b), base)


def _named_in(name: str, question: str) -> bool:
    """Whether the question names an agency, its words in a row, "Việt Nam" at its end may be left out ("Ngân hàng
    Nhà nước Việt Nam" in "Sau khi Ngân hàng Nhà nước có ý kiến, ai phê duyệt …?").  Words scattered over the
    question name nothing: "Bộ Chính trị" is not in "Bộ Tài chính có chủ trì …" (folded, "trì" is "tri" too)."""
    words = re.findall(r"\w+", fold(name))
    asked = " ".join(re.findall(r"\w+", fold(question)))
    forms = [words, words[:-2]] if len(words) > 2 and words[-2:] == ["viet", "nam"] else [words]
    return any(f and f" {' '.join(f)} " in f" {asked} " for f in forms)  # the words in a row, whole


def _heading_agency(reader: Reader, d: Directive, clause: Clause, seg: Segment, base: float) -> Found | None:
    """The agency a task belongs to when its item does not name it: implementing articles group tasks per
    agency under a lead-in that is its name ("7. Bộ Công an / a) Chủ trì xây dựng lực lượng …") or a heading
    assigning them ("Điều 10. Trách nhiệm của Cục Kỹ thuật an toàn …"; lexicon ``duty_heading_cues.txt``).

    The lead-ins read are the clause's own (when the part is one of its items) and its ancestors' up to its
    article; the answer cites the clause whose text holds that lead-in, quoting it with the item."""
    from corpus.facts import find_agencies

    node, at, end = clause, seg.sentence_start, seg.end
    while True:
        first = FIRST_ITEM.search(node.text)
        if first is not None and first.start() < at:
            lead = node.text[: first.start()].strip()
            name = _leading_agency(lead, find_agencies)
            if name is not None:
                if len(node.text[first.start() : at].strip()) <= 6 and end <= MAX_EXCERPT:
                    quote, a, b = excerpt(node.text, 0, end)  # the lead-in and its first item
                else:  # lead-in … item: the item's own words are highlighted
                    item, a, b = excerpt(node.text, at, end)
                    quote = f"{lead} … {item}"
                return Found(d, node, name, quote, (a, b), base)
        if node.kind == "article" or not node.parent or node.parent not in reader.clauses:
            return None
        parent = reader.clauses[node.parent][1]
        offset = parent.text.find(node.text)
        if offset < 0:
            return None
        node, at, end = parent, offset + at, offset + end


_SEVERAL = re.compile("|".join(f"(?:{x})" for x in load_lexicon().topic("plural_asks")))


def _asks_several(question: str) -> bool:
    """Whether the question asks for several things at once ("những gì", "những chỉ số nào"; lexicon
    ``plural_asks.txt``)."""
    return _SEVERAL.search(fold(question)) is not None


# "Ai ban hành …", "… do cơ quan nào ban hành", "ban hành theo đề nghị của ai": what a preamble says.
_ASKS_ISSUER = re.compile(r"\b(?:ai|nao|do|duoc)\s+(?:da\s+)?ban hanh\b")
_LEAD_LABEL = re.compile(r"^\s*(?:Điều\s+\d+\w*\s*[.:]|(?:\d{1,3}|[IVXLC]+)[.)]|[a-zđ]\))\s*", re.IGNORECASE)
_DUTY_HEADING = re.compile(rf"^(?:{alternatives(load_lexicon().topic('duty_heading_cues'))})\s+")


# "… có trách nhiệm": after the name (and the body it belongs to), words assigning it the items below (lexicon
# duty_lead_endings.txt).
_DUTY_LEAD_END = re.compile(rf"^(?:{alternatives(load_lexicon().topic('duty_lead_endings'))})$")
# "… xem xét chấp thuận các nội dung sau": a predicate whose object is the list below (lexicon acting_lead_endings.txt).
_ACTS_ON_ITEMS = re.compile(rf"\s(?:{alternatives(load_lexicon().topic('acting_lead_endings'))})$")


def _leading_agency(lead: str, find_agencies: Callable) -> str | None:
    """The agency a lead-in opens with, alone ("Bộ Công an", "Bộ Tài chính:") or after a cue assigning tasks
    ("Trách nhiệm của Cục …"); None when it says something else ("Cơ quan thuế có trách nhiệm kiểm tra …" names
    its agency in its own sentence, and a lead-in mentioning one in passing assigns it nothing)."""
    words = _LEAD_LABEL.sub("", lead, count=1).strip()
    cue = _DUTY_HEADING.match(fold(words))
    body = words[cue.end():] if cue else words
    mentions = find_agencies(body)
    if cue and not mentions:
        # "1. Giao Chính phủ:", "Trách nhiệm của Hội đồng quản trị:": after words assigning the items below, the
        # rest of the lead-in is who does them, a body the name patterns may not know, when it is a short name.
        name = body.rstrip(" :;,.")
        # the cue is read folded, so "II. GIÁO DỤC VÀ ĐÀO TẠO", "1. GIAO THÔNG" meet "giao" too: a rest in
        # capitals or of one word is such a heading's subject, not who acts
        if name[:1].isupper() and not name.isupper() and " " in name and _SHORT_NAME.fullmatch(name):
            return name
        return None
    if not mentions or mentions[0].start != 0:
        return None
    end = mentions[0].end
    if len(mentions) > 1 and re.fullmatch(r"\s*,\s*", body[end : mentions[1].start]):
        end = mentions[1].end  # "Trung tâm Thông tin, Bộ Lao động - …": the body it belongs to
    rest = body[end:].rstrip(" :;,.").lstrip()
    # "Giám đốc Ngân hàng Nhà nước chi nhánh Khu vực xem xét chấp thuận các nội dung sau:": the name is the subject
    # of a predicate whose object is the list below, so each item ("a) Thay đổi địa điểm …") is something it does.
    acts_on_items = body.rstrip().endswith(":") and _ACTS_ON_ITEMS.search(fold(rest)) is not None
    if rest and not cue and not _DUTY_LEAD_END.search(fold(rest)) and not acts_on_items:
        return None  # the lead-in says more than the name and assigns nothing: not a heading naming who acts
    return _FOOTNOTE_MARK.sub("", mentions[0].name)


_SHORT_NAME = re.compile(r"[^\W\d_]+(?:[ -][^\W\d_]+){0,5}")
# A consolidated text's footnote number glued to a heading's last word ("… Ủy ban Chứng khoán Nhà nước7").
_FOOTNOTE_MARK = re.compile(r"(?<=[^\W\d])\d{1,3}$")


_YEAR_MENTION = re.compile(r"(?<!\w)năm\s+((?:19|20)\d{2})(?!\d)", re.IGNORECASE)


def _other_horizon(years: tuple[int, ...], part: str, clause: str) -> bool:
    """Whether a part sets values for another year than the one asked while its clause names the asked one: "Đến năm
    2025, Việt Nam thuộc nhóm: 70 nước …" beside "Đến năm 2030, … 50 nước …", asked "đến năm 2030"."""
    own = {int(m.group(1)) for m in _YEAR_MENTION.finditer(part)}
    return bool(own) and not own & set(years) and any(int(m.group(1)) in years for m in _YEAR_MENTION.finditer(clause))


def _year_value(
    reader: Reader, q: Query, d: Directive, clause: Clause, seg: Segment, topic: str, base: float
) -> Found | None:
    """The value a sentence ties to the asked year, when it gives one per year.

    "… bình quân giai đoạn 2025 - 2027 tối đa 1,28% …; trong đó, năm 2025 tối đa 1,36%, năm 2026 tối đa
    1,26% và năm 2027 tối đa 1,23%": a question about 2026 wants 1,26%, not the period's average.  Only a
    sentence naming at least two years each followed by its own value counts (a date "ngày … năm 2026"
    before one value is no list of values per year)."""
    text = clause.text
    parts = reader.segments[clause.id]
    end = max((s.end for s in parts if s.sentence_start == seg.sentence_start), default=seg.end)
    start = seg.sentence_start
    sentence = text[start:end]
    mentions = list(_YEAR_MENTION.finditer(sentence))
    tied: dict[int, tuple[int, int, str, int]] = {}  # year -> (value start, value end, value, year mention start)
    for i, m in enumerate(mentions):
        stop = mentions[i + 1].start() if i + 1 < len(mentions) else len(sentence)
        values = find_values(sentence[m.end() : stop])
        if values:
            v = values[0]
            tied.setdefault(int(m.group(1)), (m.end() + v.start, m.end() + v.end, v.text, m.start()))
    if len(tied) < 2:
        return None
    asked = next((y for y in (*q.years, *q.content_years) if y in tied), None)
    if asked is None:
        return None
    v_start, v_end, value, at = tied[asked]
    # Quote the sentence up to the value's part; a long one from the part the value's year begins.
    part_end = next((s.end for s in parts if s.start <= start + v_start < s.end + 1), start + v_end)
    quote, a, b = excerpt(text, start, part_end)
    if b < start + v_end:
        quote, a, b = excerpt(text, start + at, part_end)
    # As for any value: the words of the sentence before it say what it measures.
    t = reader.tuning
    cov = reader.scorer.coverage(topic, sentence[:v_start])
    return Found(d, clause, value, quote, (a, b), t.value_context_weight * cov + (1 - t.value_context_weight) * base)
