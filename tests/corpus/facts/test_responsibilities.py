"""Who does what, cited: the seeds' known duties and an unseen directive of the same family."""

from __future__ import annotations

import pytest

from corpus.facts import extract_responsibilities

NOI_VU_CLAUSES = {
    "son-la-2022": {"mục 8"},
    "son-la-2023": {"mục 10"},
    "son-la-2024": {"mục 10"},
    "lai-chau-2023": {"mục 6, điểm e", "phần kết"},
    "ha-nam-2023": {"mục III.5"},
}


@pytest.mark.parametrize("doc_id", sorted(NOI_VU_CLAUSES))
def test_so_noi_vu_has_one_name_and_a_cited_duty_in_every_seed(seeds, doc_id: str) -> None:
    rows = [r for r in extract_responsibilities(seeds[doc_id]) if "nội vụ" in r.agency.lower()]
    assert {r.agency for r in rows} == {"Sở Nội vụ"}
    assert {r.clause for r in rows} == NOI_VU_CLAUSES[doc_id]
    for r in rows:
        assert r.duty and r.doc_id == doc_id and r.clause_id.startswith(doc_id + ":")
        sentence = r.text[r.span[0] : r.span[1]]
        assert "Sở Nội vụ" in sentence


def test_lead_partners_and_report_recipient(seeds) -> None:
    rows = [r for r in extract_responsibilities(seeds["son-la-2024"]) if r.clause == "mục 10"]
    by_agency = {r.agency: r for r in rows}
    lead = by_agency["Sở Nội vụ"]
    for role in ("giao", "chủ trì", "theo dõi", "kiểm tra", "đôn đốc", "tổng hợp báo cáo"):
        assert role in lead.roles
    assert lead.duty.startswith("chủ trì")
    assert by_agency["Văn phòng UBND tỉnh"].roles == ("phối hợp",)
    assert "Sở Nội vụ" in by_agency["Văn phòng UBND tỉnh"].duty
    # The chairman receives the report; he is not assigned a duty here.
    assert "Chủ tịch UBND tỉnh" not in by_agency


def test_de_nghi_and_giao(seeds) -> None:
    rows = extract_responsibilities(seeds["son-la-2024"])
    tuyen_giao = next(r for r in rows if r.agency == "Ban Tuyên giáo Tỉnh ủy")
    assert tuyen_giao.clause == "mục 6" and tuyen_giao.roles[0] == "được đề nghị"
    ttt = next(r for r in rows if r.agency == "Sở Thông tin và Truyền thông")
    assert ttt.roles[:2] == ("giao", "chủ trì")


def test_spelling_variants_merge_inside_a_directive(seeds) -> None:
    rows = extract_responsibilities(seeds["lai-chau-2023"])
    vh = [r for r in rows if r.clause == "mục 6, điểm c" and "Văn hóa" in r.agency]
    assert [r.agency for r in vh] == ["Sở Văn hóa, Thể thao và Du lịch"]
    assert vh[0].name == "Sở Văn hóa - Thể thao và Du lịch"  # as written, kept for the reader
    assert vh[0].roles == ("phối hợp",)
    mttq = [r for r in extract_responsibilities(seeds["ha-nam-2023"]) if "MTTQ" in r.agency]
    assert {r.agency for r in mttq} == {"Ủy ban MTTQ Việt Nam tỉnh"}


def test_lai_chau_closing_cites_the_office_that_receives_reports(seeds) -> None:
    rows = extract_responsibilities(seeds["lai-chau-2023"])
    closing = next(r for r in rows if r.clause == "phần kết" and r.agency == "Sở Nội vụ")
    assert closing.roles == ("tiếp nhận báo cáo",)
    assert "qua Sở Nội vụ" in closing.duty


def test_recipients_and_signature_are_never_reported(seeds) -> None:
    for directive in seeds.values():
        skipped = {c.label for c in directive.clauses if not c.answerable}
        rows = extract_responsibilities(directive)
        assert rows, directive.doc_id
        assert not {r.clause for r in rows} & skipped


def test_unseen_directive(unseen) -> None:
    rows = extract_responsibilities(unseen)
    by_agency = {r.agency: r for r in rows}
    lead = by_agency["Sở Tài nguyên và Môi trường"]
    assert lead.roles[:2] == ("giao", "chủ trì") and lead.clause == "mục II.1"
    assert by_agency["Cục Thống kê tỉnh"].roles == ("phối hợp",)
    assert by_agency["Sở Kế hoạch và Đầu tư"].roles == ("phối hợp",)
    # old tone mark "Uỷ" and the abbreviation give the same name as in the seeds
    assert by_agency["Ủy ban MTTQ Việt Nam tỉnh"].roles[0] == "được đề nghị"
    assert "tổng hợp báo cáo" in by_agency["Sở Nội vụ"].roles  # "Sở Nội vụ tỉnh Điện Biên" -> "Sở Nội vụ"
    assert "Sở Tài chính" not in by_agency  # only in Nơi nhận
    assert all(r.province == "Điện Biên" and r.year == 2025 and r.number == "05/CT-UBND" for r in rows)
