"""Reading directives: text normalisation, metadata from the text, the clause tree."""

from __future__ import annotations

from corpus.loader import (
    Library,
    corpus_dirs,
    corpus_fingerprint,
    load_corpus,
    load_library,
    parse_directive,
    read_directive,
)
from corpus.models import Clause, Corpus, Directive, FieldSource, Problem
from corpus.normalize import clean_text
from corpus.readers import SUPPORTED_SUFFIXES, ReadError

__all__ = [
    "SUPPORTED_SUFFIXES",
    "Clause",
    "Corpus",
    "Directive",
    "FieldSource",
    "Library",
    "Problem",
    "ReadError",
    "clean_text",
    "corpus_dirs",
    "corpus_fingerprint",
    "load_corpus",
    "load_library",
    "parse_directive",
    "read_directive",
]
