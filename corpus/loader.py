"""Reading a folder of directives into a ``Corpus``: one bad file never stops the rest."""

from __future__ import annotations

import hashlib
import logging
import re
from dataclasses import replace
from pathlib import Path

from corpus.clauses import build_clauses
from corpus.metadata import FIELD_NAMES, extract_metadata
from corpus.models import Corpus, Directive, FieldSource, Problem
from corpus.normalize import clean_text
from corpus.readers import ReadError, read_raw_text
from corpus.sidecar import SidecarError, read_sidecar, sidecar_path
from corpus.text import fold

__all__ = ["corpus_fingerprint", "load_corpus", "parse_directive", "read_directive", "slugify"]

log = logging.getLogger(__name__)

# Bump when parsing changes what clauses or metadata come out, so indexes get rebuilt.
PARSER_VERSION = "2"


def slugify(stem: str) -> str:
    """File stem -> doc_id: "Sơn La 2024" -> "son-la-2024"."""
    slug = re.sub(r"[^a-z0-9]+", "-", fold(stem)).strip("-")
    return slug or "van-ban"


def parse_directive(text: str, *, doc_id: str, source: str) -> Directive:
    """Clean ``text``, read its metadata and clause tree."""
    clean = clean_text(text)
    meta = extract_metadata(clean)
    return Directive(
        doc_id=doc_id,
        source=source,
        doc_type=meta.doc_type,
        number=meta.number,
        date=meta.date,
        issuer=meta.issuer,
        province=meta.province,
        year=meta.year,
        title=meta.title,
        signer=meta.signer,
        text=clean,
        clauses=build_clauses(clean, doc_id),
        fields=meta.fields,
        issuers=meta.issuers,
        fingerprint=hashlib.sha256(f"{PARSER_VERSION}\n{text}".encode()).hexdigest(),
    )


def _apply_sidecar(directive: Directive, path: Path) -> Directive:
    try:
        overrides = read_sidecar(path)
    except SidecarError as exc:
        raise ReadError(str(exc), f"{path.name}: bad sidecar: {exc}") from exc
    if not overrides:
        return directive
    side = sidecar_path(path)
    fields = {f.name: f for f in directive.fields}
    for key, value in overrides.items():
        fields[key] = FieldSource(key, value, "sidecar", side.name)
    digest = hashlib.sha256(
        (directive.fingerprint + side.read_text(encoding="utf-8-sig")).encode()
    ).hexdigest()
    return replace(
        directive,
        fields=tuple(fields[k] for k in FIELD_NAMES if k in fields),
        fingerprint=digest,
        **overrides,
    )


def read_directive(path: Path, *, max_file_mb: float = 20.0) -> Directive:
    """Read one file.  Raises ``ReadError`` (Vietnamese ``message``) for bad input."""
    path = Path(path)
    raw = read_raw_text(path, max_file_mb=max_file_mb)
    directive = parse_directive(raw, doc_id=slugify(path.stem), source=path.name)
    directive = replace(directive, path=path)
    return _apply_sidecar(directive, path)


def _candidates(folder: Path) -> list[Path]:
    """Every entry that may be a document: subfolders, hidden files, Office lock files and sidecars aside.

    Symlink loops, dangling links and FIFOs are kept so that reading them reports
    one line each instead of skipping them silently.
    """
    return sorted(
        p
        for p in folder.iterdir()
        if not p.name.startswith((".", "~$")) and not p.name.endswith(".meta.toml") and not p.is_dir()
    )


def load_corpus(folder: Path, *, max_file_mb: float = 20.0) -> Corpus:
    """Every supported file of ``folder`` (not recursive), sorted by doc_id, plus one Problem per skipped file."""
    folder = Path(folder)
    if not folder.is_dir():
        problem = Problem(
            folder,
            f"{folder}: không tìm thấy thư mục văn bản; kiểm tra THIDUA_CORPUS_DIR.",
            "corpus folder missing",
        )
        log.warning("corpus folder missing: %s", folder)
        return Corpus((), (problem,))
    directives: dict[str, Directive] = {}
    problems: list[Problem] = []
    for path in _candidates(folder):
        try:
            directive = read_directive(path, max_file_mb=max_file_mb)
        except ReadError as err:
            log.warning("skipped %s: %s", path.name, err.detail)
            problems.append(Problem(path, err.message, err.detail))
            continue
        except Exception as exc:  # a parser bug must not hide the other documents
            log.exception("unexpected error reading %s", path)
            problems.append(
                Problem(path, f"{path.name}: lỗi không mong muốn khi đọc tệp; xem nhật ký (log).", repr(exc))
            )
            continue
        if directive.doc_id in directives:
            other = directives[directive.doc_id].source
            msg = (
                f"{path.name}: trùng mã văn bản '{directive.doc_id}' với {other}; "
                "hãy đổi tên một trong hai tệp."
            )
            log.warning("skipped %s: duplicate doc_id %s (%s)", path.name, directive.doc_id, other)
            problems.append(Problem(path, msg, f"duplicate doc_id {directive.doc_id}"))
            continue
        if not directive.answerable_clauses():
            log.info("%s: no answerable clause found", path.name)
        directives[directive.doc_id] = directive
    return Corpus(tuple(directives[k] for k in sorted(directives)), tuple(problems))


def corpus_fingerprint(corpus: Corpus) -> str:
    """Stable over runs and machines: changes when any document, sidecar or the parser changes."""
    h = hashlib.sha256(PARSER_VERSION.encode())
    for d in sorted(corpus.directives, key=lambda d: d.doc_id):
        h.update(f"{d.doc_id}\0{d.fingerprint}\n".encode())
    return h.hexdigest()
