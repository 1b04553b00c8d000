"""Operators' log: quiet console for users, every trace in a file.

Users see one Vietnamese line; the trace behind it goes to ``THIDUA_LOG_FILE``
(by default ``thidua.log`` in the per-user data folder, rotated at 1 MB).  The
console shows log records only at ``THIDUA_LOG_LEVEL`` (ERROR by default) and
never a trace, unless the operator asks for DEBUG.
"""

from __future__ import annotations

import logging
import logging.handlers
from pathlib import Path

__all__ = ["log_trace", "setup_logging"]

_TRACE = "thidua.trace"


def setup_logging(level: str, log_file: Path | None) -> Path | None:
    """Configure the console and the trace file once per process; returns the file in use (or None)."""
    root = logging.getLogger()
    console_level = getattr(logging, level.upper(), logging.ERROR)
    if not any(getattr(h, "_thidua", False) for h in root.handlers):
        console = logging.StreamHandler()
        console.setFormatter(logging.Formatter("%(levelname)s %(name)s: %(message)s"))
        console._thidua = True  # type: ignore[attr-defined]
        root.addHandler(console)
    root.setLevel(console_level)
    trace = logging.getLogger(_TRACE)
    trace.propagate = console_level <= logging.DEBUG  # DEBUG: operators see traces on the console too
    trace.setLevel(logging.ERROR)
    for old in [h for h in trace.handlers if isinstance(h, logging.FileHandler)]:
        if log_file is not None and old.baseFilename == str(Path(log_file).resolve()):
            return log_file
        trace.removeHandler(old)
        old.close()
    if log_file is None:
        return None
    try:
        log_file.parent.mkdir(parents=True, exist_ok=True)
        handler = logging.handlers.RotatingFileHandler(log_file, maxBytes=1_000_000, backupCount=3,
                                                       encoding="utf-8", delay=True)
    except OSError:  # a read-only home must not stop the tool: traces then go nowhere
        return None
    handler.setFormatter(logging.Formatter("%(asctime)s %(levelname)s %(message)s"))
    trace.addHandler(handler)
    return log_file


def log_trace(message: str) -> None:
    """Record the exception being handled, with its trace, for operators (never on a user's console)."""
    logging.getLogger(_TRACE).error(message, exc_info=True)
