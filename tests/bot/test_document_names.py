"""How well a question describes a document's name: a document's own short name ("… (sau đây gọi tắt là SCIC)")
names it in a question, and a short title naming only the field ("An toàn, vệ sinh lao động") does not outscore
the long one naming what the question asks about."""

from __future__ import annotations

import pytest

from bot.documents import DocumentNames, declared_short_names
from corpus.models import Directive

_SCIC = ("Thông tư này hướng dẫn quản lý lao động, tiền lương đối với người lao động của Tổng công ty Đầu tư và "
         "Kinh doanh vốn nhà nước (sau đây gọi tắt là SCIC).\nĐiều 2. SCIC thực hiện quản lý lao động.")
_BANK = ("Thông tư này hướng dẫn quản lý lao động, tiền lương đối với người lao động của Ngân hàng Phát triển "
         "Việt Nam (sau đây viết tắt là NHPT). Ủy ban nhân dân (sau đây viết tắt là UBND) phối hợp. "
         "Bảo hiểm (sau đây gọi tắt là BH).")


def _doc(doc_id: str, title: str, text: str) -> Directive:
    return Directive(doc_id=doc_id, source=f"{doc_id}.txt", doc_type="Thông tư", number=None, date=None,
                     issuer="Bộ Lao động - Thương binh và Xã hội", province=None, year=2018, title=title,
                     signer=None, text=text, clauses=())


_DOCS = [
    _doc("a", "Hướng dẫn quản lý lao động, tiền lương đối với Tổng công ty Đầu tư và Kinh doanh vốn nhà nước", _SCIC),
    _doc("b", "Hướng dẫn quản lý lao động, tiền lương đối với Ngân hàng Phát triển Việt Nam", _BANK),
    _doc("c", "Hướng dẫn quản lý lao động, tiền lương đối với Đài Truyền hình Việt Nam", "Không khai báo tên gọi tắt."),
]


def test_short_names_are_read_with_what_they_stand_for():
    names = dict(declared_short_names(_SCIC))
    assert list(names) == ["SCIC"]
    assert "Tổng công ty Đầu tư và Kinh doanh vốn nhà nước" in names["SCIC"]


def test_general_abbreviations_and_two_letter_contractions_are_no_names():
    assert [n for n, _ in declared_short_names(_BANK)] == ["NHPT"]
    assert declared_short_names("Văn bản không có tên gọi tắt nào.") == ()


def test_a_question_naming_the_short_name_describes_its_document():
    names = DocumentNames(_DOCS)
    asked = "Thông tư hướng dẫn quản lý lao động, tiền lương ở SCIC có hiệu lực từ ngày nào"
    fits = {d.doc_id: names.score(asked, d) for d in _DOCS}
    assert fits["a"] > max(fits["b"], fits["c"]) + 0.1, fits
    assert names.fit(asked, _DOCS[0]) > names.fit(asked, _DOCS[1])


def test_typed_without_capitals_the_short_name_still_counts():
    names = DocumentNames(_DOCS)
    fits = {d.doc_id: names.score("thong tu huong dan quan ly lao dong tien luong o scic", d) for d in _DOCS}
    assert fits["a"] > max(fits["b"], fits["c"]), fits


def test_a_question_without_the_short_name_measures_the_titles_as_before():
    """The short name is another spelling of the name, not more of it: a question that does not use it scores
    the document as if it declared none."""
    asked = "Thông tư hướng dẫn quản lý lao động, tiền lương đối với Tổng công ty Đầu tư và Kinh doanh vốn nhà nước"
    with_short = DocumentNames(_DOCS)
    without = DocumentNames(_DOCS, short_names={})
    for d in _DOCS:
        assert with_short.score(asked, d) == pytest.approx(without.score(asked, d))
    assert with_short.score("quản lý lao động ở SCIC", _DOCS[0]) > without.score("quản lý lao động ở SCIC", _DOCS[0])


def test_stored_short_names_are_used_as_given():
    names = DocumentNames(_DOCS, short_names={"c": [["ĐTVN", "Đài Truyền hình Việt Nam"]]})
    fits = {d.doc_id: names.score("tiền lương ở ĐTVN", d) for d in _DOCS}
    assert max(fits, key=fits.get) == "c", fits


_FIELD = [
    _doc("law", "An toàn, vệ sinh lao động", ""),
    _doc("course", "Hướng dẫn chi tiết về nội dung, chương trình và việc tổ chức bồi dưỡng, sát hạch nghiệp vụ đánh "
                   "giá an toàn, vệ sinh lao động, việc miễn giảm các nội dung bồi dưỡng", ""),
    _doc("wages", "Hướng dẫn quản lý lao động, tiền lương, thù lao, tiền thưởng", ""),
    _doc("insurance", "Bảo hiểm y tế", ""),
    _doc("training", "Quy định về đào tạo nghề và bồi dưỡng kỹ năng nghề", ""),
]
_COURSE_QUESTION = "Khóa bồi dưỡng nghiệp vụ đánh giá an toàn, vệ sinh lao động học trong bao nhiêu giờ"


def test_the_title_naming_what_is_asked_outscores_a_short_title_naming_the_field():
    names = DocumentNames(_FIELD, short_names={}, question_weight=0.65)
    fits = {d.doc_id: names.score(_COURSE_QUESTION, d) for d in _FIELD}
    assert fits["course"] > fits["law"], fits


def test_an_even_mean_lets_the_short_title_win():
    """The reason for the weight: with the two shares weighed alike the field's law fits best."""
    names = DocumentNames(_FIELD, short_names={}, question_weight=0.5)
    fits = {d.doc_id: names.score(_COURSE_QUESTION, d) for d in _FIELD}
    assert fits["law"] > fits["course"], fits

