"""Indicator names and numbers as Vietnamese documents write them.

``indicator_key`` lines the same indicator up across years and provinces
("Tỷ lệ hộ nghèo theo chuẩn nghèo giai đoạn 2021-2025 là" and "tỷ lệ hộ
nghèo theo chuẩn nghèo giai đoạn 2022-2025" share a key); ``parse_number``
reads the Vietnamese decimal comma and thousands dot.
"""

from __future__ import annotations

import re

from corpus.text import fold, nfc

__all__ = ["indicator_key", "parse_number"]

_PERIOD = r"\d{4}\s*[-–]\s*\d{4}"
_KEY_DROP = (
    # "theo chuẩn nghèo (đa chiều) giai đoạn 2021-2025": the measuring rule changes, the indicator does not.
    re.compile(rf"\btheo\s+(?:chuan|tieu\s+chi|gia)\b[^,;]*?\bgiai\s+doan\s+{_PERIOD}"),
    re.compile(rf"\b(?:giai\s+doan|thoi\s+ky|nhiem\s+ky)\s*\(?{_PERIOD}\)?"),
    re.compile(r"\b(?:nam|den\s+nam)\s+\d{4}\b"),
    re.compile(r"\([^)]*\)"),
)
_LEADING = re.compile(r"^(?:phan\s+dau|rieng|dong\s+thoi|va|trong\s+do|nang|dua|giu)\s+")
_TRAILING = re.compile(
    r"\s+(?:dat|la|khoang|tren|duoi|it\s+nhat|toi\s+thieu|toi\s+da|len|tang|giam|con|o\s+muc|dat\s+muc)$"
)


def indicator_key(text: str) -> str:
    """Key for comparing indicators: no tones, case, quotes, periods or linking words ("đạt", "là")."""
    s = fold(nfc(text))
    s = re.sub(r"[“”\"'*‘’]", " ", s)
    for pat in _KEY_DROP:
        s = pat.sub(" ", s)
    s = re.sub(r"\s*/\s*", "/", s)
    s = re.sub(r"[,;:.]", " ", s)
    s = " ".join(s.split())
    while True:
        t = _TRAILING.sub("", _LEADING.sub("", s)).strip()
        if t == s:
            break
        s = t
    # i/y spelling variants (sỹ/sĩ, kỹ/kĩ, lý/lí) are the same word.
    s = re.sub(r"\b([bcdghklmnpqrstvx]+)y\b", r"\1i", s)
    return s


_THOUSANDS = re.compile(r"^\d{1,3}(?:\.\d{3})+(?:,\d+)?$")


def parse_number(text: str) -> float:
    """Read a number as a Vietnamese document writes it: "4.800" = 4800, "52,4" = 52.4, "06" = 6."""
    s = text.strip().replace(" ", "").replace("\u00a0", "")
    if _THOUSANDS.match(s):
        return float(s.replace(".", "").replace(",", "."))
    if "," in s and "." not in s:
        return float(s.replace(",", "."))
    if re.match(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$", s):  # English thousands, rare in our documents
        return float(s.replace(",", ""))
    return float(s)
