"""Neptune clusters copy their tags to snapshots."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._copy_tags import WHY, copy_tags, copy_tags_examples

META = RuleMeta(
    title="Neptune clusters copy their tags to snapshots",
    severity=Severity.LOW,
    best_practices=("SEC07-BP02",),
    resource_type="AWS::Neptune::DBCluster",
    description=WHY,
    remediation=Remediation(
        console="Neptune > Databases > CLUSTER > Modify > Backup: Copy tags to snapshots.",
        cli="aws neptune modify-db-cluster --db-cluster-identifier CLUSTER --copy-tags-to-snapshot --apply-immediately",
        cloudformation="CopyTagsToSnapshot: true",
        terraform="copy_tags_to_snapshot = true",
    ),
    checkov=("CKV_AWS_362",),
)

evaluate = copy_tags("Neptune cluster")

EXAMPLES = copy_tags_examples("AWS::Neptune::DBCluster")
