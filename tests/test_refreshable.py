"""``ui.refreshable``: rebuilt sections keep element ids and send only what changed."""
from __future__ import annotations

from typing import Iterator

import pytest
from flask import Flask

import flaskui
from flaskui import ui
from flaskui.testing import LiveServer, ProtocolClient, User


@pytest.fixture
def app() -> Flask:
    pages = flaskui.Blueprint("refresh_pages", __name__)

    @pages.page("/")
    def index() -> None:
        items = ["apple", "pear"]

        @ui.refreshable
        def basket() -> None:
            ui.label(f"{len(items)} items")
            for item in items:
                ui.label(item)
            ui.button("clear", on_click=lambda: (items.clear(), basket.refresh()))

        basket()
        ui.button("add", on_click=lambda: (items.append("plum"), basket.refresh()))

    class Counter:
        def __init__(self) -> None:
            self.value = 0

        @ui.refreshable
        def show(self) -> None:
            ui.label(f"value {self.value}")

        def bump(self) -> None:
            self.value += 1
            self.show.refresh()

    @pages.page("/methods")
    def methods() -> None:
        first, second = Counter(), Counter()
        first.show()
        second.show()
        ui.button("bump first", on_click=first.bump)

    app = Flask(__name__)
    app.config["SECRET_KEY"] = "refresh"
    app.register_blueprint(pages)
    return app


@pytest.fixture
def live(app: Flask) -> Iterator[LiveServer]:
    with LiveServer(app) as server:
        yield server


def test_refresh_keeps_ids_and_sends_only_the_difference(live: LiveServer) -> None:
    page = ProtocolClient(live.url).open("/")
    page.connect()
    count, apple, pear = page.find_text("2 items"), page.find_text("apple"), page.find_text("pear")
    page.click(page.find_text("add"))
    frame = page.wait_for_message(lambda m: m["t"] == "f")
    kinds = sorted(op[0] for op in frame["ops"])
    assert ["u", count, {"text": "3 items"}] in frame["ops"]
    assert kinds.count("a") == 1 and kinds.count("d") == 0, frame["ops"]
    assert (page.find_text("apple"), page.find_text("pear")) == (apple, pear)
    assert page.texts()[:5] == ["3 items", "apple", "pear", "plum", "clear"]


def test_refresh_removes_what_is_gone_and_handlers_still_work(user: User) -> None:
    user.open("/")
    user.find("add").click()
    user.should_see("plum")
    user.find("clear").click()
    user.should_see("0 items")
    user.should_not_see("apple")
    user.find("add").click()
    user.should_see("1 items")
    user.should_see("plum")


def test_refreshable_methods_refresh_their_own_instance(user: User) -> None:
    user.open("/methods")
    user.find("bump first").click()
    user.should_see("value 1")
    user.should_see("value 0")
