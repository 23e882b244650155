"""A small OpenID Connect provider for the sign-in tests, built from authlib's server parts.

``OIDCProvider`` is a Flask app served on a free 127.0.0.1 port: discovery document, JWKS
(a fresh RS256 key), an authorization endpoint with a login form, the token endpoint
(authorization code with PKCE; RS256 id_token with nonce), userinfo, RP-initiated logout
(end_session_endpoint), and ``/api/user``, a GitHub-style profile API for a plain OAuth2 client
that uses explicit endpoints. Knobs make it misbehave::

    with OIDCProvider() as provider:
        provider.id_token_lifetime = -600          # issue expired id_tokens
        provider.nonce_override = "not-yours"      # sign id_tokens with another nonce
        provider.config("oidc")                    # settings for FLASKUI_AUTH["providers"]
"""
from __future__ import annotations

import secrets
import time
from dataclasses import dataclass, field
from typing import Any

from authlib.integrations.flask_oauth2 import AuthorizationServer, ResourceProtector, current_token
from authlib.oauth2 import OAuth2Error
from authlib.oauth2.rfc6749 import ClientMixin, TokenMixin
from authlib.oauth2.rfc6749.grants import AuthorizationCodeGrant
from authlib.oauth2.rfc6750 import BearerTokenValidator
from authlib.oauth2.rfc7636 import CodeChallenge
from authlib.oidc.core import AuthorizationCodeMixin
from authlib.oidc.core.grants import OpenIDCode
from authlib.oidc.rpinitiated import EndSessionEndpoint
from flask import Flask, jsonify, render_template_string, request, session
from flask.typing import ResponseReturnValue
from joserfc.jwk import KeySet, RSAKey

from flaskui.testing import LiveServer

CALLBACK = "/_flaskui/auth/callback/{name}"

USERS = {
    "ada": {"password": "lovelace", "sub": "ada-1", "name": "Ada Lovelace", "email": "ada@example.org",
            "groups": ["admin"], "github_id": 4242},
    "bob": {"password": "builder", "sub": "bob-2", "name": "Bob", "email": "bob@example.org",
            "groups": [], "github_id": 77},
}

_LOGIN_FORM = """<!doctype html><title>Test provider</title><link rel="icon" href="data:,">
<form method="post"><p>{{ error }}</p>
<label>Username <input name="username"></label>
<label>Password <input name="password" type="password"></label>
<button type="submit">Log in</button></form>"""


@dataclass
class Client(ClientMixin):
    client_id: str
    client_secret: str
    scope: str
    redirect_uris: list[str] = field(default_factory=list)
    post_logout_redirect_uris: list[str] = field(default_factory=list)

    @property
    def client_metadata(self) -> dict[str, Any]:
        return {"post_logout_redirect_uris": self.post_logout_redirect_uris}

    def get_client_id(self) -> str:
        return self.client_id

    def get_default_redirect_uri(self) -> str:
        return self.redirect_uris[0]

    def get_allowed_scope(self, scope: str) -> str:
        allowed = set(self.scope.split())
        return " ".join(s for s in (scope or "").split() if s in allowed)

    def check_redirect_uri(self, redirect_uri: str) -> bool:
        return redirect_uri in self.redirect_uris

    def check_client_secret(self, client_secret: str) -> bool:
        return secrets.compare_digest(self.client_secret, client_secret)

    def check_endpoint_auth_method(self, method: str, endpoint: str) -> bool:
        return method in ("client_secret_basic", "client_secret_post")

    def check_response_type(self, response_type: str) -> bool:
        return response_type == "code"

    def check_grant_type(self, grant_type: str) -> bool:
        return grant_type == "authorization_code"


@dataclass
class Code(AuthorizationCodeMixin):
    code: str
    client_id: str
    redirect_uri: str
    scope: str
    user: str
    nonce: str | None
    code_challenge: str | None
    code_challenge_method: str | None
    auth_time: int = field(default_factory=lambda: int(time.time()))

    def get_redirect_uri(self) -> str:
        return self.redirect_uri

    def get_scope(self) -> str:
        return self.scope

    def get_nonce(self) -> str | None:
        return self.nonce

    def get_auth_time(self) -> int:
        return self.auth_time

    def get_acr(self) -> None:
        return None

    def get_amr(self) -> None:
        return None


@dataclass
class Token(TokenMixin):
    access_token: str
    client: Client
    user: str
    scope: str
    issued_at: float = field(default_factory=time.time)
    expires_in: int = 3600

    def check_client(self, client: Client) -> bool:
        return client.client_id == self.client.client_id

    def get_scope(self) -> str:
        return self.scope

    def get_expires_in(self) -> int:
        return self.expires_in

    def is_expired(self) -> bool:
        return time.time() > self.issued_at + self.expires_in

    def is_revoked(self) -> bool:
        return False

    def get_user(self) -> str:
        return self.user

    def get_client(self) -> Client:
        return self.client


class _CodeGrant(AuthorizationCodeGrant):
    TOKEN_ENDPOINT_AUTH_METHODS = ["client_secret_basic", "client_secret_post"]

    @property
    def provider(self) -> OIDCProvider:
        return self.server.provider

    def save_authorization_code(self, code: str, request: Any) -> None:
        data = request.payload.data
        self.provider.codes[code] = Code(
            code=code, client_id=request.client.client_id, redirect_uri=request.payload.redirect_uri,
            scope=request.payload.scope, user=request.user, nonce=data.get("nonce"),
            code_challenge=data.get("code_challenge"), code_challenge_method=data.get("code_challenge_method"),
        )
        self.provider.issued_codes.append(self.provider.codes[code])

    def query_authorization_code(self, code: str, client: Client) -> Code | None:
        found = self.provider.codes.get(code)
        return found if found is not None and found.client_id == client.client_id else None

    def delete_authorization_code(self, authorization_code: Code) -> None:
        self.provider.codes.pop(authorization_code.code, None)   # a code works once

    def authenticate_user(self, authorization_code: Code) -> str:
        return authorization_code.user


class _OpenIDCode(OpenIDCode):
    def __init__(self, provider: OIDCProvider) -> None:
        super().__init__(require_nonce=True)
        self.provider = provider

    def exists_nonce(self, nonce: str, request: Any) -> bool:
        return any(code.nonce == nonce for code in self.provider.issued_codes)

    def resolve_client_private_key(self, client: Client) -> RSAKey:
        return self.provider.key

    def get_client_algorithm(self, client: Client) -> str:
        return "RS256"

    def get_encode_header(self, client: Client) -> dict[str, str]:
        return {"alg": "RS256", "kid": self.provider.key.kid or ""}

    def get_client_claims(self, client: Client) -> dict[str, Any]:
        return {"iss": self.provider.url, "aud": [client.client_id],
                "exp": int(time.time()) + self.provider.id_token_lifetime}

    def get_authorization_code_claims(self, authorization_code: Code) -> dict[str, Any]:
        claims: dict[str, Any] = super().get_authorization_code_claims(authorization_code)
        if self.provider.nonce_override is not None:
            claims["nonce"] = self.provider.nonce_override
        return claims

    def generate_user_info(self, user: str, scope: str) -> dict[str, Any]:
        return self.provider.user_info(user, scope)


class _EndSession(EndSessionEndpoint):
    def __init__(self, provider: OIDCProvider) -> None:
        super().__init__()
        self.provider = provider

    def get_server_jwks(self) -> KeySet:
        return KeySet([self.provider.key])

    def end_session(self, end_session_request: Any) -> None:
        session.pop("user", None)
        self.provider.logouts.append(dict(request.args))

    def is_post_logout_redirect_uri_legitimate(self, *args: Any) -> bool:
        return True   # the URI is registered for the client; that is enough for these tests


class _Validator(BearerTokenValidator):
    def __init__(self, provider: OIDCProvider) -> None:
        super().__init__()
        self.provider = provider

    def authenticate_token(self, token_string: str) -> Token | None:
        return self.provider.tokens.get(token_string)


class OIDCProvider:
    """An OpenID Connect (and GitHub-style OAuth2) provider on a free 127.0.0.1 port."""

    def __init__(self) -> None:
        self.key = RSAKey.generate_key(2048, auto_kid=True)
        self.app = Flask("oidc_provider")
        self.app.config.update(SECRET_KEY=secrets.token_hex(16), SESSION_COOKIE_NAME="provider_session")
        self.clients = {
            "oidc": Client("oidc-client", "oidc-secret", "openid email profile"),
            "github": Client("github-client", "github-secret", "read:user"),
        }
        self.codes: dict[str, Code] = {}
        self.issued_codes: list[Code] = []
        self.tokens: dict[str, Token] = {}
        self.logouts: list[dict[str, str]] = []
        self.id_token_lifetime = 600
        self.nonce_override: str | None = None
        self.server = AuthorizationServer(self.app, self._query_client, self._save_token)
        self.server.provider = self
        self.server.register_grant(_CodeGrant, [CodeChallenge(required=True), _OpenIDCode(self)])
        self.server.register_endpoint(_EndSession(self))
        self._protect = ResourceProtector()
        self._protect.register_token_validator(_Validator(self))
        self._add_routes()
        self._live = LiveServer(self.app)
        self.url = ""

    # -- lifecycle ----------------------------------------------------------------------------------
    def start(self) -> OIDCProvider:
        self._live.start()
        self.url = self._live.url
        return self

    def stop(self) -> None:
        self._live.stop()

    def __enter__(self) -> OIDCProvider:
        return self.start()

    def __exit__(self, *exc: object) -> None:
        self.stop()

    def reset(self) -> None:
        """Back to a well-behaved provider with no registered app URLs (between tests)."""
        self.id_token_lifetime = 600
        self.nonce_override = None
        self.logouts.clear()
        for client in self.clients.values():
            client.redirect_uris.clear()
            client.post_logout_redirect_uris.clear()

    def allow(self, app_url: str) -> None:
        """Register the callback and post-logout URLs of an app served at ``app_url``."""
        for name, client in self.clients.items():
            client.redirect_uris.append(app_url + CALLBACK.format(name=name))
            client.post_logout_redirect_uris.append(app_url + "/")

    def config(self, name: str) -> dict[str, Any]:
        """The ``FLASKUI_AUTH["providers"][name]`` settings for client ``name``."""
        client = self.clients[name]
        settings: dict[str, Any] = {"client_id": client.client_id, "client_secret": client.client_secret}
        if name == "oidc":
            settings.update(server_metadata_url=self.url + "/.well-known/openid-configuration",
                            title="Test OIDC", claims=["email", "name", "groups"])
        else:
            settings.update(authorize_url=self.url + "/authorize", access_token_url=self.url + "/token",
                            userinfo_endpoint=self.url + "/api/user", client_kwargs={"scope": "read:user"},
                            title="Test GitHub")
        return settings

    # -- the provider's data ---------------------------------------------------------------------------
    def user_info(self, username: str, scope: str) -> dict[str, Any]:
        user, scopes = USERS[username], scope.split()
        info: dict[str, Any] = {"sub": user["sub"], "groups": user["groups"]}
        if "profile" in scopes:
            info["name"] = user["name"]
        if "email" in scopes:
            info["email"] = user["email"]
        return info

    def _query_client(self, client_id: str) -> Client | None:
        return next((c for c in self.clients.values() if c.client_id == client_id), None)

    def _save_token(self, token: dict[str, Any], request: Any) -> None:
        self.tokens[token["access_token"]] = Token(token["access_token"], request.client, request.user,
                                                   token.get("scope", ""))

    # -- routes ------------------------------------------------------------------------------------------
    def _add_routes(self) -> None:
        app = self.app
        app.add_url_rule("/.well-known/openid-configuration", "discovery", self._discovery)
        app.add_url_rule("/jwks", "jwks", lambda: jsonify(KeySet([self.key]).as_dict(private=False)))
        app.add_url_rule("/authorize", "authorize", self._authorize, methods=["GET", "POST"])
        app.add_url_rule("/token", "token", self.server.create_token_response, methods=["POST"])
        app.add_url_rule("/userinfo", "userinfo", self._protect("openid")(self._userinfo))
        app.add_url_rule("/api/user", "api_user", self._protect("read:user")(self._api_user))
        app.add_url_rule("/logout", "logout", self._end_session)

    def _discovery(self) -> ResponseReturnValue:
        base = self.url
        return jsonify(
            issuer=base, authorization_endpoint=base + "/authorize", token_endpoint=base + "/token",
            userinfo_endpoint=base + "/userinfo", jwks_uri=base + "/jwks", end_session_endpoint=base + "/logout",
            response_types_supported=["code"], subject_types_supported=["public"],
            id_token_signing_alg_values_supported=["RS256"], code_challenge_methods_supported=["S256"],
            scopes_supported=["openid", "email", "profile"],
        )

    def _authorize(self) -> ResponseReturnValue:
        if request.method == "POST":
            user = USERS.get(request.form.get("username", ""))
            if user is None or not secrets.compare_digest(user["password"], request.form.get("password", "")):
                return render_template_string(_LOGIN_FORM, error="Wrong username or password"), 401
            session["user"] = request.form["username"]
        if "user" not in session:
            return render_template_string(_LOGIN_FORM, error="")
        try:
            grant = self.server.get_consent_grant(end_user=session["user"])
        except OAuth2Error as error:
            return self.server.handle_error_response(None, error)
        return self.server.create_authorization_response(grant_user=session["user"], grant=grant)

    def _userinfo(self) -> ResponseReturnValue:
        return jsonify(self.user_info(current_token.user, current_token.scope))

    def _api_user(self) -> ResponseReturnValue:
        user = USERS[current_token.user]
        return jsonify(id=user["github_id"], login=current_token.user, name=user["name"], email=user["email"])

    def _end_session(self) -> ResponseReturnValue:
        try:
            end = self.server.validate_endpoint_request("end_session")
        except OAuth2Error as error:
            return self.server.handle_error_response(None, error)
        return self.server.create_endpoint_response("end_session", end) or "Signed out of the test provider"
