"""Remediation: plan fixes for failing findings and apply them with re-read, audit log and verification."""
