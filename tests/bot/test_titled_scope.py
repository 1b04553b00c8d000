"""A document titled for a group answers for that group: the general law's stronger clause lacking the group's
word does not silence it (bot.support.titled_scope)."""

from __future__ import annotations

import re
from dataclasses import replace

import pytest

from bot.answerers.base import Found
from bot.support import Need, titled_scope
from tests.fakes import _clause, _directive, assistant_over


@pytest.fixture(scope="module")
def bot(tmp_path_factory):
    return assistant_over(tmp_path_factory, {
        "a.txt": "thong-tu-so-88-2025-tt-bca-46337.txt",   # BHXH for sĩ quan, hạ sĩ quan, chiến sĩ Công an nhân dân
        "b.txt": "van-ban-hop-nhat-so-19-vbhn-vpqh-468972.txt",  # the social insurance law, for every worker
        "c.txt": "van-ban-hop-nhat-so-19-vbhn-vpqh-30971.txt",   # older consolidated texts of it
        "d.txt": "van-ban-hop-nhat-so-50-vbhn-vpqh-28208.txt",
        "e.txt": "van-ban-hop-nhat-so-58-vbhn-vpqh-45848.txt",
    })


@pytest.mark.parametrize("question", [
    "Chiến sĩ công an ốm phải nghỉ tổng cộng bao lâu trong năm thì khi đi làm lại mà sức khoẻ chưa hồi phục"
    " mới được nghỉ dưỡng sức?",
    "Chiến sĩ công an ốm phải nghỉ tổng cộng bao lâu trong năm thì khi đi làm lại mà sức khỏe chưa hồi phục"
    " mới được nghỉ dưỡng sức?",
])
def test_the_group_s_own_circular_answers(bot, question):
    a = bot.answer(question)
    assert not a.abstained  # was declined: "Các điều khoản tìm được không nêu “chiến sĩ”"
    assert a.citations[0].number == "88/2025/TT-BCA"
    assert a.citations[0].clause.startswith("Điều 6")  # its article on dưỡng sức after ốm đau


def test_a_group_no_document_is_about_is_still_declined(bot):
    a = bot.answer("Vận động viên ốm phải nghỉ tổng cộng bao lâu trong năm thì được nghỉ dưỡng sức?")
    assert a.abstained or all(c.number != "88/2025/TT-BCA" for c in a.citations)


def _found(title: str) -> Found:
    c = _clause("tt", ("D6", "1"), "Điều 6, khoản 1", "Người lao động đã hưởng chế độ ốm đau từ đủ 30 ngày trở lên …")
    d = replace(_directive("tt", "Hà Nội", 2025, [c]), title=title)
    return Found(directive=d, clause=c, short="30 ngày", quote=c.text, span=None, score=0.47)


@pytest.mark.parametrize("accented", [True, False])
def test_titled_scope_is_the_title_naming_every_word_a_rival_lacks(accented):
    word = "chiến sĩ" if accented else "chien si"
    lacked = (Need("word", word, pattern=re.compile(word), accented=accented),)
    assert titled_scope(lacked, _found("Hướng dẫn … đối với sĩ quan, hạ sĩ quan, chiến sĩ Công an nhân dân"))
    assert not titled_scope(lacked, _found("Hướng dẫn thực hiện bảo hiểm xã hội bắt buộc"))
    assert not titled_scope((), _found("… chiến sĩ Công an nhân dân"))  # nothing lacked: no exemption to give
    figure = (Need("figure", "bao nhiêu"),)  # a rival lacking a figure is not answered by a title
    assert not titled_scope(figure, _found("… chiến sĩ Công an nhân dân"))
