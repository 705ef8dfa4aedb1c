"""Elasticsearch domains (AWS::Elasticsearch::Domain) require HTTPS with TLS 1.2 or later."""

from wasp.rules import opensearch_https_tls12 as opensearch
from wasp.rules._db import ELASTICSEARCH, retyped, twin

META = twin(
    opensearch.META,
    ELASTICSEARCH,
    "Elasticsearch domains require HTTPS with TLS 1.2 or later",
    ("CKV_AWS_83", "CKV_AWS_228"),
)
evaluate = opensearch.evaluate
EXAMPLES = retyped(opensearch.EXAMPLES, ELASTICSEARCH)
