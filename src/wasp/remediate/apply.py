"""Apply planned fixes: re-read each resource, call AWS, log every change, re-verify. Only on request.

A fix changes only what the review found, in the account it found it: the credentials must be for the
finding's account (checked with GetCallerIdentity), the fix must have the input it needs (e.g. a security
contact), the resource must still exist, and the rule, re-run on the resource as it is now, must still fail it
for the same reason. Anything else is skipped, and the skip and its reason are written to the audit log like a
change.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

from botocore.exceptions import BotoCoreError, ClientError

from wasp.collect.api import ApiReader
from wasp.collect.clients import ClientFactory
from wasp.collect.errors import classify
from wasp.collect.registry import select_collectors
from wasp.engine.evaluate import evaluate_resource
from wasp.errors import AwsSetupError
from wasp.model import Finding, FindingStatus, Inventory, Resource
from wasp.model.redact import redact
from wasp.model.rule import RuleContext
from wasp.remediate.base import Call, FixContext, FixImpossible
from wasp.remediate.plan import PlanEntry
from wasp.rules import load_rules


@dataclass
class ItemResult:
    """What happened to one planned item."""

    finding: str
    rule: str
    resource: str
    status: str
    """fixed, applied_unverified, already_compliant, skipped, failed."""
    calls: list[str] = field(default_factory=list)
    detail: str = ""
    reason: str = ""
    """Why an item was left alone: one of the reasons below, GONE ... NEEDS_INPUT (empty when it was not)."""
    account: str | None = None


GONE = "gone since the review"
NO_LONGER_FAILS = "no longer fails"
DIFFERENT_REASON = "fails for a different reason now"
ACCOUNT_MISMATCH = "account mismatch"
CANNOT_RECHECK = "cannot re-check now"
NEEDS_INPUT = "needs input"


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
    """The resource as AWS has it now: the region (or account) read with the fixer's collectors, or the one
    resource read by the fixer itself when its collectors' source may be stale.

    A read is reused for the next fix in the same region with the same collectors; after a change it is
    always read again (``fresh``), and that read then serves the next fix.
    """
    ref = entry.finding["resource"]
    region = ref.get("region") or regions[0]
    if entry.fixer.reads_directly:
        now = entry.fixer.read(ref, clients, account, region)
        one = Inventory()
        one.mark_collected(ref["type"])
        one.extend([now] if now else [])
        return now, one
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


def _evaluate(entry: PlanEntry, resource: Resource, inv: Inventory, ctx: FixContext) -> Finding | None:
    """The rule that produced the finding, run again on the resource as it is now."""
    rule = next(r for r in load_rules() if r.id == entry.fixer.rule)
    return evaluate_resource(
        rule, resource, RuleContext(inventory=inv, workload=ctx.workload), datetime.now(UTC).isoformat()
    )


def _verdict(entry: PlanEntry, resource: Resource, inv: Inventory, ctx: FixContext) -> FindingStatus | None:
    finding = _evaluate(entry, resource, inv, ctx)
    return finding.status if finding else None


def _still_fails(entry: PlanEntry, now: Finding | None) -> tuple[str, str] | None:
    """None when the rule still fails the resource for the review's reason; else (reason, detail) to skip."""
    if now is None or now.status is FindingStatus.PASS:
        return NO_LONGER_FAILS, f"{NO_LONGER_FAILS}: {now.message if now else 'the rule no longer applies'}"
    if now.status is not FindingStatus.FAIL:
        return CANNOT_RECHECK, f"{CANNOT_RECHECK} ({now.status.value}): {now.message}"
    was = str(entry.finding.get("message") or "")
    if entry.fixer.reason(now.message) != entry.fixer.reason(was):
        return DIFFERENT_REASON, f"{DIFFERENT_REASON}: the review said {was!r}, now {now.message!r}"
    return None


def caller_account(clients: ClientFactory, region: str) -> str:
    """The account the clients' credentials belong to (one GetCallerIdentity call).

    Raises AwsSetupError when STS cannot say: nothing may be changed without knowing the account.
    """
    try:
        return str(clients.client("sts", region).get_caller_identity()["Account"])
    except (BotoCoreError, ClientError) as exc:
        raise AwsSetupError(
            f"cannot confirm which account the credentials are for ({exc}); nothing was changed"
        ) from exc


def _mismatch(ref: dict[str, Any], account: str, caller: str) -> str | None:
    """Why this finding must not be fixed with these credentials, or None when it may."""
    found_in = ref.get("account")
    if not found_in:
        return f"{ACCOUNT_MISMATCH}: the review does not say which account this resource is in"
    if caller != account or found_in != caller:
        return (
            f"{ACCOUNT_MISMATCH}: the review found this in account {found_in}, the credentials are for "
            f"account {caller}"
        )
    return None


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
    """Apply each entry with clients for ``account``; a failure stops that item only.

    Entries found in another account, or when the clients' credentials are not for ``account``
    (GetCallerIdentity), are skipped. Every call and every skip is appended to the audit log.
    """
    results: list[ItemResult] = []
    reads: _Reads = {}
    audit_log.parent.mkdir(parents=True, exist_ok=True)
    caller = caller_account(clients, regions[0])
    for entry in entries:
        f = entry.finding
        ref = f["resource"]
        result = ItemResult(
            f["id"], f["rule"], ref.get("arn") or ref["id"], "failed", account=ref.get("account")
        )
        try:
            _apply_one(entry, result, clients, account, caller, regions, ctx, reads, audit_log, actor)
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


def refuse(entries: list[PlanEntry], why: str, audit_log: Path, actor: str) -> list[ItemResult]:
    """Entries for an account these credentials may not change: each skipped and logged, nothing called."""
    audit_log.parent.mkdir(parents=True, exist_ok=True)
    results = []
    for entry in entries:
        f, ref = entry.finding, entry.finding["resource"]
        result = ItemResult(
            f["id"], f["rule"], ref.get("arn") or ref["id"], "skipped", account=ref.get("account")
        )
        _skip(
            result, "skipped", ACCOUNT_MISMATCH, f"{ACCOUNT_MISMATCH}: {why}", _Log(audit_log, actor, entry)
        )
        results.append(result)
    return results


def _skip(result: ItemResult, status: str, reason: str, detail: str, log: _Log) -> None:
    result.status, result.reason, result.detail = status, reason, detail
    log.skipped(reason, detail)


def _apply_one(
    entry: PlanEntry,
    result: ItemResult,
    clients: ClientFactory,
    account: str,
    caller: str,
    regions: tuple[str, ...],
    ctx: FixContext,
    reads: _Reads,
    audit_log: Path,
    actor: str,
) -> None:
    """One item: check the account, re-read, re-check, then change and verify (``result`` is filled in)."""
    ref = entry.finding["resource"]
    log = _Log(audit_log, actor, entry)
    mismatch = _mismatch(ref, account, caller)
    if mismatch:
        _skip(result, "skipped", ACCOUNT_MISMATCH, mismatch, log)
        return
    if entry.needs:  # known when planning: nothing is read or tried
        _skip(result, "skipped", NEEDS_INPUT, str(entry.needs), log)
        return
    resource, inv = _current(entry, clients, account, regions, reads)
    if resource is None:
        _skip(result, "skipped", GONE, f"{GONE}: {ref['type']} {ref['id']} no longer exists", log)
        return
    skip = _still_fails(entry, _evaluate(entry, resource, inv, ctx))
    if skip:
        _skip(result, "already_compliant" if skip[0] == NO_LONGER_FAILS else "skipped", *skip, log)
        return
    now_ctx = replace(ctx, inventory=inv)
    need = entry.fixer.needs(resource, now_ctx)
    if need:  # known only now (e.g. the trail it would update is gone)
        _skip(result, "skipped", NEEDS_INPUT, str(need), log)
        return
    calls = entry.fixer.calls(resource, now_ctx)
    if not calls:
        result.status, result.detail = "already_compliant", "nothing to change"
        return
    for call in calls:
        client = clients.client(call.service, call.region or ref.get("region") or regions[0])
        call = entry.fixer.resolve(call, client)
        before = redact(dict(resource.properties))
        getattr(client, call.operation)(**call.params)
        result.calls.append(call.describe())
        after_res, inv = _current(entry, clients, account, regions, reads, fresh=True)
        log.changed(call, before, redact(dict(after_res.properties)) if after_res else None)
        resource = after_res or resource
    verdict = _verdict(entry, resource, inv, ctx)
    if verdict in (FindingStatus.PASS, None):
        result.status, result.detail = "fixed", "verified: the rule now passes"
    elif verdict is FindingStatus.UNKNOWN:
        result.status = "applied_unverified"
        result.detail = "applied; the endpoint cannot confirm the new state"
    else:
        result.detail = f"applied, but the re-check says {verdict.value}"


@dataclass(frozen=True)
class _Log:
    """The audit log for one item: every change and every skip, one JSON line each."""

    path: Path
    actor: str
    entry: PlanEntry

    def _line(self, **fields: Any) -> None:
        ref = self.entry.finding["resource"]
        line = {
            "when": datetime.now(UTC).isoformat(),
            "who": self.actor,
            "finding": self.entry.finding["id"],
            "rule": self.entry.fixer.rule,
            "account": ref.get("account"),
            "resource": ref.get("arn") or ref["id"],
            **fields,
        }
        with self.path.open("a", encoding="utf-8") as out:
            out.write(json.dumps(line, default=str) + "\n")

    def changed(self, call: Call, before: Any, after: Any) -> None:
        """One call made, with the resource before and after (secrets redacted)."""
        self._line(
            call=call.describe(),
            service=call.service,
            operation=call.operation,
            params=redact(call.params),
            before=before,
            after=after,
        )

    def skipped(self, reason: str, detail: str) -> None:
        """An item left alone, and why."""
        self._line(skipped=reason, detail=detail)
