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


def test_an_index_dir_that_is_a_file_is_refused_in_one_line_and_left_alone(env, capsys):
    """A file where the index folder should be was a "Lỗi nội bộ (NotADirectoryError)"; now it says what is wrong."""
    target = env / "chi-muc.txt"
    target.write_text("ghi chú của người quản trị", encoding="utf-8")
    code, err = _run(capsys, "ask", "--retriever", "bm25", "--index-dir", str(target), "Ai ký Chỉ thị năm 2022 của Sơn La?")
    assert code == 1
    assert err.strip().splitlines()[-1] == (
        f"Lỗi: {target} là một tệp, không phải thư mục chỉ mục; không ghi đè. "
        "Cách khắc phục: chọn thư mục khác bằng --index-dir hoặc THIDUA_INDEX_DIR.")
    assert "Lỗi nội bộ" not in err and "Traceback" not in err
    assert target.read_text(encoding="utf-8") == "ghi chú của người quản trị"
