"""``ui.json_editor``: a JSON editor with tree, text and table modes (https://github.com/josdejong/svelte-jsoneditor).

``properties`` are the editor's properties (``content``, ``mode``, ``readOnly``, ``mainMenuBar``
...); ``content`` is ``{"json": value}`` or ``{"text": "..."}``. The user's edits update
``properties["content"]`` on the server and call ``on_change``::

    editor = ui.json_editor({"content": {"json": {"name": "Ada", "langs": ["en"]}}},
                            on_change=lambda e: print(e.content))
    editor.properties["readOnly"] = True
    editor.update()
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from ..events import EventArguments, Handler, call_handler
from ..javascript import JavaScriptRequest
from .js_library import LibraryElement


@dataclass
class JsonEditorChangeEventArguments(EventArguments):
    """An edit: ``content`` is ``{"json": ...}`` or ``{"text": ...}``; ``errors`` the parse or
    validation errors of the content, if any."""

    content: dict[str, Any] | None = None
    errors: Any = None


@dataclass
class JsonEditorSelectEventArguments(EventArguments):
    """A selection change: ``selection`` as the editor describes it (a path, a range ...)."""

    selection: Any = None


class JsonEditor(LibraryElement, component="json_editor.js",
                 dependencies=["lib/jsoneditor/vanilla-jsoneditor.js"]):
    """A JSON editor in the browser.

    Args:
        properties: the editor's properties, at least ``{"content": {"json": ...}}``.
        on_change: called with ``JsonEditorChangeEventArguments`` after each edit.
        on_select: called with ``JsonEditorSelectEventArguments`` when the selection changes.
        schema: a JSON Schema to validate the content against.
    """

    def __init__(self, properties: dict[str, Any], *, on_change: Handler | None = None,
                 on_select: Handler | None = None, schema: dict[str, Any] | None = None) -> None:
        super().__init__()
        self.props["properties"] = properties
        if schema is not None:
            self.props["schema"] = schema
        self._change_handlers: list[Handler] = [on_change] if on_change else []
        self._add_listener("change", self._content_from_browser, inline=True)
        if on_select is not None:
            self.on_select(on_select)

    @property
    def properties(self) -> dict[str, Any]:
        """The editor's properties; call ``update()`` after changing them in place."""
        properties: dict[str, Any] = self.props["properties"]
        return properties

    @property
    def content(self) -> dict[str, Any] | None:
        """The content, ``{"json": ...}`` or ``{"text": ...}``; assigning shows it."""
        content: dict[str, Any] | None = self.properties.get("content")
        return content

    @content.setter
    def content(self, content: dict[str, Any]) -> None:
        self._set_path(["properties", "content"], content)

    def on_change(self, handler: Handler) -> JsonEditor:
        """Also call ``handler`` after each edit."""
        self._change_handlers.append(handler)
        return self

    def on_select(self, handler: Handler) -> JsonEditor:
        """Also call ``handler`` when the selection changes."""

        def deliver(event: EventArguments) -> None:
            call_handler(handler, JsonEditorSelectEventArguments(
                sender=self, client=self.client, args=event.args, selection=event.args[0] if event.args else None))

        return self.on("select", deliver)

    def run_editor_method(self, name: str, *args: Any) -> JavaScriptRequest:
        """Call an editor method in the browser, e.g. ``("expand", [], True)``; ``.result(timeout)``
        on the request returns its value."""
        return self._run_method(name, *args)

    def _content_from_browser(self, event: EventArguments) -> None:
        change = event.args[0] if event.args else {}
        self.properties["content"] = change.get("content")  # the browser shows it already: no echo
        for handler in self._change_handlers:
            self.client.events.submit_logged(handler, JsonEditorChangeEventArguments(
                sender=self, client=self.client, args=event.args, content=change.get("content"),
                errors=change.get("errors")), in_order_of=self.id)
