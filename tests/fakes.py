"""Shared fakes for tests (one module, extended by whoever needs a fake)."""

from __future__ import annotations

import hashlib
import logging
import shutil
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np

from bot.models import Answer, Citation
from corpus.models import Clause, Corpus, Directive
from index.encoders import Encoder
from index.models import Chunk, Hit

__all__ = ["SHARED_LIBRARY", "FakeAssistant", "FakeEncoder", "FakeIndex", "Reply", "assistant_over", "tiny_corpus"]

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
