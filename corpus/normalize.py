"""Raw extracted text -> clean text, one paragraph per line: the text every clause quotes.

Directives arrive as PDF extractions (every wrapped line followed by a blank
line, breaks in the middle of a word group), Markdown conversions (one
paragraph per line but some split mid-sentence, ``**`` emphasis,
``[bookmark: …]``) or official-gazette text with running headers.  Answers
quote clause text verbatim, so the layout noise must go while every word,
tone mark and number stays exactly as written.
"""

from __future__ import annotations

import itertools
import re
import statistics

from corpus.layout import ends_sentence, find_zones, is_appendix_heading, marker
from corpus.tables import find_tables, is_row_line, render
from corpus.text import nfc, normalize_spaces, strip_controls

__all__ = ["clean_text"]

_BOOKMARK = re.compile(r"\[bookmark:[^\]]*\]")
_HEADING_HASHES = re.compile(r"^[ \t]*#{1,6}[ \t]+", re.M)
# "**bold**" (also over a line break) and "__bold__"; not the "(**)" a gazette text marks a note with.
_STRONG = re.compile(r"\(\*+\)|\*\*|__")
# "*italic*" and "(*italic*)": a pair on one line, the first star after a space, a line start or an opening mark
# and before a word, the second after a word and before a space, a line end or a closing mark.  A lone star is the
# document's own ("(*)" notes, "Họ và tên*:", "Ký hiệu “*”", "(5)*(6)") and stays as written.
_EMPHASIS = re.compile(
    r"(?<![^\s(\[“\"‘])\*(?=[\w(“\"‘])([^*\n]*?[\w.)”\"’…])\*(?![^\s)\]”\"’.,;:!?…])", re.M
)
_INVISIBLE = re.compile(r"[\u200b-\u200d\u2060\ufeff\u00ad]")
_GAZETTE = re.compile(r"^(?:\d{1,4}\s*)?CÔNG BÁO\s*/")
_PAGE_NUMBER = re.compile(
    r"^(?:[-–]\s*)?(?:\d{1,3}|(?!19|20)\d{4})(?:\s*[-–])?$|^Trang\s+\d+(?:\s*/\s*\d+)?$"
)
_SIGNED_BY = re.compile(r"^(?:Người ký|Ký bởi)\s*:")
_SIGNED_FIELDS = re.compile(r"^(?:Email|Cơ quan|Thời gian ký|Ngày ký)\s*:")
_RULE = re.compile(r"^[-_=~*.…]{3,}$")
_HARD_WRAP_MAX = 140  # a PDF line of body text is never longer than this
_HEADING_LINE = 60  # a numbered line this short, alone, is a heading rather than a wrapped sentence
_SHORT_LINE = 0.8  # a line ending a sentence this much shorter than usual ends its paragraph


def _strip_markup(text: str) -> str:
    """Markdown and invisible characters out of the whole text at once (regexes run in C, not per line)."""
    text = _BOOKMARK.sub("", text)
    text = _HEADING_HASHES.sub("", text)
    text = _STRONG.sub(lambda m: m.group() if m.group().startswith("(") else "", text)
    text = _EMPHASIS.sub(r"\1", text)
    text = _INVISIBLE.sub("", text)
    return normalize_spaces(text)


def _drop_furniture(lines: list[str]) -> list[str]:
    """Remove gazette running headers, bare page numbers, digital-signature stamps and rules."""
    out: list[str] = []
    in_stamp = False
    for line in lines:
        if line[:1].islower():
            in_stamp = False
            out.append(line)  # running text: no stamp, header or page number starts in lower case
            continue
        if _SIGNED_BY.match(line):
            in_stamp = True
            continue
        if in_stamp and _SIGNED_FIELDS.match(line):
            continue
        if line:
            in_stamp = False
        if _GAZETTE.match(line) or _PAGE_NUMBER.match(line) or _RULE.match(line):
            continue
        out.append(line)
    return out


def _regroup_tables(lines: list[str]) -> list[str]:
    """Tables written one cell per line, each row put on one line between bars (``corpus.tables``).

    Runs before the page furniture goes: a numbering cell ("1", "2") looks like a page number.  Inside a
    table only a running header, the page number next to it, a signature stamp and blank lines are furniture."""
    gazette = [bool(_GAZETTE.match(x)) for x in lines]
    stamp = [bool(_SIGNED_BY.match(x) or _SIGNED_FIELDS.match(x)) for x in lines]

    def beside(i: int, step: int) -> int:
        k = i + step
        while 0 <= k < len(lines) and not lines[k]:
            k += step
        return k if 0 <= k < len(lines) else -1

    # A document prints its page number on one side of the running header: on the side it mostly does, a bare
    # number is the page's; on the other it is a cell ("70" ending a page of a table over "CÔNG BÁO/…" / "35").
    heads = [i for i, g in enumerate(gazette) if g]
    numbered = {step: sum(1 for i in heads if (k := beside(i, step)) >= 0 and _PAGE_NUMBER.match(lines[k]))
                for step in (-1, 1)}
    side = 1 if numbered[1] >= numbered[-1] else -1

    def near_gazette(i: int) -> bool:
        k = beside(i, -side)
        return k >= 0 and gazette[k]

    def furniture(i: int) -> bool:
        s = lines[i]
        return not s or gazette[i] or stamp[i] or bool(_RULE.match(s)) or (
            bool(_PAGE_NUMBER.match(s)) and near_gazette(i))

    blocks = find_tables(lines, furniture, lambda i: gazette[i] or bool(_SIGNED_BY.match(lines[i])))
    if not blocks:
        return lines
    out: list[str] = []
    at = 0
    for block in blocks:
        out.extend(lines[at : block.start])
        out.extend(["", *render(block), ""])
        at = block.end
    out.extend(lines[at:])
    return out


def _with_gaps(lines: list[str]) -> list[tuple[str, int]]:
    """Non-empty lines with the number of blank lines before each."""
    out: list[tuple[str, int]] = []
    blanks = 0
    for line in lines:
        if line:
            out.append((line, blanks))
            blanks = 0
        else:
            blanks += 1
    return out


def _title_span(items: list[tuple[str, int]], type_line: int) -> int:
    """How many lines after the type line form the title (joined later on one line)."""
    start = type_line + 1
    if start >= len(items) or marker(items[start][0]):
        return 0
    count = 1
    for line, gap in items[start + 1 : start + 5]:
        if line.startswith(("Căn cứ", "Theo đề nghị", "Xét đề nghị")):
            break  # the preamble of a legal text follows the title
        first = line[:1]
        if gap >= 2 or marker(line) or not (first.islower() or first.isdigit() or first == "("):
            break
        count += 1
    return count


def _is_heading_line(line: str) -> bool:
    """A short numbered heading on its own line, e.g. "Điều 3. Danh hiệu …" or "III. Tổ chức thực hiện"."""
    m = marker(line)
    return bool(
        m
        and m.kind in ("article", "roman", "number")
        and len(line) <= _HEADING_LINE
        and not ends_sentence(line)
    )


def _flow(items: list[tuple[str, int]]) -> list[str]:
    """Join wrapped lines into paragraphs (see the module docstring for the two styles).

    A paragraph is built as a list of pieces and joined once: appending to a
    growing string is quadratic, and a file of a million short lines is one
    paragraph.
    """
    if not items:
        return []
    lengths = [len(line) for line, _ in items if not is_row_line(line)] or [len(line) for line, _ in items]
    hard_wrapped = len(items) >= 6 and sorted(lengths)[int(len(lengths) * 0.9)] <= _HARD_WRAP_MAX
    width = statistics.quantiles(lengths, n=4)[2] if len(lengths) >= 2 else lengths[0]
    paragraphs: list[list[str]] = []
    prev = ""
    alone = False  # the current paragraph is exactly one line so far

    def extend(line: str) -> None:
        last = paragraphs[-1]
        if last[-1].endswith("-") and len(last[-1]) > 1 and not last[-1][-2].isspace():
            last.append(line)  # "(11/6/1948-" + "11/6/2023)"
        else:
            last.append(" ")
            last.append(line)

    for line, gap in items:
        first = line[:1]
        if is_row_line(line) or is_row_line(prev):  # a table's row stands on its own line (corpus.tables)
            paragraphs.append([line])
            alone = False
            prev = line
            continue
        if paragraphs and first.islower() and first != "n" and line[1:2] != ")":
            extend(line)  # the common case, decided without calling ``marker``
            alone = False
            prev = line
            continue
        if not paragraphs or marker(line):
            paragraphs.append([line])
            alone = True
        elif line[:1].islower():
            extend(line)
            alone = False
        elif alone and _is_heading_line(prev):
            paragraphs.append([line])  # "Điều 1. Phạm vi điều chỉnh" / "III. TỔ CHỨC THỰC HIỆN" stand alone
            alone = True
        elif (hard_wrapped and gap >= 2) or (
            ends_sentence(prev) and (not hard_wrapped or len(prev) < _SHORT_LINE * width)
        ):
            paragraphs.append([line])
            alone = True
        else:
            extend(line)
            alone = False
        prev = line
    return ["".join(p) for p in paragraphs]


def clean_text(raw: str) -> str:
    """NFC, markup and page furniture removed, wrapped lines joined: one paragraph per line.

    The header lines (agency, "Số: …", place and date, type line), the
    "Nơi nhận" list, the signature block and appendix headings keep their own
    lines; the title is joined onto one line.
    """
    text = nfc(strip_controls(raw)).replace("\r\n", "\n").replace("\r", "\n").replace("\f", "\n")
    lines = _drop_furniture(_regroup_tables([line.strip() for line in _strip_markup(text).split("\n")]))
    items = _with_gaps(lines)
    plain = [line for line, _ in items]
    zones = find_zones(plain, title_lines=0)
    title = _title_span(items, zones.type_line) if zones.type_line >= 0 else 0
    if title:
        zones = find_zones(plain, title_lines=title)

    out: list[str] = [line for line, _ in items[: zones.type_line + 1]] if zones.type_line >= 0 else []
    if title:
        out.append(" ".join(line for line, _ in items[zones.type_line + 1 : zones.body]))
    elif zones.type_line < 0:
        out.extend(line for line, _ in items[: zones.body])
    out.extend(_flow(items[zones.body : zones.tail]))
    starts = [*zones.appendices, len(items)]
    out.extend(line for line, _ in items[zones.tail : starts[0]])
    for a, b in itertools.pairwise(starts):
        first_item = next(
            (i for i in range(a, b) if marker(items[i][0]) and not is_appendix_heading(items[i][0])), b
        )
        out.extend(line for line, _ in items[a:first_item])
        out.extend(_flow(items[first_item:b]))
    return "\n".join(" ".join(p.split()) for p in out if p.strip())
