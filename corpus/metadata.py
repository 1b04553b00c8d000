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

from corpus.layout import doc_type_of, find_zones, is_header_line, is_signature_title
from corpus.models import FieldSource
from corpus.text import canonical_tones, fold

__all__ = ["FIELD_NAMES", "Metadata", "extract_metadata"]

FIELD_NAMES = ("doc_type", "number", "date", "issuer", "province", "year", "title", "signer")

_NUMBER = re.compile(r"^(?:Số|(?:Luật|Nghị quyết|Pháp lệnh)\s+số)\s*[:.]?\s*(?P<n>\d[\w/\-. ]*?)\s*$")
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
_NOT_NAME = re.compile(r"(?:đã ký|ký|dấu|seal|signed|\(|\)|\d)", re.I)


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
    return n if re.match(r"^\d+[\w\-]*(?:/[\w\-Đđ]+)+$", n) else None


def _iso(d: int, m: int, y: int) -> str | None:
    if 1 <= d <= 31 and 1 <= m <= 12 and 1900 <= y <= 2100:
        return f"{y:04d}-{m:02d}-{d:02d}"
    return None


def _parse_date(text: str) -> str | None:
    m = re.match(r"(\d{1,2})\s*/\s*(\d{1,2})\s*/\s*(\d{4})", text) or re.match(
        r"(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})", text
    )
    return _iso(int(m.group(1)), int(m.group(2)), int(m.group(3))) if m else None


def _agency(header: list[str]) -> tuple[str | None, str | None, str]:
    """Issuer and province from the agency lines of the header (left column)."""
    parts = []
    for line in header:
        if doc_type_of(line):
            break
        s = _MOTTO.sub("", line).strip(" -–_")
        if not s or (is_header_line(line) and not _MOTTO.search(line)) or s != s.upper():
            continue
        parts.append(s)
    if not parts:
        return None, None, ""
    evidence = " / ".join(parts)
    # Two-level headers ("UBND TỈNH SƠN LA" / "SỞ NỘI VỤ"): the last unit issues, the first locates.
    full = " ".join(parts)
    m = _PEOPLE_COMMITTEE.match(full) or _COUNCIL.match(full)
    if m:
        short = "UBND" if _PEOPLE_COMMITTEE.match(full) else "HĐND"
        unit = _UNIT.match(m.group("rest").strip())
        if unit:
            name = _title_case(unit.group("name"))
            level = unit.group("unit").lower()
            province = name if level in ("tỉnh", "thành phố") else None
            return f"{short} {level} {name}", province, evidence
        return None, None, evidence
    if len(parts) >= 2:
        first = _PEOPLE_COMMITTEE.match(parts[0])
        unit = _UNIT.match(first.group("rest").strip()) if first else None
        if unit:
            name = _title_case(unit.group("name"))
            level = unit.group("unit").lower()
            return (
                f"{_sentence_case_agency(parts[-1])} {level} {name}",
                name if level in ("tỉnh", "thành phố") else None,
                evidence,
            )
    return _sentence_case_agency(full), None, evidence


def _body_province(text: str) -> tuple[str | None, str]:
    """The most frequent "tỉnh X" (else "thành phố X") in the text."""
    counts: dict[str, Counter[str]] = {"tỉnh": Counter(), "thành phố": Counter()}
    for m in _PLACE_AFTER.finditer(text):
        name = m.group("name")
        words = name.split()
        if words[0].lower() in _NOT_PLACE:
            continue
        # Stop at a capitalised word that starts a new phrase ("tỉnh Sơn La Nghị quyết" is rare; keep <= 4 words).
        name = " ".join(words[:4])
        counts[m.group("unit")][name] += 1
    for unit in ("tỉnh", "thành phố"):
        if counts[unit]:
            name, n = counts[unit].most_common(1)[0]
            return name, f"“{unit} {name}” ×{n}"
    return None, ""


def _signer(lines: list[str], start: int) -> tuple[str | None, str]:
    """The name under the last signature title line of the tail."""
    titles = [i for i in range(start, len(lines)) if is_signature_title(lines[i])]
    for t in titles:
        for line in lines[t + 1 : t + 8]:
            s = line.strip()
            if not s or is_signature_title(s) or _NOT_NAME.search(s):
                continue
            words = s.split()
            if 2 <= len(words) <= 6 and all(w[:1].isupper() for w in words):
                name = _title_case(s) if s.isupper() else s
                return name, f"{lines[t].strip()} / {s}"
            break
    return None, ""


def extract_metadata(text: str) -> Metadata:
    """Read the eight fields from a clean text (see ``clean_text``)."""
    lines = text.split("\n")
    zones = find_zones(lines, title_lines=1)
    header = lines[: zones.body]
    fields: dict[str, FieldSource] = {}

    def put(name: str, value, origin: str, evidence: str) -> None:
        if value is not None and name not in fields:
            fields[name] = FieldSource(name, value, origin, evidence)

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
        m = _NUMBER.match(line)
        if m:
            put("number", _clean_number(m.group("n")), "header", line)
        d = _DATE_LINE.match(line)
        if d:
            place = d.group("place").strip()
            put("date", _iso(int(d.group("d")), int(d.group("m")), int(d.group("y"))), "header", line)

    # "(Ban hành kèm theo Chỉ thị số 01/CT-UBND ngày 03/01/2024 …)" names this document only
    # when the type matches; other "kèm theo" lines cite something else.
    own_type = fields["doc_type"].value if "doc_type" in fields else None
    for a in zones.appendices:
        for line in lines[a : a + 4]:
            m = _ATTACHED.search(line)
            if m and (own_type is None or fold(m.group("type")).strip() == fold(str(own_type))):
                if own_type is None:
                    put("doc_type", m.group("type").strip().capitalize(), "appendix", line)
                put("number", _clean_number(m.group("n")), "appendix", line)
                put("date", _parse_date(m.group("date")), "appendix", line)

    issuer, province, evidence = _agency(header)
    put("issuer", issuer, "header", evidence)
    put("province", province, "header", evidence)
    central = issuer is not None and province is None and not issuer.startswith(("UBND", "HĐND"))

    if not central and "province" not in fields:
        body_name, body_evidence = _body_province("\n".join(lines[zones.body :]))
        if place and body_name and fold(place) == fold(body_name):
            put("province", body_name, "header", next(x for x in header if x.startswith(place)))
        elif body_name:
            put("province", body_name, "body", body_evidence)
        elif place:
            put("province", place, "header", next(x for x in header if x.startswith(place)))

    if "issuer" not in fields and "province" in fields:
        tail = lines[zones.tail :]
        signed = next(
            (x for x in tail if re.match(r"^(?:TM|KT)\.\s*(?:ỦY|UỶ) BAN NHÂN DÂN", canonical_tones(x))), None
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

    title = fields["title"].value if "title" in fields else None
    y = _YEAR_IN_TITLE.search(str(title)) if title else None
    if y:
        put("year", int(y.group(1)), "title", str(title))
    elif "date" in fields:
        put("year", int(str(fields["date"].value)[:4]), "derived", f"date {fields['date'].value}")

    name, sign_evidence = _signer(lines, zones.tail)
    put("signer", name, "signature", sign_evidence)

    def value(key: str):
        return fields[key].value if key in fields else None

    return Metadata(
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
