"""`thidua chat`: settings reach the Chainlit process, clear errors before starting, Vietnamese app root."""

from __future__ import annotations

import json
import socket
import tomllib
from pathlib import Path

from typer.testing import CliRunner

from bot.chat import APP_FILE, APP_ROOT
from bot.cli import app
from bot.commands.chat import chainlit_env
from bot.settings import get_settings


def test_env_carries_every_setting_with_absolute_paths(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    settings = get_settings(index_dir=Path("rel/index"), retriever="bm25", embedding_model="tiny")
    env = chainlit_env(settings, APP_ROOT, base={"PATH": "/bin", "THIDUA_RERANKER": "stale"})
    assert env["THIDUA_INDEX_DIR"] == str(tmp_path / "rel" / "index")
    assert env["THIDUA_RETRIEVER"] == "bm25" and env["THIDUA_EMBEDDING_MODEL"] == "tiny"
    assert Path(env["THIDUA_CORPUS_DIR"]).is_absolute()
    assert "THIDUA_RERANKER" not in env  # None in settings: a stale value must not leak through
    assert env["CHAINLIT_APP_ROOT"] == str(APP_ROOT) and env["PATH"] == "/bin"


def test_several_corpus_folders_reach_the_chat_each_made_absolute(tmp_path, monkeypatch):
    """"thu-vien:chi-thi" was resolved as one path: the second folder stayed relative to the chat's app root."""
    import os

    monkeypatch.chdir(tmp_path)
    settings = get_settings(corpus_dir=Path(os.pathsep.join(["thu-vien", "../chi-thi"])))
    env = chainlit_env(settings, APP_ROOT, base={})
    assert env["THIDUA_CORPUS_DIR"].split(os.pathsep) == [str(tmp_path / "thu-vien"), str(tmp_path.parent / "chi-thi")]


def test_bad_retriever_is_refused_in_vietnamese():
    result = CliRunner().invoke(app, ["chat", "--retriever", "magic"])
    assert result.exit_code == 2
    assert "--retriever / THIDUA_RETRIEVER phải là một trong: hybrid, dense, bm25" in result.output
    assert "Traceback" not in result.output and "pydantic" not in result.output and len(result.output.splitlines()) == 1


def test_busy_port_is_reported_with_the_fix():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        s.listen()
        port = s.getsockname()[1]
        result = CliRunner().invoke(app, ["chat", "--port", str(port)])
    assert result.exit_code == 1
    assert f"cổng {port}" in result.output and "--port" in result.output


def test_app_root_is_vietnamese_and_packaged():
    assert APP_FILE.exists()
    config = tomllib.loads((APP_ROOT / ".chainlit" / "config.toml").read_text(encoding="utf-8"))
    assert config["UI"]["name"] == "Thi đua — Trợ lý Chỉ thị"
    assert config["UI"]["language"] == "vi-VN"
    assert config["features"]["spontaneous_file_upload"]["enabled"] is False
    for md in ("chainlit.md", "chainlit_vi-VN.md"):
        text = (APP_ROOT / md).read_text(encoding="utf-8")
        assert "điều khoản nguồn" in text and "Welcome to Chainlit" not in text
    assert (APP_ROOT / "public" / "logo_light.svg").exists()


def test_translation_covers_every_chainlit_string_in_vietnamese():
    import importlib.util

    # located, not imported: importing chainlit writes a .chainlit/ folder into the current directory
    package = Path(importlib.util.find_spec("chainlit").origin).parent
    en = json.loads((package / "translations" / "en-US.json").read_text(encoding="utf-8"))
    vi = json.loads((APP_ROOT / ".chainlit" / "translations" / "vi-VN.json").read_text(encoding="utf-8"))

    def flat(d, prefix=""):
        out = {}
        for k, v in d.items():
            out.update(flat(v, f"{prefix}{k}.") if isinstance(v, dict) else {prefix + k: v})
        return out

    en_flat, vi_flat = flat(en), flat(vi)
    assert set(vi_flat) == set(en_flat)
    untranslated = [k for k, v in vi_flat.items() if v == en_flat[k] and len(v) > 2]
    assert untranslated == []
    assert "LLM" not in vi_flat["chat.watermark"]
    assert vi_flat["chat.input.placeholder"].startswith("Nhập câu hỏi")


def test_each_server_gets_its_own_app_root_and_it_is_removed_when_the_server_stops():
    """Two servers shared bot/chat/.files: the first to stop deleted it under the other (FileNotFoundError at the
    other's next «Nguồn» click).  Each now runs in a private copy of the packaged app root."""
    from bot.commands.chat import server_root

    with server_root() as first, server_root() as second:
        assert first != second and APP_ROOT not in (first, first.parent, second, second.parent)
        for root in (first, second):
            config = tomllib.loads((root / ".chainlit" / "config.toml").read_text(encoding="utf-8"))
            assert config["UI"]["language"] == "vi-VN"
            assert (root / ".chainlit" / "translations" / "vi-VN.json").exists()
            assert (root / "public" / "thidua.css").read_bytes() == (APP_ROOT / "public" / "thidua.css").read_bytes()
            assert (root / "chainlit_vi-VN.md").exists()
        (first / ".files").mkdir()
        (second / ".files").mkdir()
    assert not first.exists() and not second.exists()
