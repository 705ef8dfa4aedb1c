"""Detect secrets in configuration (environment variables, user data, template outputs) without keeping them.

A line or variable holds a secret when it carries a literal credential:

- a known token format (AWS access key id, private-key header, GitHub, Slack, Stripe, JWT, ...);
- a literal under a secret-looking name (``DB_PASSWORD=Winter2024!``, ``api_key: 9fQ...``), a password
  flag on a command line (``mysql -pX``, ``docker login -p X``, ``chpasswd``) or a URL with a password;
- a bare high-entropy literal (mixed case and digits, 32+ characters) outside public-key material.

A *reference* is not a secret: a Secrets Manager name, path or ARN, an SSM parameter, ``{{resolve:...}}``,
``!Ref``/``Fn::``, ``${...}``/``$VAR``/``$(command)``, Terraform, CI and code expressions, file paths. Nor is
a placeholder that only says "fill me in" (``changeme``, ``<password>``, ``REPLACE_ME``, ``****``), a
setting under a secret-ish name (``HttpTokens: required``, ``TOKEN_TTL_SECONDS=3600``) or an id or hash.
Only names and detector labels leave this module; values never do.
"""

from __future__ import annotations

import base64
import binascii
import math
import re
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from functools import lru_cache

PASSWORD = "password"
CREDENTIAL = "credential"

_TOKEN_FORMATS: tuple[tuple[str, re.Pattern[str]], ...] = (
    ("aws-access-key-id", re.compile(r"\b(?:AKIA|ASIA|ABIA|ACCA)[0-9A-Z]{16}\b")),
    ("private-key", re.compile(r"-----BEGIN (?:[A-Z0-9]+ )*PRIVATE KEY(?: BLOCK)?-----")),
    ("github-token", re.compile(r"\b(?:gh[pousr]_[0-9A-Za-z]{36,}|github_pat_[0-9A-Za-z_]{60,})")),
    ("slack-token", re.compile(r"\bxox[abposre]-[0-9A-Za-z-]{10,}")),
    ("slack-webhook", re.compile(r"hooks\.slack\.com/services/T[0-9A-Z]+/B[0-9A-Z]+/[0-9A-Za-z]{20,}")),
    ("stripe-key", re.compile(r"\b[sr]k_(?:live|test)_[0-9A-Za-z]{16,}")),
    ("jwt", re.compile(r"\beyJ[0-9A-Za-z_-]{10,}\.eyJ[0-9A-Za-z_-]{10,}\.[0-9A-Za-z_-]{10,}")),
    ("google-api-key", re.compile(r"\bAIza[0-9A-Za-z_-]{35}")),
    ("sendgrid-key", re.compile(r"\bSG\.[0-9A-Za-z_-]{22}\.[0-9A-Za-z_-]{43}")),
    ("npm-token", re.compile(r"\bnpm_[0-9A-Za-z]{36}\b")),
    ("pypi-token", re.compile(r"\bpypi-AgE[0-9A-Za-z_-]{50,}")),
    ("vault-token", re.compile(r"\bhv[sb]\.[0-9A-Za-z_-]{24,}")),
    ("openai-key", re.compile(r"\bsk-(?:proj-)?[0-9A-Za-z_-]{40,}")),
    ("webhook-secret", re.compile(r"\bwhsec_[0-9A-Za-z+/=]{24,}")),
    ("azure-account-key", re.compile(r"AccountKey=[0-9A-Za-z+/]{80,}")),
)
TOKEN_ANY = re.compile("|".join(f"(?:{p.pattern})" for _, p in _TOKEN_FORMATS))
"""Every token format at once: a quick test (and what redaction replaces inside a string)."""

# name <sep> value, where sep is "=" or ": " (YAML/JSON/header); a name right after ":" is a path part.
_VALUE = r"(?P<value>\"[^\"]*\"|'[^']*'|[^\s;&,'\"<>]+)"
_ASSIGNMENT = re.compile(r"(?<![\w.:/-])(?P<name>[A-Za-z_][\w.-]*)[\"']?\s*(?:=\s*|:(?=[\s\"'])\s*)" + _VALUE)
_XML = re.compile(r"<(?P<name>[A-Za-z_][\w.-]*)>(?P<value>[^<]+)</(?P=name)>")
_CONFIG_SET = re.compile(r"\bconfig(?:ure)?\s+set\s+(?P<name>\S+)\s+" + _VALUE)
_FLAG = re.compile(r"(?:^|\s)--(?P<name>[A-Za-z][\w-]*)(?:=|\s+)" + _VALUE)
_CLI_PASSWORDS: tuple[re.Pattern[str], ...] = (
    re.compile(r"\bmysql(?:dump|admin)?\b.*?\s-p(?P<value>[^\s-]\S*)"),
    re.compile(r"\blogin\b[^|]*?\s-p\s+" + _VALUE),  # docker/podman/helm/az/oc/cf login -p
    re.compile(r"\b(?:machine|login)\s+\S+.*?\bpassword\s+" + _VALUE),  # .netrc
    re.compile(r"\bsshpass\s+-p\s*" + _VALUE),
    re.compile(r"[\"']?[^\s:\"']+:(?P<value>[^\s\"']+)[\"']?\s*\|\s*(?:sudo\s+)?chpasswd"),
    re.compile(r"\bhtpasswd\s+(?:-\w+\s+)*-\w*b\w*\s+(?:-\w+\s+)*\S+\s+\S+\s+" + _VALUE),
    re.compile(r"\s(?:-u|--user)\s+[\"']?[^\s:\"']+:(?P<value>[^\s\"']+)"),
    re.compile(r"\bnet\s+user\s+\S+\s+(?P<value>[^\s/]\S*)"),
)
_BASIC_AUTH = re.compile(r"(?:\bBasic\s+|[\"']auth[\"']\s*:\s*[\"'])(?P<value>[A-Za-z0-9+/]{8,}={0,2})")
_MAY_ASSIGN = re.compile(r"[=:>]|--")
_MAY_CLI = re.compile(r"mysql|login|sshpass|chpasswd|htpasswd|-u\s|--user|net\s+user|machine")
_MAY_BASIC = re.compile(r"Basic|auth")
# scheme://user:PASSWORD@host, the password as group "value"
URL_PASSWORD = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*://[^/\s:@\"']*:(?P<value>[^/\s@\"']+)@[^\s\"']")
_BARE = re.compile(r"(?<![A-Za-z0-9+/_=-])[A-Za-z0-9+/_-]{32,100}={0,2}(?![A-Za-z0-9+/_=-])")
_PUBLIC_KEY = re.compile(r"\b(?:ssh-(?:rsa|dss|ed25519)|ecdsa-sha2-\S+|sk-ssh-\S+)\s+AAAA")
_PEM_PUBLIC = re.compile(
    r"-----BEGIN (?:CERTIFICATE|PUBLIC KEY|[A-Z ]*PUBLIC KEY|X509 CRL|CERTIFICATE REQUEST)-----"
)
_PEM_END = re.compile(r"-----END [A-Z0-9 ]+-----")
_PEM_BODY = re.compile(r"^\s*[A-Za-z0-9+/]+={0,2}\s*$")

_WORDS = re.compile(r"[A-Z]+(?![a-z])|[A-Z]?[a-z]+|[0-9]+")
_PASSWORD_WORDS = frozenset({"password", "passwd", "pwd", "pw", "pass", "passphrase", "passcode"})
_CREDENTIAL_WORDS = frozenset(
    {"secret", "token", "apikey", "authtoken", "privatekey", "secretkey", "accesskey", "credential"}
)
_KEY_QUALIFIERS = frozenset(
    {
        "api", "secret", "private", "signing", "encryption", "encrypt", "hmac", "master", "license",
        "app", "access", "account", "session", "client", "auth", "webhook", "jwt", "crypto", "cipher",
    }
)  # fmt: skip
_META_LAST = frozenset(
    {
        "arn", "arns", "name", "names", "id", "ids", "path", "file", "files", "param", "parameter", "ssm",
        "url", "uri", "endpoint", "ttl", "seconds", "minutes", "hours", "length", "days", "age", "enabled",
        "required", "type", "types", "units", "validity", "policy", "mode", "algorithm", "reset",
        "prevention", "used", "version", "rotation", "location", "ref", "field", "header", "prefix",
        "count", "expiry", "expiration", "expires", "format", "min", "max", "lifetime", "source", "stdin",
        "hint", "tokens", "secrets", "region", "bucket", "store", "manager", "provider", "status", "size",
        "flag", "option", "options", "set", "changed", "created", "date", "time", "template", "owner",
        "team", "contact", "email", "description", "classification", "level", "tier", "scope", "group",
        "label", "category", "purpose", "note", "notes", "comment", "rule", "rules",
    }
)  # fmt: skip
_META_FIRST = frozenset(
    {
        "require", "requires", "manage", "allow", "enable", "disable", "min", "minimum", "max",
        "maximum", "hard", "expire", "no", "http", "use", "is", "has",
    }
)  # fmt: skip

_REFERENCE = re.compile(
    r"^(?:arn:aws[a-z-]*:|\{\{|\$\(|\$\{\{|!(?:Ref|Sub|GetAtt|Join|ImportValue|Select|If|FindInMap)\b|"
    r"\(\(|[A-Za-z_][\w.]*\(|(?:ssm|ssm-secure|secretsmanager|resolve|vault|file|env):|"
    r"/aws/reference/|(?:var|data|local|module|each|random_password|random_string)\.|"
    r"os\.(?:environ|getenv)|process\.env|ENV\[|getenv\(|lookup\(|System\.getenv|"
    r"[a-z_][a-z0-9_]*\.[a-z0-9_-]+\.[a-z_][a-z0-9_.]*$)",
)
_PLACEHOLDER_WORDS = frozenset(
    {
        "changeme", "change_me", "change-me", "replaceme", "replace_me", "replace-me", "todo", "tbd",
        "fixme", "none", "null", "nil", "undefined", "example", "placeholder", "redacted", "secret",
        "password", "token", "dummy", "sample", "default", "empty", "unset", "string", "true", "false",
        "yes", "no", "on", "off", "enabled", "disabled", "required", "optional",
    }
)  # fmt: skip
_PLACEHOLDER = re.compile(
    r"^(?:<[^>]*>|\[[^\]]*\]|x{3,}|X{3,}|\*{3,}.*|\.{3,}|-+|_+|#+|(?:your|enter|insert|put)[-_ ].*|.*[-_]here|"
    r"\*+redacted\*+)$",
    re.IGNORECASE,
)


@dataclass(frozen=True)
class SecretHit:
    """Where a secret was seen (a variable name or a line number) and which detector saw it."""

    where: str
    detector: str


def _entropy(value: str) -> float:
    counts = {c: value.count(c) for c in set(value)}
    return -sum(n / len(value) * math.log2(n / len(value)) for n in counts.values())


def _words(name: str) -> list[str]:
    return [w.lower() for w in _WORDS.findall(name.rsplit("/", 1)[-1])]


def _kind_of_words(words: list[str]) -> str | None:
    kind: str | None = None
    for i, word in enumerate(words):
        if word in _PASSWORD_WORDS or word.endswith(("password", "passwd")):
            return PASSWORD
        qualified_key = word == "key" and i > 0 and words[i - 1] in _KEY_QUALIFIERS
        if qualified_key or word in _CREDENTIAL_WORDS or word.endswith(("secret", "token")):
            kind = CREDENTIAL
    return kind


def _names_setting(words: list[str]) -> bool:
    return bool(words) and (words[-1] in _META_LAST or words[0] in _META_FIRST)


@lru_cache(maxsize=8192)
def secret_name_kind(name: str) -> str | None:
    """``"password"`` or ``"credential"`` when a variable's or key's name says it holds one, else None.

    Names are split into words (``DB_PASSWORD``, ``clientSecret``, ``X-API-Key``); a settings word ends
    the name (``TokenValidityUnits``, ``DB_PASSWORD_ARN``, ``SECRET_ROTATION_DAYS``) or starts it
    (``RequireSymbols``, ``HttpTokens``, ``ManageMasterUserPassword``): then the value is not the secret.
    """
    words = _words(name)
    return None if _names_setting(words) else _kind_of_words(words)


@lru_cache(maxsize=8192)
def names_secret_setting(name: str) -> bool:
    """True for a name about a secret that holds a setting, not the secret (``PasswordPolicy``, ``HttpTokens``)."""
    words = _words(name)
    return _names_setting(words) and (
        _kind_of_words(words) is not None or words[-1] in ("tokens", "secrets", "passwords")
    )


def _unquote(value: str) -> str:
    v = value.strip().rstrip(",;")
    if len(v) >= 2 and v[0] == v[-1] and v[0] in "\"'":
        v = v[1:-1]
    return v.strip()


def _looks_random(value: str) -> bool:
    """Mixed case and digits over 16+ characters: key material rather than words or paths."""
    return (
        len(value) >= 16
        and any(c.isupper() for c in value)
        and any(c.islower() for c in value)
        and any(c.isdigit() for c in value)
        and _entropy(value) >= 3.5
    )


_VARIABLE = re.compile(r"\$\{[^}]*\}|\$[A-Za-z_]\w*|%[A-Za-z_]\w*%")


def _only_variables(value: str) -> bool:
    """True when a value is made of shell/Terraform/Windows variables and separators only (``${DB}:$PORT``).

    A literal that merely starts with ``$`` or ``%X%`` (``$uperS3cret!``) is not a reference.
    """
    rest = _VARIABLE.sub("", value)
    return rest != value and re.fullmatch(r"[\s:/@.,;=_-]*", rest) is not None


def is_reference(value: str, *, strict: bool = False) -> bool:
    """True for a reference to a secret (or an expression that yields one), not the secret itself.

    ``strict`` (for redaction, where a wrong "reference" would show a password) accepts a bare path only
    when it starts with ``/`` or has three parts (``/prod/db/password``, ``prod/db/credentials``), not
    ``ab/cd``.
    """
    v = _unquote(value).lstrip("\\")
    if _REFERENCE.match(v) or _only_variables(v):
        return True
    if "/" not in v or " " in v or "://" in v or _looks_random(v.replace("/", "")):
        return False
    return not strict or v.startswith("/") or v.count("/") >= 2


def is_placeholder(value: str) -> bool:
    """True for an empty value, a marker that only says "fill me in", a boolean or a small number."""
    v = _unquote(value)
    return (
        not v
        or v.lower() in _PLACEHOLDER_WORDS
        or bool(_PLACEHOLDER.match(v))
        or (v.isdigit() and len(v) < 6)
    )


def is_literal_secret(value: str, kind: str | None) -> bool:
    """True when ``value``, held under a name of ``kind``, is a literal secret rather than a reference.

    A value that opens a structure (``{``, ``[``) is not itself a literal: what it holds is read as its own
    name/value pairs.
    """
    v = _unquote(value)
    if v.startswith(("{", "[")) or is_placeholder(v) or is_reference(v):
        return False
    if kind == PASSWORD:
        return len(v) >= 4
    return len(v) >= 8 and _entropy(v) >= 2.5


def token_format(text: str) -> str | None:
    """The label of the first known token format found in ``text``."""
    if not TOKEN_ANY.search(text):
        return None
    return next(label for label, pattern in _TOKEN_FORMATS if pattern.search(text))


def _pairs(line: str) -> Iterator[tuple[str, str]]:
    for pattern in (_ASSIGNMENT, _XML, _CONFIG_SET, _FLAG):
        for m in pattern.finditer(line):
            yield m.group("name"), m.group("value")


def _bare_secret(line: str) -> bool:
    if _PUBLIC_KEY.search(line):
        return False
    for m in _BARE.finditer(line):
        token = m.group(0)
        if _looks_random(token) and _entropy(token) >= 4.0 and not token.startswith(("AAAA", "H4sI")):
            return True
    return False


def line_hits(line: str) -> list[tuple[str, str]]:
    """``(name or "", detector)`` for each kind of secret in one line; values are never returned.

    Each detector runs only when a cheap test says it could match, so ordinary script lines cost little.
    """
    hits: list[tuple[str, str]] = []
    label = token_format(line)
    if label:
        hits.append(("", label))
    if _MAY_ASSIGN.search(line):
        for name, value in _pairs(line):
            kind = secret_name_kind(name)
            if kind and is_literal_secret(value, kind):
                hits.append((name, "secret-assignment"))
                break
    if "://" in line and any(
        is_literal_secret(m.group("value"), PASSWORD) for m in URL_PASSWORD.finditer(line)
    ):
        hits.append(("", "url-password"))
    elif _MAY_CLI.search(line) and any(
        (m := p.search(line)) is not None and is_literal_secret(m.group("value"), PASSWORD)
        for p in _CLI_PASSWORDS
    ):
        hits.append(("", "command-line-password"))
    basic = _BASIC_AUTH.finditer(line) if not hits and _MAY_BASIC.search(line) else iter(())
    if any(_basic_credentials(m.group("value")) for m in basic):
        hits.append(("", "basic-auth"))
    if not hits and _bare_secret(line):
        hits.append(("", "high-entropy-string"))
    return hits


def _basic_credentials(encoded: str) -> bool:
    """True when ``encoded`` is base64 of ``user:password`` with a literal password."""
    try:
        text = base64.b64decode(encoded, validate=True).decode("utf-8")
    except (binascii.Error, ValueError):
        return False
    user, sep, password = text.partition(":")
    return bool(sep and user and password.isprintable() and is_literal_secret(password, PASSWORD))


def scan_text(text: str, where: str = "") -> list[SecretHit]:
    """Secrets in free text (user data, scripts); ``where`` prefixes the line number.

    The base64 body of a certificate or public-key PEM block is skipped (public material); any other line
    ends the block, so an unterminated header cannot hide what follows.
    """
    hits: list[SecretHit] = []
    in_public_pem = False
    for number, line in enumerate(text.splitlines(), start=1):
        loc = f"{where}line {number}" if where else f"line {number}"
        if _PEM_PUBLIC.search(line):
            in_public_pem = True
            continue
        if in_public_pem:
            if _PEM_END.search(line):
                in_public_pem = False
                continue
            if _PEM_BODY.match(line):
                continue
            in_public_pem = False
        for name, label in line_hits(line):
            hits.append(SecretHit(f"{loc} ({name})" if name else loc, label))
    return hits


def scan_variables(variables: Mapping[str, object]) -> list[SecretHit]:
    """Secrets in name/value pairs (Lambda or container environment, stack outputs and parameters)."""
    hits: list[SecretHit] = []
    for name, raw in variables.items():
        if raw is None or isinstance(raw, bool):
            continue
        value = str(raw)
        label = token_format(value)
        if label is None:
            kind = secret_name_kind(str(name))
            if kind and is_literal_secret(value, kind):
                label = "secret-named-variable"
            else:  # read as the line NAME=VALUE would be: embedded URLs, connection strings, flags
                lines = f"{name}={value}".splitlines()
                found = [d for line in lines for _, d in line_hits(line)]
                label = found[0] if found else None
        if label:
            hits.append(SecretHit(str(name), label))
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
