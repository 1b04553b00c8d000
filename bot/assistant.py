"""Answering a question with the clause it comes from, or saying the directives do not say.

The flow: read the question (scope and kind) → choose the documents in scope →
retrieve candidate clauses → find the sentence part that answers and the exact
words in it → compose one line per document → check every number and agency
against the cited clause → answer, or abstain with the closest clauses.
"""

from __future__ import annotations

import logging
import re
import time
from dataclasses import dataclass, replace
from pathlib import Path

from bot.compose import MAX_EXCERPT, citation, doc_ref, excerpt, vn_date
from bot.extract import find_quotes, find_references, find_values, has_count, quoted_after
from bot.grounding import unsupported
from bot.guard import check_question, clean_question
from bot.library import load_settings_library, open_settings_index
from bot.models import Answer, Citation
from bot.query import Query, read_question
from bot.segments import Scorer, Segment, split_segments, tokens
from bot.settings import Settings
from corpus.models import Clause, Corpus, Directive
from corpus.text import fold
from index.models import Filters, Hit

__all__ = ["ABSTAIN_BELOW", "Assistant", "open_settings_index"]

log = logging.getLogger(__name__)

# Least share of a question's (rarity-weighted) words that the answering text must contain.
# Chosen on the evaluation set (see eval/README.md); one number for every kind of question.
ABSTAIN_BELOW = 0.25
_CANDIDATES_PER_DOC = 12
# A typed answer (an agency, a list, a reference) must not come from a much weaker sentence than the best one.
_TYPED_SLACK = 0.15

# Words that say what kind of answer is wanted, not what it is about; they must not count as evidence.
_FORM = set(
    ["chi", "tieu", "muc", "tieu", "bao", "nhieu", "co", "quan", "don", "vi", "nao", "ai", "gi", "la", "dat", "phan", "dau", "nam", "tinh", "thanh", "pho", "chi", "thi", "van", "ban", "trach", "nhiem", "nhiem", "vu", "lam", "phai", "duoc", "giao", "de", "nghi", "so", "sanh", "qua", "cac", "cao", "hon", "thap", "hon", "ky", "nguoi", "ngay", "ban", "hanh", "hieu", "ky", "chu", "de", "phuong", "cham", "ten", "trich", "yeu", "nhung", "liet", "ke", "ke", "theo", "nghi", "quyet", "can", "cu", "dua", "tren"]
)
# A question about the partner or the recipient of a duty, and where that one stands in the clause.
_ROLE_AFTER = (
    (re.compile(r"phoi hop voi (?:ai|nhung ai|(?:nhung |cac )?(?:co quan|so|don vi|to chuc|ben) nao)"
                r"|(?:co quan|so|don vi|ai|to chuc|nhung ai)(?: nao)? (?:duoc |se )?phoi hop|\bnao phoi hop"),
     re.compile(r"phối hợp(?: chặt chẽ)? với", re.IGNORECASE)),
    (re.compile(r"bao cao (?:cho|len|voi|toi|ve) (?:ai|co quan nao|cap nao|dau)|bao cao ai"),
     re.compile(r"báo cáo(?: cho| lên| với| về)?", re.IGNORECASE)),
)


@dataclass(frozen=True)
class _Found:
    """One document's answer: the short answer, the clause and the answering words in it."""

    directive: Directive
    clause: Clause
    short: str
    quote: str
    span: tuple[int, int] | None
    score: float


def _topic_words(q: Query) -> str:
    """The topic without form words, keeping the diacritics the user typed."""
    words = re.findall(r"[^\W_]+", q.topic)
    return " ".join(w for w in words if fold(w) not in _FORM and fold(w) in set(tokens(w)))


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

    def __init__(self, corpus: Corpus, index, *, top_k: int = 5, retriever: str | None = None):
        self.corpus = corpus
        self.index = index
        self.top_k = top_k
        self.retriever = retriever or getattr(index, "retriever", "bm25")
        self._clauses: dict[str, tuple[Directive, Clause]] = {
            c.id: (d, c) for d in corpus.directives for c in d.clauses
        }
        self._segments = _LazySegments(self._clauses)
        self._scorer_cache: Scorer | None = None
        self._agency_cache: dict[str, list] = {}
        self._provinces = tuple(sorted({d.province for d in corpus.directives if d.province}))

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

    @classmethod
    def load(cls, settings: Settings, *, progress: bool = False) -> Assistant:
        """Read the corpus (only files changed since the index was built) and open (or build) the index."""
        library = load_settings_library(settings, progress=progress, with_facts=True)
        for problem in library.corpus.problems:
            log.warning("skipped %s: %s", problem.path, problem.detail or problem.message)
        index = open_settings_index(library, settings, progress=progress)
        return cls(library.corpus, index, top_k=settings.top_k, retriever=settings.retriever)

    # ----------------------------------------------------------------- public API

    def search(
        self, question: str, *, k: int = 10, retriever: str | None = None, filters: Filters | None = None
    ) -> list[Hit]:
        """The ranking the answer starts from: question scope and ``filters`` applied."""
        q = read_question(clean_question(question), known_provinces=self._provinces)
        docs = self._scope(q, filters) or list(self.corpus.directives)
        return self._search(q, docs, k=k, retriever=retriever)

    def answer(
        self,
        question: str,
        *,
        filters: Filters | None = None,
        retriever: str | None = None,
        top_k: int | None = None,
        previous: Answer | None = None,
    ) -> Answer:
        t0 = time.perf_counter()
        text = clean_question(question)
        ran = self._effective_retriever(retriever)
        problem = check_question(text)
        if problem:
            return Answer(question=text, answer=problem, abstained=True, retriever=ran, kind="invalid",
                          latency_ms=(time.perf_counter() - t0) * 1000, notice=self.index_notice)
        prev_q = previous.extra.get("query") if previous is not None else None
        q = read_question(text, known_provinces=self._provinces, previous=prev_q)
        try:
            ans = self._answer(q, filters, retriever, top_k or self.top_k)
        except Exception:  # a bug must not reach the official as a stack trace
            log.exception("answering failed for %r", text)
            ans = Answer(question=text, answer="Đã có lỗi khi tìm câu trả lời; vui lòng thử lại hoặc hỏi cách khác.",
                         abstained=True, kind=q.kind)
        return replace(
            ans,
            question=text,
            retriever=ran,
            kind=q.kind,
            latency_ms=(time.perf_counter() - t0) * 1000,
            notice=self.index_notice,
            extra={**ans.extra, "query": q},
        )

    @property
    def index_notice(self) -> str | None:
        return getattr(self.index, "notice", None)

    # ----------------------------------------------------------------- scope

    def _effective_retriever(self, asked: str | None) -> str:
        wanted = asked or self.retriever
        actual = getattr(self.index, "retriever", wanted)
        return "bm25" if wanted != "bm25" and actual == "bm25" else wanted

    def _scope(self, q: Query, filters: Filters | None) -> list[Directive]:
        def keep(d: Directive, years: tuple[int, ...]) -> bool:
            if q.provinces and d.province not in q.provinces:
                return False
            if years and d.year not in years:
                return False
            if q.numbers and not any(
                d.number and (d.number == n or (d.number.startswith(n.split("/")[0] + "/") and n in d.number))
                for n in q.numbers
            ):
                return False
            if q.doc_types and d.doc_type not in q.doc_types:
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

        docs = [d for d in self.corpus.directives if keep(d, q.years)]
        if not docs and q.followup and q.years:
            docs = [d for d in self.corpus.directives if keep(d, ())]  # inherited year may not fit a new place
        return docs

    def _search(self, q: Query, docs: list[Directive], *, k: int, retriever: str | None) -> list[Hit]:
        text = q.topic or q.text
        flt = Filters(doc_ids=tuple(d.doc_id for d in docs))
        return self.index.search(text, k=k, filters=flt, retriever=retriever)

    # ----------------------------------------------------------------- answering

    def _answer(self, q: Query, filters: Filters | None, retriever: str | None, top_k: int) -> Answer:
        searched = self._describe(self.corpus.directives)
        if q.unknown_places and not q.provinces:
            places = ", ".join(q.unknown_places)
            return Answer(
                question=q.text, abstained=True,
                answer=(f"Không tìm thấy chỉ thị nào của {places} trong kho văn bản, nên tôi không trả lời được "
                        f"câu hỏi này. Các văn bản hiện có: {searched}."),
            )
        docs = self._scope(q, filters)
        if not docs:
            scope = ", ".join([*q.provinces, *(f"năm {y}" for y in q.years), *q.numbers]) or "phạm vi đã chọn"
            return Answer(
                question=q.text, abstained=True,
                answer=(f"Không tìm thấy chỉ thị nào khớp với {scope} trong kho văn bản. "
                        f"Các văn bản hiện có: {searched}."),
            )
        hits = self._search(q, docs, k=max(_CANDIDATES_PER_DOC * len(docs), 20), retriever=retriever)
        by_doc: dict[str, list[Hit]] = {}
        for h in hits:
            by_doc.setdefault(h.chunk.doc_id, []).append(h)

        found: list[_Found] = []
        for d in docs:
            doc_hits = by_doc.get(d.doc_id, [])[:_CANDIDATES_PER_DOC]
            f = self._answer_in(q, d, doc_hits)
            if f is not None:
                found.extend(f)
        found = [f for f in found if self._grounded(f)]
        if not found:
            return self._abstain(q, docs, hits)
        return self._compose(q, found, top_k)

    def _answer_in(self, q: Query, d: Directive, hits: list[Hit]) -> list[_Found] | None:
        kind = q.kind
        if kind.startswith("meta_"):
            f = self._meta(q, d)
            return [f] if f else None
        if kind == "duty":
            return self._duty(q, d) or self._by_segment(q, d, hits, "fact")
        if kind == "comparison":
            f = self._by_segment(q, d, hits, "target")
            return f[:1] if f else None
        f = self._by_segment(q, d, hits, kind)
        if kind in ("list", "reference", "agency"):
            plain = self._by_segment(q, d, hits, "fact")
            if plain and (not f or plain[0].score > f[0].score + _TYPED_SLACK):
                f = plain
        if not f and kind == "target":
            f = self._by_segment(q, d, hits, "fact_with_number")  # "kỷ niệm bao nhiêu năm": a number, not a target
        elif not f and kind in ("list", "reference", "agency"):
            f = self._by_segment(q, d, hits, "fact")
        return f[:1] if f else None

    # ----------------------------------------------------------------- per kind

    def _candidates(self, hits: list[Hit]) -> list[tuple[Clause, float]]:
        seen: dict[str, float] = {}
        for rank, h in enumerate(hits):
            cid = h.chunk.clause_id
            if cid in self._segments and cid not in seen:
                seen[cid] = 1.0 / (rank + 1)
        return [(self._clauses[cid][1], prior) for cid, prior in seen.items()]

    def _by_segment(self, q: Query, d: Directive, hits: list[Hit], kind: str) -> list[_Found]:
        topic = _topic_words(q) or " ".join(tokens(q.topic, accented=True))
        if not topic:
            return []
        results: list[_Found] = []
        for clause, prior in self._candidates(hits):
            clause_cov = self._scorer.coverage(topic, clause.text)
            units = self._sentences(clause) if kind == "list" else self._segments[clause.id]
            for seg in units:
                seg_cov = self._scorer.coverage(topic, seg.text)
                base = 0.6 * seg_cov + 0.3 * clause_cov + 0.1 * prior
                f = self._extract(q, kind, d, clause, seg, topic, base)
                if f is not None:
                    results.append(f)
        results.sort(key=lambda f: -f.score)
        return [f for f in results if f.score >= ABSTAIN_BELOW]

    def _sentences(self, clause: Clause) -> list[Segment]:
        """Whole sentences (a list of names runs across semicolons)."""
        ends: dict[int, int] = {}
        for seg in self._segments[clause.id]:
            ends[seg.sentence_start] = max(ends.get(seg.sentence_start, 0), seg.end)
        return [Segment(clause.id, clause.doc_id, a, b, clause.text[a:b], a) for a, b in ends.items()]

    def _extract(
        self, q: Query, kind: str, d: Directive, clause: Clause, seg: Segment, topic: str, base: float
    ) -> _Found | None:
        text = clause.text
        if kind == "target":
            values = find_values(seg.text)
            if not values:
                return None
            best, best_cov, prev_end = None, -1.0, 0
            for v in values:
                ctx = seg.text[prev_end : v.end]
                cov = self._scorer.coverage(topic, ctx)
                if cov > best_cov:
                    best, best_cov, ctx_start = v, cov, prev_end
                prev_end = v.end
            assert best is not None
            # Quote the whole part, trimmed only when long: other values in it often belong to the answer.
            start = 0 if len(seg.text) <= 320 else self._phrase_start(seg.text, topic, ctx_start, best.start)
            quote, a, b = excerpt(seg.text, start, len(seg.text))
            score = 0.5 * best_cov + 0.5 * base
            return _Found(d, clause, best.text, quote, (seg.start + a, seg.start + b), score)
        if kind == "agency":
            from corpus.facts import find_agencies

            sentence = text[seg.sentence_start : seg.end]
            mentions = find_agencies(sentence)
            if not mentions:
                return None
            names = mentions[0].name  # as written: the answer must quote the clause, not a canonical form
            folded_q = fold(q.text)
            for asks, where in _ROLE_AFTER:
                if asks.search(folded_q):
                    part_start = seg.start - seg.sentence_start
                    m = where.search(sentence, part_start) or where.search(sentence)
                    after = [x for x in mentions if m and x.start >= m.end()]
                    if not after:
                        return None
                    # the first one named after the cue, and any others named in the same part
                    part_end = part_start + len(seg.text)
                    names = ", ".join(dict.fromkeys([after[0].name, *(x.name for x in after if x.start < part_end)]))
                    break
            quote, a, b = excerpt(text, seg.sentence_start, seg.end)
            return _Found(d, clause, names, quote, (a, b), base)
        if kind == "list":
            quotes = find_quotes(seg.text)
            if len(quotes) < 2:
                return None
            short = "; ".join(f"“{x.text}”" for x in quotes[:15])
            a, b = self._focus(text, seg.start, seg.end, topic)
            quote, a, b = excerpt(text, a, b)
            bonus = 0.02 * min(len(quotes), 5)  # a longer enumeration is more likely the list asked for
            return _Found(d, clause, short, quote, (a, b), base + bonus)
        if kind == "reference":
            refs = find_references(seg.text)
            if not refs:
                return None
            short = "; ".join(r.text for r in refs)
            return _Found(d, clause, short, seg.text, (seg.start + refs[0].start, seg.start + refs[-1].end), base)
        if kind == "fact_with_number" and not has_count(seg.text):
            return None
        # fact: the answering sentence part itself, focused on its best-matching words when long
        a, b = self._focus(text, seg.start, seg.end, topic)
        quote, a, b = excerpt(text, a, b)
        return _Found(d, clause, quote, quote, (a, b), base)

    def _focus(self, text: str, start: int, end: int, topic: str) -> tuple[int, int]:
        """A window of at most MAX_EXCERPT characters around the comma-part that best matches the topic."""
        if end - start <= MAX_EXCERPT:
            return start, end
        cuts = [start, *(start + m.end() for m in re.finditer(r",\s+", text[start:end]))]
        bounds = list(zip(cuts, [*cuts[1:], end], strict=True))
        best = max(range(len(bounds)), key=lambda i: self._scorer.coverage(topic, text[slice(*bounds[i])]))
        lo = hi = best
        grew = True
        while grew:
            grew = False
            if hi + 1 < len(bounds) and bounds[hi + 1][1] - bounds[lo][0] <= MAX_EXCERPT:
                hi, grew = hi + 1, True
            if lo > 0 and bounds[hi][1] - bounds[lo - 1][0] <= MAX_EXCERPT:
                lo, grew = lo - 1, True
        return bounds[lo][0], bounds[hi][1]

    def _phrase_start(self, text: str, topic: str, lo: int, value_start: int) -> int:
        """Where the indicator phrase before a value begins: after the last comma/colon before its first matched word."""
        first = self._scorer.first_match(topic, text[lo:value_start])
        anchor = lo + first if first is not None else lo
        cut = max(text.rfind(sep, lo, anchor) for sep in (",", ":", ";"))
        return cut + 1 if cut >= lo and cut + 1 <= anchor else anchor if first is not None else lo

    def _duty(self, q: Query, d: Directive) -> list[_Found]:
        """What an agency must do: the sentences in which it is the one tasked."""
        from corpus.facts import canonical_agency, find_agencies

        asked_mentions = find_agencies(q.text)
        if not asked_mentions:
            return []
        asked = {m.canonical for m in asked_mentions}
        asked_words = [set(tokens(m.name)) for m in asked_mentions]

        def is_asked(name: str) -> bool:
            # Same canonical agency, or every word of the clause's name is in the question's name
            # ("Trưởng các Khối thi đua của tỉnh" for "Trưởng các khối thi đua tỉnh Hà Nam").
            words = set(tokens(name))
            return canonical_agency(name) in asked or any(words and words <= w for w in asked_words)

        out: list[_Found] = []
        for clause in d.answerable_clauses():
            if any(c.parent == clause.id for c in d.clauses):
                continue  # leaves only: the most specific clause
            text = clause.text
            if clause.id not in self._agency_cache:
                self._agency_cache[clause.id] = find_agencies(text)
            for m in self._agency_cache[clause.id]:
                if not is_asked(m.name):
                    continue
                seg = next((s for s in self._segments.get(clause.id, []) if s.start <= m.start < s.end + 1), None)
                if seg is None:
                    continue
                sentence_end = max(s.end for s in self._segments[clause.id] if s.sentence_start == seg.sentence_start)
                topic = _topic_words(q) or q.topic
                a, b = self._focus(text, seg.sentence_start, sentence_end, topic)
                quote, a, b = excerpt(text, a, b)
                lead = m.start - seg.sentence_start
                score = 1.0 if lead <= 40 else 0.6
                out.append(_Found(d, clause, quote, quote, (a, b), score))
                break
        out.sort(key=lambda f: -f.score)
        return [f for f in out if f.score >= ABSTAIN_BELOW][:3]

    def _meta(self, q: Query, d: Directive) -> _Found | None:
        kind = q.kind
        if kind == "meta_title":
            folded = fold(q.text)
            for cue in ("chủ đề", "phương châm", "khẩu hiệu"):
                if fold(cue) in folded:
                    for clause in d.answerable_clauses():
                        span = quoted_after(clause.text, cue)
                        if span:
                            return _Found(d, clause, f"“{span.text}”", span.text, (span.start, span.end), 1.0)
                    return None
            value, name = d.title, "title"
        elif kind == "meta_signer":
            value, name = d.signer, "signer"
        elif kind == "meta_date":
            value, name = vn_date(d.date), "date"
        else:
            value, name = d.number, "number"
        if not value:
            return None
        clause = self._clause_stating(d, name)
        if clause is None:
            return None
        pos = clause.text.find(value)
        span = (pos, pos + len(value)) if pos >= 0 else None
        lead = {"signer": "Người ký", "date": "Ngày ban hành", "number": "Số hiệu", "title": "Trích yếu"}[name]
        quote = clause.text[span[0] : span[1]] if span else value
        return _Found(d, clause, f"{lead}: {value}", quote, span, 1.0)

    def _clause_stating(self, d: Directive, field: str) -> Clause | None:
        """The clause that states a metadata value: signature for the signer, header or appendix line otherwise."""
        source = d.field_source(field)
        wanted = {"signer": ("signature",), "title": ("header", "preamble")}.get(field, ("header", "appendix"))
        if source is not None and source.origin == "appendix":
            wanted = ("appendix",)
        for kind in wanted:
            for c in d.clauses:
                if c.kind == kind:
                    return c
        return next(iter(d.clauses), None)

    # ----------------------------------------------------------------- checks and output

    def _grounded(self, f: _Found) -> bool:
        d = f.directive
        meta = [x for x in (d.number, d.date and vn_date(d.date), d.signer, d.title, d.issuer) if x]
        missing = unsupported(f.short, [f.clause.text, *meta])
        if missing:
            log.warning("dropped an unsupported statement %r (not in %s): %s", f.short, f.clause.id, missing)
        return not missing

    def _compose(self, q: Query, found: list[_Found], top_k: int) -> Answer:
        # Every document's best answer stays; further clauses only while there is room in top_k.
        primary: dict[str, _Found] = {}
        for f in sorted(found, key=lambda f: -f.score):
            primary.setdefault(f.directive.doc_id, f)
        extra = [f for f in found if f not in primary.values()]
        keep = set(map(id, [*primary.values(), *extra[: max(0, top_k - len(primary))]]))
        found = [f for f in found if id(f) in keep]
        cites: list[Citation] = []
        lines: list[str] = []
        for f in found:
            cites.append(citation(f.directive, f.clause, f.score, f.span))
            where = f"Theo {doc_ref(f.directive)} ({f.clause.label})"
            if f.short == f.quote:
                lines.append(f"{where}: “{f.quote}”.")
            else:
                lines.append(f"{f.short}. {where}: “{f.quote}”.")
        if len(lines) == 1:
            text = lines[0]
        else:
            docs = {f.directive.doc_id for f in found}
            head = (f"Có {len(docs)} văn bản nêu nội dung này:" if len(docs) > 1
                    else "Văn bản nêu ở nhiều điều khoản:")
            if q.kind == "comparison":
                found_sorted = sorted(zip(found, lines, strict=True),
                                      key=lambda p: (p[0].directive.province or "", p[0].directive.year or 0))
                lines = [f"{f.directive.province}, năm {f.directive.year}: {line}" for f, line in found_sorted]
                head = "So sánh theo từng văn bản:"
            text = head + "\n" + "\n".join(f"- {line}" for line in lines)
        return Answer(question=q.text, answer=text, abstained=False, citations=tuple(cites))

    def _abstain(self, q: Query, docs: list[Directive], hits: list[Hit]) -> Answer:
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
        text = (f"Không tìm thấy nội dung trả lời câu hỏi này trong các văn bản đã tra cứu: {self._describe(docs)}.")
        if suggestions:
            text += " Các điều khoản gần nhất: " + "; ".join(
                f"{s.clause} ({self._short(s)})" for s in suggestions) + "."
        return Answer(question=q.text, answer=text, abstained=True, suggestions=tuple(suggestions))

    @staticmethod
    def _short(c: Citation) -> str:
        kind = c.doc_type or "Văn bản"
        head = f"{kind} {c.number}" if c.number else kind
        return ", ".join(str(x) for x in (head, c.province, c.year) if x)

    @staticmethod
    def _describe(docs) -> str:
        return "; ".join(d.short_name() for d in docs) or "không có văn bản nào"
