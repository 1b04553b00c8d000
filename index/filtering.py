"""Applying Filters to chunks before any ranking, so filtered-out clauses never take a top-k slot.

Province and document-type names are compared accent- and case-insensitively
("son la", "Sơn La", "tỉnh Sơn La" are the same province).
"""

from __future__ import annotations

import re
from collections.abc import Sequence

import numpy as np

from corpus.text import fold, match_key
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
    def keep(c: Chunk) -> bool:
        return (
            (not provinces or (c.province is not None and place_key(c.province) in provinces))
            and (not years or c.year in years)
            and (not doc_ids or c.doc_id.lower() in doc_ids)
            and (not types or (c.doc_type is not None and place_key(c.doc_type) in types))
        )

    mask = np.fromiter((keep(c) for c in chunks), dtype=bool, count=len(chunks))
    return mask
