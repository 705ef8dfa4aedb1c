"""The AWS regions botocore knows, so a mistyped region is refused before any call is made.

The list comes from botocore's own partition data (``botocore/data/partitions.json``; ``endpoints.json`` in older
releases), read as a file: botocore itself is not imported, so checking a region costs a few milliseconds.
"""

from __future__ import annotations

import json
from collections.abc import Iterable
from functools import cache
from importlib.util import find_spec
from pathlib import Path

from wasp.errors import InputError, did_you_mean

__all__ = ["check_regions", "known_regions"]


def _data_dir() -> Path:
    spec = find_spec("botocore")
    if spec is None or spec.origin is None:
        raise InputError("cannot check region names: botocore is not installed (`pip install wasp`)")
    return Path(spec.origin).parent / "data"


@cache
def known_regions() -> frozenset[str]:
    """Every region of every partition in botocore's data (aws, aws-cn, aws-us-gov, the ISO partitions...).

    Pseudo-regions such as ``aws-global`` are left out: they are not regions a workload runs in.
    """
    data = _data_dir()
    partitions = data / "partitions.json"
    if partitions.exists():
        doc = json.loads(partitions.read_text(encoding="utf-8"))
    else:  # botocore before partitions.json kept the same regions in endpoints.json
        doc = json.loads((data / "endpoints.json").read_text(encoding="utf-8"))
    return frozenset(
        region
        for partition in doc.get("partitions", [])
        for region in partition.get("regions", {})
        if not region.endswith("-global")
    )


def check_regions(regions: Iterable[str], where: str) -> tuple[str, ...]:
    """The regions, unchanged, when botocore knows each; else InputError naming the first unknown one.

    ``where`` says where the regions came from (``--regions``, ``wasp.yaml: regions``). The message suggests
    the closest known names, so ``eu-west-22`` or ``euwest-2`` is one line that says what was meant.
    """
    chosen = tuple(regions)
    known = known_regions()
    for region in chosen:
        if region in known:
            continue
        hint = did_you_mean(region, known) or "; e.g. eu-west-2 or us-east-1"
        raise InputError(
            f"{where}: unknown AWS region {region!r}{hint} "
            "(if the region is new, upgrade botocore: `pip install -U botocore`)"
        )
    return chosen
