"""Public Route 53 hosted zones sign their records with DNSSEC."""

from wasp.model import Severity
from wasp.model.rule import Remediation, ResourceView, RuleContext, RuleMeta, Verdict, failed, passed
from wasp.rules._expect import examples, is_true
from wasp.rules._net import live_reads, with_read

META = RuleMeta(
    title="Public hosted zones have DNSSEC signing",
    severity=Severity.LOW,
    best_practices=("SEC09-BP03",),
    resource_type="AWS::Route53::HostedZone",
    description="DNSSEC lets resolvers verify that answers for the zone come from it, defeating cache poisoning "
    "and spoofed answers that redirect users. Private zones are not judged.",
    remediation=Remediation(
        console="Route 53 > Hosted zones > ZONE > DNSSEC signing > Enable, then add the DS record at the registrar.",
        cli="aws route53 enable-hosted-zone-dnssec --hosted-zone-id ZONE",
        cloudformation="AWS::Route53::KeySigningKey and AWS::Route53::DNSSEC {HostedZoneId: !Ref Zone}",
        terraform="aws_route53_key_signing_key + aws_route53_hosted_zone_dnssec { hosted_zone_id = aws_route53_zone.main.id }",
    ),
    checkov=("CKV2_AWS_38",),
)


def _evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Public zones only; signing declared for the zone."""
    if view.get("VPCs"):
        return None
    if is_true(view.get("Supplementary.DnssecSigning")):
        return passed("DNSSEC signing on")
    return failed(f"public hosted zone {view.label('Name')} is not signed with DNSSEC")


evaluate = live_reads("Name", _evaluate)

EXAMPLES = with_read(
    {"Name": "example.com."},
    examples(
        "AWS::Route53::HostedZone",
        passing=[("signed", {"Supplementary": {"DnssecSigning": True}})],
        failing=[("unsigned", {"Supplementary": {"DnssecSigning": False}})],
    ),
)
