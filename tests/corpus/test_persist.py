"""The stored parse read back: clauses equal, hash and stay frozen as the parser made them."""

from __future__ import annotations

import dataclasses
import json

import pytest

from bot.settings import bundled_corpus_dir
from corpus.loader import load_corpus
from corpus.persist import decode_directive, encode_directive


def test_decoded_clauses_are_the_parsed_clauses() -> None:
    for d in load_corpus(bundled_corpus_dir()):
        back = decode_directive(json.loads(json.dumps(encode_directive(d), ensure_ascii=False)))
        assert back.clauses == d.clauses and back == dataclasses.replace(d, path=None)
        assert {hash(c) for c in back.clauses} == {hash(c) for c in d.clauses}
        assert all(isinstance(c.path, tuple) and isinstance(c.heading, tuple) for c in back.clauses)
        with pytest.raises(dataclasses.FrozenInstanceError):
            back.clauses[0].label = "Điều 1"  # type: ignore[misc]
