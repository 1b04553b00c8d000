"""The index folder on disk: manifest, chunk store, parsed library, facts, tokens, FAISS file and BM25 folder.

Layout (all UTF-8)::

    manifest.json   format version, model id, dimension, chunker settings, lexicon hash,
                    per-document fingerprints, counts, and the size and sha256 of every other file
    chunks.json     chunk fields as columns, with vector ids and text offsets (index.chunkstore)
    chunks.txt      chunk texts and embedding headers, UTF-8, decoded when a chunk is read
    documents.jsonl the parsed library: one record per file (document or reason skipped)
    facts.jsonl     supervisor facts (responsibilities, targets) per document, read only when asked
    tokens.npz      BM25 tokens of every chunk, so adding a document does not re-tokenise the rest
    vectors.faiss   IndexIDMap2 over IndexFlatIP or IndexHNSWFlat (if embedded)
    bm25/           bm25s save folder
    derived/        tables computed from the corpus by the answer layer (not in the manifest)

A save takes a lock file beside the folder, removes temporaries left by killed
saves, writes a complete sibling folder and swaps it in by renaming, so a crash
leaves either the old index or the new one, never half of each.  A load checks
every file against the manifest: a damaged folder raises ``IndexDamagedError``
with one Vietnamese line saying what is wrong.
"""

from __future__ import annotations

import contextlib
import fcntl
import hashlib
import json
import logging
import os
import shutil
import tempfile
import time
from collections.abc import Iterator, Sequence
from dataclasses import asdict, dataclass, field
from pathlib import Path

from corpus.errors import ThiduaError
from index.bm25 import LexicalIndex
from index.chunkstore import CHUNKS_META, CHUNKS_TEXT, decode_chunks, encode_chunks
from index.models import Chunk
from index.tokens import TokenTable
from index.vectors import DEFAULT_HNSW_THRESHOLD, VectorStore

__all__ = [
    "DERIVED",
    "DOCUMENTS",
    "FORMAT_VERSION",
    "IndexDamagedError",
    "IndexFormatError",
    "IndexMismatchError",
    "Manifest",
    "StoredIndex",
    "index_lock",
    "load_folder",
    "looks_like_index",
    "read_facts_lines",
    "read_manifest",
    "read_records",
    "read_tokens",
    "records_digest",
    "save_folder",
]

log = logging.getLogger(__name__)

# 2: checksums of every file, parsed library, facts and tokens stored;
# 3: chunks.jsonl replaced by chunks.json + chunks.txt (texts decoded lazily: a start is 1 s faster)
FORMAT_VERSION = 3
MANIFEST = "manifest.json"
CHUNKS_V2 = "chunks.jsonl"  # format 2's chunk file: still ours when an old folder is replaced
DOCUMENTS = "documents.jsonl"
FACTS = "facts.jsonl"
TOKENS = "tokens.npz"
VECTORS = "vectors.faiss"
BM25 = "bm25"
DERIVED = "derived"  # tables other layers compute from the indexed corpus; dropped by the next save
_OURS = {MANIFEST, CHUNKS_META, CHUNKS_TEXT, CHUNKS_V2, DOCUMENTS, FACTS, TOKENS, VECTORS, BM25, DERIVED}
_REBUILD_HINT = "Chạy `thidua index --rebuild` để xây dựng lại chỉ mục (mất vài phút với mô hình lớn)."


class IndexMismatchError(ThiduaError):
    """The stored index was built with another embedding model or file format, or cannot be written."""


class IndexFormatError(IndexMismatchError):
    """The stored index was written in another file format version (``found``) than this code reads."""

    def __init__(self, message: str, *, folder: Path, found: object) -> None:
        super().__init__(message)
        self.folder = folder
        self.found = found

    def rebuilt_line(self) -> str:
        """The one line a user sees when the folder was rebuilt in the current format."""
        return (f"Chỉ mục tại {self.folder} ở định dạng cũ (phiên bản {self.found}, "
                f"phiên bản này của thidua dùng {FORMAT_VERSION}); đã xây dựng lại.")


class IndexDamagedError(IndexMismatchError):
    """A file of the index folder is missing, cut, reordered or changed since the manifest was written."""


@dataclass(frozen=True)
class Manifest:
    """What an index folder was built from; compared on every open to decide what to refresh."""

    format: int
    model: str
    dimension: int | None
    chunker: dict[str, int | str]
    tokenizer: int
    corpus_fingerprint: str
    documents: dict[str, str]
    next_vector_id: int
    vector_index: str | None
    chunks: int
    built_at: str
    updated_at: str
    thidua_version: str
    lexicon: str = ""
    files: dict[str, dict[str, object]] = field(default_factory=dict)
    extra: dict[str, object] = field(default_factory=dict)

    def to_dict(self) -> dict[str, object]:
        return asdict(self)

    @classmethod
    def from_dict(cls, data: dict[str, object]) -> Manifest:
        known = {f for f in cls.__dataclass_fields__}
        return cls(**{k: v for k, v in data.items() if k in known})  # type: ignore[arg-type]


@dataclass
class StoredIndex:
    """An index folder's content in memory (mutable while the engine refreshes it).

    ``chunks`` is a ``ChunkTable`` when loaded (texts decoded on access), a list when built;
    ``records`` (the parsed library; None when loaded: still only on disk, checked but not decoded,
    since the library reads it itself) and ``facts`` (doc_id -> one JSON line) are written as given; ``tokens`` are the BM25 tokens of ``chunks``, position by position.
    """

    manifest: Manifest
    chunks: Sequence[Chunk]
    vector_ids: list[int | None]
    vectors: VectorStore | None
    bm25: LexicalIndex | None
    records: list[str] | None = field(default_factory=list)
    facts: dict[str, str] = field(default_factory=dict)
    tokens: TokenTable | None = None


def looks_like_index(folder: Path) -> bool:
    """A folder holding nothing but index files: safe to replace (even without its manifest)."""
    try:
        names = set(os.listdir(folder))
    except OSError:
        return False
    return bool(names) and names <= _OURS


def read_manifest(folder: Path) -> Manifest:
    with open(folder / MANIFEST, encoding="utf-8") as fh:
        return Manifest.from_dict(json.load(fh))


def _file_entries(folder: Path) -> dict[str, dict[str, object]]:
    """Size and sha256 of every file under ``folder`` except the manifest, by relative path."""
    out: dict[str, dict[str, object]] = {}
    for p in sorted(folder.rglob("*")):
        if p.is_file() and p.name != MANIFEST:
            data = p.read_bytes()
            out[p.relative_to(folder).as_posix()] = {"bytes": len(data), "sha256": hashlib.sha256(data).hexdigest()}
    return out


def _damaged(folder: Path, what: str) -> IndexDamagedError:
    return IndexDamagedError(f"Chỉ mục tại {folder} bị hỏng ({what}); đã xây dựng lại.")


def _checked_bytes(folder: Path, manifest: Manifest, name: str) -> bytes | None:
    """The bytes of one indexed file after checking them against the manifest (None when not listed)."""
    entry = manifest.files.get(name)
    path = folder / name
    if entry is None:
        if path.exists():
            raise _damaged(folder, f"tệp {name} không có trong manifest.json")
        return None
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise _damaged(folder, f"thiếu tệp {name}") from None
    if len(data) != entry.get("bytes"):
        raise _damaged(folder, f"tệp {name} có {len(data)} byte, manifest ghi {entry.get('bytes')}")
    if hashlib.sha256(data).hexdigest() != entry.get("sha256"):
        raise _damaged(folder, f"tệp {name} đã bị sửa sau khi lưu (sai mã kiểm tra)")
    return data


def _open_manifest(folder: Path, embedding_model: str | None) -> tuple[Path, Manifest]:
    folder = Path(folder)
    if not (folder / MANIFEST).exists():
        backup = folder.with_name(folder.name + ".old")
        if (backup / MANIFEST).exists():  # a crash between the two renames of a save
            log.warning("index folder %s missing, using the previous copy %s", folder, backup)
            folder = backup
        elif looks_like_index(folder):
            raise _damaged(folder, "thiếu manifest.json")
        else:
            raise FileNotFoundError(folder / MANIFEST)
    try:
        manifest = read_manifest(folder)
    except (ValueError, TypeError) as exc:
        raise _damaged(folder, f"manifest.json không đọc được: {exc}") from None
    if manifest.format != FORMAT_VERSION:
        raise IndexFormatError(
            f"Chỉ mục tại {folder} có định dạng phiên bản {manifest.format}, "
            f"phiên bản này của thidua cần định dạng {FORMAT_VERSION}. {_REBUILD_HINT}",
            folder=folder, found=manifest.format,
        )
    if embedding_model is not None and manifest.model != embedding_model:
        raise IndexMismatchError(
            f"Chỉ mục tại {folder} được xây dựng với mô hình nhúng '{manifest.model}', "
            f"nhưng cấu hình hiện tại dùng '{embedding_model}'. {_REBUILD_HINT}"
        )
    return folder, manifest


def _lines(data: bytes | None) -> list[str]:
    return [ln for ln in (data or b"").decode("utf-8").split("\n") if ln.strip()]


def load_folder(folder: Path, *, embedding_model: str, hnsw_threshold: int = DEFAULT_HNSW_THRESHOLD) -> StoredIndex:
    """Read an index folder, checking every file against the manifest.

    Raises FileNotFoundError when there is none, IndexMismatchError when it was
    built with another embedding model or format version (the message says how
    to rebuild), IndexDamagedError when a file is missing, cut or changed.
    Facts and tokens are left on disk (``read_facts_lines``, ``read_tokens``).
    """
    folder, manifest = _open_manifest(folder, embedding_model)
    meta = _checked_bytes(folder, manifest, CHUNKS_META)
    blob = _checked_bytes(folder, manifest, CHUNKS_TEXT)
    if meta is None or blob is None:
        raise _damaged(folder, f"thiếu {CHUNKS_META if meta is None else CHUNKS_TEXT} trong manifest.json")
    try:
        chunks, vids = decode_chunks(meta, blob)
    except (ValueError, TypeError, KeyError) as exc:
        raise _damaged(folder, f"{CHUNKS_META} không đọc được: {exc}") from None
    if len(chunks) != manifest.chunks:
        raise _damaged(folder, f"{CHUNKS_META} có {len(chunks)} đoạn, manifest ghi {manifest.chunks}")
    _checked_bytes(folder, manifest, DOCUMENTS)  # damage is caught here; the lines are the library's to read
    lexical: dict[str, bytes] = {}  # the BM25 files, read once: checked here, then loaded from these bytes
    for name in manifest.files:  # searched files are checked now; facts and tokens when they are read
        if name not in (CHUNKS_META, CHUNKS_TEXT, DOCUMENTS, FACTS, TOKENS):
            data = _checked_bytes(folder, manifest, name)
            if name.startswith(f"{BM25}/") and data is not None:
                lexical[name.split("/", 1)[1]] = data
    vectors = None
    if (folder / VECTORS).exists():
        vectors = VectorStore.load(folder / VECTORS, hnsw_threshold=hnsw_threshold)
    bm25 = LexicalIndex.load(folder / BM25, len(chunks), lexical) if (folder / BM25).exists() and chunks else None
    if chunks and bm25 is None:
        raise _damaged(folder, "thiếu thư mục bm25")
    return StoredIndex(manifest, chunks, vids, vectors, bm25, records=None)


def records_digest(records: list[str]) -> str:
    """The sha256 ``documents.jsonl`` gets when ``records`` are written: a parse is compared with the
    stored one through the manifest, without decoding the stored lines a second time."""
    h = hashlib.sha256()
    for line in records:
        h.update(line.encode("utf-8"))
        h.update(b"\n")
    return h.hexdigest()


def read_records(folder: Path) -> list[str] | None:
    """The parsed-library lines of a sound index folder, or None (no index, another format, damaged)."""
    try:
        folder, manifest = _open_manifest(folder, None)
        return _lines(_checked_bytes(folder, manifest, DOCUMENTS))
    except (FileNotFoundError, IndexMismatchError, OSError) as exc:
        log.info("no stored parse in %s: %s", folder, exc)
        return None


def read_facts_lines(folder: Path) -> dict[str, str]:
    """doc_id -> its stored facts line (empty when the folder has none or is damaged)."""
    try:
        folder, manifest = _open_manifest(folder, None)
        lines = _lines(_checked_bytes(folder, manifest, FACTS))
    except (FileNotFoundError, IndexMismatchError, OSError) as exc:
        log.info("no stored facts in %s: %s", folder, exc)
        return {}
    return {json.loads(ln)["doc_id"]: ln for ln in lines}


def read_tokens(folder: Path) -> TokenTable | None:
    """The stored BM25 tokens of every chunk, or None (then the engine tokenises again)."""
    try:
        folder, manifest = _open_manifest(folder, None)
        if _checked_bytes(folder, manifest, TOKENS) is None:
            return None
        return TokenTable.load(folder / TOKENS)
    except (FileNotFoundError, IndexMismatchError, OSError, ValueError, KeyError) as exc:
        log.info("no stored tokens in %s: %s", folder, exc)
        return None


def _write_tokens(path: Path, tokens: TokenTable) -> None:
    tokens.save(path)


def _write_json(path: Path, data: object) -> None:
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(data, fh, ensure_ascii=False, indent=2)
        fh.write("\n")


def _lock_path(folder: Path) -> Path:
    return folder.with_name(f".{folder.name}.lock")


@contextlib.contextmanager
def index_lock(folder: Path) -> Iterator[None]:
    """Exclusive lock on the index folder (a lock file beside it); released when the process dies."""
    folder.parent.mkdir(parents=True, exist_ok=True)
    with open(_lock_path(folder), "a") as fh:
        fcntl.flock(fh.fileno(), fcntl.LOCK_EX)
        try:
            yield
        finally:
            fcntl.flock(fh.fileno(), fcntl.LOCK_UN)


def _clean_stale(folder: Path) -> None:
    """Temporaries of killed saves (only called under the lock, so none is in use)."""
    for p in folder.parent.glob(f".{folder.name}.*.tmp"):
        log.info("removing a temporary left by an interrupted save: %s", p)
        shutil.rmtree(p, ignore_errors=True)


def save_folder(stored: StoredIndex, folder: Path) -> Manifest:
    """Write the index into a fresh sibling folder, then swap it in by renaming; returns the manifest written."""
    folder = Path(folder)
    if folder.exists() and not folder.is_dir():  # a file where the folder should be: never overwritten
        raise IndexMismatchError(
            f"{folder} là một tệp, không phải thư mục chỉ mục; không ghi đè. "
            "Cách khắc phục: chọn thư mục khác bằng --index-dir hoặc THIDUA_INDEX_DIR."
        )
    if folder.exists() and any(folder.iterdir()) and not (folder / MANIFEST).exists() and not looks_like_index(folder):
        raise IndexMismatchError(
            f"Thư mục {folder} không trống và không phải là chỉ mục thidua; không ghi đè. "
            "Cách khắc phục: chọn thư mục khác bằng --index-dir hoặc THIDUA_INDEX_DIR."
        )
    with index_lock(folder):
        _clean_stale(folder)
        tmp = Path(tempfile.mkdtemp(prefix=f".{folder.name}.", suffix=".tmp", dir=folder.parent))
        try:
            meta, blob = encode_chunks(stored.chunks, stored.vector_ids)
            (tmp / CHUNKS_META).write_bytes(meta)
            (tmp / CHUNKS_TEXT).write_bytes(blob)
            with open(tmp / DOCUMENTS, "w", encoding="utf-8") as fh:
                fh.writelines(line + "\n" for line in stored.records or ())
            with open(tmp / FACTS, "w", encoding="utf-8") as fh:
                fh.writelines(stored.facts[d] + "\n" for d in sorted(stored.facts))
            if stored.tokens is not None:
                _write_tokens(tmp / TOKENS, stored.tokens)
            if stored.vectors is not None and len(stored.vectors):
                stored.vectors.save(tmp / VECTORS)
            if stored.bm25 is not None and stored.chunks:
                stored.bm25.save(tmp / BM25)
            manifest = Manifest.from_dict({**stored.manifest.to_dict(), "files": _file_entries(tmp)})
            _write_json(tmp / MANIFEST, manifest.to_dict())  # last: a folder without it is incomplete
            for p in tmp.rglob("*"):
                _fsync(p)
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
    stored.manifest = manifest
    return manifest


def _fsync(path: Path) -> None:
    if path.is_file():
        with open(path, "rb") as fh:
            os.fsync(fh.fileno())


def now_iso() -> str:
    return time.strftime("%Y-%m-%dT%H:%M:%S%z")
