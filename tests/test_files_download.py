"""``ui.download``: the ``dl`` op, single-use client-scoped URLs, RFC 5987 names."""
from __future__ import annotations

from pathlib import Path
from urllib.parse import quote

import pytest
from flask import Flask

from flaskui.testing import User

from .files_pages import NON_ASCII_NAME, create_files_app


@pytest.fixture
def app(tmp_path: Path) -> Flask:
    return create_files_app(tmp_path)


def test_content_download_keeps_a_non_ascii_name(user: User) -> None:
    user.open("/download")
    user.find("text").click()
    assert user._wait(lambda: bool(user.downloads))
    url, filename = user.downloads[0]
    assert filename == NON_ASCII_NAME and url.startswith("/_flaskui/download/")
    response = user.http.get(url)
    assert response.status_code == 200 and response.data == "Grüße\n".encode()
    assert response.mimetype == "text/plain"
    # an ASCII fallback for old clients, and the exact name as RFC 5987 UTF-8
    assert response.headers["Content-Disposition"] == (
        f"attachment; filename=\"Grue   report.txt\"; filename*=UTF-8''{quote(NON_ASCII_NAME, safe='')}")
    assert response.headers["Cache-Control"] == "private, no-store"
    assert response.headers["X-Content-Type-Options"] == "nosniff"


def test_download_url_is_single_use_and_belongs_to_its_browser(app: Flask, user: User) -> None:
    user.open("/download")
    user.find("bytes").click()
    user.find("file").click()
    assert user._wait(lambda: len(user.downloads) == 2)
    (content_url, content_name), (file_url, file_name) = user.downloads
    assert (content_name, file_name) == ("data.bin", "hello.txt")
    assert app.test_client().get(content_url).status_code == 403, "another browser"
    assert user.http.head(content_url).status_code == 200, "a HEAD does not use it up"
    response = user.http.get(content_url)
    assert response.data == b"\x00\x01" and response.mimetype == "application/octet-stream"
    assert response.headers["Content-Disposition"] == "attachment; filename=data.bin"
    assert user.http.get(content_url).status_code == 404, "used up"
    file = user.http.get(file_url)
    assert file.data == b"hello static" and "filename=hello.txt" in file.headers["Content-Disposition"]


def test_url_download_is_passed_to_the_tab(user: User) -> None:
    user.open("/download")
    user.find("url").click()
    assert user._wait(lambda: bool(user.downloads))
    assert user.downloads == [("https://example.com/x.zip", "x.zip")]


def test_downloads_go_with_the_client(user: User) -> None:
    user.open("/download")
    user.find("bytes").click()
    assert user._wait(lambda: bool(user.downloads))
    assert user.client is not None
    user.client.delete()
    assert user.http.get(user.downloads[0][0]).status_code == 404
