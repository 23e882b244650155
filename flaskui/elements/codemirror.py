"""``ui.codemirror``: a code editor (CodeMirror 6, https://codemirror.net/) with syntax highlighting.

``value`` is two-way bound like an input's: the user's typing reaches the server (and
``on_change``), and assigning ``value`` on the server replaces the text in the browser::

    editor = ui.codemirror("print('hello')", language="Python", on_change=lambda e: print(e.value))
    editor.value = "print('bye')"
"""
from __future__ import annotations

from ..events import Handler
from .value_element import ValueElement

#: The languages ``language`` accepts (keep in step with frontend/codemirror-bundle.js).
LANGUAGES = ("C++", "CSS", "Go", "HTML", "Java", "JavaScript", "JSX", "JSON", "Markdown", "PHP", "Python", "Rust",
             "SQL", "TypeScript", "TSX", "XML", "YAML")
#: The themes ``theme`` accepts.
THEMES = ("basicLight", "basicDark", "oneDark")


class CodeMirror(ValueElement, component="codemirror.js", dependencies=["lib/codemirror/codemirror.min.js"]):
    """A code editor.

    Args:
        value: the initial text.
        on_change: called with ``ValueChangeEventArguments`` after every change.
        language: one of ``LANGUAGES`` (case-insensitive), or None for plain text.
        theme: one of ``THEMES``.
        indent: the text one indentation level inserts.
        line_wrapping: wrap long lines instead of scrolling sideways.
        highlight_whitespace: show spaces and tabs.
    """

    def __init__(self, value: str = "", *, on_change: Handler | None = None, language: str | None = None,
                 theme: str = "basicLight", indent: str = " " * 4, line_wrapping: bool = False,
                 highlight_whitespace: bool = False) -> None:
        super().__init__("", value=value, on_change=on_change)  # no tag: the component's
        self.language = language
        self.theme = theme
        self.props["indent"] = indent
        self.props["line-wrapping"] = line_wrapping
        self.props["highlight-whitespace"] = highlight_whitespace

    @property
    def language(self) -> str | None:
        """The highlighted language (one of ``LANGUAGES``) or None."""
        language: str | None = self.props["language"]
        return language

    @language.setter
    def language(self, language: str | None) -> None:
        self.props["language"] = _pick(language, LANGUAGES, "language") if language is not None else None

    @property
    def theme(self) -> str:
        """The look, one of ``THEMES``."""
        return str(self.props["theme"])

    @theme.setter
    def theme(self, theme: str) -> None:
        self.props["theme"] = _pick(theme, THEMES, "theme")


def _pick(name: str, names: tuple[str, ...], what: str) -> str:
    """``name`` as spelled in ``names``, whatever its case."""
    for candidate in names:
        if candidate.lower() == name.lower():
            return candidate
    raise ValueError(f"unknown {what} {name!r}; choose one of {', '.join(names)}")
