"""One fixer per module; each exposes FIXER."""
