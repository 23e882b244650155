"""A simulated user: flaskui pages driven without a browser, through the real protocol.

``User`` loads a page with Flask's test client (sharing its cookies), then connects to the page's
client over an in-memory transport that runs the same handshake, validation and event code as a
websocket. Assertions read the server-side element tree::

    def test_counter(user: User) -> None:
        user.open("/")
        user.find("Click").click()
        user.should_see("1")
        user.find(kind=ui.input).type("Ada")
        user.should_see("Hello, Ada!")
"""
from __future__ import annotations

import io
import json
import re
from typing import Any, Callable, Iterator

import gevent
from flask import Flask, session
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from ..auth.identity import session_user
from ..client import Client
from ..connection import TransportClosed, serve
from ..element import Element
from ..elements.selection import ChoiceElement, Select, Toggle
from ..elements.value_element import ValueElement
from ..runtime import Runtime
from ..session import BROWSER_KEY
from .memory_transport import MemoryTransport

_STATE = re.compile(r'<script type="application/json" id="flaskui-state">(.*?)</script>', re.S)


class UserInteraction:
    """The elements ``User.find`` matched, and what a user can do with them."""

    def __init__(self, user: User, elements: list[Element]) -> None:
        self.user = user
        self.elements = elements

    def trigger(self, event: str, args: list[Any] | None = None) -> UserInteraction:
        """Fire ``event``'s listeners on every matched element, as the browser would."""
        for element in self.elements:
            listeners = [listener for listener in element.listeners.values() if listener.type == event]
            if not listeners:
                raise AssertionError(f"{element!r} has no {event!r} listener")
            for listener in listeners:
                self.user._send({"t": "ev", "el": element.id, "l": listener.id, "args": args or []})
        self.user._settle()
        return self

    def click(self) -> UserInteraction:
        """Click the matched elements (a checkbox toggles)."""
        for element in self.elements:
            toggles = isinstance(element, ValueElement) and isinstance(element.value, bool)
            if not toggles and not _has(element, "click"):
                raise AssertionError(f"{element!r} has no 'click' listener and no yes/no value to toggle")
            if isinstance(element, ValueElement) and toggles:  # the browser updates the value, then clicks
                UserInteraction(self.user, [element]).trigger(f"update:{element.VALUE_PROP}", [not element.value])
            if _has(element, "click"):
                UserInteraction(self.user, [element]).trigger("click")
        return self

    def type(self, text: str) -> UserInteraction:
        """Type ``text`` at the end of each matched input, one character at a time."""
        for element in self.elements:
            for character in text:
                current = element.props.get("modelValue") or ""
                UserInteraction(self.user, [element]).trigger("update:modelValue", [f"{current}{character}"])
        return self

    def choose(self, *labels: str) -> UserInteraction:
        """Pick the options shown as ``labels`` in each matched radio, toggle or select, as a user
        clicking them would, except that a multiple select adds them to its choice (a click on
        an option already chosen would remove it). Picking the chosen button of a clearable toggle
        turns it off."""
        for element in self.elements:
            if not isinstance(element, ChoiceElement):
                raise AssertionError(f"{element!r} has no options to choose from")
            offered = {option["label"]: option["value"] for option in element.props["options"]}
            missing = [label for label in labels if label not in offered]
            if missing:
                raise AssertionError(f"{element!r} offers no {missing!r}; its options: {list(offered)!r}")
            if isinstance(element, Select) and element.multiple:
                value: Any = list(dict.fromkeys([*(element.value or []), *(offered[label] for label in labels)]))
            elif len(labels) != 1:
                raise AssertionError(f"{element!r} takes one choice, got {len(labels)}")
            else:
                value = offered[labels[0]]
                if isinstance(element, Toggle) and element.props.get("clearable") and value == element.value:
                    value = None
            UserInteraction(self.user, [element]).trigger(f"update:{element.VALUE_PROP}", [value])
        return self

    def clear(self) -> UserInteraction:
        """Empty each matched input."""
        return self.trigger("update:modelValue", [""])

    def upload(self, *files: tuple[str, bytes] | tuple[str, bytes, str]) -> TestResponse:
        """Send ``(name, data[, content_type])`` files to the matched ``ui.upload`` as its browser does.

        Returns the server's answer (200, or 413 with the reason when a limit was passed); the
        handlers have run when it returns.
        """
        if len(self.elements) != 1:
            raise AssertionError(f"upload() needs one upload element, found {len(self.elements)}")
        data = {"file": [(io.BytesIO(file[1]), file[0], *file[2:]) for file in files]}
        response = self.user.http.post(self.elements[0].props["url"], data=data, content_type="multipart/form-data")
        self.user._settle()
        return response


def _has(element: Element, event: str) -> bool:
    return any(listener.type == event for listener in element.listeners.values())


class User:
    """One simulated browser tab at a time, with its own cookies (its own browser).

    Args:
        app: the Flask app under test.
        test_client: share a test client to act as the same browser (default: a new one).
        timeout: seconds ``should_see`` and friends wait for background work.

    Attributes:
        notifications: the texts of ``ui.notify`` calls, in order.
        navigation: the targets ``ui.navigate.to`` sent the tab to, in order.
        downloads: the downloads the page started, as ``(url, filename)``.
        javascript_rules: ``{regex: result}``; a ``run_javascript`` whose code matches gets
            ``result`` (or ``result(match)`` if callable) as its value.
    """

    def __init__(self, app: Flask, test_client: FlaskClient | None = None, timeout: float = 3.0) -> None:
        self.app = app
        self.http = test_client or app.test_client()
        self.timeout = timeout
        self.client: Client | None = None
        self.notifications: list[str] = []
        self.navigation: list[str] = []
        self.downloads: list[tuple[str, str]] = []
        self.javascript_rules: dict[str, Any] = {}
        self.refusals: list[str] = []
        self._transport: MemoryTransport | None = None

    # -- pages ------------------------------------------------------------------------------------
    def open(self, path: str = "/") -> User:
        """Load ``path`` (following redirects) and connect to its page."""
        self.close()
        response = self.http.get(path, follow_redirects=True)
        match = _STATE.search(response.get_data(as_text=True))
        if response.status_code != 200 or match is None:
            raise AssertionError(f"GET {path} gave {response.status_code}, not a flaskui page")
        client_id = json.loads(match.group(1))["client"]
        self.client = Runtime.of(self.app).clients.get(client_id)
        if self.client is None:
            raise AssertionError(f"the page at {path} has no live client")
        transport = self._transport = MemoryTransport(self._receive)
        gevent.spawn(self._serve, transport)
        transport.post({"t": "hello", "client": client_id, "tab": f"user-{id(self)}", "last": 0})
        self._settle()
        return self

    def _serve(self, transport: MemoryTransport) -> None:
        name = self.app.config["SESSION_COOKIE_NAME"]
        cookie = self.http.get_cookie(name)
        headers = {"Cookie": f"{name}={cookie.value}"} if cookie else {}
        with self.app.test_request_context("/_flaskui/ws", headers=headers):
            browser_id, user = session.get(BROWSER_KEY), session_user()
        try:
            serve(Runtime.of(self.app), transport, browser_id, user)
        except TransportClosed:
            pass

    def close(self) -> None:
        """Leave the page (drop the connection, as a closed tab does)."""
        if self._transport is not None:
            self._transport.disconnect()
            self._transport = None
            gevent.idle()

    # -- the protocol, browser side -----------------------------------------------------------------------
    def _send(self, message: dict[str, Any]) -> None:
        if self._transport is None:
            raise AssertionError("open a page first")
        self._transport.post(message)

    def _receive(self, message: dict[str, Any]) -> None:
        if message["t"] == "err":
            self.refusals.append(message["reason"])
        if message["t"] == "snap":
            self._send({"t": "ack", "id": message["id"]})
        if message["t"] != "f":
            return
        self._send({"t": "ack", "id": message["id"]})  # rendered at once: there is nothing to render
        for op in message["ops"]:
            if op[0] == "n":
                self.notifications.append(op[1]["message"])
            elif op[0] == "nav":
                self.navigation.append(op[1])
            elif op[0] == "dl":
                self.downloads.append((op[1], op[2]))
            elif op[0] == "js" and op[1] is not None:
                self._send(self._answer_javascript(op[1], op[2]))

    def _answer_javascript(self, request_id: int, code: str) -> dict[str, Any]:
        for pattern, result in self.javascript_rules.items():
            match = re.search(pattern, code)
            if match:
                value = result(match) if callable(result) else result
                return {"t": "js", "id": request_id, "ok": True, "value": value}
        return {"t": "js", "id": request_id, "ok": False,
                "error": f"no javascript_rules entry matches {code!r}"}

    def _settle(self) -> None:
        """Let the server process what was sent (handlers start, frames go out)."""
        gevent.idle()

    # -- queries ---------------------------------------------------------------------------------------------
    def _elements(self) -> Iterator[Element]:
        if self.client is None:
            raise AssertionError("open a page first")
        return self.client.layout.descendants()

    def _matches(self, element: Element, target: str | type[Element] | None, kind: type[Element] | None,
                 marker: str | None, content: str | None) -> bool:
        if isinstance(target, type):
            kind, target = target, None
        if kind is not None and not isinstance(element, kind):
            return False
        if marker is not None and marker not in element.markers:
            return False
        needle = target if target is not None else content
        if needle is not None and not any(needle in text for text in element._user_content()):
            return False
        return target is not None or kind is not None or marker is not None or content is not None

    def _find_now(self, target: str | type[Element] | None, kind: type[Element] | None,
                  marker: str | None, content: str | None) -> list[Element]:
        """Matching elements; for a text, those showing exactly it win over those containing it."""
        found = [e for e in self._elements() if self._matches(e, target, kind, marker, content)]
        needle = target if isinstance(target, str) else content
        exact = [e for e in found if needle in e._user_content()]
        return exact or found

    def _wait(self, condition: Callable[[], bool]) -> bool:
        deadline = gevent.get_hub().loop.now() + self.timeout
        gevent.idle()
        while not condition():
            if gevent.get_hub().loop.now() > deadline:
                return False
            gevent.sleep(0.005)
        return True

    def find(self, target: str | type[Element] | None = None, *, kind: type[Element] | None = None,
             marker: str | None = None, content: str | None = None) -> UserInteraction:
        """The elements showing ``target`` (a text) or of a kind (``ui.button``), or with a marker.

        A text matches an element's text, label, placeholder or value; elements showing exactly
        the text are preferred to those that merely contain it. Waits up to ``timeout`` for at
        least one to appear.
        """
        found: list[Element] = []

        def present() -> bool:
            found[:] = self._find_now(target, kind, marker, content)
            return bool(found)

        if not self._wait(present):
            raise AssertionError(f"found no element for {_describe(target, kind, marker)}\n{self.tree()}")
        return UserInteraction(self, found)

    def should_see(self, target: str | type[Element] | None = None, *, kind: type[Element] | None = None,
                   marker: str | None = None, content: str | None = None) -> None:
        """Assert that a matching element is on the page (waiting up to ``timeout`` for it)."""
        self.find(target, kind=kind, marker=marker, content=content)

    def should_not_see(self, target: str | type[Element] | None = None, *, kind: type[Element] | None = None,
                       marker: str | None = None, content: str | None = None) -> None:
        """Assert that no matching element is on the page (waiting up to ``timeout`` for it to go)."""
        if not self._wait(lambda: not self._find_now(target, kind, marker, content)):
            raise AssertionError(f"still see {_describe(target, kind, marker)}\n{self.tree()}")

    def tree(self) -> str:
        """The page as text, one element per line, for failure messages."""
        if self.client is None:
            return "(no page open)"
        lines: list[str] = []

        def walk(element: Element, depth: int) -> None:
            content = " ".join(repr(c) for c in element._user_content())
            markers = f" markers={sorted(element.markers)}" if element.markers else ""
            lines.append(f"{'  ' * depth}{type(element).__name__} <{element.tag}> {content}{markers}".rstrip())
            for child in element.children:
                walk(child, depth + 1)

        walk(self.client.layout, 0)
        return "\n".join(lines)


def _describe(target: object, kind: object, marker: object) -> str:
    parts = [repr(target)] if target is not None else []
    if kind is not None:
        parts.append(f"kind={getattr(kind, '__name__', kind)}")
    if marker is not None:
        parts.append(f"marker={marker!r}")
    return ", ".join(parts) or "anything"
