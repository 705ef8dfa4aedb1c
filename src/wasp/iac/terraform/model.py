"""One Terraform resource as read from HCL or plan JSON, before it is mapped to CloudFormation shape."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

from wasp.model import OriginKind


@dataclass
class TfResource:
    """A Terraform resource instance: its address, attribute values and what its attributes refer to.

    ``values`` uses Terraform's own shape (nested blocks are lists of objects); a value known only after
    apply is an :class:`wasp.model.Unresolved`. ``refs`` maps a top-level attribute to the addresses of the
    resources its expression refers to, which is how a split resource (``aws_s3_bucket_policy``) finds the
    resource it belongs to (``aws_s3_bucket.logs``) when the linking value itself is known only after apply.
    """

    type: str
    address: str
    values: dict[str, Any]
    file: str
    line: int | None
    kind: OriginKind
    refs: dict[str, list[str]] = field(default_factory=dict)
    skips: list[dict[str, Any]] = field(default_factory=list)
    """Inline suppressions written beside the resource (``# wasp:skip=RULE reason=... expires=...``)."""

    @property
    def config_address(self) -> str:
        """The address without an instance key: ``aws_s3_bucket.logs[0]`` is ``aws_s3_bucket.logs``."""
        return strip_index(self.address)


def strip_index(address: str) -> str:
    """Drop ``[0]`` / ``["key"]`` instance keys from every step of an address."""
    out, depth = [], 0
    for ch in address:
        if ch == "[":
            depth += 1
        elif ch == "]":
            depth -= 1
        elif depth == 0:
            out.append(ch)
    return "".join(out)
