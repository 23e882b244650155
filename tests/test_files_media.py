"""``ui.image``/``ui.audio``/``ui.video`` and the per-client media store."""
from __future__ import annotations

import io
from pathlib import Path

import gevent
import pytest
from flask import Flask
from PIL import Image
from werkzeug.middleware.proxy_fix import ProxyFix

from flaskui import ui
from flaskui.files.media import sniff
from flaskui.files.store import FileRegistry
from flaskui.testing import User

from .files_pages import CLIP, create_files_app, png


@pytest.fixture
def app(tmp_path: Path) -> Flask:
    return create_files_app(tmp_path)


def source_of(user: User, marker: str) -> str:
    return str(user.find(marker=marker).elements[0].props["src"])


def test_each_kind_of_source_gets_a_url_serving_it(user: User) -> None:
    user.open("/media-elements")
    assert source_of(user, "url") == "https://example.com/a.png"

    image = user.http.get(source_of(user, "bytes"))
    assert image.status_code == 200 and image.data == png() and image.mimetype == "image/png"
    assert image.headers["Cache-Control"] == "private, max-age=31536000, immutable"
    assert image.headers["X-Content-Type-Options"] == "nosniff"
    assert user.http.get(source_of(user, "bytes"), headers={"If-None-Match": image.headers["ETag"]}).status_code == 304

    pil = user.http.get(source_of(user, "pil"))
    assert pil.mimetype == "image/png" and Image.open(io.BytesIO(pil.data)).size == (2, 2)

    audio = user.http.get(source_of(user, "audio"))
    assert audio.mimetype == "audio/wav" and audio.data.startswith(b"RIFF")
    assert source_of(user, "audio").endswith(".wav")

    video_url = source_of(user, "video")
    assert video_url.endswith("/clip.webm")
    video = user.http.get(video_url, headers={"Range": "bytes=-100"})
    assert video.status_code == 206 and video.data == CLIP.read_bytes()[-100:] and video.mimetype == "video/webm"
    assert video.headers["Cache-Control"] == "private, no-cache"


def test_same_content_is_stored_once_and_a_new_source_gets_a_new_url(user: User) -> None:
    user.open("/media-elements")
    client = user.client
    assert client is not None
    with client.ui_context():
        first, second = ui.image(png()), ui.image(png())
        assert first.props["src"] == second.props["src"] == source_of(user, "bytes")
        old = first.props["src"]
        first.source = png("yellow")
        assert first.props["src"] != old
        assert user.http.get(old).status_code == 200, "an old URL keeps working while the page lives"


def test_media_urls_belong_to_their_browser_and_die_with_the_client(app: Flask, user: User) -> None:
    user.open("/media-elements")
    url = source_of(user, "bytes")
    assert app.test_client().get(url).status_code == 403, "another browser (no session cookie)"
    assert user.http.get(url.replace("/image.png", "/other.png")).status_code == 200, "the name is cosmetic"
    assert user.http.get(url.rsplit("/", 2)[0] + "/0123/image.png").status_code == 404
    assert user.client is not None
    user.client.delete()
    assert user.http.get(url).status_code == 404
    gevent.idle()  # the client's on_delete hooks run in greenlets
    assert len(FileRegistry.of(app)._files) == 0


def test_a_string_is_always_a_url_never_a_server_file(user: User) -> None:
    user.open("/media-elements")
    assert user.client is not None
    with user.client.ui_context():
        assert ui.image("/etc/passwd").props["src"] == "/etc/passwd"
        assert ui.video(str(CLIP)).props["src"] == str(CLIP)
        with pytest.raises(FileNotFoundError):
            ui.video(Path("/nonexistent/clip.webm"))
        with pytest.raises(FileNotFoundError):
            ui.image(Path(__file__).parent)
        with pytest.raises(TypeError, match="not int"):
            ui.image(42)  # type: ignore[arg-type]


def test_media_added_by_a_handler_respects_prefix_and_proxy_prefix(tmp_path: Path) -> None:
    app = create_files_app(tmp_path, url_prefix="/shop")
    app.wsgi_app = ProxyFix(app.wsgi_app, x_prefix=1)  # type: ignore[method-assign]
    http = app.test_client()
    http.environ_base["HTTP_X_FORWARDED_PREFIX"] = "/app"
    user = User(app, http)
    try:
        user.open("/shop/media-elements")
        assert source_of(user, "bytes").startswith("/app/shop/_flaskui/media/")
        user.find("add image").click()
        added = source_of(user, "added")  # built in a handler: no request context there
        assert added.startswith("/app/shop/_flaskui/media/")
        response = http.get(added.removeprefix("/app"))
        assert response.status_code == 200 and response.data == png("green")
    finally:
        user.close()


def test_sniffing_knows_the_common_formats() -> None:
    assert sniff(png()) == "image/png"
    assert sniff(b"\xff\xd8\xff\xe0....") == "image/jpeg"
    assert sniff(b"RIFF\0\0\0\0WEBPVP8 ") == "image/webp"
    assert sniff(CLIP.read_bytes()) == "video/webm"
    assert sniff(b"\0\0\0\x18ftypmp42") == "video/mp4"
    assert sniff(b"unknown") == "application/octet-stream"


@pytest.mark.parametrize("excess", [0, 1, 1024 * 1024])
def test_a_suffix_range_longer_than_the_file_gets_all_of_it(app: Flask, user: User, excess: int) -> None:
    big = bytes(range(256)) * 4096   # assets/big.bin, 1 MiB on disk
    on_disk = app.test_client().get("/assets/big.bin", headers={"Range": f"bytes=-{len(big) + excess}"})
    assert on_disk.status_code == 206 and on_disk.data == big
    assert on_disk.headers["Content-Range"] == f"bytes 0-{len(big) - 1}/{len(big)}"

    user.open("/media-elements")
    in_memory = user.http.get(source_of(user, "bytes"), headers={"Range": f"bytes=-{len(png()) + excess}"})
    assert in_memory.status_code == 206 and in_memory.data == png()
    assert in_memory.headers["Content-Range"] == f"bytes 0-{len(png()) - 1}/{len(png())}"
