"""What the chat does on start, on a message and on a settings change.

The Chainlit module is passed in (``cl``) together with the user session,
so these handlers run unchanged under fakes in tests; ``bot/chat/app.py``
only wires them to Chainlit's decorators.  Blocking work (loading the
assistant, answering) runs in a worker thread, never on the event loop.

Answers are sent whole (one socket message, not a stream of words).  Each
source is a button; clicking it shows exactly that clause in the panel.
"""

from __future__ import annotations

import asyncio
import importlib
import logging
import os
from dataclasses import dataclass, field, replace
from typing import Any

from bot.chat import facts_view
from bot.chat.answer_cache import AnswerCache, answer_key
from bot.chat.render import (
    ALL,
    ChatChoice,
    FilterOptions,
    Reply,
    SourceSpec,
    build_reply,
    choice_from_values,
    choice_label,
    citation_labels,
    describe_filters,
    filter_options,
    retriever_choices,
    source_body,
)
from bot.compose import citation
from bot.feedback import AnswerRecord, FeedbackStore
from bot.settings import Settings
from corpus.text import nfc
from index.models import Filters

__all__ = [
    "CHOOSE_DOCUMENT_ACTION",
    "CLEAR_FILTERS_ACTION",
    "FACTORY_ENV",
    "SOURCE_ACTION",
    "STARTERS",
    "Runtime",
    "choose_document",
    "clear_filters",
    "handle_message",
    "handle_settings_edit",
    "handle_settings_update",
    "load_runtime",
    "open_source",
    "settings_widgets",
    "start_session",
    "wait_for_background",
]

log = logging.getLogger("thidua.chat")

# "module:callable" building the assistant from Settings; only tests set it (a fake assistant).
FACTORY_ENV = "THIDUA_ASSISTANT_FACTORY"

STARTERS = (
    ("Chỉ tiêu hộ nghèo 2024", "Chỉ tiêu tỷ lệ hộ nghèo năm 2024 của Sơn La là bao nhiêu?"),
    ("Ai tổng hợp báo cáo?", "Cơ quan nào tổng hợp báo cáo kết quả thi đua năm 2024?"),
    ("So sánh qua các năm", "Tỷ lệ hộ nghèo của Sơn La qua các năm 2022, 2023, 2024?"),
)

# Chainlit action names (bot/chat/app.py registers their callbacks)
SOURCE_ACTION, CLEAR_FILTERS_ACTION = "thidua_source", "thidua_clear_filters"
CHOOSE_DOCUMENT_ACTION = "thidua_choose_document"
_MESSAGE_RUN = "on_message"  # the run Chainlit wraps a typed question in (chainlit.callbacks.on_message)

# user-session keys
_CHOICE, _PREVIOUS, _NOTICE, _PANEL, _VALUES = "choice", "previous_answer", "notice_shown", "panel", "settings"
# The answers of the last turns by number: a «Hỏi theo …» button re-asks in the conversation of its own turn,
# even when clicked after later questions.
_TURN, _TURNS, _KEPT_TURNS = "turn", "turn_answers", 10
_LATEST: Any = object()  # "the conversation's latest answer" (the usual previous turn)


@dataclass
class Runtime:
    """Everything loaded once per server: settings, the assistant, the feedback store."""

    settings: Settings
    store: FeedbackStore
    assistant: Any
    options: FilterOptions
    cache: AnswerCache = field(default_factory=lambda: AnswerCache(0))

    @property
    def available_retriever(self) -> str:
        """"bm25" when no embedding model is loaded (dense and hybrid cannot run), else the configured one."""
        index = getattr(self.assistant, "index", None)
        return getattr(index, "retriever", None) or self.settings.retriever


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
    warm = getattr(assistant, "warm", None)  # a stand-in assistant (THIDUA_CHAT_FACTORY) may have none
    if warm is not None:
        warm()
    return Runtime(settings, store, assistant, filter_options(assistant.corpus), AnswerCache(settings.chat_cache_size))


def _initial(values: dict | None, key: str, allowed: list[str], default: str) -> str:
    value = str((values or {}).get(key) or default)
    return value if value in allowed else default


def settings_widgets(cl: Any, rt: Runtime, values: dict | None = None) -> list:
    """The filter panel: province, year, document, search mode.

    Years and documents offered fit the chosen province (and year); a choice that no
    longer fits falls back to "Tất cả".  Search modes that cannot run are not offered.
    """
    province = _initial(values, "province", list(rt.options.provinces), ALL)
    year = _initial(values, "year", [str(y) for y in rt.options.years], ALL)
    opts = rt.options.narrowed(None if province == ALL else province, None)
    year = year if year == ALL or int(year) in opts.years else ALL
    opts = rt.options.narrowed(None if province == ALL else province, None if year == ALL else int(year))
    doc = _initial(values, "doc", [d for d, _ in opts.documents], ALL)
    modes = retriever_choices(rt.available_retriever)
    default_mode = rt.settings.retriever if rt.settings.retriever in modes else next(iter(modes))
    mode = _initial(values, "retriever", list(modes), default_mode)
    every = {"Tất cả": ALL}
    return [
        cl.input_widget.Select(id="province", label="Tỉnh", initial_value=province,
                               items=every | {p: p for p in opts.provinces}),
        cl.input_widget.Select(id="year", label="Năm", initial_value=year,
                               items=every | {str(y): str(y) for y in opts.years}),
        cl.input_widget.Select(id="doc", label="Văn bản", initial_value=doc,
                               items=every | {name: doc_id for doc_id, name in opts.documents}),
        cl.input_widget.Select(id="retriever", label="Cách tìm kiếm", initial_value=mode,
                               items={label: key for key, label in modes.items()},
                               description=None if len(modes) > 1 else
                               "Chưa tải được mô hình ngữ nghĩa trên máy chủ: chỉ tìm theo từ khóa (BM25)."),
    ]


def _widget_values(widgets: list) -> dict:
    return {w.id: w.initial_value for w in widgets}


async def start_session(cl: Any, session: Any, rt: Runtime) -> None:
    """A new conversation: no filters, no previous answer, the notice not yet shown."""
    session.set(_CHOICE, ChatChoice())
    session.set(_PREVIOUS, None)
    session.set(_TURNS, {})
    session.set(_NOTICE, False)
    session.set(_PANEL, None)
    widgets = settings_widgets(cl, rt)
    values = await cl.ChatSettings(widgets).send()
    await handle_settings_update(session, values or _widget_values(widgets))


async def handle_settings_update(session: Any, values: dict, cl: Any = None, rt: Runtime | None = None) -> ChatChoice:
    """Confirmed settings become the filters of the next questions.

    With ``cl`` and ``rt``, the panel is sent again so its lists fit the choice (documents of the
    chosen province) and a choice that does not fit is dropped rather than silently ignored.
    """
    if cl is not None and rt is not None:
        widgets = settings_widgets(cl, rt, values)
        await cl.ChatSettings(widgets).send()
        values = _widget_values(widgets)
    choice = choice_from_values(values)
    session.set(_CHOICE, choice)
    session.set(_VALUES, dict(values))
    return choice


async def handle_settings_edit(cl: Any, session: Any, rt: Runtime, values: dict) -> None:
    """While the panel is open: refresh the year and document lists for the province being chosen."""
    await cl.ChatSettings(settings_widgets(cl, rt, values)).send()


async def clear_filters(cl: Any, session: Any, rt: Runtime) -> None:
    """The «Bỏ lọc» button: every filter back to "Tất cả" (the search mode is kept)."""
    mode = (session.get(_VALUES) or {}).get("retriever")
    widgets = settings_widgets(cl, rt, {"retriever": mode} if mode else None)
    await cl.ChatSettings(widgets).send()
    await handle_settings_update(session, _widget_values(widgets))
    await cl.Message(content="Đã bỏ mọi bộ lọc: câu hỏi tiếp theo được tìm trong tất cả văn bản.").send()


def _source_actions(cl: Any, reply: Reply) -> list:
    return [cl.Action(name=SOURCE_ACTION, label=s.label, tooltip=s.name, icon="file-text",
                      payload={"clause_id": s.clause_id, "name": s.name,
                               "span": list(s.span) if s.span else None})
            for s in reply.sources]


def _choice_actions(cl: Any, reply: Reply, question: str, turn: int) -> list:
    return [cl.Action(name=CHOOSE_DOCUMENT_ACTION, label=choice_label(c), icon="search",
                      tooltip="Hỏi lại câu này, chỉ tìm trong văn bản này",
                      payload={"doc_id": c.doc_id, "label": c.label, "question": question, "turn": turn})
            for c in reply.choices]


def _source_spec(rt: Runtime, payload: dict) -> SourceSpec | None:
    """Rebuild a source from the corpus (not from session memory, so it also works in a resumed thread)."""
    corpus = getattr(rt.assistant, "corpus", None)
    clause_id = str(payload.get("clause_id") or "")
    doc_id = clause_id.split(":", 1)[0]
    d = corpus.get(doc_id) if corpus is not None else None
    clause = next((c for c in d.clauses if c.id == clause_id), None) if d is not None else None
    if clause is None:
        return None
    span = payload.get("span")
    span = (int(span[0]), int(span[1])) if isinstance(span, list | tuple) and len(span) == 2 else None
    name = str(payload.get("name") or clause.label)
    return SourceSpec(name, source_body(citation(d, clause, 0.0, span), corpus), clause_id, span=span)


async def open_source(cl: Any, session: Any, rt: Runtime, payload: dict) -> None:
    """A source button was clicked: the panel shows exactly that clause, replacing what it showed.

    Chainlit opens a panel with *every* side element of the session; so only one exists at a
    time: the previous one is removed before the clicked one is sent.
    """
    spec = _source_spec(rt, payload)
    if spec is None:
        await cl.Message(content="Không còn tìm thấy điều khoản này trong kho văn bản hiện tại.").send()
        return
    previous = session.get(_PANEL)
    if previous is not None:
        try:
            await previous.remove()
        except Exception:  # the panel is a convenience: never fail the click over it
            log.warning("could not remove the previous source element", exc_info=True)
    element = cl.Text(name=spec.name, content=spec.content, display="side")
    await element.send(for_id="", persist=False)
    session.set(_PANEL, element)


async def _reply_facts(cl: Any, rt: Runtime, kind: str, query: str) -> None:
    if not facts_view.facts_available():
        await cl.Message(content="Chức năng bảng trách nhiệm/chỉ tiêu chưa được cài đặt trong phiên bản này.").send()
        return
    directives = list(rt.assistant.corpus)
    source = getattr(rt.assistant, "facts", None)  # stored in the index folder when the assistant has one
    make = facts_view.responsibilities_reply if kind == "responsibilities" else facts_view.targets_reply
    reply = await asyncio.to_thread(make, directives, query, source)
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

    return await _answer(cl, session, rt, question, session.get(_CHOICE) or ChatChoice())


async def choose_document(cl: Any, session: Any, rt: Runtime, payload: dict) -> Reply | None:
    """A «Hỏi theo …» button under an answer that asked which document was meant: the same question,
    answered from that document only.  The filters the official set stay as they were."""
    question, doc_id = nfc(str(payload.get("question") or "")).strip(), str(payload.get("doc_id") or "")
    if not question or not doc_id:
        return None
    choice: ChatChoice = session.get(_CHOICE) or ChatChoice()
    one = replace(choice.filters or Filters(), doc_ids=(doc_id,))
    asked_in = (session.get(_TURNS) or {}).get(payload.get("turn"))  # the answer that offered the choice
    # Chainlit's page gives the thumbs (and the copy button) only to the last reply of a run named like its
    # own message hook; a button's callback runs outside any, so the reply would have no way to rate it.
    async with cl.Step(name=_MESSAGE_RUN, type="run") as run:
        run.input = question
        return await _answer(cl, session, rt, question, replace(choice, filters=one),
                             chosen=str(payload.get("label") or doc_id), session_choice=choice, previous=asked_in)


async def _answer(cl: Any, session: Any, rt: Runtime, question: str, choice: ChatChoice, *,
                  chosen: str | None = None, session_choice: ChatChoice | None = None,
                  previous: Any = _LATEST) -> Reply | None:
    """Answer ``question`` under ``choice``, send it with its buttons and record it.  ``session_choice``
    (the official's own filters) decides the «Bỏ lọc» button and the filter line when they differ;
    ``previous`` is the turn it follows (the latest answer unless given)."""
    shown = session_choice or choice
    if previous is _LATEST:
        previous = session.get(_PREVIOUS)
    key = answer_key(question, choice.filters, choice.retriever, previous)
    try:
        answer = rt.cache.get(key)
        if answer is not None:
            answer = replace(answer, latency_ms=0.0)
        else:
            answer = await asyncio.to_thread(
                rt.assistant.answer, question, filters=choice.filters, retriever=choice.retriever,
                previous=previous,
            )
            rt.cache.put(key, answer)
    except Exception:
        log.exception("answer failed for %r", question)
        await cl.Message(content="Đã có lỗi khi tìm câu trả lời. Vui lòng thử lại hoặc đặt câu hỏi khác; "
                                 "nếu vẫn lỗi, báo quản trị viên (chi tiết nằm trong nhật ký máy chủ).").send()
        return None

    corpus = getattr(rt.assistant, "corpus", None)
    reply = build_reply(answer, corpus, notice_already_shown=bool(session.get(_NOTICE)),
                        filters=describe_filters(shown.filters, rt.options), chosen=chosen)
    turn = (session.get(_TURN) or 0) + 1
    actions = _source_actions(cl, reply) + _choice_actions(cl, reply, question, turn)
    if shown.filters is not None:
        actions.append(cl.Action(name=CLEAR_FILTERS_ACTION, label="Bỏ lọc", payload={}, icon="filter-x",
                                 tooltip="Tìm lại trong tất cả văn bản"))
    msg = cl.Message(content=reply.text, actions=actions)
    await msg.send()  # whole: streaming word by word made answers take seconds to arrive
    session.set(_PREVIOUS, answer)
    turns = {k: v for k, v in (session.get(_TURNS) or {}).items() if k > turn - _KEPT_TURNS}
    session.set(_TURNS, {**turns, turn: answer})
    session.set(_TURN, turn)
    session.set(_NOTICE, reply.notice_shown)

    user = session.get("user")
    record = AnswerRecord(
        message_id=msg.id, question=question, answer=answer.answer, abstained=answer.abstained,
        citations=citation_labels(answer, corpus), clause_ids=tuple(c.clause_id for c in answer.citations),
        retriever=answer.retriever, thread_id=getattr(msg, "thread_id", None), kind=answer.kind,
        latency_ms=answer.latency_ms, user_name=getattr(user, "identifier", None),
        run_id=getattr(msg, "parent_id", None),
    )
    _in_background(_record(rt, record))  # the answer is shown; the official need not wait for the disk
    return reply


_PENDING: set[asyncio.Task] = set()  # keeps background writes alive until they finish


def _in_background(coro: Any) -> None:
    task = asyncio.get_running_loop().create_task(coro)
    _PENDING.add(task)
    task.add_done_callback(_PENDING.discard)


async def wait_for_background() -> None:
    """Let pending answer records reach the store (tests, shutdown)."""
    while _PENDING:
        await asyncio.gather(*list(_PENDING), return_exceptions=True)


async def _record(rt: Runtime, record: AnswerRecord) -> None:
    try:
        await asyncio.to_thread(rt.store.record_answer, record)
    except Exception:  # feedback is a nice-to-have: never lose the answer over it
        log.exception("could not record answer %s in %s", record.message_id, rt.store.path)
