"""Domain knowledge as data: one file per topic in this folder, one loader for all of them.

Province names before and after the 1 July 2025 merger, document types and
their number codes, issuing authorities, gazette banners… change with the
administration, not with the code, so they live in UTF-8 files here
(``.csv`` with a header row, ``.toml``, or ``.txt`` one entry a line, ``#``
for comments).  ``load_lexicon()`` reads every file once per process;
``lexicon_hash()`` changes whenever any of them does, so an index built with
an older lexicon can be recognised and rebuilt.
"""

from __future__ import annotations

import csv
import hashlib
import io
import re
import tomllib
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from types import MappingProxyType
from typing import Any, Literal, TypeVar

from corpus.errors import ThiduaError
from corpus.text import fold, match_key, nfc, tone_variants

__all__ = [
    "LEXICON_DIR",
    "Authority",
    "DocType",
    "Lexicon",
    "LexiconError",
    "Province",
    "alternatives",
    "derived",
    "lexicon_hash",
    "load_lexicon",
    "prepare_derived",
]

LEXICON_DIR = Path(__file__).resolve().parent
_SUFFIXES = (".csv", ".toml", ".txt")

Level = Literal["national", "provincial"]


@dataclass(frozen=True)
class Province:
    """A province or centrally-run city; ``merged_into`` is its name from 1 July 2025."""

    name: str
    kind: Literal["tỉnh", "thành phố"]
    merged_into: str
    current: bool  # still a province after the merger


@dataclass(frozen=True)
class DocType:
    """A document type: how it is named, its upper-case type line and its number code."""

    name: str
    type_line: str
    code: str
    kind: str


@dataclass(frozen=True)
class Authority:
    """An issuing authority: the usual written name, one upper-case header form, the number code."""

    name: str
    form: str
    code: str
    level: Level


@dataclass(frozen=True)
class Lexicon:
    """Every topic file of the folder, raw (``topics``) and the typed views the reader needs."""

    topics: MappingProxyType[str, Any]
    provinces: tuple[Province, ...]
    doc_types: tuple[DocType, ...]
    authorities: tuple[Authority, ...]
    banners: tuple[str, ...]
    _province_keys: MappingProxyType[str, str]

    def topic(self, name: str) -> Any:
        """Rows of ``name.csv`` (tuple of dicts), lines of ``name.txt`` (tuple) or ``name.toml`` (dict)."""
        return self.topics[name]

    def province(self, name: str) -> str | None:
        """The official spelling of a province written any way (accents or not, old or new tones)."""
        text = " ".join(str(name).split())
        return self._province_keys.get(match_key(text)) or self._province_keys.get(fold(text))

    def province_kind(self, name: str) -> str | None:
        official = self.province(name)
        return next((p.kind for p in self.provinces if p.name == official), None)

    def province_spellings(self) -> tuple[str, ...]:
        """Every spelling the loader derives: official, old-tone and accent-free, longest first."""
        out: set[str] = set()
        for p in self.provinces:
            out |= tone_variants(p.name)
            out.add(fold(p.name))
        for row in self.topics.get("province_aliases", ()):
            out |= tone_variants(row["alias"])
            out.add(fold(row["alias"]))
        return tuple(sorted(out, key=lambda s: (-len(s), s)))

    def doc_type_by_line(self, line: str) -> str | None:
        key = match_key(line)
        return next((t.name for t in self.doc_types if match_key(t.type_line) == key), None)

    def doc_type_by_code(self, code: str) -> str | None:
        key = fold(code)
        return next((t.name for t in self.doc_types if t.code and fold(t.code) == key), None)


class LexiconError(ThiduaError):
    """A topic file of the lexicon that cannot be used as it is."""


def _read_topic(path: Path) -> Any:
    text = nfc(path.read_text(encoding="utf-8-sig"))
    if path.suffix == ".csv":
        rows: Any = tuple(
            {k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(io.StringIO(text))
        )
    elif path.suffix == ".toml":
        return tomllib.loads(text)
    else:
        rows = tuple(s for line in text.splitlines() if (s := line.strip()) and not s.startswith("#"))
    if not rows:
        # A word list built into a pattern ("(?:a|b)") matches everything when it has no word: stop instead.
        raise LexiconError(f"Tệp từ điển {path.name} không có mục nào; hãy bổ sung hoặc xoá tệp này.",
                           f"empty lexicon topic file: {path}")
    return rows


def _files(folder: Path) -> list[Path]:
    return sorted(p for p in folder.iterdir() if p.suffix in _SUFFIXES and not p.name.startswith((".", "_")))


def _provinces(rows: tuple[dict[str, str], ...]) -> tuple[Province, ...]:
    after = {r["province_from_2025_07_01"]: r["kind_from_2025"] for r in rows}
    out: dict[str, Province] = {}
    for r in rows:
        before, merged = r["province_before_2025"], r["province_from_2025_07_01"]
        kind = after.get(before, "tỉnh")
        out[before] = Province(before, kind, merged, before in after)  # type: ignore[arg-type]
    for name, kind in after.items():
        out.setdefault(name, Province(name, kind, name, True))  # type: ignore[arg-type]
    return tuple(out.values())


@cache
def load_lexicon(folder: Path = LEXICON_DIR) -> Lexicon:
    """Read the lexicon folder once per process (cached)."""
    topics = {p.stem: _read_topic(p) for p in _files(folder)}
    provinces = _provinces(topics.get("provinces", ()))
    keys: dict[str, str] = {}
    spellings = [(p.name, p.name) for p in provinces]
    spellings += [(r["alias"], r["province"]) for r in topics.get("province_aliases", ())]
    for spelling, official in spellings:
        for variant in tone_variants(spelling):
            keys.setdefault(match_key(variant), official)
        keys.setdefault(fold(spelling), official)
    return Lexicon(
        topics=MappingProxyType(topics),
        provinces=provinces,
        doc_types=tuple(DocType(**r) for r in topics.get("doc_types", ())),
        authorities=tuple(Authority(**r) for r in topics.get("authorities", ())),  # type: ignore[arg-type]
        banners=tuple(topics.get("banners", ())),
        _province_keys=MappingProxyType(keys),
    )


def alternatives(words: Iterable[str], key: Callable[[str], str] = str) -> str:
    """Lexicon ``words`` (through ``key``) as the alternatives of a regular expression, longest first, so the
    word lists stay here and the patterns' shapes in the modules using them."""
    alts = "|".join(re.escape(w) for w in sorted({key(w) for w in words}, key=lambda w: (-len(w), w)))
    return alts or "(?!)"  # no word matches nothing (an empty alternation would match everywhere)


_T = TypeVar("_T")
_DERIVED: list[Callable[[], object]] = []


def derived(build: Callable[[], _T]) -> Callable[[], _T]:
    """Decorate a function that builds something from the lexicon (a pattern, a word set): it runs once and is
    kept, and ``prepare_derived`` runs it when a program warms up, so that no user's question pays for it."""
    kept = cache(build)
    _DERIVED.append(kept)
    return kept


def prepare_derived() -> int:
    """Build everything ``derived`` marks in the modules imported so far; returns how many."""
    for build in _DERIVED:
        build()
    return len(_DERIVED)


@cache
def lexicon_hash(folder: Path = LEXICON_DIR) -> str:
    """SHA-256 over every topic file's name and bytes: recorded in index manifests."""
    h = hashlib.sha256()
    for p in _files(folder):
        h.update(p.name.encode() + b"\0" + p.read_bytes() + b"\0")
    return h.hexdigest()
