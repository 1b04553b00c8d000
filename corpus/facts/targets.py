"""Every numeric target of a directive, with its indicator, unit, qualifier and the clause it comes from.

A number is a target when it carries a unit (%, ‰, tỷ đồng, giường …) or
follows a target word ("đạt", "là", "khoảng" …), or stands in an appendix
item; dates, years, periods, document numbers, anniversaries ("70 năm") and
ordinals ("lần thứ 15") never are.  A parenthesised comparison right after a
value ("(giảm 4% so với năm 2022)") is that value's qualifier, not a target.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from corpus.facts._clauses import fact_clauses, sentences, skip_marker
from corpus.facts.indicators import indicator_key, parse_number
from corpus.models import Directive

__all__ = ["Target", "extract_targets"]


@dataclass(frozen=True)
class Target:
    """One numeric target; ``span`` is the (start, end) of the value phrase inside ``text`` (the clause text)."""

    indicator: str
    indicator_key: str
    value: str
    number_value: float
    unit: str
    qualifier: str
    province: str | None
    year: int | None
    number: str | None
    doc_id: str
    clause: str
    clause_id: str
    text: str
    span: tuple[int, int]
    date: str | None = None

    def to_dict(self) -> dict:
        d = asdict(self)
        d["span"] = list(self.span)
        return d


_NUM = re.compile(r"(?<![\w/.,\-–])(\d{1,3}(?:\.\d{3})+(?:,\d+)?|\d+(?:,\d+)?)(?![\w/\-–]|[.,]\d)")
_SCALE = r"(?:nghìn|ngàn|triệu|tỷ|tỉ)"
_COUNT = (
    r"bác sỹ|bác sĩ|giường(?: bệnh)?|hợp tác xã|doanh nghiệp|lao động|sản phẩm|công trình|tiểu khu|"
    r"dự án|cơ sở|xã|phường|huyện|người|hộ|trường|thôn|bản|km|ha|tấn|con"
)
_UNIT = re.compile(
    rf"\s?(%|‰|(?:{_SCALE}\s+)?(?:đồng|USD|lượt người|lượt khách|lượt)(?:\s*/\s*(?:người|năm|tháng|hộ|ha))*"
    rf"|{_SCALE}\s+(?:người|tấn|m3|kWh)|(?:{_COUNT}))(?!\w)"
)
_TARGET_WORD = re.compile(
    r"(?:đạt|là|khoảng|trên|dưới|ít nhất|tối thiểu|tối đa|lên|tăng|giảm|còn|phấn đấu|ở mức|đạt mức)\s*$",
    re.IGNORECASE,
)
_NOT_BEFORE = re.compile(
    r"(?:ngày|tháng|năm|số|Số|lần thứ|thứ|khóa|khoá|Trung ương|mức độ|Cụm|Khối|Hội nghị|Kế hoạch|"
    r"Chỉ thị|Nghị quyết|Quyết định|Kết luận|Luật|Điều|khoản|mục|Mục|Phụ lục|giai đoạn)\s*$"
)
_NOT_AFTER = re.compile(r"\s*(?:năm|tháng|ngày|lần|nội dung|tỉnh|[-–]\s*\d|/)", re.IGNORECASE)
_QUALIFIER_BEFORE = re.compile(
    r"(khoảng|trên|dưới|ít nhất|tối thiểu|tối đa|hơn|tăng|giảm|phấn đấu|lên|còn)\s*$", re.IGNORECASE
)
_LINK_BEFORE = re.compile(r"\s*(?:đạt mức|ở mức|đạt|là|bằng)\s*$", re.IGNORECASE)
_PAREN_AFTER = re.compile(r"\s*\(([^()]{0,120})\)")
_HEADS = re.compile(
    r"(?:tỷ lệ|tỉ lệ|số|tổng|tốc độ|giá trị|thu nhập|thu ngân sách|mức|cơ cấu|doanh thu|sản lượng|"
    r"diện tích|GRDP|chỉ số|kim ngạch|vốn)(?!\w)",
    re.IGNORECASE,
)
_VERB_HEAD = re.compile(
    r"^(?:phấn đấu|hoàn thành|thực hiện|đẩy mạnh|tiếp tục|tăng cường|nâng cao)\b", re.IGNORECASE
)
_MAX_INDICATOR_WORDS = 25


def _is_excluded(text: str, start: int, end: int, seg_start: int) -> bool:
    before = text[max(seg_start, start - 20) : start]
    if _NOT_BEFORE.search(before):
        return True
    if re.search(r"\d\s*[-–/]\s*$", before):  # second half of a period or a date
        return True
    return bool(_NOT_AFTER.match(text, end))


def _in_comparison(text: str, pos: int, seg_start: int) -> bool:
    """Whether ``pos`` sits inside "( … so với …)": a comparison, not a target."""
    open_ = text.rfind("(", seg_start, pos)
    if open_ < 0 or text.rfind(")", open_, pos) >= 0:
        return False
    close = text.find(")", pos)
    inside = text[open_ : close if close >= 0 else len(text)]
    return "so với" in inside.lower() or bool(re.match(r"\(\s*(?:tăng|giảm)", inside, re.IGNORECASE))


def _boundaries(text: str, start: int, end: int) -> tuple[list[int], list[int]]:
    """Sentence starts, and positions where an indicator phrase may start (after ; : and sentence ends)."""
    starts: list[int] = []
    bounds = [start]
    for s_start, s_end in sentences(text, start, end):
        starts.append(s_start)
        bounds.append(s_start)
        bounds.extend(s_start + m.end() for m in re.finditer(r"[;:]\s*", text[s_start:s_end]))
    return starts or [start], sorted(set(bounds))


def _clean_phrase(phrase: str) -> str:
    phrase = phrase.strip(" ,;:-–\n")
    phrase = re.sub(r"^(?:và|đồng thời|riêng|trong đó)\s+", "", phrase, flags=re.IGNORECASE)
    # "giải quyết việc làm cho 8.440 lao động": the indicator ends before the preposition that leads to the value
    phrase = re.sub(r"\s+(?:cho|với|của|để)$", "", phrase.rstrip(), flags=re.IGNORECASE)
    return " ".join(phrase.split())


def _pick_indicator(pre: str) -> str:
    """The noun phrase before a value: from the last comma-piece that opens with an indicator word."""
    pieces = [m.end() for m in re.finditer(r",\s*", pre)]
    for pos in reversed(pieces):
        if _HEADS.match(pre, pos):
            return _clean_phrase(pre[pos:])
    words = pre.split()
    if len(words) > _MAX_INDICATOR_WORDS:
        pre = " ".join(words[-_MAX_INDICATOR_WORDS:])
    return _clean_phrase(pre)


def _count_unit(indicator: str) -> str:
    """ "Số xã đạt chuẩn …" -> "xã"; "số bác sỹ/10.000 dân" -> "bác sỹ"."""
    m = re.match(r"(?:tổng\s+)?số\s+([^\W\d]+(?:\s+[^\W\d]+)?)", indicator, re.IGNORECASE)
    if not m:
        return ""
    words = m.group(1).split()
    stop = {"đạt", "được", "có", "tham", "trên", "là", "thực"}
    kept = []
    for w in words:
        if w.lower() in stop:
            break
        kept.append(w)
    tail = indicator[m.end() :]
    if len(kept) == 2 and not tail.startswith("/"):
        kept = kept[:1]
    return " ".join(kept)


def extract_targets(directive: Directive) -> list[Target]:
    """Every numeric target in the directive's answerable clauses, in reading order."""
    out: list[Target] = []
    for clause, ranges in fact_clauses(directive):
        text = clause.text
        appendix = clause.kind == "appendix_item" or clause.label.lower().startswith("phụ lục,")
        for r_start, r_end in ranges:
            r_start = skip_marker(text, r_start, r_end)
            out.extend(_targets_in(directive, clause, text, r_start, r_end, appendix))
    return out


def _targets_in(
    directive: Directive, clause, text: str, start: int, end: int, appendix: bool
) -> list[Target]:
    sent_starts, bounds = _boundaries(text, start, end)
    found: list[Target] = []
    prev_end = start
    for m in _NUM.finditer(text, start, end):
        n_start, n_end = m.span()
        seg_start = max([b for b in bounds if b <= n_start] + [start])
        if _is_excluded(text, n_start, n_end, seg_start) or _in_comparison(text, n_start, start):
            continue
        unit_m = _UNIT.match(text, n_end)
        unit = unit_m.group(1) if unit_m else ""
        v_end = unit_m.end() if unit_m else n_end
        pre_start = max(seg_start, prev_end)
        pre = text[pre_start:n_start]
        is_target = bool(unit) or bool(_TARGET_WORD.search(pre)) or appendix
        if not is_target:
            continue
        value_text = text[n_start:v_end]
        if not unit and re.fullmatch(r"(?:19|20)\d\d", value_text):
            continue  # a bare year
        qualifiers: list[str] = []
        # Strip linking words and qualifiers from the end of the phrase before the value.
        while True:
            link = _LINK_BEFORE.search(pre)
            if link and link.group(0).strip():
                pre = pre[: link.start()]
                continue
            q = _QUALIFIER_BEFORE.search(pre)
            if q and (not pre[: q.start()] or not pre[q.start() - 1].isalnum()):
                qualifiers.insert(0, q.group(1))
                pre = pre[: q.start()]
                continue
            break
        indicator = _pick_indicator(pre)
        lead = re.match(r"phấn đấu\s+", indicator, re.IGNORECASE)
        if lead and indicator[lead.end() :]:
            qualifiers.insert(0, "phấn đấu")
            indicator = indicator[lead.end() :]
        # "Cơ cấu kinh tế …: Nông, lâm nghiệp, thủy sản 25%" — the heading names the indicator.
        sent_start = max(b for b in sent_starts if b <= n_start) if sent_starts[0] <= n_start else start
        heading = _colon_heading(text, sent_start, seg_start)
        if heading:
            indicator = f"{heading}: {indicator}" if indicator else heading
        if not indicator:
            after = text[v_end:end]
            stop = re.search(r"[;.]\s|[;]|$", after)
            indicator = _clean_phrase(" ".join(after[: stop.start() if stop else len(after)].split()[:20]))
        paren = _PAREN_AFTER.match(text, v_end)
        if paren and (re.search(r"so với|tăng|giảm", paren.group(1), re.IGNORECASE)):
            comparison = " ".join(paren.group(1).replace("*", "").split())
            prev_end = paren.end()
        else:
            comparison = ""
            prev_end = v_end
        if not unit:
            unit = _count_unit(indicator)
        try:
            number = parse_number(m.group(1))
        except ValueError:
            continue
        found.append(
            Target(
                indicator=indicator,
                indicator_key=indicator_key(indicator),
                value=value_text,
                number_value=number,
                unit=" ".join(unit.split()),
                qualifier="; ".join(q for q in (" ".join(qualifiers), comparison) if q),
                province=directive.province,
                year=directive.year,
                number=directive.number,
                doc_id=directive.doc_id,
                clause=clause.label,
                clause_id=clause.id,
                text=text,
                span=(n_start, v_end),
                date=directive.date,
            )
        )
    return found


def _colon_heading(text: str, sent_start: int, seg_start: int) -> str:
    """Heading before ":" that names a group of indicators ("Cơ cấu kinh tế theo giá hiện hành: …")."""
    colon = text.find(":", sent_start, seg_start)
    if colon < 0:
        return ""
    semi = text.rfind(";", sent_start, colon)
    heading = _clean_phrase(text[semi + 1 if semi >= 0 else sent_start : colon])
    if (
        heading
        and len(heading.split()) <= 8
        and _HEADS.match(heading)
        and not _VERB_HEAD.match(heading)
        and "chỉ tiêu" not in heading.lower()
        and not re.search(r"\d", heading)
    ):
        return heading
    return ""
