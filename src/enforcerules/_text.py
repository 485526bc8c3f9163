"""Text for a terminal: lines joined so that facts cannot forge lines or colours.

Text output mixes the library's words with strings from the facts (ids,
names, periods). A newline or carriage return inside such a string would
start a line the reader takes for a finding, and an ANSI escape would
recolour or erase the screen. Lines are therefore escaped one by one before
they are joined: every control character (C0, DEL, C1), the Unicode line and
paragraph separators and the bidirectional overrides are written as
``\\n``, ``\\x1b``, ``\\u202e``…, so one line of output is one line of text.
"""

from __future__ import annotations

import unicodedata
from collections.abc import Iterable

__all__ = ["escape_controls", "terminal_lines"]

_EXTRA = frozenset("\u2028\u2029\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")


def _unsafe(ch: str) -> bool:
    return ch in _EXTRA or unicodedata.category(ch) in ("Cc", "Cs")


def escape_controls(text: str) -> str:
    """*text* with every control, separator, bidi-override or lone-surrogate character escaped."""
    if not any(_unsafe(ch) for ch in text):
        return text
    return "".join(ch.encode("unicode_escape", "backslashreplace").decode("ascii") if _unsafe(ch) else ch for ch in text)


def terminal_lines(lines: Iterable[str]) -> str:
    """The lines, each escaped, joined with newlines."""
    return "\n".join(escape_controls(line) for line in lines)
