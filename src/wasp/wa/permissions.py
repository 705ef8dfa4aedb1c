"""The IAM policy `wasp wa` needs (`wasp permissions --wa-tool`): the read calls of list, import and the export's
checks, and the three writes of export."""

from __future__ import annotations

from typing import Any

READ = (
    "wellarchitected:GetAnswer",
    "wellarchitected:GetLensReview",
    "wellarchitected:GetMilestone",
    "wellarchitected:GetWorkload",
    "wellarchitected:ListAnswers",
    "wellarchitected:ListLensReviews",
    "wellarchitected:ListMilestones",
    "wellarchitected:ListWorkloads",
)
WRITE = (
    "wellarchitected:CreateMilestone",
    "wellarchitected:CreateWorkload",
    "wellarchitected:UpdateAnswer",
)


def wa_policy() -> dict[str, Any]:
    """The policy document: reads (list, import) and writes (export) as two statements."""
    return {
        "Version": "2012-10-17",
        "Statement": [
            {"Sid": "WaspWellArchitectedRead", "Effect": "Allow", "Action": list(READ), "Resource": "*"},
            {"Sid": "WaspWellArchitectedExport", "Effect": "Allow", "Action": list(WRITE), "Resource": "*"},
        ],
    }
