"""How a Vietnamese administrative document is laid out: the line patterns every reader step shares.

Normalisation (where a paragraph starts), the clause tree (what a marker
means) and metadata (where the header ends) must agree on what "a structure
marker" or "the signature block" is, so the patterns live here once.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Literal

from corpus.text import canonical_tones

__all__ = [
    "DOC_TYPES",
    "NOT_NAME",
    "Marker",
    "MarkerKind",
    "Zones",
    "doc_type_of",
    "ends_sentence",
    "find_zones",
    "is_appendix_heading",
    "is_header_line",
    "is_recipients",
    "is_signature_title",
    "marker",
    "name_line",
    "rank_of",
    "roman_value",
    "signature_end",
]

def _doc_types() -> dict[str, str]:
    """Upper-case type line -> how the type is written in running text (from the lexicon).

    "VĂN BẢN HỢP NHẤT" is left out: as a line it is the gazette's section banner;
    a consolidated text is recognised by its certification block instead.
    """
    from corpus.lexicon import load_lexicon

    return {t.type_line: t.name for t in load_lexicon().doc_types if t.kind != "consolidated"}


DOC_TYPES = _doc_types()
_TYPE_KEYS = {canonical_tones(k): v for k, v in DOC_TYPES.items()}
_FOOTNOTE = re.compile(r"(?<=\D)\d{1,2}$")  # "THÔNG TƯ1": a footnote mark glued to the type line

_ROMAN = re.compile(r"^(?P<v>[IVXL]{1,6})\s*[.)]\s+(?=\S)")
_NUMBER = re.compile(r"^(?P<v>\d{1,3})\s*[.)]\s+(?=\S)")
_LETTER = re.compile(r"^(?P<v>[a-zđ])\)\s*(?=\S)")
_BULLET = re.compile(r"^(?P<v>[-–—•+])\s*(?=\S)")
# "Điều 12. Tiêu đề" opens an article; "Điều 12 của Luật này …" at the start of a wrapped line cites one.
_ARTICLE = re.compile(r"^Điều\s+(?P<v>\d{1,3})\s*(?:[.:]|$)")
_CHAPTER = re.compile(r"^(?:Chương|CHƯƠNG)\s+(?P<v>[IVXL]{1,6}|\d{1,3})\b")
_PART = re.compile(r"^(?:Mục|MỤC)\s+(?P<v>\d{1,3})\b")
# "Mẫu số 01", "Mẫu số 02/PLI", "MẪU SỐ 3": a form in an appendix ("theo Mẫu số 10 …" in a sentence is not).
_FORM = re.compile(r"^(?:Mẫu|MẪU)\s+(?:số|SỐ)\s*[:.]?\s*(?P<v>\d{1,3}[A-Za-z]?(?:[./-][\wĐđ]+)*)\s*[.:]?(?:\s|$)")
_APPENDIX = re.compile(
    r"^(?:Phụ lục|PHỤ LỤC)(?:\s+(?:số\s*|SỐ\s*)?(?P<v>[IVXL]{1,6}|\d{1,3}|[A-Z]))?\s*[.:]?(?:\s.*)?$"
)
# "Nơi nhận:" (or the words alone on their line) heads the recipients; "Nơi nhận báo cáo tài chính …"
# opens a sentence of the body.
_RECIPIENTS = re.compile(r"^Nơi nhận\s*(?::|$)", re.IGNORECASE)
_SIGN_TITLE = re.compile(
    r"^(?:(?:TM|KT|TL|TUQ|Q)\.\s*)?(?:PHÓ\s+)?"
    r"(?:CHỦ TỊCH|BỘ TRƯỞNG|THỨ TRƯỞNG|THỦ TƯỚNG|GIÁM ĐỐC|TỔNG GIÁM ĐỐC|CHÁNH VĂN PHÒNG|TRƯỞNG BAN|CHỦ NHIỆM"
    r"|TỔNG CỤC TRƯỞNG|CỤC TRƯỞNG|THỐNG ĐỐC|TỔNG KIỂM TOÁN|TỔNG THANH TRA|CHÁNH ÁN|VIỆN TRƯỞNG)\b"
)
_SIGN_ON_BEHALF = re.compile(r"^(?:TM|KT|TL|TUQ|Q)\.\s*\S")
_PLACE_DATE = re.compile(r"^[^\d,]{2,40},\s*ngày\s+(?:\d{1,2}|\.+|…+|\s)+\s*tháng\s+.*năm\s+(?:\d{4}|\.+|…+)")
_HEADER = re.compile(
    r"^(?:CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập\s*-\s*Tự do\s*-\s*Hạnh phúc"
    r"|Số\s*[:.]|(?:Luật|Bộ luật|Nghị quyết|Pháp lệnh)\s+số\s*[:.]?|V/v\b)"
)

# Vietnamese legal lists skip f, j, w, z and put đ after d.
LETTERS = "abcdđeghiklmnopqrstuvxy"


#: What starts a paragraph: a numbering ("II.", "3.", "a)", "-", "+"), a heading word ("Điều 5.", "Chương II",
#: "Phần thứ nhất", "Mẫu 01", "PHỤ LỤC") or a closing part ("Nơi nhận:", a signature title).
MarkerKind = Literal[
    "roman", "number", "letter", "bullet", "plus", "article", "chapter", "part", "form", "appendix", "recipients",
    "signature",
]


@dataclass(frozen=True)
class Marker:
    """A structure marker at the start of a paragraph: its kind, value and length of the marker text."""

    kind: MarkerKind
    value: str
    length: int


def roman_value(text: str) -> int:
    """I -> 1, IV -> 4 ... (0 when not a roman numeral)."""
    values = {"I": 1, "V": 5, "X": 10, "L": 50, "C": 100}
    total = 0
    for i, ch in enumerate(text):
        v = values.get(ch, 0)
        if not v:
            return 0
        total += -v if i + 1 < len(text) and values.get(text[i + 1], 0) > v else v
    return total


def is_signature_title(line: str) -> bool:
    """ "CHỦ TỊCH", "KT. CHỦ TỊCH", "TM. ỦY BAN NHÂN DÂN", "BỘ TRƯỞNG": upper-case lines only."""
    s = line.strip()
    if not s[:1].isupper() or len(s) > 80 or s != s.upper():
        return False
    return bool(_SIGN_TITLE.match(s) or _SIGN_ON_BEHALF.match(s))


def is_recipients(line: str) -> bool:
    s = line.lstrip()
    return s[:1] in ("N", "n") and bool(_RECIPIENTS.match(s))


def is_appendix_heading(line: str) -> bool:
    """A line that opens an appendix: "Phụ lục", "PHỤ LỤC II", "Phụ lục số 01: …"."""
    s = line.strip()
    m = _APPENDIX.match(s) if s[:1] == "P" else None
    if not m:
        return False
    rest = s[m.end("v") if m.group("v") else len("Phụ lục") :].strip(" .:")
    # "Phụ lục kèm theo ..." in running text is a reference, not a heading.
    return not rest or s.isupper() or rest[:1].isupper()


def doc_type_of(line: str) -> str | None:
    """The document type if ``line`` is a type line ("CHỈ THỊ", "THÔNG TƯ")."""
    s = " ".join(line.split())
    if not s or len(s) > 40 or s != s.upper():
        return None
    return _TYPE_KEYS.get(canonical_tones(_FOOTNOTE.sub("", s)))


def is_header_line(line: str) -> bool:
    """National motto, "Số: …", "V/v …" or the place-and-date line."""
    s = line.strip()
    return bool(_HEADER.match(s) or _PLACE_DATE.match(s))


def ends_sentence(line: str) -> bool:
    """Whether a line ends a sentence or a list entry (. ! ? : ; and "./.")."""
    s = line.rstrip().rstrip("\"'”’)»*").rstrip()
    if not s:
        return False
    return s[-1] in ".!?:;…"


def _heading_rest(rest: str) -> bool:
    """What may follow "Chương II" / "Mục 1" in a heading: nothing, or an upper-case title.

    "Chương II Nghị định này" at the start of a wrapped line is a citation.
    """
    if rest.lstrip()[:1] in (".", ":"):
        return True  # "Mục 6. An ninh hàng không"
    rest = rest.strip(" .:-–")
    return not rest or rest == rest.upper()


def marker(line: str) -> Marker | None:
    """Classify the structure marker a paragraph starts with, if any."""
    s = line.lstrip()
    first = s[:1]
    if first.islower() and first != "n" and s[1:2] != ")":
        return None  # fast path: a wrapped line of running text (most lines of a long file)
    if is_recipients(s):
        return Marker("recipients", "", 0)
    if is_signature_title(s):
        return Marker("signature", "", 0)
    if is_appendix_heading(s):
        m = _APPENDIX.match(s)
        return Marker("appendix", (m.group("v") or "") if m else "", 0)
    for kind, pattern in (("article", _ARTICLE), ("chapter", _CHAPTER), ("part", _PART)):
        m = pattern.match(s)
        if m and (kind == "article" or _heading_rest(s[m.end() :])):
            return Marker(kind, m.group("v"), m.end())
    m = _FORM.match(s)
    if m:
        return Marker("form", m.group("v"), m.end())
    m = _ROMAN.match(s)
    if m and roman_value(m.group("v")):
        return Marker("roman", m.group("v"), m.end())
    m = _NUMBER.match(s)
    if m:
        return Marker("number", str(int(m.group("v"))), m.end())
    m = _LETTER.match(s)
    if m:
        return Marker("letter", m.group("v"), m.end())
    m = _BULLET.match(s)
    if m:
        rest = s[m.end() :]
        # "- xã hội" at the start of a wrapped line is a hyphenated phrase, not a bullet.
        if rest[:1].islower():
            return None
        return Marker("plus" if m.group("v") == "+" else "bullet", m.group("v"), m.end())
    return None


NOT_NAME = re.compile(r"(?:đã ký|ký|dấu|seal|signed|\(|\)|\[|\]|\d)", re.I)
_FORM_ROLE = re.compile(r"^\(.*\bký\b.*\btên\b", re.I)  # "(Ký, ghi rõ họ tên)", "(Ký tên, đóng dấu)"
_KEPT = re.compile(r"^Lưu\b", re.I)  # "Lưu: VT, Vụ PC.": the last line of the recipients
_SIGN_SCAN = 8  # lines after a title in which its signer's name must stand


def rank_of(line: str) -> str:
    """The rank a name line starts with ("Đại tướng Lương Tam Quang" -> "đại tướng"), else ""."""
    from corpus.lexicon import load_lexicon

    folded = line.lower()
    ranks = sorted(load_lexicon().topic("rank_titles"), key=len, reverse=True)
    return next((r for r in ranks if folded.startswith(r + " ")), "")


def name_line(line: str) -> bool:
    """A person's name as a signature block writes it: 2–6 capitalised words, after a rank if any
    ("Lê Thị Việt Nga", "NGUYỄN VĂN A", "Đại tướng Lương Tam Quang")."""
    s = line.strip()
    if not s or is_signature_title(s) or NOT_NAME.search(s):
        return False
    words = s[len(rank_of(s)) :].split()
    return 2 <= len(words) <= 6 and all(w[:1].isupper() for w in words)


def signature_end(lines: list[str], i: int) -> int | None:
    """The line after the signer's name when the title at ``lines[i]`` opens a signature block (more
    title lines and marks such as "(Đã ký)" or "[daky]" may stand between), or ``len(lines)`` when the
    text ends first; ``None`` when the title is no signature: an upper-case heading of the body over
    its first article ("… TỔNG GIÁM ĐỐC, GIÁM ĐỐC ĐIỀU HÀNH" / "Điều 38. …") or the role in a form that
    the body or an appendix prints ("GIÁM ĐỐC" / "(Ký, ghi rõ họ tên, đóng dấu)")."""
    n = len(lines)
    for k in range(i + 1, min(n, i + _SIGN_SCAN)):
        s = lines[k].strip()
        if not s:
            continue
        if _FORM_ROLE.match(s):
            return None
        if is_signature_title(s) or NOT_NAME.search(s):
            continue
        if name_line(s):
            later = [x.strip() for x in lines[k + 1 : k + 4] if x.strip()]
            if s.isupper() and later and name_line(later[0]) and not later[0].isupper():
                continue  # a title line misspelt ("PHÓ THỐNG ĐÔC") over the name ("Đoàn Thái Sơn")
            return k + 1
        return None
    return n if all(not x.strip() or is_signature_title(x) or NOT_NAME.search(x) for x in lines[i + 1 :]) else None


def _recipients_end(lines: list[str], i: int, stop: int) -> int:
    """The line after the recipients list that ``lines[i]`` ("Nơi nhận:") heads: after its "Lưu: …"
    line, or at the first line no list prints (a signature title, a long sentence, an appendix)."""
    for k in range(i + 1, stop):
        s = lines[k].strip()
        if _KEPT.match(s):
            return k + 1
        if s and (is_signature_title(s) or is_appendix_heading(s) or (len(s) > 80 and s[:1] not in "-–+•")):
            return k
    return stop


def _certifies(lines: list[str], tail: int) -> bool:
    """Whether the closing part at ``tail`` opens with a consolidated text's certification block."""
    return any(_CERTIFIES.search(x) for x in lines[tail : tail + 6])


def _closing_blocks_end(lines: list[str], tail: int, stop: int, certifying: bool) -> int:
    """The first line after the recipients, signature and certification (``certifying``: the closing part
    opens with one) blocks that start at ``tail``: what follows them before any "Phụ lục" heading (a fee
    schedule, a list, a form, the text of a second document) is an appendix, not part of the signature."""
    i, n = tail, stop
    while i < n:
        s = lines[i].strip()
        # a mark ("[daky]", "(Đã ký)"), not a short numbered heading ("Mẫu 01", "Biểu 02")
        if not s or (len(s) <= 12 and NOT_NAME.search(s) and not any(c.isdigit() for c in s)) or _KEPT.match(s):
            i += 1
        elif is_recipients(s):
            i = _recipients_end(lines, i, n)
        elif is_signature_title(s):
            end = signature_end(lines, i)
            if end is None:
                return i
            i, certifying = end, False
        elif certifying:  # "BỘ TÀI CHÍNH / Số: …/VBHN-BTC / XÁC THỰC VĂN BẢN HỢP NHẤT / Hà Nội, ngày …"
            i += 1
        else:
            return i
    return n


@dataclass(frozen=True)
class Zones:
    """Where the parts of a document start, as indexes into its list of lines.

    ``type_line`` is the index of "CHỈ THỊ"/"THÔNG TƯ" (or -1); ``body`` the
    first line after the header; ``tail`` the first line of "Nơi nhận" or the
    signature block (len(lines) if none); ``appendices`` the heading lines
    of appendices after the tail.
    """

    type_line: int
    body: int
    tail: int
    appendices: tuple[int, ...]
    attached: int = -1  # first line of what follows the signature before any "Phụ lục" heading, or -1
    certified: bool = False  # a consolidated text's certification block closes the text: notes follow it


_HEADER_SCAN = 40
_CERTIFIES = re.compile(r"^XÁC THỰC VĂN BẢN HỢP NHẤT")
_PREAMBLE = ("Căn cứ", "Theo đề nghị", "Xét đề nghị")


def _enacts(lines: list[str], i: int) -> bool:
    """ "THỦ TƯỚNG CHÍNH PHỦ" / "BỘ TRƯỞNG BỘ …" over "Căn cứ …": the enacting authority, not a signature."""
    return any(x.lstrip().startswith(_PREAMBLE) for x in lines[i + 1 : i + 4])


def _certification_start(lines: list[str], i: int, body: int) -> int:
    """The certification block of a consolidated text starts at the agency name above "Số: …/VBHN-…"."""
    start = i
    for k in range(i - 1, max(body, i - 6) - 1, -1):
        s = lines[k].strip()
        if not s:
            continue
        if s.startswith("Số") or s in (".", "") or (s == s.upper() and any(ch.isalpha() for ch in s)):
            start = k
            continue
        break
    return start


def find_zones(lines: list[str], *, title_lines: int = 1) -> Zones:
    """Split non-empty lines into header, body, tail and appendices.

    ``title_lines`` is how many lines after the type line form the title
    (the normaliser measures it on raw text; clean text has it on one line).
    """
    n = len(lines)
    type_line = -1
    for i, line in enumerate(lines[:_HEADER_SCAN]):
        if doc_type_of(line):
            type_line = i
            break
    if type_line >= 0:
        body = min(n, type_line + 1 + title_lines)
    else:
        body = 0
        for i, line in enumerate(lines[:_HEADER_SCAN]):
            s = line.strip()
            if is_header_line(s) or (s.isupper() and len(s) < 80 and not marker(s)):
                body = i + 1
            elif s:
                break
    tail = n
    for i in range(body, n):
        line = lines[i]
        if line[:1].islower() and line[:1] != "n":
            continue  # running text: cannot open "Nơi nhận" or a signature block
        if _CERTIFIES.search(line):
            tail = _certification_start(lines, i, body)
            break
        if is_recipients(line) or (
            is_signature_title(line) and not _enacts(lines, i) and signature_end(lines, i) is not None
        ):
            tail = i
            break
    appendices = tuple(i for i in range(tail, n) if is_appendix_heading(lines[i]))
    first = appendices[0] if appendices else n
    certified = _certifies(lines, tail)
    attached = _closing_blocks_end(lines, tail, first, certified) if tail < n else n
    return Zones(type_line, body, tail, appendices, attached if attached < first else -1, certified)
