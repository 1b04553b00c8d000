"""The evaluation sets: loading the JSONL files into frozen records and checking them.

Three sets: ``questions.jsonl`` (the bundled directives), ``library.jsonl``
(the gazette library, same line format) and ``conversations.jsonl`` (one
conversation per line, scored turn by turn).  A typo in a gold label or answer
string silently lowers every score, so a set is validated twice: its shape when
loaded (line numbers in every error), and against the parsed corpus by
``check_against_corpus`` (run in the tests); ``check_splits`` checks that every
``split`` field agrees with ``eval/splits.toml``.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Literal, get_args

from corpus.errors import ThiduaError
from corpus.text import nfc
from eval.splits import SPLITS, Split, SplitRule, load_split_rule

__all__ = [
    "EXPECTS",
    "KINDS",
    "SETS",
    "Conversation",
    "Expect",
    "Gold",
    "Kind",
    "Question",
    "QuestionSetError",
    "SetName",
    "Turn",
    "check_against_corpus",
    "check_splits",
    "default_questions_path",
    "load_conversations",
    "load_questions",
    "parse_conversations",
    "parse_questions",
    "set_path",
]

#: Every kind of question the sets cover; ``unanswerable`` questions must make the bot abstain.
#: The first twelve come from the directives, the next five from legal texts (the library).
Kind = Literal[
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
    "condition",
    "duration",
    "dossier",
    "definition",
    "effect",
]
KINDS: tuple[str, ...] = get_args(Kind)
#: What a conversation turn is: a question with its own topic, or one that leans on the turn before.
Expect = Literal["new_topic", "follow_up"]
EXPECTS: tuple[str, ...] = get_args(Expect)
#: The evaluation sets and the file (next to this module) each lives in.
SetName = Literal["directives", "library", "conversations"]
SETS: dict[str, str] = {
    "directives": "questions.jsonl",
    "library": "library.jsonl",
    "conversations": "conversations.jsonl",
}
#: Kinds whose gold clauses must come from at least two documents.
MULTI_DOC_KINDS: tuple[str, ...] = ("comparison", "ambiguous")

_REQUIRED = ("id", "question", "kind", "gold", "answers", "answerable", "split")
_TURN_REQUIRED = ("question", "kind", "gold", "answers", "answerable", "expect")
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
    split: Split
    notes: str = ""

    @property
    def gold_docs(self) -> tuple[str, ...]:
        """The documents the gold clauses come from, in first-seen order."""
        return tuple(dict.fromkeys(g.doc_id for g in self.gold))


@dataclass(frozen=True)
class Turn:
    """One turn of a conversation: the question (id ``<conversation>-<n>``) and what it is."""

    number: int
    expect: Expect
    question: Question


@dataclass(frozen=True)
class Conversation:
    """Questions asked in order in one chat; each turn is scored on its own."""

    id: str
    split: Split
    turns: tuple[Turn, ...]

    @property
    def gold_docs(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(d for t in self.turns for d in t.question.gold_docs))


def default_questions_path() -> Path:
    """The directive set shipped with the package (``eval/questions.jsonl``)."""
    return set_path("directives")


def set_path(name: str) -> Path:
    """The shipped file of an evaluation set (``directives``, ``library``, ``conversations``)."""
    return Path(__file__).resolve().parent / SETS[name]


def _read_lines(path: Path) -> list[str]:
    try:
        raw = path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise QuestionSetError(
            f"Không tìm thấy tệp câu hỏi {path}. Kiểm tra đường dẫn hoặc bỏ --questions để dùng bộ mặc định."
        ) from None
    except UnicodeDecodeError:
        raise QuestionSetError(f"Tệp câu hỏi {path} không phải UTF-8. Lưu lại tệp với mã hóa UTF-8.") from None
    return raw.splitlines()


def load_questions(path: Path | None = None) -> tuple[Question, ...]:
    """Read and validate a JSONL question file (UTF-8, one object per line)."""
    path = Path(path) if path is not None else default_questions_path()
    return parse_questions(_read_lines(path), source=str(path))


def load_conversations(path: Path | None = None) -> tuple[Conversation, ...]:
    """Read and validate a JSONL conversation file (one conversation per line)."""
    path = Path(path) if path is not None else set_path("conversations")
    return parse_conversations(_read_lines(path), source=str(path))


def _objects(lines: Iterable[str], source: str) -> Iterable[tuple[str, object]]:
    """(where, parsed object) for every non-blank line; invalid JSON raises with its line number."""
    for number, line in enumerate(lines, start=1):
        if not line.strip():
            continue
        where = f"{source}, dòng {number}"
        try:
            yield where, json.loads(line)
        except json.JSONDecodeError as exc:
            raise QuestionSetError(f"{where}: không phải JSON hợp lệ ({exc.msg}). Mỗi dòng phải là một đối tượng JSON.") from None


def _check_unique(ids: dict[str, str], item_id: str, where: str) -> None:
    if item_id in ids:
        raise QuestionSetError(f"{where}: mã {item_id!r} bị trùng với {ids[item_id]}. Đặt một mã khác.")
    ids[item_id] = where


def parse_questions(lines: Iterable[str], *, source: str = "<questions>") -> tuple[Question, ...]:
    """Parse JSONL lines; blank lines are skipped, every other problem raises with its line number."""
    questions: list[Question] = []
    seen: dict[str, str] = {}
    for where, obj in _objects(lines, source):
        if isinstance(obj, dict) and "turns" in obj:
            raise QuestionSetError(f"{where}: đây là một hội thoại ('turns'); dùng --conversations cho tệp hội thoại.")
        question = _parse_one(obj, where)
        _check_unique(seen, question.id, where)
        questions.append(question)
    if not questions:
        raise QuestionSetError(f"{source}: không có câu hỏi nào. Thêm ít nhất một dòng JSON.")
    return tuple(questions)


def parse_conversations(lines: Iterable[str], *, source: str = "<conversations>") -> tuple[Conversation, ...]:
    """Parse conversation lines ``{"id", "split", "turns": [...]}``; every problem names its line."""
    conversations: list[Conversation] = []
    seen: dict[str, str] = {}
    for where, obj in _objects(lines, source):
        if not isinstance(obj, dict):
            raise QuestionSetError(f"{where}: mỗi dòng phải là một đối tượng JSON {{...}}.")
        missing = [k for k in ("id", "split", "turns") if k not in obj]
        if missing:
            raise QuestionSetError(f"{where}: thiếu trường {', '.join(missing)}. Mỗi hội thoại cần id, split, turns.")
        cid = _parse_id(obj["id"], where)
        split = _parse_split(obj["split"], where, cid)
        turns_raw = obj["turns"]
        if not isinstance(turns_raw, list) or len(turns_raw) < 2:
            raise QuestionSetError(f"{where} ({cid}): 'turns' phải là danh sách ít nhất hai lượt hỏi.")
        turns = []
        for number, raw in enumerate(turns_raw, start=1):
            here = f"{where}, lượt {number}"
            if not isinstance(raw, dict):
                raise QuestionSetError(f"{here} ({cid}): mỗi lượt phải là một đối tượng JSON {{...}}.")
            missing = [k for k in _TURN_REQUIRED if k not in raw]
            if missing:
                raise QuestionSetError(f"{here} ({cid}): thiếu trường {', '.join(missing)}.")
            expect = raw["expect"]
            if expect not in EXPECTS:
                raise QuestionSetError(f"{here} ({cid}): 'expect' phải là một trong: {', '.join(EXPECTS)}.")
            if number == 1 and expect != "new_topic":
                raise QuestionSetError(f"{here} ({cid}): lượt đầu tiên không nối tiếp lượt nào; dùng 'new_topic'.")
            item = {**raw, "id": f"{cid}-{number}", "split": split}
            turns.append(Turn(number=number, expect=expect, question=_parse_one(item, here)))
        _check_unique(seen, cid, where)
        conversations.append(Conversation(id=cid, split=split, turns=tuple(turns)))
    if not conversations:
        raise QuestionSetError(f"{source}: không có hội thoại nào. Thêm ít nhất một dòng JSON.")
    return tuple(conversations)


def _parse_id(qid: object, where: str) -> str:
    if not isinstance(qid, str) or not _ID.match(qid):
        raise QuestionSetError(f"{where}: mã {qid!r} không hợp lệ; chỉ dùng chữ thường không dấu, số và dấu '-'.")
    return qid


def _parse_split(split: object, where: str, qid: str) -> Split:
    if split not in SPLITS:
        raise QuestionSetError(
            f"{where} ({qid}): 'split' phải là một trong: {', '.join(SPLITS)} (theo eval/splits.toml)."
        )
    return split  # type: ignore[return-value]


def _parse_one(obj: object, where: str) -> Question:
    if not isinstance(obj, dict):
        raise QuestionSetError(f"{where}: mỗi dòng phải là một đối tượng JSON {{...}}.")
    missing = [k for k in _REQUIRED if k not in obj]
    if missing:
        raise QuestionSetError(f"{where}: thiếu trường {', '.join(missing)}. Các trường bắt buộc: {', '.join(_REQUIRED)}.")
    qid, text, kind = _parse_id(obj["id"], where), obj["question"], obj["kind"]
    if not isinstance(text, str) or not text.strip():
        raise QuestionSetError(f"{where} ({qid}): câu hỏi rỗng.")
    if kind not in KINDS:
        raise QuestionSetError(f"{where} ({qid}): loại {kind!r} không hợp lệ; chọn một trong: {', '.join(KINDS)}.")
    split = _parse_split(obj["split"], where, qid)
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
        split=split,
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


def check_splits(
    items: Iterable[Question | Conversation], rule: SplitRule | None = None
) -> tuple[str, ...]:
    """Items of ONE file whose ``split`` disagrees with ``eval/splits.toml`` (empty: all agree).

    A conversation is one item: its split follows the gold documents of all its turns.
    """
    rule = rule or load_split_rule()
    items = list(items)
    expected = rule.of_items((item.id, item.gold_docs) for item in items)
    problems = []
    for item in items:
        if item.split != expected[item.id]:
            docs = ", ".join(item.gold_docs) or "không có văn bản gold: xen kẽ theo mã"
            problems.append(f"{item.id}: split {item.split!r}, theo eval/splits.toml phải là {expected[item.id]!r} ({docs})")
    return tuple(problems)


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
