"""What a worker runs: open an account (probe) and run one (account, region, collector) task.

The payloads are names only (:class:`TaskSpec`, :class:`RunSettings`); the results are compact records of
frozen dataclasses (:class:`TaskRecord`), so the same functions run on a local thread or a Dask worker.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from wasp.collect.api import DEFAULT_MAX_FINDINGS
from wasp.collect.base import Collector
from wasp.collect.registry import select_collectors
from wasp.collect.runner import Task, run_task
from wasp.model import Gap, Resource
from wasp.model.evaluated import Evaluated, TaskEvaluator, TaskFindings
from wasp.model.rule import FindingThresholds
from wasp.org.access import AccountOpener, CannotOpen, Counter
from wasp.org.limits import PER_ACCOUNT, PER_SERVICE, LimiterKind, limiter
from wasp.org.services import ORG_ONLY


@dataclass(frozen=True)
class TaskSpec:
    """One task by name: which account, region and collector."""

    account: str
    region: str
    collector: str

    @property
    def label(self) -> str:
        """account/region/collector."""
        return f"{self.account}/{self.region}/{self.collector}"


@dataclass(frozen=True)
class RunSettings:
    """What every task of a review shares; no credentials, only how to obtain them."""

    opener: AccountOpener
    regions: tuple[str, ...]
    max_findings: int = DEFAULT_MAX_FINDINGS
    findings: FindingThresholds | None = None
    per_account: int = PER_ACCOUNT
    per_service: int = PER_SERVICE
    evaluator: TaskEvaluator | None = None
    """Decides each task's resources after collecting them (an org review: the review's time and scope)."""
    limiter: LimiterKind = "process"
    """Where the limits are held (:func:`wasp.org.limits.limiter`), as the executor says: a name, not a client."""


@dataclass(frozen=True)
class TaskRecord:
    """A task's result as it travels back: resources, gaps, API calls by operation, retries absorbed, and the
    findings decided in the task (each names its resource by position in ``resources``)."""

    resources: tuple[Resource, ...]
    gaps: tuple[Gap, ...]
    calls: dict[str, int] = field(default_factory=dict)
    retries: int = 0
    evaluated: tuple[Evaluated, ...] = ()
    deferred: int = 0
    """(rule, resource) pairs the task left to the review: their rule queried the inventory."""


def probe(settings: RunSettings, account: str) -> tuple[str, str] | None:
    """Open ``account`` (assume its role): None when it opened, else (the one-line reason, error code)."""
    try:
        settings.opener.credentials(account)
    except CannotOpen as cannot:
        return cannot.message, cannot.code
    return None


def collector_named(name: str) -> Collector:
    """A collector of the registry, or one only organisation reviews plan (:data:`ORG_ONLY`)."""
    if name in ORG_ONLY:
        return ORG_ONLY[name]()
    (collector,) = select_collectors([name])
    return collector


def run_spec(settings: RunSettings, spec: TaskSpec) -> TaskRecord:
    """Run one task in this process with its own clients; a role that cannot be assumed is a gap."""
    collector = collector_named(spec.collector)
    task = Task(spec.account, spec.region, collector)
    counter = Counter()
    with limiter(settings.limiter).hold(
        spec.account, collector.service, settings.per_account, settings.per_service
    ):
        try:
            clients = settings.opener.clients(spec.account, counter)
        except CannotOpen as cannot:
            return TaskRecord(
                (), (assume_gap(spec.account, cannot.message, cannot.code, collector.resource_types),)
            )
        result = run_task(task, clients, settings.regions, settings.max_findings, settings.findings)
    # decided after the account and service slots are released: the rules need the CPU, not the API
    decided = settings.evaluator(result.resources) if settings.evaluator is not None else TaskFindings()
    return TaskRecord(
        result.resources,
        result.gaps,
        clients.call_counts(),
        counter.retries,
        decided.evaluated,
        decided.deferred,
    )


def assume_gap(account: str, message: str, code: str, types: tuple[str, ...]) -> Gap:
    """The gap for an account that could not be opened: its types are not assessed there."""
    return Gap(
        service="sts",
        operation="AssumeRole",
        error="access_denied" if "denied" in code.lower() else code.lower() or "error",
        message=f"{message}; the account's resources are not assessed (deploy the member role: see docs/org.md)",
        account=account,
        region=None,
        resource_types=types,
    )
