"""Cutting directives into searchable chunks: one per answerable clause, plus the header and signature.

A chunk must be citable: it belongs to exactly one clause and keeps its span
in ``Directive.text``.  Leaves are chunked whole; a parent contributes only
its own lead text (before its first child) so the same words are not indexed
twice; long clauses are split on sentence boundaries with overlap so a fact
near a cut is still whole in one piece.

The header ("phần đầu": number, date, issuer, type, title) and the signature
block ("phần chữ ký": position, signer) never answer a question from their
words (the clause stays ``answerable=False``; the metadata answers), but a
question about who signed or when is about them, so they are searched too:
their chunks say in words what the block shows by layout ("Người ký: …",
"Ngày ban hành: …"), so "Ai ký …?" and "ban hành ngày nào?" find them.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import asdict, dataclass
from typing import Literal

from corpus.models import Clause, Directive
from index.models import Chunk

__all__ = ["PASSAGE_VERSION", "ChunkerSettings", "DenseUnit", "block_chunk", "chunk_directive", "dense_texts",
           "is_meta_chunk"]

#: What the embedding model reads of a chunk (``dense_texts``).  1: the search header (type, number,
#: issuer, year, clause label, headings) and the body; 2: the document's title, the heading path, the body;
#: 3: header and signature chunks open with a sentence saying what the block states.
PASSAGE_VERSION = 3

#: What one vector stands for.  "chunk": each chunk is read whole (title, heading path, body).  "heading": only the
#: document's title and the headings of the parts, articles and sections around the chunk are read, so the chunks
#: under one heading share one vector: ~4,800 short texts instead of ~47,000 chunks for a library of 200
#: documents (README, "Kho lớn").  Header and signature chunks are read the same way in both.
DenseUnit = Literal["chunk", "heading"]

#: characters of one heading the model reads in "heading" mode: a heading that runs on ("Điều 5. Trách nhiệm
#: của …" over several lines of text joined) says what it is about in its first words
HEADING_CHARS = 100

#: in the id of a header or signature chunk ("son-la-2024:DAU#meta"), never in a body chunk's
META_MARK = "#meta"


def is_meta_chunk(chunk_id: str) -> bool:
    """Whether a chunk is a header or signature block (searched only for questions about the document)."""
    return META_MARK in chunk_id


@dataclass(frozen=True)
class ChunkerSettings:
    """Stored in the manifest: changing any value re-chunks (and re-embeds) everything."""

    max_chars: int = 1200
    overlap: int = 150
    min_lead_words: int = 6
    #: 2: the header and signature blocks are chunks too (an index of version 1 lacks them: rebuilt);
    #: 3: the signature's spelled-out lines give the title under no name ("Trích yếu" pulled questions
    #: asking for the trích yếu to the signature instead of the header that states it)
    version: int = 3
    #: characters of a chunk's body the embedding model reads after its header (0 = all; see
    #: ``index.embedding.passage_text``); BM25 always reads the whole chunk
    embed_chars: int = 0
    #: ``PASSAGE_VERSION``: a folder embedded with another version keeps its chunks and BM25 and is re-embedded
    passage: int = PASSAGE_VERSION
    #: ``DenseUnit``: a folder embedded with the other unit keeps its chunks and BM25 and is re-embedded
    dense_unit: DenseUnit = "chunk"

    def to_dict(self) -> dict[str, int | str]:
        """The manifest's record; ``embed_chars`` and ``dense_unit`` only when not the default, so folders
        built before they existed still match."""
        out = asdict(self)
        if not out["embed_chars"]:
            del out["embed_chars"]
        if out["dense_unit"] == "chunk":
            del out["dense_unit"]
        return out


_SEPARATORS = ["\n\n", "\n", ". ", "; ", ", ", " ", ""]


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _pieces(text: str, start: int, end: int, settings: ChunkerSettings) -> list[tuple[int, int]]:
    """Spans of the parts of ``text[start:end]``, each at most ``max_chars`` long."""
    if end - start <= settings.max_chars:
        return [(start, end)]
    from langchain_text_splitters import RecursiveCharacterTextSplitter

    splitter = RecursiveCharacterTextSplitter(
        chunk_size=settings.max_chars,
        chunk_overlap=settings.overlap,
        separators=_SEPARATORS,
        keep_separator="end",
        strip_whitespace=True,
    )
    body = text[start:end]
    spans: list[tuple[int, int]] = []
    cursor = 0
    for piece in splitter.split_text(body):
        # A part overlaps the previous one by at most ``overlap`` characters, so it starts
        # no earlier than that; searching from there keeps repeated sentences in order.
        at = body.find(piece, cursor)
        if at < 0:  # the splitter only strips whitespace, so this should not happen
            at = body.find(piece)
        if at < 0:
            continue
        spans.append((start + at, start + at + len(piece)))
        cursor = max(at + 1, at + len(piece) - settings.overlap)
    return spans or [(start, end)]


def _header(directive: Directive, clause: Clause) -> str:
    year = f"năm {directive.year}" if directive.year else ""
    who = " ".join(x for x in (directive.doc_type, directive.number, directive.issuer, year) if x)
    parts = [p for p in (who, clause.label, " › ".join(clause.heading)) if p]
    return " — ".join(parts)


#: the blocks about the document itself that are searched although they never answer from their words
META_KINDS = ("header", "signature")


def _vn_date(iso: str | None) -> str | None:
    """2024-01-03 -> 03/01/2024, as the documents (and questions) write dates."""
    if not iso or iso.count("-") != 2:
        return None
    y, m, d = iso.split("-")
    return f"{d}/{m}/{y}"


def _meta_lines(directive: Directive, clause: Clause) -> str:
    """What a header or signature block states, in words a question uses ("Người ký: …")."""
    d = directive
    if clause.kind == "signature":
        # The block shows only a position and a name; a question names the document it signs by its title.
        # The title alone, under no name: a question asking for the trích yếu (or "ký ngày nào") is
        # answered by the header.
        return "\n".join(x for x in (f"Người ký: {d.signer}", d.title) if x) if d.signer else ""
    # The type and title are in the block's own text already: said twice, their words (which nearly every
    # question about the document repeats) would pull the header ahead of the clause that answers.
    fields = (("Số hiệu", d.number), ("Ngày ban hành", _vn_date(d.date)), ("Cơ quan ban hành", d.issuer))
    return "\n".join(f"{name}: {value}" for name, value in fields if value)


def _meta_span(directive: Directive, clause: Clause) -> tuple[int, int]:
    """The block's own span: a signature block ends with the signer's name (a form the appendix
    finder missed may follow it in the same clause and must not be indexed as the signature)."""
    start, end = _strip_span(directive.text, clause.start, clause.end)
    signer = directive.signer
    if clause.kind == "signature" and signer:
        at = directive.text.find(signer, start, end)
        if at >= 0:
            line_end = directive.text.find("\n", at + len(signer), end)
            end = end if line_end < 0 else line_end
    return _strip_span(directive.text, start, end)


def chunk_directive(directive: Directive, settings: ChunkerSettings | None = None) -> list[Chunk]:
    """Chunks of every answerable clause of one directive and of its header and signature, in document order."""
    settings = settings or ChunkerSettings()
    text = directive.text
    children: dict[str, list[Clause]] = {}
    for c in directive.clauses:
        if c.parent is not None:
            children.setdefault(c.parent, []).append(c)
    chunks: list[Chunk] = []
    for clause in directive.clauses:
        if not clause.answerable:
            if clause.kind in META_KINDS:
                chunks.extend(_meta_chunks(directive, clause, settings))
            continue
        kids = children.get(clause.id)
        if kids:
            first = min(k.start for k in kids)
            start, end = _strip_span(text, clause.start, min(first, clause.end))
            if len(text[start:end].split()) < settings.min_lead_words:
                continue
        else:
            start, end = _strip_span(text, clause.start, clause.end)
        if start >= end:
            continue
        spans = _pieces(text, start, end, settings)
        header = _header(directive, clause)
        for n, (s, e) in enumerate(spans, 1):
            suffix = "" if len(spans) == 1 else f"#p{n}"
            lead = "#lead" if kids else ""
            chunks.append(_chunk(directive, clause, f"{clause.id}{lead}{suffix}", s, e, header))
    return chunks


def block_chunk(directive: Directive, clause: Clause, settings: ChunkerSettings | None = None) -> Chunk | None:
    """The (first) chunk of a header or signature block, as ``chunk_directive`` indexes it: what a question about
    the document is answered from when the search did not return it."""
    if clause.kind not in META_KINDS:
        return None
    chunks = _meta_chunks(directive, clause, settings or ChunkerSettings())
    return chunks[0] if chunks else None


def _meta_chunks(directive: Directive, clause: Clause, settings: ChunkerSettings) -> list[Chunk]:
    """The header or signature block as chunks: the block's text, what it states spelled out before it."""
    start, end = _meta_span(directive, clause)
    if start >= end:
        return []
    spans = _pieces(directive.text, start, end, settings)
    lead = "\n".join(x for x in (_header(directive, clause), _meta_lines(directive, clause)) if x)
    out: list[Chunk] = []
    for n, (s, e) in enumerate(spans, 1):
        chunk_id = f"{clause.id}{META_MARK}" if len(spans) == 1 else f"{clause.id}{META_MARK}#p{n}"
        out.append(_chunk(directive, clause, chunk_id, s, e, lead))
    return out


def _chunk(directive: Directive, clause: Clause, chunk_id: str, start: int, end: int, lead: str) -> Chunk:
    """One chunk of ``directive.text[start:end]``; ``lead`` (headings, spelled-out metadata) is embedded, not shown."""
    body = directive.text[start:end]
    return Chunk(
        id=chunk_id,
        doc_id=directive.doc_id,
        clause_id=clause.id,
        label=clause.label,
        text=body,
        embed_text=f"{lead}\n{body}",
        start=start,
        end=end,
        province=directive.province,
        year=directive.year,
        doc_type=directive.doc_type,
        number=directive.number,
    )


def _meta_sentence(directive: Directive, clause: Clause) -> str:
    """The header or signature block said as one Vietnamese sentence, the way a question names the document.

    "Chỉ thị số 01/CT-UBND của UBND tỉnh Lai Châu ban hành ngày 27/01/2023 về việc phát động … do Trần
    Tiến Dũng ký."  The header says when and by whom the document was issued, the signature who signed it;
    each says what the document is about (its title), which is how a question names it.
    """
    d = directive
    ident = " ".join(x for x in (d.doc_type or "Văn bản", f"số {d.number}" if d.number else "",
                                 f"của {d.issuer}" if d.issuer else "") if x)
    title = (d.title or "").strip()
    if title[:8].lower() == "về việc ":
        title = title[8:]
    about = f" về việc {title[:1].lower()}{title[1:]}" if title else ""
    if clause.kind == "signature":
        return f"{ident}{about} do {d.signer} ký." if d.signer else f"{ident}{about}."
    date = _vn_date(d.date)
    return f"{ident}{f' ban hành ngày {date}' if date else ''}{about}."


def _cut(text: str, limit: int = HEADING_CHARS) -> str:
    """``text`` up to ``limit`` characters, cut at a space."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text.rfind(" ", 0, limit + 1)
    return text[: cut if cut > limit // 2 else limit]


#: the parts whose heading names a subject (Phần, Chương, Mục, Điều, a Roman section, an appendix); a numbered
#: item's or a point's first line is a sentence of the body, read by BM25
STRUCTURAL_KINDS = frozenset({"form", "chapter", "section", "part", "article"})


def _heading_text(d: Directive, clause: Clause | None, clauses: Mapping[str, Clause]) -> str:
    """Title and structural headings of a chunk (``DenseUnit`` "heading"): the first line of each enclosing
    part, article or section, outermost first (a chunk outside any: the title alone)."""
    heads: list[str] = []
    node = clause
    while node is not None:
        if node.kind in STRUCTURAL_KINDS:
            heads.append(_cut(d.text[node.start:node.end].strip().split("\n", 1)[0]))
        node = clauses.get(node.parent) if node.parent else None
    return "\n".join(x for x in (_title(d), " › ".join(reversed(heads))) if x)


def _title(d: Directive) -> str:
    """What a document is about, for the model: its title, else its type, number, issuer and year."""
    return d.title or " ".join(str(x) for x in (d.doc_type, d.number, d.issuer, d.year) if x)


def dense_texts(chunks: Sequence[Chunk], directives: Mapping[str, Directive], unit: DenseUnit = "chunk"
                ) -> list[str]:
    """What the embedding model reads for each chunk: its document's title, its heading path, its body.

    BM25 reads ``embed_text`` (type, number, issuer, year and clause label before the body): exact
    words a question may repeat.  To multilingual-e5-small those say nothing about a clause: measured
    on the dev questions (five directives), a body read after the title and the headings ranks its
    clause better (dense MRR@10 0.842 -> 0.849, Recall@5 0.936 -> 0.955; hybrid Recall@1 0.900 -> 0.918)
    than after the search header; the title tells what the whole document is about, the headings what
    the part is about.

    A header or signature chunk is read as a sentence saying what its block states (``_meta_sentence``),
    then its spelled-out metadata and the block: the search header line and the layout ("CHỦ TỊCH" above
    a name) told the model nothing, so a question about who signed or when found them at rank 5 or
    lower (dev, meta questions: dense Recall@1 0.00 -> 0.80 together with the whole question as the
    query, see ``bot.assistant``).  A chunk whose document is not given is read as ``embed_text``.
    With ``unit`` "heading" a body chunk is read as its title and heading path only (``DenseUnit``).
    """
    by_id: dict[str, dict[str, Clause]] = {}
    out: list[str] = []
    for c in chunks:
        d = directives.get(c.doc_id)
        if d is None:
            out.append(c.embed_text)
            continue
        clauses = by_id.get(c.doc_id)
        if clauses is None:
            clauses = by_id[c.doc_id] = {cl.id: cl for cl in d.clauses}
        clause = clauses.get(c.clause_id)
        if is_meta_chunk(c.id):
            spelled = c.embed_text.partition("\n")[2]  # the search header line is for BM25
            out.append(c.embed_text if clause is None else f"{_meta_sentence(d, clause)}\n{spelled}")
            continue
        if unit == "heading":
            out.append(_heading_text(d, clause, clauses))
            continue
        title = _title(d)
        heads = " › ".join(clause.heading) if clause is not None else ""
        out.append("\n".join(x for x in (title, heads, c.text) if x))
    return out
