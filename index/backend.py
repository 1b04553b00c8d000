"""The seam between the bot and an index: what any search backend must do.

The local backend (``index.engine.Index``: bm25s, FAISS, one folder) implements
it; a backend on a distributed engine (OpenSearch, Elasticsearch, Qdrant…)
implements the same few methods, in the manner of a Haystack 2.x document
store: write and delete by document, count, search with filters applied before
ranking, save and load.  The bot only ever calls these.
"""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Literal, Protocol, runtime_checkable

from corpus.models import Directive
from index.models import Filters, Hit

__all__ = ["IndexBackend", "RetrieverName"]

RetrieverName = Literal["hybrid", "dense", "bm25"]


@runtime_checkable
class IndexBackend(Protocol):
    """A searchable store of clause chunks, kept per document."""

    retriever: str
    notice: str | None

    def search(self, query: str, *, k: int = 10, filters: Filters | None = None,
               retriever: str | None = None, dense_query: str | None = None,
               document_idf: float | None = None) -> list[Hit]:
        """Best ``k`` chunks among those passing ``filters`` (applied before ranking), best first;
        ``dense_query`` (when given) is what an embedding model reads instead of ``query``;
        ``document_idf`` (when given) replaces the tuning's in-document rarity for this search."""
        ...

    def add(self, directives: Iterable[Directive]) -> int:
        """Index these documents (replacing any with the same doc_id); returns the chunks added."""
        ...

    def remove(self, doc_ids: Iterable[str]) -> int:
        """Drop every chunk of these documents; returns the chunks removed."""
        ...

    def doc_ids(self) -> frozenset[str]:
        """The documents indexed."""
        ...

    def count(self) -> int:
        """Number of chunks indexed."""
        ...

    def save(self, folder: Path | None = None) -> bool:
        """Persist (atomically); False when the folder is read-only and the index stays in memory."""
        ...
