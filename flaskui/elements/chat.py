"""``ui.chat_message``: a speech bubble of a conversation."""
from __future__ import annotations

from ..element import Element


class ChatMessage(Element):
    """A chat message (https://quasar.dev/vue-components/chat).

    The texts are shown as text, never as HTML. For richer content, leave ``text`` out and build
    inside the message: ``with ui.chat_message(name="Bot"): ui.markdown("**hi**")``.

    Args:
        text: the message, or several messages (one bubble each).
        name: the author's name, above the bubbles.
        label: a label above the message, e.g. a date.
        stamp: a time stamp under the bubbles, e.g. ``"7 minutes ago"``.
        avatar: the URL of the author's picture.
        sent: whether the message was sent by the user (shown on the right, in another color).
    """

    def __init__(self, text: str | list[str] | None = None, *, name: str | None = None, label: str | None = None,
                 stamp: str | None = None, avatar: str | None = None, sent: bool = False) -> None:
        super().__init__("q-chat-message")
        if text is not None:
            self.props["text"] = [text] if isinstance(text, str) else list(text)
        for key, value in (("name", name), ("label", label), ("stamp", stamp), ("avatar", avatar)):
            if value is not None:
                self.props[key] = value
        if sent:
            self.props["sent"] = True

    def _user_content(self) -> list[str]:
        texts = self.props.get("text") or []
        return super()._user_content() + [str(text) for text in texts]
