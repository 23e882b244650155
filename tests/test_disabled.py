"""Disabled and hidden elements: greyed out in the browser, and their events refused by the server."""
from __future__ import annotations

import io
from typing import Any, Callable, Iterator

import gevent.event
import pytest
from flask import Flask
from playwright.sync_api import expect

import flaskui
from flaskui import ui
from flaskui.testing import LiveServer, ProtocolClient, Screen, User


@pytest.fixture
def app() -> Flask:
    app = Flask(__name__)
    app.config["SECRET_KEY"] = "disabled"
    pages = flaskui.Blueprint("pages", __name__)

    @pages.page("/")
    def index() -> None:
        clicks = ui.label("0 clicks")

        def bump() -> None:
            clicks.text = f"{int(clicks.text.split()[0]) + 1} clicks"

        ui.button("disabled", on_click=bump).disable()
        ui.button("hidden", on_click=bump).set_visibility(False)
        with ui.row() as row:
            ui.button("in hidden row", on_click=bump)
        row.visible = False
        agree = ui.checkbox("I agree")
        ui.button("send", on_click=bump).bind_enabled_from(agree, "value")
        ui.button("visible", on_click=bump)
        ui.input("locked", value="kept").disable()
        with ui.dialog() as dialog, ui.card():
            ui.button("in dialog", on_click=bump)
        ui.button("open dialog", on_click=dialog.open)
        with ui.button("with menu"):
            with ui.menu():
                ui.menu_item("in menu", on_click=bump)
        with ui.row() as hidden_row:
            ui.upload(on_upload=lambda event: bump())
        hidden_row.visible = False

    app.register_blueprint(pages)
    return app


@pytest.fixture
def live(app: Flask) -> Iterator[LiveServer]:
    with LiveServer(app) as server:
        yield server


@pytest.mark.parametrize("button, reason", [
    ("disabled", "is disabled"),
    ("hidden", "is hidden"),
    ("in hidden row", "is inside a hidden element"),
    ("send", "is disabled"),
    ("in dialog", "is inside a closed q-dialog"),
    ("in menu", "is inside a closed q-menu"),
])
def test_events_of_disabled_and_hidden_elements_are_refused(live: LiveServer, button: str, reason: str) -> None:
    page = ProtocolClient(live.url).open("/")
    page.connect()
    target = page.find_text(button)
    page.click(target)
    refusal = page.wait_for_message(lambda m: m["t"] == "err")
    assert refusal["reason"].startswith(f"element {target} {reason}")
    page.click(page.find_text("visible"))
    page.wait_for(lambda: "1 clicks" in page.texts())   # only the visible, enabled button counted


def test_the_simulated_user_cannot_click_a_disabled_button(user: User) -> None:
    user.open("/")
    with pytest.raises(AssertionError, match="it is disabled"):
        user.find("disabled").click()
    user.find("I agree").click()
    user.find("send").click()
    user.should_see("1 clicks")


def test_an_upload_inside_a_hidden_container_is_refused(user: User) -> None:
    user.open("/")
    assert user.client is not None
    (upload,) = [e for e in user.client.elements.values() if isinstance(e, ui.upload)]
    response = user.http.post(upload.props["url"], data={"file": [(io.BytesIO(b"x"), "x.txt")]},
                              content_type="multipart/form-data")
    assert response.status_code == 403
    assert "this upload is inside a hidden element" in response.get_data(as_text=True)
    user.should_see("0 clicks")   # its handler never ran


def test_a_refused_value_change_is_undone_in_the_tab(live: LiveServer) -> None:
    page = ProtocolClient(live.url).open("/")
    page.connect()
    locked = next(key for key, element in page.elements.items() if element.get("props", {}).get("label") == "locked")
    page.trigger(locked, "update:modelValue", ["changed"])   # the tab showed "changed" already
    assert page.wait_for_message(lambda m: m["t"] == "err")["reason"].startswith(f"element {locked} is disabled")
    page.wait_for_message(lambda m: m["t"] == "f" and any(op[0] == "u" and op[1] == locked for op in m["ops"]))
    assert page.elements[locked]["props"]["modelValue"] == "kept"   # the server's value, sent back


def test_an_opened_dialogs_content_takes_events(live: LiveServer) -> None:
    page = ProtocolClient(live.url).open("/")
    page.connect()
    page.click(page.find_text("open dialog"))
    page.wait_for(lambda: any(e.get("tag") == "q-dialog" and e.get("props", {}).get("modelValue")
                              for e in page.elements.values()))
    page.click(page.find_text("in dialog"))
    page.wait_for(lambda: "1 clicks" in page.texts())


def test_a_binding_enables_a_button(live: LiveServer) -> None:
    page = ProtocolClient(live.url).open("/")
    page.connect()
    send = page.find_text("send")
    assert page.elements[send]["props"]["disable"] is True
    agree = next(key for key, element in page.elements.items() if element.get("props", {}).get("label") == "I agree")
    page.trigger(agree, "update:modelValue", [True])
    page.wait_for(lambda: "disable" not in page.elements[send].get("props", {}))
    page.click(send)
    page.wait_for(lambda: "1 clicks" in page.texts())


@pytest.mark.parametrize("make", [
    lambda: ui.button("b"), lambda: ui.input("i"), lambda: ui.number("n"), lambda: ui.textarea("t"),
    lambda: ui.checkbox("c"), lambda: ui.switch("s"), lambda: ui.slider(min=0, max=1), lambda: ui.select(["a"]),
    lambda: ui.radio(["a"]), lambda: ui.toggle(["a"]), lambda: ui.upload(), lambda: ui.knob(), lambda: ui.rating(),
    lambda: ui.date(), lambda: ui.time(), lambda: ui.color_input("c"), lambda: ui.input_chips("x"),
])
def test_every_input_and_button_can_be_disabled(app: Flask, make: Callable[[], Any]) -> None:
    from flaskui.client import Client
    from flaskui.runtime import Runtime

    with app.test_request_context("/"):
        client = Client(Runtime.of(app))
        with client.ui_context():
            element = make()
            assert element.enabled is True
            assert element.disable() is element and element.props["disable"] is True and not element.enabled
            element.enable()
            assert "disable" not in element.props and element.enabled
            element.set_enabled(False)
            assert element.events_refused_because() == "is disabled"
        client.delete()


@pytest.mark.browser
def test_chromium_greys_out_a_disabled_button_until_a_binding_enables_it(screen: Screen) -> None:
    screen.open("/")
    send = screen.page.get_by_role("button", name="send")
    assert send.is_disabled()
    screen.page.get_by_text("I agree").click()
    expect(send).to_be_enabled()
    send.click()
    screen.should_contain("1 clicks")


def test_a_queued_event_of_an_element_disabled_meanwhile_is_not_handled() -> None:
    app = Flask(__name__)
    app.config.update(SECRET_KEY="queued", FLASKUI_MAX_RUNNING_HANDLERS=1)
    gate = gevent.event.Event()
    pages = flaskui.Blueprint("pages", __name__)

    @pages.page("/")
    def index() -> None:
        count = ui.label("0")
        ui.button("wait", on_click=gate.wait)   # holds the client's one handler slot
        ui.button("count", on_click=lambda: setattr(count, "text", str(int(count.text or "0") + 1)))

    app.register_blueprint(pages)
    user = User(app)
    user.open("/")
    user.find("wait").click()
    user.find("count").click()   # accepted, but queued behind "wait"
    user.find("count").click()
    button = user.find("count").elements[0]
    assert isinstance(button, ui.button)
    button.disable()             # the page disables it before the queue moves on
    gate.set()
    assert user._wait(lambda: not user.client.events._pending)   # type: ignore[union-attr]
    user.should_see("0")         # neither queued click was handled
    button.enable()
    user.find("count").click()
    user.should_see("1")
    user.close()
