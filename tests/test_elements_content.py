"""Text and content elements: markdown, html, code, chat_message, log, icon, avatar, badge, chip,
interactive_image."""
from __future__ import annotations

import re
from typing import TypeVar

import pytest
from flask import Flask
from playwright.sync_api import expect

from flaskui import ui
from flaskui.element import Element
from flaskui.elements.stylesheet import ContentStyle
from flaskui.elements.text import HtmlContent
from flaskui.testing import LiveServer, ProtocolClient, Screen, User

from .elements_content_app import create_app


@pytest.fixture
def app() -> Flask:
    return create_app()


E = TypeVar("E", bound=Element)


def only(user: User, marker: str, kind: type[E]) -> E:
    """The one element of ``kind`` marked ``marker``."""
    (element,) = user.find(kind=kind, marker=marker).elements
    assert isinstance(element, kind)
    return element


def page(user: User) -> Element:
    """The open page's content, to build into from the test."""
    assert user.client is not None
    return user.client.content


# -- markdown, html, code ---------------------------------------------------------------------------------
def test_markdown_renders_on_the_server_and_updates(user: User) -> None:
    user.open("/text")
    html = only(user, "doc", ui.markdown).props["innerHTML"]
    assert "<h1>Title</h1>" in html and "<em>emphasis</em>" in html
    assert '<th style="text-align:right">b</th>' in html
    assert '<pre class="flaskui-highlight"><code><span class="n">x</span>' in html
    user.find("change").click()
    assert only(user, "doc", ui.markdown).props["innerHTML"].strip() == "<h2>Changed</h2>"
    assert only(user, "doc", ui.markdown).content == "## Changed"


def test_sanitizing_removes_scripts_and_handlers(user: User) -> None:
    user.open("/xss")
    for marker in ("markdown", "html"):
        html = only(user, marker, HtmlContent).props["innerHTML"]
        assert "Some" in html and "<img" in html
        assert "onerror" not in html and "script" not in html and "pwned" not in html


def test_markdown_can_trust_its_html_or_clean_it_its_own_way(user: User) -> None:
    user.open("/text")
    with page(user):
        trusted = ui.markdown('<b onclick="go()">x</b>', sanitize=False)
        custom = ui.markdown("<b>x</b>", sanitize=lambda html: html.replace("b>", "i>"))
    assert 'onclick="go()"' in trusted.props["innerHTML"]
    assert "<i>x</i>" in custom.props["innerHTML"]


def test_html_requires_an_explicit_sanitize_choice(user: User) -> None:
    user.open("/text")
    with page(user):
        with pytest.raises(TypeError, match="explicit sanitize="):
            ui.html("<b>x</b>")
        assert ui.html("<b onclick='x()'>x</b>", sanitize=True).props["innerHTML"] == "<b>x</b>"
        assert ui.html("<b onclick='x()'>x</b>", sanitize=False).props["innerHTML"] == "<b onclick='x()'>x</b>"
        cleaned = ui.html("<b>x</b>", sanitize=str.upper, tag="span")
    assert cleaned.props["innerHTML"] == "<B>X</B>" and cleaned.tag == "span"
    cleaned.content = "<i>y</i>"
    assert cleaned.props["innerHTML"] == "<I>Y</I>"


def test_code_is_highlighted_and_the_stylesheet_added_once(user: User) -> None:
    user.open("/text")
    code = only(user, "code", ui.code)
    html = code.props["html"]
    assert html.startswith('<pre class="flaskui-highlight"><code><span class="k">def</span>')
    assert html.endswith("</code></pre>") and "\n    <span class=\"k\">return</span>" in html
    js = only(user, "js", ui.code)
    assert '<span class="kd">let</span>' in js.props["html"]
    js.language = "unknown-language"
    assert js.props["html"] == '<pre class="flaskui-highlight"><code>let x = 1;</code></pre>'
    styles = [e for e in page(user).client.layout.children if isinstance(e, ContentStyle)]
    assert len(styles) == 1
    assert ".flaskui-highlight .k {" in styles[0].props["textContent"]
    assert "\npre {" not in styles[0].props["textContent"]  # Pygments' unscoped rules are left out


def test_content_stylesheet_only_on_pages_that_need_it(user: User) -> None:
    user.open("/chat")
    assert not any(isinstance(e, ContentStyle) for e in page(user).client.layout.children)


@pytest.mark.browser
def test_sanitized_payloads_never_run_in_the_browser(screen: Screen) -> None:
    screen.open("/xss")
    screen.should_contain("Some html")
    app = screen.page.locator("#flaskui-app")
    expect(app.locator("img")).to_have_count(2)
    expect(app.locator("img[onerror]")).to_have_count(0)
    expect(app.locator("script")).to_have_count(0)
    assert screen.page.evaluate("window.pwned") is None


@pytest.mark.browser
def test_trusted_html_runs_the_payload_proving_the_check_above(screen: Screen) -> None:
    screen.open("/xss-trusted")
    screen.page.wait_for_function("window.pwned === 1")


@pytest.mark.browser
def test_markdown_and_code_render_styled(screen: Screen) -> None:
    screen.open("/text")
    heading = screen.page.locator("h1", has_text="Title")
    expect(heading).to_have_css("font-size", "32px")  # content.css, not Quasar's 6rem
    keyword = screen.page.locator(".flaskui-code .k").first
    expect(keyword).to_have_text("def")
    expect(keyword).to_have_css("color", "rgb(0, 128, 0)")  # Pygments' default style
    assert screen.page.evaluate(
        "[...document.querySelectorAll('style')].filter(s => s.textContent.includes('.flaskui-highlight')).length"
    ) == 1
    screen.click("change")
    expect(screen.page.locator("h2", has_text="Changed")).to_be_visible()
    expect(heading).to_have_count(0)


@pytest.mark.browser
def test_code_copy_button_copies_the_code(screen: Screen) -> None:
    screen.context.grant_permissions(["clipboard-read", "clipboard-write"])
    screen.open("/text")
    block = screen.page.locator(".flaskui-code").first
    block.get_by_role("button", name="Copy").click()
    expect(block.get_by_role("button", name="Copy")).to_contain_text("check")
    assert screen.page.evaluate("navigator.clipboard.readText()") == 'def greet(name):\n    return f"Hello, {name}!"'


# -- chat_message ---------------------------------------------------------------------------------------
def test_chat_messages(user: User) -> None:
    user.open("/chat")
    first, second, third = user.find(kind=ui.chat_message).elements
    assert first.props == {"text": ["Hello!"], "name": "Ada", "stamp": "now", "avatar": "/picture.svg"}
    assert second.props == {"text": ["Hi Ada", "How are you?"], "name": "Me", "sent": True}
    assert "text" not in third.props
    user.should_see("built inside")


@pytest.mark.browser
def test_chat_messages_in_the_browser(screen: Screen) -> None:
    screen.open("/chat")
    expect(screen.page.locator(".q-message-sent .q-message-text")).to_have_count(2)
    expect(screen.page.locator(".q-message-received .q-message-text")).to_have_count(2)
    screen.should_contain("How are you?")
    screen.should_contain("built inside")
    expect(screen.page.locator(".q-message-name", has_text="Ada")).to_be_visible()


# -- log --------------------------------------------------------------------------------------------------
def test_log_keeps_max_lines_and_clears(user: User) -> None:
    user.open("/log")
    log = only(user, "log", ui.log)
    for _ in range(4):
        user.find("push").click()
    assert log.lines == ["line 2", "line 3", "line 4"]
    user.find("clear").click()
    assert log.lines == []


def test_log_push_sends_only_the_new_line(live: LiveServer) -> None:
    page = ProtocolClient(live.url).open("/log")
    page.connect()
    log_id = next(int(i) for i, e in page.elements.items() if e["tag"].endswith("-log"))
    push = page.find_text("push")
    expected_ops = [
        [["l", log_id, ["lines"], 0, 0, ["line 1"]]],
        [["l", log_id, ["lines"], 1, 0, ["line 2"]]],
        [["l", log_id, ["lines"], 2, 0, ["line 3"]]],
        [["l", log_id, ["lines"], 3, 0, ["line 4"]], ["l", log_id, ["lines"], 0, 1, []]],
    ]
    for ops in expected_ops:
        page.click(push)
        frame = page.wait_for_message(lambda m: m["t"] == "f")
        assert frame["ops"] == ops
    assert page.elements[log_id]["props"]["lines"] == ["line 2", "line 3", "line 4"]


@pytest.mark.browser
def test_log_in_the_browser_follows_the_newest_line(screen: Screen) -> None:
    screen.open("/log")
    for _ in range(4):
        screen.click("push")
    box = screen.page.get_by_role("log")
    expect(box.locator("div")).to_have_text(["line 2", "line 3", "line 4"])
    assert box.evaluate("b => b.scrollHeight > b.clientHeight && b.scrollHeight - b.scrollTop - b.clientHeight < 2")
    screen.click("clear")
    expect(box.locator("div")).to_have_count(0)


# -- icon, avatar, badge, chip ------------------------------------------------------------------------------------
def test_icon_avatar_badge(user: User) -> None:
    user.open("/decoration")
    home, star, avatar = only(user, "home", ui.icon), only(user, "star", ui.icon), only(user, "avatar", ui.avatar)
    assert home.tag == "q-icon" and not home.style
    assert home.props == {"name": "home", "size": "32px", "color": "teal"}
    assert star.props == {"name": "star"} and star.style == {"color": "#ff8800"}
    star.name = "star_border"
    assert star.props["name"] == "star_border"
    assert avatar.props == {"icon": "person", "color": "red-5", "text-color": "white"}
    user.should_see("3")
    assert only(user, "badge", ui.badge).props == {"color": "orange"}


def test_chip_selection_removal_and_click(user: User) -> None:
    user.open("/decoration")
    chosen = only(user, "chosen", ui.label)
    choice = user.find("choose me").elements[0]
    assert isinstance(choice, ui.chip)
    user.find("choose me").click()
    assert choice.value is True and choice.selected is True
    user.should_see("chosen")
    assert chosen.text == "chosen"
    user.find("choose me").click()
    user.should_see("not chosen")
    user.find("select from server").click()
    assert choice.props["selected"] is True
    assert chosen.text == "chosen"

    removable = user.find("remove me").elements[0]
    assert removable.style == {"background-color": "#8844aa"} and removable.props["removable"] is True
    user.find("remove me").trigger("remove")
    user.should_see("was removed")
    assert removable.visible is False

    user.find("click me").click()
    user.should_see("chip clicked")
    assert user.find("click me").elements[0].props == {"selected": None, "color": "primary", "clickable": True}


@pytest.mark.browser
def test_decorations_in_the_browser(screen: Screen) -> None:
    screen.open("/decoration")
    home = screen.page.locator(".q-icon", has_text="home")
    expect(home).to_have_css("font-family", "\"Material Icons\"")
    expect(home).to_have_css("font-size", "32px")
    expect(screen.page.locator(".q-icon", has_text="star")).to_have_css("color", "rgb(255, 136, 0)")
    expect(screen.page.locator(".q-avatar.bg-red-5")).to_be_visible()
    expect(screen.page.locator(".q-badge", has_text="3")).to_have_class(re.compile("bg-orange"))

    chip = screen.page.locator(".q-chip", has_text="choose me")
    chosen = screen.page.get_by_text("chosen", exact=True)
    chip.click()
    expect(chip).to_have_class(re.compile("q-chip--selected"))
    expect(chosen).to_be_visible()
    chip.click()
    screen.should_contain("not chosen")
    expect(chip).not_to_have_class(re.compile("q-chip--selected"))
    screen.click("select from server")
    expect(chip).to_have_class(re.compile("q-chip--selected"))
    expect(chosen).to_be_visible()

    screen.page.locator(".q-chip", has_text="remove me").locator(".q-chip__icon--remove").click()
    screen.should_contain("was removed")
    expect(screen.page.locator(".q-chip", has_text="remove me")).to_be_hidden()
    screen.click("click me")
    screen.should_contain("chip clicked")


# -- interactive_image -------------------------------------------------------------------------------------------
def test_interactive_image_reports_mouse_events_in_image_coordinates(user: User) -> None:
    user.open("/image")
    image = user.find(kind=ui.interactive_image)
    element = image.elements[0]
    assert element.props["src"] == "/picture.svg" and element.props["events"] == ["click", "mousedown"]
    assert element.props["content"].startswith("<circle")
    image.trigger("mouse", [{"type": "click", "image_x": 12.4, "image_y": 34.6, "button": 0, "shift": True}])
    user.should_see("click at 12, 35")
    user.find("redraw").click()
    assert element.props["content"].startswith("<rect")


def test_interactive_image_refuses_unknown_events(user: User) -> None:
    user.open("/image")
    with page(user):
        with pytest.raises(ValueError, match="unknown mouse events"):
            ui.interactive_image("/picture.svg", events=["wheel"])


@pytest.mark.browser
def test_interactive_image_in_the_browser(screen: Screen) -> None:
    screen.open("/image")
    svg = screen.page.locator("#flaskui-app svg")
    expect(svg).to_have_attribute("viewBox", "0 0 200 100")
    box = svg.bounding_box()
    assert box is not None and round(box["width"]) == 400 and round(box["height"]) == 200
    svg.click(position={"x": 100, "y": 60})  # screen pixels: image pixels are half of them
    screen.should_contain("click at 50, 30")
    expect(svg.locator("line")).to_have_count(2)  # the crosshair follows the mouse
    screen.click("redraw")
    expect(svg.locator("rect")).to_have_count(1)
    expect(svg.locator("circle")).to_have_count(0)
