"""Glue crawlers use a security configuration."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import expect_set, unknown_example
from wasp.rules._expect import examples

META = RuleMeta(
    title="Glue crawlers use a security configuration",
    severity=Severity.MEDIUM,
    best_practices=("SEC08-BP02",),
    resource_type="AWS::Glue::Crawler",
    description="A Glue security configuration encrypts what the component writes (S3 output, CloudWatch logs, job bookmarks) with KMS; without one they are written with no Glue-managed encryption.",
    remediation=Remediation(
        console="Glue > Security configurations > Add; then set it on the component (Advanced properties > Security configuration).",
        cli="aws glue update-crawler --name NAME --crawler-security-configuration SECCONF",
        cloudformation="CrawlerSecurityConfiguration: !Ref SecurityConfiguration",
        terraform="security_configuration = aws_glue_security_configuration.this.name",
    ),
    checkov=("CKV_AWS_195",),
)

evaluate = expect_set(
    "CrawlerSecurityConfiguration",
    ok="security configuration {value}",
    bad="{name} has no security configuration",
)

EXAMPLES = (
    *examples(
        "AWS::Glue::Crawler",
        passing=[("set", {"CrawlerSecurityConfiguration": "encrypted"})],
        failing=[("absent", {"Name": "x"})],
    ),
    unknown_example("AWS::Glue::Crawler", "CrawlerSecurityConfiguration"),
)
