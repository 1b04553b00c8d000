"""Answering a question with the clause it comes from, or saying the documents do not say.

The flow: read the question (scope and kind) → choose the documents in scope →
retrieve candidate clauses → rank documents by that evidence and keep the best few →
the answerer of the question's kind finds the answering words in each → every number
and agency is checked against the cited clause → one answer from the best document,
per-document lines for a question about a set, or the differing answers with a
request to choose (``Answer.clarify``) → or an abstention with the closest clauses.
"""

from __future__ import annotations

import logging
import re
import time
from collections.abc import Callable, Mapping
from dataclasses import replace
from pathlib import Path

from bot.answerers import Found, Reader, answerer_for, asked_needs, topic_words
from bot.answerers.labels import asked_steps
from bot.answerers.legal import repeals_by_title
from bot.answerers.meta import stating_block
from bot.compose import citation, doc_ref, vn_date
from bot.conversation import (
    agency_pointed,
    agency_unknown,
    answered_on,
    completed_label,
    context_of,
    history_of,
    in_provinces,
    last_answered,
    named_pairs,
    named_words,
    naming,
    other_year,
    pointed_documents,
    prefer_context,
    repeats,
    same_series,
    turn_state,
    unsaid,
)
from bot.documents import (
    DocumentNames,
    changed_numbers,
    changing,
    consolidating,
    covers_years,
    declared_short_names,
    named_types,
    number_matches,
    short_names_key,
)
from bot.grounding import unsupported
from bot.guard import check_question, clean_question
from bot.library import StoredFacts, load_settings_library, open_settings_index
from bot.models import Answer, Choice, Citation
from bot.places import name_leads
from bot.query import (
    Query,
    clause_labels,
    followup_phrase,
    is_step,
    read_question,
    with_agency,
)
from bot.quotes import quoted_text
from bot.segments import Scorer, Segment, has_diacritics, split_segments, syllable_units, tokens
from bot.settings import Settings
from bot.support import (
    DocumentNumbers,
    Need,
    gaps,
    head_words,
    is_party_number,
    key_words,
    settled_words,
    titled_scope,
    unheld_nouns,
    unknown_documents,
)
from bot.tuning import AnswerTuning
from corpus.lexicon import alternatives, load_lexicon, prepare_derived
from corpus.models import Clause, Corpus, Directive
from corpus.text import fold, whole_words
from index.chunking import block_chunk
from index.fusion import FusionTuning
from index.models import Filters, Hit

__all__ = ["Assistant", "open_settings_index"]

log = logging.getLogger(__name__)


def _place_names_key() -> str:
    """Changes with what ``places.name_leads`` reads (its code and the lexicon): the key of the stored table."""
    import hashlib

    import bot.places
    from corpus.lexicon import lexicon_hash

    return hashlib.sha256(Path(bot.places.__file__).read_bytes() + lexicon_hash().encode()).hexdigest()[:12]


def _scorer_key() -> str:
    """Changes with the code that decides what a unit is (sentence parts, syllables, lexicon)."""
    import hashlib

    import bot.segments
    import index.tokenize
    from corpus.persist import PARSER_KEY

    h = hashlib.sha256(PARSER_KEY.encode())
    for module in (bot.segments, index.tokenize):
        h.update(Path(module.__file__).read_bytes())
    return h.hexdigest()[:12]


class _LazySegments(dict):
    """Sentence parts of answerable clauses, split when first needed (a library has hundreds of thousands)."""

    def __init__(self, clauses: dict[str, tuple[Directive, Clause]]) -> None:
        super().__init__()
        self._clauses = clauses

    def __contains__(self, cid: object) -> bool:
        found = self._clauses.get(cid)  # type: ignore[call-overload]
        return found is not None and found[1].answerable

    def __missing__(self, cid: str) -> list[Segment]:
        if cid not in self:
            raise KeyError(cid)
        d, c = self._clauses[cid]
        value = self[cid] = split_segments(c.id, d.doc_id, c.text)
        return value

    def get(self, cid: str, default=None):  # type: ignore[override]
        return self[cid] if cid in self else default  # noqa: SIM401 (this is get itself)


class Assistant:
    """Loaded once (corpus, index, scorer); answers many questions."""

    def __init__(
        self, corpus: Corpus, index, *, top_k: int = 5, retriever: str | None = None,
        tuning: AnswerTuning | None = None, facts: StoredFacts | None = None,
    ):
        self.corpus = corpus
        self.facts = facts  # supervisor facts stored at index time, read on the first /trachnhiem or /chitieu
        self.index = index
        self.top_k = top_k
        self.retriever = retriever or getattr(index, "retriever", "bm25")
        own = getattr(index, "fusion", None)
        if tuning is None:
            self.tuning = AnswerTuning(fusion=own) if isinstance(own, FusionTuning) else AnswerTuning()
        else:
            self.tuning = tuning
            if isinstance(own, FusionTuning):
                index.fusion = tuning.fusion  # one record of every number: the index searches with it
        self._clauses: dict[str, tuple[Directive, Clause]] = {
            c.id: (d, c) for d in corpus.directives for c in d.clauses
        }
        self._segments = _LazySegments(self._clauses)
        self._scorer_cache: Scorer | None = None
        self._reader = Reader(self._clauses, self._segments, lambda: self._scorer, self.tuning)
        self._provinces = tuple(sorted({d.province for d in corpus.directives if d.province}))
        self._numbers = DocumentNumbers(corpus.directives)
        self._names = DocumentNames(corpus.directives, short_names=self._short_names(),
                                    question_weight=self.tuning.name_question_weight)
        self._directives = {d.doc_id: d for d in corpus.directives}
        self._place_names_cache: frozenset[str] | None = None
        # Each document's text as document numbers are looked for in it (``_number_key``), read on first need: folding
        # the whole library again for every question naming a document it lacks took about a second.
        self._number_texts: dict[str, str] = {}

    @property
    def _scorer(self) -> Scorer:
        """Word rarities over every sentence part: stored beside the index once counted, so only the
        first question after a build counts them (minutes for a library of hundreds of documents)."""
        if self._scorer_cache is None:
            def count() -> dict[str, object]:
                return Scorer(s.text for d, c in self._clauses.values() if c.answerable
                              for s in split_segments(c.id, d.doc_id, c.text)).table()

            derived = getattr(self.index, "derived", None)
            table = derived(f"scorer-{_scorer_key()}", count) if derived is not None else count()
            self._scorer_cache = Scorer.from_table(table)
        return self._scorer_cache

    def _short_names(self) -> dict[str, list[list[str]]] | None:
        """The short names each document declares (``declared_short_names``), kept beside the index: reading
        every document's text for them costs a start tens of milliseconds at library scale."""
        derived = getattr(self.index, "derived", None)
        if derived is None:
            return None

        def read() -> dict[str, list[list[str]]]:
            found = {d.doc_id: [list(x) for x in declared_short_names(d.text or "")] for d in self.corpus.directives}
            return {doc: names for doc, names in found.items() if names}

        return derived(f"short-names-{short_names_key()}", read)

    @property
    def _place_names(self) -> frozenset[str]:
        """The names of bodies and things holding a place that the national documents write ("Sở Giao dịch Chứng
        khoán Hà Nội", ``places.name_leads``): such a place in a question is no scope.  Kept beside the index like the
        short names: reading a library for them takes seconds."""
        if self._place_names_cache is None:
            def read() -> dict[str, list[str]]:
                return {"names": name_leads((d.text or "", d.province or "") for d in self.corpus.directives)}

            derived = getattr(self.index, "derived", None)
            table = derived(f"place-names-{_place_names_key()}", read) if derived is not None else read()
            self._place_names_cache = frozenset(table["names"])
        return self._place_names_cache

    @classmethod
    def load(cls, settings: Settings, *, progress: bool = False) -> Assistant:
        """Read the corpus (only files changed since the index was built) and open (or build) the index."""
        library = load_settings_library(settings, progress=progress, with_facts=True)
        for problem in library.corpus.problems:
            log.warning("skipped %s: %s", problem.path, problem.detail or problem.message)
        index = open_settings_index(library, settings, progress=progress)
        return cls(library.corpus, index, top_k=settings.top_k, retriever=settings.retriever,
                   facts=StoredFacts(library, Path(settings.index_dir)))

    def count_word_rarities(self) -> None:
        """Count (or read) the word rarities now and keep them with the index: ``thidua index`` does, so the first
        question after a build does not count them (seconds over a whole library)."""
        self._scorer  # noqa: B018 (read for its side effect: counted, kept with the index and here)
        self._place_names  # noqa: B018 (likewise: the names holding a place, read from the documents once)

    def warm(self) -> None:
        """Load now what the first question would otherwise load (the word rarities kept with the index, the
        word segmenter and tagger, the fact readers, the patterns built from the lexicon): a chat loads once and
        then answers many questions, so its first user should not wait a few hundred milliseconds more than the
        next one."""
        import corpus.facts  # noqa: F401  (agencies, targets: the answer layer imports them on first use)
        from index.wordseg import pos_tags, segment, segment_folded

        self.count_word_rarities()
        pos_tags(segment("Chỉ thị phát động phong trào thi đua"))
        segment_folded("chi thi phat dong phong trao thi dua")  # a question typed without marks
        prepare_derived()  # the answer layer's patterns from the lexicon
        getattr(self.index, "warm", lambda: None)()  # the index's own first-question work
        self._scorer.spellings()  # how the library spells a syllable typed without marks
        # the question reader's whole-word patterns (every place name, each cue), compiled once and kept
        read_question("Hà Nội năm 2024 có bao nhiêu?", known_provinces=self._provinces, names=self._place_names)

    # ----------------------------------------------------------------- public API

    def search(
        self, question: str, *, k: int = 10, retriever: str | None = None, filters: Filters | None = None
    ) -> list[Hit]:
        """The ranking the answer starts from: question scope and ``filters`` applied."""
        q = read_question(clean_question(question), known_provinces=self._provinces, names=self._place_names)
        docs = self._scope_with_note(q, filters)[0] or list(self.corpus.directives)
        fits = self._fits(q, docs)
        # As many hits as the answer reads, ordered as it orders them, then the first ``k``.
        hits = self._ranked_by_fit(self._search(q, docs, k=max(k, self._depth(docs)), retriever=retriever), fits,
                                   self._effective_retriever(retriever))
        named = self._named(fits)
        return self._stating_first(q, self._with_named(q, hits, named, retriever=retriever))[:k]

    def answer(
        self,
        question: str,
        *,
        filters: Filters | None = None,
        retriever: str | None = None,
        top_k: int | None = None,
        previous: Answer | None = None,
    ) -> Answer:
        """Answer one question; ``previous`` (the last answer in a conversation) lets a follow-up be elliptical.

        Errors are not turned into abstentions: they propagate to the caller, which shows one line
        and logs the trace (an abstention would hide a bug and score as a correct refusal).
        """
        t0 = time.perf_counter()
        text = clean_question(question)
        ran = self._effective_retriever(retriever)
        problem = check_question(text)
        if problem:
            return Answer(question=text, answer=problem, abstained=True, retriever=ran, kind="invalid",
                          latency_ms=(time.perf_counter() - t0) * 1000, notice=self.index_notice)
        prev_q = previous.extra.get("query") if previous is not None else None
        said = ""
        if previous is not None and previous.citations and not previous.abstained:
            cited = previous.citations[0]  # the words it quoted, not the rest of a long clause
            said = cited.text[slice(*cited.span)] if cited.span else cited.text
        q = with_agency(read_question(text, known_provinces=self._provinces, previous=prev_q, names=self._place_names,
                                      said=said), agency_pointed(previous))
        if not said and previous is not None:
            # "Còn năm 2022?" after "Còn Sơn La?" was declined: the thing asked is still named as the last answer's
            # clause named it, and another year's document must name it too (not answer "Bộ Chính trị" from a
            # clause on another duty)
            said = answered_on(previous, q.topic)
        if said:
            named = named_words(q, prev_q, said)
            q = replace(q, named=named, named_pairs=named_pairs(q, named, said, self.tuning.named_gap))
        if (q.kind == "clause" and q.clause_ref and q.elliptical and previous is not None and previous.citations
                and not previous.abstained):
            # "Còn điểm d?" after an answer from "mục 6, điểm c": the label completed from the clause answered
            q = replace(q, clause_ref=completed_label(clause_labels(previous.citations[0].clause), q.clause_ref))
        context = context_of(previous)
        series: tuple[str, ...] | None = None
        if (q.kind == "clause" and not (q.scoped or q.doc_types or q.issuers) and filters is None
                and len(context) == 1):
            # "Khoản 1 Điều 5 quy định gì?" while the conversation is about one document: that document's clause
            filters = Filters(doc_ids=context)
        elif q.same_document and context and filters is None:
            # A follow-up about the document the conversation is about ("Nghị định này …", "Còn vùng IV?").
            filters = Filters(doc_ids=pointed_documents(q, context, self._directives, history_of(previous)))
        elif context and filters is None and other_year(q, prev_q) and in_provinces(context, q.provinces, self._directives):
            # "Còn năm 2027?": the same document when it covers that year, else its series in that year.
            series = same_series(q.years, in_provinces(context, q.provinces, self._directives), self._directives)
            filters = Filters(doc_ids=series) if series else None
        pointer, agencies = agency_unknown(q, previous)
        if pointer:
            # "Sở đó phối hợp với sở nào?" when no turn gave one agency: asked which, never answered about a guess
            ans = Answer(question=q.text, abstained=True, answer=_which_agency(pointer, agencies, previous))
        elif q.asked_now and not q.kind.startswith("meta_") and q.kind != "clause":
            # "Giá xăng hôm nay …?", "Thời tiết tuần này …?": what holds on the day of asking is in no document
            about = f" về {_scope_words(q)}" if _scope_words(q) else ""
            ans = Answer(question=q.text, abstained=True,
                         answer=(f"Không tìm thấy nội dung trả lời{about}: câu hỏi nói về thời điểm hiện "
                                 "tại (“hôm nay”, “tuần này”…), còn các văn bản trong kho chỉ quy định chế độ, mức và "
                                 "chỉ tiêu, không cập nhật tình hình từng ngày."))
        elif q.kind == "clause" and not (q.scoped or q.doc_types or q.issuers or filters is not None):
            # "Điều 5 quy định gì?" with no document named nor under discussion: hundreds have an Điều 5
            ans = Answer(question=q.text, abstained=True,
                         answer=(f"Câu hỏi nêu {_label_text(q.clause_ref)} nhưng chưa cho biết là của văn bản nào. Hãy "
                                 "thêm số hiệu văn bản, ví dụ: “Điều 5 Thông tư 28/2026/TT-BTC quy định gì?”"))
        elif q.same_document and not q.elliptical and not context and filters is None and previous is not None:
            # "Thông tư này do ai ký?" when no turn was answered from a document of the library: nothing to point to
            missing = (f"văn bản số {', '.join(prev_q.numbers[:1])} không có trong kho, và "
                       if prev_q and prev_q.numbers else "")
            ans = Answer(question=q.text, abstained=True,
                         answer=(f"Không rõ câu hỏi nói tới văn bản nào: {missing}chưa có câu trả lời nào trong cuộc trò "
                                 "chuyện lấy từ một văn bản trong kho. Hãy nêu số hiệu hoặc tên văn bản."))
        elif series == ():
            ans = self._no_series(q, context)
        else:
            ans = self._answer(q, filters, retriever, top_k or self.top_k, context=context,
                               settled=_settled(q, previous, self._clauses))
        if context and filters is None and ans.clarify:
            # Several documents answer differently and the question names none: the conversation names one.
            scoped = self._answer(q, Filters(doc_ids=context), retriever, top_k or self.top_k)
            if prefer_context(ans, scoped, margin=self.tuning.doc_margin + self.tuning.title_weight, context=context):
                ans = scoped
        if (q.elliptical or (q.followup and not q.same_document)) and repeats(ans, q, previous):
            # also a question pointing back to the year or province ("Năm đó tỉnh nào làm cụm trưởng?"): the clause
            # just quoted, quoted again for a question asking something else, does not answer it
            ans = Answer(question=q.text, abstained=True,
                         answer=("Không tìm thấy nội dung trả lời riêng cho câu hỏi này: văn bản chỉ cho lại câu trả "
                                 "lời của câu hỏi trước. Hãy hỏi đầy đủ hơn (nêu rõ chỉ tiêu, đối tượng hoặc văn bản)."))
        if ans.abstained and q.inherited_years and q.provinces:
            ans = replace(ans, answer=ans.answer + self._other_years(q))
        if ans.abstained and q.numbers and not q.elliptical:
            # a declined question about "Thông tư 18/2022/TT-BLĐTBXH": the conversation is about that circular now
            named = self._scope(q, filters)
            ans = naming(ans, tuple(d.doc_id for d in named) if len(named) <= self.tuning.max_docs else ())
        return replace(
            ans,
            question=text,
            retriever=ran,
            kind=q.kind,
            latency_ms=(time.perf_counter() - t0) * 1000,
            notice=self.index_notice,
            extra={**ans.extra, "query": q, **turn_state(ans, q, previous)},
        )

    def _no_series(self, q: Query, context: tuple[str, ...]) -> Answer:
        """A year follow-up whose series of documents has none for that year: say which, and what it has."""
        docs = [self._directives[c] for c in context if c in self._directives]
        named = "; ".join(d.short_name() for d in docs)
        years = ", ".join(map(str, q.years))
        # one line without brackets around the name's own brackets: "… với Chỉ thị 01/CT-UBND (Sơn La, 2024) của …"
        return Answer(
            question=q.text, abstained=True,
            answer=(f"Không tìm thấy văn bản nào năm {years} cùng loại và cùng cơ quan ban hành với "
                    f"{named + ' của' if named else 'văn bản của'} câu hỏi trước, nên tôi không trả lời câu hỏi này "
                    "bằng văn bản khác."),
        )

    def _other_years(self, q: Query) -> str:
        """Why a follow-up that kept the previous year found no document, and which years the province has."""
        years = {p: sorted({d.year for d in self.corpus.directives if d.province == p and d.year}) for p in q.provinces}
        if any(y in q.years for have in years.values() for y in have):
            return ""  # the documents exist: they just do not say it
        have = ", ".join(f"của {p} năm {', '.join(map(str, ys))}" for p, ys in years.items() if ys)
        said = f" Năm {', '.join(map(str, q.years))} được hiểu theo câu hỏi trước"
        return said + (f"; kho chỉ có văn bản {have}." if have else ".")

    @property
    def index_notice(self) -> str | None:
        return getattr(self.index, "notice", None)

    # ----------------------------------------------------------------- scope

    def _effective_retriever(self, asked: str | None) -> str:
        wanted = asked or self.retriever
        actual = getattr(self.index, "retriever", wanted)
        return "bm25" if wanted != "bm25" and actual == "bm25" else wanted

    def _scope(self, q: Query, filters: Filters | None) -> list[Directive]:
        # A follow-up pinned to the conversation's documents keeps them even when the year it inherited
        # is not their own ("Còn doanh nghiệp …?" after a question on "Luật … năm 2025" in its consolidated text).
        year_scope = () if q.inherited_years and filters is not None and filters.doc_ids else q.years

        def keep(d: Directive, years: tuple[int, ...]) -> bool:
            # A national document named by its number ("Thông tư 18/2022/TT-BLĐTBXH … thủy điện Sơn La") is
            # not excluded by a province its content is about.
            if q.provinces and d.province not in q.provinces and not (numbers and not d.province):
                return False
            if q.nationwide and d.province and not q.provinces:
                return False  # "cả nước": a province's document does not say it
            if q.before_year and (d.year or q.before_year) >= q.before_year:
                return False  # "trước năm 2026": only older documents say what held then
            if years and d.year not in years and not (covers_years(d, years) and described(d)):
                return False
            if numbers and not any(number_matches(fold(d.number or ""), n) for n in numbers):
                return False
            if q.doc_types and d.doc_type not in q.doc_types:
                return False
            if issuers and fold(d.issuer or "") not in issuers:
                return False
            if filters:
                if filters.provinces and fold(d.province or "") not in {fold(p) for p in filters.provinces}:
                    return False
                if filters.years and d.year not in filters.years:
                    return False
                if filters.doc_ids and d.doc_id not in filters.doc_ids:
                    return False
                if filters.doc_types and d.doc_type not in filters.doc_types:
                    return False
            return True

        def described(d: Directive) -> bool:
            # A year inside a document's period ("giai đoạn 2025 - 2027"), or the year of the document a
            # consolidated text consolidates, is weaker than its own year: the question must also describe it.
            return self._names.score(topic, d) >= self.tuning.named_min

        topic = q.topic or q.text
        issuers = {fold(i) for i in q.issuers}
        numbers = [fold(n) for n in q.numbers]  # "127/2026/ND-CP" typed without diacritics
        # "20/2021" read from "Nghị định 20/2021/NĐ-CP" is that number, not any document numbered 20/2021
        numbers = [n for n in numbers if not any(m != n and m.startswith(n + "/") for m in numbers)]
        docs = [d for d in self.corpus.directives if keep(d, year_scope)]
        if not docs and issuers:  # an issuer misread (or written otherwise in the document) must not hide them
            issuers = set()
            docs = [d for d in self.corpus.directives if keep(d, year_scope)]
        return docs

    def _scope_with_note(self, q: Query, filters: Filters | None) -> tuple[list[Directive], str]:
        """The documents in scope, and a note when a number was found only inside a consolidated text.

        A question may name a document the library holds only as part of a consolidated text
        (Văn bản hợp nhất): "Thông tư 34/2019/TT-BLĐTBXH" consolidated in 468/VBHN-BLĐTBXH.  Scope by
        number then falls back to the consolidated texts that name it in their opening paragraph."""
        changed = changed_numbers(q.text, q.numbers)
        if changed:
            # "Thông tư sửa đổi Thông tư 21/2021/TT-BLĐTBXH …" asks about the amending circular, whose title names
            # the number; without one in the library the question is read as it names the number.
            wider = replace(q, numbers=tuple(n for n in q.numbers if n not in changed))
            found = changing(self._scope(wider, filters), changed)
            if found:
                return found, ""
        docs = self._scope(q, filters)
        if docs or not q.numbers:
            return docs, ""
        allowed: dict[str, Directive] = {}
        notes: list[str] = []
        for n in q.numbers:
            asked = fold(n)
            if any(number_matches(fold(d.number or ""), asked) for d in self.corpus.directives):
                continue
            holders = consolidating(self.corpus.directives, asked)
            for d in holders:
                allowed.setdefault(d.doc_id, d)
            if holders and "/" in n.split("/", 1)[1]:  # a whole number, not "34/2019" repeating it
                names = ", ".join(f"{d.doc_type} số {d.number}" for d in holders[: self.tuning.max_docs])
                notes.append(f" ({n} không có trong kho như một văn bản riêng; nội dung của nó nằm trong {names}.)")
        if not allowed:
            return docs, ""
        wider = replace(q, numbers=(), doc_types=())
        docs = [d for d in self._scope(wider, filters) if d.doc_id in allowed]
        return docs, "".join(notes) if docs else ""

    def _fits(self, q: Query, docs: list[Directive]) -> dict[str, float]:
        """How well each document's name fits the question (``DocumentNames.score``), plus a bonus when the
        question names the document's type first ("Nghị định về …")."""
        if len(docs) < 2:
            return {}
        t = self.tuning
        topic = q.topic or q.text
        kinds = named_types(q.text)
        first = kinds[0] if kinds else None
        # A provincial directive is named by its province and year (the scope), not by its title: directives
        # of other provinces share it almost word for word, and a question that names no province is asked of all.
        return {
            d.doc_id: 0.0 if d.province else
            self._names.score(topic, d) + (t.type_bonus if first and self._names.has_type(d, first) else 0.0)
            for d in docs
        }

    def _named(self, fits: dict[str, float]) -> str | None:
        """The document the question describes, when its name fits clearly better than any other's."""
        if len(fits) < 2:
            return None
        (best, top), (_, second) = sorted(fits.items(), key=lambda x: -x[1])[:2]
        t = self.tuning
        return best if top >= t.named_min and top - second >= t.named_lead else None

    def _depth(self, docs: list[Directive]) -> int:
        """How many hits the answer reads: enough for every document in scope, bounded at library scale."""
        t = self.tuning
        return min(t.max_hits, max(t.candidates_per_doc * len(docs), 20))

    def _ranked_by_fit(self, hits: list[Hit], fits: dict[str, float], mode: str) -> list[Hit]:
        """``hits`` ordered by their score as a share of the best one plus ``title_rank_weight`` times their
        document's name fit (``_fits``).  A clause's words alone rank a long law's generic clause ("có trình độ
        … kinh nghiệm") above the clause of the document whose title names the question's subject; the
        documents read for an answer are the first ones here.  Within one document the order is the search's.
        Dense search alone keeps its order: its cosines all lie near the best one, so a share of the best
        says little and the name would decide alone."""
        weight = self.tuning.title_rank_weight
        if not weight or mode == "dense" or len(hits) < 2 or not any(fits.values()):
            return hits
        top = max(h.score for h in hits)
        if top <= 0:
            return hits
        return sorted(hits, key=lambda h: -(h.score / top + weight * fits.get(h.chunk.doc_id, 0.0)))

    def _with_named(self, q: Query, hits: list[Hit], named: str | None, *, retriever: str | None) -> list[Hit]:
        """``hits`` with the described document's best clauses first (searched within it when the
        library-wide search did not reach them)."""
        if named is None:
            return hits
        d = self.corpus.get(named)
        text = q.topic or q.text
        # Inside the document its title's words are everywhere: the rest of the question finds the clause.
        rest = self._names.beyond_title(text, d) if d is not None else ""
        asked = rest or text
        keywords = _keyword_query(q, asked)
        # The title's words are left out already: counting the others' rarity inside the document as well
        # would discount its subject twice (a replacement clause names the replaced document by that subject).
        own = self.index.search(keywords, k=self.tuning.candidates_per_doc,
                                filters=Filters(doc_ids=(named,), body_only=_body_only(q)), retriever=retriever,
                                dense_query=asked if keywords != asked else None,
                                document_idf=0.0 if rest else None)
        return _own_first(own, hits)

    def _stating_first(self, q: Query, hits: list[Hit]) -> list[Hit]:
        """``hits`` with each document's block stating what a question about the document asks (its signature
        for the signer, its header for the number, date or title: ``stating_block``) just before that document's
        first other hit.  The answer cites that block whatever the search ranked; a question's words rank it
        among clauses that share them ("ký" in a duty clause, the title repeated in the preamble), and the model's
        cosines of a short block lie close to a clause's, so either retriever can leave it second or fifth."""
        block = stating_block(q)
        if block is None or not hits:
            return hits
        stating: dict[str, Hit] = {}
        for h in hits:
            entry = self._clauses.get(h.chunk.clause_id)
            if entry is not None and entry[1].kind == block:
                stating.setdefault(h.chunk.doc_id, h)
        # The documents an answer reads whose block the search did not return at all (the model's cosines may
        # leave a short block below twenty clauses): their block as indexed, scored as their first hit.
        first: dict[str, Hit] = {}
        for h in hits:
            first.setdefault(h.chunk.doc_id, h)
        for doc_id, h in list(first.items())[: self.tuning.max_docs]:
            d = self._directives.get(doc_id)
            clause = next((c for c in d.clauses if c.kind == block), None) if d is not None else None
            chunk = block_chunk(d, clause) if d is not None and clause is not None and doc_id not in stating else None
            if chunk is not None:
                stating[doc_id] = Hit(chunk=chunk, score=h.score, rank=h.rank)
        if not stating:
            return hits
        moved = {id(h) for h in stating.values()}
        out: list[Hit] = []
        for h in hits:
            first = stating.pop(h.chunk.doc_id, None)
            if first is not None:
                out.append(first)
            if id(h) not in moved:
                out.append(h)
        return out

    def _search(self, q: Query, docs: list[Directive], *, k: int, retriever: str | None) -> list[Hit]:
        text = q.topic or q.text
        # The whole library needs no document filter (a filter costs a pass over every chunk).
        doc_ids = () if len(docs) == len(self.corpus.directives) else tuple(d.doc_id for d in docs)
        body_only = _body_only(q)
        flt = Filters(doc_ids=doc_ids, body_only=body_only) if doc_ids or body_only else None
        keywords = _keyword_query(q, text)
        return self.index.search(keywords, k=k, filters=flt, retriever=retriever,
                                 dense_query=_model_text(q) or (text if keywords != text else None))

    # ----------------------------------------------------------------- answering

    def _answer(
        self, q: Query, filters: Filters | None, retriever: str | None, top_k: int, *, context: tuple[str, ...] = (),
        settled: tuple[str, ...] = (),
    ) -> Answer:
        """``context``: the documents the conversation is about, read even when the search ranks them low;
        ``settled``: the clauses the conversation's last answer quoted (``_settled``)."""
        t = self.tuning
        merged = "".join(f" ({old} đã hợp nhất vào {new} từ ngày 01/7/2025.)" for old, new in q.merged)
        if q.unknown_places and not q.provinces:
            places = ", ".join(q.unknown_places)
            return Answer(
                question=q.text, abstained=True,
                answer=(f"Không tìm thấy văn bản nào của {places} trong kho văn bản, nên tôi không trả lời được "
                        f"câu hỏi này.{merged} {self._held()}"),
            )
        missing = unknown_documents(q.text, self._numbers)
        if missing and filters is None:
            cited = self._cited_in(q, missing, retriever, top_k, context=context)
            if cited is not None:
                return cited
        if (missing and filters is None and not _asks_cited(q) and all(is_party_number(n) for n in missing)
                and _names_another_document(q.text, missing)):
            # "Kế hoạch hành động thực hiện Chỉ thị 52-CT/TW … đặt mục tiêu … bao nhiêu?": a Party document named
            # to say which document of the library is meant (one carrying it out), not what is asked about; the
            # question is asked of the documents citing it.
            citing = self._citing(list(self.corpus.directives), missing)
            if citing:
                missing, filters = (), Filters(doc_ids=citing)
        if missing:
            named = ", ".join(missing)
            return Answer(
                question=q.text, abstained=True,
                answer=(f"Không tìm thấy văn bản số {named} trong kho văn bản ({len(self.corpus.directives)} văn bản), "
                        "nên tôi không trả lời câu hỏi này bằng nội dung của văn bản khác."),
            )
        docs, found_in = self._scope_with_note(q, filters)
        absent = _absent_label(q, docs) if not found_in else None
        if absent is not None:
            return Answer(question=q.text, abstained=True, answer=absent)
        merged += found_in
        # A place said as part of a name ("Sở Giao dịch Chứng khoán Hà Nội") is what is asked about: the answering
        # clause must name it too.
        places: tuple[str, ...] = q.named_places
        if q.provinces and q.numbers and docs and not any(d.province for d in docs):
            # A national document named by its number: the province is what the question asks about in it
            # ("… công trình thủy điện Sơn La"), so the answering clause must name it.
            places, q = (*q.provinces, *places), replace(q, provinces=())
        if not docs and q.years and not q.years_tied and not q.provinces:
            # "Doanh thu xuất khẩu năm 2035 …": no document of that year, and nothing ties the year to one; it is
            # then what is asked about, searched in every document when some clause names it, and required of
            # the answering clause (the documents' name and wording decide which, not the year alone).
            wider = replace(q, years=(), content_years=tuple(sorted({*q.years, *q.content_years})))
            docs = self._scope(wider, filters)
            if any(_names_years(d.text, wider.content_years) for d in docs):
                q = wider
            else:
                docs = []
        if not docs:
            # A number is searched by its full symbol and its short key ("38/2022"): the user is shown the symbol.
            scope = _scope_words(q) or "phạm vi đã chọn"
            if q.nationwide and not q.provinces and self._scope(replace(q, nationwide=False), filters):
                # "cả nước năm 2023": documents of 2023 exist, but each is a province's and says nothing of the country
                return Answer(
                    question=q.text, abstained=True,
                    answer=(f"Không tìm thấy văn bản nào áp dụng cho cả nước khớp với {scope} trong kho văn bản (các văn bản "
                            f"khớp đều là văn bản cấp tỉnh, không nêu số liệu cả nước).{merged}"),
                )
            return Answer(
                question=q.text, abstained=True,
                answer=f"Không tìm thấy văn bản nào khớp với {scope} trong kho văn bản.{merged} {self._held()}",
            )
        # Words of the topic that no document contains ("giá xăng"): the answer must then cover the rest well.
        unseen = [] if q.kind.startswith("meta_") or q.kind == "clause" else self._unseen_nouns(q)
        fits = self._fits(q, docs)
        hits = self._ranked_by_fit(self._search(q, docs, k=self._depth(docs), retriever=retriever), fits,
                                   self._effective_retriever(retriever))
        named = self._named(fits)
        hits = self._stating_first(q, self._with_named(q, hits, named, retriever=retriever))
        if q.introduced:
            # A follow-up's new words ("Còn vùng V?", "Còn hàng siêu trường?") must stand in the clause itself:
            # its siblings under the same heading answer the previous question, not this one.  The follow-up
            # as typed finds those clauses first; the previous question's words, completing it, the rest.
            own = self._search(replace(q, topic=followup_phrase(q)), docs, k=t.candidates_per_doc, retriever=retriever)
            hits = [h for h in _own_first(hits, own)
                    if h.chunk.clause_id in self._clauses
                    and not unsaid(q, self._clauses[h.chunk.clause_id][1].text, self._clauses[h.chunk.clause_id][1].heading)]
        by_doc: dict[str, list[Hit]] = {}
        for h in hits:
            by_doc.setdefault(h.chunk.doc_id, []).append(h)
        # Documents in order of their retrieval evidence; those without hits last (metadata, duties).
        ranked = [d for d in docs if d.doc_id in by_doc]
        ranked.sort(key=lambda d: hits.index(by_doc[d.doc_id][0]))
        ranked += [d for d in docs if d.doc_id not in by_doc]
        pool = ranked[: max(t.doc_pool, t.max_docs)]
        # The documents under discussion are always read when in scope ("Thu ngân sách năm 2023 …?" after a
        # question on Sơn La's 2023 directive): the same checks decide whether they answer.
        pool += [d for d in ranked[len(pool):] if d.doc_id in context]

        answerer = answerer_for(q.kind)
        reader = self._reader.for_question()
        found: list[Found] = []
        # A question naming a step of a scale ("vùng I", "mức 4") reads each document further: a bare label finds
        # nothing, and the items of a scale share every other word, so the asked one often ranks just below the
        # first places (in the described document, the narrower search without the title's words fills those;
        # the scale is often named by the title's words: "mức lương tối thiểu" in a decree titled so).
        extra = t.named_extra if asked_steps(q.topic or q.text) else 0
        for d in pool:
            read = t.candidates_per_doc + extra
            found.extend(answerer.find(reader, q, d, by_doc.get(d.doc_id, [])[:read]))
        found = [f for f in found if self._grounded(f)]
        found, lacking = self._supported(q, found, settled, named=named)
        if places:
            found = [f for f in found if all(_names_place(f.clause.text, p) for p in places)]
            lacking = lacking if found else (*lacking, *(Need("word", p) for p in places))
        if q.introduced:
            # in the words quoted, not anywhere in the clause: "Riêng đồng bào dân tộc thiểu số thì sao?" is not
            # answered by a figure of a long clause that names them in another sentence
            said = [f for f in found if not unsaid(q, f.quote, f.clause.heading)]
            lacking = lacking if said else (Need("word", followup_phrase(q) or q.introduced),)  # "vùng V", as typed
            found = said
        if unseen:
            found = [f for f in found if f.score >= t.unseen_abstain_below]
        found = _first_per_document(q, found)
        if not found:
            return self._abstain(q, docs, hits, lacking, unseen=unseen)
        if len({f.directive.doc_id for f in found}) > 1 and t.title_weight:
            # A question often names its document by its subject ("Nghị định về sản phẩm Halal"): its name
            # adds to its answers' evidence, so the document described wins instead of a request to choose.
            found = [replace(f, score=f.score + t.title_weight * fits.get(f.directive.doc_id, 0.0)) for f in found]
        if (q.kind.startswith("meta_") and filters is None
                and not (q.numbers or q.provinces or q.issuers or q.doc_types or q.years)
                and not _kind_named(q, found)
                and all(fits.get(f.directive.doc_id, 0.0) < t.named_min and f.directive.doc_id not in context
                        for f in found)):
            # "Kỳ thi … tổ chức vào ngày nào?" read as asking a document's date: no document is named, and none is
            # described by the question's words nor under discussion, so any document's date (signer, number)
            # answers nothing asked.
            return self._abstain(q, docs, hits, unseen=unseen)
        if named is not None and q.kind != "comparison":
            mine = [f for f in found if f.directive.doc_id == named]
            if mine and max(f.score for f in mine) >= max(f.score for f in found) - t.named_slack:
                found = mine  # the document the question describes answers it; others do not compete
            elif not mine and not repeals_by_title(self._directives[named]):
                # It has no answer: a document the question does not describe must not answer in its place.  A
                # document made only to repeal others ("Bãi bỏ Thông tư … quy định lập dự toán …") is named by their
                # subject, on which it says nothing: the documents ruling on it still answer.
                found = [f for f in found if fits.get(f.directive.doc_id, 0.0) >= t.named_min]
                if not found:
                    return self._abstain(q, docs, hits, unseen=unseen)
        return self._compose(q, found, top_k, merged, declined=lambda lacking: self._abstain(q, docs, hits, lacking))

    def _cited_in(
        self, q: Query, missing: tuple[str, ...], retriever: str | None, top_k: int, *, context: tuple[str, ...]
    ) -> Answer | None:
        """A document the library lacks, asked about as another document names it ("Chỉ thị 09/CT-UBND mà chỉ thị
        thi đua 2023 của Lai Châu nhắc tới ban hành ngày nào?", or "Còn Chỉ thị 19/CT-TTg?" about that directive):
        answered from the clause of that document which cites it, and said so.  Only within a scope the question
        (province, year, issuer) or the conversation gives: a number alone is never answered from whichever
        document happens to mention it."""
        text = q.text
        for n in missing:  # the number stays in the topic (the citing clause has it), not in the text checked again
            text = text.replace(n, " ")
        wider = replace(q, text=" ".join(text.split()), numbers=(), doc_types=(),
                        topic=f"{q.topic} {' '.join(missing)}".strip(),
                        kind="reference" if q.kind.startswith("meta_") else q.kind)
        changed = not (q.provinces or q.years or q.issuers) and _asks_change(q.text)
        party = _asks_cited(q) and all(is_party_number(n) for n in missing)
        if q.provinces or q.years or q.issuers:
            docs = self._scope(wider, None)
        elif changed:
            # "Thông tư … (27/2015/TT-BNNPTNT) bị bãi bỏ bởi văn bản nào?", "… bãi bỏ điều nào của Thông tư
            # 16/2013/TT-BNNPTNT?": a document the library lacks is still named by those repealing, replacing or
            # amending it, which is what the question asks about: every document citing it is read.
            docs = list(self.corpus.directives)
        elif party:
            # "Chỉ thị 34-CT/TW ban hành ngày nào?", "Nghị quyết 57-NQ/TW về gì?": a citing sentence states a Party
            # document's date and subject right after its number, and all such sentences agree: the document that
            # cites it most fully (number, date, issuer, subject) answers alone.
            docs = self._fullest_citing(missing)
        else:
            docs = [self._directives[c] for c in context if c in self._directives]
        keys = [_number_key(n) for n in missing]
        citing = self._citing(docs, missing)
        if not citing or len(citing) > self.tuning.max_docs:
            return None
        ans = self._answer(wider, Filters(doc_ids=citing), retriever, top_k)
        # The quoted sentences must name the asked document: a figure elsewhere in a clause that cites it once
        # ("… theo Quyết định 2567/QĐ-UBND …; tỷ lệ gia đình văn hóa là 72,5%") is about something else.
        if ans.abstained or not all(any(k in _number_key(quoted_text(c.text, c.span)) for k in keys)
                                    for c in ans.citations):
            return None
        if changed and not all(self._states_change(c) for c in ans.citations):
            return None  # read for its change, a clause merely citing the document ("theo Thông tư …") says none
        if q.kind.startswith("meta_") and not all(
                _states_meta(q.kind, quoted_text(c.text, c.span), n) for c in ans.citations[:1] for n in missing):
            return None  # the citing sentence does not say who signed it (or when, or what about): not answered
        names = "; ".join(dict.fromkeys(doc_ref(self._directives[c.doc_id]) for c in ans.citations))
        note = (f" (Văn bản số {', '.join(missing)} không có trong kho văn bản; nội dung trên là điều khoản của "
                f"{names} nhắc tới văn bản này.)")
        said = [" ".join(p.split()) for c in ans.citations[:1] for n in missing if (p := _as_cited(c.text, n))]
        text = ans.answer
        if said and ". Theo " in text:  # the short answer is how the clause names the asked document, not others
            text = f"{'; '.join(said)}. Theo {text.split('. Theo ', 1)[1]}"
        return replace(ans, answer=text + note)

    def _fullest_citing(self, numbers: tuple[str, ...]) -> list[Directive]:
        """The one document citing ``numbers`` most fully: with their subject ("… về tiếp tục đổi mới …") first, then
        the longest citation ("Chỉ thị số 34-CT/TW ngày 07 tháng 4 năm 2014 của Bộ Chính trị"), the library's order
        breaking ties; none when no document names them."""
        citing = set(self._citing(list(self.corpus.directives), numbers))
        best = max(((all(_states_meta("meta_title", d.text, n) for n in numbers),
                     sum(len(_as_cited(d.text, n)) for n in numbers), -i, d)
                    for i, d in enumerate(self.corpus.directives) if d.doc_id in citing),
                   key=lambda x: x[:3], default=None)
        return [best[3]] if best is not None and best[1] > 0 else []

    def _citing(self, docs: list[Directive], numbers: tuple[str, ...]) -> tuple[str, ...]:
        """The documents among ``docs`` whose text names one of ``numbers`` (accents and spacing aside)."""
        keys = [_number_key(n) for n in numbers]
        out = []
        for d in docs:
            if d.doc_id not in self._number_texts:
                self._number_texts[d.doc_id] = _number_key(d.text)
            if any(k in self._number_texts[d.doc_id] for k in keys):
                out.append(d.doc_id)
        return tuple(out)

    def _states_change(self, c: Citation) -> bool:
        """Whether a cited clause (its text or its headings: "Điều 1. Bãi bỏ toàn bộ 15 văn bản …" over the list)
        repeals, replaces or amends what it names (lexicon ``document_change_words``)."""
        entry = self._clauses.get(c.clause_id)
        heading = entry[1].heading if entry is not None else ()
        return any(_CHANGE_WORDS.search(fold(x)) for x in (c.text, *heading))

    def _supported(
        self, q: Query, found: list[Found], settled: tuple[str, ...] = (), *, named: str | None = None
    ) -> tuple[list[Found], tuple[Need, ...]]:
        """The answers whose clause holds what makes the question specific (bot.support), and what the best lacked.

        ``named``: the document the question describes by its name (``_named``); its answer holding those words is
        not silenced by a stronger clause of another document lacking them (that one answers something else).

        A document's alternates (``Found.alternate``) are checked like its best answer; which of them answers is
        chosen afterwards (``_first_per_document``).  The question's words the ``settled`` clauses already hold
        are not asked again of the answering clause (``support.settled_words``)."""
        wanted = asked_needs(self._reader, q) if found else ()
        if settled:
            held = settled_words(wanted, settled)
            wanted = tuple(n for n in wanted if n not in held)
        if not wanted:
            return [f for f in found if not f.alternate], ()
        checked = [(f, gaps(wanted, f)) for f in found]  # the found order stays: it breaks ties later
        for f, missing in checked:
            if missing:
                log.info("not supported by %s (%.2f): lacks %s", f.clause.id, f.score, [n.phrase for n in missing])
        # A clause without any figure (or without the kind of value asked: "bao nhiêu đồng") is no answer to
        # "bao nhiêu?", but it does not answer a neighbouring question either: it is dropped without silencing
        # the weaker clauses that hold one.  Only a document's best answer silences others.
        lacking = [(f, missing) for f, missing in checked
                   if not f.alternate and any(n.kind not in _VALUE_NEEDS for n in missing)]
        kept = [f for f, missing in checked if not missing]
        best = max(kept, key=lambda f: f.score, default=None)
        if best is not None and not any(f.directive.doc_id == named for f in kept):
            # An alternate was read because its own document's best answer failed: that failure does not
            # silence it, a stronger lacking answer of another document does.
            rivals = [f.score for f, missing in lacking
                      if not (best.alternate and f.directive.doc_id == best.directive.doc_id)
                      and not titled_scope(missing, best)]
            if rivals and best.score < max(rivals) - self.tuning.support_slack:
                kept = []  # only far weaker clauses hold the words: they answer something else
        top = max(lacking, key=lambda x: x[0].score, default=None)
        return kept, top[1] if top and not kept else ()

    def _unseen_nouns(self, q: Query) -> list[str]:
        """Nouns of the topic that no document contains ("xăng" in "giá xăng"), when they are at least half
        of its nouns: what the question is about is then likely not in the library.  Verbs and quantifiers
        of a paraphrase ("muốn", "mỗi") do not count, nor one odd noun beside several known ones."""
        topic = topic_words(q)
        unseen = set(self._scorer.unseen(topic))
        if not unseen:
            return []
        from index.wordseg import pos_tags, segment

        accented = has_diacritics(topic)
        known = set(tokens(topic, accented=accented))
        words, tags = pos_tags(segment(q.topic))
        out: list[str] = []
        seen = 0
        for i, (word, tag) in enumerate(zip(words, tags, strict=True)):
            syllables = word.split("_")
            if not tag.startswith("N") or tag == "Np":
                continue
            if any(x[:1].isupper() for x in syllables) and not (i == 0 and len(syllables) == 1):
                continue  # a name ("Sơn_La_mong" is pyvi joining a place with the next word)
            keys = [t for x in syllables for t in tokens(x, accented=accented)]
            out += [t for t in keys if t in unseen]
            seen += sum(t not in unseen and t in known for t in keys)
        return list(dict.fromkeys(out)) if len(out) >= seen else []

    # ----------------------------------------------------------------- checks and output

    def _grounded(self, f: Found) -> bool:
        d = f.directive
        meta = [x for x in (d.number, d.date and vn_date(d.date), d.signer, d.title, d.issuer) if x]
        missing = unsupported(f.short, [f.clause.text, *meta])
        if missing:
            log.warning("dropped an unsupported statement %r (not in %s): %s", f.short, f.clause.id, missing)
        return not missing

    def _compose(self, q: Query, found: list[Found], top_k: int, note: str = "",
                 declined: Callable[[tuple[Need, ...]], Answer] | None = None) -> Answer:
        """One answer from the best document; per-document lines for a set; else the choices, unless none of them
        holds a rare noun of the question (``support.unheld_nouns``): then ``declined`` with what they lack."""
        t = self.tuning
        found = sorted(found, key=lambda f: -f.score)
        best_of: dict[str, Found] = {}
        for f in found:
            best_of.setdefault(f.directive.doc_id, f)
        ranked = list(best_of.values())
        top = ranked[0]
        if q.about_set and len(ranked) > 1:
            return self._per_document(q, ranked[: t.max_docs], note)
        close = [f for f in ranked[1:] if f.score >= top.score - t.doc_margin]
        if not close:
            same_doc = [f for f in found if f.directive.doc_id == top.directive.doc_id][: max(1, top_k)]
            return self._single(q, same_doc, note)
        rivals = self._holding_key_words(q, self._holding_head(q, [top, *close][: t.max_docs]))
        if len(rivals) == 1:
            same_doc = [f for f in found if f.directive.doc_id == rivals[0].directive.doc_id][: max(1, top_k)]
            return self._single(q, same_doc, note)
        if len({_answer_key(f.short) for f in rivals}) == 1:
            return self._single(q, rivals, note)  # they agree: one answer, every document cited
        unheld = unheld_nouns(q, rivals, self._scorer, self.tuning) if declined is not None else ()
        if unheld and declined is not None:
            return declined(unheld)
        return self._choices(q, rivals, note)

    def _holding_head(self, q: Query, rivals: list[Found]) -> list[Found]:
        """The documents that may be offered as a choice: those whose answer (with its headings) holds the rare
        syllables of what the question is about (``support.head_words``), when one of them does.  "Thời gian thử việc
        tối đa đối với công việc cần trình độ cao đẳng" is answered by the clause on probation; a circular's
        "03 năm" for a college course and a resolution's "từ 12 tháng" share only the qualifier "cao đẳng"."""
        wanted = head_words(q, self._scorer, self.tuning) if len(rivals) > 1 else ()
        if not wanted:
            return rivals
        holding = [f for f in rivals if not gaps(wanted, f)]
        return holding or rivals

    def _holding_key_words(self, q: Query, rivals: list[Found]) -> list[Found]:
        """The documents that may be offered as a choice: those whose answer holds the question's rare words
        (``support.key_words``: "thi đua" in "báo cáo kết quả thi đua") that another one's answer holds in full.

        An answer lacking such a word entirely answers a neighbouring question (a circular's "tổng hợp, báo cáo
        kết quả thực hiện dự án").  With diacritics one of its syllables is enough: an answer may say a word in
        part ("GRDP tăng 7,5%" for "tăng trưởng GRDP")."""
        wanted = key_words(q, self._scorer, self.tuning) if len(rivals) > 1 else ()
        if not wanted:
            return rivals
        answered = {n.phrase for n in wanted} - set.intersection(*({n.phrase for n in gaps(wanted, f)} for f in rivals))
        if not answered:
            return rivals
        accented = wanted[0].accented

        def said(phrase: str) -> list[str]:
            # typed without marks a syllable stands for several ("thi" for "thì", "thị"): the whole word is needed
            keys = tokens(phrase, accented=accented)
            return keys if accented else ["_".join(keys)]

        held = []
        for f in rivals:
            units = syllable_units(" ".join([f.clause.text, *f.clause.heading, f.directive.title or ""]), accented=accented)
            held.append(sum(any(x in units for x in said(p)) for p in answered))
        most = max(held)
        return [f for f, h in zip(rivals, held, strict=True) if h == most]

    def _single(self, q: Query, found: list[Found], note: str) -> Answer:
        first = found[0]
        # The quote follows the clause it comes from; the other clauses saying the same are named after it, so
        # no quote reads as another document's words.
        where, *also = dict.fromkeys(f"{doc_ref(f.directive)} ({f.clause.label})" for f in found)
        if first.short == first.quote:
            text = f"Theo {where}: “{first.quote}”."
        else:
            text = f"{first.short}. Theo {where}: “{first.quote}”."
        if also:
            text += f" Cùng nội dung: {'; '.join(also)}."
        cites = tuple(citation(f.directive, f.clause, f.score, f.span) for f in found)
        return Answer(question=q.text, answer=text + note, abstained=False, citations=cites)

    def _per_document(self, q: Query, found: list[Found], note: str) -> Answer:
        found = sorted(found, key=lambda f: (f.directive.province or "", f.directive.year or 0))
        lines = [f"- {f.directive.short_name()}: {_line(f)}" for f in found]
        head = "So sánh theo từng văn bản:" if q.kind == "comparison" else "Theo từng văn bản:"
        cites = tuple(citation(f.directive, f.clause, f.score, f.span) for f in found)
        return Answer(question=q.text, answer="\n".join([head, *lines]) + note, abstained=False, citations=cites)

    def _choices(self, q: Query, found: list[Found], note: str) -> Answer:
        lines = [f"- {f.directive.short_name()}: {_line(f)}" for f in found]
        text = ("Câu hỏi chưa nêu rõ văn bản, và các văn bản trả lời khác nhau:\n" + "\n".join(lines)
                + "\nBạn hỏi về văn bản nào?")
        choices = tuple(
            Choice(label=f.directive.short_name(), doc_id=f.directive.doc_id,
                   province=f.directive.province, year=f.directive.year)
            for f in found
        )
        cites = tuple(citation(f.directive, f.clause, f.score, f.span) for f in found)
        return Answer(question=q.text, answer=text + note, abstained=False, citations=cites, clarify=choices)

    def _abstain(self, q: Query, scope: list[Directive], hits: list[Hit], lacking: tuple[Need, ...] = (), *,
                 unseen: list[str] | None = None) -> Answer:
        """The decline: where the answer was looked for, what the clauses found lack, and the nearest clauses as
        suggestions, unless the question is about words no document holds ("xăng"): then no clause is near."""
        suggestions: list[Citation] = []
        seen = set()
        for h in hits:
            cid = h.chunk.clause_id
            if cid in seen or cid not in self._clauses:
                continue
            seen.add(cid)
            d, c = self._clauses[cid]
            suggestions.append(citation(d, c, h.score))
            if len(suggestions) == 3:
                break
        text = f"Không tìm thấy nội dung trả lời câu hỏi này {self._searched(q, scope)}."
        if unseen:
            text += f" Không văn bản nào trong kho có từ {', '.join(f'“{w}”' for w in _as_typed(q, unseen)[:3])}."
            suggestions = []
        elif lacking:
            # the question's own words are quoted; "a figure" (asked "bao nhiêu", none in the clause) is no word of it
            words = list(dict.fromkeys(n.phrase for n in lacking if n.kind != "figure"))[:3]
            named = ", ".join(f"“{p}”" for p in words)
            figure = any(n.kind == "figure" for n in lacking)
            if words and figure:
                text += f" Các điều khoản tìm được không nêu {named}, cũng không có con số trả lời câu hỏi."
            elif figure:
                text += " Các điều khoản tìm được không có con số trả lời câu hỏi."
            else:
                text += f" Các điều khoản tìm được không nêu {named}."
        # The nearest clauses go in ``suggestions``, which the CLI and the chat list under the text: naming them
        # in the text too showed them twice.
        return Answer(question=q.text, answer=text, abstained=True, suggestions=tuple(suggestions))

    def _searched(self, q: Query, scope: list[Directive]) -> str:
        """Where the answer was looked for: the documents the question, its filters or the conversation narrowed
        the search to, named when few, else counted with what narrowed them; otherwise the whole library,
        counted.  The documents the search merely ranked first are not named: for "Giá xăng năm 2024" they
        were a law and a circular that say nothing of it, which read as if they had been the place to look."""
        total = len(self.corpus.directives)
        if len(scope) >= total:
            return f"trong kho văn bản ({total} văn bản)"
        if len(scope) <= self.tuning.max_docs:
            return f"trong các văn bản đã tra cứu: {self._describe(scope)}"
        words = ", ".join(x for x in (_scope_words(q), *q.doc_types, *q.issuers) if x)
        return f"trong {len(scope)} văn bản {f'khớp với {words}' if words else 'theo bộ lọc đã chọn'}"

    def _held(self) -> str:
        """What the library holds, in one short sentence (provinces and years of its directives)."""
        years = sorted({d.year for d in self.corpus.directives if d.year and d.province})
        span = f", các năm {years[0]}–{years[-1]}" if len(years) > 1 else (f", năm {years[0]}" if years else "")
        places = ", ".join(self._provinces[:10]) or "không có tỉnh nào"
        return f"Văn bản cấp tỉnh hiện có: {places}{span}; cùng {len(self.corpus.directives)} văn bản trong kho."

    @staticmethod
    def _describe(docs) -> str:
        return "; ".join(d.short_name() for d in docs) or "không có văn bản nào"


def _as_typed(q: Query, keys: list[str]) -> list[str]:
    """The question's words holding ``keys`` (syllable keys), as typed, neighbours joined: "tiêm chủng", not
    “tiêm”, “chủng”."""
    accented = has_diacritics(q.topic or q.text)
    runs: list[list[str]] = [[]]
    for word in (q.topic or q.text).split():
        said = tokens(word, accented=accented)
        if said and all(k in keys for k in said):
            runs[-1].append(word.strip("?!.,;:“”\"()"))
        elif runs[-1]:
            runs.append([])
    return [" ".join(r) for r in runs if r] or keys


def _scope_words(q: Query) -> str:
    """What a question narrows the library to, as the user reads it: "Sơn La, năm 2024, 38/2022/NĐ-CP"; "" for
    nothing.  A number is searched by its full symbol and its short key ("38/2022"): the user is shown the symbol."""
    numbers = [n for n in q.numbers if not any(m != n and m.startswith(n) for m in q.numbers)]
    before = [f"trước năm {q.before_year}"] if q.before_year else []
    return ", ".join([*q.provinces, *(f"năm {y}" for y in q.years), *before, *numbers])


# Needs of the value asked ("bao nhiêu?", "bao nhiêu đồng"): a clause lacking only these silences no other; nor
# does one of another subject than the case asked ("subject": it never names "hộ chiếu"), a retrieval miss.  A clause
# stating another case than the one asked ("condition": "dưới 03 tuổi" for "con từ đủ 07 tuổi trở lên") does: the
# weaker clauses left are about something else ("60 ngày nếu đã đóng từ đủ 30 năm" of one's own sickness).
_VALUE_NEEDS = frozenset({"figure", "unit", "counted", "subject"})


def _which_agency(pointer: str, agencies: tuple[str, ...], previous: Answer | None) -> str:
    """Asking back which agency "Sở đó" means, and why the conversation does not say."""
    if agencies:
        why = f"câu trả lời trước nêu nhiều cơ quan ({'; '.join(agencies)})"
    elif previous is None:
        why = "cuộc trò chuyện chưa nêu cơ quan nào"
    elif previous.abstained or not previous.citations:
        why = "câu hỏi trước chưa có câu trả lời nêu một cơ quan"
    else:
        why = "câu trả lời trước không nêu cơ quan nào"
    example = agencies[0] if agencies else "Sở Nội vụ"
    return (f"Chưa rõ “{pointer}” là cơ quan nào: {why}. Bạn hỏi về cơ quan nào? Hãy nêu tên cơ quan "
            f"(vd. “{example} phối hợp với cơ quan nào?”).")


def _settled(q: Query, previous: Answer | None, clauses: Mapping[str, tuple[Directive, Clause]]) -> tuple[str, ...]:
    """The clause the last answer quoted, when the question asks the same thing of another step of a scale in the same
    document ("Còn mức 3?" after "Mức 1 bồi dưỡng … nguy hiểm, độc hại là bao nhiêu?"): the words that answer matched
    are settled for the conversation, and the item of step 3 ("c) Mức 3: 26.000 đồng") need not say them again.  The
    step itself, the amount and its value are still asked of the new clause.  After a step declined ("Còn mức 5?"),
    the answer given before it settles them still ("Còn mức 4?")."""
    if (previous is None or not q.elliptical or not q.same_document
            or not q.introduced or not all(is_step(run) for run in q.introduced.split(", "))):
        return ()
    if not previous.abstained and previous.citations:
        return (previous.citations[0].text,)
    return tuple(clauses[c][1].text for c in sorted(last_answered(previous)) if c in clauses)[:1]


# The date a citing text gives a document, in figures or in words: "ngày 16/7/2021", "ngày 07 tháng 4 năm 2014".
_CITED_DATE = r"ngày\s+\d{1,2}(?:[/.-]\d{1,2}[/.-]\d{4}|\s+tháng\s+\d{1,2}\s+năm\s+\d{4})"


def _as_cited(text: str, number: str) -> str:
    """How ``text`` names the document numbered ``number``: its kind, number, date and issuer ("Chỉ thị số
    19/CT-TTg ngày 16/7/2021 của Thủ tướng Chính phủ"); "" when it does not name it."""
    m = re.search(
        rf"(?:(?i:{_KINDS})\s+(?:số\s+)?)?{re.escape(number)}(?:\s+{_CITED_DATE})?"
        rf"(?:\s+của\s+[A-ZĐ][^,;:.()]{{0,60}}?(?=\s+về\b|[,;:.()]|$))?", text)
    return m.group(0).strip() if m else ""


def _states_meta(kind: str, text: str, number: str) -> bool:
    """Whether ``text`` says, right where it names the document numbered ``number``, what a meta question asks:
    its date ("… 18/KH-UBND ngày 15/01/2021"), its subject ("… về xây dựng …").  A signer never follows a
    cited number, and its own number is not a question about it."""
    m = re.search(rf"{re.escape(number)}(?:\s+{_CITED_DATE})?"
                  rf"(?:\s+của\s+[^,;:.()]{{1,80}}?(?=\s+về\b|[,;:.()]|$))?(?:\s*\([^()]{{1,30}}\))?(\s+về\s+\w)?",
                  text)
    if m is None:
        return False
    if kind == "meta_date":
        return " ngày " in f" {m.group(0)} "
    if kind == "meta_title":
        return m.group(1) is not None
    return False


_KINDS = alternatives(load_lexicon().topic("document_kinds"))


# Words by which one document repeals, replaces or amends another (lexicon document_change_words.txt), folded.
_CHANGE_WORDS = re.compile(rf"\b(?:{alternatives(load_lexicon().topic('document_change_words'), fold)})\b")


_FOLDED_KINDS = re.compile(rf"(?<!\w)(?:{alternatives(load_lexicon().topic('document_kinds'), fold)})(?!\w)")


def _names_another_document(text: str, numbers: tuple[str, ...]) -> bool:
    """Whether a question names a document besides the ones numbered ``numbers`` ("Kế hoạch hành động thực hiện Chỉ
    thị 52-CT/TW …", "Kết luận 01-KL/TW mà chỉ thị thi đua 2023 … nhắc tới"): then those name which document is
    meant.  Alone ("Chỉ thị 52-CT/TW có hiệu lực từ ngày nào?") they are what is asked about, which a document
    carrying them out does not answer (its own effect, its own targets)."""
    folded = fold(text)
    for n in numbers:
        folded = re.sub(rf"(?:(?:{_FOLDED_KINDS.pattern})\s+)?(?:so\s+)?{re.escape(fold(n))}", " ", folded)
    return _FOLDED_KINDS.search(folded) is not None


def _asks_cited(q: Query) -> bool:
    """Whether a question naming a document asks about that document itself, as a citing text describes it: its
    date, number, signer or subject ("Chỉ thị 34-CT/TW ban hành ngày nào?", "Nghị quyết 57-NQ/TW về gì?")."""
    return q.kind.startswith("meta_") or q.kind == "reference"


def _asks_change(text: str) -> bool:
    """Whether a question asks how a document is changed: repealed, replaced, amended ("… bị bãi bỏ bởi văn bản
    nào?", "bãi bỏ điều nào của Thông tư …")."""
    return _CHANGE_WORDS.search(fold(text)) is not None


def _number_key(text: str) -> str:
    """Text accent-folded without spaces: how a document number is looked for in another document's text."""
    return "".join(fold(text).split())


def _first_per_document(q: Query, found: list[Found]) -> list[Found]:
    """Each document's supported answers: its own best ones, else one of its alternates that passed.

    Alternates are siblings that share most words ("doanh thu năm không quá 03 tỷ đồng" / "từ trên 03 tỷ đồng
    đến không quá 50 tỷ đồng"): the one saying the most of the question's words in a row answers, the better
    ranked on a tie."""
    answered = {f.directive.doc_id for f in found if not f.alternate}
    spare: dict[str, list[Found]] = {}
    for f in found:
        if f.alternate and f.directive.doc_id not in answered:
            spare.setdefault(f.directive.doc_id, []).append(f)
    asked = tokens(q.text, accented=has_diacritics(q.text))
    chosen = {max(fs, key=lambda f: (_run(asked, f.clause.text, has_diacritics(q.text)), -fs.index(f)))
              for fs in spare.values()}
    return [f for f in found if not f.alternate or f in chosen]


def _run(asked: list[str], text: str, accented: bool) -> int:
    """The most words of ``asked`` that ``text`` says in the same order, in a row."""
    said = tokens(text, accented=accented)
    best = 0
    prev = [0] * (len(said) + 1)
    for a in asked:
        cur = [0] * (len(said) + 1)
        for j, w in enumerate(said, 1):
            if w == a:
                cur[j] = prev[j - 1] + 1
                best = max(best, cur[j])
        prev = cur
    return best


def _own_first(own: list[Hit], hits: list[Hit]) -> list[Hit]:
    """``own`` (a narrower search's hits) first, then the hits of ``hits`` on clauses ``own`` did not reach."""
    first = {h.chunk.clause_id for h in own}
    return [*own, *(h for h in hits if h.chunk.clause_id not in first)]


def _model_text(q: Query) -> str | None:
    """What the embedding model reads of a question about the document itself (who signed it, when, its
    number or title): the question as asked; None for any other (the model reads the topic, as BM25 does).

    Such a question names the document ("Chỉ thị thi đua năm 2023 của tỉnh Lai Châu do ai ký?"), and naming
    the document is what its header and signature blocks do; the topic drops the province and year that
    scope the search, leaving words every clause fits ("Chỉ thị thi đua năm của tỉnh do ai ký").  Measured
    on the dev questions about the document (five directives, bundled multilingual-e5-small): dense
    Recall@1 0.00 -> 0.80.  BM25 keeps the topic: over the library the whole question repeats a document's
    number and title, which its header and body hold as well (library dev meta Recall@1 0.67 -> 0.56 read whole).
    For any other question the whole text ranks worse for the model too (place and year drown the topic).
    """
    return q.text if q.kind.startswith("meta_") else None


_KIND_HEADINGS: dict[str, str] = dict(load_lexicon().topic("kind_headings").get("headings", {}))


def _keyword_query(q: Query, text: str) -> str:
    """What keyword search reads: ``text`` after the heading of the article that answers a question of this
    kind in a legal text (lexicon ``kind_headings.toml``: "Hiệu lực thi hành", "Giải thích từ ngữ").

    A question on when a decree takes effect names the decree by its subject, and those words fill every
    other clause of it; the answering clause says only "Nghị định này có hiệu lực …", under its article's
    heading (which each chunk carries).  Measured alone (BM25, before the in-document rarity of
    ``FusionTuning.document_idf``): dev library Recall@5 0.786 -> 0.869, answers unchanged, directives and
    conversations unchanged; 20 own questions on dev documents without eval items Recall@5 0.55 -> 0.65.
    The embedding model reads the question without these words (``dense_query``)."""
    heading = _KIND_HEADINGS.get(q.kind)
    if not heading:
        return text
    if not has_diacritics(text):
        heading = fold(heading)  # typed without marks: the heading weighs as the question's own (folded) words
    return f"{heading} {text}"


def _body_only(q: Query) -> bool:
    """Only a question about the document itself (signer, date, number, title) searches its header and
    signature blocks; any other is answered by a body clause and ranks as if they were not indexed."""
    return not q.kind.startswith("meta_")


def _line(f: Found) -> str:
    """One document's answer: the short answer, then the clause label and its quote."""
    if f.short == f.quote:
        return f"({f.clause.label}) “{f.quote}”."
    return f"{f.short} ({f.clause.label}: “{f.quote}”)."


def _answer_key(short: str) -> str:
    return " ".join(fold(short).replace(",", ".").split())


def _kind_named(q: Query, found: list[Found]) -> bool:
    """Whether the question names the kind of the documents answering ("Chỉ thị phát động thi đua do ai ký?"):
    it then asks about those documents, and a choice between them answers it."""
    asked = f" {' '.join(fold(q.text).split())} "
    return any(f.directive.doc_type and f" {fold(f.directive.doc_type)} " in asked for f in found)


def _absent_label(q: Query, docs: list[Directive]) -> str | None:
    """The decline when the question places what it asks in an article, clause or point ("Khoản 6 Điều 3 Nghị định
    188/2026/NĐ-CP quy định …") of the one document it names by number, and that document has no such clause: the
    content of another clause is no answer to a question resting on a clause that does not exist."""
    if not q.numbers or not docs or len({fold(d.number or "") for d in docs}) != 1:
        return None
    labels = clause_labels(q.topic or q.text)
    if not labels or any(n not in _NUMBERED_PARTS for n, _ in labels) or len({n for n, _ in labels}) != len(labels):
        return None  # an appendix, a section or a chapter is labelled too variously to say it is missing
    if any(n == "diem" and not v.isalpha() for n, v in labels):
        return None  # "đạt điểm 8 trở lên": a score, not a point of the document
    if _OTHER_DOCUMENTS_ARTICLE.search(fold(q.text)):
        return None  # "hướng dẫn khoản 5 Điều 46 Bộ luật Lao động": another document's article, not the one named
    wanted = set(labels)
    if any(wanted <= set(clause_labels(c.label)) for d in docs for c in d.clauses):
        return None
    ref = tuple(sorted(labels, key=lambda p: _NUMBERED_PARTS.index(p[0])))
    return (f"Không tìm thấy {_label_text(ref)} trong {doc_ref(docs[0])}, nên tôi không trả lời câu hỏi này bằng "
            "nội dung của điều khoản khác.")


#: An article followed by a kind of document with no number after it: that document's article (folded).
_OTHER_DOCUMENTS_ARTICLE = re.compile(
    rf"\bdieu\s+\d+\w*\s+(?:cua\s+)?(?:{alternatives(load_lexicon().topic('document_kinds'), fold)})\b(?![^\d]{{0,12}}\d)"
)

#: Article, clause and point: the parts a legal text numbers throughout (folded, outermost first).
_NUMBERED_PARTS = ("dieu", "khoan", "diem")


def _label_text(ref: tuple[tuple[str, str], ...]) -> str:
    """(("dieu", "7"), ("khoan", "3")) -> "khoản 3 điều 7": how the question named it, innermost first."""
    return " ".join(f"{_NOUNS_SPELT.get(n, n)} {v.upper() if v.isalpha() and len(v) > 1 else v}" for n, v in reversed(ref))


_NOUNS_SPELT = {fold(n): n for n in load_lexicon().topic("clause_nouns")}


def _names_place(text: str, place: str) -> bool:
    """Whether ``text`` names the province ``place`` (tone placement and case aside)."""
    return whole_words(fold(place)).search(fold(text)) is not None


def _names_years(text: str, years: tuple[int, ...]) -> bool:
    """Whether a document's text names one of ``years`` (as a year, not inside a larger number)."""
    return any(re.search(rf"(?<![\d.,]){y}(?![\d.,]\d)", text) for y in years)
