"""OpenSearch domains use fine-grained access control."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._expect import examples, expect, is_true

META = RuleMeta(
    title="OpenSearch domains use fine-grained access control",
    severity=Severity.MEDIUM,
    best_practices=("SEC03-BP02",),
    resource_type="AWS::OpenSearchService::Domain",
    description="Fine-grained access control maps users and IAM roles to OpenSearch roles with index-, document- and field-level permissions; without it anyone the domain policy admits can read and write every index.",
    remediation=Remediation(
        console="Amazon OpenSearch Service > Domains > DOMAIN > Security configuration > Edit > Enable fine-grained access control.",
        cli="aws opensearch update-domain-config --domain-name DOMAIN --advanced-security-options Enabled=true,InternalUserDatabaseEnabled=false,MasterUserOptions={MasterUserARN=ROLE_ARN}",
        cloudformation="AdvancedSecurityOptions: {Enabled: true, MasterUserOptions: {MasterUserARN: !GetAtt AdminRole.Arn}}",
        terraform="advanced_security_options { enabled = true master_user_options { master_user_arn = aws_iam_role.admin.arn } }",
    ),
    checkov=("CKV2_AWS_52",),
)

evaluate = expect(
    "AdvancedSecurityOptions.Enabled",
    is_true,
    ok="fine-grained access control on",
    bad="domain {name} has no fine-grained access control",
)

EXAMPLES = examples(
    "AWS::OpenSearchService::Domain",
    passing=[("on", {"AdvancedSecurityOptions": {"Enabled": True}})],
    failing=[("absent", {"DomainName": "logs"})],
)
