"""The dev/test split, read from ``eval/splits.toml`` (its single source of truth).

Whole documents are held out, so a rule fitted to one document's wording can
only raise the dev figures.  The bundled directives are listed by name; every
other document (the library) and every item without a gold document falls to
a hash of its id, which nobody can steer towards easy or hard items.
"""

from __future__ import annotations

import hashlib
import tomllib
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import Literal, get_args

__all__ = ["SPLITS", "Split", "SplitRule", "default_splits_path", "hash_split", "load_split_rule"]

Split = Literal["dev", "test"]
SPLITS: tuple[str, ...] = get_args(Split)
_HASH_RULE = "sha256-mod-2"


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

    def of_item(self, item_id: str, doc_ids: Iterable[str]) -> Split:
        """Test when any gold document is test; an item with no gold document goes by its own id."""
        docs = list(doc_ids)
        if not docs:
            return hash_split(item_id)
        return "test" if any(self.of_document(d) == "test" for d in docs) else "dev"


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
    rule = data.get("rule", {}).get("hash")
    if rule != _HASH_RULE:
        raise ValueError(f"{path}: [rule] hash must be {_HASH_RULE!r}, got {rule!r}")
    return SplitRule(dev=dev, test=test)
