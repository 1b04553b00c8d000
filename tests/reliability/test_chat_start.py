"""The chat never says "Mở trình duyệt…" when the assistant cannot load: one Vietnamese line, non-zero exit."""

from __future__ import annotations

import subprocess

import pytest

from tests.fakes import THIDUA, chat_env, free_port

pytestmark = pytest.mark.slow


def load_broken(settings):
    """Assistant factory that fails like a damaged index would (THIDUA_ASSISTANT_FACTORY)."""
    raise OSError(f"[Errno 13] Permission denied: '{settings.index_dir}/manifest.json'")


def _run_chat(env: dict[str, str]) -> subprocess.CompletedProcess:
    return subprocess.run([str(THIDUA), "chat", "--port", str(free_port())], env=env, capture_output=True,
                          text=True, timeout=180)


def _check_refused(result: subprocess.CompletedProcess, *needles: str) -> None:
    out = result.stdout + result.stderr
    assert result.returncode != 0, out
    assert "Mở trình duyệt" not in out and "Traceback" not in out, out
    errors = [line for line in result.stderr.splitlines() if line.startswith("Lỗi")]
    assert len(errors) == 1, result.stderr
    assert all(n in errors[0] for n in needles), errors[0]


def test_missing_corpus_folder_stops_the_chat_with_the_folder_named(tmp_path):
    missing = tmp_path / "khong-co"
    _check_refused(_run_chat(chat_env(tmp_path, THIDUA_CORPUS_DIR=str(missing))), str(missing), "THIDUA_CORPUS_DIR")


def test_assistant_that_cannot_load_stops_the_chat_with_the_reason(tmp_path):
    env = chat_env(tmp_path, THIDUA_ASSISTANT_FACTORY="tests.reliability.test_chat_start:load_broken")
    _check_refused(_run_chat(env), "không khởi động được trợ lý", "Permission denied")
