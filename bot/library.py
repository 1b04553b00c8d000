"""Where settings meet the library and its index: the one place every command opens them.

A start reads the parsed library stored in the index folder and parses only
files that were added or changed since (``corpus.loader.load_library``), then
opens the index with those parse records so the index folder keeps them.
Supervisor facts come from the index folder too, computed when each document
was indexed, and are read only when a command asks for them.
"""

from __future__ import annotations

import atexit
import contextlib
import gc
import json
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, Literal

from bot.settings import Settings
from corpus import Corpus, Library, corpus_dirs, load_library
from corpus.persist import ParsedRecord, decode_facts, encode_facts

__all__ = ["StoredFacts", "dense_unit", "load_settings_library", "open_settings_index"]

log = logging.getLogger(__name__)


@contextlib.contextmanager
def _long_lived() -> Iterator[None]:
    """Pause the cyclic garbage collector while the library loads, then freeze what was loaded.

    A start creates a few hundred thousand objects that live as long as the process (clauses, their
    tuples, the parse records); every automatic collection walked all of them again, 0.3 s of a cold
    ``thidua ask``.  A library holds no reference cycles, so nothing is left for the collector to
    find: what was loaded is moved out of its sight instead."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        gc.freeze()
        _unfreeze_at_exit()
        if enabled:
            gc.enable()


@cache
def _unfreeze_at_exit() -> None:
    """Frozen objects are skipped by the collection at interpreter exit, so objects in a reference cycle
    (a script's module and its functions) would never be finalised: a file a script left open would lose
    its unflushed lines.  Unfreezing first (atexit runs before that collection) keeps exit as it was."""
    atexit.register(gc.unfreeze)


def load_settings_library(settings: Settings, *, progress: bool = False, use_stored: bool = True,
                          with_facts: bool = False) -> Library:
    """The corpus the settings name (one or several folders), re-reading only changed files.

    ``with_facts``: files parsed now also get their supervisor facts, for the index to store.
    """
    with _long_lived():
        return _load_library(settings, progress=progress, use_stored=use_stored, with_facts=with_facts)


def _load_library(settings: Settings, *, progress: bool, use_stored: bool, with_facts: bool) -> Library:
    from index.store import read_records

    known: dict[str, ParsedRecord] = {}
    if use_stored:
        for line in read_records(Path(settings.index_dir)) or ():
            try:
                record = ParsedRecord.from_json(line)
            except (ValueError, KeyError, TypeError):
                log.warning("a stored parse record is unreadable; that file will be read again")
                continue
            known[record.key[0]] = record
    bar = None
    if progress:
        from tqdm import tqdm

        bar = tqdm(desc="Đọc văn bản", unit="tệp", leave=False)

    def tick(done: int, total: int) -> None:
        if bar is not None:
            bar.total = total
            bar.update(1)

    try:
        return load_library(corpus_dirs(settings.corpus_dir), max_file_mb=settings.max_file_mb, known=known,
                            progress=tick if bar is not None else None, with_facts=with_facts)
    finally:
        if bar is not None:
            bar.close()


def open_settings_index(corpus: Corpus | Library, settings: Settings, *, progress: bool = False,
                        rebuild: bool = False, embed_all: bool = False):
    """Open (build, refresh) the index the settings describe: the one place settings meet index options.

    ``embed_all`` (``thidua index``) embeds however many chunks are missing; other callers leave a large
    backlog to it and search with BM25 meanwhile."""
    from index import open_index
    from index.chunking import ChunkerSettings

    fingerprints = records = facts = None
    if isinstance(corpus, Library):
        fingerprints = {doc_id: r.fingerprint for doc_id, r in corpus.doc_records.items()}
        facts = {doc_id: r.facts for doc_id, r in corpus.doc_records.items() if r.facts is not None}
        records = [r.to_json() for r in corpus.records.values()]
        corpus = corpus.corpus
    return open_index(
        corpus,
        Path(settings.index_dir),
        embedding_model=settings.embedding_model,
        fallback_model=settings.embedding_fallback or None,
        retriever=settings.retriever,
        reranker=settings.reranker,
        device=settings.device,
        batch_size=settings.batch_size,
        progress=progress,
        rebuild=rebuild,
        fingerprints=fingerprints,
        records=records,
        facts=facts,
        embed_limit=None if embed_all else settings.embed_on_open_max_chunks,
        chunker=ChunkerSettings(dense_unit=dense_unit(corpus, settings)),
    )


def dense_unit(corpus: Corpus, settings: Settings) -> Literal["chunk", "heading"]:
    """What one vector stands for: the setting, or for "auto" headings when the corpus is too large to embed
    whole at a first start (more answerable clauses, about one chunk each, than ``embed_on_open_max_chunks``)."""
    if settings.dense_unit != "auto":
        return settings.dense_unit
    clauses = sum(1 for d in corpus.directives for c in d.clauses if c.answerable)
    return "heading" if clauses > settings.embed_on_open_max_chunks else "chunk"


@dataclass
class StoredFacts:
    """Responsibilities and targets of a library: stored ones when the index is current, else computed."""

    library: Library
    index_dir: Path
    _rows: tuple[list[Any], list[Any]] | None = field(default=None, init=False)

    def _load(self) -> tuple[list[Any], list[Any]]:
        if self._rows is None:
            from index.store import read_facts_lines, read_manifest

            try:
                indexed = read_manifest(self.index_dir).documents
            except (OSError, ValueError, TypeError):
                indexed = {}
            lines = read_facts_lines(self.index_dir) if indexed else {}
            resp: list[Any] = []
            tgts: list[Any] = []
            fresh = 0
            for d in self.library.corpus:
                record = self.library.doc_records.get(d.doc_id)
                line = lines.get(d.doc_id)
                if line is not None and record is not None and indexed.get(d.doc_id) == record.fingerprint:
                    r, t = decode_facts(json.loads(line))
                else:
                    fresh += 1
                    r, t = decode_facts(encode_facts(d))
                resp.extend(r)
                tgts.extend(t)
            log.info("facts: %d documents from the index, %d computed now", len(self.library.corpus) - fresh, fresh)
            self._rows = (resp, tgts)
        return self._rows

    def responsibilities(self) -> list[Any]:
        return self._load()[0]

    def targets(self) -> list[Any]:
        return self._load()[1]
