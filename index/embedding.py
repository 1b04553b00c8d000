"""Embedding many chunks: batched, resumable, with a progress bar and an ETA.

A library of hundreds of documents takes a long time to embed on a small
CPU, so the work must survive an interruption (Ctrl-C, a closed laptop):
vectors are checkpointed per document in ``<index folder>.partial/`` as soon
as a document's chunks are all embedded, keyed by the model and the exact
texts.  The next build reads them back instead of embedding again; the
folder is removed once the index has been saved.  It lives beside the index
folder, not in it, because the index folder is swapped atomically on save.
"""

from __future__ import annotations

import hashlib
import logging
import os
import shutil
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

import numpy as np
from tqdm import tqdm

from index.encoders import Encoder

__all__ = ["EmbedResult", "checkpoint_folder", "clear_checkpoints", "embed_chunks", "passage_text"]

log = logging.getLogger(__name__)


@dataclass(frozen=True)
class EmbedResult:
    """Vectors for the requested texts (row i = text i) and what it cost."""

    vectors: np.ndarray
    embedded: int  # texts actually sent to the model
    resumed: int  # texts read back from checkpoints
    seconds: float

    @property
    def per_second(self) -> float:
        return self.embedded / self.seconds if self.seconds > 0 else 0.0


def checkpoint_folder(index_dir: Path) -> Path:
    index_dir = Path(index_dir)
    return index_dir.with_name(index_dir.name + ".partial")


def clear_checkpoints(index_dir: Path) -> None:
    """Drop the checkpoints once the index holding their vectors is saved."""
    shutil.rmtree(checkpoint_folder(index_dir), ignore_errors=True)


_SENTENCE_END = (". ", "; ", ".\n", ";\n", ":\n", "\n")


def passage_text(embed_text: str, max_chars: int = 0) -> str:
    """What the embedding model reads for one chunk: its header line and the start of its body.

    ``max_chars`` = 0 keeps everything.  Otherwise the body is cut to at most
    ``max_chars`` characters, at the last sentence end inside that budget
    when one falls in its second half, else at the last space: the clause's
    heading path stays whole (it names the topic) and the model's cost,
    which grows with the tokens read, is bounded for long clauses.
    """
    if max_chars <= 0:
        return embed_text
    header, sep, body = embed_text.partition("\n")
    if not sep:
        header, body = "", embed_text
    if len(body) <= max_chars:
        return embed_text
    window = body[: max_chars + 1]
    cut = max((window.rfind(e) + len(e.rstrip(" ")) for e in _SENTENCE_END if window.rfind(e) >= 0), default=-1)
    if cut < max_chars // 2:
        cut = window.rfind(" ")
    if cut <= 0:
        cut = max_chars
    body = body[:cut].rstrip()
    return f"{header}\n{body}" if header else body


def _key(model_id: str, texts: Sequence[str]) -> str:
    h = hashlib.sha256(model_id.encode("utf-8"))
    for t in texts:
        h.update(b"\x00")
        h.update(t.encode("utf-8"))
    return h.hexdigest()[:32]


def _read(path: Path, n: int) -> np.ndarray | None:
    try:
        vecs = np.load(path, allow_pickle=False)
    except Exception:
        return None
    return vecs if vecs.ndim == 2 and vecs.shape[0] == n else None


def _write(path: Path, vecs: np.ndarray) -> None:
    tmp = path.with_suffix(".tmp.npy")
    np.save(tmp, vecs)
    os.replace(tmp, path)


def embed_chunks(
    encoder: Encoder,
    texts: Sequence[str],
    groups: Sequence[str],
    *,
    checkpoints: Path | None = None,
    progress: bool = False,
    batch_size: int | None = None,
) -> EmbedResult:
    """Embed ``texts`` (``groups[i]`` = the document of text i) in batches across documents.

    With ``checkpoints``, each document's vectors are written there as soon as
    they are complete and read back on the next call.
    """
    t0 = time.perf_counter()
    n = len(texts)
    if n == 0:
        return EmbedResult(np.empty((0, 0), dtype="float32"), 0, 0, 0.0)
    by_doc: dict[str, list[int]] = {}
    for i, g in enumerate(groups):
        by_doc.setdefault(g, []).append(i)
    keys = {d: _key(encoder.model_id, [texts[i] for i in rows]) for d, rows in by_doc.items()}
    if checkpoints is not None:
        checkpoints.mkdir(parents=True, exist_ok=True)
    rows_out: dict[int, np.ndarray] = {}
    resumed = 0
    todo: list[int] = []
    for d, rows in by_doc.items():
        cached = _read(checkpoints / f"{keys[d]}.npy", len(rows)) if checkpoints is not None else None
        if cached is not None:
            rows_out.update(zip(rows, cached, strict=True))
            resumed += len(rows)
        else:
            todo.extend(rows)
    if resumed:
        log.info("resumed %d embedded chunks from %s", resumed, checkpoints)
    remaining = {d: sum(1 for i in rows if i not in rows_out) for d, rows in by_doc.items()}
    size = batch_size or encoder.batch_size
    bar = tqdm(total=n, initial=resumed, desc="Nhúng các đoạn", unit="đoạn", file=sys.stderr,
               disable=not progress, dynamic_ncols=True, smoothing=0.1)
    try:
        for start in range(0, len(todo), size):
            batch = todo[start:start + size]
            vecs = encoder.encode_passages([texts[i] for i in batch])
            for i, v in zip(batch, vecs, strict=True):
                rows_out[i] = v
                d = groups[i]
                remaining[d] -= 1
                if remaining[d] == 0 and checkpoints is not None:
                    _write(checkpoints / f"{keys[d]}.npy", np.stack([rows_out[j] for j in by_doc[d]]))
            bar.update(len(batch))
    finally:
        bar.close()
    vectors = np.ascontiguousarray(np.stack([rows_out[i] for i in range(n)]), dtype="float32")
    seconds = time.perf_counter() - t0
    result = EmbedResult(vectors, len(todo), resumed, seconds)
    if todo:
        log.info("embedded %d chunks in %.1f s (%.1f chunks/s, model %s)", len(todo), seconds,
                 result.per_second, encoder.model_id)
    return result
