"""What a directive is, once read: small frozen records every other layer relies on."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Literal

__all__ = ["Clause", "ClauseKind", "Corpus", "Directive", "FieldSource", "Problem"]

#: What a clause is in its document's structure.  Parts: "header" (number, date, issuer lines),
#: "preamble" (the legal bases), "closing" ("Trên đây …"), "signature", "recipients" ("Nơi nhận:"),
#: "appendix" and its "appendix_item"s, "form" (Mẫu 01 …).  Levels: "chapter", "section", "part",
#: "article" (Điều), "khoan"/"item" (khoản, a directive's numbered mục), "diem"/"point" (điểm a),
#: "bullet" ("-") and "plus" ("+").
ClauseKind = Literal[
    "header", "preamble", "closing", "signature", "recipients", "appendix", "appendix_item", "form",
    "chapter", "section", "part", "article", "khoan", "item", "diem", "point", "bullet", "plus",
]


@dataclass(frozen=True)
class FieldSource:
    """Where a metadata value came from, so a supervisor can check it.

    ``origin`` is one of: ``header`` (Số/ngày lines at the top), ``title``,
    ``appendix`` ("Ban hành kèm theo Chỉ thị số … ngày …"), ``body`` (e.g.
    "tỉnh Sơn La" in the text), ``signature`` (the block under CHỦ TỊCH),
    ``derived`` (computed from another field, e.g. year from date, type from
    the number's code), ``certification`` (the "XÁC THỰC VĂN BẢN HỢP NHẤT"
    block of a consolidated text), ``continuation`` (the heading of a
    continuation part of a gazette issue: "Thông tư số … ngày …" over
    "(Tiếp theo Công báo số …)"), ``sidecar`` (set by hand in ``X.meta.toml``).
    """

    name: str
    value: str | int | None
    origin: str
    evidence: str = ""


@dataclass(frozen=True)
class Clause:
    """One addressable part of a directive: what an answer cites.

    ``label`` is what a user would write ("mục 10", "mục II.3", "mục 6, điểm e",
    "Phụ lục, mục 12", "Điều 6, khoản 3, điểm a").  ``text`` is the clean text
    of the whole clause including its children; ``start``/``end`` locate it in
    ``Directive.text``.  ``heading`` is the path of ancestor headings, outermost
    first.  Non-answerable clauses (Nơi nhận, signature block) are kept so
    the signer can be cited, but retrieval skips them.
    """

    id: str
    doc_id: str
    label: str
    kind: ClauseKind
    path: tuple[str, ...]
    heading: tuple[str, ...]
    text: str
    start: int
    end: int
    parent: str | None = None
    answerable: bool = True


@dataclass(frozen=True)
class Directive:
    """One document, its metadata (each with provenance) and its clause tree."""

    doc_id: str
    source: str
    doc_type: str | None
    number: str | None
    date: str | None
    issuer: str | None
    province: str | None
    year: int | None
    title: str | None
    signer: str | None
    text: str
    clauses: tuple[Clause, ...]
    fields: tuple[FieldSource, ...] = ()
    fingerprint: str = ""
    path: Path | None = field(default=None, compare=False)
    # Every issuing authority, in header order: one for most documents, all of them for a joint
    # circular (``issuer`` then joins them with ", ").
    issuers: tuple[str, ...] = ()
    # A consolidated text (Văn bản hợp nhất): the numbers of the documents it consolidates, the base
    # document first, then the amending ones, and the base document's type ("Thông tư", "Luật").
    consolidates: tuple[str, ...] = ()
    base_type: str | None = None

    def clause(self, key: str) -> Clause | None:
        """Find a clause by id, path ("PL.12") or label, case- and tone-insensitively: the first clause, in
        document order, that any of the three names."""
        from corpus.text import match_key

        by_id, by_path, by_label = self._clause_keys
        found = [x for x in (by_id.get(key), by_path.get(key), by_label.get(match_key(key))) if x is not None]
        return self.clauses[min(found)] if found else None

    @cached_property
    def _clause_keys(self) -> tuple[dict[str, int], dict[str, int], dict[str, int]]:
        """Each id, path and label key to the first clause bearing it, made once per document: a question's
        references ("khoản 1 Điều này") are looked up in long laws hundreds of times, each label folded once."""
        from corpus.text import match_key

        by_id: dict[str, int] = {}
        by_path: dict[str, int] = {}
        by_label: dict[str, int] = {}
        for i, c in enumerate(self.clauses):
            by_id.setdefault(c.id, i)
            by_path.setdefault(".".join(c.path), i)
            by_label.setdefault(match_key(c.label), i)
        return by_id, by_path, by_label

    def answerable_clauses(self) -> tuple[Clause, ...]:
        return tuple(c for c in self.clauses if c.answerable)

    def field_source(self, name: str) -> FieldSource | None:
        return next((f for f in self.fields if f.name == name), None)

    def short_name(self) -> str:
        """How the chat names it: "Chỉ thị 01/CT-UBND (Sơn La, 2024)"."""
        kind = self.doc_type or "Văn bản"
        head = f"{kind} {self.number}" if self.number else kind
        where = ", ".join(str(x) for x in (self.province or self.issuer, self.year) if x)
        return f"{head} ({where})" if where else head


@dataclass(frozen=True)
class Problem:
    """A file that could not be read, with a message for the user (Vietnamese) and the operator."""

    path: Path
    message: str
    detail: str = ""


@dataclass(frozen=True)
class Corpus:
    directives: tuple[Directive, ...]
    problems: tuple[Problem, ...] = ()

    def get(self, doc_id: str) -> Directive | None:
        return next((d for d in self.directives if d.doc_id == doc_id), None)

    def __iter__(self):
        return iter(self.directives)

    def __len__(self) -> int:
        return len(self.directives)
