"""``ui.image``, ``ui.audio`` and ``ui.video``: a URL, a file, bytes or a PIL image as the source.

A ``str`` is a URL (an absolute one, or a path on this server) and is used as it is; a
``pathlib.Path`` is a file the server streams with Range requests (videos seek at once); bytes
and PIL images are kept for the page and served from a content-addressed, immutably cached URL.
A plain string is never read as a file name, so a value that comes from a user cannot expose
files of the server::

    ui.image("https://picsum.photos/200")
    ui.image(Path("static/logo.png"))
    ui.image(chart_png_bytes)
    ui.video(Path("clips/intro.webm"), autoplay=True, muted=True)
    ui.audio(wav_bytes, media_type="audio/wav")
"""
from __future__ import annotations

from ..element import Element
from ..files.media import MediaSource, media_url


class MediaElement(Element):
    """An element whose ``src`` prop shows a ``MediaSource``; assign ``source`` to change it."""

    def __init__(self, tag: str, source: MediaSource, media_type: str | None, name: str) -> None:
        super().__init__(tag)
        self._name = name
        self._media_type = media_type
        self.source = source

    @property
    def source(self) -> MediaSource:
        """What is shown: a URL, a path, bytes or a PIL image."""
        return self._source

    @source.setter
    def source(self, source: MediaSource) -> None:
        self._source = source
        self.props["src"] = media_url(self.client, source, self._media_type, self._name)


class Image(MediaElement):
    """A Quasar image (https://quasar.dev/vue-components/img), fitting its container's width.

    Args:
        source: a URL, a ``pathlib.Path``, bytes, or a PIL image (shown as PNG).
        media_type: the MIME type of bytes (default: told from their first bytes).
    """

    def __init__(self, source: MediaSource = "", *, media_type: str | None = None) -> None:
        super().__init__("q-img", source, media_type, "image")
        self.props["no-spinner"] = True


class _Player(MediaElement):
    def __init__(self, tag: str, source: MediaSource, media_type: str | None, *, controls: bool, autoplay: bool,
                 muted: bool, loop: bool) -> None:
        super().__init__(tag, source, media_type, tag)
        for name, value in (("controls", controls), ("autoplay", autoplay), ("muted", muted), ("loop", loop)):
            if value:
                self.props[name] = True


class Audio(_Player):
    """An HTML audio player.

    Args:
        source: a URL, a ``pathlib.Path`` or bytes.
        media_type: the MIME type of bytes (default: told from their first bytes).
        controls: show the player's controls.
        autoplay: start playing at once (browsers allow that only for muted media or after a click).
        muted: start muted.
        loop: start again at the end.
    """

    def __init__(self, source: MediaSource, *, media_type: str | None = None, controls: bool = True,
                 autoplay: bool = False, muted: bool = False, loop: bool = False) -> None:
        super().__init__("audio", source, media_type, controls=controls, autoplay=autoplay, muted=muted, loop=loop)


class Video(_Player):
    """An HTML video player; the arguments are those of ``ui.audio``."""

    def __init__(self, source: MediaSource, *, media_type: str | None = None, controls: bool = True,
                 autoplay: bool = False, muted: bool = False, loop: bool = False) -> None:
        super().__init__("video", source, media_type, controls=controls, autoplay=autoplay, muted=muted, loop=loop)
