"""Attestations: what people answer for the practices no API can show."""

from wasp.attest.loader import load_attestations
from wasp.attest.schema import AttestationEntry, AttestationFile
from wasp.attest.template import attestation_template

__all__ = ["AttestationEntry", "AttestationFile", "attestation_template", "load_attestations"]
