"""What the bot returns: an answer and the clauses it rests on."""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

__all__ = ["Answer", "Choice", "Citation"]


@dataclass(frozen=True)
class Citation:
    """A clause an answer rests on, with enough metadata to find it on paper.

    ``text`` is the whole clause; ``span`` marks the answering words inside it
    (character offsets into ``text``) when there is one.
    """

    doc_id: str
    doc_type: str | None
    title: str | None
    issuer: str | None
    province: str | None
    year: int | None
    number: str | None
    date: str | None
    clause: str
    text: str
    score: float
    clause_id: str = ""
    span: tuple[int, int] | None = None

    def to_dict(self) -> dict:
        d = asdict(self)
        d["span"] = list(self.span) if self.span else None
        return d


@dataclass(frozen=True)
class Choice:
    """One document to ask again with, when several documents answer a question differently.

    ``label`` is how the user sees it ("Chỉ thị 01/CT-UBND (Sơn La, 2023)"); re-asking with
    ``Filters(doc_ids=(doc_id,))`` (or the province and year) answers from that document alone.
    """

    label: str
    doc_id: str
    province: str | None = None
    year: int | None = None

    def to_dict(self) -> dict:
        return asdict(self)


@dataclass(frozen=True)
class Answer:
    """One reply.  ``abstained`` is true when the documents do not support an answer.

    ``clarify`` is non-empty when the question names no document and several documents answer it
    differently: the reply then gives each one's short answer and asks which one was meant.
    """

    question: str
    answer: str
    abstained: bool
    citations: tuple[Citation, ...] = ()
    retriever: str = "bm25"
    latency_ms: float = 0.0
    kind: str = "other"
    suggestions: tuple[Citation, ...] = ()
    notice: str | None = None
    clarify: tuple[Choice, ...] = ()
    extra: dict = field(default_factory=dict, compare=False, hash=False)

    def to_dict(self) -> dict:
        return {
            "question": self.question,
            "answer": self.answer,
            "abstained": self.abstained,
            "citations": [c.to_dict() for c in self.citations],
            "retriever": self.retriever,
            "latency_ms": round(self.latency_ms, 2),
            "kind": self.kind,
            "suggestions": [c.to_dict() for c in self.suggestions],
            "notice": self.notice,
            "clarify": [c.to_dict() for c in self.clarify],
        }
