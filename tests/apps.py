"""The app the protocol and page tests drive."""
from __future__ import annotations

from typing import Any

import gevent
from flask import Flask, abort, current_app, redirect

import flaskui
from flaskui import ui


def create_app(**config: Any) -> Flask:
    pages = flaskui.Blueprint("pages", __name__)
    errors: list[BaseException] = []

    @pages.on_exception
    def record(error: BaseException) -> None:
        errors.append(error)

    @pages.page("/", title="Counter")
    def index() -> None:
        count = ui.label("0")

        def bump() -> None:
            count.text = str(int(count.text or "0") + 1)

        ui.button("Click", on_click=bump)
        typed = ui.label("")
        ui.input("Name", on_change=lambda e: setattr(typed, "text", e.value))
        ui.checkbox("Agree")

    @pages.page("/item/<int:item_id>")
    def item(item_id: int) -> None:
        ui.label(f"item {item_id}")

    @pages.page("/old")
    def old() -> Any:
        return redirect("/")

    @pages.page("/missing")
    def missing() -> None:
        abort(404)

    @pages.page("/list")
    def listing() -> None:
        column = ui.column()
        with column:
            for i in range(1000):
                ui.label(f"row {i}")

        def add() -> None:
            with column:
                ui.label("added")

        def change_one() -> None:
            column.children[500].text = "changed"

        def remove_one() -> None:
            column.children[0].delete()

        def move_last_first() -> None:
            column.children[-1].move(column, 0)

        ui.button("add", on_click=add)
        ui.button("change", on_click=change_one)
        ui.button("remove", on_click=remove_one)
        ui.button("move", on_click=move_last_first)

    @pages.page("/order")
    def order() -> None:
        box = ui.row()

        def build_and_script() -> None:
            with box:
                label = ui.label("new")
            ui.run_javascript(f"getElement({label.id}).textContent")
            ui.notify("done")

        ui.button("go", on_click=build_and_script)

    @pages.page("/fail")
    def fail() -> None:
        count = ui.label("0")

        def boom() -> None:
            count.text = "changed before the error"
            raise ValueError("handler exploded")

        ui.button("boom", on_click=boom)
        ui.button("after", on_click=lambda: setattr(count, "text", "ok"))

    @pages.page("/context")
    def context() -> None:
        shown = ui.label("")

        def show() -> None:
            shown.text = f"{current_app.name}:{ui.context.client is shown.client}"

        ui.button("show", on_click=show)

    @pages.page("/javascript")
    def javascript() -> None:
        result = ui.label("")

        def ask() -> None:
            try:
                result.text = repr(ui.run_javascript("6 * 7").result(timeout=5))
            except Exception as error:  # shown so the test can read it
                result.text = f"{type(error).__name__}: {error}"

        ui.button("ask", on_click=ask)

    @pages.page("/ticker")
    def ticker() -> None:
        value = ui.label("0")

        def tick() -> None:
            value.text = str(int(value.text or "0") + 1)

        ui.timer(0.05, tick)

    @pages.page("/wait")
    def wait() -> None:
        ui.label("before")
        ui.context.client.connected()
        ui.label("after connect")

    @pages.page("/big")
    def big() -> None:
        target = ui.label("")
        ui.button("big", on_click=lambda: setattr(target, "text", "x" * (8 * 1024 * 1024)))

    @pages.page("/slow")
    def slow() -> None:
        ui.button("sleep", on_click=lambda: gevent.sleep(30))
        done = ui.label("")
        ui.button("quick", on_click=lambda: setattr(done, "text", "quick done"))

    app = Flask(__name__)
    app.config.update(SECRET_KEY="test-secret", **config)
    app.register_blueprint(pages)
    app.extensions["test_errors"] = errors
    return app


def add_browser_pages(app: Flask) -> None:
    """Pages only the browser tests use."""
    pages = flaskui.Blueprint("browser_pages", __name__)

    @pages.page("/drop")
    def drop() -> None:
        status = ui.label("connected")

        def drop_connection() -> None:
            client = ui.context.client
            transport = client.outbox.transport
            transport.shutdown()  # type: ignore[union-attr]  # like a lost network
            gevent.sleep(0)
            status.text = "changed while down"

        ui.button("drop", on_click=drop_connection)

    @pages.page("/custom")
    def custom() -> None:
        from .components import Counter

        ui.label("plain labels only")
        ui.button("add counter", on_click=lambda: Counter(3))

    @pages.page("/custom-now")
    def custom_now() -> None:
        from .components import Counter

        ui.label("beside the counter")
        Counter(7)

    @pages.page("/core-only")
    def core_only() -> None:
        from .components import Counter, Rated, Stars

        ui.button("add table", on_click=lambda: ui.table(rows=[{"city": "Oslo"}, {"city": "Lima"}]))
        ui.button("add stars", on_click=lambda: Stars(4))
        ui.button("add rated", on_click=lambda: Rated(2))
        ui.button("add counter", on_click=lambda: Counter(3))

    @pages.page("/templated")
    def templated() -> None:
        from .components import Greeting

        Greeting("Ada")
        ui.button("add greeting", on_click=lambda: Greeting("Grace"))

    @pages.page("/templated-deep")
    def templated_deep() -> None:
        from .components import NestedGreeting

        NestedGreeting("Lin")

    @pages.page("/classic-template")
    def classic_template() -> None:
        # a component a classic script registers, with a template: it needs Vue's compiler
        ui.add_head_html("<script>window.flaskui = {components: {'classic-hello': "
                         "{props: ['name'], template: '<i class=\"hello\">Hi {{ name }}</i>'}}};</script>")
        ui.label("beside the classic component")
        ui.element("classic-hello").props["name"] = "Ann"

    @pages.page("/table-now")
    def table_now() -> None:
        ui.table(rows=[{"city": "Quito"}])

    @pages.page("/elsewhere")
    def elsewhere() -> None:
        ui.label("arrived")

    @pages.page("/js")
    def js() -> None:
        result = ui.label("")

        def run(code: str) -> None:
            try:
                result.text = repr(ui.run_javascript(code).result(timeout=5))
            except Exception as error:
                result.text = f"{type(error).__name__}: {error}"

        ui.button("value", on_click=lambda: run("document.title + ' ' + (6 * 7)"))
        ui.button("error", on_click=lambda: run("undefinedFunction()"))

    app.register_blueprint(pages)


def add_user_pages(app: Flask) -> None:
    """Pages the simulated-user tests drive."""
    pages = flaskui.Blueprint("user_pages", __name__)
    messages: list[str] = []
    listeners: list[Any] = []

    @pages.page("/chat")
    def chat() -> None:
        log = ui.column().mark("log")
        for text in messages:
            with log:
                ui.label(text)

        def show(text: str) -> None:
            with log:
                ui.label(text)

        listeners.append(show)
        ui.context.client.on_delete(lambda: listeners.remove(show))
        entry = ui.input("Message")

        def send() -> None:
            messages.append(entry.value)
            for listener in list(listeners):
                listener(entry.value)
            entry.value = ""

        ui.button("Send", on_click=send).mark("send")

    @pages.page("/misc")
    def misc() -> None:
        ui.button("notify", on_click=lambda: ui.notify("saved"))
        ui.button("go", on_click=lambda: ui.navigate.to("/elsewhere"))
        answer = ui.label("")
        ui.button("size", on_click=lambda: setattr(answer, "text", str(ui.run_javascript("innerWidth").result())))
        later = ui.label("")
        ui.timer(0.01, lambda: setattr(later, "text", "timer fired"), once=True)
        ui.label("secret").delete()

    app.register_blueprint(pages)
