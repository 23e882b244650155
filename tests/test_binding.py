"""Bindings between elements and objects, through the simulated user."""
from __future__ import annotations

from typing import Any

import pytest
from flask import Flask

import flaskui
from flaskui import binding, ui
from flaskui.testing import User


@binding.bindable_dataclass
class Settings:
    name: str = "Ada"
    show: bool = True


class Plain:
    def __init__(self) -> None:
        self.count = 0


@pytest.fixture
def state() -> dict[str, Any]:
    return {"settings": Settings(), "plain": Plain(), "table": {"status": "idle"}}


@pytest.fixture
def app(state: dict[str, Any]) -> Flask:
    pages = flaskui.Blueprint("binding_pages", __name__)

    @pages.page("/")
    def index() -> None:
        settings = state["settings"]
        ui.input("Name").bind_value(settings, "name")
        ui.label().bind_text_from(settings, "name", backward=lambda n: f"Hello, {n}!")
        ui.label("shown").bind_visibility_from(settings, "show")
        ui.label().bind_text_from(state["plain"], "count", backward=lambda c: f"count {c}")
        ui.label().bind_text_from(state["table"], "status")
        box = ui.checkbox("show it").bind_value(settings, "show")
        ui.button("server rename", on_click=lambda: setattr(settings, "name", "Grace"))
        ui.button("drop", on_click=box.delete)

    app = Flask(__name__)
    app.config["SECRET_KEY"] = "binding"
    app.register_blueprint(pages)
    return app


def test_two_way_binding_with_a_bindable_dataclass(user: User, state: dict[str, Any]) -> None:
    user.open("/")
    user.should_see("Hello, Ada!")
    user.find("Name").clear().type("Linus")
    assert state["settings"].name == "Linus"
    user.should_see("Hello, Linus!")
    user.find("server rename").click()
    user.should_see("Hello, Grace!")
    assert user.find("Name").elements[0].value == "Grace"


def test_visibility_follows_a_value(user: User, state: dict[str, Any]) -> None:
    user.open("/")
    (shown,) = user.find("shown").elements
    assert shown.visible
    user.find("show it").click()
    assert state["settings"].show is False and not shown.visible


def test_plain_attributes_and_dict_keys_are_polled(user: User, state: dict[str, Any]) -> None:
    user.open("/")
    user.should_see("count 0")
    state["plain"].count = 5
    state["table"]["status"] = "busy"
    user.should_see("count 5")
    user.should_see("busy")


def test_links_end_with_their_element(user: User, state: dict[str, Any]) -> None:
    user.open("/")
    (box,) = user.find("show it").elements
    user.find("drop").click()
    assert box.deleted and not box._bindings
    state["settings"].show = False
    assert box.value is True, "a deleted element is no longer bound"
