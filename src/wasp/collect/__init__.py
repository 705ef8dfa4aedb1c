"""Live collection: boto3 (read-only) into normalized resources, failures recorded as gaps."""

from wasp.collect.registry import COLLECTORS, required_permissions, select_collectors
from wasp.collect.runner import CollectionStats, Task, collect, plan

__all__ = [
    "COLLECTORS",
    "CollectionStats",
    "Task",
    "collect",
    "plan",
    "required_permissions",
    "select_collectors",
]
