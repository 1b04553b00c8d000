"""Placeholder until its issue lands."""

from __future__ import annotations


def index() -> None:
    raise NotImplementedError
