from __future__ import annotations

import json

import pytest
from typer.testing import CliRunner

from bot.cli import app


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.setenv("THIDUA_INDEX_DIR", str(tmp_path / "index"))
    monkeypatch.setenv("THIDUA_RETRIEVER", "bm25")
    return tmp_path


def test_ask_prints_the_answer_then_its_sources(env):
    result = CliRunner().invoke(app, ["ask", "Chỉ tiêu tỷ lệ hộ nghèo năm 2024 của Sơn La?"])
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert "11,41%" in out.split("Nguồn:")[0]
    assert "Nguồn:" in out
    assert "Phụ lục, mục 12" in out.split("Nguồn:")[1]


def test_a_question_not_answered_lists_the_nearest_clauses_once_under_the_answer(env):
    result = CliRunner().invoke(app, ["ask", "Thu nhập bình quân đầu người năm 2024 của Sơn La ở vùng V là bao nhiêu?"])
    assert result.exit_code == 0, result.output
    text, _, listed = result.stdout.partition("Gợi ý các điều khoản gần nhất:")
    assert text.startswith("Không tìm thấy") and listed.strip().startswith("- ")
    assert "gần nhất" not in text and "mục" not in text  # named once, in the list, not also in the sentence


def test_ask_json_has_the_contract_fields(env):
    result = CliRunner().invoke(app, ["ask", "ty le ho ngheo nam 2024 cua son la", "--json"])
    assert result.exit_code == 0, result.output
    data = json.loads(result.stdout)
    assert {"question", "answer", "abstained", "citations", "retriever", "latency_ms"} <= data.keys()
    assert data["citations"][0]["clause"] == "Phụ lục, mục 12"
    assert data["retriever"] == "bm25"


def test_ask_input_file_gives_one_json_object_per_line_in_order(env):
    questions = env / "q.txt"
    questions.write_text(
        "Cơ quan nào tổng hợp báo cáo kết quả thi đua năm 2024?\n\n"
        "Chỉ tiêu tỷ lệ hộ nghèo năm 2025 của Sơn La?\n"
        "Ai ký chỉ thị thi đua năm 2023 của Lai Châu?\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["ask", "--input", str(questions), "--json"])
    assert result.exit_code == 0, result.output
    rows = [json.loads(line) for line in result.stdout.splitlines()]  # one line out per line in
    assert [r["question"][:6] for r in rows] == ["Cơ qua", "", "Chỉ ti", "Ai ký "]
    assert rows[0]["answer"].startswith("Sở Nội vụ")
    assert rows[1]["line"] == 2 and "trống" in rows[1]["error"]  # the empty line gets an error object
    assert rows[2]["abstained"] is True
    assert "Trần Tiến Dũng" in rows[3]["answer"]


def test_ask_without_a_question_says_how_to_use_it(env):
    result = CliRunner().invoke(app, ["ask"])
    assert result.exit_code == 2
    assert "thidua ask" in result.output


def test_ask_missing_input_file_is_one_clear_line(env):
    result = CliRunner().invoke(app, ["ask", "--input", str(env / "none.txt")])
    assert result.exit_code == 2
    assert "Không tìm thấy tệp" in result.output


@pytest.mark.parametrize("content", [b"", "\ufeff".encode()])
def test_an_empty_input_file_says_so_in_one_line(env, content):
    empty = env / "trong.txt"
    empty.write_bytes(content)
    result = CliRunner().invoke(app, ["ask", "--input", str(empty)])
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.strip() == "Tệp câu hỏi trong.txt không có câu hỏi nào."


def test_a_folder_given_as_input_is_named_a_folder(env):
    result = CliRunner().invoke(app, ["ask", "--input", str(env)])
    assert result.exit_code == 2 and "là một thư mục" in result.stderr and "Không tìm thấy" not in result.stderr
    assert "Traceback" not in result.output


def test_corpus_dir_given_twice_reads_both_folders(env):
    """`--corpus-dir A --corpus-dir B` (as `thidua eval` takes it) reads both; it used to keep only B, silently."""
    import shutil
    from pathlib import Path

    data = Path(__file__).resolve().parents[2] / "corpus" / "data"
    (env / "a").mkdir()
    (env / "b").mkdir()
    shutil.copy(data / "son-la-2022.txt", env / "a")
    shutil.copy(data / "lai-chau-2023.txt", env / "b")
    args = ["ask", "--corpus-dir", str(env / "a"), "--corpus-dir", str(env / "b")]
    result = CliRunner().invoke(app, [*args, "Chỉ tiêu thu ngân sách trên địa bàn Sơn La năm 2022?"])
    assert result.exit_code == 0, result.output
    assert result.stdout.startswith("4.550 tỷ đồng")
    result = CliRunner().invoke(app, [*args, "thu ngan sach tren dia ban lai chau nam 2023 dat bao nhieu"])
    assert "2.450 tỷ đồng" in result.stdout.split("Nguồn:")[0]
    assert "Lai Châu" in result.stdout.split("Nguồn:")[1]


def test_a_missing_corpus_folder_stops_with_one_line_naming_it(env):
    result = CliRunner().invoke(app, ["ask", "--corpus-dir", str(env / "khong-co"), "Ai ký chỉ thị năm 2022?"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.strip() == (f"Không tìm thấy thư mục văn bản: {env / 'khong-co'}. "
                                     "Kiểm tra --corpus-dir hoặc THIDUA_CORPUS_DIR.")

