"""Keep secret values out of evidence, reports, snapshots and the audit log, and keep every other fact.

A value is hidden when its key's name says it holds a secret (``DB_PASSWORD``, ``clientSecret``,
``SecretString``), when it is the ``Value`` of a name/value pair or tag whose name does (``{"Key":
"api_token", "Value": ...}``), or when it contains a known token format or a URL password. Settings
under secret-ish names stay visible (``HttpTokens``, ``TokenValidityUnits``, ``MinimumPasswordLength``,
``KmsKeyId``, ``SecretArn``, ``AuthorizationType``): the name rules live in :mod:`wasp.model.secrets`.
A reference under a secret name (an ARN, ``{{resolve:...}}``, a parameter path) is a fact, not a secret,
and stays too. Names are always kept.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from typing import Any

from wasp.model.secrets import TOKEN_ANY, URL_PASSWORD, is_reference, names_secret_setting, secret_name_kind

REDACTED = "***redacted***"

_BLOB_NAMES = frozenset({"userdata", "connectionstring", "authorization", "cookie", "setcookie"})
"""Keys whose whole value is a script or header that may embed a secret: hidden whatever it holds."""
_PAIR_NAMES = ("Key", "key", "Name", "name", "ParameterKey", "OutputKey", "TagKey", "OptionName")
_PAIR_VALUES = ("Value", "value", "ParameterValue", "OutputValue", "TagValue")
PAIR_VALUES = frozenset(_PAIR_VALUES)
"""Keys holding the value of a name/value pair (a mapping with one is judged as a pair)."""
_MAY_HOLD = re.compile(
    r"://|AKIA|ASIA|ABIA|ACCA|-----BEGIN|gh[pousr]_|github_pat_|xox|hooks\.slack|[sr]k_|eyJ|AIza|SG\.|npm_|"
    r"pypi-|hv[sb]\.|sk-|whsec_|AccountKey="
)
"""The fixed start of every token format (and of a URL): most evidence strings need no further look.

Kept in step with ``wasp.model.secrets._TOKEN_FORMATS`` by tests/test_redact.py."""
_SCALARS = (bool, int, float, type(None))


@lru_cache(maxsize=4096)
def is_secret_name(name: str) -> bool:
    """True when a key's name (or a dotted evidence path's last part) says its value is a secret.

    Parts of the path under a settings block do not count (``TokenValidityUnits.AccessToken``).
    """
    if "::" in name:  # a neighbour's evidence, "<type>/<id>:<path>": the id (dots, colons, words) is no name
        name = name.rsplit(":", 1)[-1]
    *parents, last = name.split(".")
    if any(_is_settings_name(p) for p in parents):  # TokenValidityUnits.AccessToken
        return False
    flat = re.sub(r"[^a-z]", "", last.lower())
    return flat in _BLOB_NAMES or secret_name_kind(last) is not None


def _is_blob(name: str) -> bool:
    return re.sub(r"[^a-z]", "", name.rsplit(":", 1)[-1].rsplit(".", 1)[-1].lower()) in _BLOB_NAMES


def _hide(value: str, name: str) -> str:
    """A string under a secret name: hidden unless empty, already hidden, or a reference (kept, it is a fact)."""
    if not value.strip() or value == REDACTED:
        return value
    if not _is_blob(name) and is_reference(value, strict=True):
        return value
    return REDACTED


def redact_text(text: str) -> str:
    """``text`` with token-format secrets and URL passwords replaced; everything else kept."""
    if len(text) < 8 or not _MAY_HOLD.search(text):
        return text
    out = TOKEN_ANY.sub(REDACTED, text)
    if "://" in out:
        out = URL_PASSWORD.sub(_hide_url_password, out)
    return out


def _hide_url_password(m: re.Match[str]) -> str:
    if is_reference(m.group("value")):
        return m.group(0)
    start, end = m.span("value")
    whole = m.group(0)
    return whole[: start - m.start()] + REDACTED + whole[end - m.start() :]


def _redact_pair(pair: dict[Any, Any]) -> dict[Any, Any]:
    """A ``{Key|Name: ..., Value: ...}`` mapping with its value hidden when the key names a secret."""
    label = next((pair[k] for k in _PAIR_NAMES if isinstance(pair.get(k), str)), None)
    if label is None or not is_secret_name(label):
        return pair
    for k in _PAIR_VALUES:
        if isinstance(pair.get(k), str):
            pair[k] = _hide(pair[k], label)
    return pair


def redact(value: Any, name: str = "", *, _settings: bool = False) -> Any:
    """Return a copy of ``value`` with secret values replaced by a marker; structure, names and settings stay.

    Inside a settings block (a key naming a secret *setting*: ``TokenValidityUnits``, ``PasswordPolicy``)
    the keys are settings too (``{"AccessToken": "hours"}``): only token formats are cut out there.
    """
    kind = type(value)
    if kind is str:
        if name and not _settings and is_secret_name(name):
            return _hide(value, name)
        return redact_text(value)
    if kind in _SCALARS:
        return value
    if kind is dict or (kind is not list and isinstance(value, Mapping)):  # (a list skips the ABC's check)
        inner = _settings or _is_settings_name(name)
        out = {}
        for k, v in value.items():
            item = type(v)
            if item in _SCALARS:  # most evidence: what the recursive call would return, without the call
                out[k] = v
            elif item is str:
                key = str(k)
                out[k] = _hide(v, key) if key and not inner and is_secret_name(key) else redact_text(v)
            else:
                out[k] = redact(v, str(k), _settings=inner)
        return out if out.keys().isdisjoint(_PAIR_VALUES) else _redact_pair(out)
    if kind is list or isinstance(value, (list, tuple)):
        return [redact(v, name, _settings=_settings) for v in value]
    if isinstance(value, str):  # a str subclass
        return redact(str(value), name, _settings=_settings)
    return value


@lru_cache(maxsize=4096)
def _is_settings_name(name: str) -> bool:
    """A key about a secret that holds settings (``PasswordPolicy``, ``TokenValidityUnits``)."""
    return bool(name) and names_secret_setting(name)


def redact_tags(properties: Mapping[str, Any]) -> dict[str, Any]:
    """``properties`` with the values of secret-named tags hidden (``Tags``, ``TagSet``, ``FileSystemTags``, ...).

    For stores of whole resources (snapshots), where the other properties must stay as collected.
    """
    return {k: redact(v) if k.endswith(("Tags", "TagSet", "TagList")) else v for k, v in properties.items()}
