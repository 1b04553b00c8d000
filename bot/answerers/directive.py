"""Answerers for the directive kinds: targets, agencies, lists, references, comparisons, plain facts, duties."""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.answerers.base import Found, Reader, topic_words, with_alternates
from bot.answerers.legal import case_condition
from bot.answerers.passages import (
    Shape,
    asks_proposer,
    asks_through,
    asks_yes_no,
    by_segment,
    preamble_answers,
)
from bot.compose import excerpt
from bot.query import Query
from bot.segments import tokens
from corpus.models import Directive
from corpus.text import canonical_tones, fold, has_diacritics
from index.models import Hit

__all__ = ["ComparisonAnswerer", "DutyAnswerer", "FactAnswerer", "TargetAnswerer", "TypedAnswerer", "asks_yes_no"]


class FactAnswerer:
    """The sentence part that best covers the question.  A yes/no question ("… có được hưởng chế độ ốm đau
    không?") answered by a listed case ("a) Tự gây thương tích …") is answered by that case's lead-in ("… không
    được hưởng chế độ ốm đau nếu thuộc một trong các trường hợp … sau:"): the case only repeats the question's
    circumstance, the lead-in says what holds for it; both are quoted, the clause holding the lead-in cited."""

    def find(self, reader: Reader, q: Query, d: Directive, hits: list[Hit]) -> list[Found]:
        found = by_segment(reader, q, d, hits, "fact")
        if asks_yes_no(q.text):
            found = [case_condition(reader, f) for f in found[:3]] + found[3:]
        return with_alternates(found, reader.tuning, reader, q)



class TargetAnswerer:
    """A value with its unit; failing that, a part with a count ("kỷ niệm 115 năm").  A question asking a rank
    ("phiên họp thứ mấy") is answered with a rank ("phiên họp thứ 47"), not with a value."""

    def find(self, reader: Reader, q: Query, d: Directive, hits: list[Hit]) -> list[Found]:
        if _asks_rank(q.text):
            return with_alternates(by_segment(reader, q, d, hits, "ordinal"), reader.tuning, reader, q)
        if _asks_what(q.text):
            # "Sơn La tiếp tục thực hiện mục tiêu gì …?" (read as a target for its "mục"): words, not a figure
            return with_alternates(by_segment(reader, q, d, hits, "fact"), reader.tuning, reader, q)
        f = by_segment(reader, q, d, hits, "target") or by_segment(reader, q, d, hits, "fact_with_number")
        return with_alternates(f, reader.tuning, reader, q)


_ASKS_RANK = re.compile(r"\bthu (?:may|bao nhieu)\b")
_ASKS_RANK_SPELT = re.compile(r"\bthứ (?:mấy|bao nhiêu)\b")


_WHAT = re.compile(r"\bgi\b")
_AMOUNT = re.compile(r"\b(?:bao nhieu|may|bao lau|ty le|ti le|phan tram)\b|%")


def _asks_what(question: str) -> bool:
    """A question asking "gì" and no amount ("mục tiêu gì", not "tỷ lệ gì … bao nhiêu")."""
    folded = fold(question)
    return _WHAT.search(folded) is not None and _AMOUNT.search(folded) is None


def _asks_rank(question: str) -> bool:
    """ "phiên họp thứ mấy": typed with diacritics, "thu bao nhiêu" (collects how much) asks no rank."""
    if has_diacritics(question):
        return _ASKS_RANK_SPELT.search(canonical_tones(question).lower()) is not None
    return _ASKS_RANK.search(fold(question)) is not None


class ComparisonAnswerer:
    """One document's value, for one line of a comparison."""

    def find(self, reader: Reader, q: Query, d: Directive, hits: list[Hit]) -> list[Found]:
        return with_alternates(by_segment(reader, q, d, hits, "target"), reader.tuning, reader, q)


@dataclass(frozen=True)
class TypedAnswerer:
    """An agency, a list of names or a cited document; the plain part when that covers the question much better."""

    shape: Shape

    def find(self, reader: Reader, q: Query, d: Directive, hits: list[Hit]) -> list[Found]:
        f = by_segment(reader, q, d, hits, self.shape)
        plain = by_segment(reader, q, d, hits, "fact")
        if self.shape == "agency" and not preamble_answers(q):
            plain = [x for x in plain if x.clause.kind != "preamble"]  # nor does its plain part
        # the proposer or the body a report goes through ("theo đề nghị của ai", "qua cơ quan nào") is said by one
        # part only, however much else of the question another part covers
        if plain and (not f or plain[0].score > f[0].score + reader.tuning.typed_slack) and not (
                f and self.shape == "agency" and (asks_proposer(q) or asks_through(q))):
            f = plain
        return with_alternates(f, reader.tuning, reader, q)


class DutyAnswerer:
    """What an agency must do: the sentences in which it is the one tasked; else the best part."""

    def find(self, reader: Reader, q: Query, d: Directive, hits: list[Hit]) -> list[Found]:
        return self._duty(reader, q, d) or with_alternates(by_segment(reader, q, d, hits, "fact"), reader.tuning, reader, q)

    @staticmethod
    def _duty(reader: Reader, q: Query, d: Directive) -> list[Found]:
        from corpus.facts import canonical_agency, find_agencies

        t = reader.tuning
        asked_mentions = find_agencies(q.topic if q.followup else q.text)
        if not asked_mentions:
            return []
        asked = {m.canonical for m in asked_mentions}
        asked_words = [set(tokens(m.name)) for m in asked_mentions]

        def is_asked(name: str) -> bool:
            # Same canonical agency, or every word of the clause's name is in the question's name
            # ("Trưởng các Khối thi đua của tỉnh" for "Trưởng các khối thi đua tỉnh Hà Nam").
            words = set(tokens(name))
            return canonical_agency(name) in asked or any(words and words <= w for w in asked_words)

        parents = {c.parent for c in d.clauses if c.parent}
        out: list[Found] = []
        for clause in d.answerable_clauses():
            if clause.id in parents:
                continue  # leaves only: the most specific clause
            text = clause.text
            if clause.id not in reader.agency_cache:
                reader.agency_cache[clause.id] = find_agencies(text)
            for m in reader.agency_cache[clause.id]:
                if not is_asked(m.name):
                    continue
                segs = reader.segments.get(clause.id, [])
                seg = next((s for s in segs if s.start <= m.start < s.end + 1), None)
                if seg is None:
                    continue
                sentence_end = max(s.end for s in segs if s.sentence_start == seg.sentence_start)
                topic = topic_words(q) or q.topic
                a, b = reader.focus(text, seg.sentence_start, sentence_end, topic)
                quote, a, b = excerpt(text, a, b)
                lead = m.start - seg.sentence_start
                score = t.duty_subject_score if lead <= t.duty_lead_chars else t.duty_mention_score
                out.append(Found(d, clause, quote, quote, (a, b), score))
                break
        out.sort(key=lambda f: -f.score)
        return [f for f in out if f.score >= t.abstain_below][: t.duty_max_clauses]
