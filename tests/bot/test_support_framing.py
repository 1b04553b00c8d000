"""General nouns and form phrases a question frames what it asks with ("kiểu", "dịp", "nếp", "vai trò", "viện dẫn")
are no rare word the answering clause must repeat, however seldom a library of laws writes them; the thing they
frame, and a rare word that says what is asked ("lệ phí"), still are."""

from __future__ import annotations

import pytest

from bot.query import read_question
from bot.segments import Scorer
from bot.support import _framing_nouns, gaps, needs
from bot.tuning import AnswerTuning
from corpus.text import fold
from tests.fakes import found_in


@pytest.fixture(scope="module")
def scorer() -> Scorer:
    """Rarities as over a library of laws: the everyday framing words in a handful of parts, as is "lệ phí"."""
    rare = ["kiểu dáng", "dịp lễ", "nếp nhà", "vai trò", "viện dẫn", "khía cạnh", "lệ phí", "hợp tác xã", "công sở"]
    parts = [f"Điều {i}. Nội dung về {w} số {i}." for w in rare for i in range(6)]
    parts += [f"Quy định chung về lao động và nông nghiệp số {i}." for i in range(3000)]
    return Scorer(parts)


def _words(question: str, scorer: Scorer) -> set[str]:
    return {fold(n.phrase) for n in needs(read_question(question), scorer, AnswerTuning()) if n.kind == "word"}


@pytest.mark.parametrize(
    ("question", "framing"),
    [
        ("Năm 2023 Lai Châu muốn phát triển những kiểu nông nghiệp nào?", "kieu"),
        ("Năm 2023 là dịp Lai Châu kỷ niệm bao nhiêu năm thành lập tỉnh?", "dip"),
        ("Cán bộ Sơn La thi đua xây dựng nếp văn hoá gì ở nơi làm việc?", "nep"),
        ("Văn phòng UBND tỉnh Sơn La có vai trò gì trong chỉ thị thi đua?", "vai tro"),
        ("Kế hoạch mà chỉ thị của Sơn La viện dẫn áp dụng cho giai đoạn nào?", "vien dan"),
        ("Chỉ thị Sơn La nói gì về khía cạnh văn hóa công sở?", "khia canh"),
    ],
)
def test_a_framing_word_is_not_asked_of_the_clause(scorer, question, framing):
    words = _words(question, scorer)
    assert not any(framing in w or w in framing.split() for w in words), words


def test_the_thing_framed_is_still_asked(scorer):
    # "kiểu hợp tác xã": the clause must still name "hợp tác xã"; "nếp … công sở" must still name "công sở"
    wanted = needs(read_question("Lai Châu phát triển kiểu hợp tác xã nào?"), scorer, AnswerTuning())
    assert gaps(wanted, found_in("Phát triển nông nghiệp ứng dụng công nghệ cao.")), "hợp tác xã is what is asked"
    assert gaps(wanted, found_in("Phát triển hợp tác xã kiểu mới.")) == ()
    wanted = needs(read_question("Cán bộ thi đua theo nếp công sở nào?"), scorer, AnswerTuning())
    assert gaps(wanted, found_in("Cán bộ thi đua thực hiện văn hóa công sở.")) == ()
    assert gaps(wanted, found_in("Cán bộ thi đua lao động giỏi.")), "công sở is what is asked"


def test_a_rare_word_saying_what_is_asked_still_counts(scorer):
    assert "le phi" in _words("Lệ phí cấp giấy phép là bao nhiêu?", scorer)
    # "kiểu dáng" of a design is the word itself, read as typed: only its general "kiểu" is left out
    assert "le phi" in _words("Dịp nào phải nộp lệ phí?", scorer)


def test_typed_without_marks_a_folded_syllable_is_not_read_as_a_framing_noun(scorer):
    # folded, "kieu" is also "kiều" (kiều bào) and "nep" "nẹp": only the form phrases ("vai tro") go
    assert not any("vai" in w or "tro" in w for w in _words("van phong ubnd tinh co vai tro gi", scorer))



def test_typed_without_marks_a_framing_noun_is_read_as_the_library_spells_it():
    parts = [f"Kiểu dáng công nghiệp số {i}." for i in range(8)] + [f"Nẹp vít y tế loại {i}." for i in range(12)]
    parts += [f"Nếp sống văn minh số {i}." for i in range(4)]
    parts += [f"Quy định chung về lao động và nông nghiệp số {i}." for i in range(3000)]
    scorer = Scorer(parts)
    assert "kieu" not in _words("lai chau 2023 muon phat trien nhung kieu nong nghiep nao", scorer)
    assert _framing_nouns(["kieu", "nong", "nghiep"], False, scorer) == {0}
    # "nep" is most often "nẹp" there (a splint, a thing asked about): no framing noun
    assert _framing_nouns(["nep", "vit"], False, scorer) == set()
    assert _framing_nouns(["nếp", "văn", "hoá"], True, scorer) == {0}
