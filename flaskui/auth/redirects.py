"""Where to send the browser after signing in or out: same-origin paths only.

A ``next`` parameter that could name another site turns the sign-in into an open redirect, so it
must be a path on this origin, and nothing a browser or a proxy might read as one
(``//host``, ``/\\host``, ``/%2F%2Fhost``, tabs or newlines that browsers drop)::

    safe_next("/admin?tab=2")          # "/admin?tab=2"
    safe_next("//evil.example")        # None
    safe_next("https://evil.example")  # None
"""
from __future__ import annotations

from urllib.parse import unquote

from flask import request
from werkzeug.urls import iri_to_uri

MAX_LENGTH = 2048


def safe_next(value: object) -> str | None:
    """``value`` if it is a same-origin path (printable ASCII, starting with one ``/``), else None."""
    if not isinstance(value, str) or not value.startswith("/") or len(value) > MAX_LENGTH:
        return None
    if not all("!" <= character <= "~" for character in value):
        return None
    decoded = unquote(value)   # a proxy or app that decodes once must not find a host either
    if decoded.startswith("//") or any(character in decoded for character in "\\\t\r\n"):
        return None
    return value


def here() -> str:
    """The current request's URL as a same-origin path (with the app's mount point and query)."""
    path = iri_to_uri(request.script_root + request.path)
    query = request.query_string.decode("latin-1")
    return f"{path}?{query}" if query else path


def app_root() -> str:
    """The app's root path: the default place to land after signing in or out."""
    return request.script_root + "/"
