"""EKS clusters send every control-plane log type to CloudWatch Logs."""

from wasp.model import Severity
from wasp.model.rule import Remediation, ResourceView, RuleContext, RuleMeta, Verdict, failed, passed
from wasp.rules._expect import examples

TYPES = ("api", "audit", "authenticator", "controllerManager", "scheduler")

META = RuleMeta(
    title="EKS clusters log every control-plane log type",
    severity=Severity.MEDIUM,
    best_practices=("SEC04-BP01",),
    resource_type="AWS::EKS::Cluster",
    description="The audit and authenticator logs record who did what to the cluster; without them an "
    "incident in Kubernetes cannot be investigated. All five types are needed to match the API's own record.",
    remediation=Remediation(
        console="EKS > Clusters > CLUSTER > Observability > Control plane logging > Manage: turn on all types.",
        cli="aws eks update-cluster-config --name CLUSTER --logging "
        '\'{"clusterLogging":[{"types":["api","audit","authenticator","controllerManager",'
        '"scheduler"],"enabled":true}]}\'',
        cloudformation="Logging: {ClusterLogging: {EnabledTypes: [{Type: api}, {Type: audit}, "
        "{Type: authenticator}, {Type: controllerManager}, {Type: scheduler}]}}",
        terraform='enabled_cluster_log_types = ["api", "audit", "authenticator", "controllerManager", "scheduler"]',
    ),
    checkov=("CKV_AWS_37",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Every log type enabled."""
    enabled = {
        t.get("Type") if isinstance(t, dict) else t
        for t in view.get("Logging.ClusterLogging.EnabledTypes", [])
    }
    missing = [t for t in TYPES if t not in enabled]
    if missing:
        return failed(f"EKS cluster {view.label('Name')} does not log {', '.join(missing)}")
    return passed("all control-plane log types enabled")


EXAMPLES = examples(
    "AWS::EKS::Cluster",
    passing=[("all", {"Logging": {"ClusterLogging": {"EnabledTypes": [{"Type": t} for t in TYPES]}}})],
    failing=[
        ("none", {"Name": "prod"}),
        ("api-only", {"Logging": {"ClusterLogging": {"EnabledTypes": [{"Type": "api"}]}}}),
    ],
)
