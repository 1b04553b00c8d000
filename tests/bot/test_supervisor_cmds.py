"""`thidua responsibilities`, `thidua targets`, `thidua report` as a supervisor runs them."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from openpyxl import load_workbook
from typer.testing import CliRunner

from bot.cli import app
from tests.corpus.facts.conftest import UNSEEN_TEXT

runner = CliRunner()


def run(*args: str):
    result = runner.invoke(app, list(args))
    assert result.exception is None or isinstance(result.exception, SystemExit), result.output
    return result


def test_responsibilities_json_for_an_agency_typed_without_tones() -> None:
    result = run("responsibilities", "--agency", "so noi vu", "--json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert {r["agency"] for r in rows} == {"Sở Nội vụ"}
    assert {r["doc_id"] for r in rows} == {
        "son-la-2022",
        "son-la-2023",
        "son-la-2024",
        "lai-chau-2023",
        "ha-nam-2023",
    }
    for key in ("agency", "role", "duty", "province", "year", "number", "doc_id", "clause", "text"):
        assert all(key in r for r in rows)
    sl24 = next(r for r in rows if r["doc_id"] == "son-la-2024")
    assert (sl24["clause"], sl24["number"], sl24["province"], sl24["year"]) == (
        "mục 10",
        "01/CT-UBND",
        "Sơn La",
        2024,
    )
    assert "Sở Nội vụ chủ trì" in sl24["text"]


def test_targets_json_filtered_by_indicator_and_province() -> None:
    result = run("targets", "--indicator", "ho ngheo", "--province", "son la", "--json")
    rows = json.loads(result.stdout)
    assert sorted((r["year"], r["value"], r["number_value"]) for r in rows) == [
        (2022, "19,74%", 19.74),
        (2023, "15,66%", 15.66),
        (2024, "11,41%", 11.41),
    ]
    for key in ("indicator", "unit", "qualifier", "number", "doc_id", "clause", "text"):
        assert all(key in r for r in rows)


def test_targets_csv_opens_in_excel() -> None:
    result = run("targets", "--year", "2024", "--csv")
    assert result.stdout.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(result.stdout.lstrip("\ufeff"))))
    assert len({r["clause"] for r in rows if r["clause"].startswith("Phụ lục, mục")}) == 23
    poverty = next(r for r in rows if r["clause"] == "Phụ lục, mục 12")
    assert poverty["value"] == "11,41%" and poverty["province"] == "Sơn La"


def test_responsibilities_markdown_and_default_table() -> None:
    md = run("responsibilities", "--province", "lai chau", "--md").stdout.splitlines()
    assert md[0].startswith("| Cơ quan | Vai trò | Nhiệm vụ")
    assert md[1].startswith("|---|")
    assert any("Sở Văn hóa, Thể thao và Du lịch" in line and "mục 6, điểm c" in line for line in md)
    table = run("responsibilities", "--agency", "Sở Nội vụ", "--year", "2024").stdout
    assert "Sở Nội vụ" in table and "mục 10" in table and "Sơn La" in table


def test_no_match_and_conflicting_formats_say_so_in_vietnamese() -> None:
    empty = run("targets", "--indicator", "khong co chi tieu nay")
    assert empty.exit_code == 0 and "Không tìm thấy" in empty.stderr
    both = run("targets", "--json", "--md")
    assert both.exit_code == 2 and "chỉ chọn một" in both.stderr


def test_unseen_directive_through_the_cli(tmp_path: Path) -> None:
    (tmp_path / "dien-bien-2025.txt").write_text(UNSEEN_TEXT, encoding="utf-8")
    rows = json.loads(run("responsibilities", "--corpus-dir", str(tmp_path), "--json").stdout)
    assert "Sở Tài nguyên và Môi trường" in {r["agency"] for r in rows}
    missing = run("targets", "--corpus-dir", str(tmp_path / "khong-co"))
    assert missing.exit_code == 1 and "không thấy thư mục" in missing.stderr


def test_report_xlsx_reads_back(tmp_path: Path) -> None:
    out = tmp_path / "bao-cao.xlsx"
    result = run("report", "--out", str(out))
    assert result.exit_code == 0 and out.exists()
    wb = load_workbook(out)
    assert wb.sheetnames[:2] == ["Trách nhiệm", "Chỉ tiêu"]
    assert set(wb.sheetnames[2:]) == {
        "son-la-2022",
        "son-la-2023",
        "son-la-2024",
        "lai-chau-2023",
        "ha-nam-2023",
    }

    resp = wb["Trách nhiệm"]
    header = [c.value for c in resp[1]]
    assert header[:3] == ["Cơ quan", "Vai trò", "Nhiệm vụ"] and "Điều khoản" in header
    assert all(c.font.bold for c in resp[1]) and resp.freeze_panes == "B2"
    assert resp.column_dimensions["C"].width >= 40 and resp["C2"].alignment.wrap_text
    noi_vu = [row for row in resp.iter_rows(min_row=2, values_only=True) if row[0] == "Sở Nội vụ"]
    assert any("01/CT-UBND ngày 03/01/2024 (Sơn La)" in row[5] and row[6] == "mục 10" for row in noi_vu)

    targets = wb["Chỉ tiêu"]
    rows = list(targets.iter_rows(min_row=2, values_only=True))
    poverty = next(r for r in rows if r[8] == "Phụ lục, mục 12")
    assert poverty[1] == "11,41%" and poverty[2] == pytest.approx(11.41)
    assert "Tỷ lệ hộ nghèo" in poverty[9]  # the clause text itself, for the citation

    sheet = wb["son-la-2024"]
    meta = {row[0]: row[1] for row in sheet.iter_rows(min_row=1, max_row=8, values_only=True)}
    assert meta["Văn bản"] == "Chỉ thị 01/CT-UBND" and meta["Người ký"] == "Hoàng Quốc Khánh"
    assert meta["Ngày ban hành"] == "03/01/2024"
    values = [c for row in sheet.iter_rows(values_only=True) for c in row if c]
    assert "11,41%" in values and "Sở Nội vụ" in values


def test_report_refuses_a_non_xlsx_name(tmp_path: Path) -> None:
    result = run("report", "--out", str(tmp_path / "bao-cao.csv"))
    assert result.exit_code == 2 and ".xlsx" in result.stderr


def test_spreadsheet_gives_whole_duties_names_every_document_and_filters(tmp_path: Path) -> None:
    out = tmp_path / "bao-cao.xlsx"
    assert run("report", "--out", str(out)).exit_code == 0
    wb = load_workbook(out)
    resp, targets = wb["Trách nhiệm"], wb["Chỉ tiêu"]
    assert resp.auto_filter.ref and resp.auto_filter.ref.startswith("A1:")
    assert targets.auto_filter.ref and targets.auto_filter.ref.startswith("A1:")
    rows = list(resp.iter_rows(min_row=2, values_only=True))
    assert not any("…" in (row[2] or "") for row in rows)  # "Nhiệm vụ" whole, never cut
    assert all(row[5] for row in rows)  # "Văn bản" never empty
    ha_nam = [row for row in rows if row[3] == "Hà Nam"]
    assert ha_nam and all(row[5] == "Chỉ thị năm 2023 của UBND tỉnh Hà Nam" for row in ha_nam)


def test_csv_and_json_give_the_whole_duty() -> None:
    data = json.loads(run("responsibilities", "--agency", "so noi vu", "--json").stdout)
    lai_chau = next(r for r in data if r["clause"] == "mục 6, điểm e")
    assert "…" not in lai_chau["duty"] and lai_chau["duty"].endswith("phong trào thi đua của tỉnh.")
    table = list(csv.DictReader(io.StringIO(run("responsibilities", "--csv").stdout.lstrip("\ufeff"))))
    assert table and not any("…" in r["duty"] for r in table)
