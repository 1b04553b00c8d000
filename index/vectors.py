"""The FAISS vector store: exact inner product for small corpora, HNSW above a threshold.

Vectors are unit length, so inner product is cosine similarity.  Every vector
carries a stable int64 id (``IndexIDMap2``) so one document's chunks can be
removed or added without re-embedding the others.  HNSW graphs cannot delete,
so a removal there rebuilds the graph from the stored vectors (no model call).
"""

from __future__ import annotations

import logging
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

if TYPE_CHECKING:
    import faiss

__all__ = ["DEFAULT_HNSW_THRESHOLD", "VectorStore"]

log = logging.getLogger(__name__)

DEFAULT_HNSW_THRESHOLD = 20_000
_HNSW_M = 32
_EF_CONSTRUCTION = 80
_EXACT_FILTER_SHARE = 0.2  # filters keeping at most this share of an HNSW store are scanned exactly
_EF_SEARCH = 256  # recall@10 >= 0.95 at 100k clauses (scripts/bench_retrieval.py)


def _faiss():  # imported on first use: a BM25-only start never needs it (0.1 s)
    import faiss

    return faiss


class VectorStore:
    """Unit vectors keyed by int64 ids, searchable with an optional id restriction."""

    def __init__(self, dim: int, *, hnsw_threshold: int = DEFAULT_HNSW_THRESHOLD,
                 ef_search: int = _EF_SEARCH) -> None:
        self.dim = dim
        self.hnsw_threshold = hnsw_threshold
        self.ef_search = ef_search
        self._index = self._new(hnsw=False)
        self._order: tuple[np.ndarray, np.ndarray] | None = None

    # -- construction -------------------------------------------------------------------------------------

    def _new(self, *, hnsw: bool) -> faiss.IndexIDMap2:
        if hnsw:
            inner = _faiss().IndexHNSWFlat(self.dim, _HNSW_M, _faiss().METRIC_INNER_PRODUCT)
            inner.hnsw.efConstruction = _EF_CONSTRUCTION
            inner.hnsw.efSearch = self.ef_search
        else:
            inner = _faiss().IndexFlatIP(self.dim)
        return _faiss().IndexIDMap2(inner)

    @property
    def kind(self) -> str:
        """"hnsw" or "flat": what searches actually use."""
        inner = _faiss().downcast_index(self._index.index)
        return "hnsw" if isinstance(inner, _faiss().IndexHNSW) else "flat"

    def __len__(self) -> int:
        return int(self._index.ntotal)

    def ids(self) -> np.ndarray:
        return _faiss().vector_to_array(self._index.id_map).astype("int64")

    def _all(self) -> tuple[np.ndarray, np.ndarray]:
        n = len(self)
        if n == 0:
            return np.empty(0, dtype="int64"), np.empty((0, self.dim), dtype="float32")
        inner = _faiss().downcast_index(self._index.index)
        return self.ids(), inner.reconstruct_n(0, n)

    def _rebuild(self, ids: np.ndarray, vecs: np.ndarray) -> None:
        self._order = None
        self._index = self._new(hnsw=len(ids) >= self.hnsw_threshold)
        if len(ids):
            self._index.add_with_ids(vecs, ids)

    def add(self, ids: np.ndarray, vecs: np.ndarray) -> None:
        """Add vectors; switches to HNSW when the total crosses the threshold."""
        ids = np.asarray(ids, dtype="int64")
        vecs = np.ascontiguousarray(vecs, dtype="float32")
        if vecs.ndim != 2 or vecs.shape[1] != self.dim:
            raise ValueError(f"vectors of shape {vecs.shape} do not match dimension {self.dim}")
        if len(ids) == 0:
            return
        self._order = None
        if self.kind == "flat" and len(self) + len(ids) >= self.hnsw_threshold:
            old_ids, old_vecs = self._all()
            log.info("switching to HNSW at %d vectors", len(old_ids) + len(ids))
            self._rebuild(np.concatenate([old_ids, ids]), np.vstack([old_vecs, vecs]))
        else:
            self._index.add_with_ids(vecs, ids)

    def remove(self, ids: np.ndarray) -> None:
        ids = np.asarray(ids, dtype="int64")
        if len(ids) == 0 or len(self) == 0:
            return
        self._order = None
        if self.kind == "flat":
            self._index.remove_ids(ids)
            return
        old_ids, old_vecs = self._all()
        keep = ~np.isin(old_ids, ids)
        self._rebuild(old_ids[keep], old_vecs[keep])

    # -- search -------------------------------------------------------------------------------------------

    def search(self, query: np.ndarray, k: int, allowed: np.ndarray | None = None) -> list[tuple[int, float]]:
        """Best ``k`` (id, cosine) pairs; ``allowed`` restricts the candidates before ranking."""
        if len(self) == 0 or k <= 0:
            return []
        if allowed is not None and len(allowed) == 0:
            return []
        q = np.ascontiguousarray(np.asarray(query, dtype="float32").reshape(1, -1))
        k = min(k, len(self))
        params = None
        hnsw = self.kind == "hnsw"
        if allowed is not None and hnsw and len(allowed) <= _EXACT_FILTER_SHARE * len(self):
            return self._exact_subset(q, k, np.asarray(allowed, dtype="int64"))
        if allowed is not None:
            sel = _faiss().IDSelectorBatch(np.asarray(allowed, dtype="int64"))
            if hnsw:
                # A broad filter: walk the graph, wider in proportion to what the filter hides.
                ratio = max(1.0, len(self) / max(1, len(allowed)))
                ef = int(min(max(self.ef_search, k) * ratio, 4096))
                params = _faiss().SearchParametersHNSW(sel=sel, efSearch=ef)
            else:
                params = _faiss().SearchParameters(sel=sel)
        elif hnsw:
            params = _faiss().SearchParametersHNSW(efSearch=max(self.ef_search, k))
        scores, labels = self._index.search(q, k, params=params)
        return [(int(i), float(s)) for i, s in zip(labels[0], scores[0], strict=True) if i >= 0]

    def _id_order(self) -> tuple[np.ndarray, np.ndarray]:
        """Ids by internal position and their sort order, cached until the store changes."""
        if self._order is None or len(self._order[0]) != len(self):
            ids = self.ids()
            self._order = (ids, np.argsort(ids, kind="stable"))
        return self._order

    def _exact_subset(self, q: np.ndarray, k: int, allowed: np.ndarray) -> list[tuple[int, float]]:
        """Exact scan of the allowed vectors only (HNSW's flat storage): a narrow filter such as one
        province would otherwise starve the graph walk, and scanning a few thousand vectors is cheap."""
        ids, order = self._id_order()
        at = np.searchsorted(ids, allowed, sorter=order)
        at = np.clip(at, 0, len(ids) - 1)
        positions = order[at][ids[order[at]] == allowed]
        if len(positions) == 0:
            return []
        storage = _faiss().downcast_index(_faiss().downcast_index(self._index.index).storage)
        sel = _faiss().IDSelectorBatch(positions.astype("int64"))
        scores, labels = storage.search(q, min(k, len(positions)), params=_faiss().SearchParameters(sel=sel))
        return [(int(ids[i]), float(s)) for i, s in zip(labels[0], scores[0], strict=True) if i >= 0]

    # -- persistence --------------------------------------------------------------------------------------

    def save(self, path: Path) -> None:
        _faiss().write_index(self._index, str(path))

    @classmethod
    def load(cls, path: Path, *, hnsw_threshold: int = DEFAULT_HNSW_THRESHOLD,
             ef_search: int = _EF_SEARCH) -> VectorStore:
        index = _faiss().read_index(str(path))
        store = cls(index.d, hnsw_threshold=hnsw_threshold, ef_search=ef_search)
        store._index = _faiss().downcast_index(index) if not isinstance(index, _faiss().IndexIDMap2) else index
        if not isinstance(store._index, _faiss().IndexIDMap2):
            raise ValueError(f"{path} is not an id-mapped FAISS index")
        return store
