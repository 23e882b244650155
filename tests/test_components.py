"""Custom components: declared files only, loaded only by pages that use them."""
from __future__ import annotations

import re

import pytest
from flask import Flask
from playwright.sync_api import Route, expect

from flaskui.testing import LiveServer, ProtocolClient, Screen

from .components import Counter


def test_component_files_are_served_only_if_declared(app: Flask) -> None:
    client = app.test_client()
    html = client.get("/custom-now").text
    url = re.search(r'"flaskui-[^"]*counter":"([^"]+)"', html).group(1)  # type: ignore[union-attr]
    assert url.endswith("/counter.js") and url.startswith("/_flaskui/components/")
    module = client.get(url)
    assert module.status_code == 200 and module.mimetype == "text/javascript"
    assert module.headers["X-Content-Type-Options"] == "nosniff"
    assert "immutable" in module.headers["Cache-Control"]
    folder = url.rsplit("/", 1)[0]
    assert client.get(f"{folder}/helper.js").status_code == 200
    for path in ("secret.txt", "__init__.py", "../counter.js", "..%2F__init__.py", "%2e%2e/apps.py"):
        assert client.get(f"{folder}/{path}", follow_redirects=True).status_code == 404, path
    assert client.get("/_flaskui/components/unknown-0123456789/counter.js").status_code == 404


def test_component_name_is_the_default_tag() -> None:
    assert Counter.component is not None
    assert Counter.component.name.endswith("counter") and Counter.component.entry == "counter.js"


def test_page_without_the_component_does_not_reference_it(app: Flask) -> None:
    assert "counter.js" not in app.test_client().get("/custom").text


def test_component_added_later_is_announced_before_its_element(live: LiveServer) -> None:
    page = ProtocolClient(live.url).open("/custom")
    assert page.components == {}
    page.connect()
    page.click(page.find_text("add counter"))
    frame = page.wait_for_message(lambda m: m["t"] == "f")
    assert [op[0] for op in frame["ops"]] == ["c", "a"]
    assert list(frame["ops"][0][1].values())[0].endswith("/counter.js")


@pytest.mark.browser
def test_component_renders_and_talks_to_the_server(screen: Screen) -> None:
    screen.open("/custom")
    screen.click("add counter")
    button = screen.page.locator("button.counter")
    expect(button).to_have_text("count 3 with helper")
    button.click()
    expect(button).to_have_text("count 4 with helper")


@pytest.mark.browser
def test_component_with_a_template_renders_with_the_compiler_loaded_for_it(screen: Screen) -> None:
    screen.open("/custom")
    screen.click("add counter")
    expect(screen.page.locator("button.counter")).to_have_text("count 3 with helper")
    assert screen.page.evaluate("typeof window.VueCompilerDOM") == "undefined"   # not for render functions
    screen.open("/templated")
    expect(screen.page.locator(".greeting")).to_have_text("Hello Ada!")
    screen.click("add greeting")
    expect(screen.page.locator(".greeting")).to_have_text(["Hello Ada!", "Hello Grace!"])
    screen.open("/templated-deep")
    expect(screen.page.locator(".nested-greeting")).to_have_text("Hello Lin!")


def test_component_module_that_fails_to_arrive_is_fetched_again(screen: Screen) -> None:
    requests: list[str] = []

    def only_retries_arrive(route: Route) -> None:   # the preload and the first import fail
        requests.append(route.request.url)
        if "retry=" in route.request.url:
            route.continue_()
        else:
            route.abort()

    screen.expected_console.append("net::ERR_FAILED")
    screen.page.route(re.compile(r"/counter\.js(\?.*)?$"), only_retries_arrive)
    screen.open("/custom-now")
    expect(screen.page.locator("button.counter")).to_contain_text("count 7")
    assert requests[-1].endswith("/counter.js?retry=1"), requests


def test_page_does_not_wait_for_a_module_that_hangs(screen: Screen) -> None:
    held: list[Route] = []
    screen.page.route(re.compile(r"/counter\.js$"), lambda route: held.append(route))
    screen.open("/custom-now")     # connected: the page mounted, with the module still on its way
    expect(screen.page.get_by_text("beside the counter")).to_be_visible()
    expect(screen.page.locator("button.counter")).to_have_count(0)
    assert len(held) == 1
    held[0].continue_()
    expect(screen.page.locator("button.counter")).to_contain_text("count 7")


def test_classic_script_component_with_a_template_waits_for_the_compiler(screen: Screen) -> None:
    """Even past the mount's 2 s wait: it renders once Vue's template compiler is there."""
    held: list[Route] = []
    screen.page.route(re.compile(r"/compiler-dom\.global\.prod\.js$"), lambda route: held.append(route))
    screen.page.goto("/classic-template", wait_until="commit")   # its load event waits for the compiler
    screen.wait_for_idle()
    expect(screen.page.get_by_text("beside the classic component")).to_be_visible()
    expect(screen.page.locator("i.hello")).to_have_count(0)
    assert len(held) == 1
    held[0].continue_()
    expect(screen.page.locator("i.hello")).to_have_text("Hi Ann")
