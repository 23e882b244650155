"""Errors a person can act on: in the log with their page and element, in the tab, answered by Flask."""
from __future__ import annotations

import logging
import sys
from typing import Any

import gevent.event
import pytest
from flask import Flask, abort, redirect

import flaskui
from flaskui import ui
from flaskui.testing import User


class Teapot(Exception):
    pass


def create_app(*, debug: bool = False, hook: bool = False) -> Flask:
    app = Flask(__name__)
    app.config.update(SECRET_KEY="errors", FLASKUI_PRUNE_TIMEOUT=0.2)
    app.debug = debug
    app.config["ended"] = gevent.event.Event()
    app.config["hooked"] = []
    pages = flaskui.Blueprint("pages", __name__)
    if hook:
        pages.on_exception(app.config["hooked"].append)

    @app.errorhandler(Teapot)
    def teapot(error: Teapot) -> Any:
        return "short and stout", 418

    @pages.page("/")
    def index() -> None:
        count = ui.label("0")

        def bump() -> None:
            count.text = str(int(count.text or "0") + 1)

        ui.button("fail", on_click=lambda: 1 / 0)
        ui.button("exit", on_click=lambda: sys.exit(3))
        ui.button("bump", on_click=bump)

    @pages.page("/exit-timer")
    def exit_timer() -> None:
        ui.timer(0.01, lambda: sys.exit(4), once=True)
        index()

    @pages.page("/teapot")
    def teapot_page() -> None:
        raise Teapot()

    @pages.page("/missing")
    def missing() -> None:
        abort(404)

    @pages.page("/moved")
    def moved() -> Any:
        return redirect("/")

    @pages.page("/boom")
    def boom() -> None:
        raise ValueError("boom")

    @pages.page("/quit")
    def quit_page() -> None:
        sys.exit(2)

    @pages.page("/waits")
    def waits() -> None:
        try:
            ui.label("before")
            try:
                ui.context.client.connected()
            except Exception:   # user code catching broadly must not keep the page waiting
                ui.label("not reached")
        finally:
            app.config["ended"].set()

    app.register_blueprint(pages)
    return app


@pytest.fixture
def app() -> Flask:
    return create_app()


def test_a_handlers_exception_is_logged_with_its_page_and_element_and_told_to_the_tab(
        user: User, caplog: pytest.LogCaptureFixture) -> None:
    user.open("/?from=test")
    user.find("fail").click()
    assert user._wait(lambda: bool(user.notifications))
    assert user.notifications == ["Sorry, something went wrong on the server."]
    (record,) = [r for r in caplog.records if r.levelno == logging.ERROR]
    assert "of <Button" in record.getMessage() and "'fail'" in record.getMessage()
    assert record.getMessage().endswith("on page /?from=test")
    assert record.exc_info is not None and record.exc_info[0] is ZeroDivisionError


def test_in_debug_mode_the_tab_is_told_the_exception() -> None:
    user = User(create_app(debug=True))
    user.open("/")
    user.find("fail").click()
    assert user._wait(lambda: bool(user.notifications))
    assert user.notifications == ["ZeroDivisionError: division by zero"]
    user.close()


def test_with_an_exception_hook_the_hook_decides() -> None:
    app = create_app(hook=True)
    user = User(app)
    user.open("/")
    user.find("fail").click()
    assert user._wait(lambda: any(isinstance(e, ZeroDivisionError) for e in app.config["hooked"]))
    assert user.notifications == []
    user.close()


def test_system_exit_in_a_handler_or_timer_never_ends_the_worker(user: User, caplog: pytest.LogCaptureFixture) -> None:
    user.open("/exit-timer")
    assert user._wait(lambda: any(r.exc_info and r.exc_info[0] is SystemExit for r in caplog.records))  # the timer
    user.find("exit").click()
    assert user._wait(lambda: sum(bool(r.exc_info and r.exc_info[0] is SystemExit) for r in caplog.records) == 2)
    user.find("bump").click()
    user.should_see("1")


def test_flask_answers_what_a_page_function_raises_once(
        app: Flask, caplog: pytest.LogCaptureFixture, capsys: pytest.CaptureFixture[str]) -> None:
    http = app.test_client()
    assert http.get("/teapot").status_code == 418           # @app.errorhandler is honoured
    assert http.get("/missing").status_code == 404
    assert http.get("/moved").status_code == 302
    assert http.get("/boom").status_code == 500
    assert http.get("/quit").status_code == 500             # SystemExit: a 500, the worker lives
    logged = [r for r in caplog.records if r.exc_info]
    assert [type(r.exc_info[1]).__name__ for r in logged if r.exc_info] == ["ValueError", "RuntimeError"]
    assert "Traceback" not in capsys.readouterr().err       # no second copy from gevent


def test_a_page_waiting_for_a_browser_that_never_comes_ends_quietly(
        app: Flask, caplog: pytest.LogCaptureFixture) -> None:
    response = app.test_client().get("/waits")   # curl: the HTML, then nobody connects
    assert response.status_code == 200 and "before" in response.get_data(as_text=True)
    assert app.config["ended"].wait(5)           # at the prune timeout
    assert [r for r in caplog.records if r.levelno >= logging.WARNING] == []


def test_a_failing_teardown_does_not_stop_a_timer(caplog: pytest.LogCaptureFixture) -> None:
    app = Flask(__name__)
    app.config["SECRET_KEY"] = "teardown"
    pages = flaskui.Blueprint("pages", __name__)
    ticks: list[int] = []

    @app.teardown_request
    def flaky(error: BaseException | None) -> None:
        if len(ticks) == 3:
            ticks.append(0)   # fail once
            raise OSError("the database went away")

    @pages.page("/")
    def index() -> None:
        shown = ui.label("0")

        def tick() -> None:
            ticks.append(1)
            shown.text = str(sum(ticks))

        ui.timer(0.01, tick)

    app.register_blueprint(pages)
    user = User(app)
    user.open("/")
    user.should_see("6")   # ticking on after the failure at the third tick
    assert any(r.exc_info and r.exc_info[0] is OSError for r in caplog.records)
    user.close()
