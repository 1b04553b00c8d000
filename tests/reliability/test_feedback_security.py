"""Feedback belongs to its author over HTTP, exports inert to a spreadsheet and cannot flood the disk."""

from __future__ import annotations

import asyncio
import csv
import io
import sqlite3
import subprocess
import uuid
from datetime import UTC, datetime

import httpx
import pytest

from tests.fakes import THIDUA

pytestmark = pytest.mark.slow


def _client(server, user: str, password: str) -> httpx.Client:
    client = httpx.Client(base_url=server.url, timeout=60)
    assert client.post("/login", data={"username": user, "password": password}).status_code == 200
    return client


def _put(client: httpx.Client, for_id: str, value: int, comment: str, fid: str | None = None) -> httpx.Response:
    feedback = {"forId": for_id, "value": value, "comment": comment} | ({"id": fid} if fid else {})
    return client.put("/feedback", json={"feedback": feedback, "sessionId": str(uuid.uuid4())})


def _rows(db):
    with sqlite3.connect(db) as con:
        return {r[0]: r[1:] for r in con.execute("SELECT id, user_name, value, comment FROM feedbacks")}


def test_alice_cannot_overwrite_or_delete_bobs_feedback(login_server):
    alice = _client(login_server, "alice", "alice-mat-khau")
    bob = _client(login_server, "bob", "bob-mat-khau-1")
    put = _put(bob, "msg-1", 1, "đúng")
    assert put.status_code == 200
    bob_id = put.json()["feedbackId"]
    assert _put(alice, "msg-1", 0, "sửa trộm", bob_id).status_code >= 400
    assert alice.request("DELETE", "/feedback", json={"feedbackId": bob_id}).status_code == 403
    assert _rows(login_server.db)[bob_id] == ("bob", 1, "đúng")  # untouched, author recorded
    assert _put(bob, "msg-1", 0, "đổi ý", bob_id).status_code == 200
    assert _rows(login_server.db)[bob_id] == ("bob", -1, "đổi ý")
    assert bob.request("DELETE", "/feedback", json={"feedbackId": bob_id}).status_code == 200
    assert bob_id not in _rows(login_server.db)


def test_formula_comment_is_exported_inert(login_server):
    alice = _client(login_server, "alice", "alice-mat-khau")
    assert _put(alice, "msg-2", 0, "=1+1+cmd|' /C calc'!A0").status_code == 200
    out = subprocess.run([str(THIDUA), "feedback", "--csv", "--feedback-db", str(login_server.db)],
                         capture_output=True, text=True, timeout=120)
    rows = list(csv.reader(io.StringIO(out.stdout)))
    (row,) = [r for r in rows if "calc" in r[2]]
    assert row[2] == "'=1+1+cmd|' /C calc'!A0" and row[7] == "alice"


async def _send_huge(url: str, n: int, size: int) -> int:
    import socketio

    sio = socketio.AsyncClient(reconnection=False)
    answered, started, got = [], asyncio.Event(), asyncio.Event()

    @sio.on("chat_settings")
    async def _settings(_d=None) -> None:
        started.set()

    @sio.on("new_message")
    async def _msg(step: dict) -> None:
        if step.get("type") == "assistant_message":
            answered.append(1)
            got.set()

    await sio.connect(url, socketio_path="/ws/socket.io", transports=["websocket"], wait_timeout=30,
                      auth={"clientType": "webapp", "sessionId": str(uuid.uuid4()), "threadId": None,
                            "userEnv": "{}", "chatProfile": None})
    try:
        await sio.emit("connection_successful")
        await asyncio.wait_for(started.wait(), 60)
        text = ("Tỷ lệ hộ nghèo năm 2024 của Sơn La là bao nhiêu? " * (size // 40))[:size]
        for _ in range(n):
            got.clear()
            await sio.emit("client_message", {"message": {
                "id": str(uuid.uuid4()), "threadId": "", "name": "User", "type": "user_message", "output": text,
                "createdAt": datetime.now(UTC).isoformat()}, "fileReferences": None})
            await asyncio.wait_for(got.wait(), 60)
    finally:
        await sio.disconnect()
    return len(answered)


def test_huge_anonymous_messages_do_not_fill_the_database(open_server):
    def size() -> int:
        return sum(p.stat().st_size for p in open_server.db.parent.glob(open_server.db.name + "*"))

    before = size()
    assert asyncio.run(_send_huge(open_server.url, 10, 300_000)) == 10  # 3 MB of questions, all answered
    with sqlite3.connect(open_server.db) as con:
        longest = con.execute("SELECT MAX(LENGTH(question)) FROM answers").fetchone()[0]
    assert longest <= 1000
    assert size() - before < 300_000
    assert open_server.db.stat().st_mode & 0o777 == 0o600
