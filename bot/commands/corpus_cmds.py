"""`thidua docs` and `thidua show`: what the assistant has read, as a supervisor checks it."""

from __future__ import annotations

import json
import logging
import re
from collections.abc import Sequence
from pathlib import Path

import typer

from bot.commands.options import CORPUS_DIR_HELP, joined_corpus_dirs
from bot.compose import vn_date
from bot.settings import get_settings
from corpus import Clause, Corpus, Directive
from corpus.text import fold, match_key, nfc

__all__ = ["docs", "show"]

log = logging.getLogger(__name__)

_CORPUS_DIR = typer.Option(None, "--corpus-dir", help=CORPUS_DIR_HELP)
_INDEX_DIR = typer.Option(None, "--index-dir", help="Thư mục chỉ mục (mặc định: THIDUA_INDEX_DIR).")
_JSON = typer.Option(False, "--json", help="In JSON (UTF-8) thay cho bảng.")
# How `show` names metadata fields and where each value was read.
_FIELDS = {"doc_type": "Loại", "number": "Số hiệu", "date": "Ngày ban hành", "issuer": "Cơ quan ban hành",
           "province": "Tỉnh", "year": "Năm", "signer": "Người ký", "title": "Trích yếu"}
_ORIGINS = {"header": "đầu văn bản", "title": "tên văn bản", "appendix": "phụ lục", "body": "nội dung",
            "signature": "chữ ký", "derived": "suy ra", "sidecar": "tệp sửa tay"}


def _load(corpus_dir: list[Path] | None, index_dir: Path | None) -> Corpus:
    """The corpus, from the parse stored in the index folder for files unchanged since (nothing written)."""
    from bot.library import load_settings_library

    settings = get_settings(corpus_dir=joined_corpus_dirs(corpus_dir), index_dir=index_dir)
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
    corpus_dir: list[Path] | None = _CORPUS_DIR,
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
            vn_date(d.date) or "-",
            d.province or "-",
            str(d.year or "-"),
            d.signer or "-",
            str(len(d.answerable_clauses())),
        ]
        for d in corpus
    ]
    typer.echo(_table(rows))


def _words(text: str) -> list[str]:
    """Lower-case words with their tone marks ("năm" and "Nam" differ); unaccented input matches folded."""
    return re.findall(r"[^\W_]+", nfc(text).lower())


def _key_form(word: str) -> str:
    folded = fold(word).lower()
    return word if folded != word else f"~{folded}"  # "~" marks a word typed without diacritics


def _find_docs(corpus: Corpus, key: str) -> list[Directive]:
    """By id, by number, or by a description such as "Sơn La 2024" or "chi thi ha nam 2023".

    A description matches a document when each of its words is a word of the document's id, number,
    type, province, issuer or year (words naming no document at all are filler and skipped);
    several matches are all returned (the caller asks to choose).
    """
    wanted = fold(key).strip().lower()
    by_id = [d for d in corpus if fold(d.doc_id).lower() == wanted]
    if by_id:
        return by_id[:1]
    compact = wanted.replace(" ", "")
    by_number = [d for d in corpus if d.number and fold(d.number).lower().replace(" ", "") == compact]
    if by_number:
        return by_number

    def vocabulary(d: Directive) -> set[str]:
        parts = (d.doc_id, d.number, d.doc_type, d.province, d.issuer, str(d.year or ""), d.short_name())
        words = {w for part in parts if part for w in _words(part)}
        return words | {f"~{fold(w).lower()}" for w in words}

    vocabularies = [(d, vocabulary(d)) for d in corpus]
    known = set().union(*(v for _, v in vocabularies))
    words = {w for w in map(_key_form, _words(key)) if w in known}  # filler ("năm", "của") names no document
    if not words:
        return []
    return [d for d, v in vocabularies if words <= v]


def _labels(clauses: Sequence[Clause], limit: int = 40) -> str:
    """Labels contain commas ("Phụ lục, mục 12"), so each is quoted and they are joined by "; "."""
    shown = "; ".join(f"«{c.label}»" for c in clauses[:limit])
    more = len(clauses) - limit
    return f"{shown}; … và {more} điều khoản khác" if more > 0 else shown


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
    doc: str = typer.Argument(..., metavar="VĂN_BẢN", help='Mã văn bản (vd. son-la-2024), số hiệu (vd. 01/CT-UBND) hoặc mô tả (vd. "Sơn La 2024").'),
    clause: str | None = typer.Argument(None, metavar="ĐIỀU_KHOẢN", help='Điều khoản, vd. "mục 6, điểm e" hoặc "Phụ lục, mục 12".'),
    corpus_dir: list[Path] | None = _CORPUS_DIR,
    index_dir: Path | None = _INDEX_DIR,
    as_json: bool = _JSON,
) -> None:
    """Show one document's metadata and clause labels, or one clause in full."""
    corpus = _load(corpus_dir, index_dir)
    found = _find_docs(corpus, doc)
    if len(found) != 1:
        pool = found or list(corpus)
        choices = "; ".join(f"{x.doc_id} ({x.short_name()})" for x in pool) or "(kho trống)"
        lead = (f"«{doc}» khớp {len(found)} văn bản, hãy ghi rõ hơn" if found
                else f"Không tìm thấy văn bản «{doc}»")
        typer.echo(f"{lead}. Có: {choices}.", err=True)
        raise typer.Exit(1)
    d = found[0]
    if clause is None:
        if as_json:
            data = _doc_json(d) | {
                "clause_labels": [{"label": c.label, "answerable": c.answerable} for c in d.clauses]
            }
            typer.echo(json.dumps(data, ensure_ascii=False, indent=2))
            return
        typer.echo(d.short_name())
        for f in d.fields:
            value = vn_date(str(f.value)) if f.name == "date" and f.value else f.value
            where = _ORIGINS.get(f.origin, f.origin)
            evidence = " ".join(f.evidence.split())[:80]
            typer.echo(f"  {_FIELDS.get(f.name, f.name)}: {value}  [{where}: {evidence}]" if evidence
                       else f"  {_FIELDS.get(f.name, f.name)}: {value}  [{where}]")
        typer.echo(f"  Tệp: {d.source}")
        typer.echo("Điều khoản:")
        for c in d.clauses:
            mark = "" if c.answerable else " (không dùng để trả lời)"
            typer.echo(f"  - {c.label}{mark}")
        return
    c = _find_clause(d, clause)
    if c is None:
        typer.echo(f"Không tìm thấy điều khoản «{clause}» trong {d.doc_id}. Có: {_labels(d.clauses)}.", err=True)
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
