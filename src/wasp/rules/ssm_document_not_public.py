"""The account's SSM documents are not shared publicly."""

from typing import Any

from wasp.model import FindingStatus, OriginKind, Resource, Severity, Unresolved
from wasp.model.resource import SUPPLEMENTARY
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
    unknown,
)
from wasp.rules._shape import expect_type

DOCUMENT = "AWS::SSM::Document"

META = RuleMeta(
    title="SSM documents are not shared publicly",
    severity=Severity.HIGH,
    best_practices=("SEC03-BP07", "SEC03-BP08"),
    resource_type=DOCUMENT,
    public_exposure=True,
    description="A document shared with All can be read and run by any AWS account: its commands, scripts, "
    "parameter defaults and the names of buckets and roles it uses become public. Share with named accounts, "
    "or through the organisation. A document shared with no one (the default) passes.",
    remediation=Remediation(
        console="Systems Manager > Documents > Owned by me > DOCUMENT > Permissions: Private.",
        cli="aws ssm modify-document-permission --name DOC --permission-type Share --account-ids-to-remove All",
        cloudformation="CloudFormation cannot share documents: check the sharing outside the template",
        terraform='remove permissions { type = "Share" account_ids = "All" } from aws_ssm_document',
    ),
    checkov=("CKV_AWS_303",),
)


def _account(value: Any) -> bool:
    return isinstance(value, str) and (value.lower() == "all" or (len(value) == 12 and value.isdigit()))


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail when the document is shared with All; name the accounts it is shared with otherwise."""
    shared: Any = view.get(f"{SUPPLEMENTARY}.SharedWith")
    if shared is None:
        if view.resource.origin.kind not in (OriginKind.CLOUDFORMATION, OriginKind.TERRAFORM):
            return unknown("who the document is shared with was not read")
        shared = []  # a template that declares no sharing shares with no one
    listed = shared if isinstance(shared, list) else [shared]
    for a in listed:
        expect_type(
            f"{SUPPLEMENTARY}.SharedWith", a, _account, "a 12-digit account id or All (or a list of them)"
        )
    accounts = [str(a) for a in listed]
    if any(a.lower() == "all" for a in accounts):
        return failed(f"document {view.label('Name')} is shared publicly (with All)")
    if accounts:
        return passed(f"shared with {len(accounts)} named account(s): {', '.join(accounts)}")
    return passed("not shared")


def _doc(shared: Any) -> Resource:
    return example_resource(DOCUMENT, {"Name": "deploy", SUPPLEMENTARY: {"SharedWith": shared}})


EXAMPLES = (
    Example("private", _doc([]), FindingStatus.PASS),
    Example("named", _doc(["210987654321"]), FindingStatus.PASS),
    Example("public", _doc(["all"]), FindingStatus.FAIL),
    Example("unreadable", _doc(Unresolved("denied")), FindingStatus.UNKNOWN),
)
