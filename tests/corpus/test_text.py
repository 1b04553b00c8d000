"""Vietnamese text keys: accent folding must give the same key for a word and for a whole clause."""

from __future__ import annotations

import unicodedata

from corpus.text import fold


def test_folding_a_long_clause_folds_each_of_its_words() -> None:
    words = ["Ủy", "ban", "nhân", "dân", "tỉnh", "Điện", "Biên", "hoà", "hòa", "khoẻ", "Quỹ", "được", "ưu", "đãi"]
    clause = " ".join(words * 8)  # long: folded by removing each distinct mark at once
    assert fold(clause) == " ".join(fold(w) for w in words * 8)
    assert fold(clause).split()[:7] == ["uy", "ban", "nhan", "dan", "tinh", "dien", "bien"]
    assert fold(unicodedata.normalize("NFD", clause)) == fold(clause)
    assert fold("Đ" * 60) == "d" * 60 and fold("") == ""
