"""The Chainlit app behind `thidua chat`: thin glue from Chainlit's hooks to bot.chat.handlers.

Run by ``chainlit run bot/chat/app.py`` with this folder as the app root, so
Chainlit finds ``.chainlit/config.toml``, the Vietnamese translation and
``chainlit_vi-VN.md`` next to it.  The one piece of state is the runtime
holder, filled once in ``on_app_startup``; if the assistant cannot load, the
process prints one Vietnamese line and exits before serving anyone.

With login on (``THIDUA_USERS_FILE`` and ``CHAINLIT_AUTH_SECRET``), logins go
through ``bot.chat.security`` (equal-time checks, limits on failures, tokens
that end at logout) and every request passes its middleware.
"""

from __future__ import annotations

import asyncio
import functools
import logging
import os
import sys
from typing import NoReturn

import chainlit as cl
from chainlit.config import config as chainlit_config
from chainlit.server import app as chainlit_server
from starlette.middleware.cors import CORSMiddleware

from bot.chat import handlers
from bot.chat.data_layer import FeedbackDataLayer
from bot.chat.security import (
    LoginGuard,
    LoginOutcome,
    LoginPolicy,
    SecurityMiddleware,
    SessionRegistry,
    parse_origins,
    verified_login,
)
from bot.chat.users import load_users
from bot.feedback import FeedbackStore
from bot.settings import Settings, get_settings

log = logging.getLogger("thidua.chat")


@functools.cache
def _settings() -> Settings:
    settings = get_settings()
    logging.getLogger("thidua").setLevel(settings.log_level.upper())
    return settings


_LOGIN_ON = bool(_settings().users_file and os.environ.get("CHAINLIT_AUTH_SECRET"))


@functools.cache
def _holder() -> dict[str, handlers.Runtime]:
    """The runtime, once loaded (empty until on_app_startup has finished)."""
    return {}


def _runtime() -> handlers.Runtime:
    rt = _holder().get("rt")
    if rt is None:  # only if Chainlit served a request before startup finished
        raise RuntimeError("assistant not loaded yet")
    return rt


# bot.commands.chat knows this code: the reason is already printed, it adds nothing.
LOAD_FAILED_EXIT = 3


def _refuse_to_serve(reason: str) -> NoReturn:
    """One Vietnamese line for the operator, then stop before the port opens (the trace is in the log)."""
    print(f"Lỗi: không khởi động được trợ lý: {reason}", file=sys.stderr, flush=True)
    logging.shutdown()
    os._exit(LOAD_FAILED_EXIT)


@cl.on_app_startup
async def _startup() -> None:
    settings = _settings()
    log.warning("loading corpus %s and index %s (retriever %s)", settings.corpus_dir, settings.index_dir,
                settings.retriever)
    try:
        rt = await asyncio.to_thread(handlers.load_runtime, settings)
    except Exception as exc:  # Chainlit would swallow it and serve sessions that hang
        log.debug("the assistant could not load", exc_info=True)  # the trace, for operators
        reason = " ".join(str(exc).split()) or type(exc).__name__
        _refuse_to_serve(f"{reason.rstrip('.')}. Chạy lại với THIDUA_LOG_LEVEL=DEBUG để xem chi tiết.")
    if not rt.options.documents:
        _refuse_to_serve(f"không có văn bản nào đọc được trong {settings.corpus_dir}. Kiểm tra "
                         "THIDUA_CORPUS_DIR (hoặc --corpus-dir) và các dòng cảnh báo phía trên.")
    _holder()["rt"] = rt
    log.warning("assistant ready")


@cl.data_layer
def _data_layer() -> FeedbackDataLayer:
    return FeedbackDataLayer(FeedbackStore(_settings().feedback_db).init(), keep_threads=_LOGIN_ON)


@functools.cache
def _sessions() -> SessionRegistry:
    return SessionRegistry(lifetime_s=_settings().session_hours * 3600)


@functools.cache
def _guard() -> LoginGuard:
    s = _settings()
    return LoginGuard(LoginPolicy(max_per_user=s.login_max_failures, max_per_address=s.login_max_failures_per_address,
                                  window_s=s.login_window_minutes * 60))


def _decode_token(token: str) -> tuple[str, object]:
    from chainlit.auth import decode_jwt

    user = decode_jwt(token)
    return user.identifier, (user.metadata or {}).get("sid")


def _harden_server() -> None:
    """Before Chainlit's server starts: token lifetime, allowed origins, our middleware in front."""
    settings = _settings()
    origins = list(parse_origins(settings.allowed_origins))
    chainlit_config.project.user_session_timeout = int(settings.session_hours * 3600)
    chainlit_config.project.allow_origins = origins
    for middleware in chainlit_server.user_middleware:  # Chainlit registers CORS with its config's "*"
        if middleware.cls is CORSMiddleware:
            middleware.kwargs["allow_origins"] = origins
    chainlit_server.add_middleware(SecurityMiddleware, sessions=_sessions() if _LOGIN_ON else None,
                                   decode=_decode_token, check_login=_check_login if _LOGIN_ON else None,
                                   allowed_origins=origins)


async def _check_login(username: str, password: str, address: str) -> LoginOutcome:
    """Equal-time password check with failure limits (scrypt runs in a worker thread)."""
    users = await asyncio.to_thread(load_users, _settings().users_file)
    return await asyncio.to_thread(_guard().check, users, username, password, address)


_harden_server()

if _LOGIN_ON:

    @cl.password_auth_callback
    async def _login(username: str, password: str) -> cl.User | None:
        """The middleware already checked this form (and answered any refusal itself)."""
        name = verified_login.get()
        if name is None:
            return None
        return cl.User(identifier=name, metadata={"provider": "credentials", "sid": _sessions().issue(name)})


@cl.set_starters
async def _starters(user: cl.User | None = None, language: str | None = None) -> list[cl.Starter]:
    return [cl.Starter(label=label, message=message) for label, message in handlers.STARTERS]


@cl.on_chat_start
async def _chat_start() -> None:
    await handlers.start_session(cl, cl.user_session, _runtime())


@cl.on_chat_resume
async def _chat_resume(thread: dict) -> None:
    """A reload or a click in the history: Chainlit shows the stored messages; the session starts afresh."""
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


@cl.action_callback(handlers.CHOOSE_DOCUMENT_ACTION)
async def _choose_document(action: cl.Action) -> None:
    await handlers.choose_document(cl, cl.user_session, _runtime(), action.payload or {})


@cl.action_callback(handlers.CLEAR_FILTERS_ACTION)
async def _clear_filters(action: cl.Action) -> None:
    await handlers.clear_filters(cl, cl.user_session, _runtime())


@cl.on_message
async def _message(message: cl.Message) -> None:
    await handlers.handle_message(cl, cl.user_session, _runtime(), message.content)
