"""What a conversation remembers between turns: the last question as read, and the documents it is about.

``read_question(previous=…)`` decides what a follow-up keeps of the previous question (topic,
kind, province, year).  This module keeps the other half: which documents the conversation is
about.  A follow-up that points back ("Nghị định này …", "doanh nghiệp đó", "Còn vùng IV?") is
answered from them; a new question that names no document and that several documents answer
differently is answered from them when they answer it about as well as the others (a person
asked about "the" budget figure after talking about one directive means that directive).
An abstained turn does not change the documents a conversation is about, unless it named them by their
number ("Thông tư 18/2022/TT-BLĐTBXH … giao những ai thi hành?" declined, then "Thông tư này có hiệu lực từ
ngày nào?" is still about that circular).

A follow-up that changes only the year ("Còn năm 2027?", "Năm 2022?") asks the same question of the
same series of documents in another year: the document itself when it covers that year (a resolution
"giai đoạn 2025 - 2027"), else the documents of the same kind, issuer and province of that year (Sơn
La's directive of 2022 after its directive of 2023).  A decree of another year or another issuer is a
different series: when the series has no document for the year, the follow-up is abstained on.
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Mapping
from dataclasses import replace

from bot.documents import covers_years
from bot.models import Answer
from bot.query import Query, agency_pointer, content_words, is_step, restates
from bot.segments import has_diacritics, near_pattern, tokens
from bot.steps import step_pattern, step_value
from corpus.lexicon import load_lexicon
from corpus.models import Directive
from corpus.text import compare_key, fold
from index.tokenize import expand_abbreviations

__all__ = [
    "agency_pointed", "agency_unknown", "answered_after", "answered_on", "changed", "completed_label", "context_after", "context_of", "history_after", "history_of", "in_provinces",
    "last_answered", "named_pairs", "named_words", "naming", "other_year",
    "pointed_documents", "prefer_context",
    "repeats", "same_series", "turn_state", "unsaid",
]

_CONTEXT, _HISTORY, _ANSWERED, _NAMED = "context", "context_history", "answered", "named_documents"
# Words around an indicator that do not name it: how its value is hedged ("khoảng 9,0%", "trên 50%") and
# the period or count words its year or number came with ("năm" of "năm 2023").  Another province's
# clause may write "tăng 7,5%" for the same indicator.
_NOT_NAMING = frozenset(fold(w) for topic in ("value_qualifiers", "numbering_words")
                        for w in load_lexicon().topic(topic) if " " not in w)
_HISTORY_TURNS = 5
# A question word after a noun asks which one it is ("cơ quan nào"), it does not name one.
_ASKS = tuple(row["pattern"] for row in load_lexicon().topic("followup_cues") if row["position"] == "asked")
_ASK = {accented: re.compile("|".join(f"(?:{compare_key(p, accented)})" for p in _ASKS)) for accented in (True, False)}


def _cited(ans: Answer, q: object) -> tuple[str, ...]:
    """The documents an answer is about: its first document, or all of them for a set or a choice."""
    docs = tuple(dict.fromkeys(c.doc_id for c in ans.citations))
    if docs and not ans.clarify and not getattr(q, "about_set", False):
        return docs[:1]
    return docs


def context_of(previous: Answer | None) -> tuple[str, ...]:
    """The documents the conversation is about after ``previous`` (empty when there is none)."""
    if previous is None:
        return ()
    if _CONTEXT in previous.extra:
        return tuple(previous.extra[_CONTEXT])
    return _cited(previous, previous.extra.get("query"))


def context_after(ans: Answer, q: Query, previous: Answer | None) -> tuple[str, ...]:
    """The documents the conversation is about after this answer; an abstention keeps the earlier ones, or
    those its question named by number (``naming``)."""
    if ans.abstained or not ans.citations:
        return tuple(ans.extra.get(_NAMED, ())) or context_of(previous)
    return _cited(ans, q)


def naming(ans: Answer, docs: tuple[str, ...]) -> Answer:
    """``ans`` (a decline) remembering the documents its question named by number, which the conversation is
    then about."""
    return replace(ans, extra={**ans.extra, _NAMED: docs}) if docs else ans


def history_of(previous: Answer | None) -> tuple[tuple[str, ...], ...]:
    """The documents of the turns up to ``previous``, latest first (what "Chỉ thị này" may point back to)."""
    return tuple(previous.extra.get(_HISTORY, ())) if previous is not None else ()


def history_after(ans: Answer, q: Query, previous: Answer | None) -> tuple[tuple[str, ...], ...]:
    """The documents of the last few turns after this answer, latest first."""
    now = context_after(ans, q, previous)
    return tuple(dict.fromkeys(c for c in (now, *history_of(previous)) if c))[:_HISTORY_TURNS]


def turn_state(ans: Answer, q: Query, previous: Answer | None) -> dict[str, object]:
    """What the conversation remembers after this turn (kept in ``Answer.extra`` for the next one)."""
    return {_CONTEXT: context_after(ans, q, previous), _HISTORY: history_after(ans, q, previous),
            _ANSWERED: answered_after(ans, q, previous)}


def pointed_documents(
    q: Query, context: tuple[str, ...], directives: Mapping[str, Directive], history: tuple[tuple[str, ...], ...] = ()
) -> tuple[str, ...]:
    """The documents a same-document follow-up is about: the conversation's, or, when it names a kind
    ("Chỉ thị này"), the latest ones of that kind discussed (the context itself when none is)."""
    if not q.refers_to:
        return context
    kind = fold(q.refers_to)
    for docs in (context, *history):
        named = tuple(d for d in docs if d in directives and fold(directives[d].doc_type or "") == kind)
        if named:
            return named
    return context


def _agencies_given(previous: Answer | None) -> list[str]:
    """The agencies the previous turn gave ("Sở Thông tin và Truyền thông. Theo …"), else those its question named
    ("… giao Sở Nội vụ làm gì?"); none when it was abstained on."""
    if previous is None or previous.abstained or not previous.citations:
        return []
    from corpus.facts import find_agencies

    asked = previous.extra.get("query")
    given = previous.answer.split(" Theo ", 1)[0] if " Theo " in previous.answer else ""
    for text in (given, asked.text if isinstance(asked, Query) else ""):
        names = list(dict.fromkeys(a.name for a in find_agencies(text)))
        if names:
            return names
    return []


def agency_pointed(previous: Answer | None) -> str:
    """The agency a pointer such as "Sở đó" or "cơ quan này" points back to: the one the previous answer gave
    ("Sở Thông tin và Truyền thông. Theo …"), else the one the previous question named ("… giao Sở Nội vụ làm
    gì?"); "" when the last turn was abstained on or names no single agency (the pointer is then left as typed)."""
    names = _agencies_given(previous)
    return names[0] if len(names) == 1 else ""


def _named_before(pointer: str, asked: object) -> bool:
    """Whether the previous question named what ``pointer`` points back to by a phrase of its head noun: "đơn vị
    đó" after "… đơn vị vận hành hệ thống điện …".  A one-syllable head ("sở", "ban") only names a body with its
    proper name (found as an agency); "cơ quan nào" asks which one and names none."""
    if not isinstance(asked, Query):
        return False
    accented = has_diacritics(asked.text)
    said = compare_key(asked.text, accented).split()
    words = compare_key(pointer, accented).split()
    for size in range(len(words) - 1, 1, -1):  # the pointer less its pointing word(s): "cơ quan [nói trên]"
        head = words[:size]
        starts = [i for i in range(len(said) - size + 1) if said[i : i + size] == head]
        if starts:
            return any(i + size < len(said) and _ASK[accented].search(said[i + size]) is None for i in starts)
    return False


def agency_unknown(q: Query, previous: Answer | None) -> tuple[str, tuple[str, ...]]:
    """(the pointer, the agencies it may mean) when a question points back to an agency ("Sở đó phối hợp với sở
    nào?") that the conversation does not settle: none was given or named before, or several were.  Such a question
    asks which one was meant instead of being answered about a guessed one; ("", ()) when it has no such pointer or
    it is settled."""
    pointer = agency_pointer(q.text)
    if not pointer:
        return "", ()
    names = _agencies_given(previous)
    if len(names) == 1 or (not names and previous is not None and _named_before(pointer, previous.extra.get("query"))):
        return "", ()
    return pointer, tuple(names)


def in_provinces(context: tuple[str, ...], provinces: tuple[str, ...], directives: Mapping[str, Directive]) -> tuple[str, ...]:
    """The conversation's documents of the provinces a follow-up asks about (all of them when it names none).

    After "Còn Sơn La?" was declined, the conversation is still about Lai Châu's directive, but "Còn năm
    2022?" asks about Sơn La: Lai Châu's series is not what is asked."""
    if not provinces:
        return context
    return tuple(c for c in context if c in directives and directives[c].province in provinces)


def completed_label(before: tuple[tuple[str, str], ...], asked: tuple[tuple[str, str], ...]) -> tuple[tuple[str, str], ...]:
    """A follow-up's labels put in place of the previous clause's: "điểm d" after "mục 6, điểm c" -> "mục 6, điểm d";
    "khoản 3" after "Điều 7" -> "Điều 7, khoản 3".  Labels the follow-up names from the top are kept as asked."""
    nouns = [n for n, _ in before]
    first = asked[0][0]
    if first in nouns:
        return (*before[: nouns.index(first)], *asked)
    if not any(n in nouns for n, _ in asked):
        return (*before, *asked)
    return asked


def other_year(q: Query, before: Query | None) -> bool:
    """Whether an elliptical follow-up names a year of its own and no other scope ("Còn năm 2027?",
    "Năm 2022 thì sao?", "Còn thu ngân sách năm 2022?"): the rest of the scope is the conversation's."""
    if before is None or not q.elliptical or not q.years or q.inherited_years:
        return False
    return q.provinces == before.provinces and not q.unknown_places and not q.numbers


def same_series(
    years: tuple[int, ...], context: tuple[str, ...], directives: Mapping[str, Directive]
) -> tuple[str, ...]:
    """The documents a follow-up for ``years`` is about: those of the conversation that cover the years,
    else the documents of the same kind, issuer and province as the conversation's that cover them."""
    docs = [directives[c] for c in context if c in directives]
    covering = tuple(d.doc_id for d in docs if covers_years(d, years))
    if covering:
        return covering

    def series(d: Directive) -> tuple[str, str, str]:
        return fold(d.doc_type or ""), fold(d.issuer or ""), fold(d.province or "")

    wanted = {series(d) for d in docs}
    return tuple(d.doc_id for d in directives.values() if series(d) in wanted and covers_years(d, years))


def prefer_context(ans: Answer, scoped: Answer, *, margin: float, context: tuple[str, ...] | None = None) -> bool:
    """Whether ``scoped`` (the question answered from the conversation's documents only) replaces ``ans``,
    an answer that asks which document was meant: a document of the conversation must be among the choices
    offered (else the conversation does not say which one was meant), and its answer about as well supported
    as the best of them (within ``margin``).  It is then one answer, or a choice among the conversation's documents."""
    if not ans.clarify or scoped.abstained or not scoped.citations:
        return False
    if context is not None and not any(c.doc_id in context for c in ans.clarify):
        return False
    best = max((c.score for c in ans.citations), default=0.0)
    return max(c.score for c in scoped.citations) >= best - margin


def named_words(q: Query, before: Query | None, clause: str) -> tuple[str, ...]:
    """The words of a follow-up's topic that ``clause`` (the previous answer's) says, when the follow-up asks the
    same thing in another scope ("Còn Lai Châu thì sao?", "Năm 2022?"): how the documents name what is asked.

    Another province's or year's document must answer with a clause naming it too: a clause of that document
    that shares only the question's common words ("phát triển", "xã hội" of "tổng vốn đầu tư phát triển toàn
    xã hội") answers something else.  Empty for any other question (a new one, or one that changes the topic)."""
    if (before is None or not q.elliptical or q.introduced or q.kind.startswith("meta_")
            or fold(q.topic) != fold(before.topic)):
        return ()
    said = set(tokens(expand_abbreviations(clause)))
    # Words an earlier follow-up narrowed the topic with ("riêng các huyện nghèo") are that turn's own case:
    # another province is asked the indicator itself, which the first question named.
    narrowed = set(tokens(before.introduced))
    return tuple(w for w in content_words(q.topic)
                 if tokens(w) and fold(w) not in _NOT_NAMING
                 and all(t in said and t not in narrowed for t in tokens(w)))


def named_pairs(q: Query, named: tuple[str, ...], clause: str, gap: int) -> tuple[str, ...]:
    """The pairs of ``named`` (``named_words``; folded, "binh nguoi") next to each other in the topic that the previous
    answer's ``clause`` said close together (at most ``gap`` syllables between): how that clause named the indicator
    as one phrase ("bình quân đầu người").

    Another document answers the same indicator only with a clause saying them so too: "GRDP bình quân đầu người" is
    not answered by "GRDP … tăng 7,5%; thu nhập bình quân đạt 52,4 triệu đồng/người/năm", which has each word but
    names other indicators with them.  Not for a duty asked ("cơ quan nào theo dõi việc thực hiện"): a clause giving
    several duties at once says the same one with others between ("theo dõi, kiểm tra, đôn đốc việc thực hiện")."""
    if q.kind in ("agency", "duty"):
        return ()
    at = [fold(w).lower() for w in q.topic.split() if w in named]
    said = fold(expand_abbreviations(clause)).lower()
    pairs = (f"{a} {b}" for a, b in itertools.pairwise(at) if a != b and " " not in a + b)
    return tuple(dict.fromkeys(p for p in pairs if near_pattern(p, gap).search(said)))


def unsaid(q: Query, text: str, headings: tuple[str, ...] = ()) -> tuple[str, ...]:
    """The words a follow-up put in place of the previous question's that ``text`` (an answering clause)
    does not say, together as they were typed: "vùng V" is not answered by the clause on "vùng IV", nor
    "hàng siêu trường" by the one on "hàng siêu trọng" under their shared heading, nor "doanh nghiệp nhà
    nước" by a clause that has "doanh nghiệp" here and "nhà nước" there.  Accents count when typed.

    A step of a scale ("giai đoạn 2", "mức 3") is said by a heading too: every item under "b) Giai đoạn 2
    (2029 - 2031)" is of that stage, while a heading shared by two cases names both."""
    if not q.introduced:
        return ()
    accented = has_diacritics(q.introduced)

    def keys(s: str) -> list[str]:
        return [k.lstrip("0") or "0" if k.isdigit() else k for k in tokens(s, accented=accented)]

    def units(s: str) -> set[object]:
        # "Sở TT&TT" says "Sở Thông tin và Truyền thông"; the text as written says the abbreviation beside its
        # neighbours ("GRDP bình quân đầu người", which the expansion "GRDP (tổng sản phẩm …) bình quân" splits)
        found: set[object] = set()
        for words in (keys(expand_abbreviations(s)), keys(s)):
            found |= {*words, *itertools.pairwise(words)}
        return found

    said = units(text)
    above = [units(h) for h in headings]
    missing: list[str] = []
    for run in q.introduced.split(", "):
        run_keys = keys(run)
        pairs = list(itertools.pairwise(run_keys))
        if all(k in said for k in run_keys) and all(p in said for p in pairs):
            continue
        if is_step(run) and (any(all(k in h for k in run_keys) and all(p in h for p in pairs) for h in above)
                             or any(_names_step(run, t) for t in (text, *headings))):
            continue
        missing.append(run)
    return tuple(missing)


def _names_step(step: str, text: str) -> bool:
    """Whether ``text`` names the step ``step`` in any spelling: "Vùng II" names "vung 2", "Mức 03" "mức 3"."""
    asked = step_pattern().fullmatch(fold(step).lower().strip())
    if asked is None:
        return False
    value = step_value(asked.group(2))
    return any(m.group(1) == asked.group(1) and step_value(m.group(2)) == value
               for m in step_pattern().finditer(fold(text).lower()))


def changed(q: Query, before: Query | None) -> bool:
    """Whether a follow-up asks something else than the question before it (topic, kind or scope)."""
    if before is None:
        return False
    fields = ("topic", "kind", "provinces", "years", "numbers")
    return any(getattr(q, f) != getattr(before, f) for f in fields)


Given = tuple[str, frozenset[str], object]  # an answer's words, its clauses, the question as read


def answered_after(ans: Answer, q: Query | None, previous: Answer | None) -> tuple[Given, ...]:
    """The answers the user was given in the last few turns, latest first, each with the question (as read)
    it answered (an abstention adds none)."""
    earlier = tuple(previous.extra.get(_ANSWERED, ())) if previous is not None else ()
    if ans.abstained or not ans.citations:
        return earlier
    now = (ans.answer, frozenset(c.clause_id for c in ans.citations), q)
    return (now, *earlier)[:_HISTORY_TURNS]


def last_answered(previous: Answer | None) -> frozenset[str]:
    """The clauses of the latest answer given in the conversation up to ``previous`` (an abstained turn skipped)."""
    given = previous.extra.get(_ANSWERED, ()) if previous is not None else ()
    return given[0][1] if given else frozenset()


def answered_on(previous: Answer | None, topic: str) -> str:
    """The words the latest answer given in the conversation up to ``previous`` quoted, when it answered ``topic`` (the
    topic a declined turn kept: "Còn Lai Châu?" declined, then "Còn năm 2022?"); "" otherwise."""
    given = previous.extra.get(_ANSWERED, ()) if previous is not None else ()
    if not given or not isinstance(given[0][2], Query) or fold(given[0][2].topic) != fold(topic):
        return ""
    text = given[0][0]
    return text[text.find("“") + 1 : text.rfind("”")] if "“" in text and "”" in text else ""


def repeats(ans: Answer, q: Query, previous: Answer | None) -> bool:
    """Whether ``ans`` is an answer already given in the conversation (the same words from the same clauses)
    to a question that asked something else.

    A follow-up that changed what it asks must never get the previous turn's answer or number, nor, after
    an abstained turn ("Còn giai đoạn 2?"), an answer given before it ("Giai đoạn 3 thì sao?").  A follow-up
    whose change was not understood ("Còn mức 3?" read as the same question) is one too; only a question
    that says again all it asks may get the same answer again.
    """
    if previous is None or ans.abstained or not ans.citations:
        return False
    given = previous.extra.get(_ANSWERED) if _ANSWERED in previous.extra else answered_after(previous, previous.extra.get("query"), None)
    clauses = {c.clause_id for c in ans.citations}
    return any(
        _same_answer(ans.answer, clauses, text, cited)
        and (not isinstance(asked, Query) or changed(q, asked) or not restates(q, asked))
        for text, cited, asked in given
    )


def _short(answer: str) -> str:
    """The short answer before its source ("3,6%" of "3,6%. Theo Chỉ thị …"); "" when it opens with the source."""
    return answer.split(" Theo ", 1)[0] if " Theo " in answer and not answer.startswith("Theo ") else ""


def _same_answer(answer: str, clauses: set[str], text: str, cited: frozenset[str]) -> bool:
    """Whether an answer gives again what ``text`` gave from ``cited``: the same words from the same clauses, or the
    same figure from the same clause or one inside it ("mục 3" quoting what "mục 3, gạch đầu dòng 1" said)."""
    if answer == text and clauses == cited:
        return True
    short = _short(answer)
    return bool(short) and short == _short(text) and any(
        a == b or a.startswith(f"{b}.") or b.startswith(f"{a}.") for a in clauses for b in cited)
