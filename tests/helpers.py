from __future__ import annotations

import threading
import time
from typing import Callable

from flaskui import ValueChangeEventArguments, ui


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
