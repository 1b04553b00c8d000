"""Reading a Vietnamese question: its scope (province, year, document) and what kind of answer it wants.

Everything is matched on two keys: the accented text with canonical tone marks
and the accent-folded text, so "son la", "Sơn La" and "Sơn La" with old tone
placement read the same.  Folded matches are only trusted where the user
actually typed without diacritics, so "năm" never reads as the "Nam" of "Hà Nam".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

from bot.places import PROVINCES
from corpus.text import canonical_tones, fold, nfc, normalize_spaces

__all__ = ["KINDS", "Query", "read_question"]

KINDS = (
    "target", "agency", "duty", "meta_signer", "meta_date", "meta_number", "meta_title",
    "list", "comparison", "reference", "fact",
)

_YEAR = re.compile(r"(?<![\d/.,])((?:19|20)\d{2})(?![\d/]|\s*[-–]\s*\d{4})")
_RANGE = re.compile(r"(?:19|20)\d{2}\s*[-–]\s*(?:19|20)\d{2}")
_DOC_NUMBER = re.compile(r"\b(\d{1,4})\s*/\s*(?:(\d{4})\s*/\s*)?([A-ZĐ]{1,6}(?:-[A-ZĐ0-9]{1,10})*)\b")
_PARTIAL_NUMBER = re.compile(
    r"\b(chỉ thị|thông tư|quyết định|nghị quyết|nghị định|kế hoạch)\s+(?:số\s+)?(\d{1,4})\s*/\s*(\d{4})\b",
    re.IGNORECASE,
)
_DOC_TYPES = ("Chỉ thị", "Thông tư", "Quyết định", "Nghị quyết", "Nghị định", "Kế hoạch", "Luật")

# Question-kind cues, written accent-folded so unaccented questions match too.  Order matters:
# the first kind whose cue matches wins.
_KIND_CUES: tuple[tuple[str, tuple[str, ...]], ...] = (
    ("comparison", (r"so sanh", r"qua cac nam", r"qua (?:ba|3|hai|2) nam", r"cao hon", r"thap hon",
                    r"tinh nao (?:cao|thap|nhieu|it)", r"thay doi (?:the nao|ra sao|nhu the nao)",
                    r"tang hay giam", r"cac nam \d{4}.*(?:va|,) \d{4}")),
    # Another document named in the question ("quyết định số mấy", "chỉ thị của Thủ tướng … nào"): a reference,
    # not this document's own number.
    ("reference", (r"(?:nghi quyet|quyet dinh|ket luan|ke hoach|thong tu|nghi dinh|cong van|huong dan)\b.{0,90}"
                   r"(?:so may|so bao nhieu|so hieu|\bnao\b|\bgi\b)",
                   r"chi thi (?:cua|do) (?:thu tuong|bo chinh tri|ban bi thu|trung uong|chinh phu)",
                   r"(?:theo|can cu(?: vao)?|thuc hien|trien khai) (?:nghi quyet|quyet dinh|ket luan|chi thi|van ban|"
                   r"ke hoach) (?:nao|so may|gi)", r"can cu (?:nao|vao dau|vao gi)", r"van ban nao",
                   r"dua tren (?:nghi quyet|van ban)")),
    ("meta_signer", (r"\bai (?:la nguoi )?ky\b", r"nguoi ky", r"\bky boi\b", r"do ai ky", r"ai da ky",
                     r"chu tich (?:ubnd|uy ban)[^?]*\bla ai\b", r"ai la (?:nguoi )?ky")),
    ("meta_date", (r"ngay (?:nao|bao nhieu|may)", r"ban hanh (?:vao )?(?:ngay|khi|luc) ?(?:nao)?\b",
                   r"ngay ban hanh", r"khi nao (?:duoc )?ban hanh", r"ngay ky\b(?! niem)")),
    ("meta_number", (r"so hieu", r"so ky hieu", r"mang so", r"\bso (?:cua )?(?:chi thi|van ban)\b", r"\bso (?:may|bao nhieu)\b(?!.*(?:ty le|chi tieu))",
                     r"ky hieu (?:la|cua)")),
    ("meta_title", (r"chu de", r"phuong cham", r"trich yeu", r"ve viec gi", r"noi ve (?:van de )?gi\b", r"ten (?:cua )?(?:chi thi|van ban)",
                    r"tieu de", r"khau hieu")),
    ("duty", (r"(?:co |duoc giao )?(?:trach nhiem|nhiem vu) (?:gi|nao|ra sao|the nao)", r"phai lam gi",
              r"lam (?:nhung )?gi\b", r"duoc (?:de nghi|giao|yeu cau) (?:lam )?gi", r"vai tro (?:gi|cua)",
              r"duoc de nghi (?:nhung )?gi")),
    ("agency", (r"co quan nao", r"don vi nao", r"\bai\b", r"(?<!chi )\b(?:so|ban|to chuc) nao", r"chu tri",
                r"phoi hop", r"giao cho", r"ben nao", r"cap nao", r"noi nao")),
    ("list", (r"nhung phong trao", r"cac phong trao (?:nao|gi)", r"phong trao (?:thi dua )?nao",
              r"liet ke", r"ke ten", r"gom (?:nhung|cac) (?:gi|noi dung)", r"nhung (?:noi dung|nhiem vu) (?:nao|gi)",
              r"cac (?:noi dung|nhiem vu) (?:nao|gi)", r"nhung (?:su kien|ngay le) nao")),
    ("target", (r"bao nhieu", r"chi tieu", r"\bty le\b", r"muc tieu (?:la )?(?:bao nhieu|dat|may)", r"\bdat\b", r"phan dau", r"\bmuc\b",
                r"toc do", r"\bso (?:xa|giuong|bac sy|luot)", r"tang (?:truong|bao nhieu)", r"\btong (?:von|muc|thu|luot)")),
)

# Words that only carry the question's form or scope; what is left is its topic.
_FORM_WORDS = set(
    ["la", "gi", "nao", "bao", "nhieu", "ai", "the", "sao", "nhu", "the", "nao", "ra", "sao", "co", "khong", "chua", "duoc", "cua", "cho", "ve", "trong", "theo", "tai", "nam", "tinh", "thanh", "pho", "chi", "thi", "van", "ban", "hoi", "cho", "biet", "xin", "vui", "long", "hay", "bang", "may", "nhung", "cac", "mot", "thi", "con", "vay", "tren", "dia", "ban", "o"]
)


@dataclass(frozen=True)
class Query:
    """A question as the answer layer needs it."""

    text: str
    kind: str
    provinces: tuple[str, ...] = ()
    unknown_places: tuple[str, ...] = ()
    years: tuple[int, ...] = ()
    numbers: tuple[str, ...] = ()
    doc_types: tuple[str, ...] = ()
    topic: str = ""
    followup: bool = False

    @property
    def scoped(self) -> bool:
        return bool(self.provinces or self.years or self.numbers)


def _keys(text: str) -> tuple[str, str]:
    accented = canonical_tones(text).lower()
    return accented, fold(text)


def _find_places(text: str, known: tuple[str, ...]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Provinces named in the text: (those the corpus has, those it has not)."""
    accented, folded = _keys(text)
    found: list[str] = []
    candidates = sorted(set(PROVINCES) | set(known), key=len, reverse=True)
    taken: list[tuple[int, int]] = []
    for name in candidates:
        n_acc, n_fold = _keys(name)
        for pattern, hay, is_folded in ((n_acc, accented, False), (n_fold, folded, True)):
            for m in re.finditer(r"(?<!\w)" + re.escape(pattern) + r"(?!\w)", hay):
                span = (m.start(), m.end())
                if any(s < span[1] and span[0] < e for s, e in taken):
                    continue
                if is_folded and fold(text[m.start() : m.end()]) != text[m.start() : m.end()].lower():
                    continue  # typed with diacritics that differ: "năm" is not "Nam"
                taken.append(span)
                found.append(name)
    # Resolve to the corpus spelling when it is the same place.
    known_by_key = {fold(k): k for k in known}
    have, lack = [], []
    for name in dict.fromkeys(found):
        key = fold(name)
        if key in known_by_key:
            have.append(known_by_key[key])
        else:
            lack.append(name)
    return tuple(dict.fromkeys(have)), tuple(lack)


def _find_years(text: str) -> tuple[int, ...]:
    cleaned = _RANGE.sub(" ", re.sub(r"\d{1,2}/\d{1,2}/\d{4}", " ", text))
    return tuple(sorted({int(y) for y in _YEAR.findall(cleaned)}))


def _find_numbers(text: str) -> tuple[str, ...]:
    out = []
    for m in _DOC_NUMBER.finditer(text):
        num, year, sym = m.groups()
        out.append(f"{num}/{year}/{sym}" if year else f"{num}/{sym}")
    for m in _PARTIAL_NUMBER.finditer(text):
        out.append(f"{m.group(2)}/{m.group(3)}")
    return tuple(dict.fromkeys(out))


def _find_doc_types(text: str) -> tuple[str, ...]:
    """Only a type tied to a number ("Thông tư 16/2023") narrows the search; a bare "nghị quyết" does not."""
    folded = fold(text)
    found = []
    for t in _DOC_TYPES:
        if re.search(re.escape(fold(t)) + r"\s+(?:so\s+)?\d{1,4}\s*/", folded):
            found.append(t)
    return tuple(found)


def _classify(folded: str) -> str:
    for kind, cues in _KIND_CUES:
        if any(re.search(c, folded) for c in cues):
            return kind
    return "fact"


def _topic(text: str, provinces: tuple[str, ...], unknown: tuple[str, ...]) -> str:
    """The question without its scope (places, years, document numbers): what the answer is about."""
    t = _DOC_NUMBER.sub(" ", text)
    for name in (*provinces, *unknown):
        for variant in {name, canonical_tones(name), fold(name)}:
            t = re.sub(re.escape(variant), " ", t, flags=re.IGNORECASE)
    t = re.sub(r"(?:19|20)\d{2}", " ", t)
    t = re.sub(r"[?!.,;:\"“”()]", " ", t)
    return " ".join(t.split())


_FOLLOWUP_START = re.compile(r"^(?:con|the con|vay con|vay|the|con doi voi|doi voi)\b")
_FOLLOWUP_END = re.compile(r"(?:thi sao|the nao|ra sao|nhu the nao)\s*\??$")


def _content_words(topic: str) -> list[str]:
    return [w for w in fold(topic).split() if w not in _FORM_WORDS and not w.isdigit()]


def read_question(text: str, *, known_provinces: tuple[str, ...] = (), previous: Query | None = None) -> Query:
    """Read scope and kind; with ``previous``, an elliptical follow-up inherits what it does not change."""
    text = " ".join(normalize_spaces(nfc(text)).split())
    provinces, unknown = _find_places(text, known_provinces)
    years = _find_years(text)
    folded = fold(text)
    kind = _classify(folded)
    if kind == "target" and len(years) > 1 and not provinces:
        kind = "comparison"
    query = Query(
        text=text,
        kind=kind,
        provinces=provinces,
        unknown_places=unknown,
        years=years,
        numbers=_find_numbers(text),
        doc_types=_find_doc_types(text),
        topic=_topic(text, provinces, unknown),
    )
    if previous is None:
        return query
    short = len(_content_words(query.topic)) <= 3
    if not (_FOLLOWUP_START.search(folded) or _FOLLOWUP_END.search(folded) or short):
        return query
    changes_scope = bool(provinces or years or unknown or query.numbers)
    asks_new_kind = kind != "fact" and kind != previous.kind and not _FOLLOWUP_START.search(folded)
    if changes_scope and not asks_new_kind:
        # "Còn năm 2023 thì sao?": same topic and kind, new scope.
        return replace(
            previous,
            text=text,
            provinces=provinces or (() if unknown else previous.provinces),
            unknown_places=unknown,
            years=years or previous.years,
            numbers=query.numbers,
            followup=True,
        )
    if asks_new_kind or short:
        # "Cơ quan nào phối hợp?": new kind and words, previous topic and scope.
        return replace(
            query,
            provinces=provinces or previous.provinces,
            unknown_places=unknown,
            years=years or previous.years,
            numbers=query.numbers or previous.numbers,
            topic=f"{previous.topic} {query.topic}".strip(),
            followup=True,
        )
    return query
