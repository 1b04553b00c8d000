"""Placeholder until its issue lands."""

from __future__ import annotations


def chat() -> None:
    raise NotImplementedError
