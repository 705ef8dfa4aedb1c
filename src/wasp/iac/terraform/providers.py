"""``provider "aws"`` blocks read as resources, so rules can judge how a configuration authenticates.

Each block that sets credentials (``access_key``, ``secret_key``, ``token``; an ``alias`` gives
``provider.aws.ALIAS``) becomes a Terraform resource of type ``provider.aws``; one that leaves them to the
environment, a profile or a role has nothing to judge and is left out, as are other providers' blocks.
:mod:`wasp.iac.terraform.mappings.providers` keeps only whether credentials are written in it, never their values.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from wasp.iac.terraform.expressions import _trees, name_of
from wasp.iac.terraform.model import TfResource
from wasp.iac.terraform.skips import comment_skips
from wasp.model import OriginKind

if TYPE_CHECKING:
    from wasp.iac.terraform.hcl import Module

PROVIDER_TYPE = "provider.aws"
"""The Terraform type an AWS provider block is read as."""
CREDENTIALS = ("access_key", "secret_key", "token")
"""The provider arguments that hold credentials."""


def provider_resources(module: Module) -> list[TfResource]:
    """The module's ``provider "aws"`` blocks, evaluated in its scope (a block that cannot be is reported)."""
    from wasp.iac.terraform.hcl import _EVALUATION_ERRORS, _body_values, _reason

    out: list[TfResource] = []
    for block in module.blocks:
        if block.kind != "provider" or block.labels != ["aws"]:
            continue
        if not any(
            n.data == "attribute" and name_of(_trees(n)[0]) in CREDENTIALS for n in _trees(block.body)
        ):
            continue
        try:
            values, refs = _body_values(block.body, module.scope(), module)
        except _EVALUATION_ERRORS as exc:
            module.errors.append(
                f"{block.file}:{block.line}: {module.address}provider.aws cannot be evaluated ({_reason(exc)})"
            )
            continue
        alias = values.get("alias")
        suffix = f".{alias}" if isinstance(alias, str) and alias else ""
        out.append(
            TfResource(
                type=PROVIDER_TYPE,
                address=f"{module.address}{PROVIDER_TYPE}{suffix}",
                values=values,
                file=str(block.file),
                line=block.line,
                kind=OriginKind.TERRAFORM,
                refs=refs,
                skips=comment_skips(module.lines.get(block.file, []), block.line, block.end_line),
            )
        )
    return out
