"""Allow ``python -m wasp``."""

from wasp.cli.app import main

main()
