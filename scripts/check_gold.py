"""Re-verify the gold of eval/library.jsonl and eval/conversations.jsonl against the texts.

Why a reader of its own: the gold must not depend on the parser it is used to
judge.  This reader is deliberately simple and strict:

- gazette furniture (running "CÔNG BÁO/…" headers, page numbers, the digital
  signature stamp) is dropped, then every region is joined into one line so an
  answer wrapped over a line or page break still matches;
- "Điều N." opens an article only when N follows the previous article
  (N = last + 1, or "Điều Na" after "Điều N"), so "Điều 24; khoản 2 …" wrapped
  to the start of a line and quoted amended articles stay text;
- inside an article "M." opens khoản M only in sequence from 1, and "a)" opens
  điểm a only in alphabetical sequence (Vietnamese order, đ after d);
- "PHỤ LỤC II" (upper case, alone at the start of a line) opens an appendix;
  inside it "3." opens "mục 3" in sequence;
- "phần đầu" is everything before the first "Căn cứ"/Chương/Điều line and
  "phần chữ ký" is the signature block after the last article.

Directive gold (corpus/data/*.txt, labels such as "Phụ lục, mục 12") is checked
through ``corpus.load_corpus``, which is what eval/questions.jsonl already uses.

Usage:  .venv/bin/python scripts/check_gold.py [--common] [--parser]   (exit status 1 when anything fails)
"""

from __future__ import annotations

import argparse
import hashlib
import json
import re
import sys
import unicodedata
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
LIBRARY = ROOT.parent / "shared" / "library"
DIRECTIVES = ROOT / "corpus" / "data"
LIBRARY_FILE = ROOT / "eval" / "library.jsonl"
CONVERSATIONS_FILE = ROOT / "eval" / "conversations.jsonl"
DIRECTIVE_IDS = ("son-la-2022", "son-la-2023", "son-la-2024", "lai-chau-2023", "ha-nam-2023")
TEST_DIRECTIVES = ("son-la-2024", "ha-nam-2023")
LIB_KINDS = (
    "fact",
    "condition",
    "duration",
    "dossier",
    "definition",
    "effect",
    "agency",
    "reference",
    "meta",
    "unanswerable",
)
CONV_KINDS = (*LIB_KINDS, "target", "duty", "list", "comparison", "unaccented", "paraphrase")

LETTERS = "abcdđeghiklmnopqrstuvxy"
_GAZETTE = re.compile(r"^\s*(?:\d{1,4}\s*)?CÔNG BÁO\s*/")
_PAGE = re.compile(r"^\s*(?:[-–]\s*)?\d{1,4}(?:\s*[-–])?\s*$")
_STAMP = re.compile(r"^\s*(?:Người ký|Email|Cơ quan|Thời gian ký|Ký bởi|Ngày ký)\s*:")
_ARTICLE = re.compile(r"^Điều (\d+)([a-z]?)\.(?:\s|$)")
_CHAPTER = re.compile(r"^(?:Chương|CHƯƠNG|Mục|MỤC) [IVXLC\d]+\b")
_KHOAN = re.compile(r"^(\d+)\.(?:\s|$)")
_DIEM = re.compile(r"^([a-zđ])\)\s")
_APPENDIX = re.compile(r"^(?:PHỤ LỤC|Phụ lục)(?:\s+(?:SỐ\s+|số\s+)?([IVXLC]+|\d+[a-z]?))?\s*(?:[:.\-–]|$)")
_SIGNATURE = re.compile(
    r"^(?:Nơi nhận\s*:|TM\.|KT\.|Q\.|TL\.|THỦ TƯỚNG|PHÓ THỦ TƯỚNG|BỘ TRƯỞNG|THỨ TRƯỞNG|CHỦ TỊCH|"
    r"PHÓ CHỦ TỊCH|THỐNG ĐỐC|PHÓ THỐNG ĐỐC|CHỦ NHIỆM|TỔNG KIỂM TOÁN|TỔNG THƯ KÝ|XÁC THỰC VĂN BẢN HỢP NHẤT)"
)
_OPENING = re.compile(r"^(?:Căn cứ|Chương|CHƯƠNG|Điều 1\.)")


def nfc(text: str) -> str:
    return unicodedata.normalize("NFC", text)


def squash(text: str) -> str:
    """One line, single spaces: wrapped lines and page breaks no longer split an answer."""
    return re.sub(r"\s+", " ", text).strip()


def split_of(doc_id: str) -> str:
    """The project's document split: test iff the sha256 of the doc_id is odd."""
    if doc_id in DIRECTIVE_IDS:
        return "test" if doc_id in TEST_DIRECTIVES else "dev"
    return "test" if int(hashlib.sha256(doc_id.encode()).hexdigest(), 16) % 2 == 1 else "dev"


def slugify(stem: str) -> str:
    """Same rule as corpus.loader.slugify: fold accents (đ -> d), lower case, runs of others -> '-'."""
    folded = unicodedata.normalize("NFD", stem.replace("đ", "d").replace("Đ", "D"))
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).lower()
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-") or "van-ban"


@dataclass
class Doc:
    """A library text cut into labelled regions (label -> list of line ranges)."""

    doc_id: str
    lines: list[str]
    regions: dict[str, tuple[int, int]] = field(default_factory=dict)

    def text(self, label: str) -> str | None:
        span = self.regions.get(label)
        if span is None:
            return None
        return squash(" ".join(self.lines[span[0] : span[1]]))

    @property
    def full(self) -> str:
        return squash(" ".join(self.lines))


def _clean_lines(raw: str) -> list[str]:
    out = []
    for line in nfc(raw).replace("\r", "").split("\n"):
        line = line.replace("\u00a0", " ").rstrip()
        if _GAZETTE.match(line) or _PAGE.match(line) or _STAMP.match(line):
            continue
        out.append(line.strip())
    return [line for line in out if line]


def _is_appendix_heading(line: str) -> bool:
    """ "PHỤ LỤC II …" in capitals, or a line that is only "Phụ lục II"; not "Phụ lục I ban hành kèm theo …"."""
    if not _APPENDIX.match(line):
        return False
    return (
        line[:7].isupper() or re.fullmatch(r"Phụ lục(?: số)?(?: [IVXLC]+| \d+[a-z]?)?\.?", line) is not None
    )


def read_doc(path: Path) -> Doc:
    lines = _clean_lines(path.read_text(encoding="utf-8-sig"))
    doc = Doc(slugify(path.stem), lines)
    n = len(lines)
    # Appendices: an upper-case "PHỤ LỤC" heading after the first article (or anywhere if none).
    first_article = next((i for i, t in enumerate(lines) if t.startswith("Điều 1.")), 0)
    appendix_starts = [i for i in range(first_article + 1, n) if _is_appendix_heading(lines[i])]
    body_end = appendix_starts[0] if appendix_starts else n
    opening = next((i for i, t in enumerate(lines[:body_end]) if _OPENING.match(t)), 0)
    doc.regions["phần đầu"] = (0, max(opening, 1))
    # Articles, khoản, điểm.
    articles: list[tuple[str, int]] = []
    last_num, last_suffix = 0, ""
    for i in range(body_end):
        m = _ARTICLE.match(lines[i])
        if not m:
            continue
        num, suffix = int(m.group(1)), m.group(2)
        if (num == last_num + 1 and not suffix) or (num == last_num and suffix and suffix > last_suffix):
            articles.append((f"Điều {num}{suffix}", i))
            last_num, last_suffix = num, suffix
    tail = body_end
    if articles:
        last_start = articles[-1][1]
        sig = next((i for i in range(last_start + 1, body_end) if _SIGNATURE.match(lines[i])), body_end)
        doc.regions["phần chữ ký"] = (sig, body_end)
        tail = sig
    for k, (label, start) in enumerate(articles):
        end = articles[k + 1][1] if k + 1 < len(articles) else tail
        # A chapter heading between two articles belongs to neither.
        for j in range(start + 1, end):
            if _CHAPTER.match(lines[j]):
                end = j
                break
        doc.regions[label] = (start, end)
        _numbered(doc, label, start + 1, end, word="khoản", with_points=True)
    for k, start in enumerate(appendix_starts):
        end = appendix_starts[k + 1] if k + 1 < len(appendix_starts) else n
        m = _APPENDIX.match(lines[start])
        name = m.group(1) if m and m.group(1) else (str(k + 1) if len(appendix_starts) > 1 else "")
        label = f"Phụ lục {name}" if name else "Phụ lục"
        if label in doc.regions:
            continue
        doc.regions[label] = (start, end)
        _numbered(doc, label, start + 1, end, word="mục", with_points=False)
    return doc


def _numbered(doc: Doc, parent: str, begin: int, end: int, *, word: str, with_points: bool) -> None:
    """Sequential "1.", "2." items under ``parent`` ("Điều 6, khoản 3" or "Phụ lục II, mục 3")."""
    items: list[tuple[int, int]] = []
    for i in range(begin, end):
        m = _KHOAN.match(doc.lines[i])
        if m and int(m.group(1)) == len(items) + 1:
            items.append((len(items) + 1, i))
    for k, (num, start) in enumerate(items):
        stop = items[k + 1][1] if k + 1 < len(items) else end
        label = f"{parent}, {word} {num}"
        doc.regions[label] = (start, stop)
        if with_points:
            _points(doc, label, start + 1, stop)
    if with_points and not items:
        _points(doc, parent, begin, end)


def _points(doc: Doc, parent: str, begin: int, end: int) -> None:
    points: list[tuple[str, int]] = []
    for i in range(begin, end):
        m = _DIEM.match(doc.lines[i])
        if not m:
            continue
        want = LETTERS[len(points)] if len(points) < len(LETTERS) else None
        if m.group(1) == want:
            points.append((m.group(1), i))
    for k, (letter, start) in enumerate(points):
        stop = points[k + 1][1] if k + 1 < len(points) else end
        doc.regions[f"{parent}, điểm {letter}"] = (start, stop)


def library_docs() -> dict[str, Path]:
    return {slugify(p.stem): p for p in sorted(LIBRARY.glob("*.txt"))}


class Checker:
    def __init__(self) -> None:
        self.paths = library_docs()
        self.docs: dict[str, Doc] = {}
        self.failures: list[str] = []
        self._directives = None

    def doc(self, doc_id: str) -> Doc | None:
        if doc_id not in self.docs and doc_id in self.paths:
            self.docs[doc_id] = read_doc(self.paths[doc_id])
        return self.docs.get(doc_id)

    def directive_text(self, doc_id: str, label: str) -> str | None:
        if self._directives is None:
            sys.path.insert(0, str(ROOT))
            from corpus import load_corpus

            corpus = load_corpus(DIRECTIVES)
            self._directives = {d.doc_id: {c.label: c.text for c in d.clauses} for d in corpus.directives}
        clauses = self._directives.get(doc_id, {})
        # A parent label holds the text of all its children.
        parts = [t for lab, t in clauses.items() if lab == label or lab.startswith(label + ",")]
        return squash(" ".join(parts)) if parts else None

    def clause_text(self, doc_id: str, label: str) -> str | None:
        if doc_id in DIRECTIVE_IDS:
            return self.directive_text(doc_id, label)
        doc = self.doc(doc_id)
        return doc.text(label) if doc else None

    def fail(self, where: str, message: str) -> None:
        self.failures.append(f"{where}: {message}")

    def check_item(self, where: str, item: dict, kinds: tuple[str, ...]) -> None:
        for key in ("question", "kind", "gold", "answers", "answerable"):
            if key not in item:
                self.fail(where, f"missing field {key!r}")
                return
        if item["kind"] not in kinds:
            self.fail(where, f"unknown kind {item['kind']!r}")
        if nfc(item["question"]) != item["question"]:
            self.fail(where, "question is not NFC")
        if not item["answerable"]:
            if item["gold"] or item["answers"] or item["kind"] != "unanswerable":
                self.fail(where, "unanswerable needs kind 'unanswerable', empty gold and answers")
            return
        if item["kind"] == "unanswerable":
            self.fail(where, "kind 'unanswerable' but answerable is true")
        if not item["gold"] or not item["answers"]:
            self.fail(where, "answerable question without gold or answers")
            return
        texts = []
        for gold in item["gold"]:
            doc_id, label = gold["doc_id"], gold["clause"]
            if doc_id not in DIRECTIVE_IDS and doc_id not in self.paths:
                self.fail(where, f"unknown doc_id {doc_id!r}")
                continue
            text = self.clause_text(doc_id, label)
            if text is None:
                self.fail(where, f"{doc_id}: no clause {label!r}")
                continue
            texts.append(text)
        for answer in item["answers"]:
            if nfc(answer) != answer:
                self.fail(where, f"answer {answer!r} is not NFC")
            if texts and not any(squash(answer) in t for t in texts):
                self.fail(
                    where,
                    f"answer {answer!r} not in {[str(g['doc_id']) + ': ' + g['clause'] for g in item['gold']]}",
                )

    def expected_split(self, gold_docs: list[str]) -> str:
        return "test" if any(split_of(d) == "test" for d in gold_docs) else "dev"

    def check_library(self, rows: list[dict]) -> None:
        ids = Counter(r.get("id") for r in rows)
        for dup in [i for i, c in ids.items() if c > 1]:
            self.fail(str(dup), "duplicate id")
        unanswerable = sorted(r["id"] for r in rows if not r.get("answerable", True))
        for row in rows:
            where = f"library {row.get('id')}"
            kind = row.get("kind", "")
            if not re.fullmatch(rf"lib-{re.escape(kind)}-\d{{3}}", row.get("id", "")):
                self.fail(where, "id must read lib-<kind>-NNN")
            self.check_item(where, row, LIB_KINDS)
            docs = [g["doc_id"] for g in row.get("gold", [])]
            if row.get("answerable"):
                want = self.expected_split(docs)
            else:
                want = "dev" if unanswerable.index(row["id"]) % 2 == 0 else "test"
            if row.get("split") != want:
                self.fail(where, f"split {row.get('split')!r}, expected {want!r}")

    def check_conversations(self, rows: list[dict]) -> None:
        ids = Counter(r.get("id") for r in rows)
        for dup in [i for i, c in ids.items() if c > 1]:
            self.fail(str(dup), "duplicate id")
        for row in rows:
            where = f"conversation {row.get('id')}"
            turns = row.get("turns", [])
            if not 2 <= len(turns) <= 4:
                self.fail(where, f"{len(turns)} turns, expected 2-4")
            docs: list[str] = []
            for n, turn in enumerate(turns, start=1):
                self.check_item(f"{where} turn {n}", turn, CONV_KINDS)
                if turn.get("expect") not in ("new_topic", "follow_up"):
                    self.fail(f"{where} turn {n}", "expect must be new_topic or follow_up")
                if n == 1 and turn.get("expect") != "new_topic":
                    self.fail(f"{where} turn 1", "the first turn is always a new topic")
                docs += [g["doc_id"] for g in turn.get("gold", [])]
            want = self.expected_split(docs)
            if row.get("split") != want:
                self.fail(where, f"split {row.get('split')!r}, expected {want!r}")

    def common_answers(self, rows: list[dict]) -> list[str]:
        """Answers found in many library texts, for questions that do not name their document."""
        notes = []
        fulls = {d: self.doc(d).full for d in self.paths}
        for row in rows:
            if not row.get("answerable"):
                continue
            for answer in row["answers"]:
                hits = sum(1 for t in fulls.values() if squash(answer) in t)
                if hits > 5:
                    notes.append(f"{row['id']}: {answer!r} occurs in {hits} library texts")
        return notes


def parser_report(rows: list[dict]) -> list[str]:
    """How many library gold clauses the project's own parser (corpus.read_directive) resolves.

    Informational: the gold is verified by the reader above; a miss here is a
    parser label to fix, not a gold error.
    """
    sys.path.insert(0, str(ROOT))
    from corpus.loader import read_directive

    paths = library_docs()
    parsed: dict = {}
    resolved, misses = 0, []
    for row in rows:
        texts = []
        for gold in row.get("gold", []):
            doc_id, label = gold["doc_id"], gold["clause"]
            if doc_id not in parsed:
                parsed[doc_id] = read_directive(paths[doc_id])
            parts = [
                c.text for c in parsed[doc_id].clauses if c.label == label or c.label.startswith(label + ",")
            ]
            if parts:
                texts.append(squash(" ".join(parts)))
            else:
                misses.append(f"{row['id']}: parser has no {label!r} in {doc_id}")
        if texts and all(any(squash(a) in t for t in texts) for a in row["answers"]):
            resolved += 1
        elif texts:
            misses.append(f"{row['id']}: parser clause {row['gold']} lacks an answer string")
    answerable = sum(1 for r in rows if r.get("answerable"))
    return [f"parser resolves {resolved}/{answerable} answerable library questions", *misses]


def read_jsonl(path: Path, checker: Checker) -> list[dict]:
    rows = []
    if not path.exists():
        checker.fail(str(path.name), "file missing")
        return rows
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip():
            continue
        if nfc(line) != line:
            checker.fail(f"{path.name}:{n}", "line is not NFC")
        try:
            rows.append(json.loads(line))
        except json.JSONDecodeError as exc:
            checker.fail(f"{path.name}:{n}", f"bad JSON: {exc}")
    return rows


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--common", action="store_true", help="list answers found in more than 5 texts")
    parser.add_argument(
        "--parser", action="store_true", help="report which gold clauses corpus.read_directive resolves"
    )
    args = parser.parse_args(argv)
    checker = Checker()
    library = read_jsonl(LIBRARY_FILE, checker)
    conversations = read_jsonl(CONVERSATIONS_FILE, checker)
    checker.check_library(library)
    checker.check_conversations(conversations)
    for failure in checker.failures:
        print("FAIL", failure)
    if args.common:
        for note in checker.common_answers(library):
            print("NOTE", note)
    if args.parser:
        for note in parser_report(library):
            print("PARSER", note)
    kinds = Counter((r["kind"], r["split"]) for r in library)
    docs = {g["doc_id"] for r in library for g in r["gold"]}
    print(f"library: {len(library)} questions over {len(docs)} documents")
    for kind in LIB_KINDS:
        print(f"  {kind:<12} dev {kinds[(kind, 'dev')]:>3}  test {kinds[(kind, 'test')]:>3}")
    conv_split = Counter(r["split"] for r in conversations)
    turns = sum(len(r["turns"]) for r in conversations)
    print(
        f"conversations: {len(conversations)} ({turns} turns), dev {conv_split['dev']}, test {conv_split['test']}"
    )
    print(f"{len(checker.failures)} failure(s)")
    return 1 if checker.failures else 0


if __name__ == "__main__":
    sys.exit(main())
