"""Classic Load Balancer listeners encrypt traffic (HTTPS or SSL)."""

from wasp.model import Severity
from wasp.model.rule import Remediation, ResourceView, RuleContext, RuleMeta, Verdict, failed, passed
from wasp.rules._expect import examples
from wasp.rules._net import live_reads, with_read
from wasp.rules._shape import entries, expect_type, is_text

META = RuleMeta(
    title="Classic Load Balancer listeners use HTTPS or SSL",
    severity=Severity.HIGH,
    best_practices=("SEC09-BP02",),
    resource_type="AWS::ElasticLoadBalancing::LoadBalancer",
    description="An HTTP or TCP listener carries requests, cookies and credentials in clear text between the "
    "client and the load balancer.",
    remediation=Remediation(
        console="EC2 > Load balancers > CLB > Listeners > Edit: protocol HTTPS (or SSL) with an ACM certificate; "
        "better, migrate to an Application Load Balancer with an HTTP->HTTPS redirect.",
        cli="aws elb create-load-balancer-listeners --load-balancer-name LB --listeners "
        "Protocol=HTTPS,LoadBalancerPort=443,InstanceProtocol=HTTP,InstancePort=80,SSLCertificateId=CERT_ARN",
        cloudformation="Listeners: [{Protocol: HTTPS, LoadBalancerPort: '443', InstancePort: '80', "
        "SSLCertificateId: !Ref Certificate}]",
        terraform='listener { lb_protocol = "https"  lb_port = 443  ssl_certificate_id = aws_acm_certificate.x.arn ... }',
    ),
    checkov=("CKV_AWS_376",),
)


def _evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Every listener's front-end protocol is HTTPS or SSL."""
    plain = [
        f"{li.get('Protocol')}:{li.get('LoadBalancerPort')}"
        for li in entries(view, "Listeners")
        if str(expect_type("Listeners Protocol", li.get("Protocol", ""), is_text, "a string")).upper()
        not in ("HTTPS", "SSL")
    ]
    if plain:
        return failed(
            f"classic load balancer {view.label('LoadBalancerName')} listens in clear text on {', '.join(plain)}"
        )
    return passed("every listener uses HTTPS or SSL")


evaluate = live_reads("Listeners", _evaluate)

EXAMPLES = with_read(
    {"Listeners": []},
    examples(
        "AWS::ElasticLoadBalancing::LoadBalancer",
        passing=[
            (
                "https",
                {"Listeners": [{"Protocol": "HTTPS", "LoadBalancerPort": "443", "SSLCertificateId": "arn"}]},
            )
        ],
        failing=[("http", {"Listeners": [{"Protocol": "HTTP", "LoadBalancerPort": "80"}]})],
    ),
)
