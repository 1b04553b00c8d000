"""The dev/test split: one rule in eval/splits.toml, and every shipped item's ``split`` agrees with it."""

from __future__ import annotations

import hashlib

import pytest

from eval.questions import check_splits, load_conversations, load_questions, set_path
from eval.splits import load_split_rule
from tests.eval.test_runner import q

DEV_DIRECTIVES = ("son-la-2022", "son-la-2023", "lai-chau-2023")
TEST_DIRECTIVES = ("son-la-2024", "ha-nam-2023")


def test_bundled_directives_are_split_as_decided():
    rule = load_split_rule()
    assert [rule.of_document(d) for d in DEV_DIRECTIVES] == ["dev"] * 3
    assert [rule.of_document(d) for d in TEST_DIRECTIVES] == ["test"] * 2


@pytest.mark.parametrize("doc_id", ["luat-so-69-2020-qh14-32699", "thong-tu-so-15-2024-tt-bldtbxh-43951", "x"])
def test_library_documents_go_to_test_iff_their_sha256_is_odd(doc_id):
    odd = int(hashlib.sha256(doc_id.encode("utf-8")).hexdigest(), 16) % 2 == 1
    assert load_split_rule().of_document(doc_id) == ("test" if odd else "dev")


def test_an_item_touching_any_test_document_is_test():
    rule = load_split_rule()
    assert rule.of_documents(["son-la-2022", "son-la-2024"]) == "test"
    assert rule.of_documents(["son-la-2022", "son-la-2023"]) == "dev"


def test_items_without_gold_alternate_by_sorted_id():
    rule = load_split_rule()
    got = rule.of_items([("none-003", ()), ("none-001", ()), ("a-1", ("ha-nam-2023",)), ("none-002", ())])
    assert got == {"none-001": "dev", "none-002": "test", "none-003": "dev", "a-1": "test"}


def test_a_wrong_split_field_is_reported():
    wrong = q("sl24-1", "Tỷ lệ hộ nghèo 2024?", "target", [("son-la-2024", "Phụ lục, mục 12")], ["11,41%"],
              split="dev")
    (problem,) = check_splits([wrong])
    assert "sl24-1" in problem and "'test'" in problem and "son-la-2024" in problem


def test_a_document_in_both_splits_is_refused(tmp_path):
    path = tmp_path / "splits.toml"
    path.write_text('[documents]\ndev = ["a"]\ntest = ["a"]\n[rule]\nhash = "sha256-mod-2"\n'
                    'no_gold = "alternate-by-sorted-id"\n', encoding="utf-8")
    with pytest.raises(ValueError, match="both dev and test"):
        load_split_rule(path)


def test_shipped_directive_questions_agree_with_the_split_and_both_splits_are_used():
    questions = load_questions()
    assert not check_splits(questions), "\n".join(check_splits(questions))
    test = [x for x in questions if x.split == "test"]
    assert len(test) >= 90 and sum(not x.answerable for x in test) >= 10
    assert all(d not in TEST_DIRECTIVES for x in questions if x.split == "dev" for d in x.gold_docs)


@pytest.mark.parametrize("name", ["library", "conversations"])
def test_shipped_library_and_conversation_sets_agree_with_the_split(name):
    path = set_path(name)
    if not path.is_file():
        pytest.skip(f"{path.name} is not in this checkout yet")
    items = load_conversations(path) if name == "conversations" else load_questions(path)
    problems = check_splits(items)
    assert not problems, "\n".join(problems)
    assert {i.split for i in items} == {"dev", "test"}
