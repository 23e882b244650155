"""Downloads the server starts: a single-use URL per download, then a ``dl`` op to the tab.

The content never travels over the websocket: it waits in the client's ``ClientFiles`` under a
random key until the owning browser fetches
``{prefix}/_flaskui/download/<client token>/<key>`` once (a HEAD does not count), as an
attachment whose non-ASCII name survives (RFC 5987 ``filename*``)::

    url = offer(client, Source("report.csv", "text/csv", data=b"a,b\\n1,2\\n"))
    client.outbox.enqueue_message(["dl", url, "report.csv"])
"""
from __future__ import annotations

import secrets
from typing import TYPE_CHECKING

from flask import current_app, request
from werkzeug.wrappers import Response

from .responses import Source, send
from ..urls import client_url
from .store import FileRegistry

if TYPE_CHECKING:
    from ..client import Client


def offer(client: Client, source: Source) -> str:
    """Keep ``source`` for one download by ``client``'s browser; returns its URL."""
    files = FileRegistry.of(client.app).client_files(client)
    key = secrets.token_urlsafe(16)
    files.downloads[key] = source
    return client_url(client, "download", token=files.token, key=key)


def download_view(token: str, key: str) -> Response:
    """``GET {prefix}/_flaskui/download/<token>/<key>``: the download, once, to the owning browser."""
    files, source = FileRegistry.of(current_app).owned_entry(token, key, "downloads")
    if request.method == "GET":
        del files.downloads[key]
    return send(source, cache="private, no-store", as_attachment=True)
