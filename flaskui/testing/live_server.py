"""Serve an app on a free 127.0.0.1 port from a background thread of the test process.

The server runs on its own gevent hub in its own thread, so the test's thread can use blocking
clients (a browser driver, ``ProtocolClient``) against it::

    with LiveServer(app) as server:
        urllib.request.urlopen(server.url + "/")
"""
from __future__ import annotations

import threading
from typing import Any

import gevent
from flask import Flask

from .. import shutdown
from ..server import make_server


class LiveServer:
    """``app`` served by flaskui's gevent server on ``self.url`` until ``stop()``."""

    def __init__(self, app: Flask, host: str = "127.0.0.1", port: int = 0) -> None:
        self.app = app
        self._host = host
        self._port = port
        self._server: Any = None
        self._started = threading.Event()
        self._thread = threading.Thread(target=self._serve, name="flaskui-live-server", daemon=True)
        self.url = ""

    def _serve(self) -> None:
        self._server = make_server(self.app, self._host, self._port)
        self._server.start()
        self.url = f"http://{self._host}:{self._server.server_port}"
        self._started.set()
        self._server._stop_event.wait()

    def start(self) -> LiveServer:
        self._thread.start()
        if not self._started.wait(10):
            raise RuntimeError("the live server did not start within 10 s")
        return self

    def stop(self) -> None:
        """Close the app's websockets with 1001 and stop serving (from any thread)."""
        if self._server is not None:
            self._server.loop.run_callback_threadsafe(gevent.spawn, self._stop_in_server_thread)
            self._thread.join(5)
            self._server = None

    def _stop_in_server_thread(self) -> None:
        shutdown.close_all(self.app)
        self._server.stop(1)

    def __enter__(self) -> LiveServer:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()
