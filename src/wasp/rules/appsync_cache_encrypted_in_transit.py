"""AppSync API caches encrypt traffic in transit."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import unknown_example
from wasp.rules._expect import examples, expect, is_true

META = RuleMeta(
    title="AppSync API caches are encrypted in transit",
    severity=Severity.MEDIUM,
    best_practices=("SEC09-BP02",),
    resource_type="AWS::AppSync::ApiCache",
    description="Transit encryption protects resolver results between AppSync and its cache nodes.",
    remediation=Remediation(
        console="AppSync > APIs > API > Caching > Edit: Encryption in transit (recreate the cache).",
        cli="aws appsync create-api-cache --api-id ID --transit-encryption-enabled --ttl 3600 --api-caching-behavior FULL_REQUEST_CACHING --type SMALL",
        cloudformation="TransitEncryptionEnabled: true",
        terraform="transit_encryption_enabled = true",
    ),
    checkov=("CKV_AWS_215",),
)

evaluate = expect(
    "TransitEncryptionEnabled",
    is_true,
    ok="encrypted in transit",
    bad="API cache {name} is not encrypted in transit",
    default=False,
)

EXAMPLES = (
    *examples(
        "AWS::AppSync::ApiCache",
        passing=[("on", {"TransitEncryptionEnabled": True})],
        failing=[("absent", {"Type": "SMALL"})],
    ),
    unknown_example("AWS::AppSync::ApiCache", "TransitEncryptionEnabled"),
)
