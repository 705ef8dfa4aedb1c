"""Apply planned fixes: re-read each resource, call AWS, log every change, re-verify. Only on request."""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from wasp.collect.api import ApiReader
from wasp.collect.clients import ClientFactory
from wasp.collect.errors import classify
from wasp.collect.registry import select_collectors
from wasp.engine.evaluate import evaluate_resource
from wasp.model import FindingStatus, Inventory, Resource
from wasp.model.redact import redact
from wasp.model.rule import RuleContext
from wasp.remediate.base import FixContext, FixImpossible
from wasp.remediate.plan import PlanEntry
from wasp.rules import load_rules


@dataclass
class ItemResult:
    """What happened to one planned item."""

    finding: str
    rule: str
    resource: str
    status: str
    """fixed, already_compliant, failed."""
    calls: list[str] = field(default_factory=list)
    detail: str = ""


_Reads = dict[tuple[tuple[str, ...], str], Inventory]
"""The latest read per (collectors, region), so one read serves every fix until something is changed there."""


def _current(
    entry: PlanEntry,
    clients: ClientFactory,
    account: str,
    regions: tuple[str, ...],
    reads: _Reads,
    fresh: bool = False,
) -> tuple[Resource | None, Inventory]:
    """The resource as AWS has it now: the region (or account) read with the fixer's collectors.

    A read is reused for the next fix in the same region with the same collectors; after a change it is
    always read again (``fresh``), and that read then serves the next fix.
    """
    ref = entry.finding["resource"]
    region = ref.get("region") or regions[0]
    key = (tuple(sorted(entry.fixer.collectors)), region)
    inv = reads.get(key)
    if inv is None or fresh:
        inv = Inventory()
        for collector in select_collectors(list(entry.fixer.collectors)):
            api = ApiReader(
                clients, account, region, collector.service, collector.resource_types, (region, *regions)
            )
            inv.mark_collected(*collector.resource_types)
            inv.extend(collector.collect(api))
        reads[key] = inv
    found = [r for r in inv.of_type(ref["type"]) if r.id == ref["id"]]
    return (found[0] if found else None), inv


def _verdict(entry: PlanEntry, resource: Resource, inv: Inventory, ctx: FixContext) -> FindingStatus | None:
    rule = next(r for r in load_rules() if r.id == entry.fixer.rule)
    finding = evaluate_resource(
        rule, resource, RuleContext(inventory=inv, workload=ctx.workload), datetime.now(UTC).isoformat()
    )
    return finding.status if finding else None


def apply_fixes(
    entries: list[PlanEntry],
    clients: ClientFactory,
    account: str,
    regions: tuple[str, ...],
    ctx: FixContext,
    audit_log: Path,
    actor: str,
    progress: Callable[[ItemResult], None] | None = None,
) -> list[ItemResult]:
    """Apply each entry independently; a failure stops that item only. Every call is appended to the audit log."""
    results: list[ItemResult] = []
    reads: _Reads = {}
    audit_log.parent.mkdir(parents=True, exist_ok=True)
    for entry in entries:
        f = entry.finding
        result = ItemResult(f["id"], f["rule"], f["resource"].get("arn") or f["resource"]["id"], "failed")
        try:
            resource, inv = _current(entry, clients, account, regions, reads)
            if resource is None:
                result.detail = "the resource no longer exists (deleted since the review?)"
            else:
                calls = entry.fixer.calls(resource, replace(ctx, inventory=inv))
                if not calls:
                    result.status, result.detail = "already_compliant", "nothing to change"
                for call in calls:
                    client = clients.client(
                        call.service, call.region or f["resource"].get("region") or regions[0]
                    )
                    call = entry.fixer.resolve(call, client)
                    before = redact(dict(resource.properties))
                    getattr(client, call.operation)(**call.params)
                    result.calls.append(call.describe())
                    after_res, inv = _current(entry, clients, account, regions, reads, fresh=True)
                    _audit(
                        audit_log,
                        actor,
                        entry,
                        call.describe(),
                        call.service,
                        call.operation,
                        call.params,
                        before,
                        redact(dict(after_res.properties)) if after_res else None,
                    )
                    resource = after_res or resource
                if calls:
                    verdict = _verdict(entry, resource, inv, ctx)
                    if verdict in (FindingStatus.PASS, None):
                        result.status, result.detail = "fixed", "verified: the rule now passes"
                    elif verdict is FindingStatus.UNKNOWN:
                        result.status = "applied_unverified"
                        result.detail = "applied; the endpoint cannot confirm the new state"
                    else:
                        result.detail = f"applied, but the re-check says {verdict.value}"
        except FixImpossible as exc:
            result.status, result.detail = "failed", str(exc)
            reads.clear()  # a failed change may have half-happened: read again
        except Exception as exc:
            classified = classify(exc, entry.fixer.rule, ", ".join(entry.fixer.permissions))
            if classified is None:
                raise
            result.status, result.detail = "failed", classified.message
            reads.clear()
        results.append(result)
        if progress:
            progress(result)
    return results


def _audit(
    path: Path,
    actor: str,
    entry: PlanEntry,
    call: str,
    service: str,
    operation: str,
    params: dict[str, Any],
    before: Any,
    after: Any,
) -> None:
    line = {
        "when": datetime.now(UTC).isoformat(),
        "who": actor,
        "finding": entry.finding["id"],
        "rule": entry.fixer.rule,
        "resource": entry.finding["resource"].get("arn") or entry.finding["resource"]["id"],
        "call": call,
        "service": service,
        "operation": operation,
        "params": redact(params),
        "before": before,
        "after": after,
    }
    with path.open("a", encoding="utf-8") as out:
        out.write(json.dumps(line, default=str) + "\n")
