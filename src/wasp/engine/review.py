"""Put a review together: evaluate rules, decide practices and questions, roll up, plan."""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import datetime
from typing import Any

from wasp.engine.accounts import decide_accounts
from wasp.engine.decide import decide_questions, latest_attestations
from wasp.engine.evaluate import Waiver, evaluate
from wasp.engine.plan import build_plan
from wasp.engine.rollup import areas, principles
from wasp.model import Attestation, Catalogue, Finding, Inventory, Review, Workload
from wasp.model.rule import Rule, RuleContext, WorkloadScope


def scope_of(workload: Workload) -> WorkloadScope:
    """What rules are told about the workload."""
    return WorkloadScope(
        regions=workload.regions,
        accounts=workload.accounts,
        pipeline=workload.pipeline,
        break_glass=workload.break_glass,
        classification_keys=workload.classification_keys,
        classification_values=workload.classification_values,
        environment=workload.environment,
        findings=workload.findings,
    )


def run_review(
    *,
    catalogue: Catalogue,
    rules: Iterable[Rule],
    inventory: Inventory,
    workload: Workload,
    attestations: Iterable[Attestation] = (),
    now: datetime,
    waiver: Waiver | None = None,
    sources: Iterable[str] = ("live",),
    waivers: Iterable[Any] = (),
    precomputed: Mapping[str, Mapping[tuple[str, str, str, str], Finding | None]] | None = None,
) -> Review:
    """A complete review of one workload from its inventory and attestations.

    ``precomputed``: findings already decided with this review's time and scope (see :func:`evaluate`).
    """
    ctx = RuleContext(inventory=inventory, workload=scope_of(workload), now=now)
    waiver_list = list(waivers)
    if waiver_list and waiver is None:
        from wasp.attest.waivers import waiver_matcher

        index = {r.key[:1] + r.key[3:]: r for r in inventory}

        def tags_of(finding: Any) -> dict[str, str]:
            res = index.get((finding.resource.type, finding.resource.id))
            return res.tags if res is not None else {}

        waiver = waiver_matcher(waiver_list, now.date(), tags_of)
    evaluation = evaluate(rules, inventory, ctx, observed_at=now, waiver=waiver, precomputed=precomputed)
    latest = latest_attestations(attestations)
    today = now.date()
    questions = decide_questions(catalogue, evaluation, latest, today)
    return Review(
        workload=workload.name,
        catalogue_version=catalogue.version,
        generated_at=now.isoformat(),
        questions=questions,
        areas=areas(catalogue, questions),
        principles=principles(catalogue, questions),
        findings=evaluation.findings,
        gaps=evaluation.gaps,
        plan=build_plan(catalogue, questions, evaluation, workload.stakeholders),
        scope={
            "accounts": list(workload.accounts),
            "regions": list(workload.regions),
            "environment": workload.environment,
            "sources": list(sources),
            "resources": len(inventory),
            "resource_types": inventory.types,
        },
        expired_attestations=tuple(a for a in latest.values() if not a.is_current(today)),
        rules=tuple((run.rule.id, run.rule.meta) for run in evaluation.runs if run.findings),
        waivers=tuple(
            {
                "id": w.id,
                "owner": w.owner,
                "reason": w.reason,
                "expires": w.expires.isoformat(),
                "expired": w.expires < now.date(),
                "source": w.source,
                "findings": sum(
                    1 for f in evaluation.findings if f.waiver and f.waiver.startswith(f"{w.id} ")
                ),
            }
            for w in waiver_list
        ),
        accounts=decide_accounts(catalogue, evaluation, latest, today, workload.accounts, inventory),
    )
