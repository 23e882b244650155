"""The input elements: buttons, text fields, boxes, sliders, choices and pickers."""
from __future__ import annotations

from typing import TypeVar

import pytest
from flask import Flask
from playwright.sync_api import expect

from flaskui import Element, ui
from flaskui.elements.value_element import ValueElement
from flaskui.testing import Screen, User, UserInteraction

from .elements_inputs_app import create_app


@pytest.fixture
def app() -> Flask:
    return create_app()


E = TypeVar("E", bound=Element)


def only(user: User, kind: type[E], text: str | None = None) -> E:
    """The one element of ``kind`` (showing ``text``) on the page."""
    (element,) = user.find(text, kind=kind).elements
    assert isinstance(element, kind)
    return element


# -- the simulated user: every element's value round trip ------------------------------------------------
def test_buttons_group_dropdown_and_pagination(user: User) -> None:
    user.open("/buttons")
    user.find("One").click()
    user.find("Two").click()
    user.should_see("clicks: 2")
    assert only(user, ui.button, "Two").props["icon"] == "star"
    assert only(user, ui.button_group).children == user.find(kind=ui.button).elements[:2]
    menu = only(user, ui.dropdown_button, "Menu")
    assert menu.props["auto-close"] is True
    user.find("Menu").click()
    user.should_see("menu open: True")
    menu.close()
    user.should_see("menu open: False")
    user.find(marker="split").click()
    user.should_see("clicks: 3")
    user.find(kind=ui.pagination).trigger("update:modelValue", [4])
    user.should_see("page: 4")
    assert only(user, ui.pagination).props["direction-links"] is True


def test_input_validation_with_a_dict_and_a_function(user: User) -> None:
    user.open("/text")
    name = only(user, ui.input, "Name")
    user.find("Name").type("Ada")
    user.should_see("name: Ada")
    assert name.error is None and name.props["error"] is False
    user.find("Name").type("line")
    assert name.error == "Too long" and name.props["error-message"] == "Too long"
    user.find("Name").clear()
    assert name.error is None
    code = only(user, ui.input, "Code")
    user.find("Code").type("12a")
    assert code.error is None  # checked only on request
    assert code.validate() is False and code.error == "Digits only"


def test_password_toggle_and_autocomplete(user: User) -> None:
    user.open("/text")
    secret = only(user, ui.input, "Secret")
    assert secret.props["type"] == "password"
    (eye,) = [child for child in secret.children if child.slot == "append"]
    assert eye.props["name"] == "visibility_off"
    UserInteraction(user, [eye]).click()
    assert secret.props["type"] == "text" and eye.props["name"] == "visibility"
    UserInteraction(user, [eye]).click()
    assert secret.props["type"] == "password" and eye.props["name"] == "visibility_off"
    fruit = only(user, ui.input, "Fruit")
    (datalist,) = [child for child in fruit.children if child.tag == "datalist"]
    assert fruit.props["list"] == f"f{datalist.id}"
    assert [option.props["value"] for option in datalist.children] == ["apple", "apricot", "banana"]
    fruit.set_autocomplete(["cherry"])
    assert [option.props["value"] for option in datalist.children] == ["cherry"]


def test_textarea_and_number(user: User) -> None:
    user.open("/text")
    user.find("Notes").type("hi")
    user.should_see("notes: hi")
    assert only(user, ui.textarea).props["type"] == "textarea"
    amount = user.find("Amount")
    amount.trigger("update:modelValue", ["123.456"])
    user.should_see("amount: 123.456")
    amount.trigger("blur")
    user.should_see("amount: 100")
    number = only(user, ui.number)
    assert number.value == 100 and number.props["modelValue"] == "100.00"
    amount.trigger("update:modelValue", ["3.14159"])
    amount.trigger("blur")
    assert number.value == 3.1 and number.props["modelValue"] == "3.10"
    amount.trigger("update:modelValue", [""])
    assert number.value is None
    number.value = 7
    assert number.props["modelValue"] == "7.00"


def test_boxes_and_sliders(user: User) -> None:
    user.open("/boxes")
    user.find("Agree").click()
    user.find("Power").click()
    user.should_see("agree: True")
    user.should_see("power: True")
    assert only(user, ui.switch).tag == "q-toggle"
    user.find(kind=ui.slider).trigger("update:modelValue", [7])
    user.should_see("slider: 7")
    slider = only(user, ui.slider)
    assert (slider.props["min"], slider.props["max"], slider.props["step"]) == (0, 10, 1.0)
    assert [listener.throttle for listener in slider.listeners.values()] == [0.05]
    user.find(kind=ui.range).trigger("update:modelValue", [{"min": 10, "max": 90}])
    user.should_see("range: {'min': 10, 'max': 90}")
    user.find(kind=ui.knob).trigger("update:modelValue", [0.5])
    user.should_see("knob: 0.5")
    assert only(user, ui.knob).props["show-value"] is True
    user.find(kind=ui.rating).trigger("update:modelValue", [4])
    user.should_see("rating: 4")


def test_radio_toggle_and_select_options(user: User) -> None:
    user.open("/choices")
    radio = only(user, ui.radio)
    assert radio.props["options"] == [{"label": c, "value": c} for c in ("red", "green", "blue")]
    user.find(kind=ui.radio).trigger("update:modelValue", ["blue"])
    user.should_see("radio: blue")
    toggle = only(user, ui.toggle)
    assert toggle.props["options"][1] == {"label": "Two", "value": 2}
    user.find(kind=ui.toggle).trigger("update:modelValue", [3])
    user.should_see("toggle: 3")
    user.find("Fruit").trigger("update:modelValue", ["banana"])
    user.should_see("fruit: banana")
    fruit = only(user, ui.select, "Fruit")
    fruit.set_options(["banana", "kiwi"])
    assert fruit.value == "banana"
    fruit.set_options(["kiwi"])
    assert fruit.value is None
    user.should_see("fruit: None")


def test_select_multiple_new_values_and_chips(user: User) -> None:
    user.open("/choices")
    user.find("Sizes").trigger("update:modelValue", [["s", "l"]])
    user.should_see("sizes: ['s', 'l']")
    user.find("Sizes").trigger("update:modelValue", [None])  # the clear button
    user.should_see("sizes: []")
    user.find("City").trigger("update:modelValue", ["Rome"])
    user.should_see("city: Rome")
    city = only(user, ui.select, "City")
    assert city.props["options"][-1] == {"label": "Rome", "value": "Rome"}
    assert city.options == ["Paris", "Rome"]
    user.find("Tags").trigger("update:modelValue", [["a", "b"]])
    user.should_see("tags: ['a', 'b']")


def test_options_are_checked(user: User) -> None:
    user.open("/choices")
    assert user.client is not None
    with user.client.ui_context(), ui.row():
        with pytest.raises(ValueError, match="'purple' is not among the options"):
            ui.radio(["red"], value="purple")
        with pytest.raises(ValueError, match="'x' is not among the options"):
            ui.select({"a": "A"}, value=["a", "x"], multiple=True)


def test_date_time_and_their_inputs(user: User) -> None:
    user.open("/pickers")
    dates = user.find(kind=ui.date).elements
    assert dates[0].props["mask"] == "YYYY-MM-DD"
    UserInteraction(user, [dates[0]]).trigger("update:modelValue", ["2024-05-17"])
    user.should_see("date: 2024-05-17")
    user.find(marker="range").trigger("update:modelValue", [{"from": "2024-05-01", "to": "2024-05-09"}])
    user.should_see("date range: {'from': '2024-05-01', 'to': '2024-05-09'}")
    user.find("10:30").trigger("update:modelValue", ["11:45"])
    user.should_see("time: 11:45")
    day = only(user, ui.date_input)
    UserInteraction(user, [day.picker]).trigger("update:modelValue", ["2025-01-02"])
    user.should_see("day: 2025-01-02")
    user.find("Day").clear().type("2026-03-04")
    user.should_see("day: 2026-03-04")
    assert day.picker.value == "2026-03-04"
    hour = only(user, ui.time_input)
    UserInteraction(user, [hour.picker]).trigger("update:modelValue", ["08:15"])
    user.should_see("hour: 08:15")


def test_color_input_and_color_picker(user: User) -> None:
    user.open("/pickers")
    color = only(user, ui.color_input)
    assert color.button.style["background-color"] == "#ff0000"
    assert color.picker.q_color.value == "#ff0000"
    q_color = color.picker.q_color
    UserInteraction(user, [q_color]).trigger("change", ["#00ff00"])
    user.should_see("color: #00ff00")
    assert color.button.style["background-color"] == "#00ff00"
    user.find("Color").clear().type("blue")
    assert q_color.value == "blue"
    user.should_not_see(kind=ui.color_picker)
    user.find("Pick").click()
    picker = only(user, ui.color_picker)
    assert isinstance(picker, ui.color_picker)
    assert picker.parent is only(user, ui.button, "Pick")
    UserInteraction(user, [picker.q_color]).trigger("change", ["#123456"])
    assert user.notifications == ["picked #123456"]


# -- a real browser: rendering and the wire both ways ----------------------------------------------------------
def server_value(screen: Screen, kind: type[ValueElement]) -> object:
    """The value of the first element of ``kind`` on the server, once the browser is idle."""
    screen.wait_for_idle()
    (client,) = list(screen.server.app.extensions["flaskui"].clients)
    return next(e for e in client.elements.values() if type(e) is kind).value


@pytest.mark.browser
def test_text_fields_in_a_browser(screen: Screen) -> None:
    screen.open("/text")
    screen.type("Ada Lovelace", into="Name")
    screen.should_contain("Too long")
    screen.page.get_by_label("Name").fill("Ada")
    screen.should_not_contain("Too long")
    secret = screen.page.get_by_label("Secret")
    expect(secret).to_have_attribute("type", "password")
    screen.click("visibility_off")
    expect(secret).to_have_attribute("type", "text")
    datalist = screen.page.get_by_label("Fruit").get_attribute("list")
    expect(screen.page.locator(f"datalist#{datalist} option")).to_have_count(3)
    screen.type("123.456", into="Amount")
    screen.page.keyboard.press("Tab")
    expect(screen.page.get_by_label("Amount")).to_have_value("100.00")
    assert server_value(screen, ui.number) == 100


@pytest.mark.browser
def test_boxes_and_sliders_in_a_browser(screen: Screen) -> None:
    screen.open("/boxes")
    screen.click("Power")
    screen.should_contain("power: True")
    screen.page.get_by_role("slider").first.focus()
    screen.page.keyboard.press("ArrowRight")
    screen.page.keyboard.press("ArrowRight")
    screen.should_contain("slider: 5")
    screen.page.locator(".q-rating__icon-container").nth(3).click()
    screen.should_contain("rating: 4")
    expect(screen.page.locator(".q-knob")).to_contain_text("0.3")


@pytest.mark.browser
def test_buttons_in_a_browser(screen: Screen) -> None:
    screen.open("/buttons")
    screen.click("Menu")
    screen.should_contain("menu open: True")
    screen.click("Item")
    screen.should_contain("clicks: 1")
    screen.should_contain("menu open: False")  # auto_close
    screen.click("3")
    screen.should_contain("page: 3")


@pytest.mark.browser
def test_choices_in_a_browser(screen: Screen) -> None:
    screen.open("/choices")
    screen.click("green")
    screen.should_contain("radio: green")
    screen.click("Three")
    screen.should_contain("toggle: 3")
    screen.type("an", into="Fruit")
    expect(screen.page.get_by_role("option")).to_have_text(["banana"])
    screen.page.get_by_role("option").click()
    screen.should_contain("fruit: banana")
    screen.page.get_by_label("Sizes").click()
    screen.page.get_by_role("option", name="Small").click()
    screen.page.get_by_role("option", name="Large").click()
    screen.should_contain("sizes: ['s', 'l']")
    screen.page.keyboard.press("Escape")
    screen.type("Rome", into="City")
    expect(screen.page.get_by_label("City")).to_have_value("Rome")  # QSelect took every key before Enter
    screen.page.keyboard.press("Enter")
    screen.should_contain("city: Rome")
    screen.type("b", into="Tags")
    screen.page.keyboard.press("Enter")
    screen.should_contain("tags: ['a', 'b']")
    expect(screen.page.locator(".q-chip__content")).to_have_text(["a", "b"])
    screen.click("set all")
    expect(screen.page.get_by_role("radio", name="blue")).to_have_attribute("aria-checked", "true")
    expect(screen.page.locator(".q-btn-toggle .q-btn[aria-pressed=true]")).to_have_text("Two")
    expect(screen.page.get_by_label("Fruit")).to_have_value("cherry")


@pytest.mark.browser
def test_pickers_in_a_browser(screen: Screen) -> None:
    screen.open("/pickers")
    date = screen.page.locator(".q-date").first
    date.locator(".q-date__calendar-item--in").get_by_text("15", exact=True).click()
    screen.should_contain("date: ")
    assert str(server_value(screen, ui.date)).endswith("-15")
    screen.click("set date")
    expect(date.locator(".q-date__calendar-item--in .bg-primary, .q-date__calendar-item .q-btn--active")
           .first).to_have_text("29")
    screen.page.get_by_label("Day").locator("xpath=ancestor::label").get_by_role("button").click()
    screen.page.locator(".q-menu .q-date__calendar-item--in").get_by_text("3", exact=True).click()
    assert str(server_value(screen, ui.date_input)).endswith("-03")
    screen.page.keyboard.press("Escape")
    screen.page.get_by_label("Color", exact=True).locator("xpath=ancestor::label").get_by_role("button").click()
    screen.page.locator(".q-menu .q-color-picker__spectrum").click()
    expect(screen.page.get_by_label("Color", exact=True)).not_to_have_value("#ff0000")
    assert server_value(screen, ui.color_input) != "#ff0000"
