"""Facts a supervisor tracks: who is responsible for what, and every numeric target, each cited to its clause."""

from __future__ import annotations

from corpus.facts.agencies import AgencyMention, canonical_agency, find_agencies
from corpus.facts.indicators import indicator_key, parse_number
from corpus.facts.responsibilities import Responsibility, extract_responsibilities
from corpus.facts.select import (
    corpus_responsibilities,
    corpus_targets,
    select_directives,
    select_responsibilities,
    select_targets,
)
from corpus.facts.targets import Target, extract_targets

__all__ = [
    "AgencyMention",
    "Responsibility",
    "Target",
    "canonical_agency",
    "corpus_responsibilities",
    "corpus_targets",
    "extract_responsibilities",
    "extract_targets",
    "find_agencies",
    "indicator_key",
    "parse_number",
    "select_directives",
    "select_responsibilities",
    "select_targets",
]
