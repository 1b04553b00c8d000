"""Every weight and threshold of the answer layer, in one frozen record (recorded in eval reports).

Values were set on the development split of the question set (whole documents held out for test:
see eval/README.md); change them there, never on the test split.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field

from index.fusion import FusionTuning

__all__ = ["AnswerTuning"]


@dataclass(frozen=True)
class AnswerTuning:
    """Weights and thresholds of the answer layer."""

    #: Least (rarity-weighted) share of the question's words the answering text must contain.
    abstain_below: float = 0.25
    #: The threshold when the question has a word no document contains (the topic may not be there at all).
    unseen_abstain_below: float = 0.30
    #: A noun of the question at least this rare over the library (idf) must stand in the answering clause,
    #: its headings or its document's title (bot.support): it is what makes the question specific.
    support_rare_idf: float = 6.0
    #: A follow-up asking the previous indicator in another scope ("Còn Sơn La?"): two of its words that the previous
    #: answer's clause said with at most this many syllables between ("bình quân đầu người") must stand so in the
    #: answering clause too (bot.conversation.named_pairs), not apart naming other indicators.
    named_gap: int = 2
    #: ... and the library must use it in at least this many parts (a word it never uses is the unseen check's).
    support_min_parts: int = 3
    #: A word of the question at least this rare over the library, which one document's answer holds, must stand
    #: in the answer of every document offered as a choice (bot.support.key_words): the others answer something else.
    choice_rare_idf: float = 6.0
    #: A syllable at least this rare over the library in what the question is about (its words before the first
    #: qualifier: "thử" of "Thời gian thử việc tối đa đối với …", bot.support.head_words) must stand in the answer
    #: of every document offered as a choice, when one of them holds it: the others answer a neighbouring question.
    head_rare_idf: float = 5.0
    #: When the best answer lacks what makes the question specific, the others answer only if the best of them
    #: scores at most this much less (a far weaker clause that happens to hold the words is no answer either).
    support_slack: float = 0.03
    #: When a document's best answer fails the support check, at most this many of its next answers (other
    #: clauses, best first) are tried; the first that passes answers for the document.
    support_alternates: int = 2
    #: Candidate clauses read per document.
    candidates_per_doc: int = 6
    #: A duration question reads this many more parts after the first three stating a duration, keeping only listed
    #: items ("a) 12 ngày làm việc …"), whose lead-in (not their own words) says what they are about.
    listed_read: int = 6
    #: A parent clause that announces its items ("Hồ sơ … bao gồm:") is read with this share of its child's
    #: rank prior: the lead-in says what the items are, the item found by its words answers first.
    parent_prior_share: float = 0.5
    #: Further candidate clauses read in each document when the question names a step of a scale ("vùng I").
    named_extra: int = 2
    #: Most hits asked of the retriever for one question (bounds the work at library scale).
    max_hits: int = 120
    #: Documents read for an answer, best retrieval evidence first.
    doc_pool: int = 5
    #: A typed answer (agency, list, reference) may not come from a sentence this much weaker than the best.
    typed_slack: float = 0.15
    #: How a sentence part's score mixes its own coverage, its clause's and the retrieval rank.
    segment_weight: float = 0.6
    clause_weight: float = 0.3
    prior_weight: float = 0.1
    #: A target's score: share of the coverage of the words just before the value.
    value_context_weight: float = 0.5
    #: A part under the step of a scale the question names ("mức 4", "vùng I") gains this; a part under another
    #: step of that scale ("Mức 1: 13.000 đồng") loses this (bot.answerers.labels).
    step_bonus: float = 0.2
    step_penalty: float = 0.2
    #: A part's value whose own words (its row) hold the figures the question names ("trên 1.500 tấn") gains up
    #: to this (bot.answerers.values): those figures say which row of a table or list is asked.
    figure_bonus: float = 0.2
    #: A change ("mức giảm … 3,6%") asked for a level, or a level asked for a change, counts its words' coverage
    #: times this when the part's values are compared.
    change_mismatch: float = 0.6
    #: A value whose words say what the question says around its ask ("chia cho 26 ngày" for "chia cho bao nhiêu
    #: ngày", "04 loại" for "mấy loại") gains this much coverage among a part's values, and a part stating such a
    #: value this much score (bot.answerers.values.probe).
    ask_words_weight: float = 0.1
    #: Bonus per quoted name (up to five) for a list answer.
    list_bonus: float = 0.02
    #: Bonus for a sentence that carries the cue of a legal-text kind ("có hiệu lực", "hồ sơ gồm").
    kind_cue_bonus: float = 0.15
    #: A duty sentence naming the agency within this many characters of its start is its subject.
    duty_lead_chars: int = 40
    duty_subject_score: float = 1.0
    duty_mention_score: float = 0.6
    duty_max_clauses: int = 3
    #: How much a document's name fitting the question (its title's share of the topic's rare words, plus
    #: ``type_bonus`` when the question names its type) adds to its answers' scores (choosing among documents).
    title_weight: float = 0.2
    #: How much a document's name fit lifts its clauses in the retrieval ranking the answer reads (each hit's
    #: BM25 score as a share of the best hit's, plus this times its document's fit): the documents read first
    #: are chosen on what the question says of the document as well as of the clause.  Dev library R@5
    #: 0.826 -> 0.848, R@1 0.587 -> 0.609 at 0.5, answers unchanged (0.1-0.3: R@5 0.837; 1.0 lowers R@1 again).
    title_rank_weight: float = 0.5
    #: A document's name fit is the weighted geometric mean of the share of the question's rare words its title
    #: holds (this weight) and the share of its title's rare words the question holds (the rest).  0.65 (was an
    #: even 0.5): dev library citations 0.864 -> 0.877, answers 0.786 unchanged, three wrong answers fewer and
    #: two more abstentions (one false); conversations citations 0.941 -> 0.948; our own 23 questions on
    #: documents no dev question is about: R@5 0.696 -> 0.826.  0.8 lowers dev library R@5.
    name_question_weight: float = 0.65
    #: Added to a document's name fit when the first document type the question names is its type.
    type_bonus: float = 0.2
    #: A document whose name fits at least this well, and this much better than any other's, is the one
    #: the question describes: its best clauses are read first even when the library-wide search missed them.
    named_min: float = 0.4
    named_lead: float = 0.12
    #: The described document answers alone when its best answer scores at most this much below the best one.
    named_slack: float = 0.3
    #: Another document whose answer scores within this margin of the best one is an equal candidate.
    doc_margin: float = 0.25
    #: Most documents one answer names (per-document lines or clarify choices).
    max_docs: int = 5
    #: A lead-in ("Hồ sơ gồm các thành phần sau:") is answered with its items: at most this many, each cut to
    #: this many characters (the rest is counted: "và 3 mục khác").
    list_max_items: int = 8
    list_item_chars: int = 160
    #: Bonus for a lead-in part when the question asks for the parts of something (a dossier).
    lead_in_bonus: float = 0.2
    #: A definition ("X là …") answers when its term covers this much of the asked phrase (a definition
    #: question), or this much when the question was read as another kind ("… là gì?").
    definition_min_cover: float = 0.5
    definition_strict_cover: float = 0.8
    #: A definition's score: this base plus the rest times its cover, plus a bonus in a "Giải thích từ ngữ" article.
    definition_base: float = 0.5
    glossary_bonus: float = 0.1
    #: An effect answer's score: this base, plus this times the retrieval prior, plus a bonus when the clause sits
    #: in the document's article on effect ("Điều 8. Hiệu lực thi hành"), a smaller one when it only opens with
    #: an effect sentence (a consolidated text's footnote quoting an amending document's effect article).
    effect_base: float = 0.5
    effect_prior_weight: float = 0.3
    effect_article_bonus: float = 0.2
    effect_text_bonus: float = 0.1
    #: ... plus this when the effect sentence dates the document itself ("Bộ luật này có hiệu lực …").
    effect_self_bonus: float = 0.1
    #: ... or this (more) when it dates something else the question names ("thỏa ước lao động tập thể"): at least
    #: this share of that subject's weight is in the question's words.
    effect_subject_bonus: float = 0.15
    effect_subject_cover: float = 0.7
    #: ... and, for what a document replaces, when the replaced document's number carries a year the question names.
    effect_year_bonus: float = 0.05
    #: Excerpt length (characters) of a long answering sentence part.
    long_segment_chars: int = 320
    #: How hybrid search weighs BM25 and dense (the index's own record, kept here so a report shows every number).
    fusion: FusionTuning = field(default_factory=FusionTuning)

    def to_dict(self) -> dict:
        return asdict(self)
