"""Receiving uploads: one route for every upload element, with limits enforced while reading.

``POST {prefix}/_flaskui/upload/<token>`` carries a multipart body. The token belongs to one
upload element (only its page has it) and the request must carry the session cookie of the
browser that owns that page. Werkzeug's streaming ``MultiPartParser`` reads the body in 64 KiB
pieces and writes each file part into a ``SpooledTemporaryFile`` whose every write is counted
against the limits: the moment one is passed the request is answered with 413 and a reason, and
the connection is closed once the answer is out, so the rest of the body is never read (the WSGI
server would read it to keep the connection alive). Once a request's files pass
``SPOOL_SIZE`` together they go to disk, so neither one large file nor many small ones sit in
memory::

    limits = Limits(max_file_size=10 * 2**20, max_total_size=50 * 2**20, max_files=5)
    files = receive(limits)                 # raises UploadRejected("... larger than 10 MiB ...")
    files[0].name, files[0].size, files[0].read()

The files' temporary storage is freed by ``UploadedFile.close`` once the handlers returned.
"""
from __future__ import annotations

import shutil
import socket
import tempfile
from dataclasses import dataclass
from pathlib import Path
from typing import IO, TYPE_CHECKING, Iterator, NoReturn, cast

from flask import abort, after_this_request, current_app, request
from werkzeug.exceptions import ClientDisconnected, RequestEntityTooLarge
from werkzeug.formparser import MultiPartParser
from werkzeug.http import parse_options_header
from werkzeug.sansio.multipart import File
from werkzeug.wrappers import Response

from .paths import clean_filename, part_filename
from .store import FileRegistry, owned_by_session

if TYPE_CHECKING:
    from os import PathLike

SPOOL_SIZE = 512 * 1024
CHUNK_SIZE = 256 * 1024
_MAX_FIELD_SIZE = 512 * 1024  # non-file fields; also caps the parser's buffer, so above its 64 KiB reads
_MAX_PARTS = 1000
_PART_OVERHEAD = 1024  # generous: boundary and part headers per file


def format_size(size: int) -> str:
    """``1536`` → ``"1.5 KiB"``."""
    if size < 1024:
        return f"{size} bytes"
    value, unit = size / 1024, "KiB"
    for bigger in ("MiB", "GiB"):
        if value < 1024:
            break
        value, unit = value / 1024, bigger
    return f"{round(value, 1):g} {unit}"


@dataclass(frozen=True)
class Limits:
    """What one upload request may carry; None: no limit of that kind."""

    max_file_size: int | None
    max_total_size: int
    max_files: int | None


class UploadRejected(Exception):
    """An upload over a limit; ``str(error)`` says which, for the user."""


class _Spool(tempfile.SpooledTemporaryFile[bytes]):
    """A file part's storage whose writes count against the request's limits."""

    def __init__(self, budget: _Budget, filename: str) -> None:
        super().__init__(max_size=SPOOL_SIZE, mode="w+b")
        self.budget = budget
        self.filename = filename
        self.size = 0

    def write(self, data: bytes) -> int:  # type: ignore[override]
        self.size += len(data)
        self.budget.count(self, len(data))
        if self.budget.total > SPOOL_SIZE:  # many small files must not add up in memory either
            self.rollover()
        return super().write(data)


class _Budget:
    """The limits of one request, and every spool it opened (to close them whatever happens)."""

    def __init__(self, limits: Limits) -> None:
        self.limits = limits
        self.total = 0
        self.spools: list[_Spool] = []

    def open(self, filename: str | None) -> IO[bytes]:
        """The storage of a new file part, called at its start."""
        name = clean_filename(filename)
        if self.limits.max_files is not None and len(self.spools) >= self.limits.max_files:
            raise UploadRejected(f"too many files: at most {self.limits.max_files} per upload")
        self.spools.append(_Spool(self, name))
        return self.spools[-1]

    def count(self, spool: _Spool, size: int) -> None:
        self.total += size
        if self.limits.max_file_size is not None and spool.size > self.limits.max_file_size:
            raise UploadRejected(f"{spool.filename} is larger than {format_size(self.limits.max_file_size)}, "
                                 "the limit per file")
        if self.total > self.limits.max_total_size:
            raise UploadRejected(f"the upload is larger than {format_size(self.limits.max_total_size)}, "
                                 "the limit for all files together")

    def close(self) -> None:
        for spool in self.spools:
            spool.close()


class _Parser(MultiPartParser):
    """Werkzeug's streaming parser, each file part stored by the budget under the name the browser meant."""

    def __init__(self, budget: _Budget) -> None:
        super().__init__(max_form_memory_size=_MAX_FIELD_SIZE, max_form_parts=_MAX_PARTS)
        self.budget = budget

    def start_file_streaming(self, event: File, total_content_length: int | None) -> IO[bytes]:
        return self.budget.open(part_filename(event.headers.get("content-disposition", "")))


class _CutShort(Exception):
    """The browser went away mid-upload (a closed tab, a lost network)."""


class _Body:
    """The request body, telling a browser that went away from other I/O errors (a full disk)."""

    def __init__(self, stream: IO[bytes]) -> None:
        self._stream = stream

    def read(self, size: int = -1) -> bytes:
        try:
            return self._stream.read(size)
        except (OSError, ClientDisconnected) as error:  # gevent's input, Werkzeug's LimitedStream
            raise _CutShort() from error


class UploadedFile:
    """One received file, on disk or in memory until the upload handlers have returned.

    Attributes:
        name: the browser's file name without directories or control characters (safe to join
            to a folder; non-ASCII letters kept).
        content_type: the type the browser declared (not checked: do not trust it).
        size: the size in bytes.
    """

    def __init__(self, name: str, content_type: str, spool: IO[bytes], size: int) -> None:
        self.name = name
        self.content_type = content_type
        self.size = size
        self._spool = spool

    def read(self) -> bytes:
        """The whole content (into memory: prefer ``save`` or ``iter_chunks`` for large files)."""
        self._spool.seek(0)
        return self._spool.read()

    def iter_chunks(self, chunk_size: int = CHUNK_SIZE) -> Iterator[bytes]:
        """The content in pieces of at most ``chunk_size`` bytes."""
        self._spool.seek(0)
        while chunk := self._spool.read(chunk_size):
            yield chunk

    def save(self, path: str | PathLike[str]) -> Path:
        """Copy the content to ``path`` (a file name, not a folder); returns it as a ``Path``."""
        self._spool.seek(0)
        with open(path, "wb") as target:
            shutil.copyfileobj(self._spool, target, CHUNK_SIZE)
        return Path(path)

    def close(self) -> None:
        """Free the temporary storage (done for you after the handlers)."""
        self._spool.close()

    def __repr__(self) -> str:
        return f"<UploadedFile {self.name!r} {self.content_type} {self.size} bytes>"


def receive(limits: Limits) -> list[UploadedFile]:
    """Read the current request's multipart body into ``UploadedFile``s, enforcing ``limits``.

    Raises:
        UploadRejected: a limit was passed (the rest of the body is left unread).
        werkzeug.exceptions.BadRequest: not a multipart body.
    """
    mimetype, options = parse_options_header(request.content_type)
    if mimetype != "multipart/form-data" or not options.get("boundary"):
        abort(400, description="expected a multipart/form-data body")
    parts = limits.max_files if limits.max_files is not None else _MAX_PARTS
    length = request.content_length
    if length is not None and length > limits.max_total_size + _MAX_FIELD_SIZE + parts * _PART_OVERHEAD:
        raise UploadRejected(f"the upload is larger than {format_size(limits.max_total_size)}, "
                             "the limit for all files together")
    budget = _Budget(limits)
    parser = _Parser(budget)
    try:
        _, parsed = parser.parse(cast(IO[bytes], _Body(request.stream)), options["boundary"].encode(), length)
    except RequestEntityTooLarge:
        budget.close()
        raise UploadRejected("too many parts or too large form fields") from None
    except ValueError as error:
        budget.close()
        abort(400, description=f"malformed multipart body: {error}")
    except _CutShort:
        budget.close()
        abort(400, description="the upload was cut short")
    except BaseException:
        budget.close()
        raise
    files = [(cast(_Spool, storage.stream), storage.content_type) for _, storage in parsed.items(multi=True)]
    for spool in budget.spools:
        if not any(spool is received for received, _ in files):  # a part cut short by the body's end
            spool.close()
    return [UploadedFile(spool.filename, content_type or "application/octet-stream", spool, spool.size)
            for spool, content_type in files]


def _close_after_error(response: Response) -> Response:
    """After an error answer (the body unread, or partly) end the connection once the answer is out,
    without reading the rest of the body: WSGI servers read it to keep the connection alive
    (gunicorn's gevent worker 1 KiB at a time, which held a worker ~21 s for a refused 200 MiB
    upload; gevent's pywsgi all of it), and a browser that goes on sending gets a reset instead."""
    if response.status_code >= 400:
        response.headers["Connection"] = "close"   # enough for flaskui's own server (server.py)
        sock = request.environ.get("gunicorn.socket")
        if sock is not None:   # gunicorn drops the header and keeps the connection
            response.call_on_close(lambda: _hang_up(sock))
    return response


def _hang_up(sock: socket.socket) -> NoReturn:
    """End a gunicorn connection whose answer was sent, before gunicorn reads on."""
    try:
        sock.shutdown(socket.SHUT_RDWR)   # should a middleware swallow what follows, reads see the end
    except OSError:   # the peer was gone already
        pass
    raise StopIteration()   # gunicorn's "the connection is not yours" (as websocket.py's): it closes it now


def upload_view(token: str) -> Response:
    """``POST {prefix}/_flaskui/upload/<token>``: receive files for one upload element."""
    after_this_request(_close_after_error)
    element = FileRegistry.of(current_app).uploads.get(token)
    if element is None:
        abort(404)
    if not owned_by_session(element.client):
        abort(403, description="this upload belongs to another browser")
    refusal = element.events_refused_because()   # disabled, hidden, or inside something hidden
    if refusal is not None:
        abort(403, description=f"this upload {refusal}")
    try:
        files = receive(element.limits)
    except UploadRejected as rejection:
        element._rejected(str(rejection))
        return Response(str(rejection), 413, mimetype="text/plain")   # _close_after_error ends the connection
    try:
        ok = element._received(files)
    finally:
        for file in files:
            file.close()
    return Response("ok" if ok else "the upload handler failed", 200 if ok else 500, mimetype="text/plain")
