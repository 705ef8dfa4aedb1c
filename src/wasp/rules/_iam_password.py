"""What makes an IAM account password policy weak (CIS: length 14, every character class, reuse 24)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

MIN_LENGTH = 14
MIN_REUSE = 24
CLASSES = ("RequireSymbols", "RequireNumbers", "RequireUppercaseCharacters", "RequireLowercaseCharacters")


def _number(value: Any) -> int:
    try:
        return int(value or 0)
    except (TypeError, ValueError):
        return 0


def weaknesses(policy: Mapping[str, Any]) -> list[str]:
    """Each way the policy falls short of the baseline; empty when it meets it."""
    weak: list[str] = []
    if _number(policy.get("MinimumPasswordLength")) < MIN_LENGTH:
        weak.append(f"minimum length below {MIN_LENGTH}")
    weak += [f"{flag} off" for flag in CLASSES if policy.get(flag) not in (True, "true")]
    if _number(policy.get("PasswordReusePrevention")) < MIN_REUSE:
        weak.append(f"reuse prevention below {MIN_REUSE}")
    return weak
