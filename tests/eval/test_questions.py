"""The shipped question set: its shape, its coverage, and that it agrees with the parsed corpus."""

from __future__ import annotations

import json
import unicodedata
from collections import Counter

import pytest

from eval.questions import (
    KINDS,
    QuestionSetError,
    check_against_corpus,
    load_conversations,
    load_questions,
    parse_questions,
    set_path,
)

SEED_DOCS = ("son-la-2022", "son-la-2023", "son-la-2024", "lai-chau-2023", "ha-nam-2023")
DIRECTIVE_KINDS = {"target", "agency", "duty", "meta", "list", "comparison", "reference", "fact", "unaccented",
                   "paraphrase", "ambiguous", "unanswerable"}


@pytest.fixture(scope="module")
def questions():
    return load_questions()


@pytest.fixture(scope="module")
def seed_corpus():
    try:
        from corpus import load_corpus
    except ImportError:
        pytest.skip("corpus.load_corpus is not available yet (the reader is another helper's issue)")
    from bot.settings import bundled_corpus_dir

    return load_corpus(bundled_corpus_dir())


def test_size_and_coverage(questions):
    assert len(questions) >= 150
    assert sum(not q.answerable for q in questions) >= 15
    kinds = Counter(q.kind for q in questions)
    assert set(kinds) == DIRECTIVE_KINDS and set(KINDS) >= DIRECTIVE_KINDS
    assert all(n >= 3 for n in kinds.values()), kinds
    per_doc = Counter(doc for q in questions if q.answerable for doc in q.gold_docs)
    assert all(per_doc[d] >= 25 for d in SEED_DOCS), per_doc


def test_text_is_nfc_vietnamese_and_unaccented_questions_have_no_diacritics(questions):
    for q in questions:
        assert unicodedata.is_normalized("NFC", q.question), q.id
    unaccented = [q for q in questions if q.kind == "unaccented"]
    assert unaccented and all(q.question.isascii() for q in unaccented)
    # Officials type old-style tone marks and abbreviations; the set must contain them.
    joined = " ".join(q.question for q in questions)
    assert "hoá" in joined and "uỷ" in joined.lower()
    assert all(abbr in joined for abbr in ("UBND", "TĐKT", "MTTQ", "HĐND"))


def test_multi_document_questions_cite_each_document(questions):
    for q in questions:
        if q.kind in ("comparison", "ambiguous"):
            assert len(q.gold_docs) >= 2, q.id


def test_every_gold_clause_and_answer_is_in_the_seed_corpus(questions, seed_corpus):
    problems = check_against_corpus(questions, seed_corpus)
    assert not problems, "\n".join(problems)


def test_checker_catches_a_typo_in_an_answer(seed_corpus):
    line = {"id": "typo-1", "question": "Tỷ lệ hộ nghèo 2024?", "kind": "target",
            "gold": [{"doc_id": "son-la-2024", "clause": "Phụ lục, mục 12"}], "answers": ["11,14%"],
            "answerable": True, "split": "test"}
    bad_label = dict(line, id="typo-2", answers=["11,41%"], gold=[{"doc_id": "son-la-2024", "clause": "mục 99"}])
    problems = check_against_corpus(parse_questions([json.dumps(line), json.dumps(bad_label)]), seed_corpus)
    assert any("typo-1" in p and "11,14%" in p for p in problems)
    assert any("typo-2" in p and "mục 99" in p for p in problems)


def _line(**over):
    base = {"id": "q-1", "question": "Ai ký chỉ thị?", "kind": "meta",
            "gold": [{"doc_id": "son-la-2024", "clause": "phần chữ ký"}], "answers": ["Hoàng Quốc Khánh"],
            "answerable": True, "split": "test"}
    base.update(over)
    return json.dumps(base, ensure_ascii=False)


@pytest.mark.parametrize(
    ("lines", "message"),
    [
        ([_line(), _line()], "bị trùng với q.jsonl, dòng 1"),
        ([_line(split="train")], "'split' phải là một trong: dev, test"),
        (['{"id": "q-1"'], "không phải JSON"),
        ([json.dumps({"id": "q-1", "question": "x"})], "thiếu trường"),
        ([_line(kind="trivia")], "loại 'trivia' không hợp lệ"),
        ([_line(kind="unanswerable", answerable=False)], "'gold': []"),
        ([_line(answers=[])], "ít nhất một 'gold' và một 'answers'"),
        ([_line(kind="ambiguous")], "ít nhất hai văn bản"),
        ([_line(id="Câu 1")], "không hợp lệ"),
    ],
)
def test_loader_rejects_bad_lines_with_line_numbers(lines, message):
    with pytest.raises(QuestionSetError, match="dòng") as err:
        parse_questions(lines, source="q.jsonl")
    assert message in str(err.value)


def test_loader_normalises_to_nfc_and_skips_blank_lines(tmp_path):
    path = tmp_path / "q.jsonl"
    decomposed = unicodedata.normalize("NFD", "Uỷ ban nào theo dõi?")
    path.write_text("\n" + _line(question=decomposed) + "\n\n", encoding="utf-8")
    (q,) = load_questions(path)
    assert q.question == unicodedata.normalize("NFC", "Uỷ ban nào theo dõi?")


def test_loader_explains_missing_and_non_utf8_files(tmp_path):
    with pytest.raises(QuestionSetError, match="Không tìm thấy tệp câu hỏi"):
        load_questions(tmp_path / "none.jsonl")
    cp = tmp_path / "cp1258.jsonl"
    cp.write_bytes(_line().encode("utf-16"))
    with pytest.raises(QuestionSetError, match="UTF-8"):
        load_questions(cp)


#: Gold clauses of library.jsonl + conversations.jsonl that the clause parser does not find, or finds
#: without the answer (48 on 2026-11-23 before the clause-tree fixes; now 3: a consolidated text's
#: header cut before its certification block).  A ratchet: it may only go down.
KNOWN_CLAUSE_MISMATCHES = 3


@pytest.fixture(scope="module")
def library_sets():
    from bot.commands.evaluate import default_library_dir, load_corpus_folders
    from bot.settings import bundled_corpus_dir

    library = default_library_dir()
    if not set_path("library").is_file() or not library.is_dir():
        pytest.skip(f"library.jsonl or the library folder {library} is not in this checkout")
    questions = list(load_questions(set_path("library")))
    turns = [t.question for c in load_conversations(set_path("conversations")) for t in c.turns]
    return questions, turns, load_corpus_folders([bundled_corpus_dir(), library])


@pytest.mark.slow
def test_library_gold_answers_are_in_their_gold_documents(library_sets):
    """Every gold document exists and every answer string is in its text: a typo in the gold fails here."""
    from eval.metrics import answer_correct

    questions, turns, corpus = library_sets
    assert len(questions) >= 120 and len(turns) >= 60
    problems = []
    for q in [*questions, *turns]:
        texts = []
        for doc_id in q.gold_docs:
            d = corpus.get(doc_id)
            if d is None:
                problems.append(f"{q.id}: no document {doc_id}")
            else:
                texts.append(d.text + " | " + " | ".join(str(v) for v in (d.number, d.date, d.signer, d.title) if v))
        problems += [f"{q.id}: {a!r} not in {q.gold_docs}" for a in q.answers
                     if texts and not any(answer_correct(t, [a]) for t in texts)]
    assert not problems, "\n".join(problems)


@pytest.mark.slow
def test_library_gold_clauses_resolve_no_worse_than_before(library_sets):
    """Gold clauses the parser cannot find (or finds without the answer) are listed; their number may only go down."""
    questions, turns, corpus = library_sets
    problems = check_against_corpus([*questions, *turns], corpus)
    assert len(problems) <= KNOWN_CLAUSE_MISMATCHES, f"{len(problems)} mismatches:\n" + "\n".join(problems)
