"""Read and write the workload file (wasp.yaml)."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, field_validator

from wasp.model import Workload
from wasp.model.classification import DEFAULT_KEYS, DEFAULT_VALUES, key_form
from wasp.model.org import OrgScope, RoleAssumption
from wasp.model.rule import FindingThresholds
from wasp.regions import check_regions
from wasp.yamlfile import load_yaml, validate

WHAT = "workload file"
ACCOUNT_ID = re.compile(r"^\d{12}$")
REGION = re.compile(r"^[a-z]{2}(-[a-z]+)+-\d$")
QUESTION = re.compile(r"^SEC(0[1-9]|1[01])$")


Level = Literal["public", "internal", "confidential", "restricted"]


class ClassificationScheme(BaseModel):
    """How the organisation tags data classification: which tag keys, and which values mean which level."""

    model_config = ConfigDict(extra="forbid")

    keys: list[str] | None = Field(
        default=None,
        min_length=1,
        description="Tag keys that carry classification, in order of precedence; replaces the default keys "
        "(matched case-insensitively, ignoring - _ . and spaces, also after a prefix such as acme:)",
    )
    values: dict[str, Level] = Field(
        default_factory=dict,
        description="Tag value spellings and the level each means, e.g. {pii: restricted}; added to the "
        "default spellings, overriding them where both name the same spelling",
    )

    @field_validator("keys")
    @classmethod
    def _keys(cls, value: list[str] | None) -> list[str] | None:
        for key in value or []:
            if not key_form(key):
                raise ValueError(f"{key!r} is not a tag key")
        return value

    @field_validator("values")
    @classmethod
    def _values(cls, value: dict[str, str]) -> dict[str, str]:
        for spelling in value:
            if not spelling.strip():
                raise ValueError("an empty tag value cannot name a classification")
        return value


_T = FindingThresholds()


class FindingsSettings(BaseModel):
    """When the security services' own findings (GuardDuty, Inspector, ...) count against a best practice."""

    model_config = ConfigDict(extra="forbid")

    guardduty_min_severity: float = Field(
        default=_T.guardduty_min_severity,
        ge=1.0,
        le=10.0,
        description="GuardDuty findings at or above this severity are weighed (1-10; 7 is high, 4 medium)",
    )
    guardduty_max_age_days: int = Field(
        default=_T.guardduty_max_age_days,
        ge=0,
        le=3650,
        description="A weighed GuardDuty finding still active after this many days fails",
    )
    inspector_patch_window_days: int = Field(
        default=_T.inspector_patch_window_days,
        ge=0,
        le=3650,
        description="A critical/high Inspector vulnerability with a fix available, open longer than this, fails",
    )
    access_analyzer_unused_days: int = Field(
        default=_T.access_analyzer_unused_days,
        ge=1,
        le=3650,
        description="Roles, keys and permissions unused this long (IAM Access Analyzer) fail",
    )
    max_findings_per_service: int = Field(
        default=_T.max_findings_per_service,
        ge=1,
        le=100_000,
        description="At most this many findings are read per service and region; reaching it is reported",
    )

    def thresholds(self) -> FindingThresholds:
        """The settings as the rules' :class:`FindingThresholds`."""
        return FindingThresholds(**self.model_dump())


class OrgScopeSettings(BaseModel):
    """Which of the organisation's ACTIVE accounts an ``org: true`` review selects (excludes win)."""

    model_config = ConfigDict(extra="forbid")

    include_ous: list[str] = Field(
        default_factory=list,
        description="Only accounts under these OUs (id ou-..., name, or path such as Root/prod), with their "
        "sub-OUs",
    )
    exclude_ous: list[str] = Field(default_factory=list, description="Leave out accounts under these OUs")
    include_accounts: list[str] = Field(
        default_factory=list, description="Also (or, without include_ous, only) these account ids"
    )
    exclude_accounts: list[str] = Field(default_factory=list, description="Leave out these account ids")
    account_tags: dict[str, str] = Field(
        default_factory=dict, description="Only accounts carrying all these Organizations account tags"
    )

    @field_validator("include_accounts", "exclude_accounts")
    @classmethod
    def _ids(cls, value: list[str]) -> list[str]:
        for i, acct in enumerate(value):
            if not ACCOUNT_ID.match(str(acct)):
                raise ValueError(f"item {i + 1} is not a 12-digit AWS account id")
        return [str(a) for a in value]

    def scope(self) -> OrgScope:
        """The settings as the model's :class:`OrgScope`."""
        return OrgScope(
            tuple(self.include_ous),
            tuple(self.exclude_ous),
            tuple(self.include_accounts),
            tuple(self.exclude_accounts),
            tuple(sorted(self.account_tags.items())),
        )


class AssumeSettings(BaseModel):
    """How ``role_name`` is assumed in each account."""

    model_config = ConfigDict(extra="forbid")

    external_id: str | None = Field(
        default=None, min_length=2, max_length=1224, description="sts:ExternalId the member role requires"
    )
    duration_seconds: int = Field(
        default=3600, ge=900, le=43200, description="Lifetime of each assumed session (900-43200 s)"
    )
    hub_role_arn: str | None = Field(
        default=None,
        pattern=r"^arn:aws[a-z-]*:iam::\d{12}:role/.+$",
        description="A role assumed first; member roles are assumed from it (role chaining)",
    )

    def assumption(self) -> RoleAssumption:
        """The settings as the model's :class:`RoleAssumption`."""
        return RoleAssumption(self.external_id, self.duration_seconds, self.hub_role_arn)


class WorkloadFile(BaseModel):
    """One workload, not the whole estate: its accounts, regions, sources and people."""

    model_config = ConfigDict(extra="forbid")

    schema_: str = Field(default="wasp.workload/1", alias="schema")
    name: str = Field(min_length=1)
    description: str = ""
    environment: Literal["production", "preproduction"] = "production"
    accounts: list[str] = Field(default_factory=list, description="12-digit account ids in scope")
    regions: list[str] = Field(min_length=1, description="Regions in scope, e.g. eu-west-2")
    profile: str | None = Field(default=None, description="AWS CLI profile (else boto3's default chain)")
    role_name: str | None = Field(
        default=None, description="Read-only role to assume in each listed account (e.g. WaspReadOnly)"
    )
    org: bool = Field(
        default=False,
        description="Review the organisation's ACTIVE accounts (from the management account or a delegated "
        "administrator); accounts then lists nothing",
    )
    org_scope: OrgScopeSettings = Field(
        default_factory=OrgScopeSettings, description="Which organisation accounts an org review selects"
    )
    assume: AssumeSettings = Field(
        default_factory=AssumeSettings, description="External id, session duration and hub role for role_name"
    )
    iac: list[str] = Field(default_factory=list, description="IaC paths (CloudFormation / Terraform)")
    attestations: str | None = Field(default=None, description="Attestation file, relative to this file")
    waivers: str | None = Field(
        default=None, description="Waiver file (accepted risks), relative to this file"
    )
    security_contact: dict[str, str] | None = Field(
        default=None, description="SECURITY alternate contact for remediation: name, email, phone, title"
    )
    kms_key: str | None = Field(
        default=None, description="KMS key remediation uses for S3 default encryption"
    )
    stakeholders: dict[str, str] = Field(default_factory=dict, description="Question id -> owner")
    break_glass: list[str] = Field(default_factory=list, description="Break-glass principal names or ARNs")
    classification: ClassificationScheme = Field(
        default_factory=ClassificationScheme, description="How data classification is tagged"
    )
    classification_tag: str | None = Field(
        default=None, min_length=1, description="One more classification tag key, tried before all others"
    )
    pipeline: bool = Field(default=False, description="The workload deploys through a CI/CD pipeline")
    scope_tags: dict[str, str] = Field(default_factory=dict, description="Only resources with these tags")
    findings: FindingsSettings = Field(
        default_factory=FindingsSettings,
        description="When the security services' own findings count, and how many are read",
    )

    @field_validator("accounts")
    @classmethod
    def _accounts(cls, value: list[str]) -> list[str]:
        for i, acct in enumerate(value):
            if not ACCOUNT_ID.match(str(acct)):
                raise ValueError(f"item {i + 1} is not a 12-digit AWS account id")
        return [str(a) for a in value]

    @field_validator("regions")
    @classmethod
    def _regions(cls, value: list[str]) -> list[str]:
        for i, region in enumerate(value):
            if not REGION.match(region):
                raise ValueError(f"item {i + 1} is not an AWS region name like eu-west-2")
        return value

    @field_validator("stakeholders")
    @classmethod
    def _stakeholders(cls, value: dict[str, str]) -> dict[str, str]:
        for key in value:
            if not QUESTION.match(key):
                raise ValueError("every key must be a question id (SEC01 to SEC11)")
        return value


def load_workload(path: Path) -> Workload:
    """The workload from a YAML file; paths inside it are resolved relative to the file."""
    doc = load_yaml(path, WHAT)
    wf = validate(doc, WorkloadFile, WHAT)
    for i, region in enumerate(wf.regions):  # known to botocore, not only shaped like a region
        check_regions([region], f"{doc.where(('regions', i))}: {WHAT}")
    base = path.parent
    return Workload(
        name=wf.name,
        description=wf.description,
        environment=wf.environment,
        accounts=tuple(wf.accounts),
        regions=tuple(wf.regions),
        profile=wf.profile,
        role_name=wf.role_name,
        iac_paths=tuple(str(base / p) for p in wf.iac),
        attestations=str(base / wf.attestations) if wf.attestations else None,
        waivers=str(base / wf.waivers) if wf.waivers else None,
        security_contact=dict(wf.security_contact) if wf.security_contact else None,
        kms_key=wf.kms_key,
        stakeholders=dict(wf.stakeholders),
        break_glass=tuple(wf.break_glass),
        classification_keys=classification_keys(wf),
        classification_values=(*DEFAULT_VALUES, *wf.classification.values.items()),
        pipeline=wf.pipeline,
        scope_tags=dict(wf.scope_tags),
        findings=wf.findings.thresholds(),
        org=wf.org,
        org_scope=wf.org_scope.scope(),
        assume=wf.assume.assumption(),
        source=str(path),
    )


def classification_keys(wf: WorkloadFile) -> tuple[str, ...]:
    """The file's keys (else the defaults), with ``classification_tag`` first when given."""
    keys = tuple(wf.classification.keys) if wf.classification.keys is not None else DEFAULT_KEYS
    if not wf.classification_tag:
        return keys
    first = wf.classification_tag
    return (first, *(k for k in keys if key_form(k) != key_form(first)))


_PLAIN = re.compile(r"^[A-Za-z0-9][A-Za-z0-9 ._/-]*$")


def _scalar(value: str) -> str:
    """``value`` as a YAML scalar: plain when that reads back the same, else double-quoted."""
    return value if _PLAIN.match(value) and value.strip() == value else json.dumps(value)


def workload_template(name: str, regions: list[str], accounts: list[str]) -> str:
    """A commented starter workload file with every field: optional ones commented out, with an example.

    Removing the ``# `` before a commented ``key:`` line (and its indented lines) turns the example on.
    """
    acct = "\n".join(f'  - "{a}"' for a in accounts) or '  []  # e.g. - "123456789012"'
    regs = "\n".join(f"  - {_scalar(r)}" for r in regions) or "  []  # e.g. - eu-west-2 (at least one)"
    return f"""# wasp workload file: one workload, not the whole estate. Every field is described in docs/workload.md
# (or `wasp schema workload`). A commented "# key:" line is optional: remove its "# " to use the example.
schema: wasp.workload/1
name: {_scalar(name)}
description: What this workload does and for whom
environment: production          # production | preproduction
accounts:                        # the accounts this workload runs in (12-digit ids)
{acct}
regions:                         # regions in scope (required)
{regs}
# profile: my-sso-profile        # AWS CLI profile; else boto3's default chain (env, SSO, instance role)
# role_name: WaspReadOnly        # read-only role assumed in each listed account; see `wasp permissions`
# org: true                      # review every ACTIVE account of the organisation (docs/org.md)
# org_scope:                     # which organisation accounts (excludes win)
#   include_ous: [Root/workloads]  # OU ids, names or paths, with their sub-OUs
#   exclude_ous: [ou-ab12-sandbox1]
#   include_accounts: ["111122223333"]
#   exclude_accounts: ["444455556666"]
#   account_tags: {{environment: production}}
# assume:                        # how role_name is assumed
#   external_id: wasp-review-ext   # when the role's trust policy requires sts:ExternalId
#   duration_seconds: 3600
#   hub_role_arn: arn:aws:iam::111122223333:role/WaspHub  # assumed first (role chaining)
iac: []                          # CloudFormation / Terraform paths, relative to this file
attestations: attestations.yaml  # answers for what no API can show (`wasp attest template`)
# waivers: waivers.yaml          # accepted risks with owner, reason and expiry (docs/store.md)
# security_contact:              # SECURITY alternate contact that `wasp fix` sets (account_security_contact)
#   name: Security Team
#   email: security@example.com
#   phone: "+44 20 7946 0000"
#   title: Head of Security
# kms_key: alias/workload-data   # customer-managed key `wasp fix` uses for S3 default encryption
stakeholders:                    # who owns each question (SEC01..SEC11); shown in the improvement plan
  SEC01: head-of-platform@example.com
  SEC02: iam-lead@example.com
  SEC03: iam-lead@example.com
  SEC04: secops@example.com
  SEC10: incident-manager@example.com
break_glass: []                  # principals allowed to hold admin, e.g. [BreakGlassRole]
# classification:                # how data classification is tagged (defaults: docs/workload.md)
#   keys: [DataClassification, Sensitivity]      # replaces the default keys
#   values: {{pii: restricted, c3: confidential}}  # extra value spellings -> level
# classification_tag: DataClassification  # one more classification key, tried before all others
pipeline: false                  # true when the workload deploys through CodePipeline / CodeBuild
# scope_tags: {{workload: payments}}  # only review resources carrying all these tags
# findings:                      # when GuardDuty / Inspector / Access Analyzer findings count (defaults shown)
#   guardduty_min_severity: {_T.guardduty_min_severity:g}    # GuardDuty findings this severe or worse (1-10; 7 is high)
#   guardduty_max_age_days: {_T.guardduty_max_age_days}    # ... fail when still active after this many days
#   inspector_patch_window_days: {_T.inspector_patch_window_days}  # fixable critical/high CVEs open longer fail
#   access_analyzer_unused_days: {_T.access_analyzer_unused_days}  # unused roles, keys, permissions this long fail
#   max_findings_per_service: {_T.max_findings_per_service}  # read at most this many per service and region
"""
