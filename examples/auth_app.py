"""Sign-in with Google (OpenID Connect), GitHub (OAuth2) or any OpenID Connect provider.

Register the app at your provider with the callback URL
``http://127.0.0.1:8080/_flaskui/auth/callback/<name>`` (name: ``google``, ``github`` or ``oidc``),
set what you have, then start it::

    export GOOGLE_CLIENT_ID=... GOOGLE_CLIENT_SECRET=...
    export GITHUB_CLIENT_ID=... GITHUB_CLIENT_SECRET=...
    export OIDC_SERVER_METADATA_URL=https://idp.example/.well-known/openid-configuration \
           OIDC_CLIENT_ID=... OIDC_CLIENT_SECRET=...          # Keycloak, Auth0, Entra ID...
    export ADMIN_EMAILS=you@example.org                       # who may open /admin
    export FLASK_SECRET_KEY=$(python -c "import secrets; print(secrets.token_hex())")
    python examples/auth_app.py                               # http://127.0.0.1:8080

Without any provider the app shows a page saying what to set.
"""
from __future__ import annotations

import functools
import os
from typing import Any, Mapping

from flask import Flask

import flaskui
from flaskui import ui
from flaskui.auth import AuthUser

Providers = dict[str, dict[str, Any]]


def providers_from(env: Mapping[str, str]) -> Providers:
    """The providers whose client id and secret are set in ``env``."""
    providers: Providers = {}
    if env.get("GOOGLE_CLIENT_ID") and env.get("GOOGLE_CLIENT_SECRET"):
        providers["google"] = {
            "title": "Google",
            "client_id": env["GOOGLE_CLIENT_ID"], "client_secret": env["GOOGLE_CLIENT_SECRET"],
            "server_metadata_url": "https://accounts.google.com/.well-known/openid-configuration",
            "client_kwargs": {"scope": "openid email profile"},
        }
    if env.get("GITHUB_CLIENT_ID") and env.get("GITHUB_CLIENT_SECRET"):
        providers["github"] = {
            "title": "GitHub",
            "client_id": env["GITHUB_CLIENT_ID"], "client_secret": env["GITHUB_CLIENT_SECRET"],
            "authorize_url": "https://github.com/login/oauth/authorize",
            "access_token_url": "https://github.com/login/oauth/access_token",
            "userinfo_endpoint": "https://api.github.com/user",
            "client_kwargs": {"scope": "read:user user:email"},
        }
    if env.get("OIDC_SERVER_METADATA_URL") and env.get("OIDC_CLIENT_ID"):
        providers["oidc"] = {
            "title": env.get("OIDC_TITLE", "OpenID Connect"),
            "client_id": env["OIDC_CLIENT_ID"], "server_metadata_url": env["OIDC_SERVER_METADATA_URL"],
            **({"client_secret": env["OIDC_CLIENT_SECRET"]} if env.get("OIDC_CLIENT_SECRET") else {}),
        }
    return providers


def create_app(providers: Providers, admins: set[str]) -> Flask:
    app = Flask(__name__)
    app.config.from_prefixed_env()   # FLASK_SECRET_KEY
    pages = flaskui.Blueprint("pages", __name__)
    if not providers:
        @pages.page("/", title="Sign-in example")
        def setup() -> None:
            ui.label("No sign-in provider is configured").classes("text-h5")
            ui.label("Set GOOGLE_CLIENT_ID and GOOGLE_CLIENT_SECRET, GITHUB_CLIENT_ID and GITHUB_CLIENT_SECRET, "
                     "or OIDC_SERVER_METADATA_URL and OIDC_CLIENT_ID, then restart (see the top of auth_app.py).")
        app.register_blueprint(pages)
        return app

    app.config["FLASKUI_AUTH"] = {"providers": providers}

    def is_admin(user: AuthUser) -> bool:
        return user.email in admins and user.claims.get("email_verified", True) is not False

    @pages.page("/", title="Sign-in example")
    def home() -> None:
        user = flaskui.current_user
        if not user.is_authenticated:
            ui.label("You are not signed in").classes("text-h5")
            for name, settings in providers.items():
                ui.button(f"Sign in with {settings['title']}",
                          on_click=functools.partial(flaskui.login, provider=name, next="/profile"))
            return
        ui.label(f"Hello, {user.name or user.sub}").classes("text-h5")
        ui.link("Your profile", "/profile")
        ui.link("Admin", "/admin")
        ui.button("Sign out", on_click=flaskui.logout)

    @pages.page("/profile", title="Profile", login_required=True)
    def profile() -> None:
        user = flaskui.current_user
        ui.label(f"Signed in with {providers[user.provider or '']['title']}").classes("text-h5")
        with ui.card():
            for claim, value in user.claims.items():
                ui.label(f"{claim}: {value}")
        checked = ui.label("")

        def check() -> None:   # a handler: no request, the page's client knows the user
            checked.text = f"Still signed in as {flaskui.current_user.email or flaskui.current_user.sub}"

        ui.button("Who am I?", on_click=check)
        ui.button("Sign out", on_click=flaskui.logout)

    @pages.page("/admin", title="Admin", requires=is_admin)
    def admin() -> None:
        ui.label("Admins only").classes("text-h5")
        ui.label(f"{len(admins)} admin(s) configured in ADMIN_EMAILS")

    app.register_blueprint(pages)
    return app


app = create_app(
    providers_from(os.environ),
    admins={email.strip() for email in os.environ.get("ADMIN_EMAILS", "").split(",") if email.strip()},
)

if __name__ == "__main__":
    flaskui.run(app)
