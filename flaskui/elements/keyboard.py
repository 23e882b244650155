"""``ui.keyboard``: key presses anywhere on the page."""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..element import Element, PropAttribute
from ..events import EventArguments, Handler, call_handler


@dataclass
class KeyEventArguments(EventArguments):
    """A key event: ``action`` ("keydown"/"keyup"), ``key`` ("a", "Enter"), ``code`` ("KeyA"),
    ``repeat`` and the modifiers ``alt``, ``ctrl``, ``meta``, ``shift``."""

    action: str = ""
    key: str = ""
    code: str = ""
    repeat: bool = False
    alt: bool = False
    ctrl: bool = False
    meta: bool = False
    shift: bool = False


class Keyboard(Element, component="keyboard.js"):
    """Calls ``on_key`` for key events anywhere on the page.

    Args:
        on_key: called with ``KeyEventArguments``.
        active: set ``keyboard.active = False`` to pause.
        repeating: also report auto-repeated keydowns of a held key.
        ignore: tags whose key events are not reported (typing into fields).
    """

    active = PropAttribute[bool]("active", "Whether key events are reported.")

    def __init__(self, on_key: Handler, *, active: bool = True, repeating: bool = True,
                 ignore: list[str] | None = None) -> None:
        super().__init__()
        self.props["active"] = active
        self.props["repeating"] = repeating
        self.props["ignore"] = ["input", "select", "button", "textarea"] if ignore is None else ignore
        self._on_key = on_key
        self.on("key", self._key)

    def _key(self, event: EventArguments) -> None:
        data: dict[str, Any] = event.args[0] if event.args and isinstance(event.args[0], dict) else {}

        def text(name: str) -> str:
            return data[name] if isinstance(data.get(name), str) else ""

        call_handler(self._on_key, KeyEventArguments(
            sender=self, client=self.client, args=event.args,
            action=text("action"), key=text("key"), code=text("code"), repeat=bool(data.get("repeat")),
            alt=bool(data.get("alt")), ctrl=bool(data.get("ctrl")), meta=bool(data.get("meta")),
            shift=bool(data.get("shift")),
        ))
