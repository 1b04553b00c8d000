"""Presenting an evaluation: a console table, a Markdown report and a bar chart (PNG).

Figures are shown per set (directives, library, conversations) and per split
(dev, test); the tuning in force is written into the Markdown report so a
figure can always be traced to the weights and thresholds that produced it.
"""

from __future__ import annotations

import json
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
    "error_rate": "Lỗi nội bộ / error rate",
    "errors": "Số lỗi nội bộ / errors",
    "max_cited_documents": "Số văn bản trích tối đa / max cited docs",
    "turn_accuracy": "Lượt đúng / turn acc.",
    "topic_switch_accuracy": "Đổi chủ đề đúng / topic switch acc.",
    "follow_up_accuracy": "Hỏi tiếp đúng / follow-up acc.",
    "unanswerable_follow_up_accuracy": "Hỏi tiếp ngoài văn bản / unanswerable follow-up acc.",
    "conversation_accuracy": "Hội thoại đúng hết / conversation acc.",
    "latency_ms_p50": "Độ trễ p50 (ms)",
    "latency_ms_p95": "Độ trễ p95 (ms)",
}
REASONS: dict[str, str] = {
    "wrong_answer": "sai/thiếu đáp án",
    "wrong_citation": "trích dẫn sai điều khoản",
    "false_abstention": "từ chối nhầm",
    "should_abstain": "lẽ ra phải từ chối",
    "error": "lỗi nội bộ",
}
_SET_NAMES = {"directives": "Chỉ thị / directives", "library": "Thư viện / library",
              "conversations": "Hội thoại / conversations"}
_KIND_COLUMNS = ("answer_accuracy", "citation_accuracy", "abstention_accuracy", "errors")
_CONVERSATION_KIND_COLUMNS = ("turn_accuracy", "answer_accuracy", "abstention_accuracy", "errors")
_CHART_KEYS = (
    "recall@5",
    "answer_accuracy",
    "citation_accuracy",
    "abstention_accuracy",
    "false_abstention_rate",
    "error_rate",
    "turn_accuracy",
)
_CHART_TICKS = {
    "answer_accuracy": "Answer\naccuracy",
    "citation_accuracy": "Citation\naccuracy",
    "abstention_accuracy": "Abstention\naccuracy",
    "false_abstention_rate": "False\nabstention\n(lower = better)",
    "error_rate": "Errors\n(lower = better)",
    "turn_accuracy": "Conversation\nturns",
}
_INTEGER_KEYS = ("errors", "max_cited_documents")
_SHORT = {"answer_accuracy": "answer", "citation_accuracy": "citation", "abstention_accuracy": "abstention",
          "turn_accuracy": "turn"}


def _fmt(key: str, value: float | None) -> str:
    if value is None:
        return "–"
    if key in _INTEGER_KEYS or key.startswith("latency"):
        return f"{value:.0f}"
    return f"{value:.3f}"


def _rows(columns: list[Scores]) -> list[tuple[str, str]]:
    """(key, label) of the metrics that apply to at least one column (conversation rows only for turns)."""
    return [(k, label) for k, label in LABELS.items() if any(s.get(k) is not None for s in columns)]


def _columns(report: EvalReport) -> list[tuple[str, str, str, Scores]]:
    """(retriever, set, split, scores) in display order."""
    out = []
    for retriever, sets in report.by_set.items():
        for name, splits in sets.items():
            for split, scores in splits.items():
                out.append((retriever, name, split, scores))
    return out


def _tuning_line(report: EvalReport) -> str:
    if report.tuning is None:
        return "Tinh chỉnh / tuning: (chưa có AnswerTuning)"
    return "Tinh chỉnh / tuning: " + json.dumps(report.tuning, ensure_ascii=False, sort_keys=True)


def render_text(report: EvalReport) -> str:
    """Plain tables for the terminal: per retriever and set, one column per split; then kinds, skipped, failures."""
    lines = [f"Số câu hỏi / questions: {report.questions}"]
    if report.corpus.get("documents"):
        lines.append(f"Số văn bản / documents: {report.corpus['documents']}")
    lines.append(_tuning_line(report))
    unresolved = report.corpus.get("unresolved_gold") or ()
    if unresolved:
        lines.append(f"Điều khoản gold không tìm thấy / unresolved gold: {len(unresolved)} "
                     "(trích dẫn tính là sai / scored as wrong citations)")
    if not report.by_set:
        lines.append("Không có bộ truy hồi nào chạy được / no retriever could run.")
    width = max(len(v) for v in LABELS.values())
    for retriever, sets in report.by_set.items():
        for name, splits in sets.items():
            lines += ["", f"[{retriever}] {_SET_NAMES.get(name, name)}"]
            lines.append(f"{'':<{width}}  " + "  ".join(f"{f'{sp} ({s.questions})':>11}" for sp, s in splits.items()))
            for key, label in _rows(list(splits.values())):
                cells = "  ".join(f"{_fmt(key, s.get(key)):>11}" for s in splits.values())
                lines.append(f"{label:<{width}}  {cells}")
            kinds = report.by_kind.get(retriever, {}).get(name, {})
            cols = _CONVERSATION_KIND_COLUMNS if name == "conversations" else _KIND_COLUMNS
            for split, by_kind in kinds.items():
                if split == "all":
                    continue
                lines.append(f"  theo loại / per kind ({split}): {'n':>5}" + "".join(f"{_SHORT.get(c, c):>12}" for c in cols))
                for k, s in by_kind.items():
                    lines.append(f"    {k:<28}{s.questions:>5}" + "".join(f"{_fmt(c, s.get(c)):>12}" for c in cols))
    for retriever, reason in report.skipped.items():
        lines.append(f"Bỏ qua / skipped {retriever}: {reason}")
    lines.append(f"Số lỗi / failures: {len(report.failures)}")
    for f in report.failures[:20]:
        why = ", ".join(REASONS.get(r, r) for r in f.reasons)
        lines.append(f"  [{f.retriever}/{f.set}/{f.split}] {f.id} ({why}): {f.question}")
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
    """The Markdown report: metrics per set and split, per kind, tuning, skipped retrievers and failures."""
    lines = ["# Đánh giá thidua / evaluation report", "", f"Số câu hỏi: **{report.questions}**"]
    if report.corpus.get("documents"):
        lines.append(f"Số văn bản trong kho: **{report.corpus['documents']}**")
    unresolved = report.corpus.get("unresolved_gold") or ()
    if unresolved:
        lines += ["", f"**{len(unresolved)} điều khoản gold không tìm thấy trong kho** (trích dẫn tính là sai): "
                  + _cell("; ".join(unresolved), 2000)]
    lines += ["", "## Chỉ số theo bộ câu hỏi và phần dev/test / metrics per set and split", ""]
    if report.by_set:
        for retriever, sets in report.by_set.items():
            for name, splits in sets.items():
                lines += [f"### {retriever} · {_SET_NAMES.get(name, name)}", ""]
                header = ["Chỉ số / metric", *(f"{sp} (n={s.questions})" for sp, s in splits.items())]
                rows = [[label, *(_fmt(k, s.get(k)) for s in splits.values())]
                        for k, label in _rows(list(splits.values()))]
                lines += _table(header, rows)
                lines.append("")
    else:
        lines += ["Không có bộ truy hồi nào chạy được.", ""]
    if chart:
        lines += [f"![Biểu đồ chỉ số]({chart})", ""]
    lines += ["## Tinh chỉnh đang dùng / tuning in force", ""]
    if report.tuning is None:
        lines += ["(chưa có `AnswerTuning`)", ""]
    else:
        lines += ["```json", json.dumps(report.tuning, ensure_ascii=False, indent=2, sort_keys=True), "```", ""]
    if report.skipped:
        lines += ["## Bỏ qua / skipped", ""]
        lines += [f"- **{r}**: {_cell(reason, 400)}" for r, reason in report.skipped.items()]
        lines.append("")
    lines += ["## Theo loại câu hỏi / per kind", ""]
    for retriever, sets in report.by_kind.items():
        for name, splits in sets.items():
            cols = _CONVERSATION_KIND_COLUMNS if name == "conversations" else _KIND_COLUMNS
            for split, kinds in splits.items():
                if split == "all":
                    continue
                lines += [f"### {retriever} · {name} · {split}", ""]
                rows = [[k, str(s.questions), *(_fmt(c, s.get(c)) for c in cols)] for k, s in kinds.items()]
                lines += _table(["Loại / kind", "n", *(LABELS[c] for c in cols)], rows)
                lines.append("")
    lines += [f"## Câu sai / failures ({len(report.failures)})", ""]
    if report.failures:
        rows = [
            [
                f.retriever,
                f"{f.set}/{f.split}",
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
        lines += _table(
            ["retriever", "bộ/phần", "id", "Câu hỏi", "Lỗi", "Cần có", "Điều khoản gold", "Trả lời", "Trích dẫn"], rows
        )
    else:
        lines.append("Không có câu sai.")
    return "\n".join(lines) + "\n"


def write_chart(report: EvalReport, path: Path) -> Path:
    """Grouped bars: rate metrics (0–1) of each retriever and set on the test split (else what ran), latency right."""
    import matplotlib

    matplotlib.use("Agg")
    import matplotlib.pyplot as plt

    series: list[tuple[str, Scores]] = []
    for retriever, sets in report.by_set.items():
        for name, splits in sets.items():
            split = "test" if "test" in splits else next(iter(splits))
            series.append((f"{retriever} · {name} · {split}", splits[split]))
    fig, (ax, ax_lat) = plt.subplots(
        1, 2, figsize=(13, 5.2), gridspec_kw={"width_ratios": [5, 1.2]}, constrained_layout=True
    )
    width = 0.8 / max(len(series), 1)
    colours = ["#1f77b4", "#ff7f0e", "#2ca02c", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"]
    for i, (name, scores) in enumerate(series):
        xs = [j + (i - (len(series) - 1) / 2) * width for j in range(len(_CHART_KEYS))]
        values = [scores.get(k) for k in _CHART_KEYS]
        bars = ax.bar(xs, [v or 0.0 for v in values], width, label=name, color=colours[i % len(colours)])
        for bar, value in zip(bars, values, strict=True):
            text = "–" if value is None else f"{value:.2f}"
            ax.annotate(text, (bar.get_x() + bar.get_width() / 2, bar.get_height()), ha="center",
                        va="bottom", fontsize=6, xytext=(0, 2), textcoords="offset points")
        lat = [scores.latency_ms_p50 or 0.0, scores.latency_ms_p95 or 0.0]
        lat_x = [j + (i - (len(series) - 1) / 2) * width for j in range(2)]
        lat_bars = ax_lat.bar(lat_x, lat, width, color=colours[i % len(colours)])
        for bar, value in zip(lat_bars, lat, strict=True):
            ax_lat.annotate(f"{value:.0f}", (bar.get_x() + bar.get_width() / 2, bar.get_height()), ha="center",
                            va="bottom", fontsize=6, xytext=(0, 2), textcoords="offset points")
    ax.set_xticks(range(len(_CHART_KEYS)), [_CHART_TICKS.get(k, LABELS[k]) for k in _CHART_KEYS], fontsize=9)
    ax.set_ylim(0, 1.3)
    ax.set_yticks([0, 0.2, 0.4, 0.6, 0.8, 1.0])
    ax.set_ylabel("score (0–1)")
    ax.grid(axis="y", alpha=0.3)
    ax.set_axisbelow(True)
    title = f"thidua — {report.questions} câu hỏi / questions"
    if report.skipped:
        title += "   (bỏ qua / skipped: " + ", ".join(report.skipped) + ")"
    ax.set_title(title, fontsize=11, loc="left")
    if series:
        ax.legend(loc="upper center", fontsize=8, ncols=min(len(series), 3), frameon=False)
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
    """Write ``report.md``, ``metrics.json`` and ``metrics.png`` into ``out_dir`` (created if needed)."""
    out_dir = Path(out_dir)
    out_dir.mkdir(parents=True, exist_ok=True)
    chart = write_chart(report, out_dir / "metrics.png")
    (out_dir / "metrics.json").write_text(json.dumps(report.to_dict(), ensure_ascii=False, indent=1) + "\n",
                                          encoding="utf-8")
    markdown = out_dir / "report.md"
    markdown.write_text(render_markdown(report, chart=chart.name), encoding="utf-8")
    return markdown, chart
