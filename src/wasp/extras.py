"""Optional parts of wasp (installed as extras): import them on use, or say in one line what to install."""

from __future__ import annotations

import importlib
import importlib.util
from types import ModuleType

from wasp.errors import WaspError

EXTRAS: dict[str, str] = {
    "pdf": "PDF reports",
    "postgres": "A PostgreSQL store",
    "charts": "History charts",
    "demo": "The emulated demo account",
    "dask": "Reviews on a Dask cluster",
    "serve": "The web application (`wasp serve`)",
    "oidc": "OIDC logins to `wasp serve`",
}
"""Each extra and what it gives, for the one-line message a missing extra produces."""


class MissingExtra(WaspError):
    """An optional dependency is not installed; the message says which extra to install."""


def require(extra: str, module: str) -> ModuleType:
    """Import ``module`` (part of ``wasp[extra]``), or raise MissingExtra naming the extra to install."""
    try:
        return importlib.import_module(module)
    except ImportError as exc:
        what = EXTRAS.get(extra, extra)
        raise MissingExtra(f"{what} need `pip install 'wasp[{extra}]'` ({module} is not installed)") from exc


def available(module: str) -> bool:
    """True when ``module`` can be imported (an optional part is installed)."""
    return importlib.util.find_spec(module) is not None
