"""A minimal Chainlit data layer: it only keeps feedback (in bot.feedback's SQLite file).

Chainlit shows the thumbs up/down buttons only when a data layer exists.
Its SQLAlchemy layer needs five tables and stores every step; officials
only need their feedback joined to the answer, which bot.feedback records
itself when the answer is sent.  Threads are not persisted (no history
sidebar), so every other method is a deliberate no-op.

Chainlit does not tell a data layer who is asking; ``bot.chat.security``'s
middleware does (``current_user``), so feedback is recorded with its author
and only the author may change or delete it.
"""

from __future__ import annotations

import asyncio
import functools
from datetime import UTC, datetime

from chainlit.data.base import BaseDataLayer
from chainlit.types import Feedback, PageInfo, PaginatedResponse
from chainlit.user import PersistedUser, User
from fastapi import HTTPException

from bot.chat.security import current_user
from bot.feedback import FeedbackDenied, FeedbackStore

__all__ = ["FeedbackDataLayer"]


class FeedbackDataLayer(BaseDataLayer):
    """Feedback goes to ``store``; Chainlit value 1 = 👍 (+1), 0 = 👎 (-1)."""

    def __init__(self, store: FeedbackStore) -> None:
        self.store = store

    async def upsert_feedback(self, feedback: Feedback) -> str:
        try:
            return await asyncio.to_thread(
                functools.partial(self.store.upsert_feedback, feedback.forId, 1 if feedback.value == 1 else -1,
                                  feedback.comment, feedback_id=feedback.id, thread_id=feedback.threadId,
                                  user_name=current_user.get()))
        except FeedbackDenied as exc:
            raise HTTPException(status_code=403, detail=str(exc)) from exc

    async def delete_feedback(self, feedback_id: str) -> bool:
        try:
            return await asyncio.to_thread(functools.partial(self.store.delete_feedback, feedback_id,
                                                             user_name=current_user.get()))
        except FeedbackDenied as exc:
            raise HTTPException(status_code=403, detail=str(exc)) from exc

    async def get_user(self, identifier: str) -> PersistedUser | None:
        return PersistedUser(id=identifier, identifier=identifier,
                             createdAt=datetime.now(UTC).isoformat())

    async def create_user(self, user: User) -> PersistedUser | None:
        return PersistedUser(id=user.identifier, identifier=user.identifier,
                             createdAt=datetime.now(UTC).isoformat(), metadata=user.metadata)

    async def create_element(self, element) -> None:
        return None

    async def get_element(self, thread_id: str, element_id: str):
        return None

    async def delete_element(self, element_id: str, thread_id: str | None = None) -> None:
        return None

    async def create_step(self, step_dict) -> None:
        return None

    async def update_step(self, step_dict) -> None:
        return None

    async def delete_step(self, step_id: str) -> None:
        return None

    async def get_thread_author(self, thread_id: str) -> str:
        return ""

    async def delete_thread(self, thread_id: str) -> None:
        return None

    async def list_threads(self, pagination, filters) -> PaginatedResponse:
        return PaginatedResponse(pageInfo=PageInfo(hasNextPage=False, startCursor=None, endCursor=None),
                                 data=[])

    async def get_thread(self, thread_id: str):
        return None

    async def update_thread(self, thread_id: str, name=None, user_id=None, metadata=None, tags=None) -> None:
        return None

    async def build_debug_url(self) -> str:
        return ""

    async def close(self) -> None:
        return None

    async def get_favorite_steps(self, user_id: str) -> list:
        return []
