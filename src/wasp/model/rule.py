"""The small API a rule is written against: metadata, examples, a view of one resource, a verdict.

A rule is one module in ``wasp.rules`` with ``META``, ``EXAMPLES`` and a pure ``evaluate(view, ctx)``.
Rules read properties only through :class:`ResourceView`, which records what was read as evidence and
turns an unresolved value into an *unknown* verdict, never a failure.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import Any, Protocol

from wasp.model.classification import (
    DEFAULT_KEYS,
    DEFAULT_VALUES,
    Classified,
    recognise,
    value_map,
    value_map_of,
)
from wasp.model.resource import Gap, Origin, Resource, Unresolved
from wasp.model.status import FindingStatus, OriginKind, Severity


@dataclass(frozen=True)
class Remediation:
    """How to fix a failure, in each of the four ways users make changes."""

    console: str
    cli: str
    cloudformation: str
    terraform: str


@dataclass(frozen=True)
class RuleMeta:
    """What a rule checks and which best practices it evidences."""

    title: str
    severity: Severity
    best_practices: tuple[str, ...]
    resource_type: str
    description: str
    remediation: Remediation
    related_types: tuple[str, ...] = ()
    """Other types the rule looks up through the context; a gap on any of them blocks the rule."""
    public_exposure: bool = False
    """True when a failure exposes something to the internet (ranks first within its risk level)."""
    iac: bool = True
    """False when the rule needs facts only a live account has (e.g. key last-used dates)."""
    decides_gaps: bool = False
    """True when the rule weighs failed reads of its neighbours itself, region by region (``ctx.inventory.gaps``):
    the engine then leaves its verdicts standing instead of making them unknown for a neighbour's gap, so a
    region definitely off still fails while another region's read failed."""
    checkov: tuple[str, ...] = ()
    """Checkov check ids (``CKV_AWS_19``, ``CKV2_AWS_6``) that test the same property: the coverage table
    (``scripts/checkov_coverage.py``) and ``wasp scan --honour-checkov-skips`` are built from these."""
    source: str = "rule"
    """Where the verdict's evidence comes from: ``rule`` (wasp reads the resource itself) or the security
    service whose own findings the rule weighs (``guardduty``, ``inspector``, ``securityhub``, ``accessanalyzer``,
    ``macie``, ``config``)."""

    @property
    def reads_types(self) -> tuple[str, ...]:
        """Every type whose collection the rule depends on."""
        return (self.resource_type, *self.related_types)


@dataclass(frozen=True)
class Verdict:
    """A rule's answer for one resource."""

    status: FindingStatus
    message: str
    severity: Severity | None = None
    """Overrides the rule's severity for this finding (e.g. SSH open vs. a high port open)."""
    public_exposure: bool | None = None
    """Overrides the rule's ``public_exposure`` for this finding (e.g. a grant neutralised by Block Public Access)."""

    def __init__(
        self,
        status: FindingStatus,
        message: str,
        severity: Severity | None = None,
        public_exposure: bool | None = None,
    ) -> None:
        """The dataclass's own ``__init__``, faster.

        A frozen dataclass's generated ``__init__`` sets each field through ``object.__setattr__``; this fills the
        instance's dict in one step (a large scan makes one per rule and resource). tests/test_fast_init.py keeps the parameters in
        step with the fields.
        """
        self.__dict__.update(
            status=status, message=message, severity=severity, public_exposure=public_exposure
        )


def passed(message: str) -> Verdict:
    """A passing verdict."""
    return Verdict(FindingStatus.PASS, message)


def failed(message: str, severity: Severity | None = None, *, public_exposure: bool | None = None) -> Verdict:
    """A failing verdict, optionally with a severity (and a public-exposure flag) of its own."""
    return Verdict(FindingStatus.FAIL, message, severity, public_exposure)


def unknown(message: str) -> Verdict:
    """The rule cannot tell."""
    return Verdict(FindingStatus.UNKNOWN, message)


class UnresolvedRead(Exception):
    """Raised by a view when a rule reads a value that could not be known."""

    def __init__(self, path: str, value: Unresolved) -> None:
        super().__init__(f"{path} is unknown ({value.reason})")
        self.path = path
        self.value = value


_MISSING = object()
OPEN = "Fn::Transform"
"""A key whose Unresolved value marks a mapping as *open*: keys not written in it are known only at deploy
time (a CloudFormation ``Fn::Transform`` adds them), so reading one gives that Unresolved, not None."""


def lookup(properties: Mapping[str, Any], path: str) -> Any:
    """Read a dotted path (``A.B.0.C``) from nested mappings and lists; None where absent (unknown where an
    open mapping, see :data:`OPEN`, may add it)."""
    if "." not in path and isinstance(properties, dict):  # most reads: one top-level property
        found = properties.get(path, _MISSING)
        if found is _MISSING:
            return properties[OPEN] if isinstance(properties.get(OPEN), Unresolved) else None
        return found
    node: Any = properties
    for part in path.split("."):
        if isinstance(node, Unresolved):
            return node
        if isinstance(node, (dict, Mapping)):  # (dict first: a dict skips the ABC's check)
            parent, node = node, node.get(part, _MISSING)
            if node is _MISSING and isinstance(parent.get(OPEN), Unresolved):
                return parent[OPEN]
        elif isinstance(node, list) and part.isdigit() and int(part) < len(node):
            node = node[int(part)]
        else:
            return None
        if node is _MISSING:
            return None
    return node


_PLAIN = frozenset({str, int, float, bool, type(None)})


def contains_unresolved(value: Any) -> Unresolved | None:
    """The first unresolved value inside ``value``, if any."""
    if type(value) in _PLAIN:  # most values: nothing inside
        return None
    if isinstance(value, Unresolved):
        return value
    if isinstance(value, list):  # (lists and dicts first: they skip the ABC's check for a Mapping)
        for item in value:
            found = contains_unresolved(item)
            if found is not None:
                return found
    elif isinstance(value, (dict, Mapping)):
        for item in value.values():
            found = contains_unresolved(item)
            if found is not None:
                return found
    return None


class ResourceView:
    """Read access to one resource that records every path read, as evidence."""

    def __init__(self, resource: Resource) -> None:
        self.resource = resource
        self.evidence: dict[str, Any] = {}

    @property
    def id(self) -> str:
        """The resource id."""
        return self.resource.id

    @property
    def tags(self) -> dict[str, str]:
        """The resource's tags."""
        return self.resource.tags

    def get(self, path: str, default: Any = None) -> Any:
        """The value at ``path``; raises :class:`UnresolvedRead` if it (or anything in it) is unknown."""
        value = lookup(self.resource.properties, path)
        self.evidence[path] = value
        bad = contains_unresolved(value)
        if bad is not None:
            raise UnresolvedRead(path, bad)
        return default if value is None else value

    def peek(self, path: str, default: Any = None) -> Any:
        """The value at ``path`` even if parts are unknown (check with contains_unresolved); recorded as evidence.

        For rules that can still decide on the known parts: a definite failure stands whatever else is unknown.
        """
        value = lookup(self.resource.properties, path)
        self.evidence[path] = value
        return default if value is None else value

    def note(self, name: str, value: Any) -> None:
        """Record a derived fact as evidence (e.g. the ports found open)."""
        self.evidence[name] = value

    def label(self, path: str) -> str:
        """A name for messages: the value at ``path`` when known, else the logical id or address.

        Never raises: a name known only after deploy (an unresolved ``!Sub``) must not turn a definite
        verdict into an unknown one.
        """
        value = lookup(self.resource.properties, path)
        if value is None or isinstance(value, (dict, list)) or contains_unresolved(value) is not None:
            return self.resource.origin.address or self.resource.id
        return str(value)

    def neighbour(self, resource: Resource) -> NeighbourView:
        """A view of another resource (a trail's log bucket, a role's policies) read with the same care.

        Reads are recorded in this view's evidence as ``<type>/<id>:<path>``, and reading an unknown value
        raises :class:`UnresolvedRead` just as reading one of this resource's own properties does, so a
        neighbour whose detail could not be read makes the verdict unknown, never a pass or a crash.
        """
        return NeighbourView(resource, self)


class NeighbourView(ResourceView):
    """A view of a related resource whose reads are evidence of the resource being judged."""

    def __init__(self, resource: Resource, owner: ResourceView) -> None:
        super().__init__(resource)
        self.evidence = owner.evidence
        self._prefix = f"{resource.type}/{resource.id}:"

    def get(self, path: str, default: Any = None) -> Any:
        """The neighbour's value at ``path``; raises :class:`UnresolvedRead` if it is unknown."""
        value = lookup(self.resource.properties, path)
        self.evidence[self._prefix + path] = value
        bad = contains_unresolved(value)
        if bad is not None:
            raise UnresolvedRead(self._prefix + path, bad)
        return default if value is None else value

    def peek(self, path: str, default: Any = None) -> Any:
        """The neighbour's value at ``path`` even if parts are unknown; recorded as evidence."""
        value = lookup(self.resource.properties, path)
        self.evidence[self._prefix + path] = value
        return default if value is None else value

    def note(self, name: str, value: Any) -> None:
        """Record a derived fact about the neighbour."""
        self.evidence[self._prefix + name] = value


@dataclass(frozen=True)
class FindingThresholds:
    """When a security service's own findings count against a best practice (the workload file's ``findings:``)."""

    guardduty_min_severity: float = 7.0
    """GuardDuty findings at or above this severity (0-10; 7 is HIGH) are weighed."""
    guardduty_max_age_days: int = 7
    """A weighed GuardDuty finding still active after this many days fails."""
    inspector_patch_window_days: int = 14
    """A critical/high Inspector vulnerability with a fix available, open longer than this, fails
    (14 days is Cyber Essentials' window)."""
    access_analyzer_unused_days: int = 90
    """Unused-access findings for roles, keys and permissions unused this long fail."""
    max_findings_per_service: int = 1000
    """At most this many findings are read per service and region (collection stops, the cap is reported)."""


@dataclass(frozen=True)
class WorkloadScope:
    """What the workload file tells rules: break-glass principals, classification, regions."""

    regions: tuple[str, ...] = ()
    accounts: tuple[str, ...] = ()
    break_glass: tuple[str, ...] = ()
    classification_keys: tuple[str, ...] = DEFAULT_KEYS
    """Tag keys that carry data classification, in order of precedence (matched case-insensitively)."""
    classification_values: tuple[tuple[str, str], ...] = DEFAULT_VALUES
    """(spelling, level) pairs: which tag values mean public, internal, confidential or restricted."""
    environment: str = "production"
    pipeline: bool = False
    """The workload declares that it deploys through a CI/CD pipeline."""
    findings: FindingThresholds = field(default_factory=FindingThresholds)
    """Thresholds for weighing the security services' own findings."""

    def is_break_glass(self, name: str, arn: str | None = None) -> bool:
        """True when a principal (by name or ARN) is a declared break-glass principal."""
        return any(p in (name, arn) for p in self.break_glass)

    def classify(self, tags: Mapping[str, str]) -> Classified:
        """What these tags say about the data's classification, under this workload's keys and spellings."""
        try:
            values = value_map_of(tuple(self.classification_values))
        except TypeError:  # pairs given as lists: cannot be cached, so made afresh
            values = value_map(self.classification_values)
        return recognise(tags, self.classification_keys, values)


class InventoryReader(Protocol):
    """The read-only part of an inventory that rules may query."""

    def of_type(self, resource_type: str) -> list[Resource]:
        """All resources of a type."""
        ...

    def find(self, resource_type: str, **properties: Any) -> list[Resource]:
        """Resources of a type with matching top-level properties."""
        ...

    @property
    def gaps(self) -> tuple[Gap, ...]:
        """What could not be read (so a rule can tell 'none found' from 'could not look')."""
        ...


@dataclass(frozen=True)
class RuleContext:
    """Everything a rule may consult beyond its own resource."""

    inventory: InventoryReader
    workload: WorkloadScope = field(default_factory=WorkloadScope)
    now: datetime = field(default_factory=lambda: datetime.now(UTC))
    """The review's time: rules compute ages against it, never against the clock."""

    def days_since(self, iso: str | None) -> int | None:
        """Whole days between an ISO-8601 timestamp and the review time; None when absent or unparsable."""
        if not iso:
            return None
        try:
            then = datetime.fromisoformat(str(iso).replace("Z", "+00:00"))
        except ValueError:
            return None
        if then.tzinfo is None:
            then = then.replace(tzinfo=UTC)
        return (self.now - then).days


Evaluate = Callable[[ResourceView, RuleContext], "Verdict | None"]
"""A rule's check: a verdict, or None when the rule does not apply to this resource."""


@dataclass(frozen=True)
class Example:
    """A resource (and its neighbours) with the verdict the rule must give for it."""

    name: str
    resource: Resource
    expect: FindingStatus
    related: Sequence[Resource] = ()
    workload: WorkloadScope = field(default_factory=WorkloadScope)
    now: datetime = datetime(2026, 1, 1, tzinfo=UTC)


def example_resource(
    resource_type: str, properties: Mapping[str, Any], rid: str = "example", region: str = "eu-west-2"
) -> Resource:
    """A resource for a rule example."""
    origin = Origin(kind=OriginKind.LIVE, account="111122223333", region=region)
    return Resource(type=resource_type, id=rid, properties=dict(properties), origin=origin)


@dataclass(frozen=True)
class Rule:
    """A loaded rule: its id (the module name), metadata, examples and check."""

    id: str
    meta: RuleMeta
    examples: tuple[Example, ...]
    evaluate: Evaluate
