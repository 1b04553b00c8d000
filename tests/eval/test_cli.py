"""`thidua eval` end to end with a fake assistant: JSON on stdout, report files, user errors."""

from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from bot.cli import app
from bot.commands import evaluate as evaluate_cmd
from tests.eval.test_runner import replies, tiny_corpus
from tests.fakes import FakeAssistant, FakeIndex

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


def test_split_option_runs_only_that_split(qfile, fake, tmp_path):
    lines = [dict(LINES[0], id="d1", split="dev"), LINES[0], LINES[1]]
    path = tmp_path / "mixed.jsonl"
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "--questions", str(path), "--retriever", "bm25", "--split", "dev",
                                      "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["questions"] == 1 and list(data["by_set"]["bm25"]["mixed"]) == ["dev"]
    both = json.loads(CliRunner().invoke(app, ["eval", "--questions", str(path), "--retriever", "bm25",
                                               "--json"]).stdout)
    assert set(both["by_set"]["bm25"]["mixed"]) == {"dev", "test", "all"}


def test_conversation_file_is_scored_turn_by_turn(fake, tmp_path):
    conv = {"id": "conv-1", "split": "test", "turns": [
        dict({k: v for k, v in LINES[0].items() if k not in ("id", "split")}, expect="new_topic"),
        dict({k: v for k, v in LINES[1].items() if k not in ("id", "split")}, expect="new_topic"),
    ]}
    path = tmp_path / "c.jsonl"
    path.write_text(json.dumps(conv, ensure_ascii=False) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "--conversations", str(path), "--retriever", "bm25", "--json"])
    assert result.exit_code == 0, result.output
    scores = json.loads(result.stdout)["by_set"]["bm25"]["conversations"]["test"]
    assert scores["turn_accuracy"] == 1.0 and scores["topic_switch_accuracy"] == 1.0
    assert [q for q, _ in fake.previous_seen] == [LINES[0]["question"], LINES[1]["question"]]
    assert fake.previous_seen[1][1] == LINES[0]["question"]


@pytest.mark.parametrize(("option", "value"), [("--set", "everything"), ("--split", "train")])
def test_unknown_set_or_split_is_a_user_error(qfile, fake, option, value):
    result = CliRunner().invoke(app, ["eval", "--questions", str(qfile), option, value])
    assert result.exit_code == 2 and value in result.stderr and "Chọn một trong" in result.stderr


def test_library_set_without_the_library_folder_says_what_to_add(fake, monkeypatch, tmp_path):
    monkeypatch.setattr(evaluate_cmd, "default_library_dir", lambda: tmp_path / "no-library")
    lib = tmp_path / "library.jsonl"
    lib.write_text(json.dumps(LINES[0], ensure_ascii=False) + "\n", encoding="utf-8")
    from eval import questions as questions_mod

    monkeypatch.setattr(questions_mod, "set_path", lambda name: lib)
    result = CliRunner().invoke(app, ["eval", "--set", "library", "--retriever", "bm25"])
    assert result.exit_code == 2 and "--corpus-dir" in result.stderr


def test_several_corpus_folders_are_evaluated_as_one_corpus(tmp_path):
    """The real assistant over two folders (as the library sits beside the directives); its own index folder."""
    import shutil

    from bot.settings import bundled_corpus_dir

    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    shutil.copy(bundled_corpus_dir() / "son-la-2024.txt", a)
    shutil.copy(bundled_corpus_dir() / "lai-chau-2023.txt", b)
    lines = [LINES[0], {"id": "lc-1", "question": "Ai ký Chỉ thị thi đua năm 2023 của tỉnh Lai Châu?", "kind": "meta",
                        "gold": [{"doc_id": "lai-chau-2023", "clause": "phần chữ ký"}], "answers": ["Trần Tiến Dũng"],
                        "answerable": True, "split": "dev"}]
    path = tmp_path / "q.jsonl"
    path.write_text("\n".join(json.dumps(x, ensure_ascii=False) for x in lines) + "\n", encoding="utf-8")
    result = CliRunner().invoke(app, ["eval", "--questions", str(path), "--retriever", "bm25", "--json",
                                      "--corpus-dir", str(a), "--corpus-dir", str(b),
                                      "--index-dir", str(tmp_path / "index")])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert data["corpus"]["documents"] == 2
    assert data["by_set"]["bm25"]["q"]["all"]["answer_accuracy"] == 1.0, data["failures"]


def test_another_corpus_gets_its_own_index_folder(qfile, monkeypatch, tmp_path):
    """Evaluating over the library must not rebuild the index the user's `ask` and `chat` use."""
    seen = {}

    def load(settings, folders):
        seen["index_dir"], seen["folders"] = settings.index_dir, folders
        return FakeAssistant(tiny_corpus(), replies())

    monkeypatch.setattr(evaluate_cmd, "_load_assistant", load)
    monkeypatch.setenv("THIDUA_INDEX_DIR", str(tmp_path / "index"))
    args = ["eval", "--questions", str(qfile), "--retriever", "bm25", "--corpus-dir", str(tmp_path / "a"),
            "--corpus-dir", str(tmp_path / "b")]
    assert CliRunner().invoke(app, args).exit_code == 0
    assert seen["index_dir"].parent == tmp_path and seen["index_dir"].name.startswith("index-eval-")
    assert seen["folders"] == [tmp_path / "a", tmp_path / "b"]
    assert CliRunner().invoke(app, ["eval", "--questions", str(qfile), "--retriever", "bm25"]).exit_code == 0
    assert seen["index_dir"] == tmp_path / "index"  # the configured corpus keeps the configured index


def test_the_conversation_set_is_asked_over_the_directives_and_the_library(monkeypatch, tmp_path):
    """Its gold cites library documents too: without the library every such turn would be unresolved."""
    seen = {}

    def load(settings, folders):
        seen["folders"] = folders
        return FakeAssistant(tiny_corpus(), replies())

    library = tmp_path / "library"
    library.mkdir()
    monkeypatch.setattr(evaluate_cmd, "_load_assistant", load)
    monkeypatch.setattr(evaluate_cmd, "default_library_dir", lambda: library)
    conv = tmp_path / "conversations.jsonl"
    conv.write_text(json.dumps({"id": "c-1", "split": "dev", "turns": [
        {"question": q, "kind": "unanswerable", "gold": [], "answers": [], "answerable": False, "expect": expect}
        for q, expect in (("Giá vàng hôm nay?", "new_topic"), ("Còn giá xăng?", "follow_up"))]}, ensure_ascii=False)
        + "\n", encoding="utf-8")
    from eval import questions as questions_mod

    monkeypatch.setattr(questions_mod, "set_path", lambda name: conv)
    monkeypatch.setenv("THIDUA_INDEX_DIR", str(tmp_path / "index"))
    result = CliRunner().invoke(app, ["eval", "--set", "conversations", "--retriever", "bm25"])
    assert "folders" in seen, result.output
    assert seen["folders"][-1] == library and len(seen["folders"]) == 2
