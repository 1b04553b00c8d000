"""The chat page for an intranet without Internet: nothing on it points outside the server."""

from __future__ import annotations

import re

from bot.chat.offline import BUILD_DIR, offline_index_html, prepare_frontend


def test_the_page_loads_no_font_stylesheet_or_script_from_the_internet(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    root = tmp_path / "app"
    built = prepare_frontend(root)
    assert built == root / BUILD_DIR
    html = (built / "index.html").read_text(encoding="utf-8")
    assert not re.search(r"(?:href|src)=\"https?://", html)
    assert "fonts.googleapis.com" not in html and "cdn.jsdelivr.net" not in html
    assert '<html lang="vi">' in html and "/assets/index-" in html
    assert (built / "assets").is_dir() and (built / "favicon.svg").exists()
    assert prepare_frontend(root) == built  # a second start reuses it
    assert not (tmp_path / ".chainlit").exists()  # nothing written where the command was run


def test_only_remote_tags_are_removed():
    page = ('<html lang="en"><head><link rel="preconnect" href="https://fonts.gstatic.com" crossorigin />'
            '<!-- FONT START --><link href="https://fonts.googleapis.com/css2?x" rel="stylesheet" />'
            '<!-- FONT END --><link rel="stylesheet" href="/assets/app.css"></head></html>')
    out = offline_index_html(page)
    assert "https://" not in out and '<link rel="stylesheet" href="/assets/app.css">' in out
