"""Service models cut to the operations wasp calls, so a review holds about 80 MiB less in memory.

botocore keeps each service's whole model in memory once a client exists (EC2: 830 operations and 4,400
shapes, about 15 MiB; the 45 services a review reads: about 90 MiB), although a review calls a few operations
of each. :class:`LeanLoader` loads a model as botocore does, then keeps only the operations whose name appears
in the source of the packages that read AWS (:data:`READERS`: as a quoted name, ``"get_bucket_policy"``, or a
method call, ``.get_bucket_policy(``) and the shapes they reach; the full model is not kept. Only reviews use
it: remediation and the Well-Architected Tool client make their clients from whole models.

Nothing is read less: a name that is not in the source (built at run time, say) makes
:class:`~wasp.collect.clients.ClientFactory` *widen* that service (load its full model from then on) and make
the client again before the call, so the call is made as before. Without wasp's source files (a zipped or
compiled-only install) models are not cut.
"""

from __future__ import annotations

import functools
import os
import re
import threading
from collections.abc import Iterator
from importlib import resources
from importlib.resources.abc import Traversable
from typing import Any

from botocore import xform_name
from botocore.loaders import Loader

READERS = ("wasp.collect", "wasp.org")
"""The packages whose code calls AWS through a review's clients."""
_NAMES = re.compile(r"""["']([a-z][a-z0-9]*(?:_[a-z0-9]+)*)["']|\.([a-z][a-z0-9]*(?:_[a-z0-9]+)*)\(""")
"""A quoted snake-case name or a called attribute: every way wasp's code names an operation."""


def _sources(folder: Traversable) -> Iterator[Traversable]:
    for entry in folder.iterdir():
        if entry.is_dir():
            yield from _sources(entry)
        elif entry.name.endswith(".py"):
            yield entry


@functools.cache
def called_names() -> frozenset[str] | None:
    """Every snake-case name quoted or called in :data:`READERS`' source: a superset of the operations a review
    calls. None when the source cannot be read (models are then kept whole)."""
    found: set[str] = set()
    try:
        for package in READERS:
            for source in _sources(resources.files(package)):
                for quoted, called in _NAMES.findall(source.read_text(encoding="utf-8")):
                    found.add(quoted or called)
    except (OSError, UnicodeDecodeError):
        return None
    return frozenset(found) or None


def cut(model: dict[str, Any], keep: frozenset[str]) -> dict[str, Any]:
    """``model`` with only the operations named in ``keep`` (snake case) and the shapes they reach.

    An operation botocore uses for endpoint discovery is always kept."""
    operations = {
        name: op
        for name, op in model.get("operations", {}).items()
        if xform_name(name) in keep or op.get("endpointoperation")
    }
    shapes: dict[str, Any] = model.get("shapes", {})
    wanted = [
        ref["shape"]
        for op in operations.values()
        for ref in (op.get("input"), op.get("output"), *op.get("errors", ()))
        if isinstance(ref, dict) and "shape" in ref
    ]
    reached: set[str] = set()
    while wanted:
        name = wanted.pop()
        if name in reached or name not in shapes:
            continue
        reached.add(name)
        shape = shapes[name]
        wanted.extend(shape[k]["shape"] for k in ("member", "key", "value") if k in shape)
        wanted.extend(m["shape"] for m in shape.get("members", {}).values())
    lean = {k: v for k, v in model.items() if k not in ("operations", "shapes")}
    lean["operations"] = operations
    lean["shapes"] = {name: shapes[name] for name in shapes if name in reached}
    return lean


class LeanLoader(Loader):  # type: ignore[misc]  # botocore is untyped
    """botocore's loader, with service models cut to the operations wasp names (see the module docstring).

    One per process, shared by every session (so each model is loaded once, whatever the accounts): loading is
    locked, and :meth:`widen` makes a service's model whole for the rest of the run.
    """

    def __init__(self, keep: frozenset[str], **kwargs: Any) -> None:
        super().__init__(**kwargs)
        self._keep = keep
        self._models: dict[tuple[str, str | None, bool], dict[str, Any]] = {}
        self._whole: set[str] = set()
        self._lock = threading.RLock()

    @property
    def widened(self) -> frozenset[str]:
        """The services whose full model was needed."""
        with self._lock:
            return frozenset(self._whole)

    def widen(self, service: str) -> None:
        """Load ``service``'s full model from now on (clients made before keep their cut one)."""
        with self._lock:
            self._whole.add(service)

    def load_service_model(self, service_name: str, type_name: str, api_version: str | None = None) -> Any:
        """The model botocore asks for; a service model (``service-2``) cut unless widened."""
        if type_name != "service-2":
            return super().load_service_model(service_name, type_name, api_version)
        with self._lock:
            whole = service_name in self._whole
            key = (service_name, api_version, whole)
            model = self._models.get(key)
            if model is None:
                full = super().load_service_model(service_name, type_name, api_version)
                if not whole:
                    self._forget(full)
                model = self._models[key] = full if whole else cut(full, self._keep)
            return model

    def _forget(self, full: object) -> None:
        """Drop botocore's own cache of a full model, so only the cut one stays in memory."""
        cache: dict[Any, Any] = self._cache
        for key, value in list(cache.items()):
            if value is full or (isinstance(value, tuple) and value and value[0] is full):
                del cache[key]


_LOADER: LeanLoader | None = None
_LOADER_LOCK = threading.Lock()


def shared_loader() -> LeanLoader | None:
    """This process's :class:`LeanLoader` (made on first use), or None when wasp's source cannot be read."""
    global _LOADER
    keep = called_names()
    if keep is None:
        return None
    with _LOADER_LOCK:
        if _LOADER is None:
            extra = os.environ.get("AWS_DATA_PATH")  # as botocore's own loader honours it
            paths = [os.path.expanduser(p) for p in extra.split(os.pathsep)] if extra else None
            _LOADER = LeanLoader(keep, extra_search_paths=paths)
        return _LOADER
