"""The review engine: evaluate rules over an inventory and decide practices, questions and the plan."""

from wasp.engine.evaluate import Evaluation, RuleRun, evaluate
from wasp.engine.review import run_review

__all__ = ["Evaluation", "RuleRun", "evaluate", "run_review"]
