"""Evaluation: the question set, retrieval and answer metrics, the report."""

from __future__ import annotations

__all__: list[str] = []
