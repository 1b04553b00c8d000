"""The parsed library and facts kept in the index folder; per-document add/remove (issue 10, items 3-5)."""

from __future__ import annotations

import os
import shutil

import pytest

import corpus.loader as loader
import index.bm25 as bm25
from bot.library import StoredFacts, load_settings_library, open_settings_index
from bot.settings import Settings, bundled_corpus_dir
from index import open_index
from index.backend import IndexBackend
from index.engine import Index
from tests.index.factory import make_corpus, make_directive


@pytest.fixture
def library(tmp_path):
    folder = tmp_path / "docs"
    shutil.copytree(bundled_corpus_dir(), folder)
    return folder


def _settings(tmp_path, corpus_dir) -> Settings:
    return Settings(corpus_dir=corpus_dir, index_dir=tmp_path / "index", retriever="bm25")


@pytest.fixture
def count_parsed(monkeypatch):
    """Names of the files the loader reads and parses."""
    seen: list[str] = []
    real = loader.read_directive

    def counting(path, **kw):
        seen.append(path.name)
        return real(path, **kw)

    monkeypatch.setattr(loader, "read_directive", counting)
    return seen


def _build(settings: Settings):
    return open_settings_index(load_settings_library(settings), settings)


def test_a_start_over_an_unchanged_library_reads_no_file(tmp_path, library, count_parsed) -> None:
    settings = _settings(tmp_path, library)
    first = _build(settings)
    assert len(count_parsed) == 5 and first.report.saved
    count_parsed.clear()
    again = load_settings_library(settings)
    assert count_parsed == [] and len(again.corpus) == 5
    assert again.corpus.get("son-la-2024").clause("Phụ lục, mục 12") is not None  # clause tree restored


def test_a_changed_file_is_parsed_again_alone(tmp_path, library, count_parsed) -> None:
    settings = _settings(tmp_path, library)
    _build(settings)
    count_parsed.clear()
    path = library / "lai-chau-2023.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\nGhi chú thêm.\n", encoding="utf-8")
    lib = load_settings_library(settings)
    assert count_parsed == ["lai-chau-2023.txt"] and lib.reparsed == ("lai-chau-2023",)
    idx = open_settings_index(lib, settings)
    assert idx.report.changed == ("lai-chau-2023",) and not idx.report.added


def test_the_stored_parse_equals_a_fresh_parse(tmp_path, library) -> None:
    settings = _settings(tmp_path, library)
    _build(settings)
    stored = load_settings_library(settings).corpus
    fresh = loader.load_corpus(library)
    for a, b in zip(stored, fresh, strict=True):
        assert (a.doc_id, a.number, a.date, a.issuer, a.province, a.fields) == (
            b.doc_id, b.number, b.date, b.issuer, b.province, b.fields)
        assert a.clauses == b.clauses


def test_facts_are_loaded_from_the_index_not_computed(tmp_path, library, monkeypatch) -> None:
    settings = _settings(tmp_path, library)
    _build(settings)
    import corpus.persist as persist

    def no(*a, **k):
        raise AssertionError("facts recomputed although the index has them")

    monkeypatch.setattr(persist, "encode_facts", no)
    import bot.library

    monkeypatch.setattr(bot.library, "encode_facts", no)
    facts = StoredFacts(load_settings_library(settings), settings.index_dir)
    rows = facts.targets()
    assert any(t.value == "11,41%" and t.province == "Sơn La" for t in rows)
    assert all(isinstance(t.span, tuple) for t in rows)
    assert facts.responsibilities()


def test_facts_of_a_document_not_yet_indexed_are_computed(tmp_path, library) -> None:
    settings = _settings(tmp_path, library)
    _build(settings)
    shutil.copy(library / "son-la-2024.txt", library / "moi.txt")
    facts = StoredFacts(load_settings_library(settings), settings.index_dir)
    assert {t.doc_id for t in facts.targets()} >= {"moi", "son-la-2024"}


def test_several_corpus_folders_and_data_files_are_not_documents(tmp_path, library) -> None:
    second = tmp_path / "thu-vien"
    second.mkdir()
    shutil.move(library / "ha-nam-2023.txt", second / "ha-nam-2023.txt")
    (second / "sources.csv").write_text("file,topic\nx.txt,y\n", encoding="utf-8")
    lib = load_settings_library(_settings(tmp_path, f"{library}{os.pathsep}{second}"))
    assert len(lib.corpus) == 5
    assert not lib.corpus.problems  # sources.csv: no line, it is not a document


def test_the_same_document_in_two_formats_is_kept_once_with_one_line(tmp_path, library) -> None:
    second = tmp_path / "pdf"
    second.mkdir()
    shutil.copy(library / "son-la-2024.txt", second / "son-la-2024.md")
    lib = load_settings_library(_settings(tmp_path, f"{library}{os.pathsep}{second}"))
    assert len(lib.corpus) == 5
    assert len(lib.corpus.problems) == 1 and "trùng mã văn bản" in lib.corpus.problems[0].message


def test_adding_or_removing_one_document_does_not_retokenise_the_rest(tmp_path, monkeypatch) -> None:
    folder = tmp_path / "ix"
    docs = [make_directive(f"doc-{i}") for i in range(4)]
    open_index(make_corpus(*docs), folder, embedding_model="m", retriever="bm25")
    tokenised: list[str] = []
    real = bm25.tokenize_vi

    def counting(text: str):
        tokenised.append(text)
        return real(text)

    monkeypatch.setattr(bm25, "tokenize_vi", counting)
    idx = open_index(make_corpus(*docs, make_directive("moi")), folder, embedding_model="m", retriever="bm25")
    assert idx.report.added == ("moi",)
    assert tokenised and all(t.startswith("Chỉ thị") for t in tokenised)
    assert len(tokenised) == len([c for c in idx.chunks if c.doc_id == "moi"])
    tokenised.clear()
    idx = open_index(make_corpus(*docs[1:], make_directive("moi")), folder, embedding_model="m", retriever="bm25")
    assert idx.report.removed == ("doc-0",) and tokenised == []
    assert {h.chunk.doc_id for h in idx.search("tỷ lệ hộ nghèo", k=20)} == {"doc-1", "doc-2", "doc-3", "moi"}


def test_the_local_index_is_an_index_backend(tmp_path) -> None:
    idx = open_index(make_corpus(make_directive("a")), tmp_path / "ix", embedding_model="m", retriever="bm25")
    assert isinstance(idx, IndexBackend) and isinstance(idx, Index)
    assert idx.add([make_directive("b")]) > 0 and idx.doc_ids() == {"a", "b"}
    removed = idx.remove(["a"])
    assert removed > 0 and idx.doc_ids() == {"b"}
    assert {h.chunk.doc_id for h in idx.search("hộ nghèo", k=10)} == {"b"}
    assert idx.save()
    again = open_index(make_corpus(make_directive("b")), tmp_path / "ix", embedding_model="m", retriever="bm25")
    assert not again.report.saved and again.count() == idx.count()


def test_a_touched_file_keeps_every_stored_fact(tmp_path, library, monkeypatch) -> None:
    settings = _settings(tmp_path, library)
    _build(settings)
    before = StoredFacts(load_settings_library(settings), settings.index_dir)
    rows = (len(before.targets()), len(before.responsibilities()))
    os.utime(library / "ha-nam-2023.txt", ns=(1, 1))  # same text, new date: re-read, facts must stay
    idx = _build(settings)
    assert idx.report.saved and not idx.report.changed
    import bot.library

    def no(*a, **k):
        raise AssertionError("facts recomputed although the index has them")

    monkeypatch.setattr(bot.library, "encode_facts", no)
    facts = StoredFacts(load_settings_library(settings), settings.index_dir)
    assert (len(facts.targets()), len(facts.responsibilities())) == rows and rows[0] > 0


def test_a_derived_table_is_computed_once_per_corpus(tmp_path) -> None:
    folder = tmp_path / "ix"
    calls: list[int] = []

    def build() -> dict:
        calls.append(1)
        return {"n": 3}

    corpus = make_corpus(make_directive("a"))
    assert open_index(corpus, folder, embedding_model="m", retriever="bm25").derived("t", build) == {"n": 3}
    assert open_index(corpus, folder, embedding_model="m", retriever="bm25").derived("t", build) == {"n": 3}
    assert len(calls) == 1
    changed = open_index(make_corpus(make_directive("a"), make_directive("b")), folder, embedding_model="m",
                         retriever="bm25")
    changed.derived("t", build)
    assert len(calls) == 2  # another corpus: counted again


def test_the_second_start_answers_without_recounting_word_rarities(tmp_path, library, monkeypatch) -> None:
    from bot.assistant import Assistant
    from bot.segments import Scorer

    settings = _settings(tmp_path, library)
    first = Assistant.load(settings).answer("Tỷ lệ hộ nghèo năm 2024 của Sơn La?")
    counted: list[int] = []
    real = Scorer.table

    def counting(self):
        counted.append(1)
        return real(self)

    monkeypatch.setattr(Scorer, "table", counting)
    again = Assistant.load(settings).answer("Tỷ lệ hộ nghèo năm 2024 của Sơn La?")
    assert counted == []
    assert again.answer == first.answer and "11,41%" in again.answer


def test_saving_a_loaded_index_keeps_the_stored_parse(tmp_path, library, count_parsed) -> None:
    settings = _settings(tmp_path, library)
    _build(settings)
    loaded = open_settings_index(load_settings_library(settings), settings)
    assert not loaded.report.saved  # same parse as stored: nothing written
    assert loaded.save()  # a backend save of a loaded index writes the parsed library back as it was
    count_parsed.clear()
    assert len(load_settings_library(settings).corpus) == 5 and count_parsed == []


_SCRIPT = """
import sys
from pathlib import Path
from bot.library import load_settings_library
from bot.settings import Settings

out = open(sys.argv[1], "w", encoding="utf-8")


def keep():  # a function: the script's module is now in a reference cycle, as every real script's is
    return out


lib = load_settings_library(Settings(corpus_dir=Path(sys.argv[2]), index_dir=Path(sys.argv[3]), retriever="bm25"))
out.write(f"{len(lib.corpus)} văn bản\\n")  # never closed: written when the interpreter exits
"""


def test_a_script_that_loads_the_library_keeps_what_it_wrote_to_an_open_file(tmp_path, library) -> None:
    import subprocess
    import sys

    _build(_settings(tmp_path, library))
    out = tmp_path / "out.txt"
    subprocess.run([sys.executable, "-c", _SCRIPT, str(out), str(library), str(tmp_path / "index")], check=True,
                   capture_output=True)
    assert out.read_text(encoding="utf-8") == "5 văn bản\n"


def test_auto_reads_headings_only_for_a_corpus_too_large_to_embed_whole_at_a_first_start(tmp_path, library) -> None:
    from bot.library import dense_unit

    settings = _settings(tmp_path, library).model_copy(update={"dense_unit": "auto"})
    lib = load_settings_library(settings)
    clauses = sum(1 for d in lib.corpus.directives for c in d.clauses if c.answerable)
    assert dense_unit(lib.corpus, settings.model_copy(update={"embed_on_open_max_chunks": clauses})) == "chunk"
    small_limit = settings.model_copy(update={"embed_on_open_max_chunks": clauses - 1})
    assert dense_unit(lib.corpus, small_limit) == "heading"
    assert dense_unit(lib.corpus, small_limit.model_copy(update={"dense_unit": "chunk"})) == "chunk"  # as set
    idx = open_settings_index(lib, small_limit)
    assert idx._stored.manifest.chunker["dense_unit"] == "heading"  # recorded, so the next start matches it
