"""CI floor: the real assistant with bm25 on the TEST split must stay above ``eval.floors`` (and under its ceilings)."""

from __future__ import annotations

import pytest

from eval.floors import CEILINGS, FLOOR_SPLIT, FLOORS, below_floor
from eval.questions import load_questions
from eval.report import REASONS
from eval.runner import Scores, run_evaluation


def _failures_text(report) -> str:
    return "\n".join(
        f"{f.id} [{', '.join(REASONS.get(r, r) for r in f.reasons)}] {f.question}\n"
        f"    expected {list(f.expected)} in {list(f.gold)}\n    got {f.got!r}\n    cited {list(f.cited)}"
        for f in report.failures
    )


@pytest.mark.slow
def test_bm25_meets_the_floor_on_the_directive_test_split(tmp_path):
    from bot import Assistant, get_settings
    from bot.settings import bundled_corpus_dir

    settings = get_settings(corpus_dir=bundled_corpus_dir(), index_dir=tmp_path / "index", retriever="bm25")
    assistant = Assistant.load(settings)
    test = [q for q in load_questions() if q.split == FLOOR_SPLIT]
    report = run_evaluation(assistant, {"directives": test}, ["bm25"])
    assert "bm25" not in report.skipped, report.skipped
    scores = report.scores("bm25", "directives", FLOOR_SPLIT)
    under = below_floor(scores, set_name="directives")
    if under:
        pytest.fail(f"under the floor {FLOORS['directives']} / over {CEILINGS['directives']}: "
                    f"{'; '.join(under)}\n" + _failures_text(report))


def _scores(**figures) -> Scores:
    base = dict.fromkeys(Scores.__dataclass_fields__, None) | {"questions": 10, "errors": 0}
    return Scores(**(base | figures))


def test_floor_names_each_figure_under_it_and_each_ceiling_crossed():
    ok = _scores(answer_accuracy=0.95, citation_accuracy=0.97, abstention_accuracy=1.0, error_rate=0.0,
                 max_cited_documents=2)
    assert below_floor(ok) == ()
    bad = _scores(answer_accuracy=0.5, citation_accuracy=None, abstention_accuracy=1.0, error_rate=0.1,
                  max_cited_documents=30)
    lines = below_floor(bad)
    assert any(line.startswith("answer_accuracy = 0.500 < floor") for line in lines)
    assert any(line.startswith("citation_accuracy = – < floor") for line in lines)
    assert any(line.startswith("error_rate = 0.100 > ceiling") for line in lines)
    assert any(line.startswith("max_cited_documents = 30.000 > ceiling 5") for line in lines)


def test_floors_never_exceed_one_and_cover_the_directives():
    assert FLOORS["directives"] and all(0 < v <= 1 for v in FLOORS["directives"].values())
