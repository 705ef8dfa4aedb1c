"""Elasticsearch domains (AWS::Elasticsearch::Domain) are reachable only inside a VPC."""

from wasp.rules import opensearch_in_vpc as opensearch
from wasp.rules._db import ELASTICSEARCH, retyped, twin

META = twin(opensearch.META, ELASTICSEARCH, "Elasticsearch domains are placed in a VPC", ("CKV_AWS_137",))
evaluate = opensearch.evaluate
EXAMPLES = retyped(opensearch.EXAMPLES, ELASTICSEARCH)
