"""Word segmentation without scikit-learn: a cold question does not pay for it, and the words are pyvi's own."""

from __future__ import annotations

import json
import logging
import subprocess
import sys

import pytest

_SENTENCES = [
    "Tỷ lệ hộ nghèo năm 2024 của Sơn La là bao nhiêu?",
    "Uỷ ban nhân dân tỉnh Lai Châu phát động phong trào thi đua",
    "ty le ho ngheo giai doan 2021-2025",
    "Giá xăng tăng bao nhiêu phần trăm?",
    # capitals, digits, codes, abbreviations with a dot, arrows and an ellipsis: every branch of the features
    "TP. Hồ Chí Minh ==> Sở Văn hóa, Thể thao và Du lịch; UBND TỈNH ĐIỆN BIÊN... 01/CT-UBND ngày 12.3.2024",
    "Hội đồng Thi đua - Khen thưởng tỉnh -> Ban Thi đua – Khen thưởng (Sở Nội vụ) www.thiduakhenthuong.vn",
    "Tổng kết",
    "?!",
    "",
]

_OURS = """
import json, sys
from index.wordseg import pos_tags, segment
out = [[segment(s), pos_tags(segment(s))] for s in json.loads(sys.argv[1])]
print(json.dumps({"out": out, "sklearn": sorted(m for m in sys.modules if m.split(".")[0] == "sklearn")}))
"""

_PYVI = """
import json, sys
from pyvi import ViPosTagger, ViTokenizer
out = []
for s in json.loads(sys.argv[1]):
    seg = ViTokenizer.tokenize(s)
    words, tags = ViPosTagger.postagging(seg)
    out.append([seg, [list(words), [str(t) for t in tags]]])
print(json.dumps({"out": out}))
"""


def _run(code: str) -> dict:
    done = subprocess.run([sys.executable, "-c", code, json.dumps(_SENTENCES)], capture_output=True, text=True,
                          check=True)
    return json.loads(done.stdout.strip().splitlines()[-1])


def test_segmenting_a_question_does_not_import_scikit_learn() -> None:
    ours = _run(_OURS)
    assert ours["sklearn"] == []
    assert ours["out"][0][0].startswith("Tỷ_lệ hộ nghèo năm 2024 của Sơn_La")


def test_words_and_tags_are_the_ones_pyvi_gives_with_scikit_learn() -> None:
    """Our faster feature building must give pyvi's own words (and so the same BM25 tokens)."""
    assert _run(_OURS)["out"] == _run(_PYVI)["out"]


@pytest.mark.parametrize("missing", ["internals", "import"])
def test_a_pyvi_without_its_internals_still_segments_through_its_public_tokenizer(
    missing: str, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    """A pyvi release that renames what the fast path reads (or that needs scikit-learn to import) must not
    break questions: words come from pyvi's public ``ViTokenizer.tokenize``, and the log says so once."""
    from pyvi import ViTokenizer

    import index.wordseg as wordseg

    real = wordseg._import_pyvi("ViTokenizer")

    class _Public:  # pyvi's public API only: no sylabelize, model, bi_grams
        tokenize = staticmethod(real.tokenize)

    tagger = wordseg._import_pyvi("ViPosTagger")

    def fake(name: str) -> object:
        if missing == "import":
            raise ImportError("No module named 'sklearn'")
        return _Public if name == "ViTokenizer" else tagger

    monkeypatch.setattr(wordseg, "_import_pyvi", fake)
    wordseg._segmenter.cache_clear()
    wordseg._tagger.cache_clear()
    try:
        with caplog.at_level(logging.WARNING, logger="index.wordseg"):
            got = [wordseg.segment(s) for s in _SENTENCES] + [wordseg.segment(s) for s in _SENTENCES]
            words, tags = wordseg.pos_tags(got[0])  # the questions' noun checks tag words too
    finally:
        wordseg._segmenter.cache_clear()
        wordseg._tagger.cache_clear()
    assert words[0] == "Tỷ_lệ" and tags[0].startswith("N")
    assert got[: len(_SENTENCES)] == [ViTokenizer.tokenize(s) for s in _SENTENCES]
    assert got[0].startswith("Tỷ_lệ hộ nghèo năm 2024 của Sơn_La")
    notes = [r for r in caplog.records if "public" in r.getMessage()]
    assert len(notes) == 1 and "ViTokenizer.tokenize" in notes[0].getMessage()
    assert wordseg.segment(_SENTENCES[0]) == got[0]  # the fast path again once pyvi is whole
