"""Evaluation: the question sets and their dev/test split, retrieval and answer metrics, the report."""

from __future__ import annotations

from eval.floors import CEILINGS, FLOOR_SPLIT, FLOORS, below_floor
from eval.questions import (
    SETS,
    Conversation,
    Gold,
    Question,
    QuestionSetError,
    Turn,
    check_against_corpus,
    check_splits,
    load_conversations,
    load_questions,
)
from eval.report import render_markdown, render_text, write_report
from eval.runner import RETRIEVERS, EvalReport, Failure, Scores, run_evaluation
from eval.splits import Split, load_split_rule

__all__ = [
    "CEILINGS",
    "FLOORS",
    "FLOOR_SPLIT",
    "RETRIEVERS",
    "SETS",
    "Conversation",
    "EvalReport",
    "Failure",
    "Gold",
    "Question",
    "QuestionSetError",
    "Scores",
    "Split",
    "Turn",
    "below_floor",
    "check_against_corpus",
    "check_splits",
    "load_conversations",
    "load_questions",
    "load_split_rule",
    "render_markdown",
    "render_text",
    "run_evaluation",
    "write_report",
]
