"""Fault injection on saving the index (issue 14, item 3): concurrent saves, killed saves, read-only folders."""

from __future__ import annotations

import errno
import multiprocessing
import os
import shutil
import traceback
from pathlib import Path

import pytest
from typer.testing import CliRunner

from bot.cli import app
from bot.settings import bundled_corpus_dir
from index import open_index
from index.store import load_folder
from tests.index.factory import make_corpus, make_directive


def _save_many(folder: str, rounds: int, seed: int) -> list[str]:
    failures = []
    for n in range(rounds):
        docs = [make_directive(f"doc-{seed}-{n % 2}"), make_directive("chung")]
        try:
            open_index(make_corpus(*docs), Path(folder), embedding_model="m", retriever="bm25")
        except Exception:  # kept, not raised: the test asserts none happened and shows the trace if one did
            failures.append(traceback.format_exc())
    return failures


def test_concurrent_saves_into_one_folder_all_succeed(tmp_path) -> None:
    folder = tmp_path / "ix"
    ctx = multiprocessing.get_context("fork")
    with ctx.Pool(3) as pool:
        failures = [f for per_process in pool.starmap(_save_many, [(str(folder), 4, s) for s in range(3)])
                    for f in per_process]
    assert not failures, "\n".join(failures)
    stored = load_folder(folder, embedding_model="m")  # consistent: checksums and counts verify
    assert stored.manifest.chunks == len(stored.chunks) > 0
    assert not list(tmp_path.glob(".ix.*.tmp"))


def test_temporaries_of_a_killed_save_are_cleaned_by_the_next_save(tmp_path) -> None:
    folder = tmp_path / "ix"
    open_index(make_corpus(make_directive("a")), folder, embedding_model="m", retriever="bm25")
    stale = tmp_path / ".ix.k1ll3d.tmp"
    stale.mkdir()
    (stale / "chunks.json").write_text("{}\n", encoding="utf-8")
    open_index(make_corpus(make_directive("a"), make_directive("b")), folder, embedding_model="m", retriever="bm25")
    assert not stale.exists()


@pytest.fixture
def read_only_env(tmp_path, monkeypatch):
    """A built index whose folder cannot be written (as a read-only mount: every write raises EACCES)."""
    corpus = tmp_path / "docs"
    shutil.copytree(bundled_corpus_dir(), corpus)
    monkeypatch.setenv("THIDUA_CORPUS_DIR", str(corpus))
    monkeypatch.setenv("THIDUA_INDEX_DIR", str(tmp_path / "index"))
    monkeypatch.setenv("THIDUA_RETRIEVER", "bm25")
    assert CliRunner().invoke(app, ["index", "--no-progress"]).exit_code == 0
    import index.store as store

    def denied(*args, **kwargs):
        raise PermissionError(errno.EACCES, "Permission denied", str(tmp_path / "index"))

    monkeypatch.setattr(store.tempfile, "mkdtemp", denied)
    return corpus


def test_a_read_only_index_with_a_changed_corpus_answers_from_memory_with_one_warning(read_only_env) -> None:
    added = read_only_env / "moi.txt"
    shutil.copy(read_only_env / "son-la-2024.txt", added)
    text = added.read_text(encoding="utf-8").replace("11,41%", "9,99%")
    added.write_text(text, encoding="utf-8")
    res = CliRunner().invoke(app, ["ask", "Chỉ tiêu tỷ lệ hộ nghèo năm 2024 của Sơn La?"])
    assert res.exit_code == 0, res.output
    assert "Errno" not in res.output and "Lỗi:" not in res.output
    warnings = [ln for ln in res.stderr.splitlines() if "Không ghi được chỉ mục" in ln]
    assert len(warnings) == 1 and "bộ nhớ" in warnings[0]
    assert "9,99%" in res.stdout  # the changed corpus is what answers


def test_index_command_on_a_read_only_folder_says_so_and_fails(read_only_env) -> None:
    (read_only_env / "son-la-2022.txt").unlink()
    res = CliRunner().invoke(app, ["index", "--no-progress"])
    assert res.exit_code == 1
    assert "Không ghi được chỉ mục" in res.stderr and "--index-dir" in res.stderr
    assert "Errno" not in res.output


def test_lock_file_lives_beside_the_folder_not_inside(tmp_path) -> None:
    folder = tmp_path / "ix"
    open_index(make_corpus(make_directive("a")), folder, embedding_model="m", retriever="bm25")
    assert (tmp_path / ".ix.lock").exists()
    assert ".ix.lock" not in os.listdir(folder)


def _children(pid: int) -> list[int]:
    out = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            if int(stat[1]) == pid:
                out.append(int(entry.name))
    return out


@pytest.mark.skipif(not Path("/proc").is_dir(), reason="needs /proc")
def test_a_killed_build_leaves_no_parsing_worker_behind(tmp_path) -> None:
    import signal
    import subprocess
    import sys
    import time

    docs = tmp_path / "docs"
    docs.mkdir()
    text = (bundled_corpus_dir() / "son-la-2024.txt").read_text(encoding="utf-8")
    for n in range(60):
        (docs / f"van-ban-{n}.txt").write_text(text, encoding="utf-8")
    code = f"from corpus import load_library; load_library({str(docs)!r}, with_facts=True)"
    proc = subprocess.Popen([sys.executable, "-c", code])
    workers: list[int] = []
    for _ in range(600):  # until the pool has started (bounded)
        workers = _children(proc.pid)
        if workers or proc.poll() is not None:
            break
        time.sleep(0.05)
    if not workers:
        proc.wait()
        pytest.skip("the machine has one core or the parse finished before the pool was seen")
    proc.send_signal(signal.SIGKILL)
    proc.wait()
    def running(pid: int) -> bool:  # a zombie awaiting its reaper has ended
        try:
            return (Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]) != "Z"
        except OSError:
            return False

    for _ in range(200):  # bounded wait for the workers to end with their parent
        if not any(running(w) for w in workers):
            break
        time.sleep(0.05)
    alive = [w for w in workers if running(w)]
    for w in alive:
        os.kill(w, signal.SIGKILL)
    assert not alive
