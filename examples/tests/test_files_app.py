from __future__ import annotations

import io
import zipfile

from flaskui import ui
from flaskui.testing import User

EXAMPLE = "files_app"

PNG = (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x01\x00\x00\x00\x01\x08\x06\x00\x00\x00\x1f\x15\xc4\x89"
       b"\x00\x00\x00\rIDATx\x9cc\xf8\x0f\x00\x00\x01\x01\x00\x05\x18\xd8N\x00\x00\x00\x00IEND\xaeB`\x82")


def test_upload_shows_pictures_and_downloads_them(user: User) -> None:
    user.open("/")
    user.should_see("No pictures yet")
    response = user.find(kind=ui.upload).upload(("cat.png", PNG, "image/png"), ("dog.png", PNG, "image/png"))
    assert response.status_code == 200
    user.should_see("2 pictures")
    image = user.find(kind=ui.image).elements[0]
    assert user.http.get(image.props["src"]).data == PNG

    user.find("Download all as zip").click()
    (url, name), = user.downloads
    assert name == "pictures.zip"
    names = zipfile.ZipFile(io.BytesIO(user.http.get(url).data)).namelist()
    assert names == ["cat.png", "dog.png"]


def test_only_pictures_within_the_limit_are_kept(user: User) -> None:
    user.open("/")
    user.find(kind=ui.upload).upload(("notes.txt", b"not a picture", "image/png"))
    user.should_see("No pictures yet")
    response = user.find(kind=ui.upload).upload(("huge.png", PNG + b"\0" * 5 * 1024 * 1024))
    assert response.status_code == 413
    assert response.text == "huge.png is larger than 5 MiB, the limit per file"
    user.should_see("No pictures yet")
