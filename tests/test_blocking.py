"""A handler that computes for long holds up every tab of its worker: flaskui says so in the log."""
from __future__ import annotations

import logging
import time
from typing import Iterator

import pytest
from flask import Flask

import flaskui
from flaskui import blocking, ui
from flaskui.testing import User


def crunch(seconds: float) -> int:
    total, end = 0, time.monotonic() + seconds
    while time.monotonic() < end:   # CPU-bound: never yields to gevent
        total += 1
    return total


@pytest.fixture(autouse=True)
def own_watch() -> Iterator[None]:
    """This test's 0.2 s threshold must not stay for the tests after it (the smallest one wins)."""
    yield
    for watch in blocking._watched.values():
        watch.stop()
    blocking._watched.clear()


@pytest.fixture
def app() -> Flask:
    app = Flask(__name__)
    app.config.update(SECRET_KEY="blocking", FLASKUI_BLOCKING_WARNING=0.2)
    pages = flaskui.Blueprint("pages", __name__)

    @pages.page("/")
    def index() -> None:
        done = ui.label("-")
        ui.button("crunch", on_click=lambda: setattr(done, "text", f"crunched {crunch(0.6) > 0}"))

    app.register_blueprint(pages)
    return app


def test_a_handler_holding_the_worker_is_named_in_a_warning(user: User, caplog: pytest.LogCaptureFixture) -> None:
    user.open("/")   # the page starts the process's watch with this app's threshold
    user.find("crunch").click()
    user.should_see("crunched True")
    warned = lambda: [r.getMessage() for r in caplog.records if r.levelno == logging.WARNING]  # noqa: E731
    assert user._wait(lambda: bool(warned()))
    (message,) = warned()
    assert message.startswith("the worker was held for ")
    assert "test_blocking.py" in message and "in crunch" in message
