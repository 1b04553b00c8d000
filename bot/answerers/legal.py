"""Answerers for legal-text kinds: effect and replacement, durations and deadlines, dossiers,
conditions and criteria, definitions, who decides.

Each prefers the sentence parts that carry its kind's cue (lexicon ``answer_cues.csv``) in the
part or in its clause heading; durations and effect dates are pulled out whole with their unit,
so an answer is never a bare number such as "3.".
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.answerers.base import FIRST_ITEM, Found, Reader, topic_words, with_alternates, with_rarest
from bot.answerers.examples import in_example
from bot.answerers.items import inline_lead_in, is_lead_in, lead_in_above, line_of, list_items
from bot.answerers.passages import Bonus, Shape, article_lead_in, asks_yes_no, by_segment
from bot.answerers.values import follows, lead_fit, probe
from bot.compose import MAX_EXCERPT, excerpt
from bot.extract import find_applies_from, find_durations, find_effect, find_named_references, find_references
from bot.query import Kind, Query
from bot.segments import Segment, has_diacritics
from corpus.lexicon import alternatives, derived, load_lexicon
from corpus.models import Clause, Directive
from corpus.tables import read_tables
from corpus.text import fold
from index.models import Hit

__all__ = ["EffectAnswerer", "LegalAnswerer", "case_condition", "repeals_by_title"]

# what a question about a document replacing others says: "thay thế", "thay cho thông tư nào", "đã bỏ nghị định cũ nào".
# Folded, "bỏ" is spelt as the "Bộ" of "Bộ luật": typed without marks it counts only after "đã", "bị", "được".
_KINDS_DROPPED = r"(?:van ban|thong tu|nghi dinh|luat|bo luat|quyet dinh|chi thi|nghi quyet|phap lenh)"
_REPLACES = re.compile(rf"thay the|thay cho|het hieu luc|bai bo|\b(?:thoi|khong con|het|ngung) (?:duoc )?ap dung\b"
                       rf"|\b(?:da|bi|duoc) bo (?:nhung |cac )?{_KINDS_DROPPED}\b")
_DROPS = re.compile(r"(?<!\w)bỏ\s+(?:những\s+|các\s+)?(?:văn bản|thông tư|nghị định|luật|bộ luật|quyết định|chỉ thị|nghị quyết"
                    r"|pháp lệnh)(?!\w)", re.IGNORECASE)
_APPLIES = re.compile(r"(?:ap dung|thuc hien|tinh huong)\b.*\b(?:tu|ke tu) (?:ngay|thoi diem|khi) nao")
_ASKS_EFFECT = re.compile(r"\bco hieu luc (?:thi hanh )?(?:tu|ke tu|vao) (?:ngay|khi|thoi diem) nao")
_THIS_DOCUMENT = re.compile(r"\bnày\s*(?:sẽ\s+|chính thức\s+)?$", re.IGNORECASE)
_EFFECT_ARTICLE = re.compile(r"dieu\s+\d+\w*\s*[.:]?[^.\n]{0,40}hieu luc")
_REPLACE_TEXT = re.compile(r"thay thế|hết hiệu lực|bãi bỏ", re.IGNORECASE)


@derived
def _all_cues() -> dict[str, tuple[re.Pattern[str], ...]]:
    """The lexicon's answer cues by the kind of question they help answer."""
    out: dict[str, list[re.Pattern[str]]] = {}
    for r in load_lexicon().topic("answer_cues"):
        out.setdefault(r["kind"], []).append(re.compile(r["pattern"]))
    return {kind: tuple(cues) for kind, cues in out.items()}


def _cues(kind: str) -> tuple[re.Pattern[str], ...]:
    return _all_cues().get(kind, ())


def _cue_bonus(kind: str, bonus: float) -> Bonus:
    def score(clause: Clause, seg: Segment) -> float:
        where = fold(" ".join((*clause.heading[-1:], seg.text)))
        return bonus if any(c.search(where) for c in _cues(kind)) else 0.0

    return score


def _lead_in_bonus(reader: Reader, q: Query, cue: Bonus) -> Bonus:
    """A part announcing a list gets a bonus, and is scored with its whole line: "Thành phần hồ sơ gồm:"
    alone says little, the sentence before it on the line says whose dossier it is."""
    t = reader.tuning
    topic = topic_words(q) or q.topic

    def score(clause: Clause, seg: Segment) -> float | None:
        got = cue(clause, seg) or 0.0
        if inline_lead_in(clause.text, seg.start, seg.end):  # "Hồ sơ gồm: X; Y" on one line
            line = clause.text[seg.sentence_start : seg.end]
        elif is_lead_in(clause.text, seg.end) and len(list_items(clause.text, seg.end)) >= 2:
            line = line_of(clause.text, seg.end)
        else:
            return got  # not a lead-in, or one over a single paragraph ("Điều 3. Hồ sơ …" above one sentence)
        # "Phương án gồm các nội dung chủ yếu sau:" lists what a plan contains, not what a dossier does: the
        # lead-in answers a dossier question only when it, or a heading above it in its article, names one.
        if not any(c.search(fold(f"{article_lead_in(clause)} {line}")) for c in _cues("dossier")):
            return got
        # ... and says it lists its parts ("Hồ sơ gồm:", "… như sau:") or is the article's title naming the
        # dossier ("Điều 45. Hồ sơ của người lao động …"): "Trường hợp … đã gửi hồ sơ … thì:" lists consequences.
        if not (_TITLE_LINE.match(line.strip()) or _LISTS_PARTS.search(fold(line))):
            return got
        wider = reader.scorer.coverage(topic, line) - reader.scorer.coverage(topic, seg.text)
        return got + t.lead_in_bonus + t.segment_weight * max(0.0, wider)

    return score


_TITLE_LINE = re.compile(r"Điều\s+\d+\w*\s*\.", re.IGNORECASE)
_LISTS_PARTS = re.compile(
    r"\b(?:" + "|".join(re.escape(c) for c in load_lexicon().topic("lead_in_cues")) + r")\b"
)


def _not_a_title(inner: Bonus) -> Bonus:
    """An article's title line ("Điều 3. Hồ sơ hưởng phụ cấp") names what the article says without saying it:
    it answers only as the lead-in of the items below it (read out by ``Listing``), never by itself."""

    def score(clause: Clause, seg: Segment) -> float | None:
        line_end = clause.text.find("\n")
        if clause.kind == "article" and line_end >= 0 and seg.end <= line_end + 1 \
                and clause.text[line_end:].strip() and len(list_items(clause.text, seg.end)) < 2:
            return None
        return inner(clause, seg)

    return score


# "Trường hợp có thời gian tương đương … thì …", "Đối với trường hợp …, …": a sentence opening on the case it is about.
# The case stops at the sentence's comma or "thì"; one ending at a colon ("Đối với các trường hợp quy định tại điểm b
# khoản 1 Điều này:") is a lead-in over the items below, the rule of each, no exception to another rule.
_SPECIAL_CASE = re.compile(r"\W*(?:(?:đối với|riêng)\s+)?(?:các\s+)?trường hợp\s+([^:;.\n]+?)(?:\s+thì\b|,)",
                           re.IGNORECASE)


def _unasked_case(reader: Reader, q: Query, f: Found) -> bool:
    """Whether ``f`` is read from a sentence stating a special case ("Trường hợp có thời gian tương đương … thì …")
    the question does not name (less than half of the case's words)."""
    text = f.clause.text
    at = f.span[0] if f.span else 0
    seg = next((x for x in reader.segments.get(f.clause.id, []) if x.start <= at < x.end + 1), None)
    if seg is None:
        return False
    m = _SPECIAL_CASE.match(text, seg.sentence_start, len(text))
    if m is None:
        return False
    # What makes the case special is not the subject of the whole article ("… chức danh Tư vấn viên dịch vụ việc
    # làm hạng III" under "Điều 7. Tiêu chuẩn … xét thăng hạng … Tư vấn viên dịch vụ việc làm hạng II"), which
    # every question about the article names: those words are left out of the case.
    title = text.split("\n", 1)[0] if f.clause.kind == "article" else ""
    shared = set(fold(f"{article_lead_in(f.clause)} {title}").split())
    own = " ".join(w for w in m.group(1).split() if fold(w) not in shared)
    return reader.scorer.coverage(own, q.text) < 0.5 if own.strip() else False


def _rule_first(reader: Reader, q: Query, found: list[Found]) -> list[Found]:
    """A clause often states its rule, then an exception for a special case ("… từ đủ 09 (chín) năm trở lên.
    Trường hợp có thời gian tương đương … thì … tối thiểu 01 năm"): the exception repeats the rule's words, and
    more of them, but answers only a question naming its case; else the rule, read from the same clause, goes first."""
    if len(found) < 2:
        return found
    unasked = [_unasked_case(reader, q, f) for f in found]
    if not unasked[0]:
        return found
    rules = {f.clause.text for f, u in zip(found, unasked, strict=True) if not u}
    demoted = [u and any(f.clause.text in r or r in f.clause.text for r in rules)
               for f, u in zip(found, unasked, strict=True)]
    return [f for f, d in zip(found, demoted, strict=True) if not d] + [f for f, d in zip(found, demoted, strict=True) if d]


@dataclass(frozen=True)
class LegalAnswerer:
    """One legal-text kind: the best part with the kind's cue, its answering words pulled out where it has them."""

    kind: Kind
    shape: Shape = "fact"

    def find(self, reader: Reader, q: Query, d: Directive, hits: list[Hit]) -> list[Found]:
        bonus = _cue_bonus(self.kind, reader.tuning.kind_cue_bonus)
        if self.kind == "dossier":  # a dossier is a list: the part announcing it is the one to find
            bonus = _lead_in_bonus(reader, q, bonus)
        bonus = _not_a_title(bonus)
        # A dossier's items are found by their words; the lead-in naming the dossier sits in their parent.
        found = by_segment(reader, q, d, hits, self.shape, bonus=bonus, parents=self.kind == "dossier")
        if self.kind == "duration" and _asks_date(q):
            found = sorted([*found, *_dated_parts(reader, q, d, bonus)], key=lambda f: -f.score)
        if self.shape != "fact" and not found:
            found = by_segment(reader, q, d, hits, "fact", bonus=bonus)
        out: list[Found] = []
        read = 0
        # a part stating no duration cannot answer a duration question: the best three that state one are read
        # (a listed item's duration is read with its lead-in, which may lift it above parts read before it)
        for f in found if self.kind == "duration" else with_rarest(reader, q, found, 3):
            if self.kind == "duration":
                got = _duration(reader, q, f)
                if got is not None:
                    listed = _listed_duration(reader, q, got)
                    if len(out) < 3 or listed is not got:
                        out.append(listed)
                if len(out) >= 3 and (read := read + 1) > reader.tuning.listed_read:
                    break
                continue
            if self.kind == "condition":
                f = case_condition(reader, f)
            short = self._short(f)
            if short is not None:
                out.append(Found(f.directive, f.clause, short, f.quote, f.span, f.score))
        if self.kind == "duration":
            out.sort(key=lambda f: -f.score)  # a duration said as the question asks it lifts its part
        return with_alternates(_rule_first(reader, q, out), reader.tuning, reader, q)

    def _short(self, f: Found) -> str | None:
        """The answering words of the quoted part."""
        if self.kind == "effect":
            eff = find_effect(f.quote)
            if eff is not None:
                return eff.text
            if "thay thế" in f.quote.lower():
                refs = find_references(f.quote)
                if refs:
                    return "thay thế " + "; ".join(r.text for r in refs)
            return f.short
        return f.short


def _asked_unit(q: Query) -> str | None:
    """The unit a duration question names ("bao nhiêu ngày", "mấy năm"), accent-folded."""
    units = "|".join(re.escape(fold(u)) for u in sorted(load_lexicon().topic("duration_units"), key=len, reverse=True))
    m = re.search(rf"\b(?:bao nhieu|may)\s+({units})\b", fold(q.text))
    return m.group(1) if m else None


_PERIOD_WORDS = r"(?:nam|thang|tuan|ngay|gio)"
_ASKS_PERIOD = re.compile(rf"\b(?:trong|moi|mot|1|01)\s+(?:(?:mot|1|01)\s+)?({_PERIOD_WORDS})\b(?!\s+(?:nao|lam viec|qua|ke|truoc|sau))")
_STATES_PERIOD = re.compile(rf"\b(?:trong|moi|/)\s*(?:(?:mot|1|01)\s+)?({_PERIOD_WORDS})\b")
_DATE_IN = re.compile(r"\d{1,2}/\d{1,2}|tháng\s+\d{1,2}", re.IGNORECASE)


_ASKS = re.compile(r"\b(?:ai|nao|gi|bao nhieu|bao lau|may|khi nao)\b")


def _asks_two(q: Query) -> bool:
    """A question joining two asks ("Ai quyết định … và nhiệm kỳ là mấy năm?")."""
    folded = fold(q.text)
    head, sep, tail = folded.partition(" va ")
    return bool(sep) and bool(_ASKS.search(head)) and bool(_ASKS.search(tail))


_DAY_MONTH = re.compile(r"(?<![\d/.-])(\d{1,2})(?:\s+thang\s+|\s*/\s*)(\d{1,2})(?![\d])(?!\s*/\s*\d{1,2}\b)")


def _day_months(text: str) -> list[tuple[int, int, int, int]]:
    """The days of the year written in ``text`` ("ngày 31 tháng 12", "31/12"), each as (day, month, start, end);
    a document number ("02/2021") is none."""
    folded = fold(text)
    if len(folded) != len(text):
        return []
    out = []
    for m in _DAY_MONTH.finditer(folded):
        day, month = int(m.group(1)), int(m.group(2))
        if 1 <= day <= 31 and 1 <= month <= 12:
            out.append((day, month, m.start(), m.end()))
    return out


def _asks_date(q: Query) -> bool:
    return re.search(r"\bngay nao\b", fold(q.text)) is not None


def _dated_parts(reader: Reader, q: Query, d: Directive, bonus: Bonus) -> list[Found]:
    """Every part of ``d`` stating a date a thing applies from or must be done by ("kể từ ngày 01 tháng 01
    năm 2026"), scored as retrieved parts are: the date a question asks for often stands in the article on
    effect, whose words retrieval does not rank high ("… được thực hiện từ ngày nào?")."""

    t = reader.tuning
    topic = topic_words(q) or q.topic
    parents = {c.parent for c in d.clauses if c.parent}
    out: list[Found] = []
    for clause in d.answerable_clauses():
        if clause.id in parents or not _DATE_IN.search(clause.text):
            continue
        clause_cov = None
        for seg in reader.segments.get(clause.id, []):
            if not any(_DATE_IN.search(x.text) for x in find_durations(seg.text)) or in_example(d, clause.start + seg.start):
                continue  # no date, or a worked example's (bot.answerers.examples)
            if clause_cov is None:
                clause_cov = reader.scorer.coverage(topic, clause.text)
            extra = bonus(clause, seg) or 0.0
            score = t.segment_weight * reader.scorer.coverage(topic, seg.text) + t.clause_weight * clause_cov + extra
            quote, a, b = excerpt(clause.text, seg.start, seg.end)
            out.append(Found(d, clause, quote, quote, (a, b), score))
    return [f for f in out if f.score >= t.abstain_below]


def _asked_period(q: Query) -> str | None:
    """The period a rate question names ("bao nhiêu giờ trong một tuần" → tuần), accent-folded."""
    for text in (q.text, q.topic):  # "Còn một tháng?" asks it of the topic kept from the question before
        m = re.search(r"\b(?:bao nhieu|may)\s+\w+\s+(.*)$", fold(text))
        found = _ASKS_PERIOD.search(m.group(1)) if m else None
        if found:
            return found.group(1)
    return None


def _duration(reader: Reader, q: Query, f: Found) -> Found | None:
    """The duration of the sentence part that answers, with the words around it as the quote.

    A part may state several ("tối đa 300 giờ trong 01 năm … không quá 60 giờ trong 01 tháng"): the one
    whose own words (from the previous duration to the next) best cover the question wins, one in the
    unit the question names first; a range ("từ đủ 12 tháng đến 36 tháng") is one duration.  The whole
    part is read, not only the quoted window, which may have been focused on other words of a long part.
    """

    text = f.clause.text
    at = f.span[0] if f.span else 0
    seg = next((s for s in reader.segments.get(f.clause.id, []) if s.start <= at < s.end + 1), None)
    lo, hi = (seg.start, seg.end) if seg else (0, len(text))
    if seg and f.span and f.span[1] > hi:  # the quote reaches over parts the layout's line breaks cut: read them all
        hi = max((s.end for s in reader.segments.get(f.clause.id, []) if s.start < f.span[1]), default=hi)
    row = next((r for t in read_tables(text) if (r := t.row_at(at)) is not None), None)
    if row is not None:  # a table's row states its durations in its values; its name is what the question names
        lo, hi = max(lo, row.values_start), min(hi, row.end)
    # a duration starting in the part is read whole: a line break the layout kept may cut the part inside it
    # ("trước ngày 31 tháng \n12 để tổng hợp")
    reach = hi + 12 if row is None else hi
    spans = _ranges(text, [(lo + d.start, lo + d.end) for d in find_durations(text[lo:reach]) if lo + d.start < hi])
    if not spans and row is None:
        return _case_duration(reader, f, lo, hi)
    if not spans:
        return None
    if _asks_date(q):  # "từ ngày nào": a date, not a count of days
        spans = [sp for sp in spans if _DATE_IN.search(text[slice(*sp)])]
        if not spans:
            return None
    # only a yes/no question confirms a date it names; in "… từ ngày 01 tháng 01 … tối đa bao nhiêu ngày?" the date
    # is the question's scope, and the answer a count of days (review F1)
    named = {(d, m) for d, m, *_ in _day_months(q.text)} if asks_yes_no(q.text) else set()
    if named:
        # "… có phải báo cáo trước ngày 31 tháng 12 không?": the date named is confirmed by a part stating it, never
        # answered with another ("trước ngày 30 tháng 6")
        dated = [(lo + a, lo + b) for d, m, a, b in _day_months(text[lo:reach]) if (d, m) in named and lo + a < hi]
        spans = [sp for sp in spans if any(sp[0] <= a and b <= sp[1] for a, b in dated)] or [
            (max(lo, a - len("ngày ")) if text[max(lo, a - 5) : a].lower() == "ngày " else a, b) for a, b in dated[:1]]
        if not spans:
            return None
    period = _asked_period(q)
    if period is not None:
        stated = {m.group(1) for m in _STATES_PERIOD.finditer(fold(text[lo:hi]))}
        if stated and period not in stated:
            return None  # rates per other periods ("trong 01 năm", "trong 01 tháng"), not per the asked one
    topic = topic_words(q) or q.topic
    unit = _asked_unit(q)
    asked = probe(q.text)
    lead = asked.lead
    weight = reader.tuning.ask_words_weight
    folded = fold(text) if asked.then else ""
    folded = folded if len(folded) == len(text) else ""  # positions must be the text's

    def said(i: int) -> float:  # "chia cho 26 ngày" for "chia cho bao nhiêu ngày"
        return lead_fit(lead, text[max(lo, spans[i][0] - 40) : spans[i][1]])

    def per_asked(i: int) -> bool:  # "60 giờ trong 01 tháng" for "bao nhiêu giờ một tháng", not "300 giờ trong 01 năm"
        m = _STATES_PERIOD.match(fold(text[spans[i][1] : min(hi, spans[i][1] + 25)]).lstrip())
        return period is not None and m is not None and m.group(1) == period

    def then(i: int) -> int:  # "75 năm thành lập Đảng bộ tỉnh" for "bao nhiêu năm thành lập Đảng bộ tỉnh" (two words at least)
        got = follows(asked.then, folded, spans[i][1]) if folded else 0
        return got if got >= 2 else 0

    def rank(i: int) -> tuple[bool, bool, int, float]:
        a = spans[i - 1][1] if i else lo
        b = spans[i + 1][0] if i + 1 < len(spans) else hi
        # a count in the unit ("30 ngày làm việc"), not a date that says the word ("đến ngày 31 tháng 12")
        in_unit = unit is not None and re.search(rf"\d\s*(?:\([^)]*\)\s*)?{unit}\b", fold(text[slice(*spans[i])])) is not None
        return in_unit, per_asked(i), then(i), reader.scorer.coverage(topic, text[a:b]) + weight * said(i)

    best = max(range(len(spans)), key=rank)
    start, end = spans[best]
    hi = max(hi, end)  # a duration read on past the part's end ("… tháng\n12") is quoted whole
    ctx = spans[best - 1][1] if best else lo
    cut = max(text.rfind(", ", ctx, start), text.rfind("; ", ctx, start))
    begin = lo if hi - lo <= MAX_EXCERPT or cut < 0 else cut + 2
    quote, a, b = excerpt(text, begin, hi)
    if b < end:  # cut before the duration: quote from the duration's own words
        quote, a, b = excerpt(text, max(ctx, start - 80), hi)
    if _asks_two(q) and len(text.strip()) <= MAX_EXCERPT:
        quote, a, b = excerpt(text, 0, len(text))  # "Ai … và … mấy năm?": the whole clause answers both
    return Found(f.directive, f.clause, " ".join(text[start:end].split()), quote, (a, b), f.score + weight * said(best))


def _listed_duration(reader: Reader, q: Query, f: Found) -> Found:
    """A duration stated by a listed item ("a) 12 ngày làm việc đối với người làm công việc trong điều kiện bình
    thường;") holds for what its lead-in names ("Người lao động … thì được nghỉ hằng năm … như sau:"): the lead-in is
    quoted with it and its clause cited.  When the question names none of the items' own cases, every item's duration
    is the answer ("12 ngày làm việc …; 14 ngày làm việc …; 16 ngày làm việc …"), not the one that ranked first."""
    if f.span is None:
        return f
    got = _lead_in_of(reader, f, *f.span)
    if got is None:
        return f
    node, lead, _, _ = got
    text = node.text
    items = list_items(text, lead[1])
    if len(items) < 2 or not all(_opens_with_duration(i.text) for i in items):
        return f  # not a list of durations, one per case
    topic = topic_words(q) or q.topic
    lead_words = set(fold(text[slice(*lead)]).split())
    rest = " ".join(w for w in topic.split() if fold(w) not in lead_words)
    covers = [reader.scorer.coverage(rest, i.text) if rest else 0.0 for i in items]
    best = max(range(len(items)), key=lambda i: covers[i])
    weight = reader.tuning.segment_weight
    if covers[best] > 0 and sorted(covers)[-2] < covers[best]:
        item = items[best]  # the question names this item's case
        quote, a, b = _with_lead_in(text, lead, item.start, item.end)
        short = find_durations(item.text)[0].text
    else:
        a, b = lead[0], items[-1].end
        quote, a, b = excerpt(text, a, b) if b - a <= MAX_EXCERPT else _with_lead_in(text, lead, items[0].start, items[-1].end)
        short = "; ".join(i.text.rstrip(" ;,.") for i in items)
    lift = weight * max(0.0, reader.scorer.coverage(topic, quote) - reader.scorer.coverage(topic, f.quote))
    return Found(f.directive, node, short, quote, (a, b), f.score + lift)


def _opens_with_duration(text: str) -> bool:
    """Whether a listed item starts with its duration ("12 ngày làm việc đối với …", "Không quá 60 ngày …")."""
    got = find_durations(text)
    return bool(got) and got[0].start <= 12


def _lead_in_of(reader: Reader, f: Found, lo: int, hi: int) -> tuple[Clause, tuple[int, int], int, int] | None:
    """The clause holding the lead-in of the listed item ``lo``:``hi`` of ``f`` ("a) Kéo dài 12 tháng đối với các
    trường hợp:" over "- Công chức bị kỷ luật giáng chức …"), the lead-in's bounds and the item's, in that clause's
    text.  The item may be a clause of its own (a dash item, a point): its lead-in is then read in the clause above."""
    node = f.clause
    for _ in range(3):
        text = node.text
        lead = lead_in_above(text, lo)
        if lead is None and node is not f.clause and node.kind in _LISTING_KINDS:
            lead = _own_lead(text, lo)
        if lead is not None:
            return node, lead, lo, hi
        parent = reader.clauses.get(node.parent or "")
        if parent is None or node.kind == "article" or text.strip() not in parent[1].text:
            return None
        offset = parent[1].text.find(text.strip()) - (len(text) - len(text.lstrip()))
        node, lo, hi = parent[1], lo + offset, hi + offset
    return None


#: the levels whose opening line stands over their points as a lead-in ("2. Các trường hợp được miễn lệ phí cấp hộ
#: chiếu" over "a) Người Việt Nam ở nước ngoài …"), with or without a colon; an article's opening line is its title
_LISTING_KINDS = frozenset({"khoan", "item", "diem", "point"})
_LEAD_CHARS = 300  # a lead-in is one short line: a longer opening is a paragraph of its own, not a list's head


def _own_lead(text: str, lo: int) -> tuple[int, int] | None:
    """The opening line of a clause whose first point starts at or before ``lo`` (the point read lies in its list):
    what the clause says holds for each of its points, however it ends."""
    first = FIRST_ITEM.search(text)
    if first is None or first.start() > lo:
        return None
    a, b = _strip(text, 0, first.start())
    if a >= b or "\n" in text[a:b] or b - a > _LEAD_CHARS:
        return None
    return a, b


def _strip(text: str, a: int, b: int) -> tuple[int, int]:
    while a < b and text[a].isspace():
        a += 1
    while b > a and text[b - 1].isspace():
        b -= 1
    return a, b


def _with_lead_in(text: str, lead: tuple[int, int], lo: int, hi: int) -> tuple[str, int, int]:
    """The lead-in and the item quoted together: whole when short, else "lead-in … item"."""
    if hi - lead[0] <= MAX_EXCERPT:
        return excerpt(text, lead[0], hi)
    return f"{text[slice(*lead)].strip()} … {excerpt(text, lo, hi)[0]}", lo, hi


def _case_duration(reader: Reader, f: Found, lo: int, hi: int) -> Found | None:
    """The duration of a listed case: "- Công chức bị kỷ luật giáng chức …" under "a) Kéo dài 12 tháng đối với các
    trường hợp:" names the case asked, its lead-in the duration that holds for it (not the next point's, which
    names another case).  The clause holding the lead-in is cited."""
    got = _lead_in_of(reader, f, lo, hi)
    if got is None:
        return None
    node, lead, lo, hi = got
    text = node.text
    spans = _ranges(text, [(lead[0] + d.start, lead[0] + d.end) for d in find_durations(text[slice(*lead)])])
    if len(spans) != 1:
        return None  # none, or several for several things: not one duration over its cases
    quote, a, b = _with_lead_in(text, lead, lo, hi)
    return Found(f.directive, node, text[slice(*spans[0])], quote, (a, b), f.score)


def case_condition(reader: Reader, f: Found) -> Found:
    """A condition read from a listed case: "a) Tự gây thương tích …" says which case, only its lead-in ("… không
    được hưởng chế độ ốm đau nếu thuộc một trong các trường hợp … sau:") what holds for it; both are quoted."""
    if f.span is None or f.short != f.quote:
        return f
    got = _lead_in_of(reader, f, *f.span)
    if got is None:
        return f
    node, lead, lo, hi = got
    quote, a, b = _with_lead_in(node.text, lead, lo, hi)
    return Found(f.directive, node, quote, quote, (a, b), f.score, f.alternate)


def _ranges(text: str, spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    """Join "từ 12 tháng đến 36 tháng" (two durations with "đến" between) into one."""
    out: list[tuple[int, int]] = []
    for a, b in spans:
        if out and re.fullmatch(r"\s*(?:đến|tới|-|–)\s*", text[out[-1][1] : a]):
            out[-1] = (out[-1][0], b)
        else:
            out.append((a, b))
    return [(a - 3 if text[max(0, a - 3) : a].lower() == "từ " else a, b) for a, b in out]


class EffectAnswerer:
    """When a document takes effect, or what it replaces: read from its own clauses, not from retrieval.

    The question usually describes the document ("Thông tư về … có hiệu lực từ ngày nào?"), so the
    answering clause shares few words with it; every clause of a document in scope that states an
    effect date (or a replacement) is a candidate, the "Hiệu lực thi hành" article first.
    """

    def find(self, reader: Reader, q: Query, d: Directive, hits: list[Hit]) -> list[Found]:

        t = reader.tuning
        folded = fold(q.text)
        replaces = bool(_REPLACES.search(folded) or _DROPS.search(q.text))
        asks_applies = bool(_APPLIES.search(folded))
        asks_both = bool(_ASKS_EFFECT.search(folded))
        if replaces and asks_both and not _ASKS.search(_ASKS_EFFECT.sub(" ", folded)):
            # "Thông tư 18/2022 bãi bỏ các văn bản … có hiệu lực từ ngày nào?": the replacement names the document
            # (its title says what it repeals); only its date is asked, no "nào" asks what it replaces.
            replaces = asks_both = False
        prior = 1.0 / hits[0].rank if hits and hits[0].rank else 0.0
        parents = {c.parent for c in d.clauses if c.parent}

        def applies_anywhere(doc: Directive) -> bool:
            return any(find_applies_from(c.text) is not None for c in doc.answerable_clauses())
        out: list[Found] = []
        parts_asked = replaces and _part_nouns().search(folded) is not None  # "bãi bỏ những điều nào của …"
        for clause in d.answerable_clauses():
            if clause.id in parents:
                continue
            text = clause.text
            heading = fold(" ".join(clause.heading[-1:]))
            self_cue = 0.0
            alone = None
            if replaces:
                # "2. … các Nghị định sau đây hết hiệu lực thi hành: a) Nghị định số 115/2015/NĐ-CP …": a point
                # names what its lead-in says is replaced.
                m = _REPLACE_TEXT.search(text)
                if m is None and not _REPLACE_TEXT.search(" ".join(clause.heading[-1:])):
                    continue
                refs = find_references(text) or find_named_references(text)
                if not refs:
                    continue
                near = min(refs, key=lambda r: abs(r.start - m.start())) if m else refs[0]
                if m is not None and near.start > m.end() and not parts_asked and _parts_replaced(text[m.end() : near.start]):
                    continue  # "Thay thế: Phụ lục II … kèm theo Thông tư số 21/2021/TT-BLĐTBXH": that circular stays
                short, at = near.text, near.start
                if m is not None and near.end <= m.start():
                    # "Thông tư số 101/2018/TT-BTC … và Thông tư số 148/2015/TT-BTC … hết hiệu lực": every document
                    # named in the sentence before the cue is its subject, not only the nearest one
                    opening = max(text.rfind(". ", 0, m.start()), text.rfind("\n", 0, m.start())) + 1
                    subject = [r for r in refs if opening <= r.start and r.end <= m.start()]
                    if len(subject) > 1:
                        short, at = "; ".join(r.text for r in subject), subject[0].start
            else:
                eff = find_effect(text)
                alone = find_applies_from(text) if asks_applies and eff is None else None
                if eff is None and alone is None:
                    continue
                if alone is not None:
                    # "2. Các quy định tại Thông tư này được áp dụng từ ngày …" beside "1. … có hiệu lực …": what
                    # "áp dụng từ ngày nào" asks, said in a clause of its own.
                    short, at = alone.text, alone.start
                    self_cue = t.effect_self_bonus
                else:
                    short, at = eff.text, eff.start
                    # "Bộ luật này có hiệu lực …" dates the document itself; "thỏa ước … có hiệu lực kể từ ngày ký"
                    # (in an article on agreements' effect) dates something it regulates, and answers only a
                    # question that names that thing.  Asked from when the document applies, its own effect date
                    # answers unless one of its clauses says from when it applies ("… được áp dụng từ ngày …").
                    if _THIS_DOCUMENT.search(text[max(0, at - 40) : at]):
                        if not asks_applies or find_applies_from(text) is not None or not applies_anywhere(d):
                            self_cue = t.effect_self_bonus
                    elif _names_subject(reader, q, _effect_subject(text, at)):
                        self_cue = t.effect_subject_bonus
            seg = next((s for s in reader.segments.get(clause.id, []) if s.start <= at < s.end + 1), None)
            a, b = (seg.sentence_start, seg.end) if seg else (max(0, at - 100), min(len(text), at + 200))
            applies = find_applies_from(text) if asks_applies and not replaces and alone is None else None
            if applies is not None:  # "có hiệu lực khi nào và … áp dụng từ ngày nào": both dates
                short = f"{short}; {applies.text}"
                a, b = min(a, applies.start), max(b, applies.end)
            own = find_effect(text) if replaces and asks_both else None
            if own is not None and own.end <= at:  # "có hiệu lực từ ngày nào và làm hết hiệu lực luật nào": both
                short = f"{own.text}; {short} hết hiệu lực"
                first = next((x for x in reader.segments.get(clause.id, []) if x.start <= own.start < x.end + 1), None)
                a = min(a, first.sentence_start if first else own.start)
            quote, a, b = excerpt(text, a, b)
            # The document's own article on effect ("Điều 8. Hiệu lực thi hành") outranks a clause that merely
            # opens with an effect sentence: a consolidated text quotes each amending document's effect
            # article in a footnote, which the layout leaves inside whatever article it follows.
            if "hieu luc" in heading or _EFFECT_ARTICLE.match(fold(text[:80])):
                cue = t.effect_article_bonus
            else:
                cue = t.effect_text_bonus if "hieu luc" in fold(text[:80]) else 0.0
            cue += self_cue
            if replaces and any(str(y) in short for y in q.years):
                cue += t.effect_year_bonus  # "… nghị định nào của năm 2015?": the one numbered in that year
            score = t.effect_base + t.effect_prior_weight * prior + cue
            out.append(Found(d, clause, short, quote, (a, b), score))
        if replaces and not out:
            out = _titled_repeal(d, t.effect_base + t.effect_prior_weight * prior + t.effect_article_bonus)
        out.sort(key=lambda f: -f.score)
        if replaces and asks_both and out and find_effect(out[0].short) is None:
            both = _with_own_effect(reader, d, out[0])
            if both is not None:
                return [both]
        return out[:1]


@derived
def _part_nouns() -> re.Pattern[str]:
    """A noun naming a part of a document ("phụ lục", "điều", "mẫu": lexicon ``replaced_part_nouns.txt``), folded."""
    return re.compile(rf"(?<!\w)(?:{alternatives(load_lexicon().topic('replaced_part_nouns'), fold)})(?!\w)")


def _parts_replaced(between: str) -> bool:
    """Whether the words between a replacing cue and the document it names open with a part of it ("Thay thế: Phụ
    lục II, Phụ lục III … ban hành kèm theo", "Bãi bỏ Điều 10, Điều 11 …"): those parts are replaced, not the
    document."""
    m = _part_nouns().match(fold(between).lstrip(" :\n\t-–"))
    return m is not None


# A title that is itself the repeal ("Bãi bỏ Thông tư số 338/2016/TT-BTC … và Thông tư số 42/2022/TT-BTC …").
_TITLE_REPEALS = re.compile(r"\s*(?:bãi bỏ|thay thế|hủy bỏ|huỷ bỏ)\b", re.IGNORECASE)


def repeals_by_title(d: Directive) -> bool:
    """Whether the document's name is a repeal ("Bãi bỏ Thông tư số 338/2016/TT-BTC … quy định lập dự toán …"): the
    subject its title names is the repealed documents', on which it sets no rule of its own."""
    return _TITLE_REPEALS.match(d.title or "") is not None


def _titled_repeal(d: Directive, score: float) -> list[Found]:
    """What a document repeals when its name says so and no article does: a short circular or decision made only
    to repeal others is titled "Bãi bỏ Thông tư số … và Thông tư số …", with no article on it; every document its
    title names is repealed, read from the document's header (where the title stands), cited as "phần đầu"."""
    title = d.title or ""
    if not _TITLE_REPEALS.match(title):
        return []
    header = next((c for c in d.clauses if c.kind == "header" and title[:40] in " ".join(c.text.split())), None)
    if header is None:
        return []
    text = header.text
    at = _TITLE_REPEALS.search(text)
    if at is None:
        return []
    refs = [r for r in find_references(text) if r.start >= at.start() and (d.number or "\0") not in r.text]
    # each document by its kind and number ("Thông tư số 338/2016/TT-BTC"), once, in the title's order
    names = [m.group(0) for r in refs if (m := re.match(r".*?\d+/\d{4}/[\w-]*\w", r.text))]
    if not names:
        return []
    short = "; ".join(dict.fromkeys(names))
    quote, a, b = excerpt(text, at.start(), len(text))
    return [Found(d, header, short, quote, (a, b), score)]


_SUBJECT_CUT = re.compile(r"[,;:(\n]|\bthì\b|\bkhi\b", re.IGNORECASE)


def _effect_subject(text: str, at: int) -> str:
    """What an effect sentence dates: its words just before "có hiệu lực" ("thỏa ước lao động tập thể" of
    "Trường hợp … thì thỏa ước lao động tập thể có hiệu lực kể từ ngày ký kết"), after the last comma or "thì"."""
    opening = max(text.rfind(". ", 0, at) + 2, text.rfind("\n", 0, at) + 1, 0)
    cuts = [m.end() for m in _SUBJECT_CUT.finditer(text, opening, at)]
    return text[cuts[-1] if cuts else opening : at].strip()


def _names_subject(reader: Reader, q: Query, subject: str) -> bool:
    """Whether the question names what an effect sentence dates ("Thỏa ước lao động tập thể có hiệu lực từ khi
    nào?"): most of the subject's weight is in the question's words."""
    words = topic_words(q)
    if not has_diacritics(words):  # typed without marks: the subject is read as typed
        subject = fold(subject)
    return bool(subject and words) and reader.scorer.coverage(subject, words) >= reader.tuning.effect_subject_cover


def _with_own_effect(reader: Reader, d: Directive, found: Found) -> Found | None:
    """ "… có hiệu lực từ ngày nào và thay thế … nào?" when the article on effect says the two in two clauses
    ("1. Thông tư này có hiệu lực … 2. Thông tư số … hết hiệu lực …"): both, cited at that article."""

    parent = next((c for c in d.clauses if c.id == found.clause.parent), None)
    if parent is None or not parent.answerable or found.clause.text not in parent.text:
        return None
    effect = find_effect(parent.text)
    if effect is None or not _THIS_DOCUMENT.search(parent.text[max(0, effect.start - 40) : effect.start]):
        return None  # no date, or the date of something else than the document itself
    start = parent.text.find(found.clause.text)
    lo, hi = min(effect.start, start), max(effect.end, start + len(found.clause.text))
    line = parent.text.rfind("\n", 0, lo) + 1
    quote, a, b = excerpt(parent.text, line, hi)
    if quote.endswith("…"):
        # too long to quote whole: the effect sentence, then the replacement's own quote
        line_end = parent.text.find("\n", effect.end)
        said, _, _ = excerpt(parent.text, line, line_end if line_end >= 0 else effect.end)
        quote, a, b = f"{said} … {found.quote}", start + found.span[0], start + found.span[1]
    return Found(d, parent, f"{effect.text}; {found.short} hết hiệu lực", quote, (a, b), found.score)
