"""decode_text: the right Vietnamese letters or a named refusal."""

from __future__ import annotations

import pytest

from corpus.encoding import DecodeError, decode_text


def test_plain_utf8_and_utf16_without_bom() -> None:
    text = "Chỉ thị phát động phong trào thi đua năm 2024"
    assert decode_text(text.encode("utf-8"))[0] == text
    assert decode_text(text.encode("utf-16-le"))[0] == text


def test_western_text_with_accents_is_not_mistaken_for_a_legacy_font() -> None:
    text = "Café crème brûlée à la française, déjà vu. " * 5
    assert decode_text(text.encode("utf-8"))[0] == text


def test_tcvn3_upper_case_headings_stay_upper_case() -> None:
    # "CHỈ THỊ" typed with .VnTimeH: upper-case letters share the lower-case codes
    data = ("CH\xd8 TH\xde\nphong tr\xb5o thi \xaeua n\xa8m 2024 c\xf1a t\xd8nh\n" * 4).encode("latin-1")
    text, name = decode_text(data)
    assert text.splitlines()[0] == "CHỈ THỊ" and "tcvn3" in name
    assert "phong trào thi đua năm 2024 của tỉnh" in text


@pytest.mark.parametrize(("data", "reason"), [(b"", "empty"), (b"\x00\x01\x02\x03" * 100, "binary")])
def test_refusals_name_the_reason(data: bytes, reason: str) -> None:
    with pytest.raises(DecodeError) as err:
        decode_text(data)
    assert err.value.reason == reason
