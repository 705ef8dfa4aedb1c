"""EFS access points enforce a POSIX user."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import expect_set, unknown_example
from wasp.rules._expect import examples
from wasp.rules._shape import is_number

META = RuleMeta(
    title="EFS access points enforce a user identity",
    severity=Severity.MEDIUM,
    best_practices=("SEC03-BP02",),
    resource_type="AWS::EFS::AccessPoint",
    description="An access point's POSIX user replaces the user and group a client claims, so a client cannot act as root or another user on the file system.",
    remediation=Remediation(
        console="EFS > Access points > Create: POSIX user (user ID and group ID).",
        cli="aws efs create-access-point --file-system-id FS --posix-user Uid=1000,Gid=1000",
        cloudformation="PosixUser: {Uid: '1000', Gid: '1000'}",
        terraform="posix_user { uid = 1000  gid = 1000 }",
    ),
    checkov=("CKV_AWS_330",),
)

evaluate = expect_set(
    "PosixUser.Uid",
    fits=is_number,
    expected="a user id (a number)",
    ok="POSIX user {value}",
    bad="access point {name} lets clients use any identity (no POSIX user)",
)

EXAMPLES = (
    *examples(
        "AWS::EFS::AccessPoint",
        passing=[("set", {"PosixUser": {"Uid": "1000", "Gid": "1000"}})],
        failing=[("absent", {"FileSystemId": "fs-1"})],
    ),
    unknown_example("AWS::EFS::AccessPoint", "PosixUser.Uid"),
)
