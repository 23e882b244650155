from __future__ import annotations

import sys

import pytest

from flaskui import ui
from flaskui.testing import Screen, User

EXAMPLE = "showcase"


MATPLOTLIB_MISSING = "This demo needs matplotlib, which is not installed: pip install 'flaskui[plot]'"


def hide_matplotlib(monkeypatch: pytest.MonkeyPatch) -> None:
    """Make ``import matplotlib`` (and its submodules) fail as where it is not installed, for one test."""
    for name in [name for name in sys.modules if name.partition(".")[0] == "matplotlib"] + ["matplotlib"]:
        monkeypatch.setitem(sys.modules, name, None)  # None in sys.modules: import raises ModuleNotFoundError


@pytest.mark.parametrize("matplotlib", ["installed", "missing"])
def test_every_showcase_page_answers(user: User, monkeypatch: pytest.MonkeyPatch, matplotlib: str) -> None:
    from showcase import FAMILIES

    if matplotlib == "missing":  # the README's command installs it (the plot extra); a plain install does not
        hide_matplotlib(monkeypatch)
    assert {"basics", "content", "data", "feedback", "features", "inputs", "layout"} <= set(FAMILIES)
    for family in FAMILIES:
        user.open("/" if family == "basics" else f"/{family}")  # fails unless the page answers 200
        user.should_see("flaskui showcase")
    user.open("/hello")
    user.should_see("Hello!")


def test_the_data_page_says_which_extra_its_plots_need_where_matplotlib_is_missing(
        user: User, monkeypatch: pytest.MonkeyPatch) -> None:
    user.open("/data")
    user.should_not_see(MATPLOTLIB_MISSING)
    hide_matplotlib(monkeypatch)
    user.open("/data")
    for title in ("Pyplot", "Matplotlib figure", "Line plot"):
        user.should_see(title)
    assert len(user.find(MATPLOTLIB_MISSING).elements) == 3, "each of the three cards says what to install"
    user.find("Add a row").click()  # the other demos work as before
    user.should_see("Linus")


def test_basic_cards_work(user: User) -> None:
    user.javascript_rules[r"innerWidth"] = 1024
    user.open("/")
    user.find("Click me").click()
    user.should_see("1")
    user.find("Your name").type("Ada")
    user.should_see("Hello, Ada!")
    user.find("Toggle from the server").click()
    assert user.find(kind=ui.checkbox).elements[0].value is True
    user.open("/features")
    user.find("Notify").click()
    user.find("Ask the browser").click()
    user.should_see("the window is 1024 px wide")
    assert "Hello from the server" in user.notifications
    assert "checked: True" in user.notifications


def test_choices_are_picked_by_their_labels(user: User) -> None:
    user.open("/inputs")
    city = user.find("City").choose("Lisbon")
    assert city.elements[0].value == "Lisbon"
    numbers = user.find("Numbers").choose("Two")
    assert numbers.elements[0].value == [1, 3, 2]
    assert user.find("Medium").choose("Large").elements[0].value == "l"
    assert user.find("Week").choose("Month").elements[0].value == "Month"


def test_hello_page_navigates_back(user: User) -> None:
    user.open("/hello")
    user.find("Back").click()
    assert user.navigation == ["/"]


@pytest.mark.browser
def test_showcase_in_a_browser(screen: Screen) -> None:
    screen.open("/")
    screen.click("Click me")
    screen.type("Grace", into="Your name")
    screen.should_contain("Hello, Grace!")
    screen.open("/features")
    screen.click("Ask the browser")
    screen.should_contain("px wide")
    screen.shot("showcase")


@pytest.mark.browser
@pytest.mark.parametrize("family", ["content", "data", "feedback", "features", "inputs", "layout"])
def test_every_gallery_page_renders_without_errors(screen: Screen, family: str) -> None:
    screen.page.set_default_timeout(60_000)  # the data page compiles several MB of chart libraries
    screen.page.goto(f"/{family}")
    screen.page.wait_for_function("window.flaskui && window.flaskui.connected")
    screen.page.evaluate("window.flaskui.idle()")
    screen.should_contain("flaskui showcase")
    screen.shot(f"showcase-{family}")
