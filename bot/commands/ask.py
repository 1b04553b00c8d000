"""Placeholder until its issue lands."""

from __future__ import annotations


def ask() -> None:
    raise NotImplementedError
