"""A simulated user: flaskui pages driven without a browser, through the real protocol.

``User`` loads a page with Flask's test client (sharing its cookies), then connects to the page's
client over an in-memory transport that runs the same handshake, validation and event code as a
websocket. Assertions read the server-side element tree as a person sees the page (no hidden
elements, nothing of closed popups); actions send the events a browser would, with the page's
browser-side state (open menus, ``.once`` listeners, a field's text) kept here::

    def test_counter(user: User) -> None:
        user.open("/")
        user.find("Click").click()
        user.should_see("1")
        user.find(kind=ui.input).type("Ada")
        user.should_see("Hello, Ada!")
"""
from __future__ import annotations

import functools
import io
import json
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any, Callable, Iterator

import gevent
from flask import Flask, session
from flask.testing import FlaskClient
from werkzeug.test import TestResponse

from ..auth.identity import session_user
from ..client import Client
from ..connection import serve
from ..element import Element
from ..errors import TransportClosed
from ..elements.disableable import DisableableElement
from ..elements.selection import ChoiceElement, Select, Toggle
from ..elements.value_element import ValueElement
from ..runtime import Runtime
from ..session import BROWSER_KEY
from ..shown import received, shown_text
from .memory_transport import MemoryTransport

_STATE = re.compile(r'<script type="application/json" id="flaskui-state">(.*?)</script>', re.S)

# -- a listener's type as the browser binds it (frontend/src/events.js parseType: Vue's modifiers) --------
_GUARD_MODIFIERS = frozenset({"stop", "prevent", "self", "ctrl", "shift", "alt", "meta", "exact", "middle"})
_OPTION_MODIFIERS = frozenset({"capture", "passive"})
_KEY_EVENTS = frozenset({"keydown", "keyup", "keypress"})
_MOUSE_EVENTS = frozenset({"click", "dblclick", "contextmenu", "auxclick", "mousedown", "mouseup",
                           "pointerdown", "pointerup"})
_SYSTEM_KEYS = ("ctrl", "shift", "alt", "meta")
_BUTTONS = {"left": 0, "middle": 1, "right": 2}
# Vue's key aliases (withKeys compares them with the event's key in kebab case), and the keys that
# trigger's shorthand presses for names that are not a key's name in kebab case.
_KEY_ALIASES = {"esc": "escape", "space": " ", "up": "arrow-up", "down": "arrow-down", "left": "arrow-left",
                "right": "arrow-right", "delete": "backspace"}
_ALIASED_KEYS = {"esc": "Escape", "space": " ", "up": "ArrowUp", "down": "ArrowDown", "left": "ArrowLeft",
                 "right": "ArrowRight"}


@dataclass(frozen=True)
class _Binding:
    """A listener's type split as the browser splits it: the DOM or component event it listens to,
    its Vue guards in order, the keys it is for, and whether it listens while capturing and once."""

    event: str
    guards: tuple[str, ...]
    keys: tuple[str, ...]
    capture: bool
    once: bool

    def admits(self, event: Mapping[str, Any], at_target: bool) -> tuple[bool, bool, bool]:
        """Whether ``event`` (its fields) reaches the handler, and whether it is stopped and its
        default prevented on the way: as Vue's ``withKeys(withModifiers(handler, guards), keys)``,
        keys first, then each guard in order (``click.stop.ctrl`` stops a click without Ctrl,
        ``click.ctrl.stop`` does not)."""
        if self.keys:
            key = event.get("key")
            named = _kebab(key) if isinstance(key, str) else None
            if not any(wanted == named or _KEY_ALIASES.get(wanted) == named for wanted in self.keys):
                return False, False, False
        stops = prevents = False
        for guard in self.guards:
            if guard == "stop":
                stops = True
                continue
            if guard == "prevent":
                prevents = True
                continue
            if guard == "self":
                passes = at_target
            elif guard in _BUTTONS:
                passes = "button" not in event or event["button"] == _BUTTONS[guard]
            elif guard == "exact":
                passes = not any(event.get(f"{key}Key") and key not in self.guards for key in _SYSTEM_KEYS)
            else:
                passes = bool(event.get(f"{guard}Key"))
            if not passes:
                return False, stops, prevents
        return True, stops, prevents


@functools.lru_cache(maxsize=1024)
def _binding(type: str) -> _Binding:
    name, *modifiers = type.split(".")
    keyboard = name.lower() in _KEY_EVENTS
    guards: list[str] = []
    keys: list[str] = []
    for modifier in modifiers:
        if modifier in _GUARD_MODIFIERS or (not keyboard and modifier in ("left", "right")):
            guards.append(modifier)
        elif modifier not in _OPTION_MODIFIERS and modifier != "once":
            keys.append(modifier)
    event = name
    if name.lower() == "click" and "right" in guards:  # no click fires for these buttons
        event = "contextmenu"
    elif name.lower() == "click" and "middle" in guards:
        event = "mouseup"
    return _Binding(event, tuple(guards), tuple(keys) if keyboard else (), "capture" in modifiers,
                    "once" in modifiers)


def _kebab(key: str) -> str:
    """A key's name as Vue's withKeys compares it: ``PageDown`` -> ``page-down``."""
    return re.sub(r"\B([A-Z])", r"-\1", key, flags=re.ASCII).lower()


def _key_named(modifier: str) -> str:
    """The key a key modifier names: ``enter`` -> ``Enter``, ``page-down`` -> ``PageDown``, ``a`` -> ``a``."""
    if modifier in _ALIASED_KEYS:
        return _ALIASED_KEYS[modifier]
    return modifier if len(modifier) == 1 else "".join(part.capitalize() for part in modifier.split("-"))


def _event_fields(event: str) -> dict[str, Any]:
    """The fields of the DOM event that ``event`` ("keydown.enter", "click.ctrl", "click.right")
    names: its type, and the key, button and held keys its modifiers ask for."""
    binding = _binding(event)
    fields: dict[str, Any] = {"type": binding.event}
    if binding.event in _MOUSE_EVENTS or binding.event in _KEY_EVENTS:
        fields.update({f"{key}Key": key in binding.guards for key in _SYSTEM_KEYS})
    if binding.event in _MOUSE_EVENTS:
        fields["button"] = next((_BUTTONS[guard] for guard in binding.guards if guard in _BUTTONS),
                                2 if binding.event == "contextmenu" else 0)
    if binding.keys:
        fields["key"] = _key_named(binding.keys[0])
    return fields


# the fields of a DOM event the browser sends by default (frontend/src/events.js EVENT_FIELDS)
_SENT_FIELDS = ["type", "key", "code", "altKey", "ctrlKey", "shiftKey", "metaKey", "button", "clientX", "clientY"]


def _picked(arg: Any, names: list[str] | None) -> Any:
    """An event argument as the browser sends it: only the fields a listener's ``args`` names."""
    if names is None or not isinstance(arg, dict):
        return arg
    return {name: arg[name] for name in names if name in arg}


# -- what a person sees: Quasar components that hide what is inside them ---------------------------------
_POPUPS = frozenset({"q-dialog", "q-menu", "q-tooltip"})   # render nothing while closed; their content sits in <body>
_BARS = frozenset({"q-header", "q-footer", "q-drawer"})   # visibility: hidden while their value is false
_FOLDS = frozenset({"q-expansion-item", "q-btn-dropdown"})   # show their default slot only while open
_CLICK_STOPPERS = frozenset({"q-checkbox", "q-toggle", "q-radio", "q-option-group"})   # stop the clicks they get


def _bubbling_path(target: Element) -> list[Element]:
    """The ancestors that a mouse or key event on ``target`` bubbles to, innermost first: the DOM's
    path ends at a popup, whose content Quasar puts in <body> (a dropdown button's menu too)."""
    path: list[Element] = []
    node = target
    while node.tag not in _POPUPS and node.parent is not None:
        if node.parent.tag == "q-btn-dropdown" and node.slot == "default":
            break
        node = node.parent
        path.append(node)
    return path


def _listens(element: Element, type: str) -> bool:
    return any(listener.type == type for listener in element.listeners.values())


def _within(element: Element, ancestor: Element) -> bool:
    node: Element | None = element
    while node is not None and node is not ancestor:
        node = node.parent
    return node is ancestor


# -- a number field as Chromium keeps it (en-US) -----------------------------------------------------------
_FLOAT = re.compile(r"-?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?")


def _number_takes(text: str, character: str) -> bool:
    """Whether Chromium lets ``character`` into a number field holding ``text``, typed at its end:
    digits and signs, one ``e`` and one ``.`` before it; nothing else (letters, spaces, commas)."""
    if character in "0123456789+-":
        return True
    exponent = "e" in text or "E" in text
    if character in "eE":
        return not exponent
    return character == "." and "." not in text and not exponent


def _number_value(text: str) -> str:
    """The value a Chromium number field holding ``text`` reports, which QInput sends: the text
    without a leading ``+`` or a trailing ``.`` if it is then a finite number, else empty."""
    if re.fullmatch(r"[+-]?[0-9.]*", text):
        text = text.removeprefix("+")
        if len(text) >= 2 and text.endswith("."):
            text = text[:-1]
    return text if _FLOAT.fullmatch(text) and math.isfinite(float(text)) else ""


@dataclass
class _Typed:
    """A field the user typed into, as the browser holds it: the text in the box, the value it last
    sent, and the element's value on the server then (the server rewrote the field if that changed)."""

    text: str
    sent: Any
    server_model: Any


class UserInteraction:
    """The elements ``User.find`` matched, and what a user can do with them."""

    def __init__(self, user: User, elements: list[Element]) -> None:
        self.user = user
        self.elements = elements

    def trigger(self, event: str, args: list[Any] | None = None) -> UserInteraction:
        """Dispatch ``event`` on every matched element, as the browser would.

        ``event`` is a DOM or component event (``"keydown"``, ``"update:modelValue"``), optionally
        with the modifiers a listener names, as shorthand for the event they ask for:
        ``"keydown.enter"`` is a keydown of Enter, ``"click.ctrl"`` a click with Ctrl held,
        ``"click.right"`` a right click (a ``contextmenu`` event); ``.stop``, ``.prevent``,
        ``.once`` and the like describe listeners and change nothing here. ``args`` are the
        event's arguments as the browser sends them; a dict first argument also holds the event's
        fields (``trigger("keydown", [{"key": "Enter"}])``). Without ``args``, a mouse or key event
        is sent as the browser reduces it (``type``, ``key``, ``button``, ``ctrlKey``...).

        Listeners fire as their modifiers say: ``keydown.enter`` only for Enter, ``click.ctrl``
        only with Ctrl, ``.once`` once. Mouse and key events bubble to the ancestors' listeners
        until a ``.stop`` (Quasar's checkboxes, toggles and radios stop clicks; a dialog's or menu's
        content bubbles no further than the popup), and open the menus anchored on the elements
        on their way. Fails if nothing listens to the event at all.
        """
        fields = _event_fields(event)
        if args and isinstance(args[0], dict):
            fields = {**fields, **args[0], "type": fields["type"]}   # the event named is the one dispatched
        for element in self.elements:
            if not self.user._dispatch(element, fields, args):
                raise AssertionError(f"{element!r} has no {event!r} listener")
        self.user._settle()
        return self

    def click(self) -> UserInteraction:
        """Click the matched elements as a person would.

        Open menus that the click is outside of close; a checkbox or switch (any element with a
        yes/no value) toggles; then mousedown, mouseup and click are dispatched on the element
        (see ``trigger``: they bubble, and open or close the menus anchored on the way; a click
        in an ``auto-close`` menu closes it). Fails for an element a person does not see, or a
        click that changes nothing.
        """
        for element in self.elements:
            self.user._require_shown(element, "click")
            closed = self.user._close_menus_outside(element)
            toggles = isinstance(element, ValueElement) and isinstance(element.value, bool)
            if isinstance(element, ValueElement) and toggles:  # the browser updates the value, then clicks
                self.user._emit(element, f"update:{element.VALUE_PROP}", [not element.value])
            reacted = [self.user._dispatch(element, _event_fields(event), None)
                       for event in ("mousedown", "mouseup", "click")]
            if not (closed or toggles or any(reacted)):
                raise AssertionError(f"{element!r} has no 'click' listener and no yes/no value to toggle")
            self.user._settle()
        return self

    def type(self, text: str) -> UserInteraction:
        """Type ``text`` at the end of each matched input, key by key, as a person would.

        Each key fires the keydown, keypress and keyup listeners, and the field sends its whole
        text after each key that changes it; ``"\\n"`` is Enter (a new line only in a textarea).
        A number field takes only what Chromium lets into it
        (digits, signs, one ``e``, one ``.`` before it) and sends what its text is as a number
        ("40", not 4.0 and a "0"), or "" while the text is no number yet ("-", "1e").
        """
        for element in self.elements:
            self.user._require_shown(element, "type into")
            if not _listens(element, "update:modelValue"):
                raise AssertionError(f"{element!r} has no 'update:modelValue' listener")
            self.user._type(element, text)
        return self

    def choose(self, *labels: str) -> UserInteraction:
        """Pick the options shown as ``labels`` in each matched radio, toggle or select, as a user
        clicking them would, except that a multiple select adds them to its choice (a click on
        an option already chosen would remove it). Picking the chosen button of a clearable toggle
        turns it off."""
        for element in self.elements:
            self.user._require_shown(element, "choose from")
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
        for element in self.elements:
            self.user._require_shown(element, "clear")
            self.user._typed.pop(element.id, None)
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
        # The page's state that only its browser holds:
        self._fired_once: set[str] = set()   # the `.once` listeners that have fired
        self._opened: set[int] = set()   # popups opened by clicks that the server does not follow
        self._typed: dict[int, _Typed] = {}   # fields typed into, by element id

    # -- pages ------------------------------------------------------------------------------------
    def open(self, path: str = "/") -> User:
        """Load ``path`` (following redirects) and connect to its page."""
        self.close()
        self._fired_once.clear()
        self._opened.clear()
        self._typed.clear()
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
            self._typed.clear()
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
            elif op[0] == "session":   # a handler wrote the session: adopt it, as flaskui.js does
                self.http.post(op[1])
            elif op[0] == "u" and "modelValue" in op[2].get("props", {}):
                self._typed.pop(op[1], None)   # the server rewrote the field

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

    # -- events, as the browser dispatches them ---------------------------------------------------------------
    def _emit(self, element: Element, type: str, args: list[Any]) -> None:
        """Send ``args`` to ``element``'s listeners of ``type`` (a component event)."""
        for listener in element.listeners.values():
            if listener.type == type:
                self._send({"t": "ev", "el": element.id, "l": listener.id, "args": args})

    def _dispatch(self, target: Element, fields: dict[str, Any], args: list[Any] | None) -> bool:
        """Dispatch the event ``fields["type"]`` on ``target`` (see ``UserInteraction.trigger``):
        capturing listeners from the top down, then the target's and, for mouse and key events,
        its ancestors' up to where the event stops. Whether anything listened or reacted."""
        event = {**fields, "defaultPrevented": False}   # changed on the way, as a DOM event is
        path = [target]
        if event["type"] in _MOUSE_EVENTS or event["type"] in _KEY_EVENTS:
            path += _bubbling_path(target)
        listened = False
        for capture, nodes in ((True, path[::-1]), (False, path)):
            for node in nodes:
                heard, stopped = self._fire(node, target, event, args, capture)
                listened |= heard or (not capture and self._react(node, event))
                if stopped or (not capture and event["type"] == "click" and node.tag in _CLICK_STOPPERS):
                    return listened
        end = path[-1]   # a click that left a dropdown button's content reaches its menu
        if event["type"] == "click" and end.parent is not None and end.parent.tag == "q-btn-dropdown" \
                and end.slot == "default":
            listened |= self._auto_close(end.parent)
        return listened

    def _fire(self, node: Element, target: Element, event: dict[str, Any], args: list[Any] | None,
              capture: bool) -> tuple[bool, bool]:
        """Fire ``node``'s listeners that ``event`` reaches in this phase: whether it has any for
        the event, and whether one stopped its propagation."""
        heard = stopped = False
        for listener in list(node.listeners.values()):
            binding = _binding(listener.type)
            if binding.event != event["type"] or binding.capture != capture:
                continue
            heard = True
            if binding.once and listener.id in self._fired_once:
                continue
            fires, stops, prevents = binding.admits(event, at_target=node is target)
            stopped |= stops
            event["defaultPrevented"] |= prevents
            if not fires:
                continue
            if binding.once:
                self._fired_once.add(listener.id)
            if args is not None:
                sent = [_picked(arg, listener.args) for arg in args]
            elif event["type"] in _MOUSE_EVENTS or event["type"] in _KEY_EVENTS:
                sent = [_picked(event, _SENT_FIELDS if listener.args is None else listener.args)]
            else:
                sent = []
            self._send({"t": "ev", "el": node.id, "l": listener.id, "args": sent})
        return heard, stopped

    def _react(self, node: Element, fields: dict[str, Any]) -> bool:
        """What Quasar does when the event reaches ``node`` (QMenu's use-anchor): a click or Enter's
        keyup toggles the menus anchored on it, a contextmenu opens its context menus, a click
        closes an ``auto-close`` menu it is inside. Whether anything happened."""
        event = fields["type"]
        reacted = False
        for child in node.children:
            anchored = not child.props.get("no-parent-event") and child.props.get("target", True) is True
            if child.tag != "q-menu" or not anchored:
                continue
            if child.props.get("context-menu"):
                if event == "contextmenu":
                    self._set_open(child, True)
                    reacted = True
            elif event == "click" or (event == "keyup" and fields.get("key") == "Enter"):
                self._set_open(child, not self._is_open(child))
                reacted = True
        if event == "click" and node.tag == "q-menu":
            reacted |= self._auto_close(node)
        return reacted

    def _auto_close(self, menu: Element) -> bool:
        """A click inside an open ``auto-close`` menu closes it; whether it did."""
        if menu.props.get("auto-close") and self._is_open(menu):
            self._set_open(menu, False)
            return True
        return False

    # -- popups ------------------------------------------------------------------------------------------------
    def _is_open(self, popup: Element) -> bool:
        if _listens(popup, "update:modelValue"):   # the server follows it
            return bool(popup.props.get("modelValue"))
        return popup.id in self._opened

    def _set_open(self, popup: Element, value: bool) -> None:
        if _listens(popup, "update:modelValue"):
            if self._is_open(popup) != value:
                self._emit(popup, "update:modelValue", [value])
        elif value:
            self._opened.add(popup.id)
        else:
            self._opened.discard(popup.id)

    def _close_menus_outside(self, target: Element) -> bool:
        """A press outside an open menu and its anchor closes it (Quasar's click-outside); whether
        one closed."""
        closed = False
        for popup in list(self._elements()):
            anchor = popup if popup.tag == "q-btn-dropdown" else popup.parent
            if (popup.tag in ("q-menu", "q-btn-dropdown") and anchor is not None and self._is_open(popup)
                    and not popup.props.get("persistent") and not _within(target, anchor)):
                self._set_open(popup, False)
                closed = True
        return closed

    # -- fields ------------------------------------------------------------------------------------------------
    def _type(self, element: Element, text: str) -> None:
        model = element.props.get("modelValue")
        typed = self._typed.get(element.id)
        if typed is None or type(typed.server_model) is not type(model) or typed.server_model != model:
            typed = _Typed(shown_text(model), received(model), model)   # the box shows the value
        kind = element.props.get("type")
        for character in text:
            key = {**_event_fields("keydown"), "key": "Enter" if character == "\n" else character}
            self._dispatch(element, key, None)
            self._dispatch(element, {**key, "type": "keypress"}, None)
            if character == "\n":
                enters = kind == "textarea"   # Enter adds a line to a textarea only
            else:
                enters = kind != "number" or _number_takes(typed.text, character)
            if enters:
                typed.text += character
                value = _number_value(typed.text) if kind == "number" else typed.text
                if not (isinstance(typed.sent, str) and typed.sent == value):   # QInput sends what changed
                    self._emit(element, "update:modelValue", [value])
                    typed.sent = value
            self._dispatch(element, {**key, "type": "keyup"}, None)
            self._settle()   # a person's keys come apart: the handlers of one run before the next
        typed.server_model = element.props.get("modelValue")
        self._typed[element.id] = typed

    # -- what a person sees --------------------------------------------------------------------------------
    def _renders(self, element: Element) -> bool:
        """Whether ``element`` itself is on screen, as far as its own state says."""
        if not element.visible:
            return False
        if element.tag in _POPUPS:
            return self._is_open(element)
        if element.tag in _BARS:
            model = element.props.get("modelValue")
            return model is None or bool(model)   # None: a drawer shown above the breakpoint
        return True

    def _shows_child(self, parent: Element, child: Element) -> bool:
        return not (parent.tag in _FOLDS and child.slot == "default" and not self._is_open(parent))

    def _is_shown(self, element: Element) -> bool:
        node: Element | None = element
        while node is not None:
            if node.deleted or not self._renders(node):
                return False
            if node.parent is not None and not self._shows_child(node.parent, node):
                return False
            node = node.parent
        return True

    def _require_shown(self, element: Element, action: str) -> None:
        if not self._is_shown(element):
            raise AssertionError(f"cannot {action} {element!r}: a person does not see it\n{self.tree()}")
        if isinstance(element, DisableableElement) and not element.enabled:   # the browser ignores it too
            raise AssertionError(f"cannot {action} {element!r}: it is disabled")

    def _elements(self) -> Iterator[Element]:
        """The elements a person sees, depth first."""
        if self.client is None:
            raise AssertionError("open a page first")
        stack = [self.client.layout]
        while stack:   # a stack, not nested generators: O(1) per element at any depth
            element = stack.pop()
            if self._renders(element):
                yield element
                stack.extend(child for child in reversed(element.children) if self._shows_child(element, child))

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
        the text are preferred to those that merely contain it. Only what a person sees counts:
        not an element with ``visible = False`` or anything inside it, nor the content of a closed
        dialog, menu or tooltip (a tooltip shows only under the pointer, which the simulated user
        has not), of a closed expansion or dropdown button (their header or button is seen), or a
        header, footer or drawer whose value is False. Waits up to ``timeout`` for at least one
        to appear.
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
        """Assert that a person sees no matching element (see ``find``), waiting up to ``timeout`` for
        them to go."""
        if not self._wait(lambda: not self._find_now(target, kind, marker, content)):
            raise AssertionError(f"still see {_describe(target, kind, marker)}\n{self.tree()}")

    def tree(self) -> str:
        """The page as text, one element per line, for failure messages; what a person does not see
        is marked ``(not shown)``."""
        if self.client is None:
            return "(no page open)"
        lines: list[str] = []

        def walk(element: Element, depth: int, shown: bool) -> None:
            shown = shown and self._renders(element)
            content = " ".join(repr(c) for c in element._user_content())
            markers = f" markers={sorted(element.markers)}" if element.markers else ""
            hidden = "" if shown else " (not shown)"
            lines.append(f"{'  ' * depth}{type(element).__name__} <{element.tag}> {content}{markers}".rstrip() + hidden)
            for child in element.children:
                walk(child, depth + 1, shown and self._shows_child(element, child))

        walk(self.client.layout, 0, True)
        return "\n".join(lines)


def _describe(target: object, kind: object, marker: object) -> str:
    parts = [repr(target)] if target is not None else []
    if kind is not None:
        parts.append(f"kind={getattr(kind, '__name__', kind)}")
    if marker is not None:
        parts.append(f"marker={marker!r}")
    return ", ".join(parts) or "anything"
