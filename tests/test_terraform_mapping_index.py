"""The shipped Terraform mapping index (src/wasp/iac/terraform/mappings/_index.json): a scan imports the mapping
modules of the types it meets, and gets the same mappings and folds as importing every module."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from wasp.iac.terraform import folds, mapping, mapping_index
from wasp.iac.terraform.mapping import MAIN, LazyMappings, discover
from wasp.iac.terraform.mapping_index import INDEX_FILE, build, render, source_digest, trusted_index


def test_index_file_is_in_step_with_the_mapping_modules() -> None:
    assert INDEX_FILE.read_text(encoding="utf-8") == render(build(), source_digest()), (
        "src/wasp/iac/terraform/mappings/_index.json is out of step with the mapping modules: run "
        "`python -m wasp.iac.terraform.mapping_index`"
    )


def test_the_lazy_mappings_are_every_module_s_mappings() -> None:
    assert isinstance(MAIN, LazyMappings)  # the shipped index is trusted
    eager = discover()
    assert list(MAIN) == sorted(eager) and len(MAIN) == len(eager)
    assert all(MAIN[t] == eager[t] for t in eager)
    assert MAIN.get("aws_not_a_type") is None and "aws_not_a_type" not in MAIN
    assert eager == MAIN


def test_the_folds_of_each_type_are_every_module_s_folds_in_name_order() -> None:
    every = folds._area_folds()
    index = trusted_index()
    assert index is not None and set(index[1]) == set(every)
    for tf_type, expected in every.items():
        assert folds._area_folds_of(tf_type) == expected
    assert folds._area_folds_of("aws_s3_bucket_logging") == every.get("aws_s3_bucket_logging", ())
    assert folds._area_folds_of("aws_not_a_type") == ()


@pytest.mark.parametrize(
    "edit",
    [
        lambda doc: {**doc, "digest": "0" * 32},  # a module added or edited since the index was made
        lambda doc: {**doc, "mappings": {**doc["mappings"], "aws_s3_bucket": "no_such_module"}},
        lambda doc: {**doc, "folds": {"aws_s3_bucket_logging": "storage"}},
        lambda doc: ["not", "an", "index"],
    ],
)
def test_an_index_of_other_sources_or_shape_is_not_trusted(
    edit: Callable[[dict[str, Any]], Any], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    doc = json.loads(INDEX_FILE.read_text(encoding="utf-8"))
    changed = edit(doc)
    if isinstance(changed, dict) and changed.get("digest") != "0" * 32:
        changed["digest"] = source_digest()  # in step with the sources, but malformed
    stale = tmp_path / "_index.json"
    stale.write_text(json.dumps(changed), encoding="utf-8")
    monkeypatch.setattr(mapping_index, "INDEX_FILE", stale)
    trusted_index.cache_clear()
    folds._area_folds_of.cache_clear()
    try:
        assert trusted_index() is None
        main = mapping._main()
        assert isinstance(main, dict) and main == discover()  # every module imported, as before the index
        assert folds._area_folds_of("aws_s3_bucket_logging") == folds._area_folds().get(
            "aws_s3_bucket_logging", ()
        )
    finally:
        trusted_index.cache_clear()
        folds._area_folds_of.cache_clear()


def test_a_missing_index_is_not_trusted(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(mapping_index, "INDEX_FILE", tmp_path / "absent.json")
    trusted_index.cache_clear()
    try:
        assert trusted_index() is None
    finally:
        trusted_index.cache_clear()
