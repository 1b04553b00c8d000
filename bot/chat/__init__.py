"""The web chat for officials (Chainlit): rendering answers with clickable clause sources.

This package does not import Chainlit itself; ``bot/chat/app.py`` is the
Chainlit script and this folder is its app root (config, translation, welcome text).
"""

from __future__ import annotations

from pathlib import Path

from bot.chat.render import Reply, SourceSpec, build_reply, choice_from_values, filter_options

__all__ = ["APP_FILE", "APP_ROOT", "Reply", "SourceSpec", "build_reply", "choice_from_values",
           "filter_options"]

APP_ROOT = Path(__file__).resolve().parent
APP_FILE = APP_ROOT / "app.py"
