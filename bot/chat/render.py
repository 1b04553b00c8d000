"""Turning an Answer into what the chat shows: message text, source buttons, the source panel, filters.

Pure functions (no Chainlit import) so the wording a user sees is tested
directly.  Sources are *not* Chainlit side elements attached to the message:
Chainlit opens every side element of the conversation by itself, stacked.
Each source is a button instead; a click shows exactly that clause in the
panel (``bot.chat.handlers.open_source``).  Document text is Markdown-escaped
everywhere (answer quote, panel) so a clause never becomes a link or an image.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass

from bot.answerers.tables import Row, Table, read_table
from bot.models import Answer, Choice, Citation
from corpus.models import Corpus, Directive
from corpus.tables import PipeTable, read_tables
from corpus.text import fold
from index.models import Filters

__all__ = [
    "ABSTAIN_LEAD",
    "ALL",
    "RETRIEVERS",
    "ChatChoice",
    "FilterOptions",
    "Reply",
    "SourceSpec",
    "build_reply",
    "choice_from_values",
    "choice_label",
    "citation_labels",
    "clause_markdown",
    "describe_filters",
    "escape_markdown",
    "filter_line",
    "filter_options",
    "mark_span",
    "retriever_choices",
    "source_body",
    "source_name",
]

ALL = "*"  # the "Tất cả" value of every filter select
ABSTAIN_LEAD = "Không tìm thấy nội dung trả lời câu hỏi này trong các văn bản hiện có."  # a decline with no words
RETRIEVERS = {"hybrid": "Kết hợp (hybrid)", "dense": "Ngữ nghĩa (dense)", "bm25": "Từ khóa (BM25)"}


@dataclass(frozen=True)
class SourceSpec:
    """One source: its full name (panel title), Markdown content (panel body) and button label."""

    name: str
    content: str
    clause_id: str
    label: str = ""  # the button: "Nguồn 1"
    span: tuple[int, int] | None = None


@dataclass(frozen=True)
class Reply:
    """What one answer becomes in the chat.

    ``body`` is the answer as the assistant wrote it; ``text`` is the full message
    (notice, active filters, escaped body, list of source names), sent whole.
    ``choices`` are the documents offered when the answer asks which one was meant
    (each becomes a button that asks the question again in that document only).
    """

    body: str
    text: str
    sources: tuple[SourceSpec, ...]
    notice_shown: bool
    choices: tuple[Choice, ...] = ()


@dataclass(frozen=True)
class FilterOptions:
    """Choices offered in the chat settings, from the loaded corpus."""

    provinces: tuple[str, ...]
    years: tuple[int, ...]
    documents: tuple[tuple[str, str], ...]  # (doc_id, short name)
    scope: tuple[tuple[str, str | None, int | None], ...] = ()  # (doc_id, province, year)

    def narrowed(self, province: str | None, year: int | None) -> FilterOptions:
        """The years and documents that fit a chosen province (and year): choices stay consistent."""
        if not self.scope or (province is None and year is None):
            return self
        fits = [(d, p, y) for d, p, y in self.scope if province is None or p == province]
        years = tuple(y for y in self.years if any(fy == y for _, _, fy in fits))
        docs = {d for d, _, y in fits if year is None or y == year}
        return FilterOptions(self.provinces, years, tuple(x for x in self.documents if x[0] in docs), self.scope)


@dataclass(frozen=True)
class ChatChoice:
    """What the official picked in the settings panel, ready for ``assistant.answer``."""

    filters: Filters | None = None
    retriever: str | None = None


def _doc_name(c: Citation, directive: Directive | None) -> str:
    if directive is not None:
        return directive.short_name()
    kind = c.doc_type or "Văn bản"
    head = f"{kind} {c.number}" if c.number else kind
    where = ", ".join(str(x) for x in (c.province or c.issuer, c.year) if x)
    return f"{head} ({where})" if where else head


def _directive(corpus: Corpus | None, doc_id: str) -> Directive | None:
    return corpus.get(doc_id) if corpus is not None else None


def source_name(prefix: str, i: int, c: Citation, corpus: Corpus | None = None) -> str:
    """"Nguồn 1 – Chỉ thị 01/CT-UBND (Sơn La, 2024), Phụ lục, mục 12".

    Square brackets would break the Markdown link Chainlit builds, so they become parentheses.
    """
    name = f"{prefix} {i} – {_doc_name(c, _directive(corpus, c.doc_id))}, {c.clause}"
    return " ".join(name.replace("[", "(").replace("]", ")").split())


def citation_labels(answer: Answer, corpus: Corpus | None = None) -> tuple[str, ...]:
    """How each cited clause is named in the feedback export."""
    return tuple(f"{_doc_name(c, _directive(corpus, c.doc_id))}, {c.clause}" for c in answer.citations)


_LINE_START = re.compile(r"^(\s*)(#|>|\d+[.)]|[-+](?=\s))", re.MULTILINE)
_RULE_LINE = re.compile(r"^(\s*)([-=_*]{3,}\s*)$", re.MULTILINE)
# Web addresses and e-mails: remark-gfm links them even when escaped, so they become code spans.
_ADDRESS = re.compile(
    r"(?i)(?:\b(?:https?|ftp|file)://|\bwww\.)[^\s<>\"“”‘’]*[^\s<>\"“”‘’.,;:!?)\]]"
    r"|[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
)


def _code_span(text: str) -> str:
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    fence = "`" * (longest + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _escape_plain(text: str, block: bool = True) -> str:
    text = re.sub(r"([\\`*_\[\]<>!~|&$])", r"\\\1", text)
    text = re.sub(r":(?=[A-Za-z])", r"\\:", text)  # ":name" would be a remark-directive
    if not block:
        return text
    text = _RULE_LINE.sub(lambda m: m.group(1) + "\\" + m.group(2), text)
    return _LINE_START.sub(lambda m: m.group(1) + re.sub(r"([#>.)+-])", r"\\\1", m.group(2)), text)


def escape_markdown(text: str, *, block: bool = True) -> str:
    """Document text as literal Markdown: no emphasis, link, image, autolink, HTML, table or list.

    A clause may contain ``[Cổng](http://…)`` or ``![](http://…)``; rendered as is it
    would be a live link or an image fetched from the Internet.  Addresses are shown
    as code (inert, copyable); everything else is backslash-escaped.  ``block=False`` for text that
    stays inside one line of a construct (a table cell), where a leading "1." or "-" starts no list.
    """
    out, pos = [], 0
    for m in _ADDRESS.finditer(text):
        out.append(_escape_plain(text[pos : m.start()], block))
        out.append(_code_span(m.group(0)))
        pos = m.end()
    out.append(_escape_plain(text[pos:], block))
    return "".join(out)


_escape = escape_markdown


def _bold(text: str) -> str:
    """Bold italic on each non-blank line of ``text`` (Markdown emphasis cannot span lines or edge
    spaces); bold italic rather than bold so the CSS can highlight it apart from metadata labels."""
    out = []
    for line in text.split("\n"):
        core = line.strip()
        if not core:
            out.append(line)
            continue
        lead = line[: len(line) - len(line.lstrip())]
        trail = line[len(line.rstrip()):]
        out.append(f"{lead}***{_escape(core)}***{trail}")
    return "\n".join(out)


def _hard_breaks(markdown: str) -> str:
    """Each line of the document stays a line (Markdown would join them into one paragraph)."""
    return re.sub(r"(?<=\S)[ \t]*\n(?=[ \t]*\S)", "  \n", markdown)


def mark_span(text: str, span: tuple[int, int] | None) -> str:
    """The clause as Markdown with the answering words in bold; literal otherwise; lines kept."""
    if not span or not (0 <= span[0] < span[1] <= len(text)):
        return _hard_breaks(_escape(text))
    s, e = span
    return _hard_breaks(_escape(text[:s]) + _bold(text[s:e]) + _escape(text[e:]))


_SHORT_CELL = 12  # characters: a cell this short ("Vùng III", "Cấp mới", "50% mức thu") is never broken over lines


def _cell(text: str) -> str:
    """One table cell as Markdown, on one line.  Tables wrap to fit the panel (thidua.css), but a short cell, a row's
    name or a figure, keeps its words together (non-breaking spaces): "Khu vực" over "III" reads as two rows."""
    words = text.split()
    joined = " ".join(words)
    return escape_markdown("\u00a0".join(words) if len(joined) <= _SHORT_CELL else joined, block=False)


def _table_markdown(table: Table, rows: Iterable[Row], marked: Collection[tuple[Row, int]]) -> str:
    """A Markdown table of ``rows`` under the table's headings; the ``marked`` cells (row, column) in bold italic."""
    def line(cells: Iterable[str]) -> str:
        return "| " + " | ".join(cells) + " |"

    body = [line(f"***{_cell(c)}***" if (r, j) in marked else _cell(c) for j, c in enumerate(r.cells)) for r in rows]
    return "\n".join([line(_cell(h) for h in table.headings), "|" + " --- |" * len(table.headings), *body])


def _clip(span: tuple[int, int] | None, start: int, end: int) -> tuple[int, int] | None:
    """``span`` within ``[start, end)``, counted from ``start``; None when they do not meet."""
    if not span or span[1] <= start or span[0] >= end:
        return None
    return max(span[0], start) - start, min(span[1], end) - start


def clause_markdown(text: str, span: tuple[int, int] | None) -> str:
    """The whole clause for the panel: as ``mark_span``, but a table flattened into the text (one cell a word
    after another) is shown as a table again, the rows the answer quotes in bold italic."""
    table = read_table(text)
    if table is None:
        tables = read_tables(text)
        return _rows_markdown(text, span, tables) if tables else mark_span(text, span)
    cited = {r for r in table.rows if _clip(span, r.start, r.end)}
    parts = [mark_span(text[: table.start], _clip(span, 0, table.start)).strip(),
             _table_markdown(table, table.rows, {(r, j) for r in cited for j in range(len(r.cells))}),
             mark_span(text[table.end :], _clip(span, table.end, len(text))).strip()]
    return "\n\n".join(p for p in parts if p)


def _rows_markdown(text: str, span: tuple[int, int] | None, tables: list[PipeTable]) -> str:
    """The clause with the tables ``corpus.tables`` regrouped ("| a | Cấp mới | 200.000 |" lines) shown as Markdown
    tables under their headings, the row the answer quotes in bold italic; the text around them as ``mark_span``."""
    def line(cells: Iterable[str]) -> str:
        return "| " + " | ".join(cells) + " |"

    parts, pos = [], 0
    for t in tables:
        parts.append(mark_span(text[pos : t.start], _clip(span, pos, t.start)).strip())
        body = []
        for r in t.rows:
            cells = (r.label, r.name, *r.values)
            quoted = _clip(span, r.start, r.end) is not None
            body.append(line(f"***{_cell(c)}***" if quoted and c else _cell(c) for c in cells))
        parts.append("\n".join([line(_cell(h) for h in t.headings), "|" + " --- |" * len(t.headings), *body]))
        pos = t.end
    parts.append(mark_span(text[pos:], _clip(span, pos, len(text))).strip())
    return "\n\n".join(p for p in parts if p)


_ASKS_THE_USER = re.compile(r"(?:^|[.!?…”]\s+)Hãy\s")


def _reads_as_decline(text: str) -> bool:
    """Whether a decline already says so: "Không tìm thấy …", or it asks the official for what the question lacks
    ("Câu hỏi nêu điều 5 nhưng chưa cho biết là của văn bản nào. Hãy thêm số hiệu …"), which a "not found" lead
    before it would turn into two replies in one."""
    folded = fold(text).lower()
    return "khong tim thay" in folded or "chua tim thay" in folded or bool(_ASKS_THE_USER.search(text))


def _vn_date(date: str | None) -> str | None:
    m = re.fullmatch(r"(\d{4})-(\d{2})-(\d{2})", date or "")
    return f"{m.group(3)}/{m.group(2)}/{m.group(1)}" if m else date


def source_body(c: Citation, corpus: Corpus | None = None) -> str:
    """The side panel: document metadata, then the whole clause with the answer marked."""
    d = _directive(corpus, c.doc_id)
    unknown = "_(không rõ)_"
    rows = [
        ("Văn bản", _doc_name(c, d)),
        ("Số hiệu", c.number),
        ("Ngày ban hành", _vn_date(c.date)),
        ("Cơ quan ban hành", c.issuer),
        ("Người ký", d.signer if d else None),
        ("Điều khoản", c.clause),
        ("Trích yếu", c.title),
    ]
    meta = "\n".join(f"- **{k}:** {_escape(str(v)) if v else unknown}" for k, v in rows)
    hint = ("Phần ***in đậm nghiêng*** là đoạn trả lời câu hỏi." if c.span else "")
    return f"{meta}\n\n---\n\n**Toàn văn điều khoản.** {hint}\n\n{clause_markdown(c.text, c.span)}\n"


def describe_filters(filters: Filters | None, options: FilterOptions | None = None) -> str | None:
    """ "Tỉnh: Hà Nam; Năm: 2024" for the filters an official set, or None when there are none."""
    if filters is None or filters.is_empty():
        return None
    names = dict(options.documents) if options else {}
    parts = []
    if filters.provinces:
        parts.append("Tỉnh: " + ", ".join(filters.provinces))
    if filters.years:
        parts.append("Năm: " + ", ".join(str(y) for y in filters.years))
    if filters.doc_ids:
        parts.append("Văn bản: " + ", ".join(names.get(d, d) for d in filters.doc_ids))
    if filters.doc_types:
        parts.append("Loại: " + ", ".join(filters.doc_types))
    return "; ".join(parts)


def filter_line(described: str) -> str:
    return (f"> **Đang lọc** — {escape_markdown(described)}. Chỉ tìm trong các văn bản này; "
            "bấm «Bỏ lọc» bên dưới hoặc chọn «Tất cả» trong Bộ lọc tìm kiếm (⚙) để tìm trong mọi văn bản.")


def choice_label(choice: Choice) -> str:
    """The button that answers a question from one offered document: "Hỏi theo Chỉ thị 01/CT-UBND (Sơn La, 2024)"."""
    return f"Hỏi theo {choice.label}"


def build_reply(answer: Answer, corpus: Corpus | None = None, *, notice_already_shown: bool = False,
                filters: str | None = None, chosen: str | None = None) -> Reply:
    """Message text and source buttons for one answer.

    Sources are named "Nguồn i – …" for citations and "Gợi ý i – …" for the
    clauses suggested after an abstention; the text lists them (so a copied
    answer keeps its citations) and each gets a button.  ``filters`` (from
    ``describe_filters``) is shown above an answer the filters narrowed; ``chosen``
    (a document label) above an answer asked again in the document the official
    picked among those offered.  The fallback notice is shown once per session.
    """
    if answer.abstained:
        body = answer.answer.strip()
        if not _reads_as_decline(body):
            body = f"{ABSTAIN_LEAD} {body}".strip()
        cites, prefix, heading = answer.suggestions, "Gợi ý", "**Các điều khoản có thể liên quan** (bấm nút để xem):"
    else:
        body = answer.answer.strip() or "(không có nội dung)"
        cites, prefix, heading = answer.citations, "Nguồn", "**Nguồn** (bấm nút để xem toàn văn điều khoản):"
    names = [source_name(prefix, i, c, corpus) for i, c in enumerate(cites, 1)]
    sources = tuple(SourceSpec(name, source_body(c, corpus), c.clause_id, f"{prefix} {i}", c.span)
                    for i, (name, c) in enumerate(zip(names, cites, strict=True), 1))
    parts = []
    show_notice = bool(answer.notice) and not notice_already_shown
    if show_notice:
        parts.append(f"> ⚠️ {escape_markdown(answer.notice or '')}")
    if filters:
        parts.append(filter_line(filters))
    if chosen:
        parts.append(f"> Trả lời theo văn bản đã chọn: **{escape_markdown(chosen)}**")
    parts.append(_body_markdown(body, () if answer.abstained else answer.citations))
    choices = () if answer.abstained else answer.clarify
    if choices:
        parts.append("Bấm **«Hỏi theo …»** bên dưới để chỉ tìm trong văn bản đó.")
    if sources:
        parts.append(heading + "\n" + "\n".join(f"- {escape_markdown(s.name)}" for s in sources))
    return Reply(body=body, text="\n\n".join(parts), sources=sources,
                 notice_shown=show_notice or notice_already_shown, choices=choices)


_QUOTE = re.compile(r"“[^“”]*”")


def _quoted_row(c: Citation) -> tuple[Table, Row] | None:
    """The table row a citation quotes, when its clause holds a table flattened into the text."""
    table = read_table(c.text) if c.span else None
    row = table.row_at(c.span[1]) if table is not None and c.span else None
    return (table, row) if table is not None and row is not None else None


def _body_markdown(body: str, citations: Iterable[Citation]) -> str:
    """The answer as Markdown.  A quote of a table row ("“Mức lương giờ … Vùng II 4.160.000 20.000”", or its
    cells each under its heading) is shown as a table instead (the headings, then the row; the answer's figure
    in bold italic) when it says nothing but the row and ends its line (not inside one document's list line)."""
    short = body.split(". Theo ", 1)[0].strip() if ". Theo " in body else ""
    inline: dict[int, tuple[int, str]] = {}  # quote start -> (end of its line, the table shown instead)
    for c in citations:
        found = _quoted_row(c)
        if found is None:
            continue
        table, row = found
        for quote in _QUOTE.finditer(body):
            line_end = body.find("\n", quote.end())
            line_end = len(body) if line_end < 0 else line_end
            if (quote.start() in inline or body[quote.end() : line_end].strip(" .")
                    or body[body.rfind("\n", 0, quote.start()) + 1 :].lstrip().startswith("- ")
                    or not _only_the_row(quote.group()[1:-1], c.text, table, row)):
                continue
            answered = [j for j, cell in enumerate(row.cells) if j and (short == cell or short.startswith(cell + " "))]
            inline[quote.start()] = (line_end, _table_markdown(table, [row], {(row, j) for j in answered[:1]}
                                                               if len(answered) == 1 else set()))
            break
    pieces, pos = [], 0
    for start, (end, shown) in sorted(inline.items()):
        pieces += [_prose(body[pos:start].strip()), shown]
        pos = end
    pieces.append(_prose(body[pos:].strip()))
    return "\n\n".join(x for x in pieces if x)


def _prose(text: str) -> str:
    """The assistant's text as Markdown: lines kept, the lines it opens with "- " (one per document, when
    documents answer differently) a list, everything else literal."""
    blocks: list[tuple[bool, list[str]]] = []
    for line in text.split("\n"):
        item = line.startswith("- ")
        if blocks and blocks[-1][0] == item:
            blocks[-1][1].append(line)
        else:
            blocks.append((item, [line]))
    out = [("\n".join(f"- {escape_markdown(line[2:].strip())}" for line in lines) if item
            else _hard_breaks(escape_markdown("\n".join(lines)).strip())) for item, lines in blocks]
    return "\n\n".join(x for x in out if x)


def _only_the_row(quote: str, text: str, table: Table, row: Row) -> bool:
    """Whether a quote holds the row's name and figures and nothing but them, its table's headings and the
    words leading into the table (marks between them aside)."""
    if not all(cell in quote for cell in row.cells):
        return False
    rest = quote
    said = (text[row.start : row.end], *row.cells, *table.headings, text[: table.start].strip())
    for words in sorted({w for w in said if w}, key=len, reverse=True):
        rest = rest.replace(words, " ")
    return not rest.translate(str.maketrans("", "", "….:;,—–-")).strip()


def filter_options(corpus: Corpus | Iterable[Directive]) -> FilterOptions:
    directives = list(corpus)
    provinces = sorted({d.province for d in directives if d.province}, key=lambda p: fold(p).lower())
    years = sorted({d.year for d in directives if d.year}, reverse=True)
    ordered = sorted(directives, key=lambda d: (fold(d.province or "").lower(), -(d.year or 0), d.doc_id))
    docs = tuple((d.doc_id, d.short_name()) for d in ordered)
    scope = tuple((d.doc_id, d.province, d.year) for d in ordered)
    return FilterOptions(tuple(provinces), tuple(years), docs, scope)


def retriever_choices(available: str) -> dict[str, str]:
    """Search modes that can actually run: without a loaded embedding model only BM25 is offered."""
    if available == "bm25":
        return {"bm25": RETRIEVERS["bm25"]}
    return dict(RETRIEVERS)


def choice_from_values(values: Mapping[str, object]) -> ChatChoice:
    """Chat-settings values ({"province", "year", "doc", "retriever"}) -> filters for answer()."""

    def pick(key: str) -> str | None:
        v = values.get(key)
        return None if v in (None, "", ALL) else str(v)

    province, year, doc = pick("province"), pick("year"), pick("doc")
    filters = Filters(
        provinces=(province,) if province else (),
        years=(int(year),) if year and year.isdigit() else (),
        doc_ids=(doc,) if doc else (),
    )
    retriever = pick("retriever")
    return ChatChoice(filters=None if filters.is_empty() else filters,
                      retriever=retriever if retriever in RETRIEVERS else None)
