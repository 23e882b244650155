"""Vue's event modifiers in listener types (``element.on("keydown.enter", ...)``): in Chromium, and
the simulated user agreeing with it. Every handler appends a word to one log label, and each test
ends with a click on "Done", so a log that reads as expected proves what did not fire as well."""
from __future__ import annotations

from typing import Callable

import pytest
from flask import Flask
from playwright.sync_api import Locator, expect

import flaskui
from flaskui import EventArguments, ui
from flaskui.testing import Screen, User


@pytest.fixture
def app() -> Flask:
    pages = flaskui.Blueprint("modifiers", __name__)

    @pages.page("/")
    def index() -> None:
        log = ui.label("log:").classes("log")

        def say(word: str) -> None:
            log.text = f"{log.text} {word}"

        def note(word: str) -> Callable[[], None]:
            return lambda: say(word)

        def prevented(event: EventArguments) -> None:
            say(f"prevented={event.args[0]['defaultPrevented']}")

        (ui.input("Name").on("keydown.enter", note("enter")).on("keyup.esc", note("esc"))
         .on("keydown.page-down", note("page-down")).on("keydown.left", note("arrow-left")))
        with ui.card().on("click", note("outer")):
            ui.label("Stops").on("click.stop", note("stops"))
            ui.label("Bubbles").on("click", note("bubbles"))
        with ui.element("div").classes("q-pa-lg self-box").mark("self").on("click.self", note("self")):
            ui.label("Inside").on("click", note("inside"))
        with ui.element("div").on("click.capture", note("capture")):
            ui.label("Captured").on("click.stop", note("captured"))
        ui.link("Elsewhere", "/elsewhere").on("click.prevent", prevented, args=["defaultPrevented"])
        ui.label("Right here").on("click", note("left")).on("click.right", note("right"))
        ui.label("Press here").on("click", note("plain")).on("mousedown.right", note("right-down"))
        ui.button("Ctrl-click").on("click.ctrl", note("ctrl"))
        ui.button("Only ctrl").on("click.ctrl.exact", note("exact"))
        ui.button("Once").on("click.once", note("once"))
        ui.button("Done", on_click=note("done"))

    app = Flask(__name__)
    app.config["SECRET_KEY"] = "test"
    app.register_blueprint(pages)
    return app


def log_of(screen: Screen) -> Locator:
    return screen.page.locator(".log")


# -- the simulated user --------------------------------------------------------------------------------------
def test_key_modifiers_pick_the_key(user: User) -> None:
    user.open("/")
    field = user.find("Name")
    field.trigger("keydown", [{"key": "a"}]).trigger("keyup", [{"key": "a"}])   # no listener is for "a"
    field.trigger("keydown", [{"key": "Enter"}])
    field.trigger("keydown", [{"key": "Escape"}])   # the listener is for Escape's keyup
    field.trigger("keyup", [{"key": "Escape"}])
    field.trigger("keydown.page-down")   # shorthand: a keydown of PageDown
    field.trigger("keydown.left")   # on a key event, `left` is the arrow key
    field.trigger("keydown.enter")
    user.find("Done").click()
    user.should_see("log: enter esc page-down arrow-left enter done")


def test_typing_presses_keys(user: User) -> None:
    user.open("/")
    user.find("Name").type("Ada\n")   # Enter fires keydown.enter, and adds nothing to a one-line field
    user.find("Done").click()
    user.should_see("log: enter done")
    user.should_see("Ada")


def test_a_key_event_that_nothing_listens_to_fails(user: User) -> None:
    user.open("/")
    with pytest.raises(AssertionError, match="has no 'keydown.enter' listener"):
        user.find("Done").trigger("keydown.enter")


def test_clicks_bubble_until_stopped(user: User) -> None:
    user.open("/")
    for text in ("Stops", "Bubbles", "Inside"):
        user.find(text).click()
    user.find(marker="self").click()
    user.find("Captured").click()   # the capturing ancestor hears it first, though the label stops it
    user.find("Done").click()
    user.should_see("log: stops bubbles outer inside self capture captured done")


def test_prevent_marks_the_event(user: User) -> None:
    user.open("/")
    user.find("Elsewhere").click()
    user.find("Done").click()
    user.should_see("log: prevented=True done")
    assert user.navigation == []


def test_mouse_button_modifiers(user: User) -> None:
    user.open("/")
    user.find("Right here").click()
    user.find("Right here").trigger("click.right")   # a right click: the contextmenu event
    user.find("Press here").click()
    user.find("Press here").trigger("mousedown.right")
    user.find("Done").click()
    user.should_see("log: left right plain right-down done")


def test_system_key_modifiers_and_once(user: User) -> None:
    user.open("/")
    user.find("Ctrl-click").click()
    user.find("Ctrl-click").trigger("click", [{"ctrlKey": True}])
    user.find("Only ctrl").trigger("click.ctrl.shift")
    user.find("Only ctrl").trigger("click.ctrl")
    user.find("Once").click().click()
    user.find("Done").click()
    user.should_see("log: ctrl exact once done")


# -- Chromium ------------------------------------------------------------------------------------------------
@pytest.mark.browser
def test_key_modifiers_in_chromium(screen: Screen) -> None:
    screen.open("/")
    field = screen.page.get_by_label("Name")
    for key in ("a", "Enter", "Escape", "PageDown", "ArrowLeft", "Enter"):
        field.press(key)
    screen.click("Done")
    expect(log_of(screen)).to_have_text("log: enter esc page-down arrow-left enter done")


@pytest.mark.browser
def test_clicks_bubble_until_stopped_in_chromium(screen: Screen) -> None:
    screen.open("/")
    for text in ("Stops", "Bubbles", "Inside"):
        screen.click(text)
    screen.page.locator(".self-box").click(position={"x": 4, "y": 4})   # its padding, not the label
    screen.click("Captured")
    screen.click("Done")
    expect(log_of(screen)).to_have_text("log: stops bubbles outer inside self capture captured done")


@pytest.mark.browser
def test_prevent_in_chromium(screen: Screen) -> None:
    screen.open("/")
    page_url = screen.page.url
    screen.click("Elsewhere")
    screen.click("Done")
    expect(log_of(screen)).to_have_text("log: prevented=True done")
    assert screen.page.url == page_url   # the link was not followed


@pytest.mark.browser
def test_mouse_button_modifiers_in_chromium(screen: Screen) -> None:
    screen.open("/")
    for text in ("Right here", "Press here"):
        screen.page.get_by_text(text).click()
        screen.page.get_by_text(text).click(button="right")
    screen.click("Done")
    expect(log_of(screen)).to_have_text("log: left right plain right-down done")


@pytest.mark.browser
def test_system_key_modifiers_and_once_in_chromium(screen: Screen) -> None:
    screen.open("/")
    ctrl = screen.page.get_by_role("button", name="Ctrl-click")
    ctrl.click()
    ctrl.click(modifiers=["Control"])
    only_ctrl = screen.page.get_by_role("button", name="Only ctrl")
    only_ctrl.click(modifiers=["Control", "Shift"])
    only_ctrl.click(modifiers=["Control"])
    once = screen.page.get_by_role("button", name="Once")
    once.click()
    once.click()
    screen.click("Done")
    expect(log_of(screen)).to_have_text("log: ctrl exact once done")
