"""Waivers (accepted risks): a failing finding that matches a current waiver is kept and shown as waived.

Scope by rule, resource (ARN or id, globs allowed), account, region and tags; owner, reason and expiry are
required. An expired waiver stops applying and is listed in the review.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from fnmatch import fnmatchcase
from pathlib import Path

from pydantic import BaseModel, ConfigDict, Field, field_validator

from wasp.model import Finding
from wasp.yamlfile import load_yaml, validate

WHAT = "waiver file"


class WaiverEntry(BaseModel):
    """One accepted risk."""

    model_config = ConfigDict(extra="forbid")

    id: str = Field(min_length=1)
    rule: str = Field(default="*", description="Rule id (glob)")
    resource: str = Field(default="*", description="Resource ARN or id (glob)")
    account: str = "*"
    region: str = "*"
    tags: dict[str, str] = Field(
        default_factory=dict, description="The resource must carry all of these tags"
    )
    owner: str = Field(min_length=1)
    reason: str = Field(min_length=10, description="Why the risk is accepted")
    expires: dt.date
    approved_by: str | None = None


class WaiverFile(BaseModel):
    """A waiver file."""

    model_config = ConfigDict(extra="forbid")

    schema_: str = Field(default="wasp.waivers/1", alias="schema")
    waivers: list[WaiverEntry] = Field(default_factory=list)

    @field_validator("waivers")
    @classmethod
    def _unique(cls, value: list[WaiverEntry]) -> list[WaiverEntry]:
        seen: dict[str, int] = {}
        for i, w in enumerate(value):
            if w.id in seen:
                raise ValueError(f"waivers {seen[w.id] + 1} and {i + 1} have the same id; ids must be unique")
            seen[w.id] = i
        return value


@dataclass(frozen=True)
class Waiver:
    """A loaded waiver."""

    id: str
    owner: str
    reason: str
    expires: dt.date
    rule: str = "*"
    resource: str = "*"
    account: str = "*"
    region: str = "*"
    tags: Mapping[str, str] = field(default_factory=dict)
    source: str | None = None

    def matches(self, finding: Finding, tags: Mapping[str, str]) -> bool:
        """True when the finding is in this waiver's scope."""
        ref = finding.resource
        return (
            fnmatchcase(finding.rule, self.rule)
            and any(fnmatchcase(x, self.resource) for x in (ref.arn or "", ref.id, ref.identity) if x)
            and fnmatchcase(ref.account or "", self.account)
            and fnmatchcase(ref.region or "", self.region)
            and all(tags.get(k) == v for k, v in self.tags.items())
        )


def load_waivers(path: Path) -> list[Waiver]:
    """Waivers from YAML, with file:line on any error."""
    doc = load_yaml(path, WHAT)
    parsed = validate(doc, WaiverFile, WHAT)
    return [
        Waiver(
            w.id,
            w.owner,
            w.reason,
            w.expires,
            w.rule,
            w.resource,
            w.account,
            w.region,
            dict(w.tags),
            doc.where(("waivers", i)),
        )
        for i, w in enumerate(parsed.waivers)
    ]


def waiver_matcher(
    waivers: list[Waiver], today: dt.date, tags_of: Callable[[Finding], Mapping[str, str]]
) -> Callable[[Finding], str | None]:
    """The engine's waiver hook: a description of the first current waiver matching a failing finding."""
    current = [w for w in waivers if w.expires >= today]

    def match(finding: Finding) -> str | None:
        tags = tags_of(finding)
        for w in current:
            if w.matches(finding, tags):
                return f"{w.id} (owner {w.owner}, expires {w.expires}): {w.reason}"
        return None

    return match
