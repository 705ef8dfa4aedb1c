"""Report formats: one module per format, each exposing REPORTER (see wasp.report.base.Reporter)."""
