"""Files: upload pictures, see them in a gallery, download one or all of them as a zip.

    flaskui run files_app:app          # or: python files_app.py

The server checks the limits while the files arrive (a too large file is refused at once, not
after it was received), keeps the pictures of each tab in memory for as long as the tab is open,
and serves them from cached URLs; downloads go through one-time links, not the websocket.
"""
from __future__ import annotations

import io
import zipfile

from flask import Flask

import flaskui
from flaskui import UploadEventArguments, UploadRejectedEventArguments, ui
from flaskui.files.media import sniff

MAX_PICTURE = 5 * 1024 * 1024

pages = flaskui.Blueprint("pages", __name__)


@pages.page("/", title="Pictures")
def index() -> None:
    pictures: dict[str, bytes] = {}
    ui.label("Pictures").classes("text-h5")
    count = ui.label("No pictures yet")
    gallery = ui.row()

    def add(event: UploadEventArguments) -> None:
        data = event.file.read()
        if not sniff(data).startswith("image/"):  # the browser's content type is not to be trusted
            ui.notify(f"{event.file.name} is not a picture", type="warning")
            return
        name = event.file.name
        pictures[name] = data
        with gallery:
            with ui.card().mark("picture"):
                ui.image(data).style("width: 160px")
                ui.label(name)
                ui.button("Download", icon="download", on_click=lambda: ui.download.content(data, name))
        count.text = f"{len(pictures)} picture{'s' if len(pictures) > 1 else ''}"

    def refused(event: UploadRejectedEventArguments) -> None:
        ui.notify(event.reason, type="negative")

    def download_all() -> None:
        archive = io.BytesIO()
        with zipfile.ZipFile(archive, "w") as zipped:
            for name, data in pictures.items():
                zipped.writestr(name, data)
        ui.download.content(archive.getvalue(), "pictures.zip")

    ui.upload(label="Add pictures (5 MB each)", on_upload=add, on_rejected=refused,
              max_file_size=MAX_PICTURE, max_files=10, auto_upload=True).props("accept=image/*")
    ui.button("Download all as zip", icon="archive", on_click=download_all)


app = Flask(__name__)
app.register_blueprint(pages)

if __name__ == "__main__":
    flaskui.run(app)
