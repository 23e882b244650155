"""The app the file tests drive: static and media folders, media elements, uploads, downloads."""
from __future__ import annotations

import io
import wave
from pathlib import Path
from typing import Any

from flask import Flask
from PIL import Image

import flaskui
from flaskui import MultiUploadEventArguments, UploadEventArguments, UploadRejectedEventArguments, ui

DATA = Path(__file__).parent / "data"
CLIP = DATA / "clip.webm"
NON_ASCII_NAME = "Grüße – 日本語 report.txt"


def png(color: str = "red", size: tuple[int, int] = (4, 3)) -> bytes:
    buffer = io.BytesIO()
    Image.new("RGB", size, color).save(buffer, format="PNG")
    return buffer.getvalue()


def wav(seconds: float = 0.5) -> bytes:
    buffer = io.BytesIO()
    with wave.open(buffer, "wb") as out:
        out.setnchannels(1)
        out.setsampwidth(2)
        out.setframerate(8000)
        out.writeframes(b"\0\0" * int(8000 * seconds))
    return buffer.getvalue()


def make_folders(root: Path) -> Path:
    """``root/assets`` with files and symlinks, and ``root/secret.txt`` beside it."""
    assets = root / "assets"
    (assets / "sub").mkdir(parents=True)
    (assets / "hello.txt").write_text("hello static")
    (assets / "page.html").write_text("<h1>hi</h1>")
    (assets / "sub" / "data.json").write_text('{"a": 1}')
    (assets / "big.bin").write_bytes(bytes(range(256)) * 4096)  # 1 MiB with a known pattern
    (root / "secret.txt").write_text("secret")
    (assets / "outside").symlink_to(root / "secret.txt")
    (assets / "inside").symlink_to(assets / "hello.txt")
    return assets


class Received:
    """What the upload handlers saw."""

    def __init__(self) -> None:
        self.files: list[dict[str, Any]] = []
        self.batches: list[list[str]] = []
        self.rejections: list[str] = []


def create_files_app(root: Path, url_prefix: str | None = None, **config: Any) -> Flask:
    assets = make_folders(root)
    pages = flaskui.Blueprint("pages", __name__)
    pages.add_static_files("/assets", assets, max_age=600)
    pages.add_static_files("/linked", assets, follow_symlinks=True)
    pages.add_media_files("/media", DATA)
    pages.add_static_file(assets / "hello.txt", "/hello.txt")
    received = Received()

    @pages.page("/media-elements")
    def media_elements() -> None:
        ui.image(png()).mark("bytes")
        ui.image(Image.new("RGB", (2, 2), "blue")).mark("pil")
        ui.image("https://example.com/a.png").mark("url")
        ui.video(CLIP, muted=True).mark("video")
        ui.audio(wav()).mark("audio")
        box = ui.row()

        def add() -> None:
            with box:
                ui.image(png("green")).mark("added")

        ui.button("add image", on_click=add)

    @pages.page("/video")
    def video() -> None:
        ui.video(CLIP, muted=True).style("width: 320px")
        ui.image(png("teal", (40, 20))).style("width: 80px").mark("image")

    @pages.page("/upload")
    def upload() -> None:
        def on_upload(event: UploadEventArguments) -> None:
            file = event.file
            received.files.append({"name": file.name, "size": file.size, "type": file.content_type,
                                   "data": file.read(), "chunks": sum(len(c) for c in file.iter_chunks(1000))})
            ui.label(f"got {file.name} ({file.size} bytes)")

        def on_multi(event: MultiUploadEventArguments) -> None:
            received.batches.append([file.name for file in event.files])

        def on_rejected(event: UploadRejectedEventArguments) -> None:
            received.rejections.append(event.reason)
            ui.label(f"rejected: {event.reason}")

        ui.upload(label="Files", on_upload=on_upload, on_multi_upload=on_multi, on_rejected=on_rejected,
                  max_file_size=1024 * 1024, max_total_size=5 * 512 * 1024, max_files=3, auto_upload=True)

    @pages.page("/upload-big")
    def upload_big() -> None:
        ui.upload(on_upload=lambda e: ui.label(f"got {e.file.name} ({e.file.size} bytes)"),
                  max_file_size=64 * 1024 * 1024, auto_upload=True)

    @pages.page("/upload-disabled")
    def upload_disabled() -> None:
        uploader = ui.upload(on_upload=lambda e: received.files.append({"name": e.file.name}))
        uploader.enabled = False
        ui.button("enable", on_click=lambda: setattr(uploader, "enabled", True))
        ui.button("delete", on_click=uploader.delete)

    @pages.page("/download")
    def download() -> None:
        ui.button("text", on_click=lambda: ui.download.content("Grüße\n", NON_ASCII_NAME))
        ui.button("bytes", on_click=lambda: ui.download.content(b"\x00\x01", "data.bin"))
        ui.button("file", on_click=lambda: ui.download.file(assets / "hello.txt"))
        ui.button("url", on_click=lambda: ui.download.from_url("https://example.com/x.zip", "x.zip"))

    app = Flask(__name__)
    app.config.update(SECRET_KEY="test", **config)
    app.register_blueprint(pages, url_prefix=url_prefix)
    app.extensions["received"] = received
    return app
