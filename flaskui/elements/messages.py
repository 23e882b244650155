"""Messages to the tab that are not elements: notifications, navigation, JavaScript."""
from __future__ import annotations

from typing import Any, Literal

from ..context import current_client
from ..javascript import JavaScriptRequest

Position = Literal["top-left", "top-right", "bottom-left", "bottom-right", "top", "bottom", "left", "right", "center"]


NotifyType = Literal["positive", "negative", "warning", "info", "ongoing"]


def notify_options(message: Any, *, position: Position = "bottom", type: NotifyType | None = None,
                   color: str | None = None, timeout: float = 5.0, close_button: bool | str = False,
                   multi_line: bool = False, **options: Any) -> dict[str, Any]:
    """The Quasar Notify options for ``notify``'s arguments (shared with ``ui.notification``)."""
    data: dict[str, Any] = {"message": str(message), "position": position, "timeout": int(timeout * 1000), **options}
    if type:
        data["type"] = type
    if color:
        data["color"] = color
    if close_button:
        data["closeBtn"] = "Close" if close_button is True else close_button
    if multi_line:
        data["multiLine"] = True
    return data


def notify(message: Any, *, position: Position = "bottom", type: NotifyType | None = None, color: str | None = None,
           timeout: float = 5.0, close_button: bool | str = False, multi_line: bool = False, **options: Any) -> None:
    """Show a Quasar notification (https://quasar.dev/quasar-plugins/notify) in the current tab.

    Args:
        message: the text.
        position: where on the screen.
        type: a preset look: ``positive``, ``negative``, ``warning``, ``info``, ``ongoing``.
        color: a Quasar color name.
        timeout: seconds before it disappears (0: stays).
        close_button: show a close button (``True`` or its label).
        multi_line: lay out for longer text.
        options: further Quasar Notify options, e.g. ``icon="cloud"``.
    """
    data = notify_options(message, position=position, type=type, color=color, timeout=timeout,
                          close_button=close_button, multi_line=multi_line, **options)
    current_client().outbox.enqueue_message(["n", data])


def run_javascript(code: str) -> JavaScriptRequest:
    """Run JavaScript in the current tab; call ``.result(timeout)`` on the return value to get its value."""
    return current_client().run_javascript(code)


class Navigate:
    """``ui.navigate``: move the current tab elsewhere."""

    @staticmethod
    def to(target: str, new_tab: bool = False) -> None:
        """Go to ``target`` (a URL or a path), optionally in a new tab."""
        current_client().open(target, new_tab)

    @staticmethod
    def back() -> None:
        """Go back in the tab's history."""
        current_client().run_javascript("history.back()")

    @staticmethod
    def forward() -> None:
        """Go forward in the tab's history."""
        current_client().run_javascript("history.forward()")

    @staticmethod
    def reload() -> None:
        """Reload the page."""
        current_client().run_javascript("location.reload()")


navigate = Navigate()
