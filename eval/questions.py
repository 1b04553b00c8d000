"""The evaluation question set: loading ``questions.jsonl`` into frozen records and checking it.

A typo in a gold label or answer string silently lowers every score, so the
set is validated twice: its shape when loaded (line numbers in every error),
and against the parsed corpus by ``check_against_corpus`` (run in the tests).
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from corpus.errors import ThiduaError
from corpus.text import nfc

__all__ = [
    "KINDS",
    "Gold",
    "Question",
    "QuestionSetError",
    "check_against_corpus",
    "default_questions_path",
    "load_questions",
    "parse_questions",
]

#: Every kind of question the set covers; ``unanswerable`` questions must make the bot abstain.
KINDS: tuple[str, ...] = (
    "target",
    "agency",
    "duty",
    "meta",
    "list",
    "comparison",
    "reference",
    "fact",
    "unaccented",
    "paraphrase",
    "ambiguous",
    "unanswerable",
)
#: Kinds whose gold clauses must come from at least two documents.
MULTI_DOC_KINDS: tuple[str, ...] = ("comparison", "ambiguous")

_REQUIRED = ("id", "question", "kind", "gold", "answers", "answerable")
_ID = re.compile(r"^[a-z0-9][a-z0-9-]*$")


class QuestionSetError(ThiduaError, ValueError):
    """The question file cannot be used; the message names the file, the line and the fix."""


@dataclass(frozen=True)
class Gold:
    """A clause that supports the answer, as a user would cite it."""

    doc_id: str
    clause: str

    def __str__(self) -> str:
        return f"{self.doc_id}: {self.clause}"


@dataclass(frozen=True)
class Question:
    """One evaluation question with what a correct answer must contain and cite."""

    id: str
    question: str
    kind: str
    gold: tuple[Gold, ...]
    answers: tuple[str, ...]
    answerable: bool
    notes: str = ""

    @property
    def gold_docs(self) -> tuple[str, ...]:
        """The documents the gold clauses come from, in first-seen order."""
        return tuple(dict.fromkeys(g.doc_id for g in self.gold))


def default_questions_path() -> Path:
    """The set shipped with the package (``eval/questions.jsonl``)."""
    return Path(__file__).resolve().parent / "questions.jsonl"


def load_questions(path: Path | None = None) -> tuple[Question, ...]:
    """Read and validate a JSONL question file (UTF-8, one object per line)."""
    path = Path(path) if path is not None else default_questions_path()
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise QuestionSetError(
            f"Không tìm thấy tệp câu hỏi {path}. Kiểm tra đường dẫn hoặc bỏ --questions để dùng bộ mặc định."
        ) from None
    except UnicodeDecodeError:
        raise QuestionSetError(f"Tệp câu hỏi {path} không phải UTF-8. Lưu lại tệp với mã hóa UTF-8.") from None
    return parse_questions(raw.splitlines(), source=str(path))


def parse_questions(lines: Iterable[str], *, source: str = "<questions>") -> tuple[Question, ...]:
    """Parse JSONL lines; blank lines are skipped, every other problem raises with its line number."""
    questions: list[Question] = []
    seen: dict[str, int] = {}
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{source}, dòng {number}"
        try:
            obj = json.loads(line)
        except json.JSONDecodeError as exc:
            raise QuestionSetError(f"{where}: không phải JSON hợp lệ ({exc.msg}). Mỗi dòng phải là một đối tượng JSON.") from None
        question = _parse_one(obj, where)
        if question.id in seen:
            raise QuestionSetError(
                f"{where}: mã câu hỏi {question.id!r} bị trùng với dòng {seen[question.id]}. Đặt một mã khác."
            )
        seen[question.id] = number
        questions.append(question)
    if not questions:
        raise QuestionSetError(f"{source}: không có câu hỏi nào. Thêm ít nhất một dòng JSON.")
    return tuple(questions)


def _parse_one(obj: object, where: str) -> Question:
    if not isinstance(obj, dict):
        raise QuestionSetError(f"{where}: mỗi dòng phải là một đối tượng JSON {{...}}.")
    missing = [k for k in _REQUIRED if k not in obj]
    if missing:
        raise QuestionSetError(f"{where}: thiếu trường {', '.join(missing)}. Các trường bắt buộc: {', '.join(_REQUIRED)}.")
    qid, text, kind = obj["id"], obj["question"], obj["kind"]
    if not isinstance(qid, str) or not _ID.match(qid):
        raise QuestionSetError(f"{where}: mã {qid!r} không hợp lệ; chỉ dùng chữ thường không dấu, số và dấu '-'.")
    if not isinstance(text, str) or not text.strip():
        raise QuestionSetError(f"{where} ({qid}): câu hỏi rỗng.")
    if kind not in KINDS:
        raise QuestionSetError(f"{where} ({qid}): loại {kind!r} không hợp lệ; chọn một trong: {', '.join(KINDS)}.")
    answerable = obj["answerable"]
    if not isinstance(answerable, bool):
        raise QuestionSetError(f"{where} ({qid}): 'answerable' phải là true hoặc false.")
    gold = _parse_gold(obj["gold"], where, qid)
    answers = obj["answers"]
    if not isinstance(answers, list) or not all(isinstance(a, str) and a.strip() for a in answers):
        raise QuestionSetError(f"{where} ({qid}): 'answers' phải là danh sách chuỗi không rỗng.")
    if answerable and (not gold or not answers):
        raise QuestionSetError(f"{where} ({qid}): câu trả lời được phải có ít nhất một 'gold' và một 'answers'.")
    if not answerable and (gold or answers):
        raise QuestionSetError(f"{where} ({qid}): câu không trả lời được phải có 'gold': [] và 'answers': [].")
    if (kind == "unanswerable") == answerable:
        raise QuestionSetError(
            f"{where} ({qid}): loại 'unanswerable' đi cùng answerable=false (và ngược lại); sửa một trong hai."
        )
    if kind in MULTI_DOC_KINDS and len({g.doc_id for g in gold}) < 2:
        raise QuestionSetError(f"{where} ({qid}): câu loại {kind} cần điều khoản gold từ ít nhất hai văn bản.")
    notes = obj.get("notes", "")
    return Question(
        id=qid,
        question=nfc(text.strip()),
        kind=kind,
        gold=gold,
        answers=tuple(nfc(a) for a in answers),
        answerable=answerable,
        notes=nfc(str(notes)),
    )


def _parse_gold(value: object, where: str, qid: str) -> tuple[Gold, ...]:
    if not isinstance(value, list):
        raise QuestionSetError(f"{where} ({qid}): 'gold' phải là danh sách {{\"doc_id\", \"clause\"}}.")
    gold = []
    for item in value:
        if not (isinstance(item, dict) and isinstance(item.get("doc_id"), str) and isinstance(item.get("clause"), str)):
            raise QuestionSetError(f"{where} ({qid}): mỗi phần tử 'gold' cần 'doc_id' và 'clause' dạng chuỗi.")
        gold.append(Gold(doc_id=item["doc_id"].strip(), clause=nfc(item["clause"].strip())))
    return tuple(gold)


def check_against_corpus(questions: Iterable[Question], corpus: object) -> tuple[str, ...]:
    """Problems found when checking the set against a parsed corpus; empty means the set is consistent.

    Every gold clause must resolve (``Directive.clause``) and every answer
    string must occur, after answer normalisation, in one of the question's
    gold clauses or in the metadata of a gold document (number, date, signer…
    often live in a header that is not quoted verbatim).
    """
    from eval.metrics import answer_correct

    problems: list[str] = []
    for q in questions:
        haystacks: list[str] = []
        for g in q.gold:
            directive = corpus.get(g.doc_id)  # type: ignore[attr-defined]
            if directive is None:
                problems.append(f"{q.id}: văn bản {g.doc_id!r} không có trong kho")
                continue
            clause = directive.clause(g.clause)
            if clause is None:
                problems.append(f"{q.id}: không tìm thấy điều khoản {g.clause!r} trong {g.doc_id}")
                continue
            haystacks.append(clause.text)
            haystacks.append(" | ".join(_metadata_strings(directive)))
        for answer in q.answers:
            if haystacks and not any(answer_correct(h, [answer]) for h in haystacks):
                problems.append(f"{q.id}: đáp án {answer!r} không có trong điều khoản gold hay siêu dữ liệu")
    return tuple(problems)


def _metadata_strings(directive: object) -> list[str]:
    """Metadata values as a user would write them (dates also as dd/mm/yyyy)."""
    from eval.metrics import normalize_date

    values = []
    for name in ("number", "date", "signer", "title", "province", "issuer", "year", "doc_type"):
        value = getattr(directive, name, None)
        if value:
            values.append(str(value))
            if name == "date":
                values.append(normalize_date(str(value)))
    return values
