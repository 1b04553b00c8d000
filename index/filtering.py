"""Applying Filters to chunks before any ranking, so filtered-out clauses never take a top-k slot.

Province and document-type names are compared accent- and case-insensitively
("son la", "Sơn La", "tỉnh Sơn La" are the same province).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from corpus.text import fold, match_key
from index.chunkstore import GroupKey, chunk_groups
from index.models import Chunk, Filters

__all__ = ["filter_mask", "place_key"]

_ADMIN_PREFIX = re.compile(r"^(tinh|thanh pho|tp\.?)\s+")


def place_key(name: str) -> str:
    """Comparison key for a province or type name: folded, single-spaced, without "tỉnh"/"thành phố"."""
    return _ADMIN_PREFIX.sub("", fold(match_key(name))).strip()


def filter_mask(chunks: Sequence[Chunk], filters: Filters | None) -> np.ndarray | None:
    """Boolean mask of the chunks passing ``filters``; None when there is nothing to filter."""
    if filters is None or filters.is_empty():
        return None
    provinces = {place_key(p) for p in filters.provinces}
    types = {place_key(t) for t in filters.doc_types}
    doc_ids = {d.strip().lower() for d in filters.doc_ids}
    years = {int(y) for y in filters.years}
    def keep(g: GroupKey) -> bool:
        doc_id, province, year, doc_type, _ = g
        return (
            (not provinces or (province is not None and place_key(province) in provinces))
            and (not years or year in years)
            and (not doc_ids or doc_id.lower() in doc_ids)
            and (not types or (doc_type is not None and place_key(doc_type) in types))
        )

    groups, group_of = chunk_groups(chunks)  # the filtered fields are the document's: tested once per document
    if not groups:
        return np.zeros(0, dtype=bool)
    return np.array([keep(g) for g in groups], dtype=bool)[group_of]
