"""URLs of flaskui's core routes as one tab reaches them, inside a request or not.

Event handlers and timers run outside any request; their URLs are built from the script root the
page was requested under, so ``SCRIPT_NAME`` and proxy prefixes hold there too::

    client_url(client, "media", token=files.token, key=key, name="cat.png")
    # -> "/mount/_flaskui/media/…/cat.png"
"""
from __future__ import annotations

from typing import TYPE_CHECKING, Any

from flask import has_request_context, url_for

if TYPE_CHECKING:
    from .client import Client


def client_url(client: Client, endpoint: str, **values: Any) -> str:
    """The path of the core route ``endpoint`` (e.g. ``"upload"``) for ``client``'s tab."""
    endpoint = f"{client.runtime.core_blueprint_name}.{endpoint}"
    if has_request_context():
        return url_for(endpoint, **values)
    adapter = client.app.url_map.bind("localhost", script_name=client.script_root or "/")
    return adapter.build(endpoint, values)
