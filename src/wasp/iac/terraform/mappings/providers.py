"""The ``provider "aws"`` block (read by :mod:`wasp.iac.terraform.providers`) as ``WASP::Terraform::AwsProvider``.

Only whether a credential is written in the configuration is kept, never its value: ``"(literal)"`` for a
value the configuration itself holds (a string, or a variable's default), the unknown marker for one it does
not (a variable without a value, an environment lookup at apply). Profiles, shared credential files and
roles to assume are named as set, since they carry no secret.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from wasp.iac.terraform.providers import PROVIDER_TYPE
from wasp.iac.terraform.shapes import Props, Values, block
from wasp.model import Unresolved

LITERAL = "(literal)"
"""What a credential written in the configuration becomes (its value is never kept)."""
_CREDENTIALS = {"access_key": "AccessKey", "secret_key": "SecretKey", "token": "SessionToken"}


def _written(value: Any) -> Any:
    """``(literal)`` for a value in the configuration, the unknown marker as it is, None when unset."""
    if value is None or value == "":
        return None
    if isinstance(value, Unresolved):
        return value
    return LITERAL


def aws_provider(v: Values) -> Props:
    """``provider "aws"`` as ``WASP::Terraform::AwsProvider``."""
    props: Props = {
        name: _written(v.get(attr)) for attr, name in _CREDENTIALS.items() if v.get(attr) is not None
    }
    if v.get("alias") is not None:
        props["Alias"] = v["alias"]
    if v.get("profile") is not None:
        props["Profile"] = "(set)"
    if v.get("shared_credentials_files") is not None or v.get("shared_credentials_file") is not None:
        props["SharedCredentialsFiles"] = "(set)"
    if block(v.get("assume_role")):
        props["AssumeRole"] = "(set)"
    return props


MAPPINGS: dict[str, tuple[str, Callable[[Values], Props]]] = {
    PROVIDER_TYPE: ("WASP::Terraform::AwsProvider", aws_provider),
}
"""Terraform type -> (type, properties from the Terraform values)."""
