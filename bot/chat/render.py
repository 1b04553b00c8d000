"""Turning an Answer into what the chat shows: message text, clickable sources, filters.

Pure functions (no Chainlit import) so the wording a user sees is tested
directly.  Chainlit turns every occurrence of a side element's *name* in
the message text into a link; so each source gets a distinctive name
("Nguồn 1 – Chỉ thị 01/CT-UBND (Sơn La, 2024), Phụ lục, mục 12") that the
text repeats verbatim.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from bot.models import Answer, Citation
from corpus.models import Corpus, Directive
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
    "citation_labels",
    "filter_options",
    "mark_span",
    "source_body",
    "source_name",
    "stream_pieces",
]

ALL = "*"  # the "Tất cả" value of every filter select
ABSTAIN_LEAD = "Không tìm thấy trong các chỉ thị hiện có nội dung trả lời câu hỏi này."
RETRIEVERS = {"hybrid": "Kết hợp (hybrid)", "dense": "Ngữ nghĩa (dense)", "bm25": "Từ khóa (BM25)"}


@dataclass(frozen=True)
class SourceSpec:
    """One side element: its (unique, linkable) name and Markdown content."""

    name: str
    content: str
    clause_id: str


@dataclass(frozen=True)
class Reply:
    """What one answer becomes in the chat.

    ``body`` is the answer text that is streamed; ``text`` is the full message
    (notice + body + list of source names) sent once streaming ends.
    """

    body: str
    text: str
    sources: tuple[SourceSpec, ...]
    notice_shown: bool


@dataclass(frozen=True)
class FilterOptions:
    """Choices offered in the chat settings, from the loaded corpus."""

    provinces: tuple[str, ...]
    years: tuple[int, ...]
    documents: tuple[tuple[str, str], ...]  # (doc_id, short name)


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


_LINE_START = re.compile(r"^(\s*)(#|>|\d+[.)])", re.MULTILINE)


def _escape(text: str) -> str:
    """Keep clause text literal in Markdown (numbering, stars, underscores)."""
    text = re.sub(r"([\\`*_\[\]<])", r"\\\1", text)
    return _LINE_START.sub(lambda m: m.group(1) + re.sub(r"([#>.)])", r"\\\1", m.group(2)), text)


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


def mark_span(text: str, span: tuple[int, int] | None) -> str:
    """The clause as Markdown with the answering words in bold; literal otherwise."""
    if not span or not (0 <= span[0] < span[1] <= len(text)):
        return _escape(text)
    s, e = span
    return _escape(text[:s]) + _bold(text[s:e]) + _escape(text[e:])


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
    return f"{meta}\n\n---\n\n**Toàn văn điều khoản.** {hint}\n\n{mark_span(c.text, c.span)}\n"


def _is_abstention_text(text: str) -> bool:
    folded = fold(text).lower()
    return "khong tim thay" in folded or "chua tim thay" in folded


def build_reply(answer: Answer, corpus: Corpus | None = None, *, notice_already_shown: bool = False) -> Reply:
    """Message text and side elements for one answer.

    Sources are named "Nguồn i – …" for citations and "Gợi ý i – …" for the
    clauses suggested after an abstention; the text lists those names so
    Chainlit makes them clickable.  The fallback notice is shown once per session.
    """
    if answer.abstained:
        body = answer.answer.strip()
        if not _is_abstention_text(body):
            body = f"{ABSTAIN_LEAD} {body}".strip()
        cites, prefix, heading = answer.suggestions, "Gợi ý", "**Các điều khoản có thể liên quan** (bấm để xem):"
    else:
        body = answer.answer.strip() or "(không có nội dung)"
        cites, prefix, heading = answer.citations, "Nguồn", "**Nguồn** (bấm để xem toàn văn điều khoản):"
    names = [source_name(prefix, i, c, corpus) for i, c in enumerate(cites, 1)]
    # Each body repeats its name as a heading: Chainlit may open all sources of a message stacked.
    sources = tuple(SourceSpec(name, f"#### {name}\n\n{source_body(c, corpus)}", c.clause_id)
                    for name, c in zip(names, cites, strict=True))
    parts = []
    show_notice = bool(answer.notice) and not notice_already_shown
    if show_notice:
        parts.append(f"> ⚠️ {answer.notice}")
    parts.append(body)
    if sources:
        parts.append(heading + "\n" + "\n".join(f"- {s.name}" for s in sources))
    return Reply(body=body, text="\n\n".join(parts), sources=sources,
                 notice_shown=show_notice or notice_already_shown)


def stream_pieces(text: str) -> list[str]:
    """Word-sized pieces (whitespace kept) whose concatenation is ``text``."""
    return re.findall(r"\S+\s*|\s+", text)


def filter_options(corpus: Corpus | Iterable[Directive]) -> FilterOptions:
    directives = list(corpus)
    provinces = sorted({d.province for d in directives if d.province}, key=lambda p: fold(p).lower())
    years = sorted({d.year for d in directives if d.year}, reverse=True)
    docs = tuple((d.doc_id, d.short_name()) for d in sorted(
        directives, key=lambda d: (fold(d.province or "").lower(), -(d.year or 0), d.doc_id)))
    return FilterOptions(tuple(provinces), tuple(years), docs)


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
