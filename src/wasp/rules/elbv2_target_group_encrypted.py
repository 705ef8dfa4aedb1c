"""Load balancer target groups reach their targets over HTTPS or TLS."""

from wasp.model import Severity
from wasp.model.rule import Remediation, ResourceView, RuleContext, RuleMeta, Verdict, failed, passed
from wasp.rules._expect import examples
from wasp.rules._net import live_reads
from wasp.rules._shape import text

META = RuleMeta(
    title="Load balancer target groups use HTTPS",
    severity=Severity.LOW,
    best_practices=("SEC09-BP02",),
    resource_type="AWS::ElasticLoadBalancingV2::TargetGroup",
    description="An HTTP target group decrypts at the load balancer and carries requests in clear text inside "
    "the VPC; re-encrypting to the targets keeps data encrypted end to end. Lambda and GENEVE target groups "
    "are not judged.",
    remediation=Remediation(
        console="EC2 > Target groups > Create: protocol HTTPS (targets serve TLS), then point the listener at it.",
        cli="aws elbv2 create-target-group --name app-tls --protocol HTTPS --port 443 --vpc-id VPC",
        cloudformation="Protocol: HTTPS, Port: 443",
        terraform='protocol = "HTTPS"  port = 443',
    ),
    checkov=("CKV_AWS_378",),
)


def _evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """HTTP target groups fail; HTTPS and TLS pass."""
    if str(view.get("TargetType") or "instance").lower() == "lambda":
        return None
    protocol = (text(view, "Protocol") or "").upper()
    if protocol in ("GENEVE", ""):
        return None
    if protocol == "HTTP":
        return failed(f"target group {view.label('Name')} forwards to its targets over plain HTTP")
    if protocol in ("TCP", "UDP", "TCP_UDP"):
        return failed(f"target group {view.label('Name')} forwards plain {protocol}")
    return passed(f"targets reached over {protocol}")


evaluate = live_reads("Protocol", _evaluate)

EXAMPLES = examples(
    "AWS::ElasticLoadBalancingV2::TargetGroup",
    passing=[("https", {"Protocol": "HTTPS", "Port": 443})],
    failing=[("http", {"Protocol": "HTTP", "Port": 80})],
)
