"""Answers already computed in this server, reused when the same question is asked in the same context.

The assistant is deterministic: the same question with the same filters,
search mode, previous question and documents under discussion (for follow-ups) gives the same answer.
Officials ask the same questions (the starters, "Sở Nội vụ có trách nhiệm
gì?") many times a day; a reused answer is sent at once instead of waiting
behind every other session for the CPU.  Bounded (least recently used out);
size 0 turns it off (``THIDUA_CHAT_CACHE_SIZE``).
"""

from __future__ import annotations

from collections import OrderedDict
from collections.abc import Hashable
from typing import Any

from bot.conversation import context_of

__all__ = ["AnswerCache", "answer_key"]


def answer_key(question: str, filters: Any, retriever: str | None, previous: Any) -> Hashable | None:
    """What the answer depends on; None when some part cannot be compared (then nothing is cached)."""
    prev_query = getattr(previous, "extra", {}).get("query") if previous is not None else None
    # A follow-up is also answered from the documents the conversation is about (bot.conversation).
    context = context_of(previous) if previous is not None else ()
    # and from what was said before it: the documents of earlier turns ("Chỉ thị này …") and the last answer
    # given, which a changed follow-up must not repeat.
    extra = getattr(previous, "extra", {}) if previous is not None else {}
    earlier = (extra.get("context_history"), extra.get("answered"))
    key = (" ".join(question.split()), filters, retriever, prev_query, context, earlier)
    try:
        hash(key)
    except TypeError:
        return None
    return key


class AnswerCache:
    """A small LRU map from ``answer_key`` to the Answer; used from the event loop only."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._items: OrderedDict[Hashable, Any] = OrderedDict()
        self.hits = self.misses = 0

    def get(self, key: Hashable | None) -> Any | None:
        if key is None or self.size <= 0:
            return None
        found = self._items.get(key)
        if found is None:
            self.misses += 1
            return None
        self._items.move_to_end(key)
        self.hits += 1
        return found

    def put(self, key: Hashable | None, answer: Any) -> None:
        if key is None or self.size <= 0:
            return
        self._items[key] = answer
        self._items.move_to_end(key)
        while len(self._items) > self.size:
            self._items.popitem(last=False)

    def __len__(self) -> int:
        return len(self._items)
