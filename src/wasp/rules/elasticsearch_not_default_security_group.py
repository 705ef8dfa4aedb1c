"""Elasticsearch domains (AWS::Elasticsearch::Domain) in a VPC use security groups of their own."""

from wasp.rules import opensearch_not_default_security_group as opensearch
from wasp.rules._db import ELASTICSEARCH, retyped, twin

META = twin(
    opensearch.META,
    ELASTICSEARCH,
    "Elasticsearch domains do not use the default security group",
    ("CKV_AWS_248",),
)
evaluate = opensearch.evaluate
EXAMPLES = retyped(opensearch.EXAMPLES, ELASTICSEARCH)
