"""AppSync API caches are encrypted at rest."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import unknown_example
from wasp.rules._expect import examples, expect, is_true

META = RuleMeta(
    title="AppSync API caches are encrypted at rest",
    severity=Severity.MEDIUM,
    best_practices=("SEC08-BP02",),
    resource_type="AWS::AppSync::ApiCache",
    description="The cache keeps resolver results (often personal data) on disk; at-rest encryption can only be chosen when the cache is created.",
    remediation=Remediation(
        console="AppSync > APIs > API > Caching > Edit: Encryption at rest (recreate the cache).",
        cli="aws appsync create-api-cache --api-id ID --at-rest-encryption-enabled --ttl 3600 --api-caching-behavior FULL_REQUEST_CACHING --type SMALL",
        cloudformation="AtRestEncryptionEnabled: true",
        terraform="at_rest_encryption_enabled = true",
    ),
    checkov=("CKV_AWS_214",),
)

evaluate = expect(
    "AtRestEncryptionEnabled",
    is_true,
    ok="encrypted at rest",
    bad="API cache {name} is not encrypted at rest",
    default=False,
)

EXAMPLES = (
    *examples(
        "AWS::AppSync::ApiCache",
        passing=[("on", {"AtRestEncryptionEnabled": True})],
        failing=[("absent", {"Type": "SMALL"})],
    ),
    unknown_example("AWS::AppSync::ApiCache", "AtRestEncryptionEnabled"),
)
