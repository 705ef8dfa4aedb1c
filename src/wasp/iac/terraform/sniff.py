"""Telling a Terraform plan JSON from a template, without importing the Terraform readers (a CloudFormation
scan asks this of every .json file it meets)."""

from __future__ import annotations

from pathlib import Path

from wasp.limits import read_head

PLAN_SNIFF_BYTES = 64 * 1024 * 1024
"""How much of a .json file is read to tell a plan from a template (a plan's keys may come in any order)."""


def is_plan(path: Path) -> bool:
    """A JSON file that ``terraform show -json`` wrote."""
    if path.suffix.lower() != ".json":
        return False
    head = read_head(path, PLAN_SNIFF_BYTES)
    return b'"format_version"' in head and (b'"resource_changes"' in head or b'"planned_values"' in head)
