"""Reading directives: text normalisation, metadata from the text, the clause tree."""

from __future__ import annotations

from corpus.loader import corpus_fingerprint, load_corpus, parse_directive, read_directive
from corpus.models import Clause, Corpus, Directive, FieldSource, Problem
from corpus.normalize import clean_text
from corpus.readers import SUPPORTED_SUFFIXES, ReadError

__all__ = [
    "SUPPORTED_SUFFIXES",
    "Clause",
    "Corpus",
    "Directive",
    "FieldSource",
    "Problem",
    "ReadError",
    "clean_text",
    "corpus_fingerprint",
    "load_corpus",
    "parse_directive",
    "read_directive",
]
