"""`thidua responsibilities`, `thidua targets` and `thidua report`: the supervisors' views, every row cited."""

from __future__ import annotations

import csv
import io
import json
import logging
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

import typer

from bot.commands.options import CORPUS_DIR_HELP, joined_corpus_dirs
from bot.library import StoredFacts, load_settings_library
from bot.report import format_date, full_duty, source_label, write_report
from bot.settings import get_settings
from corpus import Corpus, corpus_dirs
from corpus.facts import (
    Responsibility,
    Target,
    select_directives,
    select_responsibilities,
    select_targets,
)

__all__ = ["report", "responsibilities", "targets"]

log = logging.getLogger(__name__)

_CORPUS_DIR = typer.Option(None, "--corpus-dir", help=CORPUS_DIR_HELP)
_PROVINCE = typer.Option(None, "--province", help="Lọc theo tỉnh, gõ có dấu hay không dấu (vd. 'son la').")
_YEAR = typer.Option(None, "--year", help="Lọc theo năm của chỉ thị (vd. 2024).")
_JSON = typer.Option(False, "--json", help="In mảng JSON (UTF-8).")
_CSV = typer.Option(False, "--csv", help="In CSV UTF-8 có BOM (mở thẳng bằng Excel).")
_MD = typer.Option(False, "--md", help="In bảng Markdown.")

_RESP_FIELDS = (
    "agency", "role", "duty", "province", "year", "number", "date", "doc_id", "clause", "clause_id", "text", "name",
)  # fmt: skip
_TARGET_FIELDS = (
    "indicator", "value", "number_value", "unit", "qualifier", "province", "year", "number", "date", "doc_id",
    "clause", "clause_id", "text", "indicator_key",
)  # fmt: skip


def _load(corpus_dir: list[Path] | None) -> tuple[Corpus, StoredFacts]:
    """The corpus and its facts (stored at index time; computed now only for documents not indexed)."""
    settings = get_settings(corpus_dir=joined_corpus_dirs(corpus_dir))
    logging.getLogger().setLevel(settings.log_level.upper())
    if not all(p.is_dir() for p in corpus_dirs(settings.corpus_dir)):
        log.error("corpus dir not found: %s", settings.corpus_dir)
        typer.echo(
            f"Lỗi: không thấy thư mục văn bản {settings.corpus_dir}. "
            "Kiểm tra --corpus-dir hoặc biến THIDUA_CORPUS_DIR.",
            err=True,
        )
        raise typer.Exit(1)
    library = load_settings_library(settings)
    for problem in library.corpus.problems:
        typer.echo(f"Bỏ qua: {problem.message}", err=True)
    return library.corpus, StoredFacts(library, Path(settings.index_dir))


def _one_format(as_json: bool, as_csv: bool, as_md: bool) -> str:
    chosen = [name for name, on in (("json", as_json), ("csv", as_csv), ("md", as_md)) if on]
    if len(chosen) > 1:
        typer.echo("Lỗi: chỉ chọn một trong --json, --csv, --md.", err=True)
        raise typer.Exit(2)
    return chosen[0] if chosen else "table"


def _records(rows: Sequence[Responsibility | Target], fields: Sequence[str]) -> list[dict]:
    """Every field; a responsibility's duty whole (the extracted one is shortened with "…")."""
    out = []
    for r in rows:
        rec = {f: getattr(r, f) for f in fields} | {"span": list(r.span)}
        if isinstance(r, Responsibility):
            rec["duty"] = full_duty(r)
        out.append(rec)
    return out


def _emit_csv(records: list[dict], fields: Sequence[str]) -> None:
    buf = io.StringIO()
    writer = csv.DictWriter(buf, fieldnames=[*fields, "span"], extrasaction="ignore")
    writer.writeheader()
    for rec in records:
        writer.writerow({**rec, "span": f"{rec['span'][0]}-{rec['span'][1]}"})
    typer.echo("\ufeff" + buf.getvalue(), nl=False)


def _md_cell(value: object) -> str:
    return "" if value is None else str(value).replace("|", "\\|").replace("\n", " ")


def _emit_md(headers: Sequence[str], rows: Sequence[Sequence[object]]) -> None:
    lines = ["| " + " | ".join(headers) + " |", "|" + "---|" * len(headers)]
    lines += ["| " + " | ".join(_md_cell(v) for v in row) + " |" for row in rows]
    typer.echo("\n".join(lines))


def _emit(
    fmt: str,
    rows: Sequence[Responsibility | Target],
    fields: Sequence[str],
    *,
    empty: str,
    headers: Sequence[str],
    row: Callable[[Any], list[object]],
    widths: Sequence[int],
) -> None:
    """One output path for both tables: JSON and CSV carry every field, Markdown and text a readable subset."""
    if fmt == "json":
        typer.echo(json.dumps(_records(rows, fields), ensure_ascii=False, indent=2))
        return
    if fmt == "csv":
        _emit_csv(_records(rows, fields), fields)
        return
    if not rows:
        typer.echo(empty, err=True)
        return
    table = [row(r) for r in rows]
    if fmt == "md":
        _emit_md(headers, table)
    else:
        _emit_table(headers, table, widths)


def _cut(text: str, width: int) -> str:
    return text if len(text) <= width else text[: width - 1] + "…"


def _emit_table(headers: Sequence[str], rows: Sequence[Sequence[object]], widths: Sequence[int]) -> None:
    """A plain aligned table for the terminal; long cells are shortened (use --md/--csv for full text)."""
    cells = [
        [_cut(str(v if v is not None else "-"), w) for v, w in zip(row, widths, strict=True)] for row in rows
    ]
    cols = [max([len(h)] + [len(r[i]) for r in cells]) for i, h in enumerate(headers)]
    out = ["  ".join(h.ljust(w) for h, w in zip(headers, cols, strict=True)).rstrip()]
    out.append("  ".join("-" * w for w in cols))
    out += ["  ".join(c.ljust(w) for c, w in zip(r, cols, strict=True)).rstrip() for r in cells]
    typer.echo("\n".join(out))


def responsibilities(
    agency: str | None = typer.Option(
        None, "--agency", help="Lọc theo cơ quan (vd. 'so noi vu', 'Sở Nội vụ')."
    ),
    province: str | None = _PROVINCE,
    year: int | None = _YEAR,
    as_json: bool = _JSON,
    as_csv: bool = _CSV,
    as_md: bool = _MD,
    corpus_dir: list[Path] | None = _CORPUS_DIR,
) -> None:
    """Who is responsible for what: agency, role, duty and the clause that says so."""
    fmt = _one_format(as_json, as_csv, as_md)
    corpus, facts = _load(corpus_dir)
    rows = select_responsibilities(
        facts.responsibilities(), agency=agency, province=province, year=year
    )
    docs = {d.doc_id: d for d in corpus}
    _emit(
        fmt,
        rows,
        _RESP_FIELDS,
        empty="Không tìm thấy trách nhiệm nào khớp bộ lọc; thử bỏ bớt --agency/--province/--year.",
        headers=["Cơ quan", "Vai trò", "Nhiệm vụ", "Nguồn", "Điều khoản"],
        row=lambda r: [
            r.agency,
            r.role,
            r.duty,
            source_label(r.number, r.date, r.province, r.doc_id, docs.get(r.doc_id), r.year),
            r.clause,
        ],
        widths=(36, 30, 60, 44, 22),
    )


def targets(
    indicator: str | None = typer.Option(None, "--indicator", help="Lọc theo chỉ tiêu (vd. 'ho ngheo')."),
    province: str | None = _PROVINCE,
    year: int | None = _YEAR,
    as_json: bool = _JSON,
    as_csv: bool = _CSV,
    as_md: bool = _MD,
    corpus_dir: list[Path] | None = _CORPUS_DIR,
) -> None:
    """Every numeric target: indicator, value, unit, qualifier and the clause it comes from."""
    fmt = _one_format(as_json, as_csv, as_md)
    corpus, facts = _load(corpus_dir)
    rows = select_targets(facts.targets(), indicator=indicator, province=province, year=year)
    docs = {d.doc_id: d for d in corpus}
    _emit(
        fmt,
        rows,
        _TARGET_FIELDS,
        empty="Không tìm thấy chỉ tiêu nào khớp bộ lọc; thử bỏ bớt --indicator/--province/--year.",
        headers=["Chỉ tiêu", "Giá trị", "Ghi chú", "Tỉnh", "Năm", "Nguồn", "Điều khoản"],
        row=lambda t: [
            t.indicator,
            t.value,
            t.qualifier,
            t.province,
            t.year,
            source_label(t.number, t.date, None, t.doc_id, docs.get(t.doc_id), t.year),
            t.clause,
        ],
        widths=(60, 24, 28, 10, 6, 40, 22),
    )


def report(
    out: Path = typer.Option(Path("bao-cao-thi-dua.xlsx"), "--out", help="Tệp Excel (.xlsx) sẽ ghi."),
    province: str | None = _PROVINCE,
    year: int | None = _YEAR,
    corpus_dir: list[Path] | None = _CORPUS_DIR,
) -> None:
    """Write the supervisors' workbook: responsibilities, targets and one sheet per directive."""
    if out.suffix.lower() != ".xlsx":
        typer.echo(
            f"Lỗi: tệp xuất phải có đuôi .xlsx (nhận được '{out.name}'). Ví dụ: --out bao-cao.xlsx", err=True
        )
        raise typer.Exit(2)
    corpus, facts = _load(corpus_dir)
    resp = select_responsibilities(facts.responsibilities(), province=province, year=year)
    tgts = select_targets(facts.targets(), province=province, year=year)
    directives = select_directives(corpus, province=province, year=year)
    try:
        path = write_report(out, directives, resp, tgts)
    except OSError as exc:
        log.error("cannot write %s: %s", out, exc)
        typer.echo(
            f"Lỗi: không ghi được {out} ({exc.strerror or exc}). Kiểm tra quyền ghi hoặc đóng tệp trong Excel.",
            err=True,
        )
        raise typer.Exit(1) from None
    typer.echo(
        f"Đã ghi {path}: {len(resp)} dòng trách nhiệm, {len(tgts)} chỉ tiêu, {len(directives)} văn bản "
        f"(ngày ban hành mới nhất: {format_date(max((d.date or '' for d in directives), default='')) or '-'})."
    )
