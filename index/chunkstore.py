"""The chunk store of an index folder: chunk fields as columns, chunk texts in one UTF-8 file read lazily.

A library of a few hundred documents has ~47,000 chunks and 62 MB of chunk text.  Stored as JSON
lines, decoding them took over a second of every start, while a question shows the texts of a few
dozen hits.  So the store is two files:

* ``chunks.json``: the short fields as columns (ids, labels, spans, vector ids); document-level
  fields (doc_id, province, year, type, number) once per distinct document, chunks pointing at it;
* ``chunks.txt``: every chunk's text followed by its embedding header, as UTF-8, at byte offsets
  listed in ``chunks.json``.  A text is decoded when its chunk is asked for.

``ChunkTable`` is the loaded store: a read-only sequence of ``Chunk`` (made when indexed), plus the
document-level columns that filtering and the document codes need without touching any text.
"""

from __future__ import annotations

import json
from collections.abc import Iterator, Sequence
from typing import Any, overload

import numpy as np

from index.models import Chunk

__all__ = ["CHUNKS_META", "CHUNKS_TEXT", "ChunkTable", "GroupKey", "chunk_groups", "decode_chunks",
           "encode_chunks"]

CHUNKS_META = "chunks.json"
CHUNKS_TEXT = "chunks.txt"
_LAYOUT = 1  # inside the index format version: the columns below

GroupKey = tuple[str, str | None, int | None, str | None, str | None]  # doc_id, province, year, doc_type, number


def _group_key(c: Chunk) -> GroupKey:
    return (c.doc_id, c.province, c.year, c.doc_type, c.number)


class ChunkTable(Sequence[Chunk]):
    """Chunks loaded from the store: columns in memory, each text decoded from the UTF-8 bytes on access."""

    def __init__(self, columns: dict[str, list[Any]], groups: list[GroupKey], blob: bytes) -> None:
        self._ids: list[str] = columns["id"]
        self._clause_ids: list[str] = columns["clause_id"]
        self._labels: list[str] = columns["label"]
        self._starts: list[int] = columns["start"]
        self._ends: list[int] = columns["end"]
        self._group: list[int] = columns["group"]
        self._joined: list[int] = columns["joined"]
        self._bounds: list[int] = columns["bounds"]
        self._groups = groups
        self._blob = blob

    def __len__(self) -> int:
        return len(self._ids)

    @overload
    def __getitem__(self, i: int) -> Chunk: ...
    @overload
    def __getitem__(self, i: slice) -> list[Chunk]: ...

    def __getitem__(self, i: int | slice) -> Chunk | list[Chunk]:
        if isinstance(i, slice):
            return [self._chunk(n) for n in range(*i.indices(len(self)))]
        n = len(self) + i if i < 0 else i
        if not 0 <= n < len(self):
            raise IndexError(i)
        return self._chunk(n)

    def __iter__(self) -> Iterator[Chunk]:
        return (self._chunk(n) for n in range(len(self)))

    def _chunk(self, n: int) -> Chunk:
        b = self._bounds
        text = self._blob[b[2 * n] : b[2 * n + 1]].decode("utf-8")
        head = self._blob[b[2 * n + 1] : b[2 * n + 2]].decode("utf-8")
        doc_id, province, year, doc_type, number = self._groups[self._group[n]]
        return Chunk(id=self._ids[n], doc_id=doc_id, clause_id=self._clause_ids[n], label=self._labels[n],
                     text=text, embed_text=head + text if self._joined[n] else head,
                     start=self._starts[n], end=self._ends[n], province=province, year=year,
                     doc_type=doc_type, number=number)

    def ids(self) -> list[str]:
        """Every chunk's id, in order, without decoding any text."""
        return list(self._ids)

    def groups(self) -> tuple[list[GroupKey], np.ndarray]:
        """The distinct document-level fields and, per chunk, the position of its own in that list."""
        return list(self._groups), np.asarray(self._group, dtype="int32")


def chunk_groups(chunks: Sequence[Chunk]) -> tuple[list[GroupKey], np.ndarray]:
    """Distinct (doc_id, province, year, doc_type, number) of ``chunks`` and each chunk's position in them:
    what filters and document codes are computed from, once per document instead of once per chunk."""
    if isinstance(chunks, ChunkTable):
        return chunks.groups()
    keys: dict[GroupKey, int] = {}
    index = np.fromiter((keys.setdefault(_group_key(c), len(keys)) for c in chunks), dtype="int32",
                        count=len(chunks))
    return list(keys), index


def encode_chunks(chunks: Sequence[Chunk], vector_ids: Sequence[int | None]) -> tuple[bytes, bytes]:
    """(``chunks.json`` bytes, ``chunks.txt`` bytes) of these chunks and their vector ids."""
    if len(chunks) != len(vector_ids):
        raise ValueError(f"{len(chunks)} chunks but {len(vector_ids)} vector ids")
    groups: dict[GroupKey, int] = {}
    cols: dict[str, list[Any]] = {k: [] for k in ("id", "clause_id", "label", "start", "end", "group", "joined",
                                                  "vector_id")}
    parts: list[bytes] = []
    bounds = [0]
    for c, vid in zip(chunks, vector_ids, strict=True):
        joined = c.embed_text.endswith(c.text)
        head = c.embed_text[: len(c.embed_text) - len(c.text)] if joined else c.embed_text
        for piece in (c.text.encode("utf-8"), head.encode("utf-8")):
            parts.append(piece)
            bounds.append(bounds[-1] + len(piece))
        cols["id"].append(c.id)
        cols["clause_id"].append(c.clause_id)
        cols["label"].append(c.label)
        cols["start"].append(c.start)
        cols["end"].append(c.end)
        cols["group"].append(groups.setdefault(_group_key(c), len(groups)))
        cols["joined"].append(int(joined))
        cols["vector_id"].append(vid)
    cols["bounds"] = bounds
    meta = {"layout": _LAYOUT, "count": len(chunks), "groups": [list(g) for g in groups], "columns": cols}
    return json.dumps(meta, ensure_ascii=False, separators=(",", ":")).encode("utf-8"), b"".join(parts)


def decode_chunks(meta: bytes, blob: bytes) -> tuple[ChunkTable, list[int | None]]:
    """The table and vector ids of a store; ValueError when the two files do not fit each other."""
    data = json.loads(meta)
    if not isinstance(data, dict) or data.get("layout") != _LAYOUT:
        raise ValueError("unknown chunk store layout")
    cols = data["columns"]
    n = data["count"]
    lengths = {k: len(v) for k, v in cols.items() if k != "bounds"}
    if set(lengths.values()) - {n} or len(cols["bounds"]) != 2 * n + 1:
        raise ValueError(f"columns of unequal length for {n} chunks")
    bounds = np.asarray(cols["bounds"], dtype="int64")
    if bounds[0] != 0 or bounds[-1] != len(blob) or (np.diff(bounds) < 0).any():
        raise ValueError(f"text offsets do not fit {CHUNKS_TEXT} ({len(blob)} bytes)")
    groups: list[GroupKey] = [tuple(g) for g in data["groups"]]  # type: ignore[misc]
    if any(not 0 <= g < len(groups) for g in cols["group"]):
        raise ValueError("a chunk points at no document")
    vids = [None if v is None else int(v) for v in cols.pop("vector_id")]
    return ChunkTable(cols, groups, blob), vids
