"""How answers read: the document named the way officials name it, a short answer, then the quote."""

from __future__ import annotations

from bot.models import Citation
from corpus.models import Clause, Directive

__all__ = ["citation", "doc_ref", "excerpt", "vn_date"]

MAX_EXCERPT = 320


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


def excerpt(text: str, start: int, end: int) -> tuple[str, int, int]:
    """``text[start:end]`` trimmed to a readable length around its middle, without cutting words."""
    piece = text[start:end].strip().rstrip(".;,:/")  # also the end-of-document mark "/."
    if len(piece) <= MAX_EXCERPT:
        return piece, start, start + len(piece)
    cut = piece[:MAX_EXCERPT].rsplit(" ", 1)[0]
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
