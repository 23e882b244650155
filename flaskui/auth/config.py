"""``FLASKUI_AUTH``: the sign-in providers, checked when the first flaskui Blueprint is registered.

    app.config["FLASKUI_AUTH"] = {
        "providers": {
            "google": {                                   # OpenID Connect, found by discovery
                "client_id": "...", "client_secret": "...",
                "server_metadata_url": "https://accounts.google.com/.well-known/openid-configuration",
                "client_kwargs": {"scope": "openid email profile"},
            },
            "github": {                                   # plain OAuth2: explicit endpoints
                "client_id": "...", "client_secret": "...",
                "authorize_url": "https://github.com/login/oauth/authorize",
                "access_token_url": "https://github.com/login/oauth/access_token",
                "userinfo_endpoint": "https://api.github.com/user",
                "client_kwargs": {"scope": "read:user user:email"},
            },
        },
    }

A missing key, an unknown key (a typo) or a value of the wrong type raises ``AuthConfigError``
naming it, e.g. ``FLASKUI_AUTH["providers"]["github"]["client_id"] is missing``.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Mapping

#: Claims kept in the session besides ``sub`` when a provider names no ``claims`` of its own.
DEFAULT_CLAIMS = (
    "email", "email_verified", "name", "preferred_username", "given_name", "family_name", "picture",
    "locale", "login",
)

_URLS = (
    "server_metadata_url", "authorize_url", "access_token_url", "userinfo_endpoint", "jwks_uri",
    "end_session_endpoint", "post_logout_redirect_uri",
)
_STRINGS = ("client_id", "client_secret", "title", "issuer")
_MAPPINGS = ("client_kwargs", "authorize_params", "access_token_params")
_KNOWN = {*_URLS, *_STRINGS, *_MAPPINGS, "claims"}
_NAME = re.compile(r"^[A-Za-z0-9_-]{1,64}$")


class AuthConfigError(RuntimeError):
    """``FLASKUI_AUTH`` (or the session settings sign-in relies on) is missing or malformed."""


@dataclass(frozen=True)
class ProviderConfig:
    """One provider's settings.

    Attributes:
        name: the key in ``providers``; part of the sign-in URLs.
        title: shown on the provider choice page (default: ``name``).
        claims: claim names kept in the session (``sub`` always is).
        post_logout_redirect_uri: where the provider sends the browser after its own logout
            (default: the absolute URL of the logout's ``next``); register it at the provider.
        options: keyword arguments for authlib's client (endpoints, ``client_kwargs``...).
    """

    name: str
    title: str
    claims: tuple[str, ...]
    post_logout_redirect_uri: str | None
    options: Mapping[str, Any]

    @property
    def openid(self) -> bool:
        """Whether this is an OpenID Connect provider (``openid`` in its scope): an id_token is required."""
        scope = self.options.get("client_kwargs", {}).get("scope") or ""
        return "openid" in scope.split()


@dataclass(frozen=True)
class AuthConfig:
    """The whole ``FLASKUI_AUTH`` value, checked."""

    providers: Mapping[str, ProviderConfig]

    @classmethod
    def parse(cls, value: object) -> AuthConfig:
        """Check ``app.config["FLASKUI_AUTH"]``; raises ``AuthConfigError`` naming the faulty key."""
        where = 'FLASKUI_AUTH'
        if not isinstance(value, Mapping):
            raise AuthConfigError(f"{where} must be a dict with a 'providers' dict, not {type(value).__name__}")
        unknown = set(value) - {"providers"}
        if unknown:
            raise AuthConfigError(f"{_at(where, sorted(unknown)[0])} is not a known key (known: providers)")
        providers = value.get("providers")
        where += '["providers"]'
        if not isinstance(providers, Mapping) or not providers:
            raise AuthConfigError(f"{where} must be a non-empty dict of provider name → settings")
        return cls({str(name): _provider(_at(where, name), name, settings)
                    for name, settings in providers.items()})


def _at(where: str, key: object) -> str:
    """``where["key"]``: how a key is named in error messages."""
    return f'{where}["{key}"]'


def _provider(where: str, name: object, settings: object) -> ProviderConfig:
    if not isinstance(name, str) or not _NAME.match(name):
        raise AuthConfigError(f"{where}: a provider name is letters, digits, '_' and '-' (it goes into URLs)")
    if not isinstance(settings, Mapping):
        raise AuthConfigError(f"{where} must be a dict, not {type(settings).__name__}")
    unknown = sorted(set(settings) - _KNOWN)
    if unknown:
        raise AuthConfigError(f"{_at(where, unknown[0])} is not a known key (known: {', '.join(sorted(_KNOWN))})")
    for key in _STRINGS:
        if key in settings and (not isinstance(settings[key], str) or not settings[key]):
            raise AuthConfigError(f"{_at(where, key)} must be a non-empty string")
    for key in _URLS:
        value = settings.get(key, "https://")
        if not (isinstance(value, str) and value.startswith(("https://", "http://"))):
            raise AuthConfigError(f"{_at(where, key)} must be an http(s) URL")
    for key in _MAPPINGS:
        if key in settings and not isinstance(settings[key], Mapping):
            raise AuthConfigError(f"{_at(where, key)} must be a dict")
    if "client_id" not in settings:
        raise AuthConfigError(f"{_at(where, 'client_id')} is missing")
    ours = ("title", "claims", "post_logout_redirect_uri")
    options = {key: value for key, value in settings.items() if key not in ours}
    client_kwargs = dict(settings.get("client_kwargs", {}))
    scope = client_kwargs.get("scope")
    if scope is not None and not isinstance(scope, str):
        raise AuthConfigError(f"{_at(where, 'client_kwargs')}[\"scope\"] must be a space-separated string")
    discovery = "server_metadata_url" in settings
    if discovery and scope is None:
        client_kwargs["scope"] = scope = "openid email profile"
    client_kwargs.setdefault("code_challenge_method", "S256")   # PKCE for every provider
    client_kwargs.setdefault("default_timeout", 10)             # no sign-in hangs on a silent provider
    options["client_kwargs"] = client_kwargs
    openid = "openid" in (scope or "").split()
    if not discovery:
        for key in ("authorize_url", "access_token_url"):
            if key not in settings:
                raise AuthConfigError(f"{_at(where, key)} is missing (or give 'server_metadata_url' for discovery)")
        needed = "jwks_uri" if openid else "userinfo_endpoint"
        if needed not in settings:
            why = "to verify id_tokens" if openid else "to learn who signed in"
            raise AuthConfigError(f"{_at(where, needed)} is missing ({why}; or give 'server_metadata_url')")
    claims = settings.get("claims", DEFAULT_CLAIMS)
    if not isinstance(claims, (list, tuple)) or not all(isinstance(claim, str) for claim in claims):
        raise AuthConfigError(f"{_at(where, 'claims')} must be a list of claim names")
    return ProviderConfig(
        name=name,
        title=settings.get("title", name),
        claims=tuple(dict.fromkeys(["sub", *claims])),
        post_logout_redirect_uri=settings.get("post_logout_redirect_uri"),
        options=options,
    )
