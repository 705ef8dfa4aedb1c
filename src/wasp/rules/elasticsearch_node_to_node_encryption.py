"""Elasticsearch domains (AWS::Elasticsearch::Domain) encrypt traffic between their nodes."""

from wasp.rules import opensearch_node_to_node_encryption as opensearch
from wasp.rules._db import ELASTICSEARCH, retyped, twin

META = twin(
    opensearch.META, ELASTICSEARCH, "Elasticsearch domains encrypt node-to-node traffic", ("CKV_AWS_6",)
)
evaluate = opensearch.evaluate
EXAMPLES = retyped(opensearch.EXAMPLES, ELASTICSEARCH)
