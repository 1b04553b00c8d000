"""Login hardening and request checks for the chat, in front of Chainlit's own server.

Chainlit signs a token at login and trusts it until it expires; it cannot
take one back, says how long a wrong password took, and lets any web page
call it with the officials' cookie.  Three pieces close that:

* ``LoginGuard`` checks a password in the same time whether the user exists
  or not, and refuses after too many failures per user name and per address;
* ``SessionRegistry`` remembers the logins this server issued: a token is
  good only while its session id is registered (logout removes it; a restart
  logs everyone out);
* ``SecurityMiddleware`` (ASGI) drops tokens that are no longer registered,
  turns away requests from foreign web origins, ends the session on logout
  and tells the rest of the app who is asking (``current_user``) and from
  where (``client_address``).

Everything is in memory and bounded; nothing here imports Chainlit at module level.
"""

from __future__ import annotations

import contextvars
import json
import secrets
import time
from collections import OrderedDict, deque
from collections.abc import Awaitable, Callable, Iterable, Mapping, MutableMapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from starlette.requests import cookie_parser

from bot.chat.users import hash_password, verify_password
from corpus.text import nfc

__all__ = ["WRONG_LOGIN", "LoginGuard", "LoginOutcome", "LoginPolicy", "SecurityMiddleware", "SessionRegistry",
           "client_address", "current_user", "parse_origins", "verified_login"]

current_user: contextvars.ContextVar[str | None] = contextvars.ContextVar("thidua_user", default=None)
client_address: contextvars.ContextVar[str] = contextvars.ContextVar("thidua_client", default="")
# the user name this request's login form was checked for (set only when the password matched)
verified_login: contextvars.ContextVar[str | None] = contextvars.ContextVar("thidua_login", default=None)

_MAX_FORM_BYTES = 64 * 1024
WRONG_LOGIN = "credentialsSignin"  # Chainlit's login form shows its translation (vi-VN.json)

_MAX_KEYS = 10_000  # user names / addresses / sessions remembered at most (oldest forgotten first)

Scope = MutableMapping[str, Any]
Receive = Callable[[], Awaitable[Mapping[str, Any]]]
Send = Callable[[Mapping[str, Any]], Awaitable[None]]


def parse_origins(text: str) -> tuple[str, ...]:
    """``"https://a.gov.vn, http://b:8000"`` -> normalised origins (scheme://host[:port], no slash)."""
    out = []
    for part in text.replace(";", ",").split(","):
        part = part.strip().rstrip("/")
        if part:
            url = urlsplit(part)
            out.append(f"{url.scheme.lower()}://{url.netloc.lower()}" if url.scheme and url.netloc else part)
    return tuple(dict.fromkeys(out))


# --- failed logins ----------------------------------------------------------------------------------------

@dataclass(frozen=True)
class LoginPolicy:
    """Failures allowed within ``window_s`` seconds, per user name and per client address."""

    max_per_user: int = 5
    max_per_address: int = 20
    window_s: float = 15 * 60


@dataclass(frozen=True)
class LoginOutcome:
    """``user`` is the canonical name on success; ``retry_after_s`` > 0 when refused without checking."""

    user: str | None
    retry_after_s: float = 0.0

    @property
    def refused_for_now(self) -> bool:
        return self.retry_after_s > 0


class _FailureLog:
    """Timestamps of recent failures per key; bounded in keys and in entries per key."""

    def __init__(self, limit: int, window_s: float, clock: Callable[[], float]) -> None:
        self.limit, self.window_s, self.clock = limit, window_s, clock
        self._log: OrderedDict[str, deque[float]] = OrderedDict()

    def _recent(self, key: str) -> deque[float]:
        now = self.clock()
        entries = self._log.get(key)
        if entries is None:
            return deque()
        while entries and entries[0] <= now - self.window_s:
            entries.popleft()
        if not entries:
            del self._log[key]
        return entries

    def retry_after(self, key: str) -> float:
        entries = self._recent(key)
        if len(entries) < self.limit:
            return 0.0
        return max(0.001, entries[-self.limit] + self.window_s - self.clock())

    def add(self, key: str) -> None:
        entries = self._recent(key)
        entries.append(self.clock())
        while len(entries) > self.limit:
            entries.popleft()
        self._log[key] = entries
        self._log.move_to_end(key)
        while len(self._log) > _MAX_KEYS:
            self._log.popitem(last=False)

    def clear(self, key: str) -> None:
        self._log.pop(key, None)


class LoginGuard:
    """Checks user name and password against a users mapping, in constant work per attempt.

    An unknown user is checked against a dummy hash with the same scrypt cost, so the
    answer takes as long as for a known user with a wrong password.
    """

    def __init__(self, policy: LoginPolicy = LoginPolicy(), clock: Callable[[], float] = time.monotonic) -> None:
        self.policy = policy
        self._users = _FailureLog(policy.max_per_user, policy.window_s, clock)
        self._addresses = _FailureLog(policy.max_per_address, policy.window_s, clock)
        self._dummy: str | None = None

    @staticmethod
    def _key(username: str) -> str:
        return nfc(username.strip()).casefold()[:200]

    def _dummy_hash(self) -> str:
        if self._dummy is None:
            self._dummy = hash_password(secrets.token_hex(16))
        return self._dummy

    def check(self, users: Mapping[str, str], username: str, password: str, address: str = "") -> LoginOutcome:
        """Blocking (scrypt): run it in a worker thread from async code."""
        name = nfc(username.strip())
        key = self._key(username)
        wait = max(self._users.retry_after(key), self._addresses.retry_after(address))
        if wait:
            return LoginOutcome(None, wait)
        stored = users.get(name)
        ok = verify_password(password, stored if stored is not None else self._dummy_hash())
        if ok and stored is not None:
            self._users.clear(key)
            return LoginOutcome(name)
        self._users.add(key)
        self._addresses.add(address)
        return LoginOutcome(None)


# --- issued logins ----------------------------------------------------------------------------------------

class SessionRegistry:
    """Session ids of the logins this server issued, each with its user and expiry (bounded)."""

    def __init__(self, lifetime_s: float, clock: Callable[[], float] = time.time) -> None:
        self.lifetime_s, self.clock = lifetime_s, clock
        self._sessions: OrderedDict[str, tuple[str, float]] = OrderedDict()

    def issue(self, user: str) -> str:
        self._prune()
        sid = secrets.token_urlsafe(24)
        self._sessions[sid] = (user, self.clock() + self.lifetime_s)
        while len(self._sessions) > _MAX_KEYS:
            self._sessions.popitem(last=False)
        return sid

    def valid(self, sid: object, user: str) -> bool:
        entry = self._sessions.get(sid) if isinstance(sid, str) else None
        return entry is not None and entry[0] == user and entry[1] > self.clock()

    def revoke(self, sid: object) -> None:
        if isinstance(sid, str):
            self._sessions.pop(sid, None)

    def _prune(self) -> None:
        now = self.clock()
        for sid in [s for s, (_, exp) in self._sessions.items() if exp <= now]:
            del self._sessions[sid]


# --- the middleware ---------------------------------------------------------------------------------------

def _header(scope: Scope, name: bytes) -> str | None:
    for key, value in scope.get("headers") or ():
        if key.lower() == name:
            return value.decode("latin-1")
    return None


class SecurityMiddleware:
    """ASGI middleware; ``decode`` maps a token to (user, session id) or raises; ``sessions`` is None
    when login is off (then only the origin check applies).

    ``check_login(username, password, address)`` decides a POST to /login before Chainlit sees it:
    a refusal is answered here (401 with the key of the Vietnamese form message, or 429 with a
    Vietnamese line), a success goes on to Chainlit with ``verified_login`` set.
    """

    def __init__(self, app: Callable[..., Awaitable[None]], *, sessions: SessionRegistry | None,
                 decode: Callable[[str], tuple[str, object]],
                 check_login: Callable[[str, str, str], Awaitable[LoginOutcome]] | None = None,
                 token_cookie: str = "access_token",
                 allowed_origins: Iterable[str] = (), socket_path: str = "/ws/socket.io") -> None:
        self.app, self.sessions, self.decode, self.check_login = app, sessions, decode, check_login
        self.token_cookie = token_cookie
        self.allowed_origins = frozenset(parse_origins(",".join(allowed_origins)))
        self.socket_path = socket_path

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] not in ("http", "websocket"):
            await self.app(scope, receive, send)
            return
        path, method = scope.get("path", ""), scope.get("method", "GET")
        origin = _header(scope, b"origin")
        if origin and not self._origin_ok(origin, scope):
            unsafe = method not in ("GET", "HEAD", "OPTIONS") or scope["type"] == "websocket"
            if unsafe or path.startswith(self.socket_path):
                await self._refuse(scope, receive, send)
                return
        user = None
        if self.sessions is not None:
            token, sid = self._token(scope), None
            if token:
                try:
                    user, sid = self.decode(token)
                except Exception:
                    user = None
                if user is None or not self.sessions.valid(sid, user):
                    user = None
                    scope = self._without_token(scope)  # Chainlit then sees an anonymous request: 401
                elif path.endswith("/logout") and method == "POST":
                    self.sessions.revoke(sid)
        client = scope.get("client")
        address = client[0] if client else ""
        user_token = current_user.set(user)
        address_token = client_address.set(address)
        login_token = verified_login.set(None)
        try:
            if self.check_login is not None and path.endswith("/login") and method == "POST":
                receive = await self._login(scope, receive, send, address)
                if receive is None:
                    return
            await self.app(scope, receive, send)
        finally:
            current_user.reset(user_token)
            client_address.reset(address_token)
            verified_login.reset(login_token)

    async def _login(self, scope: Scope, receive: Receive, send: Send, address: str) -> Receive | None:
        """Check the login form; None when the answer was sent here, else a ``receive`` replaying the body."""
        body, more = b"", True
        while more:
            message = await receive()
            if message["type"] != "http.request":
                return None
            body += message.get("body", b"")
            more = message.get("more_body", False)
            if len(body) > _MAX_FORM_BYTES:
                await _json(send, 413, {"detail": "Yêu cầu quá lớn."})
                return None
        sent = False

        async def replay() -> Mapping[str, Any]:
            nonlocal sent
            if sent:
                return await receive()
            sent = True
            return {"type": "http.request", "body": body, "more_body": False}

        from starlette.requests import Request

        try:
            form = await Request(scope, replay).form()
            username, password = str(form.get("username") or ""), str(form.get("password") or "")
        except Exception:
            username = password = ""
        sent = False
        assert self.check_login is not None
        outcome = await self.check_login(username, password, address)
        if outcome.refused_for_now:
            minutes = max(1, -(-int(outcome.retry_after_s) // 60))
            await _json(send, 429, {"detail": f"Đăng nhập sai quá nhiều lần. Vui lòng thử lại sau {minutes} phút."},
                        [(b"retry-after", str(int(outcome.retry_after_s) + 1).encode())])
            return None
        if outcome.user is None:
            await _json(send, 401, {"detail": WRONG_LOGIN})
            return None
        verified_login.set(outcome.user)
        return replay

    def _origin_ok(self, origin: str, scope: Scope) -> bool:
        """Same host as the request (any scheme: a proxy may end TLS), or configured."""
        normalised = parse_origins(origin)
        if normalised and normalised[0] in self.allowed_origins:
            return True
        host = (_header(scope, b"host") or "").lower()
        return bool(host) and urlsplit(origin).netloc.lower() == host

    @staticmethod
    def _cookies(scope: Scope) -> dict[str, str]:
        return cookie_parser(_header(scope, b"cookie") or "")  # the parser Chainlit's requests use

    def _token(self, scope: Scope) -> str | None:
        cookies = self._cookies(scope)
        token = cookies.get(self.token_cookie)
        if not token:
            chunks = []
            while f"{self.token_cookie}_{len(chunks)}" in cookies:
                chunks.append(cookies[f"{self.token_cookie}_{len(chunks)}"])
            token = "".join(chunks) or None
        if not token:
            auth = _header(scope, b"authorization") or ""
            scheme, _, value = auth.partition(" ")
            token = value.strip() if scheme.lower() == "bearer" and value.strip() else None
        return token

    def _without_token(self, scope: Scope) -> Scope:
        headers = []
        for key, value in scope.get("headers") or ():
            name = key.lower()
            if name == b"authorization":
                continue
            if name == b"cookie":
                kept = [c for c in value.decode("latin-1").split(";")
                        if not c.strip().startswith(self.token_cookie)]
                if not kept:
                    continue
                value = ";".join(kept).encode("latin-1")
            headers.append((key, value))
        return {**scope, "headers": headers}

    async def _refuse(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] == "websocket":
            await receive()  # websocket.connect
            await send({"type": "websocket.close", "code": 1008})
            return
        await _json(send, 403, {"detail": "Yêu cầu từ trang web khác bị từ chối."})


async def _json(send: Send, status: int, payload: dict, headers: list[tuple[bytes, bytes]] | None = None) -> None:
    body = json.dumps(payload, ensure_ascii=False).encode("utf-8")
    await send({"type": "http.response.start", "status": status,
                "headers": [(b"content-type", b"application/json; charset=utf-8"),
                            (b"content-length", str(len(body)).encode()), *(headers or [])]})
    await send({"type": "http.response.body", "body": body})

