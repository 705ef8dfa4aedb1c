"""Every collector wasp has, by name."""

from __future__ import annotations

from wasp.collect.accessanalyzer import AccessAnalyzerCollector
from wasp.collect.account import AccountCollector
from wasp.collect.acm import AcmCollector
from wasp.collect.alerting import AlertingCollector
from wasp.collect.apigateway import ApiGatewayCollector
from wasp.collect.base import Collector
from wasp.collect.cicd import CicdCollector
from wasp.collect.cloudformation import CloudFormationCollector
from wasp.collect.cloudfront import CloudFrontCollector
from wasp.collect.cloudtrail import CloudTrailCollector
from wasp.collect.config import ConfigCollector
from wasp.collect.contacts import ContactsCollector
from wasp.collect.detective import DetectiveCollector
from wasp.collect.dynamodb import DynamoDbCollector
from wasp.collect.ec2 import Ec2Collector
from wasp.collect.ecr import EcrCollector
from wasp.collect.ecs import EcsCollector
from wasp.collect.efs import EfsCollector
from wasp.collect.elb import ElbCollector
from wasp.collect.guardduty import GuardDutyCollector
from wasp.collect.iam import IamCollector
from wasp.collect.identity import IdentityCollector
from wasp.collect.imagebuilder import ImageBuilderCollector
from wasp.collect.inspector import InspectorCollector
from wasp.collect.kms import KmsCollector
from wasp.collect.lambdas import LambdaCollector
from wasp.collect.macie import MacieCollector
from wasp.collect.networkfirewall import NetworkFirewallCollector
from wasp.collect.organizations import OrganizationsCollector
from wasp.collect.rds import RdsCollector
from wasp.collect.s3 import S3Collector
from wasp.collect.secretsmanager import SecretsManagerCollector
from wasp.collect.securityhub import SecurityHubCollector
from wasp.collect.securitylake import SecurityLakeCollector
from wasp.collect.sns import SnsCollector
from wasp.collect.sqs import SqsCollector
from wasp.collect.ssm import SsmCollector
from wasp.collect.vpc import VpcCollector
from wasp.collect.waf import WafCollector
from wasp.errors import InputError

COLLECTORS: tuple[type[Collector], ...] = (
    AccountCollector,
    ContactsCollector,
    OrganizationsCollector,
    IdentityCollector,
    IamCollector,
    S3Collector,
    CloudFrontCollector,
    Ec2Collector,
    VpcCollector,
    ElbCollector,
    WafCollector,
    NetworkFirewallCollector,
    ApiGatewayCollector,
    CloudTrailCollector,
    GuardDutyCollector,
    SecurityHubCollector,
    ConfigCollector,
    AlertingCollector,
    InspectorCollector,
    SsmCollector,
    ImageBuilderCollector,
    MacieCollector,
    AccessAnalyzerCollector,
    DetectiveCollector,
    SecurityLakeCollector,
    KmsCollector,
    RdsCollector,
    DynamoDbCollector,
    EfsCollector,
    SnsCollector,
    SqsCollector,
    SecretsManagerCollector,
    LambdaCollector,
    EcrCollector,
    EcsCollector,
    AcmCollector,
    CloudFormationCollector,
    CicdCollector,
)


def select_collectors(names: list[str] | None = None) -> list[Collector]:
    """Instances of the named collectors (all when none are named)."""
    known = {c.name: c for c in COLLECTORS}
    if not names:
        return [c() for c in COLLECTORS]
    unknown = [n for n in names if n not in known]
    if unknown:
        raise InputError(f"unknown collector(s) {', '.join(unknown)}; choose from {', '.join(known)}")
    return [known[n]() for n in names]


def required_permissions(collectors: list[Collector]) -> list[str]:
    """The IAM actions the selected collectors call, sorted and unique."""
    return sorted({p for c in collectors for p in c.permissions} | {"sts:GetCallerIdentity"})
