"""Fault injection on the index folder (issue 14, item 2): what an official sees after the damage.

Every damage is done by hand to a built index, then the ordinary command runs:
it must answer (the index rebuilt, one Vietnamese line saying why) or refuse
with the fix, never print a traceback or abstain silently.
"""

from __future__ import annotations

import json
import random
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.cli import app
from bot.settings import bundled_corpus_dir

QUESTION = "Chỉ tiêu tỷ lệ hộ nghèo năm 2024 của Sơn La?"


@pytest.fixture
def env(tmp_path, monkeypatch):
    corpus = tmp_path / "docs"
    shutil.copytree(bundled_corpus_dir(), corpus)
    monkeypatch.setenv("THIDUA_CORPUS_DIR", str(corpus))
    monkeypatch.setenv("THIDUA_INDEX_DIR", str(tmp_path / "index"))
    monkeypatch.setenv("THIDUA_RETRIEVER", "bm25")
    res = CliRunner().invoke(app, ["index", "--no-progress"])
    assert res.exit_code == 0, res.output
    return tmp_path / "index"


def _ask():
    return CliRunner().invoke(app, ["ask", QUESTION])


def _answers(res) -> None:
    assert res.exit_code == 0, res.output
    assert "Traceback" not in res.output and "Errno" not in res.output
    assert "11,41%" in res.stdout.split("Nguồn:")[0]


def _cut(path: Path, keep: int) -> None:
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    path.write_text("".join(lines[:keep]), encoding="utf-8")


def _one_reason(res, file: str) -> None:
    reasons = [ln for ln in res.stderr.splitlines() if "bị hỏng" in ln]
    assert len(reasons) == 1 and file in reasons[0] and "đã xây dựng lại" in reasons[0]


def test_a_cut_chunk_text_file_is_noticed_and_rebuilt_with_one_line(env) -> None:
    _cut(env / "chunks.txt", 50)
    res = _ask()
    _answers(res)
    _one_reason(res, "chunks.txt")
    again = _ask()  # repaired on disk: the next start says nothing
    _answers(again)
    assert "bị hỏng" not in again.stderr


def test_a_cut_chunk_table_is_noticed_and_rebuilt_with_one_line(env) -> None:
    path = env / "chunks.json"
    path.write_bytes(path.read_bytes()[: path.stat().st_size // 2])
    res = _ask()
    _answers(res)
    _one_reason(res, "chunks.json")


@pytest.mark.parametrize("name", ["chunks.json", "chunks.txt"])
def test_an_empty_chunk_file_does_not_make_every_question_abstain(env, name) -> None:
    (env / name).write_text("", encoding="utf-8")
    _answers(_ask())


def test_reordered_chunk_texts_are_caught_by_the_checksum(env) -> None:
    path = env / "chunks.txt"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    random.Random(3).shuffle(lines)  # same bytes, same size, texts at the wrong offsets
    path.write_text("".join(lines), encoding="utf-8")
    res = _ask()
    _answers(res)
    assert "chunks.txt" in res.stderr


def test_a_missing_chunk_text_file_is_noticed(env) -> None:
    (env / "chunks.txt").unlink()
    res = _ask()
    _answers(res)
    _one_reason(res, "chunks.txt")


def test_an_index_in_the_previous_format_is_rebuilt_with_one_line(env) -> None:
    manifest = json.loads((env / "manifest.json").read_text(encoding="utf-8"))
    manifest["format"] = 2  # as written by the thidua that kept chunks.jsonl
    (env / "manifest.json").write_text(json.dumps(manifest, ensure_ascii=False), encoding="utf-8")
    res = _ask()
    _answers(res)
    lines = [ln for ln in res.stderr.splitlines() if ln.strip() and "không phải văn bản" not in ln]
    assert len(lines) == 1 and "định dạng cũ" in lines[0] and "đã xây dựng lại" in lines[0]
    assert json.loads((env / "manifest.json").read_text(encoding="utf-8"))["format"] > 2
    again = _ask()
    _answers(again)
    assert "định dạng" not in again.stderr


def test_index_does_not_call_a_damaged_folder_up_to_date(env) -> None:
    _cut(env / "chunks.txt", 50)
    res = CliRunner().invoke(app, ["index", "--no-progress"])
    assert res.exit_code == 0, res.output
    assert "bị hỏng" in res.stderr
    assert "Đã xây dựng mới chỉ mục" in res.stdout and "không cần cập nhật" not in res.stdout


def test_a_changed_bm25_file_is_caught(env) -> None:
    victim = next(p for p in sorted((env / "bm25").iterdir()) if p.is_file())
    victim.write_bytes(victim.read_bytes()[:-7] + b"garbage")
    res = _ask()
    _answers(res)
    assert "bm25" in res.stderr


def test_manifest_records_counts_and_checksums_of_every_file(env) -> None:
    manifest = json.loads((env / "manifest.json").read_text(encoding="utf-8"))
    # derived/ holds tables counted from the index (word rarities): caches a damaged copy of which is
    # counted again, named by the corpus they were counted from, so no checksum of theirs is recorded
    on_disk = {p.relative_to(env).as_posix() for p in env.rglob("*")
               if p.is_file() and p.name != "manifest.json" and p.parent.name != "derived"}
    assert set(manifest["files"]) == on_disk
    assert all(len(e["sha256"]) == 64 and e["bytes"] > 0 for e in manifest["files"].values())
    table = json.loads((env / "chunks.json").read_text(encoding="utf-8"))
    assert manifest["chunks"] == table["count"] == len(table["columns"]["id"]) > 0
    assert "lexicon" in manifest and len(manifest["documents"]) == 5


def test_a_deleted_manifest_does_not_lock_the_folder_out(env) -> None:
    (env / "manifest.json").unlink()
    res = _ask()
    _answers(res)
    assert "thiếu manifest.json" in res.stderr
    (env / "manifest.json").unlink()
    res = CliRunner().invoke(app, ["index", "--no-progress"])
    assert res.exit_code == 0, res.output
    (env / "manifest.json").unlink()
    res = CliRunner().invoke(app, ["index", "--rebuild", "--no-progress"])
    assert res.exit_code == 0, res.output
    assert (env / "manifest.json").is_file()


def test_a_folder_with_foreign_files_is_refused_with_the_fix(env) -> None:
    (env / "manifest.json").unlink()
    (env / "luan-van.docx").write_bytes(b"not ours")
    res = CliRunner().invoke(app, ["index", "--rebuild", "--no-progress"])
    assert res.exit_code == 1
    assert "không phải là chỉ mục thidua" in res.stderr and "--index-dir" in res.stderr
    assert (env / "luan-van.docx").read_bytes() == b"not ours"  # nothing of the user's is lost


def test_a_cut_parsed_library_is_read_again_and_rebuilt(env) -> None:
    _cut(env / "documents.jsonl", 2)
    res = _ask()
    _answers(res)
    assert "documents.jsonl" in res.stderr


def test_a_damaged_facts_file_gives_the_same_tables(env) -> None:
    before = CliRunner().invoke(app, ["targets", "--json"])
    assert before.exit_code == 0, before.output
    (env / "facts.jsonl").write_text('{"doc_id": "son-la-2024", "texts": [], "targets": []}\n', encoding="utf-8")
    after = CliRunner().invoke(app, ["targets", "--json"])
    assert after.exit_code == 0, after.output
    assert json.loads(after.stdout) == json.loads(before.stdout)  # checksum fails: facts computed again


def test_a_damaged_table_of_word_rarities_is_counted_again(env) -> None:
    """`thidua index` keeps the word rarities it counted; a cut copy must not stop the next question."""
    (table,) = (env / "derived").glob("scorer-*.json")
    table.write_text('{"n": 3, "df": {', encoding="utf-8")  # cut short, as by a full disk
    _answers(_ask())
    assert json.loads(table.read_text(encoding="utf-8"))  # counted again and kept whole
