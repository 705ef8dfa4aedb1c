"""EKS cluster API endpoints are not reachable from the internet."""

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
from wasp.rules._net import WORLD, live_reads, with_read
from wasp.rules._shape import flag, items

META = RuleMeta(
    title="EKS cluster endpoints are private",
    severity=Severity.HIGH,
    best_practices=("SEC05-BP01", "SEC05-BP02"),
    resource_type="AWS::EKS::Cluster",
    public_exposure=True,
    description="A public Kubernetes API endpoint can be probed and brute-forced from anywhere. Open to "
    "0.0.0.0/0 (the default) fails high; a public endpoint limited to known CIDRs still fails, at medium, "
    "because the private endpoint with a VPN or bastion needs no public surface at all.",
    remediation=Remediation(
        console="EKS > Clusters > CLUSTER > Networking > Manage endpoint access: Private.",
        cli="aws eks update-cluster-config --name CLUSTER --resources-vpc-config "
        "endpointPublicAccess=false,endpointPrivateAccess=true",
        cloudformation="ResourcesVpcConfig: {EndpointPublicAccess: false, EndpointPrivateAccess: true}",
        terraform="vpc_config { endpoint_public_access = false  endpoint_private_access = true }",
    ),
    checkov=("CKV_AWS_38", "CKV_AWS_39"),
)


def _evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Public access off passes; public to the world fails high, public to listed CIDRs fails medium."""
    if flag(view, "ResourcesVpcConfig.EndpointPublicAccess", True) is False:
        return passed("public endpoint disabled")
    cidrs = items(view, "ResourcesVpcConfig.PublicAccessCidrs") or ["0.0.0.0/0"]
    name = view.label("Name")
    if any(c in WORLD for c in cidrs):
        return failed(f"EKS cluster {name} has a public API endpoint open to the internet")
    return failed(
        f"EKS cluster {name} has a public API endpoint (limited to {', '.join(map(str, cidrs))})",
        Severity.MEDIUM,
    )


evaluate = live_reads("ResourcesVpcConfig", _evaluate)

EXAMPLES = with_read(
    {"ResourcesVpcConfig": {}},
    examples(
        "AWS::EKS::Cluster",
        passing=[
            (
                "private",
                {"ResourcesVpcConfig": {"EndpointPublicAccess": False, "EndpointPrivateAccess": True}},
            )
        ],
        failing=[
            ("default", {"ResourcesVpcConfig": {"SubnetIds": ["subnet-1"]}}),
            (
                "cidrs",
                {
                    "ResourcesVpcConfig": {
                        "EndpointPublicAccess": True,
                        "PublicAccessCidrs": ["203.0.113.0/24"],
                    }
                },
            ),
        ],
    ),
)
