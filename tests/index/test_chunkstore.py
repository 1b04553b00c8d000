"""The chunk store (chunks.json + chunks.txt): what is read back is what was indexed, and a loaded index
searches, filters, adds and removes exactly as a freshly built one."""

from __future__ import annotations

import pytest

from index import Chunk, Filters, open_index
from index.chunkstore import ChunkTable, decode_chunks, encode_chunks
from index.filtering import filter_mask
from tests.index.factory import make_corpus, make_directive

_QUESTIONS = ["Tỷ lệ hộ nghèo năm 2024?", "uy ban mat tran to quoc", "Hội đồng TĐKT tỉnh báo cáo", "GRDP 7,5%"]


def _chunks() -> list[Chunk]:
    return [
        Chunk("a:1", "a", "a:1", "Điều 6, khoản 3, điểm a", "Tỷ lệ hộ nghèo là 11,41%.",
              "Chỉ thị 01/CT-UBND — Điều 6\nTỷ lệ hộ nghèo là 11,41%.", 10, 35, "Sơn La", 2024, "Chỉ thị", "01/CT-UBND"),
        Chunk("a:2#p1", "a", "a:2", "mục 2", "Uỷ ban\nMặt trận", "a header that does not end with the text", 40, 55,
              "Sơn La", 2024, "Chỉ thị", "01/CT-UBND"),
        Chunk("b:MD", "b", "b:MD", "phần mở đầu", "", "", 0, 0, None, None, None, None),
        Chunk("c:1", "c", "c:1", "Phụ lục II", "Mẫu số 01 😀", "Luật\nMẫu số 01 😀", 3, 13, None, 2019, "Luật", "45/2019/QH14"),
    ]


def test_chunks_read_back_equal_the_chunks_written() -> None:
    chunks = _chunks()
    meta, blob = encode_chunks(chunks, [7, None, 3, None])
    table, vids = decode_chunks(meta, blob)
    assert isinstance(table, ChunkTable) and len(table) == 4
    assert list(table) == chunks and table[-1] == chunks[-1] and table[1:3] == chunks[1:3]
    assert vids == [7, None, 3, None]
    assert "Tỷ lệ hộ nghèo" in blob.decode("utf-8")  # readable UTF-8, not escaped
    with pytest.raises(IndexError):
        table[4]


@pytest.mark.parametrize("filters", [
    Filters(provinces=("son la",)), Filters(years=(2019,)), Filters(doc_types=("luat",)),
    Filters(doc_ids=("A",), years=(2024,)), Filters(provinces=("Lai Châu",)),
])
def test_filters_on_a_loaded_table_keep_the_same_chunks(filters) -> None:
    chunks = _chunks()
    table, _ = decode_chunks(*encode_chunks(chunks, [None] * 4))
    assert filter_mask(table, filters).tolist() == filter_mask(chunks, filters).tolist()


@pytest.mark.parametrize("damage", ["offsets", "count", "group"])
def test_a_table_that_does_not_fit_its_texts_is_refused(damage) -> None:
    import json

    meta, blob = encode_chunks(_chunks(), [None] * 4)
    data = json.loads(meta)
    if damage == "offsets":
        blob = blob[:-3]
    elif damage == "count":
        data["count"] = 5
    else:
        data["columns"]["group"][0] = 99
    with pytest.raises(ValueError):
        decode_chunks(json.dumps(data).encode("utf-8"), blob)


def test_a_loaded_index_answers_as_the_freshly_built_one(tmp_path) -> None:
    corpus = make_corpus(make_directive("a"), make_directive("b", province="Lai Châu", year=2023),
                         make_directive("c", province=None, doc_type="Luật", number="45/2019/QH14"))
    built = open_index(corpus, tmp_path / "ix", embedding_model="m", retriever="bm25")
    loaded = open_index(corpus, tmp_path / "ix", embedding_model="m", retriever="bm25")
    assert not loaded.report.saved and isinstance(loaded.chunks, ChunkTable)
    assert list(loaded.chunks) == list(built.chunks)
    for q in _QUESTIONS:
        for f in (None, Filters(provinces=("Lai Chau",)), Filters(doc_ids=("c",)), Filters(doc_types=("luật",))):
            assert loaded.search(q, k=10, filters=f) == built.search(q, k=10, filters=f)


def test_a_loaded_index_adds_and_removes_documents(tmp_path) -> None:
    open_index(make_corpus(make_directive("a"), make_directive("b")), tmp_path / "ix", embedding_model="m",
               retriever="bm25")
    idx = open_index(make_corpus(make_directive("a"), make_directive("b")), tmp_path / "ix", embedding_model="m",
                     retriever="bm25")
    assert idx.remove(["a"]) > 0 and idx.doc_ids() == {"b"}
    assert idx.add([make_directive("d", province="Hà Nam")]) > 0
    assert {h.chunk.doc_id for h in idx.search("hộ nghèo", k=20)} == {"b", "d"}
    assert [h.chunk.doc_id for h in idx.search("hộ nghèo", k=20, filters=Filters(provinces=("ha nam",)))][:1] == ["d"]
    assert idx.save()
    again = open_index(make_corpus(make_directive("b"), make_directive("d", province="Hà Nam")), tmp_path / "ix",
                       embedding_model="m", retriever="bm25")
    assert not again.report.saved and list(again.chunks) == list(idx.chunks)
