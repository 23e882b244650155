"""``async def`` pages, handlers and timers: each runs to its end in its own greenlet."""
from __future__ import annotations

import asyncio
from typing import Any, Callable

import gevent.event
import pytest
from flask import Flask, request

import flaskui
from flaskui import ui
from flaskui.testing import LiveServer, ProtocolClient, User


@pytest.fixture
def app() -> Flask:
    app = Flask(__name__)
    app.config["SECRET_KEY"] = "async"
    app.config["gate"] = gevent.event.Event()
    app.config["errors"] = []
    pages = flaskui.Blueprint("pages", __name__)
    pages.on_exception(app.config["errors"].append)

    @pages.page("/")
    async def index() -> None:
        await asyncio.sleep(0.01)
        ui.label(f"built after a sleep at {request.path}")
        slow = ui.label("waiting")
        fast = ui.label("-")

        async def wait_for_gate() -> None:
            await asyncio.get_running_loop().run_in_executor(None, app.config["gate"].wait)
            slow.text = "gate opened"

        async def quick() -> None:
            await asyncio.sleep(0)
            fast.text = "quick done"

        async def ask() -> None:
            fast.text = f"width {await ui.run_javascript('window.innerWidth')}"

        async def gather() -> None:
            first, second = await asyncio.gather(asyncio.sleep(0.01, "a"), asyncio.sleep(0.02, "b"))
            fast.text = f"gathered {first}{second}"

        async def time_out() -> None:
            try:
                await asyncio.wait_for(asyncio.sleep(5), timeout=0.01)
            except asyncio.TimeoutError:
                fast.text = "timed out"

        async def fail() -> None:
            await asyncio.sleep(0)
            raise ValueError("async trouble")

        async def later() -> None:
            async def finish() -> None:
                await asyncio.sleep(0.01)
                fast.text = "task finished"
            asyncio.create_task(finish())
            fast.text = "task started"

        with ui.dialog() as dialog, ui.card():
            ui.button("Yes", on_click=lambda: dialog.submit("yes"))

        async def confirm() -> None:
            fast.text = f"answer {await dialog}"

        def plain_asyncio() -> None:   # a sync handler using asyncio.run while another coroutine waits
            fast.text = asyncio.run(asyncio.sleep(0, "asyncio.run works"))

        ui.button("plain asyncio", on_click=plain_asyncio)

        for text, handler in [("slow", wait_for_gate), ("quick", quick), ("ask", ask), ("gather", gather),
                              ("time out", time_out), ("fail", fail), ("later", later), ("confirm", confirm)]:
            ui.button(text, on_click=handler)

    @pages.page("/connected")
    async def connected() -> None:
        ui.label("before")
        await ui.context.client.connected()
        ui.label(f"after {request.path}")

    @pages.page("/task")
    async def task() -> None:
        async def waiter() -> None:
            await ui.context.client.connected()   # in a task the page function started
            ui.label("the task saw the browser")

        ui.label("before")
        await asyncio.create_task(waiter())

    @pages.page("/timer")
    def timer() -> None:
        shown = ui.label("-")

        async def tick() -> None:
            await asyncio.sleep(0.01)
            shown.text = "ticked"

        ui.timer(0.01, tick, once=True)

    app.register_blueprint(pages)
    return app


def test_an_async_page_function_runs(user: User) -> None:
    user.open("/")
    user.should_see("built after a sleep at /")


def test_an_async_handler_waits_without_holding_up_other_tabs(create_user: Callable[[], User], app: Flask) -> None:
    alice, bob = create_user(), create_user()
    alice.open("/")
    bob.open("/")
    alice.find("slow").click()
    bob.find("quick").click()
    bob.should_see("quick done")
    alice.should_see("waiting")
    app.config["gate"].set()
    alice.should_see("gate opened")


@pytest.mark.parametrize("button, shown", [
    ("gather", "gathered ab"),
    ("time out", "timed out"),
    ("later", "task finished"),
])
def test_asyncio_primitives_work_in_handlers(user: User, button: str, shown: str) -> None:
    user.open("/")
    user.find(button).click()
    user.should_see(shown)


def test_await_run_javascript_and_a_dialog(user: User) -> None:
    user.javascript_rules["innerWidth"] = 1280
    user.open("/")
    user.find("ask").click()
    user.should_see("width 1280")
    user.find("confirm").click()
    user.find("Yes").click()
    user.should_see("answer yes")


def test_an_exception_in_an_async_handler_reaches_the_hooks(user: User, app: Flask) -> None:
    user.open("/")
    user.find("fail").click()
    assert user._wait(lambda: bool(app.config["errors"]))
    assert [str(error) for error in app.config["errors"]] == ["async trouble"]


def test_await_connected_sends_the_page_first(app: Flask) -> None:
    with LiveServer(app) as server:
        page = ProtocolClient(server.url).open("/connected")
        assert page.texts() == ["before"]
        page.connect()
        page.wait_for(lambda: page.texts() == ["before", "after /connected"])


def test_a_task_started_by_an_async_page_waits_for_the_browser(app: Flask) -> None:
    with LiveServer(app) as server:
        page = ProtocolClient(server.url).open("/task")
        assert page.texts() == ["before"]
        page.connect()
        page.wait_for(lambda: "the task saw the browser" in page.texts())
    assert app.config["errors"] == []


def test_asyncio_run_works_beside_a_coroutine_waiting_for_a_dialog(user: User) -> None:
    user.open("/")
    user.find("confirm").click()   # its coroutine now waits for the dialog
    user.find("plain asyncio").click()
    user.should_see("asyncio.run works")
    user.find("Yes").click()
    user.should_see("answer yes")


def test_an_async_timer_callback(user: User) -> None:
    user.open("/timer")
    user.should_see("ticked")


def test_sync_code_sees_no_running_loop_after_async_code(user: User) -> None:
    seen: list[Any] = []
    user.open("/")
    user.find("quick").click()
    user.should_see("quick done")
    try:
        asyncio.get_running_loop()
    except RuntimeError as error:
        seen.append(str(error))
    assert seen == ["no running event loop"]
