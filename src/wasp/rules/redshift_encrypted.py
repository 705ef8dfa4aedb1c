"""Redshift clusters are encrypted at rest."""

from wasp.model import Severity, Unresolved
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._db import unknowns
from wasp.rules._expect import examples, expect, is_true

META = RuleMeta(
    title="Redshift clusters are encrypted at rest",
    severity=Severity.HIGH,
    best_practices=("SEC08-BP02",),
    resource_type="AWS::Redshift::Cluster",
    description="Encryption at rest (KMS) covers the cluster's blocks, system metadata and snapshots. New clusters "
    "are encrypted unless a template sets Encrypted: false; an older unencrypted cluster must be encrypted.",
    remediation=Remediation(
        console="Amazon Redshift > Clusters > CLUSTER > Properties > Database configurations > Edit encryption > KMS.",
        cli="aws redshift modify-cluster --cluster-identifier CLUSTER --encrypted --kms-key-id KEY",
        cloudformation="Encrypted: true, KmsKeyId: !Ref Key",
        terraform="encrypted = true, kms_key_id = aws_kms_key.redshift.arn",
    ),
    checkov=("CKV_AWS_64",),
)

evaluate = expect(
    "Encrypted",
    is_true,
    ok="encrypted at rest",
    bad="Redshift cluster {name} is not encrypted at rest",
    default=True,  # the CreateCluster default since January 2025
)

EXAMPLES = examples(
    "AWS::Redshift::Cluster",
    passing=[("on", {"Encrypted": True}), ("default", {"ClusterType": "multi-node"})],
    failing=[("off", {"Encrypted": "false"})],
) + unknowns(
    "AWS::Redshift::Cluster", ("deploy-time", {"Encrypted": Unresolved("a parameter with no default")})
)
