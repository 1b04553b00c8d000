"""Reading a Vietnamese question: its scope (province, year, document) and what kind of answer it wants.

Everything is matched on two keys: the accented text with canonical tone marks
and the accent-folded text, so "son la", "Sơn La" and "Sơn La" with old tone
placement read the same.  Folded matches are only trusted where the user
actually typed without diacritics, so "năm" never reads as the "Nam" of "Hà Nam".
"""

from __future__ import annotations

import itertools
import re
from dataclasses import dataclass, replace
from functools import lru_cache
from typing import Literal, get_args

from bot.places import MERGER_YEAR, PROVINCES, aliases, name_lead, successor
from bot.segments import tokens
from bot.steps import step_pattern
from corpus.lexicon import Lexicon, alternatives, load_lexicon
from corpus.text import canonical_tones, compare_key, fold, has_diacritics, nfc, normalize_spaces, whole_words

__all__ = ["KINDS", "Kind", "Query", "agency_pointer", "clause_labels", "content_words", "followup_phrase", "is_step",
           "read_question", "restates", "with_agency"]

Kind = Literal[
    "target", "agency", "duty", "meta_signer", "meta_date", "meta_number", "meta_title",
    "list", "comparison", "reference", "fact",
    "condition", "duration", "dossier", "definition", "effect", "decider", "clause",
]
KINDS: tuple[Kind, ...] = get_args(Kind)

_YEAR = re.compile(r"(?<![\d/.,])((?:19|20)\d{2})(?![\d/]|\s*[-–]\s*\d{4})")
_RANGE = re.compile(r"(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}")
# The symbol may end in digits: "69/2020/QH14", "89/2025/UBTVQH15" (the legislature's term).
# A part after a hyphen may hold lower case after its first letter: "19/CT-TTg", "QĐ-TTg".
_DOC_NUMBER = re.compile(r"\b(\d{1,4})\s*/\s*(?:(\d{4})\s*/\s*)?([A-ZĐ]{1,8}\d{0,2}(?:-[A-ZĐ0-9][A-Za-zĐđ0-9]{0,9})*)\b")


def _doc_kinds() -> tuple[str, ...]:
    return tuple(sorted(load_lexicon().topic("document_kinds"), key=len, reverse=True))


_PARTIAL_NUMBER = re.compile(
    r"\b(" + "|".join(re.escape(k) for k in _doc_kinds()) + r")\s+(?:số\s+)?(\d{1,4})\s*/\s*(\d{4})\b",
    re.IGNORECASE,
)


_PARTIAL_NUMBER_FOLDED = re.compile(
    r"\b(" + "|".join(re.escape(fold(k)) for k in _doc_kinds()) + r")\s+(?:so\s+)?(\d{1,4})\s*/\s*(\d{4})\b")


def _cues() -> tuple[tuple[str, tuple[tuple[re.Pattern[str], re.Pattern[str] | None], ...]], ...]:
    """Question-kind cues (lexicon), in order: the first kind whose cue matches wins.  Each is (folded,
    accented): a cue written with diacritics ("số mấy", not the "sở" of "lương cơ sở") is matched as written
    on a question typed with them, folded on one typed without."""
    by_kind: dict[str, list[tuple[re.Pattern[str], re.Pattern[str] | None]]] = {}
    for row in load_lexicon().topic("question_cues"):
        pattern = row["pattern"]
        accented = re.compile(canonical_tones(pattern).lower()) if fold(pattern) != pattern.lower() else None
        by_kind.setdefault(row["kind"], []).append((re.compile(fold(pattern)), accented))
    unknown = set(by_kind) - set(KINDS)
    if unknown:
        raise ValueError(f"question_cues.csv names unknown kinds: {sorted(unknown)}")
    return tuple((k, tuple(v)) for k, v in by_kind.items())


_KIND_CUES = _cues()
# Words that only carry the question's form or scope, or only say which kind of answer is wanted.
_FORM_WORDS = frozenset(load_lexicon().topic("question_form_words"))
# Kinds that ask about a document as a whole, not about a case within it
_WHOLE_DOCUMENT_KINDS = frozenset({"meta_signer", "meta_date", "meta_number", "meta_title", "effect", "reference"})
_KIND_WORDS = frozenset(load_lexicon().topic("question_kind_words")) | frozenset(load_lexicon().topic("answer_form_words"))
# Cue positions whose patterns are written with diacritics: "văn bản đó" points back, "văn bản do Bộ X
# ban hành" does not, so they are matched on the accented text and only folded for unaccented input.
_ACCENTED_CUES = ("document", "reference", "asked", "interrogative", "contrast", "agency", "year_pointer",
                  "province_pointer", "demonstrative")


def _followup_cues() -> dict[str, re.Pattern[str]]:
    by_position: dict[str, list[str]] = {}
    for row in load_lexicon().topic("followup_cues"):
        pattern = row["pattern"]
        if row["position"] in _ACCENTED_CUES:
            by_position.setdefault(f"{row['position']}_folded", []).append(f"(?:{fold(pattern)})")
            pattern = canonical_tones(pattern).lower()
        by_position.setdefault(row["position"], []).append(f"(?:{pattern})")
    return {k: re.compile("|".join(v)) for k, v in by_position.items()}


_FOLLOWUP = _followup_cues()


def _cue(position: str, text: str) -> re.Match[str] | None:
    """A follow-up cue of ``position`` ("document", "reference") in the question, accents respected when typed."""
    accented = has_diacritics(text)  # typed without them: only the folded form can be compared
    return _FOLLOWUP[position if accented else f"{position}_folded"].search(compare_key(text, accented))


def _points_at_topic(text: str) -> re.Match[str] | None:
    """A reference cue pointing back to a thing asked about ("chỉ tiêu này", "doanh nghiệp đó"), not one pointing
    back only to a year or province ("năm đó", "tỉnh đó": the scope of the question, not what it asks)."""
    accented = has_diacritics(text)
    key = compare_key(text, accented)
    for position in ("year_pointer", "province_pointer"):
        key = _FOLLOWUP[position if accented else f"{position}_folded"].sub(" ", key)
    return _FOLLOWUP["reference" if accented else "reference_folded"].search(key)


def _points_at_said(text: str, said: str) -> bool:
    """Whether the question points back with a demonstrative to a thing the previous turn said: "Chứng từ đó có giá
    trị bao lâu?" after an answer quoting "Chứng từ tự chứng nhận xuất xứ …".  The two or three words before "đó",
    "này" must be said there together, and say what they are about ("sau đó", "trong đó" point back to nothing asked
    of a document).  Typed without marks, "do", "nay" are other words too: such a question is not read so."""
    if not said or not has_diacritics(text):
        return False
    key, before = compare_key(text, True), compare_key(said, True)
    for m in _FOLLOWUP["demonstrative"].finditer(key):
        words = key[: m.start()].split()
        for size in (3, 2):
            head = words[-size:]
            if len(head) == size and len(_content_words(" ".join(head))) == size and whole_words(
                    " ".join(head)).search(before):
                return True
    return False


_SET_CUES = tuple(re.compile(row["pattern"]) for row in load_lexicon().topic("scope_cues"))
_NATIONWIDE = tuple(load_lexicon().topic("nationwide_cues"))
_NOW = tuple(load_lexicon().topic("now_cues"))


def _says(text: str, cues: tuple[str, ...]) -> bool:
    """Whether the question says one of ``cues`` as whole words, accents respected when typed."""
    accented = has_diacritics(text)
    key = compare_key(text, accented)
    return any(whole_words(compare_key(c, accented)).search(key) for c in cues)


_IN_FORCE_NOW = tuple(load_lexicon().topic("in_force_now_words"))


def _said_as_in_force(text: str) -> str:
    """``text`` with "bây giờ", "lúc này" written as the "hiện nay" they mean (``in_force_now_words.txt``)."""
    accented = has_diacritics(text)
    key = compare_key(text, accented)
    if len(key) != len(text):
        return text
    now = "hiện nay" if accented else "hien nay"
    spans = [m.span() for c in _IN_FORCE_NOW
             for m in whole_words(compare_key(c, accented)).finditer(key)]
    for start, end in sorted(spans, reverse=True):
        typed = text[start:end]
        text = f"{text[:start]}{now.capitalize() if typed[:1].isupper() else now}{text[end:]}"
    return text


def _nationwide(text: str) -> bool:
    """Whether the question asks about the whole country ("cả nước"), accents respected when typed."""
    return _says(text, _NATIONWIDE)
_DEFINITION = re.compile(r"^(?:the nao la |.{0,3})[a-z ]{3,60} la (?:gi|the nao)\s*\??$")


@dataclass(frozen=True)
class Query:
    """A question as the answer layer needs it.

    ``merged`` lists (former province, province it merged into) pairs applied to the scope;
    ``inherited_years`` is true when the years came from the previous question: a follow-up keeps
    them ("Còn Lai Châu?" after a 2022 question asks about Lai Châu in 2022, and is abstained on
    when there is no such document, never answered from another year).  ``same_document``
    is true when the question is about the document the previous answer came from ("Nghị định
    này có hiệu lực khi nào?", "doanh nghiệp đó", or an elliptical follow-up that names no other
    scope); ``refers_to`` is the kind of document such a pointer names ("Nghị định"), if any.
    ``years`` filter the documents; ``content_years`` belong to what is asked ("đến năm 2030") and must stand
    in the answering clause instead; ``years_tied`` is true when the question ties its years to the document
    ("Chỉ thị năm 2024", "năm 2024 của Sơn La"): only untied years may fall back to the clauses that name them.
    ``elliptical`` is true when the question was completed from the previous one ("Còn Lai Châu?");
    ``introduced`` holds the words such a follow-up put in place of the previous question's ("IV" in
    "Còn vùng IV?"): what it asks differently, which its answer must therefore say.  ``pauses`` are the
    syllable pairs (accent-folded) the question separates by punctuation only: no compound word spans them
    ("nguy hiểm, độc hại" → ("hiem", "doc")); a follow-up keeps the previous question's, whose topic it reuses.
    ``named`` holds, for a follow-up asking the same thing in another scope ("Còn Lai Châu thi sao?"), the
    words of its topic that the previous answer's clause said: how the documents name what is asked ("tổng
    vốn đầu tư phát triển toàn xã hội"), which the answering clause must name too (set by the Assistant);
    ``named_pairs`` the syllable pairs of them that clause said side by side ("bình_quân", "đầu_người").
    ``named_places``: places the question says only as part of a body's or a thing's name ("Sở Giao dịch Chứng khoán
    Hà Nội", "thủy điện Sơn La"), which a national document names so: no scope, but what the answer must name.
    ``nationwide``: the question asks about the whole country ("cả nước"), which no provincial document answers.
    ``asked_now``: the question is dated by the moment it is asked ("hôm nay", "tuần này", or "bây giờ" when it names
    no document), which no document answers; "bây giờ" of a question naming its document is read as "hiện nay".
    ``before_year``: "trước năm 2026" asks of documents older than that year (2026 is then no scope year).
    ``clause_ref``: the labels a question addresses a clause by, outermost first, accent-folded ((("dieu", "7"),
    ("khoan", "3")) for "Khoản 3 Điều 7"), when it asks for nothing but that clause (kind "clause").
    """

    text: str
    kind: Kind
    provinces: tuple[str, ...] = ()
    unknown_places: tuple[str, ...] = ()
    named_places: tuple[str, ...] = ()
    years: tuple[int, ...] = ()
    content_years: tuple[int, ...] = ()
    years_tied: bool = False
    numbers: tuple[str, ...] = ()
    doc_types: tuple[str, ...] = ()
    topic: str = ""
    followup: bool = False
    about_set: bool = False
    merged: tuple[tuple[str, str], ...] = ()
    inherited_years: bool = False
    issuers: tuple[str, ...] = ()
    same_document: bool = False
    refers_to: str = ""
    elliptical: bool = False
    introduced: str = ""
    pauses: tuple[tuple[str, str], ...] = ()
    named: tuple[str, ...] = ()
    named_pairs: tuple[str, ...] = ()
    nationwide: bool = False
    asked_now: bool = False
    before_year: int | None = None
    clause_ref: tuple[tuple[str, str], ...] = ()

    @property
    def scoped(self) -> bool:
        return bool(self.provinces or self.years or self.numbers)


def _keys(text: str) -> tuple[str, str]:
    accented = canonical_tones(text).lower()
    return accented, fold(text)


@lru_cache(maxsize=64)
def _place_names(known: tuple[str, ...]) -> tuple[tuple[str, str, str], ...]:
    """Every place name, longest first, with its two keys: the same for every question of one library."""
    return tuple((name, *_keys(name)) for name in sorted(set(PROVINCES) | set(known), key=len, reverse=True))


def _find_places(text: str, known: tuple[str, ...], names: frozenset[str] = frozenset()) -> tuple[list[str], list[str]]:
    """(province names in the text, as the lexicon writes them (aliases resolved); those only said as part of a
    body's or a thing's name).

    ``names``: the "lead|place" pairs the library's national documents write (``places.name_leads``): "Sở Giao dịch
    Chứng khoán Hà Nội", "thủy điện Sơn La" name a body and a work, not the province a question is about."""
    accented, folded = _keys(text)
    found: list[str] = []
    named: list[str] = []
    taken: list[tuple[int, int]] = []
    for name, n_acc, n_fold in _place_names(known):
        for pattern, hay, is_folded in ((n_acc, accented, False), (n_fold, folded, True)):
            if pattern not in hay:
                continue  # (most names: no expression to run)
            for m in whole_words(pattern).finditer(hay):
                span = (m.start(), m.end())
                if any(s < span[1] and span[0] < e for s, e in taken):
                    continue
                if is_folded and fold(text[m.start() : m.end()]) != text[m.start() : m.end()].lower():
                    continue  # typed with diacritics that differ: "năm" is not "Nam"
                taken.append(span)
                place = aliases().get(name, name)
                lead = name_lead(folded[: m.start()]) if names else ""
                if lead and f"{lead}|{fold(place)}" in names:
                    named.append(place)
                else:
                    found.append(place)
    found = list(dict.fromkeys(found))
    return found, [p for p in dict.fromkeys(named) if p not in found]


def _resolve_places(
    found: list[str], years: tuple[int, ...], known: tuple[str, ...]
) -> tuple[tuple[str, ...], tuple[str, ...], tuple[tuple[str, str], ...]]:
    """(provinces the corpus has, those it has not, merger pairs applied).

    A former province asked about only for years after the merger is read as the merged province.
    """
    merged: list[tuple[str, str]] = []
    names: list[str] = []
    for name in found:
        new = successor(name)
        if new and years and min(years) > MERGER_YEAR:
            merged.append((name, new))
            names.append(new)
        else:
            names.append(name)
    known_by_key = {fold(k): k for k in known}
    have, lack = [], []
    for name in dict.fromkeys(names):
        key = fold(name)
        if key in known_by_key:
            have.append(known_by_key[key])
        else:
            lack.append(name)
    return tuple(dict.fromkeys(have)), tuple(lack), tuple(merged)


def _find_years(text: str) -> tuple[int, ...]:
    return tuple(sorted({int(m.group(1)) for m in _year_mentions(text)}))


def _year_mentions(text: str) -> list[re.Match[str]]:
    """Years written alone in the question, on its accent-folded text (positions kept): not those of a date
    ("01/7/2025"), a range ("2021-2025") or a document number ("16/2023/TT-BLĐTBXH")."""
    def blank(m: re.Match[str]) -> str:
        return " " * len(m.group(0))

    cleaned = _RANGE.sub(blank, re.sub(r"\d{1,2}/\d{1,2}/\d{4}", blank, text))
    cleaned = _DOC_NUMBER.sub(blank, cleaned)
    return list(_YEAR.finditer(fold(cleaned)))


YearRole = Literal["content", "document", "plain"]


def _year_cues() -> dict[tuple[str, str, bool], re.Pattern[str]]:
    """(role, position, accented) -> the cues of ``year_cues.toml`` as one expression, longest first: as written
    (lower case, canonical tone marks) and accent-folded."""
    out = {}
    for role, where in load_lexicon().topic("year_cues").items():
        for position in ("before", "after"):
            cues = sorted(where.get(position, ()), key=len, reverse=True)
            for accented in (True, False):
                alts = "|".join(compare_key(c, accented) for c in cues)
                year_word = "năm" if accented else "nam"
                out[(role, position, accented)] = re.compile(
                    (rf"(?:^|\W)(?:{alts})\s+(?:{year_word}\s+)?$" if position == "before"
                     else rf"^\s*(?:{alts})(?!\w)") if alts else r"(?!)"
                )
    return out


_YEAR_CUES = _year_cues()


def _kinds_pattern(accented: bool, *, next_to_year: bool) -> re.Pattern[str]:
    kinds = "|".join(re.escape(compare_key(k, accented)) for k in _doc_kinds())
    tail = (r"\s+(?:năm\s+)?$" if accented else r"\s+(?:nam\s+)?$") if next_to_year else ""
    return re.compile(rf"(?<!\w)(?:{kinds})(?!\w){tail}")


# "Thông tư năm 2021": a kind right before the year names its document, whatever cue its last syllable looks like.
_KINDS = {(a, n): _kinds_pattern(a, next_to_year=n) for a in (True, False) for n in (True, False)}


def _year_roles(text: str, *, places: bool) -> dict[int, YearRole]:
    """What each year of the question is: a "content" year belongs to what is asked ("đến năm 2030", "năm 2030
    đạt …") and never filters the documents; a "document" year is tied to the document (a cue such as "ban hành
    năm", a document kind written before it, or a province named: a provincial directive is named by its
    province and year); a "plain" year is neither, and filters the documents unless none has it."""
    accented = has_diacritics(text)
    key = compare_key(text, accented)
    roles: dict[int, set[YearRole]] = {}
    for m in _year_mentions(text):
        before, after = key[: m.start()], key[m.end() :]

        def cued(role: str, before: str = before, after: str = after) -> bool:
            return bool(_YEAR_CUES[(role, "before", accented)].search(before)
                        or _YEAR_CUES[(role, "after", accented)].search(after))

        if _KINDS[(accented, True)].search(before):
            role: YearRole = "document"
        elif _YEAR_CUES[("content", "before", accented)].search(before) and (accented or not places):
            # Typed without diacritics a cue may be another word's syllable ("trat tu" is "trật tự", not "từ"):
            # a province named then still ties the year to its directive.
            role = "content"
        elif cued("document") or _KINDS[(accented, False)].search(before):
            role = "document"
        elif places:
            role = "document"  # "Năm 2023 Sơn La phấn đấu …": the directive of that year
        elif cued("content"):
            role = "content"
        else:
            role = "plain"
        roles.setdefault(int(m.group(1)), set()).add(role)
    order: tuple[YearRole, ...] = ("document", "plain", "content")
    return {y: next(r for r in order if r in rs) for y, rs in sorted(roles.items())}


def _before_year_pattern(lexicon: Lexicon) -> re.Pattern[str]:
    """ "trước năm 2026" (``year_cues.toml``, ``older_documents``), on the accent-folded question."""
    cues = alternatives(lexicon.topic("year_cues").get("older_documents", {}).get("before", ()), fold)
    return re.compile(rf"(?<!\w)(?:{cues}) (?:nam )?((?:19|20)\d{{2}})(?!\d)")


_BEFORE_YEAR = _before_year_pattern(load_lexicon())


def _before_year(text: str) -> int | None:
    """The year of "trước năm 2026": the documents asked about are older, so it is no scope year itself."""
    m = _BEFORE_YEAR.search(fold(text))
    return int(m.group(1)) if m else None


def _find_numbers(text: str) -> tuple[str, ...]:
    out = []
    for m in _DOC_NUMBER.finditer(text):
        num, year, sym = m.groups()
        out.append(f"{num}/{year}/{sym}" if year else f"{num}/{sym}")
    for m in (*_PARTIAL_NUMBER.finditer(text), *_PARTIAL_NUMBER_FOLDED.finditer(fold(text))):
        out.append(f"{m.group(2)}/{m.group(3)}")  # "nghi dinh 38/2022" typed without marks too
    return tuple(dict.fromkeys(out))


# Each document kind followed by a number ("thong tu so 16/"), folded, longest kind first.
_TIED_TO_NUMBER = tuple((k, re.compile(r"\b" + re.escape(fold(k)) + r"\s+(?:so\s+)?\d{1,4}\s*/")) for k in _doc_kinds())


def _find_doc_types(text: str) -> tuple[str, ...]:
    """Only a type tied to a number ("Thông tư 16/2023") narrows the search; a bare "nghị quyết" does not."""
    folded = fold(text)
    found = []
    for t, tied_to_number in _TIED_TO_NUMBER:
        tied = tied_to_number.search(folded)
        if tied and not any(fold(t) in fold(f) for f in found):
            found.append(t)
    return tuple(found)


def _authorities() -> tuple[tuple[str, re.Pattern[str]], ...]:
    """National issuing authorities (lexicon), each with the pattern of it named as an issuer."""
    rows = [r for r in load_lexicon().topic("authorities") if r.get("level") == "national"]
    kinds = "|".join(re.escape(fold(k)) for k in _doc_kinds())
    out = []
    for r in sorted(rows, key=lambda r: len(r["name"]), reverse=True):
        name = re.escape(fold(r["name"]))
        code = re.escape(fold(r["code"])) if r.get("code") else None
        who = f"(?:{name}|{code})" if code else name
        # "của Bộ Tài chính", "do Chính phủ ban hành", "Thông tư Bộ Tài chính": named as the issuer, not as a subject
        out.append((r["name"], re.compile(rf"(?:\b(?:cua|do)\s+|\b(?:{kinds})\s+){who}(?!\w)")))
    return tuple(out)


_AUTHORITIES = _authorities()


def _find_issuers(folded: str) -> tuple[str, ...]:
    found: list[str] = []
    taken: list[tuple[int, int]] = []
    for name, pattern in _AUTHORITIES:
        for m in pattern.finditer(folded):
            if not any(a < m.end() and m.start() < b for a, b in taken):
                taken.append((m.start(), m.end()))
                found.append(name)
    return tuple(dict.fromkeys(found))


def _classify(folded: str, accented: str | None = None) -> Kind:
    """``accented``: the question lower-cased with canonical marks, when it was typed with diacritics."""
    for kind, cues in _KIND_CUES:
        if any((a.search(accented) if a is not None and accented is not None else f.search(folded)) for f, a in cues):
            return kind  # type: ignore[return-value]
    if _DEFINITION.search(folded):
        return "definition"
    return "fact"


def _hedges() -> re.Pattern[str]:
    words = load_lexicon().topic("question_hedges")
    spelled = alternatives({*words, *(canonical_tones(w) for w in words), *(fold(w) for w in words)})
    return re.compile(rf"(?<!\w)(?:{spelled})\s+(?=(?:bao\s+nhiêu|bao\s+nhieu|mấy|may)(?!\w))", re.IGNORECASE)


_HEDGE = _hedges()


def _clause_ref_patterns() -> dict[str, re.Pattern[str]]:
    """The label patterns: for accented text (nouns as spelt), for text typed without diacritics (folded),
    and folded with the nouns a scale noun shares ("all").

    Folded, a clause noun that is also a scale noun ("muc": "mục 3" or "mức 3", lexicon scale_nouns.txt) says
    neither alone; beside another label ("diem d muc 6") it is the clause's."""
    lex = load_lexicon()
    nouns = lex.topic("clause_nouns")
    scales = {fold(n) for n in lex.topic("scale_nouns")}
    value = r"(\d{1,3}[a-z]?|[ivxlc]{1,6}(?:\.\d{1,3})*|[a-zđ])(?!\w)"

    def pattern(alts: str) -> re.Pattern[str]:
        return re.compile(rf"(?<!\w)({alts})\s+{value}")

    return {"spelt": pattern(alternatives(canonical_tones(n).lower() for n in nouns)),
            "folded": pattern(alternatives(fold(n) for n in nouns if fold(n) not in scales)),
            "all": pattern(alternatives(fold(n) for n in nouns))}


_CLAUSE_REF = _clause_ref_patterns()
_CLAUSE_NOUNS = tuple(fold(n) for n in load_lexicon().topic("clause_nouns"))
_CLAUSE_ASKS = tuple(fold(w) for w in load_lexicon().topic("clause_question_words"))


def _label_pattern(text: str) -> tuple[re.Pattern[str], str]:
    """The pattern ``text`` is read with, and ``text`` as it compares."""
    if has_diacritics(text):
        return _CLAUSE_REF["spelt"], compare_key(text, True)
    key = fold(text)
    return (_CLAUSE_REF["all"] if _CLAUSE_REF["folded"].search(key) else _CLAUSE_REF["folded"]), key


def clause_labels(label: str) -> tuple[tuple[str, str], ...]:
    """A label as (noun, value) pairs, outermost first: "Điều 7, khoản 3" -> (("dieu", "7"), ("khoan", "3"));
    "mục 03" -> (("muc", "3"),).  Nouns are accent-folded; "đ" stays a letter of its own ("điểm đ" is not
    "điểm d").  A question typed with diacritics is read as spelt ("mức 3" is a step of a scale, not "mục 3")."""
    pattern, key = _label_pattern(label)
    return tuple((fold(m.group(1)), m.group(2).lstrip("0") or "0") for m in pattern.finditer(key))


def _clause_ref(topic: str) -> tuple[tuple[str, str], ...]:
    """The labels a question names when it asks for nothing but that clause ("Điều 5 quy định gì?"), outermost
    first; empty when it also asks about something ("Khoản 3 Điều 7 quy định mức phí bao nhiêu?")."""
    found = clause_labels(topic)
    if not found:
        return ()
    pattern, key = _label_pattern(topic)
    rest = fold(pattern.sub(" ", key))
    for w in sorted(_CLAUSE_ASKS, key=len, reverse=True):
        rest = whole_words(w).sub(" ", rest)
    rest = re.sub(rf"(?<!\w)(?:{alternatives(fold(k) for k in _doc_kinds())})(?!\w)", " ", rest)
    if _content_words(_strip_followup(rest)):
        return ()
    order = {n: i for i, n in enumerate(_CLAUSE_NOUNS)}
    return tuple(sorted(found, key=lambda p: order.get(p[0], len(order))))


def _topic(text: str, provinces: tuple[str, ...], unknown: tuple[str, ...], named: tuple[str, ...] = ()) -> str:
    """The question without its scope (places, years, document numbers) and without the hedge on its amount
    ("tăng khoảng bao nhiêu"): what the answer is about.  A place said only as part of a name (``named``: "Sở Giao
    dịch Chứng khoán Hà Nội") stays: it is what is asked about."""
    t = _HEDGE.sub(" ", _DOC_NUMBER.sub(" ", text))
    kept = {fold(n) for n in named} - {fold(n) for n in (*provinces, *unknown)}
    kept_names = alternatives(v for n in PROVINCES if fold(aliases().get(n, n)) in kept for v in (n, canonical_tones(n)))

    def strip(m: re.Match[str]) -> str:
        # "Thái Bình" inside the "Bình Dương" of "xuyên Thái Bình Dương" is part of that name as well
        spans = [k.span() for k in re.finditer(rf"(?<!\w)(?:{kept_names})(?!\w)", t, re.IGNORECASE)] if kept else []
        return m.group(0) if any(a < m.end() and m.start() < b for a, b in spans) else " "

    for name in sorted({*provinces, *unknown, *PROVINCES}, key=len, reverse=True):
        for variant in {name, canonical_tones(name)}:
            t = whole_words(variant, re.IGNORECASE).sub(strip, t)
    for name in (*provinces, *unknown):
        t = whole_words(fold(name), re.IGNORECASE).sub(" ", t)
    t = re.sub(r"(?:19|20)\d{2}", " ", t)
    t = re.sub(r"[?!.,;:\"“”()]", " ", t)
    return " ".join(t.split())


def _content_words(topic: str) -> list[str]:
    """The words of a topic that say what it is about (not its form, kind or scope)."""
    return [w for w in fold(topic).split() if w not in _FORM_WORDS and w not in _KIND_WORDS and not w.isdigit()]


def content_words(topic: str) -> list[str]:
    """The words of ``topic`` as written that say what it is about (not its form, kind or scope)."""
    return [w for w in topic.split() if _content_words(w)]


def _strip_followup(topic: str) -> str:
    """"Còn Sở Nội vụ thì sao" -> "Sở Nội vụ": the follow-up markers are not the topic."""
    words = topic.split()
    folded = [fold(w) for w in words]
    start = _FOLLOWUP["start"].match(" ".join(folded))
    if start:
        n = len(start.group(0).split())
        words, folded = words[n:], folded[n:]
    # "Nếu bị khiển trách thì sao?": the conjunction opening a condition says how the case is asked, not what it is
    lead = _FOLLOWUP["condition"].match(" ".join(folded))
    if lead:
        n = len(lead.group(0).split())
        words, folded = words[n:], folded[n:]
    end = _FOLLOWUP["end"].search(" ".join(folded))
    if end:
        n = len(end.group(0).split())
        words = words[: len(words) - n]
    return " ".join(words)


def _replace_in(before: str, own: str) -> str:
    """``before`` with the words ``own`` changes replaced, or "" when ``own`` shares no content word with it.

    "Còn vùng IV?" after "mức lương tối thiểu vùng I theo Nghị định 38" asks the minimum wage of region IV;
    "Còn hàng siêu trường?" after "hàng hóa siêu trọng … có trọng lượng bao nhiêu" asks of "hàng hóa siêu
    trường".  The words both share anchor the replacement; new words before the first and after the last
    shared word replace as many words of ``before`` there, never its form words ("là bao nhiêu").
    """
    from difflib import SequenceMatcher

    old_words, new_words = before.split(), own.split()
    while new_words and fold(new_words[0]) in _FORM_WORDS:  # "Năm [2020] thì mức giảm trừ …": form, not topic
        new_words = new_words[1:]
    while new_words and fold(new_words[-1]) in _FORM_WORDS:
        new_words = new_words[:-1]
    # typed with diacritics on both sides, words are shared as spelt: "gia" of "quốc gia" is not "giá" of "giá trị"
    accented = has_diacritics(before) and has_diacritics(own)
    old_keys, new_keys = [compare_key(w, accented) for w in old_words], [compare_key(w, accented) for w in new_words]
    blocks = [b for b in SequenceMatcher(None, old_keys, new_keys, autojunk=False).get_matching_blocks() if b.size]
    if not any(_content_words(fold(" ".join(old_keys[b.a : b.a + b.size]))) for b in blocks):
        return ""
    first, last = blocks[0], blocks[-1]
    # A step the previous question was narrowed to ("vùng III") stays when the follow-up names none: "Mức lương tối
    # thiểu giờ thì sao?" after "… vùng III …" asks the hourly wage of region III, "giờ" does not replace "vùng".
    kept = set() if step_pattern().search(fold(own)) else _step_words(old_words)

    def replaced(old: list[int], new: int) -> int:
        """How many of the words at ``old`` (nearest first) ``new`` words replace: never the asking words ("là bao
        nhiêu"), nor a step kept."""
        n = 0
        while n < new and n < len(old) and not _cue("asked", old_words[old[n]]) and old[n] not in kept:
            n += 1
        return n

    head = old_words[: first.a]
    out = head[: len(head) - replaced(list(range(first.a - 1, -1, -1)), first.b)] + new_words[: first.b]
    for this, after in zip(blocks, [*blocks[1:], None], strict=True):
        out += old_words[this.a : this.a + this.size]
        if after is not None:
            between = new_words[this.b + this.size : after.b]
            out += between or old_words[this.a + this.size : after.a]  # words left out are kept ("hàng [hóa]")
    tail_new = new_words[last.b + last.size :]
    tail_old = old_words[last.a + last.size :]
    return " ".join([*out, *tail_new, *tail_old[replaced(list(range(last.a + last.size, len(old_words))), len(tail_new)) :]])


def _contrast_sets() -> tuple[tuple[tuple[str, ...], tuple[tuple[str, ...], ...]], ...]:
    """The sets of cases that exclude one another (lexicon contrast_sets.txt): (heads, cases), a case its spellings."""
    out = []
    for line in load_lexicon().topic("contrast_sets"):
        head, colon, rest = line.rpartition(":")
        heads = tuple(h.strip() for h in head.split("|")) if colon else ()
        out.append((heads, tuple(tuple(x.strip() for x in c.split("|")) for c in rest.split("/"))))
    return tuple(out)


_CONTRAST_SETS = _contrast_sets()


def _case_spans(words: list[str], spellings: tuple[str, ...], accented: bool) -> list[tuple[int, int]]:
    """Where one of ``spellings`` (a case, several words maybe) stands in ``words`` (each as ``compare_key`` spells it)."""
    out = []
    for spelt in spellings:
        case = compare_key(spelt, accented).split()
        out += [(i, i + len(case)) for i in range(len(words) - len(case) + 1) if words[i : i + len(case)] == case]
    return out


def _other_case(before: str, own: str) -> tuple[str, str] | None:
    """(``before`` with the case ``own`` names put in place of the case of the same set it named, that case as typed):
    "Còn bị khiển trách?" after "Công chức bị kỷ luật giáng chức thì bị kéo dài … bao lâu?" asks the same of the
    reprimand (lexicon contrast_sets.txt: the forms of discipline exclude one another), not of "khiển trách giáng chức".
    None when ``own`` names no other case of a set ``before`` names, or says more than the case (words of its own)."""
    accented = has_diacritics(before) and has_diacritics(own)
    old_words, new_words = before.split(), own.split()
    old_keys, new_keys = [compare_key(w, accented) for w in old_words], [compare_key(w, accented) for w in new_words]
    for heads, cases in _CONTRAST_SETS:
        head_keys = [compare_key(h, accented).split() for h in heads]

        def headed(keys: list[str], at: int, head_keys: list[list[str]] = head_keys) -> bool:
            return not head_keys or any(keys[max(0, at - len(h)) : at] == h for h in head_keys)

        old = {(i, span) for i, c in enumerate(cases) for span in _case_spans(old_keys, c, accented)
               if headed(old_keys, span[0])}
        new = {(i, span) for i, c in enumerate(cases) for span in _case_spans(new_keys, c, accented)}
        if len({i for i, _ in old}) != 1 or len({i for i, _ in new}) != 1 or {i for i, _ in old} == {i for i, _ in new}:
            continue
        (_, (a, b)), (_, (c, d)) = min(old, key=lambda x: x[1]), min(new, key=lambda x: x[1])
        said = set(old_keys) | {k for h in head_keys for k in h}
        if any(_content_words(fold(k)) and k not in said for k in new_keys[:c] + new_keys[d:]):
            return None  # words of its own besides the case: not only the case put in place
        case = " ".join(new_words[c:d])
        return " ".join([*old_words[:a], case, *old_words[b:]]), case
    return None


def _step_words(words: list[str]) -> set[int]:
    """The positions of the words that name a step of a scale ("vùng", "III" of "vùng III") among ``words``."""
    starts = list(itertools.accumulate((len(w) + 1 for w in words), initial=0))
    out: set[int] = set()
    for m in step_pattern().finditer(fold(" ".join(words))):
        out |= {i for i, (a, b) in enumerate(itertools.pairwise(starts)) if a < m.end() and m.start() < b - 1}
    return out


_PERIODS = frozenset(fold(w) for w in load_lexicon().topic("rate_periods"))


def _other_period(before: str, own: str) -> tuple[str, str] | None:
    """(``before`` with its period put in place, the period) when a follow-up asks the same per another period
    ("Còn một tháng?" after "… làm thêm tối đa bao nhiêu giờ một năm": the hours per month): its words are a period
    and the words leading it, which ``before`` says before a period of its own ("một năm").  None otherwise."""
    words, old = own.split(), before.split()
    if not words or fold(words[-1]) not in _PERIODS:
        return None
    lead = [fold(w) for w in words[:-1]]
    if _content_words(" ".join(words[:-1])):
        # "Còn lương tháng?" after "Mức lương tối thiểu giờ …": the words leading the period are those that ``before``
        # says before its own period, in order ("lương [tối thiểu] giờ"), and name nothing new
        keys = [fold(w) for w in old]

        def leads(i: int) -> bool:
            rest = iter(keys[:i])
            return all(w in rest for w in lead)

        at = [i for i in range(len(old)) if keys[i] in _PERIODS and keys[i] != fold(words[-1]) and leads(i)]
        return (" ".join([*old[: at[-1]], words[-1], *old[at[-1] + 1 :]]), words[-1]) if len(at) == 1 else None
    at = [i for i in range(len(lead), len(old))
          if fold(old[i]) in _PERIODS and [fold(w) for w in old[i - len(lead) : i]] == lead and fold(old[i]) != fold(words[-1])]
    if not lead or not at:
        return None
    i = at[-1]
    return " ".join([*old[:i], words[-1], *old[i + 1 :]]), words[-1]


def _without(text: str, spans: list[re.Match[str]]) -> str:
    """``text`` without the spans matched on its folded form (same length: folding keeps every character)."""
    for m in reversed(spans):
        text = f"{text[: m.start()]} {text[m.end():]}"
    return text


_IN_FORCE_NOW_READ = re.compile(r"(?<!\w)hien nay(?!\w)")


def _without_now(words: str) -> str:
    """``words`` without "hiện nay" ("bây giờ", "lúc này" as read, ``_said_as_in_force``)."""
    return " ".join(_without(words, list(_IN_FORCE_NOW_READ.finditer(fold(words)))).split())


_NUMBER_REMNANT = re.compile(r"\S*\d\S*/\S*|\S*/\S*\d\S*|/\S+")  # "38/", "/nd-cp" left of a number typed lower-case


def _without_documents(words: str, kinds: tuple[str, ...]) -> str:
    """``words`` without the documents the question names by kind and number ("Nghị định" of "Còn Nghị định
    38/2022/NĐ-CP?", whose number is already read as its scope), and what is left of their numbers ("38/ /nd-cp"
    typed lower-case, "số").  A document so named is where the question asks, not what it asks about: "Còn Thông tư
    157/2025/TT-BTC?" after "Ai ký?" asks the same of that circular."""
    if not kinds:
        return words
    said = words.split()
    folded = [fold(w).lower() for w in said]
    drop: set[int] = set()
    for kind in kinds:
        k = fold(kind).lower().split()
        for i in range(len(folded) - len(k) + 1):
            if folded[i : i + len(k)] == k:
                drop |= set(range(i, i + len(k)))
                if i + len(k) < len(folded) and folded[i + len(k)] == "so":
                    drop.add(i + len(k))
    drop |= {i for i, w in enumerate(said) if _NUMBER_REMNANT.fullmatch(w)}
    return " ".join(w for i, w in enumerate(said) if i not in drop)


def is_step(phrase: str) -> bool:
    """Whether ``phrase`` names one step of a scale and nothing else ("giai đoạn 2", "mức 3", "vùng IV")."""
    return step_pattern().fullmatch(fold(phrase).strip()) is not None


def followup_phrase(q: Query) -> str:
    """What a follow-up says in its own words, without its markers ("Còn hàng siêu trường?" -> "hàng siêu trường")."""
    return _without_now(_strip_followup(_topic(q.text, q.provinces, q.unknown_places, q.named_places)))


def restates(q: Query, before: Query) -> bool:
    """Whether ``q`` as typed says again everything ``before`` asked (the same question re-asked, or an earlier
    one come back to), rather than leaving words out for the conversation to fill in ("Còn mức 3?")."""
    said = {w for w in fold(followup_phrase(q)).split() if w not in _FORM_WORDS and w not in _KIND_WORDS}
    wanted = {w for w in fold(before.topic).split() if w not in _FORM_WORDS and w not in _KIND_WORDS}
    return bool(wanted) and wanted <= said and q.numbers == before.numbers


def agency_pointer(text: str) -> str:
    """The pointer back to an agency a question says ("Sở đó", "cơ quan này"), as typed; "" when it has none, or when
    it is part of a pointer to a document ("van ban nay" typed without marks is no "ban này")."""
    accented = has_diacritics(text)
    key = compare_key(text, accented)
    m = _FOLLOWUP["agency" if accented else "agency_folded"].search(key)
    if m is None:
        return ""
    document = _FOLLOWUP["document" if accented else "document_folded"].search(key)
    if document is not None and document.start() < m.end() and m.start() < document.end():
        return ""
    return text[m.start() : m.end()]


def with_agency(q: Query, agency: str) -> Query:
    """``q`` with the agency its pointer ("Sở đó", "cơ quan này") points back to put in its place: "Sở đó phối hợp
    với sở nào?" asks with whom "Sở Thông tin và Truyền thông" works, the clause where that agency acts; unchanged
    when it has no such pointer."""
    accented = has_diacritics(q.topic)
    m = _FOLLOWUP["agency" if accented else "agency_folded"].search(compare_key(q.topic, accented))
    if m is None or not agency or not agency_pointer(q.text):
        return q
    return replace(q, topic=f"{q.topic[: m.start()]}{agency}{q.topic[m.end():]}")


def _kind_named(pointer: re.Match[str] | None) -> str:
    """The kind of document a pointer names ("Nghị định" in "nghị định này"); "" for "văn bản này"."""
    if pointer is None:
        return ""
    said = fold(pointer.group(0))
    for kind in _doc_kinds():  # longest first: "bộ luật" before "luật"
        if whole_words(fold(kind)).search(said):
            return kind
    return ""


def _agency_in(text: str) -> str | None:
    from corpus.facts import find_agencies

    found = find_agencies(text)
    return found[0].name if found else None


def _about_set(kind: str, folded: str, provinces: tuple[str, ...], years: tuple[int, ...]) -> bool:
    """A question about several documents at once (one indicator across years or provinces)."""
    return kind == "comparison" or len(years) > 1 or len(provinces) > 1 or any(c.search(folded) for c in _SET_CUES)


# Where a phrase of a question ends: a comma, semicolon, colon, stop or bracket (not inside "13.000", "2,5").
_PUNCTUATION = re.compile(r"[,;:.!?…](?!\d)|[()\[\]“”\"]")


def _pauses(text: str) -> tuple[tuple[str, str], ...]:
    """Syllables (folded) that follow each other in ``text`` only across a punctuation mark."""
    parts = [[fold(w) for w in re.findall(r"[^\W_]+", p)] for p in _PUNCTUATION.split(text)]
    joined = {pair for p in parts for pair in itertools.pairwise(p)}
    return tuple(dict.fromkeys((a[-1], b[0]) for a, b in itertools.pairwise(parts) if a and b and (a[-1], b[0]) not in joined))


def _iy_spellings() -> tuple[re.Pattern[str], dict[str, str]]:
    """The syllables typed with a final "i" that the documents write with "y" (lexicon iy_spellings.txt)."""
    pairs = {typed: written for typed, written in (line.split() for line in load_lexicon().topic("iy_spellings"))}
    return re.compile(rf"(?<![\w-])(?:{alternatives(pairs)})(?![\w-])", re.IGNORECASE), pairs


_IY, _IY_WRITTEN = _iy_spellings()


def documents_spelling(text: str) -> str:
    """``text`` with the i/y syllables spelled as the documents spell them: "Ai kí …" -> "Ai ký …", "tỉ lệ" ->
    "tỷ lệ" (both spellings are correct Vietnamese).  An all-capital word ("TI") is an abbreviation, left alone."""

    def respell(m: re.Match[str]) -> str:
        word = m.group(0)
        if len(word) > 1 and word.isupper():
            return word
        written = _IY_WRITTEN[word.lower()]
        return written[:1].upper() + written[1:] if word[:1].isupper() else written

    return _IY.sub(respell, text)


def read_question(text: str, *, known_provinces: tuple[str, ...] = (), previous: Query | None = None,
                  names: frozenset[str] = frozenset(), said: str = "") -> Query:
    """Read scope and kind; with ``previous``, an elliptical follow-up keeps what it does not change.
    ``names``: the "lead|place" names of the library's national documents (``places.name_leads``); ``said``: the
    words the previous answer quoted, which a demonstrative may point back to ("chứng từ đó").

    A question with its own topic is a new question: it inherits nothing (neither topic, kind nor
    scope) from the previous one, so an unrelated question never gets the previous answer.
    """
    typed = documents_spelling(" ".join(normalize_spaces(nfc(text)).split()))
    text = _said_as_in_force(typed)
    places, named_places = _find_places(text, known_provinces, names)
    roles = _year_roles(text, places=bool(places))
    # "trước năm 2026" asks of documents older than 2026 (``before_year``): neither a scope year nor one the
    # answering clause must name
    before = _before_year(text)
    years = tuple(y for y, r in roles.items() if r != "content" and y != before)
    content_years = tuple(y for y, r in roles.items() if r == "content" and y != before)
    numbers = _find_numbers(text)
    if numbers and all(re.search(r"/\d{4}(?:/|$)", n) for n in numbers) and not places:
        years = ()  # a document named by its number needs no year ("… hết hiệu lực nghị định nào năm 2000")
    provinces, unknown, merged = _resolve_places(places, years, known_provinces)
    folded = fold(text)
    kind = _classify(folded, canonical_tones(text).lower() if folded != text.lower() else None)
    if kind == "target" and len(years) > 1 and not provinces:
        kind = "comparison"
    topic = _topic(text, provinces, unknown, tuple(named_places))
    clause_ref = _clause_ref(topic)
    if clause_ref:
        kind = "clause"
    query = Query(
        text=text,
        kind=kind,
        provinces=provinces,
        unknown_places=unknown,
        years=years,
        content_years=content_years,
        years_tied=bool(years) and all(roles[y] == "document" for y in years),
        numbers=_find_numbers(text),
        doc_types=_find_doc_types(text),
        topic=topic,
        named_places=tuple(named_places),
        about_set=_about_set(kind, folded, provinces, years),
        merged=merged,
        issuers=_find_issuers(folded),
        pauses=_pauses(text),
        nationwide=_nationwide(text),
        asked_now=_says(text, _NOW) or (text != typed and not (_find_numbers(text) or _cue("document", text))),
        before_year=before,
        clause_ref=clause_ref,
    )
    if previous is None:
        return query
    # "Năm đó tỉnh nào làm cụm trưởng?", "Tỉnh đó đặt chỉ tiêu thu ngân sách bao nhiêu?": the year or province pointed
    # back to is the previous question's, whatever else the question asks
    # A pointer keeps the rest of the scope the question leaves unsaid: "Tỉnh đó …" after a question on Sơn La in
    # 2022 asks of Sơn La in 2022 (not of every year), "Năm đó …" after one on Lai Châu asks of Lai Châu.
    pointing = bool(_cue("year_pointer", text) or _cue("province_pointer", text))
    pointed_years = previous.years if pointing and not years and not before else ()
    pointed_places = previous.provinces if pointing and not (provinces or unknown) else ()
    if pointed_years or pointed_places:
        years, provinces = years or pointed_years, provinces or pointed_places
        query = replace(query, years=years, provinces=provinces,
                        years_tied=query.years_tied if query.years else previous.years_tied,
                        inherited_years=bool(pointed_years) and not _cue("year_pointer", text),
                        # typed without marks, "nam nay" is also "năm nay" (this year): no sure pointer back
                        followup=has_diacritics(text),
                        about_set=_about_set(kind, folded, provinces, years))
    pointer = _cue("document", text)
    if ((pointer or _cue("reference", text) or _points_at_said(text, f"{previous.text} {said}"))
            and not (query.numbers or provinces or unknown)):
        # "Nghị định này thay thế nghị định nào?", "Người đại diện của doanh nghiệp đó cần …": its own topic
        # and kind, asked of the document the conversation is about.
        return replace(query, followup=True, same_document=True, refers_to=_kind_named(pointer))
    # "Lai Châu năm 2023 đặt chỉ tiêu này là bao nhiêu?": the thing pointed back to ("chỉ tiêu này") is the one just
    # asked about, asked again in the scope the question names; the question's other words only say how it is asked.
    # "Tỉnh đó đặt chỉ tiêu thu ngân sách bao nhiêu?" points back to a province only: its scope, not its topic, is
    # the previous question's, and "thu ngân sách" is what it asks (not the income asked before).
    pointed = bool(_points_at_topic(text)) and not query.numbers and bool(provinces or unknown or years)
    marked = pointed or bool(_FOLLOWUP["start"].search(folded) or _FOLLOWUP["end"].search(folded))
    # "Bây giờ vùng II thì sao?": "now" (read as "hiện nay") asks the rule in force of what the conversation is about,
    # it names nothing to put in place of the previous question's words
    own = _without_documents(_without_now(_strip_followup(query.topic)), query.doc_types)
    content = [] if pointed else _content_words(own)
    steps = list(step_pattern().finditer(fold(own)))
    # "Vùng I thì bao nhiêu?": a step alone names no topic; it asks the conversation's question of that step
    marked = marked or (bool(steps) and not _content_words(_without(own, steps)))
    labelled = {x.group(1) for x in step_pattern().finditer(fold(previous.topic))}
    # "Còn mức 3?", and "Còn giai đoạn 2?" after a question that named its stage by years only: the step's own
    # words ("giai đoạn") are no topic of their own.  A step the previous question named by its label too ("vùng I"
    # then "Còn vùng IV?") is replaced word for word below.
    step_only = (bool(steps) and not pointed and not _content_words(_without(own, steps))
                 and (not content or not any(m.group(1) in labelled for m in steps)))
    # "Năm 2020 thì mức giảm trừ là bao nhiêu?" after a question on "mức giảm trừ gia cảnh": a new scope for
    # the same topic, restated in fewer words, is a follow-up; a topic of its own is a new question.
    restated = (query.scoped or bool(unknown)) and set(content) <= set(_content_words(previous.topic))
    if content and not marked and not restated:
        return query  # its own topic: a new question
    # "Còn Lai Châu xác định trọng tâm phát triển gì?", "Vậy ai được ký thay kế toán trưởng?": the marker only sets
    # the question against the previous one; with words of its own and its own asking word ("gì", "bao lâu") it is
    # whole, and asks its own topic and kind (only the scope it leaves unsaid is the conversation's).
    # "Còn theo Hiệp định EVFTA thì thuế suất bao nhiêu?" is not: "Còn A thì B?" sets A in place of what the previous
    # question asked about, and B asks that question again.
    whole = (marked and not pointed and not step_only and bool(content) and not restated
             and _cue("interrogative", own) is not None and _cue("contrast", own) is None)
    # "Nếu hạn nhận báo cáo rơi vào ngày nghỉ lễ thì sao?" after "Nghị định … thay thế nghị định nào?": a question about
    # the document as a whole (its signer, date, effect, legal basis) has no case the follow-up's own words could stand
    # in for; they ask something of their own, of the same document.
    # "Còn theo Hiệp định EVFTA thì thuế suất bao nhiêu?" asks again what an earlier question asked ("Còn A thì B?").
    whole = whole or (marked and not pointed and not step_only and bool(content) and not restated
                      and previous.kind in _WHOLE_DOCUMENT_KINDS and kind not in _WHOLE_DOCUMENT_KINDS
                      and _cue("interrogative", own) is None)
    if kind.startswith("meta_") and query.scoped and not marked:
        return query  # "Ai ký Chỉ thị 01/CT-UBND năm 2024 của Sơn La?" is whole on its own
    if not content and not marked and not (query.scoped or unknown or kind != "fact"):
        return query  # nothing to read against ("Cảm ơn"): treated on its own
    # An elliptical follow-up: what it names replaces, what it leaves out is kept.
    # A label question's kind is its label's: a follow-up naming none asks something of its own ("fact").
    new_kind: Kind = previous.kind if kind == "fact" and previous.kind != "clause" and not whole else kind
    introduced = ""
    if step_only:
        # "Còn mức 3?" after "Mức 1 bồi dưỡng … là bao nhiêu?": the step asked in place of the previous one
        topic = previous.topic
        for m in steps:
            typed = own[m.start() : m.end()]
            old = next((x for x in step_pattern().finditer(fold(topic)) if x.group(1) == m.group(1)), None)
            # else the scale's noun left bare ("Giai đoạn [2026 - 2028]" without its years), else first: after
            # the last word it would read as narrowing that word ("bồi dưỡng giai đoạn")
            old = old or whole_words(m.group(1)).search(fold(topic))
            topic = f"{topic[: old.start()]}{typed}{topic[old.end():]}" if old else f"{typed} {topic}"
        introduced = ", ".join(own[m.start() : m.end()] for m in steps)
    elif not content and (period := _other_period(previous.topic, own)) is not None:
        topic, introduced = period  # "Còn một năm?" after "… bao nhiêu giờ một tháng?" ("năm" is no topic word)
    elif not content:
        topic = previous.topic if new_kind == previous.kind else f"{previous.topic} {own}".strip()
        if query.doc_types and len(query.doc_types) == 1:
            # "Còn Nghị định 38/2022/NĐ-CP?" after "Nghị quyết … có hiệu lực từ ngày nào?": the decree's date, asked
            # as of a decree
            for kind in previous.doc_types:
                topic = whole_words(kind, re.IGNORECASE).sub(query.doc_types[0], topic)
    else:
        old_agency, new_agency = _agency_in(previous.topic), _agency_in(own)
        case = None if whole or new_kind != previous.kind or new_kind == "clause" else _other_case(previous.topic, own)
        if whole or new_kind != previous.kind or new_kind == "clause":
            # "Còn Sở Nội vụ được giao việc gì?" after "… giao sở nào chủ trì …": a question of another kind in its
            # own words, about the same scope; the previous question's words would only blur it.  A label ("Còn
            # điểm e?") is always asked on its own.
            topic = own
            introduced = new_agency or ""
        elif case is not None:
            topic, introduced = case  # "Còn bị khiển trách?" after "… bị kỷ luật giáng chức …"
        elif old_agency and new_agency and old_agency in previous.topic:
            topic = previous.topic.replace(old_agency, new_agency)  # "Còn Sở Thông tin và Truyền thông thì sao?"
            introduced = new_agency if fold(new_agency) != fold(old_agency) else ""
        elif (period := _other_period(previous.topic, own)) is not None:
            topic, introduced = period  # "Còn một tháng?" after "… bao nhiêu giờ một năm?"
        else:
            topic = _replace_in(previous.topic, own) or own
            kept = set(fold(previous.topic).split())
            runs: list[list[int]] = [[]]
            words = own.split()
            for i, w in enumerate(words):  # runs of new words, said together: "doanh nghiệp nhà nước", not apart
                new = fold(w) not in kept and (_content_words(w) or w.isdigit())
                # a word spelled like a kind word ("hộ", folded "ho" as in "hồ sơ") opening new words is one of them,
                # and one closing them ("trách" of "khiển trách", folded as in "trách nhiệm")
                leads = (fold(w) not in kept and fold(w) in _KIND_WORDS and i + 1 < len(words)
                         and fold(words[i + 1]) not in kept and bool(_content_words(words[i + 1])))
                trails = (fold(w) not in kept and fold(w) in _KIND_WORDS and bool(tokens(w)) and bool(runs[-1])
                          and runs[-1][-1] == i - 1)
                if new or leads or trails:
                    runs[-1].append(i)
                elif runs[-1]:
                    runs.append([])
            # a step's label is read with its noun ("vùng 2", said as "Vùng II" by the table, not a bare "2")
            at_step = _step_words(words)
            for r in runs:
                while r and r[0] - 1 in at_step:
                    r.insert(0, r[0] - 1)
                while r and r[-1] + 1 in at_step:
                    r.append(r[-1] + 1)
            if not has_diacritics(own):
                # one syllable typed without marks names little ("doi": "đổi", "đối", "đội"): it is read with the word
                # it was typed beside ("cap doi"), which the answer must say with it
                runs = [([r[0] - 1, *r] if r[0] > 0 else [*r, r[0] + 1] if r[0] + 1 < len(words) else r)
                        if len(r) == 1 else r for r in runs]
            introduced = ", ".join(" ".join(words[i] for i in r) for r in runs if r)
            if not introduced and previous.introduced and set(fold(previous.introduced).split()) <= set(fold(own).split()):
                introduced = previous.introduced  # "Còn hộ kinh doanh thì sao?" asked again: still about them
    provinces_now = provinces or (() if unknown else previous.provinces)
    years_now = years or (() if before else previous.years)  # "Trước năm 2026?" replaces the year asked
    return replace(
        previous,
        text=text,
        kind=new_kind,
        provinces=provinces_now,
        unknown_places=unknown,
        named_places=tuple(dict.fromkeys((*query.named_places,
                                          *(p for p in previous.named_places if fold(p) in fold(topic))))),
        years=years_now,
        content_years=query.content_years,
        years_tied=query.years_tied if years else previous.years_tied,
        numbers=query.numbers or (previous.numbers if not (provinces or years or unknown) else ()),
        doc_types=query.doc_types or (previous.doc_types if not (provinces or years or unknown) else ()),
        issuers=query.issuers or (previous.issuers if not (provinces or years or unknown) else ()),
        topic=topic,
        followup=True,
        about_set=_about_set(new_kind, folded, provinces_now, years_now) or (previous.about_set and not years),
        merged=merged or previous.merged,
        inherited_years=not years and not before and bool(previous.years),
        same_document=not (provinces or years or unknown or query.numbers),
        refers_to="",
        elliptical=not whole,
        introduced="" if query.clause_ref else introduced,  # "Còn mục 5?" is found by its label, not by its words
        pauses=tuple(dict.fromkeys((*previous.pauses, *query.pauses))),
        named=(),
        named_pairs=(),
        nationwide=query.nationwide,
        # "bây giờ" of a follow-up asks what is in force of the conversation's document, not the figure of the day
        asked_now=_says(text, _NOW) or (previous.asked_now and not whole),
        before_year=before or previous.before_year if not years else None,
        clause_ref=query.clause_ref,
    )
