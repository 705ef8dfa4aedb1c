"""Transfer Family servers use a current security policy."""

from typing import Any

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import unknown_example
from wasp.rules._expect import examples, expect

META = RuleMeta(
    title="Transfer Family servers use a 2024 (or post-quantum) security policy",
    severity=Severity.MEDIUM,
    best_practices=("SEC09-BP02",),
    resource_type="AWS::Transfer::Server",
    description="The default TransferSecurityPolicy-2018-11 still allows SHA-1 and CBC ciphers; the 2024 policies (and the post-quantum SSH ones) drop them.",
    remediation=Remediation(
        console="Transfer Family > Servers > SERVER > Additional details > Edit > Cryptographic algorithm options: TransferSecurityPolicy-2024-01.",
        cli="aws transfer update-server --server-id ID --security-policy-name TransferSecurityPolicy-2024-01",
        cloudformation="SecurityPolicyName: TransferSecurityPolicy-2024-01",
        terraform='security_policy_name = "TransferSecurityPolicy-2024-01"',
    ),
    checkov=("CKV_AWS_380",),
)


def _current_policy(name: Any) -> bool:
    """A policy of 2024 or later, or one of the post-quantum SSH policies of 2023."""
    text = str(name)
    year = text.rsplit("-", 2)[-2] if text.count("-") >= 2 else ""
    return (year.isdigit() and int(year) >= 2024) or "-PQ-SSH-" in text


evaluate = expect(
    "SecurityPolicyName",
    _current_policy,
    ok="security policy {value}",
    bad="Transfer server {name} uses the older security policy {value}",
    default="TransferSecurityPolicy-2018-11",
)

EXAMPLES = (
    *examples(
        "AWS::Transfer::Server",
        passing=[
            ("2024", {"SecurityPolicyName": "TransferSecurityPolicy-2024-01"}),
            ("pq", {"SecurityPolicyName": "TransferSecurityPolicy-PQ-SSH-FIPS-Experimental-2023-04"}),
        ],
        failing=[
            ("default", {"EndpointType": "VPC"}),
            ("2020", {"SecurityPolicyName": "TransferSecurityPolicy-2020-06"}),
        ],
    ),
    unknown_example("AWS::Transfer::Server", "SecurityPolicyName"),
)
