"""What a conversation remembers: the documents it is about, and never the previous answer for a changed question."""

from __future__ import annotations

from dataclasses import replace

from bot.conversation import (
    changed,
    context_after,
    context_of,
    history_after,
    pointed_documents,
    prefer_context,
    repeats,
)
from bot.models import Answer, Choice, Citation
from bot.query import read_question
from tests.fakes import tiny_corpus


def cite(doc_id: str, clause: str = "Điều 1", score: float = 1.0) -> Citation:
    return Citation(doc_id=doc_id, doc_type=None, title=None, issuer=None, province=None, year=None, number=None,
                    date=None, clause=clause, text="…", score=score, clause_id=f"{doc_id}#{clause}")


def answer(*cites: Citation, text: str = "20%.", clarify: bool = False, abstained: bool = False, **extra) -> Answer:
    choices = tuple(Choice(label=c.doc_id, doc_id=c.doc_id) for c in cites) if clarify else ()
    return Answer("q", text, abstained, citations=cites, clarify=choices, extra=extra)


def test_the_conversation_is_about_the_document_answered_from_or_every_choice_offered():
    assert context_of(None) == ()
    assert context_of(answer(cite("a"), cite("b"))) == ("a",)  # agreeing documents: the best one
    assert context_of(answer(cite("a"), cite("b"), clarify=True)) == ("a", "b")


def test_an_abstention_keeps_the_documents_the_conversation_was_about():
    q = read_question("Giá vàng hôm nay là bao nhiêu?")
    before = answer(cite("nghi-dinh-1"), context=("nghi-dinh-1",))
    assert context_after(answer(abstained=True), q, before) == ("nghi-dinh-1",)
    assert context_after(answer(cite("thong-tu-2")), q, before) == ("thong-tu-2",)


def test_a_pointer_naming_a_kind_keeps_the_documents_of_that_kind():
    base = tiny_corpus().directives[0]
    docs = {"nd": replace(base, doc_id="nd", doc_type="Nghị định"), "nq": replace(base, doc_id="nq", doc_type="Nghị quyết")}
    first = read_question("Hồ sơ cấp mới gồm những gì?")
    pointer = read_question("Nghị định này có hiệu lực khi nào?", previous=first)
    assert pointed_documents(pointer, ("nq", "nd"), docs) == ("nd",)
    other = read_question("Thông tư này có hiệu lực khi nào?", previous=first)
    assert pointed_documents(other, ("nq", "nd"), docs) == ("nq", "nd")  # none of that kind: all of them


def test_the_documents_under_discussion_replace_a_choice_only_when_about_as_well_supported():
    choice = answer(cite("x", score=0.6), cite("y", score=0.5), clarify=True)
    assert prefer_context(choice, answer(cite("a", score=0.55)), margin=0.25)
    assert not prefer_context(choice, answer(cite("a", score=0.2)), margin=0.25)
    assert not prefer_context(choice, answer(abstained=True), margin=0.25)
    assert not prefer_context(answer(cite("x", score=0.6)), answer(cite("a", score=0.9)), margin=0.25)


def test_a_changed_followup_never_gets_the_previous_answer_again():
    first = read_question("Mức lương tối thiểu vùng I theo Nghị định 38/2022/NĐ-CP là bao nhiêu?")
    follow = read_question("Còn vùng V?", previous=first)
    assert follow.elliptical and changed(follow, first)
    before = answer(cite("nd38", "Điều 3, khoản 1"), text="4.680.000 đồng.")
    assert repeats(answer(cite("nd38", "Điều 3, khoản 1"), text="4.680.000 đồng."), before)
    assert not repeats(answer(cite("nd38", "Điều 3, khoản 1"), text="3.250.000 đồng."), before)
    assert not repeats(answer(cite("nd38", "Điều 3, khoản 2"), text="4.680.000 đồng."), before)
    assert not changed(read_question("Còn?", previous=first), first)


def test_a_pointer_naming_a_kind_finds_the_latest_document_of_that_kind_discussed():
    base = tiny_corpus().directives[0]
    docs = {"ct": replace(base, doc_id="ct", doc_type="Chỉ thị"), "tt": replace(base, doc_id="tt", doc_type="Thông tư")}
    q = read_question("Giá xăng hôm nay bao nhiêu?")
    first = answer(cite("ct"), context=("ct",), context_history=(("ct",),))
    second = answer(cite("tt"), text="khác")
    history = history_after(second, q, first)
    assert history == (("tt",), ("ct",))
    pointer = read_question("Chỉ thị này do ai ký?", previous=q)
    assert pointed_documents(pointer, ("tt",), docs, history) == ("ct",)
    assert pointed_documents(read_question("Văn bản này do ai ký?", previous=q), ("tt",), docs, history) == ("tt",)
