"""Every collector wasp has, by name."""

from __future__ import annotations

from wasp.collect.account import AccountCollector
from wasp.collect.base import Collector
from wasp.collect.cloudtrail import CloudTrailCollector
from wasp.collect.ec2 import Ec2Collector
from wasp.collect.iam import IamCollector
from wasp.collect.kms import KmsCollector
from wasp.collect.s3 import S3Collector
from wasp.errors import InputError

COLLECTORS: tuple[type[Collector], ...] = (
    AccountCollector,
    IamCollector,
    S3Collector,
    Ec2Collector,
    CloudTrailCollector,
    KmsCollector,
)


def select_collectors(names: list[str] | None = None) -> list[Collector]:
    """Instances of the named collectors (all when none are named)."""
    known = {c.name: c for c in COLLECTORS}
    if not names:
        return [c() for c in COLLECTORS]
    unknown = [n for n in names if n not in known]
    if unknown:
        raise InputError(f"unknown collector(s) {', '.join(unknown)}; choose from {', '.join(known)}")
    return [known[n]() for n in names]


def required_permissions(collectors: list[Collector]) -> list[str]:
    """The IAM actions the selected collectors call, sorted and unique."""
    return sorted({p for c in collectors for p in c.permissions} | {"sts:GetCallerIdentity"})
