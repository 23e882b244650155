"""The real thing: Debian's chromium driving pages served by the gevent server (``screen`` fixture)."""
from __future__ import annotations

import pytest
from playwright.sync_api import expect

from flaskui.testing import Screen

from .helpers import wait_until

pytestmark = pytest.mark.browser


def test_click_changes_the_label(screen: Screen) -> None:
    screen.open("/")
    screen.click("Click")
    screen.click("Click")
    screen.should_contain("2")


def test_typing_round_trips_without_lost_characters(screen: Screen) -> None:
    screen.open("/")
    text = "The quick brown fox jumps over the lazy dog 0123456789"
    screen.page.get_by_label("Name").press_sequentially(text, delay=5)
    screen.should_contain(text)
    expect(screen.page.get_by_label("Name")).to_have_value(text)


def test_checkbox_value_reaches_the_server(screen: Screen) -> None:
    screen.open("/")
    screen.click("Agree")
    expect(screen.page.locator(".q-checkbox[aria-checked=true]")).to_be_visible()
    (client,) = list(screen.server.app.extensions["flaskui"].clients)
    # The tab shows the tick at once; the server learns it from the event on its way.
    wait_until(lambda: [e.value for e in client.elements.values() if e.tag == "q-checkbox"] == [True])


def test_dropped_connection_resumes_without_reload_and_shows_missed_update(screen: Screen) -> None:
    screen.open("/drop")
    screen.page.evaluate("window.loadedOnce = true")
    screen.click("drop")
    screen.should_contain("changed while down")
    expect(screen.page.locator("#flaskui-reconnecting")).to_be_hidden()
    assert screen.page.evaluate("window.loadedOnce") is True, "the page must not have reloaded"


def test_run_javascript_returns_a_value_and_raises_on_error(screen: Screen) -> None:
    screen.open("/js")
    screen.click("value")
    screen.should_contain("'flaskui 42'")
    screen.click("error")
    screen.should_contain("JavaScriptError: ReferenceError: undefinedFunction is not defined")


def test_reconnect_indicator_shows_while_the_server_is_gone(screen: Screen) -> None:
    screen.open("/")
    screen.server.stop()
    expect(screen.page.locator("#flaskui-reconnecting")).to_be_visible()


def test_notification_and_navigation(screen: Screen) -> None:
    screen.open("/misc")
    screen.click("notify")
    screen.should_contain("saved")
    screen.click("go")
    screen.page.wait_for_url("**/elsewhere")
    screen.should_contain("arrived")


def test_gap_in_frame_ids_is_answered_with_a_snapshot(screen: Screen) -> None:
    screen.open("/")
    client = next(iter(screen.server.app.extensions["flaskui"].clients))
    outbox = client.outbox
    outbox.frame_id += 5  # the next frame skips ids, as if frames were lost on the way
    outbox._acked += 5  # (and flow control is not waiting for them)
    screen.click("Click")
    screen.should_contain("1")
    screen.wait_for_idle()
    assert screen.page.evaluate("window.flaskui.lastFrame") == outbox.frame_id
