"""Infrastructure as code into the same resources the live collectors produce."""
