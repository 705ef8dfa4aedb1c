"""The review engine: evaluate rules over an inventory and decide practices, questions and the plan."""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from wasp.engine.evaluate import Evaluation, RuleRun, evaluate

if TYPE_CHECKING:
    from wasp.engine.review import run_review

__all__ = ["Evaluation", "RuleRun", "evaluate", "run_review"]


def __getattr__(name: str) -> Any:
    """``run_review``, imported on first use: `wasp scan` evaluates rules but decides no practices."""
    if name == "run_review":
        from wasp.engine.review import run_review

        globals()[name] = run_review
        return run_review
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
