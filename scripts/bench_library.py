"""Library benchmark: build, start-up and question latency over a real office library.  Prints, asserts nothing.

Corpus: ``../shared/library`` (the gazette texts; ``pdf/`` is a sub-folder and is not read) plus the
five bundled directives (``corpus/data``), as two corpus folders (``THIDUA_CORPUS_DIR`` with
``os.pathsep``).  Code that reads only one folder gets one merged copy instead (said in the output).

Every figure comes from a child process running the code under ``--code`` (default: this checkout), so
the same script measures another revision (``git archive main | tar -x -C /tmp/before`` then
``--code /tmp/before``):

- build: ``thidua index --retriever bm25 --rebuild`` wall and CPU time and the child's peak RSS
  (with parallel parsing: the largest process's peak, worker processes included);
- start with a built index: wall time of ``thidua docs``, of ``thidua ask`` for one question (the
  first run after a build is shown apart: revisions before 60939ef count word rarities there, later
  ones in the build), and of a process that creates the chat's Assistant until it is ready (``Assistant.load`` and
  ``warm``, as the chat does);
  each start is run ``--repeat`` times (default 3) and the median is shown, with every run's wall time;
- ask: p50/p95/max over the questions in ``bench_library_questions.txt`` (Assistant loaded and warmed
  once, as in the chat; each question asked once);
- metadata accuracy: ``measure(library_dir)`` from ``scripts/metadata_accuracy.py`` when present.

Targets (issue 10): build <= 60 s and <= 1.5 GB; each start <= 3 s.  The machine is shared and
noisy: figures vary by 10-30 % between runs.

    .venv/bin/python scripts/bench_library.py [--library ../shared/library] [--code DIR] [--keep] [--repeat N]
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
import time
from dataclasses import dataclass
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parent
QUESTIONS = HERE / "bench_library_questions.txt"
TARGETS = {"build_s": 60.0, "rss_mb": 1536.0, "start_s": 3.0}


def _questions() -> list[str]:
    lines = QUESTIONS.read_text(encoding="utf-8").splitlines()
    return [q.strip() for q in lines if q.strip() and not q.lstrip().startswith("#")]


def _env(code: Path, corpus: str, index_dir: Path) -> dict[str, str]:
    env = dict(os.environ)
    env.update(
        PYTHONPATH=str(code),
        THIDUA_CORPUS_DIR=corpus,
        THIDUA_INDEX_DIR=str(index_dir),
        THIDUA_RETRIEVER="bm25",
        THIDUA_LOG_LEVEL="ERROR",
        HF_HUB_OFFLINE="1",
        TOKENIZERS_PARALLELISM="false",
    )
    return env


@dataclass(frozen=True)
class _Ran:
    wall: float  # seconds
    cpu: float  # user + system seconds of the child and its own children (less sensitive to a busy machine)
    rss_mb: float  # peak resident memory of the child (or of its largest child process)
    out: str


def _run(args: list[str], env: dict[str, str], cwd: Path, stdin: str | None = None) -> _Ran:
    """Run a child; wait4 gives its own CPU time and peak RSS.  Raises with its stderr on failure."""
    t0 = time.perf_counter()
    with tempfile.TemporaryFile("w+") as inp, tempfile.TemporaryFile("w+") as out, \
            tempfile.TemporaryFile("w+") as err:
        inp.write(stdin or "")
        inp.seek(0)
        proc = subprocess.Popen(args, env=env, cwd=cwd, stdin=inp, stdout=out, stderr=err, text=True)
        _, status, usage = os.wait4(proc.pid, 0)
        proc.returncode = os.waitstatus_to_exitcode(status)
        seconds = time.perf_counter() - t0
        out.seek(0)
        err.seek(0)
        if proc.returncode != 0:
            raise RuntimeError(f"{' '.join(args[:4])}… failed ({proc.returncode}):\n{err.read()[-2000:]}")
        return _Ran(seconds, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, out.read())


_ASSISTANT_READY = """
import sys, time
t0 = time.perf_counter()
from bot.assistant import Assistant
from bot.settings import get_settings
a = Assistant.load(get_settings())
getattr(a, "warm", lambda: None)()  # as the chat does before it says it is ready
print(len(a.corpus), time.perf_counter() - t0)
"""

_ASK_LOOP = """
import json, sys, time
from bot.assistant import Assistant
from bot.settings import get_settings
a = Assistant.load(get_settings())
getattr(a, "warm", lambda: None)()  # as the chat does before it says it is ready
qs = json.loads(sys.stdin.read())
times = []
abstained = 0
for q in qs:
    t0 = time.perf_counter()
    ans = a.answer(q)
    times.append(time.perf_counter() - t0)
    abstained += bool(ans.abstained)
print(json.dumps({"times": times, "abstained": abstained}))
"""

_METADATA = """
import json, sys
sys.path.insert(0, sys.argv[1])
try:
    from metadata_accuracy import measure
except ImportError as exc:
    print(json.dumps({"missing": str(exc)}))
    raise SystemExit(0)
print(json.dumps(measure(__import__("pathlib").Path(sys.argv[2])), ensure_ascii=False, default=str))
"""


def _corpus_arg(code: Path, library: Path, seeds: Path, work: Path) -> tuple[str, str]:
    """The THIDUA_CORPUS_DIR value and how it was laid out."""
    loader = (code / "corpus" / "loader.py").read_text(encoding="utf-8")
    if "corpus_dirs" in loader:  # this revision reads several folders
        return os.pathsep.join([str(library), str(seeds)]), "two folders (THIDUA_CORPUS_DIR a:b)"
    merged = work / "corpus"
    merged.mkdir()
    for folder in (library, seeds):
        for p in folder.iterdir():
            if p.is_file():
                shutil.copy2(p, merged / p.name)
    return str(merged), "one merged copy (this revision reads one folder)"


def _starts(label: str, args: list[str], env: dict[str, str], cwd: Path, repeat: int) -> tuple[str, str, str]:
    """One row: the median wall and CPU time of ``repeat`` cold starts (the machine is shared and noisy)."""
    runs = [_run(args, env, cwd) for _ in range(repeat)]
    wall = statistics.median(r.wall for r in runs)
    cpu = statistics.median(r.cpu for r in runs)
    each = ", ".join(f"{r.wall:.2f}" for r in runs)
    note = f"<= {TARGETS['start_s']:.0f} s" + (f"; median of {repeat}: {each}" if repeat > 1 else "")
    return label, f"{wall:.2f} s (cpu {cpu:.2f} s)", note


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--library", type=Path, default=ROOT.parent / "shared" / "library")
    parser.add_argument("--code", type=Path, default=ROOT, help="checkout whose code is measured")
    parser.add_argument("--keep", action="store_true", help="keep the temporary index folder")
    parser.add_argument("--repeat", type=int, default=3, help="cold starts per start figure (median shown)")
    args = parser.parse_args()
    code = args.code.resolve()
    library = args.library.resolve()
    seeds = code / "corpus" / "data"
    if not library.is_dir():
        sys.exit(f"library folder not found: {library} (use --library)")
    py = sys.executable
    work = Path(tempfile.mkdtemp(prefix="bench-library-"))
    rows: list[tuple[str, str, str]] = []
    try:
        corpus, layout = _corpus_arg(code, library, seeds, work)
        env = _env(code, corpus, work / "index")
        print(f"code: {code}\ncorpus: {layout}\nindex: {work / 'index'}\n", flush=True)

        build = _run([py, "-m", "bot.cli", "index", "--retriever", "bm25", "--rebuild", "--no-progress"], env, work)
        lines = build.out.splitlines()
        docs = next((ln.split(":", 1)[1].strip() for ln in lines if "Văn bản:" in ln), "?")
        chunks = next((ln.split(":", 1)[1].strip() for ln in lines if "Đoạn" in ln), "?")
        rows.append(("build (bm25, --rebuild)", f"{build.wall:.1f} s (cpu {build.cpu:.1f} s)",
                     f"<= {TARGETS['build_s']:.0f} s"))
        rows.append(("build peak RSS", f"{build.rss_mb:.0f} MB", f"<= {TARGETS['rss_mb']:.0f} MB"))
        rows.append(("documents / chunks", f"{docs} / {chunks.split(' ')[0]}", ""))

        repeat = max(1, args.repeat)
        rows.append(_starts("start: thidua docs", [py, "-m", "bot.cli", "docs"], env, work, repeat))
        first = _run([py, "-m", "bot.cli", "ask", _questions()[13]], env, work)
        rows.append(("first thidua ask after a build", f"{first.wall:.2f} s (cpu {first.cpu:.2f} s)",
                     "older revisions count word rarities here; now the build does"))
        rows.append(_starts("start: thidua ask (1 question)", [py, "-m", "bot.cli", "ask", _questions()[13]], env,
                            work, repeat))
        rows.append(_starts("start: chat Assistant ready", [py, "-c", _ASSISTANT_READY], env, work, repeat))

        qs = _questions()
        run = _run([py, "-c", _ASK_LOOP], env, work, stdin=json.dumps(qs))
        data = json.loads(run.out.strip().splitlines()[-1])
        ms = [t * 1000 for t in data["times"]]
        rows.append((f"ask p50 / p95 / max ({len(qs)} q.)",
                     f"{statistics.median(ms):.0f} / {_pct(ms, 0.95):.0f} / {max(ms):.0f} ms",
                     f"first {ms[0]:.0f} ms; abstained {data['abstained']}"))
        # metadata: the measuring script of the revision under test, over the library alone
        proc = subprocess.run([py, "-c", _METADATA, str(code / "scripts"), str(library)], env=env, cwd=work,
                              capture_output=True, text=True, check=False)
        meta = proc.stdout.strip().splitlines()[-1] if proc.stdout.strip() else proc.stderr.strip()[-300:]
        try:
            parsed = json.loads(meta)
        except ValueError:
            parsed = {"error": meta}
        if "missing" in parsed:
            rows.append(("metadata accuracy", "scripts/metadata_accuracy.py missing", ""))
        else:
            rows.append(("metadata accuracy", json.dumps(parsed, ensure_ascii=False)[:200], ""))
    finally:
        if args.keep:
            print(f"kept {work}")
        else:
            shutil.rmtree(work, ignore_errors=True)
    width = max(len(r[0]) for r in rows)
    vwidth = max(len(r[1]) for r in rows)
    print(f"{'measure'.ljust(width)}  {'value'.ljust(vwidth)}  target/note")
    for name, value, note in rows:
        print(f"{name.ljust(width)}  {value.ljust(vwidth)}  {note}")


if __name__ == "__main__":
    main()
