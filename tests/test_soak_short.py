"""A short soak (the long one is benchmarks/soak.py): tabs come and go, and nothing of them stays."""
from __future__ import annotations

import gc
import weakref

import gevent.event
from flask import Flask

import flaskui
from flaskui import ui
from flaskui.runtime import Runtime
from flaskui.testing import User

TABS = 60


def test_closed_and_dropped_tabs_leave_no_client_or_element_behind() -> None:
    app = Flask(__name__)
    app.config.update(SECRET_KEY="soak", FLASKUI_RECONNECT_TIMEOUT=0.05, FLASKUI_PRUNE_TIMEOUT=0.05)
    pages = flaskui.Blueprint("pages", __name__)
    gone = gevent.event.Event()
    deleted: list[str] = []

    @pages.page("/")
    def index() -> None:
        count = ui.label("0")
        payload = bytearray(100_000)   # what a page's handler may hold: it must go with the page
        ui.button("Click", on_click=lambda: setattr(count, "text", str(len(payload) + int(count.text or "0"))))
        with ui.row():
            for i in range(10):
                ui.label(f"row {i}")

        def forget() -> None:
            deleted.append("x")
            if len(deleted) == TABS:
                gone.set()

        ui.context.client.on_delete(forget)

    app.register_blueprint(pages)
    clients: list[weakref.ref[object]] = []
    elements: list[weakref.ref[object]] = []
    for number in range(TABS):
        user = User(app)
        user.open("/")
        if number % 3 == 0:
            user.find("Click").click()
            user.should_see("100000")
        assert user.client is not None
        clients.append(weakref.ref(user.client))
        elements.extend(weakref.ref(element) for element in user.client.elements.values())
        user.close()   # the tab goes away; its client waits FLASKUI_RECONNECT_TIMEOUT
        user.client = None
    assert gone.wait(5)
    gc.collect()
    assert len(Runtime.of(app).clients) == 0
    assert [ref for ref in clients if ref() is not None] == []
    assert [ref for ref in elements if ref() is not None] == []
