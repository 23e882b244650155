"""Which handlers get the event argument: those with a required positional parameter, as in NiceGUI."""
from __future__ import annotations

import functools
import gc
import weakref
from typing import Any, Callable

import pytest
from flask import Flask

import flaskui
from flaskui import ui
from flaskui.events import EventArguments, wants_argument
from flaskui.testing import User


class Shelf:
    def __init__(self) -> None:
        self.calls: list[str] = []

    def tidy(self) -> None:
        self.calls.append("tidy")

    def take(self, event: EventArguments) -> None:
        self.calls.append(type(event).__name__)


def _logged(function: Callable[..., Any]) -> Callable[..., Any]:
    @functools.wraps(function)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        return function(*args, **kwargs)
    return wrapper


@pytest.fixture
def app() -> Flask:
    app = Flask(__name__)
    app.config["SECRET_KEY"] = "rules"
    pages = flaskui.Blueprint("pages", __name__)

    @pages.page("/")
    def index() -> None:
        seen = ui.label("")

        def show(value: Any) -> None:
            seen.text = type(value).__name__ if isinstance(value, EventArguments) else str(value)

        for item in ("apple", "pear"):
            ui.button(f"remove {item}", on_click=lambda item=item: show(item))
        builds: list[int] = []

        @ui.refreshable
        def section() -> None:
            builds.append(1)
            ui.label(f"built {len(builds)} times")

        section()
        ui.button("refresh", on_click=section.refresh)
        ui.button("star args", on_click=lambda *args: show(len(args)))
        ui.button("event", on_click=lambda event: show(event))

        @_logged
        def decorated(event: EventArguments) -> None:
            show(event)

        ui.button("decorated", on_click=decorated)
        ui.button("partial", on_click=functools.partial(lambda prefix, event: show(f"{prefix} {event.sender.text}"),
                                                        "from"))

    app.register_blueprint(pages)
    return app


@pytest.mark.parametrize("button, shown", [
    ("remove apple", "apple"),          # a default is not filled with the event
    ("remove pear", "pear"),
    ("star args", "0"),                 # *args alone takes nothing
    ("event", "EventArguments"),
    ("decorated", "EventArguments"),    # functools.wraps: the wrapped signature counts
    ("partial", "from partial"),
])
def test_the_event_argument_goes_to_required_parameters_only(user: User, button: str, shown: str) -> None:
    user.open("/")
    user.find(button).click()
    user.should_see(shown)
    assert user.refusals == []


def test_a_refreshable_refresh_is_a_handler(user: User) -> None:
    user.open("/")
    user.should_see("built 1 times")
    user.find("refresh").click()
    user.should_see("built 2 times")


def test_methods_with_and_without_an_event_parameter() -> None:
    shelf = Shelf()
    assert not wants_argument(shelf.tidy) and wants_argument(shelf.take)
    assert not wants_argument(Shelf.tidy.__get__(shelf)) and wants_argument(print) is False
    assert wants_argument(lambda event, more=1: None) and not wants_argument(lambda event=None: None)


def test_a_clicked_handler_does_not_keep_its_deleted_page_alive(user: User) -> None:
    user.open("/")
    user.find("remove apple").click()
    user.should_see("apple")
    client = user.client
    assert client is not None
    page = weakref.ref(client)
    user.close()
    gc.disable()   # freed by reference counting at once, not by the collector later
    try:
        client.delete()
        del client
        user.client = None
        alive = page()
    finally:
        gc.enable()
    assert alive is None
