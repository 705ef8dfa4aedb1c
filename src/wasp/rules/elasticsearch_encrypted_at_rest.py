"""Elasticsearch domains (AWS::Elasticsearch::Domain) encrypt their data at rest."""

from wasp.rules import opensearch_encrypted_at_rest as opensearch
from wasp.rules._db import ELASTICSEARCH, retyped, twin

META = twin(opensearch.META, ELASTICSEARCH, "Elasticsearch domains are encrypted at rest", ("CKV_AWS_5",))
evaluate = opensearch.evaluate
EXAMPLES = retyped(opensearch.EXAMPLES, ELASTICSEARCH)
