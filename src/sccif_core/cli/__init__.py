"""The ``sccif`` command: the core's tools from a terminal or a provider's own scripts."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence
from types import ModuleType

from .. import __version__
from ..dates import SUPPORTED_RANGE
from ..errors import InputError, terminal_safe
from . import judge, occupancy, timeline, workdays

# Each tool module has register(subparsers); its parser sets func(args) -> int.
TOOLS: tuple[ModuleType, ...] = (
    workdays,
    judge,
    timeline,
    occupancy,
)


class _Parser(argparse.ArgumentParser):
    def error(self, message: str) -> None:  # type: ignore[override]
        self.exit(2, f"{self.prog}: error: {terminal_safe(message)}\n")


def build_parser() -> argparse.ArgumentParser:
    parser = _Parser(
        prog="sccif",
        description=(
            "Ofsted's SCCIF for secure children's homes (updated 5 April 2024): "
            "working days, timelines, judgement rules and the 'wholly or mainly' check. "
            f"Dates may be ISO (2026-11-25) or UK style (25/11/2026), from {SUPPORTED_RANGE}."
        ),
    )
    parser.add_argument("--version", action="version", version=f"sccif {__version__}")
    subparsers = parser.add_subparsers(dest="tool", metavar="TOOL", parser_class=_Parser)
    subparsers.required = True
    for tool in TOOLS:
        tool.register(subparsers)
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        status: int = args.func(args)
    except InputError as error:
        print(f"sccif: error: {terminal_safe(error.message)}", file=sys.stderr)
        return 2
    except BrokenPipeError:
        return 0
    return status


def run() -> None:
    sys.exit(main())
