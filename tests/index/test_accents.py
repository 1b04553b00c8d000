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


def test_keyword_search_takes_only_the_spellings_most_hits_agree_on() -> None:
    r = AccentRestorer.from_frequencies(VOCAB, PHRASES)
    split = ["Mức 1: 13.000 đồng; Mức 3: 26.000 đồng", "Mục A. Điều kiện lao động; Mục B", "Mức 2, Mục C"]
    assert r.restore("muc 3", split) in ("mục 3", "mức 3")  # the model needs some spelling: the commoner
    assert r.restore("muc 3", split, decided_only=True) == "muc 3"  # BM25 keeps the folded word: both match
    assert r.restore("muc 3", [*split, "Mức 4: 32.000 đồng"], decided_only=True) == "mức 3"
    # the lexicon's question phrases always decide; the index-wide counts speak for a word the hits lack
    assert r.restore("bao nhieu muc", split, decided_only=True) == "bao nhiêu muc"
    assert r.restore("ty le ho ngheo", split, decided_only=True) == "tỷ lệ hồ nghèo"


def test_a_phrase_never_joins_words_across_punctuation() -> None:
    r = AccentRestorer.from_frequencies([], PHRASES)
    assert r.restore("ho, ngheo", ["hộ nghèo"]) == "hộ, nghèo"  # each word alone, as the context writes it


def test_the_search_asks_the_model_with_marks(tmp_path, monkeypatch) -> None:
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


_LABOUR = [
    (("1",), "Điều 1", "Người lao động có thể giao kết nhiều hợp đồng lao động với nhiều người sử dụng lao động, nhưng "
                       "phải bảo đảm thực hiện đầy đủ các nội dung đã giao kết."),
    (("2",), "Điều 2", "Người lao động đồng thời giao kết nhiều hợp đồng lao động với nhiều người sử dụng lao động thì "
                       "việc tham gia bảo hiểm được thực hiện theo quy định."),
    (("3",), "Điều 3", "Người lao động làm việc đủ 12 tháng cho một người sử dụng lao động thì được nghỉ hằng năm, hưởng "
                       "nguyên lương theo hợp đồng lao động: 12 ngày làm việc đối với người làm công việc trong điều "
                       "kiện bình thường."),
    (("4",), "Điều 4", "Người sử dụng lao động có trách nhiệm quy định lịch nghỉ hằng năm sau khi tham khảo ý kiến của "
                       "người lao động."),
]


def test_a_question_typed_without_marks_ranks_as_typed_with_them(tmp_path) -> None:
    """BM25 searches the question as spelled with its marks: "bao nhieu" is the question's "bao nhiêu", not the
    "nhiều" of "nhiều hợp đồng", so the clauses on annual leave stay above those on several contracts."""
    corpus = make_corpus(make_directive("bo-luat", items=_LABOUR, title="Bộ luật Lao động"))
    ix = open_index(corpus, tmp_path / "ix", embedding_model="unused/model", retriever="bm25")
    marked = [h.chunk.clause_id for h in ix.search("Người lao động được nghỉ hằng năm bao nhiêu ngày?", k=4)]
    for typed in ("nguoi lao dong duoc nghi hang nam bao nhieu ngay", "Nguoi lao dong duoc nghi hang nam bao nhieu ngay?"):
        got = [h.chunk.clause_id for h in ix.search(typed, k=4)]
        assert got == marked, (typed, got, marked)
    assert marked[:2] == ["bo-luat:3", "bo-luat:4"], marked
