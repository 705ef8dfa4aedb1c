"""Network Firewall policies encrypt with a customer managed KMS key."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._expect import examples, expect, one_of
from wasp.rules._net import live_reads, with_read

META = RuleMeta(
    title="Network Firewall policies use a customer managed key",
    severity=Severity.LOW,
    best_practices=("SEC08-BP01",),
    resource_type="AWS::NetworkFirewall::FirewallPolicy",
    description="A firewall policy's stored rules are encrypted with an AWS owned key unless the policy names a "
    "customer managed key.",
    remediation=Remediation(
        console="VPC > Network Firewall > Firewall policies > POLICY > Customer managed key > Edit.",
        cli="aws network-firewall update-firewall-policy --firewall-policy-name P --update-token T "
        "--encryption-configuration KeyId=KEY_ARN,Type=CUSTOMER_KMS --firewall-policy file://policy.json",
        cloudformation="EncryptionConfiguration: {KeyId: !GetAtt Key.Arn, Type: CUSTOMER_KMS}",
        terraform='encryption_configuration { key_id = aws_kms_key.fw.arn  type = "CUSTOMER_KMS" }',
    ),
    checkov=("CKV_AWS_346",),
)

evaluate = live_reads(
    "FirewallPolicyName",
    expect(
        "EncryptionConfiguration.Type",
        one_of("CUSTOMER_KMS"),
        ok="encrypted with a customer managed key",
        bad="firewall policy {name} uses an AWS owned key",
        default="AWS_OWNED_KMS_KEY",
    ),
)

EXAMPLES = with_read(
    {"FirewallPolicyName": "egress"},
    examples(
        "AWS::NetworkFirewall::FirewallPolicy",
        passing=[("cmk", {"EncryptionConfiguration": {"KeyId": "k", "Type": "CUSTOMER_KMS"}})],
        failing=[("default", {"FirewallPolicy": {}})],
    ),
)
