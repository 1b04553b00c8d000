"""Retrieval and answer metrics: pure functions over clause ids, strings and numbers.

Clause ids are ``f"{doc_id}:{path}"`` with the path joined by dots.  A
retrieved clause matches a gold clause when both come from the same document
and one path is a prefix of the other: citing "mục 3" for a target that lives
in "mục 3, gạch đầu dòng 2" (or the other way round) points the user to the
right place, citing "mục 4" does not.
"""

from __future__ import annotations

import math
import re
from collections.abc import Iterable, Sequence

from corpus.text import canonical_tones, nfc, normalize_spaces

__all__ = [
    "abstention_accuracy",
    "answer_correct",
    "citation_correct",
    "clause_matches",
    "dedupe",
    "false_abstention_rate",
    "mean",
    "ndcg_at_k",
    "normalize_answer",
    "normalize_date",
    "percentile",
    "recall_at_k",
    "reciprocal_rank",
]

_DIGIT_SEP = re.compile(r"(?<=\d)[.,](?=\d)")
_SLASH = re.compile(r"\s*/\s*")
_UNIT = re.compile(r"\s+([%‰])")
_DASH = re.compile(r"\s*[-\u2010-\u2015]\s*")
_DMY = re.compile(r"\b(\d{1,2})/(\d{1,2})/(\d{4})\b")
_ISO = re.compile(r"\b(\d{4})-(\d{1,2})-(\d{1,2})\b")
_WORDY = re.compile(r"\bngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})\b", re.IGNORECASE)


def _split(clause_id: str) -> tuple[str, tuple[str, ...]]:
    doc, _, path = clause_id.partition(":")
    return doc, tuple(p for p in path.split(".") if p)


def clause_matches(a: str, b: str) -> bool:
    """Same document, and one clause is the other or an ancestor of it."""
    doc_a, path_a = _split(a)
    doc_b, path_b = _split(b)
    if doc_a != doc_b:
        return False
    n = min(len(path_a), len(path_b))
    return path_a[:n] == path_b[:n]


def dedupe(ranked: Iterable[str]) -> list[str]:
    """Keep the first occurrence of each clause: several chunks of one clause count once."""
    return list(dict.fromkeys(ranked))


def _credits(ranked: Sequence[str], gold: Sequence[str], k: int) -> list[bool]:
    """Which of the top-k (deduplicated) ranks credit a gold clause not credited before."""
    remaining = list(dict.fromkeys(gold))
    out = []
    for clause_id in dedupe(ranked)[:k]:
        hit = next((g for g in remaining if clause_matches(clause_id, g)), None)
        if hit is not None:
            remaining.remove(hit)
        out.append(hit is not None)
    return out


def recall_at_k(ranked: Sequence[str], gold: Sequence[str], k: int) -> float:
    """1.0 when any of the top-k clauses matches a gold clause, else 0.0."""
    return 1.0 if any(_credits(ranked, gold, k)) else 0.0


def reciprocal_rank(ranked: Sequence[str], gold: Sequence[str], k: int = 10) -> float:
    """1/rank of the first matching clause in the top k (deduplicated), 0.0 if none."""
    for rank, credited in enumerate(_credits(ranked, gold, k), start=1):
        if credited:
            return 1.0 / rank
    return 0.0


def ndcg_at_k(ranked: Sequence[str], gold: Sequence[str], k: int = 10) -> float:
    """Binary-relevance nDCG; each gold clause is credited once, so the value never exceeds 1."""
    n_gold = len(dict.fromkeys(gold))
    if n_gold == 0:
        return 0.0
    dcg = sum(1.0 / math.log2(i + 2) for i, credited in enumerate(_credits(ranked, gold, k)) if credited)
    ideal = sum(1.0 / math.log2(i + 2) for i in range(min(n_gold, k)))
    return dcg / ideal


def normalize_date(text: str) -> str:
    """Write every date as dd/mm/yyyy ("3/1/2024", "2024-01-03", "ngày 03 tháng 01 năm 2024")."""
    text = _WORDY.sub(lambda m: f"{int(m[1]):02d}/{int(m[2]):02d}/{m[3]}", text)
    text = _ISO.sub(lambda m: f"{int(m[3]):02d}/{int(m[2]):02d}/{m[1]}", text)
    return _DMY.sub(lambda m: f"{int(m[1]):02d}/{int(m[2]):02d}/{m[3]}", text)


def normalize_answer(text: str) -> str:
    """Key for "does the answer contain this value": NFC, tone placement, case, spacing, separators.

    "11,41 %" and "11.41%" are equal; so are "Uỷ ban" and "Ủy ban", "01 /CT-UBND"
    and "01/CT-UBND", "2021 - 2025" and "2021-2025".
    """
    text = canonical_tones(normalize_spaces(nfc(text))).lower()
    text = " ".join(text.split())
    text = normalize_date(text)
    text = _DIGIT_SEP.sub(".", text)
    text = _SLASH.sub("/", text)
    text = _UNIT.sub(r"\1", text)
    return _DASH.sub("-", text)


def answer_correct(answer: str, expected: Iterable[str]) -> bool:
    """True when every expected string occurs in the answer (after ``normalize_answer``)."""
    wanted = [normalize_answer(e) for e in expected]
    if not wanted:
        return False
    got = normalize_answer(answer)
    return all(_contains(got, w) for w in wanted)


def _contains(text: str, wanted: str) -> bool:
    """Substring test that will not find a number inside a longer one ("7.5%" is not in "17.5%")."""
    if not wanted:
        return False
    head = r"(?<![\d.])" if wanted[0].isdigit() else ""
    tail = r"(?![\d])" if wanted[-1].isdigit() else ""
    return re.search(head + re.escape(wanted) + tail, text) is not None


def citation_correct(cited: Sequence[str], gold: Sequence[str], *, every_document: bool = False) -> bool:
    """At least one cited clause matches a gold clause; with ``every_document``, one per gold document."""
    if not cited or not gold:
        return False
    if not every_document:
        return any(clause_matches(c, g) for c in cited for g in gold)
    by_doc: dict[str, list[str]] = {}
    for g in gold:
        by_doc.setdefault(_split(g)[0], []).append(g)
    return all(any(clause_matches(c, g) for c in cited for g in golds) for golds in by_doc.values())


def abstention_accuracy(abstained_on_unanswerable: Sequence[bool]) -> float | None:
    """Share of unanswerable questions where the bot said it did not find the answer."""
    return mean(1.0 if a else 0.0 for a in abstained_on_unanswerable)


def false_abstention_rate(abstained_on_answerable: Sequence[bool]) -> float | None:
    """Share of answerable questions where the bot wrongly said it did not find the answer."""
    return mean(1.0 if a else 0.0 for a in abstained_on_answerable)


def mean(values: Iterable[float]) -> float | None:
    """Arithmetic mean, or None when there is nothing to average (shown as "–", not as 0)."""
    items = list(values)
    return sum(items) / len(items) if items else None


def percentile(values: Iterable[float], q: float) -> float | None:
    """Linear-interpolated percentile (q in 0..100), as numpy's default; None for no values."""
    items = sorted(values)
    if not items:
        return None
    if not 0 <= q <= 100:
        raise ValueError(f"percentile must be within 0..100, got {q}")
    pos = (len(items) - 1) * q / 100
    lo, hi = math.floor(pos), math.ceil(pos)
    return items[lo] + (items[hi] - items[lo]) * (pos - lo)
