"""Keep secrets out of evidence: values under secret-looking names are replaced, names are kept."""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

REDACTED = "***redacted***"

_SECRET_NAME = re.compile(
    r"(pass(word|wd|phrase)?|secret|token|api[_-]?key|private[_-]?key|credential|auth|"
    r"connection[_-]?string|user[_-]?data|session[_-]?key|signing[_-]?key)",
    re.IGNORECASE,
)
_SECRET_VALUE = re.compile(
    r"(AKIA|ASIA)[0-9A-Z]{16}|-----BEGIN [A-Z ]*PRIVATE KEY-----|xox[abpr]-[0-9A-Za-z-]{10,}|"
    r"gh[pousr]_[0-9A-Za-z]{30,}|eyJ[0-9A-Za-z_-]{10,}\.[0-9A-Za-z_-]{10,}\."
)
_SAFE_NAMES = frozenset(
    {
        "passwordlastused",
        "passwordenabled",
        "passwordpolicy",
        "passwordreuseprevention",
        "minimumpasswordlength",
        "maxpasswordage",
        "allowuserstochangepassword",
        "hardexpiry",
        "requirelowercasecharacters",
        "requireuppercasecharacters",
        "requirenumbers",
        "requiresymbols",
        "expirepasswords",
        "secretarn",
        "secretname",
        "authorizationtype",
    }
)


@lru_cache(maxsize=4096)
def is_secret_name(name: str) -> bool:
    """True when a key's name says its value is a secret."""
    flat = name.replace("_", "").replace("-", "").lower()
    return flat not in _SAFE_NAMES and bool(_SECRET_NAME.search(name))


def redact(value: Any, name: str = "") -> Any:
    """Return a copy of ``value`` with secret values replaced by a marker; structure and names stay."""
    if name and is_secret_name(name) and not isinstance(value, (bool, int, float, type(None))):
        if isinstance(value, Mapping):
            return {k: redact(v, str(k)) for k, v in value.items()}
        return REDACTED
    if isinstance(value, Mapping):
        return {k: redact(v, str(k)) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [redact(v, name) for v in value]
    if isinstance(value, str) and _SECRET_VALUE.search(value):
        return _SECRET_VALUE.sub(REDACTED, value)
    return value
