"""What the chat does on start, on a message and on a settings change.

The Chainlit module is passed in (``cl``) together with the user session,
so these handlers run unchanged under fakes in tests; ``bot/chat/app.py``
only wires them to Chainlit's decorators.  Blocking work (loading the
assistant, answering) runs in a worker thread, never on the event loop.
"""

from __future__ import annotations

import asyncio
import importlib
import logging
import os
from dataclasses import dataclass
from typing import Any

from bot.chat import facts_view
from bot.chat.render import (
    ALL,
    RETRIEVERS,
    ChatChoice,
    FilterOptions,
    Reply,
    build_reply,
    choice_from_values,
    citation_labels,
    filter_options,
    stream_pieces,
)
from bot.feedback import AnswerRecord, FeedbackStore
from bot.settings import Settings
from corpus.text import nfc

__all__ = [
    "FACTORY_ENV",
    "STARTERS",
    "Runtime",
    "handle_message",
    "handle_settings_update",
    "load_runtime",
    "settings_widgets",
    "start_session",
]

log = logging.getLogger("thidua.chat")

# "module:callable" building the assistant from Settings; only tests set it (a fake assistant).
FACTORY_ENV = "THIDUA_ASSISTANT_FACTORY"

STARTERS = (
    ("Chỉ tiêu hộ nghèo 2024", "Chỉ tiêu tỷ lệ hộ nghèo năm 2024 của Sơn La là bao nhiêu?"),
    ("Ai tổng hợp báo cáo?", "Cơ quan nào tổng hợp báo cáo kết quả thi đua năm 2024?"),
    ("So sánh qua các năm", "Tỷ lệ hộ nghèo của Sơn La qua các năm 2022, 2023, 2024?"),
)

# user-session keys
_CHOICE, _PREVIOUS, _NOTICE = "choice", "previous_answer", "notice_shown"


@dataclass
class Runtime:
    """Everything loaded once per server: settings, the assistant, the feedback store."""

    settings: Settings
    store: FeedbackStore
    assistant: Any
    options: FilterOptions


def _make_assistant(settings: Settings) -> Any:
    spec = os.environ.get(FACTORY_ENV)
    if spec:
        module, _, name = spec.partition(":")
        return getattr(importlib.import_module(module), name or "load")(settings)
    from bot import Assistant  # type: ignore[attr-defined]  # the lead's answer layer

    return Assistant.load(settings)


def load_runtime(settings: Settings) -> Runtime:
    """Load the corpus and index (building it if missing) and open the feedback store.  Blocking."""
    store = FeedbackStore(settings.feedback_db).init()
    assistant = _make_assistant(settings)
    return Runtime(settings, store, assistant, filter_options(assistant.corpus))


def settings_widgets(cl: Any, rt: Runtime) -> list:
    """The filter panel: province, year, document, retriever (defaults: all, settings.retriever)."""
    opts = rt.options
    every = {"Tất cả": ALL}
    return [
        cl.input_widget.Select(id="province", label="Tỉnh", initial_value=ALL,
                               items=every | {p: p for p in opts.provinces}),
        cl.input_widget.Select(id="year", label="Năm", initial_value=ALL,
                               items=every | {str(y): str(y) for y in opts.years}),
        cl.input_widget.Select(id="doc", label="Văn bản", initial_value=ALL,
                               items=every | {name: doc_id for doc_id, name in opts.documents}),
        cl.input_widget.Select(id="retriever", label="Cách tìm kiếm", initial_value=rt.settings.retriever,
                               items={label: key for key, label in RETRIEVERS.items()}),
    ]


async def start_session(cl: Any, session: Any, rt: Runtime) -> None:
    """A new conversation: no filters, no previous answer, the notice not yet shown."""
    session.set(_CHOICE, ChatChoice())
    session.set(_PREVIOUS, None)
    session.set(_NOTICE, False)
    values = await cl.ChatSettings(settings_widgets(cl, rt)).send()
    await handle_settings_update(session, values or {})


async def handle_settings_update(session: Any, values: dict) -> ChatChoice:
    choice = choice_from_values(values)
    session.set(_CHOICE, choice)
    return choice


async def _send_streamed(cl: Any, text: str, elements: list) -> Any:
    msg = cl.Message(content="", elements=elements)
    for piece in stream_pieces(text):
        await msg.stream_token(piece)
        await asyncio.sleep(0)  # let the socket flush between tokens
    await msg.send()
    return msg


async def _reply_facts(cl: Any, rt: Runtime, kind: str, query: str) -> None:
    if not facts_view.facts_available():
        await cl.Message(content="Chức năng bảng trách nhiệm/chỉ tiêu chưa được cài đặt trong phiên bản này.").send()
        return
    directives = list(rt.assistant.corpus)
    make = facts_view.responsibilities_reply if kind == "responsibilities" else facts_view.targets_reply
    reply = await asyncio.to_thread(make, directives, query)
    elements = []
    fig = facts_view.chart(reply)
    if fig is not None:
        elements.append(cl.Pyplot(name="Biểu đồ chỉ tiêu qua các năm", figure=fig, display="inline", size="large"))
    await cl.Message(content=reply.text, elements=elements).send()


async def handle_message(cl: Any, session: Any, rt: Runtime, content: str) -> Reply | None:
    """Answer one question (or run a supervisor command) and record what was shown."""
    question = nfc(content or "").strip()
    if not question:
        return None
    command = facts_view.parse_command(question)
    if command:
        try:
            await _reply_facts(cl, rt, *command)
        except Exception:
            log.exception("supervisor command failed: %r", question)
            await cl.Message(content="Không lập được bảng lúc này. Vui lòng thử lại; nếu vẫn lỗi, báo quản trị viên "
                                     "(chi tiết nằm trong nhật ký máy chủ).").send()
        return None

    choice: ChatChoice = session.get(_CHOICE) or ChatChoice()
    previous = session.get(_PREVIOUS)
    try:
        answer = await asyncio.to_thread(
            rt.assistant.answer, question, filters=choice.filters, retriever=choice.retriever,
            previous=previous,
        )
    except Exception:
        log.exception("answer failed for %r", question)
        await cl.Message(content="Đã có lỗi khi tìm câu trả lời. Vui lòng thử lại hoặc đặt câu hỏi khác; "
                                 "nếu vẫn lỗi, báo quản trị viên (chi tiết nằm trong nhật ký máy chủ).").send()
        return None

    corpus = getattr(rt.assistant, "corpus", None)
    reply = build_reply(answer, corpus, notice_already_shown=bool(session.get(_NOTICE)))
    elements = [cl.Text(name=s.name, content=s.content, display="side") for s in reply.sources]
    msg = await _send_streamed(cl, reply.text, elements)
    session.set(_PREVIOUS, answer)
    session.set(_NOTICE, reply.notice_shown)

    user = session.get("user")
    record = AnswerRecord(
        message_id=msg.id, question=question, answer=answer.answer, abstained=answer.abstained,
        citations=citation_labels(answer, corpus), clause_ids=tuple(c.clause_id for c in answer.citations),
        retriever=answer.retriever, thread_id=getattr(msg, "thread_id", None), kind=answer.kind,
        latency_ms=answer.latency_ms, user_name=getattr(user, "identifier", None),
        run_id=getattr(msg, "parent_id", None),
    )
    try:
        await asyncio.to_thread(rt.store.record_answer, record)
    except Exception:  # feedback is a nice-to-have: never lose the answer over it
        log.exception("could not record answer %s in %s", msg.id, rt.store.path)
    return reply
