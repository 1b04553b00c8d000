"""The answer layer by kind: one answerer per kind of question, behind one small protocol.

``answerer_for(kind)`` gives the answerer of a question kind; each returns the answers it finds
in one document (best first), and the assistant chooses among documents and composes the reply.
"""

from __future__ import annotations

from types import MappingProxyType

from bot.answerers.base import Answerer, Found, Reader, asked_needs, topic_words
from bot.answerers.clauses import ClauseAnswerer
from bot.answerers.definitions import Defining
from bot.answerers.directive import (
    ComparisonAnswerer,
    DutyAnswerer,
    FactAnswerer,
    TargetAnswerer,
    TypedAnswerer,
)
from bot.answerers.items import Listing
from bot.answerers.legal import EffectAnswerer, LegalAnswerer
from bot.answerers.meta import MetaAnswerer
from bot.query import KINDS, Kind

__all__ = ["ANSWERERS", "Answerer", "Found", "Reader", "answerer_for", "asked_needs", "topic_words"]

_META = MetaAnswerer()

ANSWERERS: MappingProxyType[Kind, Answerer] = MappingProxyType({
    "target": TargetAnswerer(),
    "comparison": ComparisonAnswerer(),
    "agency": TypedAnswerer("agency"),
    "list": Listing(TypedAnswerer("list")),
    "reference": Defining(TypedAnswerer("reference")),
    "fact": Defining(Listing(FactAnswerer())),
    "duty": DutyAnswerer(),
    "meta_signer": _META,
    "meta_date": _META,
    "meta_number": _META,
    "meta_title": _META,
    "condition": Listing(LegalAnswerer("condition")),
    "duration": LegalAnswerer("duration"),
    "dossier": Listing(LegalAnswerer("dossier")),
    "definition": Defining(Listing(LegalAnswerer("definition")), strict=False),
    "effect": EffectAnswerer(),
    "decider": LegalAnswerer("decider", shape="agency"),
    "clause": ClauseAnswerer(),
})

if set(ANSWERERS) != set(KINDS):  # a new kind in bot.query must get its answerer here
    raise ImportError(f"question kinds without an answerer: {sorted(set(KINDS) - set(ANSWERERS))}")


def answerer_for(kind: Kind) -> Answerer:
    """The answerer of a question kind."""
    return ANSWERERS[kind]
