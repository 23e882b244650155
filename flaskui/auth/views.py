"""The sign-in routes under the core blueprint, added when ``FLASKUI_AUTH`` is configured.

| route | what |
| --- | --- |
| ``GET {prefix}/_flaskui/auth/login?next=/path`` | the only provider's sign-in, or a page to choose one |
| ``GET {prefix}/_flaskui/auth/login/<provider>?next=/path`` | redirect to the provider (state, nonce, PKCE) |
| ``GET {prefix}/_flaskui/auth/callback/<provider>`` | check the answer, keep the user in the session, go to ``next`` |
| ``GET {prefix}/_flaskui/auth/logout`` | a "Sign out" form (submits itself when given a valid ``ticket``) |
| ``POST {prefix}/_flaskui/auth/logout`` | with its CSRF token: clear the session, mark the browser's |
|  | tabs signed out, then the provider's own logout if it has one |

``next`` is only ever a same-origin path (``redirects.safe_next``); anything else lands on the
app's root.
"""
from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import flask
from flask import Flask, Response, abort, redirect, render_template_string, request, session, url_for
from flask.sessions import SecureCookieSessionInterface
from flask.typing import ResponseReturnValue
from werkzeug.wrappers import Response as BaseResponse

from ..runtime import Runtime
from ..session import BROWSER_KEY, browser_id
from . import tokens
from .config import AuthConfig, AuthConfigError
from .identity import USER_KEY, session_user
from .redirects import app_root, here, safe_next

if TYPE_CHECKING:
    from .providers import Auth

log = logging.getLogger("flaskui")

_PAGE = """<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>{{ title }}</title><link rel="icon" href="data:,">
<style>
body { font-family: system-ui, sans-serif; max-width: 30rem; margin: 4rem auto; padding: 0 1rem; color: #222 }
.button { display: block; margin: .5rem 0; padding: .7rem 1rem; border: 0; border-radius: 4px; width: 100%;
          background: #1976d2; color: #fff; font: inherit; text-align: center; text-decoration: none; cursor: pointer }
</style></head>
<body><h1>{{ title }}</h1>
{%- if message %}<p>{{ message }}</p>{% endif %}
{%- for url, label in links %}<a class="button" href="{{ url }}">{{ label }}</a>{% endfor %}
{%- if form %}
<form id="flaskui-logout" method="post" action="{{ form.action }}">
<input type="hidden" name="csrf_token" value="{{ form.csrf_token }}">
<input type="hidden" name="next" value="{{ form.next }}">
<button class="button" type="submit">Sign out</button></form>
{%- if form.auto %}<script>document.getElementById("flaskui-logout").submit()</script>{% endif %}
{%- endif %}
</body></html>
"""


def _page(title: str, status: int = 200, *, message: str = "", links: list[tuple[str, str]] | None = None,
          form: dict[str, object] | None = None) -> BaseResponse:
    body = render_template_string(_PAGE, title=title, message=message, links=links or [], form=form)
    return _no_store(Response(body, status, mimetype="text/html"))


def _no_store(response: BaseResponse) -> BaseResponse:
    response.headers["Cache-Control"] = "no-store"
    return response


def _auth() -> Auth:
    auth = Runtime.of().auth
    assert auth is not None, "the sign-in routes exist only with FLASKUI_AUTH"
    return auth


def choose() -> ResponseReturnValue:
    """``/auth/login``: straight to the only provider, or a page listing them."""
    auth = _auth()
    next = safe_next(request.args.get("next")) or app_root()
    if len(auth.clients) == 1:
        (name,) = auth.clients
        return _no_store(redirect(url_for(".auth_login", provider=name, next=next)))
    links = [(url_for(".auth_login", provider=name, next=next), f"Sign in with {provider.title}")
             for name, provider in auth.config.providers.items()]
    return _page("Sign in", links=links)


def login(provider: str) -> ResponseReturnValue:
    """``/auth/login/<provider>``: off to the provider's authorization endpoint."""
    auth = _auth()
    if provider not in auth.clients:
        abort(404)
    from .providers import PROVIDER_ERRORS  # lazily: see Runtime.auth

    next = safe_next(request.args.get("next")) or app_root()
    callback = url_for(".auth_callback", provider=provider, _external=True)
    try:
        return _no_store(redirect(auth.start(provider, callback, next)))
    except PROVIDER_ERRORS as error:
        log.warning("flaskui: sign-in with %s cannot start: %r", provider, error)
        return _page("Sign-in is unavailable", 502, message=f"{auth.config.providers[provider].title} did not answer.",
                     links=[(here(), "Try again")])


def callback(provider: str) -> ResponseReturnValue:
    """``/auth/callback/<provider>``: the provider's answer; a valid one signs the browser in."""
    auth = _auth()
    if provider not in auth.clients:
        abort(404)
    from .providers import SignInError  # lazily: see Runtime.auth

    try:
        user, next = auth.finish(provider)
    except SignInError as error:
        log.warning("flaskui: sign-in with %s refused: %s", provider, error)
        return _page("Sign-in failed", 400, message="The answer from the sign-in provider was not valid.",
                     links=[(url_for(".auth_login", provider=provider), "Try again")])
    previous = session_user()
    session[USER_KEY] = user.to_session()
    browser = session.get(BROWSER_KEY)
    if previous.is_authenticated and previous != user and isinstance(browser, str):
        Runtime.of().sign_outs.publish(browser)   # tabs built for the previous user must not act for it
    return _no_store(redirect(safe_next(next) or app_root()))


def logout() -> ResponseReturnValue:
    """``GET``: the sign-out form; ``POST`` (with its CSRF token): sign out."""
    auth = _auth()
    if request.method == "GET":
        own = browser_id()
        form = {"action": url_for(".auth_logout"), "csrf_token": tokens.csrf_token(own),
                "next": safe_next(request.args.get("next")) or "",
                "auto": tokens.verify(request.args.get("ticket"), own, tokens.TICKET)}
        return _page("Sign out", form=form)
    browser = session.get(BROWSER_KEY)
    if not isinstance(browser, str) or not tokens.verify(request.form.get("csrf_token"), browser, tokens.CSRF):
        abort(400, description="missing or invalid CSRF token")
    user = session_user()
    next = safe_next(request.form.get("next")) or app_root()
    session.clear()
    session[BROWSER_KEY] = browser   # the browser stays the same: its public tabs keep working
    Runtime.of().sign_outs.publish(browser)
    end = auth.end_session_url(user.provider, request.host_url.rstrip("/") + next)
    return _no_store(redirect(end or next))


class _SessionInterface(SecureCookieSessionInterface):
    """Flask's cookie session, with SameSite=Lax unless configured and Secure on HTTPS requests."""

    def get_cookie_samesite(self, app: Flask) -> str | None:
        return super().get_cookie_samesite(app) or "Lax"

    def get_cookie_secure(self, app: Flask) -> bool:
        return super().get_cookie_secure(app) or (flask.has_request_context() and request.is_secure)


def install(app: Flask, runtime: Runtime, core: flask.Blueprint) -> None:
    """Check ``FLASKUI_AUTH`` and add the sign-in routes to ``core``; nothing when it is not set.

    Raises:
        AuthConfigError: the configuration is malformed, or the session cookie settings would
            break sign-in (SameSite=Strict loses the session on the provider's redirect back) or
            expose it (HttpOnly off).
    """
    if "FLASKUI_AUTH" not in app.config:
        return
    config = AuthConfig.parse(app.config["FLASKUI_AUTH"])
    if str(app.config.get("SESSION_COOKIE_SAMESITE")).lower() == "strict":
        raise AuthConfigError("SESSION_COOKIE_SAMESITE='Strict' drops the session when the provider redirects "
                              "back: use 'Lax' (the default with FLASKUI_AUTH)")
    if not app.config.get("SESSION_COOKIE_HTTPONLY", True):
        raise AuthConfigError("SESSION_COOKIE_HTTPONLY must stay True with FLASKUI_AUTH: the session holds the user")
    runtime.auth_config = config
    if type(app.session_interface) is SecureCookieSessionInterface:   # leave a custom session store alone
        app.session_interface = _SessionInterface()
    core.add_url_rule("/_flaskui/auth/login", "auth_choose", choose)
    core.add_url_rule("/_flaskui/auth/login/<provider>", "auth_login", login)
    core.add_url_rule("/_flaskui/auth/callback/<provider>", "auth_callback", callback)
    core.add_url_rule("/_flaskui/auth/logout", "auth_logout", logout, methods=["GET", "POST"])
