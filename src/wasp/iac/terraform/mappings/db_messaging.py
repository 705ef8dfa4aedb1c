"""MSK and Amazon MQ ``aws_*`` types in CloudFormation shape."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from wasp.iac.terraform.shapes import Props, Values, block, pick, tags, truthy


def _enabled(v: Values, name: str) -> dict[str, Any]:
    found = block(v.get(name))
    return {"Enabled": truthy(found.get("enabled", False))} if found else {}


def _client_authentication(auth: Values) -> dict[str, Any]:
    """``client_authentication`` (sasl iam/scram booleans, tls CAs, unauthenticated) in CloudFormation shape."""
    sasl = block(auth.get("sasl"))
    tls = block(auth.get("tls"))
    out: dict[str, Any] = {
        "Sasl": {
            k: {"Enabled": truthy(sasl[t])} for k, t in (("Iam", "iam"), ("Scram", "scram")) if t in sasl
        }
    }
    if tls:
        out["Tls"] = pick(tls, {"certificate_authority_arns": "CertificateAuthorityArnList"})
    if auth.get("unauthenticated") is not None:
        out["Unauthenticated"] = {"Enabled": truthy(auth["unauthenticated"])}
    return out


def msk(v: Values) -> Props:
    """``aws_msk_cluster`` as ``AWS::MSK::Cluster``: encryption, broker logs and public access."""
    props = pick(v, {"cluster_name": "ClusterName", "kafka_version": "KafkaVersion"})
    encryption = block(v.get("encryption_info"))
    transit = block(encryption.get("encryption_in_transit"))
    props["EncryptionInfo"] = {
        "EncryptionInTransit": pick(transit, {"client_broker": "ClientBroker", "in_cluster": "InCluster"}),
        "EncryptionAtRest": pick(encryption, {"encryption_at_rest_kms_key_arn": "DataVolumeKMSKeyId"}),
    }
    broker = block(block(v.get("logging_info")).get("broker_logs"))
    props["LoggingInfo"] = {
        "BrokerLogs": {
            "CloudWatchLogs": _enabled(broker, "cloudwatch_logs"),
            "Firehose": _enabled(broker, "firehose"),
            "S3": _enabled(broker, "s3"),
        }
    }
    props["ClientAuthentication"] = _client_authentication(block(v.get("client_authentication")))
    public = block(
        block(block(v.get("broker_node_group_info")).get("connectivity_info")).get("public_access")
    )
    props["BrokerNodeGroupInfo"] = {"ConnectivityInfo": {"PublicAccess": pick(public, {"type": "Type"})}}
    return {**props, "Tags": tags(v.get("tags"))}


def mq(v: Values) -> Props:
    """``aws_mq_broker`` as ``AWS::AmazonMQ::Broker``."""
    props = pick(
        v,
        {
            "broker_name": "BrokerName",
            "engine_type": "EngineType",
            "engine_version": "EngineVersion",
            "publicly_accessible": "PubliclyAccessible",
            "auto_minor_version_upgrade": "AutoMinorVersionUpgrade",
        },
    )
    props.setdefault("PubliclyAccessible", False)
    logs = block(v.get("logs"))
    props["Logs"] = {k.title(): truthy(logs[k]) for k in ("general", "audit") if logs.get(k) is not None}
    encryption = block(v.get("encryption_options"))
    if encryption:
        props["EncryptionOptions"] = pick(
            encryption, {"kms_key_id": "KmsKeyId", "use_aws_owned_key": "UseAwsOwnedKey"}
        )
    return {**props, "Tags": tags(v.get("tags"))}


MAPPINGS: dict[str, tuple[str, Callable[[Values], Props]]] = {
    "aws_msk_cluster": ("AWS::MSK::Cluster", msk),
    "aws_mq_broker": ("AWS::AmazonMQ::Broker", mq),
}
"""Terraform type -> (CloudFormation type, properties from the Terraform values)."""
