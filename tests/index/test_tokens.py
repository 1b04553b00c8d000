"""Token tables: the stored BM25 tokens of every chunk, kept as arrays, must give back exactly the token lists."""

from __future__ import annotations

import numpy as np
import pytest

from index.tokens import TokenTable

_ROWS = [["ủy_ban", "uy_ban", "tỉnh"], [], ["tỉnh", "hộ", "nghèo", "hộ"], ["11,41", "hộ"], []]


def test_lists_come_back_as_they_went_in() -> None:
    table = TokenTable.from_lists(_ROWS)
    assert len(table) == len(_ROWS) and table.to_lists() == _ROWS
    assert table.words == ("ủy_ban", "uy_ban", "tỉnh", "hộ", "nghèo", "11,41")  # numbered in order of first use


def test_removing_and_adding_chunks_keeps_every_other_chunks_tokens() -> None:
    """What the index does when one document is removed (``take``) or added (``concat``)."""
    table = TokenTable.from_lists(_ROWS)
    kept = table.take([0, 2, 4])
    assert kept.to_lists() == [_ROWS[0], _ROWS[2], _ROWS[4]]
    assert table.take([]).to_lists() == [] and table.take([1, 4]).to_lists() == [[], []]
    new = TokenTable.from_lists([["mới", "tỉnh"], ["hộ"]])
    joined = TokenTable.concat([kept, TokenTable.empty(), new])
    assert joined.to_lists() == [_ROWS[0], _ROWS[2], _ROWS[4], ["mới", "tỉnh"], ["hộ"]]
    # the same table as if the lists had been numbered afresh: what tokens.npz holds does not depend on history
    fresh = TokenTable.from_lists(joined.to_lists())
    assert joined.compact().words == fresh.words and np.array_equal(joined.compact().ids, fresh.ids)


def test_saved_tables_load_back_and_a_damaged_one_is_refused(tmp_path) -> None:
    table = TokenTable.from_lists(_ROWS).take([2, 3, 0])
    table.save(tmp_path / "tokens.npz")
    again = TokenTable.load(tmp_path / "tokens.npz")
    assert again.to_lists() == table.to_lists() and set(again.words) == {"ủy_ban", "uy_ban", "tỉnh", "hộ", "nghèo",
                                                                           "11,41"}
    with open(tmp_path / "bad.npz", "wb") as fh:
        np.savez(fh, vocab=np.array(["a"]), ids=np.array([0, 3], dtype="int32"), offsets=np.array([0, 2]))
    with pytest.raises(ValueError):
        TokenTable.load(tmp_path / "bad.npz")
