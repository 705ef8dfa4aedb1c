"""Guardrails that keep fixes applied: the foundational SCP pack."""
