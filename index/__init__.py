"""Retrieval: clause chunks, Vietnamese BM25, dense FAISS vectors and their fusion."""

from __future__ import annotations

from index.backend import IndexBackend
from index.chunking import block_chunk
from index.engine import BuildReport, Index, open_index
from index.fusion import FusionTuning
from index.models import Chunk, Filters, Hit
from index.store import IndexDamagedError, IndexMismatchError
from index.tokenize import expand_abbreviations, tokenize_vi

__all__ = [
    "BuildReport",
    "Chunk",
    "Filters",
    "FusionTuning",
    "Hit",
    "Index",
    "IndexBackend",
    "IndexDamagedError",
    "IndexMismatchError",
    "block_chunk",
    "expand_abbreviations",
    "open_index",
    "tokenize_vi",
]
