"""Files in Debian's chromium: upload progress, video seeking over Range requests, download names."""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from flask import Flask
from playwright.sync_api import Request, expect

from flaskui.testing import Screen

from .files_pages import NON_ASCII_NAME, create_files_app

pytestmark = pytest.mark.browser

MiB = 1024 * 1024


@pytest.fixture
def app(tmp_path: Path) -> Flask:
    return create_files_app(tmp_path)


def test_upload_shows_progress_and_reaches_the_handler(screen: Screen) -> None:
    screen.open("/upload-big")
    # slow the upload down (3 s) so its progress can be watched
    cdp = screen.context.new_cdp_session(screen.page)
    cdp.send("Network.enable")
    cdp.send("Network.emulateNetworkConditions",
             {"offline": False, "latency": 0, "downloadThroughput": -1, "uploadThroughput": MiB})
    size = 3 * MiB
    screen.page.locator("input[type=file]").set_input_files(
        files=[{"name": "big.bin", "mimeType": "application/octet-stream", "buffer": b"\x01" * size}])
    subtitle = screen.page.locator(".q-uploader__header .q-uploader__subtitle")
    # between 0 % and 100 %: q-uploader's own progress label, e.g. "3.0MB / 42.17%"
    expect(subtitle).to_have_text(re.compile(r"/ ([1-9]\d?\.\d\d)%$"), timeout=20_000)
    expect(screen.page.get_by_text(f"got big.bin ({size} bytes)")).to_be_visible(timeout=20_000)
    expect(subtitle).to_have_text(re.compile(r"/ 100\.00%$"))


def test_video_seeks_to_the_middle_over_range_requests(screen: Screen) -> None:
    ranges: list[str] = []

    def record(request: Request) -> None:
        if "/_flaskui/media/" in request.url and request.url.endswith(".webm"):
            ranges.append(request.headers.get("range", ""))

    screen.page.on("request", record)
    screen.open("/video")
    video = screen.page.locator("video")
    screen.page.wait_for_function("document.querySelector('video').readyState >= 1")
    assert screen.page.evaluate("document.querySelector('video').duration") == pytest.approx(10, abs=0.2)
    seeked = video.evaluate("""video => new Promise(resolve => {
        video.addEventListener('seeked', () => resolve(video.currentTime), {once: true});
        video.currentTime = 5;
    })""")
    assert seeked == pytest.approx(5, abs=0.2)
    screen.page.wait_for_function("document.querySelector('video').readyState >= 2")
    assert any(value.startswith("bytes=") for value in ranges), ranges
    natural = screen.page.evaluate("""() => new Promise(resolve => {
        const img = document.querySelector('.q-img img');
        if (img.complete) resolve(img.naturalWidth); else img.onload = () => resolve(img.naturalWidth);
    })""")
    assert natural == 40


def test_download_is_saved_under_its_non_ascii_name(screen: Screen) -> None:
    screen.open("/download")
    with screen.page.expect_download() as info:
        screen.click("text")
    download = info.value
    assert download.suggested_filename == NON_ASCII_NAME
    assert Path(download.path()).read_text(encoding="utf-8") == "Grüße\n"
