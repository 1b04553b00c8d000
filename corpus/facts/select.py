"""Reading facts from a whole corpus and filtering them the way officials type (no tones, old tone marks)."""

from __future__ import annotations

from collections.abc import Iterable

from corpus.facts.agencies import canonical_agency
from corpus.facts.indicators import indicator_key
from corpus.facts.responsibilities import Responsibility, extract_responsibilities
from corpus.facts.targets import Target, extract_targets
from corpus.models import Directive
from corpus.text import fold

__all__ = [
    "corpus_responsibilities",
    "corpus_targets",
    "select_directives",
    "select_responsibilities",
    "select_targets",
]


def _phrase_in(query: str, candidate: str) -> bool:
    """Whole-word phrase match on folded text: "so noi vu" finds "Sở Nội vụ", "son la" finds "Sơn La"."""
    q = " ".join(fold(query).split())
    return bool(q) and f" {q} " in f" {' '.join(fold(candidate).replace(',', ' ').split())} "


def _province_ok(row_province: str | None, province: str | None) -> bool:
    return province is None or (row_province is not None and _phrase_in(province, row_province))


def corpus_responsibilities(directives: Iterable[Directive]) -> list[Responsibility]:
    return [r for d in directives for r in extract_responsibilities(d)]


def corpus_targets(directives: Iterable[Directive]) -> list[Target]:
    return [t for d in directives for t in extract_targets(d)]


def select_responsibilities(
    rows: Iterable[Responsibility],
    *,
    agency: str | None = None,
    province: str | None = None,
    year: int | None = None,
) -> list[Responsibility]:
    """Rows for an agency (any spelling, with or without tones), province and year."""
    wanted = [agency, canonical_agency(agency)] if agency else []
    out = []
    for r in rows:
        if year is not None and r.year != year:
            continue
        if not _province_ok(r.province, province):
            continue
        if wanted and not any(_phrase_in(w, c) for w in wanted for c in (r.agency, r.name)):
            continue
        out.append(r)
    return out


def select_targets(
    rows: Iterable[Target],
    *,
    indicator: str | None = None,
    province: str | None = None,
    year: int | None = None,
) -> list[Target]:
    """Targets whose indicator contains the words asked for ("ho ngheo", "hộ nghèo", "tỷ lệ hộ nghèo")."""
    key = indicator_key(indicator) if indicator else ""
    out = []
    for t in rows:
        if year is not None and t.year != year:
            continue
        if not _province_ok(t.province, province):
            continue
        if indicator and not (_phrase_in(key, t.indicator_key) or _phrase_in(indicator, t.indicator)):
            continue
        out.append(t)
    return out


def select_directives(
    directives: Iterable[Directive], *, province: str | None = None, year: int | None = None
) -> list[Directive]:
    """Directives of a province (typed with or without tones) and year."""
    return [d for d in directives if (year is None or d.year == year) and _province_ok(d.province, province)]
