"""The judgement tools' functions for the browser worker: JSON-friendly in and out."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from ..citations import cite
from ..dates import parse_date
from ..errors import InputError
from ..payload import whole_number
from . import assurance, practice
from .conditions import CONDITIONS
from .criteria import good_descriptors
from .engine import Evaluation, evaluate, facts, triggers
from .grades import GRADES, INADEQUATE, JUDGEMENTS, NOT_JUDGED, label
from .next_steps import next_steps
from .notes_file import notes_file
from .rules import CONSIDERATIONS, PRINCIPLES, RULES, Passage, Rule
from .wording import BEST_FIT, can_be, consequence, control_effects, outlook_sentences


def source_path(anchor: str) -> str | None:
    """``framework/page/#anchor``, relative to the site root; None if the anchor is unknown."""
    try:
        return cite(anchor).path
    except (KeyError, FileNotFoundError):
        return None


def rule_details(rule: Rule) -> dict[str, Any]:
    return {
        "id": rule.id,
        "strength": rule.strength,
        "text": rule.text,
        "source": rule.anchor,
        "source_path": source_path(rule.anchor),
        "signal": rule.signal,
        "words": rule.words,
        "kind": rule_kind(rule),
        "consequence": consequence(rule),
        "summary": rule.summary,
        "constrains": list(rule.constrains),
        "effect": rule.effect,
        "grade": rule.grade,
        "see_also": [{"source": a, "source_path": source_path(a)} for a in rule.see_also],
        "lead": None
        if rule.lead is None
        else {
            "text": rule.lead[0],
            "source": rule.lead[1],
            "source_path": source_path(rule.lead[1]),
        },
    }


def rule_kind(rule: Rule) -> str:
    """How the page files a rule: "limit", "tendency" or "special" (no grade, or 'not judged')."""
    if rule.effect in ("not-judged", "no-judgement"):
        return "special"
    return "limit" if rule.strength == "always" else "tendency"


def passage_details(passage: Passage) -> dict[str, Any]:
    return {
        "id": passage.id,
        "text": passage.text,
        "source": passage.anchor,
        "source_path": source_path(passage.anchor),
    }


def evaluation_payload(result: Evaluation) -> dict[str, Any]:
    """The `sccif judge --format json` answer, plus what the page shows around it."""
    return {
        **result.as_dict(),
        "judgements": {
            key: {
                "allowed": list(o.allowed),
                "usual": list(o.usual),
                "given": o.given,
                "limits": [r.id for r in o.limits],
                "tendencies": [r.id for r in o.tendencies],
                "sentences": outlook_sentences(o),
                "can_be": can_be(o),
            }
            for key, o in result.outlooks.items()
        },
        "rule_details": [
            {**rule_details(r), "caused_by": list(triggers(r, result.facts))} for r in result.rules
        ],
        "effects": control_effects(result),
        "considerations": [passage_details(p) for p in result.considerations],
        "principles": [passage_details(p) for p in result.principles],
        "best_fit": BEST_FIT,
        "next_steps_apply": result.overall.given == INADEQUATE,
    }


def _evaluate(payload: dict[str, Any]) -> dict[str, Any]:
    grades = payload.get("grades") or {}
    conditions = payload.get("conditions") or []
    if not isinstance(grades, dict):
        raise InputError("grades must be an object of judgement: grade.", field="grades")
    if not isinstance(conditions, list):
        raise InputError("conditions must be a list.", field="conditions")
    return evaluation_payload(evaluate(facts(grades, conditions)))


def _rules(_payload: dict[str, Any]) -> dict[str, Any]:
    return {
        "grades": [{"key": g, "label": label(g)} for g in GRADES],
        "not_judged": {"key": NOT_JUDGED, "label": label(NOT_JUDGED)},
        "judgements": [
            {
                "key": j.key,
                "title": j.title,
                "short": j.short,
                "kind": j.kind,
                "can_be_not_judged": j.can_be_not_judged,
            }
            for j in JUDGEMENTS
        ],
        "conditions": [
            {
                "key": c.key,
                "label": c.label,
                "source": c.anchor,
                "source_path": source_path(c.anchor),
                "requires": c.requires,
                "special": c.special,
            }
            for c in CONDITIONS
        ],
        "rules": [rule_details(r) for r in RULES],
        "considerations": [passage_details(p) for p in CONSIDERATIONS],
        "principles": [passage_details(p) for p in PRINCIPLES],
        "best_fit": BEST_FIT,
    }


def _with_paths(value: Any) -> Any:
    """Add ``source_path`` beside every ``source`` anchor in a JSON-like value."""
    if isinstance(value, dict):
        out = {k: _with_paths(v) for k, v in value.items()}
        if isinstance(value.get("source"), str):
            out["source_path"] = source_path(value["source"])
        if isinstance(value.get("anchor"), str) and "source" not in value:
            out["source_path"] = source_path(value["anchor"])
        return out
    if isinstance(value, list):
        return [_with_paths(v) for v in value]
    return value


def _criteria(_payload: dict[str, Any]) -> list[dict[str, Any]]:
    result: list[dict[str, Any]] = _with_paths(good_descriptors())
    return result


def _assurance(_payload: dict[str, Any]) -> dict[str, Any]:
    result: dict[str, Any] = _with_paths(assurance.explorer())
    return result


def _next_steps(payload: dict[str, Any]) -> dict[str, Any]:
    end_text = payload.get("end")
    end = None if end_text in (None, "") else parse_date(end_text, field="end")
    result: dict[str, Any] = _with_paths(next_steps(str(payload.get("kind", "full")), end))
    return result


def _scenario(payload: dict[str, Any]) -> dict[str, Any]:
    return practice.scenario(whole_number(payload, "seed"), whole_number(payload, "number")).as_dict()


def _check(payload: dict[str, Any]) -> dict[str, Any]:
    item = practice.scenario(whole_number(payload, "seed"), whole_number(payload, "number"))
    result: dict[str, Any] = _with_paths(practice.check(item, payload.get("answer")))
    result["source_paths"] = [source_path(a) for a in result["sources"]]
    return result


def _notes_file(payload: dict[str, Any]) -> dict[str, str]:
    notes = payload.get("notes")
    if not isinstance(notes, dict) or not all(
        isinstance(k, str) and isinstance(v, str) for k, v in notes.items()
    ):
        raise InputError("notes must be an object of descriptor: text.", field="notes")
    today = parse_date(str(payload.get("today", "")), field="today")
    return notes_file(notes, today, good_descriptors())


BROWSER_FUNCTIONS: dict[str, Callable[[dict[str, Any]], Any]] = {
    "judge.evaluate": _evaluate,
    "judge.rules": _rules,
    "judge.criteria": _criteria,
    "judge.assurance": _assurance,
    "judge.next_steps": _next_steps,
    "judge.scenario": _scenario,
    "judge.check": _check,
    "judge.notes_file": _notes_file,
}
