"""Detect secrets in configuration (environment variables, user data, template outputs) without keeping them.

The detectors follow detect-secrets' approach: known token formats, private keys, and secret-named
variables holding a literal value (not a reference to Secrets Manager, SSM or a template function).
Only names and detector labels leave this module; values never do.
"""

from __future__ import annotations

import base64
import binascii
import math
import re
from collections.abc import Iterable, Mapping
from dataclasses import dataclass

from wasp.model.redact import is_secret_name

_TOKEN_FORMATS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("aws-access-key-id", re.compile(r"\b(AKIA|ASIA)[0-9A-Z]{16}\b")),
    ("private-key", re.compile(r"-----BEGIN (RSA |EC |DSA |OPENSSH |PGP )?PRIVATE KEY( BLOCK)?-----")),
    ("github-token", re.compile(r"\bgh[pousr]_[0-9A-Za-z]{36,}\b")),
    ("slack-token", re.compile(r"\bxox[abposr]-[0-9A-Za-z-]{10,}\b")),
    ("stripe-key", re.compile(r"\b(sk|rk)_live_[0-9A-Za-z]{20,}\b")),
    ("jwt", re.compile(r"\beyJ[0-9A-Za-z_-]{10,}\.eyJ[0-9A-Za-z_-]{10,}\.[0-9A-Za-z_-]{10,}")),
    ("basic-auth-url", re.compile(r"[a-z][a-z0-9+.-]*://[^/\s:@]+:[^/\s:@]{3,}@[^/\s]+", re.IGNORECASE)),
)
_AWS_SECRET = re.compile(r"aws.{0,20}secret.{0,20}[=:]\s*['\"]?([A-Za-z0-9/+=]{40})\b", re.IGNORECASE)
_ASSIGNMENT = re.compile(
    r"(?P<name>[A-Za-z_][A-Za-z0-9_]*(pass(word|wd)?|secret|token|api_?key|private_?key)[A-Za-z0-9_]*)"
    r"\s*[=:]\s*['\"]?(?P<value>[^\s'\"]{8,})",
    re.IGNORECASE,
)
_REFERENCE = re.compile(
    r"^(arn:aws[a-z-]*:(secretsmanager|ssm|kms):|\{\{resolve:|\$\{|ssm:|secretsmanager:|/aws/reference/|<|\*{3,}$)",
    re.IGNORECASE,
)
_PLACEHOLDER = frozenset(
    {"changeme", "password", "secret", "example", "placeholder", "redacted", "none", "null"}
)


@dataclass(frozen=True)
class SecretHit:
    """Where a secret was seen (a variable name or a line number) and which detector saw it."""

    where: str
    detector: str


def _entropy(value: str) -> float:
    counts = {c: value.count(c) for c in set(value)}
    return -sum(n / len(value) * math.log2(n / len(value)) for n in counts.values())


def _is_literal_secret(value: str) -> bool:
    v = value.strip()
    if len(v) < 8 or _REFERENCE.match(v) or v.lower() in _PLACEHOLDER:
        return False
    return _entropy(v) >= 2.5


def scan_text(text: str, where: str = "") -> list[SecretHit]:
    """Secrets in free text (user data, scripts); ``where`` prefixes the line number."""
    hits: list[SecretHit] = []
    for number, line in enumerate(text.splitlines(), start=1):
        loc = f"{where}line {number}" if where else f"line {number}"
        for label, pattern in _TOKEN_FORMATS:
            if pattern.search(line):
                hits.append(SecretHit(loc, label))
        if _AWS_SECRET.search(line):
            hits.append(SecretHit(loc, "aws-secret-access-key"))
        for match in _ASSIGNMENT.finditer(line):
            if _is_literal_secret(match.group("value")):
                hits.append(SecretHit(f"{loc} ({match.group('name')})", "secret-assignment"))
    return hits


def scan_variables(variables: Mapping[str, object]) -> list[SecretHit]:
    """Secrets in name/value pairs (Lambda or container environment, stack outputs)."""
    hits: list[SecretHit] = []
    for name, raw in variables.items():
        value = "" if raw is None else str(raw)
        for label, pattern in _TOKEN_FORMATS:
            if pattern.search(value):
                hits.append(SecretHit(name, label))
                break
        else:
            if is_secret_name(name) and _is_literal_secret(value):
                hits.append(SecretHit(name, "secret-named-variable"))
    return hits


def user_data_text(encoded: object) -> str:
    """User data as text: base64 (as the EC2 API and ``Fn::Base64`` give it) decoded, else the text itself.

    Undecodable bytes are replaced, never raised.
    """
    text = str(encoded)
    try:
        return base64.b64decode("".join(text.split()), validate=True).decode("utf-8", errors="replace")
    except (binascii.Error, ValueError):
        return text


def container_hits(name: object, environment: Mapping[str, object]) -> list[dict[str, str]]:
    """Secrets in one container's environment, each placed as ``CONTAINER:VARIABLE`` (as data)."""
    return [{**h, "Where": f"{name}:{h['Where']}"} for h in hits_as_data(scan_variables(environment))]


def hits_as_data(hits: Iterable[SecretHit]) -> list[dict[str, str]]:
    """Hits as plain data for a resource's properties."""
    return [{"Where": h.where, "Detector": h.detector} for h in hits]
