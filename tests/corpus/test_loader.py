"""load_corpus: every good file read, every bad one reported once, nothing raised."""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from corpus import corpus_fingerprint, load_corpus
from tests.corpus.samples import DIEN_BIEN, SEEDS, write


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "kho"
    shutil.copytree(SEEDS, folder)
    return folder


def test_bundled_seeds_load_sorted_without_problems() -> None:
    corpus = load_corpus(SEEDS)
    assert [d.doc_id for d in corpus] == [
        "ha-nam-2023",
        "lai-chau-2023",
        "son-la-2022",
        "son-la-2023",
        "son-la-2024",
    ]
    assert corpus.problems == ()
    assert corpus.get("son-la-2024").path == SEEDS / "son-la-2024.txt"


def test_bad_files_are_skipped_with_one_problem_each_and_logged(tmp_path: Path, caplog) -> None:
    folder = _folder(tmp_path)
    write(folder, "rong.txt", "")
    write(folder, "anh.png", b"\x89PNG\r\n\x1a\n\x00\x00")
    write(folder, "dien-bien-2025.txt", DIEN_BIEN)
    write(folder, ".an.txt", "tệp ẩn")
    write(folder, "dien-bien-2025.meta.toml", 'signer = "Lò Văn Tiến"\n')
    with caplog.at_level(logging.WARNING):
        corpus = load_corpus(folder)
    assert len(corpus) == 6 and corpus.get("dien-bien-2025") is not None
    assert sorted(p.path.name for p in corpus.problems) == ["anh.png", "rong.txt"]
    assert all(p.message.startswith(p.path.name) for p in corpus.problems)
    assert "rong.txt" in caplog.text and "anh.png" in caplog.text


def test_duplicate_doc_id_is_a_problem_not_an_overwrite(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    write(folder, "Sơn La 2024.md", (SEEDS / "son-la-2024.txt").read_text(encoding="utf-8"))
    corpus = load_corpus(folder)
    assert [d.doc_id for d in corpus].count("son-la-2024") == 1
    kept = corpus.get("son-la-2024").source
    assert len(corpus.problems) == 1
    problem = corpus.problems[0]
    assert problem.path.name != kept and "trùng mã" in problem.message and kept in problem.message


def test_missing_folder_is_reported_not_raised(tmp_path: Path) -> None:
    corpus = load_corpus(tmp_path / "khong-co")
    assert len(corpus) == 0 and "không tìm thấy thư mục" in corpus.problems[0].message


def test_fingerprint_is_stable_and_follows_content(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    first = corpus_fingerprint(load_corpus(folder))
    assert first == corpus_fingerprint(load_corpus(folder))
    assert len(first) == 64
    path = folder / "lai-chau-2023.txt"
    path.write_text(path.read_text(encoding="utf-8") + "\nPhụ lục\n1. Chỉ tiêu mới.\n", encoding="utf-8")
    assert corpus_fingerprint(load_corpus(folder)) != first
