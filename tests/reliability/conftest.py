"""Real `thidua chat` servers on 127.0.0.1 for the fault-injection tests (bounded waits, always stopped)."""

from __future__ import annotations

import contextlib
import os
import secrets
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import pytest

THIDUA = Path(sys.executable).with_name("thidua")
START_TIMEOUT_S = 300
FAKE_ASSISTANT = "tests.bot.test_chat:load_fake"  # starts in seconds; the real one is not under test here
REPO = Path(__file__).resolve().parents[2]


@dataclass(frozen=True)
class Server:
    url: str
    db: Path
    log: Path
    users: Path | None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def chat_env(tmp: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("THIDUA_", "CHAINLIT_"))}
    env.update(THIDUA_INDEX_DIR=str(tmp / "index"), THIDUA_RETRIEVER="bm25", THIDUA_FEEDBACK_DB=str(tmp / "feedback.db"),
               HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", PYTHONPATH=str(REPO))
    env.update(extra)
    return env


@contextlib.contextmanager
def running_chat(tmp: Path, *, login: bool, **extra: str) -> Iterator[Server]:
    """`thidua chat` with the fake assistant; with login: users alice and bob (passwords below)."""
    from bot.chat.users import add_user

    users = None
    if login:
        users = tmp / "users.toml"
        add_user(users, "alice", "alice-mat-khau")
        add_user(users, "bob", "bob-mat-khau-1")
        extra = {"THIDUA_USERS_FILE": str(users), "CHAINLIT_AUTH_SECRET": secrets.token_urlsafe(48), **extra}
    env = chat_env(tmp, THIDUA_ASSISTANT_FACTORY=FAKE_ASSISTANT, **extra)
    port = free_port()
    log = tmp / "server.log"
    with log.open("wb") as out:
        proc = subprocess.Popen([str(THIDUA), "chat", "--port", str(port)], env=env, stdout=out,
                                stderr=subprocess.STDOUT, start_new_session=True, cwd=tmp)
    try:
        deadline = time.monotonic() + START_TIMEOUT_S
        while True:
            if proc.poll() is not None:
                pytest.fail(f"`thidua chat` exited with {proc.returncode}:\n{log.read_text(errors='replace')[-3000:]}")
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"port {port} not open after {START_TIMEOUT_S}s:\n{log.read_text(errors='replace')}")
                time.sleep(0.3)
        yield Server(f"http://127.0.0.1:{port}", tmp / "feedback.db", log, users)
    finally:
        proc.terminate()
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, 9)
            proc.wait()


@pytest.fixture(scope="module")
def login_server(tmp_path_factory) -> Iterator[Server]:
    with running_chat(tmp_path_factory.mktemp("login"), login=True, THIDUA_SESSION_HOURS="2",
                      THIDUA_ALLOWED_ORIGINS="https://cong.tinh.gov.vn") as server:
        yield server


@pytest.fixture(scope="module")
def open_server(tmp_path_factory) -> Iterator[Server]:
    with running_chat(tmp_path_factory.mktemp("open"), login=False) as server:
        yield server
