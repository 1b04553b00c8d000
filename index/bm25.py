"""Lexical retrieval: bm25s over the Vietnamese analyser in ``index.tokenize``.

The BM25 matrix is rebuilt whole whenever the chunk list changes (documents
are numbered by their position in that list), but from stored tokens: only
the chunks of an added or changed document are tokenised again.

bm25s builds and saves the matrix (its eager scores as CSC arrays).  A start only
reads it back: the arrays and the vocabulary are loaded with numpy and json and a
query's columns are summed as bm25s sums them (``np.add.at`` per query token, in
token order, in the index's float type), so scores are bit for bit bm25s's while a
question does not import bm25s and scipy (0.15 s of a cold ``thidua ask``).
"""

from __future__ import annotations

import io
import json
import logging
import math
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import Any

import numpy as np

from index.tokenize import tokenize_vi
from index.tokens import TokenTable

__all__ = ["LexicalIndex", "tokenize_texts"]

log = logging.getLogger(__name__)


_EMPTY = "\u2205"


_POOL_FROM = 2000  # texts from which tokenising is spread over the CPU cores (a library's first build)
_BATCH = 500


def _tokenize_batch(texts: list[str]) -> TokenTable:
    """One batch's tokens as arrays: the worker sends its distinct words once and one int per token."""
    return TokenTable.from_lists([tokenize_vi(text) for text in texts])


def tokenize_texts(texts: list[str], progress: Callable[[int], None] | None = None) -> TokenTable:
    """BM25 tokens of each text; ``progress(n)`` as they are done (the slow part of a build)."""
    from corpus.workers import cpu_workers, process_pool

    batches = [texts[i : i + _BATCH] for i in range(0, len(texts), _BATCH)]
    workers = cpu_workers()
    if len(texts) >= _POOL_FROM and workers > 1:
        with process_pool(workers, fresh=True) as pool:
            return _joined(pool.map(_tokenize_batch, batches), progress)
    return _joined(map(_tokenize_batch, batches), progress)


def _joined(batches: Iterable[TokenTable], progress: Callable[[int], None] | None) -> TokenTable:
    """The batches' tables as one, in order (only their distinct words are renumbered)."""
    out: list[TokenTable] = []
    for batch in batches:
        out.append(batch)
        if progress is not None:
            progress(len(batch))
    return TokenTable.concat(out)


_PARAMS = "params.index.json"
_VOCAB = "vocab.index.json"
_ARRAYS = {"data": "data.csc.index.npy", "indices": "indices.csc.index.npy", "indptr": "indptr.csc.index.npy"}
_PLAIN_METHODS = {"robertson", "lucene", "atire"}  # no non-occurrence array: a score is the sum of the columns


def _bm25s() -> Any:
    import bm25s

    # bm25s forces its own logger to DEBUG, which would print "Building index…" to users.
    logging.getLogger("bm25s").setLevel(logging.WARNING)
    return bm25s


def _npy(data: bytes) -> np.ndarray:
    """A saved ``.npy`` array as a read-only view of its bytes (no copy: a library's matrix is 50 MB)."""
    from numpy.lib import format as npy

    stream = io.BytesIO(data)
    version = npy.read_magic(stream)
    shape, fortran, dtype = (npy.read_array_header_1_0 if version == (1, 0) else npy.read_array_header_2_0)(stream)
    if fortran or len(shape) != 1 or dtype.hasobject:
        raise ValueError("not a flat numeric array")
    return np.frombuffer(data, dtype=dtype, count=shape[0], offset=stream.tell())


# bm25s's defaults, which every index so far was built with: Lucene's BM25 in float32
_K1, _B, _DELTA = 1.5, 0.75, 0.5


def _params(num_docs: int) -> bytes:
    """``params.index.json`` as bm25s writes it, so a folder stays readable by bm25s itself."""
    try:
        from importlib.metadata import version

        bm25s_version = version("bm25s")
    except Exception:  # not installed: the version is only informative
        bm25s_version = "unknown"
    params = {"k1": _K1, "b": _B, "delta": _DELTA, "method": "lucene", "idf_method": "lucene", "dtype": "float32",
              "int_dtype": "int32", "num_docs": num_docs, "version": bm25s_version, "backend": "numpy"}
    return json.dumps(params, indent=4).encode("utf-8")


def _lucene(table: TokenTable) -> tuple[dict[str, int], dict[str, np.ndarray]]:
    """The vocabulary and CSC arrays bm25s's ``BM25().index`` gives for these tokens, bit for bit, from arrays.

    bm25s counts every document in Python (4-5 s for a library); here the same float operations run on
    whole arrays: idf with ``math.log`` per word in float64 then float32, the length norm
    ``k1 * ((1 - b) + b * l_d / l_avg)`` in float64, ``tf / (norm + tf)`` in float64, times the float32 idf,
    stored as float32.  An empty document gets bm25s's placeholder token, as it did there.
    """
    if (table.lengths() == 0).any():
        table = TokenTable.from_lists([row or [_EMPTY] for row in table.to_lists()])
    table = table.compact()
    n_docs, n_words = len(table), len(table.words)
    lengths = table.lengths()
    pairs = table.ids.astype("int64")
    pairs *= n_docs
    pairs += np.repeat(np.arange(n_docs, dtype="int64"), lengths)
    pairs, tf = np.unique(pairs, return_counts=True)  # (word, document) pairs by word, then document
    col, row = np.divmod(pairs, n_docs)
    df = np.bincount(col, minlength=n_words)
    idf = np.zeros(n_words, dtype="float32")
    idf[:] = [math.log(1 + (n_docs - d + 0.5) / (d + 0.5)) if d else 0.0 for d in df.tolist()]
    avg = lengths.mean()
    norm = _K1 * ((1 - _B) + _B * lengths / avg)
    tf32 = tf.astype("float32")
    data = (idf[col] * (tf32 / (norm[row] + tf32))).astype("float32")
    indptr = np.zeros(n_words + 1, dtype="int64")
    np.cumsum(df, out=indptr[1:])
    vocab = {w: i for i, w in enumerate(table.words)}
    vocab.setdefault("", n_words)  # bm25s's empty token, last and without a column
    return vocab, {"data": data, "indices": row.astype("int32"), "indptr": indptr}


class LexicalIndex:
    """BM25 scores for every chunk position, with an optional candidate mask."""

    def __init__(self, vocab: dict[str, int], arrays: dict[str, np.ndarray], size: int, *, dtype: str = "float32",
                 model: Any = None, params: bytes | None = None) -> None:
        self._vocab = vocab
        self._data, self._indices, self._indptr = arrays["data"], arrays["indices"], arrays["indptr"]
        self._dtype = np.dtype(dtype)
        self._model = model  # the bm25s model when built here (it saves itself)
        self._params = params  # when loaded: the parameters file, written back as it was
        self.size = size
        #: whether the stored scores carry Lucene's idf (every index this package builds): a local one can replace it
        self._lucene_idf = model is None and (params is None or json.loads(params).get("idf_method", "lucene") == "lucene")

    @classmethod
    def build(cls, texts: list[str]) -> LexicalIndex:
        return cls.from_tokens(tokenize_texts(texts))

    @classmethod
    def from_tokens(cls, tokens: TokenTable | Sequence[Sequence[str]]) -> LexicalIndex:
        """The index over already tokenised chunks (see ``tokenize_texts``): bm25s's matrix, computed here."""
        table = tokens if isinstance(tokens, TokenTable) else TokenTable.from_lists(tokens)
        if not len(table):
            empty = np.zeros(0, dtype="int32")
            return cls({}, {"data": np.zeros(0, dtype="float32"), "indices": empty, "indptr": empty}, 0,
                       params=_params(0))
        vocab, arrays = _lucene(table)
        return cls(vocab, arrays, len(table), params=_params(len(table)))

    @classmethod
    def _of_model(cls, model: Any, size: int) -> LexicalIndex:
        arrays = {k: model.scores[k] for k in _ARRAYS}
        return cls(model.vocab_dict, arrays, size, dtype=model.dtype, model=model)

    def scores(self, query: str, within: np.ndarray | None = None, local_idf: float = 0.0) -> np.ndarray:
        """BM25 score of each chunk position (zeros when no query token is known).

        ``within`` (a boolean mask): the chunks searched; with ``local_idf`` > 0 a word common among them
        weighs less, as BM25 over that part alone would weigh it (``_local_share``)."""
        if self.size == 0:
            return np.zeros(0, dtype="float32")
        vocab = self._vocab
        last = len(self._indptr) - 1  # bm25s keeps the empty token last, without a column
        ids = [vocab[t] for t in tokenize_vi(query) if t in vocab and vocab[t] < last]
        if not ids:
            return np.zeros(self.size, dtype="float32")
        scores = np.zeros(self.size, dtype=self._dtype)
        local = local_idf > 0 and within is not None and self._lucene_idf and int(within.sum()) < self.size
        for t in ids:  # bm25s's own sum: column by column, in query order, in the index's float type
            start, end = self._indptr[t], self._indptr[t + 1]
            rows, data = self._indices[start:end], self._data[start:end]
            if local:
                data = data * self._local_share(rows, within, local_idf)
            np.add.at(scores, rows, data)
        return np.asarray(scores, dtype="float32")

    def _local_share(self, rows: np.ndarray, within: np.ndarray, power: float) -> np.float32:
        """The share of its stored weight a word keeps among the searched chunks: its Lucene idf among them over
        its idf in the whole index, at most 1, to the power ``power`` (1: rarity counted there alone; 0.5 halfway
        on a log scale).  Inside one document the words of its title, which most of its clauses repeat, say
        little about which clause answers; library-wide they are rare and would decide.  A word rarer there than
        library-wide keeps its weight: a clause's distinctive words are not boosted past what BM25 gives them."""
        n_all, df_all = self.size, len(rows)
        n, df = int(within.sum()), int(within[rows].sum())
        if not df:
            return np.float32(1.0)
        stored = math.log(1 + (n_all - df_all + 0.5) / (df_all + 0.5))
        here = math.log(1 + (n - df + 0.5) / (df + 0.5))
        return np.float32(min(1.0, here / stored) ** power) if stored > 0 else np.float32(1.0)


    def coverage(self, query: str, position: int) -> float:
        """The share of the query's word weight (idf; a word no chunk has weighs most) found in one chunk.

        A best hit that holds only a small share of the question's rare words is weak evidence: the question
        says its subject in other words (a paraphrase) and BM25 ranks on the common ones."""
        words = list(dict.fromkeys(tokenize_vi(query)))
        if not words or self.size == 0:
            return 0.0
        last = len(self._indptr) - 1
        total = found = 0.0
        for w in words:
            t = self._vocab.get(w)
            known = t is not None and t < last
            start, end = (int(self._indptr[t]), int(self._indptr[t + 1])) if known else (0, 0)
            weight = math.log(1 + (self.size - (end - start) + 0.5) / (end - start + 0.5))
            total += weight
            if known and bool((self._indices[start:end] == position).any()):
                found += weight
        return found / total if total > 0 else 0.0

    def frequencies(self) -> Iterator[tuple[str, int]]:
        """Every indexed token with the number of chunks containing it (what accent restoration reads)."""
        counts = np.diff(self._indptr)
        n = len(counts)
        for word, i in self._vocab.items():
            if i < n:
                yield word, int(counts[i])

    def top(self, query: str, k: int, allowed: np.ndarray | None = None, *,
            local_idf: float = 0.0) -> list[tuple[int, float]]:
        """Best ``k`` (position, score) pairs with a positive score; ``allowed`` is a boolean mask; ``local_idf``:
        how far rarity is counted among the allowed chunks (``scores``)."""
        scores = self.scores(query, allowed, local_idf)
        if allowed is not None:
            scores = np.where(allowed, scores, 0.0)
        positive = np.flatnonzero(scores > 0)
        if len(positive) == 0 or k <= 0:
            return []
        if len(positive) > k:
            part = np.argpartition(-scores[positive], k - 1)[:k]
            positive = positive[part]
        order = positive[np.argsort(-scores[positive], kind="stable")]
        return [(int(i), float(scores[i])) for i in order]

    def save(self, folder: Path) -> None:
        if self._model is not None:
            self._model.save(str(folder), show_progress=False)
            return
        folder.mkdir(parents=True, exist_ok=True)
        (folder / _PARAMS).write_bytes(self._params or b"{}")
        with open(folder / _VOCAB, "w", encoding="utf-8") as fh:
            json.dump(self._vocab, fh)
        for key, name in _ARRAYS.items():
            np.save(folder / name, getattr(self, f"_{key}"))

    @classmethod
    def load(cls, folder: Path, size: int, files: Mapping[str, bytes] | None = None) -> LexicalIndex:
        """The saved index; ``files`` (name -> bytes) when the caller has read and checked them already.

        A folder bm25s wrote for another scoring method (with a non-occurrence array) is loaded by bm25s."""
        files = dict(files or {})

        def read(name: str) -> bytes:
            if name not in files:
                files[name] = (folder / name).read_bytes()
            return files[name]

        params = json.loads(read(_PARAMS))
        plain = {_PARAMS, _VOCAB, *_ARRAYS.values()}
        if params.get("method") not in _PLAIN_METHODS or {p.name for p in folder.iterdir()} - plain:
            model = _bm25s().BM25.load(str(folder), show_progress=False)
            return cls._of_model(model, size)
        arrays = {k: _npy(read(name)) for k, name in _ARRAYS.items()}
        vocab = json.loads(read(_VOCAB))
        indptr = arrays["indptr"]
        if (params.get("num_docs", size) != size or len(indptr) < len(vocab) or not len(indptr)
                or indptr[-1] != len(arrays["data"]) or len(arrays["data"]) != len(arrays["indices"])):
            raise ValueError(f"the BM25 index in {folder} does not fit {size} chunks")
        return cls(vocab, arrays, size, dtype=params.get("dtype", "float32"), params=read(_PARAMS))
