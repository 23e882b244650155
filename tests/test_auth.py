"""Sign-in (docs/auth.md): real authorization-code flows against the provider of oidc_provider.py.

The app runs in Flask's test client; the provider runs on 127.0.0.1 and is reached over real
HTTP, both by the test (the browser's part: the login form) and by the app (the code exchange,
discovery, JWKS, userinfo).
"""
from __future__ import annotations

import re
from typing import Any, Iterator
from urllib.parse import parse_qs, urlsplit

import pytest
import requests
from flask import Flask
from flask.testing import FlaskClient
from playwright.sync_api import expect
from werkzeug.test import TestResponse

import flaskui
from flaskui import ui
from flaskui.auth import AuthConfigError, AuthUser
from flaskui.auth.identity import USER_KEY
from flaskui.connection import serve
from flaskui.runtime import Runtime
from flaskui.session import BROWSER_KEY
from flaskui.testing import Screen, User
from flaskui.testing.memory_transport import MemoryTransport

from .oidc_provider import OIDCProvider

CSRF = re.compile(r'name="csrf_token" value="([^"]+)"')


def is_admin(user: AuthUser) -> bool:
    return "admin" in user.claims.get("groups", [])


def create_auth_app(providers: dict[str, Any], secret: str = "test-secret") -> Flask:
    app = Flask(__name__)
    app.config.update(SECRET_KEY=secret, FLASKUI_AUTH={"providers": providers})
    pages = flaskui.Blueprint("pages", __name__)

    @pages.page("/")
    def home() -> None:
        ui.label(f"Home of {flaskui.current_user.name or 'anonymous'}")
        ui.button("Sign in with GitHub", on_click=lambda: flaskui.login(provider="github"))

    @pages.page("/admin", login_required=True)
    def admin() -> None:
        ui.label(f"Admin {flaskui.current_user.name}")
        clicks = [0]
        who = ui.label("nobody yet")

        def show() -> None:   # a handler: no request, the user comes from the client
            clicks[0] += 1
            who.text = f"{flaskui.current_user.email} #{clicks[0]}"

        ui.button("Who", on_click=show)
        ui.button("Sign out", on_click=flaskui.logout)

    @pages.page("/root", requires=is_admin)
    def root() -> None:
        ui.label("Root")

    app.register_blueprint(pages)
    return app


@pytest.fixture(scope="module")
def provider() -> Iterator[OIDCProvider]:
    with OIDCProvider() as running:
        yield running


@pytest.fixture(autouse=True)
def well_behaved(provider: OIDCProvider) -> None:
    provider.reset()
    provider.allow("http://localhost")   # where the test client's app lives


@pytest.fixture
def app(provider: OIDCProvider) -> Flask:
    return create_auth_app({"oidc": provider.config("oidc"), "github": provider.config("github")})


@pytest.fixture
def http(app: Flask) -> FlaskClient:
    return app.test_client()


# -- the browser's part of the flow ------------------------------------------------------------------
def start(http: FlaskClient, name: str = "oidc", next: str = "/admin") -> str:
    """Begin signing in; the provider's authorization URL."""
    response = http.get(f"/_flaskui/auth/login/{name}", query_string={"next": next})
    assert response.status_code == 302, response.get_data(as_text=True)
    return response.headers["Location"]


def authorize(url: str, username: str = "ada") -> str:
    """Log in at the provider's form; the app's callback path with code and state."""
    password = {"ada": "lovelace", "bob": "builder"}[username]
    answer = requests.post(url, data={"username": username, "password": password}, allow_redirects=False, timeout=10)
    assert answer.status_code == 302, answer.text
    callback = urlsplit(answer.headers["Location"])
    return f"{callback.path}?{callback.query}"


def sign_in(http: FlaskClient, name: str = "oidc", next: str = "/admin", username: str = "ada") -> TestResponse:
    return http.get(authorize(start(http, name, next), username))


def sign_out(http: FlaskClient) -> TestResponse:
    page = http.get("/_flaskui/auth/logout")
    match = CSRF.search(page.get_data(as_text=True))
    assert match is not None
    return http.post("/_flaskui/auth/logout", data={"csrf_token": match.group(1)})


def session_of(app: Flask, http: FlaskClient) -> dict[str, Any]:
    cookie = http.get_cookie(app.config["SESSION_COOKIE_NAME"])
    assert cookie is not None
    serializer = app.session_interface.get_signing_serializer(app)
    return serializer.loads(cookie.value)


def signed_in(http: FlaskClient) -> bool:
    return http.get("/admin").status_code == 200


# -- the flow ----------------------------------------------------------------------------------------------
def test_anonymous_visit_goes_to_sign_in_with_next(http: FlaskClient) -> None:
    response = http.get("/admin?tab=2")
    assert response.status_code == 302
    assert response.headers["Location"] == "/_flaskui/auth/login?next=%2Fadmin%3Ftab%3D2"
    assert response.headers["Cache-Control"] == "no-store"
    chooser = http.get(response.headers["Location"]).get_data(as_text=True)
    assert 'href="/_flaskui/auth/login/oidc?next=/admin?tab%3D2">Sign in with Test OIDC' in chooser
    assert "Sign in with Test GitHub" in chooser


def test_oidc_sign_in_with_state_nonce_and_pkce(http: FlaskClient, provider: OIDCProvider) -> None:
    query = parse_qs(urlsplit(start(http)).query)
    assert query["code_challenge_method"] == ["S256"] and query["nonce"] and query["state"]
    assert query["scope"] == ["openid email profile"]
    response = http.get(authorize(start(http)))
    assert response.status_code == 302 and response.headers["Location"] == "/admin"
    assert "Admin Ada Lovelace" in http.get("/admin").get_data(as_text=True)
    assert provider.issued_codes[-1].code_challenge_method == "S256"


def test_session_keeps_a_few_claims_and_no_tokens(app: Flask, http: FlaskClient) -> None:
    sign_in(http)
    data = session_of(app, http)
    assert data[USER_KEY] == {"provider": "oidc", "claims": {
        "sub": "ada-1", "email": "ada@example.org", "name": "Ada Lovelace", "groups": ["admin"]}}
    assert not [key for key in data if key.startswith("_state_")], "the state is used up"
    assert not re.search(r"token|eyJ", repr(data)), "no access token or id_token in the cookie"


def test_session_cookie_is_httponly_lax_and_secure_on_https(app: Flask) -> None:
    plain = app.test_client().get("/").headers["Set-Cookie"]
    assert "HttpOnly" in plain and "SameSite=Lax" in plain and "Secure" not in plain
    secure = app.test_client().get("/", base_url="https://localhost").headers["Set-Cookie"]
    assert "Secure" in secure and "SameSite=Lax" in secure


def test_github_style_provider_with_explicit_endpoints(app: Flask, http: FlaskClient) -> None:
    query = parse_qs(urlsplit(start(http, "github")).query)
    assert "nonce" not in query and query["code_challenge_method"] == ["S256"]
    assert sign_in(http, "github").headers["Location"] == "/admin"
    user = AuthUser.from_session(session_of(app, http)[USER_KEY])
    assert (user.provider, user.sub, user.name, user.email) == ("github", "4242", "Ada Lovelace", "ada@example.org")
    assert user.claims["login"] == "ada"


def test_sign_in_started_on_one_worker_finishes_on_another(provider: OIDCProvider) -> None:
    settings = {"oidc": provider.config("oidc")}
    first, second = create_auth_app(settings).test_client(), create_auth_app(settings).test_client()
    callback = authorize(start(first))
    cookie = first.get_cookie("session")
    assert cookie is not None
    second.set_cookie("session", cookie.value)
    assert second.get(callback).headers["Location"] == "/admin"
    assert signed_in(second)


def test_only_provider_is_chosen_without_asking(provider: OIDCProvider) -> None:
    http = create_auth_app({"oidc": provider.config("oidc")}).test_client()
    response = http.get("/_flaskui/auth/login?next=/admin")
    assert response.headers["Location"] == "/_flaskui/auth/login/oidc?next=/admin"
    assert http.get("/_flaskui/auth/login/nope").status_code == 404


# -- refused answers -------------------------------------------------------------------------------------
def test_wrong_state_is_refused(http: FlaskClient) -> None:
    callback = authorize(start(http))
    forged = re.sub(r"state=[^&]+", "state=forged", callback)
    response = http.get(forged)
    assert response.status_code == 400 and "Sign-in failed" in response.get_data(as_text=True)
    assert not signed_in(http)


def test_code_cannot_be_replayed(http: FlaskClient) -> None:
    callback = authorize(start(http))
    cookie = http.get_cookie("session")
    assert cookie is not None and http.get(callback).status_code == 302
    assert http.get(callback).status_code == 400, "the state is used up"
    other = http.application.test_client()
    other.set_cookie("session", cookie.value)   # the session from before the callback: state still there
    assert other.get(callback).status_code == 400, "the provider refuses a used code"
    assert not signed_in(other)


def test_id_token_with_another_nonce_is_refused(http: FlaskClient, provider: OIDCProvider) -> None:
    provider.nonce_override = "somebody-elses-nonce"
    assert sign_in(http).status_code == 400
    assert not signed_in(http)


def test_expired_id_token_is_refused(http: FlaskClient, provider: OIDCProvider) -> None:
    provider.id_token_lifetime = -600   # beyond authlib's 120 s leeway
    assert sign_in(http).status_code == 400
    assert not signed_in(http)


def test_error_from_the_provider_is_refused(http: FlaskClient) -> None:
    state = parse_qs(urlsplit(start(http)).query)["state"][0]
    response = http.get(f"/_flaskui/auth/callback/oidc?error=access_denied&state={state}")
    assert response.status_code == 400
    assert not signed_in(http)


def test_tampered_session_cookie_is_anonymous(app: Flask, http: FlaskClient) -> None:
    sign_in(http)
    cookie = http.get_cookie("session")
    assert cookie is not None
    middle = len(cookie.value) // 2
    flipped = "A" if cookie.value[middle] != "A" else "B"
    http.set_cookie("session", cookie.value[:middle] + flipped + cookie.value[middle + 1:])
    assert not signed_in(http)
    forged = create_auth_app({"oidc": {"client_id": "x", "server_metadata_url": "http://127.0.0.1:9/"}}, secret="guess")
    with forged.test_request_context():
        value = forged.session_interface.get_signing_serializer(forged).dumps(
            {USER_KEY: {"provider": "oidc", "claims": {"sub": "ada-1", "groups": ["admin"]}}})
    http.set_cookie("session", value)
    assert not signed_in(http)


@pytest.mark.parametrize("target", [
    "https://evil.example/x", "//evil.example", "/\\evil.example", "\\/evil.example", "%2F%2Fevil.example",
    "/%2F%2Fevil.example", "/%5Cevil.example", "/\t/evil.example", "http:evil.example", "javascript:alert(1)", "",
])
def test_next_cannot_leave_the_site(http: FlaskClient, target: str) -> None:
    assert sign_in(http, next=target).headers["Location"] == "/"


def test_next_keeps_a_same_origin_path(http: FlaskClient) -> None:
    assert sign_in(http, next="/root?tab=2").headers["Location"] == "/root?tab=2"


# -- access rules ---------------------------------------------------------------------------------------------
def test_requires_decides_who_sees_the_page(app: Flask) -> None:
    ada, bob = app.test_client(), app.test_client()
    assert ada.get("/root").status_code == 302
    sign_in(ada, next="/root")
    assert ada.get("/root").status_code == 200
    sign_in(bob, next="/root", username="bob")
    assert bob.get("/root").status_code == 403


def test_current_user_in_page_and_handler(user: User) -> None:
    assert sign_in(user.http).status_code == 302
    user.open("/admin")
    user.should_see("Admin Ada Lovelace")
    user.find("Who").click()
    user.should_see("ada@example.org #1")


def test_current_user_outside_any_context_raises() -> None:
    with pytest.raises(RuntimeError, match="current_user needs a request"):
        _ = flaskui.current_user.name


# -- signing out ---------------------------------------------------------------------------------------------
def test_logout_needs_the_csrf_token(app: Flask, http: FlaskClient) -> None:
    sign_in(http)
    assert http.post("/_flaskui/auth/logout").status_code == 400
    other = app.test_client()
    other.get("/")
    foreign = CSRF.search(other.get("/_flaskui/auth/logout").get_data(as_text=True))
    assert foreign is not None
    assert http.post("/_flaskui/auth/logout", data={"csrf_token": foreign.group(1)}).status_code == 400
    assert http.get("/_flaskui/auth/logout").get_data(as_text=True).count("<script>") == 0, "no ticket: no auto-submit"
    assert signed_in(http)


def test_logout_clears_the_session_and_ends_the_provider_session(
    app: Flask, http: FlaskClient, provider: OIDCProvider
) -> None:
    http.get("/")
    sign_in(http)
    browser = session_of(app, http)[BROWSER_KEY]
    response = sign_out(http)
    assert session_of(app, http) == {BROWSER_KEY: browser}, "everything but the browser id is gone"
    end = urlsplit(response.headers["Location"])
    assert f"{end.scheme}://{end.netloc}{end.path}" == provider.url + "/logout"
    query = parse_qs(end.query)
    assert query["client_id"] == ["oidc-client"] and query["post_logout_redirect_uri"] == ["http://localhost/"]
    back = requests.get(response.headers["Location"], allow_redirects=False, timeout=10)
    assert back.status_code == 302 and back.headers["Location"].startswith("http://localhost/")
    assert len(provider.logouts) == 1
    assert not signed_in(http)


def test_logout_of_a_provider_without_end_session_goes_to_next(http: FlaskClient) -> None:
    sign_in(http, "github")
    page = http.get("/_flaskui/auth/logout?next=/root").get_data(as_text=True)
    token = CSRF.search(page)
    assert token is not None and 'name="next" value="/root"' in page
    response = http.post("/_flaskui/auth/logout", data={"csrf_token": token.group(1), "next": "/root"})
    assert response.headers["Location"] == "/root"


def test_logout_button_sends_the_tab_to_a_self_submitting_form(user: User) -> None:
    sign_in(user.http)
    user.open("/admin")
    user.find("Sign out").click()
    (target,) = user.navigation
    assert target.startswith("/_flaskui/auth/logout?ticket=")
    page = user.http.get(target).get_data(as_text=True)
    assert 'document.getElementById("flaskui-logout").submit()' in page
    token = CSRF.search(page)
    assert token is not None
    user.http.post("/_flaskui/auth/logout", data={"csrf_token": token.group(1)})
    assert not signed_in(user.http)


def test_login_button_sends_the_tab_to_the_provider(user: User) -> None:
    user.open("/")
    user.should_see("Home of anonymous")
    user.find("Sign in with GitHub").click()
    assert user.navigation == ["/_flaskui/auth/login/github?next=%2F"]


def test_events_are_refused_after_logout_in_another_tab(user: User) -> None:
    sign_in(user.http)
    user.open("/admin")
    user.find("Who").click()
    user.should_see("ada@example.org #1")
    assert sign_out(user.http).status_code == 302   # another tab of the same browser
    user.find("Who").click()
    assert [reason.split(" (")[0] for reason in user.refusals] == ["the browser signed out"]
    assert user.navigation == ["/admin"], "the tab goes back to its page, which asks to sign in"
    user.should_not_see("ada@example.org #2")


def test_signing_in_as_someone_else_stops_the_old_tabs(user: User) -> None:
    sign_in(user.http)
    user.open("/admin")
    sign_in(user.http, username="bob")   # another tab of the same browser
    user.find("Who").click()
    assert [reason.split(" (")[0] for reason in user.refusals] == ["the browser signed out"]
    user.should_not_see("ada@example.org #1")


def test_reconnect_after_logout_reloads_the_tab(app: Flask, user: User) -> None:
    sign_in(user.http)
    user.open("/admin")
    client = user.client
    assert client is not None
    user.close()
    sign_out(user.http)
    messages: list[dict[str, Any]] = []
    transport = MemoryTransport(messages.append)
    transport.post({"t": "hello", "client": client.id, "tab": "t-1", "last": 0})
    serve(Runtime.of(app), transport, client.browser_id, AuthUser())
    assert messages == [{"t": "reload"}] and client.deleted


def test_reconnect_as_another_user_reloads_the_tab(app: Flask, user: User) -> None:
    sign_in(user.http)
    user.open("/admin")
    client = user.client
    assert client is not None
    user.close()
    messages: list[dict[str, Any]] = []
    transport = MemoryTransport(messages.append)
    transport.post({"t": "hello", "client": client.id, "tab": "t-1", "last": 0})
    serve(Runtime.of(app), transport, client.browser_id, AuthUser("oidc", {"sub": "bob-2"}))
    assert messages == [{"t": "reload"}]


# -- configuration -------------------------------------------------------------------------------------------
@pytest.mark.parametrize("auth, message", [
    ({}, 'FLASKUI_AUTH["providers"] must be a non-empty dict'),
    ({"providers": {}, "provider": {}}, 'FLASKUI_AUTH["provider"] is not a known key'),
    ({"providers": {"g": {"client_secret": "s", "server_metadata_url": "https://x"}}},
     'FLASKUI_AUTH["providers"]["g"]["client_id"] is missing'),
    ({"providers": {"g": {"client_id": "c", "client_secert": "s", "server_metadata_url": "https://x"}}},
     '["g"]["client_secert"] is not a known key'),
    ({"providers": {"g": {"client_id": "c", "server_metadata_url": "accounts.google.com"}}},
     '["g"]["server_metadata_url"] must be an http(s) URL'),
    ({"providers": {"gh": {"client_id": "c", "authorize_url": "https://a", "access_token_url": "https://t"}}},
     '["gh"]["userinfo_endpoint"] is missing'),
    ({"providers": {"gh": {"client_id": "c", "access_token_url": "https://t", "userinfo_endpoint": "https://u"}}},
     '["gh"]["authorize_url"] is missing'),
    ({"providers": {"a b": {"client_id": "c", "server_metadata_url": "https://x"}}}, "a provider name is letters"),
    ({"providers": {"g": {"client_id": "c", "server_metadata_url": "https://x", "client_kwargs": "openid"}}},
     '["g"]["client_kwargs"] must be a dict'),
    ({"providers": {"g": {"client_id": "c", "server_metadata_url": "https://x", "claims": "groups"}}},
     '["g"]["claims"] must be a list of claim names'),
])
def test_malformed_configuration_fails_at_startup(auth: dict[str, Any], message: str) -> None:
    app = Flask(__name__)
    app.config["FLASKUI_AUTH"] = auth
    with pytest.raises(AuthConfigError, match=re.escape(message)):
        app.register_blueprint(flaskui.Blueprint("pages", __name__))


def test_protected_page_without_configuration_fails_at_startup() -> None:
    pages = flaskui.Blueprint("pages", __name__)

    @pages.page("/admin", login_required=True)
    def admin() -> None:
        ui.label("secret")

    with pytest.raises(AuthConfigError, match=r"page '/admin' needs a signed-in user, but .* no FLASKUI_AUTH"):
        Flask(__name__).register_blueprint(pages)


def test_strict_same_site_fails_at_startup(provider: OIDCProvider) -> None:
    app = Flask(__name__)
    app.config.update(FLASKUI_AUTH={"providers": {"oidc": provider.config("oidc")}}, SESSION_COOKIE_SAMESITE="Strict")
    with pytest.raises(AuthConfigError, match="SESSION_COOKIE_SAMESITE='Strict'"):
        app.register_blueprint(flaskui.Blueprint("pages", __name__))


# -- in a browser -------------------------------------------------------------------------------------------------
@pytest.mark.browser
def test_sign_in_and_out_in_a_browser(screen: Screen, provider: OIDCProvider) -> None:
    provider.allow(screen.server.url)
    page = screen.page
    page.goto("/admin")
    page.get_by_text("Sign in with Test OIDC").click()
    expect(page.get_by_role("button", name="Log in")).to_be_visible()
    assert page.url.startswith(provider.url + "/authorize?")
    page.get_by_label("Username").fill("ada")
    page.get_by_label("Password").fill("lovelace")
    page.get_by_role("button", name="Log in").click()
    page.wait_for_url(screen.server.url + "/admin")
    screen.wait_for_idle()
    screen.should_contain("Admin Ada Lovelace")
    screen.click("Who")
    screen.should_contain("ada@example.org #1")
    screen.click("Sign out")
    page.wait_for_url(re.compile(re.escape(screen.server.url + "/") + r"(\?.*)?$"))
    screen.wait_for_idle()
    screen.should_contain("Home of anonymous")
    assert len(provider.logouts) == 1
