"""Who is responsible for what: agency, role and duty, each row citing the clause it comes from.

The rules follow how directives assign work: a subject list at the start of a
sentence (or after ";"), optionally introduced by "Giao" or "Đề nghị", then
the verb phrase; partners after "phối hợp với"; "báo cáo … (qua X)" makes X
the office that receives reports.  Agencies named anywhere else (after "của",
"báo cáo", "giúp" …) are not responsible for that sentence.
"""

from __future__ import annotations

import re
from dataclasses import asdict, dataclass

from corpus.facts._clauses import fact_clauses, sentences, skip_marker, strip_range
from corpus.facts.agencies import AgencyMention, find_agencies
from corpus.models import Directive

__all__ = ["Responsibility", "extract_responsibilities"]

_DUTY_WORDS = 20


@dataclass(frozen=True)
class Responsibility:
    """One agency's part in one sentence of a clause.

    ``role`` joins ``roles`` for display ("giao, chủ trì, theo dõi");
    ``span`` is the (start, end) of the duty sentence inside ``text`` (the clause text).
    """

    agency: str
    role: str
    duty: str
    province: str | None
    year: int | None
    number: str | None
    doc_id: str
    clause: str
    clause_id: str
    text: str
    span: tuple[int, int]
    roles: tuple[str, ...] = ()
    name: str = ""
    date: str | None = None

    def to_dict(self) -> dict:
        d = asdict(self)
        d["span"] = list(self.span)
        d["roles"] = list(self.roles)
        return d


_MODES = (
    (re.compile(r"giao\s+", re.IGNORECASE), "giao"),
    (re.compile(r"đề\s+nghị\s+", re.IGNORECASE), "được đề nghị"),
    (re.compile(r"yêu\s+cầu\s+", re.IGNORECASE), "được yêu cầu"),
)
_CONNECTOR = re.compile(r"\s*(?:(?:đồng thời|trong đó|ngoài ra|riêng|bên cạnh đó)\s*,?\s*)?", re.IGNORECASE)
_PLURAL = re.compile(r"(?:các\s+)?(?:đồng chí\s+)?(?:thành viên\s+)?", re.IGNORECASE)
_UNITS = r"(?:cơ quan|đơn vị|doanh nghiệp|địa phương|huyện|thị xã|thành phố)"
# Words between a subject list and its verb that name no-one in particular.
_FILLER = re.compile(
    rf"(?:\s*[,;]?\s*(?:và\s+|với\s+)?các\s+{_UNITS}(?:\s*,\s*{_UNITS})*"
    r"(?:\s+(?:đóng\s+)?trên\s+địa\s+bàn(?:\s+tỉnh)?|\s+(?:có\s+)?liên\s+quan)?"
    r"|\s+(?:đóng\s+)?trên\s+địa\s+bàn(?:\s+tỉnh)?|\s+thuộc\s+tỉnh|\s+các\s+cấp|\s+của\s+tỉnh)*[\s,]*",
    re.IGNORECASE,
)
_VERBISH = re.compile(
    r"chủ trì|phối hợp|thực hiện|tổ chức|theo dõi|kiểm tra|căn cứ|trách nhiệm|xây dựng|hướng dẫn|tăng cường|"
    r"đẩy mạnh|báo cáo|yêu cầu|triển khai|tham mưu|chỉ đạo|định hướng|giúp|tiếp tục|[.:]",
    re.IGNORECASE,
)
_DELEGATE = re.compile(r"(yêu\s+cầu|giao|đề\s+nghị)\s+", re.IGNORECASE)
_ISSUER = {"UBND tỉnh", "Chủ tịch UBND tỉnh"}
_PARTNER_BEFORE = re.compile(
    r"phối\s+hợp(?:\s+chặt\s+chẽ)?\s+với\s+(?:các\s+)?(?:đồng\s+chí\s+)?(?:thành\s+viên\s+)?$", re.IGNORECASE
)
_PARTNER_IN = re.compile(r",?\s*phối\s+hợp(?:\s+chặt\s+chẽ)?\s+với\s+", re.IGNORECASE)
_RECEIVER_BEFORE = re.compile(r"\(?\s*qua\s+$", re.IGNORECASE)
_ACTIVITIES: tuple[tuple[str, re.Pattern[str]], ...] = tuple(
    (name, re.compile(pat, re.IGNORECASE))
    for name, pat in (
        ("chủ trì", r"chủ trì"),
        ("phối hợp", r"phối hợp"),
        ("tổ chức triển khai", r"tổ chức triển khai|triển khai"),
        ("xây dựng kế hoạch", r"xây dựng kế hoạch"),
        ("hướng dẫn", r"hướng dẫn"),
        ("chỉ đạo", r"chỉ đạo"),
        ("định hướng", r"định hướng"),
        ("tuyên truyền", r"tuyên truyền"),
        ("theo dõi", r"theo dõi"),
        ("kiểm tra", r"kiểm tra"),
        ("đôn đốc", r"đôn đốc"),
        ("sơ kết, tổng kết", r"sơ kết|tổng kết"),
        ("tổng hợp báo cáo", r"tổng hợp(?:,)?\s+báo cáo"),
        ("báo cáo", r"báo cáo"),
        ("thẩm định", r"thẩm định"),
    )
)


@dataclass(frozen=True)
class _Subject:
    mention: AgencyMention
    mode: str | None


def _trim(text: str, words: int = _DUTY_WORDS) -> str:
    parts = text.split()
    out = " ".join(parts[:words]).rstrip(" ,;:./")
    return out + " …" if len(parts) > words else out


def _roles(region: str, mode: str | None) -> tuple[str, ...]:
    found = [name for name, pat in _ACTIVITIES if pat.search(region)]
    if "chủ trì" in found and "phối hợp" in found:
        found.remove("phối hợp")  # "chủ trì, phối hợp với …" leads; partners get their own rows
    if "tổng hợp báo cáo" in found and "báo cáo" in found:
        found.remove("báo cáo")
    if not found:
        found = ["thực hiện"]
    return tuple([mode] if mode else []) + tuple(found)


def _subject_list(
    text: str, pos: int, end: int, mentions: list[AgencyMention]
) -> tuple[list[_Subject], int] | None:
    """Agencies that open the clause part at ``pos`` and where their verb phrase starts."""
    pos = _CONNECTOR.match(text, pos, end).end()
    mode = None
    for pat, name in _MODES:
        m = pat.match(text, pos, end)
        if m:
            mode, pos = name, m.end()
            break
    plural = _PLURAL.match(text, pos, end).end()
    first = next((m for m in mentions if m.start in (pos, plural)), None)
    if first is None:
        return None
    subjects = [_Subject(first, mode)]
    last = first
    for m in mentions:
        if m.start <= last.start:
            continue
        gap = text[last.end : m.start]
        if len(gap) > 70 or not re.match(r"\s*(?:[,;]|và\s)", gap) or _VERBISH.search(gap):
            break
        subjects.append(_Subject(m, mode))
        last = m
    verb = _FILLER.match(text, last.end, end).end()
    return subjects, verb


def _without_partners(text: str, start: int, end: int, mentions: list[AgencyMention]) -> str:
    """The lead's verb phrase without "phối hợp với <partners>" (partners get their own rows)."""
    m = _PARTNER_IN.search(text, start, end)
    if not m or not text[start : m.start()].strip():
        return text[start:end]
    pos = _PLURAL.match(text, m.end(), end).end()
    last_end: int | None = None
    for mention in mentions:
        if mention.start < pos:
            continue
        gap = text[pos if last_end is None else last_end : mention.start]
        if last_end is None:
            if gap.strip():
                break
        elif len(gap) > 40 or not re.match(r"\s*(?:[,;]|và\s)", gap) or _VERBISH.search(gap):
            break
        last_end = mention.end
    if last_end is None:
        tail = _FILLER.match(text, m.end(), end).end()  # "phối hợp với các cơ quan, đơn vị có liên quan"
        if tail <= m.end():
            return text[start:end]
    else:
        tail = _after_list(text, last_end, end)
    return text[start : m.start()].rstrip(" ,") + ", " + text[tail:end]


def _after_list(text: str, pos: int, end: int) -> int:
    return _FILLER.match(text, pos, end).end()


def extract_responsibilities(directive: Directive) -> list[Responsibility]:
    """Every agency × sentence with a duty in the directive's answerable clauses (never Nơi nhận or signature)."""
    rows: dict[tuple[str, str, tuple[int, int]], Responsibility] = {}

    def add(mention: AgencyMention, roles: tuple[str, ...], duty: str, clause, span: tuple[int, int]) -> None:
        key = (mention.canonical, clause.id, span)
        old = rows.get(key)
        if old is not None:
            roles = old.roles + tuple(r for r in roles if r not in old.roles)
            duty = old.duty
        rows[key] = Responsibility(
            agency=mention.canonical,
            role=", ".join(roles),
            duty=duty,
            province=directive.province,
            year=directive.year,
            number=directive.number,
            doc_id=directive.doc_id,
            clause=clause.label,
            clause_id=clause.id,
            text=clause.text,
            span=span,
            roles=roles,
            name=old.name if old else mention.name,
            date=directive.date,
        )

    for clause, ranges in fact_clauses(directive):
        text = clause.text
        for r_start, r_end in ranges:
            r_start = skip_marker(text, r_start, r_end)
            for s_start, s_end in sentences(text, r_start, r_end):
                s_start, s_end = strip_range(text, s_start, s_end)
                s_start = skip_marker(text, s_start, s_end)
                _read_sentence(text, s_start, s_end, clause, add)
    return list(rows.values())


def _read_sentence(text: str, start: int, end: int, clause, add) -> None:
    local = find_agencies(text[start:end])
    mentions = [AgencyMention(m.name, m.canonical, m.start + start, m.end + start) for m in local]
    if not mentions:
        return
    span = (start, end)
    # Candidate openings: the sentence start, every part after ";", and right after "yêu cầu"/"giao"/"đề nghị".
    openings = [start] + [start + m.end() for m in re.finditer(r";\s*", text[start:end])]
    openings += [start + m.start() for m in _DELEGATE.finditer(text[start:end])]
    groups: list[tuple[list[_Subject], int]] = []
    covered = start - 1
    for pos in sorted(set(openings)):
        if pos <= covered:
            continue  # inside a subject list already read ("A, B; C thực hiện …")
        found = _subject_list(text, pos, end, mentions)
        while found:
            subjects, verb = found
            covered = verb
            delegate = _DELEGATE.match(text, verb, end)
            if delegate:
                # "Chủ tịch UBND tỉnh yêu cầu Thủ trưởng …": the speaker delegates; the next list does the work.
                found = _subject_list(text, verb, end, mentions)
                continue
            if re.match(r"phát\s+động\s", text[verb:end], re.IGNORECASE) and all(
                s.mention.canonical in _ISSUER for s in subjects
            ):
                break  # the issuer launching the movement is not a duty
            groups.append((subjects, verb))
            break
    subject_ids = set()
    for idx, (subjects, verb) in enumerate(groups):
        region_end = end
        if idx + 1 < len(groups):
            region_end = groups[idx + 1][0][0].mention.start
        region = _without_partners(text, verb, region_end, mentions)
        duty = _trim(region)
        for s in subjects:
            subject_ids.add(s.mention.start)
            add(s.mention, _roles(region, s.mode), duty, clause, span)
    # Partners after "phối hợp với", in a list.
    lead = groups[0][0][0].mention.canonical if groups else None
    prev_partner: AgencyMention | None = None
    partners: list[AgencyMention] = []
    for m in mentions:
        if m.start in subject_ids:
            continue
        before = text[start : m.start]
        is_partner = bool(_PARTNER_BEFORE.search(before))
        if not is_partner and prev_partner is not None:
            gap = text[prev_partner.end : m.start]
            is_partner = (
                len(gap) <= 40 and bool(re.match(r"\s*(?:[,;]|và\s)", gap)) and not _VERBISH.search(gap)
            )
        if is_partner:
            partners.append(m)
            prev_partner = m
            continue
        prev_partner = None
        if _RECEIVER_BEFORE.search(before):
            report = before.lower().rfind("báo cáo")
            phrase = text[start + report : end] if report >= 0 else text[m.start : end]
            add(m, ("tiếp nhận báo cáo",), _trim(phrase), clause, span)
    if partners:
        after = _after_list(text, partners[-1].end, end)
        action = _trim(text[after:end], _DUTY_WORDS - 4)
        for m in partners:
            if lead and m.canonical != lead:
                duty = f"phối hợp với {lead} {action}".strip()
            else:
                duty = f"phối hợp {action}".strip()
            add(m, ("phối hợp",), duty, clause, span)
