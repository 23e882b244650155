"""The browser's identity in Flask's signed session cookie.

A page GET stores a random browser id in ``session`` (once per browser); its clients remember it,
and a websocket handshake is accepted only from a request whose session carries the same id. So a
client id seen by someone else (a log, a shoulder) is useless without that browser's cookie.
"""
from __future__ import annotations

import hmac
import secrets

from flask import session

BROWSER_KEY = "_flaskui_browser"


def same_browser(client_browser: str | None, request_browser: object) -> bool:
    """Whether a request's browser id (from its session) is the one a client was made for."""
    return (isinstance(request_browser, str) and client_browser is not None
            and hmac.compare_digest(client_browser, request_browser))


def browser_id() -> str:
    """This browser's id, created on its first page visit."""
    value = session.get(BROWSER_KEY)
    if not isinstance(value, str):
        value = session[BROWSER_KEY] = secrets.token_urlsafe(16)
    return value
