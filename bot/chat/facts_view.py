"""The supervisors' chat commands: /trachnhiem <cơ quan> and /chitieu <chỉ tiêu>.

They render the tables of ``corpus.facts`` (responsibilities, numeric
targets) as Markdown, and one indicator across years as a chart.  The rows
come from the index folder (computed when each document was indexed); only
documents not indexed yet are read now.  When ``corpus.facts`` is not
installed the commands say so instead of failing.
"""

from __future__ import annotations

import importlib
from collections import defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any, Protocol

from bot.chat.render import escape_markdown
from bot.report import document_label
from corpus.text import fold, nfc

__all__ = ["COMMANDS", "ComputedFacts", "FactsReply", "FactsSource", "chart", "facts_available", "parse_command", "responsibilities_reply",
           "targets_reply"]

COMMANDS = {"/trachnhiem": "responsibilities", "/chitieu": "targets"}
_MAX_ROWS = 40


@dataclass(frozen=True)
class FactsReply:
    """Markdown table text plus, for targets, the chart series (label -> [(year, value)])."""

    text: str
    series: tuple[tuple[str, tuple[tuple[int, float], ...]], ...] = ()
    unit: str = ""


class FactsSource(Protocol):
    """Where the rows come from: ``bot.library.StoredFacts`` (stored at index time) or computed ones."""

    def responsibilities(self) -> list[Any]: ...

    def targets(self) -> list[Any]: ...


@dataclass(frozen=True)
class ComputedFacts:
    """Rows computed from the documents now: for an assistant opened without an index folder."""

    directives: tuple[Any, ...]

    def responsibilities(self) -> list[Any]:
        facts = importlib.import_module("corpus.facts")
        return [r for d in self.directives for r in facts.extract_responsibilities(d)]

    def targets(self) -> list[Any]:
        facts = importlib.import_module("corpus.facts")
        return [t for d in self.directives for t in facts.extract_targets(d)]


def parse_command(text: str) -> tuple[str, str] | None:
    """"/chitieu hộ nghèo" -> ("targets", "hộ nghèo"); anything else -> None."""
    head, _, rest = nfc(text).strip().partition(" ")
    kind = COMMANDS.get(fold(head).lower())
    return (kind, rest.strip()) if kind else None


def facts_available() -> bool:
    try:
        importlib.import_module("corpus.facts")
    except ImportError:
        return False
    return True


def _key(text: str) -> str:
    return " ".join(fold(text).lower().split())


def _cell(value: Any) -> str:
    """Document words inside a table cell stay text ("(*) giảm 3%" must not turn italic)."""
    return escape_markdown(" ".join(str(value if value is not None else "").split()))


def _table(header: Sequence[str], rows: Iterable[Sequence[Any]]) -> str:
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(_cell(v) for v in row) + " |" for row in rows]
    return "\n".join(lines)


def _too_many(n: int) -> str:
    return f"\n\n_Hiển thị {_MAX_ROWS}/{n} dòng; thu hẹp từ khóa hoặc dùng `thidua report` để có đủ bảng._" \
        if n > _MAX_ROWS else ""


def responsibilities_reply(directives: Iterable[Any], query: str, source: FactsSource | None = None) -> FactsReply:
    """Who must do what, by clause, for agencies whose name contains ``query`` (accents optional)."""
    if not query:
        return FactsReply("Hãy ghi tên cơ quan sau lệnh, ví dụ: `/trachnhiem Sở Nội vụ`.")
    facts = importlib.import_module("corpus.facts")
    directives = list(directives)
    source = source or ComputedFacts(tuple(directives))
    docs = {d.doc_id: d for d in directives}
    wanted = _key(facts.canonical_agency(query))
    plain = _key(query)
    rows = [r for r in source.responsibilities() if wanted in _key(r.agency) or plain in _key(r.agency)]
    if not rows:
        return FactsReply(f"Không tìm thấy trách nhiệm nào của «{query}» trong các chỉ thị.")
    rows.sort(key=lambda r: (_key(r.province or ""), r.year or 0, r.clause))
    table = _table(["Tỉnh", "Năm", "Cơ quan", "Vai trò", "Nhiệm vụ", "Văn bản", "Điều khoản"],
                   [(r.province, r.year, r.agency, r.role, r.duty,
                     document_label(docs.get(r.doc_id), r.number, r.year, r.province), r.clause)
                    for r in rows[:_MAX_ROWS]])
    return FactsReply(f"**Trách nhiệm của «{query}»** ({len(rows)} dòng)\n\n{table}{_too_many(len(rows))}")


def targets_reply(directives: Iterable[Any], query: str, source: FactsSource | None = None) -> FactsReply:
    """Numeric targets whose indicator contains ``query``; the series to chart across years."""
    if not query:
        return FactsReply("Hãy ghi tên chỉ tiêu sau lệnh, ví dụ: `/chitieu hộ nghèo`.")
    directives = list(directives)
    source = source or ComputedFacts(tuple(directives))
    docs = {d.doc_id: d for d in directives}
    wanted = _key(query)
    rows = [t for t in source.targets() if wanted in _key(t.indicator) or wanted in _key(t.indicator_key)]
    if not rows:
        return FactsReply(f"Không tìm thấy chỉ tiêu nào khớp «{query}» trong các chỉ thị.")
    rows.sort(key=lambda t: (_key(t.province or ""), t.year or 0, t.clause))
    table = _table(["Tỉnh", "Năm", "Chỉ tiêu", "Giá trị", "Ghi chú", "Văn bản", "Điều khoản"],
                   [(t.province, t.year, t.indicator, t.value, t.qualifier,
                     document_label(docs.get(t.doc_id), t.number, t.year, t.province), t.clause)
                    for t in rows[:_MAX_ROWS]])
    groups: dict[tuple[str, str, str], dict[int, float]] = defaultdict(dict)
    for t in rows:
        if t.year and t.number_value is not None:
            groups[(t.province or "", t.indicator_key, t.unit or "")].setdefault(t.year, t.number_value)
    # One indicator across years: the group seen in the most years (ties: first province/indicator).
    multi = sorted(((k, v) for k, v in groups.items() if len(v) >= 2), key=lambda kv: -len(kv[1]))
    series: tuple = ()
    unit = ""
    if multi:
        (province, ikey, unit), values = multi[0]
        label = _common_label([t.indicator for t in rows if t.indicator_key == ikey and (t.province or "") == province
                               and t.year in values])
        series = ((f"{label} ({province})" if province else label, tuple(sorted(values.items()))),)
    text = f"**Chỉ tiêu khớp «{query}»** ({len(rows)} dòng)\n\n{table}{_too_many(len(rows))}"
    return FactsReply(text, series, unit)


def _common_label(names: list[str]) -> str:
    """The words every year's indicator shares; "…" marks where they differ.

    "… giai đoạn 2021-2025" in 2024 and "… giai đoạn 2022-2025" in 2023: the legend must
    not show one year's period for all.
    """
    split = [n.split() for n in names if n.strip()]
    if not split:
        return ""
    common: list[str] = []
    for words in zip(*split, strict=False):
        if len({w.lower() for w in words}) != 1:
            break
        common.append(words[0])
    whole = all(len(w) == len(common) for w in split)
    label = " ".join(common) if whole else " ".join(common) + " …"
    label = label if common else split[0][0] + " …"
    return label[:1].upper() + label[1:]


def chart(reply: FactsReply):
    """A matplotlib Figure of the reply's series (None when there is nothing to plot)."""
    if not reply.series:
        return None
    import matplotlib

    matplotlib.use("Agg")
    from matplotlib.figure import Figure

    fig = Figure(figsize=(6, 3.2), dpi=100)
    ax = fig.add_subplot()
    for label, points in reply.series:
        years = [y for y, _ in points]
        values = [v for _, v in points]
        ax.plot(years, values, marker="o", label=label)
        for y, v in points:
            ax.annotate(f"{v:g}".replace(".", ","), (y, v), textcoords="offset points", xytext=(0, 6),
                        ha="center", fontsize=8)
        ax.set_xticks(years)
    ax.margins(x=0.12, y=0.25)  # room for the value labels above the highest point
    ax.set_xlabel("Năm")
    ax.set_ylabel(reply.unit or "Giá trị")
    ax.legend(fontsize=7, loc="upper center", bbox_to_anchor=(0.5, -0.22), frameon=False)
    ax.grid(alpha=0.3)
    fig.tight_layout()
    return fig
