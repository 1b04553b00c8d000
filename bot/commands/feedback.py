"""`thidua feedback`: what officials said about the answers (summary, or CSV for a spreadsheet)."""

from __future__ import annotations

import sys
from pathlib import Path

import typer

from bot.feedback import FeedbackStore, write_csv
from bot.settings import get_settings

__all__ = ["feedback"]


def feedback(
    csv: bool = typer.Option(False, "--csv", help="Xuất CSV: time, value, comment, question, answer, citations, retriever, user."),
    out: Path | None = typer.Option(None, "--out", help="Ghi CSV ra tệp (UTF-8 có BOM cho Excel) thay vì màn hình."),
    feedback_db: Path | None = typer.Option(None, "--feedback-db", help="Tệp SQLite phản hồi (mặc định: THIDUA_FEEDBACK_DB)."),
) -> None:
    """Summary by default; --csv for every row joined to its question, answer, citations and retriever."""
    settings = get_settings(feedback_db=feedback_db)
    store = FeedbackStore(settings.feedback_db)
    try:
        rows = store.feedback_rows()
    except Exception as exc:
        typer.echo(f"Lỗi: không đọc được cơ sở dữ liệu phản hồi {settings.feedback_db} ({exc}). "
                   "Kiểm tra THIDUA_FEEDBACK_DB hoặc --feedback-db.", err=True)
        raise typer.Exit(1) from exc
    if csv or out:
        if out:
            try:
                out.parent.mkdir(parents=True, exist_ok=True)
                with out.open("w", encoding="utf-8-sig", newline="") as fh:
                    write_csv(rows, fh)
            except OSError as exc:
                typer.echo(f"Lỗi: không ghi được {out} ({exc}). Chọn thư mục có quyền ghi.", err=True)
                raise typer.Exit(1) from exc
            typer.echo(f"Đã ghi {len(rows)} phản hồi vào {out}.", err=True)
        else:
            write_csv(rows, sys.stdout)
        return
    if not rows:
        typer.echo(f"Chưa có phản hồi nào trong {settings.feedback_db}.")
        return
    up = sum(r.value > 0 for r in rows)
    typer.echo(f"{len(rows)} phản hồi: 👍 {up}, 👎 {len(rows) - up} ({settings.feedback_db})")
    for r in rows[-20:]:
        mark = "👍" if r.value > 0 else "👎"
        comment = f" — «{r.comment}»" if r.comment else ""
        typer.echo(f"{r.time} {mark} {r.question or '(không rõ câu hỏi)'}{comment}")
    typer.echo("Dùng `thidua feedback --csv --out phan_hoi.csv` để xuất đầy đủ.")
