"""Spaced review: questions answered wrongly come back first, then the least well known."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from sccif_core.errors import InputError
from sccif_core.learning.review import Record, records_from_json, review_order


def r(step: int, number: int, correct: bool, at: int) -> Record:
    return Record(step, 1, number, correct, at)


def order(records: list[Record]) -> list[tuple[int, int]]:
    return [(d.step, d.number) for d in review_order(records)]


class TestReviewOrder:
    def test_a_wrong_answer_comes_before_right_ones(self) -> None:
        """Right, right, wrong (in that order of answering): the wrong one is asked first."""
        assert order([r(1, 0, True, 1), r(2, 0, True, 2), r(3, 0, False, 3)])[0] == (3, 0)

    def test_the_latest_answer_decides_wrong_or_right(self) -> None:
        """A question got wrong then right is no longer 'wrong'; one got right then wrong is."""
        records = [r(1, 0, False, 1), r(1, 0, True, 2), r(2, 0, True, 3), r(2, 0, False, 4)]
        assert order(records) == [(2, 0), (1, 0)]

    def test_among_wrong_answers_the_most_often_wrong_comes_first(self) -> None:
        """Wrong twice comes before wrong once."""
        records = [r(1, 0, False, 1), r(2, 0, False, 2), r(2, 0, False, 3)]
        assert order(records) == [(2, 0), (1, 0)]

    def test_among_right_answers_the_shortest_run_of_rights_then_the_longest_unseen(self) -> None:
        """Right once comes before right three times in a row; equal runs go oldest first."""
        records = [r(1, 0, True, 1), r(1, 0, True, 2), r(1, 0, True, 3), r(2, 0, True, 4), r(3, 0, True, 5)]
        assert order(records) == [(2, 0), (3, 0), (1, 0)]

    def test_each_question_appears_once_and_the_history_order_of_the_list_does_not_matter(self) -> None:
        """Records are ordered by 'at', not by where they are in the list."""
        records = [r(2, 0, True, 4), r(1, 0, False, 1), r(1, 0, True, 3), r(2, 0, False, 2)]
        assert order(records) == order(list(reversed(records)))
        assert sorted(order(records)) == [(1, 0), (2, 0)]

    @given(st.lists(st.tuples(st.integers(1, 10), st.integers(0, 5), st.booleans()), max_size=40))
    def test_every_wrong_question_is_before_every_right_one(
        self, answers: list[tuple[int, int, bool]]
    ) -> None:
        """For any history, all questions last answered wrongly come before all last answered rightly."""
        records = [r(step, number, correct, at) for at, (step, number, correct) in enumerate(answers)]
        flags = [d.last_correct for d in review_order(records)]
        assert flags == sorted(flags)
        assert len(flags) == len({(s, n) for s, n, _ in answers})


class TestRecords:
    def test_records_are_read_from_the_pages_json(self) -> None:
        """The page's history entries become records."""
        [record] = records_from_json([{"step": 3, "seed": 9, "number": 2, "correct": False, "at": 5}])
        assert record == Record(3, 9, 2, False, 5)

    @pytest.mark.parametrize(
        ("data", "field"),
        [
            ({}, "history"),
            (["x"], "history"),
            ([{"step": 11, "seed": 1, "number": 1, "correct": True, "at": 1}], "step"),
            ([{"step": 1, "seed": 1, "number": 1, "correct": "yes", "at": 1}], "correct"),
            ([{"step": 1, "seed": 1, "number": True, "correct": True, "at": 1}], "number"),
        ],
    )
    def test_bad_records_are_refused_naming_the_field(self, data: object, field: str) -> None:
        """A malformed history is an InputError naming the field, not a crash."""
        with pytest.raises(InputError) as caught:
            records_from_json(data)
        assert caught.value.field == field
