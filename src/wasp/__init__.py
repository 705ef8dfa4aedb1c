"""wasp: review an AWS workload against the AWS Well-Architected Framework Security Pillar."""

__version__ = "0.1.0"
