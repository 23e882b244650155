"""The upload route: tokens, sessions, limits enforced while reading, handlers and temporary files."""
from __future__ import annotations

import io
import os
import re
import socket
import threading
import time
from pathlib import Path
from typing import Any, Callable, Iterator

import pytest
from flask import Flask

from flaskui import ui
from flaskui.files.uploads import SPOOL_SIZE
from flaskui.testing import LiveServer, ProtocolClient, User

from .files_pages import Received, create_files_app

MiB = 1024 * 1024


@pytest.fixture
def app(tmp_path: Path) -> Flask:
    return create_files_app(tmp_path)


@pytest.fixture
def received(app: Flask) -> Received:
    return app.extensions["received"]  # type: ignore[no-any-return]


def upload_url(user: User) -> str:
    return str(user.find(kind=ui.upload).elements[0].props["url"])


def post(user: User, url: str, *files: tuple[bytes, str] | tuple[bytes, str, str]) -> Any:
    data = {"file": [(io.BytesIO(f[0]), *f[1:]) for f in files]}
    return user.http.post(url, data=data, content_type="multipart/form-data")


class CountingStream(io.RawIOBase):
    """A request body made on the fly that counts how much of it the server read."""

    def __init__(self, head: bytes, size: int) -> None:
        self.head, self.size, self.position = head, size, 0

    def readable(self) -> bool:
        return True

    def seekable(self) -> bool:
        return True

    def seek(self, offset: int, whence: int = io.SEEK_SET) -> int:
        self.position = {io.SEEK_SET: 0, io.SEEK_CUR: self.position, io.SEEK_END: self.size}[whence] + offset
        return self.position

    def readinto(self, buffer: Any) -> int:
        count = max(0, min(len(buffer), self.size - self.position))
        head = self.head[self.position:self.position + count]  # the multipart head, then filler bytes
        buffer[:count] = head + b"x" * (count - len(head))
        self.position += count
        return count


def multipart_head(boundary: str, filename: str) -> bytes:
    return (f"--{boundary}\r\nContent-Disposition: form-data; name=\"file\"; filename=\"{filename}\"\r\n"
            "Content-Type: application/octet-stream\r\n\r\n").encode()


def test_upload_reaches_the_handlers_with_clean_names(user: User, received: Received) -> None:
    user.open("/upload")
    response = user.find(kind=ui.upload).upload(("../../evil/a.txt", b"abc", "text/plain"),
                                                ("C:\\Users\\ada\\Grüße\x07.bin", b"x" * 5000))
    assert response.status_code == 200
    assert [(f["name"], f["size"], f["type"], f["data"][:3], f["chunks"]) for f in received.files] == [
        ("a.txt", 3, "text/plain", b"abc", 3), ("Grüße.bin", 5000, "application/octet-stream", b"xxx", 5000)]
    assert received.batches == [["a.txt", "Grüße.bin"]]
    user.should_see("got a.txt (3 bytes)")


def test_temporary_files_are_gone_after_the_handler_and_large_ones_on_disk(user: User, tmp_path: Path) -> None:
    kept: list[Any] = []
    saved = tmp_path / "saved.bin"
    user.open("/upload")
    uploader = user.find(kind=ui.upload).elements[0]
    assert isinstance(uploader, ui.upload)

    def keep(event: Any) -> None:
        kept.append((event.file, event.file._spool._rolled))
        event.file.save(saved)

    uploader.on_upload(keep)
    big = os.urandom(SPOOL_SIZE + 1000)
    assert post(user, upload_url(user), (b"small", "s.txt"), (big, "big.bin")).status_code == 200
    assert [rolled for _, rolled in kept] == [False, True], "past the spool size a file goes to disk"
    assert saved.read_bytes() == big
    for file, _ in kept:
        with pytest.raises(ValueError):
            file.read()  # closed: its temporary storage is freed


@pytest.mark.parametrize("files, reason", [
    ([(b"x" * (MiB + 1), "huge.bin")], "huge.bin is larger than 1 MiB, the limit per file"),
    ([(b"x", f"{i}.bin") for i in range(4)], "too many files: at most 3 per upload"),
    ([(b"x" * MiB, f"{i}.bin") for i in range(3)],
     "the upload is larger than 2.5 MiB, the limit for all files together"),
])
def test_limits_answer_413_with_the_reason(user: User, received: Received, files: list[tuple[bytes, str]],
                                           reason: str) -> None:
    user.open("/upload")
    response = post(user, upload_url(user), *files)
    assert response.status_code == 413
    assert response.text == reason
    assert response.headers["Connection"] == "close"
    assert received.files == [], "no handler sees any file of a refused upload"
    user.should_see(f"rejected: {reason}")


def test_declared_oversize_body_is_refused_before_reading_it(user: User) -> None:
    user.open("/upload")
    boundary = "b0undary"
    body = CountingStream(multipart_head(boundary, "huge.bin"), 200 * MiB)
    response = user.http.post(upload_url(user), input_stream=body, content_length=200 * MiB,
                              content_type=f"multipart/form-data; boundary={boundary}")
    assert response.status_code == 413 and "larger than 2.5 MiB" in response.text
    assert body.position == 0


def test_limit_is_enforced_while_reading(user: User) -> None:
    user.open("/upload")
    boundary = "b0undary"
    size = 2 * MiB  # declared size is plausible; the file inside is over the 1 MiB per-file limit
    body = CountingStream(multipart_head(boundary, "huge.bin"), size)
    response = user.http.post(upload_url(user), input_stream=body, content_length=size,
                              content_type=f"multipart/form-data; boundary={boundary}")
    assert response.status_code == 413 and response.text == "huge.bin is larger than 1 MiB, the limit per file"
    assert body.position < MiB + 256 * 1024, "reading stopped right after the limit"


def test_upload_cut_short_by_the_browser_is_400(user: User, received: Received) -> None:
    class Broken(CountingStream):
        def readinto(self, buffer: Any) -> int:
            if self.position > 100_000:
                raise ConnectionResetError("the browser went away")
            return super().readinto(buffer)

    user.open("/upload")
    boundary = "b0undary"
    body = Broken(multipart_head(boundary, "a.bin"), 500_000)
    response = user.http.post(upload_url(user), input_stream=body, content_length=500_000,
                              content_type=f"multipart/form-data; boundary={boundary}")
    assert response.status_code == 400 and "cut short" in response.text
    assert received.files == []


def test_another_browser_cannot_use_the_token(create_user: Callable[[], User], received: Received) -> None:
    alice, mallory = create_user(), create_user()
    alice.open("/upload")
    mallory.open("/upload")
    assert post(mallory, upload_url(alice), (b"x", "x.txt")).status_code == 403
    mallory.http.delete_cookie("session")
    assert post(mallory, upload_url(alice), (b"x", "x.txt")).status_code == 403
    assert post(alice, upload_url(alice) + "x", (b"x", "x.txt")).status_code == 404
    assert received.files == []
    assert post(alice, upload_url(alice), (b"x", "x.txt")).status_code == 200


def test_disabled_or_deleted_upload_refuses(user: User, received: Received) -> None:
    user.open("/upload-disabled")
    url = upload_url(user)
    assert user.find(kind=ui.upload).elements[0].props["disable"] is True
    response = post(user, url, (b"x", "x.txt"))
    assert response.status_code == 403 and "disabled" in response.text
    user.find("enable").click()
    assert post(user, url, (b"x", "x.txt")).status_code == 200
    user.find("delete").click()
    assert post(user, url, (b"x", "x.txt")).status_code == 404
    assert [f["name"] for f in received.files] == ["x.txt"]


def test_closed_page_refuses(user: User) -> None:
    user.open("/upload")
    url = upload_url(user)
    assert user.client is not None
    user.client.delete()
    assert post(user, url, (b"x", "x.txt")).status_code == 404


@pytest.mark.parametrize("content_type, body", [
    ("application/json", b"{}"),
    ("multipart/form-data", b"no boundary"),
    ("multipart/form-data; boundary=xyz", b"--xyz\r\nContent-Disposition: form-data; name=\"f\"; filename=\"a\"\r\n"),
])
def test_malformed_requests_are_400(user: User, content_type: str, body: bytes) -> None:
    user.open("/upload")
    response = user.http.post(upload_url(user), data=body, content_type=content_type)
    assert response.status_code == 400


def test_browser_side_rejection_reaches_on_rejected(user: User, received: Received) -> None:
    user.open("/upload")
    user.find(kind=ui.upload).trigger("rejected", [[{"failedPropValidation": "max-file-size", "file": {}},
                                                    {"failedPropValidation": "max-files", "file": {}}]])
    reason = "2 files refused: larger than 1 MiB, the limit per file; more than 3 files"
    user.should_see(f"rejected: {reason}")
    assert received.rejections == [reason]


def test_without_on_rejected_the_tab_is_notified(user: User) -> None:
    user.open("/upload-big")
    user.find(kind=ui.upload).trigger("rejected", [[{"failedPropValidation": "accept", "file": {}}]])
    assert user._wait(lambda: bool(user.notifications))
    assert user.notifications == ["1 file refused: not of an accepted type"]


def test_failing_handler_answers_500(app: Flask, user: User, caplog: pytest.LogCaptureFixture) -> None:
    user.open("/upload")
    uploader = user.find(kind=ui.upload).elements[0]
    assert isinstance(uploader, ui.upload)
    uploader.on_upload(lambda: 1 / 0)
    response = post(user, upload_url(user), (b"x", "x.txt"))
    assert response.status_code == 500 and response.text == "the upload handler failed"
    assert "ZeroDivisionError" in caplog.text


# -- over a real socket --------------------------------------------------------------------------------


def rss() -> int:
    """This process's resident memory in bytes (the live server runs in a thread of it)."""
    status = Path("/proc/self/status").read_text()
    match = re.search(r"VmRSS:\s+(\d+) kB", status)
    assert match
    return int(match.group(1)) * 1024


def open_upload_page(server: LiveServer, path: str) -> tuple[str, str]:
    page = ProtocolClient(server.url).open(path)
    url = next(e["props"]["url"] for e in page.elements.values() if e["tag"] == "q-uploader")
    return str(url), page.cookie_header()


def send_upload(server: LiveServer, url: str, cookie: str, size: int, *, chunked: bool) -> tuple[bytes, int]:
    """POST one file of ``size`` bytes, streamed by a thread; returns the response and how much was sent by then."""
    port = int(server.url.rsplit(":", 1)[1])
    boundary = "flaskui-test-boundary"
    head, tail = multipart_head(boundary, "huge.bin"), f"\r\n--{boundary}--\r\n".encode()
    headers = [f"POST {url} HTTP/1.1", f"Host: 127.0.0.1:{port}", f"Cookie: {cookie}",
               f"Content-Type: multipart/form-data; boundary={boundary}"]
    headers.append("Transfer-Encoding: chunked" if chunked else f"Content-Length: {len(head) + size + len(tail)}")
    sock = socket.create_connection(("127.0.0.1", port), timeout=30)
    sock.sendall(("\r\n".join(headers) + "\r\n\r\n").encode())
    sent = [0]
    stop = threading.Event()

    def frame(data: bytes) -> bytes:
        return b"%x\r\n%s\r\n" % (len(data), data) if chunked else data

    def pieces() -> Iterator[bytes]:
        piece = b"x" * 65536
        yield frame(head)
        while sent[0] < size and not stop.is_set():
            sent[0] += len(piece)
            yield frame(piece)
        yield frame(tail) + (b"0\r\n\r\n" if chunked else b"")

    def pump() -> None:
        try:
            for data in pieces():
                sock.sendall(data)
        except OSError:
            pass  # the server closed the connection after answering

    sender = threading.Thread(target=pump, daemon=True)
    sender.start()
    response = b""
    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        header, _, body = response.partition(b"\r\n\r\n")
        length = re.search(rb"Content-Length: (\d+)", header, re.I)
        if length and len(body) >= int(length.group(1)):
            break
        data = sock.recv(65536)
        if not data:
            break
        response += data
    sent_then = sent[0]
    stop.set()
    sender.join(30)
    sock.close()
    return response, sent_then


@pytest.mark.parametrize("chunked", [True, False], ids=["chunked", "content-length"])
def test_200_mb_upload_is_refused_early_with_flat_memory(live: LiveServer, chunked: bool) -> None:
    url, cookie = open_upload_page(live, "/upload")
    before = rss()
    response, sent = send_upload(live, url, cookie, 200 * MiB, chunked=chunked)
    assert response.startswith(b"HTTP/1.1 413"), response[:200]
    assert b"huge.bin is larger than 1 MiB" in response or b"larger than 2.5 MiB" in response
    assert sent < 50 * MiB, f"the answer came only after {sent} bytes"
    assert rss() - before < 50 * MiB


def test_large_accepted_upload_streams_to_disk(live: LiveServer) -> None:
    url, cookie = open_upload_page(live, "/upload-big")
    before = rss()
    response, sent = send_upload(live, url, cookie, 48 * MiB, chunked=True)
    assert response.startswith(b"HTTP/1.1 200"), response[:200]
    assert sent == 48 * MiB
    assert rss() - before < 24 * MiB, "the file went to a temporary file, not into memory"
