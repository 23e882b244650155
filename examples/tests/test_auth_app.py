from __future__ import annotations

import pytest
from flask import Flask

import auth_app
from flaskui.testing import User, sign_in

EXAMPLE = "auth_app"

#: A provider that is never contacted: the simulated user does not follow the tab to it.
PROVIDERS = auth_app.providers_from({
    "OIDC_SERVER_METADATA_URL": "http://127.0.0.1:9/.well-known/openid-configuration",
    "OIDC_CLIENT_ID": "example", "OIDC_CLIENT_SECRET": "secret", "OIDC_TITLE": "Example ID",
})


@pytest.fixture
def app() -> Flask:
    return auth_app.create_app(PROVIDERS, admins={"ada@example.org"})


def test_without_providers_the_app_says_what_to_set() -> None:
    user = User(auth_app.create_app({}, admins=set()))
    user.open("/")
    user.should_see("No sign-in provider is configured")
    user.close()


def test_sign_in_button_sends_the_tab_to_the_provider(user: User) -> None:
    user.open("/")
    user.should_see("You are not signed in")
    user.find("Sign in with Example ID").click()
    assert user.navigation == ["/_flaskui/auth/login/oidc?next=%2Fprofile"]


def test_profile_needs_a_signed_in_user(user: User) -> None:
    response = user.http.get("/profile")
    assert response.status_code == 302
    assert response.headers["Location"] == "/_flaskui/auth/login?next=%2Fprofile"


def test_signed_in_user_sees_the_profile_and_handlers_know_them(user: User) -> None:
    sign_in(user, provider="oidc", sub="ada-1", name="Ada", email="ada@example.org")
    user.open("/")
    user.should_see("Hello, Ada")
    user.open("/profile")
    user.should_see("email: ada@example.org")
    user.find("Who am I?").click()
    user.should_see("Still signed in as ada@example.org")


def test_admin_page_is_for_admins_only(user: User) -> None:
    sign_in(user, provider="oidc", sub="bob-2", name="Bob", email="bob@example.org")
    assert user.http.get("/admin").status_code == 403
    sign_in(user, provider="oidc", sub="ada-1", name="Ada", email="ada@example.org")
    user.open("/admin")
    user.should_see("Admins only")


def test_sign_out_button_goes_to_the_self_submitting_sign_out_page(user: User) -> None:
    sign_in(user, provider="oidc", sub="ada-1", name="Ada", email="ada@example.org")
    user.open("/profile")
    user.find("Sign out").click()
    page = user.http.get(user.navigation[0]).get_data(as_text=True)
    assert 'id="flaskui-logout"' in page and ".submit()" in page
