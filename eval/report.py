"""Presenting an evaluation: a console table, a Markdown report and a bar chart (PNG)."""

from __future__ import annotations

from pathlib import Path

from eval.runner import EvalReport, Scores

__all__ = ["render_markdown", "render_text", "write_chart", "write_report"]

#: Row labels (Vietnamese / English) for each metric key.
LABELS: dict[str, str] = {
    "recall@1": "Recall@1",
    "recall@5": "Recall@5",
    "recall@10": "Recall@10",
    "mrr@10": "MRR@10",
    "ndcg@10": "nDCG@10",
    "answer_accuracy": "Đúng đáp án / answer acc.",
    "citation_accuracy": "Đúng trích dẫn / citation acc.",
    "abstention_accuracy": "Từ chối đúng / abstention acc.",
    "false_abstention_rate": "Từ chối nhầm / false abstention",
    "latency_ms_p50": "Độ trễ p50 (ms)",
    "latency_ms_p95": "Độ trễ p95 (ms)",
}
REASONS: dict[str, str] = {
    "wrong_answer": "sai/thiếu đáp án",
    "wrong_citation": "trích dẫn sai điều khoản",
    "false_abstention": "từ chối nhầm",
    "should_abstain": "lẽ ra phải từ chối",
}
_KIND_COLUMNS = ("recall@5", "mrr@10", "answer_accuracy", "citation_accuracy", "abstention_accuracy")
_CHART_KEYS = (
    "recall@1",
    "recall@5",
    "recall@10",
    "mrr@10",
    "ndcg@10",
    "answer_accuracy",
    "citation_accuracy",
    "abstention_accuracy",
    "false_abstention_rate",
)
_CHART_TICKS = {
    "answer_accuracy": "Answer\naccuracy",
    "citation_accuracy": "Citation\naccuracy",
    "abstention_accuracy": "Abstention\naccuracy",
    "false_abstention_rate": "False\nabstention\n(lower = better)",
}


def _fmt(key: str, value: float | None) -> str:
    if value is None:
        return "–"
    return f"{value:.0f}" if key.startswith("latency") else f"{value:.3f}"


def render_text(report: EvalReport) -> str:
    """A plain table for the terminal: one column per retriever, then skipped retrievers."""
    retrievers = list(report.by_retriever)
    lines = [f"Số câu hỏi / questions: {report.questions}"]
    if retrievers:
        width = max(len(v) for v in LABELS.values())
        lines.append(f"{'':<{width}}  " + "  ".join(f"{r:>9}" for r in retrievers))
        for key, label in LABELS.items():
            cells = "  ".join(f"{_fmt(key, report.by_retriever[r].get(key)):>9}" for r in retrievers)
            lines.append(f"{label:<{width}}  {cells}")
    else:
        lines.append("Không có bộ truy hồi nào chạy được / no retriever could run.")
    for retriever, reason in report.skipped.items():
        lines.append(f"Bỏ qua / skipped {retriever}: {reason}")
    lines.append(f"Số lỗi / failures: {len(report.failures)}")
    for f in report.failures[:20]:
        why = ", ".join(REASONS.get(r, r) for r in f.reasons)
        lines.append(f"  [{f.retriever}] {f.id} ({why}): {f.question}")
    if len(report.failures) > 20:
        lines.append(f"  … và {len(report.failures) - 20} lỗi khác (xem --out hoặc --json).")
    return "\n".join(lines)


def _cell(text: str, limit: int = 160) -> str:
    text = " ".join(str(text).split()).replace("|", "\\|")
    return text if len(text) <= limit else text[: limit - 1] + "…"


def _table(header: list[str], rows: list[list[str]]) -> list[str]:
    out = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
    out += ["| " + " | ".join(row) + " |" for row in rows]
    return out


def render_markdown(report: EvalReport, *, chart: str | None = None) -> str:
    """The Markdown report: metrics per retriever, per kind, skipped retrievers and failures."""
    retrievers = list(report.by_retriever)
    lines = ["# Đánh giá thidua / evaluation report", "", f"Số câu hỏi: **{report.questions}**", ""]
    lines += ["## Chỉ số theo bộ truy hồi / metrics per retriever", ""]
    if retrievers:
        rows = [[label, *(_fmt(k, report.by_retriever[r].get(k)) for r in retrievers)] for k, label in LABELS.items()]
        lines += _table(["Chỉ số / metric", *retrievers], rows)
    else:
        lines.append("Không có bộ truy hồi nào chạy được.")
    if chart:
        lines += ["", f"![Biểu đồ chỉ số]({chart})"]
    if report.skipped:
        lines += ["", "## Bỏ qua / skipped", ""]
        lines += [f"- **{r}**: {_cell(reason, 400)}" for r, reason in report.skipped.items()]
    lines += ["", "## Theo loại câu hỏi / per kind", ""]
    for retriever, kinds in report.by_kind.items():
        lines += [f"### {retriever}", ""]
        rows = [[k, str(s.questions), *(_fmt(c, s.get(c)) for c in _KIND_COLUMNS)] for k, s in kinds.items()]
        lines += _table(["Loại / kind", "n", *(LABELS[c] for c in _KIND_COLUMNS)], rows)
        lines.append("")
    lines += [f"## Câu sai / failures ({len(report.failures)})", ""]
    if report.failures:
        rows = [
            [
                f.retriever,
                f.id,
                _cell(f.question, 120),
                ", ".join(REASONS.get(r, r) for r in f.reasons),
                _cell("; ".join(f.expected)),
                _cell("; ".join(f.gold)),
                _cell(f.got),
                _cell("; ".join(f.cited)),
            ]
            for f in report.failures
        ]
        lines += _table(["retriever", "id", "Câu hỏi", "Lỗi", "Cần có", "Điều khoản gold", "Trả lời", "Trích dẫn"], rows)
    else:
        lines.append("Không có câu sai.")
    return "\n".join(lines) + "\n"


def write_chart(report: EvalReport, path: Path) -> Path:
    """Grouped bars: rate metrics (0–1) on the left, latency on the right, one colour per retriever."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    retrievers = list(report.by_retriever)
    fig, (ax, ax_lat) = plt.subplots(
        1, 2, figsize=(13, 5.2), gridspec_kw={"width_ratios": [5, 1.2]}, constrained_layout=True
    )
    width = 0.8 / max(len(retrievers), 1)
    colours = ["#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b"]
    for i, retriever in enumerate(retrievers):
        scores: Scores = report.by_retriever[retriever]
        xs = [j + (i - (len(retrievers) - 1) / 2) * width for j in range(len(_CHART_KEYS))]
        values = [scores.get(k) for k in _CHART_KEYS]
        bars = ax.bar(xs, [v or 0.0 for v in values], width, label=retriever, color=colours[i % len(colours)])
        for bar, value in zip(bars, values, strict=True):
            text = "–" if value is None else f"{value:.2f}"
            ax.annotate(text, (bar.get_x() + bar.get_width() / 2, bar.get_height()), ha="center",
                        va="bottom", fontsize=7, xytext=(0, 2), textcoords="offset points")
        lat = [scores.latency_ms_p50 or 0.0, scores.latency_ms_p95 or 0.0]
        lat_x = [j + (i - (len(retrievers) - 1) / 2) * width for j in range(2)]
        lat_bars = ax_lat.bar(lat_x, lat, width, color=colours[i % len(colours)])
        for bar, value in zip(lat_bars, lat, strict=True):
            ax_lat.annotate(f"{value:.0f}", (bar.get_x() + bar.get_width() / 2, bar.get_height()), ha="center",
                            va="bottom", fontsize=7, xytext=(0, 2), textcoords="offset points")
    ax.set_xticks(range(len(_CHART_KEYS)), [_CHART_TICKS.get(k, LABELS[k]) for k in _CHART_KEYS], fontsize=9)
    ax.set_ylim(0, 1.25)
    ax.set_yticks([0, 0.2, 0.4, 0.6, 0.8, 1.0])
    ax.set_ylabel("score (0–1)")
    ax.grid(axis="y", alpha=0.3)
    ax.set_axisbelow(True)
    title = f"thidua — {report.questions} câu hỏi / questions"
    if report.skipped:
        title += "   (bỏ qua / skipped: " + ", ".join(report.skipped) + ")"
    ax.set_title(title, fontsize=11, loc="left")
    if retrievers:
        ax.legend(loc="upper center", fontsize=9, ncols=len(retrievers), frameon=False)
    else:
        ax.text(0.5, 0.5, "Không có bộ truy hồi nào chạy được", ha="center", transform=ax.transAxes)
    ax_lat.set_xticks([0, 1], ["p50", "p95"])
    ax_lat.set_title("Độ trễ / latency (ms)", fontsize=10)
    ax_lat.grid(axis="y", alpha=0.3)
    ax_lat.set_axisbelow(True)
    ax_lat.margins(y=0.15)
    path.parent.mkdir(parents=True, exist_ok=True)
    fig.savefig(path, dpi=130)
    plt.close(fig)
    return path


def write_report(report: EvalReport, out_dir: Path) -> tuple[Path, Path]:
    """Write ``report.md`` and ``metrics.png`` into ``out_dir`` (created if needed)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    chart = write_chart(report, out_dir / "metrics.png")
    markdown = out_dir / "report.md"
    markdown.write_text(render_markdown(report, chart=chart.name), encoding="utf-8")
    return markdown, chart
