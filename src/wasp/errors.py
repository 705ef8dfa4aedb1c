"""Errors that reach the user as one clear line (exit code 2), never as a traceback."""

from __future__ import annotations


class WaspError(Exception):
    """A problem the user can act on; the message names the file or resource and what to do."""

    exit_code = 2


class InputError(WaspError):
    """A file the user gave is missing, unreadable or invalid."""


class AwsSetupError(WaspError):
    """Credentials, endpoint or account scope prevent the review from starting."""
