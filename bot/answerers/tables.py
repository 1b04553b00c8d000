"""Values in a table flattened into a sentence: "Vùng Mức lương tối thiểu tháng … Mức lương tối thiểu giờ …
Vùng I 4.680.000 22.500 Vùng II 4.160.000 20.000 …".  The answer is the cell at the row the question
names ("vùng IV") and the column whose heading matches the question best ("giờ"), not the first value.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.extract import Span, find_values
from bot.segments import Scorer, tokens
from bot.steps import step_value
from corpus.lexicon import load_lexicon
from corpus.tables import PipeRow, PipeTable, read_tables

__all__ = ["Cell", "Row", "RowCell", "Table", "heading_unit", "read_table", "row_cell", "row_coverage", "row_words",
           "sub_rows", "table_cell"]


@dataclass(frozen=True)
class Cell:
    """The chosen value, the row it is on (offsets into the text) and whether the table lacks the asked row."""

    value: Span | None
    row_start: int
    row_end: int
    heading: str = ""
    missing_row: bool = False
    #: The row's name ("Vùng IV") and each of its cells under its column heading, when the headings are known.
    row_name: str = ""
    cells: tuple[tuple[str, str], ...] = ()


def _runs(text: str, values: list[Span]) -> list[tuple[int, list[Span]]]:
    """Values that follow each other with only spaces between them: (label start, values) per row."""
    rows: list[tuple[int, list[Span]]] = []
    for v in values:
        if rows and not text[rows[-1][1][-1].end : v.start].strip():
            rows[-1][1].append(v)
        else:
            rows.append((rows[-1][1][-1].end if rows else 0, [v]))
    return rows


def _columns(header: str, k: int) -> list[str] | None:
    """The k column headings of a header: split where a phrase that starts every heading repeats."""
    words = header.split()
    for size in range(min(6, len(words)), 0, -1):
        for i in range(len(words) - size + 1):
            phrase = " ".join(words[i : i + size])
            starts = _occurrences(phrase, header)
            if len(starts) == k:
                return [header[a:b] for a, b in zip(starts, [*starts[1:], len(header)], strict=True)]
    return None


def _occurrences(phrase: str, text: str) -> list[int]:
    """Where ``phrase`` starts in ``text``, occurrences not overlapping, left to right (as ``re.finditer`` of it)."""
    out: list[int] = []
    at = text.find(phrase)
    while at >= 0:
        out.append(at)
        at = text.find(phrase, at + len(phrase))
    return out


@dataclass(frozen=True)
class Row:
    """One row read back: its offsets in the text and its cells (the row's name, then its values)."""

    start: int
    end: int
    cells: tuple[str, ...]


@dataclass(frozen=True)
class Table:
    """A table flattened into a clause's text, read back for display: from its header to its last value."""

    start: int
    end: int
    headings: tuple[str, ...]
    rows: tuple[Row, ...]

    def row_at(self, offset: int) -> Row | None:
        """The row holding ``offset`` (e.g. where a quoted span ends)."""
        return next((r for r in self.rows if r.start < offset <= r.end), None)


@dataclass(frozen=True)
class _Layout:
    """How a flattened table is laid out: its rows of full width (the words before each row's values, and the
    values), how many of the first row's words name it (the rest is the table's header) and where in that header
    the rows' own word heads the first column, before the value columns' headings."""

    body: list[tuple[int, list[Span]]]
    labels: list[list[str]]
    n: int
    head_at: int  # offset of the first column's heading in the header words joined by spaces; -1 when absent
    columns: list[str] | None

    @property
    def header(self) -> str:
        return " ".join(self.labels[0][: -self.n])


def _layout(text: str) -> _Layout | None:
    """The one reading of a flattened table, for the answer (``table_cell``) and the display (``read_table``): rows
    of full width (as many values as its last row; at least three rows of two values, each row named), the first
    row's name as long as the other rows' names, chosen where the header splits into column headings of the most
    even length ("Năm 2023 | Năm 2024")."""
    runs = _runs(text, find_values(text))
    width = len(runs[-1][1]) if runs else 0
    body = [r for r in runs if len(r[1]) == width]
    if width < 2 or len(body) < 3:
        return None
    labels = [text[a : vals[0].start].split() for a, vals in body]
    if any(not x for x in labels[1:]):
        return None
    n = _first_name_length(labels, width) or len(labels[1])
    head_at, columns = _header_columns(labels, n, width)
    return _Layout(body, labels, n, head_at, columns)


def read_table(text: str) -> Table | None:
    """The table flattened into ``text`` ("Vùng Mức lương tháng … Mức lương giờ … Vùng I 4.680.000 22.500 …"),
    with a heading per column and a cell per row and column, as ``table_cell`` reads it; None unless every row is
    named alike in two words or more, the header heads the names with their own first word ("Khu vực" of "Khu vực
    II") and splits into a heading per value column."""
    lay = _layout(text)
    if lay is None or lay.columns is None or lay.head_at < 0:
        return None
    if lay.n < 2 or any(len(x) != lay.n for x in lay.labels[1:]):
        return None  # shown as a table only when every row is named alike: a shared word and a label ("Vùng IV")
    header = lay.header
    if lay.head_at and header[lay.head_at - 1] != " ":
        return None  # the rows' word inside another word of the header: no heading of the first column
    rows = []
    for a, values in lay.body:
        words = list(re.finditer(r"\S+", text[a : values[0].start]))
        start = a + words[-lay.n].start()  # the first row's words also hold the header; the others are n long
        rows.append(Row(start, values[-1].end, (text[start : values[0].start].strip(), *(v.text for v in values))))
    rest = header[lay.head_at + len(lay.labels[1][0]) :]
    first = header[lay.head_at : len(header) - len(rest) + rest.find(lay.columns[0])].strip()
    a0 = lay.body[0][0]
    start = a0 + list(re.finditer(r"\S+", text[a0:]))[header[: lay.head_at].count(" ")].start()
    return Table(start, rows[-1].end, (first, *(c.strip() for c in lay.columns)), tuple(rows))


def table_cell(scorer: Scorer, question: str, topic: str, text: str) -> Cell | None:
    """The cell a question asks for, when ``text`` holds a table of at least three rows of equal width (as many
    values each; their names may differ in length)."""
    lay = _layout(text)
    if lay is None:
        return None
    labels, n, columns = lay.labels, lay.n, lay.columns
    width = len(lay.body[0][1])
    asked = set(_step_keys(tokens(question)))
    names = [_step_keys(tokens(" ".join(x[-n:]))) for x in labels[:1]] + [_step_keys(tokens(" ".join(x))) for x in labels[1:]]
    matching = [i for i, name in enumerate(names) if name and set(name) <= asked]
    if not matching:
        heads = {name[0] for name in names if name}
        # Every row is "<word> <name>" and the question names a row of that word the table lacks ("vùng V").
        missing = len(heads) == 1 and re.search(rf"\b{next(iter(heads))}\s+\w+", " ".join(tokens(question)))
        return Cell(None, 0, 0, missing_row=bool(missing))
    row = matching[-1]
    col = max(range(width), key=lambda j: (scorer.coverage(topic, columns[j]), -j)) if columns else 0
    a, values = lay.body[row]
    heading = columns[col].strip() if columns else ""
    start = a + len(text[a:]) - len(text[a:].lstrip())
    cells = tuple((h.strip(), v.text) for h, v in zip(columns, values, strict=True)) if columns else ()
    name = labels[row][-n:] if row == 0 else labels[row]
    return Cell(values[col], start, values[-1].end, heading, row_name=" ".join(name), cells=cells)


_LABEL = re.compile(r"[ivx]{1,5}|\d{1,2}")


def _step_keys(words: list[str]) -> list[str]:
    """Folded words with a row's label as one number: "Vùng IV" is the row a question asking "vùng 4" names."""
    return [step_value(w) if _LABEL.fullmatch(w) else w for w in words]


def _header_columns(labels: list[list[str]], n: int, width: int) -> tuple[int, list[str] | None]:
    """Where the rows' own word ("Vùng") heads the first column in the header the first label holds before its
    row's ``n``-word name (-1 when it does not), and the value columns' headings that follow it."""
    header = " ".join(labels[0][:-n])
    head_word = labels[1][0]
    at = header.rfind(head_word)
    return at, _columns(header[at + len(head_word):] if at >= 0 else header, width)


def _first_name_length(labels: list[list[str]], width: int) -> int | None:
    """How many of the first label's words name its row (the rest is the table's header), when rows are named
    in different lengths: the length within those of the other rows at which the header splits into ``width``
    column headings of the most even length."""
    lengths = [len(x) for x in labels[1:]]
    best: tuple[tuple[int, int], int] | None = None
    for n in range(max(1, min(lengths) - 1), min(max(lengths) + 1, len(labels[0]) - 1) + 1):
        columns = _header_columns(labels, n, width)[1]
        if columns is None:
            continue
        sizes = [len(c.split()) for c in columns]
        key = (max(sizes) - min(sizes), abs(n - lengths[0]))  # most even; then as long as the next row's name
        if best is None or key < best[0]:
            best = (key, n)
    return best[1] if best else None


_UNIT = re.compile(r"Đơn vị(?:\s+tính)?\s*:\s*([^)]{1,30}?)\s*\)", re.IGNORECASE)


_PAREN_UNIT = re.compile(r"\(\s*([^()]{1,30}?)\s*\)\s*$")


def heading_unit(heading: str) -> str:
    """The unit a column heading gives its bare figures ("Mức lương tối thiểu giờ (Đơn vị: đồng/giờ)" -> "đồng/giờ",
    "Mức thu (đồng/lần cấp)" -> "đồng/lần cấp", "Mức cấp (đồng)" -> "đồng"; lexicon heading_units.txt)."""
    m = _UNIT.search(heading)
    if m:
        return m.group(1)
    m = _PAREN_UNIT.search(heading)
    if m and ("/" in m.group(1) or m.group(1) in load_lexicon().topic("heading_units")):
        return m.group(1)
    return ""


@dataclass(frozen=True)
class RowCell:
    """A table row's value (``corpus.tables``): the row (named with its parents), the column heading of the value
    and the value as written."""

    row: PipeRow
    heading: str
    value: str
    unit: str
    lead: str = ""  # the clause's words before the table ("Mức thu phí … tại cảng, bến thủy nội địa như sau:")
    headings: tuple[str, ...] = ()  # the value columns' headings, one per value of the row


_LEAD_CHARS = 300  # of the clause's words before a table, those nearest it say what the table lists


def row_words(text: str, table: PipeTable, row: PipeRow) -> tuple[str, str]:
    """What a row of a table in ``text`` is about, in words: its own (the rows it stands under, its name and the
    column headings), and those with the clause's words just before the table, which every row shares."""
    lead = text[max(0, table.start - _LEAD_CHARS) : table.start].strip()
    own = " ".join((row.full_name, *table.headings[1:]))
    return own, f"{lead} {own}"


def row_coverage(scorer: Scorer, topic: str, words: tuple[str, str]) -> float:
    """How well a row covers the topic: half by its own words, half with the words leading into its table (a
    section heading "Lệ phí cấp hộ chiếu, giấy thông hành, …" covers every row alike; the row's own words tell
    "Lệ phí cấp giấy thông hành – …" from "Lệ phí cấp hộ chiếu – …")."""
    return (scorer.coverage(topic, words[0]) + scorer.coverage(topic, words[1])) / 2


def row_cell(scorer: Scorer, question: str, topic: str, text: str, offset: int) -> RowCell | None:
    """The value of the table row on the line of ``text`` at ``offset`` (a row ``corpus.tables`` regrouped), in the
    value column whose heading the topic matches best (then the question's own words: "Mức cấp … bao nhiêu" over
    "Niên hạn cấp | Mức cấp (đồng)", where the topic keeps only "cấp"); None for a line that is no such row or a row without
    values (a heading over its sub-rows: "1 | Lệ phí cấp hộ chiếu | ")."""
    for table in read_tables(text):
        row = table.row_at(offset)
        if row is None:
            continue
        columns = [j for j, v in enumerate(row.values) if v]
        if not columns:
            return None
        headings = table.headings[2:]
        col = max(columns, key=lambda j: (scorer.coverage(topic, headings[j]), scorer.coverage(question, headings[j]), -j))
        lead = text[max(0, table.start - _LEAD_CHARS) : table.start].strip()
        return RowCell(row, headings[col], row.values[col], heading_unit(headings[col]), lead, tuple(headings))
    return None


def sub_rows(text: str, offset: int) -> tuple[PipeTable, PipeRow, tuple[PipeRow, ...]] | None:
    """The row at ``offset`` when it has no values of its own but heads rows that do ("2 | Lệ phí cấp giấy thông
    hành |" over "a | Giấy thông hành biên giới … | 50.000" …): the table, the row and those rows."""
    for table in read_tables(text):
        row = table.row_at(offset)
        if row is None:
            continue
        if any(row.values):
            return None
        path = (*row.parents, row.name)
        below = tuple(r for r in table.rows[table.rows.index(row) + 1 :] if r.parents[: len(path)] == path)
        under = tuple(r for r in below if any(r.values))
        return (table, row, under) if under else None
    return None
