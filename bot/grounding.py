"""The last check before an answer leaves: every number, date and agency it states must stand in a
clause it cites.  What does not is dropped; if nothing is left the bot abstains."""

from __future__ import annotations

import re

from corpus.text import fold

__all__ = ["facts_in", "unsupported"]

_NUMBER = re.compile(r"\d+(?:[.,/]\d+)*")


def _key(text: str) -> str:
    return " ".join(fold(text).replace(",", ".").split())


def facts_in(text: str) -> list[str]:
    """Numbers, dates and agency names stated in ``text``."""
    from corpus.facts import find_agencies

    out = [m.group(0) for m in _NUMBER.finditer(text)]
    out += [m.name for m in find_agencies(text)]
    return out


def unsupported(statement: str, sources: list[str]) -> list[str]:
    """Facts of ``statement`` found in none of ``sources`` (clause texts and the document's own metadata)."""
    hay = _key(" ".join(sources))
    return [f for f in facts_in(statement) if _key(f) not in hay]
