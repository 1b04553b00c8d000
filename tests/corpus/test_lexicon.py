"""The lexicon folder: one loader for every topic file, provinces written any way, a hash for indexes."""

from __future__ import annotations

import shutil
from pathlib import Path

from corpus.lexicon import LEXICON_DIR, lexicon_hash, load_lexicon


def test_every_province_before_and_after_the_merger_is_known() -> None:
    lex = load_lexicon()
    names = {p.name for p in lex.provinces}
    assert len(names) == 63
    assert len({p.merged_into for p in lex.provinces}) == 34
    hg = next(p for p in lex.provinces if p.name == "Hà Giang")
    assert hg.merged_into == "Tuyên Quang" and not hg.current
    assert lex.province_kind("Hải Phòng") == "thành phố" and lex.province_kind("Sơn La") == "tỉnh"


def test_province_spellings_accent_free_old_tones_and_case() -> None:
    lex = load_lexicon()
    assert lex.province("son la") == "Sơn La"
    assert lex.province("SƠN LA") == "Sơn La"
    assert lex.province("Thanh Hoá") == "Thanh Hóa"  # old-style tone placement
    assert lex.province("khanh hoa") == "Khánh Hòa"
    assert lex.province("Bà Rịa - Vũng Tàu") == "Bà Rịa - Vũng Tàu"
    assert lex.province("Thừa Thiên Huế") == "Huế"
    for word in ("để", "đối", "Ký", "Chủ", "I", "đó"):
        assert lex.province(word) is None
    spellings = lex.province_spellings()
    assert {"Khánh Hoà", "Khánh Hòa", "khanh hoa"} <= set(spellings)


def test_document_types_and_authorities_come_from_the_data_files() -> None:
    lex = load_lexicon()
    assert lex.doc_type_by_code("NĐ") == "Nghị định" and lex.doc_type_by_code("VBHN") == "Văn bản hợp nhất"
    assert lex.doc_type_by_line("THÔNG TƯ LIÊN TỊCH") == "Thông tư liên tịch"
    forms = {a.form: a.name for a in lex.authorities}
    assert forms["BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI"] == "Bộ Lao động - Thương binh và Xã hội"
    assert forms["ỦY BAN THƯỜNG VỤ QUỐC HỘI"] == "Ủy ban Thường vụ Quốc hội"
    assert "VĂN BẢN QUY PHẠM PHÁP LUẬT" in lex.banners


def test_loader_is_generic_cached_and_hashed(tmp_path: Path) -> None:
    folder = tmp_path / "lexicon"
    shutil.copytree(LEXICON_DIR, folder, ignore=shutil.ignore_patterns("*.py", "__pycache__"))
    (folder / "stopwords.txt").write_text("# từ dừng\nthì\nlà\n", encoding="utf-8")
    (folder / "units.toml").write_text('[units]\n"%" = "phần trăm"\n', encoding="utf-8")
    lex = load_lexicon(folder)
    assert lex is load_lexicon(folder)  # read once per process
    assert lex.topic("stopwords") == ("thì", "là")
    assert lex.topic("units") == {"units": {"%": "phần trăm"}}
    assert lex.topic("doc_types")[0]["name"]
    before = lexicon_hash(folder)
    assert len(before) == 64 and before == lexicon_hash(folder)
    assert lexicon_hash(LEXICON_DIR) != before  # one more file, another hash


def test_an_empty_topic_file_is_refused_with_one_vietnamese_line(tmp_path: Path) -> None:
    # A word list with no word would become "(?:)" in the patterns built from it, which matches every text.
    import pytest

    from corpus.errors import ThiduaError

    folder = tmp_path / "lexicon"
    shutil.copytree(LEXICON_DIR, folder, ignore=shutil.ignore_patterns("__pycache__", "*.py"))
    (folder / "function_words.txt").write_text("# only a comment\n\n", encoding="utf-8")
    with pytest.raises(ThiduaError) as err:
        load_lexicon(folder)
    assert "function_words.txt" in str(err.value) and "\n" not in str(err.value)


def test_what_the_lexicon_feeds_is_built_once_and_all_of_it_on_warm_up() -> None:
    """A pattern built from the lexicon is built once, and before any question when the program warms up."""
    from corpus.lexicon import derived, prepare_derived

    built: list[int] = []

    @derived
    def doc_words() -> frozenset[str]:
        built.append(1)
        return frozenset(t.name for t in load_lexicon().doc_types)

    assert not built  # nothing is built on import
    assert prepare_derived() >= 1
    assert built == [1]
    assert "Thông tư" in doc_words()
    assert built == [1]  # kept, not built again

