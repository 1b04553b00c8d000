"""Combining the BM25 and dense rankings into one, with weights tuned on the dev questions.

Three ways are offered because they fail differently.  Reciprocal-rank
fusion needs no calibration but ignores how far ahead a hit is: a BM25 hit
far ahead and one barely ahead weigh the same, and a dense rank cut-off
makes a cliff (rank 10 counts, rank 11 nothing).  The score mixes keep
BM25's own margins (its scores as a share of its best, 0 = no word in
common) and add a dense bonus; "mix" stretches the cosines min-max, "zmix"
gives a hit the number of standard deviations by which its cosine stands
above the pool's mean.  Within one document the e5 cosines of fifty clauses
lie ~0.02 apart, so only a hit that stands out gets a bonus worth noticing.
A dense hit can thus overtake a BM25 hit only when BM25 is close to a tie,
which is what keeps BM25's clear top hits (a signature, a theme line) where
they were while dense still reorders near-ties (paraphrases).

"zshare" takes the standard scores as a share of the pool's best one, so the
model's bonus is at most ``dense_weight``, as BM25's share is at most 1: inside
one long legal text the cosines of a hundred clauses crowd within 0.02 and
several mediocre ones stand 2-3 deviations above the mean, an unbounded bonus
that passed a clause BM25 ranked second a quarter behind the best (measured on
the DEV bed of scripts/dense_bed.py, five directives plus 21 DEV library texts).

``FusionTuning`` holds the numbers, chosen with scripts/tune_fusion.py on the
DEV split only (bundled multilingual-e5-small, five directives): see the
README section on the bundled model for the grid and the figures.
"""

from __future__ import annotations

from collections.abc import Hashable, Mapping, Sequence
from dataclasses import asdict, dataclass, replace
from typing import Literal

__all__ = ["RRF_K", "FusionMethod", "FusionTuning", "fuse", "reciprocal_rank_fusion", "top_distinct"]

RRF_K = 60
FusionMethod = Literal["rrf", "mix", "zmix", "zshare", "gate"]


@dataclass(frozen=True)
class FusionTuning:
    """How hybrid search weighs its two retrievers (recorded in each evaluation report)."""

    #: "zmix" kept (session 20) over "zshare", the model's bonus bounded by ``dense_weight``: on the DEV bed of
    #: scripts/dense_bed.py (five directives + 21 DEV library texts, 399 questions; Recall@1 / Recall@5 / answers)
    #: zmix 0.888 / 0.975 / 0.896, zshare 0.881 / 0.978 / 0.899 (bm25 0.856 / 0.978 / 0.906), every question folded
    #: Recall@1 0.863 -> 0.878; but over the five directives (dev) zshare loses a list question's clause from the
    #: first five (Recall@5 1.000 -> 0.995) and a paraphrase's answer (0.965 -> 0.960): no gain across both.
    method: FusionMethod = "zmix"
    rrf_k: int = 10
    bm25_weight: float = 1.0
    #: "zmix": bonus per standard deviation above the dense pool's mean; "mix": bonus of the best dense hit.
    #: 0.25 with ``bm25_clear_lead`` (dev, 213 questions with the blind ones of session 17: Recall@5 0.995 ->
    #: 1.000, Recall@3 0.984 -> 0.989, Recall@1 0.942 unchanged; 0.15 left a list question's clause sixth, where
    #: both retrievers are unsure, and was below dense on that kind; 0.2 and 0.25 alone put one duty question's
    #: clause second behind a dense near-tie although BM25 led by 39%).  0.2 since session 22, with the kept
    #: places below: inside a long legal text the bonus of 0.25 lifted clauses the answer then quoted instead of
    #: BM25's (DEV bed of scripts/dense_bed.py, 399 questions; Recall@5 / answers, bm25 0.986 / 0.939): 0.25
    #: 0.989 / 0.928, 0.2 0.989 / 0.935, 0.15 0.989 / 0.939; the five directives (dev, 235): 0.25 and 0.2 Recall@5
    #: 1.000, answers 0.976, Recall@1 0.962 -> 0.967, while 0.15 drops a list question's clause from the first five
    #: again.  A question typed without diacritics keeps ``unaccented_dense_weight``.
    dense_weight: float = 0.2
    #: only the best ``dense_depth`` dense candidates take part (and define the pool's mean and spread)
    dense_depth: int = 50
    #: "gate": BM25's order is kept when its best hit leads the second by this share of its score,
    #: otherwise the weighted RRF decides (dense breaks the ties BM25 is unsure about)
    gate_margin: float = 0.35
    #: ``dense_weight`` for a question typed without diacritics (the model reads it with its marks put back,
    #: index.accents).  BM25 then matches folded tokens only, where one syllable stands for many words ("ho":
    #: hộ, hồ, họ), so its margins say less and the model's bonus weighs more.  Dev, every question folded
    #: (scripts/tune_fusion.py --folded): Recall@1 0.864 at 0.15, 0.909-0.918 over 0.3-0.5.
    unaccented_dense_weight: float = 0.4

    #: The model's best hit ranks no lower than this (0: off).  A paraphrase shares few words with its clause,
    #: so BM25 may not rank it at all and the bonus of a near-tie cannot lift it; a clause one retriever ranks
    #: first is still worth reading.  Only ranks from this one down move (Recall@1 is untouched).
    dense_top_slot: int = 5

    #: BM25 inside one document (a question naming it by number, or describing it by its title): how far a
    #: word's rarity is counted among that document's chunks instead of the library's (0: not at all; 1:
    #: fully; ``index.bm25``).  Its title's words fill most of its clauses, so library-wide they outweigh the
    #: words that tell its clauses apart.  Dev library questions (BM25, with ``kind_headings``): Recall@5
    #: 0.869 at 0, 0.917 at 0.5, 0.899 at 1; answers 0.833, 0.833, 0.821; directives dev answers +3 at 0.5.
    #: The search inside a document the question describes leaves its title's words out instead (0 there).
    document_idf: float = 0.5

    #: A question whose best BM25 hit holds less than this share of the question's word weight (idf,
    #: ``LexicalIndex.coverage``; 0: off) says its subject in other words than the clause (a paraphrase: "bán
    #: hàng ra nước ngoài" for "xuất khẩu"); BM25 then ranks on the common words and the model's bonus weighs
    #: ``unsure_dense_weight`` (at least; a question typed without diacritics keeps its own if higher).
    unsure_coverage: float = 0.0
    unsure_dense_weight: float = 0.4

    #: BM25's best hit stays first when it leads the second by at least this share of its score (0: off).  Such a
    #: lead means the clause holds the question's rare words; the model's bonus is for ordering what BM25 is
    #: unsure about, and with a weight large enough to lift a clause both rank mid-list (a list question, where
    #: BM25's scores are flat) a crowded cosine could otherwise pass it.  Off for a question typed without
    #: diacritics: BM25 then matched folded syllables and its leads say less (dev, every question folded: a
    #: paraphrase whose clause BM25 ranks tenth behind a 40% lead would lose its first place).
    bm25_clear_lead: float = 0.35

    #: How many of each retriever's best hits keep a place within the first ``dense_top_slot`` (BM25's best
    #: ``bm25_kept``, the model's ``dense_kept``; before session 21 only the model's best, 0 and 1).  Standard
    #: scores of 1.5-2 are merely the top of fifty crowded cosines, yet worth a bonus of 0.4-0.5: four such
    #: clauses could push out a clause BM25 ranks second 26% behind its best, and BM25's flat scores could keep
    #: the model's second out.  Kept places mean neither retriever pushes the other's surest hits out of the five;
    #: the order within them stays fused.  DEV bed of scripts/dense_bed.py (399 questions; Recall@5 / answers):
    #: 0/1 0.978 / 0.914, 2/1 0.982 / 0.914, 3/1 0.982 / 0.914, 2/2 and 3/2 0.986 / 0.917 (bm25 0.982 / 0.928);
    #: every question folded: 0/1 0.975 / 0.871, 3/2 0.982 / 0.874 (bm25 0.968 / 0.874), 2/2 0.978; the five
    #: directives (dev) identical for every pair.
    bm25_kept: int = 3
    dense_kept: int = 2
    #: "zmix": standard scores up to this many deviations earn no bonus (0: every score above the mean does), so
    #: only a clause that stands out of the crowd earns one.  Off: on the DEV bed (with 3/2 kept places; R@5 +
    #: answers, typed / folded) 0.5 gave 1.916 / 1.865 against 1.912 / 1.865, 1.0 1.919 / 1.865 (Recall@1 0.888 ->
    #: 0.885), 1.0 or 1.5 with weight 0.4 and 1.5 with 0.6 no better folded: one question either way, too little.
    dense_z_floor: float = 0.0
    #: The model cannot tell its hits apart when its ten best cosines lie within this much of each other (0:
    #: off): BM25's first ``dense_top_slot`` hits then all keep their places (the model only orders them and what
    #: follows).  Inside one long legal text fifty clauses crowd within ~0.01 and standard scores of 1.3-2.8 there
    #: are noise worth a bonus of 0.26-0.56, more than the gaps between BM25's first five: the kept places of
    #: ``bm25_kept`` 3 / ``dense_kept`` 2 let it push BM25's fourth or fifth out.  Measured on DEV only (session
    #: 23; DEV bed of scripts/dense_bed.py, 218 directive + 36 library questions with gold; Recall@1 / Recall@5 /
    #: answers): library 0.667 / 0.917 / 0.861 -> 0.667 / 0.972 / 0.889 (bm25 0.694 / 0.972 / 0.944; BM25's
    #: fifth no longer pushed out in two questions), directives unchanged, and the five directives alone
    #: unchanged: their cosines spread 0.02-0.04, where the model still brings in a clause BM25 ranks sixth
    #: (sl22-list-002).  0.015 also took away a question typed without diacritics whose clause the model ranks
    #: first and BM25 seventh (spread 0.0146).  Off for such questions (``for_unaccented``): BM25's five then come
    #: from folded syllables, and every question folded, 0.01 lost one clause the model alone finds (bm25 none,
    #: hybrid 4th: spread 0.009) for one it kept.
    dense_crowd: float = 0.01

    def for_unaccented(self) -> FusionTuning:
        """The tuning for a question typed without diacritics (``unaccented_dense_weight``, no ``bm25_clear_lead``
        nor ``dense_crowd``: BM25's leads and first five say less when it matched folded syllables)."""
        return replace(self, dense_weight=self.unaccented_dense_weight, bm25_clear_lead=0.0, dense_crowd=0.0)

    def for_unsure(self) -> FusionTuning:
        """The tuning when BM25's best hit shares little of the question's words (see ``unsure_coverage``)."""
        return replace(self, dense_weight=max(self.dense_weight, self.unsure_dense_weight))

    def to_dict(self) -> dict[str, object]:
        return asdict(self)


def reciprocal_rank_fusion(rankings: Sequence[Sequence[Hashable]], *, k: int = RRF_K,
                           weights: Sequence[float] | None = None) -> list[tuple[Hashable, float]]:
    """Fuse best-first rankings into one best-first list of (item, fused score).

    score(d) = sum over rankings of weight / (k + rank).  Ties keep the order
    in which items were first seen (earlier rankings, better ranks first).
    """
    scores: dict[Hashable, float] = {}
    for n, ranking in enumerate(rankings):
        w = 1.0 if weights is None else weights[n]
        for rank, item in enumerate(ranking, 1):
            scores[item] = scores.get(item, 0.0) + w / (k + rank)
    return sorted(scores.items(), key=lambda kv: -kv[1])


def _minmax(pairs: Sequence[tuple[Hashable, float]]) -> dict[Hashable, float]:
    """Scores mapped to [0, 1] within the list (cosines of e5 crowd into 0.75-0.9: only their spread tells)."""
    if not pairs:
        return {}
    values = [s for _, s in pairs]
    lo, hi = min(values), max(values)
    span = hi - lo
    return {item: (1.0 if span <= 0 else (s - lo) / span) for item, s in pairs}


def _share_of_top(pairs: Sequence[tuple[Hashable, float]]) -> dict[Hashable, float]:
    """BM25 scores as a share of the best one: 0 means "no word in common", whatever the pool depth."""
    top = max((s for _, s in pairs), default=0.0)
    return {item: (s / top if top > 0 else 0.0) for item, s in pairs}


def _standard(pairs: Sequence[tuple[Hashable, float]]) -> dict[Hashable, float]:
    """How many standard deviations a cosine stands above the pool's mean, 0 when below.

    Within one document the e5 cosines of fifty clauses lie ~0.02 apart, so a
    min-max stretch turns noise into a full point; a standard score rewards
    only a hit that stands out from the rest.
    """
    if len(pairs) < 3:
        return _minmax(pairs)
    # chunks sharing one vector (read by their heading, index.chunking.DenseUnit) come one after the other
    # with one cosine: they are one hit of the model
    values = [s for n, (_, s) in enumerate(pairs) if n == 0 or s != pairs[n - 1][1]]
    mean = sum(values) / len(values)
    sd = (sum((v - mean) ** 2 for v in values) / len(values)) ** 0.5
    return {item: (max(0.0, (s - mean) / sd) if sd > 0 else 0.0) for item, s in pairs}


def top_distinct(pairs: list[tuple[Hashable, float]], n: int) -> list[tuple[Hashable, float]]:
    """The hits of the best ``n`` scores of a best-first list: chunks that share a vector (one cosine) count once."""
    seen, last = 0, None
    for i, (_, s) in enumerate(pairs):
        if s != last:
            seen, last = seen + 1, s
            if seen > n:
                return pairs[:i]
    return pairs


def fuse(ranked: Mapping[str, Sequence[tuple[Hashable, float]]], tuning: FusionTuning | None = None
         ) -> list[tuple[Hashable, float]]:
    """One best-first list from {"bm25": [(item, score)…], "dense": […]} (each best first).

    When the model's best cosines crowd (``dense_crowd``) BM25's first ``dense_top_slot`` hits keep their places.
    Score mixes: bm25_weight * BM25 share of the best + dense_weight * dense bonus; ties keep BM25's order.
    Then BM25's best hit goes back to rank 1 when it leads by ``bm25_clear_lead``, and each retriever's best
    hits (``bm25_kept``, ``dense_kept``) are moved up into the first ``dense_top_slot`` places if they fell
    below (scored as the last place they enter, so scores stay best first).
    """
    tuning = tuning or FusionTuning()
    if tuning.dense_crowd > 0 and _crowded(ranked.get("dense", ()), tuning.dense_crowd):
        tuning = replace(tuning, bm25_kept=max(tuning.bm25_kept, tuning.dense_top_slot), dense_kept=0)
    order = _fused(ranked, tuning)
    bm25 = ranked.get("bm25", ())
    if tuning.bm25_clear_lead > 0 and order and bm25 and bm25[0][1] > 0:
        second = bm25[1][1] if len(bm25) > 1 else 0.0
        if (bm25[0][1] - second) / bm25[0][1] >= tuning.bm25_clear_lead:
            at = next((i for i, (item, _) in enumerate(order) if item == bm25[0][0]), 0)
            if at > 0:
                moved = order.pop(at)
                order.insert(0, (moved[0], order[0][1]))
    return _keep_tops(order, ranked, tuning)


def _crowded(dense: Sequence[tuple[Hashable, float]], spread: float) -> bool:
    """Whether the model's ten best distinct cosines lie within ``spread`` of each other."""
    best = [s for n, (_, s) in enumerate(dense) if n == 0 or s != dense[n - 1][1]][:10]
    return len(best) >= 3 and best[0] - best[-1] < spread


def _keep_tops(order: list[tuple[Hashable, float]], ranked: Mapping[str, Sequence[tuple[Hashable, float]]],
               tuning: FusionTuning) -> list[tuple[Hashable, float]]:
    """``order`` with BM25's best ``bm25_kept`` hits and the model's best ``dense_kept`` ones within the first
    ``dense_top_slot`` places; the other places go to the fused order's best, and those places keep the fused
    order.  A hit moved up is scored as the last place it enters, and one pushed out as that place too, so scores
    stay best first."""
    window = tuning.dense_top_slot
    if window <= 0 or len(order) <= window:
        return order
    at = {item: i for i, (item, _) in enumerate(order)}
    kept = {at[item] for item, _ in ranked.get("bm25", ())[: max(0, tuning.bm25_kept)] if item in at}
    if tuning.dense_depth > 0 and tuning.dense_kept > 0:
        # chunks sharing a vector (one cosine) are one hit of the model: the one fused best stands for them
        best: dict[float, int] = {}
        for item, s in top_distinct(list(ranked.get("dense", ())), tuning.dense_kept):
            if item in at:
                best[s] = min(best.get(s, at[item]), at[item])
        kept |= set(best.values())
    kept_sorted = sorted(kept)[:window]
    if not kept_sorted or kept_sorted[-1] < window:
        return order
    chosen = set(kept_sorted)
    fill = [i for i in range(window) if i not in chosen][: window - len(chosen)]
    head = sorted(chosen | set(fill))
    floor = order[window - 1][1]
    placed = set(head)
    return ([(order[i][0], order[i][1] if i < window else floor) for i in head]
            + [(order[i][0], min(order[i][1], floor)) for i in range(len(order)) if i not in placed])


def _fused(ranked: Mapping[str, Sequence[tuple[Hashable, float]]], tuning: FusionTuning
           ) -> list[tuple[Hashable, float]]:
    bm25 = list(ranked.get("bm25", ()))
    dense = top_distinct(list(ranked.get("dense", ())), max(0, tuning.dense_depth))
    if tuning.method == "gate" and bm25:
        top = bm25[0][1]
        second = bm25[1][1] if len(bm25) > 1 else 0.0
        if top > 0 and (top - second) / top >= tuning.gate_margin:
            return [(item, s) for item, s in bm25]
    if tuning.method in ("rrf", "gate"):
        return reciprocal_rank_fusion([[i for i, _ in bm25], [i for i, _ in dense]], k=tuning.rrf_k,
                                      weights=(tuning.bm25_weight, tuning.dense_weight))
    scores: dict[Hashable, float] = {}
    dense_part = _minmax(dense) if tuning.method == "mix" else _standard(dense)
    if tuning.method == "zshare":
        dense_part = _share_of_top(list(dense_part.items()))
    elif tuning.method == "zmix" and tuning.dense_z_floor > 0:
        dense_part = {item: max(0.0, z - tuning.dense_z_floor) for item, z in dense_part.items()}
    for weight, part in ((tuning.bm25_weight, _share_of_top(bm25)), (tuning.dense_weight, dense_part)):
        for item, s in part.items():
            scores[item] = scores.get(item, 0.0) + weight * s
    return sorted(scores.items(), key=lambda kv: -kv[1])
