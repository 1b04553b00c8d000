"""End to end in a real headless Chromium: `thidua chat` with the real assistant (BM25, offline).

Every request that does not go to the chat server is blocked (an intranet
without Internet); the page must still load fully.  Covered: a starter
answered with its number; no source panel opening by itself; a click on a
source button showing exactly that clause; filters named in the answer and
reset with «Bỏ lọc»; the document list following the province; a phone
screen without horizontal scrolling, its buttons not hidden by the scroll arrow; a clause's fee table
wrapping to fit the panel (desktop and phone) with the amounts in sight; the phone sheet's close button
clear of its title; the answer to a «Hỏi theo» button rated like any other; a Markdown link inside a
clause staying text; a thumbs-down with a comment landing in the feedback database; another server
started from the same checkout stopping without breaking this one's sources.
Screenshots go to artifacts/browser/.
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import time
from pathlib import Path
from urllib.parse import urlparse

import pytest

from bot.settings import bundled_corpus_dir
from tests.corpus.test_tables import _SCHEDULE
from tests.fakes import running_chat

pytestmark = [pytest.mark.browser, pytest.mark.slow]

CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                 "--disable-component-update", "--disable-quic", "--no-first-run", "--disable-sync"]
REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "artifacts" / "browser"
START_TIMEOUT_S = 600  # first start builds the BM25 index
ANSWER_TIMEOUT_MS = 120_000
# A clause carrying Markdown, as a document pasted from a web page may: it must stay text.
PLAIN_LINE = "16. Tỷ lệ người dân có thẻ bảo hiểm y tế 96,1%."
MARKDOWN_LINE = ("16. Tỷ lệ người dân có thẻ bảo hiểm y tế 96,1% (xem [Cổng dữ liệu](http://cong.example.invalid/so-lieu) "
                 "![](http://anh.example.invalid/bieu-do.png)).")

# A national circular (written for the tests) whose clause holds a table flattened into one line, as gazette text has it.
TABLE_DOCUMENT = """BỘ NỘI VỤ
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 07/2026/TT-BNV
Hà Nội, ngày 10 tháng 3 năm 2026

THÔNG TƯ
Hướng dẫn mức phụ cấp khu vực đối với người làm công tác kiểm lâm

Điều 1. Phạm vi điều chỉnh
Thông tư này hướng dẫn mức phụ cấp khu vực đối với người làm công tác kiểm lâm.
Điều 2. Mức phụ cấp khu vực
1. Mức phụ cấp khu vực của người làm công tác kiểm lâm như sau: Khu vực Mức phụ cấp tháng (Đơn vị: đồng/tháng) \
Mức phụ cấp ngày (Đơn vị: đồng/ngày) Khu vực I 900.000 41.000 Khu vực II 700.000 32.000 Khu vực III 500.000 23.000
Điều 3. Hiệu lực thi hành
Thông tư này có hiệu lực thi hành từ ngày 01 tháng 5 năm 2026.

BỘ TRƯỞNG
Trần Văn Minh
""".replace(" \\\n", " ")

# A ministry's circular whose appendix is a fee schedule the gazette writes one cell per line (corpus.tables regroups it).
FEE_DOCUMENT = """BỘ TÀI CHÍNH
CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM
Độc lập - Tự do - Hạnh phúc
Số: 31/2026/TT-BTC
Hà Nội, ngày 27 tháng 3 năm 2026

THÔNG TƯ
Quy định mức thu lệ phí trong lĩnh vực xuất cảnh, nhập cảnh

Điều 1. Phạm vi điều chỉnh
Thông tư này quy định mức thu lệ phí cấp hộ chiếu, giấy thông hành, thị thực và tem.
Điều 2. Mức thu lệ phí
Mức thu lệ phí thực hiện theo Biểu mức thu lệ phí ban hành kèm theo Thông tư này.
Điều 3. Hiệu lực thi hành
Thông tư này có hiệu lực thi hành từ ngày 15 tháng 5 năm 2026.

BỘ TRƯỞNG
Cao Anh Tuấn

"""


def _corpus(folder: Path) -> Path:
    """The five bundled directives under neutral names; one appendix line carries a Markdown link."""
    folder.mkdir()
    for i, src in enumerate(sorted(bundled_corpus_dir().glob("*.txt")), 1):
        text = src.read_text(encoding="utf-8")
        if PLAIN_LINE in text:
            text = text.replace(PLAIN_LINE, MARKDOWN_LINE)
        (folder / f"doc{i}.txt").write_text(text, encoding="utf-8")
    assert MARKDOWN_LINE in "".join(p.read_text(encoding="utf-8") for p in folder.glob("*.txt"))
    (folder / "doc9.txt").write_text(TABLE_DOCUMENT, encoding="utf-8")
    (folder / "doc8.txt").write_text(FEE_DOCUMENT + _SCHEDULE, encoding="utf-8")
    return folder


@pytest.fixture(scope="module")
def chat_server(tmp_path_factory):
    if not CHROMIUM.exists():
        pytest.skip("/usr/bin/chromium is missing: install it with `make browser` (apt-get install chromium)")
    tmp = tmp_path_factory.mktemp("chat")
    with running_chat(tmp, timeout_s=START_TIMEOUT_S, THIDUA_CORPUS_DIR=str(_corpus(tmp / "corpus")),
                      THIDUA_LOG_LEVEL="INFO") as server:
        yield server


@pytest.fixture(scope="module")
def browser():
    from playwright.sync_api import sync_playwright

    if ARTIFACTS.exists():
        shutil.rmtree(ARTIFACTS)
    ARTIFACTS.mkdir(parents=True)
    print(f"\nscreenshots: {ARTIFACTS}")
    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


class _Offline:
    """A browser context where every request to another host is blocked and remembered."""

    def __init__(self, browser, **context_args) -> None:
        self.blocked: list[str] = []
        self.context = browser.new_context(locale="vi-VN", **context_args)
        self.context.route("**/*", self._route)
        self.page = self.context.new_page()
        self.page.set_default_timeout(ANSWER_TIMEOUT_MS)

    def _route(self, route) -> None:
        host = urlparse(route.request.url).hostname or ""
        if host in ("127.0.0.1", "localhost") or route.request.url.startswith(("data:", "blob:")):
            route.continue_()
        else:
            self.blocked.append(route.request.url)
            route.abort("internetdisconnected")

    def close(self) -> None:
        self.context.close()


@pytest.fixture
def desktop(browser):
    session = _Offline(browser, viewport={"width": 1280, "height": 900})
    yield session
    session.close()


@pytest.fixture
def phone(browser):
    session = _Offline(browser, viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                       device_scale_factor=2)
    yield session
    session.close()


def _shot(pg, name: str) -> None:
    """Screenshot once sliding panels have come to rest, so the picture shows what a user sees."""
    from playwright.sync_api import TimeoutError as PlaywrightTimeout

    # an endless animation (a spinner) must not fail the test: the picture is for people
    with contextlib.suppress(PlaywrightTimeout):
        pg.wait_for_function("document.getAnimations().every(a => a.playState !== 'running')", timeout=3000)
    pg.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=False)


def _assistant_messages(pg):
    return pg.locator("[data-step-type='assistant_message']")


def _open(pg, url: str) -> None:
    pg.goto(url)
    pg.locator("#chat-input").wait_for()
    pg.get_by_text("Chỉ tiêu hộ nghèo 2024", exact=True).wait_for()
    pg.wait_for_timeout(800)  # starters fade in


def _ask(pg, question: str, expect: str):
    """Type a question; return the new assistant message once ``expect`` shows in it."""
    before = _assistant_messages(pg).count()
    box = pg.locator("#chat-input")
    box.click()
    box.fill(question)
    box.press("Enter")
    msg = _assistant_messages(pg).nth(before)
    msg.get_by_text(expect).first.wait_for()
    pg.wait_for_timeout(300)
    return msg


def _panel(pg):
    return pg.locator("#side-view-content")


def _no_horizontal_overflow(pg) -> bool:
    return pg.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth + 1")


def test_the_page_loads_fully_with_every_non_local_request_blocked(desktop, chat_server):
    pg = desktop.page
    _open(pg, chat_server.url)
    body = pg.locator("body").inner_text()
    assert "Type your message" not in body and "LLMs can make mistakes" not in body
    assert pg.evaluate("document.fonts.status") == "loaded"
    assert pg.evaluate("[...document.styleSheets].every(s => !s.href || s.href.startsWith(location.origin))")
    _shot(pg, "01_welcome_offline")
    assert desktop.blocked == []  # nothing asked of fonts.googleapis.com, cdn.jsdelivr.net or anywhere else


def test_a_source_opens_only_on_a_click_and_shows_exactly_that_clause(desktop, chat_server):
    pg = desktop.page
    _open(pg, chat_server.url)
    pg.get_by_text("Chỉ tiêu hộ nghèo 2024", exact=True).click()
    first = _assistant_messages(pg).first
    first.get_by_text("11,41%").first.wait_for()
    first.get_by_role("button", name="Nguồn 1").wait_for()
    pg.wait_for_timeout(1500)
    assert _panel(pg).count() == 0, "the source panel opened by itself"
    assert "Nguồn 1 – Chỉ thị 01/CT-UBND (Sơn La, 2024), Phụ lục, mục 12" in first.inner_text()
    _shot(pg, "02_first_answer_no_panel")

    second = _ask(pg, "Cơ quan nào tổng hợp báo cáo kết quả thi đua năm 2024?", "Sở Nội vụ")
    second.get_by_role("button", name="Nguồn 1").wait_for()
    pg.wait_for_timeout(1000)
    assert _panel(pg).count() == 0, "the source panel opened by itself after the second answer"
    _shot(pg, "03_second_answer_no_panel")

    first.get_by_role("button", name="Nguồn 1").click()
    _panel(pg).get_by_text("11,41%").first.wait_for()
    title = pg.locator("#side-view-title").inner_text()
    assert "Phụ lục, mục 12" in title and "Sơn La, 2024" in title
    text = _panel(pg).inner_text()
    assert "Tỷ lệ hộ nghèo" in text and "Số hiệu" in text
    assert "tổng hợp báo cáo" not in text  # only the clicked source, not the whole conversation's
    marked = _panel(pg).locator(".italic .font-bold, .font-bold .italic, em strong, strong em", has_text="11,41%")
    assert marked.count() >= 1  # the answering span is marked (bold italic, highlighted by thidua.css)
    _shot(pg, "04_clicked_first_source")

    second.get_by_role("button", name="Nguồn 1").click()
    _panel(pg).get_by_text("tổng hợp báo cáo").first.wait_for()
    text = _panel(pg).inner_text()
    assert "11,41%" not in text and "mục 10" in pg.locator("#side-view-title").inner_text()
    _shot(pg, "05_clicked_second_source")

    first.hover()
    first.locator(".negative-feedback-off").first.click()
    comment = "Thiếu so sánh với năm 2023"
    pg.get_by_placeholder("Câu trả lời sai ở đâu", exact=False).fill(comment)
    pg.locator("#submit-feedback").click()
    first.locator(".negative-feedback-on").first.wait_for()
    _shot(pg, "06_feedback_sent")

    deadline = time.monotonic() + 10
    rows: list = []
    while time.monotonic() < deadline and not rows:
        with sqlite3.connect(chat_server.db) as con:
            rows = con.execute(
                "SELECT f.value, f.comment, a.question, a.answer, a.citations, a.retriever FROM feedbacks f"
                " JOIN answers a ON f.message_id IN (a.message_id, a.run_id)").fetchall()
        time.sleep(0.2)
    assert rows, "no feedback row joined to its answer"
    value, saved_comment, question, answer, citations, retriever = rows[0]
    assert value == -1 and saved_comment == comment
    assert question == "Chỉ tiêu tỷ lệ hộ nghèo năm 2024 của Sơn La là bao nhiêu?"
    assert "11,41%" in answer and "Phụ lục" in citations and retriever == "bm25"
    assert desktop.blocked == []


def _choose(pg, select_id: str, option: str) -> None:
    pg.locator(f"#{select_id}").click()
    pg.get_by_role("option", name=option, exact=True).click()


def test_filters_are_shown_in_the_answer_and_reset(desktop, chat_server):
    pg = desktop.page
    _open(pg, chat_server.url)
    pg.locator("#chat-settings-open-modal").click()
    _choose(pg, "province", "Hà Nam")
    pg.wait_for_timeout(800)  # the document list follows the province
    pg.locator("#doc").click()
    offered = [o.strip() for o in pg.get_by_role("option").all_inner_texts()]
    assert "Tất cả" in offered and any("Hà Nam" in o for o in offered)
    assert not any("Sơn La" in o or "Lai Châu" in o for o in offered), offered
    pg.keyboard.press("Escape")
    _shot(pg, "07_filter_panel_ha_nam")
    pg.locator("#confirm").click()

    narrowed = _ask(pg, "Chỉ tiêu tỷ lệ hộ nghèo năm 2024 của Sơn La là bao nhiêu?", "Đang lọc")
    assert "Tỉnh: Hà Nam" in narrowed.inner_text()
    _shot(pg, "08_answer_names_the_filter")
    narrowed.get_by_role("button", name="Bỏ lọc").click()
    pg.get_by_text("Đã bỏ mọi bộ lọc", exact=False).first.wait_for()

    everything = _ask(pg, "Chỉ tiêu tỷ lệ hộ nghèo năm 2024 của Sơn La là bao nhiêu?", "11,41%")
    assert "Đang lọc" not in everything.inner_text()
    _shot(pg, "09_after_reset")
    assert desktop.blocked == []


def test_phone_answers_and_tables_fit_the_screen_and_no_panel_covers_them(phone, chat_server):
    pg = phone.page
    _open(pg, chat_server.url)
    assert _no_horizontal_overflow(pg)
    pg.get_by_text("Chỉ tiêu hộ nghèo 2024", exact=True).click()
    first = _assistant_messages(pg).first
    first.get_by_text("11,41%").first.wait_for()
    pg.wait_for_timeout(1500)
    assert _panel(pg).count() == 0, "a panel covers the answer on the phone"
    assert _no_horizontal_overflow(pg)
    _shot(pg, "10_phone_answer")

    table = _ask(pg, "/trachnhiem Sở Nội vụ", "Trách nhiệm của")
    assert _no_horizontal_overflow(pg), "the supervisor table widens the page on a phone"
    cell = table.locator("td").first.bounding_box()
    assert cell and cell["width"] >= 60  # the table scrolls sideways; its cells are not squeezed to a letter
    _shot(pg, "11_phone_table")

    first.get_by_role("button", name="Nguồn 1").click()
    _panel(pg).get_by_text("11,41%").first.wait_for()
    pg.wait_for_timeout(700)  # the sheet slides in
    _shot(pg, "12_phone_source_sheet")
    assert phone.blocked == []


_TABLE_IN_PANEL = r"""() => {
  const content = document.querySelector('#side-view-content');
  const panel = content.getBoundingClientRect();
  const table = content.querySelector('table');
  const frame = table.parentElement;
  const cells = [...table.querySelectorAll('td')];
  const cell = text => cells.find(td => td.innerText.replace(/\s+/g, ' ').trim() === text);  // \s: also U+00A0
  const lines = el => {
    const range = document.createRange();
    range.selectNodeContents(el);
    return new Set([...range.getClientRects()].map(r => Math.round(r.top))).size;
  };
  const amount = cell('200.000').getBoundingClientRect();
  const title = document.querySelector('#side-view-title');
  const sheet = content.closest('[role=dialog]');
  const close = sheet && [...sheet.querySelectorAll('button')].find(b => !content.contains(b) && !title.contains(b));
  let titleUnderClose = false;
  if (close) {
    const c = close.getBoundingClientRect();
    const range = document.createRange();
    range.selectNodeContents(title);
    titleUnderClose = [...range.getClientRects()].some(r => r.width > 0 && r.left < c.right && r.right > c.left
                                                             && r.top < c.bottom && r.bottom > c.top);
  }
  return {panel: [panel.left, panel.right], amount: [amount.left, amount.right], screen: innerWidth,
          scrolls: frame.scrollWidth > frame.clientWidth + 1 || table.scrollWidth > table.clientWidth + 1,
          shortLines: lines(cell('Cấp mới')), longLines: lines(cell('Cấp lại do bị hỏng hoặc bị mất')),
          passportLines: lines(cells.find(td => td.innerText.startsWith('Lệ phí cấp hộ chiếu'))),
          sheet: sheet ? sheet.getBoundingClientRect().width : null, hasClose: !!close, titleUnderClose};
}"""


@pytest.mark.parametrize("screen", ["desktop", "phone"])
def test_a_fee_table_in_the_source_panel_wraps_to_fit_so_the_amounts_stay_in_sight(request, screen, chat_server):
    """A fee schedule's long names ("Lệ phí cấp hộ chiếu (bao gồm …)") pushed the amounts' column out of the panel:
    the table now wraps its long cells and fits the panel; a short cell ("Cấp mới") stays on one line; on a phone
    the sheet's close button does not cover its title."""
    session = request.getfixturevalue(screen)
    pg = session.page
    _open(pg, chat_server.url)
    answer = _ask(pg, "Lệ phí cấp mới hộ chiếu là bao nhiêu?", "200.000")
    answer.get_by_role("button", name="Nguồn 1").click()
    _panel(pg).locator("table").wait_for()
    pg.wait_for_timeout(700)  # the sheet slides in
    seen = pg.evaluate(_TABLE_IN_PANEL)
    assert not seen["scrolls"], seen  # nothing of the table is hidden sideways
    assert seen["panel"][0] - 1 <= seen["amount"][0] and seen["amount"][1] <= seen["panel"][1] + 1, seen
    assert seen["amount"][1] <= seen["screen"], seen  # the amount "200.000" is on the screen
    assert seen["shortLines"] == 1, seen  # "Cấp mới", not "Cấp" over "mới"
    assert seen["passportLines"] >= 2, seen  # the long name wraps instead of widening the table
    if screen == "phone":
        assert seen["sheet"] >= 390 * 0.9, seen  # the sheet, not three quarters of the screen, holds the table
        assert seen["hasClose"] and not seen["titleUnderClose"], seen
    assert _no_horizontal_overflow(pg), "the table widens the page"
    _panel(pg).locator("table").scroll_into_view_if_needed()
    _shot(pg, f"13_{screen}_fee_table_in_panel")
    assert session.blocked == []


def test_a_wage_table_in_the_phone_sheet_keeps_each_rows_name_on_one_line(phone, chat_server):
    pg = phone.page
    _open(pg, chat_server.url)
    answer = _ask(pg, "Mức phụ cấp ngày khu vực II theo Thông tư 07/2026/TT-BNV là bao nhiêu?", "32.000")
    answer.get_by_role("button", name="Nguồn 1").click()
    _panel(pg).locator("table").wait_for()
    pg.wait_for_timeout(700)
    seen = pg.evaluate(r"""() => {
      const table = document.querySelector('#side-view-content table');
      const name = [...table.querySelectorAll('td')]
        .find(td => td.innerText.replace(/\s+/g, ' ').trim() === 'Khu vực III');  // \s: also U+00A0
      const range = document.createRange();
      range.selectNodeContents(name);
      return {lines: new Set([...range.getClientRects()].map(r => Math.round(r.top))).size,
              scrolls: table.parentElement.scrollWidth > table.parentElement.clientWidth + 1};
    }""")
    assert seen == {"lines": 1, "scrolls": False}, seen  # "Khu vực III" whole, and the table fits the sheet
    assert _no_horizontal_overflow(pg)
    _shot(pg, "13_phone_wage_table_in_panel")
    assert phone.blocked == []


_BUTTONS_UNDER_ARROW = """() => {
  const chat = [...document.querySelectorAll('div.overflow-y-auto')].find(e => e.scrollHeight > e.clientHeight);
  const replies = document.querySelectorAll("[data-step-type='assistant_message']");
  const buttons = [...replies[replies.length - 1].querySelectorAll('button')].filter(b => b.innerText.trim());
  const last = buttons[buttons.length - 1].getBoundingClientRect();
  // the last row of buttons 34 px above the chat's bottom edge: where the arrow's band lies (bottom-4, 36 px)
  chat.scrollTop += last.top + last.height / 2 - (chat.getBoundingClientRect().bottom - 34);
  return buttons.length;
}"""
_TAPPABLE = """() => {
  const replies = document.querySelectorAll("[data-step-type='assistant_message']");
  const bottom = window.innerHeight;
  return [...replies[replies.length - 1].querySelectorAll('button')].filter(b => b.innerText.trim()).flatMap(b => {
    const r = b.getBoundingClientRect();
    if (r.bottom < 0 || r.top > bottom) return [];
    const hit = document.elementFromPoint(r.left + r.width / 2, r.top + r.height / 2);
    return [[b.innerText.trim(), !!hit && b.contains(hit)]];
  });
}"""


def test_phone_buttons_under_the_scroll_arrow_take_taps_and_a_chosen_document_answer_gets_thumbs(phone, chat_server):
    pg = phone.page
    _open(pg, chat_server.url)
    asked = _ask(pg, "Chỉ thị phát động thi đua do ai ký?", "Bạn hỏi về văn bản nào?")
    choice = asked.get_by_role("button", name="Hỏi theo Chỉ thị 01/CT-UBND (Sơn La, 2024)")
    choice.wait_for()
    pg.wait_for_timeout(1000)  # Chainlit's own scrolling after a reply has ended
    assert pg.evaluate(_BUTTONS_UNDER_ARROW) >= 6
    arrow = pg.locator("div.absolute.bottom-4 > button.rounded-full")
    arrow.wait_for()  # the reply goes on below the screen: the arrow is shown
    pg.wait_for_timeout(300)
    _shot(pg, "14_phone_buttons_beside_the_arrow")
    tappable = pg.evaluate(_TAPPABLE)
    assert tappable and all(ok for _, ok in tappable), tappable  # no band over the buttons takes their taps
    box = arrow.bounding_box()
    assert box and box["x"] > 390 / 2, box  # the arrow sits at the right-hand edge, not over the middle

    choice.click()
    chosen = _assistant_messages(pg).nth(1)
    chosen.get_by_text("Trả lời theo văn bản đã chọn").wait_for()
    chosen.get_by_text("Hoàng Quốc Khánh").first.wait_for()
    chosen.locator(".positive-feedback-off").first.wait_for()  # thumbs, as under a typed question's answer
    assert chosen.locator(".negative-feedback-off").count() == 1
    _shot(pg, "15_phone_chosen_document_answer")
    assert phone.blocked == []


def test_a_markdown_link_inside_a_clause_stays_text(desktop, chat_server):
    pg = desktop.page
    _open(pg, chat_server.url)
    answer = _ask(pg, "Tỷ lệ người dân có thẻ bảo hiểm y tế năm 2024 của Sơn La là bao nhiêu?", "96,1%")
    literal = "[Cổng dữ liệu](http://cong.example.invalid/so-lieu)"
    assert literal in answer.inner_text()  # the quoted clause shows the Markdown as typed
    answer.get_by_role("button", name="Nguồn 1").click()
    _panel(pg).get_by_text("96,1%").first.wait_for()
    assert literal in _panel(pg).inner_text()
    assert pg.locator("a[href*='example.invalid']").count() == 0
    assert pg.locator("img[src*='example.invalid']").count() == 0
    _shot(pg, "13_markdown_stays_text")
    assert not any("example.invalid" in url for url in desktop.blocked)  # no image fetch was even attempted


def test_another_server_from_the_same_checkout_stopping_leaves_this_ones_sources_working(desktop, chat_server,
                                                                                         tmp_path):
    """Both servers wrote panels under bot/chat/.files and the one that stopped deleted it: the other's next
    «Nguồn» click failed with FileNotFoundError.  Each server now has its own app root."""
    pg = desktop.page
    _open(pg, chat_server.url)
    with running_chat(tmp_path, timeout_s=START_TIMEOUT_S, THIDUA_CORPUS_DIR=str(bundled_corpus_dir())) as other:
        other_page = desktop.context.new_page()
        _open(other_page, other.url)
        answer = _ask(other_page, "Chỉ tiêu tỷ lệ hộ nghèo năm 2024 của Sơn La là bao nhiêu?", "11,41%")
        answer.get_by_role("button", name="Nguồn 1").click()
        _panel(other_page).get_by_text("11,41%").first.wait_for()
        other_page.close()
    # the other server has stopped (and cleaned up after itself)
    answer = _ask(pg, "Chỉ tiêu tỷ lệ hộ nghèo năm 2024 của Sơn La là bao nhiêu?", "11,41%")
    answer.get_by_role("button", name="Nguồn 1").click()
    _panel(pg).get_by_text("11,41%").first.wait_for(timeout=20_000)
    _shot(pg, "16_source_after_another_server_stopped")
    assert "FileNotFoundError" not in chat_server.log.read_text(errors="replace")
    assert desktop.blocked == []
