from __future__ import annotations

from typing import Iterator

import pytest
from flask import Flask

from flaskui.testing import LiveServer

from .apps import add_browser_pages, add_user_pages, create_app


@pytest.fixture
def app() -> Flask:
    app = create_app()
    add_browser_pages(app)
    add_user_pages(app)
    return app


@pytest.fixture
def live(app: Flask) -> Iterator[LiveServer]:
    with LiveServer(app) as server:
        yield server
