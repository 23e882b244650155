"""The simulated user (``user`` fixture) against the test app."""
from __future__ import annotations

from typing import Callable

import pytest
from flask import Flask

import flaskui
from flaskui import ui
from flaskui.testing import User

from .apps import create_app


def test_click_and_type(user: User) -> None:
    user.open("/")
    user.should_see("0")
    user.find("Click").click().click()
    user.should_see("2")
    user.find(kind=ui.input).type("Ada")
    user.should_see("Ada")
    assert user.find(kind=ui.input).elements[0].value == "Ada"
    user.find(kind=ui.input).clear()
    assert user.find(kind=ui.input).elements[0].value == ""
    user.find("Agree").click()
    assert user.find(kind=ui.checkbox).elements[0].value is True


def test_two_users_see_each_other(create_user: Callable[[], User]) -> None:
    alice, bob = create_user(), create_user()
    alice.open("/chat")
    bob.open("/chat")
    alice.find(kind=ui.input).type("hi bob")
    alice.find(marker="send").click()
    bob.should_see("hi bob")
    bob.find(kind=ui.input).type("hi alice")
    bob.find(marker="send").click()
    alice.should_see("hi alice")


def test_notifications_navigation_javascript_and_timers(user: User) -> None:
    user.javascript_rules[r"^innerWidth$"] = 1280
    user.open("/misc")
    user.find("notify").click()
    user.find("go").click()
    user.find("size").click()
    user.should_see("1280")
    user.should_see("timer fired")
    assert user.notifications == ["saved"]
    assert user.navigation == ["/elsewhere"]
    user.should_not_see("secret")


def test_failure_message_shows_the_page(user: User) -> None:
    user.timeout = 0.05
    user.open("/")
    with pytest.raises(AssertionError) as failure:
        user.should_see("nothing like this")
    assert "Button <q-btn> 'Click'" in str(failure.value)
    with pytest.raises(AssertionError, match="still see 'Click'"):
        user.should_not_see("Click")


def test_page_that_redirects_is_followed(user: User) -> None:
    user.open("/old")
    user.should_see("Click")


def test_unknown_listener_is_refused_like_on_a_socket(user: User) -> None:
    user.open("/")
    with pytest.raises(AssertionError, match="no 'dblclick' listener"):
        user.find("Click").trigger("dblclick")


def test_two_apps_in_one_test() -> None:
    first, second = User(create_app()), User(create_app())
    first.open("/")
    second.open("/")
    first.find("Click").click()
    first.should_see("1")
    second.should_see("0")
    second.should_not_see("1")


def _choices_app() -> Flask:
    pages = flaskui.Blueprint("choices", __name__)

    @pages.page("/")
    def choices() -> None:
        said = ui.label("")
        ui.select({1: "one", 2: "two", 3: "three"}, label="Number", value=1,
                  on_change=lambda e: setattr(said, "text", f"number {e.value}"))
        ui.select(["red", "green", "blue"], label="Colours", multiple=True, value=["red"],
                  on_change=lambda e: setattr(said, "text", f"colours {e.value}"))
        ui.radio(["tea", "coffee"], value="tea", on_change=lambda e: setattr(said, "text", f"drink {e.value}"))
        ui.toggle({"s": "Small", "l": "Large"}, value="s", clearable=True)
        rows = [{"id": 1, "name": "ada", "score": 3.0}, {"id": 2, "name": "Bo", "score": None},
                {"id": 3, "name": "cy", "score": 2.5}, {"id": 4, "name": None, "score": True},
                *({"id": i, "name": f"zz{i}", "score": i, "note": "not a column's field"} for i in (5, 6, 7))]
        ui.table(rows=rows, columns=[{"name": "who", "label": "Who", "field": "name"},
                                     {"name": "score", "label": "Score", "field": "score"},
                                     {"name": "note", "label": "Note"}],
                 pagination={"sortBy": "who"})   # Quasar's default: five rows a page
        ui.tree([{"id": "a", "label": "Animals", "children": [{"id": "c", "label": "Cat"}]}])

    app = Flask(__name__)
    app.config["SECRET_KEY"] = "test"
    app.register_blueprint(pages)
    return app


def test_choosing_options_by_their_labels() -> None:
    user = User(_choices_app())
    user.open("/")
    user.should_see("one")          # a select shows the label of its value, not the value
    user.should_not_see("two")
    user.find("Number").choose("three")
    user.should_see("number 3")
    user.should_see("three")
    user.should_not_see("one")
    colours = user.find("Colours").choose("blue", "red")
    user.should_see("colours ['red', 'blue']")
    colours.elements[0].value = None      # emptied by the app
    colours.choose("green")
    user.should_see("colours ['green']")
    user.find("coffee").choose("coffee")     # every option of a radio is on the page
    user.should_see("drink coffee")
    toggle = user.find("Small").choose("Large")
    assert toggle.elements[0].value == "l"
    toggle.choose("Large")                   # the chosen button of a clearable toggle turns it off
    assert toggle.elements[0].value is None


def test_choosing_what_is_not_offered_fails_clearly() -> None:
    user = User(_choices_app())
    user.open("/")
    with pytest.raises(AssertionError, match=r"offers no \['four'\]; its options: \['one', 'two', 'three'\]"):
        user.find("Number").choose("four")
    with pytest.raises(AssertionError, match="takes one choice, got 2"):
        user.find("Number").choose("one", "two")
    with pytest.raises(AssertionError, match="has no options to choose from"):
        user.find(kind=ui.label).choose("one")


def test_table_cells_and_tree_labels_are_seen_as_shown() -> None:
    user = User(_choices_app())
    user.open("/")
    # sorted by the "who" column's field as Quasar sorts: the empty name first, then ada, Bo, cy
    # (case aside), zz5; zz6 and zz7 are on page two
    for shown in ("Who", "Score", "ada", "Bo", "cy", "zz5", "2.5", "true"):
        user.should_see(shown)
    user.should_see("3")            # ada's 3.0, written as the browser writes it
    user.should_not_see("3.0")
    user.should_not_see("zz6")
    user.should_not_see("not a column's field")   # the "note" column has no field: its cells are empty
    table = user.find(kind=ui.table).elements[0]
    table.pagination = {**table.pagination, "page": 2}
    user.should_see("zz6")
    user.should_see("zz7")
    user.should_not_see("ada")
    table.pagination = {**table.pagination, "page": 9}   # past the end: Quasar shows no rows
    user.should_not_see("zz7")
    table.pagination = {"sortBy": "who", "descending": True, "rowsPerPage": 2}
    user.should_see("zz7")
    user.should_see("zz6")
    user.should_not_see("zz5")
    table.pagination = {"sortBy": "who", "rowsPerPage": 2, "rowsNumber": 70}   # the app pages: rows as they are
    user.should_see("ada")
    user.should_see("zz7")
    user.should_see("Animals")
    user.should_not_see("Cat")      # inside a collapsed node
    user.find(kind=ui.tree).elements[0].expand()
    user.should_see("Cat")


def test_descending_sort_turns_quasars_comparison_round() -> None:
    """Quasar sorts descending by negating its comparison, which for empty cells is not the same
    as reversing the ascending order: the first empty row stays first among them."""
    pages = flaskui.Blueprint("sorted", __name__)

    @pages.page("/")
    def sorted_table() -> None:
        ui.table(rows=[{"id": 1, "flag": True, "tag": "row a"}, {"id": 2, "flag": None, "tag": "row b"},
                       {"id": 3, "flag": None, "tag": "row c"}],
                 pagination={"sortBy": "flag", "descending": True, "rowsPerPage": 2})

    app = Flask(__name__)
    app.config["SECRET_KEY"] = "test"
    app.register_blueprint(pages)
    user = User(app)
    user.open("/")
    user.should_see("row a")
    user.should_see("row b")
    user.should_not_see("row c")
