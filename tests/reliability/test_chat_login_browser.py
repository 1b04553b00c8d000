"""Login mode in a real browser: a wrong password is refused in Vietnamese, a reload keeps the
conversation and the history lists it (no English toast anywhere)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.reliability.conftest import running_chat

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path("/usr/bin/chromium")
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--no-first-run", "--disable-sync"]
ARTIFACTS = Path(__file__).resolve().parents[2] / "artifacts" / "browser"
QUESTION = "Chỉ tiêu tỷ lệ hộ nghèo năm 2024 của Sơn La là bao nhiêu?"
ENGLISH = ("Unauthorized", "credentials", "Failed to load thread", "Not Found", "Couldn't resume")


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is missing: install it with `make browser` (apt-get install chromium)")
    from playwright.sync_api import sync_playwright

    with running_chat(tmp_path_factory.mktemp("login-browser"), login=True) as server, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=ARGS)
        pg = browser.new_page(viewport={"width": 1280, "height": 900}, locale="vi-VN")
        pg.set_default_timeout(60_000)
        pg.server = server
        yield pg
        browser.close()


def _toasts(pg) -> list[str]:
    return [t.inner_text() for t in pg.query_selector_all("[data-sonner-toast]")]


def _shot(pg, name: str) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    pg.screenshot(path=str(ARTIFACTS / f"{name}.png"))


def test_wrong_password_then_reload_keeps_the_conversation(page):
    pg = page
    pg.goto(pg.server.url + "/login")
    pg.fill("#email", "alice")
    pg.fill("#password", "sai-mat-khau-1")
    pg.keyboard.press("Enter")
    pg.wait_for_selector("[data-sonner-toast]")
    _shot(pg, "login-wrong-password")
    toasts = _toasts(pg)
    assert any("Sai tên đăng nhập hoặc mật khẩu" in t for t in toasts), toasts
    assert not any(word in " ".join(toasts) for word in ENGLISH), toasts

    pg.fill("#email", "alice")
    pg.fill("#password", "alice-mat-khau")
    pg.keyboard.press("Enter")
    pg.get_by_text("Chỉ tiêu hộ nghèo 2024", exact=True).wait_for()  # starters: the session is ready
    pg.wait_for_timeout(800)  # starters fade in
    box = pg.locator("#chat-input")
    box.click()
    box.fill(QUESTION)
    box.press("Enter")
    try:
        pg.get_by_text("11,41%").first.wait_for()
    except Exception:
        _shot(pg, "login-no-answer")
        print(pg.server.log.read_text(errors="replace")[-3000:])
        raise
    pg.wait_for_function("() => location.pathname.startsWith('/thread/')")
    thread_url = pg.url

    pg.reload()
    pg.get_by_text("11,41%").first.wait_for()  # the answer is back after the reload
    assert pg.url == thread_url
    pg.wait_for_timeout(1000)
    _shot(pg, "login-after-reload")
    body = pg.inner_text("body")
    assert QUESTION in body and "Chưa có cuộc trò chuyện nào" not in body
    assert not any(word in " ".join(_toasts(pg)) for word in ENGLISH), _toasts(pg)

    pg.goto(pg.server.url + "/")
    history = pg.get_by_text(QUESTION[:25]).first  # the sidebar lists the conversation by its question
    history.wait_for()
    history.click()
    pg.get_by_text("11,41%").first.wait_for()
    pg.wait_for_function(f"() => location.href === {thread_url!r}")
