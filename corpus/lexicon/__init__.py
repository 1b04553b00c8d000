"""Domain knowledge as data: word lists and tables under this folder, read by one loader.

Each file is UTF-8; ``#`` starts a comment line.  ``*.txt`` files hold one entry a line,
``*.csv`` files a header row then records.  Everything is NFC-normalised on reading, so a
list typed with old-style tone marks (hoà, uỷ) reads the same as one typed with new ones.
``lexicon_hash`` changes whenever any file changes, so an index can record what it was built with.
"""

from __future__ import annotations

import csv
import hashlib
from functools import cache
from pathlib import Path

from corpus.text import nfc

__all__ = ["LEXICON_DIR", "lexicon_hash", "read_table", "read_words"]

LEXICON_DIR = Path(__file__).resolve().parent


def _lines(name: str) -> list[str]:
    text = nfc((LEXICON_DIR / name).read_text(encoding="utf-8"))
    return [line for line in text.splitlines() if line.strip() and not line.lstrip().startswith("#")]


@cache
def read_words(name: str) -> tuple[str, ...]:
    """The entries of ``name`` (a .txt file), in file order, blanks and comments skipped."""
    return tuple(dict.fromkeys(line.strip() for line in _lines(name)))


@cache
def read_table(name: str) -> tuple[dict[str, str], ...]:
    """The records of ``name`` (a .csv file with a header row)."""
    rows = csv.DictReader(_lines(name))
    return tuple({k.strip(): (v or "").strip() for k, v in row.items()} for row in rows)


@cache
def lexicon_hash() -> str:
    """One digest over every data file (names and bytes), for index manifests."""
    h = hashlib.sha256()
    for path in sorted(LEXICON_DIR.iterdir()):
        if path.suffix in (".txt", ".csv"):
            h.update(path.name.encode())
            h.update(path.read_bytes())
    return h.hexdigest()[:16]
