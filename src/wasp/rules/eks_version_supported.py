"""EKS clusters run a Kubernetes version still in standard support."""

from wasp.model import Severity
from wasp.model.rule import (
    Example,
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    Verdict,
    example_resource,
    failed,
    passed,
)
from wasp.model.status import FindingStatus
from wasp.rules._net import live_reads, with_read
from wasp.rules._net_lifecycle import eks_out_of_support
from wasp.rules._shape import text

META = RuleMeta(
    title="EKS clusters run a supported Kubernetes version",
    severity=Severity.MEDIUM,
    best_practices=("SEC06-BP01",),
    resource_type="AWS::EKS::Cluster",
    description="A Kubernetes version past its standard support gets no new patches unless extended support "
    "is paid for, and falls further behind on security fixes. Dates are from the EKS version lifecycle "
    "table kept in the rules (rules/_net_lifecycle.py). A template without a version gets the current default.",
    remediation=Remediation(
        console="EKS > Clusters > CLUSTER > Upgrade version (one minor version at a time).",
        cli="aws eks update-cluster-version --name CLUSTER --kubernetes-version 1.33",
        cloudformation="Version: '1.33'",
        terraform='version = "1.33"',
    ),
    checkov=("CKV_AWS_339",),
)


def _evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Compare the version with its end of standard support."""
    version = text(view, "Version")
    if version is None:
        return passed("no version pinned: EKS creates the cluster on its current default version")
    ended = eks_out_of_support(str(version), ctx.now.date())
    if ended is not None:
        return failed(
            f"EKS cluster {view.label('Name')} runs Kubernetes {version}, out of standard support since {ended}"
        )
    return passed(f"Kubernetes {version} is in standard support")


evaluate = live_reads("Name", _evaluate)

EXAMPLES = with_read(
    {"Name": "prod"},
    (
        Example("current", example_resource("AWS::EKS::Cluster", {"Version": "1.33"}), FindingStatus.PASS),
        Example("old", example_resource("AWS::EKS::Cluster", {"Version": "1.27"}), FindingStatus.FAIL),
        Example("ancient", example_resource("AWS::EKS::Cluster", {"Version": "1.15"}), FindingStatus.FAIL),
    ),
)
