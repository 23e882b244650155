"""Quasar in two tiers: every page loads core.js; only pages whose elements need it load rest.js."""
from __future__ import annotations

import re

import pytest
from flask import Flask
from playwright.sync_api import expect

from flaskui import quasar
from flaskui.elements.selection import Select
from flaskui.testing import LiveServer, ProtocolClient, Screen

from .components import Counter, Rated, Stars
from .helpers import state_of


def preloaded(html: str) -> list[str]:
    return re.findall(r'<link rel="modulepreload" href="[^"]*/(vendor/quasar/[^"]+)">', html)


def test_page_of_core_components_loads_only_the_core_tier(app: Flask) -> None:
    html = app.test_client().get("/core-only").text
    assert preloaded(html) == list(quasar.CORE_FILES)
    assert "rest.js" not in html and state_of(html)["components"] == {}


def test_page_with_a_rest_tier_element_preloads_and_announces_that_tier(app: Flask) -> None:
    client = app.test_client()
    html = client.get("/table-now").text
    assert preloaded(html) == [*quasar.CORE_FILES, *quasar.REST_FILES]
    rest_url = state_of(html)["components"]["quasar"]
    assert rest_url.endswith("/vendor/quasar/rest.js")
    module = client.get(rest_url)
    assert module.status_code == 200 and module.mimetype == "text/javascript"
    assert b"window.Quasar" in module.data


def test_the_manifest_puts_every_component_tag_in_one_tier() -> None:
    assert {"q-table", "q-select", "q-date", "q-rating", "q-tree"} <= quasar.REST_TAGS
    assert not {"q-btn", "q-input", "q-layout", "q-page", "q-card", "q-icon", "div"} & quasar.REST_TAGS


def test_component_sources_naming_the_rest_tier_are_found() -> None:
    assert quasar.names_rest_tier("h(Quasar.QSelect, props)")
    assert quasar.names_rest_tier("template: '<q-table :rows=\"rows\" />'")
    assert quasar.names_rest_tier("resolveComponent('q-rating')")
    assert quasar.names_rest_tier("Quasar.date.formatDate(now, 'YYYY')")
    assert not quasar.names_rest_tier("resolveComponent('q-btn'); Quasar.QBtn; Quasar.setCssVar; QUnknownThing")
    assert not quasar.names_rest_tier("const date = new Date(); q-rating-ish; format(x)")
    assert Select.component is not None and Select.component.requires == (quasar.REST,)
    assert Stars.component is not None and Stars.component.requires == (quasar.REST,)
    assert Counter.component is not None and Counter.component.requires == ()
    assert Rated.component is not None and Rated.component.requires == (quasar.REST,)   # via its import


def test_rest_tier_added_later_is_announced_before_its_element(live: LiveServer) -> None:
    page = ProtocolClient(live.url).open("/core-only")
    page.connect()
    page.click(page.find_text("add table"))
    frame = page.wait_for_message(lambda m: m["t"] == "f")
    assert [op[0] for op in frame["ops"]] == ["c", "a"]
    (name, url), = frame["ops"][0][1].items()
    assert name == "quasar" and url.endswith("/vendor/quasar/rest.js")


def test_snapshot_carries_the_components_a_tab_needs(live: LiveServer) -> None:
    page = ProtocolClient(live.url).open("/core-only")
    page.connect()
    page.click(page.find_text("add table"))
    frame = page.wait_for_message(lambda m: m["t"] == "f")
    page.send({"t": "resync", "last": frame["id"] - 1})
    snap = page.wait_for_message(lambda m: m["t"] == "snap")
    assert list(snap["components"]) == ["quasar"] and snap["components"]["quasar"].endswith("/rest.js")


def test_component_that_needs_the_rest_tier_is_announced_after_it(live: LiveServer) -> None:
    page = ProtocolClient(live.url).open("/core-only")
    page.connect()
    page.click(page.find_text("add stars"))
    frame = page.wait_for_message(lambda m: m["t"] == "f")
    announced = [name for op in frame["ops"] if op[0] == "c" for name in op[1]]
    assert announced[0] == "quasar" and announced[1].endswith("stars")


@pytest.mark.browser
def test_rest_tier_element_renders_when_added_to_a_core_only_page(screen: Screen) -> None:
    screen.open("/core-only")
    screen.click("add table")
    expect(screen.page.locator(".q-table tbody tr")).to_have_count(2)
    expect(screen.page.locator(".q-table")).to_contain_text("Lima")


@pytest.mark.browser
def test_custom_component_renders_a_rest_tier_component_by_name(screen: Screen) -> None:
    screen.open("/core-only")
    screen.click("add stars")
    expect(screen.page.locator(".stars .q-rating .q-rating__icon-container")).to_have_count(5)
    expect(screen.page.locator(".stars .q-rating__icon--active")).to_have_count(4)
    expect(screen.page.locator(".stars button.q-btn")).to_have_text("rate")


@pytest.mark.browser
def test_rest_tier_component_named_in_an_imported_module_renders(screen: Screen) -> None:
    screen.open("/core-only")
    screen.click("add rated")      # q-rating named only in rating_part.js, which rated.js imports
    expect(screen.page.locator(".rated .q-rating__icon--active")).to_have_count(2)


@pytest.mark.browser
def test_a_module_that_fails_to_load_is_reported_and_blocks_nothing_else(screen: Screen) -> None:
    logged: list[str] = []
    screen.page.on("console", lambda message: logged.append(message.text))
    screen.expected_console += ["Failed to load resource", "could not load component quasar"]
    screen.page.route(re.compile(r"/vendor/quasar/rest\.js(\?retry=\d)?$"), lambda route: route.abort())
    screen.open("/core-only")
    screen.click("add table")
    screen.click("add counter")
    # registered after the rest tier gave up: three retries, 0.5 + 1 + 2 s apart
    expect(screen.page.locator("button.counter")).to_have_text("count 3 with helper", timeout=15_000)
    expect(screen.page.locator("q-table")).to_have_count(1)  # rendered as the unknown tag it is
    assert any("could not load component quasar" in text for text in logged)
