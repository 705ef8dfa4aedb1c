"""What a fixer is: the rule it fixes, the calls it makes (from the resource's current state), its risk.

Fixers are the only code in wasp that writes to AWS. They plan from a freshly collected resource (never from
an old review), so applying twice changes nothing the second time; and they change a resource only while the
rule still fails it for the reason the review gave.
"""

from __future__ import annotations

import re
from abc import ABC, abstractmethod
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any, ClassVar

from wasp.model import Resource
from wasp.model.rule import WorkloadScope

if TYPE_CHECKING:
    from wasp.collect.clients import ClientFactory

_DAY_COUNT = re.compile(r"\b\d+ days?\b")


@dataclass(frozen=True)
class Call:
    """One AWS API call a fixer will make."""

    service: str
    operation: str
    params: dict[str, Any]
    region: str | None = None

    def describe(self) -> str:
        """A readable form for plans and logs."""
        args = ", ".join(f"{k}={v!r}" for k, v in self.params.items())
        return f"{self.service}.{self.operation}({args})"


@dataclass(frozen=True)
class FixContext:
    """What a fixer may use besides the resource: the workload's settings."""

    workload: WorkloadScope = field(default_factory=WorkloadScope)
    kms_key: str | None = None
    security_contact: dict[str, str] | None = None
    inventory: Any = None
    """The freshly re-read inventory at apply time (None when planning offline from a review)."""


class FixImpossible(Exception):
    """The fixer cannot safely fix this automatically; the message says what to do instead."""


@dataclass(frozen=True)
class NeedsInput:
    """Input a fix needs that wasp does not have, and where the user gives it.

    A plan shows such a fix as "needs input: ...", never counts it as fixable, and applying skips it with
    this reason: nothing is tried that is bound to fail.
    """

    what: str
    """What is missing, e.g. "a security contact (name, email, phone)"."""
    source: str
    """The workload-file field or option that provides it, or what to do when none does."""

    def __str__(self) -> str:
        return f"needs input: {self.what}: {self.source}"


class Fixer(ABC):
    """Fixes the failures of one rule."""

    rule: ClassVar[str]
    title: ClassVar[str]
    permissions: ClassVar[tuple[str, ...]]
    risk: ClassVar[str]
    """What could break (e.g. revoking SSH may cut someone off)."""
    collectors: ClassVar[tuple[str, ...]]
    """Collectors that re-read the resource's current state before and after a change."""
    reads_directly: ClassVar[bool] = False
    """True when the fixer re-reads its one resource itself (:meth:`read`) instead of through its collectors,
    because the collectors' source is too coarse or may be hours old (the IAM credential report)."""

    def read(
        self, ref: Mapping[str, Any], clients: ClientFactory, account: str, region: str
    ) -> Resource | None:
        """The resource as AWS has it now, in the collector's shape; None when it is gone.

        Only called when :attr:`reads_directly` is set.
        """
        raise NotImplementedError(f"{type(self).__name__} re-reads through its collectors")

    def reason(self, message: str) -> str:
        """The part of a failure message that names why it fails, to compare a review with now.

        Default: the message with day counts ignored ("last used 200 days ago" is the same failure a day
        later). A fixer whose rule's messages carry other moving figures overrides this.
        """
        return _DAY_COUNT.sub("N days", message)

    def needs(self, resource: Resource, ctx: FixContext) -> NeedsInput | None:
        """What this fix needs that ``ctx`` (or the account) does not give; None when it can go ahead.

        Called before :meth:`calls`, when planning offline (``ctx.inventory`` None) and again at apply time on
        the freshly read resource. Default: nothing.
        """
        return None

    def resolve(self, call: Call, client: Any) -> Call:
        """Fill in values only known at apply time (default: the call as planned)."""
        return call

    @abstractmethod
    def calls(self, resource: Resource, ctx: FixContext) -> list[Call]:
        """The calls that make this resource pass the rule; empty when it already does.

        Only called when :meth:`needs` says nothing is missing (a fixer raises FixImpossible otherwise).
        """
