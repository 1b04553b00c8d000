"""Real `thidua chat` servers on 127.0.0.1 for the fault-injection tests (bounded waits, always stopped)."""

from __future__ import annotations

import contextlib
import secrets
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests import fakes
from tests.fakes import ChatServer

FAKE_ASSISTANT = "tests.fakes:load_fake_chat"  # starts in seconds; the real one is not under test here


@contextlib.contextmanager
def running_chat(tmp: Path, *, login: bool, **extra: str) -> Iterator[ChatServer]:
    """`thidua chat` with the fake assistant; with login: users alice and bob (passwords below)."""
    from bot.chat.users import add_user

    users = None
    if login:
        users = tmp / "users.toml"
        add_user(users, "alice", "alice-mat-khau")
        add_user(users, "bob", "bob-mat-khau-1")
        extra = {"THIDUA_USERS_FILE": str(users), "CHAINLIT_AUTH_SECRET": secrets.token_urlsafe(48), **extra}
    with fakes.running_chat(tmp, cwd=tmp, users=users, THIDUA_ASSISTANT_FACTORY=FAKE_ASSISTANT, **extra) as server:
        yield server


@pytest.fixture(scope="module")
def login_server(tmp_path_factory) -> Iterator[ChatServer]:
    with running_chat(tmp_path_factory.mktemp("login"), login=True, THIDUA_SESSION_HOURS="2",
                      THIDUA_ALLOWED_ORIGINS="https://cong.tinh.gov.vn") as server:
        yield server


@pytest.fixture(scope="module")
def open_server(tmp_path_factory) -> Iterator[ChatServer]:
    with running_chat(tmp_path_factory.mktemp("open"), login=False) as server:
        yield server
