"""Turning the bytes of a text file into Unicode, whatever Vietnamese office produced them.

Offices still send UTF-16 files from Notepad, cp1258 files from old Windows
installs and documents typed with the pre-Unicode TCVN3 (ABC) or VNI fonts.
Decoding any of them with the wrong table silently yields mojibake that then
gets indexed and quoted, so every guess is verified before it is accepted.
"""

from __future__ import annotations

import codecs
import re

__all__ = ["DecodeError", "decode_text"]

# TCVN3 (ABC) byte -> Unicode, as published with Unikey's converter.  Upper-case
# toned letters live in the separate ".VnTimeH" fonts with the same codes.
_TCVN3_PAIRS = (
    "µà ¸á ¶ả ·ã ¹ạ ¨ă »ằ ¾ắ ¼ẳ ½ẵ Æặ ©â Çầ Êấ Èẩ Éẫ Ëậ ®đ Ìè Ðé Îẻ Ïẽ Ñẹ "
    "ªê Òề Õế Óể Ôễ Öệ ×ì Ýí Øỉ Üĩ Þị ßò ãó áỏ âõ äọ «ô åồ èố æổ çỗ éộ "
    "¬ơ êờ íớ ëở ìỡ îợ ïù óú ñủ òũ ôụ \xadư õừ øứ öử ÷ữ ùự úỳ ýý ûỷ üỹ þỵ "
    "¡Ă ¢Â §Đ £Ê ¤Ô ¥Ơ ¦Ư"
)
_TCVN3 = {pair[0]: pair[1] for pair in _TCVN3_PAIRS.split()}
# Characters TCVN3 text shows when read as Latin-1 that Unicode Vietnamese never uses.
_TCVN3_SIGNS = re.compile(r"[µ¸¶·¹¨»¾¼½Æ©ÇËÐÎÏÑªÖ×ØÜß«åæçäëîïñ÷¬®§¦¤¥£¢¡öøüþû]")
# The most frequent TCVN3 letters (à á ả ã ạ ă â ê ô ơ đ) use codes VNI never produces.
_TCVN3_STRONG = re.compile(r"[µ¸¶·¹¨»¾¼½Æ©ª«¬®]")
# VNI writes a base vowel followed by a Latin-1 tone character: "aø" (à), "aù" (á), "uû" (ủ).
_VNI_SIGNS = re.compile(r"[aeiouyAEIOUY][øùûõïØÙÛÕÏ]")
_VIETNAMESE = re.compile(
    r"[ăâđêôơưĂÂĐÊÔƠƯ\u0300\u0301\u0303\u0309\u0323ạảấầẩẫậắằẳẵặẹẻẽếềểễệỉịọỏốồổỗộớờởỡợụủứừửữựỳỵỷỹ]"
)
_WORDS = re.compile(r"\w+")


class DecodeError(ValueError):
    """The bytes are not text we can read; ``reason`` names the case for the message."""

    def __init__(self, reason: str, detail: str = "") -> None:
        super().__init__(detail or reason)
        self.reason = reason
        self.detail = detail


def _looks_binary(data: bytes) -> bool:
    sample = data[:65536]
    if b"\x00" in sample:
        return True
    controls = sum(1 for b in sample if b < 32 and b not in (9, 10, 12, 13))
    return controls > max(4, len(sample) // 100)


def _mostly_text(text: str) -> bool:
    sample = text[:20000]
    good = sum(1 for ch in sample if ch.isprintable() or ch in "\n\r\t")
    return good >= len(sample) * 0.97 and any(ch.isalpha() for ch in sample)


def _utf16_without_bom(data: bytes) -> str | None:
    sample = data[:4096]
    even_nul = sample[0::2].count(0)
    odd_nul = sample[1::2].count(0)
    half = max(1, len(sample) // 2)
    for codec, nuls in (("utf-16-le", odd_nul), ("utf-16-be", even_nul)):
        if nuls > half * 0.3:
            try:
                text = data.decode(codec)
            except UnicodeDecodeError:
                return None
            return text if _mostly_text(text) else None
    return None


def _legacy_font(text: str) -> str | None:
    """Name the pre-Unicode font encoding the text was typed in, if the signs are clear.

    A file is typed in one font: the first 200,000 characters tell, and the
    cost stays flat for a 20 MB file.
    """
    text = text[:200_000]
    words = max(1, len(_WORDS.findall(text)))
    unicode_viet = len(_VIETNAMESE.findall(text))
    tcvn = len(_TCVN3_SIGNS.findall(text))
    strong = len(_TCVN3_STRONG.findall(text))
    vni = len(_VNI_SIGNS.findall(text))
    if vni > 5 and vni > words * 0.05 and vni > strong and vni > unicode_viet:
        return "vni"
    if tcvn > 5 and tcvn > words * 0.05 and tcvn > unicode_viet and strong > words * 0.03:
        return "tcvn3"
    return None


def _tcvn3_to_unicode(text: str) -> str:
    out = "".join(_TCVN3.get(ch, ch) for ch in text)

    # Upper-case words were set in the "H" fonts, which reuse the lower-case codes.
    def _upper(m: re.Match[str]) -> str:
        word = m.group(0)
        letters = [c for c in word if c.isalpha() and c.isascii()]
        if len(letters) >= 2 and all(c.isupper() for c in letters) and any(not c.isascii() for c in word):
            return word.upper()
        return word

    return re.sub(r"\w+", _upper, out)


def decode_text(data: bytes) -> tuple[str, str]:
    """Decode file bytes; returns ``(text, encoding name)`` or raises ``DecodeError``.

    Reasons: ``empty``, ``binary``, ``vni`` (legacy font we do not convert),
    ``unknown`` (no encoding gives Vietnamese text).
    """
    if not data.strip():
        raise DecodeError("empty")
    if data.startswith(codecs.BOM_UTF8):
        text, name = data[3:].decode("utf-8", errors="replace"), "utf-8-sig"
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text, name = data.decode("utf-16", errors="replace"), "utf-16"
    else:
        text = None
        name = ""
        if b"\x00" in data[:4096]:
            text = _utf16_without_bom(data)
            name = "utf-16"
        if text is None:
            if _looks_binary(data):
                raise DecodeError("binary", "NUL or control bytes: not a text file")
            try:
                text, name = data.decode("utf-8"), "utf-8"
            except UnicodeDecodeError:
                text, name = _decode_8bit(data)
    if not text.strip():
        raise DecodeError("empty")
    font = _legacy_font(text)
    if font == "tcvn3":
        try:
            raw = text.encode("latin-1")
        except UnicodeEncodeError:
            raw = None
        source = raw.decode("latin-1") if raw is not None else text
        return _tcvn3_to_unicode(source), name + "+tcvn3"
    if font == "vni":
        raise DecodeError("vni", "text typed with a VNI font (e.g. 'aø', 'eå' pairs)")
    return text, name


def _decode_8bit(data: bytes) -> tuple[str, str]:
    """Non-UTF-8 bytes: a legacy font read as Latin-1, or Vietnamese Windows (cp1258)."""
    latin = data.decode("latin-1")
    if _legacy_font(latin):
        return latin, "latin-1"
    try:
        text = data.decode("cp1258")
    except UnicodeDecodeError:
        text = None
    if text is not None and _VIETNAMESE.search(text):
        return text, "cp1258"
    try:
        from charset_normalizer import from_bytes

        best = from_bytes(data).best()
    except Exception:  # pragma: no cover - the detector is best effort
        best = None
    if best is not None:
        guess = str(best)
        if _VIETNAMESE.search(guess):
            return guess, best.encoding
    raise DecodeError("unknown", "no encoding yields Vietnamese letters")
