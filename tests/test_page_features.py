"""Page-wide features: title, head HTML and CSS, dark mode, colors, query, keyboard."""
from __future__ import annotations

import pytest
from flask import Flask
from playwright.sync_api import expect

import flaskui
from flaskui import ui
from flaskui.elements.keyboard import KeyEventArguments
from flaskui.testing import Screen, User


@pytest.fixture
def app() -> Flask:
    pages = flaskui.Blueprint("feature_pages", __name__)

    @pages.page("/")
    def index() -> None:
        ui.page_title("Built title")
        ui.add_css(".shout { text-transform: uppercase }")
        ui.add_head_html('<meta name="flaskui-test" content="head">')
        ui.label("quiet words").classes("shout")
        dark = ui.dark_mode(False)
        ui.button("dark", on_click=dark.enable)
        ui.button("retitle", on_click=lambda: ui.page_title("New title"))
        ui.button("more css", on_click=lambda: ui.add_css(".late { color: rgb(1, 2, 3) }"))
        ui.label("late style").classes("late")
        ui.button("tint body", on_click=lambda: ui.query("body").classes("tinted").style("margin-top: 7px"))
        ui.colors(primary="#123456")
        keys = ui.label("keys:")

        def on_key(event: KeyEventArguments) -> None:
            if event.action == "keydown" and event.key not in ("Control", "Shift"):
                keys.text = f"{keys.text} {event.key}{'+ctrl' if event.ctrl else ''}"

        ui.keyboard(on_key)
        ui.input("Field")

    @pages.page("/dark")
    def dark_from_the_start() -> None:
        ui.dark_mode(True)
        ui.label("night")

    app = Flask(__name__)
    app.config["SECRET_KEY"] = "features"
    app.register_blueprint(pages)
    return app


def test_page_html_carries_title_head_and_css(app: Flask) -> None:
    html = app.test_client().get("/").text
    assert "<title>Built title</title>" in html
    assert '<meta name="flaskui-test" content="head">' in html
    assert "<style>.shout { text-transform: uppercase }</style>" in html
    assert "--q-primary: #123456;" in html
    assert '"dark":false' in html


def test_later_changes_reach_the_tab_as_javascript(user: User) -> None:
    sent: list[str] = []
    user.javascript_rules[".*"] = lambda match: sent.append(match.string)
    user.open("/")
    user.find("retitle").click()
    user.find("dark").click()
    assert user.client is not None and user.client.title == "New title" and user.client.dark is True
    assert 'document.title = "New title"' in sent and "Quasar.Dark.set(true)" in sent


@pytest.mark.browser
def test_in_the_browser(screen: Screen) -> None:
    screen.open("/")
    page = screen.page
    expect(page).to_have_title("Built title")
    expect(page.get_by_text("quiet words")).to_have_css("text-transform", "uppercase")
    screen.click("retitle")
    expect(page).to_have_title("New title")
    screen.click("more css")
    expect(page.get_by_text("late style")).to_have_css("color", "rgb(1, 2, 3)")
    screen.click("tint body")
    expect(page.locator("body.tinted")).to_have_css("margin-top", "7px")
    screen.click("dark")
    expect(page.locator("body.body--dark")).to_have_count(1)
    assert page.evaluate("getComputedStyle(document.body).getPropertyValue('--q-primary').trim()") == "#123456"
    page.keyboard.press("Control+k")
    page.get_by_label("Field").press_sequentially("x")  # typing into a field is not reported
    page.locator("body").click(position={"x": 5, "y": 5})
    page.keyboard.press("j")
    screen.should_contain("keys: k+ctrl j")


@pytest.mark.browser
def test_page_built_in_dark_mode_loads_dark(screen: Screen) -> None:
    screen.open("/dark")
    screen.should_contain("night")
    expect(screen.page.locator("body.body--dark")).to_have_count(1)
