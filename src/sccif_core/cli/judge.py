"""``sccif judge``: how the framework's judgements limit each other, for the grades you know."""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from typing import Any

from ..citations import SOURCE_VERSION
from ..dates import parse_date
from ..judgements.browser import source_path
from ..judgements.conditions import CONDITIONS
from ..judgements.engine import Evaluation, evaluate, facts
from ..judgements.grades import (
    EDUCATION,
    GRADES,
    HEALTH,
    HELPED_AND_PROTECTED,
    INADEQUATE,
    LEADERS_AND_MANAGERS,
    NOT_JUDGED,
    OVERALL,
)
from ..judgements.next_steps import next_steps
from ..judgements.wording import BEST_FIT, summary_lines

DESCRIPTION = """\
Which grades the SCCIF for secure children's homes allows for the overall judgement and for
leaders and managers, given the grades you know and any findings about the manager or staff
qualifications. Hard limits (the framework says always, never, cannot, certainly) are kept
apart from tendencies (likely, usually, unlikely). Each rule is quoted with its anchor.

This shows limits, not a predicted grade: judgements are 'best fit', not a checklist."""

EPILOG = """\
grades: outstanding, good, requires-improvement, inadequate; education and health may also
be not-judged (a full reinspection after an overall inadequate judgement). Leave a grade out
if it is not known.

json: {"overall": {"allowed": [...], "usual": [...]}, "leadership": {...},
       "rules": [{"id", "strength", "summary", "text", "source"}], "conflicts": [...]}
  (plus "next_steps" when --end is given and --overall is inadequate)

exit status: 0 (also when there are conflicts; see "conflicts"); 2 for bad input."""

# option -> judgement key
GRADE_OPTIONS: tuple[tuple[str, str, str], ...] = (
    ("--help-protection", HELPED_AND_PROTECTED, "how well children are helped and protected"),
    ("--leadership", LEADERS_AND_MANAGERS, "the effectiveness of leaders and managers"),
    ("--education", EDUCATION, "children's education and learning experience"),
    ("--health", HEALTH, "children's health"),
    ("--overall", OVERALL, "the overall experiences and progress of children"),
)


def register(subparsers: Any) -> None:
    """Add ``sccif judge`` to the ``sccif`` parser."""
    parser = subparsers.add_parser(
        "judge",
        help="the grades the framework allows, with its rules quoted",
        description=DESCRIPTION,
        epilog=EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    for option, key, title in GRADE_OPTIONS:
        choices = GRADES + ((NOT_JUDGED,) if key in (EDUCATION, HEALTH) else ())
        parser.add_argument(option, dest=key, choices=choices, metavar="GRADE", help=f"the grade for {title}")
    for item in CONDITIONS:
        parser.add_argument(
            f"--{item.key}",
            dest=item.key,
            action="store_true",
            help=item.label[0].lower() + item.label[1:].replace("%", "%%"),
        )
    parser.add_argument(
        "--end",
        metavar="DATE",
        help="the inspection's last day (the day of feedback): with --overall inadequate, "
        "date what happens next",
    )
    parser.add_argument("--format", choices=("text", "json"), default="text", help="text (default) or json")
    parser.set_defaults(func=run)


def run(args: argparse.Namespace) -> int:
    grades = {key: getattr(args, key) for _, key, _ in GRADE_OPTIONS}
    conditions = [item.key for item in CONDITIONS if getattr(args, item.key)]
    result = evaluate(facts(grades, conditions))
    end = parse_date(args.end, field="--end") if args.end else None
    steps = next_steps("full", end) if end is not None and result.overall.given == INADEQUATE else None
    if args.format == "json":
        data: dict[str, Any] = result.as_dict()
        if steps is not None:
            data["next_steps"] = steps
        json.dump(data, sys.stdout, ensure_ascii=False, indent=2)
        sys.stdout.write("\n")
        return 0
    sys.stdout.write(render(result, steps))
    return 0


def render(result: Evaluation, steps: dict[str, Any] | None = None) -> str:
    out: list[str] = [f"Judgement limits: SCCIF for secure children's homes ({SOURCE_VERSION})", ""]
    out += [_wrap(line) for line in summary_lines(result)]
    out += ["", "Rules that apply:" if result.rules else "Rules that apply: none."]
    for rule in result.rules:
        kind = _KIND.get(
            rule.effect, "HARD LIMIT (always)" if rule.strength == "always" else "TENDENCY (usually)"
        )
        out.append(f"- {kind}: {rule.summary}")
        out.append(_wrap(f"\u201c{rule.text}\u201d", indent="    ", hang=""))
        out.append(f"    Source: {_where(rule.anchor)}")
    out.append("")
    if result.conflicts:
        out.append("Conflicts:")
        for conflict in result.conflicts:
            out.append(_wrap(f"- {conflict.message} Rules: {', '.join(r.id for r in conflict.rules)}."))
    else:
        out.append("Conflicts: none.")
    if result.considerations:
        out += ["", "Taken into account, with no limit:"]
        for passage in result.considerations:
            out.append(_wrap(f"- \u201c{passage.text}\u201d"))
            out.append(f"    Source: {_where(passage.anchor)}")
    out += ["", _wrap(BEST_FIT)]
    if steps is not None:
        out += ["", f"What happens next (from {steps['end_long']}):"]
        for step in steps["steps"]:
            when = step["when"]
            if when["kind"] == "by":
                dated = f"by {when['date_long']} ({when['words']})"
                if when.get("provisional"):
                    dated += " [provisional: uses bank holidays not yet published]"
            elif when["kind"] == "window":
                dated = (
                    f"{when['words']}: {when['offset']} is {when['date_from_long']}, "
                    f"{when['until']} is {when['date_to_long']}"
                )
            else:
                dated = "no date given by the framework"
            out.append(f"- [{step['certainty']}] {step['label']}: {dated}")
            if step["note"]:
                out.append(_wrap(step["note"], indent="    ", hang=""))
            if step["conditions"]:
                out.append("    Only if every one of these holds:")
                out += [
                    _wrap(f"- \u201c{item['text']}\u201d ({_where(item['source'])})", indent="      ")
                    for item in step["conditions"]
                ]
            if step["otherwise"]:
                out.append(
                    _wrap(
                        f"Otherwise: \u201c{step['otherwise']['text']}\u201d "
                        f"({_where(step['otherwise']['source'])})",
                        indent="    ",
                        hang="",
                    )
                )
            out.append(f"    Source: {_where(step['source'])}")
    return "\n".join(out) + "\n"


_KIND = {"not-judged": "SPECIAL CASE (always)", "no-judgement": "SPECIAL CASE, NO JUDGEMENT (always)"}


def _where(anchor: str) -> str:
    return source_path(anchor) or f"#{anchor}"


def _wrap(text: str, indent: str = "", hang: str = "  ") -> str:
    return textwrap.fill(text, width=92, initial_indent=indent, subsequent_indent=indent + hang)
