"""Probe a real `thidua chat` the way an attacker or a careless operator would, and print figures.

Starts its own servers on 127.0.0.1 (bm25, the bundled corpus, everything in a temporary
folder), then measures: whether the chat refuses to start without a corpus, the database growth
from 30 huge anonymous messages, login rejection time for a known and an unknown user, the
number of failed logins allowed in a row, whether one user can overwrite or delete another's
feedback, whether a token still works after logout, the token lifetime, whether CORS echoes a
foreign Origin, the CSV cell for a formula comment and the modes of the files created.

    .venv/bin/python scripts/probe_chat_security.py
"""

from __future__ import annotations

import asyncio
import base64
import json
import os
import secrets
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import uuid
from datetime import UTC, datetime
from pathlib import Path

import httpx
import socketio

ROOT = Path(__file__).resolve().parents[1]
THIDUA = Path(sys.executable).with_name("thidua")
START_TIMEOUT_S = 300


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _env(tmp: Path, **extra: str) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith(("THIDUA_", "CHAINLIT_"))}
    env.update(THIDUA_RETRIEVER="bm25", THIDUA_INDEX_DIR=str(tmp / "index"),
               THIDUA_FEEDBACK_DB=str(tmp / "feedback.db"), HF_HUB_OFFLINE="1")
    env.update(extra)
    return env


def _start(env: dict[str, str], log: Path) -> tuple[subprocess.Popen, str]:
    port = _free_port()
    out = log.open("w")
    proc = subprocess.Popen([str(THIDUA), "chat", "--port", str(port)], env=env, stdout=out,
                            stderr=subprocess.STDOUT, cwd=log.parent)
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline and proc.poll() is None:
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                break
        except OSError:
            time.sleep(0.5)
    if proc.poll() is not None:
        raise SystemExit(f"server exited early:\n{log.read_text()}")
    url = f"http://127.0.0.1:{port}"
    for _ in range(200):  # the port opens before the assistant is loaded
        if "Mở trình duyệt" in log.read_text() or "ready" in log.read_text():
            break
        time.sleep(0.3)
    return proc, url


def _stop(proc: subprocess.Popen) -> None:
    proc.terminate()
    try:
        proc.wait(timeout=15)
    except subprocess.TimeoutExpired:
        proc.kill()


def probe_start_without_corpus(tmp: Path) -> None:
    env = _env(tmp, THIDUA_CORPUS_DIR=str(tmp / "no-such-folder"))
    proc = subprocess.Popen([str(THIDUA), "chat", "--port", str(_free_port())], env=env,
                            stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    try:
        out, _ = proc.communicate(timeout=90)
        code = proc.returncode
    except subprocess.TimeoutExpired:
        proc.terminate()
        out, _ = proc.communicate(timeout=15)
        code = "still running after 90 s"
    says_open = "Mở trình duyệt" in out
    lines = [ln for ln in out.splitlines() if ln.startswith("Lỗi")]
    print(f"[14.4] chat with a missing corpus: exit {code}; printed 'Mở trình duyệt': {says_open}; "
          f"error line: {lines[-1] if lines else '(none)'}")


async def _huge_messages(url: str, n: int, size: int) -> int:
    sio = socketio.AsyncClient(reconnection=False)
    answers: list[str] = []
    got = asyncio.Event()
    started = asyncio.Event()

    @sio.on("chat_settings")
    async def _settings(_d=None) -> None:
        started.set()

    @sio.on("new_message")
    async def _msg(step: dict) -> None:
        if step.get("type") == "assistant_message":
            answers.append(step.get("output") or "")
            got.set()

    await sio.connect(url, socketio_path="/ws/socket.io", transports=["websocket"],
                      auth={"clientType": "webapp", "sessionId": str(uuid.uuid4()), "threadId": None,
                            "userEnv": "{}", "chatProfile": None}, wait_timeout=30)
    await sio.emit("connection_successful")
    await asyncio.wait_for(started.wait(), 60)
    text = ("Chỉ tiêu tỷ lệ hộ nghèo năm 2024 của Sơn La là bao nhiêu? " * (size // 60 + 1))
    text = text.encode("utf-8")[:size].decode("utf-8", errors="ignore")  # size in bytes on the wire
    for _ in range(n):
        got.clear()
        await sio.emit("client_message", {"message": {
            "id": str(uuid.uuid4()), "threadId": "", "name": "User", "type": "user_message", "output": text,
            "createdAt": datetime.now(UTC).isoformat()}, "fileReferences": None})
        try:
            await asyncio.wait_for(got.wait(), 60)
        except TimeoutError:
            break
    await sio.disconnect()
    return len(answers)


def _db_bytes(db: Path) -> int:
    return sum(p.stat().st_size for p in db.parent.glob(db.name + "*") if p.is_file())


def probe_anonymous(tmp: Path) -> None:
    env = _env(tmp)
    proc, url = _start(env, tmp / "anon.log")
    try:
        db = tmp / "feedback.db"
        before = _db_bytes(db)
        t0 = time.perf_counter()
        answered = asyncio.run(_huge_messages(url, 30, 500_000))
        took = time.perf_counter() - t0
        time.sleep(1)
        grown = _db_bytes(db) - before
        print(f"[14.6] 30 anonymous messages of 500 KB: {answered} answered in {took:.1f} s; "
              f"database grew {grown / 1e6:.2f} MB")
    finally:
        _stop(proc)


def _login(client: httpx.Client, url: str, user: str, password: str) -> httpx.Response:
    return client.post(f"{url}/login", data={"username": user, "password": password})


def _token_of(resp: httpx.Response) -> str | None:
    return resp.cookies.get("access_token") or (resp.json().get("access_token") if resp.is_success else None)


def probe_login(tmp: Path) -> None:
    from bot.chat.users import add_user

    users = tmp / "users.toml"
    add_user(users, "alice", "alice-password")
    add_user(users, "bob", "bob-password1")
    db = tmp / "feedback.db"
    env = _env(tmp, THIDUA_USERS_FILE=str(users), CHAINLIT_AUTH_SECRET=secrets.token_urlsafe(48))
    proc, url = _start(env, tmp / "login.log")
    try:
        with httpx.Client(timeout=30) as c:
            _login(c, url, "warmup-x", "x" * 12)
            known, unknown = [], []
            for i in range(4):
                t0 = time.perf_counter()
                _login(c, url, "alice", f"wrong-password-{i}")
                known.append((time.perf_counter() - t0) * 1000)
                t0 = time.perf_counter()
                _login(c, url, f"nobody{i}", f"wrong-password-{i}")
                unknown.append((time.perf_counter() - t0) * 1000)
            print(f"[14.7] reject known user: median {statistics.median(known):.0f} ms "
                  f"({', '.join(f'{x:.0f}' for x in known)}); unknown user: median "
                  f"{statistics.median(unknown):.0f} ms ({', '.join(f'{x:.0f}' for x in unknown)})")

        alice, bob = httpx.Client(timeout=30), httpx.Client(timeout=30)
        ra = _login(alice, url, "alice", "alice-password")
        rb = _login(bob, url, "bob", "bob-password1")
        print(f"[14.7] alice login {ra.status_code}, bob login {rb.status_code}")
        token = _token_of(ra)
        if token:
            payload = json.loads(base64.urlsafe_b64decode(token.split(".")[1] + "=="))
            print(f"[14.7] token lifetime: {(payload['exp'] - payload['iat']) / 3600:.1f} h")
        put = bob.put(f"{url}/feedback", json={"feedback": {"forId": "msg-1", "value": 1, "comment": "bob's"},
                                               "sessionId": str(uuid.uuid4())})
        bob_id = put.json().get("feedbackId") if put.is_success else None
        forged = alice.put(f"{url}/feedback", json={"feedback": {"forId": "msg-1", "value": 0, "id": bob_id,
                                                                 "comment": "=1+1+cmd|' /C calc'!A0"},
                                                    "sessionId": str(uuid.uuid4())})
        deleted = alice.request("DELETE", f"{url}/feedback", json={"feedbackId": bob_id})
        import sqlite3

        with sqlite3.connect(db) as con:
            rows = con.execute("SELECT id, user_name, value, comment FROM feedbacks").fetchall()
        mine = [r for r in rows if r[0] == bob_id]
        print(f"[14.5] bob's feedback {put.status_code}; alice PUT on it {forged.status_code}, DELETE "
              f"{deleted.status_code}; row now: {mine[0] if mine else 'GONE'}; all rows: {rows}")
        alice.put(f"{url}/feedback", json={"feedback": {"forId": "msg-2", "value": 0,
                                                        "comment": "=1+1+cmd|' /C calc'!A0"},
                                           "sessionId": str(uuid.uuid4())})
        csv_out = subprocess.run([str(THIDUA), "feedback", "--csv", "--feedback-db", str(db)],
                                 capture_output=True, text=True, env=env, timeout=120).stdout
        cell = next((ln for ln in csv_out.splitlines() if "cmd|" in ln), "(absent)")
        print(f"[14.6] CSV line with the formula comment: {cell}")

        cors = alice.get(f"{url}/user", headers={"Origin": "http://evil.example"})
        print(f"[14.7] GET /user with Origin evil.example: {cors.status_code}, "
              f"Access-Control-Allow-Origin={cors.headers.get('access-control-allow-origin')!r}, "
              f"credentials={cors.headers.get('access-control-allow-credentials')!r}")
        stolen = dict(alice.cookies)
        out = alice.post(f"{url}/logout")
        replay = httpx.get(f"{url}/user", cookies=stolen, timeout=30)
        print(f"[14.7] logout {out.status_code}; the old token afterwards: GET /user {replay.status_code}")
        for f in (users, db):
            print(f"[14.7] mode of {f.name}: {oct(f.stat().st_mode & 0o777)}")

        with httpx.Client(timeout=30) as c:
            codes = [_login(c, url, "bob", f"guess-{i}").status_code for i in range(30)]
            ok = _login(c, url, "bob", "bob-password1").status_code
        print(f"[14.7] 30 wrong passwords for bob: statuses {sorted(set(codes))}, "
              f"first refusal without checking at attempt "
              f"{next((i + 1 for i, s in enumerate(codes) if s == 429), 'never')}; right password then: {ok}")
        alice.close()
        bob.close()
    finally:
        _stop(proc)


def main() -> None:
    only = set(sys.argv[1:])
    with tempfile.TemporaryDirectory(prefix="thidua-probe-") as d:
        tmp = Path(d)
        if not only or "start" in only:
            probe_start_without_corpus(tmp)
        for name in ("anon", "login"):
            (tmp / name).mkdir()
            (tmp / name / "index").symlink_to(tmp / "index", target_is_directory=True)
        if not only or "anon" in only:
            probe_anonymous(tmp / "anon")
        if not only or "login" in only:
            probe_login(tmp / "login")


if __name__ == "__main__":
    main()
