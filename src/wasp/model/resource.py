"""The normalized resource: CloudFormation type names and property shapes, whatever the source."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from wasp.model.status import OriginKind

ACCOUNT_TYPE = "AWS::::Account"
"""Account-wide settings (root user, password policy, per-region defaults) live on one resource."""

SUPPLEMENTARY = "Supplementary"
"""Property key for facts CloudFormation has no property for (AWS Config's supplementaryConfiguration)."""


@dataclass(frozen=True)
class Unresolved:
    """A property value that could not be known: an IaC value known only after apply, or a denied read."""

    reason: str

    def __repr__(self) -> str:
        return f"<unresolved: {self.reason}>"


@dataclass(frozen=True)
class Origin:
    """Where a resource was seen: a live account and region, or a file and line."""

    kind: OriginKind
    account: str | None = None
    region: str | None = None
    file: str | None = None
    line: int | None = None
    address: str | None = None
    """CloudFormation logical id or Terraform address."""

    def __init__(
        self,
        kind: OriginKind,
        account: str | None = None,
        region: str | None = None,
        file: str | None = None,
        line: int | None = None,
        address: str | None = None,
    ) -> None:
        """The dataclass's own ``__init__``, faster.

        A frozen dataclass's generated ``__init__`` sets each field through ``object.__setattr__``; this fills the
        instance's dict in one step (a large scan makes one per resource). tests/test_fast_init.py keeps the parameters in
        step with the fields.
        """
        self.__dict__.update(kind=kind, account=account, region=region, file=file, line=line, address=address)


@dataclass(frozen=True)
class Resource:
    """One resource in CloudFormation shape."""

    type: str
    id: str
    properties: Mapping[str, Any]
    origin: Origin
    arn: str | None = None

    def __init__(
        self,
        type: str,
        id: str,
        properties: Mapping[str, Any],
        origin: Origin,
        arn: str | None = None,
    ) -> None:
        """The dataclass's own ``__init__``, faster.

        A frozen dataclass's generated ``__init__`` sets each field through ``object.__setattr__``; this fills the
        instance's dict in one step (a large scan makes one per resource). tests/test_fast_init.py keeps the parameters in
        step with the fields.
        """
        self.__dict__.update(type=type, id=id, properties=properties, origin=origin, arn=arn)

    @property
    def account(self) -> str | None:
        """The account the resource lives in, when known."""
        return self.origin.account

    @property
    def region(self) -> str | None:
        """The region the resource lives in (None for global resources)."""
        return self.origin.region

    @property
    def key(self) -> tuple[str, str, str, str]:
        """Identity inside an inventory: type, account (for IaC, the file), region, id.

        Logical ids repeat across templates, so a resource read from a file is scoped by that file.
        """
        return (self.type, self.account or self.origin.file or "", self.region or "", self.id)

    @property
    def tags(self) -> dict[str, str]:
        """Tags as a dict, from the CloudFormation list-of-Key/Value shape (or a plain mapping)."""
        raw = self.properties.get("Tags")
        if isinstance(raw, Mapping):
            return {str(k): str(v) for k, v in raw.items()}
        out: dict[str, str] = {}
        if isinstance(raw, list):
            for item in raw:
                if isinstance(item, Mapping) and "Key" in item:
                    out[str(item["Key"])] = str(item.get("Value", ""))
        return out


@dataclass(frozen=True)
class Gap:
    """Something that could not be read, and so could not be checked."""

    service: str
    operation: str
    error: str
    """A short classification: access_denied, throttled, not_implemented, region_disabled, ..."""
    message: str
    account: str | None = None
    region: str | None = None
    resource_types: tuple[str, ...] = ()
    resource_id: str | None = None
    """Set when only one resource's detail is missing; None when the whole service read failed."""
    rules: tuple[str, ...] = field(default=())
    """Rules whose verdicts this gap affects (filled in by the engine)."""

    @property
    def blocks_service(self) -> bool:
        """True when the whole listing failed, so nothing of these types is known."""
        return self.resource_id is None
