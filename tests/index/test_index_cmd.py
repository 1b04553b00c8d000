"""`thidua index` as an operator runs it (lives here because the index helper owns the command)."""

from __future__ import annotations

from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

import corpus as corpus_pkg
from bot.commands.index_cmds import index
from corpus.models import Corpus, Problem
from tests.index.factory import make_directive


@pytest.fixture
def fake_corpus(monkeypatch, tmp_path):
    """The corpus reader is someone else's: hand back two directives and one skipped file."""
    folder = tmp_path / "docs"
    folder.mkdir()
    result = Corpus(
        directives=(make_directive("son-la-2024"), make_directive("lai-chau-2023", province="Lai Châu", year=2023)),
        problems=(Problem(folder / "hong.pdf", "Bỏ qua hong.pdf: tệp PDF không có lớp chữ."),),
    )
    import bot.library

    library = corpus_pkg.Library(result, {}, {}, ())
    monkeypatch.setattr(bot.library, "load_settings_library", lambda settings, **kw: library)
    return folder


# The command alone (as bot.cli wires it), so other commands' imports cannot break these tests.
app = typer.Typer()
app.command("index")(index)


@app.callback()
def _group() -> None:
    """Keep "index" a subcommand, as in `thidua index`."""


def _run(*args: str):
    return CliRunner().invoke(app, ["index", "--no-progress", *args])


def test_first_run_builds_and_prints_a_vietnamese_summary(fake_corpus, tmp_path, tiny_st_model_dir) -> None:
    res = _run("--corpus-dir", str(fake_corpus), "--index-dir", str(tmp_path / "ix"),
               "--embedding-model", str(tiny_st_model_dir))
    assert res.exit_code == 0, res.output
    assert "Đã xây dựng mới chỉ mục" in res.output
    assert "Văn bản: 2" in res.output and "Bộ tìm kiếm đang dùng: hybrid" in res.output
    assert "số chiều: 32" in res.output and str(tmp_path / "ix") in res.output
    assert "hong.pdf" in res.output  # skipped file, one line
    # word rarities are counted by the build and kept, so the first question after it does not wait
    assert list((tmp_path / "ix" / "derived").glob("scorer-*.json"))
    again = _run("--corpus-dir", str(fake_corpus), "--index-dir", str(tmp_path / "ix"),
                 "--embedding-model", str(tiny_st_model_dir))
    assert "không cần cập nhật" in again.output and "nhúng mới: 0" in again.output
    forced = _run("--rebuild", "--corpus-dir", str(fake_corpus), "--index-dir", str(tmp_path / "ix"),
                  "--embedding-model", str(tiny_st_model_dir))
    assert "Đã xây dựng mới chỉ mục" in forced.output


def test_offline_model_prints_the_notice_and_still_builds_bm25(fake_corpus, tmp_path, monkeypatch) -> None:
    monkeypatch.setenv("THIDUA_EMBEDDING_FALLBACK", "")  # no bundled model: the last step of the chain
    res = _run("--corpus-dir", str(fake_corpus), "--index-dir", str(tmp_path / "ix"),
               "--embedding-model", "no-such-org/model")
    assert res.exit_code == 0, res.output
    assert "Không tải được mô hình nhúng 'no-such-org/model'" in res.output
    assert "Bộ tìm kiếm đang dùng: bm25" in res.output
    assert Path(tmp_path / "ix" / "bm25").is_dir()


def test_unknown_retriever_is_refused_with_the_choices(fake_corpus, tmp_path) -> None:
    res = _run("--retriever", "fuzzy", "--corpus-dir", str(fake_corpus), "--index-dir", str(tmp_path / "ix"))
    assert res.exit_code == 2 and "hybrid, dense, bm25" in res.output


def test_offline_model_falls_back_to_the_bundled_model_and_builds_hybrid(fake_corpus, tmp_path) -> None:
    res = _run("--corpus-dir", str(fake_corpus), "--index-dir", str(tmp_path / "ix"),
               "--embedding-model", "no-such-org/model")
    assert res.exit_code == 0, res.output
    assert "chuyển sang mô hình nhúng kèm theo 'bundled:multilingual-e5-small'" in res.output
    assert "Mô hình nhúng: bundled:multilingual-e5-small (số chiều: 384" in res.output
    assert "Bộ tìm kiếm đang dùng: hybrid" in res.output
