"""RDS snapshots are not shared publicly."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import unknown_example
from wasp.rules._expect import examples, expect

META = RuleMeta(
    title="RDS snapshots are not public",
    severity=Severity.CRITICAL,
    best_practices=("SEC03-BP07", "SEC08-BP04"),
    resource_type="WASP::RDS::DBSnapshot",
    public_exposure=True,
    description="A snapshot shared with 'all' can be copied and restored by every AWS account: a full copy of the "
    "database, its users and their password hashes.",
    remediation=Remediation(
        console="RDS > Snapshots > SNAPSHOT > Actions > Share snapshot: Private, remove 'all'.",
        cli="aws rds modify-db-snapshot-attribute --db-snapshot-identifier SNAP --attribute-name restore "
        "--values-to-remove all",
        cloudformation="CloudFormation has no resource for a DB snapshot; use the CLI or Terraform.",
        terraform='shared_accounts = ["111122223333"]  # named accounts, never "all"',
    ),
    checkov=("CKV_AWS_302",),
)


def _private(shared: object) -> bool:
    return isinstance(shared, list) and "all" not in [str(a).lower() for a in shared]


evaluate = expect(
    "SharedAccounts",
    _private,
    ok="shared with named accounts only",
    bad="snapshot {name} is shared with every AWS account (all)",
    default=[],
)

EXAMPLES = (
    *examples(
        "WASP::RDS::DBSnapshot",
        passing=[("private", {"SharedAccounts": []}), ("one-account", {"SharedAccounts": ["111122223333"]})],
        failing=[("public", {"SharedAccounts": ["all"]})],
    ),
    unknown_example("WASP::RDS::DBSnapshot", "SharedAccounts"),
)
