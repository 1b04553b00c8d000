"""Answerers for legal-text kinds: effect and replacement, durations and deadlines, dossiers,
conditions and criteria, definitions, who decides.

Each prefers the sentence parts that carry its kind's cue (lexicon ``answer_cues.csv``) in the
part or in its clause heading; durations and effect dates are pulled out whole with their unit,
so an answer is never a bare number such as "3.".
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

from bot.answerers.base import Found, Reader, topic_words
from bot.answerers.items import is_lead_in, line_of
from bot.answerers.passages import Bonus, Shape, by_segment
from bot.extract import find_durations, find_effect, find_references
from bot.query import Kind, Query
from bot.segments import Segment
from corpus.lexicon import load_lexicon
from corpus.models import Clause, Directive
from corpus.text import fold
from index.models import Hit

__all__ = ["EffectAnswerer", "LegalAnswerer"]

_REPLACES = re.compile(r"thay the|het hieu luc|bai bo|bi bai bo")
_REPLACE_TEXT = re.compile(r"thay thế|hết hiệu lực|bãi bỏ", re.IGNORECASE)


@cache
def _cues(kind: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(r["pattern"]) for r in load_lexicon().topic("answer_cues") if r["kind"] == kind)


def _cue_bonus(kind: str, bonus: float) -> Bonus:
    def score(clause: Clause, seg: Segment) -> float:
        where = fold(" ".join((*clause.heading[-1:], seg.text)))
        return bonus if any(c.search(where) for c in _cues(kind)) else 0.0

    return score


def _lead_in_bonus(reader: Reader, q: Query, cue: Bonus) -> Bonus:
    """A part announcing a list gets a bonus, and is scored with its whole line: "Thành phần hồ sơ gồm:"
    alone says little, the sentence before it on the line says whose dossier it is."""
    t = reader.tuning
    topic = topic_words(q) or q.topic

    def score(clause: Clause, seg: Segment) -> float | None:
        got = cue(clause, seg) or 0.0
        if not is_lead_in(clause.text, seg.end):
            return got
        line = line_of(clause.text, seg.end)
        wider = reader.scorer.coverage(topic, line) - reader.scorer.coverage(topic, seg.text)
        return got + t.lead_in_bonus + t.segment_weight * max(0.0, wider)

    return score


@dataclass(frozen=True)
class LegalAnswerer:
    """One legal-text kind: the best part with the kind's cue, its answering words pulled out where it has them."""

    kind: Kind
    shape: Shape = "fact"

    def find(self, reader: Reader, q: Query, d: Directive, hits: list[Hit]) -> list[Found]:
        bonus = _cue_bonus(self.kind, reader.tuning.kind_cue_bonus)
        if self.kind == "dossier":  # a dossier is a list: the part announcing it is the one to find
            bonus = _lead_in_bonus(reader, q, bonus)
        found = by_segment(reader, q, d, hits, self.shape, bonus=bonus)
        if self.shape != "fact" and not found:
            found = by_segment(reader, q, d, hits, "fact", bonus=bonus)
        out: list[Found] = []
        for f in found[:3]:
            short = self._short(f)
            if short is not None:
                out.append(Found(f.directive, f.clause, short, f.quote, f.span, f.score))
        return out[:1]

    def _short(self, f: Found) -> str | None:
        """The answering words of the quoted part; None rejects a part that lacks them (a duration without one)."""
        if self.kind == "duration":
            spans = find_durations(f.quote)
            return "; ".join(dict.fromkeys(s.text for s in spans)) if spans else None
        if self.kind == "effect":
            eff = find_effect(f.quote)
            if eff is not None:
                return eff.text
            if "thay thế" in f.quote.lower():
                refs = find_references(f.quote)
                if refs:
                    return "thay thế " + "; ".join(r.text for r in refs)
            return f.short
        return f.short


class EffectAnswerer:
    """When a document takes effect, or what it replaces: read from its own clauses, not from retrieval.

    The question usually describes the document ("Thông tư về … có hiệu lực từ ngày nào?"), so the
    answering clause shares few words with it; every clause of a document in scope that states an
    effect date (or a replacement) is a candidate, the "Hiệu lực thi hành" article first.
    """

    def find(self, reader: Reader, q: Query, d: Directive, hits: list[Hit]) -> list[Found]:
        from bot.compose import excerpt

        replaces = bool(_REPLACES.search(fold(q.text)))
        prior = 1.0 / hits[0].rank if hits and hits[0].rank else 0.0
        parents = {c.parent for c in d.clauses if c.parent}
        out: list[Found] = []
        for clause in d.answerable_clauses():
            if clause.id in parents:
                continue
            text = clause.text
            heading = fold(" ".join(clause.heading[-1:]))
            if replaces:
                m = _REPLACE_TEXT.search(text)
                refs = [r for r in find_references(text) if m] if m else []
                if not refs:
                    continue
                near = min(refs, key=lambda r: abs(r.start - m.start()))
                short, at = near.text, near.start
            else:
                eff = find_effect(text)
                if eff is None:
                    continue
                short, at = eff.text, eff.start
            seg = next((s for s in reader.segments.get(clause.id, []) if s.start <= at < s.end + 1), None)
            a, b = (seg.sentence_start, seg.end) if seg else (max(0, at - 100), min(len(text), at + 200))
            quote, a, b = excerpt(text, a, b)
            score = 0.5 + 0.3 * prior + (0.2 if "hieu luc" in heading or "hieu luc" in fold(text[:80]) else 0.0)
            out.append(Found(d, clause, short, quote, (a, b), score))
        out.sort(key=lambda f: -f.score)
        return out[:1]
