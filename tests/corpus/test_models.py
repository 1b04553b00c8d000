"""A document's clauses found by id, path or label, as a user or another clause names them."""

from __future__ import annotations

from corpus.models import Clause, Directive


def _doc(*clauses: Clause) -> Directive:
    return Directive(doc_id="d", source="d.txt", doc_type="Thông tư", number="1/2026/TT-BTC", date=None, issuer=None,
                     province=None, year=2026, title=None, signer=None, text="", clauses=clauses)


def _clause(cid: str, label: str, path: tuple[str, ...], text: str) -> Clause:
    return Clause(id=cid, doc_id="d", label=label, kind="khoan", path=path, heading=(), text=text, start=0, end=0)


def test_a_clause_is_found_by_its_label_written_any_way():
    d = _doc(_clause("d:1", "Điều 1", ("1",), "Phạm vi điều chỉnh"),
             _clause("d:2", "Điều 2, khoản 1", ("2", "1"), "Hồ sơ gồm"),
             _clause("d:3", "Phụ lục, mục 12", ("PL", "12"), "Mức thu"))
    assert d.clause("điều 2,  KHOẢN 1").text == "Hồ sơ gồm"
    assert d.clause("Phụ lục, mục 12").text == d.clause("PL.12").text == d.clause("d:3").text == "Mức thu"
    assert d.clause("Điều 3") is None and d.clause("d:9") is None


def test_the_first_clause_in_the_document_that_a_name_fits_is_found():
    # "Điều 1" is the label of the second clause and the id of the third: the document's order decides
    d = _doc(_clause("d:0", "Phần mở đầu", ("0",), "Căn cứ"),
             _clause("d:1", "Điều 1", ("1",), "Phạm vi"),
             _clause("Điều 1", "Phụ lục", ("PL",), "Mẫu"),
             _clause("d:4", "Điều 1", ("4",), "Nhắc lại"))
    assert d.clause("Điều 1").text == "Phạm vi"
    assert d.clause("Phụ lục").text == "Mẫu"
