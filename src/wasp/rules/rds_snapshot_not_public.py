"""RDS snapshots are not shared publicly."""

import re

from wasp.model import FindingStatus, Severity
from wasp.model.rule import (
    Example,
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    Verdict,
    example_resource,
    unknown,
)
from wasp.rules._cmk_store import not_read_live
from wasp.rules._data_checks import unknown_example
from wasp.rules._expect import Test, examples, expect

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


_SHARED_WITH = re.compile(r"\A(\d{12}|all)\Z", re.IGNORECASE)


def _accounts(shared: object) -> bool:
    """A list of account ids (or "all"); account ids written as numbers are accepted."""
    return isinstance(shared, list) and all(
        isinstance(a, (str, int)) and not isinstance(a, bool) and _SHARED_WITH.match(str(a)) for a in shared
    )


_private = Test(
    lambda shared: "all" not in [str(a).lower() for a in shared],
    "a list of account ids (or all)",
    _accounts,
)


_decide = expect(
    "SharedAccounts",
    _private,
    ok="shared with named accounts only",
    bad="snapshot {name} is shared with every AWS account (all)",
    default=[],
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail when shared with all; a live snapshot whose sharing was not read is unknown."""
    if not_read_live(view, ("SharedAccounts",)) is not None:
        return unknown(f"the sharing of snapshot {view.id} was not read")
    return _decide(view, ctx)


EXAMPLES = (
    *examples(
        "WASP::RDS::DBSnapshot",
        passing=[("private", {"SharedAccounts": []}), ("one-account", {"SharedAccounts": ["111122223333"]})],
        failing=[("public", {"SharedAccounts": ["all"]})],
    ),
    unknown_example("WASP::RDS::DBSnapshot", "SharedAccounts"),
    Example(
        "not-an-account",
        example_resource("WASP::RDS::DBSnapshot", {"SharedAccounts": ["everyone"]}),
        FindingStatus.UNKNOWN,
    ),
)
