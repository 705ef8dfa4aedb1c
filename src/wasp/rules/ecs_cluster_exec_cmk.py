"""ECS clusters encrypt ECS Exec sessions with a customer managed KMS key and log them to a named destination."""

from wasp.model import Severity
from wasp.model.rule import Remediation, ResourceView, RuleContext, RuleMeta, Verdict, failed, passed
from wasp.rules._expect import examples
from wasp.rules._iam_refs import is_set
from wasp.rules._net import live_reads, with_read
from wasp.rules._shape import block

META = RuleMeta(
    title="ECS Exec sessions are encrypted with a customer managed key and logged",
    severity=Severity.LOW,
    best_practices=("SEC08-BP01", "SEC04-BP01"),
    resource_type="AWS::ECS::Cluster",
    description="ECS Exec's channel between client and container is TLS; a customer managed key adds a second "
    "layer whose use the key policy controls, and OVERRIDE logging sends each session's commands to a named "
    "log group or bucket.",
    remediation=Remediation(
        console="ECS > Clusters > CLUSTER > Update cluster > ECS Exec configuration: KMS key and logging Override.",
        cli="aws ecs update-cluster --cluster C --configuration "
        "'executeCommandConfiguration={kmsKeyId=KEY,logging=OVERRIDE,logConfiguration={cloudWatchLogGroupName=ecs-exec}}'",
        cloudformation="ExecuteCommandConfiguration: {KmsKeyId: !Ref Key, Logging: OVERRIDE, LogConfiguration: {...}}",
        terraform='execute_command_configuration { kms_key_id = aws_kms_key.exec.arn  logging = "OVERRIDE" ... }',
    ),
    checkov=("CKV_AWS_224",),
)


def _evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """A key id and OVERRIDE logging."""
    config = view.peek("Configuration.ExecuteCommandConfiguration") or {}
    if not isinstance(config, dict):
        view.get("Configuration.ExecuteCommandConfiguration")  # unknown as a whole: raises
        block(view, "Configuration.ExecuteCommandConfiguration")  # of the wrong type: raises
    problems = []
    if config.get("KmsKeyId") is None or not is_set(
        view, "Configuration.ExecuteCommandConfiguration.KmsKeyId"
    ):
        problems.append("no customer managed key")
    if str(view.get("Configuration.ExecuteCommandConfiguration.Logging") or "DEFAULT").upper() != "OVERRIDE":
        problems.append("no dedicated log destination")
    if problems:
        return failed(f"ECS cluster {view.label('ClusterName')}: ECS Exec has {', '.join(problems)}")
    return passed("ECS Exec encrypted with a customer managed key and logged")


evaluate = live_reads("Configuration", _evaluate)

EXAMPLES = with_read(
    {"Configuration": {}},
    examples(
        "AWS::ECS::Cluster",
        passing=[
            (
                "cmk",
                {"Configuration": {"ExecuteCommandConfiguration": {"KmsKeyId": "k", "Logging": "OVERRIDE"}}},
            )
        ],
        failing=[("default", {"ClusterName": "web"})],
    ),
)
