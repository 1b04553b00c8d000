"""The chat as an official sees it: answer text, source buttons, marked spans, filters, follow-ups.

Chainlit itself is replaced by small fakes implementing only what the
handlers call (Message, Action, Text, ChatSettings, input widgets, user session).
Its fake assistant (``tests.fakes.FakeChatAssistant``) is also the factory the browser test can use via
THIDUA_ASSISTANT_FACTORY (``tests.fakes:load_fake_chat``) when the real one cannot run.
"""

from __future__ import annotations

import asyncio
import types
from typing import ClassVar

import pytest

from bot.chat import handlers
from bot.chat.render import (
    ALL,
    build_reply,
    choice_from_values,
    choice_label,
    citation_labels,
    describe_filters,
    escape_markdown,
    filter_options,
    mark_span,
    retriever_choices,
    source_body,
    source_name,
)
from bot.feedback import FeedbackStore
from bot.models import Answer, Citation
from bot.settings import Settings
from index.models import Filters
from tests.fakes import FakeChatAssistant, chat_cite, chat_corpus

# ---- rendering ---------------------------------------------------------------------------------------


def _answer(question: str = "Chỉ tiêu tỷ lệ hộ nghèo năm 2024 của Sơn La là bao nhiêu?", **kw) -> Answer:
    return FakeChatAssistant(**kw).answer(question)


def test_each_source_is_named_in_the_message_and_gets_a_short_button_label():
    corpus = chat_corpus()
    reply = build_reply(_answer(), corpus)
    assert "11,41%" in reply.text
    assert [s.name for s in reply.sources] == ["Nguồn 1 – Chỉ thị 04/CT-UBND (Sơn La, 2024), Phụ lục, mục 12"]
    assert [s.label for s in reply.sources] == ["Nguồn 1"]
    assert "Chỉ thị 04/CT-UBND (Sơn La, 2024), Phụ lục, mục 12" in reply.text  # a copied answer keeps it
    assert reply.sources[0].clause_id == "son-la-2024:PL.12"


def test_source_panel_shows_whole_clause_with_answer_in_bold_and_document_metadata():
    reply = build_reply(_answer(), chat_corpus())
    body = reply.sources[0].content
    assert "**11,41%**" in body
    assert "Tỷ lệ hộ nghèo theo chuẩn nghèo giai đoạn 2021-2025 là" in body  # the whole clause, not just the span
    for expected in ("04/CT-UBND", "15/01/2024", "UBND tỉnh Sơn La", "Nguyễn Văn A", "Phụ lục, mục 12"):
        assert expected in body
    # the clause's own numbering stays literal instead of becoming a Markdown list
    assert "12\\. Tỷ lệ" in body


def test_markdown_links_and_images_in_documents_stay_text():
    clause = "Đăng ký tại [Cổng](http://evil.example/x) ![](http://img.example/p.png) www.abc.vn (*) <b>x</b>"
    escaped = escape_markdown(clause)
    for live in ("[Cổng](", "![](", "<b>", "(*)"):
        assert live not in escaped
    # addresses become code (remark-gfm would link even an escaped one)
    assert "`http://evil.example/x`" in escaped and "`www.abc.vn`" in escaped
    assert escaped.replace("\\", "").replace("`", "") == clause  # nothing lost: only escapes added
    ans = Answer("q", f"Theo mục 1: “{clause}”.", False)
    assert "[Cổng](" not in build_reply(ans).text and "![](" not in build_reply(ans).text


def test_document_lines_stay_lines_in_the_panel():
    marked = mark_span("1. Mục tiêu:\n- Giảm nghèo;\n- Tăng thu nhập.", None)
    assert marked.count("  \n") == 2 and "\\- Giảm" in marked


def test_mark_span_bolds_each_line_and_ignores_bad_spans():
    text = "a) Sở Nội vụ\n chủ trì tổng hợp"
    marked = mark_span(text, (3, len(text)))
    assert "**Sở Nội vụ**" in marked and "**chủ trì tổng hợp**" in marked
    assert "**" not in mark_span(text, (5, 99))
    assert "**" not in mark_span(text, None)
    assert mark_span("3 * 4 = 12_a", None) == "3 \\* 4 = 12\\_a"


_WAGES = ("Quy định mức lương tối thiểu tháng theo vùng như sau: Vùng Mức lương tối thiểu tháng (Đơn vị: đồng/tháng) "
          "Mức lương tối thiểu giờ (Đơn vị: đồng/giờ) Vùng I 4.680.000 22.500 Vùng II 4.160.000 20.000 "
          "Vùng III 3.640.000 17.500 Vùng IV 3.250.000 15.600")
_WAGE_HEAD = "| Vùng | Mức lương tối thiểu tháng (Đơn vị: đồng/tháng) | Mức lương tối thiểu giờ (Đơn vị: đồng/giờ) |"


def _read(markdown: str) -> str:
    """What the eye reads: a short table cell's non-breaking spaces look like spaces."""
    return markdown.replace("\u00a0", " ")


def _wage_answer(text: str, row: str = "Vùng II 4.160.000 20.000") -> Answer:
    s = _WAGES.index(row)
    c = Citation(doc_id="nd38", doc_type="Nghị định", title="Quy định mức lương tối thiểu", issuer="Chính phủ",
                 province=None, year=2022, number="38/2022/NĐ-CP", date="2022-06-12", clause="Điều 3, khoản 1",
                 text=_WAGES, score=1.0, clause_id="nd38:3.1", span=(s, s + len(row)))
    return Answer(question="Mức lương tối thiểu giờ vùng II?", answer=text, abstained=False, citations=(c,))


def test_a_quoted_table_row_is_shown_as_a_table_naming_each_figure():
    answer = _wage_answer("20.000. Theo Nghị định số 38/2022/NĐ-CP ngày 12/06/2022 của Chính phủ (Điều 3, khoản 1): "
                          "“Mức lương tối thiểu giờ (Đơn vị: đồng/giờ) … Vùng II 4.160.000 20.000”.")
    text = _read(build_reply(answer).text)
    lines = text.splitlines()
    assert lines[0].endswith("của Chính phủ (Điều 3, khoản 1):")  # the run-on quote gave way to the table
    assert "Vùng II 4.160.000 20.000" not in text
    at = lines.index(_WAGE_HEAD)
    assert lines[at + 2] == "| Vùng II | 4.160.000 | ***20.000*** |"  # the answer's figure under its heading
    assert "Vùng I |" not in text and "Vùng III" not in text  # only the quoted row
    assert text.index(_WAGE_HEAD) < text.index("Nguồn 1 – Nghị định 38/2022/NĐ-CP")


def test_a_row_quoted_cell_by_cell_is_shown_as_a_table_too():
    answer = _wage_answer("15.600 đồng/giờ. Theo Nghị định số 38/2022/NĐ-CP (Điều 3, khoản 1): “Vùng IV — Mức lương "
                          "tối thiểu tháng (Đơn vị: đồng/tháng): 3.250.000; Mức lương tối thiểu giờ (Đơn vị: đồng/giờ): "
                          "15.600”.", row="Vùng IV 3.250.000 15.600")
    lines = _read(build_reply(answer).text).splitlines()
    assert lines[lines.index(_WAGE_HEAD) + 2] == "| Vùng IV | 3.250.000 | ***15.600*** |"  # the figure, with its unit
    assert not any("“" in line for line in lines)


def test_a_table_row_quoted_among_other_words_stays_a_quote():
    inside = _wage_answer("Theo từng văn bản:\n- Nghị định 38/2022/NĐ-CP: 4.680.000 (Điều 3, khoản 1: "
                          "“Vùng I 4.680.000 22.500”).\n- Nghị định 90/2019/NĐ-CP: 4.180.000.", row="Vùng I 4.680.000 22.500")
    more = _wage_answer("Quy định mức lương tối thiểu tháng theo vùng: “Vùng II 4.160.000 20.000” và các vùng khác.")
    other = _wage_answer("20.000. Theo Nghị định 38/2022/NĐ-CP: “Vùng II 4.160.000 20.000 áp dụng từ ngày 01/7/2022”.")
    for answer in (inside, more, other):
        text = build_reply(answer).text
        assert _WAGE_HEAD not in text and "Vùng " in text and "“" in text


def test_the_panel_shows_a_clause_table_as_a_table_with_the_quoted_row_marked():
    (c,) = _wage_answer("20.000.").citations
    body = _read(source_body(c))
    lead, table = body.split("Quy định mức lương tối thiểu tháng theo vùng như sau:", 1)[1].split(_WAGE_HEAD, 1)
    assert not lead.strip()
    rows = table.strip().splitlines()
    assert rows[1:] == ["| Vùng I | 4.680.000 | 22.500 |", "| ***Vùng II*** | ***4.160.000*** | ***20.000*** |",
                        "| Vùng III | 3.640.000 | 17.500 |", "| Vùng IV | 3.250.000 | 15.600 |"]
    assert "Tỷ lệ hộ nghèo" in source_body(chat_cite(chat_corpus().get("son-la-2024"), chat_corpus().get("son-la-2024")
                                                   .clauses[0], "11,41%"))  # a clause without a table as before


def test_abstention_reads_as_not_found_and_offers_suggestions_as_sources():
    reply = build_reply(_answer("Lương tối thiểu vùng năm 2030?"), chat_corpus())
    assert reply.text.startswith("Không tìm thấy trong các chỉ thị")
    assert reply.sources and reply.sources[0].name.startswith("Gợi ý 1 – ")
    assert reply.sources[0].name in reply.text
    assert "Nguồn 1" not in reply.text


def test_an_answer_asking_which_document_offers_each_one_as_a_button():
    reply = build_reply(_answer("Chỉ thị do ai ký?"), chat_corpus())
    assert [choice_label(c) for c in reply.choices] == ["Hỏi theo Chỉ thị 04/CT-UBND (Sơn La, 2024)",
                                                        "Hỏi theo Chỉ thị 03/CT-UBND (Sơn La, 2023)"]
    assert "Bạn hỏi về văn bản nào?" in reply.text and "«Hỏi theo …»" in reply.text
    assert build_reply(_answer()).choices == () and "Hỏi theo" not in build_reply(_answer()).text


def test_the_answers_of_each_document_read_as_a_list_with_the_documents_words_literal():
    answer = Answer("Ai ký?", "Câu hỏi chưa nêu rõ văn bản, và các văn bản trả lời khác nhau:\n"
                              "- Chỉ thị (Hà Nam, 2023): Người ký: Trương Quốc Huy (phần chữ ký: “*Trương* Quốc Huy”).\n"
                              "- Chỉ thị 01/CT-UBND (Sơn La, 2024): Người ký: Hoàng Quốc Khánh.\n"
                              "Bạn hỏi về văn bản nào?", False)
    lines = build_reply(answer).text.splitlines()
    at = lines.index("- Chỉ thị (Hà Nam, 2023): Người ký: Trương Quốc Huy (phần chữ ký: “\\*Trương\\* Quốc Huy”).")
    assert lines[at - 1] == "" and lines[at + 1] == "- Chỉ thị 01/CT-UBND (Sơn La, 2024): Người ký: Hoàng Quốc Khánh."
    assert lines[at + 2] == "" and lines[at + 3] == "Bạn hỏi về văn bản nào?"  # the list ends before the question
    assert lines[at - 2] == "Câu hỏi chưa nêu rõ văn bản, và các văn bản trả lời khác nhau:"


def test_abstention_without_the_wording_gets_the_standard_lead():
    ans = Answer("q", "Các văn bản không nói về điều này.", True)
    assert build_reply(ans).text.startswith("Không tìm thấy nội dung trả lời câu hỏi này trong các văn bản hiện có. "
                                            "Các văn bản không nói")


def test_notice_shown_once_per_session():
    ans = _answer(notice="Không tải được mô hình ngữ nghĩa; đang tìm theo từ khóa (BM25).")
    first = build_reply(ans, chat_corpus())
    second = build_reply(ans, chat_corpus(), notice_already_shown=first.notice_shown)
    assert "BM25" in first.text and first.notice_shown
    assert "BM25" not in second.text and second.notice_shown


def test_names_without_brackets_and_without_corpus():
    c = Citation("x", None, None, None, "Lai Châu", 2023, "[12]/CT", None, "Điều 6, khoản 3", "t", 0.5)
    name = source_name("Nguồn", 2, c)
    assert name == "Nguồn 2 – Văn bản (12)/CT (Lai Châu, 2023), Điều 6, khoản 3"
    assert "[" not in name and "]" not in name


def test_active_filters_are_named_above_the_answer_they_narrowed():
    opts = filter_options(chat_corpus())
    described = describe_filters(Filters(provinces=("Hà Nam",), doc_ids=("son-la-2024",)), opts)
    assert described == "Tỉnh: Hà Nam; Văn bản: Chỉ thị 04/CT-UBND (Sơn La, 2024)"
    reply = build_reply(_answer("Lương tối thiểu?"), chat_corpus(), filters=described)
    assert reply.text.index("Đang lọc") < reply.text.index("Không tìm thấy")
    assert "Bỏ lọc" in reply.text
    assert describe_filters(None) is None and "Đang lọc" not in build_reply(_answer()).text


def test_citation_labels_for_the_feedback_export():
    assert citation_labels(_answer(), chat_corpus()) == ("Chỉ thị 04/CT-UBND (Sơn La, 2024), Phụ lục, mục 12",)


# ---- filters -----------------------------------------------------------------------------------------


def test_filter_options_come_from_the_corpus():
    opts = filter_options(chat_corpus())
    assert opts.provinces == ("Hà Nam", "Sơn La")
    assert opts.years == (2024, 2023)
    assert ("son-la-2024", "Chỉ thị 04/CT-UBND (Sơn La, 2024)") in opts.documents
    ha_nam = opts.narrowed("Hà Nam", None)
    assert [d for d, _ in ha_nam.documents] == ["ha-nam-2023"] and ha_nam.years == (2023,)
    assert [d for d, _ in opts.narrowed("Sơn La", 2023).documents] == ["son-la-2023"]


def test_dense_is_not_offered_when_only_bm25_can_run():
    assert list(retriever_choices("bm25")) == ["bm25"]
    assert set(retriever_choices("hybrid")) == {"hybrid", "dense", "bm25"}


def test_settings_values_become_filters_and_retriever():
    choice = choice_from_values({"province": "Sơn La", "year": "2024", "doc": ALL, "retriever": "bm25"})
    assert choice.filters == Filters(provinces=("Sơn La",), years=(2024,))
    assert choice.retriever == "bm25"
    everything = choice_from_values({"province": ALL, "year": ALL, "doc": ALL, "retriever": "nonsense"})
    assert everything.filters is None and everything.retriever is None
    assert choice_from_values({"doc": "ha-nam-2023"}).filters == Filters(doc_ids=("ha-nam-2023",))


# ---- handlers with a fake Chainlit -------------------------------------------------------------------


class _Session(dict):
    def set(self, key, value):
        self[key] = value


class _Message:
    sent: ClassVar[list[_Message]] = []

    def __init__(self, content="", elements=None, actions=None, **kw):
        self.content = content
        self.elements = elements or []
        self.actions = actions or []
        self.id = f"msg-{len(_Message.sent) + 1}"
        self.thread_id = "thread-1"
        # the run the handler opened, else Chainlit's on_message run around a typed question; the run gets the thumbs
        self.run = _Step.open[-1] if _Step.open else _Step("on_message", "run", id=f"run-{len(_Message.sent) + 1}")
        self.parent_id = self.run.id
        self.tokens: list[str] = []

    async def stream_token(self, token):
        self.tokens.append(token)
        self.content += token

    async def send(self):
        _Message.sent.append(self)
        return self


class _Step:
    """A Chainlit step used as ``async with``: messages sent inside it belong to it."""

    open: ClassVar[list[_Step]] = []
    entered: ClassVar[list[_Step]] = []  # opened by a handler (not Chainlit's own run around a typed question)

    def __init__(self, name="", type="undefined", id=None, **kw):
        self.name, self.type, self.input = name, type, ""
        self.id = id or f"step-{len(_Step.open) + 1}-{len(_Message.sent) + 1}"

    async def __aenter__(self):
        _Step.open.append(self)
        _Step.entered.append(self)
        return self

    async def __aexit__(self, *exc):
        _Step.open.remove(self)


class _Text:
    shown: ClassVar[list[_Text]] = []  # side elements currently in the browser

    def __init__(self, name, content, display):
        self.name, self.content, self.display = name, content, display

    async def send(self, for_id, persist=True):
        _Text.shown.append(self)

    async def remove(self):
        _Text.shown.remove(self)


class _Action:
    def __init__(self, name, payload, label="", tooltip="", icon=None, **kw):
        self.name, self.payload, self.label, self.tooltip = name, payload, label, tooltip


class _Select:
    def __init__(self, **kw):
        self.__dict__.update(kw)


class _ChatSettings:
    sent: ClassVar[list[list]] = []

    def __init__(self, inputs):
        self.inputs = inputs

    async def send(self):
        _ChatSettings.sent.append(self.inputs)
        return {w.id: w.initial_value for w in self.inputs}


@pytest.fixture
def fake_cl():
    _Message.sent, _Text.shown, _ChatSettings.sent, _Step.open, _Step.entered = [], [], [], [], []
    return types.SimpleNamespace(Message=_Message, Text=_Text, Action=_Action, ChatSettings=_ChatSettings, Step=_Step,
                                 Pyplot=None, input_widget=types.SimpleNamespace(Select=_Select))


@pytest.fixture
def runtime(tmp_path):
    settings = Settings(feedback_db=tmp_path / "fb.db", index_dir=tmp_path / "idx", retriever="hybrid")
    assistant = FakeChatAssistant(notice="Đang dùng BM25 vì không tải được mô hình.")
    return handlers.Runtime(settings, FeedbackStore(settings.feedback_db).init(), assistant,
                            filter_options(assistant.corpus))


def _run(coro):
    async def whole():
        result = await coro
        await handlers.wait_for_background()  # the answer record is written after the answer is shown
        return result

    return asyncio.run(whole())


def test_answer_is_sent_whole_with_source_buttons_and_recorded(fake_cl, runtime):
    session = _Session()
    _run(handlers.start_session(fake_cl, session, runtime))
    _run(handlers.handle_message(fake_cl, session, runtime, "Chỉ tiêu tỷ lệ hộ nghèo năm 2024 của Sơn La là bao nhiêu?"))
    msg = _Message.sent[-1]
    assert msg.tokens == []  # one message, not a stream of words
    assert "11,41%" in msg.content
    assert msg.elements == [] and _Text.shown == []  # no panel opens by itself
    assert [a.label for a in msg.actions] == ["Nguồn 1"]
    runtime.store.upsert_feedback(msg.parent_id, -1, "sai năm")
    (row,) = runtime.store.feedback_rows()
    assert row.question.startswith("Chỉ tiêu tỷ lệ hộ nghèo")
    assert "11,41%" in row.answer and row.citations == ("Chỉ thị 04/CT-UBND (Sơn La, 2024), Phụ lục, mục 12",)
    assert row.retriever == "hybrid" and row.comment == "sai năm"


def test_a_click_shows_exactly_the_clicked_source(fake_cl, runtime):
    session = _Session()
    _run(handlers.start_session(fake_cl, session, runtime))
    _run(handlers.handle_message(fake_cl, session, runtime, "Tỷ lệ hộ nghèo năm 2024 của Sơn La?"))
    _run(handlers.handle_message(fake_cl, session, runtime, "Cơ quan nào tổng hợp báo cáo?"))
    first, second = (m.actions[0] for m in _Message.sent)
    _run(handlers.open_source(fake_cl, session, runtime, first.payload))
    assert [t.name for t in _Text.shown] == [first.tooltip]
    assert "**11,41%**" in _Text.shown[0].content and _Text.shown[0].display == "side"
    _run(handlers.open_source(fake_cl, session, runtime, second.payload))
    (shown,) = _Text.shown  # the previous source left the panel
    assert shown.name == second.tooltip and "Sở Nội vụ" in shown.content and "11,41%" not in shown.content


def test_a_document_button_answers_the_same_question_from_that_document_only(fake_cl, runtime):
    session = _Session()
    _run(handlers.start_session(fake_cl, session, runtime))
    _run(handlers.handle_message(fake_cl, session, runtime, "Chỉ thị phát động thi đua do ai ký?"))
    asked = _Message.sent[-1]
    buttons = {a.label: a for a in asked.actions if a.name == handlers.CHOOSE_DOCUMENT_ACTION}
    assert set(buttons) == {"Hỏi theo Chỉ thị 04/CT-UBND (Sơn La, 2024)", "Hỏi theo Chỉ thị 03/CT-UBND (Sơn La, 2023)"}
    _run(handlers.choose_document(fake_cl, session, runtime,
                                  buttons["Hỏi theo Chỉ thị 03/CT-UBND (Sơn La, 2023)"].payload))
    call = runtime.assistant.calls[-1]
    assert call["question"] == "Chỉ thị phát động thi đua do ai ký?"
    assert call["filters"] == Filters(doc_ids=("son-la-2023",)) and call["previous"].clarify
    text = _Message.sent[-1].content
    assert text.index("Chỉ thị 03/CT-UBND (Sơn La, 2023)") < text.index("do Nguyễn Văn A ký")
    assert "Đang lọc" not in text and "Bỏ lọc" not in [a.label for a in _Message.sent[-1].actions]
    _run(handlers.handle_message(fake_cl, session, runtime, "Tỷ lệ hộ nghèo năm 2024?"))
    assert runtime.assistant.calls[-1]["filters"] is None  # the choice held for that one question only


def test_the_answer_to_a_document_button_can_be_rated_like_a_typed_one(fake_cl, runtime):
    session = _Session()
    _run(handlers.start_session(fake_cl, session, runtime))
    _run(handlers.handle_message(fake_cl, session, runtime, "Chỉ thị phát động thi đua do ai ký?"))
    button = next(a for a in _Message.sent[-1].actions if a.name == handlers.CHOOSE_DOCUMENT_ACTION)
    _run(handlers.choose_document(fake_cl, session, runtime, button.payload))
    chosen = _Message.sent[-1]
    # Chainlit's page shows thumbs and the copy button under the last reply of an on_message run only
    assert chosen.run in _Step.entered  # a button's callback runs outside Chainlit's own runs: the handler opens it
    assert (chosen.run.name, chosen.run.type) == ("on_message", "run") and chosen.run.input == button.payload["question"]
    assert _Step.open == []  # the run ended with the reply (the page shows the buttons once it has)
    runtime.store.upsert_feedback(chosen.parent_id, 1, None)
    (row,) = runtime.store.feedback_rows()
    assert row.question == "Chỉ thị phát động thi đua do ai ký?" and "Nguyễn Văn A" in row.answer and row.value == 1


def test_a_document_button_clicked_after_later_questions_reasks_in_its_own_turn(fake_cl, runtime):
    session = _Session()
    _run(handlers.start_session(fake_cl, session, runtime))
    _run(handlers.handle_message(fake_cl, session, runtime, "Chỉ thị phát động thi đua do ai ký?"))
    button = next(a for a in _Message.sent[-1].actions if a.name == handlers.CHOOSE_DOCUMENT_ACTION)
    _run(handlers.handle_message(fake_cl, session, runtime, "Tỷ lệ hộ nghèo năm 2024?"))
    _run(handlers.choose_document(fake_cl, session, runtime, button.payload))
    call = runtime.assistant.calls[-1]
    # completed from the turn that offered the choice, not from the poverty-rate answer given since
    assert call["question"] == "Chỉ thị phát động thi đua do ai ký?" and call["previous"].clarify
    _run(handlers.handle_message(fake_cl, session, runtime, "Còn năm 2023?"))
    assert "Sơn La" in runtime.assistant.calls[-1]["previous"].answer  # the button's answer is the latest turn


def test_a_document_button_keeps_the_filters_the_official_set(fake_cl, runtime):
    session = _Session()
    _run(handlers.start_session(fake_cl, session, runtime))
    _run(handlers.handle_settings_update(session, {"province": "Sơn La", "retriever": "bm25"}))
    _run(handlers.handle_message(fake_cl, session, runtime, "Ai ký chỉ thị?"))
    button = next(a for a in _Message.sent[-1].actions if a.name == handlers.CHOOSE_DOCUMENT_ACTION)
    _run(handlers.choose_document(fake_cl, session, runtime, button.payload))
    assert runtime.assistant.calls[-1]["filters"] == Filters(provinces=("Sơn La",), doc_ids=("son-la-2024",))
    assert runtime.assistant.calls[-1]["retriever"] == "bm25"
    assert "Tỉnh: Sơn La" in _Message.sent[-1].content and "Bỏ lọc" in [a.label for a in _Message.sent[-1].actions]
    assert _run(handlers.choose_document(fake_cl, session, runtime, {})) is None  # a malformed click: nothing


def test_follow_up_passes_the_previous_answer(fake_cl, runtime):
    session = _Session()
    _run(handlers.start_session(fake_cl, session, runtime))
    _run(handlers.handle_message(fake_cl, session, runtime, "Tỷ lệ hộ nghèo năm 2024 của Sơn La?"))
    _run(handlers.handle_message(fake_cl, session, runtime, "còn năm 2023?"))
    first, second = runtime.assistant.calls
    assert first["previous"] is None
    assert second["previous"] is not None and "11,41%" in second["previous"].answer
    assert "15,66%" in _Message.sent[-1].content


def test_settings_panel_offers_corpus_choices_and_filters_following_questions(fake_cl, runtime):
    session = _Session()
    widgets = handlers.settings_widgets(fake_cl, runtime)
    by_id = {w.id: w for w in widgets}
    assert set(by_id) == {"province", "year", "doc", "retriever"}
    assert "Hà Nam" in by_id["province"].items and "2023" in by_id["year"].items.values()
    assert by_id["retriever"].initial_value == "hybrid"
    _run(handlers.start_session(fake_cl, session, runtime))
    _run(handlers.handle_settings_update(session, {"province": "Sơn La", "year": "2023", "doc": ALL,
                                                   "retriever": "dense"}))
    _run(handlers.handle_message(fake_cl, session, runtime, "ho ngheo nam 2023 la bao nhieu"))  # unaccented
    call = runtime.assistant.calls[-1]
    assert call["filters"] == Filters(provinces=("Sơn La",), years=(2023,))
    assert call["retriever"] == "dense"
    text = _Message.sent[-1].content
    assert "Đang lọc" in text and "Tỉnh: Sơn La; Năm: 2023" in text
    assert "Bỏ lọc" in [a.label for a in _Message.sent[-1].actions]


def test_document_list_follows_the_province_and_a_misfit_choice_is_dropped(fake_cl, runtime):
    session = _Session()
    _run(handlers.start_session(fake_cl, session, runtime))
    choice = _run(handlers.handle_settings_update(
        session, {"province": "Hà Nam", "year": ALL, "doc": "son-la-2024", "retriever": "hybrid"}, fake_cl, runtime))
    assert choice.filters == Filters(provinces=("Hà Nam",))  # Sơn La's directive does not fit Hà Nam
    docs = {w.id: w for w in _ChatSettings.sent[-1]}["doc"]
    assert list(docs.items.values()) == [ALL, "ha-nam-2023"] and docs.initial_value == ALL


def test_clear_filters_resets_every_filter_and_the_panel(fake_cl, runtime):
    session = _Session()
    _run(handlers.start_session(fake_cl, session, runtime))
    _run(handlers.handle_settings_update(session, {"province": "Sơn La", "year": "2024", "doc": ALL,
                                                   "retriever": "bm25"}, fake_cl, runtime))
    _run(handlers.clear_filters(fake_cl, session, runtime))
    assert {w.id: w.initial_value for w in _ChatSettings.sent[-1]} == {
        "province": ALL, "year": ALL, "doc": ALL, "retriever": "bm25"}
    _run(handlers.handle_message(fake_cl, session, runtime, "Tỷ lệ hộ nghèo năm 2024?"))
    assert runtime.assistant.calls[-1]["filters"] is None and "Đang lọc" not in _Message.sent[-1].content


def test_dense_mode_is_not_offered_without_a_model(fake_cl, runtime):
    runtime.assistant.index = types.SimpleNamespace(retriever="bm25")
    modes = {w.id: w for w in handlers.settings_widgets(fake_cl, runtime)}["retriever"]
    assert list(modes.items.values()) == ["bm25"] and modes.initial_value == "bm25"


def test_notice_once_per_session_in_the_handler(fake_cl, runtime):
    session = _Session()
    _run(handlers.start_session(fake_cl, session, runtime))
    _run(handlers.handle_message(fake_cl, session, runtime, "Tỷ lệ hộ nghèo năm 2024?"))
    _run(handlers.handle_message(fake_cl, session, runtime, "Cơ quan nào tổng hợp báo cáo?"))
    assert "BM25" in _Message.sent[0].content
    assert "BM25" not in _Message.sent[1].content


def test_old_style_tones_and_nfd_input_are_normalised(fake_cl, runtime):
    import unicodedata

    session = _Session()
    _run(handlers.start_session(fake_cl, session, runtime))
    question = unicodedata.normalize("NFD", "Uỷ ban: tỷ lệ hộ nghèo năm 2024?")
    _run(handlers.handle_message(fake_cl, session, runtime, question))
    asked = runtime.assistant.calls[-1]["question"]
    assert asked == unicodedata.normalize("NFC", asked)
    assert "11,41%" in _Message.sent[-1].content


def test_assistant_failure_gives_a_vietnamese_message_without_trace(fake_cl, runtime):
    def boom(*a, **k):
        raise RuntimeError("index file corrupt at /secret/path")

    runtime.assistant.answer = boom
    session = _Session()
    _run(handlers.start_session(fake_cl, session, runtime))
    assert _run(handlers.handle_message(fake_cl, session, runtime, "Tỷ lệ hộ nghèo?")) is None
    text = _Message.sent[-1].content
    assert "Đã có lỗi" in text and "Traceback" not in text and "/secret/path" not in text


def test_empty_message_is_ignored(fake_cl, runtime):
    assert _run(handlers.handle_message(fake_cl, _Session(), runtime, "   ")) is None
    assert _Message.sent == [] and runtime.assistant.calls == []


def test_supervisor_command_reports_when_facts_are_missing_or_renders_a_table(fake_cl, runtime, monkeypatch):
    from bot.chat import facts_view

    monkeypatch.setattr(facts_view, "facts_available", lambda: False)
    session = _Session()
    _run(handlers.handle_message(fake_cl, session, runtime, "/chitieu hộ nghèo"))
    assert "chưa được cài đặt" in _Message.sent[-1].content
    assert runtime.assistant.calls == []  # a command is not a question


def test_runtime_uses_the_factory_from_the_environment(tmp_path, monkeypatch):
    monkeypatch.setenv(handlers.FACTORY_ENV, "tests.fakes:load_fake_chat")
    rt = handlers.load_runtime(Settings(feedback_db=tmp_path / "f.db", index_dir=tmp_path / "i"))
    assert isinstance(rt.assistant, FakeChatAssistant)
    assert rt.assistant.warmed  # loaded before the chat says it is ready, not at its first question
    assert rt.options.provinces == ("Hà Nam", "Sơn La")
    assert (tmp_path / "f.db").exists()



def test_targets_command_renders_a_table_and_a_chart_across_years(fake_cl, runtime, monkeypatch):
    pytest.importorskip("corpus.facts")
    from bot.chat import facts_view
    from bot.settings import bundled_corpus_dir
    from corpus import load_corpus

    runtime.assistant.corpus = load_corpus(bundled_corpus_dir())
    figures = []

    class _Pyplot:
        def __init__(self, name, figure, display, size):
            figures.append(figure)

    fake_cl.Pyplot = _Pyplot
    monkeypatch.setattr(facts_view, "facts_available", lambda: True)
    _run(handlers.handle_message(fake_cl, _Session(), runtime, "/chitieu ho ngheo"))  # unaccented
    text = _Message.sent[-1].content
    assert text.count("\n| ") >= 3 and "| Năm |" in text
    for value in ("19,74%", "15,66%", "11,41%"):
        assert value in text
    (fig,) = figures
    xs, ys = fig.axes[0].lines[0].get_data()
    assert list(xs) == [2022, 2023, 2024] and list(ys) == [19.74, 15.66, 11.41]


def test_responsibilities_command_lists_the_agency_in_every_directive(fake_cl, runtime, monkeypatch):
    pytest.importorskip("corpus.facts")
    from bot.settings import bundled_corpus_dir
    from corpus import load_corpus

    runtime.assistant.corpus = load_corpus(bundled_corpus_dir())
    for query in ("/trachnhiem Sở Nội vụ", "/trachnhiem so noi vu"):
        _run(handlers.handle_message(fake_cl, _Session(), runtime, query))
        text = _Message.sent[-1].content
        for expected in ("Sở Nội vụ", "mục 10", "mục III.5", "mục 6, điểm e", "Hà Nam", "Lai Châu"):
            assert expected in text
    _run(handlers.handle_message(fake_cl, _Session(), runtime, "/trachnhiem"))
    assert "ví dụ: `/trachnhiem Sở Nội vụ`" in _Message.sent[-1].content


def test_a_repeated_question_in_the_same_context_is_answered_from_the_cache(fake_cl, runtime):
    from bot.chat.answer_cache import AnswerCache

    runtime.cache = AnswerCache(8)
    for _ in range(2):
        session = _Session()
        _run(handlers.start_session(fake_cl, session, runtime))
        _run(handlers.handle_message(fake_cl, session, runtime, "Tỷ lệ hộ nghèo năm 2024 của Sơn La?"))
    assert len(runtime.assistant.calls) == 1 and "11,41%" in _Message.sent[-1].content
    _run(handlers.handle_settings_update(session, {"province": "Hà Nam"}))
    _run(handlers.handle_message(fake_cl, session, runtime, "Tỷ lệ hộ nghèo năm 2024 của Sơn La?"))  # other filters
    assert len(runtime.assistant.calls) == 2 and runtime.cache.hits == 1


def test_a_follow_up_depends_on_the_previous_question():
    from bot.chat.answer_cache import answer_key

    after_2024 = Answer("q", "a", False, extra={"query": ("Sơn La", 2024)})
    after_2023 = Answer("q", "a", False, extra={"query": ("Sơn La", 2023)})
    keys = {answer_key("còn Lai Châu?", None, None, p) for p in (None, after_2024, after_2023)}
    assert len(keys) == 3
    assert answer_key("x", None, None, Answer("q", "a", False, extra={"query": ["unhashable"]})) is None


def test_supervisor_tables_name_every_document_and_the_chart_legend_fits_every_year():
    pytest.importorskip("corpus.facts")
    from bot.chat import facts_view
    from bot.settings import bundled_corpus_dir
    from corpus import load_corpus

    directives = list(load_corpus(bundled_corpus_dir()))
    text = facts_view.responsibilities_reply(directives, "Sở Nội vụ").text
    assert "| Chỉ thị năm 2023 của UBND tỉnh Hà Nam |" in text and "|  |" not in text
    targets = facts_view.targets_reply(directives, "hộ nghèo")
    (label, points), = targets.series
    assert [y for y, _ in points] == [2022, 2023, 2024]
    assert "2021-2025" not in label and "2022-2025" not in label  # the periods differ by year


def test_markdown_in_table_cells_stays_text():
    from bot.chat.facts_view import _table

    table = _table(["Ghi chú"], [["(*) giảm 3% *so với* [năm](http://x.example) 2022 | b"]])
    assert "\\*" in table and "[năm](" not in table and "\\|" in table


def test_a_follow_up_depends_on_the_documents_the_conversation_is_about():
    from bot.chat.answer_cache import answer_key

    def after(doc_id):
        cite = Citation(doc_id=doc_id, doc_type=None, title=None, issuer=None, province=None, year=None,
                        number=None, date=None, clause="mục 1", text="…", score=1.0)
        return Answer("Ai ký?", "a", False, citations=(cite,), extra={"query": ("Ai ký?",)})

    keys = {answer_key("Văn bản này ban hành ngày nào?", None, None, p) for p in (after("a"), after("b"))}
    assert len(keys) == 2


def test_supervisor_commands_read_the_facts_stored_in_the_index(tmp_path, monkeypatch):
    """/chitieu after a start answers from the index folder: no clause is parsed for facts again."""
    pytest.importorskip("corpus.facts")
    import corpus.facts as facts
    from bot import Assistant, get_settings
    from bot.chat import facts_view

    settings = get_settings(index_dir=tmp_path / "index", retriever="bm25")
    Assistant.load(settings)  # builds the index, which stores every document's facts
    assistant = Assistant.load(settings)

    def no(*a, **k):
        raise AssertionError("facts recomputed although the index stores them")

    monkeypatch.setattr(facts, "extract_targets", no)
    monkeypatch.setattr(facts, "extract_responsibilities", no)
    directives = list(assistant.corpus)
    reply = facts_view.targets_reply(directives, "hộ nghèo", assistant.facts)
    assert "11,41%" in reply.text and "Sơn La" in reply.text
    who = facts_view.responsibilities_reply(directives, "so noi vu", assistant.facts)
    assert "Sở Nội vụ" in who.text and "Điều khoản" in who.text


def test_a_conversation_in_the_chat_gets_the_answers_of_the_cli_json_path(fake_cl, tmp_path, tmp_path_factory,
                                                                          monkeypatch):
    """The same follow-ups, typed in the chat or sent as one conversation to `thidua ask --input --json`."""
    import json

    from typer.testing import CliRunner

    from bot import assistant as assistant_module
    from bot.chat.answer_cache import AnswerCache
    from bot.cli import app
    from tests.fakes import assistant_over

    bot = assistant_over(tmp_path_factory, {"doc1.txt": "nghi-dinh-so-38-2022-nd-cp-37348.txt"})
    turns = ["Mức lương tối thiểu tháng vùng I theo Nghị định 38/2022/NĐ-CP là bao nhiêu?", "Còn vùng IV?",
             "con vung V thi sao", "Năm 2030 thì sao?", "Chỉ tiêu tỷ lệ hộ nghèo năm 2023 của Sơn La là bao nhiêu?",
             "Năm 2022?", "con nam 2021 thi sao", "Giá vàng miếng hôm nay là bao nhiêu?"]
    monkeypatch.setattr(assistant_module.Assistant, "load", classmethod(lambda cls, settings, **kw: bot))
    monkeypatch.setenv("THIDUA_INDEX_DIR", str(tmp_path / "index"))
    path = tmp_path / "hoi.jsonl"
    path.write_text("".join(json.dumps({"q": t, "conversation": "c1"}, ensure_ascii=False) + "\n" for t in turns),
                    encoding="utf-8")
    result = CliRunner().invoke(app, ["ask", "--input", str(path), "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]

    settings = Settings(feedback_db=tmp_path / "fb.db", index_dir=tmp_path / "idx", retriever="bm25")
    rt = handlers.Runtime(settings, FeedbackStore(settings.feedback_db).init(), bot, filter_options(bot.corpus),
                          cache=AnswerCache(16))
    session = _Session()
    _run(handlers.start_session(fake_cl, session, rt))
    for turn, row in zip(turns, rows, strict=True):
        _run(handlers.handle_message(fake_cl, session, rt, turn))
        shown = session[handlers._PREVIOUS]
        assert (shown.answer, shown.abstained) == (row["answer"], row["abstained"]), turn
    assert [r["abstained"] for r in rows] == [False, False, True, True, False, False, True, True]
    assert "3.250.000" in rows[1]["answer"] and "47 triệu" not in rows[5]["answer"]
    assert "19,74%" in rows[5]["answer"]  # Sơn La's 2022 poverty target
    contents = [m.content for m in _Message.sent]
    assert "3.250.000" in contents[-7] and "19,74%" in contents[-3]
    assert all("Không tìm thấy" in contents[i] for i in (-6, -5, -2, -1))


def test_the_panel_shows_a_regrouped_schedule_as_a_table_with_the_quoted_row_marked():
    """A fee schedule the gazette writes one cell per line (corpus.tables) is shown under its column headings."""
    from bot.chat.render import clause_markdown
    from corpus import clean_text
    from tests.corpus.test_tables import _SCHEDULE

    text = clean_text(_SCHEDULE)
    at = text.index("| a | Cấp mới")
    shown = _read(clause_markdown(text, (at, text.index("\n", at))))
    assert "| Số TT | Nội dung | Mức thu (đồng/lần cấp) |\n| --- | --- | --- |" in shown
    assert "| ***a*** | ***Cấp mới*** | ***200.000*** |" in shown
    assert "| b | Cấp lại do bị hỏng hoặc bị mất | 400.000 |" in shown
    assert shown.rstrip().endswith("Tem là một loại giấy miễn thị thực.")


def test_a_short_table_cell_keeps_its_words_on_one_line_and_a_long_one_can_wrap():
    """In the panel tables wrap to fit (thidua.css): "Cấp mới" or "Vùng III" must not break into two lines that read
    as two rows, while a long name ("Cấp lại do bị hỏng hoặc bị mất") wraps between its words."""
    from bot.chat.render import clause_markdown
    from corpus import clean_text
    from tests.corpus.test_tables import _SCHEDULE

    text = clean_text(_SCHEDULE)
    at = text.index("| a | Cấp mới")
    shown = clause_markdown(text, (at, text.index("\n", at)))
    assert "| Số\u00a0TT |" in shown and "| ***Cấp\u00a0mới*** |" in shown
    assert "| Cấp lại do bị hỏng hoặc bị mất |" in shown  # ordinary spaces: the browser may wrap it
    (c,) = _wage_answer("20.000.").citations
    panel = source_body(c)
    assert "| Vùng\u00a0III | 3.640.000 |" in panel
    assert "| Vùng | Mức lương tối thiểu tháng (Đơn vị: đồng/tháng) |" in panel


def test_a_decline_asking_for_the_document_is_not_preceded_by_a_not_found_line():
    """"Điều 5 quy định gì?" is answered by asking which document: a "Không tìm thấy …" lead before it read as two
    replies in one."""
    ask = ("Câu hỏi nêu điều 5 nhưng chưa cho biết là của văn bản nào. Hãy thêm số hiệu văn bản, ví dụ: "
           "“Điều 5 Thông tư 28/2026/TT-BTC quy định gì?”")
    text = build_reply(Answer("Điều 5 quy định gì?", ask, True)).text
    assert text.startswith("Câu hỏi nêu điều 5") and "Không tìm thấy" not in text
    blank = "Câu hỏi đang để trống. Hãy nhập câu hỏi về chỉ thị thi đua, ví dụ: “Chỉ tiêu tỷ lệ hộ nghèo?”"
    assert build_reply(Answer(" ", blank, True)).text == blank
