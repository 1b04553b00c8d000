"""Metadata accuracy over a library of gazette texts (../shared/library): numbers, types, provinces, issuers.

Compares what the reader finds in each text with the source's own fields in
``sources.csv`` (number as in the source address, type) where the text itself
states them, checks every province is a real one (or null), and checks issuers
against a hand-checked sample (``tests/corpus/data/issuers.csv``, read from each
file's header by a person).  Source fields found wrong by reading the text are
corrected in ``tests/corpus/data/source_corrections.csv`` with the reason.

    .venv/bin/python scripts/metadata_accuracy.py [LIBRARY_DIR] [--list]

``measure(library_dir)`` is what ``scripts/bench_library.py`` imports.
"""

from __future__ import annotations

import csv
import re
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from corpus import ReadError, read_directive  # noqa: E402
from corpus.text import fold  # noqa: E402

DATA = ROOT / "tests" / "corpus" / "data"
DEFAULT_LIBRARY = ROOT.parent / "shared" / "library"

# sources.csv "type_in_source" -> the document type it means ("Khác" and "" mean nothing).
_SOURCE_TYPES = {
    "Luật": "Luật",
    "Nghị định": "Nghị định",
    "Thông tư": "Thông tư",
    "NQ": "Nghị quyết",
    "QĐ": "Quyết định",
    "Quyết định": "Quyết định",
    "VB HN": "Văn bản hợp nhất",
    "Văn bản hợp nhất": "Văn bản hợp nhất",
}
# Number code in the slug -> type, for rows whose type_in_source says nothing.
_SLUG_CODES = {"ct": "Chỉ thị", "tb": "Thông báo", "qd": "Quyết định", "nd": "Nghị định", "tt": "Thông tư"}


def _alnum(text: str) -> str:
    return re.sub(r"[^a-z0-9]", "", fold(text))


def _stated(slug: str, folded_text: str) -> bool:
    """Whether the text writes the number (any spacing or punctuation between its characters)."""
    chars = _alnum(slug)
    if not chars:
        return False
    pattern = r"(?<![a-z0-9])" + r"[\s./\-–]{0,3}".join(map(re.escape, chars)) + r"(?![a-z0-9])"
    return re.search(pattern, folded_text) is not None


def _expected_type(row: dict[str, str]) -> str | None:
    given = _SOURCE_TYPES.get(row["type_in_source"].strip())
    if given:
        return given
    parts = row["slug_number"].split("-")
    code = next((p for p in parts if p in _SLUG_CODES), None)
    return _SLUG_CODES.get(code) if code else None


def _read_csv(path: Path) -> list[dict[str, str]]:
    if not path.is_file():
        return []
    with path.open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def measure(library_dir: Path, *, details: bool = False) -> dict:
    """Read every file listed in ``library_dir/sources.csv`` and score its metadata."""
    from corpus.lexicon import load_lexicon

    lexicon = load_lexicon()
    library_dir = Path(library_dir)
    rows = _read_csv(library_dir / "sources.csv")
    corrections = {(r["file"], r["field"]): r["value"] for r in _read_csv(DATA / "source_corrections.csv")}
    issuers = {r["file"]: (r["issuer"] or None) for r in _read_csv(DATA / "issuers.csv")}
    numbers_ok = numbers_stated = types_ok = types_checked = 0
    provinces_ok = issuers_ok = issuers_checked = 0
    skipped: list[str] = []
    wrong: dict[str, list[str]] = {"number": [], "doc_type": [], "province": [], "issuer": []}
    started = time.perf_counter()
    for row in rows:
        name = row["file"]
        path = library_dir / name
        try:
            d = read_directive(path)
        except ReadError as err:
            skipped.append(f"{name}: {err.detail}")
            d = None
        text = fold(path.read_text(encoding="utf-8", errors="replace")) if path.is_file() else ""
        slug = corrections.get((name, "number"), row["slug_number"])
        stated = bool(slug) and _stated(slug, text)
        number = d.number if d else None
        if stated:
            numbers_stated += 1
            if number and _alnum(number) == _alnum(slug):
                numbers_ok += 1
            else:
                wrong["number"].append(f"{name}: got {number!r}, expected {slug}")
        want_type = corrections.get((name, "doc_type")) or _expected_type(row)
        if want_type and stated:
            types_checked += 1
            if d and d.doc_type == want_type:
                types_ok += 1
            else:
                wrong["doc_type"].append(f"{name}: got {d.doc_type if d else None!r}, expected {want_type}")
        province = d.province if d else None
        national = d is not None and d.issuer is not None and not re.match(r"^(?:UBND|HĐND|Sở)\b", d.issuer)
        if province is None or (lexicon.province(province) == province and not national):
            provinces_ok += 1
        else:
            wrong["province"].append(f"{name}: {province!r} (issuer {d.issuer if d else None!r})")
        if name in issuers:
            issuers_checked += 1
            got = d.issuer if d else None
            if got == issuers[name]:
                issuers_ok += 1
            else:
                wrong["issuer"].append(f"{name}: got {got!r}, expected {issuers[name]!r}")
    seconds = time.perf_counter() - started

    def ratio(a: int, b: int) -> float:
        return round(a / b, 4) if b else 0.0

    out = {
        "documents": len(rows),
        "skipped": len(skipped),
        "numbers_right": numbers_ok,
        "numbers_stated": numbers_stated,
        "number_accuracy": ratio(numbers_ok, numbers_stated),
        "doc_types_right": types_ok,
        "doc_types_checked": types_checked,
        "doc_type_accuracy": ratio(types_ok, types_checked),
        "provinces_valid": provinces_ok,
        "province_validity": ratio(provinces_ok, len(rows)),
        "issuers_right": issuers_ok,
        "issuers_checked": issuers_checked,
        "issuer_accuracy": ratio(issuers_ok, issuers_checked),
        "seconds": round(seconds, 1),
    }
    if details:
        out["wrong"] = wrong
        out["skipped_files"] = skipped
    return out


def main(argv: list[str] | None = None) -> int:
    args = list(sys.argv[1:] if argv is None else argv)
    show = "--list" in args
    args = [a for a in args if a != "--list"]
    library = Path(args[0]) if args else DEFAULT_LIBRARY
    if not (library / "sources.csv").is_file():
        print(f"không thấy {library}/sources.csv")
        return 2
    r = measure(library, details=True)
    print(f"library: {library} ({r['documents']} documents, {r['skipped']} skipped as unreadable)")
    print(f"numbers right:   {r['numbers_right']}/{r['numbers_stated']} = {r['number_accuracy']:.1%} (text states the number)")
    print(f"doc_type right:  {r['doc_types_right']}/{r['doc_types_checked']} = {r['doc_type_accuracy']:.1%}")
    print(f"provinces valid: {r['provinces_valid']}/{r['documents']} = {r['province_validity']:.1%} (null or a real province, provincial issuer)")
    print(f"issuers right:   {r['issuers_right']}/{r['issuers_checked']} = {r['issuer_accuracy']:.1%} (hand-checked sample)")
    print(f"time: {r['seconds']} s")
    if show:
        for field, items in r["wrong"].items():
            for item in items:
                print(f"  wrong {field}: {item}")
        for item in r["skipped_files"]:
            print(f"  skipped: {item}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
