"""Run rules over an inventory: every rule over every resource of its type, with evidence."""

from __future__ import annotations

import traceback
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field, replace
from datetime import datetime

from wasp.errors import debug_enabled
from wasp.model import (
    Finding,
    FindingStatus,
    Gap,
    Inventory,
    Resource,
    ResourceRef,
    finding_id,
)
from wasp.model.redact import PAIR_VALUES, redact
from wasp.model.rule import ResourceView, Rule, RuleContext, UnresolvedRead

Waiver = Callable[[Finding], str | None]
"""Returns a waiver description when a failing finding is an accepted risk, else None."""


@dataclass(frozen=True)
class RuleRun:
    """How one rule ran: the findings it gave and, if it could not run fully, why."""

    rule: Rule
    findings: tuple[Finding, ...]
    blocked_by: tuple[Gap, ...] = ()
    not_collected: tuple[str, ...] = ()


@dataclass(frozen=True)
class Evaluation:
    """All rule runs and the gaps annotated with the rules they affect."""

    runs: tuple[RuleRun, ...]
    gaps: tuple[Gap, ...]
    findings: tuple[Finding, ...] = field(default=())


def evaluate_resource(
    rule: Rule, resource: Resource, ctx: RuleContext, observed_at: str, ref: ResourceRef | None = None
) -> Finding | None:
    """One rule on one resource: a finding, or None when the rule does not apply to it.

    A rule that raises (a template with ``FromPort: abc``, a policy of an unexpected shape) gives an
    UNKNOWN finding saying so, never a crash and never a verdict; set ``WASP_DEBUG`` to re-raise.
    ``ref`` is the resource's reference when the caller already made it (every rule on a resource shares one).
    """
    view = ResourceView(resource)
    try:
        verdict = rule.evaluate(view, ctx)
    except UnresolvedRead as exc:
        status, message, severity = FindingStatus.UNKNOWN, f"cannot decide: {exc}", rule.meta.severity
        exposed = False
    except Exception as exc:
        if debug_enabled():
            raise
        status, message, severity = FindingStatus.UNKNOWN, rule_error_message(rule, exc), rule.meta.severity
        exposed = False
    else:
        if verdict is None:
            return None
        status, message, severity = verdict.status, verdict.message, verdict.severity or rule.meta.severity
        # a verdict may say that this failure is latent (neutralised by Block Public Access), not exposure
        exposed = rule.meta.public_exposure if verdict.public_exposure is None else verdict.public_exposure
    ref = ref or ResourceRef.of(resource)
    evidence = view.evidence
    return Finding(
        id=finding_id(rule.id, ref),
        rule=rule.id,
        best_practices=rule.meta.best_practices,
        status=status,
        severity=severity,
        resource=ref,
        message=message,
        evidence=_evidence(evidence) if evidence else {},
        observed_at=observed_at,
        public_exposure=exposed and status is FindingStatus.FAIL,
        source=rule.meta.source,
    )


RULE_ERROR = "rule error"
"""The start of the message of a finding whose rule raised; such findings are also listed as gaps."""


def rule_error_message(rule: Rule, exc: BaseException) -> str:
    """One line naming the rule, the kind of error and where in the rule it happened.

    The exception's own text is left out: it may quote a value from an untrusted template or account.
    """
    where = ""
    for frame in reversed(traceback.extract_tb(exc.__traceback__)):
        if "/wasp/rules/" in frame.filename.replace("\\", "/"):
            where = f" at {frame.filename.rsplit('/', 1)[-1]}:{frame.lineno}"
            break
    return f"{RULE_ERROR}: {rule.id}: {type(exc).__name__}{where}; the verdict is unknown (run with --debug for the traceback)"


def _rule_error_gap(finding: Finding) -> Gap:
    """A gap that lists a rule error beside the collection gaps, so the summary counts it."""
    return Gap(
        service="wasp",
        operation=finding.rule,
        error="rule_error",
        message=finding.message,
        account=finding.resource.account,
        region=finding.resource.region,
        resource_types=(finding.resource.type,),
        resource_id=finding.resource.id,
        rules=(finding.rule,),
    )


def _applies_to(gap: Gap, resource: Resource) -> bool:
    """True when a gap is about the account and region a resource lives in (a global read: every region)."""
    if gap.account and resource.account and gap.account != resource.account:
        return False
    return gap.region is None or resource.region is None or gap.region == resource.region


_JSON_SCALARS = frozenset({str, int, float, bool, type(None)})


def _plain(value: object) -> object:
    """Evidence values as JSON-friendly data (unresolved markers become their description)."""
    if type(value) in _JSON_SCALARS:  # most evidence: one look instead of the checks below
        return value
    if isinstance(value, dict):
        return {str(k): _plain(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [_plain(v) for v in value]
    if isinstance(value, (str, int, float, bool)) or value is None:
        return value
    return repr(value)


_KEPT = frozenset({int, float, bool, type(None)})
"""Evidence values kept as they are: JSON-friendly already, and no secret can hide in them."""


def _evidence(evidence: Mapping[str, object]) -> dict[str, object]:
    """``redact({k: _plain(v) for k, v in evidence.items()})`` in one pass: what a finding keeps as evidence.

    A finding's evidence is most often a few scalars: one loop, without a call for each of them.
    """
    out: dict[str, object] = {}
    for k, v in evidence.items():
        key = k if type(k) is str else str(k)
        kind = type(v)
        if kind in _KEPT:
            out[key] = v
        elif kind is str:
            out[key] = redact(v, key)
        else:
            out[key] = redact(_plain(v), key)
    if not out.keys().isdisjoint(PAIR_VALUES):  # a {Key: ..., Value: ...} pair: redact judges it as a whole
        return redact({k: _plain(v) for k, v in evidence.items()})  # type: ignore[no-any-return]
    return out


def evaluate(
    rules: Iterable[Rule],
    inventory: Inventory,
    ctx: RuleContext,
    *,
    observed_at: datetime,
    waiver: Waiver | None = None,
    require_collected: bool = True,
    precomputed: Mapping[str, Mapping[tuple[str, str, str, str], Finding | None]] | None = None,
) -> Evaluation:
    """Run every rule; record which could not run fully and why.

    ``require_collected`` is true for live reviews (an uncollected type means 'not checked'); IaC scans
    set it false, since a template describes only what it declares. ``precomputed`` holds outcomes of
    :func:`evaluate_resource` already made elsewhere (an org review's tasks, with the same ``ctx``), by rule id
    then resource key; everything after it still applies to them.
    """
    stamp = observed_at.isoformat()
    runs: list[RuleRun] = []
    all_findings: list[Finding] = []
    rule_errors: list[Gap] = []
    service_gaps = [g for g in inventory.gaps if g.blocks_service]
    refs: dict[int, ResourceRef] = {}  # by id(): the inventory keeps each resource alive meanwhile
    for rule in rules:
        meta = rule.meta
        types = meta.reads_types
        # (an IaC scan has no service gaps and needs no collection: both stay empty without a look)
        blocked = tuple(g for g in service_gaps if set(g.resource_types) & set(types)) if service_gaps else ()
        missing = tuple(t for t in types if not inventory.was_collected(t)) if require_collected else ()
        # A neighbour type that could not be read makes this rule's verdicts unreliable where the read failed:
        # absence of evidence is not evidence of absence, so such verdicts become unknown (never pass, never
        # fail). A failed read in one account or region leaves the verdicts of the others standing.
        related = set(meta.related_types)
        neighbour_gaps = [] if meta.decides_gaps else [g for g in blocked if set(g.resource_types) & related]
        never_read = set(missing) & related
        findings: list[Finding] = []
        decided = precomputed.get(rule.id) if precomputed else None
        for resource in inventory.of_type(meta.resource_type):
            ref = refs.get(id(resource))
            if ref is None:
                ref = refs[id(resource)] = ResourceRef.of(resource)
            if decided is not None and (key := resource.key) in decided:
                finding = decided[key]
            else:
                finding = evaluate_resource(rule, resource, ctx, stamp, ref)
            if finding is None:
                continue
            if finding.status is FindingStatus.UNKNOWN and finding.message.startswith(RULE_ERROR):
                rule_errors.append(_rule_error_gap(finding))
            if not neighbour_gaps and not never_read:  # nothing this rule relies on went unread
                unreadable = []
            else:
                unreadable = sorted(
                    {
                        t
                        for g in neighbour_gaps
                        if _applies_to(g, resource)
                        for t in g.resource_types
                        if t in related
                    }
                    | never_read
                )
            if unreadable:
                finding = replace(
                    finding,
                    status=FindingStatus.UNKNOWN,
                    public_exposure=False,
                    message=f"cannot decide: {', '.join(unreadable)} could not be read ({finding.message})",
                )
            if waiver is not None and finding.status is FindingStatus.FAIL:
                reason = waiver(finding)
                if reason:
                    finding = replace(finding, status=FindingStatus.WAIVED, waiver=reason)
            findings.append(finding)
        runs.append(RuleRun(rule, tuple(findings), blocked, missing))
        all_findings.extend(findings)
    # the unknown findings of each rule, gathered once for all the gaps (only those can have been left undecided)
    unknown = {run.rule.id: [f for f in run.findings if f.status is FindingStatus.UNKNOWN] for run in runs}
    gaps = tuple(replace(g, rules=affected_rules(g, runs, unknown)) for g in inventory.gaps)
    return Evaluation(tuple(runs), (*gaps, *rule_errors), tuple(all_findings))


def affected_rules(
    gap: Gap, runs: Sequence[RuleRun], unknown: Mapping[str, Sequence[Finding]]
) -> tuple[str, ...]:
    """The rules whose verdicts a gap affects.

    A failed listing (no resource id) affects every rule that reads one of its types: none of those resources is
    known. A failed read of one resource's detail (say one account setting in one region) affects only the rules
    that could not decide on that resource (or on a resource that read it as a neighbour, evidence
    ``<type>/<id>:<path>``) because of a value that read left unknown: their message names the read
    (``service:operation error``). The rules that read the account but decided it, or were undecided for another
    reason, are not named. ``unknown`` holds each rule's unknown findings.
    """
    reading = [r for r in runs if set(gap.resource_types) & set(r.rule.meta.reads_types)]
    if gap.resource_id is None:
        return tuple(r.rule.id for r in reading)
    neighbour = tuple(f"{t}/{gap.resource_id}:" for t in gap.resource_types)
    tag = f"{gap.service}:{gap.operation} "  # how the failed read's unresolved values name it

    def undecided_by_it(f: Finding) -> bool:
        if tag not in f.message:  # an unknown verdict names the read that left it undecided
            return False
        if gap.account is not None and f.resource.account not in (None, gap.account):
            return False
        on_it = f.resource.id == gap.resource_id and f.resource.type in gap.resource_types
        return on_it or any(str(path).startswith(neighbour) for path in f.evidence)

    return tuple(r.rule.id for r in reading if any(undecided_by_it(f) for f in unknown[r.rule.id]))
