"""A missing optional part is one line naming the extra to install."""

from __future__ import annotations

import pytest

from wasp.extras import MissingExtra, available, require


def test_require_returns_the_module() -> None:
    assert require("pdf", "json").dumps([]) == "[]"


def test_missing_extra_names_the_install_command() -> None:
    with pytest.raises(MissingExtra, match=r"PDF reports need `pip install 'wasp\[pdf\]'`"):
        require("pdf", "wasp_no_such_module_xyz")
    assert MissingExtra.exit_code == 2


def test_available() -> None:
    assert available("json")
    assert not available("wasp_no_such_module_xyz")
