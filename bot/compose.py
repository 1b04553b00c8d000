"""How answers read: the document named the way officials name it, a short answer, then the quote."""

from __future__ import annotations

import re

from bot.models import Citation
from corpus.layout import ends_sentence
from corpus.models import Clause, Directive

__all__ = ["citation", "continued", "doc_ref", "excerpt", "vn_date", "wraps"]

MAX_EXCERPT = 320
_WRAPPED_LINES = 12  # how many wrapped lines a quote is followed across, at most


def vn_date(iso: str | None) -> str | None:
    """2024-01-03 → 03/01/2024, as Vietnamese documents write dates."""
    if not iso:
        return None
    y, m, d = iso.split("-")
    return f"{d}/{m}/{y}"


def doc_ref(d: Directive) -> str:
    """"Chỉ thị số 01/CT-UBND ngày 03/01/2024 của UBND tỉnh Sơn La"; without a number, the year names it."""
    parts = [d.doc_type or "Văn bản"]
    if d.number:
        parts.append(f"số {d.number}")
    if d.date:
        parts.append(f"ngày {vn_date(d.date)}")
    elif d.year:
        parts.append(f"năm {d.year}")
    if d.issuer:
        parts.append(f"của {d.issuer}")
    return " ".join(parts)


# A line opening with a point's label ("a) …", "đ. …") starts an item of its own, though in lower case.
_POINT_LABEL = re.compile(r"[a-zđ][).]\s")
# Where a sentence part ends inside a line: at a semicolon, or a full stop before a capital.
_PART_END = re.compile(r";(?=\s)|\.(?=\s+[\"“(]?[A-ZĐÀ-Ỹ0-9])")


def wraps(text: str, nl: int) -> bool:
    """Whether the line break at ``nl`` only wraps a sentence: gazette texts copied from PDF break lines
    mid-sentence ("… là giá trị trung bình\ncủa 03 năm gần nhất …").  The line before it ends no sentence or
    list entry (no ". : ; ! ?") and the next line goes on in lower case, or with a parenthesis opening in lower
    case ("(qua Sở Nội vụ)"); a next line opening with a point's label ("b) …") or a blank line starts anew."""
    line = text[text.rfind("\n", 0, nl) + 1 : nl]
    if not line.strip() or ends_sentence(line):
        return False
    rest = text[nl + 1 : nl + 80].lstrip(" \t")
    if rest[:1] == "(":
        return rest[1:2].islower()
    return rest[:1].islower() and _POINT_LABEL.match(rest) is None


def continued(text: str, start: int, end: int) -> tuple[int, int]:
    """``start``/``end`` moved across line wraps to where their sentence part begins and ends, so a quote is
    never cut at a line break in mid-sentence: forward to the part's end (a semicolon, a full stop, a line that
    ends a sentence); backward to its beginning while the whole stays within MAX_EXCERPT (the answering words
    must not be pushed out of the quote)."""
    for _ in range(_WRAPPED_LINES):
        nl = end + len(text[end:]) - len(text[end:].lstrip(" \t"))
        if nl >= len(text) or text[nl] != "\n" or not wraps(text, nl):
            break
        line_end = text.find("\n", nl + 1)
        line_end = len(text) if line_end < 0 else line_end
        stop = _PART_END.search(text, nl + 1, line_end)
        end = stop.start() if stop else len(text[:line_end].rstrip())
        if stop:
            break
    for _ in range(_WRAPPED_LINES):
        line_start = text.rfind("\n", 0, start) + 1
        if text[line_start:start].strip() or line_start == 0 or not wraps(text, line_start - 1):
            break
        prev = text.rfind("\n", 0, line_start - 1) + 1
        stops = list(_PART_END.finditer(text, prev, line_start - 1))
        at = stops[-1].end() if stops else prev
        at += len(text[at:line_start]) - len(text[at:line_start].lstrip())
        if end - at > MAX_EXCERPT:
            break
        start = at
        if stops:
            break
    return start, end


def excerpt(text: str, start: int, end: int) -> tuple[str, int, int]:
    """``text[start:end]`` trimmed to a readable length around its middle, without cutting words; a part
    cut by a line wrap is followed to its end first (``continued``)."""
    start, wanted = continued(text, start, end)
    piece = text[start:wanted].strip().rstrip(".;,:/")  # also the end-of-document mark "/."
    if len(piece) <= MAX_EXCERPT:
        return piece, start, start + len(piece)
    # never shorter than what was asked, when that fitted: the wrapped words are the ones left out
    least = min(end - start, MAX_EXCERPT)
    cut = piece[:MAX_EXCERPT].rsplit(" ", 1)[0]
    if len(cut) < least:
        cut = piece[:least]
    return cut + " …", start, start + len(cut)


def citation(d: Directive, clause: Clause, score: float, span: tuple[int, int] | None = None) -> Citation:
    return Citation(
        doc_id=d.doc_id,
        doc_type=d.doc_type,
        title=d.title,
        issuer=d.issuer,
        province=d.province,
        year=d.year,
        number=d.number,
        date=d.date,
        clause=clause.label,
        text=clause.text,
        score=round(float(score), 4),
        clause_id=clause.id,
        span=span,
    )
