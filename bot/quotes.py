"""How a cited clause is quoted in the terminal: the answering sentences, cut with "…", lines kept.

A clause can be a whole 4,000-character section; the official needs the
sentences that answer, with a visible mark where the quote was cut, and
the line structure (bullets, numbered items) as the document has it.
"""

from __future__ import annotations

from bot.models import Citation
from bot.segments import split_segments

__all__ = ["MAX_QUOTE_CHARS", "quote_lines", "quoted_text"]

MAX_QUOTE_CHARS = 600  # without a marked span: the opening sentences up to about this length
ELLIPSIS = "…"


def _window(text: str, span: tuple[int, int] | None) -> tuple[int, int]:
    """Start and end of the sentences (or semicolon parts) that hold the span; else the opening ones."""
    segments = split_segments("", "", text)
    if not segments:
        return 0, len(text)
    if span and 0 <= span[0] < span[1] <= len(text):
        s, e = span
        hit = [seg for seg in segments if seg.end > s and seg.start < e]
        if hit:
            return min(hit[0].start, s), max(hit[-1].end, e)
        return s, e
    end = segments[0].end
    for seg in segments[1:]:
        if seg.end > MAX_QUOTE_CHARS:
            break
        end = seg.end
    if end > MAX_QUOTE_CHARS:  # one very long first sentence: cut at a word
        cut = text[:MAX_QUOTE_CHARS].rsplit(" ", 1)[0]
        end = len(cut) if cut else MAX_QUOTE_CHARS
    return segments[0].start, end


def quoted_text(text: str, span: tuple[int, int] | None = None) -> str:
    """The answering part of ``text``; "…" where something was left out before or after."""
    start, end = _window(text, span)
    piece = text[start:end].strip()
    if not piece:
        return text.strip()
    if text[:start].strip():
        piece = f"{ELLIPSIS} {piece}"
    if text[end:].strip(" \t\n./;"):
        piece = f"{piece} {ELLIPSIS}"
    return piece


def quote_lines(c: Citation, indent: str = "    ") -> list[str]:
    """The quote in curly quotes, each line of the document on its own indented line."""
    lines = [line.rstrip() for line in quoted_text(c.text, c.span).split("\n") if line.strip()]
    if not lines:
        return [f"{indent}“”"]
    lines[0] = "“" + lines[0].lstrip()
    lines[-1] += "”"
    return [indent + line for line in lines]
