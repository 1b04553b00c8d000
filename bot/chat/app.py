"""The Chainlit app behind `thidua chat`: thin glue from Chainlit's hooks to bot.chat.handlers.

Run by ``chainlit run bot/chat/app.py`` with this folder as the app root, so
Chainlit finds ``.chainlit/config.toml``, the Vietnamese translation and
``chainlit_vi-VN.md`` next to it.  The one piece of state is the runtime
holder, filled once in ``on_app_startup``.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import os

import chainlit as cl

from bot.chat import handlers
from bot.chat.data_layer import FeedbackDataLayer
from bot.chat.users import load_users, verify_password
from bot.feedback import FeedbackStore
from bot.settings import Settings, get_settings

log = logging.getLogger("thidua.chat")


@functools.cache
def _settings() -> Settings:
    settings = get_settings()
    logging.getLogger("thidua").setLevel(settings.log_level.upper())
    return settings


@functools.cache
def _holder() -> dict[str, handlers.Runtime]:
    """The runtime, once loaded (empty until on_app_startup has finished)."""
    return {}


def _runtime() -> handlers.Runtime:
    rt = _holder().get("rt")
    if rt is None:  # only if Chainlit served a request before startup finished
        raise RuntimeError("assistant not loaded yet")
    return rt


@cl.on_app_startup
async def _startup() -> None:
    settings = _settings()
    log.warning("loading corpus %s and index %s (retriever %s)", settings.corpus_dir, settings.index_dir,
                settings.retriever)
    _holder()["rt"] = await asyncio.to_thread(handlers.load_runtime, settings)
    log.warning("assistant ready")


@cl.data_layer
def _data_layer() -> FeedbackDataLayer:
    return FeedbackDataLayer(FeedbackStore(_settings().feedback_db).init())


if _settings().users_file and os.environ.get("CHAINLIT_AUTH_SECRET"):

    @cl.password_auth_callback
    async def _login(username: str, password: str) -> cl.User | None:
        users = await asyncio.to_thread(load_users, _settings().users_file)
        stored = users.get(username.strip())
        if stored and await asyncio.to_thread(verify_password, password, stored):
            return cl.User(identifier=username.strip(), metadata={"provider": "credentials"})
        return None


@cl.set_starters
async def _starters(user: cl.User | None = None, language: str | None = None) -> list[cl.Starter]:
    return [cl.Starter(label=label, message=message) for label, message in handlers.STARTERS]


@cl.on_chat_start
async def _chat_start() -> None:
    await handlers.start_session(cl, cl.user_session, _runtime())


@cl.on_settings_update
async def _settings_update(values: dict) -> None:
    await handlers.handle_settings_update(cl.user_session, values, cl, _runtime())


@cl.on_settings_edit
async def _settings_edit(values: dict) -> None:
    await handlers.handle_settings_edit(cl, cl.user_session, _runtime(), values)


@cl.action_callback(handlers.SOURCE_ACTION)
async def _open_source(action: cl.Action) -> None:
    await handlers.open_source(cl, cl.user_session, _runtime(), action.payload or {})


@cl.action_callback(handlers.CLEAR_FILTERS_ACTION)
async def _clear_filters(action: cl.Action) -> None:
    await handlers.clear_filters(cl, cl.user_session, _runtime())


@cl.on_message
async def _message(message: cl.Message) -> None:
    await handlers.handle_message(cl, cl.user_session, _runtime(), message.content)
