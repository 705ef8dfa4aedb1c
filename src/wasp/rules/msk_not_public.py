"""MSK brokers are not reachable from the internet."""

from wasp.model import Severity, Unresolved
from wasp.model.rule import Remediation, RuleMeta
from wasp.rules._db import unknowns
from wasp.rules._expect import examples, expect, none_of

META = RuleMeta(
    title="MSK brokers are private",
    severity=Severity.HIGH,
    best_practices=("SEC05-BP01",),
    resource_type="AWS::MSK::Cluster",
    description="Public access (SERVICE_PROVIDED_EIPS) gives every broker a public IP address; clients should reach the cluster inside the VPC, through peering, Transit Gateway or PrivateLink.",
    remediation=Remediation(
        console="Amazon MSK > Clusters > CLUSTER > Properties > Networking settings > Edit public access > Off.",
        cli='aws kafka update-connectivity --cluster-arn ARN --current-version VERSION --connectivity-info \'{"PublicAccess": {"Type": "DISABLED"}}\'',
        cloudformation="BrokerNodeGroupInfo: {ConnectivityInfo: {PublicAccess: {Type: DISABLED}}}",
        terraform='broker_node_group_info { connectivity_info { public_access { type = "DISABLED" } } }',
    ),
    checkov=("CKV_AWS_291",),
)

evaluate = expect(
    "BrokerNodeGroupInfo.ConnectivityInfo.PublicAccess.Type",
    none_of("SERVICE_PROVIDED_EIPS"),
    ok="brokers private",
    bad="MSK cluster {name} gives its brokers public IP addresses",
    default="DISABLED",
)

EXAMPLES = examples(
    "AWS::MSK::Cluster",
    passing=[("default", {"ClusterName": "events"})],
    failing=[
        (
            "public",
            {
                "BrokerNodeGroupInfo": {
                    "ConnectivityInfo": {"PublicAccess": {"Type": "SERVICE_PROVIDED_EIPS"}}
                }
            },
        )
    ],
) + unknowns(
    "AWS::MSK::Cluster",
    (
        "deploy-time",
        {
            "BrokerNodeGroupInfo": {
                "ConnectivityInfo": {"PublicAccess": {"Type": Unresolved("a parameter with no default")}}
            }
        },
    ),
)
