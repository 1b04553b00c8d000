"""Placeholder until its issue lands."""

from __future__ import annotations


def responsibilities() -> None:
    raise NotImplementedError


def targets() -> None:
    raise NotImplementedError


def report() -> None:
    raise NotImplementedError
