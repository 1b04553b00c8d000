"""`thidua ask`: one question, or a file of questions with one JSON object per line out."""

from __future__ import annotations

import json
import sys
from pathlib import Path

import typer

from bot.models import Answer
from bot.settings import get_settings
from index.models import Filters

__all__ = ["ask", "parse_input_line", "render_text"]


def parse_input_line(line: str) -> tuple[str, str | None, str | None]:
    """(question, conversation id or None, problem or None) for one line of an --input file.

    A plain line is one question.  A line ``{"q": "...", "conversation": "ID"}``
    belongs to conversation ID: lines with the same ID are follow-ups, in order.
    """
    if not line.lstrip().startswith("{"):
        return line, None, None
    try:
        obj = json.loads(line)
    except json.JSONDecodeError as exc:
        return "", None, f"Dòng không phải JSON hợp lệ ({exc.msg}); viết {{\"q\": \"câu hỏi\", \"conversation\": \"mã\"}}."
    question = obj.get("q", obj.get("question")) if isinstance(obj, dict) else None
    if not isinstance(question, str) or not question.strip():
        return "", None, "Thiếu câu hỏi: mỗi dòng JSON cần trường \"q\" là một chuỗi không rỗng."
    conversation = obj.get("conversation")
    if conversation is not None and not isinstance(conversation, (str, int)):
        return question, None, "Trường \"conversation\" phải là một mã (chuỗi hoặc số)."
    return question, None if conversation in (None, "") else str(conversation), None


def render_text(ans: Answer) -> str:
    """The answer, then "Nguồn:" with each clause label and its quoted text."""
    lines = [ans.answer]
    if ans.citations:
        lines.append("")
        lines.append("Nguồn:")
        for i, c in enumerate(ans.citations, 1):
            name = f"{c.doc_type or 'Văn bản'} {c.number or ''}".strip()
            where = ", ".join(str(x) for x in (c.province, c.year) if x)
            lines.append(f"[{i}] {name} ({where}), {c.clause}:")
            lines.append(f"    “{c.text}”")
    if ans.abstained and ans.suggestions:
        lines.append("")
        lines.append("Gợi ý các điều khoản gần nhất:")
        for c in ans.suggestions:
            lines.append(f"- {c.clause} ({c.doc_type or ''} {c.number or ''}, {c.province}, {c.year}): {c.text[:200]}")
    return "\n".join(lines)


def ask(
    question: str = typer.Argument(None, help="Câu hỏi tiếng Việt (có dấu hoặc không dấu)."),
    input_file: Path = typer.Option(None, "--input", "-i", help="Tệp câu hỏi, mỗi dòng một câu."),
    as_json: bool = typer.Option(False, "--json", help="In JSON (với --input: mỗi dòng một đối tượng)."),
    retriever: str = typer.Option(None, help="hybrid | dense | bm25 (mặc định theo THIDUA_RETRIEVER)."),
    province: list[str] = typer.Option(None, "--province", help="Chỉ tìm trong tỉnh này (lặp lại được)."),
    year: list[int] = typer.Option(None, "--year", help="Chỉ tìm trong năm này (lặp lại được)."),
    top_k: int = typer.Option(None, "--top-k", help="Số trích dẫn tối đa."),
    corpus_dir: Path = typer.Option(None, help="Thư mục văn bản (THIDUA_CORPUS_DIR)."),
    index_dir: Path = typer.Option(None, help="Thư mục chỉ mục (THIDUA_INDEX_DIR)."),
    embedding_model: str = typer.Option(None, help="Mô hình nhúng (THIDUA_EMBEDDING_MODEL)."),
) -> None:
    from bot.assistant import Assistant

    if not question and input_file is None:
        typer.echo("Hãy nhập câu hỏi, ví dụ: thidua ask \"Chỉ tiêu tỷ lệ hộ nghèo năm 2024 của Sơn La?\"", err=True)
        raise typer.Exit(2)
    if input_file is not None and not input_file.is_file():
        typer.echo(f"Không tìm thấy tệp câu hỏi: {input_file}", err=True)
        raise typer.Exit(2)
    settings = get_settings(corpus_dir=corpus_dir, index_dir=index_dir, embedding_model=embedding_model,
                            retriever=retriever, top_k=top_k)
    assistant = Assistant.load(settings)
    for p in assistant.corpus.problems:
        typer.echo(p.message, err=True)
    if assistant.index_notice:
        typer.echo(assistant.index_notice, err=True)
    filters = Filters(provinces=tuple(province or ()), years=tuple(year or ()))
    filters = None if filters.is_empty() else filters

    if input_file is not None:
        text = input_file.read_text(encoding="utf-8", errors="replace")
        threads: dict[str, Answer] = {}  # conversation id -> its last answer (what a follow-up leans on)
        for line in text.splitlines():
            if not line.strip():
                continue
            question, conversation, problem = parse_input_line(line)
            if problem:
                if as_json:
                    sys.stdout.write(json.dumps({"question": question or line, "error": problem},
                                                ensure_ascii=False) + "\n")
                else:
                    typer.echo(f"? {line}\n{problem}\n")
                continue
            ans = assistant.answer(question, filters=filters, retriever=retriever,
                                   previous=threads.get(conversation) if conversation else None)
            if conversation:
                threads[conversation] = ans
            if as_json:
                record = ans.to_dict() | ({"conversation": conversation} if conversation else {})
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            else:
                typer.echo(f"? {ans.question}\n{render_text(ans)}\n")
        return
    ans = assistant.answer(question, filters=filters, retriever=retriever)
    if as_json:
        typer.echo(json.dumps(ans.to_dict(), ensure_ascii=False, indent=2))
    else:
        typer.echo(render_text(ans))
