"""RDS instances copy their tags to snapshots."""

from wasp.model import Severity
from wasp.model.rule import Remediation, ResourceView, RuleMeta
from wasp.rules._copy_tags import WHY, copy_tags, copy_tags_examples
from wasp.rules._iam_refs import is_set

META = RuleMeta(
    title="RDS instances copy their tags to snapshots",
    severity=Severity.LOW,
    best_practices=("SEC07-BP02",),
    resource_type="AWS::RDS::DBInstance",
    description=WHY,
    remediation=Remediation(
        console="RDS > Databases > DB > Modify > Additional configuration > Backup: Copy tags to snapshots.",
        cli="aws rds modify-db-instance --db-instance-identifier DB --copy-tags-to-snapshot --apply-immediately",
        cloudformation="CopyTagsToSnapshot: true",
        terraform="copy_tags_to_snapshot = true",
    ),
    checkov=("CKV2_AWS_60",),
)


def _standalone(view: ResourceView) -> bool:
    """An Aurora member takes its cluster's setting (rds_cluster_copy_tags decides it)."""
    return not is_set(view, "DBClusterIdentifier")


evaluate = copy_tags("RDS instance", applies=_standalone)

EXAMPLES = copy_tags_examples("AWS::RDS::DBInstance")
