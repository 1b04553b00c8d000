"""Evaluation: the question set, retrieval and answer metrics, the report."""

from __future__ import annotations

from eval.floors import FLOORS, below_floor
from eval.questions import Gold, Question, QuestionSetError, check_against_corpus, load_questions
from eval.report import render_markdown, render_text, write_report
from eval.runner import RETRIEVERS, EvalReport, Failure, Scores, run_evaluation

__all__ = [
    "FLOORS",
    "RETRIEVERS",
    "EvalReport",
    "Failure",
    "Gold",
    "Question",
    "QuestionSetError",
    "Scores",
    "below_floor",
    "check_against_corpus",
    "load_questions",
    "render_markdown",
    "render_text",
    "run_evaluation",
    "write_report",
]
