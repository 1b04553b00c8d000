"""Tables the gazette's text export writes one cell per line, read back into rows.

A fee schedule ("Số TT / Nội dung / Mức thu (đồng/lần cấp)") reaches us as a column of short lines:
"1 / Lệ phí cấp hộ chiếu / a / Cấp mới / 200.000 / b / …".  Joined as prose, "a Cấp mới 200.000 b Cấp lại …"
says neither which amount belongs to which row nor what it is counted in, and the numbering cells ("1", "2")
look like page numbers.  ``find_tables`` regroups such a block into rows — guided by the numbering cells
(1, 2, a, b, 1.1, I, II), by the header's column count and by the cells that hold values — and ``render``
writes each row on one line between bars ("| a | Cấp mới | 200.000 |").  ``read_tables`` reads those lines
back (from a clause's text) with each row's parents ("Lệ phí cấp hộ chiếu – Cấp mới") and the column headings.

Strict by construction: a block whose lines do not regroup consistently (a numbering that does not follow,
a row without its values that has no sub-rows, a header that does not split into as many headings as the rows
have cells) is left exactly as it was.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from functools import cached_property, lru_cache

from corpus.layout import LETTERS, marker, roman_value

__all__ = ["PipeRow", "PipeTable", "TableBlock", "find_tables", "is_row_line", "read_tables", "render"]

# The heading of the numbering column: "STT", "TT", "Stt", "Số TT", "Số thứ tự" (possibly over two lines).
_NUMBER_HEADING = re.compile(r"^(?:S[Tt][Tt]|TT|Số\s*TT|Số thứ(?:\s*tự)?|Số)$")
_LABEL = re.compile(r"^(?P<v>\d{1,2}(?:\.\d{1,2}){0,2}|[IVXL]{1,5}|[A-Z]|[a-zđ])[.)]?$")
# A value cell: one figure, optionally with a unit of up to three words ("200.000", "25 USD/chiếc", "10%",
# "50 triệu đồng", "1.000.000/chiếc"); a second figure makes it a row's name ("1.000 tấn đến 1.500 tấn").
_VALUE = re.compile(r"^\d[\d.,]*(?:\s*%|/[^\d\s]\S*|\s+[^\d\s]\S*(?:\s+[^\d\s]\S*){0,2})?$")
_VALUE_MAX = 30
_CONTINUATION_MAX = 30
_HEADER_LINES = 12
_HEADING_MAX = 60
_NAME_LINES = 14
# A sub-row a dash opens ("- Cấp mới"); "- xã hội …" opening a wrapped line is a hyphenated phrase (corpus.layout).
_DASH = re.compile(r"^[-–+]\s*(?=\S)")
# A code cell ("CG1", "CG2": an expert grade a norm table gives per row).
_CODE = re.compile(r"^[A-ZĐ]{1,4}\d{1,3}$")


@dataclass(frozen=True)
class _Row:
    label: str  # "1", "a", "1.1", "I", "-" for a sub-row a dash opens
    name: str
    values: tuple[str, ...]


@dataclass(frozen=True)
class TableBlock:
    """A regrouped table: the lines ``[start, end)`` it replaces, its column headings and its rows."""

    start: int
    end: int
    headings: tuple[str, ...]
    rows: tuple[_Row, ...]


def _dash(line: str) -> bool:
    m = _DASH.match(line)
    return m is not None and (line[m.end()].isupper() or line[m.end()].isdigit())


def _is_value(line: str) -> bool:
    if _CODE.match(line):
        return True
    return len(line) <= _VALUE_MAX and _VALUE.match(line) is not None and len(re.findall(r"\d+", line.replace(".", "").replace(",", ""))) == 1


def _is_continuation(line: str) -> bool:
    """A wrapped value cell's next line: short, lower-case, no figure ("trọng tải toàn", "đồng/chuyến", "cấp")."""
    if not line or len(line) > _CONTINUATION_MAX or any(c.isdigit() for c in line):
        return False
    return line[0].islower() or line[0] in "(/"


def _rank(label: str) -> int:
    """How deep a numbering sits: A (0) > I (1) > 1 (2) > 1.1 (3) > 1.1.1 (4) > a (6) > a dash (7)."""
    if label == "-":
        return 7
    if label[0].isdigit():
        return 2 + label.count(".")
    if label[0].isupper():
        return 1 if roman_value(label) else 0
    return 6


def _upper_value(label: str) -> int:
    return ord(label) - ord("A") + 1 if len(label) == 1 and "A" <= label <= "Z" else 0


class _Numbering:
    """The numbering seen so far: which labels may come next (a number after a group heading "II" restarts at 1
    or goes on from the group before)."""

    def __init__(self) -> None:
        self.last: dict[int, str] = {}
        self.number = 0  # the last plain number, across groups

    def read(self, label: str) -> int | None:
        """The rank of the label as it continues the numbering ("I" is a roman one, rank 1, or the letter after
        "H", rank 0), else None."""
        if label[0].isupper():
            roman, letter = self.last.get(1), self.last.get(0)
            if roman_value(label) and roman_value(label) == (roman_value(roman) if roman else 0) + 1:
                return 1
            if _upper_value(label) and _upper_value(label) == (_upper_value(letter) if letter else 0) + 1:
                return 0
            return None
        return _rank(label) if self._follows(label) else None

    def _follows(self, label: str) -> bool:
        rank = _rank(label)
        if rank == 6:
            if not any(r in self.last for r in range(6)):
                return False
            prev = self.last.get(6)
            if prev is None:
                return label == "a"
            step = LETTERS.find(label) - LETTERS.find(prev)
            return LETTERS.find(label) >= 0 and 1 <= step <= 2
        parts = label.split(".")
        if rank == 2:
            n = int(parts[0])
            return n == self.number + 1 or (n == 1 and 2 not in self.last)
        parent = self.last.get(rank - 1)
        if parent is None or parent.split(".") != parts[:-1]:
            return False
        prev = self.last.get(rank)
        return int(parts[-1]) == (int(prev.split(".")[-1]) + 1 if prev is not None else 1)

    def take(self, label: str, rank: int) -> None:
        for r in [r for r in self.last if r > rank]:
            del self.last[r]
        self.last[rank] = label
        if rank == 2:
            self.number = int(label)


def _label(line: str) -> str | None:
    m = _LABEL.match(line)
    return m.group("v") if m else None


# A numbering cell and the row's name on one line: "1.1 Công suất đặt dưới 10 MW", "III CHẤP HÀNH NỘI QUY",
# "a) Lượt vào", "2. Phí …"; a bare number before words is a value with its unit ("10 USD/lần").
_INLINE = re.compile(r"^(?P<v>\d{1,2}(?:\.\d{1,2}){1,2}|[IVXL]{1,5}|[A-Z])\.?\s+(?=[A-ZĐÀ-Ỹ])"
                     r"|^(?P<w>\d{1,2}|[a-zđ])[.)]\s+(?=\S)")


def _inline(line: str) -> tuple[str, str] | None:
    m = _INLINE.match(line)
    return ((m.group("v") or m.group("w")), line[m.end():]) if m else None


def _heading_cells(lines: list[str]) -> list[str]:
    """Header lines -> column headings: a line opening lower-case or with "(" continues the heading above it
    ("Mức thu / (đồng/lần cấp)", "Số thứ / tự"), as does "TT" after "Số"."""
    cells: list[str] = []
    for line in lines:
        if cells and (line[:1].islower() or line[:1] == "(" or (cells[-1] == "Số" and line in ("TT", "thứ tự"))):
            cells[-1] = f"{cells[-1]} {line}"
        else:
            cells.append(line)
    return cells


@dataclass
class _Chunk:
    label: str
    lines: list[str]
    at: list[int]  # the index of each line in the document's lines
    broken_at: int = -1  # index in ``lines`` of the first line after a page break, -1 when none
    head: int = -1  # the index of the line the row starts on


def _split_row(chunk: _Chunk, width: int | None, last: bool) -> tuple[list[str], list[str], int] | None:
    """A row's lines -> (name lines, value cells, lines after the row) or None when they do not fit a row: the
    values are the last run of value cells, followed only by their wrapped lines (or, after a page break, the
    rest of the name); the final row of a table ends after its values' wrapped lines."""
    lines = chunk.lines
    n = len(lines)
    if last:
        first = next((i for i in range(1, n) if _is_value(lines[i])), None) if n else None
        if first is None:
            return lines, [], n
        j = first
        while j < n and _is_value(lines[j]) and (width is None or j - first < width):
            j += 1
        values = lines[first:j]
        while j < n and _is_continuation(lines[j]) and not _label(lines[j]):
            values[-1] = f"{values[-1]} {lines[j]}"
            j += 1
        return lines[:first], values, j
    end = n
    overflow: list[str] = []
    if chunk.broken_at > 0:
        tail = lines[chunk.broken_at:]
        if tail and all(x[:1].islower() for x in tail[:1]) and not any(_is_value(x) for x in tail):
            overflow, end = tail, chunk.broken_at
    k = end
    while k > 0 and _is_continuation(lines[k - 1]) and not _is_value(lines[k - 1]):
        k -= 1
    v = k
    while v > 1 and _is_value(lines[v - 1]):
        v -= 1
    if v == k:  # no value: the row heads sub-rows
        return lines[:end] + overflow, [], n
    count = k - v
    if width is not None and count > width:
        v, count = k - width, width
    values = lines[v:k]
    if k < end:
        values[-1] = " ".join([values[-1], *lines[k:end]])
    return lines[:v] + overflow, values, n


def find_tables(lines: list[str], furniture: Callable[[int], bool], page_break: Callable[[int], bool]) -> list[TableBlock]:
    """Every table written one cell per line in ``lines`` (stripped lines; ``furniture(i)`` for lines that are
    no text, such as a running header, a page number after it, a blank; ``page_break(i)`` where a page starts)."""
    out: list[TableBlock] = []
    i, n = 0, len(lines)
    while i < n:
        # "Số / TT" is one heading: a table opening at "Số" that does not regroup is not tried again at "TT"
        if _NUMBER_HEADING.match(lines[i]) and not furniture(i) and not (
                lines[i] == "TT" and next((lines[k] for k in range(i - 1, -1, -1) if not furniture(k)), "") == "Số"):
            block = _table_at(lines, i, furniture, page_break)
            if block is not None:
                out.append(block)
                i = block.end
                continue
        i += 1
    return out


def _table_at(lines: list[str], start: int, furniture: Callable[[int], bool],
              page_break: Callable[[int], bool]) -> TableBlock | None:
    n = len(lines)
    header: list[str] = []
    i = start
    while i < n and len(header) <= _HEADER_LINES:
        s = lines[i]
        if furniture(i):
            i += 1
            continue
        if header and (_label(s) is not None or _inline(s) is not None) and not (header[-1] == "Số" and s == "TT"):
            break
        if len(s) > _HEADING_MAX:
            return None
        header.append(s)
        i += 1
    if i >= n or len(header) < 2 or (_label(lines[i]) is None and _inline(lines[i]) is None):
        return None
    numbering = _Numbering()
    chunks: list[_Chunk] = []
    stop = n
    broke = False
    while i < n:
        s = lines[i]
        if page_break(i):
            broke = True
        if furniture(i):
            i += 1
            continue
        if lines[i : i + len(header)] == header:  # the header again on the next page
            i += len(header)
            continue
        label = _label(s)
        inline = None if label is not None else _inline(s)
        current = chunks[-1] if chunks else None
        said = label or (inline[0] if inline else "")
        rank = numbering.read(said) if said else None
        if rank is not None:
            numbering.take(said, rank)
            chunks.append(_Chunk(said, [inline[1]] if inline else [], [i] if inline else [], head=i))
            broke = False
        elif current is None:
            return None
        elif _dash(s) and (current.label == "-") == any(_is_value(x) for x in current.lines):
            # a sub-row a dash opens: under a row still without values, or after such a sub-row's values
            chunks.append(_Chunk("-", [_DASH.sub("", s)], [i], head=i))
            broke = False
        elif ((m := marker(s)) is not None and m.kind not in ("bullet", "plus")) or _NUMBER_HEADING.match(s) or (
            len(current.lines) >= _NAME_LINES
        ):
            stop = i
            break
        else:
            if broke and current.broken_at < 0 and current.lines:
                current.broken_at = len(current.lines)
            current.lines.append(s)
            current.at.append(i)
        i += 1
    else:
        stop = n
    return _rows(lines, start, stop, header, chunks)


def _rows(lines: list[str], start: int, stop: int, header: list[str], chunks: list[_Chunk]) -> TableBlock | None:
    # The document may go on with a numbered line of its own ("2. Tổ chức thu …" after the rows of "1."): rows at
    # the end without values are not the table's, it ends before them.
    while chunks and (last := _split_row(chunks[-1], None, True)) is not None and not last[1]:
        stop = chunks[-1].head
        chunks = chunks[:-1]
    if len(chunks) < 2:
        return None
    splits = [_split_row(c, None, k == len(chunks) - 1) for k, c in enumerate(chunks)]
    if any(s is None for s in splits):
        return None
    widths = Counter(len(s[1]) for s in splits if s and s[1])
    if not widths:
        return None
    width = widths.most_common(1)[0][0]
    splits = [_split_row(c, width, k == len(chunks) - 1) for k, c in enumerate(chunks)]
    shapes = _column_shapes([s[1] for s in splits if s and len(s[1]) == width], width)
    rows: list[_Row] = []
    for chunk, got in zip(chunks, splits, strict=True):
        if got is None:
            return None
        name, values, _ = got
        if values and len(values) != width:
            placed = _placed(values, shapes)
            if placed is None:
                return None
            values = placed
        if not name:
            return None
        rows.append(_Row(chunk.label, " ".join(name), tuple(values)))
    # The final row ends after its values: what follows is the document's text again.
    used = len(chunks[-1].lines)
    final = splits[-1]
    assert final is not None
    if final[2] < used:
        stop = chunks[-1].at[final[2]]
    rows = _merge_lone_dashes(rows)
    if rows is None or not rows[-1].values:
        return None
    for k, row in enumerate(rows):  # a row without values heads sub-rows
        if not row.values and (k + 1 == len(rows) or _rank(rows[k + 1].label) <= _rank(row.label)):
            return None
    headings = _heading_cells(header)
    if len(headings) != 2 + width:
        return None
    return TableBlock(start, stop, tuple(headings), tuple(rows))


def _shape(cell: str) -> str:
    """A cell's shape: its figures as "9" ("03 năm" -> "9 năm", "2.800.000" -> "9")."""
    return re.sub(r"\d[\d.,]*", "9", cell)


def _column_shapes(full: list[list[str]], width: int) -> list[set[str]]:
    return [{_shape(values[j]) for values in full} for j in range(width)]


def _placed(values: list[str], shapes: list[set[str]]) -> list[str] | None:
    """A row with fewer values than columns ("Hàm giả (chỉ cấp một lần duy nhất) | 4.000.000" under "Niên hạn cấp |
    Mức cấp"): each value goes to the one column whose full rows have cells of its shape, in order; None when a
    value fits no column or more than one (which cell is empty is then unknown)."""
    out = [""] * len(shapes)
    at = 0
    for value in values:
        fits = [j for j in range(at, len(shapes)) if _shape(value) in shapes[j]]
        if len(fits) != 1 or any(_shape(value) in shapes[j] for j in range(at)):
            return None
        out[fits[0]] = value
        at = fits[0] + 1
    return out


def _merge_lone_dashes(rows: list[_Row]) -> list[_Row] | None:
    """A dash line alone under its row continues the row's name ("… biên giới Việt Nam / - Trung Quốc"): sub-rows
    a dash opens come at least two together."""
    out: list[_Row] = []
    k = 0
    while k < len(rows):
        row = rows[k]
        run = 0
        while k + 1 + run < len(rows) and rows[k + 1 + run].label == "-":
            run += 1
        if run == 1 and row.label != "-" and not row.values:
            dash = rows[k + 1]
            out.append(_Row(row.label, f"{row.name} - {dash.name}", dash.values))
            k += 2
            continue
        out.append(row)
        k += 1
    return out


def _cell(text: str) -> str:
    return text.replace("|", "/")


def render(block: TableBlock) -> list[str]:
    """One line per row between bars, the headings first: "| Số TT | Nội dung | Mức thu (đồng/lần cấp) |"."""
    width = len(block.headings)
    out = ["| " + " | ".join(_cell(h) for h in block.headings) + " |"]
    for row in block.rows:
        cells = [row.label, row.name, *(row.values or ("",) * (width - 2))]
        out.append("| " + " | ".join(_cell(c) for c in cells) + " |")
    return out


# ---------------------------------------------------------------- reading the rendered rows back


def is_row_line(line: str) -> bool:
    """A line ``render`` wrote."""
    return line.startswith("| ") and line.endswith(" |")


@dataclass(frozen=True)
class PipeRow:
    """One row read back: its line's offsets, its numbering, its own name, the names of the rows it stands
    under (outermost first) and its values (one per value column; "" when empty)."""

    start: int
    end: int
    label: str
    name: str
    parents: tuple[str, ...]
    values: tuple[str, ...]
    values_start: int = -1  # offset where its value cells begin (after its name)

    @property
    def full_name(self) -> str:
        """The row named with its parents: "Lệ phí cấp hộ chiếu (…) – Cấp mới"."""
        return " – ".join((*self.parents, self.name))


@dataclass(frozen=True)
class PipeTable:
    """A rendered table read back from a text: its headings (numbering, name, then one per value column)."""

    start: int
    end: int
    headings: tuple[str, ...]
    rows: tuple[PipeRow, ...]

    def row_at(self, offset: int) -> PipeRow | None:
        """The row whose line holds ``offset`` (a schedule's every part asks: found by bisection)."""
        if not self.start <= offset <= self.end:
            return None
        k = bisect_right(self._starts, offset) - 1
        return self.rows[k] if k >= 0 and offset <= self.rows[k].end else None

    @cached_property
    def _starts(self) -> list[int]:
        return [r.start for r in self.rows]


def _cells(line: str) -> list[str]:
    return [c.strip() for c in line.split("|")[1:-1]]


def read_tables(text: str) -> list[PipeTable]:
    """The tables ``render`` wrote into ``text`` (a clause's text), each from its header line on."""
    return list(_read_tables(text))


@lru_cache(maxsize=512)
def _read_tables(text: str) -> tuple[PipeTable, ...]:
    """``read_tables``, read once per clause text: every part of a long schedule asks for the row it is on (and
    every part of a long article without a table whether it is on one)."""
    if not (text.startswith("| ") or "\n| " in text):
        return ()
    out: list[PipeTable] = []
    pos = 0
    header: list[str] | None = None
    h_start = 0
    rows: list[PipeRow] = []
    stack: list[tuple[int, str]] = []
    numbering = _Numbering()

    def close() -> None:
        if header is not None and rows:
            out.append(PipeTable(h_start, rows[-1].end, tuple(header), tuple(rows)))

    for line in text.split("\n"):
        start, end = pos, pos + len(line)
        pos = end + 1
        if not is_row_line(line):
            close()
            header, rows, stack, numbering = None, [], [], _Numbering()
            continue
        cells = _cells(line)
        label = cells[0]
        if header is None or len(cells) != len(header) or not (label == "-" or _LABEL.match(label) or label == ""):
            close()
            header, h_start, rows, stack, numbering = cells, start, [], [], _Numbering()
            continue
        # ranked as the rows were numbered: after A and B, "C" is the next group, not the Roman hundred
        known = numbering.read(label) if label and label != "-" else None
        rank = known if known is not None else (_rank(label) if label else 6)
        numbering.take(label or "-", rank)
        while stack and stack[-1][0] >= rank:
            stack.pop()
        bars = [k for k, ch in enumerate(line) if ch == "|"]
        rows.append(PipeRow(start, end, label, cells[1], tuple(name for _, name in stack), tuple(cells[2:]),
                            start + bars[2] + 1))
        stack.append((rank, cells[1]))
    close()
    return tuple(out)
