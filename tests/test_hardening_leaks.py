"""What must not outlive its use: a client whose socket failed a send, an upload a refresh replaced."""
from __future__ import annotations

import errno
import io
import json
import re
from typing import Any, Callable

import gevent
import gevent.event
from flask import Flask

import flaskui
from flaskui import UploadEventArguments, ui
from flaskui.connection import serve
from flaskui.errors import TransportClosed
from flaskui.runtime import Runtime
from flaskui.testing import User
from flaskui.testing.memory_transport import MemoryTransport

from .apps import create_app

RECONNECT_TIMEOUT = 0.2
_STATE = re.compile(r'<script type="application/json" id="flaskui-state">(.*?)</script>', re.S)


class BreakingSocket(MemoryTransport):
    """The server side of a tab's socket whose sends fail once ``broken`` (the peer vanished) while
    its reader has not noticed yet: it ends only at ``disconnect``."""

    def __init__(self) -> None:
        self.messages: list[dict[str, Any]] = []
        super().__init__(self.messages.append)
        self.broken = False

    def send(self, text: str) -> None:
        if self.broken:
            raise OSError(errno.EPIPE, "Broken pipe")
        super().send(text)


def wait_for(condition: Callable[[], bool], timeout: float = 5.0) -> bool:
    """Let the server's greenlets run until ``condition`` holds (or ``timeout``)."""
    with gevent.Timeout(timeout, False):
        while not condition():
            gevent.sleep(0.005)
        return True
    return False


class Tab:
    """A page of the counter app and the sockets it opens, served in-process."""

    def __init__(self, app: Flask) -> None:
        html = app.test_client().get("/").get_data(as_text=True)
        match = _STATE.search(html)
        assert match is not None
        self.runtime = Runtime.of(app)
        self.client_id = json.loads(match.group(1))["client"]
        client = self.runtime.clients.get(self.client_id)
        assert client is not None
        self.client = client
        self.browser_id = client.browser_id

    def connect(self) -> tuple[BreakingSocket, gevent.Greenlet]:
        socket = BreakingSocket()

        def run() -> None:
            try:
                serve(self.runtime, socket, self.browser_id)
            except TransportClosed:
                pass

        reader = gevent.spawn(run)
        socket.post({"t": "hello", "client": self.client_id, "tab": "tab-1", "last": 0})
        assert wait_for(lambda: bool(socket.messages)), "no answer to the handshake"
        return socket, reader


def click(socket: BreakingSocket) -> None:
    socket.post({"t": "ev", "el": 5, "l": "1", "args": []})   # the counter page's button


def test_a_client_whose_send_failed_is_disconnected_and_deleted_after_its_reconnect_timeout() -> None:
    tab = Tab(create_app(FLASKUI_RECONNECT_TIMEOUT=RECONNECT_TIMEOUT))
    disconnected, deleted = gevent.event.Event(), gevent.event.Event()
    tab.client.on_disconnect(disconnected.set)
    tab.client.on_delete(deleted.set)
    socket, reader = tab.connect()
    assert socket.messages[0]["t"] == "hi"
    socket.broken = True
    click(socket)   # its frame cannot be sent
    assert wait_for(lambda: not tab.client.is_connected)
    socket.disconnect()   # then the reader hears the end too
    reader.join(5)
    assert disconnected.wait(5), "the disconnect hooks ran"
    assert deleted.wait(RECONNECT_TIMEOUT + 5), "the client was deleted after its reconnect timeout"
    assert tab.runtime.clients.get(tab.client_id) is None
    again, _ = tab.connect()
    assert again.messages == [{"t": "reload"}]


def test_a_failed_socket_that_ends_after_the_tab_reconnected_leaves_the_new_socket_attached() -> None:
    tab = Tab(create_app(FLASKUI_RECONNECT_TIMEOUT=RECONNECT_TIMEOUT))
    disconnected = gevent.event.Event()
    tab.client.on_disconnect(disconnected.set)
    old, old_reader = tab.connect()
    old.broken = True
    click(old)
    assert wait_for(lambda: not tab.client.is_connected)
    new, _ = tab.connect()
    assert new.messages[0] == {"t": "hi", "frame": 1, "window": 128}
    old.disconnect()
    old_reader.join(5)
    gevent.idle()   # hooks it would have spawned
    assert not disconnected.is_set()
    click(new)
    assert wait_for(lambda: any(m["t"] == "f" and m["ops"] == [["u", 4, {"text": "2"}]] for m in new.messages))


def refreshed_upload_app() -> tuple[Flask, list[tuple[int, str]]]:
    """A page whose refreshable section holds an upload whose handler says which build it is of."""
    pages = flaskui.Blueprint("pages", __name__)
    ran: list[tuple[int, str]] = []

    @pages.page("/")
    def index() -> None:
        builds = [0]

        @ui.refreshable
        def section() -> None:
            build = builds[0]

            def received(event: UploadEventArguments) -> None:
                ran.append((build, event.file.name))

            ui.upload(on_upload=received)

        def refresh() -> None:
            builds[0] += 1
            section.refresh()

        section()
        ui.button("refresh", on_click=refresh)

    app = Flask(__name__)
    app.config["SECRET_KEY"] = "test"
    app.register_blueprint(pages)
    return app, ran


def post(user: User, url: str, name: str) -> Any:
    return user.http.post(url, data={"file": [(io.BytesIO(b"abc"), name)]}, content_type="multipart/form-data")


def test_after_a_refresh_the_old_upload_url_answers_404_and_no_old_handler_runs() -> None:
    app, ran = refreshed_upload_app()
    user = User(app)
    user.open("/")
    old_url = user.find(kind=ui.upload).elements[0].props["url"]
    for _ in range(2):
        user.find("refresh").click()
    upload = user.find(kind=ui.upload).elements[0]
    assert upload.props["url"] != old_url
    assert post(user, old_url, "old.txt").status_code == 404
    assert post(user, upload.props["url"], "new.txt").status_code == 200
    assert ran == [(2, "new.txt")]
