"""MWAA web servers are reachable only from the VPC."""

from wasp.model import Severity
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._data_checks import unknown_example
from wasp.rules._expect import examples, expect, none_of

META = RuleMeta(
    title="MWAA web servers are not publicly accessible",
    severity=Severity.HIGH,
    best_practices=("SEC05-BP01",),
    resource_type="AWS::MWAA::Environment",
    public_exposure=True,
    description="PUBLIC_ONLY puts the Airflow UI, which can trigger DAGs that hold data and credentials, on the internet behind a sign-in page only.",
    remediation=Remediation(
        console="MWAA > Environments > ENV > Edit > Networking > Web server access: Private network (recreate if needed).",
        cli="aws mwaa update-environment --name ENV --webserver-access-mode PRIVATE_ONLY",
        cloudformation="WebserverAccessMode: PRIVATE_ONLY",
        terraform='webserver_access_mode = "PRIVATE_ONLY"',
    ),
    checkov=("CKV2_AWS_66",),
)

evaluate = expect(
    "WebserverAccessMode",
    none_of("PUBLIC_ONLY"),
    ok="web server private",
    bad="MWAA environment {name} web server is public",
    default="PRIVATE_ONLY",
)

EXAMPLES = (
    *examples(
        "AWS::MWAA::Environment",
        passing=[("default", {"Name": "airflow"}), ("private", {"WebserverAccessMode": "PRIVATE_ONLY"})],
        failing=[("public", {"WebserverAccessMode": "PUBLIC_ONLY"})],
    ),
    unknown_example("AWS::MWAA::Environment", "WebserverAccessMode"),
)
