"""``bench_app`` with every gevent socket read and write timestamped, for ``rtt_legs.py``.

    cd benchmarks/apps && flaskui run timed_app:app --port 8080

``GET /_socket_marks`` returns and clears the marks: ``[kind, time.time(), bytes, fd]`` with kind
``"r"`` (a ``recv`` returned) or ``"s"`` (a ``send``/``sendall`` began).
"""
from __future__ import annotations

import time
from typing import Any

from flask import jsonify
from flask.typing import ResponseReturnValue
from gevent import _socket3

from bench_app import app

MARKS: list[tuple[str, float, int, int]] = []
_recv, _send, _sendall = _socket3.socket.recv, _socket3.socket.send, _socket3.socket.sendall


def _timed_recv(self: Any, *args: Any, **kwargs: Any) -> bytes:
    data: bytes = _recv(self, *args, **kwargs)
    MARKS.append(("r", time.time(), len(data), self.fileno()))
    return data


def _timed_send(self: Any, data: bytes, *args: Any, **kwargs: Any) -> int:
    MARKS.append(("s", time.time(), len(data), self.fileno()))
    return int(_send(self, data, *args, **kwargs))


def _timed_sendall(self: Any, data: bytes, *args: Any, **kwargs: Any) -> None:
    MARKS.append(("s", time.time(), len(data), self.fileno()))
    _sendall(self, data, *args, **kwargs)


_socket3.socket.recv = _timed_recv
_socket3.socket.send = _timed_send
_socket3.socket.sendall = _timed_sendall


@app.get("/_socket_marks")
def socket_marks() -> ResponseReturnValue:
    taken = list(MARKS)
    MARKS.clear()
    return jsonify(taken)
