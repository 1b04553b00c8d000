"""Report files: the Markdown tables and a real, non-empty PNG chart."""

from __future__ import annotations

from eval.report import render_markdown, render_text, write_report
from eval.runner import run_evaluation
from tests.eval.test_runner import QUESTIONS, replies, tiny_corpus
from tests.fakes import FakeAssistant


def _report(**kw):
    fake = FakeAssistant(tiny_corpus(), replies(), **kw)
    return run_evaluation(fake, QUESTIONS, ["bm25", "dense", "hybrid"], corpus=fake.corpus)


def test_write_report_creates_markdown_and_png(tmp_path):
    report = _report(falls_back=("dense",))
    markdown, chart = write_report(report, tmp_path / "out")
    data = chart.read_bytes()
    assert data.startswith(b"\x89PNG\r\n\x1a\n") and len(data) > 10_000
    text = markdown.read_text(encoding="utf-8")
    assert "### bm25 · Chỉ thị / directives" in text and "### hybrid · Chỉ thị / directives" in text
    assert "| Chỉ số / metric | test (n=5) |" in text
    assert "| Recall@5 | 1.000 |" in text
    assert "![Biểu đồ chỉ số](metrics.png)" in text
    assert "**dense**" in text  # skipped, with its reason
    assert "| Loại / kind | n |" in text
    assert "n2" in text and "lẽ ra phải từ chối" in text  # the failure is listed


def test_markdown_escapes_pipes_in_answers():
    report = _report()
    text = render_markdown(report)
    assert "1,8 triệu" in text
    for line in text.splitlines():
        if line.startswith("| bm25 | directives/test | n2 |"):
            assert line.count(" | ") == 8  # 9 columns, no stray separators


def test_text_table_names_skipped_retrievers():
    out = render_text(_report(falls_back=("dense", "hybrid")))
    assert "Recall@10" in out
    assert "skipped dense" in out and "skipped hybrid" in out
    assert "Số câu hỏi / questions: 5" in out


def test_chart_still_written_when_nothing_could_run(tmp_path):
    report = _report(broken=("bm25", "dense", "hybrid"))
    assert report.by_retriever == {}
    markdown, chart = write_report(report, tmp_path)
    assert chart.stat().st_size > 0
    assert "Không có bộ truy hồi nào chạy được" in markdown.read_text(encoding="utf-8")
