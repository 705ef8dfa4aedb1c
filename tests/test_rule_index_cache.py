"""The rule sources' digest (which decides whether the shipped rule index is trusted) is remembered in the
user's cache folder under the files' names, sizes, times and inodes, and recomputed whenever they change."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from wasp.rules import _index
from wasp.rules._index import current_digest, source_digest


@pytest.fixture
def cache_home(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    return tmp_path / "cache" / "wasp"


def test_the_digest_is_remembered_outside_the_source_tree_and_read_back(
    cache_home: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    sources = _index._sources()
    digest = current_digest(sources)
    assert digest == source_digest()
    written = list(cache_home.iterdir())
    assert len(written) == 1 and json.loads(written[0].read_text())["digest"] == digest
    assert not any(p.name.startswith("rule-sources-") for p in Path(_index.__file__).parent.iterdir())

    def unread(*_: object) -> str:
        raise AssertionError("the sources were read again although no file changed")

    monkeypatch.setattr(_index, "source_digest", unread)
    assert current_digest(_index._sources()) == digest


def test_a_changed_source_recomputes_the_digest(cache_home: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sources = _index._sources()
    current_digest(sources)
    (cached,) = cache_home.iterdir()
    cached.write_text(json.dumps({"key": "0" * 32, "digest": "f" * 32}))  # as if made from other files
    assert current_digest(sources) == source_digest()
    monkeypatch.setattr(_index, "_stat_key", lambda _: "changed")  # a file edited, touched or replaced
    monkeypatch.setattr(_index, "source_digest", lambda _: "recomputed")
    assert current_digest(sources) == "recomputed"


@pytest.mark.parametrize("content", ["{not json", '["a", "list"]', '{"key": 1}'])
def test_an_unreadable_cache_is_recomputed(cache_home: Path, content: str) -> None:
    sources = _index._sources()
    cache_home.mkdir(parents=True)
    cache = _index._cache_file()
    assert cache is not None
    cache.write_text(content)
    assert current_digest(sources) == source_digest()


def test_a_cache_folder_that_cannot_be_written_costs_time_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocker))  # its "wasp" folder cannot be made
    assert current_digest(_index._sources()) == source_digest()


def test_without_a_home_the_digest_is_computed(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)

    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", no_home)
    assert _index._cache_file() is None
    assert current_digest(_index._sources()) == source_digest()
