"""Pages, handlers and timers live in Flask's request world, with real extensions.

Page functions run in their own request's contexts; handlers, timers and code after
``client.connected()`` run in a request context of the tab's: the page's URL with the headers and
cookies of the tab's websocket upgrade. A session a handler writes is carried to the browser.
"""
from __future__ import annotations

import logging
import threading
import urllib.error
import urllib.request
from pathlib import Path
from typing import Any, Iterator

import pytest
from flask import Flask, g, redirect, request, session, url_for
from flask_babel import Babel, get_locale
from flask_login import LoginManager, UserMixin, current_user, login_user, logout_user
from flask_sqlalchemy import SQLAlchemy
from flask_wtf.csrf import CSRFProtect, generate_csrf
from werkzeug.middleware.proxy_fix import ProxyFix

import flaskui
from flaskui import ui
from flaskui.testing import LiveServer, ProtocolClient, User


class Account(UserMixin):
    def __init__(self, name: str) -> None:
        self.id = name


def create_world(database: Path, *, url_prefix: str = "/shop", csrf_after_flaskui: bool = False) -> Flask:
    app = Flask(__name__)
    app.config.update(SECRET_KEY="world", SQLALCHEMY_DATABASE_URI=f"sqlite:///{database}")
    db = SQLAlchemy(app)

    class Note(db.Model):  # type: ignore[name-defined,misc]
        id = db.Column(db.Integer, primary_key=True)
        text = db.Column(db.String(80))

    with app.app_context():
        db.create_all()
    logins = LoginManager(app)
    logins.user_loader(lambda name: Account(name) if name in ("ada", "bob") else None)
    Babel(app, locale_selector=lambda: request.accept_languages.best_match(["de", "en"]) or "en")
    csrf = CSRFProtect() if csrf_after_flaskui else CSRFProtect(app)
    teardowns: list[str] = []
    app.config["teardowns"] = teardowns

    @app.before_request
    def load() -> Any:
        g.user = request.args.get("who", "nobody")
        g.db_session = db.session()
        answer = app.config.get("answer_handlers")   # set by a test once the page is built
        if answer == "redirect":
            return redirect("/whoami")
        if answer == "forbid":
            return "no", 403
        return None

    @app.teardown_request
    def count_request_teardown(error: BaseException | None) -> None:
        teardowns.append(f"request {request.path}")

    @app.teardown_appcontext
    def count_app_teardown(error: BaseException | None) -> None:
        teardowns.append("app")

    @app.post("/login/<name>")
    @csrf.exempt
    def login(name: str) -> str:
        login_user(Account(name))
        return "ok"

    @app.post("/logout")
    @csrf.exempt
    def logout() -> str:
        logout_user()
        return "ok"

    @app.get("/whoami")
    def whoami() -> str:
        return f"{current_user.get_id() or 'anonymous'}|{session.get('theme', '-')}"

    @app.get("/favicon.ico")   # a browser asks for it on the plain views
    def favicon() -> tuple[str, int]:
        return "", 204

    @app.post("/protected")
    def protected() -> str:   # CSRFProtect refuses a POST without the session's token
        return "accepted"

    @app.get("/notes")
    def notes() -> str:
        return ",".join(note.text for note in db.session.scalars(db.select(Note)))

    pages = flaskui.Blueprint("pages", __name__)

    @pages.page("/world/<int:number>")
    def world(number: int) -> None:
        ui.label(f"page: {g.user} {db.session() is g.db_session} {request.path} {number}")
        shown = ui.label("-")

        def describe() -> None:
            shown.text = (f"{request.url}|{request.args.get('q')}|{url_for('pages.world', number=2)}|"
                          f"{request.view_args}|{g.user}|{current_user.get_id() or 'anonymous'}|{get_locale()}|"
                          f"{session.get('theme', '-')}")

        def write() -> None:
            session["theme"] = "dark"
            shown.text = "written"

        def sign_in() -> None:
            login_user(Account("bob"))
            shown.text = "signed in"

        def commit() -> None:
            db.session.add(Note(text=f"by {current_user.get_id()}"))
            db.session.commit()
            shown.text = "committed"

        ui.button("describe", on_click=describe)
        ui.button("write", on_click=write)
        ui.button("sign in", on_click=sign_in)
        ui.button("commit", on_click=commit)

        def csrf() -> None:
            shown.text = f"token {generate_csrf()}"

        ui.button("csrf", on_click=csrf)

        def clear() -> None:
            session.clear()
            shown.text = "cleared"

        def write_and_go() -> None:
            session["theme"] = "blue"
            ui.navigate.to("/whoami")

        ui.button("clear", on_click=clear)
        ui.button("write and go", on_click=write_and_go)

    @pages.page("/later")
    def later() -> None:
        ui.label("before")
        ui.context.client.connected()
        ui.label(f"after: {url_for('pages.later', x=1)} {request.path} {session.get('theme', '-')}")
        session["theme"] = "light"

    @pages.page("/ticking")
    def ticking() -> None:
        shown = ui.label("-")
        ui.timer(0.01, lambda: setattr(shown, "text", f"tick {url_for('pages.ticking')} {request.args['who']} "
                                                      f"{g.get('user', 'no before_request')}"), once=True)

    @pages.page("/explicit")
    def explicit() -> None:
        shown = ui.label("-")
        client = ui.context.client
        ui.button("read", on_click=lambda: setattr(shown, "text", f"{client.request.args.get('q')}"))

    app.register_blueprint(pages, url_prefix=url_prefix)
    if csrf_after_flaskui:
        csrf.init_app(app)
    return app


@pytest.fixture
def world(tmp_path: Path) -> Flask:
    return create_world(tmp_path / "world.db")


@pytest.fixture
def live_world(world: Flask) -> Iterator[LiveServer]:
    with LiveServer(world) as server:
        yield server


def _post(page: ProtocolClient, path: str) -> str:
    request = urllib.request.Request(page.base_url + path, method="POST")
    with page._opener.open(request, timeout=10) as response:
        return str(response.read().decode())


def _get(page: ProtocolClient, path: str) -> str:
    with page._opener.open(page.base_url + path, timeout=10) as response:
        return str(response.read().decode())


def _shown(page: ProtocolClient, prefix: str) -> str:
    page.wait_for(lambda: any(text.startswith(prefix) for text in page.texts()))
    return next(text for text in page.texts() if text.startswith(prefix))


def test_a_page_function_runs_in_its_own_request(live_world: LiveServer, world: Flask) -> None:
    page = ProtocolClient(live_world.url).open("/shop/world/7?who=ada")
    assert "page: ada True /shop/world/7 7" in page.texts()   # g from before_request, one db session
    assert world.config["teardowns"] == ["request /shop/world/7", "app"]   # one teardown of each


def test_handlers_see_the_page_url_session_user_and_locale(live_world: LiveServer) -> None:
    page = ProtocolClient(live_world.url, headers={"Accept-Language": "de-DE,de;q=0.9"})
    assert _post(page, "/login/ada") == "ok"
    page.open("/shop/world/7?q=42&who=ada")
    page.connect()
    page.click(page.find_text("describe"))
    assert _shown(page, "http") == (f"{live_world.url}/shop/world/7?q=42&who=ada|42|/shop/world/2|"
                                    "{'number': 7}|ada|ada|de|-")


def test_a_handlers_session_write_reaches_the_browser_and_later_handlers(live_world: LiveServer) -> None:
    page = ProtocolClient(live_world.url).open("/shop/world/1")
    page.connect()
    page.click(page.find_text("write"))
    page.wait_for(lambda: "written" in page.texts())
    page.wait_for(lambda: _get(page, "/whoami") == "anonymous|dark")   # the browser's cookie now says so
    page.click(page.find_text("describe"))
    assert _shown(page, "http").endswith("|dark")


def test_a_csrf_token_made_in_a_handler_protects_a_form_post(live_world: LiveServer) -> None:
    page = ProtocolClient(live_world.url).open("/shop/world/1")
    page.connect()
    page.click(page.find_text("csrf"))
    token = _shown(page, "token ").removeprefix("token ")
    page.wait_for(lambda: any(op[0] == "session" for m in page.received if m["t"] == "f" for op in m["ops"]))
    request = urllib.request.Request(live_world.url + "/protected", data=f"csrf_token={token}".encode(),
                                     method="POST")
    assert _answer(page, request) == "accepted"   # the tab adopted the session that holds the token
    forged = urllib.request.Request(live_world.url + "/protected", data=b"csrf_token=forged", method="POST")
    assert _answer(page, forged).startswith("400")


def test_csrf_protect_set_up_after_flaskui_leaves_its_routes_alone(tmp_path: Path) -> None:
    with LiveServer(create_world(tmp_path / "w.db", csrf_after_flaskui=True)) as server:
        page = ProtocolClient(server.url).open("/shop/world/1")
        page.connect()
        page.click(page.find_text("write"))   # the tab then POSTs flaskui's session route
        page.wait_for(lambda: _get(page, "/whoami") == "anonymous|dark")


def _answer(page: ProtocolClient, request: urllib.request.Request) -> str:
    try:
        with page._opener.open(request, timeout=10) as response:
            return str(response.read().decode())
    except urllib.error.HTTPError as error:
        return f"{error.code}"


def test_the_simulated_user_keeps_what_a_handler_wrote_to_the_session(world: Flask) -> None:
    user = User(world)
    user.open("/shop/world/1")
    user.find("write").click()
    user.should_see("written")
    assert user.http.get("/whoami").get_data(as_text=True) == "anonymous|dark"
    user.close()


def test_a_tab_with_an_old_session_never_undoes_a_sign_out_made_elsewhere(live_world: LiveServer) -> None:
    page = ProtocolClient(live_world.url)
    _post(page, "/login/ada")
    page.open("/shop/world/1")
    page.connect()                       # the tab's request has ada's session
    assert _post(page, "/logout") == "ok"   # signed out in another tab
    page.click(page.find_text("write"))
    page.wait_for(lambda: _get(page, "/whoami") == "anonymous|dark")   # the write only: still signed out


def test_a_handler_clearing_the_session_keeps_the_browsers_other_tabs(live_world: LiveServer) -> None:
    first = ProtocolClient(live_world.url)
    _post(first, "/login/ada")
    first.open("/shop/world/1")
    first.connect()
    second = ProtocolClient(live_world.url, cookies=first.cookies).open("/shop/world/2")
    second.connect()
    first.click(first.find_text("clear"))
    first.wait_for(lambda: _get(first, "/whoami") == "anonymous|-")
    second.disconnect()
    hello = second.connect()   # the same browser id: no 1008
    assert hello is not None and hello["t"] == "hi"
    second.click(second.find_text("describe"))
    assert "|anonymous|" in _shown(second, "http")   # the same browser, now signed out


def test_flask_login_in_a_handler_signs_the_browser_in(live_world: LiveServer) -> None:
    page = ProtocolClient(live_world.url).open("/shop/world/1")
    page.connect()
    page.click(page.find_text("sign in"))
    page.wait_for(lambda: "signed in" in page.texts())
    page.wait_for(lambda: _get(page, "/whoami").startswith("bob|"))


def test_a_handler_commits_with_flask_sqlalchemy(live_world: LiveServer) -> None:
    page = ProtocolClient(live_world.url)
    _post(page, "/login/ada")
    page.open("/shop/world/1")
    page.connect()
    page.click(page.find_text("commit"))
    page.wait_for(lambda: "committed" in page.texts())
    assert _get(page, "/notes") == "by ada"


def test_the_rest_of_a_page_after_connected_runs_in_the_tabs_request(live_world: LiveServer, world: Flask) -> None:
    page = ProtocolClient(live_world.url).open("/shop/later")
    assert page.texts() == ["before"]
    page.connect()
    assert _shown(page, "after") == "after: /shop/later?x=1 /shop/later -"
    page.wait_for(lambda: _get(page, "/whoami") == "anonymous|light")   # written after the HTML was out
    assert world.config["teardowns"][:4] == ["request /shop/later", "app"] * 2   # the page's request, the tab's


def test_timers_run_in_the_tabs_request(live_world: LiveServer) -> None:
    page = ProtocolClient(live_world.url).open("/shop/ticking?who=ada")
    page.connect()
    assert _shown(page, "tick") == "tick /shop/ticking ada no before_request"   # ticks skip the hooks


class _Heard(logging.Handler):
    """Sets ``event`` when a record whose message contains ``text`` is logged."""

    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text
        self.event = threading.Event()

    def emit(self, record: logging.LogRecord) -> None:
        if self.text in record.getMessage():
            self.event.set()


def test_a_before_request_answer_stands_instead_of_the_handler(live_world: LiveServer, world: Flask) -> None:
    page = ProtocolClient(live_world.url).open("/shop/world/1")
    page.connect()
    world.config["answer_handlers"] = "redirect"
    page.click(page.find_text("describe"))
    page.wait_for(lambda: bool(page.navigations))
    assert page.navigations[0][1] == "/whoami" and "-" in page.texts()   # sent there, the handler not run
    world.config["answer_handlers"] = "forbid"
    heard = _Heard("answered 403 FORBIDDEN, so the handler did not run")
    logging.getLogger("flaskui").addHandler(heard)
    try:
        page.click(page.find_text("write"))
        assert heard.event.wait(5)
    finally:
        logging.getLogger("flaskui").removeHandler(heard)
    world.config["answer_handlers"] = None
    page.click(page.find_text("describe"))
    assert _shown(page, "http").endswith("|-")   # the forbidden write never happened


def test_the_client_request_is_the_pages(live_world: LiveServer) -> None:
    page = ProtocolClient(live_world.url).open("/shop/explicit?q=hello")
    page.connect()
    page.click(page.find_text("read"))
    page.wait_for(lambda: "hello" in page.texts())


def test_url_for_in_a_handler_under_script_name(tmp_path: Path) -> None:
    app = create_world(tmp_path / "w.db")
    inner = app.wsgi_app

    def mounted(environ: dict[str, Any], start_response: Any) -> Any:
        if environ["PATH_INFO"].startswith("/mount/"):
            environ["SCRIPT_NAME"], environ["PATH_INFO"] = "/mount", environ["PATH_INFO"][len("/mount"):]
        return inner(environ, start_response)

    app.wsgi_app = mounted  # type: ignore[method-assign]
    with LiveServer(app) as server:
        page = ProtocolClient(server.url).open("/mount/shop/world/3?q=1")
        assert page.state["ws"] == "/mount/shop/_flaskui/ws"
        page.connect()
        page.click(page.find_text("describe"))
        assert _shown(page, "http").startswith(f"{server.url}/mount/shop/world/3?q=1|1|/mount/shop/world/2|")


def test_url_for_in_a_handler_behind_a_proxy(tmp_path: Path) -> None:
    app = create_world(tmp_path / "w.db", url_prefix="")
    app.wsgi_app = ProxyFix(app.wsgi_app, x_for=1, x_proto=1, x_host=1, x_prefix=1)  # type: ignore[method-assign]
    user = User(app)
    user.http.environ_base.update(HTTP_X_FORWARDED_PREFIX="/proxied", HTTP_X_FORWARDED_HOST="example.org",
                                  HTTP_X_FORWARDED_PROTO="https", HTTP_X_FORWARDED_FOR="203.0.113.9")
    user.open("/world/5?q=p")
    user.find("describe").click()
    user.should_see("https://example.org/proxied/world/5?q=p|p|/proxied/world/2|")
    user.close()


@pytest.fixture
def app(world: Flask) -> Flask:
    return world


@pytest.mark.browser
def test_chromium_keeps_what_a_handler_wrote_to_the_session(screen: Any) -> None:
    screen.open("/shop/world/1")
    with screen.page.expect_response(lambda response: "/_flaskui/session/" in response.url) as adopted:
        screen.click("write")   # the tab then POSTs the URL that sets the cookie
    assert adopted.value.status == 204
    screen.should_contain("written")
    screen.page.goto("/whoami")
    screen.should_contain("anonymous|dark")
    screen.open("/shop/world/1")
    screen.click("describe")
    screen.should_contain("|dark")


@pytest.mark.browser
def test_chromium_keeps_a_session_write_followed_by_a_navigation(screen: Any) -> None:
    screen.open("/shop/world/1")
    screen.click("write and go")   # the navigation waits for the session's request
    screen.page.wait_for_url("**/whoami")
    screen.should_contain("anonymous|blue")
