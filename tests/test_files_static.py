"""App static and media folders through Flask's test client: safe paths, validators, ranges."""
from __future__ import annotations

from pathlib import Path

import pytest
from flask import Flask, url_for
from flask.testing import FlaskClient

import flaskui
from flaskui.files.paths import clean_filename, part_filename, resolve

from .files_pages import CLIP, create_files_app


@pytest.fixture
def app(tmp_path: Path) -> Flask:
    return create_files_app(tmp_path)


@pytest.fixture
def http(app: Flask) -> FlaskClient:
    return app.test_client()


def test_static_file_has_validators_cache_and_nosniff(http: FlaskClient) -> None:
    response = http.get("/assets/hello.txt")
    assert response.status_code == 200 and response.data == b"hello static"
    assert response.headers["Cache-Control"] == "public, max-age=600"
    assert response.headers["X-Content-Type-Options"] == "nosniff"
    assert response.headers["Content-Type"].startswith("text/plain")
    assert response.headers["Accept-Ranges"] == "bytes"
    etag, modified = response.headers["ETag"], response.headers["Last-Modified"]
    assert http.get("/assets/hello.txt", headers={"If-None-Match": etag}).status_code == 304
    assert http.get("/assets/hello.txt", headers={"If-Modified-Since": modified}).status_code == 304
    assert http.get("/assets/sub/data.json").json == {"a": 1}
    assert http.get("/hello.txt").data == b"hello static"


def test_changed_file_gets_a_new_etag(http: FlaskClient, tmp_path: Path) -> None:
    etag = http.get("/assets/hello.txt").headers["ETag"]
    (tmp_path / "assets" / "hello.txt").write_text("hello again, longer")
    response = http.get("/assets/hello.txt", headers={"If-None-Match": etag})
    assert response.status_code == 200 and response.data == b"hello again, longer"


@pytest.mark.parametrize("path", [
    "/assets/../secret.txt",
    "/assets/%2e%2e/secret.txt",
    "/assets/%2E%2E%2Fsecret.txt",
    "/assets/sub/../../secret.txt",
    "/assets/..%5csecret.txt",
    "/assets/sub%5c..%5c..%5csecret.txt",
    "/assets/%252e%252e/secret.txt",
    "/assets/hello.txt%00.png",
    "/assets/C:%5cWindows%5cwin.ini",
    "/assets/c:/secret.txt",
    "/assets//etc/passwd",
    "/assets/%2fetc%2fpasswd",
    "/assets/outside",
    "/assets/sub",
    "/assets/missing.txt",
])
def test_paths_that_leave_the_folder_or_name_no_file_are_404(http: FlaskClient, path: str) -> None:
    response = http.get(path, follow_redirects=True)  # "//" is merged by a redirect to the same folder
    assert response.status_code == 404
    assert b"secret" not in response.data and b"root:" not in response.data


def test_symlinks_inside_the_folder_work_and_outside_only_when_allowed(http: FlaskClient) -> None:
    assert http.get("/assets/inside").data == b"hello static"
    assert http.get("/assets/outside").status_code == 404
    assert http.get("/linked/outside").data == b"secret"


def test_resolve_refuses_every_escape(tmp_path: Path) -> None:
    folder = Path(tmp_path)
    (folder / "a.txt").write_text("a")
    assert resolve(folder, "a.txt") == folder / "a.txt"
    for bad in ["../a.txt", "/etc/passwd", "..", "a\\..\\..\\x", "a.txt\x00", "C:a.txt", "c:/x", "\\\\server\\share"]:
        assert resolve(folder, bad) is None, bad


@pytest.mark.parametrize("name, cleaned", [
    ("report.pdf", "report.pdf"),
    ("../../etc/passwd", "passwd"),
    ("C:\\Users\\ada\\résumé.pdf", "résumé.pdf"),
    ("a\x00b\nc\u202etxt.exe", "abctxt.exe"),
    ("..", "upload"),
    ("", "upload"),
    (None, "upload"),
    ("日本語 ファイル.txt", "日本語 ファイル.txt"),
])
def test_clean_filename(name: str | None, cleaned: str) -> None:
    assert clean_filename(name) == cleaned


def test_clean_filename_keeps_the_extension_within_255_bytes() -> None:
    cleaned = clean_filename("ü" * 300 + ".txt")
    assert cleaned.endswith(".txt") and len(cleaned.encode()) <= 255


@pytest.mark.parametrize("header, name", [
    ('form-data; name="file"; filename="C:\\Users\\ada\\a.bin"', "C:\\Users\\ada\\a.bin"),
    ('form-data; name="file"; filename="say %22hi%22%0D%0A.txt"', 'say "hi"\r\n.txt'),
    ('form-data; name="a; filename=x.exe"; filename="real.txt"', "real.txt"),
    ("form-data; name=file; filename=plain.txt", "plain.txt"),
    ('form-data; name="file"; filename="fallback.txt"; filename*=UTF-8\'\'Gr%C3%BC%C3%9Fe.txt', "Grüße.txt"),
    ('form-data; name="file"', None),
])
def test_part_filename_reads_names_as_browsers_write_them(header: str, name: str | None) -> None:
    assert part_filename(header) == name


def test_media_folder_serves_ranges(http: FlaskClient) -> None:
    size = CLIP.stat().st_size
    data = CLIP.read_bytes()
    full = http.get("/media/clip.webm")
    assert full.status_code == 200 and full.data == data and full.headers["Content-Type"] == "video/webm"
    assert full.headers["Cache-Control"] == "no-cache" and full.headers["X-Content-Type-Options"] == "nosniff"

    single = http.get("/media/clip.webm", headers={"Range": "bytes=100-199"})
    assert single.status_code == 206 and single.data == data[100:200]
    assert single.headers["Content-Range"] == f"bytes 100-199/{size}" and single.headers["Content-Length"] == "100"

    open_ended = http.get("/media/clip.webm", headers={"Range": f"bytes={size - 10}-"})
    assert open_ended.status_code == 206 and open_ended.data == data[-10:]

    suffix = http.get("/media/clip.webm", headers={"Range": "bytes=-5"})
    assert suffix.status_code == 206 and suffix.data == data[-5:]
    assert suffix.headers["Content-Range"] == f"bytes {size - 5}-{size - 1}/{size}"

    past_end = http.get("/media/clip.webm", headers={"Range": f"bytes={size - 1}-{size + 1000}"})
    assert past_end.status_code == 206 and past_end.data == data[-1:]


@pytest.mark.parametrize("header", ["bytes=99999999-", "bytes=50-10", "bytes=abc", "items=0-1"])
def test_unsatisfiable_or_malformed_range_is_416(http: FlaskClient, header: str) -> None:
    response = http.get("/media/clip.webm", headers={"Range": header})
    assert response.status_code == 416
    assert response.headers["Content-Range"] == f"bytes */{CLIP.stat().st_size}"


def test_multi_range_gets_the_whole_file(http: FlaskClient) -> None:
    response = http.get("/media/clip.webm", headers={"Range": "bytes=0-1,5-6"})
    assert response.status_code == 200 and response.data == CLIP.read_bytes()


def test_if_range_serves_the_range_only_for_the_current_version(http: FlaskClient) -> None:
    etag = http.get("/media/clip.webm").headers["ETag"]
    current = http.get("/media/clip.webm", headers={"Range": "bytes=0-9", "If-Range": etag})
    assert current.status_code == 206 and len(current.data) == 10
    stale = http.get("/media/clip.webm", headers={"Range": "bytes=0-9", "If-Range": '"an-old-version"'})
    assert stale.status_code == 200 and stale.data == CLIP.read_bytes()


def test_large_range_is_read_from_the_middle(http: FlaskClient) -> None:
    pattern = bytes(range(256)) * 4096
    response = http.get("/assets/big.bin", headers={"Range": "bytes=500000-500255"})
    assert response.status_code == 206 and response.data == pattern[500000:500256]


def test_head_has_the_headers_and_no_body(http: FlaskClient) -> None:
    response = http.head("/media/clip.webm")
    assert response.status_code == 200 and response.data == b""
    assert response.headers["Content-Length"] == str(CLIP.stat().st_size)


def test_folders_follow_the_blueprint_prefix_and_script_name(tmp_path: Path) -> None:
    app = create_files_app(tmp_path, url_prefix="/shop")
    http = app.test_client()
    assert http.get("/shop/assets/hello.txt").data == b"hello static"
    assert http.get("/assets/hello.txt").status_code == 404
    with app.test_request_context("/", base_url="http://localhost/app/"):
        assert url_for("pages.assets", filename="hello.txt") == "/app/shop/assets/hello.txt"


def test_registering_a_missing_folder_or_file_fails_at_once(tmp_path: Path) -> None:
    pages = flaskui.Blueprint("pages", __name__)
    with pytest.raises(NotADirectoryError):
        pages.add_static_files("/x", tmp_path / "nope")
    with pytest.raises(FileNotFoundError):
        pages.add_media_file(tmp_path / "nope.mp4")


def test_single_file_gets_a_stable_generated_url(tmp_path: Path) -> None:
    (tmp_path / "logo.svg").write_text("<svg xmlns='http://www.w3.org/2000/svg'/>")
    pages = flaskui.Blueprint("pages", __name__)
    url = pages.add_media_file(tmp_path / "logo.svg")
    assert url.startswith("/_files/") and url.endswith("/logo.svg")
    app = Flask(__name__)
    app.register_blueprint(pages)
    response = app.test_client().get(url)
    assert response.status_code == 200 and response.mimetype == "image/svg+xml"
    assert response.headers["Cache-Control"] == "no-cache"
