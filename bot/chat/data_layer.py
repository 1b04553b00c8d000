"""Chainlit's data layer for thidua: feedback (bot.feedback's SQLite file) and, with login, the history.

Chainlit shows the thumbs up/down buttons only when a data layer exists, and
with login it also opens a history sidebar and moves each conversation to
``/thread/<id>``, which a reload fetches.  So a logged-in official's
conversations are kept in the same local SQLite file (tables ``threads``,
``steps``, ``elements``): a reload shows the conversation again and the
sidebar lists the earlier ones.  Without login nobody could open them again,
so nothing of the conversation is stored then.

What is stored is bounded (``bot.feedback.LIMITS``): a flood of huge messages
cannot fill the disk.  Chainlit does not tell a data layer who is asking;
``bot.chat.security``'s middleware does (``current_user``), so feedback is
recorded with its author and only the author may change or delete it.
"""

from __future__ import annotations

import asyncio
import base64
import functools
import json
import sqlite3
from contextlib import AbstractContextManager
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from chainlit.data.base import BaseDataLayer
from chainlit.types import Feedback, PageInfo, PaginatedResponse
from chainlit.user import PersistedUser, User
from fastapi import HTTPException

from bot.chat.security import current_user
from bot.feedback import LIMITS, FeedbackDenied, FeedbackStore, connect

__all__ = ["FeedbackDataLayer", "ThreadStore"]

_SCHEMA = """
CREATE TABLE IF NOT EXISTS threads (
    id              TEXT PRIMARY KEY,
    created_at      TEXT NOT NULL,
    updated_at      TEXT NOT NULL,
    name            TEXT,
    user_identifier TEXT NOT NULL,
    metadata        TEXT
);
CREATE INDEX IF NOT EXISTS threads_user ON threads(user_identifier, updated_at);
CREATE TABLE IF NOT EXISTS steps (
    id         TEXT PRIMARY KEY,
    thread_id  TEXT NOT NULL,
    created_at TEXT,
    body       TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS steps_thread ON steps(thread_id);
CREATE TABLE IF NOT EXISTS elements (
    id        TEXT PRIMARY KEY,
    thread_id TEXT NOT NULL,
    body      TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS elements_thread ON elements(thread_id);
"""

# only these parts of a session are kept with a thread: they are plain JSON and Chainlit restores them
_KEPT_METADATA = ("chat_settings", "chat_profile")
_ELEMENT_CHARS = 50_000


def _now() -> str:
    return datetime.now(UTC).isoformat()


def _yesterday() -> str:
    return (datetime.now(UTC) - timedelta(days=1)).isoformat()


def _cut(text: Any, limit: int) -> Any:
    return text[: limit - 1] + "…" if isinstance(text, str) and len(text) > limit else text


class ThreadStore:
    """Conversations of logged-in users, in the feedback SQLite file.  Blocking; one connection per call."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)

    def _connect(self) -> AbstractContextManager[sqlite3.Connection]:
        return connect(self.path)

    def init(self) -> ThreadStore:
        """Create the tables; forget steps of conversations that never started (older than a day)."""
        with self._connect() as con:
            con.executescript(_SCHEMA)
            con.execute("DELETE FROM steps WHERE COALESCE(created_at, '') < ?"
                        " AND thread_id NOT IN (SELECT id FROM threads)", (_yesterday(),))
            con.execute("DELETE FROM elements WHERE thread_id NOT IN (SELECT id FROM threads)"
                        " AND thread_id NOT IN (SELECT thread_id FROM steps)")
        return self

    def update_thread(self, thread_id: str, name: str | None, user: str | None, metadata: dict | None) -> None:
        """Create or update a thread; a thread is only created for a known user."""
        kept = {k: v for k, v in (metadata or {}).items() if k in _KEPT_METADATA}
        name = _cut(" ".join(name.split()), 200) if name else None
        with self._connect() as con:
            row = con.execute("SELECT metadata FROM threads WHERE id = ?", (thread_id,)).fetchone()
            if row is None:
                if not user:
                    return
                con.execute("INSERT INTO threads (id, created_at, updated_at, name, user_identifier, metadata)"
                            " VALUES (?,?,?,?,?,?)", (thread_id, _now(), _now(), name, user, json.dumps(kept)))
                return
            merged = {**json.loads(row[0] or "{}"), **kept}
            con.execute("UPDATE threads SET updated_at = ?, name = COALESCE(?, name), metadata = ? WHERE id = ?",
                        (_now(), name, json.dumps(merged, default=str), thread_id))

    def upsert_step(self, step: dict) -> None:
        """Chainlit may send a thread's first steps before the thread itself: they are kept either way."""
        thread_id = step.get("threadId")
        if step.get("type") == "run" and step.get("name") == "on_chat_start":
            return  # nothing the official sees; written for every page opened
        body = dict(step)
        limit = LIMITS.question_chars if step.get("type") == "user_message" else LIMITS.answer_chars
        for key in ("input", "output"):
            body[key] = _cut(body.get(key), limit)
        body.pop("feedback", None)
        if not thread_id:
            return
        with self._connect() as con:
            old = con.execute("SELECT body FROM steps WHERE id = ?", (step["id"],)).fetchone()
            if old is not None:  # an update may carry only some fields
                body = {**json.loads(old[0]), **{k: v for k, v in body.items() if v is not None}}
            con.execute("INSERT INTO steps (id, thread_id, created_at, body) VALUES (?,?,?,?) ON CONFLICT(id)"
                        " DO UPDATE SET body = excluded.body", (step["id"], thread_id, body.get("createdAt"),
                                                                 json.dumps(body, ensure_ascii=False, default=str)))
            con.execute("UPDATE threads SET updated_at = ? WHERE id = ?", (_now(), thread_id))

    def delete_step(self, step_id: str) -> None:
        with self._connect() as con:
            con.execute("DELETE FROM steps WHERE id = ?", (step_id,))

    def add_element(self, element: dict, content: str | None) -> None:
        thread_id = element.get("threadId")
        body = dict(element)
        if isinstance(content, str):
            body["content"] = _cut(content, _ELEMENT_CHARS)
        if not thread_id:
            return
        with self._connect() as con:
            con.execute("INSERT OR REPLACE INTO elements (id, thread_id, body) VALUES (?,?,?)",
                        (element["id"], thread_id, json.dumps(body, ensure_ascii=False, default=str)))

    @staticmethod
    def _element_out(body: str) -> dict:
        """Stored text served inline: the session's file server is gone after a reload."""
        element = json.loads(body)
        content = element.pop("content", None)
        if isinstance(content, str):
            element["url"] = "data:text/plain;charset=utf-8;base64," + base64.b64encode(content.encode()).decode()
            element["chainlitKey"] = None
        return element

    def get_element(self, thread_id: str, element_id: str) -> dict | None:
        with self._connect() as con:
            row = con.execute("SELECT body FROM elements WHERE id = ? AND thread_id = ?",
                              (element_id, thread_id)).fetchone()
        return self._element_out(row[0]) if row else None

    def delete_element(self, element_id: str) -> None:
        with self._connect() as con:
            con.execute("DELETE FROM elements WHERE id = ?", (element_id,))

    def author(self, thread_id: str) -> str:
        with self._connect() as con:
            row = con.execute("SELECT user_identifier FROM threads WHERE id = ?", (thread_id,)).fetchone()
        return row[0] if row else ""

    def get_thread(self, thread_id: str) -> dict | None:
        with self._connect() as con:
            row = con.execute("SELECT id, created_at, name, user_identifier, metadata FROM threads WHERE id = ?",
                              (thread_id,)).fetchone()
            if row is None:
                return None
            steps = [json.loads(b) for (b,) in con.execute(
                "SELECT body FROM steps WHERE thread_id = ? ORDER BY created_at, rowid", (thread_id,))]
            elements = [self._element_out(b) for (b,) in con.execute(
                "SELECT body FROM elements WHERE thread_id = ? ORDER BY rowid", (thread_id,))]
            feedback = {}
            if con.execute("SELECT 1 FROM sqlite_master WHERE name = 'feedbacks'").fetchone():
                ids = [s["id"] for s in steps]
                for fid, for_id, value, comment in con.execute(
                        f"SELECT id, message_id, value, comment FROM feedbacks WHERE message_id IN "
                        f"({','.join('?' * len(ids))})", ids) if ids else ():
                    feedback[for_id] = {"id": fid, "forId": for_id, "value": 1 if value > 0 else 0,
                                        "comment": comment or None}
        for step in steps:
            if step["id"] in feedback:
                step["feedback"] = feedback[step["id"]]
        return {"id": row[0], "createdAt": row[1], "name": row[2], "userId": row[3], "userIdentifier": row[3],
                "tags": None, "metadata": json.loads(row[4] or "{}"), "steps": steps, "elements": elements}

    def list_threads(self, user: str | None, first: int, cursor: str | None, search: str | None) -> tuple[list, bool]:
        """A page of the user's threads, newest first, and whether more follow."""
        if not user:
            return [], False
        query = "SELECT id, created_at, name, user_identifier FROM threads WHERE user_identifier = ?"
        params: list[Any] = [user]
        if search:
            query += " AND name LIKE ?"
            params.append(f"%{search}%")
        with self._connect() as con:
            rows = con.execute(query + " ORDER BY updated_at DESC, id", params).fetchall()
        start = next((i + 1 for i, r in enumerate(rows) if r[0] == cursor), 0) if cursor else 0
        page = rows[start:start + max(1, first)]
        data = [{"id": r[0], "createdAt": r[1], "name": r[2], "userId": r[3], "userIdentifier": r[3],
                 "tags": None, "metadata": {}, "steps": [], "elements": []} for r in page]
        return data, start + len(page) < len(rows)

    def delete_thread(self, thread_id: str) -> None:
        with self._connect() as con:
            for table, column in (("steps", "thread_id"), ("elements", "thread_id"), ("threads", "id")):
                con.execute(f"DELETE FROM {table} WHERE {column} = ?", (thread_id,))


class FeedbackDataLayer(BaseDataLayer):
    """Feedback goes to ``store`` (Chainlit value 1 = 👍 (+1), 0 = 👎 (-1)); with ``keep_threads`` (login
    on: every session has a user) the conversations go to ``threads`` in the same file, else nowhere."""

    def __init__(self, store: FeedbackStore, *, keep_threads: bool = False) -> None:
        self.store = store
        self.threads = ThreadStore(store.path).init() if keep_threads else None

    @staticmethod
    async def _run(func, *args, **kwargs):
        return await asyncio.to_thread(functools.partial(func, *args, **kwargs))

    async def upsert_feedback(self, feedback: Feedback) -> str:
        try:
            return await self._run(self.store.upsert_feedback, feedback.forId, 1 if feedback.value == 1 else -1,
                                   feedback.comment, feedback_id=feedback.id, thread_id=feedback.threadId,
                                   user_name=current_user.get())
        except FeedbackDenied as exc:
            raise HTTPException(status_code=403, detail=str(exc)) from exc

    async def delete_feedback(self, feedback_id: str) -> bool:
        try:
            return await self._run(self.store.delete_feedback, feedback_id, user_name=current_user.get())
        except FeedbackDenied as exc:
            raise HTTPException(status_code=403, detail=str(exc)) from exc

    async def get_user(self, identifier: str) -> PersistedUser | None:
        return PersistedUser(id=identifier, identifier=identifier, createdAt=_now())

    async def create_user(self, user: User) -> PersistedUser | None:
        metadata = {k: v for k, v in (user.metadata or {}).items() if k != "sid"}
        return PersistedUser(id=user.identifier, identifier=user.identifier, createdAt=_now(), metadata=metadata)

    async def _threads(self, method: str, *args: Any, default: Any = None) -> Any:
        """Run a ThreadStore method in a worker thread; without login there is no history (``default``)."""
        if self.threads is None:
            return default
        return await self._run(getattr(self.threads, method), *args)

    async def create_element(self, element) -> None:
        await self._threads("add_element", element.to_dict(), getattr(element, "content", None))

    async def get_element(self, thread_id: str, element_id: str):
        return await self._threads("get_element", thread_id, element_id)

    async def delete_element(self, element_id: str, thread_id: str | None = None) -> None:
        await self._threads("delete_element", element_id)

    async def create_step(self, step_dict) -> None:
        await self._threads("upsert_step", dict(step_dict))

    async def update_step(self, step_dict) -> None:
        await self._threads("upsert_step", dict(step_dict))

    async def delete_step(self, step_id: str) -> None:
        await self._threads("delete_step", step_id)

    async def get_thread_author(self, thread_id: str) -> str:
        return await self._threads("author", thread_id, default="")

    async def delete_thread(self, thread_id: str) -> None:
        await self._threads("delete_thread", thread_id)

    async def list_threads(self, pagination, filters) -> PaginatedResponse:
        data, more = await self._threads("list_threads", filters.userId, pagination.first, pagination.cursor,
                                         filters.search, default=([], False))
        return PaginatedResponse(pageInfo=PageInfo(hasNextPage=more, startCursor=data[0]["id"] if data else None,
                                                   endCursor=data[-1]["id"] if data else None), data=data)

    async def get_thread(self, thread_id: str):
        return await self._threads("get_thread", thread_id)

    async def update_thread(self, thread_id: str, name=None, user_id=None, metadata=None, tags=None) -> None:
        await self._threads("update_thread", thread_id, name, user_id, metadata)

    async def build_debug_url(self) -> str:
        return ""

    async def close(self) -> None:
        return None

    async def get_favorite_steps(self, user_id: str) -> list:
        return []
