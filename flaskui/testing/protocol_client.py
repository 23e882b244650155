"""A browser-less client of the flaskui protocol, for tests against a live server.

It fetches a page like a browser (keeping the session cookie), opens the page's websocket, and
speaks the protocol of docs/architecture.md. ``elements`` mirrors the browser's store: frames
and snapshots are applied to it as the JavaScript front-end would::

    page = ProtocolClient(server.url).open("/")
    page.connect()
    page.click(page.find_text("Click"))
    page.wait_for(lambda: page.texts().count("1") == 1)
"""
from __future__ import annotations

import http.cookiejar
import json
import re
import time
import urllib.request
from typing import TYPE_CHECKING, Any, Callable
from urllib.parse import urljoin, urlsplit

if TYPE_CHECKING:
    import websocket

_STATE = re.compile(r'<script type="application/json" id="flaskui-state">(.*?)</script>', re.S)


class ProtocolClient:
    """One simulated tab: a page load, then one websocket at a time.

    Args:
        base_url: the live server's URL, e.g. ``http://127.0.0.1:5123``.
        cookies: share a cookie jar between clients to act as one browser.
        headers: sent with every request and the websocket upgrade (``Accept-Language``...).
    """

    def __init__(self, base_url: str, cookies: http.cookiejar.CookieJar | None = None,
                 headers: dict[str, str] | None = None) -> None:
        self.base_url = base_url.rstrip("/")
        self.cookies = cookies if cookies is not None else http.cookiejar.CookieJar()
        self.headers = headers or {}
        self._opener = urllib.request.build_opener(urllib.request.HTTPCookieProcessor(self.cookies))
        self._opener.addheaders = list(self.headers.items())
        self.state: dict[str, Any] = {}
        self.elements: dict[int, dict[str, Any]] = {}
        self.parents: dict[int, int] = {}
        self.root = 0
        self.last_frame = 0
        self.tab = "tab-" + str(id(self))
        self.ws: websocket.WebSocket | None = None
        self.received: list[dict[str, Any]] = []
        self.javascript: list[list[Any]] = []
        self.notifications: list[dict[str, Any]] = []
        self.navigations: list[list[Any]] = []
        self.downloads: list[list[Any]] = []
        self.components: dict[str, str] = {}
        #: acknowledge frames as the browser does once it rendered them (flow control)
        self.auto_ack = True

    # -- page --------------------------------------------------------------------------------------
    def open(self, path: str = "/") -> ProtocolClient:
        """GET the page and load its initial state."""
        with self._opener.open(self.base_url + path, timeout=10) as response:
            html = response.read().decode()
        match = _STATE.search(html)
        if match is None:
            raise AssertionError(f"no flaskui state in the page at {path}")
        self.state = json.loads(match.group(1))
        self._load(self.state["root"], self.state["elements"], self.state["frame"])
        self.components = dict(self.state["components"])
        return self

    @property
    def client_id(self) -> str:
        return str(self.state["client"])

    def cookie_header(self) -> str:
        return "; ".join(f"{c.name}={c.value}" for c in self.cookies)

    # -- socket --------------------------------------------------------------------------------------
    def connect(self, *, origin: str | None = None, cookie: str | None = None, client_id: str | None = None,
                last: int | None = None, handshake: bool = True) -> dict[str, Any] | None:
        """Open the websocket and (by default) handshake; returns the ``hi`` message."""
        import websocket  # websocket-client: the ``testing`` extra

        host = urlsplit(self.base_url).netloc
        self.ws = websocket.create_connection(
            f"ws://{host}{self.state['ws']}", timeout=10,
            origin=origin if origin is not None else self.base_url,
            cookie=cookie if cookie is not None else self.cookie_header(),
            header=[f"{name}: {value}" for name, value in self.headers.items()],
        )
        if not handshake:
            return None
        self.send({"t": "hello", "client": client_id or self.client_id, "tab": self.tab,
                   "last": self.last_frame if last is None else last})
        return self.wait_for_message(lambda m: m["t"] in ("hi", "err", "reload"))

    def send(self, message: dict[str, Any] | str) -> None:
        assert self.ws is not None, "not connected"
        self.ws.send(message if isinstance(message, str) else json.dumps(message))

    def receive(self, timeout: float = 5.0) -> dict[str, Any]:
        """The next message (applied to ``elements`` if it is a frame or snapshot)."""
        assert self.ws is not None, "not connected"
        self.ws.settimeout(timeout)
        raw = self.ws.recv()
        if not raw:
            raise ConnectionError(f"socket closed: {self.ws.status}")
        message: dict[str, Any] = json.loads(raw)
        self.received.append(message)
        self._apply(message)
        if message["t"] in ("f", "snap") and self.auto_ack:
            self.send({"t": "ack", "id": self.last_frame})
        return message

    def wait_for_message(self, predicate: Callable[[dict[str, Any]], bool], timeout: float = 5.0) -> dict[str, Any]:
        """Receive until a message satisfies ``predicate``."""
        deadline = time.monotonic() + timeout
        while True:
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError("no matching message")
            message = self.receive(remaining)
            if predicate(message):
                return message

    def wait_for(self, condition: Callable[[], bool], timeout: float = 5.0) -> None:
        """Receive until ``condition()`` holds for the mirrored state."""
        deadline = time.monotonic() + timeout
        while not condition():
            remaining = deadline - time.monotonic()
            if remaining <= 0:
                raise TimeoutError("condition not reached")
            self.receive(remaining)

    def close_code(self, timeout: float = 5.0) -> int:
        """Read until the server closes; the close code it sent."""
        import websocket

        assert self.ws is not None
        self.ws.settimeout(timeout)
        while True:
            opcode, data = self.ws.recv_data(control_frame=True)
            if opcode == websocket.ABNF.OPCODE_CLOSE:
                return int.from_bytes(data[:2], "big") if len(data) >= 2 else 1005
            if opcode == websocket.ABNF.OPCODE_TEXT:
                message = json.loads(data)
                self.received.append(message)
                self._apply(message)

    def disconnect(self) -> None:
        """Drop the socket without a close handshake (like a lost network)."""
        if self.ws is not None:
            self.ws.sock.close() if self.ws.sock else None
            self.ws = None

    # -- events ------------------------------------------------------------------------------------------
    def trigger(self, element_id: int, event_type: str, args: list[Any] | None = None) -> None:
        """Fire the element's listener for ``event_type`` like the browser would."""
        element = self.elements[element_id]
        for listener in element.get("events", []):
            if listener["type"] == event_type:
                if listener.get("sync") and args:
                    element.setdefault("props", {})[listener["sync"]] = args[0]
                self.send({"t": "ev", "el": element_id, "l": listener["l"], "args": args or []})
                return
        raise AssertionError(f"element {element_id} has no {event_type!r} listener")

    def click(self, element_id: int) -> None:
        self.trigger(element_id, "click")

    # -- mirrored state --------------------------------------------------------------------------------------
    def find_text(self, text: str) -> int:
        """The id of the first element showing exactly ``text``."""
        for element_id in self.descendants(self.root):
            if self.elements[element_id].get("text") == text:
                return element_id
        raise AssertionError(f"no element with text {text!r}; texts: {self.texts()}")

    def descendants(self, element_id: int) -> list[int]:
        result = [element_id]
        for child in self.elements[element_id].get("children", []):
            result.extend(self.descendants(child))
        return result

    def texts(self) -> list[str]:
        """Texts of the tree in document order."""
        return [t for i in self.descendants(self.root) if (t := self.elements[i].get("text")) is not None]

    def _load(self, root: int, elements: dict[str, Any], frame: int) -> None:
        self.elements = {}
        self.parents = {}
        self._add(elements)
        self.root = root
        self.last_frame = frame

    def _add(self, elements: dict[str, Any]) -> None:
        for key, element in elements.items():
            self.elements[int(key)] = element
        for key, element in elements.items():
            for child in element.get("children", []):
                self.parents[child] = int(key)

    def _detach(self, element_id: int) -> None:
        parent = self.parents.pop(element_id, None)
        if parent is not None and parent in self.elements:
            self.elements[parent]["children"].remove(element_id)

    def _insert(self, parent: int, before: int | None, child: int) -> None:
        children = self.elements[parent].setdefault("children", [])
        children.insert(children.index(before) if before is not None else len(children), child)
        self.parents[child] = parent

    def _forget(self, element_id: int) -> None:
        for child in self.elements.pop(element_id, {}).get("children", []):
            if self.parents.get(child) == element_id:
                self._forget(child)

    def _apply(self, message: dict[str, Any]) -> None:
        if message["t"] == "snap":
            self.components.update(message["components"])
            self._load(message["root"], message["elements"], message["id"])
        elif message["t"] == "f":
            if message["id"] != self.last_frame + 1:
                raise AssertionError(f"frame {message['id']} after frame {self.last_frame}")
            self.last_frame = message["id"]
            for op in message["ops"]:
                self._apply_op(op)

    def _at(self, element_id: int, path: list[Any]) -> Any:
        target = self.elements[element_id].setdefault("props", {})
        for key in path:
            target = target[key]
        return target

    def _apply_op(self, op: list[Any]) -> None:
        kind = op[0]
        if kind == "u":
            element = self.elements[op[1]]
            patch = op[2]
            for key in ("text", "classes", "style", "events", "hidden"):
                if key in patch:
                    element[key] = patch[key]
            element.setdefault("props", {}).update(patch.get("props", {}))
            for key in patch.get("unset", []):
                element["props"].pop(key, None)
        elif kind == "a":
            _, parent, before, child, subtree = op
            for key in subtree:
                if int(key) in self.parents:
                    self._detach(int(key))
            self._add(subtree)
            self._insert(parent, before, child)
        elif kind == "m":
            _, child, parent, before = op
            self._detach(child)
            self._insert(parent, before, child)
        elif kind == "d":
            _, parent, child = op
            self._detach(child)
            self._forget(child)
        elif kind == "l":
            _, element_id, path, start, delete_count, items = op
            self._at(element_id, path)[start:start + delete_count] = items
        elif kind == "p":
            _, element_id, path, value = op
            self._at(element_id, path[:-1])[path[-1]] = value
        elif kind == "c":
            self.components.update(op[1])
        elif kind == "js":
            self.javascript.append(op)
        elif kind == "n":
            self.notifications.append(op[1])
        elif kind == "nav":
            self.navigations.append(op)
        elif kind == "dl":
            self.downloads.append(op)
        elif kind == "session":   # a handler wrote the session: adopt it, as flaskui.js does
            request = urllib.request.Request(urljoin(self.base_url + "/", op[1]), method="POST")
            with self._opener.open(request, timeout=10):
                pass
