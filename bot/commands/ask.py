"""`thidua ask`: one question, or a file of questions with one JSON object per line out."""

from __future__ import annotations

import json
import sys
from enum import StrEnum
from pathlib import Path

import typer

from bot.commands.options import CORPUS_DIR_HELP, joined_corpus_dirs
from bot.models import Answer
from bot.quotes import quote_lines
from bot.settings import get_settings
from corpus.encoding import DecodeError, decode_text
from corpus.text import nfc
from index.models import Filters

__all__ = ["ask", "parse_input_line", "read_question_lines", "render_text"]


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
            lines.append(f"[{i}] {name} ({where}), {c.clause}:" if where else f"[{i}] {name}, {c.clause}:")
            lines.extend(quote_lines(c))
    if ans.abstained and ans.suggestions:
        lines.append("")
        lines.append("Gợi ý các điều khoản gần nhất:")
        for c in ans.suggestions:
            name = " ".join(x for x in (c.doc_type or "Văn bản", c.number) if x)
            where = ", ".join(str(x) for x in (c.province, c.year) if x)
            lines.append(f"- {name} ({where}), {c.clause}:" if where else f"- {name}, {c.clause}:")
            lines.extend(quote_lines(c))
    return "\n".join(lines)


class SearchMode(StrEnum):
    """The --retriever choices (typer checks them and says which are allowed)."""

    hybrid = "hybrid"
    dense = "dense"
    bm25 = "bm25"


def read_question_lines(path: Path) -> list[str]:
    """The lines of a question file in UTF-8, UTF-16 (with or without BOM) or cp1258; one per line.

    Only "\\n" ends a line (not the rarer separators ``str.splitlines`` knows), so answers stay
    aligned with the lines an official sees in Notepad.
    """
    try:
        text, _ = decode_text(path.read_bytes())
    except DecodeError as exc:
        if exc.reason == "empty":
            return []
        typer.echo(f"Không đọc được tệp câu hỏi {path.name}: hãy lưu lại ở dạng văn bản Unicode (UTF-8).", err=True)
        raise typer.Exit(2) from None
    except OSError as exc:
        typer.echo(f"Không đọc được tệp câu hỏi {path}: {exc.strerror or exc}.", err=True)
        raise typer.Exit(2) from None
    lines = nfc(text.lstrip("\ufeff")).replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if lines and lines[-1] == "":
        lines.pop()  # the newline that ends the last line does not start another
    return lines


def ask(
    question: str = typer.Argument(None, metavar="CÂU_HỎI", help="Câu hỏi tiếng Việt (có dấu hoặc không dấu)."),
    input_file: Path = typer.Option(None, "--input", "-i", help="Tệp câu hỏi, mỗi dòng một câu."),
    as_json: bool = typer.Option(False, "--json", help="In JSON (với --input: mỗi dòng một đối tượng)."),
    retriever: SearchMode = typer.Option(None, "--retriever",
                                         help="hybrid | dense | bm25 (mặc định theo THIDUA_RETRIEVER)."),
    province: list[str] = typer.Option(None, "--province", help="Chỉ tìm trong tỉnh này (lặp lại được)."),
    year: list[int] = typer.Option(None, "--year", help="Chỉ tìm trong năm này (lặp lại được)."),
    top_k: int = typer.Option(None, "--top-k", min=1, max=50, help="Số trích dẫn tối đa (1–50)."),
    corpus_dir: list[Path] = typer.Option(None, "--corpus-dir", help=CORPUS_DIR_HELP),
    index_dir: Path = typer.Option(None, help="Thư mục chỉ mục (THIDUA_INDEX_DIR)."),
    embedding_model: str = typer.Option(None, help="Mô hình nhúng (THIDUA_EMBEDDING_MODEL)."),
) -> None:
    from bot.assistant import Assistant
    from corpus import corpus_dirs

    retriever = retriever.value if isinstance(retriever, SearchMode) else retriever
    if not question and input_file is None:
        typer.echo("Hãy nhập câu hỏi, ví dụ: thidua ask \"Chỉ tiêu tỷ lệ hộ nghèo năm 2024 của Sơn La?\"", err=True)
        raise typer.Exit(2)
    if input_file is not None and input_file.is_dir():
        typer.echo(f"{input_file} là một thư mục, không phải tệp câu hỏi: hãy chỉ một tệp, mỗi dòng một câu.", err=True)
        raise typer.Exit(2)
    if input_file is not None and not input_file.is_file():
        typer.echo(f"Không tìm thấy tệp câu hỏi: {input_file}", err=True)
        raise typer.Exit(2)
    # an unreadable or empty file stops here, before the index loads (an empty one printed nothing and exited 0)
    if input_file is not None and not read_question_lines(input_file):
        typer.echo(f"Tệp câu hỏi {input_file.name} không có câu hỏi nào.", err=True)
        raise typer.Exit(2)
    settings = get_settings(corpus_dir=joined_corpus_dirs(corpus_dir), index_dir=index_dir,
                            embedding_model=embedding_model, retriever=retriever, top_k=top_k)
    missing = [f for f in corpus_dirs(settings.corpus_dir) if not f.is_dir()]
    if missing:  # answering "0 văn bản trong kho" would hide the cause
        typer.echo(f"Không tìm thấy thư mục văn bản: {', '.join(map(str, missing))}. "
                   "Kiểm tra --corpus-dir hoặc THIDUA_CORPUS_DIR.", err=True)
        raise typer.Exit(1)
    assistant = Assistant.load(settings)
    for p in assistant.corpus.problems:
        typer.echo(p.message, err=True)
    if assistant.index_notice:
        typer.echo(assistant.index_notice, err=True)
    filters = Filters(provinces=tuple(province or ()), years=tuple(year or ()))
    filters = None if filters.is_empty() else filters

    if input_file is not None:
        threads: dict[str, Answer] = {}  # conversation id -> its last answer (what a follow-up leans on)
        for n, line in enumerate(read_question_lines(input_file), 1):
            if not line.strip():  # one output line per input line: an empty line gets an error object
                message = f"Dòng {n} trống: không có câu hỏi."
                if as_json:
                    sys.stdout.write(json.dumps({"line": n, "question": "", "error": message},
                                                ensure_ascii=False) + "\n")
                else:
                    typer.echo(f"? (dòng {n})\n{message}\n")
                continue
            asked, conversation, problem = parse_input_line(line)
            if problem:
                if as_json:
                    sys.stdout.write(json.dumps({"line": n, "question": asked or line, "error": problem},
                                                ensure_ascii=False) + "\n")
                else:
                    typer.echo(f"? {line}\n{problem}\n")
                continue
            ans = assistant.answer(asked, filters=filters, retriever=retriever,
                                   previous=threads.get(conversation) if conversation else None)
            if conversation:
                threads[conversation] = ans
            if as_json:
                record = {"line": n, **ans.to_dict()} | ({"conversation": conversation} if conversation else {})
                sys.stdout.write(json.dumps(record, ensure_ascii=False) + "\n")
            else:
                typer.echo(f"? {ans.question}\n{render_text(ans)}\n")
        return
    ans = assistant.answer(question, filters=filters, retriever=retriever)
    if as_json:
        typer.echo(json.dumps(ans.to_dict(), ensure_ascii=False, indent=2))
    else:
        typer.echo(render_text(ans))
