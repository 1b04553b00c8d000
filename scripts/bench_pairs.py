"""Paired latency comparison of two checkouts on a shared, noisy machine.  Prints, asserts nothing.

``bench_library.py`` measures one checkout once: on a machine shared by several jobs its ask p50 moves by
10-30 % between runs, more than most speed changes.  This script runs the two checkouts alternately (A, B, A,
B …), each run a fresh process over the same index folder that loads and warms the Assistant (as the chat does)
and asks every question of ``bench_library_questions.txt`` once, and reports per run the CPU time of each
question (``time.process_time``: less sensitive to the load than wall time), then the median over the runs of
each checkout.  ``--passes 2`` also asks the questions a second time in the same process: the second pass shows
the work every question does again (the first pass adds reading the clauses it meets for the first time).

Findings it was written for (session 23): cProfile's figures overstate the Python-call-heavy parts (syllable
lines, sentence splits) several times over, so a change it promises 15-20 % for can measure nothing in pairs.

    git archive main | tar -x -C /tmp/before
    .venv/bin/python scripts/bench_pairs.py --before /tmp/before [--after .] [--pairs 5] [--passes 2]

The index (``--index-dir``, default a temporary folder) is built once with the ``--after`` code over the library
and B's bundled directives, which both checkouts read (other folders would make an index refresh); each checkout
first answers the questions once untimed, so tables it keeps beside the index under its own key (word rarities)
are counted before any timed run.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
QUESTIONS = HERE / "bench_library_questions.txt"

_RUN = """
import json, sys, time
from bot.assistant import Assistant
from bot.settings import get_settings
a = Assistant.load(get_settings())
getattr(a, "warm", lambda: None)()
qs = json.loads(sys.stdin.read())
out = []
for _ in range(int(sys.argv[1])):
    cpu = []
    for q in qs:
        t0 = time.process_time()
        a.answer(q)
        cpu.append((time.process_time() - t0) * 1000)
    out.append(cpu)
print(json.dumps(out))
"""


def _questions() -> list[str]:
    lines = QUESTIONS.read_text(encoding="utf-8").splitlines()
    return [q.strip() for q in lines if q.strip() and not q.lstrip().startswith("#")]


def _env(code: Path, corpus: str, index_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(PYTHONPATH=str(code), THIDUA_CORPUS_DIR=corpus, THIDUA_INDEX_DIR=str(index_dir),
               THIDUA_RETRIEVER="bm25", THIDUA_LOG_LEVEL="ERROR", HF_HUB_OFFLINE="1", TOKENIZERS_PARALLELISM="false")
    return env


def _ask(code: Path, env: dict[str, str], passes: int, qs: list[str]) -> list[list[float]]:
    proc = subprocess.run([sys.executable, "-c", _RUN, str(passes)], input=json.dumps(qs), env=env, cwd=code,
                          capture_output=True, text=True, check=False)
    if proc.returncode != 0:
        raise SystemExit(f"{code}: run failed:\n{proc.stderr[-2000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _line(cpu: list[float]) -> str:
    return f"p50 {statistics.median(cpu):5.1f}  p95 {_pct(cpu, 0.95):5.1f}  max {max(cpu):5.1f}  sum {sum(cpu):6.0f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--before", type=Path, required=True, help="checkout A (e.g. git archive main)")
    parser.add_argument("--after", type=Path, default=ROOT, help="checkout B (default: this one)")
    parser.add_argument("--library", type=Path, default=ROOT.parent / "shared" / "library")
    parser.add_argument("--index-dir", type=Path, default=None, help="index folder, reused (default: temporary)")
    parser.add_argument("--pairs", type=int, default=5)
    parser.add_argument("--passes", type=int, default=1, help="question passes per process (2: also steady state)")
    args = parser.parse_args()
    before, after = args.before.resolve(), args.after.resolve()
    work = None
    index_dir = args.index_dir
    if index_dir is None:
        work = Path(tempfile.mkdtemp(prefix="bench-pairs-"))
        index_dir = work / "index"
    qs = _questions()
    try:
        runs: dict[Path, list[list[list[float]]]] = {before: [], after: []}
        # one corpus for both (the library and B's bundled directives): an index opened over other folders is refreshed
        corpus = os.pathsep.join([str(args.library.resolve()), str(after / "corpus" / "data")])
        envs = {code: _env(code, corpus, index_dir.resolve()) for code in runs}
        subprocess.run([sys.executable, "-m", "bot.cli", "index", "--retriever", "bm25", "--no-progress"],
                       env=envs[after], cwd=after, capture_output=True, check=True)
        for code in runs:  # untimed: each checkout's own tables beside the index, counted once
            _ask(code, envs[code], 1, qs)
        for i in range(max(1, args.pairs)):
            for code in (before, after):
                got = _ask(code, envs[code], max(1, args.passes), qs)
                runs[code].append(got)
                name = "A" if code == before else "B"
                print(f"run {i + 1} {name}: " + " | ".join(_line(p) for p in got), flush=True)
    finally:
        if work is not None:
            shutil.rmtree(work, ignore_errors=True)
    print(f"\nCPU ms per question, median over {len(runs[after])} runs of each checkout "
          f"(A {before}, B {after}):")
    for p in range(max(1, args.passes)):
        for code, name in ((before, "A"), (after, "B")):
            per = [r[p] for r in runs[code]]
            med = {k: statistics.median(f(c) for c in per) for k, f in (
                ("p50", statistics.median), ("p95", lambda c: _pct(c, 0.95)), ("max", max), ("sum", sum))}
            print(f"pass {p + 1} {name}: p50 {med['p50']:5.1f}  p95 {med['p95']:5.1f}  max {med['max']:5.1f}  "
                  f"sum {med['sum']:6.0f}")


if __name__ == "__main__":
    main()
