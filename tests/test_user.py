"""The simulated user (``user`` fixture) against the test app."""
from __future__ import annotations

from typing import Callable

import pytest

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
