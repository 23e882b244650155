"""``ui.upload``: Quasar's uploader, posting to flaskui's upload route with limits the server enforces.

The browser's q-uploader sends the files itself (so it shows progress) to this element's own
URL, which holds a random token only this page has; the server accepts them only with the
browser's session cookie, checks the limits while reading (413 as soon as one is passed) and calls
the handlers with the files, which it deletes afterwards::

    def save(event: UploadEventArguments) -> None:
        event.file.save(Path("inbox") / event.file.name)
        ui.notify(f"{event.file.name}: {event.file.size} bytes")

    ui.upload(on_upload=save, max_file_size=20 * 2**20, max_files=5, auto_upload=True)
"""
from __future__ import annotations

import secrets

from greenlet import GreenletExit
from dataclasses import dataclass, field

from ..context import ClientContext
from ..events import EventArguments, Handler, call_handler
from ..files.store import FileRegistry
from ..urls import client_url
from ..files.uploads import Limits, UploadedFile, format_size
from .disableable import DisableableElement
from .messages import notify


@dataclass(kw_only=True)
class UploadEventArguments(EventArguments):
    """What an ``on_upload`` handler receives: one ``file`` (name, content_type, size, read, save...)."""

    file: UploadedFile


@dataclass(kw_only=True)
class MultiUploadEventArguments(EventArguments):
    """What an ``on_multi_upload`` handler receives: all ``files`` of one upload."""

    files: list[UploadedFile] = field(default_factory=list)


@dataclass(kw_only=True)
class UploadRejectedEventArguments(EventArguments):
    """What an ``on_rejected`` handler receives: the ``reason``, said for the user."""

    reason: str


class Upload(DisableableElement):
    """A Quasar uploader (https://quasar.dev/vue-components/uploader).

    Args:
        label: the title in the uploader's header.
        on_upload: called for each file with ``UploadEventArguments``.
        on_multi_upload: called once per upload with all its files (``MultiUploadEventArguments``).
        on_rejected: called when files are refused (``UploadRejectedEventArguments``), by the
            browser or by the server; without it the tab gets a notification.
        max_file_size: the largest file in bytes.
        max_total_size: the largest upload in bytes, all files together (default
            ``FLASKUI_MAX_UPLOAD_SIZE``).
        max_files: the most files per upload.
        auto_upload: send files as soon as they are picked (else the user presses upload).

    Handlers run while the browser waits for the answer: the files exist until they return, so
    keep what you need with ``file.save(path)`` or ``file.read()``.
    """

    def __init__(self, *, label: str = "", on_upload: Handler | None = None, on_multi_upload: Handler | None = None,
                 on_rejected: Handler | None = None, max_file_size: int | None = None,
                 max_total_size: int | None = None, max_files: int | None = None, auto_upload: bool = False) -> None:
        super().__init__("q-uploader")
        self.limits = Limits(max_file_size, max_total_size or self.client.runtime.settings.max_upload_size, max_files)
        self._upload_handlers = [on_upload] if on_upload else []
        self._multi_upload_handlers = [on_multi_upload] if on_multi_upload else []
        self._rejected_handlers = [on_rejected] if on_rejected else []
        self._token = secrets.token_urlsafe(24)
        self._registry = FileRegistry.of(self.client.app)
        self._registry.uploads[self._token] = self
        self.props["url"] = client_url(self.client, "upload", token=self._token)
        self.props["batch"] = True  # one request per upload: limits and on_multi_upload see all files
        self.props["multiple"] = max_files != 1
        self.props["auto-upload"] = auto_upload
        self.props["max-total-size"] = self.limits.max_total_size
        if max_file_size is not None:
            self.props["max-file-size"] = max_file_size
        if max_files is not None:
            self.props["max-files"] = max_files
        if label:
            self.props["label"] = label
        self.on("rejected", self._rejected_in_browser)

    def on_upload(self, handler: Handler) -> Upload:
        """Also call ``handler`` for each uploaded file."""
        self._upload_handlers.append(handler)
        return self

    def on_multi_upload(self, handler: Handler) -> Upload:
        """Also call ``handler`` once per upload with all its files."""
        self._multi_upload_handlers.append(handler)
        return self

    def on_rejected(self, handler: Handler) -> Upload:
        """Also call ``handler`` when files are refused."""
        self._rejected_handlers.append(handler)
        return self

    def _received(self, files: list[UploadedFile]) -> bool:
        """Run the handlers in the upload request (so the files live until they return)."""
        with self.client.ui_context():
            try:
                for file in files:
                    for handler in self._upload_handlers:
                        call_handler(handler, UploadEventArguments(sender=self, client=self.client, file=file))
                for handler in self._multi_upload_handlers:
                    call_handler(handler, MultiUploadEventArguments(sender=self, client=self.client, files=files))
            except GreenletExit:
                raise
            except BaseException as error:   # SystemExit too: a handler never ends the worker
                self.client.runtime.handle_exception(error, self.client, self)
                return False
        return True

    def _rejected(self, reason: str) -> None:
        """Tell the handlers (in their own greenlets: the 413 goes out at once) or the tab."""
        if not self._rejected_handlers:
            with ClientContext(self.client):
                notify(reason, type="negative")
        for handler in self._rejected_handlers:
            self.client.events.submit_logged(handler, UploadRejectedEventArguments(sender=self, client=self.client,
                                                                                   reason=reason))

    def _rejected_in_browser(self, event: EventArguments) -> None:
        """q-uploader's ``rejected`` event: ``[{failedPropValidation: "max-file-size", file}, ...]``."""
        entries = event.args[0] if event.args and isinstance(event.args[0], list) else []
        limits = self.limits
        why = {
            "max-file-size": f"larger than {format_size(limits.max_file_size or 0)}, the limit per file",
            "max-total-size": f"over {format_size(limits.max_total_size)} in total",
            "max-files": f"more than {limits.max_files} files",
            "accept": "not of an accepted type",
        }
        checks = sorted({str(e.get("failedPropValidation")) for e in entries if isinstance(e, dict)})
        count = max(len(entries), 1)
        reasons = "; ".join(why.get(check, check) for check in checks) or "over a limit"
        self._rejected(f"{count} file{'s' if count > 1 else ''} refused: {reasons}")

    def _release(self) -> None:
        # Here, not in _forget: a refresh's rebuilt upload takes over this one's id and only
        # releases it (Client._take_over), and this token must then stop reaching its handlers.
        self._registry.uploads.pop(self._token, None)
        super()._release()
