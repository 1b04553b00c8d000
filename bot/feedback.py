"""Where the chat's answers and the officials' thumbs up/down land: one local SQLite file.

Each answer the chat sends is recorded under the id of its message, so a
feedback row (which Chainlit only ties to that message id) can be joined to
the question, the answer, the clauses cited and the retriever that ran.
Plain ``sqlite3`` keeps this testable without Chainlit and without a server.

Feedback belongs to its author: with login on, only the user who gave a
feedback may change or delete it.  What is stored is bounded (a question
refused as too long is kept as its first ``MAX_QUESTION_CHARS`` characters),
and the CSV export neutralises cells a spreadsheet would run as formulas.
"""

from __future__ import annotations

import csv
import json
import os
import sqlite3
import uuid
from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager, contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path
from typing import TextIO

from bot.guard import MAX_QUESTION_CHARS
from corpus.errors import ThiduaError

__all__ = ["CSV_COLUMNS", "AnswerRecord", "FeedbackDenied", "FeedbackRow", "FeedbackStore", "StoreLimits",
           "spreadsheet_safe", "write_csv"]

CSV_COLUMNS = ("time", "value", "comment", "question", "answer", "citations", "retriever", "user")


@dataclass(frozen=True)
class StoreLimits:
    """How much of each text is kept: enough to judge an answer, never a flood (anyone can type)."""

    question_chars: int = MAX_QUESTION_CHARS
    answer_chars: int = 20_000
    comment_chars: int = 2_000
    label_chars: int = 500  # one citation label, retriever, kind, ids


LIMITS = StoreLimits()


class FeedbackDenied(ThiduaError, PermissionError):
    """Someone tried to change or delete a feedback that another user gave."""


def _cut(text: str | None, limit: int) -> str:
    """At most ``limit`` characters; a cut text ends with "…" so the export shows it was cut."""
    text = text or ""
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _cut_or_none(text: str | None, limit: int) -> str | None:
    return None if text is None else _cut(text, limit)


# A spreadsheet runs a cell that starts with one of these as a formula (CSV injection).
_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\n", "\uff1d", "\uff0b", "\uff0d", "\uff20")


def spreadsheet_safe(cell: str) -> str:
    """A leading apostrophe makes Excel and LibreOffice show the text instead of evaluating it."""
    return "'" + cell if cell.startswith(_FORMULA_STARTS) else cell

_SCHEMA = """
CREATE TABLE IF NOT EXISTS answers (
    message_id  TEXT PRIMARY KEY,
    run_id      TEXT,
    thread_id   TEXT,
    created_at  TEXT NOT NULL,
    user_name   TEXT,
    question    TEXT NOT NULL,
    answer      TEXT NOT NULL,
    abstained   INTEGER NOT NULL,
    citations   TEXT NOT NULL,
    clause_ids  TEXT NOT NULL,
    retriever   TEXT NOT NULL,
    kind        TEXT,
    latency_ms  REAL
);
CREATE TABLE IF NOT EXISTS feedbacks (
    id          TEXT PRIMARY KEY,
    message_id  TEXT NOT NULL,
    thread_id   TEXT,
    created_at  TEXT NOT NULL,
    user_name   TEXT,
    value       INTEGER NOT NULL CHECK (value IN (-1, 1)),
    comment     TEXT
);
CREATE INDEX IF NOT EXISTS feedbacks_message ON feedbacks(message_id);
CREATE INDEX IF NOT EXISTS answers_run ON answers(run_id);
"""


@dataclass(frozen=True)
class AnswerRecord:
    """What was shown for one chat message: enough to judge a thumbs-down later.

    ``run_id`` is the id of the step that produced the message (Chainlit attaches
    the thumbs to that "run" step rather than to the message itself).
    """

    message_id: str
    question: str
    answer: str
    abstained: bool
    citations: tuple[str, ...]
    clause_ids: tuple[str, ...]
    retriever: str
    thread_id: str | None = None
    kind: str | None = None
    latency_ms: float | None = None
    user_name: str | None = None
    run_id: str | None = None


@dataclass(frozen=True)
class FeedbackRow:
    """One feedback joined to its answer (answer fields are empty if the answer was not recorded)."""

    id: str
    time: str
    value: int
    comment: str
    question: str
    answer: str
    citations: tuple[str, ...]
    retriever: str
    message_id: str
    thread_id: str | None = None
    user_name: str | None = None

    def csv_values(self) -> list[str]:
        """The export row, in ``CSV_COLUMNS`` order; citations joined with " | ", text cells made inert.

        The value ("+1"/"-1") is ours and stays as it is; every text that came from a user or a
        document goes through ``spreadsheet_safe``.
        """
        text = [self.comment, self.question, self.answer, " | ".join(self.citations), self.retriever,
                self.user_name or ""]
        return [self.time, f"{self.value:+d}", *map(spreadsheet_safe, text)]


@contextmanager
def connect(path: Path) -> Iterator[sqlite3.Connection]:
    """One connection per call, so threads never share one: committed on success, always closed."""
    con = sqlite3.connect(path, timeout=10)
    try:
        with con:
            yield con
    finally:
        con.close()


def _now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


class FeedbackStore:
    """A small SQLite file; every call opens its own connection so threads never share one."""

    def __init__(self, path: Path | str) -> None:
        self.path = Path(path)

    def _connect(self) -> AbstractContextManager[sqlite3.Connection]:
        return connect(self.path)

    def init(self) -> FeedbackStore:
        """Create the folder and tables if missing (idempotent); a new file is readable by its owner only."""
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            if not self.path.exists():  # answers and comments are not for other accounts on the machine
                os.close(os.open(self.path, os.O_CREAT | os.O_WRONLY, 0o600))
            with self._connect() as con:
                con.execute("PRAGMA journal_mode=WAL")
                con.executescript(_SCHEMA)
        except (OSError, sqlite3.Error) as exc:
            raise OSError(
                f"Không tạo được cơ sở dữ liệu phản hồi tại {self.path} ({exc}). "
                "Đặt THIDUA_FEEDBACK_DB tới một thư mục có quyền ghi."
            ) from exc
        return self

    def record_answer(self, rec: AnswerRecord) -> None:
        """Remember what a message showed (replaces an earlier record of the same message).

        Texts are cut to ``LIMITS`` so a flood of huge messages cannot fill the disk.
        """
        lim = LIMITS.label_chars
        with self._connect() as con:
            con.execute(
                "INSERT OR REPLACE INTO answers (message_id, run_id, thread_id, created_at, user_name, question,"
                " answer, abstained, citations, clause_ids, retriever, kind, latency_ms)"
                " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)",
                (_cut(rec.message_id, lim), _cut_or_none(rec.run_id, lim), _cut_or_none(rec.thread_id, lim),
                 _now(), _cut_or_none(rec.user_name, lim), _cut(rec.question, LIMITS.question_chars),
                 _cut(rec.answer, LIMITS.answer_chars), int(rec.abstained),
                 json.dumps([_cut(c, lim) for c in rec.citations[:50]], ensure_ascii=False),
                 json.dumps([_cut(c, lim) for c in rec.clause_ids[:50]], ensure_ascii=False),
                 _cut(rec.retriever, lim), _cut_or_none(rec.kind, lim), rec.latency_ms),
            )

    def upsert_feedback(self, message_id: str, value: int, comment: str | None = None, *,
                        feedback_id: str | None = None, thread_id: str | None = None,
                        user_name: str | None = None) -> str:
        """Store a thumbs up (+1) or down (-1) on a message or its run step; the same ``feedback_id``
        edits it.  Returns the id.

        ``user_name`` is the author (None without login).  Editing a feedback that another user
        gave raises ``FeedbackDenied`` and changes nothing.
        """
        if value not in (-1, 1):
            raise ValueError(f"feedback value must be +1 or -1, got {value!r}")
        lim = LIMITS.label_chars
        fid = _cut(feedback_id, lim) if feedback_id else uuid.uuid4().hex
        with self._connect() as con:
            self._check_author(con, fid, user_name)
            con.execute(
                "INSERT INTO feedbacks (id, message_id, thread_id, created_at, user_name, value, comment)"
                " VALUES (?,?,?,?,?,?,?) ON CONFLICT(id) DO UPDATE SET value=excluded.value,"
                " comment=excluded.comment, created_at=excluded.created_at",
                (fid, _cut(message_id, lim), _cut_or_none(thread_id, lim), _now(), _cut_or_none(user_name, lim),
                 value, _cut((comment or "").strip(), LIMITS.comment_chars)),
            )
        return fid

    def delete_feedback(self, feedback_id: str, *, user_name: str | None = None) -> bool:
        """Remove a feedback of ``user_name``; another user's feedback raises ``FeedbackDenied``."""
        with self._connect() as con:
            self._check_author(con, feedback_id, user_name)
            return con.execute("DELETE FROM feedbacks WHERE id = ?", (feedback_id,)).rowcount > 0

    @staticmethod
    def _check_author(con: sqlite3.Connection, feedback_id: str, user_name: str | None) -> None:
        """Only the author touches a feedback; without login (no author) nobody owns it."""
        row = con.execute("SELECT user_name FROM feedbacks WHERE id = ?", (feedback_id,)).fetchone()
        if row is not None and row[0] is not None and row[0] != user_name:
            raise FeedbackDenied("Phản hồi này của người dùng khác; chỉ người gửi mới được sửa hoặc xoá.")

    def feedback_rows(self) -> list[FeedbackRow]:
        """Every feedback, oldest first, joined to the answer it judges."""
        if not self.path.exists():
            return []
        with self._connect() as con:
            cur = con.execute(
                "SELECT f.id, f.created_at, f.value, f.comment, a.question, a.answer, a.citations,"
                " a.retriever, f.message_id, COALESCE(f.thread_id, a.thread_id), f.user_name"
                " FROM feedbacks f LEFT JOIN answers a"
                " ON a.message_id = f.message_id OR a.run_id = f.message_id"
                " ORDER BY f.created_at, f.rowid"
            )
            return [
                FeedbackRow(id=r[0], time=r[1], value=r[2], comment=r[3] or "", question=r[4] or "",
                            answer=r[5] or "", citations=tuple(json.loads(r[6] or "[]")),
                            retriever=r[7] or "", message_id=r[8], thread_id=r[9], user_name=r[10])
                for r in cur.fetchall()
            ]

    def answer_count(self) -> int:
        if not self.path.exists():
            return 0
        with self._connect() as con:
            return con.execute("SELECT COUNT(*) FROM answers").fetchone()[0]


def write_csv(rows: Sequence[FeedbackRow], out: TextIO) -> None:
    """CSV with a header; open ``out`` with ``encoding="utf-8-sig"`` so Excel reads Vietnamese."""
    writer = csv.writer(out)
    writer.writerow(CSV_COLUMNS)
    for row in rows:
        writer.writerow(row.csv_values())
