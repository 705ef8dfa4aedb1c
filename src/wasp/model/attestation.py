"""What people answer for the practices no API can show."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from wasp.model.status import Answer, NAReason


@dataclass(frozen=True)
class Attestation:
    """A person's answer for one best practice, with evidence, owner and expiry."""

    best_practice: str
    answer: Answer
    owner: str
    date: dt.date
    expires: dt.date | None = None
    evidence: tuple[str, ...] = ()
    reason: NAReason | None = None
    notes: str = ""
    source: str | None = None
    """file:line the attestation was read from."""

    def is_current(self, today: dt.date) -> bool:
        """True unless the attestation has expired."""
        return self.expires is None or self.expires >= today
