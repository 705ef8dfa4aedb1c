"""Elasticsearch domains (AWS::Elasticsearch::Domain) publish audit logs to CloudWatch Logs."""

from wasp.rules import opensearch_audit_logging as opensearch
from wasp.rules._db import ELASTICSEARCH, retyped, twin

META = twin(
    opensearch.META, ELASTICSEARCH, "Elasticsearch domains publish audit logs", ("CKV_AWS_84", "CKV_AWS_317")
)
evaluate = opensearch.evaluate
EXAMPLES = retyped(opensearch.EXAMPLES, ELASTICSEARCH)
