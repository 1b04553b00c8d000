"""Retrieval: clause chunks, Vietnamese BM25, dense FAISS vectors and their fusion."""

from __future__ import annotations

from index.models import Chunk, Filters, Hit

__all__ = ["Chunk", "Filters", "Hit"]
