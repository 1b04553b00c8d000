"""A clause's references to other clauses of its own document that set its scope ("khoản 7 Điều 4 Thông tư này", "khoản 1 Điều
này"): what such a clause is about is said there, so their words count as its own when scoring and checking it."""

from __future__ import annotations

import re
from functools import lru_cache

from corpus.lexicon import alternatives, load_lexicon
from corpus.models import Clause, Directive
from corpus.text import fold

__all__ = ["cited_here"]

# "các khoản 7, 8 và 9 Điều 4 Thông tư này", "điểm a khoản 2 Điều này", "Điều 5 Nghị định này": a clause of the
# same document that this one applies to; its words say what this clause is about ("Thời hạn … trong các lĩnh vực
# quy định tại các khoản 7, 8 Điều 4" is about the fields those clauses list).
_LIST = r"(?:\s*,\s*|\s+và\s+)"
_HERE_REF = re.compile(
    rf"(?:(?:các\s+)?điểm\s+(?P<points>[a-zđ](?:{_LIST}[a-zđ])*)\s+)?"
    rf"(?:(?:các\s+)?khoản\s+(?P<items>\d{{1,3}}(?:{_LIST}(?:khoản\s+)?\d{{1,3}})*)\s+)?"
    rf"(?P<article>Điều\s+(?P<number>\d{{1,3}}\w?)\s+(?:của\s+)?[^\W\d]*(?:\s+[^\W\d]+)?\s*này|Điều\s+này)",
    re.IGNORECASE,
)


def cited_here(d: Directive, clause: Clause, text: str | None = None) -> tuple[str, ...]:
    """The texts of the clauses of ``d`` that ``clause`` (or ``text``, a part of it) refers to by label ("khoản 7
    Điều 4 Thông tư này", "khoản 1 Điều này"), at most 16: another document's ("Điều 4 Thông tư số 21/2021/TT-…")
    are not."""
    own_article = next((p for p in clause.label.split(", ") if p.startswith("Điều ")), None)
    out: list[str] = []
    for label in _labels_cited(clause.text if text is None else text, own_article):
        target = d.clause(label)
        if target is not None and target.id != clause.id and target.text not in out:
            out.append(target.text)
    return tuple(out)


@lru_cache(maxsize=4096)
def _labels_cited(text: str, own_article: str | None) -> tuple[str, ...]:
    if "này" not in text.lower():
        return ()  # every reference read here ends in "… này": most parts have none, and the expression is slow
    labels: list[str] = []
    for m in _HERE_REF.finditer(text):
        if not _SCOPE_BEFORE.search(fold(text[max(0, m.start() - 80) : m.start()])):
            continue  # "gửi hồ sơ quy định tại khoản 1 Điều này": cited for what it names, not the clause's scope
        words = m.group("article").split()
        if len(words) > 2 and fold(words[2]) not in _DOC_KIND_WORDS and fold(words[2]) != "cua":
            continue  # "Điều 4 Luật này": the word before "này" names a kind of document
        article = f"Điều {m.group('number')}" if m.group("number") else own_article
        if article is None:
            continue
        found = [article]
        if m.group("items"):
            # "khoản 1, 2 Điều này" or "khoản 1, khoản 2 Điều này"
            found = [f"{article}, khoản {k.split()[-1]}" for k in re.split(_LIST, m.group("items"))]
            if m.group("points"):
                found = [f"{lab}, điểm {p}" for lab in found for p in re.split(_LIST, m.group("points"))]
        labels += [x for x in found if x not in labels]
    return tuple(labels[:16])


# The scope noun, at most two words, then "quy định tại": "các trường hợp quy định tại", "lĩnh vực kinh doanh quy định
# tại"; not a condition opening with "Trường hợp" whose own subject is cited ("Trường hợp các thành phần trong hồ sơ
# bổ nhiệm quy định tại Điều này …").
_SCOPE_BEFORE = re.compile(
    rf"\b(?:{alternatives(load_lexicon().topic('reference_scope_nouns'))})(?:\s+[^\s.;:,]+){{0,2}}"
    r"\s+(?:duoc\s+)?(?:quy dinh|neu|xac dinh)\s+tai\s+$"
)
# The first syllable of a kind of document ("thông tư", "nghị định", "luật"; lexicon document_kinds.txt).
_DOC_KIND_WORDS = frozenset(fold(k).split()[0] for k in load_lexicon().topic("document_kinds") if k.strip())
