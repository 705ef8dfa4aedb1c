"""AWS WAF Classic web ACLs (global and regional) as ``WASP::WAF::WebACL``: CloudFormation's classic types
cannot set logging, so only Terraform's are read, with their logging destination."""

from __future__ import annotations

from collections.abc import Callable

from wasp.iac.terraform.shapes import Props, Values, block, pick


def classic_web_acl(v: Values) -> Props:
    """``aws_waf_web_acl`` / ``aws_wafregional_web_acl`` with its ``logging_configuration`` block."""
    props = pick(v, {"name": "Name", "metric_name": "MetricName"})
    logging = block(v.get("logging_configuration"))
    if logging:
        props["LoggingConfiguration"] = pick(logging, {"log_destination": "LogDestination"})
    return props


MAPPINGS: dict[str, tuple[str, Callable[[Values], Props]]] = {
    "aws_waf_web_acl": ("WASP::WAF::WebACL", classic_web_acl),
    "aws_wafregional_web_acl": ("WASP::WAF::WebACL", classic_web_acl),
}
"""Terraform type -> (type, properties from the Terraform values)."""
