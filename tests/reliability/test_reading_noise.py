"""Files that are not documents, special files and terminal noise: one line each, nothing else lost."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from corpus import ReadError, clean_text, load_corpus, read_directive
from tests.corpus.samples import DIEN_BIEN, SEEDS, write


def _folder(tmp_path: Path) -> Path:
    folder = tmp_path / "kho"
    shutil.copytree(SEEDS, folder)
    return folder


def _problems(folder: Path) -> dict[str, str]:
    corpus = load_corpus(folder)
    assert len(corpus) == 5  # the five directives are all still there
    return {p.path.name: p.message for p in corpus.problems}


def test_one_letter_lines_and_a_million_a_lines_are_not_documents(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    write(folder, "chu-cai.txt", "\n".join("abcdeghiklmnopqrstuvxy") * 2000)
    write(folder, "trieu-a.txt", "a\n" * 1_000_000)
    write(folder, "lap-lai.txt", "thi đua yêu nước\n" * 20000)
    problems = _problems(folder)
    assert sorted(problems) == ["chu-cai.txt", "lap-lai.txt", "trieu-a.txt"]
    assert all("không phải văn bản" in m and m.count("\n") == 0 for m in problems.values())


def test_escape_sequences_and_script_are_stripped_when_reading(tmp_path: Path) -> None:
    noisy = DIEN_BIEN.replace(
        "Số: 05/CT-UBND", "\x1b]0;pwned\x07Số: 05/CT-UBND\x1b[0m"
    ).replace("đạt 8,5%;", "đạt \x1b[31m8,5%\x1b[0m;<script>alert(7)</script>")
    d = read_directive(write(tmp_path, "dien-bien.txt", noisy))
    assert "\x1b" not in d.text and "pwned" not in d.text and "alert(7)" not in d.text
    assert d.number == "05/CT-UBND"
    point = next(c for c in d.clauses if "GRDP" in c.text and c.kind == "point")
    assert "đạt 8,5%;" in point.text
    assert "\x1b" not in clean_text("Chỉ thị\x1b[2J số 1\x9b31m")


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="no FIFOs on this system")
def test_symlink_loop_dangling_link_and_fifo_each_get_one_line(tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / "vong.txt").symlink_to(folder / "vong.txt")
    (folder / "mat.txt").symlink_to(tmp_path / "da-xoa.txt")
    os.mkfifo(folder / "ong.txt")
    (folder / "tot.txt").symlink_to(folder / "son-la-2024.txt")  # a good link is read
    corpus = load_corpus(folder)
    problems = {p.path.name: p.message for p in corpus.problems}
    assert sorted(problems) == ["mat.txt", "ong.txt", "vong.txt"]
    assert "vòng lặp" in problems["vong.txt"]
    assert "không còn tồn tại" in problems["mat.txt"]
    assert "FIFO" in problems["ong.txt"]
    assert len(corpus) == 6 and corpus.get("tot").number == "01/CT-UBND"


def test_a_fifo_is_never_opened(tmp_path: Path) -> None:
    fifo = tmp_path / "ong.txt"
    os.mkfifo(fifo)
    with pytest.raises(ReadError, match="FIFO"):
        read_directive(fifo)  # would block forever if it were opened


def test_a_long_paragraph_of_wrapped_lines_is_joined_once() -> None:
    out = clean_text("CHỈ THỊ\nThi đua năm 2024\n1. Các đơn vị\n" + "thi đua yêu nước\n" * 5000)
    lines = out.split("\n")
    assert len(lines) == 3 and lines[2].count("thi đua yêu nước") == 5000
