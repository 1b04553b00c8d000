"""CI floor: the real assistant with bm25 on the full question set must stay above ``eval.floors``."""

from __future__ import annotations

import pytest

from eval.floors import FLOORS, below_floor
from eval.questions import load_questions
from eval.report import REASONS
from eval.runner import run_evaluation


@pytest.mark.slow
def test_bm25_meets_the_floor(tmp_path):
    from bot import Assistant, get_settings
    from bot.settings import bundled_corpus_dir

    settings = get_settings(corpus_dir=bundled_corpus_dir(), index_dir=tmp_path / "index", retriever="bm25")
    assistant = Assistant.load(settings)
    report = run_evaluation(assistant, load_questions(), ["bm25"])
    assert "bm25" not in report.skipped, report.skipped
    scores = report.by_retriever["bm25"]
    under = below_floor(scores)
    if under:
        lines = [f"{f.id} [{', '.join(REASONS.get(r, r) for r in f.reasons)}] {f.question}\n"
                 f"    expected {list(f.expected)} in {list(f.gold)}\n    got {f.got!r}\n    cited {list(f.cited)}"
                 for f in report.failures]
        pytest.fail(f"under the floor {FLOORS}: {'; '.join(under)}\n" + "\n".join(lines))
