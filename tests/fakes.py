"""Shared fakes for tests (one module, extended by whoever needs a fake)."""

from __future__ import annotations

import contextlib
import hashlib
import logging
import os
import shutil
import socket
import subprocess
import sys
import time
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from bot.models import Answer, Choice, Citation
from bot.settings import Settings
from corpus.models import Clause, Corpus, Directive
from index.encoders import Encoder
from index.models import Chunk, Hit

__all__ = [
    "APPENDIX_12",
    "FUSION_CASES",
    "ITEM_10",
    "SHARED_LIBRARY",
    "ChatServer",
    "FakeAssistant",
    "FakeChatAssistant",
    "FakeEncoder",
    "FakeIndex",
    "Reply",
    "ask_in_turn",
    "assistant_over",
    "chat_cite",
    "chat_corpus",
    "chat_env",
    "free_port",
    "lexicon_with",
    "load_fake_chat",
    "ranked_case",
    "running_chat",
    "tiny_corpus",
]

_ROOT = Path(__file__).resolve().parents[1]
SHARED_LIBRARY = _ROOT.parent / "shared" / "library"  # the gazette texts, next to the checkout (not in it)


def assistant_over(tmp_path_factory, files: Mapping[str, str] = {}, texts: Mapping[str, str] = {}):
    """A bm25 Assistant over library files copied under neutral names (``files``: neutral name -> file of
    ../shared/library), documents written here (``texts``) and the five bundled directives.  Metadata must
    come from the text, so no test may see a library file's own name.  Skips when the library is absent."""
    from bot import Assistant, get_settings

    if not all((SHARED_LIBRARY / name).is_file() for name in files.values()):
        import pytest

        pytest.skip("the shared library is not next to this checkout")
    corpus = tmp_path_factory.mktemp("corpus")
    for neutral, name in files.items():
        shutil.copy(SHARED_LIBRARY / name, corpus / neutral)
    for neutral, text in texts.items():
        (corpus / neutral).write_text(text, encoding="utf-8")
    for p in sorted((_ROOT / "corpus" / "data").glob("*.txt")):
        shutil.copy(p, corpus / p.name)
    settings = get_settings(corpus_dir=corpus, index_dir=tmp_path_factory.mktemp("index"), retriever="bm25")
    return Assistant.load(settings)


def lexicon_with(tmp_path: Path, topic: str, *rows: str):
    """The project's lexicon copied under ``tmp_path`` with ``rows`` added to ``topic``.txt (a domain word a
    test adds, to show that the data file, not the code, decides what is matched)."""
    from corpus.lexicon import LEXICON_DIR, load_lexicon

    folder = tmp_path / "lexicon"
    if not folder.exists():
        shutil.copytree(LEXICON_DIR, folder, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    with (folder / f"{topic}.txt").open("a", encoding="utf-8") as f:
        f.write("".join(f"{row}\n" for row in rows))
    return load_lexicon(folder)


def ask_in_turn(bot, *questions: str) -> list:
    """Ask ``questions`` as one conversation (each a follow-up of the previous answer); all the answers."""
    prev, out = None, []
    for q in questions:
        prev = bot.answer(q, previous=prev)
        out.append(prev)
    return out


THIDUA = Path(sys.executable).with_name("thidua")


@dataclass(frozen=True)
class ChatServer:
    """A `thidua chat` process listening on 127.0.0.1: its address, feedback database and log."""

    url: str
    db: Path
    log: Path
    users: Path | None = None


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def chat_env(tmp: Path, **extra: str) -> dict[str, str]:
    """The environment of a test chat: offline, bm25, index and feedback under ``tmp``, no THIDUA_/CHAINLIT_
    variable of the developer's shell leaking in."""
    env = {k: v for k, v in os.environ.items() if not k.startswith(("THIDUA_", "CHAINLIT_"))}
    env.update(THIDUA_INDEX_DIR=str(tmp / "index"), THIDUA_RETRIEVER="bm25", THIDUA_FEEDBACK_DB=str(tmp / "feedback.db"),
               HF_HUB_OFFLINE="1", TRANSFORMERS_OFFLINE="1", PYTHONPATH=str(_ROOT))
    env.update(extra)
    return env


@contextlib.contextmanager
def running_chat(tmp: Path, *, timeout_s: float = 300, cwd: Path | None = None, users: Path | None = None,
                 **extra: str) -> Iterator[ChatServer]:
    """Start `thidua chat` on a free local port and wait (bounded) until it listens; always stopped after.

    A server that exits or never listens fails the test with the end of its log."""
    import pytest

    port = free_port()
    log = tmp / "server.log"
    with log.open("wb") as out:
        proc = subprocess.Popen([str(THIDUA), "chat", "--port", str(port)], env=chat_env(tmp, **extra), stdout=out,
                                stderr=subprocess.STDOUT, start_new_session=True, cwd=cwd)
    try:
        deadline = time.monotonic() + timeout_s
        while True:
            if proc.poll() is not None:
                pytest.fail(f"`thidua chat` exited with {proc.returncode}:\n{log.read_text(errors='replace')[-4000:]}")
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.5):
                    break
            except OSError:
                if time.monotonic() > deadline:
                    pytest.fail(f"`thidua chat` did not open port {port} in {timeout_s:.0f} s:\n"
                                f"{log.read_text(errors='replace')[-4000:]}")
                time.sleep(0.3)
        yield ChatServer(f"http://127.0.0.1:{port}", tmp / "feedback.db", log, users)
    finally:
        proc.terminate()  # `thidua chat` stops its Chainlit child on SIGTERM
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, 9)
            proc.wait()


class FakeEncoder(Encoder):
    """Deterministic bag-of-words vectors (dimension 64): texts sharing words are close.

    ``fail_after`` raises KeyboardInterrupt on that many-th call, like a user pressing Ctrl-C mid-build.
    """

    backend = "fake"

    def __init__(self, model_id: str = "fake/encoder", *, batch_size: int = 4, fail_after: int | None = None):
        super().__init__(model_id, batch_size=batch_size)
        self.fail_after = fail_after
        self.calls: list[list[str]] = []

    def _embed(self, texts: list[str], *, query: bool) -> np.ndarray:
        if not query:
            if self.fail_after is not None and len(self.calls) >= self.fail_after:
                raise KeyboardInterrupt
            self.calls.append(list(texts))
        out = np.zeros((len(texts), 64), dtype="float32")
        for row, text in enumerate(texts):
            for word in text.lower().split():
                out[row, int(hashlib.md5(word.encode("utf-8")).hexdigest(), 16) % 64] += 1.0
        out[:, 0] += 1e-3  # never a zero vector
        return out

    @property
    def embedded(self) -> int:
        return sum(len(c) for c in self.calls)


# ----------------------------------------------------------------- fusion: hand-made rankings of one document

#: BM25 (score) and the model (cosine) for one question, best first in neither order: ``ranked_case`` sorts them
#: and adds the crowd of clauses the question does not concern (e5 cosines of one document lie ~0.02 apart).
#: "g" is the gold clause of each case.
FUSION_CASES: dict[str, dict[str, dict[str, float]]] = {
    # "Which movements concern Covid-19 and digital change for pupils?": BM25's scores are flat (its words are all
    # over the document), the model's too; both rank the clause that names the movements mid-list.
    "both_unsure": {
        "bm25": {"sig": 6.9, "a": 5.95, "b": 5.47, "c": 5.26, "md": 5.06, "g": 4.84, "a2": 4.72, "one": 4.07},
        "dense": {"a": 0.908, "b": 0.883, "md": 0.882, "g": 0.881, "a2": 0.8805, "c": 0.876, "sig": 0.843},
    },
    # "What must departments plan for?": BM25 finds the question's rare words in one clause, 39% ahead of the
    # next; the model prefers another clause that stands out of the crowd (it speaks of departments too).
    "bm25_clear_lead": {
        "bm25": {"g": 13.97, "x": 8.56, "c": 6.18, "md": 5.1, "one": 4.27, "a": 3.6},
        "dense": {"x": 0.856, "a": 0.840, "a2": 0.838, "g": 0.833, "md": 0.831},
    },
    # "How long after the exam results does the customs director issue the certificate?" inside one circular:
    # BM25 ranks the clause second, 26% behind the clause on the exam itself; the model's cosines of the
    # circular's clauses crowd within 0.02 and it puts the clause below several that share only its theme.
    "one_document_crowd": {
        "bm25": {"t": 29.6, "g": 22.0, "d42": 17.5, "m12": 16.8, "d41": 15.9, "k47": 13.7, "r1": 12.0, "r2": 11.0},
        "dense": {"t": 0.886, "k47": 0.867, "d41": 0.867, "m12": 0.864, "d42": 0.863, "r1": 0.861, "r2": 0.860,
                  "g": 0.845},
    },
    # "Until which day are the fees waived under the circular?": BM25's scores are flat over the clauses naming
    # the fees and ranks the clause on the waiver's end seventh; the model ranks it second, 0.001 behind its best.
    "model_second": {
        "bm25": {"d23": 20.0, "d12": 19.2, "d11": 18.8, "d14": 17.2, "d13": 15.4, "d24": 13.6, "g": 7.8, "md": 7.4},
        "dense": {"d14": 0.906, "g": 0.905, "d12": 0.902, "d23": 0.898, "d22": 0.895, "d11": 0.895, "d13": 0.894,
                  "md": 0.883},
    },
}


def ranked_case(name: str, crowd: int = 40) -> dict[str, list[tuple[str, float]]]:
    """One of ``FUSION_CASES`` as ``index.fusion.fuse`` takes it: each retriever's list best first, with
    ``crowd`` unconcerned clauses below BM25's hits and among the model's lower cosines."""
    case = FUSION_CASES[name]
    low = min(case["dense"].values()) - 0.02
    bm25 = sorted(case["bm25"].items(), key=lambda kv: -kv[1])
    bm25 += [(f"z{i}", 3.0 - 0.05 * i) for i in range(crowd)]
    dense = [*case["dense"].items(), *((f"z{i}", low + 0.0007 * (i % 20)) for i in range(crowd))]
    return {"bm25": bm25, "dense": sorted(dense, key=lambda kv: -kv[1])}


# ----------------------------------------------------------------- eval: a hand-made corpus and assistant

def _clause(doc_id: str, path: tuple[str, ...], label: str, text: str) -> Clause:
    parent = f"{doc_id}:{'.'.join(path[:-1])}" if len(path) > 1 else None
    return Clause(id=f"{doc_id}:{'.'.join(path)}", doc_id=doc_id, label=label, kind="item", path=path,
                  heading=(), text=text, start=0, end=len(text), parent=parent)


def _directive(doc_id: str, province: str, year: int, clauses: list[Clause]) -> Directive:
    return Directive(doc_id=doc_id, source=f"{doc_id}.txt", doc_type="Chỉ thị", number="01/CT-UBND",
                     date=f"{year}-01-03", issuer=f"UBND tỉnh {province}", province=province, year=year,
                     title=f"Phát động phong trào thi đua năm {year}", signer="Hoàng Quốc Khánh",
                     text="\n".join(c.text for c in clauses), clauses=tuple(clauses))


def tiny_corpus() -> Corpus:
    """Two small directives: Sơn La 2024 (items, a bullet, an appendix item) and Lai Châu 2023."""
    sl = "son-la-2024"
    lc = "lai-chau-2023"
    return Corpus(directives=(
        _directive(sl, "Sơn La", 2024, [
            _clause(sl, ("3",), "mục 3", "3. Phấn đấu hoàn thành các chỉ tiêu: - Tăng cường xây dựng Đảng."),
            _clause(sl, ("3", "g2"), "mục 3, gạch đầu dòng 2", "- Tập trung triển khai cao tốc Hòa Bình - Sơn La."),
            _clause(sl, ("10",), "mục 10", "10. Giao Sở Nội vụ chủ trì theo dõi, đôn đốc việc thực hiện Chỉ thị."),
            _clause(sl, ("PL", "1"), "Phụ lục, mục 1", "1. Tốc độ tăng trưởng kinh tế 7,5%."),
            _clause(sl, ("PL", "12"), "Phụ lục, mục 12", "12. Tỷ lệ hộ nghèo theo chuẩn nghèo là 11,41%."),
        ]),
        _directive(lc, "Lai Châu", 2023, [
            _clause(lc, ("6", "e"), "mục 6, điểm e", "e) Giao Sở Nội vụ tổ chức triển khai và theo dõi Chỉ thị."),
        ]),
    ))


def citation(corpus: Corpus, clause_id: str, *, with_id: bool = True) -> Citation:
    doc_id = clause_id.split(":")[0]
    d = corpus.get(doc_id)
    c = next(c for c in d.clauses if c.id == clause_id)
    return Citation(doc_id=doc_id, doc_type=d.doc_type, title=d.title, issuer=d.issuer, province=d.province,
                    year=d.year, number=d.number, date=d.date, clause=c.label, text=c.text, score=1.0,
                    clause_id=clause_id if with_id else "")


def hit(clause_id: str, rank: int) -> Hit:
    doc_id = clause_id.split(":")[0]
    chunk = Chunk(id=f"{clause_id}#0", doc_id=doc_id, clause_id=clause_id, label=clause_id, text="", embed_text="",
                  start=0, end=0)
    return Hit(chunk=chunk, score=1.0 / rank, rank=rank)


@dataclass
class Reply:
    """What the fake returns for one question."""

    answer: str
    cited: tuple[str, ...] = ()
    ranked: tuple[str, ...] = ()
    abstained: bool = False
    latency_ms: float = 10.0


@dataclass
class FakeIndex:
    notice: str | None = None


@dataclass
class FakeAssistant:
    """Implements only answer(), search() and index.notice (plus corpus for the CLI)."""

    corpus: Corpus
    replies: dict[str, Reply]
    index: FakeIndex = field(default_factory=FakeIndex)
    falls_back: tuple[str, ...] = ()  # retrievers that silently run as bm25 (model not loadable)
    broken: tuple[str, ...] = ()  # retrievers that raise
    calls: list[tuple[str, str]] = field(default_factory=list)
    crashes: tuple[str, ...] = ()  # questions whose answering raises (a bug)
    swallows: tuple[str, ...] = ()  # questions whose bug is logged and turned into an abstention (a catch-all)
    previous_seen: list[tuple[str, str | None]] = field(default_factory=list)

    def search(self, question, *, k=10, retriever=None, filters=None):
        if retriever in self.broken:
            raise RuntimeError("FAISS index is corrupt")
        return [hit(cid, i) for i, cid in enumerate(self.replies[question].ranked[:k], start=1)]

    def answer(self, question, *, filters=None, retriever=None, top_k=None, previous=None):
        self.calls.append((retriever, question))
        self.previous_seen.append((question, previous.question if previous is not None else None))
        if question in self.crashes:
            raise KeyError("clause")
        if question in self.swallows:
            logging.getLogger("bot.assistant").error("answering failed for %r", question)
            return Answer(question=question, answer="Đã có lỗi khi tìm câu trả lời.", abstained=True, retriever=retriever)
        r = self.replies[question]
        ran = "bm25" if retriever in self.falls_back else retriever
        notice = "Không tải được mô hình nhúng, dùng BM25." if ran != retriever else None
        return Answer(question=question, answer=r.answer, abstained=r.abstained,
                      citations=tuple(citation(self.corpus, c) for c in r.cited), retriever=ran,
                      latency_ms=r.latency_ms, notice=notice)

# ---- the chat's assistant: answers two questions of a three-directive corpus ------------------------------

APPENDIX_12 = "12. Tỷ lệ hộ nghèo theo chuẩn nghèo giai đoạn 2021-2025 là 11,41%."
ITEM_10 = ("10. Giao Sở Nội vụ chủ trì, phối hợp với Văn phòng UBND tỉnh theo dõi, kiểm tra; "
           "tổng hợp báo cáo Chủ tịch UBND tỉnh kết quả thực hiện phong trào thi đua năm 2024./.")


def _chat_directive(doc_id: str, year: int, province: str, clauses: list[tuple[str, str, str]]) -> Directive:
    cl = tuple(
        Clause(id=f"{doc_id}:{path}", doc_id=doc_id, label=label, kind="item", path=tuple(path.split(".")),
               heading=(), text=text, start=0, end=len(text))
        for path, label, text in clauses
    )
    return Directive(doc_id=doc_id, source=f"{doc_id}.txt", doc_type="Chỉ thị", number=f"0{year % 10}/CT-UBND",
                     date=f"{year}-01-15", issuer=f"UBND tỉnh {province}", province=province, year=year,
                     title="Về việc phát động phong trào thi đua", signer="Nguyễn Văn A",
                     text="\n".join(t for _, _, t in clauses), clauses=cl)


def chat_corpus() -> Corpus:
    return Corpus((
        _chat_directive("son-la-2024", 2024, "Sơn La", [("PL.12", "Phụ lục, mục 12", APPENDIX_12),
                                                     ("10", "mục 10", ITEM_10)]),
        _chat_directive("son-la-2023", 2023, "Sơn La", [("PL.9", "Phụ lục, mục 9",
                                                     "9. Tỷ lệ hộ nghèo giảm còn 15,66%.")]),
        _chat_directive("ha-nam-2023", 2023, "Hà Nam", [("III.5", "mục III.5", "5. Sở Nội vụ tổng hợp.")]),
    ))


def chat_cite(d: Directive, clause: Clause, needle: str | None) -> Citation:
    span = None
    if needle and needle in clause.text:
        s = clause.text.index(needle)
        span = (s, s + len(needle))
    return Citation(doc_id=d.doc_id, doc_type=d.doc_type, title=d.title, issuer=d.issuer, province=d.province,
                    year=d.year, number=d.number, date=d.date, clause=clause.label, text=clause.text, score=1.0,
                    clause_id=clause.id, span=span)


class FakeChatAssistant:
    """Answers the poverty-rate and who-reports questions from ``fake_corpus``; abstains otherwise."""

    def __init__(self, notice: str | None = None) -> None:
        self.corpus = chat_corpus()
        self.notice = notice
        self.calls: list[dict] = []
        self.warmed = False

    def warm(self) -> None:
        self.warmed = True

    def answer(self, question, *, filters=None, retriever=None, top_k=None, previous=None) -> Answer:
        self.calls.append({"question": question, "filters": filters, "retriever": retriever,
                           "previous": previous})
        d = self.corpus.get("son-la-2024")
        q = question.lower()
        if "ai ký" in q:  # both Sơn La directives answer it: which one is meant?
            docs = [self.corpus.get(i) for i in ("son-la-2024", "son-la-2023")]
            docs = [x for x in docs if filters is None or not filters.doc_ids or x.doc_id in filters.doc_ids]
            cites = tuple(chat_cite(x, x.clauses[0], None) for x in docs)
            if len(docs) == 1:
                return Answer(question, f"{docs[0].short_name()} do {docs[0].signer} ký.", False, cites,
                              retriever or "bm25", 3.0, "signer")
            return Answer(question, "Câu hỏi chưa nêu rõ văn bản. Bạn hỏi về văn bản nào?", False, cites,
                          retriever or "bm25", 3.0, "signer",
                          clarify=tuple(Choice(x.short_name(), x.doc_id, x.province, x.year) for x in docs))
        if "hộ nghèo" in q or "ho ngheo" in q or (previous is not None and "2023" in q):
            year = 2023 if "2023" in q else 2024
            doc = self.corpus.get(f"son-la-{year}")
            clause = doc.clauses[0]
            value = "15,66%" if year == 2023 else "11,41%"
            return Answer(question, f"Tỷ lệ hộ nghèo năm {year} của Sơn La là {value}.", False,
                          (chat_cite(doc, clause, value),), retriever or "bm25", 3.0, "target",
                          notice=self.notice)
        if "tổng hợp" in q:
            return Answer(question, "Sở Nội vụ tổng hợp báo cáo kết quả thi đua năm 2024.", False,
                          (chat_cite(d, d.clauses[1], "Sở Nội vụ"),), retriever or "bm25", 3.0, "duty",
                          notice=self.notice)
        return Answer(question, "Không tìm thấy trong các chỉ thị đã nạp.", True, (), retriever or "bm25", 2.0,
                      "other", suggestions=(chat_cite(d, d.clauses[1], None),), notice=self.notice)


def load_fake_chat(settings: Settings) -> FakeChatAssistant:
    """Assistant factory (THIDUA_ASSISTANT_FACTORY=tests.fakes:load_fake_chat)."""
    return FakeChatAssistant()


def assert_not_found(ans) -> None:
    """The user is told nothing was found, with no clause cited (a look-alike question declined)."""
    assert ans.abstained
    assert ans.answer.startswith("Không tìm thấy")
    assert not ans.citations


def found_in(text: str, *, short: str = "", quote: str | None = None, title: str = "Quy định chung",
             doc_type: str = "Thông tư", number: str = "1/2026/TT-BTC", year: int = 2026, issuer: str | None = None):
    """One answer read from a one-clause document ("Điều 1" holding ``text``): what the support checks judge.
    ``quote`` defaults to the whole clause, ``short`` to the quote."""
    from bot.answerers.base import Found

    clause = Clause(id="d:1", doc_id="d", label="Điều 1", kind="item", path=("1",), heading=(), text=text,
                    start=0, end=len(text))
    d = Directive(doc_id="d", source="d.txt", doc_type=doc_type, number=number, date=None, issuer=issuer,
                  province=None, year=year, title=title, signer=None, text=text, clauses=(clause,))
    span = None if quote is None else (text.find(quote), text.find(quote) + len(quote))
    quote = text if quote is None else quote
    return Found(d, clause, short or quote, quote, span, 1.0)
