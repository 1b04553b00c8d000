"""The supervisors' spreadsheet: responsibilities and targets with citations, one sheet per directive.

Takes plain data (directives and extracted rows), never Settings, so the
chat or a script can write the same file as ``thidua report``.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from functools import cache
from pathlib import Path
from typing import TYPE_CHECKING

from corpus.facts import Responsibility, Target
from corpus.models import Directive

if TYPE_CHECKING:  # openpyxl (and the PIL it imports) only when a workbook is written: every command starts faster
    from openpyxl.styles import Alignment, Font
    from openpyxl.worksheet.worksheet import Worksheet

__all__ = ["RESPONSIBILITY_SHEET", "TARGET_SHEET", "document_label", "format_date", "full_duty", "source_label",
           "write_report"]

RESPONSIBILITY_SHEET = "Trách nhiệm"
TARGET_SHEET = "Chỉ tiêu"

_RESP_COLUMNS = (
    ("Cơ quan", 34),
    ("Vai trò", 26),
    ("Nhiệm vụ", 60),
    ("Tỉnh", 12),
    ("Năm", 7),
    ("Văn bản", 34),
    ("Điều khoản", 20),
    ("Nội dung điều khoản", 90),
)
_TARGET_COLUMNS = (
    ("Chỉ tiêu", 50),
    ("Giá trị", 18),
    ("Số", 12),
    ("Đơn vị", 18),
    ("Ghi chú", 30),
    ("Tỉnh", 12),
    ("Năm", 7),
    ("Văn bản", 34),
    ("Điều khoản", 20),
    ("Nội dung điều khoản", 90),
)


@cache
def _bold() -> Font:
    from openpyxl.styles import Font

    return Font(bold=True)


@cache
def _wrap() -> Alignment:
    from openpyxl.styles import Alignment

    return Alignment(wrap_text=True, vertical="top")


def format_date(iso: str | None) -> str:
    """ "2024-01-03" -> "03/01/2024", the way Vietnamese documents write dates."""
    if not iso:
        return ""
    m = re.match(r"(\d{4})-(\d{2})-(\d{2})$", iso)
    return f"{m.group(3)}/{m.group(2)}/{m.group(1)}" if m else iso


def document_label(d: Directive | None, number: str | None = None, year: int | None = None,
                   province: str | None = None) -> str:
    """How a table names a document: "Chỉ thị 01/CT-UBND"; without a number
    "Chỉ thị năm 2023 của UBND tỉnh Hà Nam" (never empty)."""
    kind = (d.doc_type if d else None) or "Chỉ thị"
    number = (d.number if d else None) or number
    if number:
        return f"{kind} {number}"
    year = (d.year if d else None) or year
    issuer = (d.issuer if d else None) or (f"UBND tỉnh {province}" if province else None)
    parts = [kind] + ([f"năm {year}"] if year else []) + ([f"của {issuer}"] if issuer else [])
    return " ".join(parts) if len(parts) > 1 else (d.doc_id if d else kind)


def full_duty(r: Responsibility) -> str:
    """The whole duty sentence from the clause (the extracted ``duty`` is shortened with "…")."""
    s, e = r.span
    if 0 <= s < e <= len(r.text):
        return " ".join(r.text[s:e].split()).removesuffix("/.").rstrip(" ;,")
    return r.duty


def source_label(number: str | None, date: str | None, province: str | None, doc_id: str,
                 d: Directive | None = None, year: int | None = None) -> str:
    """ "Chỉ thị 01/CT-UBND ngày 03/01/2024 (Sơn La)"; "Chỉ thị năm 2023 của UBND tỉnh Hà Nam" without a number."""
    if not number and (d is not None or year):
        return document_label(d, number, year, province)
    head = f"Chỉ thị {number}" if number else doc_id
    if date:
        head += f" ngày {format_date(date)}"
    return f"{head} ({province})" if province else head


def _table(
    ws: Worksheet, columns: Sequence[tuple[str, int]], rows: Sequence[Sequence[object]], first_row: int
) -> str:
    """Header and rows from ``first_row``; returns the table's range (for an autofilter)."""
    for col, (title, width) in enumerate(columns, start=1):
        cell = ws.cell(row=first_row, column=col, value=title)
        cell.font = _bold()
        cell.alignment = _wrap()
        letter = cell.column_letter
        ws.column_dimensions[letter].width = max(ws.column_dimensions[letter].width or 0, width)
    for r, values in enumerate(rows, start=first_row + 1):
        for c, value in enumerate(values, start=1):
            ws.cell(row=r, column=c, value=value).alignment = _wrap()
    last = ws.cell(row=first_row + max(len(rows), 1), column=len(columns)).coordinate
    return f"A{first_row}:{last}"


def _resp_row(r: Responsibility, d: Directive | None = None) -> list[object]:
    return [
        r.agency,
        r.role,
        full_duty(r),
        r.province or "",
        r.year,
        source_label(r.number, r.date, r.province, r.doc_id, d, r.year),
        r.clause,
        r.text,
    ]


def _target_row(t: Target, d: Directive | None = None) -> list[object]:
    return [
        t.indicator,
        t.value,
        t.number_value,
        t.unit,
        t.qualifier,
        t.province or "",
        t.year,
        source_label(t.number, t.date, t.province, t.doc_id, d, t.year),
        t.clause,
        t.text,
    ]


def _sheet_title(doc_id: str, used: set[str]) -> str:
    """Excel sheet names: at most 31 characters, none of []:*?/\\, unique."""
    base = re.sub(r"[\[\]:*?/\\]", "-", doc_id)[:31] or "van-ban"
    title, n = base, 2
    while title.lower() in used:
        suffix = f"~{n}"
        title, n = base[: 31 - len(suffix)] + suffix, n + 1
    used.add(title.lower())
    return title


def write_report(
    path: Path,
    directives: Sequence[Directive],
    responsibilities: Sequence[Responsibility],
    targets: Sequence[Target],
) -> Path:
    """Write the workbook and return its path (parent folders are created)."""
    from openpyxl import Workbook

    by_id = {d.doc_id: d for d in directives}
    wb = Workbook()
    ws = wb.active
    ws.title = RESPONSIBILITY_SHEET
    ws.auto_filter.ref = _table(ws, _RESP_COLUMNS, [_resp_row(r, by_id.get(r.doc_id)) for r in responsibilities], 1)
    ws.freeze_panes = "B2"

    ws = wb.create_sheet(TARGET_SHEET)
    ws.auto_filter.ref = _table(ws, _TARGET_COLUMNS, [_target_row(t, by_id.get(t.doc_id)) for t in targets], 1)
    ws.freeze_panes = "B2"

    used = {RESPONSIBILITY_SHEET.lower(), TARGET_SHEET.lower()}
    for d in directives:
        ws = wb.create_sheet(_sheet_title(d.doc_id, used))
        meta = (
            ("Văn bản", document_label(d)),
            ("Trích yếu", d.title or ""),
            ("Cơ quan ban hành", d.issuer or ""),
            ("Tỉnh", d.province or ""),
            ("Năm", d.year),
            ("Ngày ban hành", format_date(d.date)),
            ("Người ký", d.signer or ""),
            ("Tệp", d.source),
        )
        for r, (name, value) in enumerate(meta, start=1):
            ws.cell(row=r, column=1, value=name).font = _bold()
            ws.cell(row=r, column=2, value=value).alignment = _wrap()
        row = len(meta) + 2
        ws.cell(row=row, column=1, value=RESPONSIBILITY_SHEET).font = _bold()
        own_resp = [_resp_row(r, d) for r in responsibilities if r.doc_id == d.doc_id]
        _table(ws, _RESP_COLUMNS, own_resp, row + 1)
        row += len(own_resp) + 3
        ws.cell(row=row, column=1, value=TARGET_SHEET).font = _bold()
        own_targets = [_target_row(t, d) for t in targets if t.doc_id == d.doc_id]
        _table(ws, _TARGET_COLUMNS, own_targets, row + 1)
        ws.freeze_panes = "B1"
    path = Path(path)
    path.parent.mkdir(parents=True, exist_ok=True)
    wb.save(path)
    return path
