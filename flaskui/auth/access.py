"""Who may see a page: ``@pages.page("/admin", login_required=True, requires=is_admin)``.

An anonymous visit is redirected to sign-in with ``next`` set to the page; a signed-in user for
whom ``requires(user)`` is false gets 403. The page's client then remembers the user
(``ClientAuth``), which the websocket handshake and every event check again::

    def is_admin(user: AuthUser) -> bool:
        return "admin" in user.claims.get("groups", [])

    @pages.page("/admin", requires=is_admin)      # requires implies login_required
    def admin() -> None: ...
"""
from __future__ import annotations

from dataclasses import dataclass
from typing import Callable

from flask import abort, redirect
from flask.typing import ResponseReturnValue

from .helpers import login_url
from .identity import AuthUser, ClientAuth, session_user
from .redirects import here

Requirement = Callable[[AuthUser], bool]


@dataclass(frozen=True)
class PageAccess:
    """A page's access rule."""

    login_required: bool = False
    requires: Requirement | None = None

    @property
    def protected(self) -> bool:
        return self.login_required or self.requires is not None

    def refusal(self) -> ResponseReturnValue | None:
        """None if the current request may see the page; else a redirect to sign-in, or 403."""
        if not self.protected:
            return None
        user = session_user()
        if not user.is_authenticated:
            response = redirect(login_url(next=here()))
            response.headers["Cache-Control"] = "no-store"
            return response
        if self.requires is not None and not self.requires(user):
            abort(403)
        return None

    def client_auth(self) -> ClientAuth:
        """What the page's client remembers: the current user and this rule."""
        return ClientAuth(user=session_user(), protected=self.protected, page_url=here())


PUBLIC = PageAccess()
