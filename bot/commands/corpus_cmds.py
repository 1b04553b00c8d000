"""Placeholder until its issue lands."""

from __future__ import annotations


def docs() -> None:
    raise NotImplementedError


def show() -> None:
    raise NotImplementedError
