"""Errors that reach the user as one clear line (exit code 2), never as a traceback."""

from __future__ import annotations

from collections.abc import Iterable


class WaspError(Exception):
    """A problem the user can act on; the message names the file or resource and what to do."""

    exit_code = 2


class InputError(WaspError):
    """A file the user gave is missing, unreadable or invalid."""


class AwsSetupError(WaspError):
    """Credentials, endpoint or account scope prevent the review from starting."""


def did_you_mean(value: str, known: Iterable[str]) -> str:
    """``"; did you mean A, B or C?"`` naming the known values closest to a mistyped one ("" when none is close)."""
    import difflib

    close = difflib.get_close_matches(value, sorted(known), n=3, cutoff=0.6)
    if not close:
        return ""
    either = close[0] if len(close) == 1 else f"{', '.join(close[:-1])} or {close[-1]}"
    return f"; did you mean {either}?"


DEBUG_ENV = "WASP_DEBUG"
"""Set (by `--debug`) to let contained errors (a rule that raises) surface as tracebacks."""


def debug_enabled() -> bool:
    """True when `--debug` was given (or WASP_DEBUG is set): contained errors are re-raised."""
    import os

    return os.environ.get(DEBUG_ENV, "") not in ("", "0")
