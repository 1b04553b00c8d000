"""One error base: a user sees one Vietnamese line, the operator finds the trace in the log file."""

from __future__ import annotations

import pytest

from bot.cli import main
from bot.commands import corpus_cmds
from corpus import ReadError
from corpus.errors import ThiduaError
from index import IndexMismatchError


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.setenv("THIDUA_INDEX_DIR", str(tmp_path / "index"))
    monkeypatch.setenv("THIDUA_LOG_FILE", str(tmp_path / "logs" / "thidua.log"))
    return tmp_path


def _run(capsys, *argv: str) -> tuple[int, str]:
    with pytest.raises(SystemExit) as stop:
        main(list(argv))
    return stop.value.code, capsys.readouterr().err


def _fail_with(monkeypatch, exc: Exception) -> None:
    def boom(*_a, **_k):
        raise exc

    monkeypatch.setattr(corpus_cmds, "_load", boom)


def test_known_errors_share_one_base():
    for cls in (ReadError, IndexMismatchError):
        assert issubclass(cls, ThiduaError)


def test_known_error_is_one_vietnamese_line_and_its_trace_is_logged(env, monkeypatch, capsys):
    _fail_with(monkeypatch, ThiduaError("Thư mục chỉ mục bị hỏng; chạy `thidua index --rebuild`.", "checksum"))
    code, err = _run(capsys, "docs")
    assert code == 1
    assert err.strip().splitlines() == ["Lỗi: Thư mục chỉ mục bị hỏng; chạy `thidua index --rebuild`."]
    log = (env / "logs" / "thidua.log").read_text(encoding="utf-8")
    assert "Traceback" in log and "checksum" in log


def test_a_bug_gives_a_generic_line_never_a_trace(env, monkeypatch, capsys):
    _fail_with(monkeypatch, KeyError("clause_id"))
    code, err = _run(capsys, "docs")
    assert code == 1
    lines = err.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("Lỗi nội bộ (KeyError)")
    assert "Traceback" not in err
    assert str(env / "logs" / "thidua.log") in lines[0]
    assert "KeyError: 'clause_id'" in (env / "logs" / "thidua.log").read_text(encoding="utf-8")
