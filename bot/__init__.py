"""The assistant: reading questions, answering with citations, the CLI and the chat."""

from __future__ import annotations

from bot.models import Answer, Citation
from bot.settings import Settings, get_settings

__all__ = ["Answer", "Citation", "Settings", "get_settings"]
