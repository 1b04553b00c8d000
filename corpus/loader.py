"""Reading a folder of directives into a ``Corpus``: one bad file never stops the rest."""

from __future__ import annotations

import hashlib
import json
import logging
import os
import re
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, replace
from pathlib import Path

from corpus.clauses import build_clauses
from corpus.metadata import FIELD_NAMES, extract_metadata
from corpus.models import Corpus, Directive, FieldSource, Problem
from corpus.normalize import clean_text
from corpus.persist import PARSER_KEY, FileKey, ParsedRecord, encode_facts, file_key
from corpus.readers import ReadError, read_raw_text
from corpus.sidecar import SidecarError, read_sidecar, sidecar_path
from corpus.text import fold
from corpus.workers import cpu_workers, process_pool

__all__ = [
    "Library",
    "corpus_dirs",
    "corpus_fingerprint",
    "load_corpus",
    "load_library",
    "parse_directive",
    "read_directive",
    "slugify",
]

log = logging.getLogger(__name__)

# Bump when parsing changes what clauses or metadata come out, so indexes get rebuilt.
PARSER_VERSION = "6"  # 4: no signature without a signer, annexes after the signature are appendices; 5: "Mẫu 01" after it
# 6: tables written one cell per line regrouped into rows (corpus.tables)


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
        consolidates=meta.consolidates,
        base_type=meta.base_type,
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
    if not directive.answerable_clauses():
        # The gazette's text of a scanned page keeps only its running heads, the header and the signature:
        # nothing could answer a question, and an empty document would only stand in lists and scopes.
        raise ReadError(
            f"{path.name}: chỉ có phần đầu hoặc phần chữ ký, không có nội dung (có thể là bản quét không có "
            "lớp chữ); đã bỏ qua.",
            f"{path.name}: no answerable clause (header and signature only)",
        )
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


# Data files that sit beside documents in a real library (a source list, an export): not documents, no line.
_DATA_SUFFIXES = (".csv", ".tsv", ".json", ".jsonl", ".xlsx", ".xls", ".toml")


def corpus_dirs(value: Path | str | Sequence[Path | str]) -> tuple[Path, ...]:
    """One or several corpus folders: a list, or one value with ``os.pathsep`` between paths ("a:b")."""
    if isinstance(value, (str, Path)):
        parts = [p for p in str(value).split(os.pathsep) if p.strip()]
    else:
        parts = [str(p) for p in value]
    return tuple(Path(p) for p in parts) or (Path("."),)


@dataclass(frozen=True)
class Library:
    """A corpus with the parse record of every file, for the index folder to store."""

    corpus: Corpus
    records: dict[str, ParsedRecord]  # by resolved path; documents and skipped files
    doc_records: dict[str, ParsedRecord]  # by doc_id
    reparsed: tuple[str, ...]  # doc_ids read and parsed in this call (the rest came from the records)


def _parse_one(path: Path, key: FileKey, max_file_mb: float, with_facts: bool) -> ParsedRecord:
    """A fresh record of one file (its facts too when asked): never raises."""
    try:
        directive = read_directive(path, max_file_mb=max_file_mb)
    except ReadError as err:
        log.warning("skipped %s: %s", path.name, err.detail)
        return ParsedRecord.of_problem(key, Problem(path, err.message, err.detail))
    except Exception as exc:  # a parser bug must not hide the other documents
        log.exception("unexpected error reading %s", path)
        problem = Problem(path, f"{path.name}: lỗi không mong muốn khi đọc tệp; xem nhật ký (log).", repr(exc))
        return ParsedRecord.of_problem(key, problem)
    record = ParsedRecord.of_directive(key, directive)
    if with_facts:
        try:
            facts = json.dumps(encode_facts(directive), ensure_ascii=False, separators=(",", ":"))
        except Exception:  # facts are an extra: a rule bug must not lose the document
            log.exception("facts failed for %s", path)
            facts = None
        record = replace(record, facts=facts)
    return record


def _parse_job(job: tuple[Path, FileKey, float, bool]) -> ParsedRecord:
    return _parse_one(*job)


_POOL_FROM = 16  # fresh files from which parsing is spread over the CPU cores


def _parse_all(jobs: list[tuple[Path, FileKey, float, bool]], tick: Callable[[], None]) -> list[ParsedRecord]:
    """Parse in order; over several processes when there are many files (first build of a library)."""
    workers = cpu_workers()
    if len(jobs) < _POOL_FROM or workers < 2:
        out = []
        for job in jobs:
            out.append(_parse_job(job))
            tick()
        return out
    with process_pool(workers) as pool:
        out = []
        for record in pool.map(_parse_job, jobs, chunksize=1):
            out.append(record)
            tick()
        return out


def load_library(
    folders: Path | str | Sequence[Path | str],
    *,
    max_file_mb: float = 20.0,
    known: Mapping[str, ParsedRecord] | None = None,
    progress: Callable[[int, int], None] | None = None,
    with_facts: bool = False,
) -> Library:
    """Every supported file of each folder (not recursive), reusing ``known`` records of unchanged files.

    Folders are read in the order given; a later file whose doc_id is already taken (e.g. the PDF copy
    of a text already read) is skipped with one line.  ``progress(done, total)`` is called per file.
    ``with_facts`` also extracts the supervisor facts of each file parsed now (for the index to store).
    """
    known = known or {}
    problems: list[Problem] = []
    paths: list[Path] = []
    for folder in corpus_dirs(folders):
        if not folder.is_dir():
            problems.append(Problem(
                folder,
                f"{folder}: không tìm thấy thư mục văn bản; kiểm tra THIDUA_CORPUS_DIR.",
                "corpus folder missing",
            ))
            log.warning("corpus folder missing: %s", folder)
            continue
        for path in _candidates(folder):
            if path.suffix.lower() in _DATA_SUFFIXES:
                log.info("not a document, skipped: %s", path)
                continue
            paths.append(path)
    done = 0

    def tick() -> None:
        nonlocal done
        done += 1
        if progress is not None:
            progress(done, len(paths))

    slots: list[ParsedRecord | None] = []
    jobs: list[tuple[Path, FileKey, float, bool]] = []
    for path in paths:
        try:
            key = file_key(path)
        except OSError:  # a dangling link or a loop: the reader says which, in one line
            key = (str(path), -1, -1, -1, -1)
        old = known.get(key[0]) if key[1] >= 0 else None
        if old is not None and old.key == key and old.parser == PARSER_KEY:
            slots.append(old)
            tick()
        else:
            slots.append(None)
            jobs.append((path, key, max_file_mb, with_facts))
    fresh = iter(_parse_all(jobs, tick))
    records_in_order = [r if r is not None else next(fresh) for r in slots]

    directives: dict[str, Directive] = {}
    doc_records: dict[str, ParsedRecord] = {}
    records: dict[str, ParsedRecord] = {}
    reparsed: list[str] = []
    for path, record in zip(paths, records_in_order, strict=True):
        records[record.key[0]] = record
        problem = record.as_problem()
        if problem is not None:
            problems.append(problem)
            continue
        directive = record.directive()
        assert directive is not None
        if directive.doc_id in directives:
            other = directives[directive.doc_id].source
            msg = (
                f"{path.name}: trùng mã văn bản '{directive.doc_id}' với {other}; "
                "bỏ qua tệp này (đổi tên nếu đây là văn bản khác)."
            )
            log.warning("skipped %s: duplicate doc_id %s (%s)", path, directive.doc_id, other)
            problems.append(Problem(path, msg, f"duplicate doc_id {directive.doc_id}"))
            continue
        if record.raw == "":
            reparsed.append(directive.doc_id)
            if not directive.answerable_clauses():
                log.info("%s: no answerable clause found", path.name)
        directives[directive.doc_id] = directive
        doc_records[directive.doc_id] = record
    corpus = Corpus(tuple(directives[k] for k in sorted(directives)), tuple(problems))
    return Library(corpus, records, doc_records, tuple(reparsed))


def load_corpus(folder: Path | str | Sequence[Path | str], *, max_file_mb: float = 20.0) -> Corpus:
    """Every supported file of ``folder`` (or of several folders), sorted by doc_id, plus one Problem per skipped file."""
    return load_library(folder, max_file_mb=max_file_mb).corpus


def corpus_fingerprint(corpus: Corpus) -> str:
    """Stable over runs and machines: changes when any document, sidecar or the parser changes."""
    h = hashlib.sha256(PARSER_VERSION.encode())
    for d in sorted(corpus.directives, key=lambda d: d.doc_id):
        h.update(f"{d.doc_id}\0{d.fingerprint}\n".encode())
    return h.hexdigest()
