"""The index folder on disk: manifest, chunk store, FAISS file and BM25 folder.

Layout (all UTF-8)::

    manifest.json   format version, model id, dimension, chunker settings,
                    corpus and per-document fingerprints, build times, version
    chunks.jsonl    one chunk per line (ensure_ascii=False) with its vector id
    vectors.faiss   IndexIDMap2 over IndexFlatIP or IndexHNSWFlat (if embedded)
    bm25/           bm25s save folder

A save writes a complete sibling folder and swaps it in by renaming, so a
crash leaves either the old index or the new one, never half of each.
"""

from __future__ import annotations

import json
import logging
import os
import shutil
import tempfile
import time
from dataclasses import asdict, dataclass, field
from pathlib import Path

from corpus.errors import ThiduaError
from index.bm25 import LexicalIndex
from index.models import Chunk
from index.vectors import DEFAULT_HNSW_THRESHOLD, VectorStore

__all__ = ["FORMAT_VERSION", "IndexMismatchError", "Manifest", "StoredIndex", "load_folder", "save_folder"]

log = logging.getLogger(__name__)

FORMAT_VERSION = 1
_MANIFEST = "manifest.json"
_CHUNKS = "chunks.jsonl"
_VECTORS = "vectors.faiss"
_BM25 = "bm25"
_REBUILD_HINT = "Chạy `thidua index --rebuild` để xây dựng lại chỉ mục (mất vài phút với mô hình lớn)."


class IndexMismatchError(ThiduaError):
    """The stored index was built with another embedding model or file format."""


@dataclass(frozen=True)
class Manifest:
    """What an index folder was built from; compared on every open to decide what to refresh."""

    format: int
    model: str
    dimension: int | None
    chunker: dict[str, int]
    tokenizer: int
    corpus_fingerprint: str
    documents: dict[str, str]
    next_vector_id: int
    vector_index: str | None
    chunks: int
    built_at: str
    updated_at: str
    thidua_version: str
    extra: dict[str, object] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> Manifest:
        known = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in data.items() if k in known})  # type: ignore[arg-type]


@dataclass
class StoredIndex:
    """An index folder's content in memory (mutable while open_index refreshes it)."""

    manifest: Manifest
    chunks: list[Chunk]
    vector_ids: list[int | None]
    vectors: VectorStore | None
    bm25: LexicalIndex | None


def _chunk_from_json(data: dict[str, object]) -> tuple[Chunk, int | None]:
    vid = data.pop("vector_id", None)
    known = {f for f in Chunk.__dataclass_fields__}
    return Chunk(**{k: v for k, v in data.items() if k in known}), (int(vid) if vid is not None else None)  # type: ignore[arg-type]


def read_manifest(folder: Path) -> Manifest:
    with open(folder / _MANIFEST, encoding="utf-8") as fh:
        return Manifest.from_dict(json.load(fh))


def load_folder(folder: Path, *, embedding_model: str, hnsw_threshold: int = DEFAULT_HNSW_THRESHOLD) -> StoredIndex:
    """Read an index folder.

    Raises FileNotFoundError when there is none, IndexMismatchError when it was
    built with another embedding model or format version (the message says how
    to rebuild).
    """
    folder = Path(folder)
    if not (folder / _MANIFEST).exists():
        backup = folder.with_name(folder.name + ".old")
        if (backup / _MANIFEST).exists():  # a crash between the two renames of a save
            log.warning("index folder %s missing, using the previous copy %s", folder, backup)
            folder = backup
        else:
            raise FileNotFoundError(folder / _MANIFEST)
    manifest = read_manifest(folder)
    if manifest.format != FORMAT_VERSION:
        raise IndexMismatchError(
            f"Chỉ mục tại {folder} có định dạng phiên bản {manifest.format}, "
            f"phiên bản này của thidua cần định dạng {FORMAT_VERSION}. {_REBUILD_HINT}"
        )
    if manifest.model != embedding_model:
        raise IndexMismatchError(
            f"Chỉ mục tại {folder} được xây dựng với mô hình nhúng '{manifest.model}', "
            f"nhưng cấu hình hiện tại dùng '{embedding_model}'. {_REBUILD_HINT}"
        )
    chunks: list[Chunk] = []
    vids: list[int | None] = []
    with open(folder / _CHUNKS, encoding="utf-8") as fh:
        for line in fh:
            if line.strip():
                chunk, vid = _chunk_from_json(json.loads(line))
                chunks.append(chunk)
                vids.append(vid)
    vectors = None
    if (folder / _VECTORS).exists():
        vectors = VectorStore.load(folder / _VECTORS, hnsw_threshold=hnsw_threshold)
    bm25 = LexicalIndex.load(folder / _BM25, len(chunks)) if (folder / _BM25).exists() and chunks else None
    return StoredIndex(manifest, chunks, vids, vectors, bm25)


def _write_json(path: Path, data: object) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=2)
        fh.write("\n")


def save_folder(stored: StoredIndex, folder: Path) -> None:
    """Write the index into a fresh sibling folder, then swap it in by renaming."""
    folder = Path(folder)
    if folder.exists() and any(folder.iterdir()) and not (folder / _MANIFEST).exists():
        raise IndexMismatchError(
            f"Thư mục {folder} không trống và không phải là chỉ mục thidua; không ghi đè. "
            "Cách khắc phục: chọn thư mục khác bằng --index-dir hoặc THIDUA_INDEX_DIR."
        )
    folder.parent.mkdir(parents=True, exist_ok=True)
    tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".tmp", dir=folder.parent))
    try:
        with open(tmp / _CHUNKS, "w", encoding="utf-8") as fh:
            for chunk, vid in zip(stored.chunks, stored.vector_ids, strict=True):
                record = asdict(chunk)
                record["vector_id"] = vid
                fh.write(json.dumps(record, ensure_ascii=False) + "\n")
        if stored.vectors is not None and len(stored.vectors):
            stored.vectors.save(tmp / _VECTORS)
        if stored.bm25 is not None and stored.chunks:
            stored.bm25.save(tmp / _BM25)
        _write_json(tmp / _MANIFEST, stored.manifest.to_dict())  # last: a folder without it is incomplete
        for name in os.listdir(tmp):
            _fsync(tmp / name)
        backup = folder.with_name(folder.name + ".old")
        if backup.exists():
            shutil.rmtree(backup)
        if folder.exists():
            os.replace(folder, backup)
        os.replace(tmp, folder)
        shutil.rmtree(backup, ignore_errors=True)
    except BaseException:
        shutil.rmtree(tmp, ignore_errors=True)
        raise


def _fsync(path: Path) -> None:
    if path.is_file():
        with open(path, "rb") as fh:
            os.fsync(fh.fileno())


def now_iso() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S%z")
