"""`thidua docs` and `thidua show` as a supervisor uses them."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from typer.testing import CliRunner

from bot.cli import app
from bot.settings import bundled_corpus_dir

runner = CliRunner()


def _run(*args: str):
    return runner.invoke(app, list(args))


def test_docs_json_lists_every_seed_with_provenance() -> None:
    result = _run("docs", "--json", "--corpus-dir", str(bundled_corpus_dir()))
    assert result.exit_code == 0, result.output
    docs = {d["doc_id"]: d for d in json.loads(result.stdout)}
    assert sorted(docs) == ["ha-nam-2023", "lai-chau-2023", "son-la-2022", "son-la-2023", "son-la-2024"]
    d = docs["son-la-2024"]
    assert (d["number"], d["date"], d["province"], d["signer"]) == (
        "01/CT-UBND",
        "2024-01-03",
        "Sơn La",
        "Hoàng Quốc Khánh",
    )
    assert d["source"] == "son-la-2024.txt" and d["clauses"] >= 8
    assert d["fields"]["number"]["origin"] == "appendix"
    assert "Ban hành kèm theo" in d["fields"]["number"]["evidence"]
    assert docs["ha-nam-2023"]["number"] is None
    assert "Sơn La" in result.stdout  # UTF-8, not \\u escapes


def test_docs_table_and_skipped_files_on_stderr(tmp_path: Path) -> None:
    folder = tmp_path / "kho"
    shutil.copytree(bundled_corpus_dir(), folder)
    (folder / "rong.txt").write_bytes(b"")
    result = _run("docs", "--corpus-dir", str(folder))
    assert result.exit_code == 0
    assert "lai-chau-2023" in result.stdout and "Trần Tiến Dũng" in result.stdout
    assert "rong.txt" in result.stderr and "rỗng" in result.stderr
    assert "rong.txt" not in result.stdout


def test_corpus_dir_defaults_from_settings(tmp_path: Path, monkeypatch) -> None:
    folder = tmp_path / "kho"
    folder.mkdir()
    shutil.copy(bundled_corpus_dir() / "lai-chau-2023.txt", folder)
    monkeypatch.setenv("THIDUA_CORPUS_DIR", str(folder))
    result = _run("docs", "--json")
    assert [d["doc_id"] for d in json.loads(result.stdout)] == ["lai-chau-2023"]


def test_show_clause_by_label_without_diacritics() -> None:
    result = _run("show", "lai-chau-2023", "muc 6, diem e", "--corpus-dir", str(bundled_corpus_dir()))
    assert result.exit_code == 0, result.output
    assert "mục 6, điểm e" in result.stdout
    assert "6. Tổ chức thực hiện" in result.stdout
    assert "Giao Sở Nội vụ tổ chức triển khai và theo dõi việc thực hiện Chỉ thị này" in result.stdout


def test_show_appendix_item_and_document_overview() -> None:
    corpus = str(bundled_corpus_dir())
    item = _run("show", "son-la-2024", "Phụ lục, mục 12", "--corpus-dir", corpus)
    assert "Tỷ lệ hộ nghèo theo chuẩn nghèo giai đoạn 2021-2025 là 11,41%." in item.stdout
    overview = _run("show", "son-la-2024", "--corpus-dir", corpus)
    assert overview.exit_code == 0
    assert "- mục 3, gạch đầu dòng 2" in overview.stdout and "- Phụ lục, mục 23" in overview.stdout
    assert "Nơi nhận (không dùng để trả lời)" in overview.stdout


def test_show_by_number_only_when_unique(tmp_path: Path) -> None:
    folder = tmp_path / "kho"
    folder.mkdir()
    shutil.copy(bundled_corpus_dir() / "lai-chau-2023.txt", folder)
    result = _run("show", "01 /CT-UBND", "--json", "--corpus-dir", str(folder))
    assert json.loads(result.stdout)["doc_id"] == "lai-chau-2023"


def test_unknown_document_or_clause_lists_the_choices() -> None:
    corpus = str(bundled_corpus_dir())
    result = _run("show", "dien-bien-2030", "--corpus-dir", corpus)
    assert result.exit_code == 1
    assert "Không tìm thấy văn bản «dien-bien-2030»" in result.stderr and "son-la-2024" in result.stderr
    assert "Traceback" not in result.output
    clause = _run("show", "ha-nam-2023", "mục 9", "--corpus-dir", corpus)
    assert clause.exit_code == 1
    assert "Không tìm thấy điều khoản «mục 9»" in clause.stderr and "«mục III.5»" in clause.stderr
    assert len(clause.stderr.strip().splitlines()) == 1


def test_clause_labels_with_commas_are_listed_unambiguously() -> None:
    result = _run("show", "son-la-2024", "mục 99", "--corpus-dir", str(bundled_corpus_dir()))
    assert "«Phụ lục, mục 12»; «Phụ lục, mục 13»" in result.stderr
    assert "«mục 3, gạch đầu dòng 1»" in result.stderr


def test_show_accepts_a_description_as_well_as_the_id() -> None:
    corpus = str(bundled_corpus_dir())
    for key in ("Sơn La 2024", "son la 2024", "Chỉ thị Sơn La năm 2024"):
        result = _run("show", key, "Phụ lục, mục 12", "--corpus-dir", corpus)
        assert result.exit_code == 0, (key, result.output)
        assert "11,41%" in result.stdout
    several = _run("show", "Sơn La", "--corpus-dir", corpus)
    assert several.exit_code == 1 and "khớp 3 văn bản" in several.stderr and "son-la-2022" in several.stderr


def test_dates_are_shown_the_vietnamese_way() -> None:
    corpus = str(bundled_corpus_dir())
    table = _run("docs", "--corpus-dir", corpus)
    assert "03/01/2024" in table.stdout and "2024-01-03" not in table.stdout
    overview = _run("show", "son-la-2024", "--corpus-dir", corpus)
    assert "Ngày ban hành: 03/01/2024" in overview.stdout and "2024-01-03" not in overview.stdout
    assert "Số hiệu: 01/CT-UBND" in overview.stdout


def test_docs_lists_the_documents_of_every_corpus_folder_given(tmp_path, monkeypatch) -> None:
    """`--corpus-dir A --corpus-dir B`: both folders, as `thidua eval` reads them (only B was listed before)."""
    monkeypatch.setenv("THIDUA_INDEX_DIR", str(tmp_path / "index"))
    for folder, name in (("a", "son-la-2022.txt"), ("b", "lai-chau-2023.txt")):
        (tmp_path / folder).mkdir()
        shutil.copy(bundled_corpus_dir() / name, tmp_path / folder / name)
    result = _run("docs", "--json", "--corpus-dir", str(tmp_path / "a"), "--corpus-dir", str(tmp_path / "b"))
    assert result.exit_code == 0, result.output
    assert sorted(d["doc_id"] for d in json.loads(result.stdout)) == ["lai-chau-2023", "son-la-2022"]
