"""Definitions: "X là gì?", "X được hiểu là gì?", "Thế nào là X?" are answered with the clause that
defines X ("X là …"), preferably in the article "Giải thích từ ngữ", not with a clause that uses X.

The asked term is what stands before (or after) the definition cue of the question (lexicon
``definition_cues.csv``), after its last comma ("Theo nghị định về sản phẩm Halal, Haram là gì?" asks
about "Haram"). A clause defines a term when a line of it reads "<term> là …"; it answers when every
word of its term is in the asked phrase, scored by how much of the asked phrase the term covers.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.answerers.base import Answerer, Found, Reader
from bot.compose import excerpt
from bot.query import Query
from corpus.lexicon import derived, load_lexicon
from corpus.models import Directive
from corpus.text import fold
from index.models import Hit

__all__ = ["Defining", "asked_term", "definitions"]

_DEFINES = re.compile(r"(?P<term>[^\n.;:()]{2,160}?)\s+(?:là|được hiểu là|có nghĩa là)\s+\S")
_MARKER = re.compile(r"^\s*(?:\d{1,3}[.)]|[a-zđ][)]|[-–•+])\s*")
_GLOSSARY = re.compile(r"giai thich tu ngu|dinh nghia")


@derived
def _cues() -> tuple[tuple[str, re.Pattern[str]], ...]:
    return tuple((r["where"], re.compile(r["pattern"])) for r in load_lexicon().topic("definition_cues"))


def asked_term(question: str, parts: int = 1) -> str | None:
    """The phrase a question asks to define (accent-folded), or None when it asks no definition; ``parts``: how
    many comma-separated parts it takes, for a term that is itself an enumeration ("nghề, công việc nặng nhọc,
    độc hại, nguy hiểm")."""
    folded = " ".join(re.findall(r"[\w/.-]+|,", fold(question)))
    for where, cue in _cues():
        m = cue.search(folded)
        if not m:
            continue
        side = folded[: m.start()] if where == "before" else folded[m.end():]
        found = [p.strip() for p in side.split(",") if p.strip()]
        if found:
            return " , ".join(found[-parts:] if where == "before" else found[:parts])
    return None


@derived
def _qualifier() -> re.Pattern[str]:
    words = sorted(load_lexicon().topic("term_qualifiers"), key=len, reverse=True)
    return re.compile(r"\s(?:" + "|".join(re.escape(w) for w in words) + r")\s")


def _head(asked: str) -> str:
    """The asked term without its qualifier ("ma so lao dong" of "ma so lao dong trong he thong …"), when it
    has one and the head is a phrase of its own (two words or more); else ""."""
    m = _qualifier().search(asked)
    head = asked[: m.start()].strip() if m else ""
    return head if len(head.split()) >= 2 else ""


def definitions(d: Directive) -> list[tuple[str, str, int, int, bool]]:
    """(term, clause id, start, end, in a glossary article) for every line of ``d`` that defines a term."""
    parents = {c.parent for c in d.clauses if c.parent}
    out = []
    for clause in d.answerable_clauses():
        if clause.id in parents:
            continue
        glossary = any(_GLOSSARY.search(fold(h)) for h in clause.heading)
        pos = 0
        for line in clause.text.split("\n"):
            marker = _MARKER.match(line)
            body_start = marker.end() if marker else 0
            m = _DEFINES.match(line, body_start)
            if m:
                out.append((m.group("term").strip(), clause.id, pos + body_start, pos + len(line), glossary))
            pos += len(line) + 1
    return out


def find_definition(reader: Reader, q: Query, d: Directive, least: float) -> list[Found]:
    """The clause of ``d`` defining the asked term, when its term covers at least ``least`` of the asked phrase."""
    t = reader.tuning
    asked = asked_term(q.text)
    if not asked:
        return []
    out: list[Found] = []
    if d.doc_id not in reader.definition_cache:
        reader.definition_cache[d.doc_id] = definitions(d)
    head = _head(asked)
    for term, cid, start, end, glossary in reader.definition_cache[d.doc_id]:
        folded_term = fold(term)
        phrase, phrase_head = asked, head
        if "," in term:  # an enumerated term ("Nghề, công việc nặng nhọc, độc hại, nguy hiểm") is asked as many parts
            phrase = asked_term(q.text, term.count(",") + 1) or asked
            phrase_head = _head(phrase)
        if reader.scorer.coverage(folded_term, phrase) < 0.999:
            continue  # a word of the defined term is not asked: another term
        if phrase_head and reader.scorer.coverage(phrase_head, folded_term) < 0.999:
            continue  # it defines what the asked term is qualified by, not the term itself
        cover = reader.scorer.coverage(phrase_head or phrase, folded_term)  # the qualifier is context, not the term
        if cover < least:
            continue
        clause = reader.clauses[cid][1]
        quote, a, b = excerpt(clause.text, start, end)
        score = t.definition_base + (1 - t.definition_base) * cover + (t.glossary_bonus if glossary else 0.0)
        out.append(Found(d, clause, quote, quote, (a, b), score))
    out.sort(key=lambda f: -f.score)
    return out[:1]


@dataclass(frozen=True)
class Defining:
    """Answers with the defining clause when the question asks what a term is; else ``inner`` answers.

    ``least`` is how much of the asked phrase the defined term must cover: a question of another kind
    ("Mã số chức danh … là gì?") takes a definition only when its term is nearly the whole phrase.
    """

    inner: Answerer
    strict: bool = True

    def find(self, reader: Reader, q: Query, d: Directive, hits: list[Hit]) -> list[Found]:
        t = reader.tuning
        least = t.definition_strict_cover if self.strict else t.definition_min_cover
        return find_definition(reader, q, d, least) or self.inner.find(reader, q, d, hits)
