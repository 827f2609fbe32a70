"""Reading fields of a browser request (a JSON object from a form), with errors that name the field."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from .errors import InputError

MAX_DIGITS = 18


def whole_number(payload: dict[str, Any], field: str) -> int:
    """A whole number given as a JSON integer or as digits in text."""
    value = payload.get(field)
    if isinstance(value, str):
        text = value.strip()
        if text.isascii() and text.isdigit():
            if len(text) > MAX_DIGITS:
                raise InputError(
                    f"{field} is too large: use a number with at most {MAX_DIGITS} digits.", field=field
                )
            return int(text)
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    raise InputError(f"{field} must be a whole number.", field=field)


def whole_in_range(value: object, field: str, most: int, least: int = 0) -> None:
    """Check an already-read JSON value is a whole number from ``least`` to ``most``."""
    if isinstance(value, bool) or not isinstance(value, int) or not least <= value <= most:
        raise InputError(f"{field} must be a whole number from {least} to {most}.", field=field)


def chosen_options(response: object, options: Iterable[str], *, multiple: bool) -> tuple[str, ...]:
    """The option keys a learner chose (one key, or a list of keys), each once and in the order given."""
    values = response if isinstance(response, list | tuple) else [response]
    keys = set(options)
    chosen = []
    for value in values:
        if not isinstance(value, str) or value not in keys:
            raise InputError(f"'{str(value)[:40]}' is not one of the options.", field="answer")
        chosen.append(value)
    if not chosen:
        raise InputError("choose an answer.", field="answer")
    if not multiple and len(chosen) != 1:
        raise InputError("choose one option.", field="answer")
    return tuple(dict.fromkeys(chosen))
