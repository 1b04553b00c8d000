"""`thidua eval`: run the question set through each retriever and report the figures."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import typer

from bot.settings import Settings, get_settings

__all__ = ["evaluate"]

log = logging.getLogger(__name__)


def _load_assistant(settings: Settings):
    """The real assistant (kept separate so tests can substitute a fake)."""
    from bot.assistant import Assistant

    return Assistant.load(settings)


def _parse_retrievers(value: str | None) -> tuple[str, ...]:
    from eval.runner import RETRIEVERS

    names = tuple(dict.fromkeys(x.strip().lower() for x in (value or ",".join(RETRIEVERS)).split(",") if x.strip()))
    unknown = [n for n in names if n not in RETRIEVERS]
    if unknown or not names:
        typer.echo(
            f"Bộ truy hồi không hợp lệ: {', '.join(unknown) or '(trống)'}. "
            f"Chọn trong: {', '.join(RETRIEVERS)}, cách nhau bởi dấu phẩy (ví dụ --retriever bm25,hybrid).",
            err=True,
        )
        raise typer.Exit(2)
    return names


def evaluate(
    questions: Path = typer.Option(None, "--questions", help="Tệp câu hỏi JSONL (mặc định: bộ câu hỏi kèm gói)."),
    retriever: str = typer.Option(
        None, "--retriever", help="Các bộ truy hồi cần đánh giá, cách nhau bởi dấu phẩy (mặc định: bm25,dense,hybrid)."
    ),
    as_json: bool = typer.Option(False, "--json", help="In đúng một đối tượng JSON ra stdout."),
    out: Path = typer.Option(None, "--out", help="Thư mục ghi report.md và metrics.png."),
    corpus_dir: Path = typer.Option(None, help="Thư mục văn bản (THIDUA_CORPUS_DIR)."),
    index_dir: Path = typer.Option(None, help="Thư mục chỉ mục (THIDUA_INDEX_DIR)."),
    embedding_model: str = typer.Option(None, help="Mô hình nhúng (THIDUA_EMBEDDING_MODEL)."),
    limit: int = typer.Option(None, "--limit", min=1, help="Chỉ chạy N câu hỏi đầu tiên (để thử nhanh)."),
) -> None:
    from eval.questions import QuestionSetError, load_questions
    from eval.report import render_text, write_report
    from eval.runner import run_evaluation

    names = _parse_retrievers(retriever)
    try:
        question_set = load_questions(questions)
    except QuestionSetError as exc:
        typer.echo(f"Lỗi bộ câu hỏi: {exc}", err=True)
        raise typer.Exit(2) from None
    if limit:
        question_set = question_set[:limit]
    settings = get_settings(corpus_dir=corpus_dir, index_dir=index_dir, embedding_model=embedding_model)
    try:
        assistant = _load_assistant(settings)
    except Exception as exc:
        log.debug("assistant failed to load", exc_info=True)
        typer.echo(
            f"Không tải được trợ lý ({exc}). Kiểm tra --corpus-dir ({settings.corpus_dir}) và "
            f"--index-dir ({settings.index_dir}), hoặc chạy `thidua index` trước.",
            err=True,
        )
        raise typer.Exit(1) from None
    try:
        report = run_evaluation(assistant, question_set, names, progress=True)
    except QuestionSetError as exc:
        typer.echo(f"Lỗi bộ câu hỏi: {exc}", err=True)
        raise typer.Exit(2) from None
    if as_json:
        typer.echo(json.dumps(report.to_dict(), ensure_ascii=False))
    else:
        typer.echo(render_text(report))
    if out is not None:
        try:
            markdown, chart = write_report(report, out)
        except OSError as exc:
            typer.echo(f"Không ghi được báo cáo vào {out}: {exc}. Chọn thư mục khác với --out.", err=True)
            raise typer.Exit(1) from None
        typer.echo(f"Đã ghi {markdown} và {chart}", err=True)
