"""X.meta.toml overrides the text, and says so."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from corpus import ReadError, read_directive
from tests.corpus.samples import SEEDS, write


def _copy(tmp_path: Path, doc_id: str) -> Path:
    return Path(shutil.copy(SEEDS / f"{doc_id}.txt", tmp_path / f"{doc_id}.txt"))


def test_sidecar_fills_what_the_text_lacks_with_origin_sidecar(tmp_path: Path) -> None:
    path = _copy(tmp_path, "son-la-2023")
    write(tmp_path, "son-la-2023.meta.toml", 'number = "01/CT-UBND"\ndate = 2023-01-05\n')
    d = read_directive(path)
    assert d.number == "01/CT-UBND" and d.date == "2023-01-05"
    source = d.field_source("number")
    assert (source.origin, source.evidence) == ("sidecar", "son-la-2023.meta.toml")
    # fields the sidecar does not name keep their text provenance
    assert d.field_source("signer").origin == "signature"
    assert d.short_name() == "Chỉ thị 01/CT-UBND (Sơn La, 2023)"


def test_sidecar_overrides_a_value_read_from_the_text(tmp_path: Path) -> None:
    path = _copy(tmp_path, "son-la-2024")
    before = read_directive(path).fingerprint
    write(tmp_path, "son-la-2024.meta.toml", 'signer = "Nguyễn Thành Công"\n')
    d = read_directive(path)
    assert d.signer == "Nguyễn Thành Công" and d.field_source("signer").origin == "sidecar"
    assert d.fingerprint != before


@pytest.mark.parametrize(
    ("content", "words"),
    [("number = \n", "TOML"), ('so_hieu = "01"\n', "không hỗ trợ"), ('year = "2024"\n', "số nguyên")],
)
def test_bad_sidecar_is_a_clear_problem(tmp_path: Path, content: str, words: str) -> None:
    path = _copy(tmp_path, "son-la-2024")
    write(tmp_path, "son-la-2024.meta.toml", content)
    with pytest.raises(ReadError) as err:
        read_directive(path)
    assert words in err.value.message and "son-la-2024.meta.toml" in err.value.message
