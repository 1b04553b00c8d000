"""Reading must be linear in the size of the file: time ``clean_text`` and the whole parse on big inputs.

    .venv/bin/python scripts/bench_normalize.py [--mb 20]

Prints one line per input: size, seconds for ``clean_text``, for ``parse_directive``
(metadata and clause tree too) and for ``read_directive`` on the same text saved
as a file (what ``thidua docs`` pays: files that are not documents, such as
one-letter lines, are refused there before any parsing).  Target: a 20 MB file
in ≤ 10 s on the 2-core machine.  Figures are noisy on a shared machine.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import tempfile  # noqa: E402

from corpus import ReadError, clean_text, parse_directive, read_directive  # noqa: E402

SEED = ROOT / "corpus" / "data" / "son-la-2024.txt"


def _inputs(mb: float) -> list[tuple[str, str]]:
    size = int(mb * 1024 * 1024)
    phrase = "thi đua yêu nước\n"
    seed = SEED.read_text(encoding="utf-8")
    return [
        ('"thi đua yêu nước\\n" * 200000', phrase * 200000),
        (f"one-letter lines, {mb:g} MB", "a\n" * (size // 2)),
        (f"short wrapped lines, {mb:g} MB", (phrase * (size // len(phrase.encode())))),
        (f"a real directive repeated, {mb:g} MB", seed * max(1, size // len(seed.encode()))),
    ]


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=20.0, help="size of the big inputs (default 20)")
    ap.add_argument("--no-parse", action="store_true", help="time clean_text and reading only")
    args = ap.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        for k, (name, text) in enumerate(_inputs(args.mb)):
            path = Path(tmp) / f"bench{k}.txt"
            path.write_text(text, encoding="utf-8")
            t0 = time.perf_counter()
            try:
                read_directive(path, max_file_mb=args.mb + 1)
                outcome = "read"
            except ReadError as err:
                outcome = f"refused: {err.detail.split(': ', 1)[-1]}"
            t1 = time.perf_counter()
            line = f"{name:<40} {len(text.encode()) / 2**20:6.1f} MB  read_directive {t1 - t0:6.2f} s ({outcome})"
            t1 = time.perf_counter()
            clean_text(text)
            t2 = time.perf_counter()
            line += f"  clean_text {t2 - t1:6.2f} s"
            if not args.no_parse:
                parse_directive(text, doc_id="bench", source="bench.txt")
                line += f"  parse {time.perf_counter() - t2:6.2f} s"
            print(line, flush=True)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
