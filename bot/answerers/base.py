"""What every answerer shares: the found answer record and the reading context (clauses, scorer, tuning)."""

from __future__ import annotations

import copy
import itertools
import re
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Protocol

from bot.compose import MAX_EXCERPT
from bot.query import Query
from bot.segments import Scorer, Segment, has_diacritics, stands_in, tokens
from bot.tuning import AnswerTuning
from corpus.lexicon import load_lexicon
from corpus.models import Clause, Directive
from corpus.text import canonical_tones, fold
from index.models import Hit
from index.tokenize import equivalent_forms

__all__ = ["FIRST_ITEM", "Answerer", "Found", "Reader", "asked_needs", "topic_words", "with_alternates", "with_rarest"]

# Words that say what kind of answer is wanted, not what it is about; they must not count as evidence.
_FORM = frozenset(load_lexicon().topic("answer_form_words"))
# ... and their spellings, for a question typed with diacritics ("bán hàng" is not "ban hành").
_FORM_SPELT = frozenset(canonical_tones(w).lower() for w in load_lexicon().topic("answer_form_spellings"))
# ... and the words that frame a question as a wish ("muốn", "mong"): a clause states the target, not the wish.
_FRAME_SPELT = frozenset(canonical_tones(w).lower() for w in load_lexicon().topic("paraphrase_spellings"))


@dataclass(frozen=True)
class Found:
    """One document's answer: the short answer, the clause and the answering words in it."""

    directive: Directive
    clause: Clause
    short: str
    quote: str
    span: tuple[int, int] | None
    score: float
    #: A weaker candidate of its document, read only when every answer before it fails the support check
    #: (bot.support): the best-covering clause may lack what makes the question specific while the next holds it.
    alternate: bool = False


def with_alternates(found: list[Found], tuning: AnswerTuning, reader: Reader | None = None,
                    q: Query | None = None) -> list[Found]:
    """The best answer, then the best answers of up to ``support_alternates`` other clauses, marked alternate.

    The assistant quotes an alternate only when the answers before it in the document fail the support check;
    the bound keeps a clause far down the ranking from answering for want of a better one.  With the question
    (``reader``, ``q``), the best clause naming its rarest word is read too when none of those does: a question's
    many common words ("đồ vật cấm đưa vào nơi chấp hành án") rank the clauses sharing them first, while the one
    saying the rare word asked about ("phích nước") stands lower; the support check still judges it."""
    if not found:
        return []
    out = [found[0]]
    seen = {found[0].clause.id}
    for f in found[1:]:
        if len(out) > tuning.support_alternates:
            break
        if f.clause.id not in seen:
            seen.add(f.clause.id)
            out.append(replace(f, alternate=True))
    rare = _rarest(reader, q) if reader is not None and q is not None else None
    if rare is not None and not any(_names(f, *rare) for f in out):
        extra = next((f for f in found if f.clause.id not in seen and _names(f, *rare)), None)
        if extra is not None:
            out.append(replace(extra, alternate=True))
    return out


def with_rarest(reader: Reader, q: Query, found: list[Found], n: int) -> list[Found]:
    """The first ``n`` of ``found``, and the best one after them naming the question's rarest word when none of them
    does (see ``with_alternates``): the parts an answerer reads out."""
    rare = _rarest(reader, q)
    head = found[:n]
    if rare is None or any(_names(f, *rare) for f in head):
        return head
    return [*head, *itertools.islice((f for f in found[n:] if _names(f, *rare)), 1)]


def _rarest(reader: Reader, q: Query) -> tuple[str, bool] | None:
    """The rarest over the library of the question's rare words the support check asks the answering clause for
    (``support.needs``, its word needs), as typed: with its marks or folded; read once per question."""
    key = ("rarest", q)
    if key not in reader.scores:
        wanted = [n for n in asked_needs(reader, q) if n.kind == "word" and n.token]
        rarest = max(wanted, key=lambda n: reader.scorer.idf(n.token or ""), default=None)
        reader.scores[key] = (rarest.token or "", rarest.accented) if rarest else None  # type: ignore[assignment]
    return reader.scores[key]  # type: ignore[return-value]


def asked_needs(reader: Reader, q: Query) -> tuple:
    """``support.needs`` of the question, worked out once per question (kept for the last questions asked)."""
    memo = reader.needs_memo
    if q not in memo:
        from bot.support import needs  # the support check reads the answerers' records

        if len(memo) >= _NEEDS_KEPT:
            memo.clear()
        memo[q] = needs(q, reader.scorer, reader.tuning)
    return memo[q]


_NEEDS_KEPT = 256


def _names(f: Found, unit: str, accented: bool) -> bool:
    return stands_in(unit, (f.clause.text, *f.clause.heading), accented=accented)


def topic_words(q: Query) -> str:
    """The topic without form words, keeping the diacritics the user typed.  Typed with diacritics, a word
    is a form word only in a form word's spelling: "mức chi", "bán hàng", "tư vấn" keep "chi", "bán", "vấn".
    Phrases are read as the documents write them first (lexicon equivalents.toml): "bán hàng ra nước ngoài" is
    "xuất khẩu" only while "ra" is still between its words, "phần trăm" the "%" only before "phần" goes."""
    return _topic_words(q.topic)


@lru_cache(maxsize=4096)
def _topic_words(topic: str) -> str:
    words = re.findall(r"[^\W_]+", equivalent_forms(topic))
    accented = has_diacritics(topic)

    def form(w: str) -> bool:
        if not accented:
            return fold(w) in _FORM
        spelt = canonical_tones(w).lower()
        return spelt in _FORM_SPELT or spelt in _FRAME_SPELT

    def function(w: str) -> bool:
        # typed with marks a word is a function word by its spelling ("từ", not the "tư" of "đầu tư"); typed
        # without, alone it cannot be told from one ("tu"), and goes
        return not tokens(w, accented=True) if accented else fold(w) not in set(tokens(w))

    return " ".join(w for w in words if not form(w) and not function(w))


# Clauses whose opening words may announce the items below them; a chapter or a form holds too much to quote.
_LEAD_IN_KINDS = frozenset({"article", "khoan", "item", "diem", "point"})


FIRST_ITEM = re.compile(r"\n\s*(?:\d{1,3}(?:\.\d{1,3})*[.)]|[a-zđ]\)|[-–+•])\s")
# The words that announce a list ("gồm", "như sau"; lexicon list_announcers.txt), longest first.
LIST_ANNOUNCERS = "|".join(re.escape(w) for w in sorted(load_lexicon().topic("list_announcers"), key=len, reverse=True))
_ANNOUNCING = re.compile(rf"(?::|\b(?:{LIST_ANNOUNCERS}))\s*$", re.IGNORECASE)


def _announces(parent: Clause, child: Clause) -> bool:
    """Whether ``parent`` opens with words announcing its items ("Hồ sơ … bao gồm:"), ``child`` among them."""
    if parent.kind not in _LEAD_IN_KINDS:
        return False
    first = FIRST_ITEM.search(parent.text)  # its opening words end where its first item starts
    return first is not None and _ANNOUNCING.search(parent.text[: first.start()].rstrip()) is not None


class Reader:
    """The corpus as answerers read it: clauses by id, their sentence parts, one scorer, the tuning."""

    def __init__(
        self,
        clauses: dict[str, tuple[Directive, Clause]],
        segments: dict[str, list[Segment]],
        scorer: Callable[[], Scorer],
        tuning: AnswerTuning,
    ):
        self.clauses = clauses
        self.segments = segments
        self._scorer = scorer
        self.tuning = tuning
        self.agency_cache: dict[str, list] = {}
        #: Whether a clause opens with an agency acting (``passages._carried_subject``), read from its opening only.
        self.opens_with_agency: dict[str, bool] = {}
        #: What the support check asks of the answering clause, by question (``support.needs``): read by the
        #: answerers (the rarest word) and by the support check itself, worked out once.
        self.needs_memo: dict[object, tuple] = {}
        self.definition_cache: dict[str, list] = {}
        #: Scores of clauses and their parts for the question being answered (``for_question``), by topic and span;
        #: and how the question asks its value, read once.
        self.scores: dict[tuple, object] = {}

    def for_question(self) -> Reader:
        """This reader with a memo of its own for one question: the answerers try several answer shapes over the
        same candidate parts, whose coverage of the topic is the same for each; forgotten with the question."""
        reader = copy.copy(self)
        reader.scores = {}
        return reader

    @property
    def scorer(self) -> Scorer:
        """Asked for lazily: counting word rarities over a library is the slow part of a first start."""
        return self._scorer()

    def candidates(self, hits: list[Hit], *, parents: bool = False) -> list[tuple[Clause, float]]:
        """Answerable clauses among ``hits``, once each, with a rank prior (1, 1/2, 1/3 …); with ``parents``,
        each one's parent clause when it announces its items, after the hits and with ``parent_prior_share`` of its
        child's prior (an item found by its words brings the lead-in that says what the items are: "Hồ sơ … bao gồm:")."""
        seen: dict[str, float] = {}
        for rank, h in enumerate(hits):
            cid = h.chunk.clause_id
            if cid in self.segments and cid not in seen:
                seen[cid] = 1.0 / (rank + 1)
        if parents:
            for cid, prior in list(seen.items()):
                child = self.clauses[cid][1]
                up = child.parent
                if up and up in self.segments and up not in seen and _announces(self.clauses[up][1], child):
                    seen[up] = prior * self.tuning.parent_prior_share
        return [(self.clauses[cid][1], prior) for cid, prior in seen.items()]

    def sentences(self, clause: Clause) -> list[Segment]:
        """Whole sentences (a list of names runs across semicolons)."""
        ends: dict[int, int] = {}
        for seg in self.segments[clause.id]:
            ends[seg.sentence_start] = max(ends.get(seg.sentence_start, 0), seg.end)
        return [Segment(clause.id, clause.doc_id, a, b, clause.text[a:b], a) for a, b in ends.items()]

    def focus(self, text: str, start: int, end: int, topic: str) -> tuple[int, int]:
        """A window of at most MAX_EXCERPT characters around the comma-part that best matches the topic."""
        if end - start <= MAX_EXCERPT:
            return start, end
        cuts = [start, *(start + m.end() for m in re.finditer(r",\s+", text[start:end]))]
        bounds = list(zip(cuts, [*cuts[1:], end], strict=True))
        best = max(range(len(bounds)), key=lambda i: self.scorer.coverage(topic, text[slice(*bounds[i])]))
        lo = hi = best
        grew = True
        while grew:
            grew = False
            if hi + 1 < len(bounds) and bounds[hi + 1][1] - bounds[lo][0] <= MAX_EXCERPT:
                hi, grew = hi + 1, True
            if lo > 0 and bounds[hi][1] - bounds[lo - 1][0] <= MAX_EXCERPT:
                lo, grew = lo - 1, True
        return bounds[lo][0], bounds[hi][1]

    def phrase_start(self, text: str, topic: str, lo: int, value_start: int) -> int:
        """Where the indicator phrase before a value begins: after the last comma/colon before its first matched word."""
        first = self.scorer.first_match(topic, text[lo:value_start])
        anchor = lo + first if first is not None else lo
        cut = max(text.rfind(sep, lo, anchor) for sep in (",", ":", ";"))
        return cut + 1 if cut >= lo and cut + 1 <= anchor else anchor if first is not None else lo


class Answerer(Protocol):
    """Finds a document's answer to one kind of question (best first; empty when it has none)."""

    def find(self, reader: Reader, q: Query, d: Directive, hits: list[Hit]) -> list[Found]: ...
