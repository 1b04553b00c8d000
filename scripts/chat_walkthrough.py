"""Walk through the web chat as an official would: type conversations, screenshot every answer.

Starts its own `thidua chat` on a free 127.0.0.1 port (offline, everything in --out), opens it in
headless Chromium (/usr/bin/chromium, every non-local request blocked as on a closed intranet) and
types the conversations of a text file: one question per line, a blank line starts a new
conversation (a fresh page), lines starting with ``#`` are comments, a line ``[Hỏi theo …]`` clicks
the button of that label under the last reply that has one.  For each turn it saves a
full-page screenshot ``cNN_tNN.png`` in --out (with --phone also ``cNN_tNN_screen.png``, the
screen as the phone shows it right after the reply) and prints one line: the question, the first 120
characters of the reply and the seconds from Enter to the reply shown.  The pictures are for
people to look at; nothing here asserts.  With --sources it also clicks each reply's first source
(or suggestion) button and saves the panel as ``cNN_tNN_source.png``.  The server is always
stopped, every wait is bounded; the seconds are wall time on this machine (noisy when it is shared).

    .venv/bin/python scripts/chat_walkthrough.py --out /tmp/walk
    .venv/bin/python scripts/chat_walkthrough.py --library ../shared/library --out /tmp/walk-lib
    .venv/bin/python scripts/chat_walkthrough.py --phone --out /tmp/walk-phone   # a 390 px wide phone
"""

from __future__ import annotations

import argparse
import contextlib
import os
import signal
import socket
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parents[1]
THIDUA = Path(sys.executable).with_name("thidua")
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update"]
DEFAULT_QUESTIONS = Path(__file__).with_name("chat_walkthrough_questions.txt")
DESKTOP, PHONE = {"width": 1280, "height": 900}, {"width": 390, "height": 844}  # PHONE: a common handset
SCROLL_ARROW = "div.absolute.bottom-4 > button.rounded-full"  # Chainlit's scroll-to-bottom button
MAX_SHOT_HEIGHT = 8000  # px: a taller conversation is cut at the bottom of the picture


def read_conversations(path: Path) -> list[list[str]]:
    """Questions grouped by conversation: blank lines separate conversations, ``#`` lines are skipped."""
    conversations: list[list[str]] = [[]]
    for raw in path.read_text(encoding="utf-8-sig").splitlines():
        line = raw.strip()
        if not line:
            if conversations[-1]:
                conversations.append([])
        elif not line.startswith("#"):
            conversations[-1].append(line)
    return [c for c in conversations if c]


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


@contextlib.contextmanager
def running_chat(out: Path, corpus_dirs: list[Path], index_dir: Path, retriever: str,
                 timeout_s: float) -> Iterator[str]:
    """`thidua chat` on a free local port until the block ends; its log is ``out/server.log``.

    The port opens only once the assistant is loaded (the first start builds the index)."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("THIDUA_", "CHAINLIT_"))}
    env.update(THIDUA_CORPUS_DIR=os.pathsep.join(str(d) for d in corpus_dirs), THIDUA_INDEX_DIR=str(index_dir),
               THIDUA_RETRIEVER=retriever, THIDUA_FEEDBACK_DB=str(out / "feedback.db"),
               THIDUA_LOG_FILE=str(out / "server-errors.log"), THIDUA_LOG_LEVEL="INFO",
               HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1")
    port = _free_port()
    log = out / "server.log"
    with log.open("wb") as sink:
        proc = subprocess.Popen([str(THIDUA), "chat", "--port", str(port)], env=env, stdout=sink,
                                stderr=subprocess.STDOUT, start_new_session=True, cwd=ROOT)
    try:
        deadline = time.monotonic() + timeout_s
        while True:
            if proc.poll() is not None:
                raise SystemExit(f"`thidua chat` exited with {proc.returncode}; end of {log}:\n"
                                 f"{log.read_text(errors='replace')[-3000:]}")
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    raise SystemExit(f"`thidua chat` did not listen within {timeout_s:.0f} s; see {log}") from None
                time.sleep(0.5)
        yield f"http://127.0.0.1:{port}"
    finally:
        proc.terminate()  # `thidua chat` stops its Chainlit child on SIGTERM
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()


class Walk:
    """One headless browser; each conversation a fresh page (a new chat session)."""

    def __init__(self, browser, url: str, out: Path, answer_timeout_s: float, open_sources: bool = False,
                 phone: bool = False) -> None:
        self.url, self.out, self.timeout_ms = url, out, answer_timeout_s * 1000
        self.open_sources, self.phone = open_sources, phone
        self.blocked: list[str] = []
        screen = PHONE if phone else DESKTOP
        self.context = browser.new_context(locale="vi-VN", viewport=screen, is_mobile=phone, has_touch=phone)
        self.context.route("**/*", self._route)

    def _route(self, route) -> None:
        url = route.request.url
        if (urlparse(url).hostname or "") in ("127.0.0.1", "localhost") or url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            self.blocked.append(url)
            route.abort("internetdisconnected")

    def conversation(self, n: int, questions: list[str]) -> None:
        page = self.context.new_page()
        page.set_default_timeout(self.timeout_ms)
        try:
            page.goto(self.url)
            page.locator("#chat-input").wait_for()
            page.wait_for_timeout(800)  # starters fade in
            for t, question in enumerate(questions, 1):
                self._turn(page, f"c{n:02d}_t{t:02d}", question)
        finally:
            page.close()

    def _turn(self, page, name: str, question: str) -> None:
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        messages = page.locator("[data-step-type='assistant_message']")
        before = messages.count()
        t0 = time.perf_counter()
        if question.startswith("[") and question.endswith("]"):  # a click on a button of the last reply
            buttons = page.get_by_role("button", name=question[1:-1])
            if buttons.count() == 0:
                print(f"{name}  no button {question} under the last reply", flush=True)
                return
            t0 = time.perf_counter()
            buttons.last.click()
        else:
            box = page.locator("#chat-input")
            box.click()
            box.fill(question)
            t0 = time.perf_counter()
            box.press("Enter")
        try:
            messages.nth(before).wait_for()
            seconds = time.perf_counter() - t0
            page.locator("#stop-button").wait_for(state="detached")  # the run is over
            reply = " ".join(messages.nth(before).inner_text().split())
        except PlaywrightTimeout:
            seconds, reply = time.perf_counter() - t0, f"(NO REPLY within {self.timeout_ms / 1000:.0f} s)"
        if self.phone:  # what the phone shows right after the reply, before any scrolling
            page.wait_for_timeout(500)
            page.screenshot(path=str(self.out / f"{name}_screen.png"))
        self._shot(page, name)
        print(f"{name}  {seconds:5.1f} s  {question}\n    -> {reply[:120]}", flush=True)
        if self.open_sources:
            self._first_source(page, messages.nth(before), name)

    def _first_source(self, page, message, name: str) -> None:
        """Click the reply's first source (or suggestion) button, picture the panel, close it again."""
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        button = message.get_by_role("button", name="Nguồn 1").or_(message.get_by_role("button", name="Gợi ý 1"))
        if button.count() == 0:
            return
        try:
            button.first.click()
            page.locator("#side-view-content").wait_for()
            self._shot(page, f"{name}_source")
            close = page.locator("#side-view-title button")
            if close.count() and close.first.is_visible():
                close.first.click()
            else:  # on a phone the panel is a sheet over the chat, closed by its own corner button or Escape
                page.keyboard.press("Escape")
            page.locator("#side-view-content").wait_for(state="detached")
        except PlaywrightTimeout:
            print(f"    (the source panel of {name} did not open or close)", flush=True)

    def _shot(self, page, name: str) -> None:
        """The whole conversation in one picture: the viewport grows to the chat's scroll height."""
        from playwright.sync_api import TimeoutError as PlaywrightTimeout

        with contextlib.suppress(PlaywrightTimeout):  # a spinner never stops: the picture is still wanted
            page.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')", timeout=3000)
        extra = page.evaluate("Math.max(0, ...[...document.querySelectorAll('*')]"
                              ".map(e => e.scrollHeight - e.clientHeight))")
        size = page.viewport_size or DESKTOP
        page.set_viewport_size({"width": size["width"], "height": min(MAX_SHOT_HEIGHT, size["height"] + extra)})
        page.wait_for_timeout(300)
        # Chainlit keeps the last question at the top of its scrolled list: show from the first one
        page.evaluate("document.querySelectorAll('*').forEach(e => { if (e.scrollTop) e.scrollTop = 0; })")
        page.wait_for_timeout(200)
        # The scroll-to-bottom arrow shows because of this picture's own scrolling, over whatever the stretched
        # window's bottom holds: hidden here (the --phone screen picture shows it as the official sees it).
        page.screenshot(path=str(self.out / f"{name}.png"), full_page=True, style=SCROLL_ARROW + "{visibility:hidden}")
        page.set_viewport_size(size)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--questions", type=Path, default=DEFAULT_QUESTIONS,
                    help="one question per line, blank line = new conversation (default: %(default)s)")
    ap.add_argument("--library", type=Path, action="append", default=[],
                    help="a folder of documents added to the bundled directives (repeatable)")
    ap.add_argument("--out", type=Path, default=Path("artifacts/walkthrough"), help="screenshots and logs")
    ap.add_argument("--index-dir", type=Path, help="reused between runs (default: OUT/index)")
    ap.add_argument("--sources", action="store_true",
                    help="also click each reply's first source button and save the panel as cNN_tNN_source.png")
    ap.add_argument("--phone", action="store_true",
                    help=f"a phone screen ({PHONE['width']}x{PHONE['height']} px, touch) instead of a desktop one")
    ap.add_argument("--retriever", choices=("bm25", "dense", "hybrid"), default="bm25")
    ap.add_argument("--start-timeout", type=float, default=600.0, help="seconds for the server to listen")
    ap.add_argument("--answer-timeout", type=float, default=120.0, help="seconds to wait for one reply")
    args = ap.parse_args()
    if not CHROMIUM.exists():
        ap.error(f"{CHROMIUM} is missing: `make browser` installs it")
    conversations = read_conversations(args.questions)
    if not conversations:
        ap.error(f"no question in {args.questions}")
    for folder in args.library:
        if not folder.is_dir():
            ap.error(f"not a folder: {folder}")

    from playwright.sync_api import sync_playwright

    from bot.settings import bundled_corpus_dir

    out = args.out.resolve()
    out.mkdir(parents=True, exist_ok=True)
    for old in out.glob("c[0-9][0-9]_t[0-9][0-9]*.png"):
        old.unlink()
    corpus = [bundled_corpus_dir(), *(f.resolve() for f in args.library)]
    index_dir = (args.index_dir or out / "index").resolve()
    print(f"corpus: {', '.join(map(str, corpus))}\nscreenshots: {out}", flush=True)
    t0 = time.perf_counter()
    with running_chat(out, corpus, index_dir, args.retriever, args.start_timeout) as url, sync_playwright() as pw:
        print(f"chat at {url} after {time.perf_counter() - t0:.1f} s", flush=True)
        browser = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        try:
            walk = Walk(browser, url, out, args.answer_timeout, open_sources=args.sources, phone=args.phone)
            for n, questions in enumerate(conversations, 1):
                walk.conversation(n, questions)
            if walk.blocked:
                print(f"{len(walk.blocked)} request(s) to other hosts blocked, e.g. {walk.blocked[0]}")
        finally:
            browser.close()
    print(f"server log: {out / 'server.log'}")


if __name__ == "__main__":
    main()
