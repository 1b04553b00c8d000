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

from bot.answerers.base import Found, Reader
from bot.answerers.passages import Bonus, Shape, by_segment
from bot.extract import find_durations, find_effect, find_references
from bot.query import Kind, Query
from bot.segments import Segment
from corpus.lexicon import load_lexicon
from corpus.models import Clause, Directive
from corpus.text import fold
from index.models import Hit

__all__ = ["LegalAnswerer"]


@cache
def _cues(kind: str) -> tuple[re.Pattern[str], ...]:
    return tuple(re.compile(r["pattern"]) for r in load_lexicon().topic("answer_cues") if r["kind"] == kind)


def _cue_bonus(kind: str, bonus: float) -> Bonus:
    def score(clause: Clause, seg: Segment) -> float:
        where = fold(" ".join((*clause.heading[-1:], seg.text)))
        return bonus if any(c.search(where) for c in _cues(kind)) else 0.0

    return score


@dataclass(frozen=True)
class LegalAnswerer:
    """One legal-text kind: the best part with the kind's cue, its answering words pulled out where it has them."""

    kind: Kind
    shape: Shape = "fact"

    def find(self, reader: Reader, q: Query, d: Directive, hits: list[Hit]) -> list[Found]:
        bonus = _cue_bonus(self.kind, reader.tuning.kind_cue_bonus)
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
