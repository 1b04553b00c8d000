"""Feedback lands in SQLite joined to what was answered, and exports as CSV for a spreadsheet."""

from __future__ import annotations

import csv
import io

import pytest
from typer.testing import CliRunner

from bot.cli import app
from bot.feedback import CSV_COLUMNS, AnswerRecord, FeedbackDenied, FeedbackStore, write_csv


def _record(store: FeedbackStore, message_id: str = "m1", question: str = "Tỷ lệ hộ nghèo năm 2024 của Sơn La?"):
    store.record_answer(AnswerRecord(
        message_id=message_id, question=question, answer="Tỷ lệ hộ nghèo năm 2024 là 11,41%.", abstained=False,
        citations=("Chỉ thị 01/CT-UBND (Sơn La, 2024), Phụ lục, mục 12",), clause_ids=("son-la-2024:PL.12",),
        retriever="bm25", thread_id="t1", kind="target", latency_ms=12.5, run_id=f"run-{message_id}"))


@pytest.fixture
def store(tmp_path):
    return FeedbackStore(tmp_path / "sub" / "feedback.db").init()


def test_thumbs_down_with_comment_is_joined_to_question_answer_citations_retriever(store):
    _record(store)
    store.upsert_feedback("m1", -1, "  Sai: phải là Phụ lục mục 12 năm 2023  ")
    (row,) = store.feedback_rows()
    assert row.value == -1 and row.comment == "Sai: phải là Phụ lục mục 12 năm 2023"
    assert row.question == "Tỷ lệ hộ nghèo năm 2024 của Sơn La?" and "11,41%" in row.answer
    assert row.citations == ("Chỉ thị 01/CT-UBND (Sơn La, 2024), Phụ lục, mục 12",)
    assert row.retriever == "bm25" and row.thread_id == "t1"


def test_thumbs_on_the_run_step_joins_the_same_answer(store):
    _record(store, "m1")
    _record(store, "m2", question="Ai tổng hợp báo cáo?")
    store.upsert_feedback("run-m2", 1)
    (row,) = store.feedback_rows()
    assert row.question == "Ai tổng hợp báo cáo?" and row.value == 1


def test_editing_a_feedback_keeps_one_row_and_delete_removes_it(store):
    _record(store)
    fid = store.upsert_feedback("m1", 1)
    assert store.upsert_feedback("m1", -1, "đổi ý", feedback_id=fid) == fid
    rows = store.feedback_rows()
    assert [(r.value, r.comment) for r in rows] == [(-1, "đổi ý")]
    assert store.delete_feedback(fid) and store.feedback_rows() == []


def test_feedback_on_an_unrecorded_message_is_kept_with_empty_answer(store):
    store.upsert_feedback("unknown", 1)
    (row,) = store.feedback_rows()
    assert row.value == 1 and row.question == "" and row.citations == ()


def test_only_plus_or_minus_one(store):
    with pytest.raises(ValueError, match="must be"):
        store.upsert_feedback("m1", 0)


def test_missing_database_reads_as_empty(tmp_path):
    assert FeedbackStore(tmp_path / "none.db").feedback_rows() == []


def test_unwritable_location_says_how_to_fix(tmp_path):
    blocker = tmp_path / "file"
    blocker.write_text("x")
    with pytest.raises(OSError, match="THIDUA_FEEDBACK_DB"):
        FeedbackStore(blocker / "feedback.db").init()


def test_csv_has_the_agreed_columns_and_signed_values(store):
    _record(store)
    store.upsert_feedback("m1", -1, "thiếu nguồn, xem Uỷ ban")
    buf = io.StringIO()
    write_csv(store.feedback_rows(), buf)
    rows = list(csv.reader(io.StringIO(buf.getvalue())))
    assert tuple(rows[0]) == CSV_COLUMNS == ("time", "value", "comment", "question", "answer", "citations", "retriever",
                                          "user")
    assert rows[1][1] == "-1" and rows[1][2] == "thiếu nguồn, xem Uỷ ban"
    assert rows[1][5] == "Chỉ thị 01/CT-UBND (Sơn La, 2024), Phụ lục, mục 12" and rows[1][6] == "bm25"


def test_cli_exports_csv_file_with_bom_for_excel(store, tmp_path):
    _record(store)
    store.upsert_feedback("m1", 1, "đúng")
    out = tmp_path / "out" / "phan_hoi.csv"
    result = CliRunner().invoke(app, ["feedback", "--csv", "--out", str(out), "--feedback-db", str(store.path)])
    assert result.exit_code == 0, result.output
    raw = out.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(io.StringIO(raw.decode("utf-8-sig"))))
    assert rows[1][1] == "+1" and rows[1][3] == "Tỷ lệ hộ nghèo năm 2024 của Sơn La?"


def test_cli_csv_to_stdout_and_summary(store):
    _record(store)
    store.upsert_feedback("m1", -1, "sai")
    runner = CliRunner()
    out = runner.invoke(app, ["feedback", "--csv", "--feedback-db", str(store.path)])
    assert out.exit_code == 0 and "Tỷ lệ hộ nghèo năm 2024 của Sơn La?" in out.output
    summary = runner.invoke(app, ["feedback", "--feedback-db", str(store.path)])
    assert summary.exit_code == 0 and "1 phản hồi" in summary.output and "«sai»" in summary.output


def test_cli_with_no_feedback_yet(tmp_path):
    result = CliRunner().invoke(app, ["feedback", "--feedback-db", str(tmp_path / "x.db")])
    assert result.exit_code == 0 and "Chưa có phản hồi" in result.output


def test_only_the_author_changes_or_deletes_a_feedback(store):
    _record(store)
    bob = store.upsert_feedback("m1", 1, "đúng", user_name="bob")
    with pytest.raises(FeedbackDenied):
        store.upsert_feedback("m1", -1, "sửa trộm", feedback_id=bob, user_name="alice")
    with pytest.raises(FeedbackDenied):
        store.delete_feedback(bob, user_name="alice")
    with pytest.raises(FeedbackDenied):
        store.delete_feedback(bob)  # anonymous neither
    (row,) = store.feedback_rows()
    assert (row.value, row.comment, row.user_name) == (1, "đúng", "bob")
    assert store.upsert_feedback("m1", -1, "đổi ý", feedback_id=bob, user_name="bob") == bob
    assert store.delete_feedback(bob, user_name="bob") and store.feedback_rows() == []


def test_huge_question_and_comment_are_stored_cut(store):
    from bot.guard import MAX_QUESTION_CHARS

    huge = "Tỷ lệ hộ nghèo " * 60_000  # 900 000 characters
    _record(store, question=huge)
    store.upsert_feedback("m1", -1, "sai " * 10_000)
    (row,) = store.feedback_rows()
    assert len(row.question) == MAX_QUESTION_CHARS and row.question.endswith("…")
    assert row.question.startswith("Tỷ lệ hộ nghèo")
    assert len(row.comment) <= 2_000
    assert store.path.stat().st_size < 200_000


@pytest.mark.parametrize("evil", ["=1+1+cmd|' /C calc'!A0", "=HYPERLINK(\"http://x\",\"bấm\")", "+1", "-2+3",
                                  "@SUM(A1)", "\t=1", "\r=1"])
def test_csv_cells_that_a_spreadsheet_would_run_are_made_inert(store, evil):
    _record(store, question=evil)
    store.upsert_feedback("m1", -1, evil, user_name=evil)
    buf = io.StringIO()
    write_csv(store.feedback_rows(), buf)
    row = list(csv.reader(io.StringIO(buf.getvalue())))[1]
    stored = {2: evil.strip(), 3: evil, 7: evil}  # comment, question, user (the comment is trimmed)
    for col, text in stored.items():
        assert row[col] == "'" + text, (CSV_COLUMNS[col], row[col])
    assert row[1] == "-1"


def test_ordinary_cells_are_not_touched(store):
    _record(store)
    store.upsert_feedback("m1", 1, "đúng; số liệu 11,41%")
    buf = io.StringIO()
    write_csv(store.feedback_rows(), buf)
    row = list(csv.reader(io.StringIO(buf.getvalue())))[1]
    assert row[2] == "đúng; số liệu 11,41%" and row[3] == "Tỷ lệ hộ nghèo năm 2024 của Sơn La?"


def test_new_database_is_readable_by_its_owner_only(tmp_path):
    store = FeedbackStore(tmp_path / "fb.db").init()
    assert store.path.stat().st_mode & 0o777 == 0o600
