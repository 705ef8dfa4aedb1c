"""EKS clusters envelope-encrypt Kubernetes secrets with a KMS key."""

from wasp.model import Severity, Unresolved
from wasp.model.rule import (
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    Verdict,
    contains_unresolved,
    failed,
    passed,
    unknown,
)
from wasp.rules._expect import examples
from wasp.rules._shape import expect_type, is_text, items

META = RuleMeta(
    title="EKS clusters encrypt Kubernetes secrets with KMS",
    severity=Severity.MEDIUM,
    best_practices=("SEC08-BP02",),
    resource_type="AWS::EKS::Cluster",
    description="Without envelope encryption, Kubernetes secrets sit in etcd protected only by the volume "
    "encryption AWS applies; a KMS key adds a second layer whose use is logged and can be revoked.",
    remediation=Remediation(
        console="EKS > Clusters > CLUSTER > Overview > Secrets encryption > Enable, choose a KMS key.",
        cli="aws eks associate-encryption-config --cluster-name CLUSTER --encryption-config "
        '\'[{"resources":["secrets"],"provider":{"keyArn":"KEY_ARN"}}]\'',
        cloudformation="EncryptionConfig: [{Resources: [secrets], Provider: {KeyArn: !GetAtt Key.Arn}}]",
        terraform='encryption_config { resources = ["secrets"]  provider { key_arn = aws_kms_key.eks.arn } }',
    ),
    checkov=("CKV_AWS_58",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """A config covering ``secrets`` with a key; a key known only after deploy (``!GetAtt Key.Arn``) counts."""
    configs = view.peek("EncryptionConfig", [])
    if not isinstance(configs, list):
        view.get("EncryptionConfig")  # the whole setting is unknown: raises, so the verdict is unknown
        items(view, "EncryptionConfig")  # of the wrong type: raises
    undecided = False
    for i, c in enumerate(configs):
        if not isinstance(c, dict):
            expect_type(f"EncryptionConfig.{i}", c, lambda v: isinstance(v, dict), "a mapping")
            continue
        expect_type(
            f"EncryptionConfig.{i}.Provider.KeyArn",
            (c.get("Provider") or {}).get("KeyArn"),
            is_text,
            "a KMS key ARN",
        )
        resources = c.get("Resources")
        if contains_unresolved(resources) is not None:
            undecided = True
        elif "secrets" in (resources or []) and (c.get("Provider") or {}).get("KeyArn") is not None:
            return passed("secrets encrypted with a KMS key")
    if undecided:
        return unknown(f"EKS cluster {view.id}: which resources are encrypted is known only at deploy time")
    return failed(f"EKS cluster {view.label('Name')} does not encrypt Kubernetes secrets with KMS")


_KEY = {"KeyArn": "arn:aws:kms:eu-west-2:111122223333:key/k"}
EXAMPLES = examples(
    "AWS::EKS::Cluster",
    passing=[
        ("secrets", {"EncryptionConfig": [{"Resources": ["secrets"], "Provider": _KEY}]}),
        (
            "key-after-deploy",
            {"EncryptionConfig": [{"Resources": ["secrets"], "Provider": {"KeyArn": Unresolved("GetAtt")}}]},
        ),
    ],
    failing=[("absent", {"Name": "prod"}), ("no-key", {"EncryptionConfig": [{"Resources": ["secrets"]}]})],
)
