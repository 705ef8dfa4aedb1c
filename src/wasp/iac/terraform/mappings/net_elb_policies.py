"""Classic Load Balancer policies (``aws_load_balancer_policy``) folded into their load balancer's ``Policies``,
as CloudFormation keeps them: name, type and attributes."""

from __future__ import annotations

from collections.abc import Callable

from wasp.iac.terraform.folds import Fold
from wasp.iac.terraform.shapes import Props, Values, blocks, items


def _policy(props: Props, v: Values) -> None:
    entry = {
        "PolicyName": v.get("policy_name"),
        "PolicyType": v.get("policy_type_name"),
        "Attributes": [
            {"Name": a.get("name"), "Value": a.get("value")} for a in blocks(v.get("policy_attribute"))
        ],
    }
    props["Policies"] = [*items(props.get("Policies")), entry]


MAPPINGS: dict[str, tuple[str, Callable[[Values], Props]]] = {}
"""No resource of its own: policies fold into ``aws_elb``."""

FOLDS: dict[str, Fold] = {"aws_load_balancer_policy": Fold("load_balancer_name", ("aws_elb",), _policy)}
"""Split resources folded into their parent."""
