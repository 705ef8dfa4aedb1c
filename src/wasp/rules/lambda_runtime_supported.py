"""Lambda functions run a runtime AWS still patches."""

from wasp.model import Severity
from wasp.model.rule import (
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    Verdict,
    failed,
    passed,
)
from wasp.rules._expect import examples
from wasp.rules._net import live_reads, with_read
from wasp.rules._net_lifecycle import LAMBDA_DEPRECATED
from wasp.rules._shape import text

META = RuleMeta(
    title="Lambda functions use a supported runtime",
    severity=Severity.MEDIUM,
    best_practices=("SEC06-BP01",),
    resource_type="AWS::Lambda::Function",
    description="After a runtime's deprecation date AWS no longer applies security patches to it, and later "
    "blocks updates to functions that use it. Dates are kept in rules/_net_lifecycle.py. Container-image "
    "functions (no runtime) are patched by their owners and pass here.",
    remediation=Remediation(
        console="Lambda > FUNCTION > Code > Runtime settings > Edit: choose a supported runtime.",
        cli="aws lambda update-function-configuration --function-name FN --runtime python3.13",
        cloudformation="Runtime: python3.13",
        terraform='runtime = "python3.13"',
    ),
    checkov=("CKV_AWS_363",),
)


def _evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Compare the runtime's deprecation date with today."""
    runtime = text(view, "Runtime")
    if runtime is None:
        return passed("no managed runtime (container image)")
    ended = LAMBDA_DEPRECATED.get(str(runtime))
    if ended is not None and ended <= ctx.now.date():
        return failed(f"function {view.label('FunctionName')} runs {runtime}, deprecated since {ended}")
    return passed(f"{runtime} is supported")


evaluate = live_reads("FunctionName", _evaluate)

EXAMPLES = with_read(
    {"FunctionName": "fn"},
    examples(
        "AWS::Lambda::Function",
        passing=[("py313", {"Runtime": "python3.13"}), ("image", {"PackageType": "Image"})],
        failing=[("py37", {"Runtime": "python3.7"}), ("node16", {"Runtime": "nodejs16.x"})],
    ),
)
