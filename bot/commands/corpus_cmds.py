"""`thidua docs` and `thidua show`: what the assistant has read, as a supervisor checks it."""

from __future__ import annotations

import json
import logging
from pathlib import Path

import typer

from bot.settings import get_settings
from corpus import Clause, Corpus, Directive
from corpus.text import fold, match_key

__all__ = ["docs", "show"]

log = logging.getLogger(__name__)

_CORPUS_DIR = typer.Option(None, "--corpus-dir", help="Thư mục văn bản (mặc định: THIDUA_CORPUS_DIR).")
_INDEX_DIR = typer.Option(None, "--index-dir", help="Thư mục chỉ mục (mặc định: THIDUA_INDEX_DIR).")
_JSON = typer.Option(False, "--json", help="In JSON (UTF-8) thay cho bảng.")


def _load(corpus_dir: Path | None, index_dir: Path | None) -> Corpus:
    """The corpus, from the parse stored in the index folder for files unchanged since (nothing written)."""
    from bot.library import load_settings_library

    settings = get_settings(corpus_dir=corpus_dir, index_dir=index_dir)
    logging.getLogger().setLevel(settings.log_level.upper())
    corpus = load_settings_library(settings).corpus
    for problem in corpus.problems:
        typer.echo(f"Bỏ qua: {problem.message}", err=True)
    return corpus


def _doc_json(d: Directive) -> dict:
    return {
        "doc_id": d.doc_id,
        "doc_type": d.doc_type,
        "title": d.title,
        "issuer": d.issuer,
        "province": d.province,
        "year": d.year,
        "number": d.number,
        "date": d.date,
        "signer": d.signer,
        "source": d.source,
        "clauses": len(d.answerable_clauses()),
        "fields": {f.name: {"value": f.value, "origin": f.origin, "evidence": f.evidence} for f in d.fields},
    }


def _table(rows: list[list[str]]) -> str:
    widths = [max(len(r[i]) for r in rows) for i in range(len(rows[0]))]
    return "\n".join(
        "  ".join(cell.ljust(w) for cell, w in zip(r, widths, strict=True)).rstrip() for r in rows
    )


def docs(
    corpus_dir: Path | None = _CORPUS_DIR,
    index_dir: Path | None = _INDEX_DIR,
    as_json: bool = _JSON,
) -> None:
    """List the documents and their metadata; skipped files go to stderr, one line each."""
    corpus = _load(corpus_dir, index_dir)
    if as_json:
        typer.echo(json.dumps([_doc_json(d) for d in corpus], ensure_ascii=False, indent=2))
        return
    if not len(corpus):
        typer.echo("Kho chưa có văn bản nào đọc được; thêm tệp .txt/.md/.docx/.pdf vào thư mục văn bản.")
        return
    header = ["Mã", "Loại", "Số", "Ngày", "Tỉnh", "Năm", "Người ký", "Điều khoản"]
    rows = [header] + [
        [
            d.doc_id,
            d.doc_type or "-",
            d.number or "-",
            d.date or "-",
            d.province or "-",
            str(d.year or "-"),
            d.signer or "-",
            str(len(d.answerable_clauses())),
        ]
        for d in corpus
    ]
    typer.echo(_table(rows))


def _find_doc(corpus: Corpus, key: str) -> Directive | None:
    wanted = fold(key).strip()
    by_id = [d for d in corpus if fold(d.doc_id) == wanted]
    if by_id:
        return by_id[0]
    compact = wanted.replace(" ", "")
    by_number = [d for d in corpus if d.number and fold(d.number).replace(" ", "") == compact]
    return by_number[0] if len(by_number) == 1 else None


def _find_clause(d: Directive, key: str) -> Clause | None:
    """By id, path or label; tone-, case- and diacritic-insensitive ("muc 6, diem e")."""
    found = d.clause(key.strip())
    if found is not None:
        return found

    def loose(s: str) -> str:
        return " ".join(fold(match_key(s)).replace(",", " ").split())

    wanted = loose(key)
    return next((c for c in d.clauses if loose(c.label) == wanted), None)


def show(
    doc: str = typer.Argument(..., help="Mã văn bản (vd. son-la-2024) hoặc số hiệu (vd. 01/CT-UBND)."),
    clause: str | None = typer.Argument(None, help='Điều khoản, vd. "mục 6, điểm e" hoặc "Phụ lục, mục 12".'),
    corpus_dir: Path | None = _CORPUS_DIR,
    index_dir: Path | None = _INDEX_DIR,
    as_json: bool = _JSON,
) -> None:
    """Show one document's metadata and clause labels, or one clause in full."""
    corpus = _load(corpus_dir, index_dir)
    d = _find_doc(corpus, doc)
    if d is None:
        choices = ", ".join(x.doc_id for x in corpus) or "(kho trống)"
        typer.echo(
            f"Không tìm thấy văn bản '{doc}' (hoặc số hiệu trùng nhiều văn bản). Có: {choices}.", err=True
        )
        raise typer.Exit(1)
    if clause is None:
        if as_json:
            data = _doc_json(d) | {
                "clause_labels": [{"label": c.label, "answerable": c.answerable} for c in d.clauses]
            }
            typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
            return
        typer.echo(d.short_name())
        for f in d.fields:
            typer.echo(f"  {f.name}: {f.value}  [{f.origin}: {f.evidence[:80]}]")
        typer.echo(f"  source: {d.source}")
        typer.echo("Điều khoản:")
        for c in d.clauses:
            mark = "" if c.answerable else " (không dùng để trả lời)"
            typer.echo(f"  - {c.label}{mark}")
        return
    c = _find_clause(d, clause)
    if c is None:
        choices = ", ".join(x.label for x in d.clauses)
        typer.echo(f"Không tìm thấy điều khoản '{clause}' trong {d.doc_id}. Có: {choices}.", err=True)
        raise typer.Exit(1)
    if as_json:
        data = {
            "doc_id": d.doc_id,
            "id": c.id,
            "label": c.label,
            "kind": c.kind,
            "heading": list(c.heading),
            "text": c.text,
            "answerable": c.answerable,
        }
        typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
        return
    typer.echo(f"{d.short_name()} — {c.label}")
    if c.heading:
        typer.echo(" › ".join(c.heading))
    typer.echo("")
    typer.echo(c.text)
