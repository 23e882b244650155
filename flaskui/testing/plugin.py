"""The pytest plugin (registered as ``pytest11`` entry point ``flaskui``).

Fixtures, all built on an ``app`` fixture that your test suite defines (the pytest-flask
convention):

- ``user``: a ``User`` (simulated tab, no browser).
- ``create_user``: makes more users, each its own browser: ``alice, bob = create_user(), create_user()``.
- ``screen``: a ``Screen`` (Chromium on a live server); fails the test on browser console errors
  and on exceptions flaskui logged on the server.
- ``flaskui_browser``: the session's Chromium (``$FLASKUI_CHROMIUM``, default ``/usr/bin/chromium``).

``screen`` and ``flaskui_browser`` need the ``testing`` extra (Playwright) and Debian's chromium; without
either, a test using them fails saying what to install. The plugin registers the ``browser`` marker
(``@pytest.mark.browser`` on tests that drive Chromium), so ``--strict-markers`` accepts it.
"""
from __future__ import annotations

import os
from typing import TYPE_CHECKING, Callable, Iterator

import pytest
from flask import Flask

from .user import User

if TYPE_CHECKING:
    from playwright.sync_api import Browser

    from .screen import Screen


BROWSER_MARKER = "browser: drives Chromium through Playwright (flaskui's screen and flaskui_browser fixtures)"


def pytest_configure(config: pytest.Config) -> None:
    """Register the ``browser`` marker, so a project run with ``--strict-markers`` may use it."""
    config.addinivalue_line("markers", BROWSER_MARKER)


@pytest.fixture
def create_user(app: Flask) -> Iterator[Callable[[], User]]:
    users: list[User] = []

    def make() -> User:
        users.append(User(app))
        return users[-1]

    yield make
    for user in users:
        user.close()


@pytest.fixture
def user(create_user: Callable[[], User]) -> User:
    return create_user()


@pytest.fixture(scope="session")
def flaskui_browser() -> Iterator[Browser]:
    from .screen import CHROMIUM_ARGS, chromium_path

    try:
        from playwright.sync_api import sync_playwright
    except ImportError as error:
        # from None: the ImportError's traceback would only bury the message
        raise pytest.fail.Exception(
            f"flaskui's browser fixtures need Playwright ({error}): pip install 'flaskui[testing]', and Debian's "
            "chromium: apt-get install chromium (or set FLASKUI_CHROMIUM to a Chromium executable)", pytrace=False,
        ) from None
    if not os.path.isfile(chromium_path()):
        pytest.fail(f"flaskui's browser fixtures need Chromium, and {chromium_path()} does not exist: "
                    "apt-get install chromium (Debian's), or set FLASKUI_CHROMIUM to a Chromium executable",
                    pytrace=False)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=chromium_path(), args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.fixture
def screen(app: Flask, flaskui_browser: Browser, request: pytest.FixtureRequest) -> Iterator[Screen]:
    from .screen import Screen

    shots = request.config.rootpath / "screenshots"
    with Screen(app, flaskui_browser, shots=shots) as screen:
        yield screen
        screen.check()
