"""A question typed without marks reaches the embedding model accented, as the indexed chunks write it."""

from __future__ import annotations

import index.engine as engine
from corpus.lexicon import load_lexicon
from index import open_index
from index.accents import AccentRestorer, has_diacritics
from tests.fakes import FakeEncoder
from tests.index.factory import make_corpus, make_directive

PHRASES = load_lexicon().topic("question_spellings")
# (token, chunks holding it) as BM25's vocabulary counts them: every accented token also gives its folded one
VOCAB = [("hồ", 40), ("hộ", 25), ("ho", 60), ("theo", 90), ("thèo", 1), ("nghèo", 20), ("ngheo", 20),
         ("tỷ", 30), ("ty", 30), ("lệ", 30), ("le", 31), ("ái", 12), ("ai", 12), ("kỷ", 9), ("ky", 15), ("ký", 6)]


def test_the_chunks_that_hold_the_phrase_decide_between_words_with_the_same_letters() -> None:
    r = AccentRestorer.from_frequencies(VOCAB, PHRASES)
    assert r.restore("ty le ho ngheo") == "tỷ lệ hồ nghèo"  # alone, "ho" is the index's most common: hồ
    context = ["Tỷ lệ hộ nghèo theo chuẩn nghèo giai đoạn 2021-2025 là 11,41%."]
    assert r.restore("ty le ho ngheo", context) == "tỷ lệ hộ nghèo"
    assert r.restore("ho ngheo theo chuan moi", context) == "hộ nghèo theo chuẩn moi"  # "moi": no source, as typed


def test_question_words_follow_the_lexicon_not_the_documents() -> None:
    r = AccentRestorer.from_frequencies(VOCAB, PHRASES)
    # the documents say "thi đua ái quốc" and "kỷ luật", but a question "ai ky" asks who signed
    assert r.restore("ai ky chi thi", ["Thi đua ái quốc", "kỷ luật, kỷ cương"]) == "ai ký chi thi"
    assert r.restore("co quan nao theo doi") .startswith("cơ quan nào theo")


def test_typed_marks_case_digits_and_codes_are_kept() -> None:
    r = AccentRestorer.from_frequencies(VOCAB, PHRASES)
    assert r.restore("Tỷ lệ ho nghèo") == "Tỷ lệ ho nghèo"  # any mark: the user typed Vietnamese
    assert r.restore("Ty le 11,41% theo CT-01/UBND", ["tỷ lệ"]) == "Tỷ lệ 11,41% theo CT-01/UBND"
    assert has_diacritics("đ") and not has_diacritics("dan so 2024")


def test_a_phrase_never_joins_words_across_punctuation() -> None:
    r = AccentRestorer.from_frequencies([], PHRASES)
    assert r.restore("ho, ngheo", ["hộ nghèo"]) == "hộ, nghèo"  # each word alone, as the context writes it


def test_the_search_asks_the_model_with_marks_and_bm25_with_the_words_as_typed(tmp_path, monkeypatch) -> None:
    corpus = make_corpus(make_directive("son-la-2024", title="Phát động phong trào thi đua năm 2024"))
    enc = FakeEncoder("fake/encoder")
    monkeypatch.setattr(engine, "load_encoder", lambda model_id, **kw: (enc, None))
    ix = open_index(corpus, tmp_path / "ix", embedding_model="fake/encoder")
    asked: list[str] = []
    real = enc.encode_query
    monkeypatch.setattr(enc, "encode_query", lambda text: asked.append(text) or real(text))
    hits = ix.search("ty le ho ngheo theo chuan ngheo", k=3)
    assert asked == ["tỷ lệ hộ nghèo theo chuẩn nghèo"]
    assert hits[0].chunk.clause_id == "son-la-2024:3.a" and "bm25" in hits[0].scores
    ix.search("Tỷ lệ hộ nghèo", k=3, retriever="dense")
    assert asked[-1] == "Tỷ lệ hộ nghèo"
