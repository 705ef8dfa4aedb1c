"""WAF web ACLs contain rules."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._expect import examples, expect, listed_mappings
from wasp.rules._net import live_reads, with_read

META = RuleMeta(
    title="WAF web ACLs have rules",
    severity=Severity.MEDIUM,
    best_practices=("SEC05-BP03",),
    resource_type="AWS::WAFv2::WebACL",
    description="A web ACL without rules only applies its default action: it inspects nothing, yet its "
    "attachment makes the resource look protected.",
    remediation=Remediation(
        console="WAF & Shield > Web ACLs > ACL > Rules > Add managed rule groups (Core rule set, Known bad "
        "inputs, IP reputation).",
        cli="aws wafv2 update-web-acl --name ACL --scope REGIONAL --id ID --lock-token TOKEN "
        "--default-action Allow={} --rules file://rules.json --visibility-config file://vis.json",
        cloudformation="Rules: [{Name: core, Priority: 0, OverrideAction: {None: {}}, Statement: "
        "{ManagedRuleGroupStatement: {VendorName: AWS, Name: AWSManagedRulesCommonRuleSet}}, VisibilityConfig: ...}]",
        terraform='rule { name = "core" ... managed_rule_group_statement { vendor_name = "AWS"  '
        'name = "AWSManagedRulesCommonRuleSet" } }',
    ),
    checkov=("CKV_AWS_175",),
)

_evaluate = expect(
    "Rules",
    listed_mappings,
    ok="the ACL has rules",
    bad="web ACL {name} has no rules: it inspects nothing",
)


evaluate = live_reads("Rules", _evaluate)

EXAMPLES = with_read(
    {"Rules": []},
    examples(
        "AWS::WAFv2::WebACL",
        passing=[("rules", {"Rules": [{"Name": "core", "Statement": {}}]})],
        failing=[("empty", {"Rules": []})],
    ),
)
