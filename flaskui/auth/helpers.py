"""Sign-in and sign-out for buttons and links.

    ui.button("Sign in", on_click=lambda: flaskui.login(provider="github"))
    ui.button("Sign out", on_click=flaskui.logout)

In a handler there is no request to redirect, so ``login`` and ``logout`` navigate the tab.
Signing out must be a POST with a CSRF token (a plain link would let any site sign users out):
``logout`` sends the tab to the sign-out page with a short-lived ticket bound to this browser,
and the page submits its own form when the ticket is valid (without JavaScript, or with a stale
ticket, it shows a "Sign out" button). Outside a tab, link to ``login_url()`` / ``logout_url()``,
or post your own form with ``csrf_token()`` to ``logout_url()``.
"""
from __future__ import annotations

from typing import TYPE_CHECKING
from urllib.parse import urlencode

from flask import has_request_context, url_for

from ..context import current_client
from ..runtime import Runtime
from ..urls import client_url
from ..session import browser_id
from . import tokens
from .config import AuthConfigError
from .redirects import here, safe_next

if TYPE_CHECKING:
    from ..client import Client


def _ui_client() -> Client | None:
    try:
        return current_client()
    except RuntimeError:
        return None


def _tab() -> Client:
    client = _ui_client()
    if client is None:
        raise RuntimeError("flaskui.login() and flaskui.logout() navigate a tab: call them in an event handler "
                           "(a Flask view redirects to flaskui.auth.login_url() or logout_url() instead)")
    return client


def _base(provider: str | None = None) -> str:
    """``{prefix}/_flaskui/auth`` as the browser sees it."""
    runtime = Runtime.of()
    if runtime.auth_config is None:
        raise AuthConfigError("sign-in is not configured: set app.config['FLASKUI_AUTH'] before registering "
                              "the first flaskui Blueprint")
    providers = runtime.auth_config.providers
    if provider is not None and provider not in providers:
        raise ValueError(f"unknown sign-in provider {provider!r} (configured: {', '.join(providers)})")
    client = _ui_client()
    if client is not None:
        logout = client_url(client, "auth_logout")
    else:
        logout = url_for(f"{runtime.core_blueprint_name}.auth_logout")
    return logout.removesuffix("/logout")


def _with_next(url: str, next: str | None, **query: str) -> str:
    """``url`` with ``next`` if that is a same-origin path."""
    target = safe_next(next)
    if target is not None:
        query["next"] = target
    return f"{url}?{urlencode(query)}" if query else url


def _current_page() -> str | None:
    client = _ui_client()
    return client.auth.page_url if client is not None else here() if has_request_context() else None


def login_url(provider: str | None = None, next: str | None = None) -> str:
    """The URL that signs in and then opens ``next``.

    Args:
        provider: a name from ``FLASKUI_AUTH["providers"]``; None: the only one, or a choice.
        next: a same-origin path (default: the current page); anything else lands on the app's root.
    """
    path = f"{_base(provider)}/login" + (f"/{provider}" if provider else "")
    return _with_next(path, _current_page() if next is None else next)


def logout_url(next: str | None = None) -> str:
    """The sign-out page (its form posts the CSRF token), then ``next`` (default: the app's root)."""
    return _with_next(f"{_base()}/logout", next)


def csrf_token() -> str:
    """The CSRF token for a form that posts to ``logout_url()`` (in a request, e.g. a template)."""
    return tokens.csrf_token(browser_id())


def login(*, provider: str | None = None, next: str | None = None) -> None:
    """Send the current tab to sign in (in an event handler); see ``login_url``."""
    _tab().open(login_url(provider, next))


def logout(*, next: str | None = None) -> None:
    """Sign the current tab's browser out (in an event handler), then open ``next``."""
    client = _tab()
    ticket = {"ticket": tokens.sign(client.browser_id, tokens.TICKET)} if client.browser_id else {}
    client.open(_with_next(f"{_base()}/logout", next, **ticket))
