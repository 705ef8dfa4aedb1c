"""Caps on what wasp reads: the size of each kind of file, and how far a small file may expand when evaluated.

One place holds the defaults. Each cap can be raised (or lowered) with an environment variable
(``WASP_MAX_TEMPLATE_MB=50``) and, where ``wasp scan`` reads the file, with ``--limit template=50``. Exceeding a cap
is one line naming the file, its size, the cap and how to raise it (exit code 2).

Files are opened without blocking and checked to be regular files before anything is read, so a FIFO or a
device is refused rather than waited on, and at most cap + 1 bytes are ever read (``/proc`` files report a size of
0).
"""

from __future__ import annotations

import os
import stat
from enum import StrEnum
from pathlib import Path
from typing import BinaryIO

from wasp.errors import InputError

MB = 1024 * 1024


class FileKind(StrEnum):
    """The kinds of file wasp reads, each with its own size cap."""

    TEMPLATE = "template"
    """CloudFormation templates and parameter files."""
    TERRAFORM = "terraform"
    """``.tf`` and ``.tfvars`` files."""
    PLAN = "plan"
    """Terraform plan JSON."""
    CONFIG = "config"
    """Workload, attestation and waiver YAML."""
    SNAPSHOT = "snapshot"
    """Snapshots, decompressed (the file itself may not be larger either)."""
    REVIEW = "review"
    """Saved review JSON."""
    BASELINE = "baseline"
    """``wasp scan`` baselines."""


DEFAULT_MB: dict[str, int] = {
    FileKind.TEMPLATE: 20,
    FileKind.TERRAFORM: 20,
    FileKind.PLAN: 200,
    FileKind.CONFIG: 5,
    FileKind.SNAPSHOT: 1024,
    FileKind.REVIEW: 500,
    FileKind.BASELINE: 50,
}
"""File size caps in MB (CloudFormation's own template limit is 1 MB)."""

EXPANDED_MB = "expanded"
"""The cap on text produced while evaluating one source (joins, substitutions, string concatenation), in MB."""
EXPANDED_NODES = "nodes"
"""The cap on values produced while evaluating one source (YAML aliases, list and object construction)."""
DEFAULT_EXPANDED_MB = 50
DEFAULT_EXPANDED_NODES = 2_000_000
MAX_DEPTH = 100
"""Nesting deeper than this (lists in lists...) is refused with one line rather than a RecursionError."""

_overrides: dict[str, int] = {}


def env_var(name: str) -> str:
    """The environment variable that overrides a cap."""
    return f"WASP_MAX_{name.upper()}" if name == EXPANDED_NODES else f"WASP_MAX_{name.upper()}_MB"


def names() -> list[str]:
    """Every cap's name (as ``--limit NAME=N`` takes it)."""
    return [*DEFAULT_MB, EXPANDED_MB, EXPANDED_NODES]


def _default(name: str) -> int:
    if name == EXPANDED_MB:
        return DEFAULT_EXPANDED_MB
    if name == EXPANDED_NODES:
        return DEFAULT_EXPANDED_NODES
    return DEFAULT_MB[name]


def setting(name: str) -> int:
    """A cap as configured: a ``--limit`` override, else the environment variable, else the default."""
    if name in _overrides:
        return _overrides[name]
    raw = os.environ.get(env_var(name), "").strip()
    if raw:
        if not raw.isdigit() or int(raw) <= 0:
            raise InputError(f"{env_var(name)}={raw[:20]!r}: expected a whole number above 0")
        return int(raw)
    return _default(name)


def configure(pairs: dict[str, str]) -> None:
    """Apply ``--limit NAME=N`` options (for this process); a bad name or number is one InputError."""
    for name, raw in pairs.items():
        if name not in names():
            raise InputError(f"--limit {name}: unknown cap; choose from {', '.join(names())}")
        if not raw.strip().isdigit() or int(raw) <= 0:
            raise InputError(f"--limit {name}={raw[:20]}: expected a whole number above 0")
        _overrides[name] = int(raw)


def reset() -> None:
    """Forget ``--limit`` overrides (tests, and a library caller running several scans)."""
    _overrides.clear()


def max_bytes(kind: FileKind) -> int:
    """The size cap of one kind of file, in bytes."""
    return setting(kind) * MB


def how_to_raise(name: str) -> str:
    """How a user raises a cap, for the error that names it."""
    scan_option = f" or `wasp scan --limit {name}=N`" if name not in ("config", "snapshot", "review") else ""
    return f"set {env_var(name)}=N{scan_option} to raise it"


def too_large(path: Path, kind: FileKind, size: int | None, what: str) -> InputError:
    """The one-line error for a file over its cap."""
    cap = setting(kind)
    told = f"{size:,} bytes" if size is not None else f"more than {cap} MB"
    return InputError(
        f"{path}: the {what} is too large ({told}, over the {cap} MB cap); {how_to_raise(kind.value)}"
    )


def file_type(mode: int) -> str:
    """What a non-regular entry is, for messages: a folder, a FIFO, a device, a socket."""
    if stat.S_ISDIR(mode):
        return "a folder"
    if stat.S_ISFIFO(mode):
        return "a FIFO"
    if stat.S_ISCHR(mode) or stat.S_ISBLK(mode):
        return "a device"
    if stat.S_ISSOCK(mode):
        return "a socket"
    return "not a regular file"


def is_regular(path: Path) -> bool:
    """True for a regular file (following symlinks); FIFOs, devices and sockets are not."""
    try:
        return stat.S_ISREG(os.stat(path).st_mode)
    except OSError:
        return False


def read_bytes(path: Path, kind: FileKind, what: str) -> bytes:
    """At most the cap of a regular file; anything else is one InputError naming the file and what to do."""
    cap = max_bytes(kind)
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except FileNotFoundError as exc:
        raise InputError(f"{path}: {what} not found; check the path") from exc
    except OSError as exc:
        raise InputError(
            f"{path}: cannot read the {what} ({exc.strerror or exc.__class__.__name__}); "
            "check the path and permissions"
        ) from exc
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            raise InputError(
                f"{path}: the {what} is {file_type(st.st_mode)}, not a regular file; give a file"
            )
        if st.st_size > cap:
            raise too_large(path, kind, st.st_size, what)
        try:
            data = _read_upto(fh, cap + 1, st.st_size)
        except OSError as exc:
            raise InputError(
                f"{path}: cannot read the {what} ({exc.strerror or exc.__class__.__name__})"
            ) from exc
    if len(data) > cap:
        raise too_large(path, kind, None, what)
    return data


def _read_upto(fh: BinaryIO, limit: int, size_hint: int) -> bytes:
    """Up to ``limit`` bytes, read in chunks (``read(limit)`` would allocate the whole cap at once)."""
    chunks: list[bytes] = []
    got = 0
    chunk = max(64 * 1024, min(size_hint + 1, limit))
    while got < limit:
        data = fh.read(min(chunk, limit - got))
        if not data:
            break
        chunks.append(data)
        got += len(data)
    return b"".join(chunks)


def read_text(path: Path, kind: FileKind, what: str) -> str:
    """A capped regular file as UTF-8 text; other encodings are one InputError giving the byte offset."""
    data = read_bytes(path, kind, what)
    try:
        return data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise InputError(
            f"{path}:{line}: cannot read the {what}: not UTF-8 text (invalid byte at offset {exc.start}); "
            "save it as UTF-8"
        ) from exc


def read_head(path: Path, limit: int) -> bytes:
    """The first ``limit`` bytes of a regular file, or nothing (for sniffing a file's kind; never blocks)."""
    flags = os.O_RDONLY | getattr(os, "O_NONBLOCK", 0) | getattr(os, "O_CLOEXEC", 0)
    try:
        fd = os.open(path, flags)
    except OSError:
        return b""
    with os.fdopen(fd, "rb") as fh:
        st = os.fstat(fd)
        if not stat.S_ISREG(st.st_mode):
            return b""
        try:
            return _read_upto(fh, limit, st.st_size)
        except OSError:
            return b""


class Budget:
    """What evaluating one source may produce: values (nodes) and text (characters), counted as they are made.

    A small file can describe a huge value (YAML aliases of aliases, a Terraform local that doubles a string forty
    times, ``Fn::Join`` over anchors); the budget stops it with one line however the size is reached.
    """

    def __init__(self, nodes: int | None = None, text: int | None = None) -> None:
        self.max_nodes = nodes if nodes is not None else setting(EXPANDED_NODES)
        self.max_text = text if text is not None else setting(EXPANDED_MB) * MB
        self.nodes = 0
        self.text = 0
        self._sizes: dict[int, tuple[object, int, int]] = {}

    def size(self, value: object) -> tuple[int, int]:
        """(values, characters) of a produced value, nested containers included (memoized; no recursion)."""
        if isinstance(value, str):
            return 1, len(value)
        if not isinstance(value, list | dict | tuple):
            return 1, 0
        known = self._sizes.get(id(value))
        if known is not None and known[0] is value:
            return known[1], known[2]
        stack: list[tuple[object, bool]] = [(value, False)]
        active: set[int] = set()
        while stack:
            item, done = stack.pop()
            children = list(item.values()) if isinstance(item, dict) else list(item)  # type: ignore[call-overload]
            if done:
                nodes, chars = 1, 0
                for child in children:
                    cn, cc = self._known(child)
                    nodes, chars = nodes + cn, chars + cc
                self._sizes[id(item)] = (item, nodes, chars)
                active.discard(id(item))
                continue
            cached = self._sizes.get(id(item))
            if (cached is not None and cached[0] is item) or id(item) in active:
                continue
            active.add(id(item))
            stack.append((item, True))
            stack.extend(
                (c, False) for c in children if isinstance(c, list | dict | tuple) and id(c) not in active
            )
        return self._known(value)

    def _known(self, value: object) -> tuple[int, int]:
        if isinstance(value, str):
            return 1, len(value)
        cached = self._sizes.get(id(value))
        if cached is not None and cached[0] is value:
            return cached[1], cached[2]
        return 1, 0

    def charge_value(self, value: object) -> None:
        """Count a value that is used again (a reference to a local, a variable, an iterator)."""
        nodes, chars = self.size(value)
        self.charge(nodes, chars)

    def charge(self, nodes: int = 0, text: int = 0) -> None:
        """Count produced values; raises ExpansionError past either cap."""
        self.nodes += nodes
        self.text += text
        if self.nodes > self.max_nodes or self.text > self.max_text:
            raise ExpansionError(self)


class ExpansionError(Exception):
    """A source expands beyond its budget (not a user-facing line by itself: the reader adds the file)."""

    def __init__(self, budget: Budget) -> None:
        self.budget = budget
        super().__init__(self.describe())

    def describe(self) -> str:
        """What was exceeded, and how to raise it."""
        b = self.budget
        if b.text > b.max_text:
            return (
                f"it expands to more than {b.max_text // MB} MB of text when evaluated (aliases, joins or "
                f"repeated concatenation?); not read further; {how_to_raise(EXPANDED_MB)}"
            )
        return (
            f"it expands to more than {b.max_nodes:,} values when evaluated (YAML aliases or nested "
            f"repetition?); not read further; {how_to_raise(EXPANDED_NODES)}"
        )
