"""Network Firewall firewalls encrypt with a customer managed KMS key."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._expect import examples, expect, one_of
from wasp.rules._net import live_reads, with_read

META = RuleMeta(
    title="Network firewalls use a customer managed key",
    severity=Severity.LOW,
    best_practices=("SEC08-BP01",),
    resource_type="AWS::NetworkFirewall::Firewall",
    description="A firewall's stored configuration and state are encrypted with an AWS owned key unless a "
    "customer managed key is configured, which keeps their use under your key policy and CloudTrail.",
    remediation=Remediation(
        console="VPC > Network Firewall > FIREWALL > Firewall details > Customer managed key > Edit.",
        cli="aws network-firewall update-firewall-encryption-configuration --firewall-name FW "
        "--encryption-configuration KeyId=KEY_ARN,Type=CUSTOMER_KMS",
        cloudformation="EncryptionConfiguration: {KeyId: !GetAtt FirewallKey.Arn, Type: CUSTOMER_KMS}",
        terraform='encryption_configuration { key_id = aws_kms_key.fw.arn  type = "CUSTOMER_KMS" }',
    ),
    checkov=("CKV_AWS_345",),
)

_evaluate = expect(
    "EncryptionConfiguration.Type",
    one_of("CUSTOMER_KMS"),
    ok="encrypted with a customer managed key",
    bad="network firewall {name} uses an AWS owned key",
    default="AWS_OWNED_KMS_KEY",
)


evaluate = live_reads("FirewallName", _evaluate)

EXAMPLES = with_read(
    {"FirewallName": "fw"},
    examples(
        "AWS::NetworkFirewall::Firewall",
        passing=[
            (
                "cmk",
                {
                    "EncryptionConfiguration": {
                        "KeyId": "arn:aws:kms:eu-west-2:1:key/k",
                        "Type": "CUSTOMER_KMS",
                    }
                },
            )
        ],
        failing=[("default", {"FirewallName": "egress"})],
    ),
)
