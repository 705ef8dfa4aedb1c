"""OpenSearch and Elasticsearch domains (``aws_opensearch_domain``, ``aws_elasticsearch_domain``) as
``AWS::OpenSearchService::Domain`` and ``AWS::Elasticsearch::Domain``: the properties the rules read have the same
names and shapes in both types."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from wasp.iac.terraform.shapes import Props, Values, block, blocks, pick, tags, truthy


def _enabled(v: Values, name: str) -> dict[str, Any]:
    """A ``{ enabled }`` block as ``{Enabled}``; absent when the block is."""
    found = block(v.get(name))
    return {"Enabled": truthy(found.get("enabled", False))} if found else {}


def _logs(v: Values) -> dict[str, Any]:
    """``log_publishing_options`` blocks (``enabled`` defaults to true) keyed by log type, as CloudFormation."""
    out: dict[str, Any] = {}
    for entry in blocks(v.get("log_publishing_options")):
        out[str(entry.get("log_type"))] = {
            "CloudWatchLogsLogGroupArn": entry.get("cloudwatch_log_group_arn"),
            "Enabled": truthy(entry.get("enabled", True)),
        }
    return out


def domain(v: Values) -> Props:
    """``aws_opensearch_domain`` / ``aws_elasticsearch_domain`` as ``AWS::OpenSearchService::Domain``."""
    props = pick(
        v,
        {
            "domain_name": "DomainName",
            "engine_version": "EngineVersion",
            "elasticsearch_version": "EngineVersion",
        },
    )
    rest = block(v.get("encrypt_at_rest"))
    if rest:
        props["EncryptionAtRestOptions"] = {
            "Enabled": truthy(rest.get("enabled", False)),
            **pick(rest, {"kms_key_id": "KmsKeyId"}),
        }
    props["NodeToNodeEncryptionOptions"] = _enabled(v, "node_to_node_encryption")
    endpoint = block(v.get("domain_endpoint_options"))
    props["DomainEndpointOptions"] = pick(
        endpoint, {"enforce_https": "EnforceHTTPS", "tls_security_policy": "TLSSecurityPolicy"}
    )
    props["LogPublishingOptions"] = _logs(v)
    props["AdvancedSecurityOptions"] = _enabled(v, "advanced_security_options")
    vpc = block(v.get("vpc_options"))
    props["VPCOptions"] = pick(vpc, {"subnet_ids": "SubnetIds", "security_group_ids": "SecurityGroupIds"})
    return {**props, "Tags": tags(v.get("tags"))}


MAPPINGS: dict[str, tuple[str, Callable[[Values], Props]]] = {
    "aws_opensearch_domain": ("AWS::OpenSearchService::Domain", domain),
    "aws_elasticsearch_domain": ("AWS::Elasticsearch::Domain", domain),
}
"""Terraform type -> (CloudFormation type, properties from the Terraform values)."""
