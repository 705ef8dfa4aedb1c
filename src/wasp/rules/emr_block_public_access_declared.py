"""EMR's block public access setting, declared in Terraform, is on."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._expect import examples, expect, is_true

SETTING = "WASP::EMR::BlockPublicAccessConfiguration"

META = RuleMeta(
    title="EMR block public access is on where it is declared",
    severity=Severity.HIGH,
    best_practices=("SEC05-BP01", "SEC05-BP02"),
    resource_type=SETTING,
    public_exposure=True,
    description="With block public access off, a cluster may launch with security groups open to 0.0.0.0/0 on "
    "any port (master nodes run web UIs and Hadoop services with no authentication). Terraform's "
    "aws_emr_block_public_access_configuration sets it per region; CloudFormation has no type for it.",
    remediation=Remediation(
        console="EMR > Block public access > Edit: Turn on (allow only port 22 if SSH is needed).",
        cli="aws emr put-block-public-access-configuration --block-public-access-configuration "
        "BlockPublicSecurityGroupRules=true",
        cloudformation="No resource type; set it once per region with the CLI.",
        terraform="block_public_security_group_rules = true",
    ),
    checkov=("CKV_AWS_390",),
)

evaluate = expect(
    "BlockPublicSecurityGroupRules",
    is_true,
    ok="public security-group rules are blocked for EMR clusters",
    bad="{name} lets EMR clusters launch with security groups open to the internet",
)

EXAMPLES = examples(
    SETTING,
    passing=[("on", {"BlockPublicSecurityGroupRules": True, "PermittedPublicSecurityGroupRuleRanges": []})],
    failing=[("off", {"BlockPublicSecurityGroupRules": False})],
)
