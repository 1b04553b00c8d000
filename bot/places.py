"""Vietnam's provinces before and after the 1 July 2025 merger, read from the lexicon.

A question naming a province we hold no document for is recognised (and abstained on) instead of
silently answered from another province; a question naming a former province for a year after the
merger ("Hà Nam năm 2026") is read as the merged province.
"""

from __future__ import annotations

from corpus.lexicon import derived, load_lexicon

__all__ = ["MERGER_YEAR", "PROVINCES", "aliases", "successor"]

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
