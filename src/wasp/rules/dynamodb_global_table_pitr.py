"""Every replica of a DynamoDB global table has point-in-time recovery."""

from typing import Any

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import unknown_example
from wasp.rules._expect import examples, expect, is_true

META = RuleMeta(
    title="DynamoDB global tables have point-in-time recovery on every replica",
    severity=Severity.MEDIUM,
    best_practices=("SEC08-BP04",),
    resource_type="AWS::DynamoDB::GlobalTable",
    description="Point-in-time recovery is set per replica; a replica without it cannot be restored after an accidental or malicious write, and the write replicates everywhere.",
    remediation=Remediation(
        console="DynamoDB > Tables > TABLE > Backups > Point-in-time recovery > Edit (in each replica's region).",
        cli="aws dynamodb update-continuous-backups --table-name TABLE --point-in-time-recovery-specification PointInTimeRecoveryEnabled=true --region REGION",
        cloudformation="Replicas: [{Region: eu-west-2, PointInTimeRecoverySpecification: {PointInTimeRecoveryEnabled: true}}, ...]",
        terraform="aws_dynamodb_table with replica { region_name = ...  point_in_time_recovery = true } and point_in_time_recovery { enabled = true }",
    ),
    checkov=("CKV_AWS_165",),
)


def _every_replica(replicas: Any) -> bool:
    """Each replica turns point-in-time recovery on."""
    listed = replicas if isinstance(replicas, list) else [replicas]
    return bool(listed) and all(
        isinstance(r, dict)
        and is_true((r.get("PointInTimeRecoverySpecification") or {}).get("PointInTimeRecoveryEnabled"))
        for r in listed
    )


evaluate = expect(
    "Replicas",
    _every_replica,
    ok="every replica has point-in-time recovery",
    bad="global table {name} has replicas without point-in-time recovery",
    default=[],
)

EXAMPLES = (
    *examples(
        "AWS::DynamoDB::GlobalTable",
        passing=[
            (
                "all",
                {
                    "Replicas": [
                        {
                            "Region": "eu-west-2",
                            "PointInTimeRecoverySpecification": {"PointInTimeRecoveryEnabled": True},
                        }
                    ]
                },
            )
        ],
        failing=[
            (
                "one-missing",
                {
                    "Replicas": [
                        {
                            "Region": "eu-west-2",
                            "PointInTimeRecoverySpecification": {"PointInTimeRecoveryEnabled": True},
                        },
                        {"Region": "eu-west-1"},
                    ]
                },
            )
        ],
    ),
    unknown_example("AWS::DynamoDB::GlobalTable", "Replicas"),
)
