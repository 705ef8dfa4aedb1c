"""The scanned tree: what ``wasp scan`` may read, and the walk that finds the files in it.

The *roots* are the folders given on the command line, and the folder of each file given. Everything the scan
reads stays inside them: a symlink (file or folder) whose target leaves them is skipped with a warning, and so
is a nested stack's ``TemplateURL`` or a Terraform module ``source`` that points outside. FIFOs, devices and
sockets are skipped (opening a FIFO would block the scan). A symlinked folder that stays inside the roots is not
descended into, since its target is walked anyway; a symlinked file that stays inside is read.
"""

from __future__ import annotations

import os
import stat
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path

from wasp.limits import file_type

SKIP_DIRS = {".git", ".terraform", "node_modules", ".venv", "__pycache__", "cdk.out", ".aws-sam"}


@dataclass(frozen=True)
class Roots:
    """The resolved folders a scan may read from."""

    paths: tuple[Path, ...]

    @classmethod
    def of(cls, given: Iterable[Path]) -> Roots:
        """The roots for the paths a user gave: each folder, and the folder of each file."""
        out: list[Path] = []
        for path in given:
            resolved = path.resolve()
            out.append(resolved if resolved.is_dir() else resolved.parent)
        return cls(tuple(dict.fromkeys(out)))

    def contains(self, path: Path) -> bool:
        """True when ``path`` (symlinks resolved) is inside one of the roots."""
        try:
            resolved = path.resolve()
        except (OSError, RuntimeError):  # a symlink loop
            return False
        return any(resolved == root or root in resolved.parents for root in self.paths)


def kind_of(mode: int) -> str | None:
    """What a non-regular, non-folder entry is (None for regular files and folders)."""
    if stat.S_ISREG(mode) or stat.S_ISDIR(mode):
        return None
    return file_type(mode)


def check_file(path: Path, roots: Roots) -> str | None:
    """Why a file may not be read (it leaves the roots, or is not a regular file), or None when it may."""
    if path.is_symlink() and not roots.contains(path):
        return f"{path}: skipped: a symlink to outside the scanned folders"
    try:
        mode = os.stat(path).st_mode
    except OSError as exc:
        return f"{path}: skipped: cannot read ({exc.strerror or exc.__class__.__name__})"
    other = kind_of(mode)
    if other is not None:
        return f"{path}: skipped: {other}, not a regular file"
    if stat.S_ISDIR(mode):
        return f"{path}: skipped: a folder"
    return None


def walk(root: Path, roots: Roots, skipped: list[str]) -> Iterator[Path]:
    """The regular files under ``root`` that the scan may read, sorted; what was left out goes to ``skipped``."""
    pending = [root]
    found: list[Path] = []
    while pending:
        directory = pending.pop()
        try:
            entries = sorted(os.scandir(directory), key=lambda e: e.name)
        except OSError as exc:
            skipped.append(f"{directory}: skipped: cannot list ({exc.strerror or exc.__class__.__name__})")
            continue
        for entry in entries:
            path = Path(entry.path)
            if entry.name in SKIP_DIRS:
                continue
            try:
                is_link = entry.is_symlink()
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError:
                continue
            if is_dir:
                pending.append(path)
            elif is_link:
                if not roots.contains(path):
                    skipped.append(f"{path}: skipped: a symlink to outside the scanned folders")
                elif path.is_file() and kind_of(os.stat(path).st_mode) is None:
                    found.append(path)
                # a symlinked folder inside the roots is walked at its own place
            else:
                problem = check_file(path, roots)
                if problem is None:
                    found.append(path)
                else:
                    skipped.append(problem)
    yield from sorted(found)


def files_in(directory: Path, pattern: str, roots: Roots, skipped: list[str]) -> list[Path]:
    """The files of one folder matching a glob (``*.tf``) that the scan may read, sorted."""
    out = []
    for path in sorted(directory.glob(pattern)):
        problem = check_file(path, roots)
        if problem is None:
            out.append(path)
        else:
            skipped.append(problem)
    return out
