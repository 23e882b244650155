from __future__ import annotations

from typing import Iterator

import pytest
from flask import Flask

from flaskui.testing import LiveServer

from .apps import create_app


@pytest.fixture
def app() -> Flask:
    return create_app()


@pytest.fixture
def live(app: Flask) -> Iterator[LiveServer]:
    with LiveServer(app) as server:
        yield server
