"""The real thing: Debian's chromium driving pages served by the gevent server."""
from __future__ import annotations

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser


def test_click_changes_the_label(page: Page) -> None:
    page.goto("/")
    expect(page.get_by_text("Click")).to_be_visible()
    page.get_by_text("Click").click()
    page.get_by_text("Click").click()
    expect(page.locator("#f1")).to_have_text("2")


def test_typing_round_trips_without_lost_characters(page: Page) -> None:
    page.goto("/")
    field = page.get_by_label("Name")
    text = "The quick brown fox jumps over the lazy dog 0123456789"
    field.press_sequentially(text, delay=5)
    expect(page.locator("#f3")).to_have_text(text)
    expect(field).to_have_value(text)


def test_checkbox_value_reaches_the_server(page: Page, app) -> None:  # type: ignore[no-untyped-def]
    page.goto("/")
    page.get_by_text("Agree").click()
    expect(page.locator(".q-checkbox[aria-checked=true]")).to_be_visible()


def test_dropped_connection_resumes_without_reload_and_shows_missed_update(page: Page) -> None:
    page.goto("/drop")
    expect(page.get_by_text("connected")).to_be_visible()
    page.evaluate("window.loadedOnce = true")
    page.get_by_text("drop").click()
    expect(page.locator("#f1")).to_have_text("changed while down")
    expect(page.locator("#flaskui-reconnecting")).to_be_hidden()
    assert page.evaluate("window.loadedOnce") is True, "the page must not have reloaded"


def test_run_javascript_returns_a_value_and_raises_on_error(page: Page) -> None:
    page.goto("/js")
    page.get_by_text("value").click()
    expect(page.locator("#f1")).to_have_text("'flaskui 42'")
    page.get_by_text("error").click()
    expect(page.locator("#f1")).to_have_text("JavaScriptError: ReferenceError: undefinedFunction is not defined")


def test_reconnect_indicator_shows_while_the_server_is_gone(page: Page, live) -> None:  # type: ignore[no-untyped-def]
    page.goto("/")
    expect(page.get_by_text("Click")).to_be_visible()
    page.wait_for_function("window.flaskui.connected")
    live.stop()
    expect(page.locator("#flaskui-reconnecting")).to_be_visible()
