"""End to end in a real headless Chromium: `thidua chat` with the real assistant (BM25, offline).

Starter question -> answer with its number; a typed follow-up; a source
opened in the side panel shows the clause; a thumbs-down with a comment
lands in the SQLite feedback database.  Screenshots go to artifacts/browser/.
"""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-quic", "--no-first-run", "--disable-sync"]
REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "artifacts" / "browser"
START_TIMEOUT_S = 600  # first start builds the BM25 index
ANSWER_TIMEOUT_MS = 120_000


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def _wait_for_port(port: int, proc: subprocess.Popen, log: Path) -> None:
    deadline = time.monotonic() + START_TIMEOUT_S
    while time.monotonic() < deadline:
        if proc.poll() is not None:
            pytest.fail(f"`thidua chat` exited with {proc.returncode}:\n{log.read_text(errors='replace')[-4000:]}")
        try:
            with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                return
        except OSError:
            time.sleep(0.5)
    pytest.fail(f"`thidua chat` did not open port {port} in {START_TIMEOUT_S}s:\n"
                f"{log.read_text(errors='replace')[-4000:]}")


@pytest.fixture(scope="module")
def chat_server(tmp_path_factory):
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is missing: install it with `make browser` (apt-get install chromium)")
    tmp = tmp_path_factory.mktemp("chat")
    port = _free_port()
    env = {k: v for k, v in os.environ.items() if not k.startswith(("THIDUA_", "CHAINLIT_"))}
    env.update(THIDUA_INDEX_DIR=str(tmp / "index"), THIDUA_RETRIEVER="bm25", THIDUA_FEEDBACK_DB=str(tmp / "feedback.db"),
               HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", THIDUA_LOG_LEVEL="INFO")
    log = tmp / "server.log"
    thidua = Path(sys.executable).with_name("thidua")
    with log.open("wb") as out:
        proc = subprocess.Popen([str(thidua), "chat", "--port", str(port)], env=env, stdout=out,
                                stderr=subprocess.STDOUT, start_new_session=True)
    try:
        _wait_for_port(port, proc, log)
        yield {"url": f"http://127.0.0.1:{port}", "db": tmp / "feedback.db", "log": log}
    finally:
        proc.terminate()  # `thidua chat` stops its Chainlit child on SIGTERM
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, 9)
            proc.wait()


@pytest.fixture(scope="module")
def page(chat_server):
    from playwright.sync_api import sync_playwright

    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    print(f"\nscreenshots: {ARTIFACTS}")
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        context = browser.new_context(viewport={"width": 1280, "height": 900}, locale="vi-VN")
        pg = context.new_page()
        pg.set_default_timeout(ANSWER_TIMEOUT_MS)
        yield pg
        context.close()
        browser.close()


def _shot(pg, name: str) -> None:
    pg.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=False)


def _assistant_messages(pg):
    return pg.locator("[data-step-type='assistant_message']")


def test_official_asks_opens_a_source_and_sends_feedback(page, chat_server):
    pg = page
    pg.goto(chat_server["url"])
    starter = pg.get_by_text("Chỉ tiêu hộ nghèo 2024", exact=True)
    starter.wait_for()
    pg.locator("#chat-input").wait_for()
    pg.wait_for_timeout(1000)  # starters fade in
    body = pg.locator("body").inner_text()
    assert "Type your message" not in body and "LLMs can make mistakes" not in body
    _shot(pg, "01_welcome")

    starter.click()
    first = _assistant_messages(pg).first
    first.get_by_text("11,41%").first.wait_for()
    pg.locator(".element-link").first.wait_for()
    _shot(pg, "02_first_answer")
    assert "Nguồn 1 – " in first.inner_text()

    box = pg.locator("#chat-input")
    box.click()
    box.fill("Cơ quan nào tổng hợp báo cáo kết quả thi đua năm 2024?")
    box.press("Enter")
    second = _assistant_messages(pg).nth(1)
    second.get_by_text("Sở Nội vụ").first.wait_for()
    second.locator(".element-link").first.wait_for()  # sources arrive when the answer is complete
    _shot(pg, "03_second_answer")

    link = first.locator(".element-link").first
    name = link.inner_text()
    assert name.startswith("Nguồn 1 – ")
    link.click()
    panel = pg.locator("#side-view-content")
    panel.get_by_text("11,41%").first.wait_for()
    panel_text = panel.inner_text()
    assert "Tỷ lệ hộ nghèo" in panel_text and "Số hiệu" in panel_text
    marked = panel.locator(".italic .font-bold, .font-bold .italic, em strong, strong em", has_text="11,41%")
    assert marked.count() >= 1  # the answering span is marked (bold italic, highlighted by thidua.css)
    _shot(pg, "04_source_panel")

    first.hover()
    first.locator(".negative-feedback-off").first.click()
    comment = "Thiếu so sánh với năm 2023"
    pg.get_by_placeholder("Câu trả lời sai ở đâu", exact=False).fill(comment)
    _shot(pg, "05_feedback_dialog")
    pg.locator("#submit-feedback").click()
    first.locator(".negative-feedback-on").first.wait_for()
    _shot(pg, "06_feedback_sent")

    deadline = time.monotonic() + 10
    rows: list = []
    while time.monotonic() < deadline and not rows:
        with sqlite3.connect(chat_server["db"]) as con:
            rows = con.execute(
                "SELECT f.value, f.comment, a.question, a.answer, a.citations, a.retriever FROM feedbacks f"
                " JOIN answers a ON f.message_id IN (a.message_id, a.run_id)").fetchall()
        time.sleep(0.2)
    assert rows, "no feedback row joined to its answer"
    value, saved_comment, question, answer, citations, retriever = rows[0]
    assert value == -1 and saved_comment == comment
    assert question == "Chỉ tiêu tỷ lệ hộ nghèo năm 2024 của Sơn La là bao nhiêu?"
    assert "11,41%" in answer and "Phụ lục" in citations and retriever == "bm25"
