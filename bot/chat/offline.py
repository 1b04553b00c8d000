"""The chat page without the Internet: Chainlit's front end with every asset served locally.

Chainlit's ``index.html`` loads the Inter font from fonts.googleapis.com and
KaTeX's style sheet from cdn.jsdelivr.net.  On a government intranet without
Internet access those requests hang or fail, so ``thidua chat`` serves a copy
of the page without them (Chainlit's ``custom_build`` option, folder
``frontend/`` in the app root): the fonts are the system's (see thidua.css),
KaTeX is not needed (LaTeX is off).  The JavaScript and CSS bundles are
Chainlit's own, linked rather than copied.
"""

from __future__ import annotations

import importlib.util
import logging
import re
import shutil
from pathlib import Path

__all__ = ["BUILD_DIR", "offline_index_html", "prepare_frontend"]

log = logging.getLogger("thidua.chat")

BUILD_DIR = "frontend"  # must match [UI] custom_build in .chainlit/config.toml

_REMOTE_TAG = re.compile(r"\s*<link\b[^>]*\bhref=\"https?://[^\"]*\"[^>]*/?>", re.IGNORECASE | re.DOTALL)
_FONT_BLOCK = re.compile(r"<!-- FONT START -->.*?<!-- FONT END -->", re.DOTALL)


def _chainlit_dist() -> Path:
    """Chainlit's built front end, found without importing Chainlit (the import writes a
    ``.chainlit`` folder into the current directory)."""
    spec = importlib.util.find_spec("chainlit")
    if spec is None or not spec.submodule_search_locations:
        raise OSError("chainlit is not installed")
    return Path(next(iter(spec.submodule_search_locations))).resolve() / "frontend" / "dist"


def offline_index_html(html: str) -> str:
    """Chainlit's page without remote style sheets, fonts or preconnects; the page language is Vietnamese."""
    html = _FONT_BLOCK.sub("<!-- FONT START --><!-- FONT END -->", html)
    html = _REMOTE_TAG.sub("", html)
    return html.replace('<html lang="en">', '<html lang="vi">')


def _link_or_copy(src: Path, dst: Path) -> None:
    if dst.is_symlink() or dst.is_file():
        if dst.is_symlink() and dst.resolve() == src.resolve():
            return
        dst.unlink()
    elif dst.is_dir():
        shutil.rmtree(dst)
    try:
        dst.symlink_to(src, target_is_directory=src.is_dir())
    except OSError:  # no symlinks (some Windows set-ups): copy instead
        if src.is_dir():
            shutil.copytree(src, dst)
        else:
            shutil.copy2(src, dst)


def prepare_frontend(app_root: Path) -> Path | None:
    """Write ``app_root/frontend`` (page + links to Chainlit's bundles); None if it cannot be written.

    Without the folder Chainlit serves its own page, which still works where the Internet is reachable.
    """
    src = _chainlit_dist()
    dst = Path(app_root) / BUILD_DIR
    try:
        dst.mkdir(parents=True, exist_ok=True)
        html = offline_index_html((src / "index.html").read_text(encoding="utf-8"))
        (dst / "index.html").write_text(html, encoding="utf-8")
        for item in src.iterdir():
            if item.name != "index.html":
                _link_or_copy(item, dst / item.name)
    except OSError as exc:
        log.warning("could not prepare the offline chat page in %s (%s); using Chainlit's page", dst, exc)
        return None
    return dst
