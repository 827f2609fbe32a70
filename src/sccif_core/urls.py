"""The site's address that exports link to: checked before it is written into any file.

A calendar event's ``URL`` property, a Markdown link and a CSV cell all take the address as
it is given. A line break in it would start a new calendar property, a space or a bracket would
end a Markdown link early, and a ``javascript:`` address would run code when clicked. So the
address must be an absolute ``http`` or ``https`` URL with a host, made only of the characters
a URL may hold, with no spaces or control characters.
"""

from __future__ import annotations

import argparse
import re
from urllib.parse import urlsplit

from .errors import InputError

__all__ = ["MAX_LENGTH", "base_url_option", "check_base_url"]

MAX_LENGTH = 2_000
# RFC 3986's unreserved and reserved characters and percent escapes, less the parentheses,
# which would end a Markdown link.
_URL_CHARACTERS = re.compile(r"[A-Za-z0-9\-._~:/?#\[\]@!$&'*+,;=%]*")
EXAMPLE = "https://example.org/sccif/"


def check_base_url(value: object, *, field: str = "base_url") -> str:
    """The site's address, ending in ``/``; ``""`` (no links) when blank. Raises ``InputError``."""
    if value is None:
        return ""
    if not isinstance(value, str):
        raise InputError(f"the site's address must be text, not {type(value).__name__}.", field=field)
    text = value.strip(" ")
    if not text:
        return ""
    if len(text) > MAX_LENGTH:
        raise InputError(f"the site's address is longer than {MAX_LENGTH:,} characters.", field=field)
    try:
        parts = urlsplit(text)
    except ValueError:
        parts = None
    if parts is None or parts.scheme.lower() not in ("http", "https") or not parts.hostname:
        raise InputError(
            f"the site's address must start with http:// or https:// and name a host, like {EXAMPLE}",
            field=field,
        )
    if not _URL_CHARACTERS.fullmatch(text):
        raise InputError(
            "the site's address has a character a web address cannot hold (a space, a line break, a "
            f"control character, a quotation mark or a bracket). Use an address like {EXAMPLE}",
            field=field,
        )
    if parts.query or parts.fragment:
        raise InputError(
            f"the site's address must not have a query (?) or a fragment (#). Use one like {EXAMPLE}",
            field=field,
        )
    return text if text.endswith("/") else text + "/"


def base_url_option(value: str) -> str:
    """``check_base_url`` as an ``argparse`` type: the error names the option it came from."""
    try:
        return check_base_url(value)
    except InputError as error:
        raise argparse.ArgumentTypeError(error.problem) from None
