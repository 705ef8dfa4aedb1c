"""EMR security configurations encrypt data in transit between cluster nodes."""

import json

from wasp.model import FindingStatus, Resource, Severity
from wasp.model.rule import (
    Example,
    Remediation,
    ResourceView,
    RuleContext,
    RuleMeta,
    Verdict,
    example_resource,
    failed,
    passed,
    unknown,
)
from wasp.rules._expect import is_true
from wasp.rules._iam_services import configuration

META = RuleMeta(
    title="EMR security configurations encrypt data in transit",
    severity=Severity.MEDIUM,
    best_practices=("SEC09-BP02",),
    resource_type="AWS::EMR::SecurityConfiguration",
    description="Without in-transit encryption, Spark shuffles, HDFS block transfers and EMRFS traffic between "
    "nodes travel in clear text; the configuration turns on TLS with the certificates it names.",
    remediation=Remediation(
        console="EMR > Security configurations > Create: In-transit encryption on, with a PEM or custom "
        "certificate provider.",
        cli="aws emr create-security-configuration --name NAME --security-configuration file://config.json",
        cloudformation="SecurityConfiguration: {EncryptionConfiguration: {EnableInTransitEncryption: true, "
        "InTransitEncryptionConfiguration: {TLSCertificateConfiguration: {CertificateProviderType: PEM, "
        "S3Object: s3://bucket/certs.zip}}}}",
        terraform="configuration = jsonencode({EncryptionConfiguration = {EnableInTransitEncryption = true, ...}})",
    ),
    checkov=("CKV_AWS_351",),
)


def evaluate(view: ResourceView, ctx: RuleContext) -> Verdict | None:
    """Fail unless EnableInTransitEncryption is true."""
    enc = configuration(view)
    if enc is None:
        return unknown("the security configuration is not a readable JSON document")
    if is_true(enc.get("EnableInTransitEncryption")):
        return passed("in-transit encryption on")
    return failed(f"EMR security configuration {view.label('Name')} leaves traffic between nodes unencrypted")


def _config(on: bool) -> Resource:
    doc = {"EncryptionConfiguration": {"EnableInTransitEncryption": on, "EnableAtRestEncryption": True}}
    return example_resource("AWS::EMR::SecurityConfiguration", {"SecurityConfiguration": json.dumps(doc)})


EXAMPLES = (
    Example("on", _config(True), FindingStatus.PASS),
    Example("off", _config(False), FindingStatus.FAIL),
)
