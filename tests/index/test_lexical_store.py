"""BM25 read back from the index folder without bm25s: the same scores, bit for bit, and a lighter start."""

from __future__ import annotations

import subprocess
import sys

import numpy as np

from index import open_index
from index.bm25 import LexicalIndex
from tests.index.factory import make_corpus, make_directive

_QUERIES = ["Tỷ lệ hộ nghèo năm 2024?", "ty le ho ngheo", "UBND tỉnh báo cáo", "hoà bình hòa bình", "GRDP 7,5%",
            "qwxz"]


def _corpus():
    return make_corpus(make_directive("a"), make_directive("b", province="Lai Châu", year=2023))


def test_scores_read_back_equal_the_scores_built(tmp_path) -> None:
    built = open_index(_corpus(), tmp_path / "ix", embedding_model="m", retriever="bm25")
    lexical = LexicalIndex.load(tmp_path / "ix" / "bm25", built.count())
    fresh = LexicalIndex.from_tokens(built._tokens())
    for q in _QUERIES:
        assert np.array_equal(lexical.scores(q), fresh.scores(q))
        assert lexical.scores(q).dtype == np.float32
    assert not lexical.scores(_QUERIES[-1]).any()


def test_a_loaded_bm25_index_saved_again_gives_the_same_scores(tmp_path) -> None:
    ix = open_index(_corpus(), tmp_path / "ix", embedding_model="m", retriever="bm25")
    loaded = LexicalIndex.load(tmp_path / "ix" / "bm25", ix.count())
    loaded.save(tmp_path / "copy")
    again = LexicalIndex.load(tmp_path / "copy", ix.count())
    for q in _QUERIES:
        assert np.array_equal(again.scores(q), loaded.scores(q))


_START = """
import sys
from pathlib import Path
from index import open_index
from tests.index.factory import make_corpus, make_directive
ix = open_index(make_corpus(make_directive("a"), make_directive("b", province="Lai Châu", year=2023)),
                Path(sys.argv[1]), embedding_model="m", retriever="bm25")
hits = ix.search("tỷ lệ hộ nghèo", k=3)
print(ix.report.saved, hits[0].chunk.clause_id, sorted(m for m in ("bm25s", "scipy", "faiss") if m in sys.modules))
"""


def test_searching_a_stored_index_imports_neither_bm25s_nor_scipy(tmp_path) -> None:
    import os

    env = {**os.environ, "PYTHONHASHSEED": "0"}  # the factory's fingerprints hash the text: same in both runs

    def start() -> list[str]:
        return subprocess.run([sys.executable, "-c", _START, str(tmp_path / "ix")], capture_output=True, text=True,
                              check=True, env=env).stdout.split()

    built = start()
    assert built[0] == "True" and built[2] == "[]"  # the build computes bm25s's matrix itself
    assert start() == ["False", built[1], "[]"]  # a start from the folder: same top hit, neither imported


def test_the_matrix_built_here_is_the_one_bm25s_builds_bit_for_bit(tmp_path) -> None:
    """Same vocabulary, same non-zeros, same float32 scores as ``bm25s.BM25().index`` (whose column order is
    arbitrary: the set order of the words), so a search ranks and scores every chunk as before."""
    import bm25s

    from index import tokenize_vi
    from index.bm25 import tokenize_texts

    ix = open_index(_corpus(), tmp_path / "ix", embedding_model="m", retriever="bm25")
    texts = [c.embed_text for c in ix.chunks]
    tokens = tokenize_texts([*texts, "", "và"]).to_lists()  # with empty documents (a stopword-only chunk)
    model = bm25s.BM25()
    model.index([t or ["\u2205"] for t in tokens], show_progress=False)
    ours = LexicalIndex.from_tokens(tokens)
    theirs, mine = model.vocab_dict, ours._vocab
    assert set(theirs) == set(mine) and theirs[""] == len(theirs) - 1 and mine[""] == len(mine) - 1
    ptr, idx, data = (model.scores[k] for k in ("indptr", "indices", "data"))
    for word, j in theirs.items():
        if word:
            i = mine[word]
            a, b = slice(ptr[j], ptr[j + 1]), slice(ours._indptr[i], ours._indptr[i + 1])
            assert np.array_equal(idx[a], ours._indices[b])
            assert data[a].tobytes() == ours._data[b].tobytes()
    for q in _QUERIES[:-1]:
        expected = model.get_scores([t for t in tokenize_vi(q) if t in theirs and t])
        assert ours.scores(q).tobytes() == np.asarray(expected, dtype=np.float32).tobytes()


def test_inside_one_document_its_common_words_weigh_less() -> None:
    """Searched inside document A, whose every chunk says "halal", the chunk that also says "2026" comes
    first; library-wide "halal" is rare and the chunk repeating it most wins.  A word rarer inside than
    library-wide ("2026", in half of the other chunks) keeps its library weight, no more."""
    texts = ["halal halal halal halal", "halal nguyên liệu", "halal áp dụng từ năm 2026", "halal nhãn",
             *[f"tỷ lệ hộ nghèo năm 2026 mục {i}" for i in range(200)], *[f"ngân sách tỉnh mục {i}" for i in range(200)]]
    lexical = LexicalIndex.build(texts)
    in_a = np.zeros(len(texts), dtype=bool)
    in_a[:4] = True
    query = "halal 2026"
    assert lexical.top(query, 1, in_a)[0][0] == 0  # library-wide rarity: the chunk saying "halal" four times
    assert lexical.top(query, 1, in_a, local_idf=1.0)[0][0] == 2
    library, half, full = lexical.scores(query), lexical.scores(query, in_a, 0.5), lexical.scores(query, in_a, 1.0)
    assert full[0] < half[0] < library[0]  # the title word weighs less the further rarity is counted inside
    assert lexical.scores("2026", in_a, 1.0)[2] == lexical.scores("2026")[2]  # "2026" keeps its library weight
    assert np.array_equal(lexical.scores(query, None, 1.0), library)  # no document: nothing is rescaled
