"""The FAISS store: exact search for small corpora, HNSW above the threshold, removal by id."""

from __future__ import annotations

import numpy as np

from index.vectors import VectorStore


def _unit(n: int, dim: int, seed: int = 0) -> np.ndarray:
    rng = np.random.default_rng(seed)
    x = rng.normal(size=(n, dim)).astype("float32")
    return x / np.linalg.norm(x, axis=1, keepdims=True)


def test_small_store_is_exact_and_finds_the_vector_itself() -> None:
    vecs = _unit(50, 16)
    store = VectorStore(16, hnsw_threshold=1000)
    store.add(np.arange(100, 150), vecs)
    assert store.kind == "flat"
    best_id, best_score = store.search(vecs[7], 3)[0]
    assert best_id == 107 and abs(best_score - 1.0) < 1e-5


def test_hnsw_is_chosen_above_the_threshold_and_still_finds_neighbours() -> None:
    vecs = _unit(300, 16, seed=1)
    store = VectorStore(16, hnsw_threshold=200)
    store.add(np.arange(150), vecs[:150])
    assert store.kind == "flat"
    store.add(np.arange(150, 300), vecs[150:])
    assert store.kind == "hnsw" and len(store) == 300
    assert store.search(vecs[42], 1)[0][0] == 42
    assert store.search(vecs[250], 1)[0][0] == 250


def test_removal_works_for_flat_and_hnsw() -> None:
    vecs = _unit(120, 8, seed=2)
    for threshold in (10_000, 50):
        store = VectorStore(8, hnsw_threshold=threshold)
        store.add(np.arange(120), vecs)
        store.remove(np.arange(0, 60))
        assert len(store) == 60
        assert set(store.ids().tolist()) == set(range(60, 120))
        assert all(i >= 60 for i, _ in store.search(vecs[5], 10))


def test_allowed_ids_restrict_candidates_before_ranking() -> None:
    vecs = _unit(400, 16, seed=3)
    for threshold in (10_000, 100):
        store = VectorStore(16, hnsw_threshold=threshold)
        store.add(np.arange(400), vecs)
        allowed = np.array([3, 77, 390])
        hits = store.search(vecs[0], 10, allowed)
        assert {i for i, _ in hits} == {3, 77, 390}
        assert store.search(vecs[77], 1, allowed)[0][0] == 77
        even = np.arange(0, 400, 2)  # a broad filter walks the HNSW graph instead
        assert all(i % 2 == 0 for i, _ in store.search(vecs[11], 10, even))
        assert store.search(vecs[12], 1, even)[0][0] == 12
        assert store.search(vecs[0], 10, np.array([], dtype="int64")) == []


def test_save_and_load_keep_ids_and_kind(tmp_path) -> None:
    vecs = _unit(60, 8, seed=4)
    store = VectorStore(8, hnsw_threshold=50)
    store.add(np.arange(1000, 1060), vecs)
    store.save(tmp_path / "v.faiss")
    again = VectorStore.load(tmp_path / "v.faiss", hnsw_threshold=50)
    assert again.kind == "hnsw" and again.dim == 8
    assert again.search(vecs[10], 1)[0][0] == 1010
