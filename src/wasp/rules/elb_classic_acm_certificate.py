"""Classic Load Balancer TLS listeners use certificates from ACM."""

from wasp.model import Severity
from wasp.model.rule import Remediation, ResourceView, RuleContext, RuleMeta, Verdict, failed, passed
from wasp.rules._expect import examples
from wasp.rules._net import live_reads, with_read

META = RuleMeta(
    title="Classic Load Balancers use ACM certificates",
    severity=Severity.LOW,
    best_practices=("SEC09-BP01",),
    resource_type="AWS::ElasticLoadBalancing::LoadBalancer",
    description="Certificates uploaded to IAM are renewed and rotated by hand; ACM certificates renew "
    "themselves, so they do not expire unnoticed.",
    remediation=Remediation(
        console="Certificate Manager > Request a certificate; EC2 > Load balancers > CLB > Listeners > Change "
        "SSL certificate: choose it from ACM.",
        cli="aws elb set-load-balancer-listener-ssl-certificate --load-balancer-name LB --load-balancer-port 443 "
        "--ssl-certificate-id arn:aws:acm:REGION:ACCOUNT:certificate/ID",
        cloudformation="SSLCertificateId: !Ref AcmCertificate",
        terraform="ssl_certificate_id = aws_acm_certificate.site.arn",
    ),
    checkov=("CKV_AWS_127",),
)


def _evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Every listener certificate is an ACM ARN."""
    certificates = [
        str(li.get("SSLCertificateId"))
        for li in view.get("Listeners", [])
        if isinstance(li, dict) and li.get("SSLCertificateId")
    ]
    if not certificates:
        return None
    outside = [c for c in certificates if ":acm:" not in c]
    if outside:
        return failed(
            f"classic load balancer {view.label('LoadBalancerName')} uses certificate(s) outside ACM"
        )
    return passed("ACM certificates")


evaluate = live_reads("Listeners", _evaluate)

EXAMPLES = with_read(
    {"Listeners": []},
    examples(
        "AWS::ElasticLoadBalancing::LoadBalancer",
        passing=[
            (
                "acm",
                {
                    "Listeners": [
                        {"Protocol": "HTTPS", "SSLCertificateId": "arn:aws:acm:eu-west-2:1:certificate/x"}
                    ]
                },
            )
        ],
        failing=[
            (
                "iam",
                {
                    "Listeners": [
                        {"Protocol": "HTTPS", "SSLCertificateId": "arn:aws:iam::1:server-certificate/site"}
                    ]
                },
            )
        ],
    ),
)
