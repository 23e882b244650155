"""Who is signed in: ``AuthUser``, kept as a few claims in Flask's signed session.

    from flaskui import current_user

    @pages.page("/")
    def index() -> None:
        if current_user.is_authenticated:
            ui.label(f"Hello, {current_user.name}")

        def who() -> None:                      # a handler has no request: the tab's client knows
            ui.notify(current_user.email or "anonymous")

        ui.button("Who am I?", on_click=who)

A page's client captures the user when the page is built (``ClientAuth``), so ``current_user``
answers in event handlers and timers too, which run without a request. When the browser signs out
in another tab, the client is marked and its user becomes anonymous.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any, Mapping, cast

from flask import has_request_context, session
from werkzeug.local import LocalProxy

from ..context import current_client

#: The session key holding the signed-in user (``{"provider": ..., "claims": {...}}``).
USER_KEY = "_flaskui_user"


@dataclass(frozen=True)
class AuthUser:
    """A signed-in user, or the anonymous one.

    Attributes:
        provider: the provider name from ``FLASKUI_AUTH`` (None when anonymous).
        claims: the claims kept from the id_token and userinfo (``sub`` always).
    """

    provider: str | None = None
    claims: Mapping[str, Any] = field(default_factory=dict)

    @property
    def is_authenticated(self) -> bool:
        return self.provider is not None and isinstance(self.claims.get("sub"), str)

    @property
    def sub(self) -> str | None:
        """The provider's stable id of the user (GitHub-style numeric ids become strings)."""
        return self.claims.get("sub") if self.is_authenticated else None

    @property
    def email(self) -> str | None:
        value = self.claims.get("email")
        return value if isinstance(value, str) else None

    @property
    def name(self) -> str | None:
        """``name``, else ``preferred_username``, else GitHub's ``login``."""
        for key in ("name", "preferred_username", "login"):
            value = self.claims.get(key)
            if isinstance(value, str) and value:
                return value
        return None

    def to_session(self) -> dict[str, Any]:
        return {"provider": self.provider, "claims": dict(self.claims)}

    @classmethod
    def from_session(cls, value: object) -> AuthUser:
        """The user stored by ``to_session``; anonymous for anything else."""
        if not isinstance(value, dict):
            return ANONYMOUS
        provider, claims = value.get("provider"), value.get("claims")
        if not isinstance(provider, str) or not isinstance(claims, dict) or not isinstance(claims.get("sub"), str):
            return ANONYMOUS
        return cls(provider, claims)


ANONYMOUS = AuthUser()


def session_user() -> AuthUser:
    """The user signed in to the current request's session."""
    return AuthUser.from_session(session.get(USER_KEY))


@dataclass
class ClientAuth:
    """What one client (tab) knows about its user.

    Attributes:
        user: the user the page was built for.
        protected: the page needs a signed-in user (``login_required`` or ``requires``).
        page_url: the page's same-origin URL: where a signed-out tab is sent (a protected page
            then redirects to sign-in, a public one is rebuilt for nobody).
        signed_out: the browser signed out since; events are refused.
    """

    user: AuthUser = ANONYMOUS
    protected: bool = False
    page_url: str = "/"
    signed_out: bool = False

    @property
    def current(self) -> AuthUser:
        """The user handlers of this client act for."""
        return ANONYMOUS if self.signed_out else self.user

    def admits(self, user: AuthUser) -> bool:
        """Whether a connection whose session holds ``user`` may attach to this page."""
        return not self.signed_out and user == self.user

    def sign_out(self) -> None:
        """The browser signed out (in any tab)."""
        if self.user.is_authenticated:
            self.signed_out = True


def get_current_user() -> AuthUser:
    """The user of the current client (page function, handler, timer), else of the current request.

    The client comes first: it knows when its browser signed out in another tab, which the
    session of a websocket's request does not. Raises RuntimeError outside of both.
    """
    try:
        return current_client().auth.current
    except RuntimeError:
        if has_request_context():
            return session_user()
        raise RuntimeError(
            "flaskui.current_user needs a request, a page function, an event handler or a timer"
        ) from None


#: The current user (a proxy to ``get_current_user()``).
current_user = cast(AuthUser, LocalProxy(get_current_user))
