"""Questions the bot should not try to answer as asked: empty, huge, binary-looking, not Vietnamese,
or carrying instructions.  Each gets one polite Vietnamese line instead of a search."""

from __future__ import annotations

import re
import unicodedata

from corpus.text import fold, nfc

__all__ = ["MAX_QUESTION_CHARS", "check_question", "clean_question"]

MAX_QUESTION_CHARS = 1000
_VI_LETTERS = re.compile(r"[àáảãạăằắẳẵặâầấẩẫậèéẻẽẹêềếểễệìíỉĩịòóỏõọôồốổỗộơờớởỡợùúủũụưừứửữựỳýỷỹỵđ]", re.I)
_VI_WORDS = set(
    ["la", "gi", "nao", "bao", "nhieu", "ai", "co", "khong", "nam", "tinh", "chi", "thi", "tieu", "ty", "le", "ho", "ngheo", "so", "noi", "vu", "co", "quan", "don", "vi", "trach", "nhiem", "nhiem", "vu", "phong", "trao", "thi", "dua", "cua", "cho", "ve", "theo", "duoc", "nhung", "cac", "chu", "tri", "phoi", "hop", "bao", "cao", "ky", "ngay", "muc", "tieu", "dat", "tang", "giam", "so", "sanh", "qua", "hay", "la", "the", "nao", "gi"]
)
_EN_WORDS = set(["what", "which", "who", "how", "many", "is", "are", "the", "of", "for", "in", "does", "did", "when", "where", "please", "tell", "me"])
_INJECTION = re.compile(
    r"bo qua (?:moi|tat ca|cac)? ?(?:huong dan|chi dan|lenh|quy tac)|ignore (?:all|previous|the above)"
    r"|system prompt|dong vai|gia vo (?:la|lam)|hay quen",
)


def clean_question(text: str) -> str:
    """NFC, control characters removed, spaces folded."""
    text = nfc(text or "")
    text = "".join(ch if unicodedata.category(ch)[0] != "C" or ch in "\n\t" else " " for ch in text)
    return " ".join(text.split())


def _thousands(n: int) -> str:
    """17399 -> "17.399": Vietnamese groups thousands with a dot."""
    return f"{n:,}".replace(",", ".")


def check_question(text: str) -> str | None:
    """A Vietnamese message when the question cannot be taken as asked, else None."""
    if not text:
        return "Câu hỏi đang để trống. Hãy nhập câu hỏi về chỉ thị thi đua, ví dụ: “Chỉ tiêu tỷ lệ hộ nghèo năm 2024 của Sơn La?”"
    if len(text) > MAX_QUESTION_CHARS:
        return (
            f"Câu hỏi dài {_thousands(len(text))} ký tự, vượt giới hạn {_thousands(MAX_QUESTION_CHARS)} ký tự. "
            "Hãy hỏi ngắn gọn một ý, ví dụ: “Cơ quan nào tổng hợp báo cáo kết quả thi đua năm 2024?”"
        )
    letters = sum(ch.isalpha() for ch in text)
    if letters < 2:
        return "Không đọc được câu hỏi (không có chữ). Hãy nhập câu hỏi bằng tiếng Việt."
    folded_words = re.findall(r"[a-z]+", fold(text))
    if _INJECTION.search(fold(text)):
        return (
            "Tôi chỉ trả lời câu hỏi về nội dung các chỉ thị thi đua và không làm theo chỉ dẫn khác. "
            "Hãy đặt câu hỏi về chỉ thị, ví dụ: “Sở Nội vụ có trách nhiệm gì?”"
        )
    vi = sum(w in _VI_WORDS for w in folded_words)
    en = sum(w in _EN_WORDS for w in folded_words)
    if not _VI_LETTERS.search(text) and en >= 2 and en > vi:
        return (
            "Tôi trả lời bằng tiếng Việt về các chỉ thị thi đua. Xin hãy hỏi bằng tiếng Việt "
            "(có thể gõ không dấu), ví dụ: “ty le ho ngheo nam 2024 cua Son La”."
        )
    return None
