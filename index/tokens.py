"""The BM25 tokens of every chunk as three arrays: words, word ids, and where each chunk's ids start.

A library has ~47,000 chunks and ~11 million tokens but ~35,000 distinct words.  As lists of strings
the tokens cost the parent of a build a pickle round trip and a Python pass per token (unpickling what
the workers sent, numbering the words again for ``tokens.npz``, and again inside bm25s).  As arrays,
a worker sends a few kilobytes of words and one int array per batch, the parent renumbers only the
distinct words, and ``tokens.npz`` and the BM25 matrix are computed from the arrays with numpy.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np

__all__ = ["TokenTable"]


@dataclass(frozen=True)
class TokenTable:
    """Chunk ``n``'s tokens are ``words[i]`` for ``i`` in ``ids[offsets[n]:offsets[n + 1]]``."""

    words: tuple[str, ...]
    ids: np.ndarray  # int32, one per token
    offsets: np.ndarray  # int64, one more than there are chunks

    @classmethod
    def empty(cls) -> TokenTable:
        return cls((), np.zeros(0, dtype="int32"), np.zeros(1, dtype="int64"))

    @classmethod
    def from_lists(cls, rows: Iterable[Sequence[str]]) -> TokenTable:
        """The table of token lists; words numbered in order of first use."""
        numbers: dict[str, int] = {}
        ids: list[int] = []
        lengths = [0]
        for row in rows:
            ids.extend(numbers.setdefault(t, len(numbers)) for t in row)
            lengths.append(len(row))
        return cls(tuple(numbers), np.array(ids, dtype="int32"), np.cumsum(lengths, dtype="int64"))

    @classmethod
    def concat(cls, tables: Sequence[TokenTable]) -> TokenTable:
        """The tables' chunks one after the other; each table's words are renumbered, not its tokens."""
        tables = [t for t in tables if len(t)]
        if not tables:
            return cls.empty()
        if len(tables) == 1:
            return tables[0]
        numbers: dict[str, int] = {}
        ids, offsets, base = [], [np.zeros(1, dtype="int64")], 0
        for t in tables:
            remap = np.fromiter((numbers.setdefault(w, len(numbers)) for w in t.words), dtype="int32",
                                count=len(t.words))
            ids.append(remap[t.ids] if len(t.ids) else t.ids)
            offsets.append(t.offsets[1:] + base)
            base += int(t.offsets[-1])
        return cls(tuple(numbers), np.concatenate(ids).astype("int32", copy=False), np.concatenate(offsets))

    def __len__(self) -> int:
        return len(self.offsets) - 1

    def row(self, n: int) -> list[str]:
        words = self.words
        return [words[i] for i in self.ids[self.offsets[n] : self.offsets[n + 1]].tolist()]

    def to_lists(self) -> list[list[str]]:
        return [self.row(n) for n in range(len(self))]

    def lengths(self) -> np.ndarray:
        return np.diff(self.offsets)

    def take(self, positions: Sequence[int] | np.ndarray) -> TokenTable:
        """These chunks only, in this order (the words are kept; ``compact`` drops the unused ones)."""
        pos = np.asarray(positions, dtype="int64")
        starts, ends = self.offsets[pos], self.offsets[pos + 1]
        lengths = ends - starts
        offsets = np.concatenate([np.zeros(1, dtype="int64"), np.cumsum(lengths, dtype="int64")])
        if not len(pos) or not offsets[-1]:
            return TokenTable(self.words, np.zeros(0, dtype="int32"), offsets)
        # every kept token's position in ``ids``: its chunk's start plus its rank inside the chunk
        within = np.arange(offsets[-1], dtype="int64") - np.repeat(offsets[:-1], lengths)
        return TokenTable(self.words, self.ids[np.repeat(starts, lengths) + within], offsets)

    def compact(self) -> TokenTable:
        """Only the words in use, numbered in order of first use: what a table built from lists has."""
        if not len(self.ids):
            return TokenTable((), self.ids, self.offsets)
        if self._numbered_by_first_use():
            return self
        used, first = np.unique(self.ids, return_index=True)
        order = used[np.argsort(first, kind="stable")]
        remap = np.zeros(len(self.words), dtype="int32")
        remap[order] = np.arange(len(order), dtype="int32")
        return TokenTable(tuple(self.words[i] for i in order.tolist()), remap[self.ids], self.offsets)

    def _numbered_by_first_use(self) -> bool:
        """Every word used, each first used after the words numbered before it (one pass, no sort): true of
        any table a build made, so saving it does not sort its 11 million ids."""
        ids = self.ids
        highest = np.maximum.accumulate(ids)
        return bool(ids[0] == 0 and highest[-1] == len(self.words) - 1 and (ids[1:] <= highest[:-1] + 1).all())

    def save(self, path: Path) -> None:
        """``tokens.npz``: the words in order of first use, the ids and the offsets."""
        table = self.compact()
        words = np.array(table.words, dtype=str) if table.words else np.zeros(0, dtype="<U1")
        with open(path, "wb") as fh:
            np.savez(fh, vocab=words, ids=table.ids.astype("int32", copy=False),
                     offsets=table.offsets.astype("int64", copy=False))

    @classmethod
    def load(cls, path: Path) -> TokenTable:
        with np.load(path, allow_pickle=False) as data:
            words, ids, offsets = data["vocab"], data["ids"], data["offsets"]
            if (offsets.ndim != 1 or not len(offsets) or offsets[0] != 0 or offsets[-1] != len(ids)
                    or (np.diff(offsets) < 0).any() or (len(ids) and (ids.min() < 0 or ids.max() >= len(words)))):
                raise ValueError("token arrays do not fit each other")
            return cls(tuple(words.tolist()), ids.astype("int32", copy=False), offsets.astype("int64", copy=False))
