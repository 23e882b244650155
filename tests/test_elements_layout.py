"""The layout and feedback elements: containers, page frame, popups, panels and progress."""
from __future__ import annotations

import re
from typing import TypeVar

import gevent
import pytest
from flask import Flask
from playwright.sync_api import FloatRect, expect

from flaskui import ui
from flaskui.testing import Screen, User, UserInteraction

from .elements_layout_app import create_app


@pytest.fixture
def app() -> Flask:
    return create_app()


E = TypeVar("E", bound=ui.element)


def only(user: User, kind: type[E], text: str | None = None) -> E:
    (element,) = user.find(text, kind=kind).elements
    assert isinstance(element, kind)
    return element


def marked(user: User, marker: str) -> ui.element:
    (element,) = user.find(marker=marker).elements
    return element


def on_server(screen: Screen, kind: type[E]) -> E:
    """The one element of ``kind`` on the page the screen shows, once the browser is idle."""
    screen.wait_for_idle()
    (client,) = list(screen.server.app.extensions["flaskui"].clients)
    (element,) = [e for e in client.elements.values() if isinstance(e, kind)]
    return element


# -- the simulated user --------------------------------------------------------------------------------------------
def test_row_column_grid_and_card(user: User) -> None:
    user.open("/layout")
    row = marked(user, "row")
    assert list(row.classes) == ["flaskui-row", "items-center", "no-wrap"]
    assert [type(child) for child in row.children] == [ui.label, ui.space, ui.label]
    assert list(marked(user, "column").classes) == ["flaskui-column", "items-stretch", "wrap"]
    grid = marked(user, "grid")
    assert dict(grid.style) == {"grid-template-rows": "auto 1fr",
                                "grid-template-columns": "repeat(3, minmax(0, 1fr))"}
    card = marked(user, "card")
    assert list(card.classes) == []  # tight: the sections bring their own padding
    assert [child.tag for child in card.children] == ["q-card-section", "q-separator", "q-card-actions"]
    assert user.client is not None
    with user.client.ui_context():
        assert list(ui.card(align_items="center").classes) == ["flaskui-card", "items-center"]


def test_list_items_and_scroll_area(user: User) -> None:
    user.open("/layout")
    assert "clickable" not in only(user, ui.item, "Plain item").props
    user.find("Clickable item").click()
    user.should_see("clicked: item")
    (rich,) = [item for item in user.find(kind=ui.item).elements if item.text is None]
    assert rich.props["clickable"] is True
    UserInteraction(user, [rich]).click()
    user.should_see("clicked: Item")
    assert only(user, ui.item_label, "mathematician").props["caption"] is True
    user.find(kind=ui.scroll_area).trigger("scroll", [{"verticalPosition": 120, "verticalPercentage": 0.5}])
    user.should_see("scrolled: 120 (0.5)")


def test_header_footer_and_drawers_join_the_page_layout(user: User) -> None:
    user.open("/page")
    assert user.client is not None
    layout = user.client.layout
    assert [child.tag for child in layout.children] == [
        "q-header", "q-drawer", "q-drawer", "q-page-container", "q-footer"]
    assert only(user, kind=ui.card).children == []
    # left drawer over the header's corner, fixed; right drawer and footer scroll with the page
    assert layout.props["view"] == "lHh Lpr fff"
    header = only(user, ui.header)
    assert header.props["elevated"] is True and header.props["reveal"] is True
    user.should_not_see("In the drawer")
    left = layout.children[1]
    assert isinstance(left, ui.left_drawer)
    assert left.value is False and left.props["side"] == "left" and left.props["bordered"] is True
    right = only(user, ui.right_drawer)
    assert right.value is None and right.props["show-if-above"] is True and right.props["side"] == "right"
    user.find("Menu").click()
    user.should_see("drawer: True")
    user.find(kind=ui.left_drawer).trigger("update:modelValue", [False])  # closed in the browser
    user.should_see("drawer: False")
    user.find("Hide header").click()
    user.should_see("header: False")
    sticky = only(user, ui.page_sticky)
    assert sticky.props == {"position": "bottom-right", "offset": [20, 30]}


def test_expansion_opens_and_closes(user: User) -> None:
    user.open("/containers")
    expansion = only(user, ui.expansion)
    assert expansion.props["label"] == "More" and expansion.props["caption"] == "details"
    user.find("More").click()
    user.should_see("expansion: True")
    expansion.close()
    user.should_see("expansion: False")


def test_tabs_and_panels_follow_each_other(user: User) -> None:
    user.open("/containers")
    tabs, panels = only(user, ui.tabs), only(user, ui.tab_panels)
    assert tabs.value == "One" and panels.value == "One"  # the first tab, by default
    assert only(user, ui.tab, "Second").props["name"] == "Two"
    user.find(kind=ui.tabs).trigger("update:modelValue", ["Two"])  # clicked in the browser
    user.should_see("tabs: Two")
    user.should_see("panels: Two")
    user.find("Show one").click()  # assigns the tab element
    user.should_see("tabs: One")
    user.should_see("panels: One")
    assert tabs.value == "One" and tabs.props["modelValue"] == "One"
    panels.value = "Two"
    assert tabs.value == "Two"


def test_stepper_moves_with_next_and_previous(user: User) -> None:
    user.open("/containers")
    stepper = only(user, ui.stepper)
    assert stepper.value == "Order"
    assert [step.props["title"] for step in stepper.children] == ["Order step", "Pay step", "Done step"]
    UserInteraction(user, [user.find("Next").elements[0]]).click()
    user.should_see("step: Pay")
    UserInteraction(user, [user.find("Next").elements[1]]).click()
    user.should_see("step: Done")
    stepper.next()
    assert stepper.value == "Done"  # nothing after the last
    UserInteraction(user, [user.find("Back").elements[2]]).click()
    user.should_see("step: Pay")
    user.find(kind=ui.stepper).trigger("update:modelValue", ["Order"])
    user.should_see("step: Order")


def test_splitter_carousel_and_timeline(user: User) -> None:
    user.open("/containers")
    splitter = only(user, ui.splitter)
    assert splitter.value == 30 and splitter.props["limits"] == [10, 90]
    assert [child.slot for child in splitter.children] == ["before", "after"]
    user.find(kind=ui.splitter).trigger("update:modelValue", [42.5])
    user.should_see("splitter: 42.5")
    carousel = only(user, ui.carousel)
    assert [slide.props["name"] for slide in carousel.children] == ["slide_0", "slide_1"]
    assert carousel.value == "slide_0"
    user.find("Next slide").click()
    user.should_see("slide: slide_1")
    user.find(kind=ui.carousel).trigger("update:modelValue", ["slide_0"])
    user.should_see("slide: slide_0")
    heading, entry = only(user, ui.timeline).children
    assert heading.props["heading"] is True and heading.text == "Milestones"
    assert entry.props["title"] == "Release 1" and entry.props["subtitle"] == "January"


def test_dialog_result_waits_for_submit_or_close(user: User) -> None:
    user.open("/dialog")
    user.should_not_see("Really?")
    user.find("Ask").click()
    dialog = only(user, ui.dialog)
    user.should_see("answer: waiting")
    user.should_see("dialog: True")
    user.find("Yes").click()
    user.should_see("answer: yes")
    user.should_see("dialog: False")
    user.find("Ask").click()
    user.should_see("answer: waiting")
    user.find(kind=ui.dialog).trigger("update:modelValue", [False])  # Escape in the browser
    user.should_see("answer: None")
    user.find("Ask").click()
    user.find("Cancel").click()
    user.should_see("answer: None")
    assert dialog.value is False


def test_dialog_result_timeout_and_deletion(user: User) -> None:
    user.open("/dialog")
    assert user.client is not None
    (dialog,) = [e for e in user.client.elements.values() if isinstance(e, ui.dialog)]
    with pytest.raises(TimeoutError):
        dialog.result(timeout=0.01)
    assert dialog.value is True  # still open: the caller decides
    waiter = gevent.spawn(dialog.result)
    gevent.idle()
    dialog.delete()
    assert waiter.get(timeout=1) is None


def test_menus_and_tooltip(user: User) -> None:
    user.open("/menu")
    user.should_not_see("Rename")   # a closed menu renders nothing
    user.find("Open menu").click()
    user.should_see("menu: True")
    menu = only(user, ui.menu)
    assert not isinstance(menu, ui.context_menu)
    user.find("Keep open").click()
    user.should_see("chosen: keep")
    assert menu.value is True
    user.find("Rename").click()
    user.should_see("chosen: rename")
    user.should_see("menu: False")
    user.find("Actions").click()
    user.should_see("menu: True")
    user.find("Right-click here").trigger("click.right")
    assert only(user, ui.context_menu).props["context-menu"] is True
    user.find("Copy").click()
    user.should_see("chosen: copy Copy")
    user.should_see("menu: False")
    user.should_not_see("A helpful hint")   # no hover in the simulated user
    assert isinstance(only(user, ui.button, "Hover me").children[0], ui.tooltip)


def test_notification_element_updates_and_dismisses(user: User) -> None:
    user.open("/feedback")
    user.find("Notify").click()
    note = only(user, ui.notification)
    assert user.client is not None and note.parent is user.client.layout  # survives clearing the page
    assert note.props["options"] == {"message": "Working", "position": "bottom", "timeout": 0,
                                     "closeBtn": "Close", "icon": None, "spinner": True}
    user.find("Update").click()
    assert note.props["options"] == {"message": "Finished", "position": "bottom", "timeout": 0, "type": "positive",
                                     "closeBtn": "Close", "icon": None, "spinner": False}
    assert note.message == "Finished"
    user.find("Dismiss").click()
    user.should_see("dismissed: Finished")
    user.should_not_see(kind=ui.notification)
    user.find("Notify").click()
    user.find(kind=ui.notification).trigger("dismiss")  # closed in the browser
    user.should_see("dismissed: Working")
    user.should_not_see(kind=ui.notification)


def test_progress_spinner_and_skeleton(user: User) -> None:
    user.open("/feedback")
    linear, quiet = [element for element in user.find(kind=ui.linear_progress).elements
                     if isinstance(element, ui.linear_progress)]
    assert linear.props["value"] == 0.25 and linear.props["size"] == "20px"
    user.should_see("0.25")
    assert quiet.children == [] and quiet.props["size"] == "4px"
    circular = only(user, ui.circular_progress)
    assert circular.props["max"] == 10 and circular.props["show-value"] is True
    user.find("Advance").click()
    assert linear.value == 0.75 and circular.value == 7
    user.should_see("0.75")
    user.should_see("7")
    dots, plain = user.find(kind=ui.spinner).elements
    assert dots.tag == "q-spinner-dots" and "thickness" not in dots.props
    assert plain.tag == "q-spinner" and plain.props["thickness"] == 5.0
    skeleton = only(user, ui.skeleton)
    assert skeleton.props["type"] == "QBtn" and skeleton.props["width"] == "120px"


# -- a real browser: rendering and the wire both ways ----------------------------------------------------------------
@pytest.mark.browser
def test_layout_in_a_browser(screen: Screen) -> None:
    screen.open("/layout")
    page = screen.page

    def box(text: str) -> FloatRect:
        found = page.get_by_text(text, exact=True).bounding_box()
        assert found is not None
        return found

    left, right = box("left"), box("right")
    assert left["y"] == right["y"] and right["x"] > left["x"] + left["width"]
    cells = [box(f"cell {i}") for i in range(6)]
    assert cells[0]["y"] == cells[2]["y"] < cells[3]["y"] == cells[5]["y"]
    assert cells[0]["x"] == cells[3]["x"]
    page.get_by_text("line 3", exact=True).hover()
    page.mouse.wheel(0, 150)
    expect(page.get_by_text(re.compile(r"scrolled: [1-9]"))).to_be_visible()
    screen.click("Clickable item")
    screen.should_contain("clicked: item")


@pytest.mark.browser
def test_tabs_stepper_and_carousel_in_a_browser(screen: Screen) -> None:
    screen.open("/containers")
    page = screen.page
    screen.should_contain("First panel")
    page.get_by_role("tab", name="Second").click()
    screen.should_contain("Second panel")
    screen.should_contain("tabs: Two")
    screen.should_contain("panels: Two")
    assert on_server(screen, ui.tab_panels).value == "Two"
    screen.click("Show one")
    screen.should_contain("First panel")
    expect(page.get_by_role("tab", name="One")).to_have_attribute("aria-selected", "true")
    # the stepper's header shows the steps' titles: Quasar reads them from the panels' props
    expect(page.locator(".q-stepper__title")).to_have_text(["Order step", "Pay step", "Done step"])
    page.locator(".q-stepper__step-content").get_by_role("button", name="Next").click()
    screen.should_contain("Pay content")
    screen.should_contain("step: Pay")
    expect(page.locator(".q-stepper__tab--active .q-stepper__title")).to_have_text("Pay step")
    page.locator(".q-carousel__navigation-icon").nth(1).click()
    screen.should_contain("green slide")
    screen.should_contain("slide: slide_1")
    page.get_by_text("More").click()
    screen.should_contain("Hidden text")
    screen.should_contain("expansion: True")


@pytest.mark.browser
def test_page_layout_and_drawer_in_a_browser(screen: Screen) -> None:
    screen.open("/page")
    page = screen.page
    expect(page.locator(".q-layout > header")).to_contain_text("The header")
    expect(page.locator(".q-layout > footer")).to_contain_text("The footer")
    expect(page.get_by_text("In the drawer")).not_to_be_in_viewport()
    screen.click("Menu")
    expect(page.get_by_text("In the drawer")).to_be_in_viewport()
    screen.should_contain("drawer: True")
    screen.click("Menu")
    expect(page.get_by_text("In the drawer")).not_to_be_in_viewport()
    screen.should_contain("drawer: False")
    right = on_server(screen, ui.right_drawer)
    assert right.value is True  # shown on a wide screen, as the browser reported
    screen.click("Hide header")
    expect(page.locator(".q-layout > header")).to_have_class(re.compile("q-header--hidden"))
    expect(page.get_by_role("button", name="Sticky")).to_be_in_viewport()


@pytest.mark.browser
def test_dialog_in_a_browser(screen: Screen) -> None:
    screen.open("/dialog")
    screen.click("Ask")
    screen.should_contain("Really?")
    screen.should_contain("answer: waiting")
    screen.click("Yes")
    screen.should_contain("answer: yes")
    screen.should_not_contain("Really?")
    screen.click("Ask")
    screen.should_contain("Really?")
    screen.page.keyboard.press("Escape")
    screen.should_contain("answer: None")
    screen.should_contain("dialog: False")


@pytest.mark.browser
def test_menus_and_tooltip_in_a_browser(screen: Screen) -> None:
    screen.open("/menu")
    screen.click("Actions")
    screen.should_contain("menu: True")
    screen.click("Rename")
    screen.should_contain("chosen: rename")
    screen.should_not_contain("Keep open")
    screen.should_contain("menu: False")
    screen.page.get_by_text("Right-click here").click(button="right")
    screen.click("Copy")
    screen.should_contain("chosen: copy Copy")
    screen.page.get_by_role("button", name="Hover me").hover()
    screen.should_contain("A helpful hint")


@pytest.mark.browser
def test_notification_and_progress_in_a_browser(screen: Screen) -> None:
    screen.open("/feedback")
    page = screen.page
    screen.click("Notify")
    note = page.get_by_role("alert")
    expect(note).to_contain_text("Working")
    expect(note.locator(".q-spinner")).to_be_visible()
    screen.click("Update")
    expect(note).to_contain_text("Finished")
    expect(note).to_have_class(re.compile("bg-positive"))
    expect(note.locator(".q-spinner")).to_have_count(0)
    screen.click("Dismiss")
    expect(note).to_have_count(0)
    screen.should_contain("dismissed: Finished")
    screen.click("Notify")
    note.get_by_role("button", name="Close").click()  # dismissed in the browser
    screen.should_contain("dismissed: Working")
    expect(note).to_have_count(0)
    bar = page.locator(".q-linear-progress").first
    expect(bar).to_contain_text("0.25")
    screen.click("Advance")
    expect(bar).to_contain_text("0.75")
    expect(bar.locator(".q-linear-progress__model")).to_have_attribute("style", re.compile("scale3d\\(0.75"))
    expect(page.locator(".q-circular-progress")).to_contain_text("7")
