"""Robustness: any input to the parsers and the browser API gives a result or a clear error, never a traceback or a hang.

The browser sends whatever a reader typed, pasted or uploaded, and whatever a link's query string
said, as JSON to ``sccif_core.browser_api.call``. These tests send it wrong types, huge numbers,
NaN, lone surrogates, markup and near-dates, and check that every answer is strict JSON holding
either a result or an error with a problem worded for a person. A call that runs for longer than
the hypothesis deadline fails; one that runs away is stopped by an alarm and fails too.
"""

from __future__ import annotations

import contextlib
import inspect
import io
import json
import re
import signal
import sys
from collections.abc import Iterator
from datetime import date, timedelta
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from sccif_core import browser_api
from sccif_core.cli import main
from sccif_core.dates import FIRST_SUPPORTED, LAST_SUPPORTED, parse_date
from sccif_core.errors import InputError
from tests.strategies import (
    TEXT_FIELD_HINTS,
    any_date_texts,
    cli_date_commands,
    csv_texts,
    date_payload_for,
    file_bytes,
    json_values,
    payloads_for,
    text_field_payloads,
    weird_strings,
)

# The deadline allows for a loaded two-core machine; every call here takes milliseconds when it is
# quiet. FUZZ is for the parsers; the browser functions (about 30 of them, three tests each) get
# fewer examples each so that the whole file runs in a minute or two.
FUZZ = settings(
    max_examples=200,
    deadline=timedelta(seconds=3),
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
)
FUZZ_API = settings(FUZZ, max_examples=60)
# A call still running after this long is treated as a hang.
HANG_SECONDS = 20


@contextlib.contextmanager
def no_hang(seconds: int = HANG_SECONDS) -> Iterator[None]:
    """Fail, instead of waiting for ever, when the code inside runs longer than ``seconds``."""

    def alarm(signum: int, frame: object) -> None:
        raise TimeoutError(f"still running after {seconds} s: it hangs on this input")

    previous = signal.signal(signal.SIGALRM, alarm)
    signal.alarm(seconds)
    try:
        yield
    finally:
        signal.alarm(0)
        signal.signal(signal.SIGALRM, previous)


def _reject_constant(name: str) -> object:
    raise AssertionError(
        f"the answer contains {name}, which is not JSON: the browser's JSON.parse rejects it"
    )


def check_answer(text: str) -> dict[str, Any]:
    """The answer is strict JSON: {"result": ...} or {"error": {"problem": <a sentence>, ...}}."""
    assert isinstance(text, str)
    answer = json.loads(text, parse_constant=_reject_constant)
    assert isinstance(answer, dict) and len(answer) == 1, answer
    if "error" in answer:
        error = answer["error"]
        assert isinstance(error, dict), error
        assert isinstance(error.get("problem"), str) and error["problem"].strip(), error
        assert "Traceback" not in error["problem"]
    else:
        assert "result" in answer, answer
    return answer


def field_names(handler: Any) -> list[str]:
    """The payload keys a handler's module mentions: every identifier-like string literal in its source."""
    module = inspect.getmodule(handler)
    source = inspect.getsource(module) if module else ""
    names = set(re.findall(r"""["']([a-z][a-z0-9_]{0,30})["']""", source))
    return sorted(names)


FUNCTION_NAMES = sorted(browser_api.FUNCTIONS)
# Request texts that are not a JSON object.
NOT_JSON_OBJECTS = ("[", "{", '{"a":', "NaN", "null", "[]", '"x"', "1", "")
# Values random generation rarely reaches, tried in every field of every function.
EXTREME_VALUES: tuple[object, ...] = (
    None,
    True,
    0,
    -1,
    10**30,
    -(10**30),
    1e308,
    float("nan"),
    float("inf"),
    "",
    " ",
    [],
    {},
    [[]],
    {"": None},
    "9" * 5_000,  # more digits than int() accepts by default (4,300)
    "1e999",
    "-0",
    "0x1F",
    "٣",
    "2026-02-30",
    "30/02/2026",
    "0001-01-01",
    "9999-12-31",
    "\ud800",  # a lone surrogate: JSON.stringify sends one as \ud800
    "\x00",
    "<img src=x onerror=window.__pwned=1>",
    "a" * 200_000,
)


class TestParseDate:
    @FUZZ
    @given(st.one_of(weird_strings(), st.text()))
    def test_any_text_gives_a_date_or_an_input_error(self, text: str) -> None:
        """Any text is read as a real date or refused with an InputError saying why, never anything else."""
        with no_hang():
            try:
                result = parse_date(text, field="start")
            except InputError as error:
                assert error.problem.strip()
                assert error.field == "start"
            else:
                assert isinstance(result, date)

    @FUZZ
    @given(json_values())
    def test_any_json_value_gives_a_date_or_an_input_error(self, value: object) -> None:
        """A number, a list or null where a date's text should be is refused with an InputError."""
        with no_hang():
            try:
                result = parse_date(value)  # type: ignore[arg-type]
            except InputError as error:
                assert error.problem.strip()
            else:
                assert isinstance(value, str) and isinstance(result, date)

    def test_a_date_typed_with_other_digits_is_refused_or_read_correctly(self) -> None:
        """Arabic-Indic or full-width digits either give the same date as ASCII digits or an InputError."""
        for text in ("٢٠٢٦-١١-٢٥", "２０２６-１１-２５"):
            with contextlib.suppress(InputError):
                assert parse_date(text) == date(2026, 11, 25)


class TestBrowserApi:
    def test_there_are_functions_to_fuzz(self) -> None:
        """The registry lists the tools' functions (so the fuzzing below is not vacuous)."""
        assert "workdays.add" in FUNCTION_NAMES
        assert len(FUNCTION_NAMES) >= 3

    @pytest.mark.parametrize("name", FUNCTION_NAMES)
    def test_any_payload_gives_a_result_or_a_clear_error(self, name: str) -> None:
        """Random JSON with the function's field names, wrong types, huge numbers and odd text never raises or hangs."""

        @FUZZ_API
        @given(payloads_for(field_names(browser_api.FUNCTIONS[name])))
        def run(payload: object) -> None:
            with no_hang():
                text = browser_api.call(name, json.dumps(payload))
            check_answer(text)

        run()

    @pytest.mark.parametrize(
        "name",
        [
            name
            for name in FUNCTION_NAMES
            if any(
                hint in key for key in field_names(browser_api.FUNCTIONS[name]) for hint in TEXT_FIELD_HINTS
            )
        ],
    )
    def test_any_text_in_a_text_field_gives_a_result_or_a_clear_error(self, name: str) -> None:
        """A pasted or uploaded text field (CSV, notes) holding odd CSV, line endings or markup never raises or hangs."""

        @FUZZ_API
        @given(text_field_payloads(field_names(browser_api.FUNCTIONS[name])))
        def run(payload: dict[str, str]) -> None:
            with no_hang():
                text = browser_api.call(name, json.dumps(payload))
            check_answer(text)

        run()

    @pytest.mark.parametrize("name", FUNCTION_NAMES)
    def test_each_field_survives_each_extreme_value(self, name: str) -> None:
        """Every field the function's module names, set in turn to each extreme value, gives a result or a clear error."""
        for key in field_names(browser_api.FUNCTIONS[name]):
            for value in EXTREME_VALUES:
                with no_hang():
                    text = browser_api.call(name, json.dumps({key: value}))
                try:
                    check_answer(text)
                except AssertionError as failure:
                    raise AssertionError(f"{name} with {key}={str(value)[:40]!r}: {failure}") from None

    @pytest.mark.parametrize("name", FUNCTION_NAMES)
    def test_text_that_is_not_json_gives_a_clear_error(self, name: str) -> None:
        """A payload that is not JSON, or not a JSON object, comes back as an error, not a traceback."""

        @settings(FUZZ_API, max_examples=20)
        @given(st.one_of(st.text(max_size=40), st.sampled_from(NOT_JSON_OBJECTS)))
        def run(text: str) -> None:
            with no_hang():
                answer = browser_api.call(name, text)
            check_answer(answer)

        run()

    def test_a_number_too_long_for_python_gives_a_clear_error(self) -> None:
        """A JSON number with more digits than Python reads (4,300) is refused as bad input, not a ValueError."""
        # json.loads raises ValueError here, which is not the JSONDecodeError browser_api catches.
        answer = check_answer(browser_api.call("workdays.add", '{"days": ' + "1" * 5_000 + "}"))
        assert "error" in answer

    @FUZZ
    @given(st.text(max_size=40), json_values())
    def test_an_unknown_function_name_gives_a_clear_error(self, name: str, payload: object) -> None:
        """A name no tool provides is answered with an error naming it."""
        if name in browser_api.FUNCTIONS:
            return
        answer = check_answer(browser_api.call(name, json.dumps(payload)))
        assert "error" in answer


class TestCsvParsers:
    """The CSV readers behind file uploads (occupancy residents; self-evaluation import)."""

    @FUZZ
    @given(
        st.one_of(
            csv_texts(headers=("id", "date_of_birth", "admission_date", "discharge_date", "dob", "left")),
            csv_texts(),
            weird_strings(),
        )
    )
    def test_occupancy_csv_text_gives_stays_or_an_input_error(self, text: str) -> None:
        """Any CSV-like text is read into stays or refused with an InputError, never another exception."""
        csv_input = pytest.importorskip("sccif_core.occupancy.csv_input")
        with no_hang():
            for reader in (csv_input.read_csv, csv_input.preview_csv):
                try:
                    reader(text)
                except InputError as error:
                    assert error.problem.strip()

    @FUZZ
    @given(file_bytes())
    def test_occupancy_file_bytes_give_stays_or_an_input_error(self, data: bytes) -> None:
        """Any uploaded bytes (binary, a spreadsheet, UTF-16, broken UTF-8) are read or refused with an InputError."""
        csv_input = pytest.importorskip("sccif_core.occupancy.csv_input")
        with no_hang():
            for reader in (csv_input.read_csv, csv_input.preview_csv):
                try:
                    reader(data)
                except InputError as error:
                    assert error.problem.strip()

    @FUZZ
    @given(
        st.one_of(csv_texts(headers=("Item", "Self-assessment", "Answer", "Notes", "Evidence")), csv_texts())
    )
    def test_self_evaluation_csv_gives_a_workspace_or_an_input_error(self, text: str) -> None:
        """Any CSV-like text imported as a self-evaluation is read or refused with an InputError."""
        csv_format = pytest.importorskip("sccif_core.preparation.csv_format")
        with no_hang():
            try:
                csv_format.read_csv(text)
            except InputError as error:
                assert error.problem.strip()


# Any date from 0001 to 9999 (issue 19, case 1): a bounded number of examples, no deadline (the
# occupancy check over a long period takes a second or two on a loaded machine).
ANY_DATE = settings(
    max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large]
)


class TestAnyDate:
    """For any dates in 0001-9999, every command and every browser function answers or refuses them as input."""

    @settings(ANY_DATE, max_examples=300)
    @given(any_date_texts())
    def test_parse_date_reads_only_the_supported_range(self, text: str) -> None:
        """A real date is read when it is from 1 January 1900 to 31 December 2200, and refused naming the field otherwise."""
        day = date.fromisoformat(text) if "-" in text else date(int(text[6:]), int(text[3:5]), int(text[:2]))
        if FIRST_SUPPORTED <= day <= LAST_SUPPORTED:
            assert parse_date(text, field="to") == day
        else:
            with pytest.raises(InputError, match="outside the dates these tools work with") as raised:
                parse_date(text, field="to")
            assert raised.value.field == "to"

    @pytest.mark.parametrize("name", FUNCTION_NAMES)
    def test_every_browser_function_answers_or_refuses_any_date(self, name: str) -> None:
        """Dates anywhere in 0001-9999 in every field of every browser function give a result or an input error."""

        @ANY_DATE
        @given(date_payload_for(name, field_names(browser_api.FUNCTIONS[name])))
        def run(payload: dict[str, object]) -> None:
            with no_hang():
                answer = check_answer(browser_api.call(name, json.dumps(payload)))
            if "error" in answer:
                assert "Traceback" not in answer["error"]["message"]

        run()

    @settings(ANY_DATE, max_examples=250)
    @given(cli_date_commands())
    def test_every_command_answers_or_refuses_any_date(self, command: tuple[list[str], str]) -> None:
        """Every sccif command with dates anywhere in 0001-9999 exits 0 (1 for a non-working day) or 2 with one line."""
        argv, csv_text = command
        out, err = io.StringIO(), io.StringIO()
        stdin = sys.stdin
        sys.stdin = io.TextIOWrapper(io.BytesIO(csv_text.encode("utf-8")), encoding="utf-8")
        try:
            with no_hang(), contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
                try:
                    status = main(argv)
                except SystemExit as exit_:
                    status = int(exit_.code or 0)
        finally:
            sys.stdin = stdin
        allowed = {0, 1, 2} if argv[:2] == ["workdays", "is"] else {0, 2}
        assert status in allowed, (argv, status, err.getvalue())
        if status == 2:
            lines = err.getvalue().strip().splitlines()
            assert len(lines) == 1 and "error:" in lines[0] and "Traceback" not in lines[0], err.getvalue()
