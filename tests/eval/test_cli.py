"""`thidua eval` end to end with a fake assistant: JSON on stdout, report files, user errors."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from bot.cli import app
from bot.commands import evaluate as evaluate_cmd
from tests.eval.fakes import FakeAssistant, FakeIndex
from tests.eval.test_runner import replies, tiny_corpus

LINES = [
    {"id": "t1", "question": "Tỷ lệ hộ nghèo năm 2024 của Sơn La?", "kind": "target",
     "gold": [{"doc_id": "son-la-2024", "clause": "Phụ lục, mục 12"}], "answers": ["11,41%"], "answerable": True,
     "split": "test"},
    {"id": "n1", "question": "Chỉ thị năm 2021 của Điện Biên có chủ đề gì?", "kind": "unanswerable",
     "gold": [], "answers": [], "answerable": False, "split": "test"},
]


@pytest.fixture
def qfile(tmp_path):
    path = tmp_path / "q.jsonl"
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in LINES) + "\n", encoding="utf-8")
    return path


@pytest.fixture
def fake(monkeypatch):
    assistant = FakeAssistant(tiny_corpus(), replies(), index=FakeIndex(notice="Không tải được mô hình nhúng."))
    monkeypatch.setattr(evaluate_cmd, "_load_assistant", lambda settings, folders: assistant)
    return assistant


def test_json_output_is_exactly_one_object(qfile, fake, tmp_path):
    result = CliRunner().invoke(app, ["eval", "--questions", str(qfile), "--retriever", "bm25,dense", "--json",
                                      "--out", str(tmp_path / "rep")])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)  # nothing else on stdout
    assert data["questions"] == 2
    assert data["by_retriever"]["bm25"]["answer_accuracy"] == 1.0
    assert data["by_retriever"]["bm25"]["abstention_accuracy"] == 1.0
    assert "mô hình nhúng" in data["skipped"]["dense"]
    assert (tmp_path / "rep" / "report.md").is_file() and (tmp_path / "rep" / "metrics.png").stat().st_size > 0


def test_table_output_and_limit(qfile, fake):
    result = CliRunner().invoke(app, ["eval", "--questions", str(qfile), "--retriever", "bm25", "--limit", "1"])
    assert result.exit_code == 0, result.output
    assert "Số câu hỏi / questions: 1" in result.stdout
    assert "Recall@1" in result.stdout


def test_default_runs_all_three_retrievers(qfile, fake):
    result = CliRunner().invoke(app, ["eval", "--questions", str(qfile), "--json"])
    data = json.loads(result.stdout)
    assert set(data["by_retriever"]) == {"bm25"}
    assert set(data["skipped"]) == {"dense", "hybrid"}


def test_unknown_retriever_is_a_user_error(qfile, fake):
    result = CliRunner().invoke(app, ["eval", "--questions", str(qfile), "--retriever", "bm25,tfidf"])
    assert result.exit_code == 2
    assert "tfidf" in result.stderr and "bm25, dense, hybrid" in result.stderr
    assert "Traceback" not in result.output


def test_missing_or_broken_question_file(tmp_path, fake):
    result = CliRunner().invoke(app, ["eval", "--questions", str(tmp_path / "none.jsonl")])
    assert result.exit_code == 2 and "Không tìm thấy tệp câu hỏi" in result.stderr
    bad = tmp_path / "bad.jsonl"
    bad.write_text('{"id": "x1", "question": "Ai ký?"}\n', encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "--questions", str(bad)])
    assert result.exit_code == 2 and "dòng 1" in result.stderr and "thiếu trường" in result.stderr
