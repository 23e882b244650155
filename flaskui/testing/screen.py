"""A real browser on a live server: Debian's chromium driven by Playwright.

``Screen`` serves the app from a thread of the test process on a free 127.0.0.1 port and opens
pages in a fresh browser context. It records browser console errors and exceptions that flaskui
logged on the server; ``check()`` (called by the ``screen`` fixture at teardown) fails on either::

    def test_click(screen: Screen) -> None:
        screen.open("/")
        screen.click("Click")
        screen.should_contain("1")
"""
from __future__ import annotations

import logging
import os
from pathlib import Path
from typing import TYPE_CHECKING, Any

from flask import Flask

from .live_server import LiveServer

if TYPE_CHECKING:
    from playwright.sync_api import Browser, ConsoleMessage, Page

CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


def chromium_path() -> str:
    """Debian's chromium, or ``$FLASKUI_CHROMIUM``."""
    return os.environ.get("FLASKUI_CHROMIUM", "/usr/bin/chromium")


class _ServerErrors(logging.Handler):
    def __init__(self) -> None:
        super().__init__(logging.ERROR)
        self.records: list[logging.LogRecord] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.records.append(record)


class Screen:
    """A browser tab on a live server of ``app``.

    Args:
        app: the Flask app under test.
        browser: a launched Playwright browser (the ``flaskui_browser`` fixture gives one).
        timeout: seconds the assertions wait.
        shots: folder for ``shot()`` pictures.

    Attributes:
        page: the Playwright ``Page``, for anything the helpers do not cover.
        server: the ``LiveServer``.
    """

    def __init__(self, app: Flask, browser: Browser, timeout: float = 5.0, shots: Path | None = None) -> None:
        self.server = LiveServer(app).start()
        self.context = browser.new_context(base_url=self.server.url)
        self.context.set_default_timeout(timeout * 1000)
        self.page: Page = self.context.new_page()
        self.timeout = timeout
        self.shots = shots or Path("screenshots")
        self.console_errors: list[str] = []
        self.expected_console: list[str] = ["WebSocket connection"]
        self._server_errors = _ServerErrors()
        logging.getLogger("flaskui").addHandler(self._server_errors)
        self.page.on("console", self._on_console)
        self.page.on("pageerror", lambda error: self.console_errors.append(str(error)))

    def _on_console(self, message: ConsoleMessage) -> None:
        if message.type == "error" and not any(text in message.text for text in self.expected_console):
            self.console_errors.append(message.text)

    def open(self, path: str = "/") -> Screen:
        """Load ``path`` and wait until its socket is connected."""
        self.page.goto(path)
        self.wait_for_idle()
        return self

    def should_contain(self, text: str) -> None:
        """Wait until ``text`` is visible on the page."""
        from playwright.sync_api import expect

        expect(self.page.get_by_text(text).first).to_be_visible(timeout=self.timeout * 1000)

    def should_not_contain(self, text: str) -> None:
        """Wait until no visible element shows ``text``."""
        from playwright.sync_api import expect

        expect(self.page.get_by_text(text)).to_have_count(0, timeout=self.timeout * 1000)

    def click(self, text: str) -> None:
        """Click the element showing ``text`` (or the button named ``text``, whatever its icon)."""
        by_text = self.page.get_by_text(text, exact=True)
        self.page.get_by_role("button", name=text, exact=True).or_(by_text).first.click()

    def type(self, text: str, *, into: str | None = None) -> None:
        """Type ``text`` key by key into the field labelled ``into`` (default: the focused one)."""
        if into is not None:
            self.page.get_by_label(into).press_sequentially(text)
        else:
            self.page.keyboard.type(text)

    def wait_for_idle(self) -> None:
        """Wait until the socket is connected, every frame is applied and rendered, no JS runs."""
        self.page.wait_for_function("window.flaskui && window.flaskui.connected", timeout=self.timeout * 1000)
        self.page.evaluate("window.flaskui.idle()")

    def shot(self, name: str) -> Path:
        """Save a full-page screenshot as ``<shots>/<name>.png``."""
        self.shots.mkdir(parents=True, exist_ok=True)
        path = self.shots / f"{name}.png"
        self.page.screenshot(path=str(path), full_page=True)
        return path

    def check(self) -> None:
        """Fail if the browser logged errors or flaskui logged server-side exceptions."""
        problems: list[str] = [f"browser console: {error}" for error in self.console_errors]
        problems += [f"server: {record.getMessage()} {record.exc_info[1] if record.exc_info else ''}"
                     for record in self._server_errors.records]
        if problems:
            raise AssertionError("errors during the test:\n" + "\n".join(problems))

    def close(self) -> None:
        logging.getLogger("flaskui").removeHandler(self._server_errors)
        self.context.close()
        self.server.stop()

    def __enter__(self) -> Screen:
        return self

    def __exit__(self, *exc: Any) -> None:
        self.close()
