"""The embedded server: ``flaskui.run(app)`` serves the app with gevent's WSGI server.

gevent needs the standard library monkey-patched so that blocking calls in handlers (``time.sleep``,
sockets, database drivers) yield to other tabs. ``run`` patches on its own if nothing did before;
``flaskui run module:app`` patches before your module is imported.
"""
from __future__ import annotations

import gc
import logging
import signal
import socket
import sys
from typing import TYPE_CHECKING, Any

from flask import Flask

from . import shutdown

if TYPE_CHECKING:
    from _typeshed.wsgi import WSGIApplication

log = logging.getLogger("flaskui")


def patch() -> None:
    """Monkey-patch the standard library for gevent, once."""
    from gevent import monkey

    if not monkey.is_module_patched("socket"):
        monkey.patch_all()


def make_server(app: WSGIApplication, host: str, port: int, access_log: bool = False) -> object:
    """A ``gevent.pywsgi.WSGIServer`` for ``app`` (not started) whose handler ends upgraded connections
    and reads no more of a request's body on a connection it closes.

    After a websocket closes, gevent's handler would read the browser's late close frame as a new
    HTTP request ("Invalid HTTP method"); ``close_connection`` ends the connection instead. And
    gevent reads whatever is left of a request's body after the answer (``handle_one_response``),
    even when the connection then closes: for an upload refused with 413 (``Connection: close``)
    that was the whole body, ~1 GB/s, while the browser went on sending. Left unread, closing the
    socket resets the connection, so the browser stops.
    """
    from gevent.pywsgi import Input, WSGIHandler, WSGIServer

    class Handler(WSGIHandler):  # type: ignore[misc]
        def __init__(self, sock: socket.socket, *args: Any, **kwargs: Any) -> None:
            # Headers and body leave in separate writes: without TCP_NODELAY a keep-alive
            # client's delayed ACK holds each response back ~40 ms (gunicorn sets it too).
            sock.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
            super().__init__(sock, *args, **kwargs)

        def run_application(self) -> None:
            super().run_application()
            if self.environ.get("HTTP_UPGRADE", "").lower() == "websocket":
                self.close_connection = True
            if self.close_connection:
                self.wsgi_input = Input(self.rfile, 0)   # what gevent then reads to discard: nothing

    return WSGIServer((host, port), app, handler_class=Handler, log=sys.stderr if access_log else None)


def _debugger(app: Flask, host: str) -> WSGIApplication:
    """``app`` behind Werkzeug's interactive debugger, as ``flask run --debug`` (``run_simple``) sets it up.

    An exception in a page function reaches it because debug mode makes Flask propagate exceptions;
    its error page's console evaluates code in a frame once unlocked with the PIN (``WERKZEUG_DEBUG_PIN``
    sets it, ``off`` disables it). The frames are kept in this process, which gevent's server is.
    """
    from werkzeug.debug import DebuggedApplication

    debugged = DebuggedApplication(app, evalex=True)
    debugged.trusted_hosts.append(host)  # besides localhost, as run_simple allows the host it serves
    return debugged


def run(app: Flask, host: str = "127.0.0.1", port: int = 8080, debug: bool = False) -> None:
    """Serve ``app`` until SIGINT or SIGTERM.

    Args:
        app: the Flask app with flaskui Blueprints registered.
        host: the interface to listen on.
        port: the TCP port.
        debug: Flask debug mode, an access log, and Werkzeug's interactive debugger for exceptions
            in pages (``_debugger``).

    On SIGINT/SIGTERM every open websocket is closed with 1001 so tabs reconnect at once.
    """
    patch()
    import gevent

    served: WSGIApplication = app
    if debug:
        app.debug = True
        served = _debugger(app, host)
    logging.basicConfig(level=logging.DEBUG if debug else logging.INFO, format="%(levelname)s %(name)s: %(message)s")
    server = make_server(served, host, port, access_log=debug)
    # Pages hold many small objects until their tab connects or is pruned; with the default
    # thresholds the cyclic GC spent most of a page GET traversing them. Objects alive now (the
    # app, its modules) are frozen out of collections.
    gc.freeze()
    gc.set_threshold(20_000, 20, 20)
    # And each page's objects are frozen once it is built (flaskui.collector).
    app.config.setdefault("FLASKUI_GC_FREEZE_INTERVAL", 300)

    def stop() -> None:
        shutdown.close_all(app)
        server.stop(timeout=2)  # type: ignore[attr-defined]

    gevent.signal_handler(signal.SIGTERM, stop)
    gevent.signal_handler(signal.SIGINT, stop)
    print(f"flaskui: serving {app.name} on http://{host}:{port}", flush=True)
    server.serve_forever()  # type: ignore[attr-defined]
