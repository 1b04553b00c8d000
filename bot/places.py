"""Vietnam's provinces before and after the 1 July 2025 merger, read from the lexicon.

A question naming a province we hold no document for is recognised (and abstained on) instead of
silently answered from another province; a question naming a former province for a year after the
merger ("Hà Nam năm 2026") is read as the merged province.  A place that is part of a body's or a thing's name
("Sở Giao dịch Chứng khoán Hà Nội", "thủy điện Sơn La") is no province of the question (``name_lead``).
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from corpus.lexicon import derived, load_lexicon
from corpus.text import fold, tone_variants

__all__ = ["MERGER_YEAR", "PROVINCES", "aliases", "name_lead", "name_leads", "successor"]

#: The year the 2025 merger took effect (1 July 2025): from the next year on, only the new provinces issue.
MERGER_YEAR = 2025


@derived
def _table() -> tuple[dict[str, str], ...]:
    """The merger table (one place to point at another source)."""
    return load_lexicon().topic("provinces")


@derived
def aliases() -> dict[str, str]:
    """Other ways of writing a province ("TP. Hồ Chí Minh", "Thừa Thiên Huế") -> its name."""
    return {row["alias"]: row["province"] for row in load_lexicon().topic("province_aliases")}


def _names() -> tuple[str, ...]:
    rows = _table()
    names = [r["province_before_2025"] for r in rows] + [r["province_from_2025_07_01"] for r in rows]
    return tuple(dict.fromkeys([*names, *aliases()]))


PROVINCES: tuple[str, ...] = _names()


def successor(province: str) -> str | None:
    """The province that took ``province`` over on 1 July 2025, when that is another one."""
    name = aliases().get(province, province)
    for row in _table():
        if row["province_before_2025"] == name and row["province_from_2025_07_01"] != name:
            return row["province_from_2025_07_01"]
    return None


_TOKEN = re.compile(r"[^\W_]+|[^\w\s]")


@derived
def _lead_words() -> tuple[frozenset[tuple[str, ...]], tuple[tuple[str, ...], ...]]:
    """(words ending a lead, words between a name's noun and its place), as folded syllable tuples
    (``place_leads.toml``, the function words, the document kinds and the places themselves end a lead)."""
    lexicon = load_lexicon()
    table = lexicon.topic("place_leads")
    stops = [*table.get("scope", ()), *lexicon.topic("function_words"), *lexicon.topic("document_kinds"), *PROVINCES]
    return (frozenset(tuple(_TOKEN.findall(fold(w))) for w in stops),
            tuple(sorted((tuple(_TOKEN.findall(fold(w))) for w in table.get("between", ())), key=len, reverse=True)))


def name_lead(before: str) -> str:
    """The one or two syllables (accent-folded) right before a place that may make it part of a name: "chung khoan"
    for "Sở Giao dịch Chứng khoán [thành phố] Hồ Chí Minh"; "" when the place is the text's own ("của Sơn La", "tỉnh
    Sơn La", "UBND Sơn La", "Chỉ thị Sơn La", after a comma or at the start)."""
    stops, between = _lead_words()
    toks = _TOKEN.findall(fold(before[-80:].rsplit("\n", 1)[-1]))  # a line ends a name ("Hạnh phúc\nHà Nội, ngày")
    for words in between:
        if tuple(toks[-len(words):]) == words:
            toks = toks[: -len(words)]
            break
    lead: list[str] = []
    while toks and len(lead) < 2:
        if not toks[-1].isalpha() or any(tuple(toks[-len(w):]) == w for w in stops if len(w) <= len(toks)):
            break
        lead.insert(0, toks.pop())
    return " ".join(lead)


def name_leads(documents: Iterable[tuple[str, str]]) -> list[str]:
    """Every "lead|place" the documents write (``name_lead``, each one- and two-syllable lead, the place as the
    lexicon names it): the names of bodies and things that hold a place ("Sở Giao dịch Chứng khoán Hà Nội", "tư
    tưởng Hồ Chí Minh").  ``documents``: (text, the document's own province or "") pairs; a province's own name in its
    documents is left out ("nhân dân các dân tộc Sơn La" in a directive of Sơn La is the province itself).

    Documents write a place with its capitals (either tone placement), so each spelling is looked up as written: a
    whole library is read in seconds, once per corpus (the assistant keeps the table beside the index)."""
    spellings = sorted({v: name for name in PROVINCES for v in tone_variants(name)}.items(),
                       key=lambda kv: len(kv[0]), reverse=True)
    found: set[str] = set()
    for text, own in documents:
        taken: set[int] = set()
        for spelled, name in spellings:
            at = text.find(spelled)
            while at >= 0:
                end = at + len(spelled)
                if (end in taken or (at > 0 and text[at - 1].isalnum())
                        or (end < len(text) and text[end].isalnum())):
                    at = text.find(spelled, end)
                    continue
                taken.add(end)  # "Thừa Thiên Huế" is not read again as "Huế"
                place = fold(aliases().get(name, name))
                lead = name_lead(text[max(0, at - 80) : at]).split() if place != fold(own) else []
                found.update(f"{' '.join(lead[i:])}|{place}" for i in range(len(lead)))
                at = text.find(spelled, end)
    return sorted(found)
