"""Text a person typed, put in a Markdown file so that every viewer shows it as typed.

``escape`` writes ``&``, ``<`` and ``[`` as character references, so no viewer turns the text into
HTML, a link or an image (which would load from another site); ``unescape`` reads them back.
``plain_line`` also backslashes Markdown's punctuation and drops leading spaces, for a line that
must not become a heading, list, quote, code, emphasis or table either.
"""

from __future__ import annotations

import re

_ENTITIES = {"&amp;": "&", "&lt;": "<", "&#91;": "["}
_ENTITY = re.compile("|".join(_ENTITIES))
# What Markdown gives a meaning to, less "[" (escape writes it as a reference); "=" only leads a
# line that would underline the one before it into a heading.
_PUNCTUATION = re.compile(r"[\\`*_{}\]()#+\-.!~>]|^=")


def escape(text: str) -> str:
    """``&``, ``<`` and ``[`` as character references: no HTML, link or image a viewer would act on."""
    return text.replace("&", "&amp;").replace("<", "&lt;").replace("[", "&#91;")


def unescape(text: str) -> str:
    return _ENTITY.sub(lambda m: _ENTITIES[m[0]], text)


def plain_line(line: str) -> str:
    """One line of typed text that any Markdown viewer shows as text, and nothing else."""
    return escape(_PUNCTUATION.sub(lambda m: "\\" + m[0], line.lstrip()))
