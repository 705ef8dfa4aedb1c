"""The attestation file format, as pydantic models (the JSON Schema in the repo is generated from them)."""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Self

from pydantic import BaseModel, ConfigDict, Field, StringConstraints, field_validator, model_validator

from wasp.model import Answer, NAReason

BestPracticeId = Annotated[str, StringConstraints(pattern=r"^SEC(0[1-9]|1[01])-BP(0[1-9]|1[0-9])$")]
"""A best-practice id such as SEC01-BP07 (its existence is checked against the catalogue)."""


class AttestationEntry(BaseModel):
    """One answer for one best practice."""

    model_config = ConfigDict(extra="forbid", use_enum_values=False)

    answer: Answer = Field(description="yes, no, partial or not_applicable")
    owner: str = Field(min_length=1, description="Who answers for this (a person or role)")
    date: dt.date = Field(description="When the answer was given (YYYY-MM-DD)")
    expires: dt.date | None = Field(default=None, description="When the answer must be reviewed again")
    evidence: list[str] = Field(default_factory=list, description="Links or paths; required for yes")
    reason: NAReason | None = Field(default=None, description="Required for not_applicable")
    notes: str = ""

    @field_validator("answer", mode="before")
    @classmethod
    def _yaml_booleans(cls, value: object) -> object:
        """YAML 1.1 reads a bare yes/no as a boolean; take it as the answer the user wrote."""
        if value is True:
            return Answer.YES
        if value is False:
            return Answer.NO
        return value

    @model_validator(mode="after")
    def _rules(self) -> Self:
        if self.answer is Answer.YES and not self.evidence:
            raise ValueError("evidence is required when answer is yes (links or paths to the proof)")
        if self.answer is Answer.NOT_APPLICABLE and self.reason is None:
            raise ValueError(
                "reason is required when answer is not_applicable "
                "(out_of_scope, business_priorities, architecture_constraints or other)"
            )
        if self.expires is not None and self.expires < self.date:
            raise ValueError("expires is before date")
        return self


class AttestationFile(BaseModel):
    """An attestation file: metadata and answers keyed by best-practice id (e.g. SEC01-BP07)."""

    model_config = ConfigDict(extra="forbid")

    schema_: str = Field(default="wasp.attestations/1", alias="schema")
    workload: str | None = None
    attestations: dict[BestPracticeId, AttestationEntry] = Field(default_factory=dict)

    @field_validator("attestations", mode="before")
    @classmethod
    def _empty(cls, value: object) -> object:
        return {} if value is None else value
