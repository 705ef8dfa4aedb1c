"""EFS access points confine clients to a directory."""

from typing import Any

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import unknown_example
from wasp.rules._expect import examples, expect, present

META = RuleMeta(
    title="EFS access points enforce a root directory",
    severity=Severity.MEDIUM,
    best_practices=("SEC03-BP02",),
    resource_type="AWS::EFS::AccessPoint",
    description="An access point without a root directory (or with /) exposes the whole file system to every client that mounts through it.",
    remediation=Remediation(
        console="EFS > Access points > Create: Root directory path, e.g. /app, with creation permissions.",
        cli="aws efs create-access-point --file-system-id FS --root-directory 'Path=/app,CreationInfo={OwnerUid=1000,OwnerGid=1000,Permissions=750}'",
        cloudformation="RootDirectory: {Path: /app, CreationInfo: {OwnerUid: '1000', OwnerGid: '1000', Permissions: '750'}}",
        terraform='root_directory { path = "/app" }',
    ),
    checkov=("CKV_AWS_329",),
)


def _below_root(path: Any) -> bool:
    """A directory other than the file system's root."""
    return present(path) and str(path).rstrip("/") != ""


evaluate = expect(
    "RootDirectory.Path",
    _below_root,
    ok="root directory {value}",
    bad="access point {name} exposes the whole file system (no root directory)",
)

EXAMPLES = (
    *examples(
        "AWS::EFS::AccessPoint",
        passing=[("app", {"RootDirectory": {"Path": "/app"}})],
        failing=[("absent", {"FileSystemId": "fs-1"}), ("slash", {"RootDirectory": {"Path": "/"}})],
    ),
    unknown_example("AWS::EFS::AccessPoint", "RootDirectory.Path"),
)
