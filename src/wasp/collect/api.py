"""One collection task's access to AWS: calls and pagination that turn failures into recorded gaps."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from wasp.collect.actions import iam_action
from wasp.collect.clients import ClientFactory
from wasp.collect.errors import classify
from wasp.model import Gap, Unresolved
from wasp.model.rule import FindingThresholds

DEFAULT_MAX_FINDINGS = FindingThresholds().max_findings_per_service
"""How many findings a collector reads per service and region unless the workload file says otherwise."""


@dataclass(frozen=True)
class Capped:
    """The items of a paginated read that stops at a cap, and whether more were left unread."""

    items: list[Any]
    capped: bool
    """True when the service had more items than the cap: reading stopped there (report it, never hide it)."""


class CallFailed(Exception):
    """A call failed and its gap has been recorded; the caller decides what is now unknown."""

    def __init__(self, gap: Gap) -> None:
        super().__init__(gap.message)
        self.gap = gap

    @property
    def unresolved(self) -> Unresolved:
        """A marker for values this call would have provided."""
        return Unresolved(f"{self.gap.service}:{self.gap.operation} {self.gap.error}")


def _error_code(exc: BaseException) -> str | None:
    response = getattr(exc, "response", None)
    if isinstance(response, dict):
        return str(response.get("Error", {}).get("Code", "")) or None
    return None


class ApiReader:
    """Read-only calls for one (account, region, collector) task."""

    def __init__(
        self,
        clients: ClientFactory,
        account: str,
        region: str,
        service: str,
        resource_types: tuple[str, ...],
        scope_regions: tuple[str, ...] = (),
        is_global: bool = False,
        max_findings: int = DEFAULT_MAX_FINDINGS,
        findings: FindingThresholds | None = None,
    ) -> None:
        self.clients = clients
        self.findings = findings or FindingThresholds(max_findings_per_service=max_findings)
        """The workload's thresholds for security-service findings (e.g. the GuardDuty severity to read)."""
        self.max_findings = self.findings.max_findings_per_service if findings else max_findings
        """At most this many security-service findings are read per service (the workload file's
        ``findings.max_findings_per_service``); read them with :meth:`capped_pages`."""
        self.is_global = is_global
        """A global collector's reads (IAM, Organizations) are about the whole account, not one region."""
        self.scope_regions = scope_regions or (region,)
        self.account = account
        self.region = region
        self.service = service
        self.resource_types = resource_types
        self.gaps: list[Gap] = []

    def _fail(
        self,
        exc: BaseException,
        service: str,
        operation: str,
        region: str | None,
        resource_id: str | None,
        affects: tuple[str, ...],
    ) -> CallFailed:
        permission = iam_action(service, operation)
        classified = classify(exc, operation, permission)
        if classified is None:
            raise exc
        gap = Gap(
            service=service,
            operation=operation,
            error=classified.kind,
            message=classified.message,
            account=self.account,
            region=region,
            resource_types=affects,
            resource_id=resource_id,
        )
        self.gaps.append(gap)
        return CallFailed(gap)

    def _gap_region(self, explicit: str | None) -> str | None:
        """The region a failed read is about: None for a global collector's account-wide reads."""
        if explicit:
            return explicit
        return None if self.is_global else self.region

    def record_gap(self, operation: str, error: str, message: str, affects: tuple[str, ...]) -> None:
        """Record a service-level gap found without a failed call (e.g. not the management account)."""
        self.gaps.append(
            Gap(
                service=self.service,
                operation=operation,
                error=error,
                message=message,
                account=self.account,
                region=self._gap_region(None),
                resource_types=affects,
            )
        )

    def call(
        self,
        operation: str,
        *,
        service: str | None = None,
        region: str | None = None,
        absent: tuple[str, ...] = (),
        resource_id: str | None = None,
        affects: tuple[str, ...],
        **params: Any,
    ) -> dict[str, Any] | None:
        """Call one operation. Returns None when the error code is in ``absent`` (e.g. no policy set).

        On any other failure a gap is recorded and :class:`CallFailed` raised. ``affects`` (required, so it
        cannot be forgotten) names the resource types this call's data feeds, and only those: the gap lists
        the rules that read them. ``resource_id`` marks a per-resource detail (only that resource's value
        becomes unknown); without it the gap blocks the rules that read ``affects``.
        """
        svc = service or self.service
        reg = region or self.region
        try:
            client = self.clients.client(svc, reg, operation)
            result: dict[str, Any] = getattr(client, operation)(**params)
        except Exception as exc:
            if absent and _error_code(exc) in absent:
                return None
            raise self._fail(exc, svc, operation, self._gap_region(region), resource_id, affects) from exc
        result.pop("ResponseMetadata", None)
        return result

    def pages(
        self,
        operation: str,
        key: str,
        *,
        service: str | None = None,
        region: str | None = None,
        resource_id: str | None = None,
        affects: tuple[str, ...],
        **params: Any,
    ) -> list[Any]:
        """Every item under ``key`` across all pages; a failure records a gap on ``affects``.

        The gap is service-level (it blocks the rules reading ``affects``) unless ``resource_id`` says the
        pages are one resource's detail, which the caller then marks unknown.
        """
        return self.pages_of(
            operation,
            (key,),
            service=service,
            region=region,
            resource_id=resource_id,
            affects=affects,
            **params,
        )[key]

    def pages_of(
        self,
        operation: str,
        keys: tuple[str, ...],
        *,
        service: str | None = None,
        region: str | None = None,
        resource_id: str | None = None,
        affects: tuple[str, ...],
        **params: Any,
    ) -> dict[str, list[Any]]:
        """Items under each of ``keys`` across all pages of one paginated call."""
        svc = service or self.service
        reg = region or self.region
        items: dict[str, list[Any]] = {k: [] for k in keys}
        try:
            paginator = self.clients.client(svc, reg, operation).get_paginator(operation)
            for page in paginator.paginate(**params):
                for k in keys:
                    items[k].extend(page.get(k, []))
        except Exception as exc:
            raise self._fail(exc, svc, operation, self._gap_region(region), resource_id, affects) from exc
        return items

    def capped_pages(
        self,
        operation: str,
        key: str,
        *,
        cap: int | None = None,
        page_size: int | None = None,
        service: str | None = None,
        region: str | None = None,
        resource_id: str | None = None,
        affects: tuple[str, ...],
        **params: Any,
    ) -> Capped:
        """At most ``cap`` items (default :attr:`max_findings`) under ``key``, and whether more were left.

        For the security services' findings, which can run to many thousands: reading stops at the cap
        (botocore's ``MaxItems``), and :attr:`Capped.capped` says the service had more, so the rule can
        report it rather than judge a truncated list as complete. ``page_size`` is the call's page size
        (``MaxResults``). A failure records a gap on ``affects``: service-level, unless ``resource_id`` says the
        findings are one resource's detail (a detector's findings), which the caller then marks unknown.
        """
        svc = service or self.service
        reg = region or self.region
        limit = max(1, self.max_findings if cap is None else cap)
        config: dict[str, int] = {"MaxItems": limit}
        if page_size:
            config["PageSize"] = page_size
        items: list[Any] = []
        try:
            pages = (
                self.clients.client(svc, reg, operation)
                .get_paginator(operation)
                .paginate(PaginationConfig=config, **params)
            )
            for page in pages:
                items.extend(page.get(key, []))
        except Exception as exc:
            raise self._fail(exc, svc, operation, self._gap_region(region), resource_id, affects) from exc
        return Capped(items[:limit], bool(pages.resume_token) or len(items) > limit)
