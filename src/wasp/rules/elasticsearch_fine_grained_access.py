"""Elasticsearch domains (AWS::Elasticsearch::Domain) use fine-grained access control."""

from wasp.rules import opensearch_fine_grained_access as opensearch
from wasp.rules._db import ELASTICSEARCH, retyped, twin

META = twin(
    opensearch.META, ELASTICSEARCH, "Elasticsearch domains use fine-grained access control", ("CKV2_AWS_52",)
)
evaluate = opensearch.evaluate
EXAMPLES = retyped(opensearch.EXAMPLES, ELASTICSEARCH)
