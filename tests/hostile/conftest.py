from __future__ import annotations

import pytest

from tests.hostile.helpers import World, build_world, fresh


@pytest.fixture(scope="session")
def prepared(tmp_path_factory) -> World:
    return build_world(tmp_path_factory.mktemp("hostile") / "data")


@pytest.fixture
def world(prepared: World, tmp_path) -> World:
    return fresh(prepared, tmp_path / "data")
