"""WorkSpaces encrypt their root and user volumes."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import expect_all, unknown_example
from wasp.rules._expect import examples, is_true

META = RuleMeta(
    title="WorkSpaces root and user volumes are encrypted",
    severity=Severity.HIGH,
    best_practices=("SEC08-BP02",),
    resource_type="AWS::WorkSpaces::Workspace",
    description="A WorkSpace's user volume holds the user's profile and files and its root volume the system and cached data; both can be encrypted with KMS only when the WorkSpace is created.",
    remediation=Remediation(
        console="WorkSpaces > Launch WorkSpaces > Encryption: encrypt root and user volumes (rebuild existing ones).",
        cli="aws workspaces create-workspaces --workspaces 'DirectoryId=D,UserName=U,BundleId=B,RootVolumeEncryptionEnabled=true,UserVolumeEncryptionEnabled=true,VolumeEncryptionKey=KEY'",
        cloudformation="RootVolumeEncryptionEnabled: true  UserVolumeEncryptionEnabled: true  VolumeEncryptionKey: !Ref Key",
        terraform="root_volume_encryption_enabled = true  user_volume_encryption_enabled = true  volume_encryption_key = aws_kms_key.this.arn",
    ),
    checkov=(
        "CKV_AWS_155",
        "CKV_AWS_156",
    ),
)

evaluate = expect_all(
    (
        ("RootVolumeEncryptionEnabled", is_true, False, "root volume encryption"),
        ("UserVolumeEncryptionEnabled", is_true, False, "user volume encryption"),
    ),
    ok="root and user volumes encrypted",
    bad="WorkSpace {name} lacks {missing}",
)

EXAMPLES = (
    *examples(
        "AWS::WorkSpaces::Workspace",
        passing=[("both", {"RootVolumeEncryptionEnabled": True, "UserVolumeEncryptionEnabled": True})],
        failing=[("none", {"UserName": "u"}), ("root-only", {"RootVolumeEncryptionEnabled": True})],
    ),
    unknown_example(
        "AWS::WorkSpaces::Workspace", "RootVolumeEncryptionEnabled", {"UserVolumeEncryptionEnabled": True}
    ),
)
