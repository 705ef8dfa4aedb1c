"""The review document's types: one TypedDict per object of the wasp.review/2 schema (schemas/review.schema.json).

The document travels through reports and the store as these types instead of ``dict[str, Any]``. Keys the schema
requires are required here; the others are ``NotRequired`` (wasp always writes them, older or hand-made files may
not have them). tests/test_doc_types.py checks that these and the schema agree key for key, so they cannot drift.
Enumerated values (statuses, risks, severities) are plain ``str``: the schema's enums are their contract.
"""

# No `from __future__ import annotations` here: on Python 3.11 TypedDict only sees NotRequired in real annotations.

from typing import Any, NotRequired, TypedDict

SCHEMA = "wasp.review/2"
"""The version wasp writes."""
READABLE = ("wasp.review/1", SCHEMA)
"""The versions wasp reads: /1 is /2 without the per-account results (``accounts``, ``organisation``)."""


class SummaryDoc(TypedDict):
    """Counts at the top of the review."""

    high_risk_questions: int
    medium_risk_questions: int
    incomplete_questions: NotRequired[int]
    best_practices: dict[str, int]
    """Practices per status: met, not_met, not_applicable, not_assessed."""
    findings: dict[str, int]
    """Findings per status: pass, fail, unknown, waived."""
    gaps: NotRequired[int]
    contradicted_attestations: NotRequired[int]
    expired_attestations: NotRequired[int]


class AttestationDoc(TypedDict):
    """A person's answer for a best practice."""

    answer: str
    owner: str
    date: str
    expires: NotRequired[str | None]
    evidence: NotRequired[list[str]]
    reason: NotRequired[str | None]
    notes: NotRequired[str]
    source: NotRequired[str | None]


class ExpiredAttestationDoc(AttestationDoc):
    """An attestation that has expired, with the best practice it answered."""

    best_practice: str


class PracticeDoc(TypedDict):
    """One best practice's decision."""

    id: str
    title: str
    risk: str
    evidence_mode: str
    status: str
    reason: str
    na_reason: NotRequired[str | None]
    rules: NotRequired[list[str]]
    findings: list[str]
    """Finding ids."""
    attestation: AttestationDoc | None
    contradicted: NotRequired[bool]


class QuestionDoc(TypedDict):
    """One Security Pillar question (SEC01..SEC11) and its practices."""

    id: str
    title: str
    area: str
    risk: str
    incomplete: bool
    best_practices: list[PracticeDoc]


class RollupDoc(TypedDict):
    """Practice counts for a security area or a design principle."""

    id: str
    title: str
    counts: dict[str, int]
    risk: NotRequired[str | None]


class ResourceDoc(TypedDict):
    """The resource a finding is about."""

    type: str
    id: str
    arn: str | None
    account: str | None
    region: str | None
    file: str | None
    line: int | None
    address: NotRequired[str | None]


class FindingDoc(TypedDict):
    """One rule's verdict on one resource."""

    id: str
    rule: str
    best_practices: list[str]
    status: str
    severity: str
    resource: ResourceDoc
    message: str
    evidence: dict[str, Any]
    """The property paths the rule read and their values."""
    observed_at: NotRequired[str]
    public_exposure: NotRequired[bool]
    waiver: NotRequired[str | None]
    source: NotRequired[str]
    """``rule`` or the security service whose findings were weighed; absent in older reviews (read as ``rule``)."""


class GapDoc(TypedDict):
    """Something that could not be read, and the rules whose verdicts it affects."""

    account: str | None
    region: str | None
    service: str
    operation: str
    error: str
    message: NotRequired[str]
    resource_types: NotRequired[list[str]]
    resource_id: NotRequired[str | None]
    rules: list[str]


class RemediationDoc(TypedDict):
    """How to fix a rule's failure, in each of the four ways users make changes."""

    console: str
    cli: str
    cloudformation: str
    terraform: str


class PlanRemediationDoc(RemediationDoc):
    """A plan item's remediation: the rule it is for, and how."""

    rule: str


class PlanItemDoc(TypedDict):
    """One step of the improvement plan."""

    rank: int
    question: str
    best_practice: str
    title: NotRequired[str]
    risk: str
    owner: NotRequired[str | None]
    action: NotRequired[str]
    affected_resources: NotRequired[int]
    public_exposure: NotRequired[bool]
    findings: list[str]
    remediation: list[PlanRemediationDoc]


class WaiverDoc(TypedDict):
    """A waiver the review considered."""

    id: str
    owner: str
    reason: str
    expires: str
    expired: bool
    source: NotRequired[str | None]
    findings: int
    """How many findings it waived."""


class RuleDoc(TypedDict):
    """A rule that produced a finding (so reports such as SARIF need nothing but the review)."""

    id: str
    title: str
    severity: str
    description: NotRequired[str]
    best_practices: list[str]
    resource_type: NotRequired[str]
    public_exposure: NotRequired[bool]
    source: NotRequired[str]
    remediation: RemediationDoc


class AccountQuestionDoc(TypedDict):
    """One question's risk in one account."""

    id: str
    risk: str
    incomplete: bool


class AccountDoc(TypedDict):
    """One reviewed account: its question risks and practice statuses, decided from its own evidence."""

    id: str
    name: str | None
    """The account's name in AWS Organizations (untrusted text), when the organisation was read."""
    ou: str | None
    """The account's OU path (``Root/Prod``) when the organisation was read, else null."""
    high_risk_questions: int
    medium_risk_questions: int
    unanswered_questions: int
    failing_findings: int
    gaps: int
    questions: list[AccountQuestionDoc]
    best_practices: dict[str, str]
    """Best-practice id -> its status in this account."""


class OuDoc(TypedDict):
    """The accounts of one OU (``ou`` null: accounts whose OU is not known), worst first."""

    ou: str | None
    accounts: list[str]
    high_risk_accounts: int
    medium_risk_accounts: int


class OrgQuestionDoc(TypedDict):
    """How many accounts carry each risk for one question."""

    id: str
    high: int
    medium: int
    none: int
    not_applicable: int
    unanswered: int


class OrganisationDoc(TypedDict):
    """The rollup over the reviewed accounts: per OU and per question."""

    accounts: int
    high_risk_accounts: int
    medium_risk_accounts: int
    ous: list[OuDoc]
    questions: list[OrgQuestionDoc]


class ReviewDoc(TypedDict):
    """The whole review: the wasp.review/2 document (a wasp.review/1 one lacks ``accounts`` and
    ``organisation``)."""

    schema: str
    workload: str
    catalogue_version: str
    generated_at: str
    scope: NotRequired[dict[str, Any]]
    summary: SummaryDoc
    questions: list[QuestionDoc]
    areas: NotRequired[list[RollupDoc]]
    design_principles: NotRequired[list[RollupDoc]]
    findings: list[FindingDoc]
    gaps: list[GapDoc]
    improvement_plan: list[PlanItemDoc]
    rules: NotRequired[list[RuleDoc]]
    waivers: NotRequired[list[WaiverDoc]]
    expired_attestations: NotRequired[list[ExpiredAttestationDoc]]
    accounts: NotRequired[list[AccountDoc]]
    """Each reviewed account, worst first (wasp.review/2)."""
    organisation: NotRequired[OrganisationDoc]
    """The rollup over the accounts (wasp.review/2)."""
