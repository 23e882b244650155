"""Speed paths: text-only updates that skip Vue's re-render (Chromium), preloaded ES modules."""
from __future__ import annotations

import re

import pytest
from flask import Flask
from playwright.sync_api import expect

import flaskui
from flaskui import ui
from flaskui.testing import Screen


@pytest.fixture
def app() -> Flask:
    pages = flaskui.Blueprint("speed_paths", __name__)

    @pages.page("/")
    def index() -> None:
        label = ui.label("one").classes("probe-label")
        hidden = ui.label("hidden one")
        hidden.visible = False
        button = ui.button("button one")
        with ui.label("outer one") as outer:
            ui.label("inner")

        def texts() -> None:
            label.text = "two"
            hidden.text = "hidden two"
            button.text = "button two"
            outer.text = "outer two"

        def restyle() -> None:
            label.text = "one"  # the text Vue last rendered itself
            label.classes("marked")

        ui.button("texts", on_click=texts)
        ui.button("restyle", on_click=restyle)
        ui.button("show", on_click=lambda: setattr(hidden, "visible", True))
        ui.button("three", on_click=lambda: setattr(label, "text", "three"))

    @pages.page("/ripple")
    def ripple() -> None:
        count = ui.label("0").classes("ripple-count")
        doomed = ui.button("doomed")

        def bump() -> None:
            count.text = str(int(count.text or "0") + 1)

        ui.button("bump", on_click=bump)
        ui.button("remove", on_click=doomed.delete)
        with ui.card().classes("ripple-card"):
            ui.button("inner", on_click=bump).props["ripple"] = {"stop": True}

    app = Flask(__name__)
    app.config["SECRET_KEY"] = "test-secret"
    app.register_blueprint(pages)
    return app


@pytest.mark.browser
def test_text_fast_path_then_normal_updates_and_a_snapshot(screen: Screen) -> None:
    screen.open("/")
    label = screen.page.locator(".probe-label")
    # A Vue re-render of the label stamps its element id back (frontend/src/render.js), so a foreign id that
    # survives an update shows the update skipped Vue.
    label.evaluate("node => { node.id = 'untouched'; }")

    screen.click("texts")
    expect(screen.page.locator("#untouched")).to_have_text("two")
    expect(screen.page.get_by_role("button", name="button two")).to_be_visible()
    expect(screen.page.get_by_text("outer two")).to_be_visible()
    expect(screen.page.get_by_text("inner", exact=True)).to_be_visible()
    expect(screen.page.get_by_text("hidden two")).to_be_hidden()
    screen.click("show")
    expect(screen.page.get_by_text("hidden two")).to_be_visible()

    # Back to the text Vue rendered before the fast path, with a class: a normal re-render.
    screen.click("restyle")
    expect(label).to_have_text("one")
    expect(label).to_have_class("probe-label marked")
    expect(screen.page.locator("#untouched")).to_have_count(0)

    screen.click("three")
    expect(label).to_have_text("three")

    # A gap in frame ids makes the tab ask for a snapshot, which replaces the whole store.
    outbox = next(iter(screen.server.app.extensions["flaskui"].clients)).outbox
    outbox.frame_id += 5
    outbox._acked += 5
    screen.click("texts")
    expect(label).to_have_text("two")  # the frame with the gap is dropped: this is the snapshot
    screen.wait_for_idle()
    assert screen.page.evaluate("window.flaskui.lastFrame") == outbox.frame_id
    expect(label).to_have_class("probe-label marked")
    expect(screen.page.get_by_role("button", name="button two")).to_be_visible()
    expect(screen.page.get_by_text("hidden two")).to_be_visible()

    screen.click("three")
    expect(label).to_have_text("three")
    expect(label).to_have_class("probe-label marked")


def test_page_loads_flaskui_as_one_module_and_preloads_what_it_imports(app: Flask) -> None:
    """flaskui's browser code is one module; the modules it imports (Quasar's core tier) are
    preloaded, so no module waits for another to arrive before it is requested."""
    http = app.test_client()
    html = http.get("/").text
    (entry,) = re.findall(r'<script type="module" src="([^"]+)"></script>', html)
    preloaded = re.findall(r'<link rel="modulepreload" href="([^"]+)">', html)
    assert html.index('type="module"') < html.index("modulepreload"), "the entry module is requested first"
    bundle = http.get(entry)
    assert bundle.status_code == 200 and bundle.mimetype == "text/javascript"
    folder = entry.rsplit("/", 1)[0]
    imported = {f"{folder}/{name}" for name in re.findall(r'^import .* from "\./([\w./-]+)";$', bundle.text, re.M)}
    assert imported == {f"{folder}/vendor/quasar/core.js"}
    core = http.get(f"{folder}/vendor/quasar/core.js").text
    imported |= {f"{folder}/vendor/quasar/{name}" for name in re.findall(r'from"\./([\w.-]+\.js)"', core)}
    assert set(preloaded) == imported
    for url in preloaded:
        response = http.get(url)
        assert response.status_code == 200 and response.mimetype == "text/javascript"


# Click a button from a script and count its ripples at once and after the next frame.
RIPPLES_AROUND_A_CLICK = """
async button => {
  button.click();
  const during = button.querySelectorAll('.q-ripple').length;
  await new Promise(resolve => requestAnimationFrame(() => setTimeout(resolve, 0)));
  return [during, button.querySelectorAll('.q-ripple').length];
}
"""


@pytest.mark.browser
def test_a_clicks_ripple_starts_in_the_next_frame_and_unmounting_removes_it(screen: Screen) -> None:
    """Quasar's ripple is drawn in the frame after the click, as before, but started there
    (frontend/src/ripple.js), so the click's dispatch does not lay out the page first."""
    screen.open("/ripple")
    bump = screen.page.get_by_role("button", name="bump")
    assert bump.evaluate(RIPPLES_AROUND_A_CLICK) == [0, 1]
    expect(screen.page.locator(".ripple-count")).to_have_text("1")   # the click reached the server
    bump.click()   # a real pointer click: pointerdown, then click
    expect(bump.locator(".q-ripple")).not_to_have_count(0)
    expect(screen.page.locator(".ripple-count")).to_have_text("2")

    # A removed button keeps no deferred listener: clicking the detached node draws no ripple.
    doomed = screen.page.get_by_role("button", name="doomed").element_handle()
    screen.click("remove")
    expect(screen.page.get_by_role("button", name="doomed")).to_have_count(0)
    assert doomed.evaluate(RIPPLES_AROUND_A_CLICK) == [0, 0]

    # Quasar's `stop` ripple option still keeps the click from the elements around the button.
    screen.page.locator(".ripple-card").evaluate(
        "card => { window.cardClicks = 0; card.addEventListener('click', () => window.cardClicks++); }")
    inner = screen.page.get_by_role("button", name="inner")
    inner.click()
    expect(screen.page.locator(".ripple-count")).to_have_text("3")
    expect(inner.locator(".q-ripple")).not_to_have_count(0)
    assert screen.page.evaluate("window.cardClicks") == 0
