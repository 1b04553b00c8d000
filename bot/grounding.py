"""The last check before an answer leaves: every number, date and agency it states must stand in a
clause it cites.  What does not is dropped; if nothing is left the bot abstains."""

from __future__ import annotations

import re
from functools import lru_cache

from corpus.text import fold

__all__ = ["facts_in", "unsupported"]

_NUMBER = re.compile(r"\d+(?:[.,/]\d+)*")


@lru_cache(maxsize=2048)
def _key(text: str) -> str:
    """Folded words between single spaces, decimal commas as points (kept: a clause's answers are checked
    against it for many questions)."""
    return " ".join(fold(text).replace(",", ".").split())


def facts_in(text: str) -> list[str]:
    """Numbers, dates and agency names stated in ``text``."""
    from corpus.facts import find_agencies

    out = [m.group(0) for m in _NUMBER.finditer(text)]
    out += [m.name for m in find_agencies(text)]
    return out


def unsupported(statement: str, sources: list[str]) -> list[str]:
    """Facts of ``statement`` found in none of ``sources`` (clause texts and the document's own metadata)."""
    facts = facts_in(statement)
    if not facts:
        return []  # nothing to look for: the sources (a long article among them) are not read
    hay = " ".join(k for k in map(_key, sources) if k)  # the same as the joined sources' key
    return [f for f in facts if _key(f) not in hay]
