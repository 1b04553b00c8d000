"""Metadata read from the document's own text, each value with where it was found.

File names lie (copies, downloads named "CT01.pdf"), and the body of a
directive cites many other documents with their own numbers and dates, so a
value is only taken from the document's own header, its signature block, an
appendix line that says "Ban hành kèm theo <this type> số … ngày …", or, for
the province, the place the body keeps naming.
"""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from corpus.layout import (
    NOT_NAME,
    doc_type_of,
    find_zones,
    is_header_line,
    is_signature_title,
    name_line,
    rank_of,
)
from corpus.lexicon import load_lexicon
from corpus.models import FieldSource
from corpus.text import canonical_tones, fold

__all__ = ["FIELD_NAMES", "Metadata", "extract_metadata"]

FIELD_NAMES = ("doc_type", "number", "date", "issuer", "province", "year", "title", "signer")

_NUMBER = re.compile(
    r"^(?:Số|(?:Luật|Bộ luật|Nghị quyết|Pháp lệnh)\s+số)\s*[:.]?\s*(?P<n>\d[\w/\-. ]*?)\s*$"
)
# A PDF text layer may put "Số: …" and the place and date on one line.
_NUMBER_THEN_DATE = re.compile(
    r"^(?:Số|(?:Luật|Bộ luật|Nghị quyết|Pháp lệnh)\s+số)\s*[:.]?\s*(?P<n>\d\S*(?:\s*/\s*\S+)*)"
    r"\s+(?P<rest>[^\d,]{2,40},\s*ngày\s.*)$"
)
_CERTIFIED = re.compile(r"XÁC THỰC VĂN BẢN HỢP NHẤT")
_CONTINUED = re.compile(r"^\(Tiếp theo Công báo")
_OWN_TITLE = re.compile(
    r"^(?P<type>Bộ luật|Luật|Pháp lệnh|Nghị quyết|Nghị định|Quyết định|Thông tư liên tịch|Thông tư|Chỉ thị)"
    r"\s+số\s+(?P<n>\d[\w/\-.Đđ]*)\s+ngày\s+(?P<date>\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4}|\d{1,2}/\d{1,2}/\d{4})"
)
_DATE_LINE = re.compile(
    r"^(?P<place>[^\d,]{2,40}),\s*ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})"
)
_ATTACHED = re.compile(
    r"(?:Ban hành\s+)?kèm theo\s+(?P<type>[^\d]{3,25}?)\s+số\s+(?P<n>[\w/\-.]+?)\s+ngày\s+"
    r"(?P<date>\d{1,2}\s*/\s*\d{1,2}\s*/\s*\d{4}|\d{1,2}\s+tháng\s+\d{1,2}\s+năm\s+\d{4})",
    re.I,
)
_MOTTO = re.compile(
    r"CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM|CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM|Độc lập\s*-\s*Tự do\s*-\s*Hạnh phúc"
)
_UNIT = re.compile(r"^(?P<unit>TỈNH|THÀNH PHỐ|HUYỆN|THỊ XÃ|QUẬN)\s+(?P<name>.+)$")
_PEOPLE_COMMITTEE = re.compile(r"^(?:ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|UBND)\s*(?P<rest>.*)$")
_COUNCIL = re.compile(r"^(?:HỘI ĐỒNG NHÂN DÂN|HĐND)\s*(?P<rest>.*)$")
_PROPER = r"[A-ZÀ-Ỹ][\wÀ-ỹ]*"
_PLACE_AFTER = re.compile(
    rf"\b(?P<unit>tỉnh|thành phố)\s+(?P<name>{_PROPER}(?:\s*-\s*{_PROPER}|\s+{_PROPER})*)"
)
_NOT_PLACE = {"ủy", "uỷ", "đoàn", "hội", "đảng", "ubnd", "hđnd", "ban", "thành", "đội"}
_CHAIR_OF = re.compile(r"(?:Chủ tịch\s+)?(?:Ủy ban nhân dân|Uỷ ban nhân dân|UBND)\s+tỉnh\b")
_YEAR_IN_TITLE = re.compile(r"\bnăm\s+(\d{4})\b")
# A document number as the opening of a consolidated text cites it ("34/2019/TT-BLĐTBXH", "67/2025/QH15").
_CITED_NUMBER = re.compile(r"(?<![\w/])\d{1,4}/(?:\d{4}/)?[A-ZĐ][\wĐđ]*(?:-[\wĐđ]+)*")
# Where the opening paragraph of a consolidated text ends: its own legal bases or its first article.
_OPENING_END = re.compile(r"^(?:Căn cứ|Theo đề nghị|Điều 1\b|Chương\s+I\b|Phần\s+I\b|Quốc hội ban hành)")
_PASSED_ON = re.compile(
    r"(?:Luật|Bộ luật|Nghị quyết|Pháp lệnh) này\b[^.;]{0,250}?thông qua\s+ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})"
)


@dataclass(frozen=True)
class Metadata:
    """The eight fields of a directive and their provenance."""

    doc_type: str | None
    number: str | None
    date: str | None
    issuer: str | None
    province: str | None
    year: int | None
    title: str | None
    signer: str | None
    fields: tuple[FieldSource, ...]
    issuers: tuple[str, ...] = ()
    consolidates: tuple[str, ...] = ()
    base_type: str | None = None


def _title_case(words: str) -> str:
    return " ".join(w[:1].upper() + w[1:].lower() for w in words.split())


def _sentence_case_agency(name: str) -> str:
    """ "BỘ KẾ HOẠCH VÀ ĐẦU TƯ" -> "Bộ Kế hoạch và Đầu tư" (each component capitalised)."""
    low = name.lower()
    parts = re.split(r"(,\s*|\s+-\s+|\s+và\s+)", low)
    out = []
    for k, part in enumerate(parts):
        if k % 2 == 1:
            out.append(part)
            continue
        words = part.split()
        if not words:
            continue
        if words[0] in ("bộ", "sở", "ban", "cục") and len(words) > 1 and k == 0:
            words = [words[0].capitalize(), words[1].capitalize(), *words[2:]]
        else:
            words[0] = words[0].capitalize()
        out.append(" ".join(words))
    text = "".join(out)
    return re.sub(r"\bchính phủ\b", "Chính phủ", text)


def _clean_number(raw: str) -> str | None:
    n = re.sub(r"\s*/\s*", "/", raw.strip().rstrip("."))
    n = re.sub(r"\s*-\s*", "-", n)
    return n if re.match(r"^\d+(?:\.\d+)?[\w\-]*(?:/[\w\-Đđ]+)+$", n) else None


def _iso(d: int, m: int, y: int) -> str | None:
    if 1 <= d <= 31 and 1 <= m <= 12 and 1900 <= y <= 2100:
        return f"{y:04d}-{m:02d}-{d:02d}"
    return None


def _parse_date(text: str) -> str | None:
    m = re.match(r"(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})", text) or re.match(
        r"(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", text
    )
    return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


def _key(text: str) -> str:
    """Accent-free, upper/lower-blind key with punctuation as single spaces: for matching header forms."""
    return " ".join(re.sub(r"[^a-z0-9]+", " ", fold(text)).split())


def _is_banner(line: str) -> bool:
    key = _key(line)
    return any(key.startswith(_key(b)) for b in load_lexicon().banners)


def _agency_parts(lines: list[str]) -> list[str]:
    """Upper-case agency lines (left column of the header), gazette banners and the motto left out."""
    parts = []
    for line in lines:
        if doc_type_of(line):
            break
        s = _MOTTO.sub("", line).strip(" -–—_")
        if not s or (is_header_line(line) and not _MOTTO.search(line)) or s != s.upper():
            continue
        if _is_banner(s) or not any(ch.isalpha() for ch in s):
            continue
        parts.append(s)
    return _dedupe(parts)


def _dedupe(parts: list[str]) -> list[str]:
    """The gazette prints the agency once as a section heading, then again in the header, often wrapped:
    keep the header's copy ("BỘ LAO ĐỘNG - THƯƠNG BINH VÀ XÃ HỘI" / "BỘ LAO ĐỘNG - THƯƠNG BINH" / "VÀ XÃ HỘI")."""
    for k in range(1, len(parts)):
        if _key(" ".join(parts[:k])) == _key(" ".join(parts[k:])):
            return parts[k:]
    return parts


def _authorities(full: str) -> tuple[list[str], str]:
    """Known national authorities named in ``full``, in order, and what is left unexplained."""
    key = f" {_key(full)} "
    found: list[tuple[int, str]] = []
    for a in sorted(load_lexicon().authorities, key=lambda a: -len(a.form)):
        form = f" {_key(a.form)} "
        pos = key.find(form)
        while pos >= 0:
            found.append((pos, a.name))
            key = key[:pos] + " " + "#" * (len(form) - 2) + " " + key[pos + len(form) :]
            pos = key.find(form)
    names: list[str] = []
    for _, name in sorted(found):
        if name not in names:
            names.append(name)
    rest = " ".join(w for w in key.replace("#", " ").split() if w not in ("va", "lien", "tich"))
    return names, rest


def _province_in(words: list[str]) -> tuple[str | None, list[str]]:
    """The longest leading run of ``words`` that is a real province, and the words after it."""
    lexicon = load_lexicon()
    for k in range(min(len(words), 5), 0, -1):
        name = lexicon.province(" ".join(words[:k]))
        if name:
            return name, words[k:]
    return None, words


def _local(full: str) -> tuple[str | None, str | None] | None:
    """ "ỦY BAN NHÂN DÂN TỈNH SƠN LA [SỞ NỘI VỤ]" -> ("UBND tỉnh Sơn La" or "Sở Nội vụ tỉnh Sơn La", "Sơn La")."""
    m = _PEOPLE_COMMITTEE.match(full) or _COUNCIL.match(full)
    if not m:
        return None
    short = "UBND" if _PEOPLE_COMMITTEE.match(full) else "HĐND"
    unit = _UNIT.match(m.group("rest").strip())
    if not unit:
        return None, None
    level = unit.group("unit").lower()
    if level in ("tỉnh", "thành phố"):
        province, rest = _province_in(unit.group("name").split())
        if province is None:
            return None, None
        if rest:
            return f"{_sentence_case_agency(' '.join(rest))} {level} {province}", province
        return f"{short} {level} {province}", province
    return f"{short} {level} {_title_case(unit.group('name'))}", None


def _agency(header: list[str]) -> tuple[tuple[str, ...], str | None, str]:
    """Issuers and province from the agency lines of the header (left column)."""
    parts = _agency_parts(header)
    if not parts:
        return (), None, ""
    evidence = " / ".join(parts)
    full = " ".join(parts)
    local = _local(full)
    if local is not None:
        issuer, province = local
        return ((issuer,) if issuer else ()), province, evidence
    names, rest = _authorities(full)
    if names and not rest:
        return tuple(names), None, evidence
    if len(parts) >= 2 and _authorities(parts[-1])[0] == []:
        # "BỘ TÀI CHÍNH" / "TỔNG CỤC THUẾ": the unit on the last line issues.
        return (_sentence_case_agency(parts[-1]),), None, evidence
    if names:
        return tuple(names), None, evidence
    return (_sentence_case_agency(full),), None, evidence


_WINDOW = 300  # characters around a displaced header or a certification block
_NUMBER_IN = re.compile(r"Số\s*:\s*(?P<n>\d[\w/\-.Đđ]*)")
_DATE_IN = re.compile(r"ngày\s+(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2})\s+năm\s+(?P<y>\d{4})")


def _upper_run_before(text: str) -> str:
    """The run of upper-case words that ends ``text`` ("… kịp thời./. BỘ TÀI CHÍNH" -> "BỘ TÀI CHÍNH")."""
    i = len(text.rstrip())
    while i > 0 and (text[i - 1].isupper() or text[i - 1] in " -–—_,\n"):
        i -= 1
    return " ".join(text[i:].split()).strip(" -–—_,")


def _block(text: str, at: int, end: int) -> dict[str, tuple[object, str]]:
    """Number, date and agency of a header-like block found at ``text[at:end]`` (±_WINDOW)."""
    lo, hi = max(0, at - _WINDOW), min(len(text), end + _WINDOW)
    win = text[lo:hi]
    out: dict[str, tuple[object, str]] = {}
    m = _NUMBER_IN.search(win)
    n = _clean_number(m.group("n")) if m else None
    if m and n:
        out["number"] = (n, win[m.start() : m.end()])
    d = _DATE_IN.search(win, max(0, at - lo - 60))
    if d:
        iso = _iso(int(d.group("d")), int(d.group("m")), int(d.group("y")))
        if iso:
            out["date"] = (iso, win[max(0, d.start() - 20) : d.end()].strip())
    first = min(x for x in (m.start() if m else None, at - lo) if x is not None)
    run = _upper_run_before(win[:first])
    names, _ = _authorities(run) if run else ([], "")
    if names:
        out["issuer"] = (tuple(names), run)
    return out


def _body_province(text: str) -> tuple[str | None, str]:
    """The most frequent "tỉnh X" (else "thành phố X") in the text."""
    counts: dict[str, Counter[str]] = {"tỉnh": Counter(), "thành phố": Counter()}
    for m in _PLACE_AFTER.finditer(text):
        name = m.group("name")
        words = name.split()
        if words[0].lower() in _NOT_PLACE:
            continue
        # Only a real province counts ("tỉnh Sơn La Nghị quyết …" -> "Sơn La"; "tỉnh để …" -> nothing).
        real, _ = _province_in(words[:5])
        if real:
            counts[m.group("unit")][real] += 1
    for unit in ("tỉnh", "thành phố"):
        if counts[unit]:
            name, n = counts[unit].most_common(1)[0]
            return name, f"“{unit} {name}” ×{n}"
    return None, ""


def _as_name(line: str) -> str:
    """An upper-case name in title case, its rank as a rank is written ("THIẾU TƯỚNG NGUYỄN VĂN AN" ->
    "Thiếu tướng Nguyễn Văn An")."""
    if not line.isupper():
        return line
    rank = rank_of(line)
    name = _title_case(line[len(rank) :].strip())
    return f"{rank[:1].upper()}{rank[1:]} {name}" if rank else name


def _signer(lines: list[str], start: int) -> tuple[str | None, str]:
    """The name under a signature title line of the tail.

    A title can run over several upper-case lines ("KT. CHỦ TỊCH / ỦY BAN CHỨNG KHOÁN NHÀ NƯỚC / PHÓ
    CHỦ TỊCH"), so an upper-case line with another name-like line or title after it is still the
    title, not the name; a role in a form ("KẾ TOÁN TRƯỞNG / (Ký, ghi rõ họ tên)") is no name either."""
    # A further title line or a signature mark ("[daky]") may stand between the title and the name.
    titles = [i for i in range(start, len(lines)) if is_signature_title(lines[i])]
    for t in titles:
        block = [line.strip() for line in lines[t + 1 : t + 8]]
        filled = [s for s in block if s]
        for k, s in enumerate(filled):
            if is_signature_title(s) or NOT_NAME.search(s):
                continue  # a further title line, or the mark of a signature ("[daky]", "(Đã ký)")
            if not name_line(s):
                break
            after = filled[k + 1 : k + 4]
            if after and after[0].startswith("(") and "tên" in after[0].lower():
                break  # "(Ký, ghi rõ họ tên)": a role in a form
            if s.isupper() and any(is_signature_title(a) or name_line(a) for a in after):
                continue
            return _as_name(s), f"{lines[t].strip()} / {s}"
    return None, ""


def _consolidated(lines: list[str], type_line: int) -> tuple[tuple[str, ...], str | None]:
    """(numbers, type) of the documents a consolidated text consolidates, from its own opening paragraph:
    "Thông tư số 34/2019/TT-BLĐTBXH …, được sửa đổi, bổ sung bởi: Thông tư số 12/2024/TT-BLĐTBXH …".

    The base document comes first; the type is the one its header repeats ("THÔNG TƯ", "LUẬT")."""
    if type_line < 0:
        return (), None
    base_type = doc_type_of(lines[type_line])
    opening: list[str] = []
    for line in lines[type_line + 2 : type_line + 60]:
        if _OPENING_END.match(line.strip()):
            break
        opening.append(line)
    numbers = tuple(dict.fromkeys(_clean_number(n) or n for n in _CITED_NUMBER.findall(" ".join(opening))))
    return numbers, base_type


def _code_type(number: str) -> str | None:
    """ "135/2026/NĐ-CP" -> "Nghị định": the type the number's code names."""
    code = number.rsplit("/", 1)[-1].split("-")[0]
    return load_lexicon().doc_type_by_code(code)


def extract_metadata(text: str) -> Metadata:
    """Read the fields from a clean text (see ``clean_text``)."""
    lines = text.split("\n")
    zones = find_zones(lines, title_lines=1)
    header = lines[: zones.body]
    fields: dict[str, FieldSource] = {}
    lexicon = load_lexicon()

    def put(name: str, value, origin: str, evidence: str) -> None:
        if value is not None and name not in fields:
            fields[name] = FieldSource(name, value, origin, evidence)

    # A consolidated text (Văn bản hợp nhất) is named by its certification block at the end
    # ("BỘ TÀI CHÍNH / Số: 19/VBHN-BTC / XÁC THỰC VĂN BẢN HỢP NHẤT / Hà Nội, ngày …"); its header
    # repeats the consolidated document's type and cites the original numbers.
    issuers: tuple[str, ...] = ()
    consolidates: tuple[str, ...] = ()
    base_type: str | None = None
    certified = next((m for m in _CERTIFIED.finditer(text)), None)
    if certified:
        block = _block(text, certified.start(), certified.end())
        if block.get("number") and "VBHN" in str(block["number"][0]).upper():
            put("doc_type", "Văn bản hợp nhất", "certification", certified.group(0))
            consolidates, base_type = _consolidated(lines, zones.type_line)
            put("number", block["number"][0], "certification", block["number"][1])
            if "date" in block:
                put("date", block["date"][0], "certification", block["date"][1])
            if "issuer" in block:
                issuers = block["issuer"][0]  # type: ignore[assignment]
                put("issuer", ", ".join(issuers), "certification", block["issuer"][1])

    if zones.type_line >= 0:
        put("doc_type", doc_type_of(lines[zones.type_line]), "header", lines[zones.type_line])
        if zones.body > zones.type_line + 1:
            put("title", lines[zones.type_line + 1], "header", lines[zones.type_line + 1])
    elif any(line.startswith("V/v") for line in header):
        v = next(line for line in header if line.startswith("V/v"))
        put("doc_type", "Công văn", "header", v)
        put("title", v[3:].strip(" .:"), "header", v)

    place = None
    for line in header:
        m = _NUMBER.match(line) or _NUMBER_THEN_DATE.match(line)
        if m:
            put("number", _clean_number(m.group("n")), "header", line)
        d = _DATE_LINE.match(m.group("rest") if m and "rest" in m.groupdict() else line)
        if d:
            place = d.group("place").strip()
            put("date", _iso(int(d.group("d")), int(d.group("m")), int(d.group("y"))), "header", line)

    # A continuation part of a gazette issue starts with its document's heading:
    # "Thông tư số 102/2018/TT-BTC ngày 14 tháng 11 năm 2018 …" / "(Tiếp theo Công báo số …)".
    for k, line in enumerate(lines[:8]):
        m = _OWN_TITLE.match(line)
        if m and any(_CONTINUED.match(x) for x in lines[k + 1 : k + 4]):
            put("doc_type", m.group("type"), "continuation", line)
            put("number", _clean_number(m.group("n")), "continuation", line)
            put("date", _parse_date(m.group("date")), "continuation", line)
            break

    # Newer gazette PDFs put the header table after the first page of text: find the first
    # motto or "Số:" block before the signature when the top of the text had none.
    if "number" not in fields and zones.type_line >= 0:
        body_text_end = sum(len(x) + 1 for x in lines[: zones.tail])
        start = sum(len(x) + 1 for x in lines[: zones.body])
        motto = _MOTTO.search(text, start, body_text_end)
        if motto:
            block = _block(text, motto.start(), motto.end())
            if "number" in block:
                put("number", block["number"][0], "header", block["number"][1])
                if "date" in block:
                    put("date", block["date"][0], "header", block["date"][1])
                if "issuer" in block and "issuer" not in fields:
                    issuers = block["issuer"][0]  # type: ignore[assignment]
                    put("issuer", ", ".join(issuers), "header", block["issuer"][1])

    # "(Ban hành kèm theo Chỉ thị số 01/CT-UBND ngày 03/01/2024 …)" names this document only
    # when the type matches; other "kèm theo" lines cite something else.
    own_type = fields["doc_type"].value if "doc_type" in fields else None
    continuation = "doc_type" in fields and fields["doc_type"].origin == "continuation"
    starts = zones.appendices if not continuation else (0,)
    for a in starts:
        for line in lines[a : a + 4]:
            m = _ATTACHED.search(line)
            if m and (own_type is None or fold(m.group("type")).strip() == fold(str(own_type))):
                if own_type is None:
                    put("doc_type", m.group("type").strip().capitalize(), "appendix", line)
                put("number", _clean_number(m.group("n")), "appendix", line)
                put("date", _parse_date(m.group("date")), "appendix", line)

    found, province, evidence = _agency(header)
    has_header = (
        zones.type_line >= 0 or "number" in fields or any(_MOTTO.search(x) or _DATE_LINE.match(x) for x in header)
    )
    if found and has_header and "issuer" not in fields:
        issuers = found
        put("issuer", ", ".join(found), "header", evidence)
        put("province", province, "header", evidence)

    # A law or a resolution of the National Assembly is dated by its adoption:
    # "Luật này được Quốc hội … thông qua ngày 13 tháng 11 năm 2020."
    if "date" not in fields and own_type in ("Luật", "Bộ luật", "Nghị quyết", "Pháp lệnh"):
        passed = list(_PASSED_ON.finditer(text, max(0, len(text) - 20000)))
        if passed:
            d = passed[-1]
            put("date", _iso(int(d.group(1)), int(d.group(2)), int(d.group(3))), "body", d.group(0))

    if "doc_type" not in fields and "number" in fields:
        put("doc_type", _code_type(str(fields["number"].value)), "derived", str(fields["number"].value))
    joint = "number" in fields and "/TTLT-" in str(fields["number"].value)
    if joint and "doc_type" in fields and fields["doc_type"].value == "Thông tư":
        fields["doc_type"] = FieldSource("doc_type", "Thông tư liên tịch", "derived", str(fields["number"].value))

    issuer_value = fields["issuer"].value if "issuer" in fields else None
    central = issuer_value is not None and not str(issuer_value).startswith(("UBND", "HĐND")) and province is None
    if not central and "province" not in fields and (has_header or issuer_value):
        body_name, body_evidence = _body_province("\n".join(lines[zones.body :]))
        place_name = lexicon.province(place) if place else None
        if place_name and body_name and place_name == body_name:
            put("province", body_name, "header", next(x for x in header if x.startswith(place or "")))
        elif body_name:
            put("province", body_name, "body", body_evidence)
        elif place_name:
            put("province", place_name, "header", next(x for x in header if x.startswith(place or "")))

    if "issuer" not in fields and "province" in fields:
        tail = lines[zones.tail :]
        signed = next(
            (
                x
                for x in tail
                if x.startswith(("TM", "KT")) and re.match(r"^(?:TM|KT)\.\s*(?:ỦY|UỶ) BAN NHÂN DÂN", canonical_tones(x))
            ),
            None,
        )
        if signed:
            put("issuer", f"UBND tỉnh {fields['province'].value}", "signature", signed)
        else:
            m = next((x for x in lines[zones.body : zones.tail] if _CHAIR_OF.search(x)), None)
            if m:
                hit = _CHAIR_OF.search(m)
                put(
                    "issuer", f"UBND tỉnh {fields['province'].value}", "body", hit.group(0) if hit else m[:80]
                )
    # A province belongs to a provincial issuer only.
    issuer_value = fields["issuer"].value if "issuer" in fields else None
    if "province" in fields and not (
        issuer_value and re.search(r"\b(?:tỉnh|thành phố)\s", str(issuer_value))
    ):
        del fields["province"]
    if not issuers and issuer_value:
        issuers = (str(issuer_value),)

    title = fields["title"].value if "title" in fields else None
    # "… năm 2024" in a title names the year it is about; "ngày 15 tháng 12 năm 2021" cites a date.
    y = next(
        (m for m in _YEAR_IN_TITLE.finditer(str(title or "")) if not re.search(r"tháng\s+\d{1,2}\s*$", str(title)[: m.start()])),
        None,
    )
    date_year = int(str(fields["date"].value)[:4]) if "date" in fields else None
    if y and (date_year is None or abs(int(y.group(1)) - date_year) <= 1):
        put("year", int(y.group(1)), "title", str(title))
    elif "date" in fields:
        put("year", int(str(fields["date"].value)[:4]), "derived", f"date {fields['date'].value}")

    name, sign_evidence = _signer(lines, zones.tail)
    put("signer", name, "signature", sign_evidence)

    def value(key: str):
        return fields[key].value if key in fields else None

    return Metadata(
        issuers=issuers,
        consolidates=consolidates,
        base_type=base_type,
        doc_type=value("doc_type"),
        number=value("number"),
        date=value("date"),
        issuer=value("issuer"),
        province=value("province"),
        year=value("year"),
        title=value("title"),
        signer=value("signer"),
        fields=tuple(fields[k] for k in FIELD_NAMES if k in fields),
    )
