"""A finding: one rule's verdict on one resource, with the evidence behind it."""

from __future__ import annotations

import hashlib
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from wasp.model.resource import Resource
from wasp.model.status import FindingStatus, Severity


@dataclass(frozen=True)
class ResourceRef:
    """Enough of a resource to find it again: ARN or id, account, region, or file and line."""

    type: str
    id: str
    arn: str | None = None
    account: str | None = None
    region: str | None = None
    file: str | None = None
    line: int | None = None
    address: str | None = None

    def __init__(
        self,
        type: str,
        id: str,
        arn: str | None = None,
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
        self.__dict__.update(
            type=type, id=id, arn=arn, account=account, region=region, file=file, line=line, address=address
        )

    @classmethod
    def of(cls, resource: Resource) -> ResourceRef:
        """The reference for a resource."""
        o = resource.origin
        return cls(resource.type, resource.id, resource.arn, o.account, o.region, o.file, o.line, o.address)

    @property
    def identity(self) -> str:
        """A stable identity: ARN when known, else file and address, else account/region/type/id."""
        if self.arn:
            return self.arn
        if self.file:
            return f"{self.file}#{self.address or self.id}"
        return f"{self.account or ''}/{self.region or ''}/{self.type}/{self.id}"


def finding_id(rule: str, ref: ResourceRef) -> str:
    """A stable finding id from the rule and the resource identity."""
    digest = hashlib.sha256(f"{rule}|{ref.identity}".encode()).hexdigest()
    return f"f-{digest[:16]}"


@dataclass(frozen=True)
class Finding:
    """One verdict with its evidence (property paths read and values seen, secrets redacted)."""

    id: str
    rule: str
    best_practices: tuple[str, ...]
    status: FindingStatus
    severity: Severity
    resource: ResourceRef
    message: str
    evidence: Mapping[str, Any]
    observed_at: str
    public_exposure: bool = False
    waiver: str | None = None
    source: str = "rule"
    """Where the evidence comes from: ``rule`` (wasp read the resource itself) or the security service whose
    own findings the rule weighed (``guardduty``, ``inspector``, ``securityhub``, ...): the rule's
    ``RuleMeta.source``."""

    def __init__(
        self,
        id: str,
        rule: str,
        best_practices: tuple[str, ...],
        status: FindingStatus,
        severity: Severity,
        resource: ResourceRef,
        message: str,
        evidence: Mapping[str, Any],
        observed_at: str,
        public_exposure: bool = False,
        waiver: str | None = None,
        source: str = "rule",
    ) -> None:
        """The dataclass's own ``__init__``, but filling the instance's dict in one step.

        A frozen dataclass's generated ``__init__`` sets each field through ``object.__setattr__``, several
        times slower than this for twelve fields, and a large scan makes one Finding per rule and resource.
        tests/test_fast_init.py keeps the parameters in step with the fields.
        """
        self.__dict__.update(
            id=id,
            rule=rule,
            best_practices=best_practices,
            status=status,
            severity=severity,
            resource=resource,
            message=message,
            evidence=evidence,
            observed_at=observed_at,
            public_exposure=public_exposure,
            waiver=waiver,
            source=source,
        )
