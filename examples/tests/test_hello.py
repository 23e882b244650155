from __future__ import annotations

import pytest

from flaskui.testing import Screen, User

EXAMPLE = "hello"


def test_counting(user: User) -> None:
    user.open("/")
    user.should_see("0")
    user.find("Click").click()
    user.find("Click").click()
    user.should_see("2")


@pytest.mark.browser
def test_counting_in_a_browser(screen: Screen) -> None:
    screen.open("/")
    screen.click("Click")
    screen.should_contain("1")
