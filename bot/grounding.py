"""The last check before an answer leaves: every number, date and agency it states must stand in a
clause it cites.  What does not is dropped; if nothing is left the bot abstains."""

from __future__ import annotations

import re

from corpus.text import fold

__all__ = ["facts_in", "unsupported"]

_NUMBER = re.compile(r"\d+(?:[.,/]\d+)*")
_AGENCY = re.compile(
    r"\b(?:Sở|Ban|Văn phòng|Hội đồng|Ủy ban|Uỷ ban|Bộ|Cục|Vụ|Đài|Báo|Khối|Trưởng|Thủ trưởng|Giám đốc|Chủ tịch)"
    r"(?:\s+[A-ZĐÀ-Ỹ][\wÀ-ỹ]*|\s+(?:và|-))+"
)


def _key(text: str) -> str:
    return " ".join(fold(text).replace(",", ".").split())


def facts_in(text: str) -> list[str]:
    """Numbers, dates and agency names stated in ``text``."""
    out = [m.group(0) for m in _NUMBER.finditer(text)]
    out += [m.group(0).strip() for m in _AGENCY.finditer(text)]
    return out


def unsupported(statement: str, sources: list[str]) -> list[str]:
    """Facts of ``statement`` found in none of ``sources`` (clause texts and the document's own metadata)."""
    hay = _key(" ".join(sources))
    return [f for f in facts_in(statement) if _key(f) not in hay]
