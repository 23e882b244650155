"""The app tests/test_launch.py starts in a subprocess (flaskui run, python, gunicorn, flask run).

It never monkey-patches itself; the launcher does (``flaskui run``, gunicorn's gevent worker, or
``flaskui.run`` below). ``time.sleep`` in ``/slow`` only yields to other tabs if that happened.
"""
from __future__ import annotations

import os
import time

from flask import Flask

import flaskui
from flaskui import ui

pages = flaskui.Blueprint("pages", __name__)


@pages.page("/", title="Counter")
def index() -> None:
    count = ui.label("0")

    def bump() -> None:
        count.text = str(int(count.text or "0") + 1)

    ui.button("Click", on_click=bump)


@pages.page("/slow", title="Slow")
def slow() -> None:
    state = ui.label("idle")
    result = ui.label("")

    def block() -> None:
        state.text = "sleeping"  # reaches the tab during the sleep only if the sleep yields
        time.sleep(5)  # plain stdlib: cooperative only when the stdlib is monkey-patched
        state.text = "slept"

    def quick() -> None:
        result.text = "quick done"

    ui.button("sleep", on_click=block)
    ui.button("quick", on_click=quick)


app = Flask(__name__)
app.config["SECRET_KEY"] = "launch-tests-only"
app.register_blueprint(pages)

if __name__ == "__main__":
    flaskui.run(app, port=int(os.environ["PORT"]))
