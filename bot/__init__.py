"""The assistant: reading questions, answering with citations, the CLI and the chat."""

from __future__ import annotations

from bot.assistant import Assistant
from bot.models import Answer, Citation
from bot.settings import Settings, get_settings

__all__ = ["Answer", "Assistant", "Citation", "Settings", "get_settings"]
