"""Opening the index for a corpus and searching it: the one entry point the bot uses.

``open_index`` builds the folder on first use, refreshes it when documents
were added, changed or removed (only their chunks are tokenised and embedded
again), and otherwise just loads it.  ``Index`` is the local implementation of
``index.backend.IndexBackend``: ``search`` applies filters first, then runs
BM25, dense search or both fused with RRF, then the optional reranker;
``add``/``remove`` work per document; ``save`` writes the folder atomically.
"""

from __future__ import annotations

import errno
import hashlib
import json
import logging
import os
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, replace
from importlib.metadata import PackageNotFoundError, version
from pathlib import Path

import numpy as np

from corpus.lexicon import load_lexicon
from corpus.models import Corpus, Directive
from corpus.text import canonical_tones
from index.accents import AccentRestorer, has_diacritics
from index.bm25 import LexicalIndex, tokenize_texts
from index.chunking import ChunkerSettings, chunk_directive, dense_texts, is_meta_chunk
from index.chunkstore import ChunkTable, chunk_groups
from index.dense import Encoder, Reranker, load_encoder, load_reranker
from index.embedding import checkpoint_folder, clear_checkpoints, embed_chunks, passage_text
from index.filtering import filter_mask
from index.fusion import FusionTuning, fuse, top_distinct
from index.models import Chunk, Filters, Hit
from index.store import (
    DERIVED,
    DOCUMENTS,
    FORMAT_VERSION,
    IndexDamagedError,
    IndexFormatError,
    IndexMismatchError,
    Manifest,
    StoredIndex,
    load_folder,
    now_iso,
    read_facts_lines,
    read_manifest,
    read_records,
    read_tokens,
    records_digest,
    save_folder,
)
from index.tokenize import TOKENIZER_VERSION
from index.tokens import TokenTable
from index.vectors import DEFAULT_HNSW_THRESHOLD, VectorStore

__all__ = ["RETRIEVERS", "BuildReport", "Index", "lexicon_version", "open_index"]

log = logging.getLogger(__name__)

RETRIEVERS = ("hybrid", "dense", "bm25")
_POOL = 50  # candidates taken from each retriever before fusion
_META_SLACK = 10  # more candidates taken when header and signature chunks are left out afterwards
_ACCENT_CONTEXT = 10  # best BM25 hits whose spellings accent a question typed without marks
_RERANK_TOP = 30
_READ_ONLY = {errno.EACCES, errno.EROFS, errno.EPERM}


def lexicon_version() -> str:
    """Hash of the domain lexicon the analyser uses: a changed lexicon rebuilds the lexical index."""
    try:  # corpus/lexicon is created by the corpus helper; until it exists the tokenizer version stands alone
        from corpus.lexicon import lexicon_hash  # type: ignore[import-not-found]
    except ImportError:
        return ""
    return str(lexicon_hash())


@dataclass(frozen=True)
class BuildReport:
    """What ``open_index`` did, for the CLI summary and the log."""

    documents: int
    chunks: int
    added: tuple[str, ...]
    changed: tuple[str, ...]
    removed: tuple[str, ...]
    embedded: int
    rebuilt: bool
    saved: bool
    seconds: float
    reason: str | None = None  # why the stored index was rebuilt (one Vietnamese line), if it was
    write_error: str | None = None  # why the folder could not be written (the index answers from memory)


def _thidua_version() -> str:
    try:
        return version("thidua")
    except PackageNotFoundError:
        return "unknown"


def _doc_fingerprint(directive: Directive) -> str:
    """Changes whenever anything a chunk is made of changes (text, metadata, clause tree)."""
    payload = {
        "file": directive.fingerprint,
        "text": directive.text,
        "meta": [directive.doc_type, directive.number, directive.issuer, directive.province, directive.year],
        "clauses": [[c.id, c.label, list(c.heading), c.start, c.end, c.parent, c.answerable]
                    for c in directive.clauses],
    }
    raw = json.dumps(payload, ensure_ascii=False, sort_keys=True).encode("utf-8")
    return hashlib.sha256(raw).hexdigest()


def _corpus_fingerprint(doc_fps: dict[str, str]) -> str:
    raw = "\n".join(f"{d}:{fp}" for d, fp in sorted(doc_fps.items()))
    return hashlib.sha256(raw.encode("utf-8")).hexdigest()


class _Progress:
    """A tqdm bar on stderr when asked for, else nothing."""

    def __init__(self, enabled: bool, total: int, desc: str) -> None:
        self._bar = None
        if enabled and total:
            from tqdm import tqdm

            self._bar = tqdm(total=total, desc=desc, unit="đoạn", leave=False)

    def __call__(self, n: int) -> None:
        if self._bar is not None:
            self._bar.update(n)

    def close(self) -> None:
        if self._bar is not None:
            self._bar.close()


class Index:
    """A searchable index over one corpus (the local ``IndexBackend``).

    ``retriever`` is what actually runs ("bm25" when the embedding model could
    not be loaded); ``notice`` is the one-line Vietnamese warning shown to the
    user (model fallback, index rebuilt because damaged, folder not writable).
    """

    def __init__(self, stored: StoredIndex, *, retriever: str, notice: str | None, encoder: Encoder | None,
                 reranker: Reranker | None, folder: Path, report: BuildReport,
                 chunker: ChunkerSettings | None = None, hnsw_threshold: int = DEFAULT_HNSW_THRESHOLD,
                 progress: bool = False, fusion: FusionTuning | None = None) -> None:
        self._stored = stored
        self.fusion = fusion or FusionTuning()
        self._encoder = encoder
        self._reranker = reranker
        self._chunker = chunker or ChunkerSettings()
        self._hnsw_threshold = hnsw_threshold
        self._progress = progress
        self._wanted = retriever
        self._bm25_stale = False
        self.embedded = 0
        self._doc_fps: dict[str, str] = dict(stored.manifest.documents)
        #: the documents whose chunks may be embedded (their titles and headings are what the model reads)
        self._documents: dict[str, Directive] = {}
        self.folder = folder
        self.report = report
        self.notice = notice
        self._refresh()

    # ----------------------------------------------------------------- views

    def _refresh(self) -> None:
        stored = self._stored
        # a loaded table stays as it is: its texts are decoded only for the hits a search returns
        self.chunks: Sequence[Chunk] = (stored.chunks if isinstance(stored.chunks, ChunkTable)
                                        else tuple(stored.chunks))
        self._vids = np.array([-1 if v is None else v for v in stored.vector_ids], dtype="int64")
        # chunks under one heading share a vector when the model reads headings (ChunkerSettings.dense_unit)
        self._pos_by_vid: dict[int, list[int]] = {}
        for i, v in enumerate(self._vids.tolist()):
            if v >= 0:
                self._pos_by_vid.setdefault(v, []).append(i)
        codes: dict[str, int] = {}
        groups, group_of = chunk_groups(self.chunks)
        per_group = np.array([codes.setdefault(g[0].lower(), len(codes)) for g in groups], dtype="int32")
        self._doc_code = per_group[group_of] if len(groups) else np.zeros(0, dtype="int32")
        self._codes = codes
        self._meta: frozenset[int] | None = None  # positions of header and signature chunks, found when needed
        self._accents: AccentRestorer | None = None  # built from BM25's vocabulary by warm() or the first unaccented question
        self._dense_ready = (self._encoder is not None and stored.vectors is not None
                             and len(stored.vectors) > 0)
        self.retriever = self._wanted if self._dense_ready else "bm25"

    @property
    def dense_ready(self) -> bool:
        """True when dense and hybrid search can run (a model is loaded and vectors exist)."""
        return self._dense_ready

    @property
    def dense_unit(self) -> str:
        """What one vector stands for ("chunk" or "heading", ``ChunkerSettings.dense_unit``)."""
        return self._chunker.dense_unit

    @property
    def model(self) -> str:
        return self._stored.manifest.model

    @property
    def dimension(self) -> int | None:
        return self._stored.manifest.dimension

    @property
    def vector_index(self) -> str | None:
        """"flat" (exact) or "hnsw" when vectors exist, else None."""
        return self._stored.vectors.kind if self._stored.vectors is not None and len(self._stored.vectors) else None

    def count(self) -> int:
        return len(self.chunks)

    def doc_ids(self) -> frozenset[str]:
        return frozenset(self._doc_fps)

    # ----------------------------------------------------------------- search

    def _mask(self, filters: Filters | None) -> np.ndarray | None:
        if filters is not None and filters.doc_ids and not (filters.provinces or filters.years or filters.doc_types):
            wanted = [self._codes[d.strip().lower()] for d in filters.doc_ids if d.strip().lower() in self._codes]
            return np.isin(self._doc_code, np.array(wanted, dtype="int32"))  # the bot's usual scope: fast path
        return filter_mask(self.chunks, filters)

    def warm(self) -> None:
        """Work out now what the first question searching only documents' bodies would (a pass over every chunk's
        id), and the spelling table the first question typed without marks is searched again with (~90 ms over the
        library): a chat loads once and answers many questions."""
        self._meta_positions()
        self._restorer()

    def _meta_positions(self) -> frozenset[int]:
        """Positions of the header and signature chunks (from the ids: no text is decoded)."""
        if self._meta is None:
            ids = self.chunks.ids() if isinstance(self.chunks, ChunkTable) else [c.id for c in self.chunks]
            self._meta = frozenset(i for i, cid in enumerate(ids) if is_meta_chunk(cid))
        return self._meta

    def _lexical(self) -> LexicalIndex | None:
        if self._bm25_stale:
            self._stored.bm25 = LexicalIndex.from_tokens(self._tokens()) if self._stored.chunks else None
            self._bm25_stale = False
        return self._stored.bm25

    def _bm25(self, query: str, pool: int, mask: np.ndarray | None, *,
              local_idf: float = 0.0) -> list[tuple[int, float]]:
        lexical = self._lexical()
        if lexical is None:
            return []
        return lexical.top(query, pool, mask, local_idf=local_idf)

    def _dense(self, text: str, pool: int, mask: np.ndarray | None) -> list[tuple[int, float]]:
        """The best ``pool`` chunks for ``text`` as the model reads it (``_for_model``)."""
        assert self._encoder is not None and self._stored.vectors is not None
        allowed = None
        if mask is not None:
            allowed = np.unique(self._vids[mask & (self._vids >= 0)])
        qv = self._encoder.encode_query(text)
        hits = self._stored.vectors.search(qv, pool, allowed)
        # ``pool`` vectors; a shared vector stands for every chunk under its heading, each with its cosine
        return [(p, s) for v, s in hits for p in self._pos_by_vid.get(v, ())
                if mask is None or mask[p]]

    def _for_model(self, query: str, mask: np.ndarray | None, keyword: list[tuple[int, float]] | None) -> str:
        """The question as the embedding model should read it: diacritics put back when typed without any
        (e5 reads unaccented Vietnamese as another language; BM25 matches it through folded tokens), spelled
        as the best BM25 hits (``keyword``, searched here when not given) write its phrases.  Typed with them,
        its tone marks are placed the traditional way (hoà -> hòa, Uỷ -> Ủy, NFC): the model reads characters,
        not words, and the documents write that placement (98.5% of the library's words that have a choice)."""
        if has_diacritics(query):
            return canonical_tones(query)
        if keyword is None:
            keyword = self._bm25(query, _ACCENT_CONTEXT, mask)
        return self._restorer().restore(query, [self.chunks[p].text for p, _ in keyword[:_ACCENT_CONTEXT]])

    def _spelled(self, query: str, keyword: list[tuple[int, float]]) -> str:
        """The question typed without marks as BM25 should search it again: the words whose spelling the lexicon's
        question phrases or most of the best hits (``keyword``) decide take their marks, so each weighs as it does
        typed with them ("bao nhieu" is "bao nhiêu", whose "nhiêu" no clause holds, not the "nhiều" of "nhiều
        hợp đồng" every folded copy matches); a word the hits spell two ways ("muc": "Mức 3", "Mục A") is left
        folded, matching both."""
        context = [self.chunks[p].text for p, _ in keyword[:_ACCENT_CONTEXT]]
        return self._restorer().restore(query, context, decided_only=True)

    def _restorer(self) -> AccentRestorer:
        if self._accents is None:
            lexical = self._lexical()
            self._accents = AccentRestorer.from_frequencies(
                lexical.frequencies() if lexical is not None else (), load_lexicon().topic("question_spellings"))
        return self._accents

    def search(self, query: str, *, k: int = 10, filters: Filters | None = None,
               retriever: str | None = None, dense_query: str | None = None,
               document_idf: float | None = None) -> list[Hit]:
        """Best ``k`` chunks for ``query`` among those passing ``filters``, best first.

        ``dense_query``: what the embedding model reads instead of ``query`` (BM25 and the reranker read
        ``query``), when the words that suit keyword search and the model differ.  ``document_idf``: how far
        BM25 inside one document counts rarity there (default ``FusionTuning.document_idf``; 0 when the
        caller already left the document's title words out of ``query``)."""
        mode = retriever or self.retriever
        if mode not in RETRIEVERS:
            raise ValueError(f"unknown retriever {mode!r}; choose one of {', '.join(RETRIEVERS)}")
        if mode != "bm25" and not self._dense_ready:
            mode = "bm25"
        if not query.strip() or k <= 0 or not self.chunks:
            return []
        mask = self._mask(filters)
        if mask is not None and not mask.any():
            return []
        pool = max(k, _POOL, _RERANK_TOP if self._reranker else 0)
        # Header and signature chunks are dropped from the candidates, not masked: a mask over a whole
        # library would cost a pass over every vector; a few more candidates cost nothing.
        meta = self._meta_positions() if filters is not None and filters.body_only else frozenset()
        fetch = pool + _META_SLACK if meta else pool
        ranked: dict[str, list[tuple[int, float]]] = {}
        fusion = self.fusion
        if mode in ("bm25", "hybrid"):
            local = (fusion.document_idf if document_idf is None else document_idf) if _one_document(filters) else 0.0
            ranked["bm25"] = self._bm25(query, fetch, mask, local_idf=local)
            if not has_diacritics(query):  # typed without marks: searched again as spelled with those it surely has
                spelled = self._spelled(query, ranked["bm25"])
                if spelled != query:
                    ranked["bm25"] = self._bm25(spelled, fetch, mask, local_idf=local)
        if mode in ("dense", "hybrid"):
            asked = dense_query or query
            read = self._for_model(asked, mask, ranked.get("bm25"))
            ranked["dense"] = self._dense(read, fetch, mask)
            if read != asked and not has_diacritics(query):  # typed without marks: BM25 matched folded tokens
                fusion = fusion.for_unaccented()
        if meta:
            kept = {name: [(p, s) for p, s in lst if p not in meta] for name, lst in ranked.items()}
            ranked = {name: top_distinct(lst, pool) if name == "dense" else lst[:pool] for name, lst in kept.items()}
        per_pos: dict[int, dict[str, float]] = {}
        for name, lst in ranked.items():
            for pos, s in lst:
                per_pos.setdefault(pos, {})[name] = s
        if mode == "hybrid":
            if fusion.unsure_coverage > 0 and ranked.get("bm25"):
                lexical = self._lexical()
                if lexical is not None and lexical.coverage(query, ranked["bm25"][0][0]) < fusion.unsure_coverage:
                    fusion = fusion.for_unsure()
            order = fuse(ranked, fusion)
            for pos, s in order:
                per_pos[pos]["rrf"] = s
            scored = [(int(p), s) for p, s in order]
        else:
            scored = ranked[mode]
        if self._reranker is not None and scored:
            head = scored[:_RERANK_TOP]
            rs = self._reranker.score(query, [self.chunks[p].embed_text for p, _ in head])
            for (p, _), s in zip(head, rs, strict=True):
                per_pos[p]["rerank"] = s
            head = sorted(((p, s) for (p, _), s in zip(head, rs, strict=True)), key=lambda x: -x[1])
            scored = head + scored[_RERANK_TOP:]
        return [Hit(chunk=self.chunks[p], score=float(s), rank=r, scores=per_pos[p])
                for r, (p, s) in enumerate(scored[:k], 1)]

    # ----------------------------------------------------------------- add / remove

    def _tokens(self) -> TokenTable:
        """BM25 tokens of every chunk: stored ones when they match, else tokenised now (once)."""
        stored = self._stored
        if stored.tokens is None or len(stored.tokens) != len(stored.chunks):
            bar = _Progress(self._progress, len(stored.chunks), "Tách từ")
            stored.tokens = tokenize_texts([c.embed_text for c in stored.chunks], bar)
            bar.close()
        return stored.tokens

    def remove(self, doc_ids: Iterable[str]) -> int:
        """Drop every chunk (and vector) of these documents; the others are not tokenised again."""
        gone = set(doc_ids)
        if not gone:
            return 0
        stored = self._stored
        tokens = self._tokens() if stored.chunks else TokenTable.empty()
        groups, group_of = chunk_groups(stored.chunks)
        dropped = np.array([g[0] in gone for g in groups], dtype=bool)[group_of] if groups else np.zeros(0, bool)
        keep = np.flatnonzero(~dropped).tolist()
        kept = {v for i, v in enumerate(stored.vector_ids) if not dropped[i] and v is not None}
        stale = sorted({v for i, v in enumerate(stored.vector_ids) if dropped[i] and v is not None} - kept)
        removed = len(stored.chunks) - len(keep)
        stored.chunks = [stored.chunks[i] for i in keep]
        stored.vector_ids = [stored.vector_ids[i] for i in keep]
        stored.tokens = tokens.take(keep)
        if stored.vectors is not None and stale:
            stored.vectors.remove(np.array(stale, dtype="int64"))
        for d in gone:
            self._doc_fps.pop(d, None)
            self._documents.pop(d, None)
            stored.facts.pop(d, None)
        self._bm25_stale = True
        self._accents = None  # its spellings come from the vocabulary, which just changed
        self._refresh()
        return removed

    def add(self, directives: Iterable[Directive], *, fingerprints: Mapping[str, str] | None = None,
            facts: Mapping[str, str] | None = None) -> int:
        """Chunk, tokenise and embed these documents (replacing any with the same doc_id)."""
        docs = list(directives)
        if not docs:
            return 0
        self.remove([d.doc_id for d in docs if d.doc_id in self._doc_fps])
        stored = self._stored
        tokens = self._tokens() if stored.chunks else TokenTable.empty()
        self._documents.update((d.doc_id, d) for d in docs)
        self._accents = None  # new words: their spellings too
        new: list[Chunk] = [c for d in docs for c in chunk_directive(d, self._chunker)]
        bar = _Progress(self._progress, len(new), "Tách từ")
        new_tokens = tokenize_texts([c.embed_text for c in new], bar)
        bar.close()
        vids = self._embed(new)
        stored.chunks = [*stored.chunks, *new]
        stored.vector_ids = [*stored.vector_ids, *vids]
        stored.tokens = TokenTable.concat([tokens, new_tokens])
        for d in docs:
            self._doc_fps[d.doc_id] = (fingerprints or {}).get(d.doc_id) or _doc_fingerprint(d)
            line = (facts or {}).get(d.doc_id)
            if line is None:
                from corpus.persist import encode_facts

                line = json.dumps(encode_facts(d), ensure_ascii=False, separators=(",", ":"))
            stored.facts[d.doc_id] = line
        self._bm25_stale = True
        self._refresh()
        return len(new)

    def _embed(self, chunks: list[Chunk]) -> list[int | None]:
        """Vector ids of new chunks (None each when no encoder); re-embeds all if the dimension changed.

        Chunks of one document the model reads alike (the same heading, ``ChunkerSettings.dense_unit``)
        are embedded once and share one vector."""
        if self._encoder is None or not chunks:
            return [None] * len(chunks)
        stored = self._stored
        texts = self._dense_texts(chunks)
        keys = [(c.doc_id, t) for c, t in zip(chunks, texts, strict=True)]
        unique = list(dict.fromkeys(keys))
        vecs = _embed(self._encoder, [t for _, t in unique], [d for d, _ in unique], self.folder, self._progress,
                      self._chunker.embed_chars)
        self.embedded += len(unique)
        if stored.vectors is not None and vecs.shape[1] != stored.vectors.dim:
            log.warning("model %s now gives dimension %d (index has %d); re-embedding everything",
                        stored.manifest.model, vecs.shape[1], stored.vectors.dim)
            stored.vectors = None
            old = list(stored.chunks)
            stored.vector_ids = [None] * len(old)
            if old:
                self.embedded -= len(unique)  # counted again below
                every = self._embed([*old, *chunks])
                stored.vector_ids = every[: len(old)]
                return every[len(old):]
        manifest = stored.manifest
        if stored.vectors is None:
            stored.vectors = VectorStore(vecs.shape[1], hnsw_threshold=self._hnsw_threshold)
        ids = np.arange(manifest.next_vector_id, manifest.next_vector_id + len(unique), dtype="int64")
        stored.vectors.add(ids, vecs)
        stored.manifest = replace(manifest, next_vector_id=manifest.next_vector_id + len(unique),
                                  dimension=int(vecs.shape[1]))
        vid = {k: int(i) for k, i in zip(unique, ids, strict=True)}
        return [vid[k] for k in keys]

    def _dense_texts(self, chunks: Sequence[Chunk]) -> list[str]:
        return dense_texts(chunks, self._documents, self._chunker.dense_unit)

    def embed_cost(self, positions: Sequence[int]) -> int:
        """Texts the model must read to embed the chunks at ``positions`` (chunks read alike count once)."""
        chunks = [self._stored.chunks[i] for i in positions]
        return len({(c.doc_id, t) for c, t in zip(chunks, self._dense_texts(chunks), strict=True)})

    # ----------------------------------------------------------------- derived tables

    def derived(self, name: str, build: Callable[[], dict]) -> dict:
        """A JSON table another layer computes from the indexed corpus (e.g. word rarities), kept in the
        index folder until the next save, so it is computed once per corpus instead of at every start."""
        key = self._stored.manifest.corpus_fingerprint[:16] or "memory"
        path = self.folder / DERIVED / f"{name}.{key}.json"
        try:
            with open(path, encoding="utf-8") as fh:
                return json.load(fh)
        except (OSError, ValueError):
            pass
        table = build()
        try:
            path.parent.mkdir(exist_ok=True)
            tmp = path.with_name(f".{path.name}.{os.getpid()}.tmp")
            with open(tmp, "w", encoding="utf-8") as fh:
                json.dump(table, fh, ensure_ascii=False, separators=(",", ":"))
            os.replace(tmp, path)
        except OSError as exc:  # read-only folder: computed again next time, nothing lost
            log.info("could not keep %s in %s: %s", name, path.parent, exc)
        return table

    # ----------------------------------------------------------------- save

    def save(self, folder: Path | None = None, *, records: list[str] | None = None) -> bool:
        """Write the folder atomically; False (and a notice) when it is read-only: answers come from memory."""
        folder = Path(folder or self.folder)
        stored = self._stored
        self._lexical()
        if records is not None:
            stored.records = records
        elif stored.records is None:  # loaded and not read: written back as the folder holds them
            stored.records = read_records(self.folder) or []
        now = now_iso()
        stored.manifest = replace(
            stored.manifest,
            corpus_fingerprint=_corpus_fingerprint(self._doc_fps),
            documents=dict(self._doc_fps),
            vector_index=self.vector_index,
            chunks=len(stored.chunks),
            updated_at=now,
            thidua_version=_thidua_version(),
        )
        try:
            save_folder(stored, folder)
        except OSError as exc:
            if exc.errno not in _READ_ONLY:
                raise
            log.warning("index folder %s not writable (%s); answering from memory", folder, exc)
            self.notice = _join(self.notice, (
                f"Không ghi được chỉ mục vào {folder} ({exc.strerror or 'không có quyền ghi'}); "
                "đang trả lời từ bản dựng trong bộ nhớ, kho văn bản hiện tại."))
            self.report = replace(self.report, saved=False, write_error=str(exc.strerror or exc))
            return False
        return True


def _one_document(filters: Filters | None) -> bool:
    """Whether a search reads one document only: its words' rarity is then counted inside it (a word of its
    title that most of its clauses repeat says nothing there about which clause answers)."""
    return filters is not None and len(set(filters.doc_ids)) == 1


def _join(a: str | None, b: str | None) -> str | None:
    return f"{a} {b}" if a and b else (a or b)


def _load_existing(index_dir: Path, embedding_model: str, chunker: ChunkerSettings, hnsw_threshold: int,
                   auto_rebuild: bool) -> tuple[StoredIndex | None, str | None]:
    """The stored index to refresh, or None and (when it was there but unusable) the reason in Vietnamese."""
    try:
        stored = load_folder(index_dir, embedding_model=embedding_model, hnsw_threshold=hnsw_threshold)
    except FileNotFoundError:
        return None, None
    except IndexDamagedError as exc:
        if not auto_rebuild:
            raise IndexDamagedError(str(exc).replace("; đã xây dựng lại.", ". ") +
                                    "Chạy `thidua index --rebuild` để xây dựng lại.") from None
        log.warning("rebuilding the index: %s", exc)
        return None, str(exc)
    except IndexFormatError as exc:
        if not auto_rebuild:
            raise
        log.warning("rebuilding the index: %s", exc)
        return None, exc.rebuilt_line()
    except IndexMismatchError as exc:
        if not auto_rebuild:
            raise
        log.warning("rebuilding the index: %s", exc)
        return None, None
    except Exception as exc:  # unreadable or corrupt: rebuilding is always safe
        log.warning("index at %s unreadable (%s: %s); rebuilding", index_dir, type(exc).__name__, exc)
        return None, f"Chỉ mục tại {index_dir} không đọc được ({type(exc).__name__}); đã xây dựng lại."
    if _only_passage_differs(stored.manifest.chunker, chunker):
        return _reembed(stored, index_dir, chunker)
    if stored.manifest.chunker != chunker.to_dict():
        log.info("chunker settings changed; re-chunking every document")
        old = stored.manifest.chunker.get("version")
        if old != chunker.version:  # what is indexed changed (not a setting someone chose): say so
            return None, (f"Chỉ mục tại {index_dir} cắt văn bản theo cách cũ (phiên bản {old}, phiên bản này "
                          f"của thidua dùng {chunker.version}); đã xây dựng lại.")
        return None, None
    return stored, None


def _passage_of(recorded: Mapping[str, int | str]) -> int:
    return int(recorded.get("passage", 1))  # folders built before the setting embedded version 1


def _unit_of(recorded: Mapping[str, int | str]) -> str:
    return str(recorded.get("dense_unit", "chunk"))  # folders built before the setting read whole chunks


#: settings that change only what the model reads of a chunk: the chunks and BM25 stay, vectors are redone
_VECTOR_ONLY = ("passage", "dense_unit")


def _only_passage_differs(recorded: Mapping[str, int | str], chunker: ChunkerSettings) -> bool:
    """Whether the folder's chunks are what this chunker makes and only what the model reads of them changed."""
    wanted = chunker.to_dict()
    keys = (set(recorded) | set(wanted)) - set(_VECTOR_ONLY)
    return ((_passage_of(recorded) != chunker.passage or _unit_of(recorded) != chunker.dense_unit)
            and all(recorded.get(k) == wanted.get(k) for k in keys))


def _reembed(stored: StoredIndex, index_dir: Path, chunker: ChunkerSettings) -> tuple[StoredIndex, str | None]:
    """Keep the chunks and BM25 of a folder embedded with another passage version or unit; drop its vectors
    (the documents' chunks are embedded again, or left to `thidua index` past the embedding limit)."""
    old, old_unit = _passage_of(stored.manifest.chunker), _unit_of(stored.manifest.chunker)
    stored.manifest = replace(stored.manifest, chunker=chunker.to_dict())
    if stored.vectors is None or not any(v is not None for v in stored.vector_ids):
        return stored, None  # nothing was embedded: a BM25 index stays as it is
    log.info("passage %s/%s -> %s/%s: re-embedding every chunk", old, old_unit, chunker.passage, chunker.dense_unit)
    stored.vectors = None
    stored.vector_ids = [None] * len(stored.chunks)
    stored.manifest = replace(stored.manifest, dimension=None)
    if old_unit != chunker.dense_unit:
        units = {"chunk": "từng đoạn", "heading": "tiêu đề các điều khoản"}
        return stored, (f"Chỉ mục tại {index_dir} nhúng {units.get(old_unit, old_unit)}, cấu hình nay nhúng "
                        f"{units[chunker.dense_unit]}; sẽ nhúng lại, tìm kiếm từ khóa giữ nguyên.")
    return stored, (f"Chỉ mục tại {index_dir} nhúng đoạn văn theo cách cũ (phiên bản {old}, phiên bản này "
                    f"của thidua dùng {chunker.passage}); các đoạn sẽ được nhúng lại, tìm kiếm từ khóa giữ nguyên.")


def open_index(
    corpus: Corpus,
    index_dir: Path,
    *,
    embedding_model: str,
    retriever: str = "hybrid",
    reranker: str | None = None,
    device: str = "cpu",
    batch_size: int = 16,
    progress: bool = False,
    rebuild: bool = False,
    auto_rebuild: bool = True,
    hnsw_threshold: int = DEFAULT_HNSW_THRESHOLD,
    fingerprints: Mapping[str, str] | None = None,
    records: list[str] | None = None,
    facts: Mapping[str, str] | None = None,
    fallback_model: str | None = None,
    fusion: FusionTuning | None = None,
    embed_limit: int | None = None,
    chunker: ChunkerSettings | None = None,
) -> Index:
    """Load, refresh or build the index of ``corpus`` in ``index_dir``.

    Only chunks of added or changed documents are tokenised and embedded;
    removed documents' chunks are dropped.  ``rebuild`` forces a fresh build;
    with ``auto_rebuild=False`` an index built with another model or format,
    or a damaged one, raises IndexMismatchError instead of being rebuilt.
    ``fingerprints`` (doc_id -> fingerprint of its parse) and ``records`` (the
    parsed library's lines, stored with the index) come from
    ``corpus.loader.load_library``, with ``facts`` (doc_id -> facts line) of the documents parsed
    now; without them they are derived from ``corpus``.  When ``embedding_model``
    cannot be loaded, ``fallback_model`` (the bundled one) is tried before
    BM25 alone; the model actually used is the one the manifest records.
    With ``embed_limit``, more chunks than that to embed are left for
    ``thidua index`` (BM25 meanwhile, said in one line): a first chat on a
    large library must not wait an hour.
    """
    if retriever not in RETRIEVERS:
        raise ValueError(f"unknown retriever {retriever!r}; choose one of {', '.join(RETRIEVERS)}")
    t0 = time.perf_counter()
    index_dir = Path(index_dir)
    chunker = chunker or ChunkerSettings()  # recorded in the manifest: a different one re-chunks and re-embeds
    encoder, notice = (None, None)
    if retriever != "bm25":
        encoder, notice = load_encoder(embedding_model, fallback=fallback_model, device=device,
                                       batch_size=batch_size)
    embedding_model = _effective_model(index_dir, encoder, embedding_model, fallback_model)
    stored, reason = (None, None) if rebuild else _load_existing(
        index_dir, embedding_model, chunker, hnsw_threshold, auto_rebuild)
    rerank_model = None
    if reranker:
        rerank_model, rerank_notice = load_reranker(reranker, device=device, batch_size=batch_size)
        notice = _join(notice, rerank_notice)
    notice = _join(reason, notice)

    doc_fps = {d.doc_id: (fingerprints or {}).get(d.doc_id) or _doc_fingerprint(d) for d in corpus}
    lexicon = lexicon_version()
    if stored is not None and (stored.manifest.tokenizer != TOKENIZER_VERSION or stored.manifest.lexicon != lexicon):
        log.info("tokenizer or lexicon changed; re-tokenising every chunk")
        stored.tokens = None
        stored.bm25 = None
    if stored is None:
        now = now_iso()
        manifest = Manifest(
            format=FORMAT_VERSION, model=embedding_model, dimension=None, chunker=chunker.to_dict(),
            tokenizer=TOKENIZER_VERSION, corpus_fingerprint="", documents={}, next_vector_id=0,
            vector_index=None, chunks=0, built_at=now, updated_at=now, thidua_version=_thidua_version(),
            lexicon=lexicon,
        )
        stored = StoredIndex(manifest, [], [], None, None)
    old_fps = dict(stored.manifest.documents)
    added = tuple(d for d in doc_fps if d not in old_fps)
    changed = tuple(d for d in doc_fps if d in old_fps and old_fps[d] != doc_fps[d])
    removed = tuple(d for d in old_fps if d not in doc_fps)
    fresh = not old_fps
    records_differ = records is not None and (
        records != stored.records if stored.records is not None
        else records_digest(records) != stored.manifest.files.get(DOCUMENTS, {}).get("sha256"))
    if not fresh and (added or changed or removed):
        stored.tokens = stored.tokens or read_tokens(index_dir)
    if not fresh and (added or changed or removed or records_differ):
        stored.facts = read_facts_lines(index_dir)  # carried over for the documents that stay
    stored.manifest = replace(stored.manifest, tokenizer=TOKENIZER_VERSION, lexicon=lexicon)

    index = Index(stored, retriever=retriever, notice=notice, encoder=None, reranker=rerank_model,
                  folder=index_dir, report=BuildReport(0, 0, (), (), (), 0, True, False, 0.0),
                  chunker=chunker, hnsw_threshold=hnsw_threshold, progress=progress, fusion=fusion)
    index.remove([*changed, *removed])
    by_id = {d.doc_id: d for d in corpus}
    index._documents.update(by_id)
    index.add([by_id[d] for d in (*added, *changed)], fingerprints=doc_fps, facts=facts)  # chunks, tokens
    missing = [i for i, v in enumerate(stored.vector_ids) if v is None]
    cost = index.embed_cost(missing) if encoder is not None and embed_limit is not None else 0
    if encoder is not None and embed_limit is not None and cost > embed_limit:
        log.info("%d texts to embed > limit %d: deferred to `thidua index`", cost, embed_limit)
        index.notice = _join(index.notice, (
            f"Còn {len(missing)}/{len(stored.chunks)} đoạn chưa được nhúng bằng mô hình '{encoder.model_id}', "
            "tạm dùng tìm kiếm từ khóa BM25; chạy `thidua index` để nhúng hết (dừng giữa chừng vẫn giữ "
            "phần đã nhúng), sau đó tìm kiếm kết hợp tự bật."))
        encoder = None
    index._encoder = encoder
    index._refresh()
    if encoder is not None and missing:  # a bm25-only index opened with a model: embed what has no vector
        vids = index._embed([stored.chunks[i] for i in missing])
        for i, v in zip(missing, vids, strict=True):
            stored.vector_ids[i] = v
        index._refresh()
    embedded = index.embedded
    if stored.bm25 is None and stored.chunks:
        index._bm25_stale = True
    content_changed = bool(added or changed or removed) or fresh
    dirty = content_changed or embedded > 0 or index._bm25_stale or records_differ
    if records is None:
        from corpus.persist import ParsedRecord

        if dirty:
            records = [ParsedRecord.of_directive(("", 0, 0, -1, -1), d).to_json() for d in corpus]
    saved = index.save(records=records) if dirty else False
    if embedded:
        clear_checkpoints(index_dir)
    index.report = replace(
        index.report, documents=len(doc_fps), chunks=index.count(), added=added if not fresh else tuple(doc_fps),
        changed=changed, removed=removed, embedded=embedded, rebuilt=fresh, saved=saved,
        seconds=time.perf_counter() - t0, reason=reason,
    )
    log.info("index %s: %s", index_dir, index.report)
    return index


def _effective_model(index_dir: Path, encoder: Encoder | None, configured: str, fallback: str | None) -> str:
    """The model id the index is (or will be) built with: the loaded one; without one, keep what the
    folder already holds if it is in the chain (a BM25-only open must not throw its vectors away)."""
    if encoder is not None:
        return encoder.model_id
    try:
        stored = read_manifest(index_dir).model
    except Exception:
        return configured
    return stored if stored in (configured, fallback) else configured


def _embed(encoder: Encoder, texts: list[str], groups: list[str], index_dir: Path, progress: bool,
           embed_chars: int = 0) -> np.ndarray:
    """Batched, checkpointed embedding (index.embedding); interrupted work resumes on the next build."""
    result = embed_chunks(encoder, [passage_text(t, embed_chars) for t in texts], groups,
                          checkpoints=checkpoint_folder(index_dir), progress=progress)
    return result.vectors
