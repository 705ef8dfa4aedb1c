"""QLDB ledgers keep deletion protection on."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import unknown_example
from wasp.rules._expect import examples, expect, is_true

META = RuleMeta(
    title="QLDB ledgers have deletion protection",
    severity=Severity.MEDIUM,
    best_practices=("SEC08-BP04",),
    resource_type="AWS::QLDB::Ledger",
    description="A ledger is an immutable journal of record; deletion protection stops it being deleted by a single API call.",
    remediation=Remediation(
        console="QLDB > Ledgers > LEDGER > Edit > Deletion protection: on.",
        cli="aws qldb update-ledger --name LEDGER --deletion-protection",
        cloudformation="DeletionProtection: true",
        terraform="deletion_protection = true",
    ),
    checkov=("CKV_AWS_172",),
)

evaluate = expect(
    "DeletionProtection",
    is_true,
    ok="deletion protection on",
    bad="ledger {name} can be deleted (deletion protection off)",
    default=True,
)

EXAMPLES = (
    *examples(
        "AWS::QLDB::Ledger",
        passing=[("default", {"PermissionsMode": "STANDARD"}), ("on", {"DeletionProtection": True})],
        failing=[("off", {"DeletionProtection": False})],
    ),
    unknown_example("AWS::QLDB::Ledger", "DeletionProtection"),
)
