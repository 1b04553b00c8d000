"""The clause tree: every citable part of a clean directive, with the label a user would write.

Labels follow the project convention ("mục II.3, điểm a", "mục 3, gạch đầu
dòng 2", "Phụ lục, mục 12", "Điều 6, khoản 3, điểm a").  A number only opens
an item when it continues its sibling sequence, so a wrapped line that
happens to start with "2021 và …" or "1. " inside a sentence stays text.
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, field

from corpus.layout import LETTERS, find_zones, is_recipients, is_signature_title, marker, roman_value
from corpus.models import Clause, ClauseKind

__all__ = ["build_clauses"]

_CLOSING = re.compile(
    r"^(?:Trên đây|.{0,120}?\b(?:yêu cầu|đề nghị)\b.{0,240}?\b(?:thực hiện|triển khai)\b)", re.I
)
_HEADING_MAX = 160

# Depth of each node kind; a node ends where the next node of the same or smaller depth starts.
_DEPTH = {
    "form": 0,
    "chapter": 0,
    "section": 0,
    "part": 1,
    "article": 2,
    "item": 3,
    "khoan": 3,
    "point": 4,
    "diem": 4,
    "bullet": 5,
    "plus": 6,
}


@dataclass
class _Node:
    kind: ClauseKind
    label: str
    path: tuple[str, ...]
    first: int  # index of its first line
    parent: _Node | None
    last: int = -1
    children: list[_Node] = field(default_factory=list)
    emit: bool = True

    @property
    def depth(self) -> int:
        return _DEPTH[self.kind]


def _heading_of(line: str) -> str:
    """A short heading for a node: its marker and first sentence (or up to the colon), capped."""
    m = marker(line)
    skip = m.length if m else 0
    head, rest = line[:skip], line[skip:]
    cut = head + re.split(r"(?<=[.:;])\s", rest, maxsplit=1)[0].rstrip(":;")
    if len(cut) > _HEADING_MAX:
        cut = cut[:_HEADING_MAX].rsplit(" ", 1)[0] + "…"
    return cut


class _Builder:
    """Walks body paragraphs once, keeping the open node at each level."""

    def __init__(self, lines: list[str], prefix: str, path_prefix: tuple[str, ...], legal: bool) -> None:
        self.lines = lines
        self.prefix = prefix  # "" for the body, "Phụ lục, " for an appendix
        self.path_prefix = path_prefix
        self.legal = legal
        self.nodes: list[_Node] = []
        self.open: dict[str, _Node | None] = {}
        self.last_roman = 0
        self.last_article = 0
        self.headings: list[str] = []  # chapter / part headings above the current article
        self.quote_depth = 0  # “ opened and not yet closed: an amending text quoting other articles

    def _deepest(self, kinds: tuple[str, ...]) -> _Node | None:
        best = None
        for kind in kinds:
            node = self.open.get(kind)
            if node is not None and (best is None or node.depth > best.depth):
                best = node
        return best

    def _close_from(self, depth: int) -> None:
        for kind, node in list(self.open.items()):
            if node is not None and node.depth >= depth:
                self.open[kind] = None

    def _add(
        self, kind: ClauseKind, label: str, path: tuple[str, ...], i: int, parent: _Node | None, emit: bool = True
    ) -> _Node:
        self._close_from(_DEPTH[kind])
        node = _Node(kind, label, path, i, parent, emit=emit)
        if parent is not None:
            parent.children.append(node)
        self.nodes.append(node)
        self.open[kind] = node
        return node

    def _siblings(self, parent: _Node | None, kind: ClauseKind) -> list[_Node]:
        if parent is not None:
            return [c for c in parent.children if c.kind == kind]
        return [n for n in self.nodes if n.kind == kind and n.parent is None]

    def feed(self, i: int) -> bool:
        """Place line ``i``; returns False when it is plain text (continuation)."""
        line = self.lines[i]
        quoted = self.quote_depth > 0
        self.quote_depth = max(0, self.quote_depth + line.count("“") - line.count("”"))
        m = marker(line)
        if m is None:
            return False
        if self.legal:
            placed = self._feed_legal(m, i, quoted)
            if placed and m.kind == "article":
                self.quote_depth = max(0, line.count("“") - line.count("”"))
            return placed
        if m.kind == "form":
            label = f"{self.prefix}Mẫu số {m.value}"
            if any(n.label == label for n in self.nodes):
                return False  # the same form named again (a page header, a reference)
            self._add("form", label, (*self.path_prefix, f"M{m.value}"), i, None)
            return True
        if m.kind == "roman" and roman_value(m.value) == self.last_roman + 1:
            self.last_roman += 1
            self._add("section", f"{self.prefix}mục {m.value}", (*self.path_prefix, m.value), i, None)
            return True
        if m.kind == "number":
            parent = self.open.get("section")
            siblings = self._siblings(parent, "item")
            expected = int(siblings[-1].path[-1]) + 1 if siblings else 1
            if int(m.value) != expected:
                return False
            base = f"{parent.label}." if parent else f"{self.prefix}mục "
            label = f"{base}{m.value}"
            path = (*(parent.path if parent else self.path_prefix), m.value)
            self._add("item", label, path, i, parent)
            return True
        if m.kind == "letter":
            parent = self._deepest(("section", "item"))
            return self._point(m.value, parent, i, "point", "điểm")
        if m.kind in ("bullet", "plus"):
            return self._bullet(m.kind, i)
        return False

    def _point(self, letter: str, parent: _Node | None, i: int, kind: ClauseKind, word: str) -> bool:
        if parent is None:
            return False
        siblings = self._siblings(parent, kind)
        prev = siblings[-1].path[-1] if siblings else None
        ok = (prev is None and letter == "a") or (
            prev is not None
            and LETTERS.find(letter) > LETTERS.find(prev)
            and LETTERS.find(letter) - LETTERS.find(prev) <= 2
        )
        if not ok:
            return False
        self._add(kind, f"{parent.label}, {word} {letter}", (*parent.path, letter), i, parent)
        return True

    def _bullet(self, kind: ClauseKind, i: int) -> bool:
        parents = ("section", "item", "point", "chapter", "article", "khoan", "diem")
        parent = self._deepest((*parents, "bullet")) if kind == "plus" else self._deepest(parents)
        if parent is None:
            return False
        if kind == "plus" and parent.kind != "bullet":
            kind = "bullet"
        count = len(self._siblings(parent, kind)) + 1
        sign = "+" if kind == "plus" else "-"
        self._add(kind, f"{parent.label}, gạch đầu dòng {count}", (*parent.path, f"{sign}{count}"), i, parent)
        return True

    def _feed_legal(self, m, i: int, quoted: bool = False) -> bool:
        if m.kind == "article":
            n = int(m.value)
            titled = bool(self.lines[i][m.length :].strip())
            # An article follows the previous one; a jump is taken only for a titled heading outside a
            # quotation ("Điều 6." ending a wrapped citation, “Điều 69. …” quoted by an amending decree).
            if n != self.last_article + 1 and (quoted or not titled):
                return False
        if m.kind == "chapter" and quoted:
            return False
        if m.kind == "chapter":
            self.headings = [_heading_of(self.lines[i])]
            self._add("chapter", f"Chương {m.value}", (f"Ch{m.value}",), i, None)
            return True
        if m.kind == "part":
            self.headings = [*self.headings[:1], _heading_of(self.lines[i])]
            self._add("part", "", (), i, self.open.get("chapter"), emit=False)
            return True
        if m.kind == "article" and int(m.value) > self.last_article:
            self.last_article = int(m.value)
            node = self._add("article", f"Điều {m.value}", (f"D{m.value}",), i, self.open.get("chapter"))
            node.heading_override = tuple(self.headings)  # type: ignore[attr-defined]
            return True
        article = self.open.get("article")
        if m.kind == "number" and article is not None:
            siblings = self._siblings(article, "khoan")
            expected = int(siblings[-1].path[-1]) + 1 if siblings else 1
            if int(m.value) != expected:
                return False
            self._add("khoan", f"{article.label}, khoản {m.value}", (*article.path, m.value), i, article)
            return True
        if m.kind == "letter":
            return self._point(m.value, self._deepest(("article", "khoan")), i, "diem", "điểm")
        if m.kind in ("bullet", "plus"):
            return self._bullet(m.kind, i)
        return False


def _line_spans(text: str) -> list[tuple[int, int]]:
    spans, pos = [], 0
    for line in text.split("\n"):
        spans.append((pos, pos + len(line)))
        pos += len(line) + 1
    return spans


def build_clauses(text: str, doc_id: str) -> tuple[Clause, ...]:
    """All clauses of a clean text (see ``clean_text``), in document order."""
    lines = text.split("\n")
    spans = _line_spans(text)
    zones = find_zones(lines, title_lines=1)
    out: list[Clause] = []

    def emit(
        kind: ClauseKind,
        label: str,
        path: tuple[str, ...],
        first: int,
        last: int,
        *,
        heading: tuple[str, ...] = (),
        parent: str | None = None,
        answerable: bool = True,
        skip: int = 0,
    ) -> str:
        start, end = spans[first][0] + skip, spans[last][1]
        cid = f"{doc_id}:{'.'.join(path)}"
        out.append(
            Clause(cid, doc_id, label, kind, path, heading, text[start:end], start, end, parent, answerable)
        )
        return cid

    if zones.body > 0:
        emit("header", "phần đầu", ("DAU",), 0, zones.body - 1, answerable=False)

    body_end = zones.tail  # exclusive
    legal = any(marker(lines[i]) and marker(lines[i]).kind == "article" for i in range(zones.body, body_end))
    _tree(lines, zones.body, body_end, "", (), legal, emit, allow_closing=True)

    appendix_starts = [*_distinct_appendices(lines, zones.appendices), len(lines)]
    _tail(lines, zones.tail, zones.attached if zones.attached >= 0 else appendix_starts[0], emit)
    if zones.attached >= 0:
        # What the signature is followed by without a "Phụ lục" heading: the programme a resolution
        # adopts, a fee schedule, a list, forms; after a consolidated text's certification, its notes
        # (which quote the effect provisions of the documents consolidated).
        label, code = ("chú thích", "CT") if zones.certified else ("phần kèm theo", "KT")
        aid = emit("appendix", label, (code,), zones.attached, appendix_starts[0] - 1)
        first = next((i for i in range(zones.attached + 1, appendix_starts[0]) if marker(lines[i])),
                     appendix_starts[0])
        _tree(lines, first, appendix_starts[0], f"{label}, ", (code,), False, emit, allow_closing=False,
              root_heading=(" - ".join(lines[zones.attached:first][:2]),), root_parent=aid)
    # Unnamed appendices are numbered by position only when there are several of them
    # ("PHỤ LỤC" over named "Phụ lục 1", "Phụ lục 2"… stays "Phụ lục").
    unnamed = [a for a in appendix_starts[:-1] if not ((m := marker(lines[a])) and m.value)]
    multiple = len(unnamed) > 1
    for n, (a, b) in enumerate(itertools.pairwise(appendix_starts), start=1):
        m = marker(lines[a])
        name = m.value if m and m.value else (str(n) if multiple else "")
        label = f"Phụ lục {name}" if name else "Phụ lục"
        pid = emit("appendix", label, (f"PL{name}",), a, b - 1)
        first_item = next((i for i in range(a + 1, b) if marker(lines[i])), b)
        title = " - ".join(lines[a:first_item][:2])
        _tree(
            lines,
            first_item,
            b,
            f"{label}, ",
            (f"PL{name}",),
            False,
            emit,
            allow_closing=False,
            root_heading=(title,),
            root_parent=pid,
        )
    out.sort(key=lambda c: (c.start, -c.end))
    return tuple(out)


def _distinct_appendices(lines: list[str], starts: tuple[int, ...]) -> list[int]:
    """Appendix headings, a named one repeated later ("PHỤ LỤC I" over each page of a table) kept once."""
    seen: set[str] = set()
    out: list[int] = []
    for a in starts:
        m = marker(lines[a])
        name = (m.value if m else "") or ""
        if name and name in seen:
            continue
        seen.add(name)
        out.append(a)
    return out


def _tree(
    lines: list[str],
    begin: int,
    end: int,
    prefix: str,
    path_prefix: tuple[str, ...],
    legal: bool,
    emit,
    *,
    allow_closing: bool,
    root_heading: tuple[str, ...] = (),
    root_parent: str | None = None,
) -> None:
    """Build and emit the clause tree of ``lines[begin:end]`` (body or one appendix)."""
    if begin >= end:
        return
    b = _Builder(lines, prefix, path_prefix, legal)
    structured = [i for i in range(begin, end) if b.feed(i)]
    first_marked = structured[0] if structured else end
    closing = end
    if allow_closing and structured:
        for i in range(structured[-1] + 1, end):
            if _CLOSING.search(lines[i]):
                closing = i
                break
    if begin < first_marked and not path_prefix:
        emit("preamble", "phần mở đầu", ("MD",), begin, first_marked - 1)
    # Each node runs until the next node at the same or a shallower depth.
    nodes = b.nodes
    for k, node in enumerate(nodes):
        stop = closing
        for later in nodes[k + 1 :]:
            if later.depth <= node.depth:
                stop = later.first
                break
        node.last = max(node.first, min(stop, closing) - 1)
    ids: dict[int, str] = {}
    for node in nodes:
        if not node.emit:
            continue
        chain, p = [], node.parent
        while p is not None:
            if p.emit:
                chain.append(_heading_of(lines[p.first]))
            p = p.parent
        heading = tuple(reversed(chain))
        override = getattr(node, "heading_override", None)
        if override is not None:
            heading = override
        heading = root_heading + heading
        parent_node = node.parent
        while parent_node is not None and not parent_node.emit:
            parent_node = parent_node.parent
        parent_id = ids.get(id(parent_node)) if parent_node is not None else root_parent
        kind = node.kind
        if kind == "item" and path_prefix:
            kind = "appendix_item"
        elif kind == "plus":
            kind = "bullet"
        m = marker(lines[node.first])
        # The text a clause quotes starts after its own marker ("e) Giao Sở Nội vụ …" -> "Giao Sở Nội vụ …").
        skip = m.length if m and node.kind not in ("chapter", "article", "form") else 0
        ids[id(node)] = emit(
            kind, node.label, node.path, node.first, node.last, heading=heading, parent=parent_id, skip=skip
        )
    if closing < end:
        emit("closing", "phần kết", ("KET",), closing, end - 1)


def _tail(lines: list[str], begin: int, end: int, emit) -> None:
    """ "Nơi nhận" and the signature block(s): citable, never answers."""
    groups: list[list[int]] = []
    kinds: list[str] = []
    for i in range(begin, end):
        if not groups and not is_recipients(lines[i]):
            # The certification block of a consolidated text ("BỘ TÀI CHÍNH / Số: …/VBHN-BTC /
            # XÁC THỰC VĂN BẢN HỢP NHẤT / Hà Nội, ngày …") opens the signature part.
            groups.append([i])
            kinds.append("signature")
        elif is_recipients(lines[i]):
            groups.append([i])
            kinds.append("recipients")
        elif is_signature_title(lines[i]) and (not kinds or kinds[-1] != "signature"):
            groups.append([i])
            kinds.append("signature")
        elif groups:
            groups[-1].append(i)
    seen: dict[str, int] = {}
    for kind, group in zip(kinds, groups, strict=True):
        seen[kind] = seen.get(kind, 0) + 1
        n = seen[kind]
        base = "Nơi nhận" if kind == "recipients" else "phần chữ ký"
        code = "NN" if kind == "recipients" else "CK"
        label = base if n == 1 else f"{base} {n}"
        emit(kind, label, (code if n == 1 else f"{code}{n}",), group[0], group[-1], answerable=False)
