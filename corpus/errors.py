"""The one error base of thidua: what a user may see is always one Vietnamese line.

Every error raised on purpose (a file that cannot be read, a damaged index, a
model that cannot load, a bad question file) derives from ``ThiduaError``; the
CLI and the chat show ``message`` and put the trace in the operators' log.
Anything else is a bug: users get a generic line, the log gets the trace.
"""

from __future__ import annotations

__all__ = ["ThiduaError"]


class ThiduaError(Exception):
    """``message``: the Vietnamese line for the user; ``detail``: for the log (defaults to the message)."""

    def __init__(self, message: str = "", detail: str = "") -> None:
        super().__init__(message)
        self.message = message
        self.detail = detail or message

    def __str__(self) -> str:
        return self.message
