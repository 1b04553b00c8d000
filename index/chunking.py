"""Cutting directives into searchable chunks, one per answerable clause.

A chunk must be citable: it belongs to exactly one clause and keeps its span
in ``Directive.text``.  Leaves are chunked whole; a parent contributes only
its own lead text (before its first child) so the same words are not indexed
twice; long clauses are split on sentence boundaries with overlap so a fact
near a cut is still whole in one piece.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass

from corpus.models import Clause, Directive
from index.models import Chunk

__all__ = ["ChunkerSettings", "chunk_directive"]


@dataclass(frozen=True)
class ChunkerSettings:
    """Stored in the manifest: changing any value re-chunks (and re-embeds) everything."""

    max_chars: int = 1200
    overlap: int = 150
    min_lead_words: int = 6
    version: int = 1
    #: characters of a chunk's body the embedding model reads after its header (0 = all; see
    #: ``index.embedding.passage_text``); BM25 always reads the whole chunk
    embed_chars: int = 0

    def to_dict(self) -> dict[str, int]:
        """The manifest's record; ``embed_chars`` only when set, so folders built before it existed still match."""
        out = asdict(self)
        if not out["embed_chars"]:
            del out["embed_chars"]
        return out


_SEPARATORS = ["\n\n", "\n", ". ", "; ", ", ", " ", ""]


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _pieces(text: str, start: int, end: int, settings: ChunkerSettings) -> list[tuple[int, int]]:
    """Spans of the parts of ``text[start:end]``, each at most ``max_chars`` long."""
    if end - start <= settings.max_chars:
        return [(start, end)]
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    splitter = RecursiveCharacterTextSplitter(
        chunk_size=settings.max_chars,
        chunk_overlap=settings.overlap,
        separators=_SEPARATORS,
        keep_separator="end",
        strip_whitespace=True,
    )
    body = text[start:end]
    spans: list[tuple[int, int]] = []
    cursor = 0
    for piece in splitter.split_text(body):
        # A part overlaps the previous one by at most ``overlap`` characters, so it starts
        # no earlier than that; searching from there keeps repeated sentences in order.
        at = body.find(piece, cursor)
        if at < 0:  # the splitter only strips whitespace, so this should not happen
            at = body.find(piece)
        if at < 0:
            continue
        spans.append((start + at, start + at + len(piece)))
        cursor = max(at + 1, at + len(piece) - settings.overlap)
    return spans or [(start, end)]


def _header(directive: Directive, clause: Clause) -> str:
    year = f"năm {directive.year}" if directive.year else ""
    who = " ".join(x for x in (directive.doc_type, directive.number, directive.issuer, year) if x)
    parts = [p for p in (who, clause.label, " › ".join(clause.heading)) if p]
    return " — ".join(parts)


def chunk_directive(directive: Directive, settings: ChunkerSettings | None = None) -> list[Chunk]:
    """Chunks of every answerable clause of one directive, in document order."""
    settings = settings or ChunkerSettings()
    text = directive.text
    children: dict[str, list[Clause]] = {}
    for c in directive.clauses:
        if c.parent is not None:
            children.setdefault(c.parent, []).append(c)
    chunks: list[Chunk] = []
    for clause in directive.clauses:
        if not clause.answerable:
            continue
        kids = children.get(clause.id)
        if kids:
            first = min(k.start for k in kids)
            start, end = _strip_span(text, clause.start, min(first, clause.end))
            if len(text[start:end].split()) < settings.min_lead_words:
                continue
        else:
            start, end = _strip_span(text, clause.start, clause.end)
        if start >= end:
            continue
        spans = _pieces(text, start, end, settings)
        header = _header(directive, clause)
        for n, (s, e) in enumerate(spans, 1):
            suffix = "" if len(spans) == 1 else f"#p{n}"
            lead = "#lead" if kids else ""
            body = text[s:e]
            chunks.append(
                Chunk(
                    id=f"{clause.id}{lead}{suffix}",
                    doc_id=directive.doc_id,
                    clause_id=clause.id,
                    label=clause.label,
                    text=body,
                    embed_text=f"{header}\n{body}",
                    start=s,
                    end=e,
                    province=directive.province,
                    year=directive.year,
                    doc_type=directive.doc_type,
                    number=directive.number,
                )
            )
    return chunks
