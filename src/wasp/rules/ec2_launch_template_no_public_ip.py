"""Launch templates do not give instances public IP addresses."""

from wasp.model import Severity
from wasp.model.rule import Remediation, ResourceView, RuleContext, RuleMeta, Verdict, failed, passed
from wasp.rules._expect import examples
from wasp.rules._net import live_reads, with_read
from wasp.rules._shape import entries, on

META = RuleMeta(
    title="Launch templates do not assign public IP addresses",
    severity=Severity.MEDIUM,
    best_practices=("SEC05-BP01",),
    resource_type="AWS::EC2::LaunchTemplate",
    public_exposure=True,
    description="A launch template whose network interface associates a public IP puts every instance it "
    "launches (Auto Scaling groups included) on the internet.",
    remediation=Remediation(
        console="EC2 > Launch templates > TEMPLATE > Modify (new version) > Network settings > Advanced: "
        "Auto-assign public IP Disable.",
        cli="aws ec2 create-launch-template-version --launch-template-id LT --source-version 1 "
        '--launch-template-data \'{"NetworkInterfaces":[{"DeviceIndex":0,"AssociatePublicIpAddress":false}]}\'',
        cloudformation="LaunchTemplateData: {NetworkInterfaces: [{DeviceIndex: 0, AssociatePublicIpAddress: false}]}",
        terraform="network_interfaces { associate_public_ip_address = false }",
    ),
    checkov=("CKV_AWS_88",),
)


def _evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Any interface that associates a public IP fails."""
    nics = entries(view, "LaunchTemplateData.NetworkInterfaces")
    if any(on("NetworkInterfaces AssociatePublicIpAddress", n.get("AssociatePublicIpAddress")) for n in nics):
        return failed(f"launch template {view.label('LaunchTemplateName')} assigns public IP addresses")
    return passed("no public IP assigned by the template")


evaluate = live_reads("LaunchTemplateData", _evaluate)

EXAMPLES = with_read(
    {"LaunchTemplateData": {}},
    examples(
        "AWS::EC2::LaunchTemplate",
        passing=[
            (
                "private",
                {
                    "LaunchTemplateData": {
                        "NetworkInterfaces": [{"DeviceIndex": 0, "AssociatePublicIpAddress": False}]
                    }
                },
            )
        ],
        failing=[
            (
                "public",
                {
                    "LaunchTemplateData": {
                        "NetworkInterfaces": [{"DeviceIndex": 0, "AssociatePublicIpAddress": True}]
                    }
                },
            )
        ],
    ),
)
