"""ECS tasks use a different role for the agent (execution) than for the application (task)."""

from wasp.model import FindingStatus, Severity, Unresolved
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
from wasp.rules._expect import examples
from wasp.rules._net import DECLARED, declared, live_reads, with_read
from wasp.rules._shape import expect_type, is_text, text

META = RuleMeta(
    title="ECS task and execution roles are different",
    severity=Severity.MEDIUM,
    best_practices=("SEC03-BP02",),
    resource_type="AWS::ECS::TaskDefinition",
    description="The execution role pulls images and reads the task's secrets; the task role is what the "
    "application's code may do. One role for both hands the application every secret of the task.",
    remediation=Remediation(
        console="ECS > Task definitions > FAMILY > Create new revision: choose separate Task role and Task "
        "execution role.",
        cli="aws ecs register-task-definition --cli-input-json file://task.json  # distinct taskRoleArn",
        cloudformation="TaskRoleArn: !GetAtt AppRole.Arn; ExecutionRoleArn: !GetAtt ExecRole.Arn",
        terraform="task_role_arn = aws_iam_role.app.arn; execution_role_arn = aws_iam_role.exec.arn",
    ),
    checkov=("CKV_AWS_249",),
)


def _evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail when both roles are set and equal (or the very same expression known only at deploy time)."""
    task, execution = view.peek("TaskRoleArn"), view.peek("ExecutionRoleArn")
    for path, value in (("TaskRoleArn", task), ("ExecutionRoleArn", execution)):
        expect_type(path, value, is_text, "a role ARN")
    if not task or not execution:
        return passed("the task does not use one role for both")
    same_expression = (
        isinstance(task, Unresolved) and isinstance(execution, Unresolved) and task.reason == execution.reason
    )
    if same_expression and view.resource.origin.kind in DECLARED:  # live, one failed read says nothing
        return failed(f"task definition {view.label('Family')} uses the same role as task and execution role")
    task, execution = text(view, "TaskRoleArn"), text(view, "ExecutionRoleArn")
    if task == execution:
        return failed(f"task definition {view.label('Family')} uses {task} as both task and execution role")
    return passed("separate task and execution roles")


_SAME = {
    "TaskRoleArn": Unresolved("Fn::GetAtt Role.Arn"),
    "ExecutionRoleArn": Unresolved("Fn::GetAtt Role.Arn"),
}


evaluate = live_reads("ContainerDefinitions", _evaluate)

EXAMPLES = with_read(
    {"ContainerDefinitions": []},
    (
        *examples(
            "AWS::ECS::TaskDefinition",
            passing=[
                (
                    "separate",
                    {"TaskRoleArn": "arn:aws:iam::1:role/app", "ExecutionRoleArn": "arn:aws:iam::1:role/x"},
                )
            ],
            failing=[
                (
                    "same",
                    {"TaskRoleArn": "arn:aws:iam::1:role/app", "ExecutionRoleArn": "arn:aws:iam::1:role/app"},
                )
            ],
        ),
        Example("same-role-after-deploy", declared("AWS::ECS::TaskDefinition", _SAME), FindingStatus.FAIL),
        Example(
            "live-read-denied",
            example_resource(
                "AWS::ECS::TaskDefinition",
                {"TaskRoleArn": Unresolved("denied"), "ExecutionRoleArn": Unresolved("denied")},
            ),
            FindingStatus.UNKNOWN,
        ),
    ),
)
