"""AWS Security Finding Format (ASFF) for Security Hub's BatchImportFindings."""

from __future__ import annotations

import json
from typing import IO, Any

from wasp.report.doc_types import ReviewDoc

LABEL = {
    "critical": "CRITICAL",
    "high": "HIGH",
    "medium": "MEDIUM",
    "low": "LOW",
    "informational": "INFORMATIONAL",
}
COMPLIANCE = {"pass": "PASSED", "fail": "FAILED", "unknown": "NOT_AVAILABLE", "waived": "WARNING"}
RESOURCE_TYPE = {
    "AWS::S3::Bucket": "AwsS3Bucket",
    "AWS::EC2::SecurityGroup": "AwsEc2SecurityGroup",
    "AWS::EC2::Instance": "AwsEc2Instance",
    "AWS::EC2::Volume": "AwsEc2Volume",
    "AWS::IAM::User": "AwsIamUser",
    "AWS::IAM::Role": "AwsIamRole",
    "AWS::KMS::Key": "AwsKmsKey",
    "AWS::CloudTrail::Trail": "AwsCloudTrailTrail",
    "AWS::RDS::DBInstance": "AwsRdsDbInstance",
    "AWS::Lambda::Function": "AwsLambdaFunction",
    "AWS::IAM::AccessKey": "AwsIamAccessKey",
    "AWS::::Account": "AwsAccount",
}


def asff_findings(review: ReviewDoc, region: str | None = None) -> list[dict[str, Any]]:
    """Findings in the BatchImportFindings shape (failed, unknown and waived; passed ones resolve earlier imports)."""
    out = []
    for f in review["findings"]:
        res = f["resource"]
        account = res.get("account") or "000000000000"
        where = res.get("region") or region or "us-east-1"
        out.append(
            {
                "SchemaVersion": "2018-10-08",
                "Id": f"wasp/{f['id']}",
                "ProductArn": f"arn:aws:securityhub:{where}:{account}:product/{account}/default",
                "GeneratorId": f"wasp/{f['rule']}",
                "AwsAccountId": account,
                "Types": ["Software and Configuration Checks/AWS Security Best Practices"],
                "CreatedAt": f.get("observed_at") or review["generated_at"],
                "UpdatedAt": f.get("observed_at") or review["generated_at"],
                "Severity": {"Label": LABEL[f["severity"]] if f["status"] == "fail" else "INFORMATIONAL"},
                "Title": f["message"][:256],
                "Description": f"{f['message']} (best practices: {', '.join(f['best_practices'])})"[:1024],
                "Resources": [
                    {
                        "Type": RESOURCE_TYPE.get(res["type"], "Other"),
                        "Id": res.get("arn") or res["id"],
                        "Region": where,
                        "Partition": "aws",
                    }
                ],
                "Compliance": {
                    "Status": COMPLIANCE[f["status"]],
                    "RelatedRequirements": list(f["best_practices"])[:32],
                },
                "Workflow": {
                    "Status": "SUPPRESSED"
                    if f["status"] == "waived"
                    else ("RESOLVED" if f["status"] == "pass" else "NEW")
                },
                "RecordState": "ACTIVE",
                "ProductFields": {"wasp/rule": f["rule"], "wasp/workload": review["workload"]},
            }
        )
    return out


class AsffReporter:
    """A JSON array ready for `aws securityhub batch-import-findings --findings file://...` (in chunks of 100)."""

    name = "asff"
    extension = "json"
    filename = "findings.asff.json"
    binary = False
    description = "AWS Security Finding Format for Security Hub"

    def render(self, review: ReviewDoc, out: IO[str]) -> None:
        """Write the array."""
        out.write(json.dumps(asff_findings(review), separators=(",", ":")))
        out.write("\n")


REPORTER = AsffReporter()
