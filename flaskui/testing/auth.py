"""Signing a simulated user in without a provider, for tests of pages that need one.

Writes the user into the test client's session exactly as a finished sign-in would, so protected
pages, ``requires`` rules and ``current_user`` behave as in production::

    def test_admin_page(user: User) -> None:
        sign_in(user, provider="google", sub="ada-1", name="Ada", email="ada@example.org")
        user.open("/admin")
        user.should_see("Hello, Ada")

The sign-in flow itself (redirects, tokens, provider answers) is flaskui's to test, not yours.
"""
from __future__ import annotations

from typing import Any

from ..auth.identity import USER_KEY, AuthUser
from .user import User


def sign_in(user: User, *, provider: str, sub: str, **claims: Any) -> AuthUser:
    """Sign ``user``'s browser in as ``sub`` of ``provider`` with ``claims`` (``name``, ``email``...)."""
    signed_in = AuthUser(provider, {"sub": sub, **claims})
    with user.http.session_transaction() as session:
        session[USER_KEY] = signed_in.to_session()
    return signed_in
