"""The parsed library as plain JSON records, so a start over an unchanged library re-reads nothing.

A record holds one file's parse (metadata with provenance, clause tree, clean
text) and the key it was made from: the file's path, size and modification
time (and its sidecar's), plus ``PARSER_KEY`` (parser version, a digest of the
reading code and of the lexicon).  A record whose key still matches is used
as is; any other file is read and parsed again, alone.

Clause texts are stored as spans of the document text when they are exact
slices (almost always), which keeps the records small and fast to load.
Facts (responsibilities, targets) are stored apart, per document, and read
only when a supervisor asks for them.
"""

from __future__ import annotations

import hashlib
import json
import logging
from dataclasses import asdict, dataclass, field, fields
from pathlib import Path
from typing import Any

from corpus.models import Clause, Directive, FieldSource, Problem

__all__ = [
    "PARSER_KEY",
    "FileKey",
    "ParsedRecord",
    "decode_directive",
    "decode_facts",
    "encode_directive",
    "encode_facts",
    "file_key",
]

log = logging.getLogger(__name__)


def _code_digest() -> str:
    """Digest of the reading code and the lexicon: editing either re-parses every file once."""
    root = Path(__file__).resolve().parent
    h = hashlib.sha256()
    for p in sorted(root.rglob("*.py")):
        if "__pycache__" in p.parts:
            continue
        h.update(p.relative_to(root).as_posix().encode())
        h.update(p.read_bytes())
    try:  # corpus/lexicon (domain data) is written by the corpus helper; until then, code only
        from corpus.lexicon import lexicon_hash  # type: ignore[import-not-found]

        h.update(lexicon_hash().encode())
    except ImportError:
        pass
    return h.hexdigest()[:16]


PARSER_KEY = _code_digest()

FileKey = tuple[str, int, int, int, int]  # path, size, mtime_ns, sidecar size, sidecar mtime_ns (-1: none)


def file_key(path: Path) -> FileKey:
    """What decides whether a file must be read again, from two ``stat`` calls (no reading)."""
    st = path.stat()
    side = path.with_name(f"{path.stem}.meta.toml")
    try:
        ss = side.stat()
        side_key = (ss.st_size, ss.st_mtime_ns)
    except OSError:
        side_key = (-1, -1)
    return (str(path.resolve()), st.st_size, st.st_mtime_ns, *side_key)


@dataclass(frozen=True)
class ParsedRecord:
    """One file's parse (``doc``) or the reason it was skipped (``problem``), with its key."""

    key: FileKey
    parser: str
    doc: dict[str, Any] | None = None
    problem: dict[str, str] | None = None
    fingerprint: str = ""  # sha256 of the doc record: what the search index compares
    raw: str = field(default="", compare=False, repr=False)  # the stored line, written back as is
    facts: str | None = field(default=None, compare=False, repr=False)  # facts line of a fresh parse

    def to_json(self) -> str:
        if self.raw:
            return self.raw
        return json.dumps(
            {"key": list(self.key), "parser": self.parser, "doc": self.doc, "problem": self.problem,
             "fingerprint": self.fingerprint},
            ensure_ascii=False,
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, line: str) -> ParsedRecord:
        data = json.loads(line)
        return cls(tuple(data["key"]), data["parser"], data.get("doc"), data.get("problem"),
                   data.get("fingerprint", ""), raw=line)

    @classmethod
    def of_directive(cls, key: FileKey, directive: Directive) -> ParsedRecord:
        doc = encode_directive(directive)
        raw = json.dumps(doc, ensure_ascii=False, sort_keys=True, separators=(",", ":")).encode("utf-8")
        return cls(key, PARSER_KEY, doc=doc, fingerprint=hashlib.sha256(raw).hexdigest())

    @classmethod
    def of_problem(cls, key: FileKey, problem: Problem) -> ParsedRecord:
        return cls(key, PARSER_KEY, problem={"message": problem.message, "detail": problem.detail})

    def directive(self) -> Directive | None:
        return decode_directive(self.doc, Path(self.key[0])) if self.doc is not None else None

    def as_problem(self) -> Problem | None:
        if self.problem is None:
            return None
        return Problem(Path(self.key[0]), self.problem["message"], self.problem.get("detail", ""))


_OWN = ("text", "clauses", "fields", "path")  # Directive fields stored in their own form


def encode_directive(d: Directive) -> dict[str, Any]:
    """A directive as JSON-ready data; clause texts become spans when they are slices of the text."""
    clauses = []
    for c in d.clauses:
        row = [c.id, c.label, c.kind, list(c.path), list(c.heading), c.start, c.end, c.parent, c.answerable]
        row.append(None if d.text[c.start : c.end] == c.text else c.text)
        clauses.append(row)
    data: dict[str, Any] = {}
    for f in fields(Directive):  # every metadata field, including ones added later
        if f.name not in _OWN:
            value = getattr(d, f.name)
            data[f.name] = list(value) if isinstance(value, tuple) else value
    data["text"] = d.text
    data["fields"] = [[f.name, f.value, f.origin, f.evidence] for f in d.fields]
    data["clauses"] = clauses
    return data


_CLAUSE_FIELDS = ("id", "doc_id", "label", "kind", "path", "heading", "text", "start", "end", "parent", "answerable")
# A library start decodes ~45,000 clauses; the frozen dataclass __init__ (one object.__setattr__ per field)
# was half of that.  Stored clauses were checked when written, so they are filled in directly, as long as
# Clause is still the plain dataclass of these fields (else its own __init__ runs).
_FAST_CLAUSE = (tuple(f.name for f in fields(Clause)) == _CLAUSE_FIELDS and not hasattr(Clause, "__slots__")
                and "__post_init__" not in vars(Clause))


def _clause(values: dict[str, Any]) -> Clause:
    if not _FAST_CLAUSE:
        return Clause(**values)
    clause = object.__new__(Clause)
    clause.__dict__.update(values)
    return clause


def decode_directive(data: dict[str, Any], path: Path | None = None) -> Directive:
    text = data["text"]
    doc_id = data["doc_id"]
    clauses = tuple(
        _clause({"id": cid, "doc_id": doc_id, "label": label, "kind": kind, "path": tuple(cpath),
                 "heading": tuple(heading), "text": text[start:end] if own is None else own, "start": start,
                 "end": end, "parent": parent, "answerable": answerable})
        for cid, label, kind, cpath, heading, start, end, parent, answerable, own in data["clauses"]
    )
    meta: dict[str, Any] = {}
    for f in fields(Directive):
        if f.name not in _OWN and f.name in data:
            value = data[f.name]
            meta[f.name] = tuple(value) if isinstance(value, list) else value
    return Directive(
        **meta,
        text=text,
        clauses=clauses,
        fields=tuple(FieldSource(*f) for f in data["fields"]),
        path=path,
    )


def _rows(items: list[Any], texts: dict[str, int]) -> list[dict[str, Any]]:
    """Rows as dicts; their long ``text`` (the clause quoted) is stored once per document."""
    out = []
    for x in items:
        row = asdict(x)
        if isinstance(row.get("text"), str):
            row["text"] = texts.setdefault(row["text"], len(texts))
        out.append(row)
    return out


def _unrow(cls: type, row: dict[str, Any], texts: list[str]) -> Any:
    known = {f.name: f for f in fields(cls)}
    values = {}
    for name, value in row.items():
        f = known.get(name)
        if f is None:
            continue
        if name == "text" and isinstance(value, int):
            value = texts[value]
        values[name] = tuple(value) if isinstance(value, list) and "tuple" in str(f.type) else value
    return cls(**values)


def encode_facts(directive: Directive) -> dict[str, Any]:
    """Responsibilities and numeric targets of one document, computed once, when it is indexed."""
    from corpus.facts.responsibilities import extract_responsibilities
    from corpus.facts.targets import extract_targets

    texts: dict[str, int] = {}
    resp = _rows(extract_responsibilities(directive), texts)
    tgts = _rows(extract_targets(directive), texts)
    return {"doc_id": directive.doc_id, "texts": list(texts), "responsibilities": resp, "targets": tgts}


def decode_facts(data: dict[str, Any]) -> tuple[list[Any], list[Any]]:
    """(responsibilities, targets) of one stored facts record."""
    from corpus.facts.responsibilities import Responsibility
    from corpus.facts.targets import Target

    texts = data.get("texts", [])
    return ([_unrow(Responsibility, r, texts) for r in data.get("responsibilities", [])],
            [_unrow(Target, t, texts) for t in data.get("targets", [])])
