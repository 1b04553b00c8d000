"""With login, a conversation survives a reload and is listed for its author only; without login
nothing of the conversation is stored."""

from __future__ import annotations

import asyncio
import sqlite3
import time
import uuid
from datetime import UTC, datetime

import httpx
import pytest

from bot.chat.data_layer import ThreadStore
from bot.feedback import FeedbackStore


def _step(thread: str, sid: str, kind: str, text: str, parent: str | None = None) -> dict:
    return {"id": sid, "threadId": thread, "parentId": parent, "type": kind, "name": "x", "output": text,
            "input": "", "createdAt": datetime.now(UTC).isoformat()}


@pytest.fixture
def threads(tmp_path):
    return ThreadStore(FeedbackStore(tmp_path / "fb.db").init().path).init()


def test_steps_sent_before_the_thread_are_kept_and_read_back_in_order(threads):
    threads.upsert_step(_step("t1", "u1", "user_message", "Tỷ lệ hộ nghèo năm 2024?"))
    threads.update_thread("t1", "Tỷ lệ hộ nghèo năm 2024?", "alice", {"chat_settings": {"province": "Sơn La"},
                                                                        "previous_answer": object()})
    threads.upsert_step(_step("t1", "a1", "assistant_message", "11,41%.", parent="u1"))
    threads.upsert_step({"id": "a1", "threadId": "t1", "output": "11,41%. Nguồn: …"})  # a partial update
    thread = threads.get_thread("t1")
    assert thread["userIdentifier"] == "alice" and thread["name"] == "Tỷ lệ hộ nghèo năm 2024?"
    assert [(s["id"], s["output"]) for s in thread["steps"]] == [("u1", "Tỷ lệ hộ nghèo năm 2024?"),
                                                                 ("a1", "11,41%. Nguồn: …")]
    assert thread["steps"][1]["type"] == "assistant_message"
    assert thread["metadata"] == {"chat_settings": {"province": "Sơn La"}}  # only plain, restorable parts
    assert threads.author("t1") == "alice" and threads.author("nope") == ""


def test_threads_are_listed_per_user_newest_first_with_pages_and_search(threads):
    for i in range(5):
        threads.update_thread(f"t{i}", f"Câu hỏi số {i}", "alice", None)
    threads.update_thread("tb", "Câu của Bob", "bob", None)
    threads.upsert_step(_step("t0", "s0", "user_message", "mới nhất"))  # t0 becomes the newest
    page, more = threads.list_threads("alice", 3, None, None)
    assert page[0]["id"] == "t0" and len(page) == 3 and more
    rest, more = threads.list_threads("alice", 3, page[-1]["id"], None)
    assert len(rest) == 2 and not more and not {t["id"] for t in page} & {t["id"] for t in rest}
    assert [t["id"] for t in threads.list_threads("alice", 10, None, "số 3")[0]] == ["t3"]
    assert threads.list_threads(None, 10, None, None) == ([], False)


def test_a_thread_is_never_created_without_a_user_and_huge_texts_are_cut(threads):
    threads.update_thread("anon", "x", None, None)
    assert threads.get_thread("anon") is None
    threads.update_thread("t1", "a" * 5000, "alice", None)
    threads.upsert_step(_step("t1", "u1", "user_message", "Tỷ lệ " * 100_000))
    thread = threads.get_thread("t1")
    assert len(thread["name"]) <= 200 and len(thread["steps"][0]["output"]) <= 1000


def test_source_text_is_served_inline_after_a_reload(threads):
    threads.update_thread("t1", "q", "alice", None)
    threads.add_element({"id": "e1", "threadId": "t1", "type": "text", "name": "Nguồn 1", "chainlitKey": "k"},
                        "12. Tỷ lệ hộ nghèo … là 11,41%.")
    element = threads.get_element("t1", "e1")
    import base64

    assert element["chainlitKey"] is None
    assert base64.b64decode(element["url"].split(",", 1)[1]).decode() == "12. Tỷ lệ hộ nghèo … là 11,41%."
    assert threads.get_thread("t1")["elements"][0]["id"] == "e1"
    threads.delete_thread("t1")
    assert threads.get_thread("t1") is None and threads.get_element("t1", "e1") is None


def test_feedback_shows_on_the_step_it_judges(tmp_path):
    store = FeedbackStore(tmp_path / "fb.db").init()
    threads = ThreadStore(store.path).init()
    threads.update_thread("t1", "q", "alice", None)
    threads.upsert_step(_step("t1", "a1", "assistant_message", "11,41%."))
    store.upsert_feedback("a1", -1, "sai", user_name="alice")
    (step,) = threads.get_thread("t1")["steps"]
    assert step["feedback"]["value"] == 0 and step["feedback"]["comment"] == "sai"


# --- against a running chat ---------------------------------------------------------------------------

async def _ask(url: str, token: str, question: str) -> str:
    import socketio

    sio = socketio.AsyncClient(reconnection=False)
    started, answered, thread = asyncio.Event(), asyncio.Event(), {}

    @sio.on("chat_settings")
    async def _settings(_d=None) -> None:
        started.set()

    @sio.on("first_interaction")
    async def _first(data) -> None:
        thread["id"] = data["thread_id"]

    @sio.on("new_message")
    async def _msg(step: dict) -> None:
        if step.get("type") == "assistant_message":
            answered.set()

    await sio.connect(url, socketio_path="/ws/socket.io", transports=["websocket"], wait_timeout=30,
                      headers={"Cookie": f"access_token={token}"},
                      auth={"clientType": "webapp", "sessionId": str(uuid.uuid4()), "threadId": None,
                            "userEnv": "{}", "chatProfile": None})
    try:
        await sio.emit("connection_successful")
        await asyncio.wait_for(started.wait(), 60)
        await sio.emit("client_message", {"message": {
            "id": str(uuid.uuid4()), "threadId": "", "name": "User", "type": "user_message", "output": question,
            "createdAt": datetime.now(UTC).isoformat()}, "fileReferences": None})
        await asyncio.wait_for(answered.wait(), 60)
        await asyncio.sleep(1.0)  # Chainlit writes steps in background tasks
    finally:
        await sio.disconnect()
    return thread["id"]


@pytest.mark.slow
def test_a_reload_finds_the_conversation_and_only_its_author_can_open_it(login_server):
    alice = httpx.Client(base_url=login_server.url, timeout=60)
    bob = httpx.Client(base_url=login_server.url, timeout=60)
    assert alice.post("/login", data={"username": "alice", "password": "alice-mat-khau"}).status_code == 200
    assert bob.post("/login", data={"username": "bob", "password": "bob-mat-khau-1"}).status_code == 200
    question = "Chỉ tiêu tỷ lệ hộ nghèo năm 2024 của Sơn La là bao nhiêu?"
    thread_id = asyncio.run(_ask(login_server.url, alice.cookies["access_token"], question))

    reloaded = alice.get(f"/project/thread/{thread_id}")  # what the page fetches on a reload
    assert reloaded.status_code == 200
    outputs = [s["output"] for s in reloaded.json()["steps"]]
    assert question in outputs and any("11,41%" in o for o in outputs)
    listed = alice.post("/project/threads", json={"pagination": {"first": 20}, "filter": {}}).json()["data"]
    assert [t["id"] for t in listed] == [thread_id] and listed[0]["name"].startswith("Chỉ tiêu tỷ lệ hộ nghèo")

    assert bob.get(f"/project/thread/{thread_id}").status_code in (401, 403, 404)
    assert bob.post("/project/threads", json={"pagination": {"first": 20}, "filter": {}}).json()["data"] == []


@pytest.mark.slow
def test_without_login_nothing_of_the_conversation_is_stored(open_server):
    from tests.reliability.test_feedback_security import _send_huge

    assert asyncio.run(_send_huge(open_server.url, 1, 100)) == 1
    for _ in range(50):  # the answer record is written just after the answer is shown
        with sqlite3.connect(open_server.db) as con:
            if con.execute("SELECT COUNT(*) FROM answers").fetchone()[0]:
                break
        time.sleep(0.2)
    with sqlite3.connect(open_server.db) as con:
        tables = {name for (name,) in con.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        assert con.execute("SELECT COUNT(*) FROM answers").fetchone()[0] >= 1  # feedback still has its answer
        for table in {"threads", "steps", "elements"} & tables:
            assert con.execute(f"SELECT COUNT(*) FROM {table}").fetchone()[0] == 0


def test_rename_keeps_the_author_and_a_metadata_only_update_keeps_the_name(threads):
    threads.update_thread("t1", "Câu hỏi đầu", "alice", None)
    threads.update_thread("t1", None, None, {"chat_settings": {"year": "2024"}})
    assert threads.get_thread("t1")["name"] == "Câu hỏi đầu"
    threads.update_thread("t1", "Hộ nghèo Sơn La", "bob", None)  # the sidebar's rename; never a new owner
    thread = threads.get_thread("t1")
    assert thread["name"] == "Hộ nghèo Sơn La" and thread["userIdentifier"] == "alice"
    assert thread["metadata"] == {"chat_settings": {"year": "2024"}}
