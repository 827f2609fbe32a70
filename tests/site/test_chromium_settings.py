"""bench/chromium.py: the tests and `make bench` start the same Chromium, and only the tests add their flags."""

from __future__ import annotations

from bench.chromium import CHROMIUM_ARGS, TEST_ARGS, launch_options


def test_the_bench_runs_chromium_as_readers_do() -> None:
    assert launch_options()["args"] == list(CHROMIUM_ARGS)
    assert not set(TEST_ARGS) & set(launch_options()["args"])


def test_the_tests_run_the_same_chromium_with_their_flags_added() -> None:
    bench, tests = launch_options(), launch_options(for_tests=True)
    assert tests["args"] == bench["args"] + list(TEST_ARGS)
    assert {key: value for key, value in tests.items() if key != "args"} == {
        key: value for key, value in bench.items() if key != "args"
    }
