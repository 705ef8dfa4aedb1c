"""QLDB ledgers use the STANDARD permissions mode."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import unknown_example
from wasp.rules._expect import examples, expect, one_of

META = RuleMeta(
    title="QLDB ledgers use the STANDARD permissions mode",
    severity=Severity.MEDIUM,
    best_practices=("SEC03-BP02",),
    resource_type="AWS::QLDB::Ledger",
    description="In ALLOW_ALL mode anyone allowed qldb:SendCommand may run every PartiQL command on every table; STANDARD checks table- and command-level IAM permissions.",
    remediation=Remediation(
        console="QLDB > Ledgers > LEDGER > Edit > Permissions mode: Standard.",
        cli="aws qldb update-ledger-permissions-mode --name LEDGER --permissions-mode STANDARD",
        cloudformation="PermissionsMode: STANDARD",
        terraform='permissions_mode = "STANDARD"',
    ),
    checkov=("CKV_AWS_170",),
)

evaluate = expect(
    "PermissionsMode",
    one_of("STANDARD"),
    ok="STANDARD permissions",
    bad="ledger {name} permissions mode is {value}: any SendCommand caller runs every command",
)

EXAMPLES = (
    *examples(
        "AWS::QLDB::Ledger",
        passing=[("standard", {"PermissionsMode": "STANDARD"})],
        failing=[("allow-all", {"PermissionsMode": "ALLOW_ALL"})],
    ),
    unknown_example("AWS::QLDB::Ledger", "PermissionsMode"),
)
