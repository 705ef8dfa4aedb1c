"""WAF web ACLs block Log4Shell (CVE-2021-44228) lookups."""

from typing import Any

from wasp.model import Severity
from wasp.model.rule import Remediation, ResourceView, RuleContext, RuleMeta, Verdict, failed, passed
from wasp.rules._expect import examples
from wasp.rules._net import live_reads, with_read

KNOWN_BAD = "AWSManagedRulesKnownBadInputsRuleSet"

META = RuleMeta(
    title="WAF web ACLs include the Known bad inputs rule group (Log4j)",
    severity=Severity.MEDIUM,
    best_practices=("SEC05-BP03", "SEC06-BP01"),
    resource_type="AWS::WAFv2::WebACL",
    description="AWS's Known bad inputs managed rule group blocks the JNDI lookups of Log4Shell "
    "(CVE-2021-44228) and similar exploit patterns in headers, paths and bodies. In count mode it only "
    "observes, and fails here.",
    remediation=Remediation(
        console="WAF & Shield > Web ACLs > ACL > Rules > Add managed rule groups: AWS Known bad inputs (not in "
        "count mode).",
        cli="aws wafv2 update-web-acl ... --rules file://rules-with-known-bad-inputs.json",
        cloudformation="Rules: [{Name: known-bad, Priority: 1, OverrideAction: {None: {}}, Statement: "
        "{ManagedRuleGroupStatement: {VendorName: AWS, Name: AWSManagedRulesKnownBadInputsRuleSet}}, ...}]",
        terraform='managed_rule_group_statement { vendor_name = "AWS"  name = "AWSManagedRulesKnownBadInputsRuleSet" }',
    ),
    checkov=("CKV_AWS_192",),
)


def _blocks(rule: Any) -> bool:
    if not isinstance(rule, dict):
        return False
    managed = (rule.get("Statement") or {}).get("ManagedRuleGroupStatement") or {}
    if managed.get("Name") != KNOWN_BAD:
        return False
    return "Count" not in (rule.get("OverrideAction") or {})


def _evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """The Known bad inputs group is in the ACL and not overridden to count."""
    if any(_blocks(r) for r in view.get("Rules", [])):
        return passed("Known bad inputs rule group blocks Log4j lookups")
    return failed(
        f"web ACL {view.label('Name')} does not block Log4j lookups (no Known bad inputs rule group)"
    )


_KB = {"Name": "kb", "Statement": {"ManagedRuleGroupStatement": {"VendorName": "AWS", "Name": KNOWN_BAD}}}


evaluate = live_reads("Rules", _evaluate)

EXAMPLES = with_read(
    {"Rules": []},
    examples(
        "AWS::WAFv2::WebACL",
        passing=[("blocking", {"Rules": [{**_KB, "OverrideAction": {"None": {}}}]})],
        failing=[("count", {"Rules": [{**_KB, "OverrideAction": {"Count": {}}}]}), ("none", {"Rules": []})],
    ),
)
