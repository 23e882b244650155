"""The simulated user sees what a person sees: not hidden elements, nor the content of closed
popups and folds, and a number field gets the value the browser gives it. Each simulated-user test
has a Chromium twin that goes through the same steps and sees the same."""
from __future__ import annotations

import pytest
from flask import Flask
from playwright.sync_api import expect

import flaskui
from flaskui import ValueChangeEventArguments, ui
from flaskui.testing import Screen, User, UserInteraction

# what the page shows nothing of at first, though its elements are there
NOT_SEEN = ["Hidden label", "In a hidden box", "In the dialog", "Rename", "Copy", "Expanded content",
            "First choice", "A helpful hint", "In the drawer"]
# typed into an empty number field -> the value the field's change handler gets ("-" last: the
# field had no value before it either)
TYPED_NUMBERS = [("40", "40.0"), ("123", "123.0"), ("1.5", "1.5"), ("-5", "-5.0"), ("1e3", "1000.0"),
                 ("12a3", "123.0"), ("1.2.3", "1.23"), ("+7", "7.0"), ("-", "None")]


@pytest.fixture
def app() -> Flask:
    pages = flaskui.Blueprint("sees", __name__)

    @pages.page("/")
    def index() -> None:
        hidden = ui.label("Hidden label").set_visibility(False)
        with ui.column().set_visibility(False) as box:
            ui.label("In a hidden box")

        def show_them() -> None:
            hidden.visible = box.visible = True

        ui.button("Show them", on_click=show_them)
        with ui.dialog() as dialog, ui.card():
            ui.label("In the dialog")
            ui.button("Close dialog", on_click=dialog.close)
        ui.button("Open dialog", on_click=dialog.open)
        with ui.button("Actions"), ui.menu():
            ui.menu_item("Rename")
        with ui.label("Right-click here"), ui.context_menu():
            ui.menu_item("Copy")
        with ui.expansion("More"):
            ui.label("Expanded content")
        with ui.dropdown_button("Choices", auto_close=True):
            ui.label("First choice")
        with ui.button("Hover me"):
            ui.tooltip("A helpful hint")
        with ui.left_drawer(value=False) as drawer:
            ui.label("In the drawer")
        ui.button("Toggle drawer", on_click=drawer.toggle)
        ui.label("Somewhere else")

    @pages.page("/number")
    def number() -> None:
        said = ui.label("amount: -")

        def show(event: ValueChangeEventArguments) -> None:
            said.text = f"amount: {event.value!r}"

        ui.number("Amount", on_change=show)

    app = Flask(__name__)
    app.config["SECRET_KEY"] = "test"
    app.register_blueprint(pages)
    return app


# -- hidden elements -----------------------------------------------------------------------------------------
def test_hidden_elements_and_their_content_are_not_seen(user: User) -> None:
    user.open("/")
    for text in NOT_SEEN:
        user.should_not_see(text)
    user.should_see("Hover me")   # the anchors and headers of what is closed are there
    user.should_see("More")
    user.should_see("Choices")
    user.find("Show them").click()
    user.should_see("Hidden label")
    user.should_see("In a hidden box")


@pytest.mark.browser
def test_hidden_elements_and_their_content_are_not_seen_in_chromium(screen: Screen) -> None:
    screen.open("/")
    for text in NOT_SEEN:
        expect(screen.page.get_by_text(text, exact=True)).to_be_hidden()
    screen.should_contain("Hover me")
    screen.should_contain("More")
    screen.should_contain("Choices")
    screen.click("Show them")
    screen.should_contain("Hidden label")
    screen.should_contain("In a hidden box")


def test_acting_on_what_is_not_seen_fails(user: User) -> None:
    user.open("/")
    assert user.client is not None
    (hidden,) = [element for element in user.client.elements.values() if element.text == "Hidden label"]
    assert "Label <div> 'Hidden label' (not shown)" in user.tree()
    with pytest.raises(AssertionError, match="cannot click .* a person does not see it"):
        UserInteraction(user, [hidden]).click()
    with pytest.raises(AssertionError, match="found no element for kind=Dialog"):
        user.find(kind=ui.dialog)


# -- popups and folds: closed until a person opens them --------------------------------------------------------------
def test_popups_and_folds_show_their_content_once_opened(user: User) -> None:
    user.open("/")
    user.find("Open dialog").click()
    user.should_see("In the dialog")
    user.find("Close dialog").click()
    user.should_not_see("In the dialog")
    user.find("Actions").click()   # a menu opens from its anchor...
    user.should_see("Rename")
    user.find("Somewhere else").click()   # ... and closes on a click outside it
    user.should_not_see("Rename")
    user.find("Right-click here").trigger("click.right")
    user.should_see("Copy")
    user.find("Copy").click()   # a menu item closes its menu
    user.should_not_see("Copy")
    user.find("More").click()
    user.should_see("Expanded content")
    user.find("Choices").click()
    user.should_see("First choice")
    user.find("First choice").click()   # auto_close
    user.should_not_see("First choice")
    user.find("Toggle drawer").click()
    user.should_see("In the drawer")
    user.should_not_see("A helpful hint")   # only while the pointer is over its button


@pytest.mark.browser
def test_popups_and_folds_show_their_content_once_opened_in_chromium(screen: Screen) -> None:
    page = screen.page
    screen.open("/")
    screen.click("Open dialog")
    screen.should_contain("In the dialog")
    screen.click("Close dialog")
    expect(page.get_by_text("In the dialog")).to_be_hidden()
    screen.click("Actions")
    screen.should_contain("Rename")
    screen.click("Somewhere else")
    expect(page.get_by_text("Rename")).to_be_hidden()
    page.get_by_text("Right-click here").click(button="right")
    screen.should_contain("Copy")
    screen.click("Copy")
    expect(page.get_by_text("Copy")).to_be_hidden()
    screen.click("More")
    screen.should_contain("Expanded content")
    screen.click("Choices")
    screen.should_contain("First choice")
    screen.click("First choice")
    expect(page.get_by_text("First choice")).to_be_hidden()
    screen.click("Toggle drawer")
    screen.should_contain("In the drawer")
    expect(page.get_by_text("A helpful hint")).to_be_hidden()
    page.get_by_role("button", name="Hover me").hover()
    screen.should_contain("A helpful hint")


# -- a number field --------------------------------------------------------------------------------------------
def test_typing_a_number_gives_the_browsers_value(user: User) -> None:
    user.open("/number")
    field = user.find("Amount")
    for index, (text, value) in enumerate(TYPED_NUMBERS):
        if index:   # (emptying the empty field changes nothing)
            field.clear()
            user.should_see("amount: None")
        field.type(text)
        user.should_see(f"amount: {value}")
    field.clear().type("1.")
    field.type("5")   # goes on from the "1." in the box, not from the value 1.0
    user.should_see("amount: 1.5")
    assert field.elements[0].value == 1.5


@pytest.mark.browser
def test_typing_a_number_gives_the_browsers_value_in_chromium(screen: Screen) -> None:
    screen.open("/number")
    field = screen.page.get_by_label("Amount")
    for index, (text, value) in enumerate(TYPED_NUMBERS):
        if index:
            field.fill("")
            screen.should_contain("amount: None")
        field.press_sequentially(text)
        screen.should_contain(f"amount: {value}")
    field.fill("")
    field.press_sequentially("1.")
    field.press_sequentially("5")
    screen.should_contain("amount: 1.5")
