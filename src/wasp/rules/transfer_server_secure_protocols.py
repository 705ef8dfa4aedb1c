"""Transfer Family servers do not offer plain FTP."""

from typing import Any

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import unknown_example
from wasp.rules._expect import Test, examples, expect

META = RuleMeta(
    title="Transfer Family servers allow only secure protocols",
    severity=Severity.HIGH,
    best_practices=("SEC09-BP02",),
    resource_type="AWS::Transfer::Server",
    description="Plain FTP sends user names, passwords and files unencrypted; SFTP, FTPS and AS2 protect them.",
    remediation=Remediation(
        console="Transfer Family > Servers > SERVER > Protocols > Edit: remove FTP.",
        cli="aws transfer update-server --server-id ID --protocols SFTP",
        cloudformation="Protocols: [SFTP]",
        terraform='protocols = ["SFTP"]',
    ),
    checkov=("CKV_AWS_357",),
)


def _none_ftp(protocols: Any) -> bool:
    """No plain FTP among the protocols."""
    listed = protocols if isinstance(protocols, list) else [protocols]
    return all(str(p).upper() != "FTP" for p in listed)


_no_ftp = Test(
    _none_ftp,
    "a list of protocol names (SFTP, FTPS, FTP, AS2)",
    lambda v: isinstance(v, list) and all(isinstance(p, str) for p in v),
)


evaluate = expect(
    "Protocols",
    _no_ftp,
    ok="only secure protocols",
    bad="Transfer server {name} offers plain FTP ({value})",
    default=["SFTP"],
)

EXAMPLES = (
    *examples(
        "AWS::Transfer::Server",
        passing=[("default", {"EndpointType": "VPC"}), ("sftp-ftps", {"Protocols": ["SFTP", "FTPS"]})],
        failing=[("ftp", {"Protocols": ["SFTP", "FTP"]})],
    ),
    unknown_example("AWS::Transfer::Server", "Protocols"),
)
