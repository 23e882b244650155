from __future__ import annotations

import json
import re
import threading
import time
from typing import Any, Callable

from flaskui import ValueChangeEventArguments, ui

STATE = re.compile(r'id="flaskui-state">(.*?)</script>')


def state_of(html: str) -> dict[str, Any]:
    """The initial state a page's HTML inlines."""
    match = STATE.search(html)
    assert match, html
    return json.loads(match.group(1))  # type: ignore[no-any-return]


def wait_until(condition: Callable[[], bool], timeout: float = 10.0) -> None:
    """Wait for a condition that another thread or process makes true (bounded in time)."""
    deadline = time.monotonic() + timeout
    pause = threading.Event()
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError("condition not reached")
        pause.wait(0.01)


def echo(name: str) -> Callable[[ValueChangeEventArguments], None]:
    """A label showing ``name: value``, and the change handler that keeps it up to date."""
    label = ui.label(f"{name}: -")

    def show(event: ValueChangeEventArguments) -> None:
        label.text = f"{name}: {event.value}"

    return show
