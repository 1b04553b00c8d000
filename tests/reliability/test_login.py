"""Login hardening: equal work for known and unknown users, limits on failures, tokens that end at
logout and after the configured lifetime, no foreign web origin, Vietnamese refusals."""

from __future__ import annotations

import asyncio
import base64
import json
import uuid
from pathlib import Path

import httpx
import pytest

from bot.chat import security
from bot.chat.security import LoginGuard, LoginPolicy, SessionRegistry, parse_origins
from bot.chat.users import hash_password

USERS = {"alice": hash_password("alice-mat-khau")}


class Clock:
    def __init__(self) -> None:
        self.now = 1000.0

    def __call__(self) -> float:
        return self.now


# --- the guard and the registry, without a server --------------------------------------------------------

def test_unknown_user_costs_one_scrypt_check_of_the_same_strength(monkeypatch):
    seen = []
    real = security.verify_password

    def spy(password, stored):
        seen.append(stored.split("$")[1:4])  # n, r, p
        return real(password, stored)

    monkeypatch.setattr(security, "verify_password", spy)
    guard = LoginGuard()
    assert guard.check(USERS, "alice", "sai-mat-khau").user is None
    assert guard.check(USERS, "khong-ai", "sai-mat-khau").user is None
    assert len(seen) == 2 and seen[0] == seen[1]  # same cost whether the name exists or not


def test_names_are_matched_in_nfc_and_success_returns_the_stored_name():
    users = {"nguyễn.văn.a": hash_password("mat-khau-dai")}
    import unicodedata

    nfd = unicodedata.normalize("NFD", " nguyễn.văn.a ")
    assert LoginGuard().check(users, nfd, "mat-khau-dai").user == "nguyễn.văn.a"


def test_too_many_failures_for_a_user_refuse_even_the_right_password_until_the_window_ends():
    clock = Clock()
    guard = LoginGuard(LoginPolicy(max_per_user=3, max_per_address=100, window_s=600), clock=clock)
    for _ in range(3):
        assert not guard.check(USERS, "Alice", "sai", "10.0.0.1").refused_for_now  # case-insensitive name
    refused = guard.check(USERS, "alice", "alice-mat-khau", "10.0.0.2")
    assert refused.user is None and 0 < refused.retry_after_s <= 600
    clock.now += 601
    assert guard.check(USERS, "alice", "alice-mat-khau", "10.0.0.2").user == "alice"


def test_one_address_trying_many_names_is_refused():
    guard = LoginGuard(LoginPolicy(max_per_user=100, max_per_address=4, window_s=600), clock=Clock())
    for i in range(4):
        guard.check(USERS, f"ten{i}", "sai", "10.0.0.9")
    assert guard.check(USERS, "alice", "alice-mat-khau", "10.0.0.9").refused_for_now
    assert guard.check(USERS, "alice", "alice-mat-khau", "10.0.0.10").user == "alice"


def test_success_clears_the_users_failures():
    guard = LoginGuard(LoginPolicy(max_per_user=3, max_per_address=100, window_s=600), clock=Clock())
    guard.check(USERS, "alice", "sai")
    guard.check(USERS, "alice", "sai")
    assert guard.check(USERS, "alice", "alice-mat-khau").user == "alice"
    guard.check(USERS, "alice", "sai")
    guard.check(USERS, "alice", "sai")
    assert guard.check(USERS, "alice", "alice-mat-khau").user == "alice"


def test_memory_stays_bounded(monkeypatch):
    monkeypatch.setattr(security, "_MAX_KEYS", 50)
    monkeypatch.setattr(security, "verify_password", lambda p, s: False)
    guard = LoginGuard(clock=Clock())
    for i in range(500):
        guard.check(USERS, f"user{i}", "sai", f"10.0.{i // 250}.{i % 250}")
    assert len(guard._users._log) <= 50 and len(guard._addresses._log) <= 50
    reg = SessionRegistry(3600)
    for i in range(200):
        reg.issue(f"u{i}")
    assert len(reg._sessions) <= 50


def test_sessions_end_at_logout_and_at_expiry_and_belong_to_one_user():
    clock = Clock()
    reg = SessionRegistry(lifetime_s=7200, clock=clock)
    a, b = reg.issue("alice"), reg.issue("alice")
    assert reg.valid(a, "alice") and not reg.valid(a, "bob") and not reg.valid("forged", "alice")
    assert not reg.valid(None, "alice")
    reg.revoke(a)
    assert not reg.valid(a, "alice") and reg.valid(b, "alice")  # another device stays logged in
    clock.now += 7201
    assert not reg.valid(b, "alice")


def test_origins_are_normalised():
    assert parse_origins("https://Cong.Tinh.gov.vn/, http://10.0.0.5:8000 ; ") == (
        "https://cong.tinh.gov.vn", "http://10.0.0.5:8000")
    assert parse_origins("") == ()


# --- against a running chat ---------------------------------------------------------------------------



def _login(server, user: str, password: str, client: httpx.Client | None = None) -> httpx.Response:
    c = client or httpx.Client(base_url=server.url, timeout=60)
    return c.post("/login", data={"username": user, "password": password})


@pytest.mark.slow
def test_wrong_password_and_unknown_user_get_the_same_vietnamese_refusal(login_server):
    known = _login(login_server, "alice", "sai-mat-khau")
    unknown = _login(login_server, "khong-ai-ca", "sai-mat-khau")
    assert known.status_code == unknown.status_code == 401
    assert known.json() == unknown.json() == {"detail": "credentialsSignin"}
    translation = Path(security.__file__).parent / ".chainlit" / "translations" / "vi-VN.json"
    shown = json.loads(translation.read_text(encoding="utf-8"))["auth"]["login"]["errors"]["credentialsSignin"]
    assert shown.startswith("Đăng nhập không thành công")


@pytest.mark.slow
def test_repeated_failures_lock_the_name_with_a_vietnamese_message(login_server):
    codes = [_login(login_server, "bob", f"doan-mo-{i}").status_code for i in range(5)]
    assert codes == [401] * 5
    locked = _login(login_server, "bob", "bob-mat-khau-1")  # even the right password, for now
    assert locked.status_code == 429
    assert locked.json()["detail"].startswith("Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau")
    assert int(locked.headers["retry-after"]) > 0
    assert _login(login_server, "alice", "alice-mat-khau").status_code == 200  # others unaffected


@pytest.mark.slow
def test_token_stops_working_after_logout_on_http_and_socket(login_server):
    client = httpx.Client(base_url=login_server.url, timeout=60)
    assert _login(login_server, "alice", "alice-mat-khau", client).status_code == 200
    token = client.cookies["access_token"]
    assert client.get("/user").status_code == 200
    assert asyncio.run(_socket_connects(login_server.url, token))
    assert client.post("/logout").status_code == 200
    replay = httpx.get(f"{login_server.url}/user", cookies={"access_token": token}, timeout=60)
    assert replay.status_code == 401
    bearer = httpx.get(f"{login_server.url}/user", headers={"Authorization": f"Bearer {token}"}, timeout=60)
    assert bearer.status_code == 401
    assert not asyncio.run(_socket_connects(login_server.url, token))


async def _socket_connects(url: str, token: str, origin: str | None = None) -> bool:
    import socketio

    sio = socketio.AsyncClient(reconnection=False)
    headers = {"Cookie": f"access_token={token}"} | ({"Origin": origin} if origin else {})
    try:
        await sio.connect(url, socketio_path="/ws/socket.io", transports=["websocket"], wait_timeout=30,
                          headers=headers,
                          auth={"clientType": "webapp", "sessionId": str(uuid.uuid4()), "threadId": None,
                                "userEnv": "{}", "chatProfile": None})
    except Exception:
        if getattr(sio.eio, "http", None) is not None:  # the refused attempt leaves its HTTP session open
            await sio.eio.http.close()
        return False
    await sio.disconnect()
    return True


@pytest.mark.slow
def test_token_lifetime_comes_from_settings(login_server):
    response = _login(login_server, "alice", "alice-mat-khau")
    token = response.cookies["access_token"]
    claims = json.loads(base64.urlsafe_b64decode(token.split(".")[1] + "=="))
    assert claims["exp"] - claims["iat"] == 2 * 3600  # THIDUA_SESSION_HOURS=2 (default 12, was 15 days)
    assert "max-age=7200" in response.headers["set-cookie"].lower()


@pytest.mark.slow
def test_foreign_origins_are_not_trusted_and_configured_ones_are(login_server):
    client = httpx.Client(base_url=login_server.url, timeout=60)
    assert _login(login_server, "alice", "alice-mat-khau", client).status_code == 200
    evil = client.get("/user", headers={"Origin": "http://evil.example"})
    assert "access-control-allow-origin" not in evil.headers
    post = client.put("/feedback", headers={"Origin": "http://evil.example"},
                      json={"feedback": {"forId": "m", "value": 1}, "sessionId": "s"})
    assert post.status_code == 403 and post.json()["detail"].startswith("Yêu cầu từ trang web khác")
    good = client.get("/user", headers={"Origin": "https://cong.tinh.gov.vn"})
    assert good.headers.get("access-control-allow-origin") == "https://cong.tinh.gov.vn"
    same = client.put("/feedback", headers={"Origin": login_server.url},
                      json={"feedback": {"forId": "m", "value": 1}, "sessionId": "s"})
    assert same.status_code == 200


@pytest.mark.slow
def test_socket_from_a_foreign_origin_is_refused_even_with_a_valid_token(login_server):
    token = _login(login_server, "alice", "alice-mat-khau").cookies["access_token"]
    assert asyncio.run(_socket_connects(login_server.url, token, origin=login_server.url))
    assert not asyncio.run(_socket_connects(login_server.url, token, origin="http://evil.example"))
