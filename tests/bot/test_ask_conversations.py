"""`thidua ask --input F.jsonl`: lines of one conversation are follow-ups, in order; one output line per input line."""

from __future__ import annotations

import json
from dataclasses import dataclass, field

import pytest
from typer.testing import CliRunner

from bot.cli import app
from bot.commands.ask import parse_input_line
from bot.models import Answer


@dataclass
class RecordingAssistant:
    """Answers with the question and remembers which previous answer each question was given."""

    corpus: object = field(default_factory=lambda: type("C", (), {"problems": ()})())
    index_notice: str | None = None
    seen: list[tuple[str, str | None]] = field(default_factory=list)

    def answer(self, question, *, filters=None, retriever=None, top_k=None, previous=None):
        self.seen.append((question, previous.question if previous is not None else None))
        return Answer(question=question, answer=f"trả lời: {question}", abstained=False)


@pytest.fixture
def recording(monkeypatch, tmp_path):
    from bot import assistant as assistant_module

    fake = RecordingAssistant()
    monkeypatch.setattr(assistant_module.Assistant, "load", classmethod(lambda cls, settings, **kw: fake))
    monkeypatch.setenv("THIDUA_INDEX_DIR", str(tmp_path / "index"))
    return fake


def _lines(*rows) -> str:
    return "\n".join(r if isinstance(r, str) else json.dumps(r, ensure_ascii=False) for r in rows) + "\n"


def test_same_conversation_lines_are_follow_ups_and_others_stand_alone(recording, tmp_path):
    path = tmp_path / "hoi.jsonl"
    path.write_text(_lines(
        {"q": "Chỉ tiêu tỷ lệ hộ nghèo năm 2024 của Sơn La?", "conversation": "a"},
        {"q": "Ai ký chỉ thị của Lai Châu?", "conversation": "b"},
        {"q": "Còn năm 2023 thì sao?", "conversation": "a"},
        "Ai ký chỉ thị năm 2022?",
        {"q": "Còn Hà Nam?", "conversation": "b"},
        {"q": "Năm 2022?", "conversation": "a"},
    ), encoding="utf-8")
    result = CliRunner().invoke(app, ["ask", "--input", str(path), "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 6
    assert recording.seen == [
        ("Chỉ tiêu tỷ lệ hộ nghèo năm 2024 của Sơn La?", None),
        ("Ai ký chỉ thị của Lai Châu?", None),
        ("Còn năm 2023 thì sao?", "Chỉ tiêu tỷ lệ hộ nghèo năm 2024 của Sơn La?"),
        ("Ai ký chỉ thị năm 2022?", None),  # a plain line never leans on another
        ("Còn Hà Nam?", "Ai ký chỉ thị của Lai Châu?"),
        ("Năm 2022?", "Còn năm 2023 thì sao?"),  # the last answer of the conversation, not the first
    ]
    assert [r.get("conversation") for r in rows] == ["a", "b", "a", None, "b", "a"]


def test_a_broken_json_line_gets_its_own_error_line_and_the_rest_is_answered(recording, tmp_path):
    path = tmp_path / "hoi.jsonl"
    path.write_text(_lines(
        {"q": "Ai ký chỉ thị?", "conversation": 1},
        '{"q": "Còn Sơn La?", "conversation": ',
        {"conversation": 1},
        {"q": "Còn Sơn La?", "conversation": 1},
    ), encoding="utf-8")
    result = CliRunner().invoke(app, ["ask", "--input", str(path), "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]
    assert len(rows) == 4
    assert "JSON" in rows[1]["error"] and "\"q\"" in rows[2]["error"]
    assert rows[3]["answer"] == "trả lời: Còn Sơn La?"
    assert recording.seen[-1] == ("Còn Sơn La?", "Ai ký chỉ thị?")  # the bad lines did not break the thread


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("Ai ký chỉ thị?", ("Ai ký chỉ thị?", None, None)),
        ('{"q": "Còn Lai Châu?", "conversation": "x1"}', ("Còn Lai Châu?", "x1", None)),
        ('{"q": "Còn Lai Châu?"}', ("Còn Lai Châu?", None, None)),
        ('{"q": "Năm 2022?", "conversation": 7}', ("Năm 2022?", "7", None)),
    ],
)
def test_parse_input_line(line, expected):
    assert parse_input_line(line) == expected


def test_follow_up_in_a_conversation_keeps_the_scope_with_the_real_assistant(tmp_path, monkeypatch):
    """"Còn năm 2023 thì sao?" alone names no indicator; after the 2024 poverty question it asks the 2023 one."""
    monkeypatch.setenv("THIDUA_INDEX_DIR", str(tmp_path / "index"))
    monkeypatch.setenv("THIDUA_RETRIEVER", "bm25")
    path = tmp_path / "hoi.jsonl"
    path.write_text(_lines(
        {"q": "Chỉ tiêu tỷ lệ hộ nghèo năm 2024 của Sơn La?", "conversation": "a"},
        {"q": "Còn năm 2023 thì sao?", "conversation": "a"},
        "Còn năm 2023 thì sao?",
    ), encoding="utf-8")
    result = CliRunner().invoke(app, ["ask", "--input", str(path), "--json"])
    assert result.exit_code == 0, result.output
    first, follow_up, alone = (json.loads(line) for line in result.stdout.splitlines())
    assert "11,41%" in first["answer"]
    assert follow_up["citations"] and all(c["year"] == 2023 for c in follow_up["citations"])
    assert follow_up["answer"] != alone["answer"]


def test_interleaved_conversations_each_keep_their_own_document_with_the_real_assistant(tmp_path, monkeypatch):
    """Two threads in one file: each pointer and each new question is read against its own thread only."""
    monkeypatch.setenv("THIDUA_INDEX_DIR", str(tmp_path / "index"))
    monkeypatch.setenv("THIDUA_RETRIEVER", "bm25")
    path = tmp_path / "hoi.jsonl"
    path.write_text(_lines(
        {"q": "Ai ký chỉ thị thi đua năm 2023 của Lai Châu?", "conversation": "lc"},
        {"q": "chi tieu ty le ho ngheo nam 2023 cua son la", "conversation": "sl"},
        {"q": "Chỉ tiêu thu ngân sách trên địa bàn năm 2023 là bao nhiêu?", "conversation": "lc"},
        {"q": "ai ky van ban nay?", "conversation": "sl"},
        {"q": "Còn năm 2021?", "conversation": "sl"},
    ), encoding="utf-8")
    result = CliRunner().invoke(app, ["ask", "--input", str(path), "--json"])
    assert result.exit_code == 0, result.output
    signer, poverty, budget, signed, missing = (json.loads(line) for line in result.stdout.splitlines())
    assert {c["doc_id"] for c in signer["citations"]} == {"lai-chau-2023"}
    assert "15,66%" in poverty["answer"]
    assert {c["doc_id"] for c in budget["citations"]} == {"lai-chau-2023"} and "2.450 tỷ đồng" in budget["answer"]
    assert {c["doc_id"] for c in signed["citations"]} == {"son-la-2023"} and "Hoàng Quốc Khánh" in signed["answer"]
    assert missing["abstained"] and not missing["citations"]  # no 2021 document: never another year's figure
