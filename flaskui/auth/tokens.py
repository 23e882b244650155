"""Signed tokens bound to one browser id, for signing out safely.

The logout form carries a CSRF token; a tab told to sign out by a handler (``flaskui.logout()``)
is sent to the logout page with a short-lived ticket, which lets that page submit its form by
itself. Both are HMACs over the browser id with the app's secret key, so any worker can check
them and nothing is stored::

    token = csrf_token(browser)
    assert verify(token, browser, CSRF)
    assert not verify(token, other_browser, CSRF)
"""
from __future__ import annotations

from typing import Literal

from flask import current_app
from itsdangerous import BadSignature, URLSafeTimedSerializer

Purpose = Literal["csrf", "ticket"]
CSRF: Purpose = "csrf"
TICKET: Purpose = "ticket"

#: Seconds a token stays valid: a logout form may sit in an open page for a day; a ticket is
#: used by the page the tab is sent to right away.
MAX_AGE = {CSRF: 24 * 3600, TICKET: 300}


def _serializer(purpose: Purpose) -> URLSafeTimedSerializer:
    return URLSafeTimedSerializer(current_app.secret_key or "", salt=f"flaskui.auth.{purpose}")


def sign(browser_id: str, purpose: Purpose) -> str:
    """A token for ``browser_id`` (needs an app context)."""
    return _serializer(purpose).dumps(browser_id)


def csrf_token(browser_id: str) -> str:
    return sign(browser_id, CSRF)


def verify(token: object, browser_id: object, purpose: Purpose) -> bool:
    """Whether ``token`` was made for ``browser_id`` and ``purpose`` and has not expired."""
    if not isinstance(token, str) or not token or not isinstance(browser_id, str):
        return False
    try:
        return bool(_serializer(purpose).loads(token, max_age=MAX_AGE[purpose]) == browser_id)
    except BadSignature:
        return False
