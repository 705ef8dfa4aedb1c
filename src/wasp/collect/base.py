"""What a collector is: a service, the types it yields, the read-only actions it needs, and collect()."""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Iterator
from typing import ClassVar

from wasp.collect.api import ApiReader, CallFailed
from wasp.model import Origin, OriginKind, Resource


class Collector(ABC):
    """Reads one AWS service into normalized resources. Subclasses declare their needs as data."""

    name: ClassVar[str]
    """Short name used on the command line (e.g. s3)."""
    service: ClassVar[str]
    """The boto3 service name of its main client."""
    resource_types: ClassVar[tuple[str, ...]]
    is_global: ClassVar[bool] = False
    """Global collectors run once per account rather than once per region."""
    permissions: ClassVar[tuple[str, ...]]
    """The IAM actions it calls: the source of `wasp permissions` and the read-only test."""
    cost: ClassVar[int] = 1
    """How long its task runs compared with others': roughly the calls it makes per resource it reads (S3
    reads each bucket setting with its own call). Costlier tasks start first, so a long one does not
    start last and hold up the review."""

    @abstractmethod
    def collect(self, api: ApiReader) -> Iterator[Resource]:
        """Yield resources; raise CallFailed (already recorded as a gap) when a listing fails."""


def guarded(section: Iterator[Resource]) -> Iterator[Resource]:
    """The resources of one independent part of a collector; a failed listing ends only that part.

    The failure's gap is already recorded (naming the types that part yields), so the collector goes on
    to read its other, independent parts instead of stopping there.
    """
    try:
        yield from section
    except CallFailed:
        return


def live(api: ApiReader, region: str | None) -> Origin:
    """The origin of a live resource."""
    return Origin(kind=OriginKind.LIVE, account=api.account, region=region)


def tags_from(
    items: list[dict[str, str]] | None, key: str = "Key", value: str = "Value"
) -> list[dict[str, str]]:
    """Normalize the many AWS tag shapes to CloudFormation's [{Key, Value}]."""
    return [{"Key": t[key], "Value": t.get(value, "")} for t in items or [] if key in t]
