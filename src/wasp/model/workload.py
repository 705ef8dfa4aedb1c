"""The workload under review: one workload, its accounts, regions, sources and people."""

from __future__ import annotations

from dataclasses import dataclass, field

from wasp.model.classification import DEFAULT_KEYS, DEFAULT_VALUES
from wasp.model.org import OrgScope, RoleAssumption
from wasp.model.rule import FindingThresholds


@dataclass(frozen=True)
class Workload:
    """Scope and context of one review."""

    name: str
    description: str = ""
    environment: str = "production"
    accounts: tuple[str, ...] = ()
    regions: tuple[str, ...] = ()
    profile: str | None = None
    role_name: str | None = None
    """Role to assume in each listed account (read-only); None uses the caller's credentials."""
    iac_paths: tuple[str, ...] = ()
    attestations: str | None = None
    """Attestation file (answers for what no API can show)."""
    waivers: str | None = None
    """Waiver file (accepted risks)."""
    security_contact: dict[str, str] | None = None
    """SECURITY alternate contact (name, email, phone, title) used by the remediation."""
    kms_key: str | None = None
    """Customer-managed KMS key (ARN or alias) remediation uses for S3 default encryption."""
    stakeholders: dict[str, str] = field(default_factory=dict)
    """Question id (SEC01..SEC11) -> owner."""
    break_glass: tuple[str, ...] = ()
    """Principal names or ARNs allowed to hold administrator or broad access."""
    classification_keys: tuple[str, ...] = DEFAULT_KEYS
    """Tag keys that carry data classification, in order of precedence."""
    classification_values: tuple[tuple[str, str], ...] = DEFAULT_VALUES
    """(spelling, level) pairs: the default spellings, then the workload file's own (which win)."""
    pipeline: bool = False
    """The workload deploys through CI/CD (CodePipeline/CodeBuild are then expected)."""
    scope_tags: dict[str, str] = field(default_factory=dict)
    """When set, only resources carrying all these tags are reviewed (account settings always are)."""
    findings: FindingThresholds = field(default_factory=FindingThresholds)
    """When the security services' own findings count against a best practice, and how many are read."""
    org: bool = False
    """Review every selected ACTIVE account of the organisation (discovered from Organizations)."""
    org_scope: OrgScope = field(default_factory=OrgScope)
    """Which of the organisation's accounts an ``org`` review selects."""
    assume: RoleAssumption = field(default_factory=RoleAssumption)
    """External id, duration and hub role for assuming ``role_name``."""
    source: str | None = None
    """The workload file this was read from (named in errors); None when built otherwise."""
