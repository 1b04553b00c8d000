"""The command line as an official meets it: Vietnamese, one line per message, answers quoted briefly."""

from __future__ import annotations

import json

import pytest

from bot.cli import main
from bot.commands.ask import render_text
from bot.guard import check_question
from bot.models import Answer, Citation
from bot.quotes import quoted_text


@pytest.fixture
def env(tmp_path, monkeypatch):
    monkeypatch.setenv("THIDUA_INDEX_DIR", str(tmp_path / "index"))
    monkeypatch.setenv("THIDUA_RETRIEVER", "bm25")
    return tmp_path


def _run(capsys, *argv: str) -> tuple[int, str, str]:
    with pytest.raises(SystemExit) as stop:
        main(list(argv))
    out = capsys.readouterr()
    return stop.value.code, out.out, out.err


ENGLISH = ("Usage", "Error", "Missing", "No such", "Show this message", "Invalid value", "Input should",
           "pydantic", "errors.pydantic.dev", "<bool>", "<str>", "<int", "<path>", "Options", "Arguments")


@pytest.mark.parametrize("argv, expected", [
    (["ask", "--foo"], "Lỗi: Không có tùy chọn --foo. Xem `thidua ask --help`."),
    (["show"], "Lỗi: Thiếu tham số «VĂN_BẢN». Xem `thidua show --help`."),
    (["ask", "--top-k", "0", "câu hỏi"], "Lỗi: Giá trị không hợp lệ cho --top-k: phải lớn hơn hoặc bằng 1."),
    (["ask", "--retriever", "foo", "câu hỏi"], "«foo» không thuộc các giá trị 'hybrid', 'dense', 'bm25'"),
    (["ask", "--year", "hai nghìn", "câu hỏi"], "--year: phải là số nguyên"),
    (["khongco"], "Lỗi: Không có lệnh «khongco»"),
])
def test_usage_errors_are_one_vietnamese_line(capsys, env, argv, expected):
    code, out, err = _run(capsys, *argv)
    assert code == 2 and out == ""
    assert len(err.strip().splitlines()) == 1, err
    assert expected in err
    assert not any(word in err for word in ENGLISH), err


def test_a_bad_setting_in_the_environment_is_one_vietnamese_line(capsys, env, monkeypatch):
    monkeypatch.setenv("THIDUA_TOP_K", "0")
    code, _, err = _run(capsys, "docs")
    assert code == 2 and len(err.strip().splitlines()) == 1
    assert "THIDUA_TOP_K phải lớn hơn hoặc bằng 1" in err and "pydantic" not in err


@pytest.mark.parametrize("argv", [[], ["--help"], ["ask", "--help"], ["show", "--help"], ["docs", "--help"],
                                  ["report", "--help"], ["chat", "--help"]])
def test_help_is_vietnamese(capsys, env, argv):
    code, out, _ = _run(capsys, *argv)
    assert code == 0
    assert out.startswith("Cách dùng: thidua") and "Hiện hướng dẫn này rồi thoát." in out
    assert not any(word in out for word in ENGLISH), out


def test_ask_input_in_utf16_gives_exactly_one_line_per_line(capsys, env):
    questions = env / "cau-hoi.txt"
    questions.write_text("Chỉ tiêu tỷ lệ hộ nghèo năm 2024 của Sơn La?\r\n\r\nAi ký chỉ thị thi đua năm 2023 của Lai Châu?\r\n",
                         encoding="utf-16")  # Notepad's "Unicode": BOM, CRLF
    code, out, _ = _run(capsys, "ask", "--input", str(questions), "--json")
    assert code == 0
    rows = [json.loads(line) for line in out.splitlines()]
    assert [r["line"] for r in rows] == [1, 2, 3]
    assert "11,41%" in rows[0]["answer"] and rows[1]["error"].startswith("Dòng 2 trống")
    assert "Trần Tiến Dũng" in rows[2]["answer"]


def _citation(text: str, span: tuple[int, int] | None) -> Citation:
    return Citation("d", "Chỉ thị", None, "UBND tỉnh Sơn La", "Sơn La", 2024, "01/CT-UBND", "2024-01-03",
                    "mục 3", text, 1.0, "d:3", span)


def test_a_long_clause_is_quoted_by_its_answering_sentences_with_ellipses():
    text = ("3. Mục tiêu chung của tỉnh trong năm. Thu ngân sách trên địa bàn đạt 4.450 tỷ đồng; "
            "chi ngân sách bảo đảm đúng dự toán. " + "Các nội dung khác được thực hiện theo kế hoạch. " * 60)
    s = text.index("4.450")
    quote = quoted_text(text, (s, s + len("4.450 tỷ đồng")))
    assert quote == "… Thu ngân sách trên địa bàn đạt 4.450 tỷ đồng …"
    assert len(render_text(Answer("q", "4.450 tỷ đồng.", False, (_citation(text, (s, s + 5)),)))) < 400
    opening = quoted_text(text, None)
    assert opening.endswith("…") and len(opening) <= 620


def test_a_multi_line_quote_keeps_its_lines():
    text = "6. Tổ chức thực hiện:\na) Sở Nội vụ chủ trì tổng hợp;\nb) Sở Tài chính bảo đảm kinh phí."
    s = text.index("a)")
    out = render_text(Answer("q", "…", False, (_citation(text, (s, len(text))),)))
    lines = out.splitlines()
    assert "    “… a) Sở Nội vụ chủ trì tổng hợp;" in lines  # the heading line left out
    assert "    b) Sở Tài chính bảo đảm kinh phí.”" in lines


def test_the_too_long_message_groups_thousands_with_dots():
    message = check_question("x" * 17399)
    assert message.startswith("Câu hỏi dài 17.399 ký tự, vượt giới hạn 1.000 ký tự. ")
