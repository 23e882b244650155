"""Sign-in with OpenID Connect or OAuth2 providers (authlib), the current user, protected pages.

    app.config["FLASKUI_AUTH"] = {"providers": {"google": {
        "client_id": "...", "client_secret": "...",
        "server_metadata_url": "https://accounts.google.com/.well-known/openid-configuration",
    }}}

    @pages.page("/admin", login_required=True)
    def admin() -> None:
        ui.label(f"Hello, {flaskui.current_user.name}")
        ui.button("Sign out", on_click=flaskui.logout)

The modules: ``config`` (checking ``FLASKUI_AUTH``), ``providers`` (authlib clients and the
code flow), ``views`` (the routes), ``identity`` (``AuthUser`` in the session and on each
client), ``access`` (page rules), ``helpers`` (login/logout for buttons and links), ``tokens``
(CSRF tokens and sign-out tickets), ``redirects`` (same-origin ``next`` only). See docs/auth.md.
"""
from __future__ import annotations

from .access import PageAccess, Requirement
from .config import AuthConfigError
from .helpers import csrf_token, login, login_url, logout, logout_url
from .identity import ANONYMOUS, AuthUser, current_user, get_current_user

__all__ = [
    "ANONYMOUS", "AuthConfigError", "AuthUser", "PageAccess", "Requirement", "csrf_token", "current_user",
    "get_current_user", "login", "login_url", "logout", "logout_url",
]
