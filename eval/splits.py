"""The dev/test split, read from ``eval/splits.toml`` (its single source of truth).

Whole documents are held out, so a rule fitted to one document's wording can
only raise the dev figures.  The bundled directives are listed by name; every
other document (the library) falls to a hash of its id, which nobody can steer towards easy
or hard documents; items without a gold document alternate by sorted id.
"""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal, get_args

__all__ = ["SPLITS", "Split", "SplitRule", "default_splits_path", "hash_split", "load_split_rule"]

Split = Literal["dev", "test"]
SPLITS: tuple[str, ...] = get_args(Split)
_HASH_RULE = "sha256-mod-2"
_NO_GOLD_RULE = "alternate-by-sorted-id"


def hash_split(key: str) -> Split:
    """test iff int(sha256(key).hexdigest(), 16) is odd."""
    return "test" if int(hashlib.sha256(key.encode("utf-8")).hexdigest(), 16) % 2 == 1 else "dev"


@dataclass(frozen=True)
class SplitRule:
    """Named documents per split; everything else by ``hash_split``."""

    dev: frozenset[str]
    test: frozenset[str]

    def of_document(self, doc_id: str) -> Split:
        if doc_id in self.test:
            return "test"
        if doc_id in self.dev:
            return "dev"
        return hash_split(doc_id)

    def of_documents(self, doc_ids: Iterable[str]) -> Split:
        """Test when any gold document is test."""
        return "test" if any(self.of_document(d) == "test" for d in doc_ids) else "dev"

    def of_items(self, items: Iterable[tuple[str, Sequence[str]]]) -> dict[str, Split]:
        """The split of every (id, gold documents) of one file; items without gold alternate by sorted id."""
        items = list(items)
        no_gold = sorted(item_id for item_id, docs in items if not docs)
        out: dict[str, Split] = {item_id: ("dev" if i % 2 == 0 else "test") for i, item_id in enumerate(no_gold)}
        out.update({item_id: self.of_documents(docs) for item_id, docs in items if docs})
        return out


def default_splits_path() -> Path:
    return Path(__file__).resolve().parent / "splits.toml"


@lru_cache(maxsize=4)
def load_split_rule(path: Path | None = None) -> SplitRule:
    """Read ``splits.toml``; a malformed file raises ``ValueError`` naming what is wrong."""
    path = Path(path) if path is not None else default_splits_path()
    data = tomllib.loads(path.read_text(encoding="utf-8"))
    docs = data.get("documents", {})
    dev, test = frozenset(docs.get("dev", ())), frozenset(docs.get("test", ()))
    if dev & test:
        raise ValueError(f"{path}: documents in both dev and test: {', '.join(sorted(dev & test))}")
    rules = data.get("rule", {})
    if rules.get("hash") != _HASH_RULE or rules.get("no_gold") != _NO_GOLD_RULE:
        raise ValueError(f"{path}: [rule] must read hash = {_HASH_RULE!r}, no_gold = {_NO_GOLD_RULE!r}")
    return SplitRule(dev=dev, test=test)
