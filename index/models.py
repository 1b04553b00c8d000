"""What retrieval works with: chunks of clauses, filters and scored hits."""

from __future__ import annotations

from dataclasses import dataclass, field

__all__ = ["Chunk", "Filters", "Hit"]


@dataclass(frozen=True)
class Chunk:
    """A searchable piece of one clause.

    ``text`` is what is shown (a slice of the clause's clean text, span
    ``start``/``end`` in the directive's text); ``embed_text`` adds a short
    contextual header (document type, issuer, year, clause label, heading
    path) that helps both embeddings and BM25 but is never displayed.
    """

    id: str
    doc_id: str
    clause_id: str
    label: str
    text: str
    embed_text: str
    start: int
    end: int
    province: str | None = None
    year: int | None = None
    doc_type: str | None = None
    number: str | None = None


@dataclass(frozen=True)
class Filters:
    """Restrictions applied before ranking; empty tuples mean "any".

    ``body_only`` leaves out the header and signature blocks: they answer only questions about the
    document itself (who signed it, when, its number), and any other question ranks as if they were
    not indexed.  It restricts parts, not documents, so it does not make the filters non-empty.
    """

    provinces: tuple[str, ...] = ()
    years: tuple[int, ...] = ()
    doc_ids: tuple[str, ...] = ()
    doc_types: tuple[str, ...] = ()
    body_only: bool = False

    def is_empty(self) -> bool:
        """No restriction on documents (``body_only`` aside): the user has chosen no filter."""
        return not (self.provinces or self.years or self.doc_ids or self.doc_types)


@dataclass(frozen=True)
class Hit:
    """A chunk with its fused score; ``scores`` keeps each retriever's own score for debugging."""

    chunk: Chunk
    score: float
    rank: int
    scores: dict[str, float] = field(default_factory=dict, compare=False, hash=False)
