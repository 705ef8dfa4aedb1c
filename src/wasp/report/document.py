"""The review document: a Review as the wasp.review/2 JSON contract (see docs/review-schema.md), and writing it."""

from __future__ import annotations

import json
from collections import Counter
from collections.abc import Mapping
from pathlib import Path
from typing import TYPE_CHECKING, Any, cast

from wasp.model import BPStatus, FindingStatus, QuestionRisk
from wasp.model.rule import Remediation, RuleMeta
from wasp.report.doc_types import SCHEMA as SCHEMA
from wasp.report.doc_types import (
    AttestationDoc,
    ExpiredAttestationDoc,
    FindingDoc,
    GapDoc,
    PlanItemDoc,
    PracticeDoc,
    QuestionDoc,
    RemediationDoc,
    ReviewDoc,
    RollupDoc,
    RuleDoc,
    SummaryDoc,
    WaiverDoc,
)

if TYPE_CHECKING:  # the review types are imported with a review: `wasp scan` writes findings and rules only
    from wasp.model import Attestation, Finding, Gap, PlanItem, PracticeResult, QuestionResult, Review, Rollup


def _attestation(a: Attestation | None) -> AttestationDoc | None:
    return None if a is None else _answer(a)


def _answer(a: Attestation) -> AttestationDoc:
    return {
        "answer": a.answer.value,
        "owner": a.owner,
        "date": a.date.isoformat(),
        "expires": a.expires.isoformat() if a.expires else None,
        "evidence": list(a.evidence),
        "reason": a.reason.value if a.reason else None,
        "notes": a.notes,
        "source": a.source,
    }


def _practice(bp: PracticeResult) -> PracticeDoc:
    return {
        "id": bp.id,
        "title": bp.title,
        "risk": bp.risk.value,
        "evidence_mode": bp.evidence_mode.value,
        "status": bp.status.value,
        "reason": bp.reason,
        "na_reason": bp.na_reason.value if bp.na_reason else None,
        "rules": list(bp.rules),
        "findings": list(bp.findings),
        "attestation": _attestation(bp.attestation),
        "contradicted": bp.contradicted,
    }


def finding_dict(f: Finding) -> FindingDoc:
    """One finding in the contract's shape (shared with `wasp scan`)."""
    return {
        "id": f.id,
        "rule": f.rule,
        "best_practices": list(f.best_practices),
        "status": f.status.value,
        "severity": f.severity.value,
        "resource": {
            "type": f.resource.type,
            "id": f.resource.id,
            "arn": f.resource.arn,
            "account": f.resource.account,
            "region": f.resource.region,
            "file": f.resource.file,
            "line": f.resource.line,
            "address": f.resource.address,
        },
        "message": f.message,
        "evidence": dict(f.evidence),
        "observed_at": f.observed_at,
        "public_exposure": f.public_exposure,
        "waiver": f.waiver,
        "source": f.source,
    }


def rule_dict(rule_id: str, meta: RuleMeta) -> RuleDoc:
    """One rule's metadata in the contract's shape (shared with `wasp scan`)."""
    return {
        "id": rule_id,
        "title": meta.title,
        "severity": meta.severity.value,
        "description": meta.description,
        "best_practices": list(meta.best_practices),
        "resource_type": meta.resource_type,
        "public_exposure": meta.public_exposure,
        "source": meta.source,
        "remediation": _remediation(meta.remediation),
    }


def _remediation(rem: Remediation) -> RemediationDoc:
    return {
        "console": rem.console,
        "cli": rem.cli,
        "cloudformation": rem.cloudformation,
        "terraform": rem.terraform,
    }


def _gap(g: Gap) -> GapDoc:
    return {
        "account": g.account,
        "region": g.region,
        "service": g.service,
        "operation": g.operation,
        "error": g.error,
        "message": g.message,
        "resource_types": list(g.resource_types),
        "resource_id": g.resource_id,
        "rules": list(g.rules),
    }


def _plan(p: PlanItem) -> PlanItemDoc:
    return {
        "rank": p.rank,
        "question": p.question,
        "best_practice": p.best_practice,
        "title": p.title,
        "risk": p.risk.value,
        "owner": p.owner,
        "action": p.action,
        "affected_resources": p.affected_resources,
        "public_exposure": p.public_exposure,
        "findings": list(p.findings),
        "remediation": [{"rule": rule, **_remediation(rem)} for rule, rem in p.remediation],
    }


def summary(review: Review) -> SummaryDoc:
    """Counts at the top of the review."""
    bp_counts = Counter(bp.status.value for q in review.questions for bp in q.best_practices)
    f_counts = Counter(f.status.value for f in review.findings)
    return {
        "high_risk_questions": sum(q.risk is QuestionRisk.HIGH for q in review.questions),
        "medium_risk_questions": sum(q.risk is QuestionRisk.MEDIUM for q in review.questions),
        "incomplete_questions": sum(q.incomplete for q in review.questions),
        "best_practices": {s.value: bp_counts.get(s.value, 0) for s in BPStatus},
        "findings": {s.value: f_counts.get(s.value, 0) for s in FindingStatus},
        "gaps": len(review.gaps),
        "contradicted_attestations": sum(
            bp.contradicted for q in review.questions for bp in q.best_practices
        ),
        "expired_attestations": len(review.expired_attestations),
    }


def _question(q: QuestionResult) -> QuestionDoc:
    return {
        "id": q.id,
        "title": q.title,
        "area": q.area,
        "risk": q.risk.value,
        "incomplete": q.incomplete,
        "best_practices": [_practice(bp) for bp in q.best_practices],
    }


def _area(a: Rollup) -> RollupDoc:
    return {
        "id": a.id,
        "title": a.title,
        "counts": a.counts,
        "risk": a.worst_risk.value if a.worst_risk else None,
    }


def review_dict(review: Review) -> ReviewDoc:
    """The whole review as JSON-ready data."""
    from wasp.report.accounts_doc import account_doc, organisation_doc

    accounts = [account_doc(a) for a in review.accounts]
    return {
        "schema": SCHEMA,
        "workload": review.workload,
        "catalogue_version": review.catalogue_version,
        "generated_at": review.generated_at,
        "scope": review.scope,
        "summary": summary(review),
        "questions": [_question(q) for q in review.questions],
        "areas": [_area(a) for a in review.areas],
        "design_principles": [{"id": p.id, "title": p.title, "counts": p.counts} for p in review.principles],
        "findings": [finding_dict(f) for f in review.findings],
        "gaps": [_gap(g) for g in review.gaps],
        "improvement_plan": [_plan(p) for p in review.plan],
        "rules": [rule_dict(rid, meta) for rid, meta in review.rules],
        # the engine writes each waiver's summary in exactly this shape (model.Review.waivers)
        "waivers": [cast(WaiverDoc, dict(w)) for w in review.waivers],
        "expired_attestations": [_expired(a) for a in review.expired_attestations],
        "accounts": accounts,
        "organisation": organisation_doc(accounts, [q.id for q in review.questions]),
    }


def _expired(a: Attestation) -> ExpiredAttestationDoc:
    return {"best_practice": a.best_practice, **_answer(a)}


COMPACT_ABOVE = 10_000
"""Findings above which the JSON is written without indentation (indenting costs seconds at 100k findings)."""


def review_json(doc: Mapping[str, Any]) -> str:
    """The review document as JSON text: indented for people, compact for very large reviews.

    One json.dumps (the C encoder, in one go) is about 4x faster than streaming json.dump.
    """
    big = len(doc.get("findings", [])) > COMPACT_ABOVE
    return json.dumps(doc, indent=None if big else 2, separators=(",", ":") if big else None) + "\n"


def write_review(review: Review | ReviewDoc, path: Path) -> Path:
    """Write the review JSON (atomically: a temp file renamed into place).

    Pass the document when it is built already (it is also rendered and stored): at 100k findings building it
    takes seconds.
    """
    path.parent.mkdir(parents=True, exist_ok=True)
    tmp = path.with_suffix(path.suffix + ".tmp")
    from wasp.model import Review

    doc = review_dict(review) if isinstance(review, Review) else review
    tmp.write_text(review_json(doc), encoding="utf-8")
    tmp.replace(path)
    return path
