"""Terraform AMI lookups name the image owner (no whoAMI name confusion)."""

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
from wasp.rules._shape import entries, expect_type, is_text, judge_list

LOOKUP = "WASP::EC2::ImageLookup"
_PINNING = ("owner-id", "owner-alias", "image-id")
"""Filters that fix whose image (or which image) is found, as ``owners`` does."""

META = RuleMeta(
    title="Terraform AMI lookups name the image owner",
    severity=Severity.HIGH,
    best_practices=("SEC06-BP02", "SEC06-BP04"),
    resource_type=LOOKUP,
    description='data "aws_ami" without owners searches every public image: anyone can publish an image whose '
    "name matches the filter (the whoAMI attack), and with most_recent the newest, theirs, is launched. Name the "
    "owning accounts (your own, or the vendor's account id or alias such as amazon).",
    remediation=Remediation(
        console="EC2 > AMIs: note the owner account of the image you mean, and restrict the lookup to it.",
        cli="aws ec2 describe-images --owners amazon --filters Name=name,Values='al2023-ami-*-x86_64'",
        cloudformation="Not applicable to CloudFormation: take the id from an SSM public parameter "
        "('{{resolve:ssm:/aws/service/ami-amazon-linux-latest/al2023-ami-kernel-default-x86_64}}').",
        terraform='owners = ["amazon"]  # or your images\' account id',
    ),
    checkov=("CKV_AWS_386",),
)


def _strings(value: object) -> bool:
    return isinstance(value, list) and all(isinstance(v, str) for v in value)


def _pinned(view: ResourceView) -> bool:
    """A filter on the owner (or the image id) with at least one value; WrongType for a malformed filter."""
    for i, entry in enumerate(entries(view, "Filters")):
        name = expect_type(f"Filters.{i}.Name", entry.get("Name"), is_text, "a string")
        values = expect_type(f"Filters.{i}.Values", entry.get("Values"), _strings, "a list of strings")
        if name in _PINNING and values:
            return True
    return False


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Owners or an owner/image filter pass; a lookup by name or other attributes without them fails."""
    name = view.resource.origin.address or view.id
    if judge_list(view, "Owners") or _pinned(view):
        return passed("the lookup is limited to named owners")
    return failed(f"{name} searches every public image: anyone can publish one that matches")


EXAMPLES = (
    Example(
        "by-name-anyone",
        example_resource(
            LOOKUP, {"MostRecent": True, "Filters": [{"Name": "name", "Values": ["ubuntu/images/*"]}]}
        ),
        FindingStatus.FAIL,
    ),
    Example(
        "owned",
        example_resource(
            LOOKUP,
            {"Owners": ["099720109477"], "Filters": [{"Name": "name", "Values": ["ubuntu/images/*"]}]},
        ),
        FindingStatus.PASS,
    ),
    Example(
        "owner-filter",
        example_resource(LOOKUP, {"Filters": [{"Name": "owner-alias", "Values": ["amazon"]}]}),
        FindingStatus.PASS,
    ),
    Example(
        "owner-filter-values-not-a-list",
        example_resource(LOOKUP, {"Filters": [{"Name": "owner-alias", "Values": {"a": 1}}]}),
        FindingStatus.UNKNOWN,
    ),
    Example(
        "owners-from-a-variable",
        example_resource(LOOKUP, {"Owners": Unresolved("variable image_owners has no value")}),
        FindingStatus.UNKNOWN,
    ),
)
