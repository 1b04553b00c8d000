"""Load test of a running `thidua chat`: N simultaneous sessions each asking Q questions.

Speaks Chainlit's own socket.io protocol (what the browser does): connect
with a session id, ``connection_successful`` (runs on_chat_start), then
per question ``client_message`` and wait for the assistant's message and
the ``task_end`` that follows it.  Prints p50/p95 time to the full answer
and whether the targets hold: 100 sessions x 3 questions p95 <= 2 s, and no
failure at 200 sessions.  Loopback only (it is a load generator), at most
500 sessions.  Figures on a shared machine are noisy; the chat reuses
answers to repeated questions, so the first run after a start is the cold one.

    thidua chat --port 8000 &          # in another terminal
    .venv/bin/python scripts/load_chat.py --url http://127.0.0.1:8000 --sessions 100 --questions 3
"""

from __future__ import annotations

import argparse
import asyncio
import statistics
import sys
import time
import uuid
from dataclasses import dataclass, field
from datetime import UTC, datetime
from urllib.parse import urlparse

import socketio

QUESTIONS = (
    "Chỉ tiêu tỷ lệ hộ nghèo năm 2024 của Sơn La là bao nhiêu?",
    "Cơ quan nào tổng hợp báo cáo kết quả thi đua năm 2024?",
    "Tỷ lệ hộ nghèo của Sơn La qua các năm 2022, 2023, 2024?",
    "Chi thi thi dua cua Lai Chau nam 2023 do ai ky?",  # unaccented on purpose
    "Tỷ lệ lao động qua đào tạo năm 2024 của Sơn La?",
    "Sở Nội vụ có nhiệm vụ gì trong chỉ thị của Hà Nam năm 2023?",
)


@dataclass
class _Session:
    latencies: list[float] = field(default_factory=list)
    failures: list[str] = field(default_factory=list)


async def _run_session(url: str, n_questions: int, offset: int, timeout: float) -> _Session:
    result = _Session()
    sio = socketio.AsyncClient(reconnection=False)
    answer_text: list[str] = []
    done = asyncio.Event()
    started = asyncio.Event()

    @sio.on("new_message")
    async def _new_message(step: dict) -> None:
        if step.get("type") == "assistant_message":
            answer_text.append(step.get("output") or "")

    @sio.on("task_end")
    async def _task_end(_data=None) -> None:
        if answer_text:
            done.set()

    @sio.on("chat_settings")
    async def _chat_settings(_data=None) -> None:
        started.set()

    session_id = str(uuid.uuid4())
    try:
        await sio.connect(url, socketio_path="/ws/socket.io", transports=["websocket"],
                          auth={"clientType": "webapp", "sessionId": session_id, "threadId": None,
                                "userEnv": "{}", "chatProfile": None}, wait_timeout=timeout)
        await sio.emit("connection_successful")
        await asyncio.wait_for(started.wait(), timeout)
        for i in range(n_questions):
            question = QUESTIONS[(offset + i) % len(QUESTIONS)]
            answer_text.clear()
            done.clear()
            payload = {"message": {"id": str(uuid.uuid4()), "threadId": "", "name": "User",
                                   "type": "user_message", "output": question,
                                   "createdAt": datetime.now(UTC).isoformat()},
                       "fileReferences": None}
            t0 = time.perf_counter()
            await sio.emit("client_message", payload)
            try:
                await asyncio.wait_for(done.wait(), timeout)
            except TimeoutError:
                result.failures.append(f"timeout: {question}")
                continue
            text = answer_text[-1]
            if "Nguồn" in text or "Không tìm thấy" in text or "Gợi ý" in text:
                result.latencies.append(time.perf_counter() - t0)
            else:
                result.failures.append(f"no source/abstention in answer to {question!r}: {text[:80]!r}")
    except Exception as exc:  # report, don't crash the whole run
        result.failures.append(f"session error: {exc!r}")
    finally:
        if sio.connected:
            await sio.disconnect()
    return result


TARGET_P95_S = 2.0
MAX_SESSIONS = 500


def _pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, round(p / 100 * len(ordered)) - 1))]


async def _main(args: argparse.Namespace) -> int:
    t0 = time.perf_counter()
    sessions = await asyncio.gather(*(_run_session(args.url, args.questions, i, args.timeout)
                                      for i in range(args.sessions)))
    wall = time.perf_counter() - t0
    lat = [x for s in sessions for x in s.latencies]
    failures = [f for s in sessions for f in s.failures]
    total = args.sessions * args.questions
    print(f"{args.sessions} sessions x {args.questions} questions against {args.url}")
    print(f"answered with sources/abstention: {len(lat)}/{total}   failures: {len(failures)}   wall: {wall:.1f} s")
    if lat:
        print(f"time to full answer: p50 {statistics.median(lat) * 1000:.0f} ms   p95 {_pct(lat, 95) * 1000:.0f} ms   "
              f"max {max(lat) * 1000:.0f} ms   throughput {len(lat) / wall:.1f} answers/s")
        verdict = "met" if _pct(lat, 95) <= TARGET_P95_S else "NOT met"
        print(f"target p95 <= {TARGET_P95_S:.0f} s: {verdict}")
    for f in failures[:10]:
        print("  -", f)
    return 0 if len(lat) == total else 1


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--url", default="http://127.0.0.1:8000")
    ap.add_argument("--sessions", type=int, default=100)
    ap.add_argument("--questions", type=int, default=3)
    ap.add_argument("--timeout", type=float, default=120.0, help="seconds to wait for one answer")
    args = ap.parse_args()
    host = urlparse(args.url).hostname or ""
    if host not in ("127.0.0.1", "localhost", "::1"):
        ap.error(f"loopback only (127.0.0.1/localhost), not {host!r}: this script generates load")
    if not 1 <= args.sessions <= MAX_SESSIONS or not 1 <= args.questions <= 20:
        ap.error(f"--sessions must be 1..{MAX_SESSIONS} and --questions 1..20")
    sys.exit(asyncio.run(_main(args)))


if __name__ == "__main__":
    main()
