"""The app's sign-in providers: authlib clients doing the authorization-code flow.

``start`` makes the provider's authorization URL (state, nonce, PKCE S256) and keeps what the
callback needs in Flask's signed session, keyed by the state, so the callback may land on any
worker or machine. ``finish`` checks the state, exchanges the code (with the PKCE verifier),
verifies the id_token (signature by the provider's JWKS, issuer, audience, expiry, nonce) and
asks the userinfo endpoint for the rest::

    auth = Auth(AuthConfig.parse(app.config["FLASKUI_AUTH"]))
    return redirect(auth.start("google", callback_url, next="/admin"))   # in the login view
    user, next = auth.finish("google")                                   # in the callback view
"""
from __future__ import annotations

import logging
from typing import Any

import requests
from authlib.common.errors import AuthlibBaseError
from authlib.integrations.flask_client import FlaskOAuth2App
from authlib.integrations.flask_client.integration import FlaskIntegration
from flask import request, session
from joserfc.errors import JoseError

from .config import AuthConfig
from .identity import AuthUser

log = logging.getLogger("flaskui")

#: Unfinished sign-ins kept in the session per provider; more would bloat the cookie past 4 KB.
MAX_PENDING = 3

#: What a provider that is down, misconfigured or answering nonsense can make authlib raise
#: (a token answer without ``access_token`` ends in a KeyError, for one).
PROVIDER_ERRORS = (AuthlibBaseError, JoseError, requests.RequestException, ValueError, KeyError, TypeError)


class SignInError(Exception):
    """The provider's answer is not a valid sign-in; ``str(error)`` says why."""


class Auth:
    """The providers configured in ``FLASKUI_AUTH``, each with its authlib client."""

    def __init__(self, config: AuthConfig) -> None:
        self.config = config
        self.clients: dict[str, FlaskOAuth2App] = {
            name: FlaskOAuth2App(FlaskIntegration(name), name=name, **provider.options)
            for name, provider in config.providers.items()
        }

    def start(self, name: str, redirect_uri: str, next: str) -> str:
        """The provider's authorization URL; what the callback needs goes into the session.

        Raises the errors of ``PROVIDER_ERRORS`` when the discovery document cannot be had.
        """
        client = self.clients[name]
        result: dict[str, Any] = client.create_authorization_url(redirect_uri)
        url, state = result.pop("url"), result.pop("state")
        _drop_oldest_pending(client)
        client.framework.set_state_data(session, state, {**result, "redirect_uri": redirect_uri, "next": next})
        return str(url)

    def finish(self, name: str) -> tuple[AuthUser, str | None]:
        """The signed-in user and the ``next`` given at the start, from the callback request.

        Raises:
            SignInError: wrong or reused state, an error from the provider, a refused code, an
                invalid id_token, or no user id.
        """
        provider, client = self.config.providers[name], self.clients[name]
        pending = client.framework.get_state_data(session, request.args.get("state"))
        try:
            token = client.authorize_access_token()   # consumes the state even when it fails
            claims = dict(token.get("userinfo") or {})
            if provider.openid and not claims:
                raise SignInError("the provider sent no id_token")
            if client.load_server_metadata().get("userinfo_endpoint"):
                claims = _merge_userinfo(claims, dict(client.userinfo(token=token)))
        except PROVIDER_ERRORS as error:
            raise SignInError(_describe(error)) from error
        subject = claims.get("sub", claims.get("id"))   # GitHub-style APIs name it "id"
        if not isinstance(subject, (str, int)) or isinstance(subject, bool) or subject == "":
            raise SignInError("the provider named no user (no 'sub' or 'id')")
        kept = {key: claims[key] for key in provider.claims if key in claims}
        kept["sub"] = str(subject)
        return AuthUser(name, kept), (pending or {}).get("next")

    def end_session_url(self, name: str | None, post_logout_redirect_uri: str) -> str | None:
        """The provider's RP-initiated logout URL, if ``name`` is a provider that has one."""
        client = self.clients.get(name or "")
        if client is None:
            return None
        provider = self.config.providers[client.name]
        try:
            if not client.load_server_metadata().get("end_session_endpoint"):
                return None
            result = client.create_logout_url(
                post_logout_redirect_uri=provider.post_logout_redirect_uri or post_logout_redirect_uri,
                client_id=client.client_id,
            )
        except PROVIDER_ERRORS as error:   # signing out here must not fail because the provider is down
            log.warning("flaskui: no logout at provider %s: %s", name, _describe(error))
            return None
        return str(result["url"])


def _merge_userinfo(claims: dict[str, Any], userinfo: dict[str, Any]) -> dict[str, Any]:
    """The id_token's claims (verified) completed by userinfo, which must be about the same user."""
    if claims and str(userinfo.get("sub")) != str(claims.get("sub")):
        raise SignInError("userinfo is about another user than the id_token")
    return {**userinfo, **claims}


def _drop_oldest_pending(client: FlaskOAuth2App) -> None:
    own = f"_state_{client.name}"   # authlib's keys are "_state_{name}_{state}"; states have no "_"
    pending = sorted((key for key in session if key.rsplit("_", 1)[0] == own),
                     key=lambda key: session[key].get("exp", 0))
    for key in pending[:max(0, len(pending) - MAX_PENDING + 1)]:
        session.pop(key)


def _describe(error: BaseException) -> str:
    description = getattr(error, "description", None) or getattr(error, "error", None)
    return f"{type(error).__name__}: {description or error}"
