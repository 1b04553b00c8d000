"""Reading directives: text normalisation, metadata from the text, the clause tree."""

from __future__ import annotations

from corpus.models import Clause, Corpus, Directive, FieldSource, Problem

__all__ = ["Clause", "Corpus", "Directive", "FieldSource", "Problem"]
