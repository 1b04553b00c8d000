"""Chunks are citable: one clause each, exact spans, no text indexed twice."""

from __future__ import annotations

import itertools

from index.chunking import ChunkerSettings, chunk_directive
from tests.index.factory import make_directive


def test_every_chunk_text_is_exactly_its_span_in_the_directive() -> None:
    d = make_directive("son-la-2024")
    chunks = chunk_directive(d)
    assert chunks
    for c in chunks:
        assert c.text == d.text[c.start : c.end]
        assert c.doc_id == "son-la-2024"


def test_leaves_are_chunked_and_a_parent_gives_only_its_lead_text() -> None:
    d = make_directive("son-la-2024")
    by_clause = {c.clause_id: c for c in chunk_directive(d)}
    assert by_clause["son-la-2024:3.a"].text.startswith("a) Tỷ lệ hộ nghèo")
    lead = by_clause["son-la-2024:3"]
    assert lead.text.startswith("3. Phấn đấu") and "Tỷ lệ hộ nghèo" not in lead.text
    assert lead.label == "mục 3"


def test_trivial_parent_heading_is_not_a_chunk() -> None:
    items = [
        (("6",), "mục 6", "6. Tổ chức thực hiện"),
        (("6", "a"), "mục 6, điểm a", "a) Giao Sở Nội vụ tổ chức triển khai và theo dõi việc thực hiện Chỉ thị này."),
    ]
    chunks = chunk_directive(make_directive("lai-chau-2023", items=items))
    assert [c.clause_id for c in chunks] == ["lai-chau-2023:6.a"]


def test_embed_text_has_a_context_header_that_the_displayed_text_lacks() -> None:
    d = make_directive("son-la-2024")
    c = next(c for c in chunk_directive(d) if c.clause_id == "son-la-2024:3.a")
    header, body = c.embed_text.split("\n", 1)
    assert body == c.text
    assert "Chỉ thị" in header and "01/CT-UBND" in header and "năm 2024" in header and "mục 3, điểm a" in header
    assert "3. Phấn đấu" in header  # heading path of the parent item
    assert "Chỉ thị" not in c.text
    assert (c.province, c.year, c.number) == ("Sơn La", 2024, "01/CT-UBND")


def test_long_clause_is_split_on_sentences_with_overlap_and_exact_spans() -> None:
    sentence = "Các sở, ban, ngành tổ chức phát động phong trào thi đua sôi nổi, thiết thực và hiệu quả. "
    body = "7. " + sentence * 40
    d = make_directive("ha-nam-2023", items=[(("7",), "mục 7", body.strip())])
    settings = ChunkerSettings(max_chars=600, overlap=120)
    parts = chunk_directive(d, settings)
    assert len(parts) >= 5
    assert all(len(p.text) <= 600 for p in parts)
    assert len({p.id for p in parts}) == len(parts)
    for p, q in itertools.pairwise(parts):
        assert p.text == d.text[p.start : p.end]
        assert q.start < p.end  # overlap: the next part starts before this one ends
        assert p.text.endswith(".")  # cut at a sentence end, not mid-word
    assert parts[0].start == d.clauses[0].start and parts[-1].end == d.clauses[0].end
    assert {p.clause_id for p in parts} == {"ha-nam-2023:7"}


def test_non_answerable_clauses_are_not_chunked() -> None:
    from dataclasses import replace

    d = make_directive("son-la-2024")
    hidden = replace(d, clauses=tuple(replace(c, answerable=c.label != "mục 5") for c in d.clauses))
    assert "son-la-2024:5" not in {c.clause_id for c in chunk_directive(hidden)}
