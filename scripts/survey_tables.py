"""Survey of the tables a library writes one cell per line (corpus.tables): per document, how many blocks open
with a numbering heading ("STT", "Số TT") over numbered rows, how many of them regroup into rows, and the
headings of each regrouped table.  Prints figures; asserts nothing.

    .venv/bin/python scripts/survey_tables.py ../shared/library [--rows]
"""

from __future__ import annotations

import argparse
import re
from collections import Counter
from pathlib import Path

from corpus.normalize import clean_text
from corpus.readers import ReadError, read_raw_text
from corpus.tables import read_tables

_HEADING = re.compile(r"^(?:S[Tt][Tt]|TT|Số\s*TT|Số thứ(?:\s*tự)?|Số)$")
_LABEL = re.compile(r"^(?:\d{1,2}(?:\.\d{1,2}){0,2}|[IVXL]{1,5}|[A-Z]|[a-zđ])[.)]?$")


def _candidates(raw: str) -> int:
    """Numbering headings followed, within 12 short lines, by a numbering cell: a table one cell per line."""
    lines = [x.strip() for x in raw.split("\n") if x.strip()]
    count, i = 0, 0
    while i < len(lines):
        if _HEADING.match(lines[i]) and (i == 0 or lines[i - 1] != "Số"):
            j = i + 1
            while j < len(lines) and j - i <= 12 and len(lines[j]) <= 60 and not _LABEL.match(lines[j]):
                j += 1
            if j < len(lines) and _LABEL.match(lines[j]) and j - i >= 2:
                count += 1
                i = j
                continue
        i += 1
    return count


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("folder", type=Path)
    ap.add_argument("--rows", action="store_true", help="print every regrouped row")
    args = ap.parse_args()
    found = regrouped = docs_found = docs_regrouped = rows = 0
    shapes: Counter[str] = Counter()
    for path in sorted(args.folder.glob("*.txt")):
        try:
            raw = read_raw_text(path)
        except ReadError:
            continue
        candidates = _candidates(raw)
        tables = read_tables(clean_text(raw))
        if not candidates and not tables:
            continue
        found += candidates
        regrouped += len(tables)
        docs_found += bool(candidates)
        docs_regrouped += bool(tables)
        rows += sum(len(t.rows) for t in tables)
        print(f"{path.name}: {candidates} candidate block(s), {len(tables)} regrouped")
        for t in tables:
            shape = " | ".join(t.headings)
            shapes[shape] += 1
            print(f"    [{len(t.rows)} rows] {shape}")
            if args.rows:
                for r in t.rows:
                    print(f"        {r.label:>4}  {r.full_name[:110]}  => {' ; '.join(r.values)}")
    print(f"\n{docs_found} documents with {found} candidate blocks; {docs_regrouped} documents with {regrouped} "
          f"tables regrouped ({rows} rows)")
    for shape, n in shapes.most_common():
        print(f"{n:4d}  {shape}")


if __name__ == "__main__":
    main()
