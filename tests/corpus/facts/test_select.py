"""Filters match what officials type: no tones, old tone marks, abbreviations."""

from __future__ import annotations

import pytest

from corpus.facts import (
    corpus_responsibilities,
    corpus_targets,
    select_directives,
    select_responsibilities,
    select_targets,
)


@pytest.mark.parametrize("query", ["so noi vu", "Sở Nội vụ", "SỞ NỘI VỤ"])
def test_agency_filter(seeds, query: str) -> None:
    rows = select_responsibilities(corpus_responsibilities(seeds.values()), agency=query)
    assert {r.agency for r in rows} == {"Sở Nội vụ"}
    assert {r.doc_id for r in rows} == set(seeds)


def test_agency_filter_with_old_tones_and_abbreviation(seeds) -> None:
    rows = corpus_responsibilities(seeds.values())
    a = select_responsibilities(rows, agency="Uỷ ban Mặt trận Tổ quốc Việt Nam tỉnh")
    b = select_responsibilities(rows, agency="uy ban mttq")
    assert a and a == b


def test_indicator_province_year_filters(seeds) -> None:
    rows = corpus_targets(seeds.values())
    poverty = select_targets(rows, indicator="ho ngheo", province="son la")
    assert sorted((t.year, t.value) for t in poverty) == [
        (2022, "19,74%"),
        (2023, "15,66%"),
        (2024, "11,41%"),
    ]
    assert [t.value for t in select_targets(rows, indicator="tỉ lệ hộ nghèo", year=2024)] == ["11,41%"]
    assert select_targets(rows, indicator="ho ngheo", province="Hà Nam") == []


def test_directive_filter(seeds) -> None:
    assert {d.doc_id for d in select_directives(seeds.values(), province="lai chau")} == {"lai-chau-2023"}
    assert len(select_directives(seeds.values(), year=2023)) == 3
