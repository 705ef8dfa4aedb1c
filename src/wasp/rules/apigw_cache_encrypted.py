"""API Gateway stage caches are encrypted."""

from wasp.model import Severity
from wasp.model.rule import Remediation, ResourceView, RuleContext, RuleMeta, Verdict, failed, passed
from wasp.rules._expect import examples
from wasp.rules._net import live_reads, with_read
from wasp.rules._net_apigw import method_settings, where
from wasp.rules._shape import on

META = RuleMeta(
    title="API Gateway caches are encrypted",
    severity=Severity.MEDIUM,
    best_practices=("SEC08-BP02",),
    resource_type="AWS::ApiGateway::Stage",
    description="Cached responses hold whatever the API returns; a method that caches without "
    "CacheDataEncrypted stores them unencrypted.",
    remediation=Remediation(
        console="API Gateway > API > Stages > STAGE > Stage details > Edit: Encrypt cache data.",
        cli="aws apigateway update-stage --rest-api-id API --stage-name STAGE --patch-operations "
        "op=replace,path=/*/*/caching/dataEncrypted,value=true",
        cloudformation="MethodSettings: [{ResourcePath: '/*', HttpMethod: '*', CachingEnabled: true, "
        "CacheDataEncrypted: true}]",
        terraform="settings { caching_enabled = true  cache_data_encrypted = true }",
    ),
    checkov=("CKV_AWS_308",),
)


def _evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Every caching method setting encrypts its cache."""
    clear = [
        where(m)
        for m in method_settings(view)
        if on("MethodSettings CachingEnabled", m.get("CachingEnabled"))
        and not on("MethodSettings CacheDataEncrypted", m.get("CacheDataEncrypted"))
    ]
    if clear:
        return failed(f"API stage {view.label('StageName')} caches unencrypted for {', '.join(clear)}")
    return passed("no unencrypted cache")


evaluate = live_reads("MethodSettings", _evaluate)

EXAMPLES = with_read(
    {"MethodSettings": []},
    examples(
        "AWS::ApiGateway::Stage",
        passing=[("encrypted", {"MethodSettings": [{"CachingEnabled": True, "CacheDataEncrypted": True}]})],
        failing=[
            ("clear", {"MethodSettings": [{"ResourcePath": "/*", "HttpMethod": "*", "CachingEnabled": True}]})
        ],
    ),
)
