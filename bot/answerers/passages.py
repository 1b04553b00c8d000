"""Answers read out of sentence parts: a value, an agency, a list of names, a cited document, the part itself.

Every candidate sentence part is scored by how much of the question's topic it (and its clause)
covers, with a small prior for the retrieval rank; the extractor for the wanted shape then pulls
the answering words out, or rejects the part when it has none of that shape.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Literal

from bot.answerers.base import Found, Reader, topic_words
from bot.answerers.tables import Cell, table_cell
from bot.compose import excerpt
from bot.extract import find_quotes, find_references, find_values, has_count
from bot.query import Query
from bot.segments import Segment, tokens
from corpus.models import Clause, Directive
from corpus.text import fold
from index.models import Hit

__all__ = ["Shape", "by_segment"]

Shape = Literal["target", "agency", "list", "reference", "fact", "fact_with_number"]

# A question about the partner or the recipient of a duty, and where that one stands in the clause.
_ROLE_AFTER = (
    (re.compile(r"phoi hop voi (?:ai|nhung ai|(?:nhung |cac )?(?:co quan|so|don vi|to chuc|ben) nao)"
                r"|(?:co quan|so|don vi|ai|to chuc|nhung ai)(?: nao)? (?:duoc |se )?phoi hop|\bnao phoi hop"),
     re.compile(r"phối hợp(?: chặt chẽ)? với", re.IGNORECASE)),
    (re.compile(r"bao cao (?:cho|len|voi|toi|ve) (?:ai|co quan nao|cap nao|dau)|bao cao ai"),
     re.compile(r"báo cáo(?: cho| lên| với| về)?", re.IGNORECASE)),
)

#: Extra scoring for a part (e.g. a legal-kind cue): gets the clause and the part, returns a bonus or None to reject.
Bonus = Callable[[Clause, Segment], "float | None"]


def by_segment(
    reader: Reader, q: Query, d: Directive, hits: list[Hit], shape: Shape, *, bonus: Bonus | None = None
) -> list[Found]:
    """Every candidate part's answer of ``shape``, best first, above the abstention threshold."""
    t = reader.tuning
    topic = topic_words(q) or " ".join(tokens(q.topic, accented=True))
    if not topic:
        return []
    results: list[Found] = []
    for clause, prior in reader.candidates(hits):
        clause_cov = reader.scorer.coverage(topic, clause.text)
        units = reader.sentences(clause) if shape == "list" else reader.segments[clause.id]
        for seg in units:
            extra = 0.0
            if bonus is not None:
                got = bonus(clause, seg)
                if got is None:
                    continue
                extra = got
            seg_cov = reader.scorer.coverage(topic, seg.text)
            base = t.segment_weight * seg_cov + t.clause_weight * clause_cov + t.prior_weight * prior + extra
            f = _extract(reader, q, shape, d, clause, seg, topic, base)
            if f is not None:
                results.append(f)
    results.sort(key=lambda f: -f.score)
    return [f for f in results if f.score >= t.abstain_below]


def _extract(
    reader: Reader, q: Query, shape: Shape, d: Directive, clause: Clause, seg: Segment, topic: str, base: float
) -> Found | None:
    text = clause.text
    t = reader.tuning
    if shape == "target":
        values = find_values(seg.text)
        if not values:
            return None
        cell = table_cell(reader.scorer, q.text, topic, seg.text)
        if cell is not None and cell.value is not None:
            return _cell(reader, d, clause, seg, topic, base, cell)
        best, best_cov, prev_end, ctx_start = None, -1.0, 0, 0
        for v in values:
            cov = reader.scorer.coverage(topic, seg.text[prev_end : v.end])
            if cov > best_cov:
                best, best_cov, ctx_start = v, cov, prev_end
            prev_end = v.end
        assert best is not None
        # Quote the whole part, trimmed only when long: other values in it often belong to the answer.
        start = 0 if len(seg.text) <= t.long_segment_chars else reader.phrase_start(seg.text, topic, ctx_start, best.start)
        quote, a, b = excerpt(seg.text, start, len(seg.text))
        score = t.value_context_weight * best_cov + (1 - t.value_context_weight) * base
        return Found(d, clause, best.text, quote, (seg.start + a, seg.start + b), score)
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
    # fact: the answering sentence part itself, focused on its best-matching words when long
    a, b = reader.focus(text, seg.start, seg.end, topic)
    quote, a, b = excerpt(text, a, b)
    return Found(d, clause, quote, quote, (a, b), base)


def _cell(
    reader: Reader, d: Directive, clause: Clause, seg: Segment, topic: str, base: float, cell: Cell
) -> Found:
    """A table's cell: its value, quoted with its column heading and its row.

    A table without the asked row ("vùng V") is left to the support check (bot.support), which says
    what the clauses lack; the part is then answered as any other and found unsupported there."""
    assert cell.value is not None
    t = reader.tuning
    row = seg.text[cell.row_start : cell.row_end].strip()
    quote = f"{cell.heading} … {row}" if cell.heading else row
    cov = reader.scorer.coverage(topic, f"{cell.heading} {row}")
    score = t.value_context_weight * cov + (1 - t.value_context_weight) * base
    return Found(d, clause, cell.value.text, quote, (seg.start + cell.row_start, seg.start + cell.row_end), score)


def _agency(reader: Reader, q: Query, d: Directive, clause: Clause, seg: Segment, base: float) -> Found | None:
    from corpus.facts import find_agencies

    text = clause.text
    sentence = text[seg.sentence_start : seg.end]
    mentions = find_agencies(sentence)
    if not mentions:
        return None
    names = mentions[0].name  # as written: the answer must quote the clause, not a canonical form
    folded_q = fold(q.text)
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
            break
    quote, a, b = excerpt(text, seg.sentence_start, seg.end)
    return Found(d, clause, names, quote, (a, b), base)
