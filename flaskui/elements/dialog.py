"""``ui.dialog``: a popup over the page, and a way to wait for the user's answer.

    with ui.dialog() as dialog, ui.card():
        ui.label("Delete the file?")
        ui.button("Yes", on_click=lambda: dialog.submit(True))
        ui.button("No", on_click=lambda: dialog.submit(False))

    def delete() -> None:
        if dialog.result():               # opens it, blocks this handler's greenlet only
            ui.notify("deleted")

    async def delete_async() -> None:
        if await dialog:                  # the same in an async def handler
            ui.notify("deleted")
"""
from __future__ import annotations

from typing import Any, Generator

import gevent
import gevent.event

from ..aio import blocking
from .openable import Openable


class Dialog(Openable):
    """A Quasar dialog (https://quasar.dev/vue-components/dialog); put a ``ui.card`` inside.

    Its ``value`` says whether it is open, on both sides: clicking outside it or pressing Escape
    closes it in the browser and on the server (``.props("persistent")`` prevents that).

    Args:
        value: open or not (``open()``, ``close()``, ``toggle()``).
    """

    def __init__(self, *, value: bool = False) -> None:
        self._result: gevent.event.AsyncResult = gevent.event.AsyncResult()
        super().__init__("q-dialog", value=value)

    def submit(self, result: Any) -> None:
        """Close the dialog, giving ``result`` to whoever waits in ``result()``."""
        if not self._result.ready():
            self._result.set(result)
        self.close()

    def result(self, timeout: float | None = None) -> Any:
        """Open the dialog and wait until it closes: the value given to ``submit``, or None.

        Only the calling greenlet waits (a handler, say); the page stays live. In a page
        function, the page is sent to the browser first.

        Args:
            timeout: seconds to wait (default: no limit); the dialog stays open after a timeout.

        Raises:
            TimeoutError: the dialog was still open after ``timeout`` seconds.
        """
        self.open()
        if not self.client.has_connected:
            self.client.connected()
        try:
            return self._result.get(timeout=timeout)
        except gevent.Timeout:
            raise TimeoutError(f"the dialog was not closed within {timeout} s") from None

    def _hides_content(self) -> bool:
        return not self.value   # a closed dialog renders nothing: the browser follows and reports it

    def __await__(self) -> Generator[Any, None, Any]:
        """``await dialog`` in an ``async def`` handler: ``result()`` without a timeout."""
        return blocking(self.result)

    def _value_changed(self, value: Any, previous: Any) -> None:
        if value and self._result.ready():
            self._result = gevent.event.AsyncResult()  # a new opening waits for a new answer
        elif not value and not self._result.ready():
            self._result.set(None)
        super()._value_changed(value, previous)

    def _release(self) -> None:
        super()._release()
        if not self._result.ready():
            self._result.set(None)  # deleted: whoever waits goes on as if it was closed
