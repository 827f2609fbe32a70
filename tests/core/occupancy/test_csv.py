"""sccif_core.occupancy.read_csv: reading a home's records, and errors that name the row and the column.

Rows are numbered as a spreadsheet numbers them: the header is row 1. Columns are named as
the file names them. Issue 6 lists the errors; issue 7 asks for the size, row and binary limits.
"""

from __future__ import annotations

from datetime import date

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from sccif_core.errors import InputError
from sccif_core.occupancy import MAX_BYTES, MAX_ROWS, Stay, read_csv, template_csv
from sccif_core.occupancy.csv_input import preview_csv

HEADER = "id,date_of_birth,admission_date,discharge_date\n"


def error_of(data: str | bytes) -> InputError:
    with pytest.raises(InputError) as raised:
        read_csv(data)
    return raised.value


class TestReading:
    """What a well-formed file gives."""

    def test_basic(self) -> None:
        """Each row is one stay; a blank discharge date means still resident."""
        parsed = read_csv(HEADER + "AB,14/03/2008,02/09/2025,\nCD,2007-11-30,2025-06-16,2026-01-09\n")
        assert parsed.stays == (
            Stay("AB", date(2008, 3, 14), date(2025, 9, 2), None, row=2),
            Stay("CD", date(2007, 11, 30), date(2025, 6, 16), date(2026, 1, 9), row=3),
        )
        assert parsed.delimiter == ","

    def test_bom_semicolons_and_aliases(self) -> None:
        """A BOM, semicolons, CRLF, aliases in any case and spacing, and extra columns are all fine."""
        text = "\ufeffName;Notes;D.O.B.;Date Admitted;LEFT\r\nAB;keyworker JS;14/03/2008;02/09/2025;\r\n"
        parsed = read_csv(text.encode("utf-8"))
        assert parsed.stays == (Stay("AB", date(2008, 3, 14), date(2025, 9, 2), None, row=2),)
        assert parsed.delimiter == ";"
        assert dict(parsed.columns) == {
            "id": "Name",
            "date_of_birth": "D.O.B.",
            "admission_date": "Date Admitted",
            "discharge_date": "LEFT",
        }
        assert parsed.ignored_columns == ("Notes",)

    def test_tabs_from_a_spreadsheet_paste(self) -> None:
        """Cells copied from a spreadsheet arrive tab-separated."""
        parsed = read_csv("ID\tDOB\tAdmitted\tDischarged\nAB\t14/03/2008\t02/09/2025\t\n")
        assert parsed.delimiter == "\t"
        assert parsed.stays[0].admission == date(2025, 9, 2)

    @pytest.mark.parametrize(
        "header",
        [
            "id,dob,admitted,discharged",
            "Resident ID,Date of birth,Admission,Discharge",
            "REF,Birth date,Admission date (dd/mm/yyyy),Date left",
            "initials,born,start date,end date",
            "child,Date Of Birth,date_admitted,leaving_date",
        ],
    )
    def test_header_aliases(self, header: str) -> None:
        """Common header names are recognised, in any case, spacing or punctuation."""
        parsed = read_csv(header + "\nAB,14/03/2008,02/09/2025,01/10/2025\n")
        assert parsed.stays[0].discharge == date(2025, 10, 1)

    def test_best_alias_wins(self) -> None:
        """With both 'Name' and 'ID' columns, 'ID' is used and 'Name' ignored."""
        parsed = read_csv("Name,ID,dob,admitted,left\nAlice Brown,AB,14/03/2008,02/09/2025,\n")
        assert parsed.stays[0].person == "AB"
        assert parsed.ignored_columns == ("Name",)

    def test_chosen_columns(self) -> None:
        """Unrecognised headers can be mapped by name or by column number."""
        text = "Kid,Born when,In,Out\nAB,14/03/2008,02/09/2025,\n"
        parsed = read_csv(
            text, columns={"id": "Kid", "date_of_birth": 2, "admission_date": "In", "discharge_date": 4}
        )
        assert parsed.stays == (Stay("AB", date(2008, 3, 14), date(2025, 9, 2), None, row=2),)

    def test_blank_rows_are_counted_not_dropped(self) -> None:
        """Wholly blank rows (e.g. ',,,' from a spreadsheet) are passed over and reported by number."""
        parsed = read_csv(HEADER + "AB,14/03/2008,02/09/2025,\n,,,\n\nCD,2007-11-30,2025-06-16,\n")
        assert [stay.row for stay in parsed.stays] == [2, 5]
        assert parsed.blank_rows == (3, 4)
        assert parsed.rows == 4

    def test_quoted_cells(self) -> None:
        """Quoted cells with commas and line breaks count as one row each."""
        parsed = read_csv(
            'id,notes,dob,admitted,left\n"B, A","two\nlines",14/03/2008,02/09/2025,\nCD,,2007-11-30,2025-06-16,\n'
        )
        assert [(stay.person, stay.row) for stay in parsed.stays] == [("B, A", 2), ("CD", 3)]

    def test_midnight_times(self) -> None:
        """A midnight time a spreadsheet adds to a date is accepted."""
        parsed = read_csv(HEADER + "AB,14/03/2008 00:00,2025-09-02 00:00:00,\n")
        assert parsed.stays[0].date_of_birth == date(2008, 3, 14)

    def test_utf16_from_excel_unicode_text(self) -> None:
        """Excel's 'Unicode text' (UTF-16, tab-separated) is read."""
        parsed = read_csv("id\tdob\tadmitted\tleft\r\nAB\t14/03/2008\t02/09/2025\t\r\n".encode("utf-16"))
        assert parsed.stays[0].person == "AB"

    def test_template_reads_back(self) -> None:
        """The template's example rows read back as three stays of two people."""
        parsed = read_csv(template_csv())
        assert [stay.person for stay in parsed.stays] == ["AB", "CD", "CD"]

    @settings(max_examples=100, deadline=None)
    @given(
        st.lists(
            st.tuples(st.dates(date(1990, 1, 1), date(2010, 12, 31)), st.integers(0, 5000)),
            min_size=1,
            max_size=20,
        )
    )
    def test_round_trip(self, people: list[tuple[date, int]]) -> None:
        """Stays written out as CSV (UK or ISO dates) read back unchanged."""
        lines = [HEADER.strip()]
        expected = []
        for number, (born, days) in enumerate(people):
            admitted = date.fromordinal(born.toordinal() + days)
            text = admitted.isoformat() if number % 2 else admitted.strftime("%d/%m/%Y")
            lines.append(f"P{number},{born.isoformat()},{text},")
            expected.append(Stay(f"P{number}", born, admitted, None, row=number + 2))
        assert read_csv("\n".join(lines)).stays == tuple(expected)


class TestErrors:
    """Every malformed input names the row (header = row 1) and the column."""

    def test_impossible_date(self) -> None:
        """31 February is not a real date: row 3, column date_of_birth."""
        error = error_of(HEADER + "AB,14/03/2008,02/09/2025,\nCD,31/02/2008,02/09/2025,\n")
        assert (error.row, error.field) == (3, "date_of_birth")
        assert str(error) == "Row 3, column 'date_of_birth': '31/02/2008' is not a real date."

    def test_not_a_date(self) -> None:
        """Text that is not a date: row 2, column admission_date."""
        error = error_of(HEADER + "AB,14/03/2008,last Tuesday,\n")
        assert (error.row, error.field) == (2, "admission_date")

    def test_impossible_date_named_as_the_file_names_the_column(self) -> None:
        """With an alias header, the message uses the file's own column name."""
        error = error_of(
            "ID,DOB,Admitted,Left\nAB,14/03/2008,02/09/2025,30/09/2025\nCD,01/01/2009,2025-02-30,\n"
        )
        assert (error.row, error.field) == (3, "Admitted")
        assert str(error).startswith("Row 3, column 'Admitted': '2025-02-30' is not a real date.")

    def test_discharge_before_admission(self) -> None:
        """A discharge before the admission: row 2, column discharge_date."""
        error = error_of(HEADER + "AB,14/03/2008,02/09/2025,01/09/2025\n")
        assert (error.row, error.field) == (2, "discharge_date")
        assert "before the admission date 2025-09-02" in error.problem

    def test_birth_after_admission(self) -> None:
        """A birth after the admission: row 2, column date_of_birth."""
        error = error_of(HEADER + "AB,03/09/2025,02/09/2025,\n")
        assert (error.row, error.field) == (2, "date_of_birth")

    def test_overlapping_stays(self) -> None:
        """Two stays of one person that overlap: the later-admitted stay's row, column admission_date."""
        error = error_of(
            HEADER
            + "AB,14/03/2008,01/01/2025,01/06/2025\nCD,2009-01-01,2025-01-01,\nAB,14/03/2008,31/05/2025,\n"
        )
        assert (error.row, error.field) == (4, "admission_date")
        assert "overlaps their stay on row 2" in error.problem

    def test_overlap_with_an_open_stay(self) -> None:
        """A stay after an open (still resident) stay of the same person overlaps it."""
        error = error_of(
            HEADER
            + "AB,14/03/2008,01/06/2025,\nAB,14/03/2008,01/01/2025,01/02/2025\nAB,14/03/2008,01/09/2025,\n"
        )
        assert (error.row, error.field) == (4, "admission_date")
        assert "still resident" in error.problem

    def test_back_to_back_stays_do_not_overlap(self) -> None:
        """Discharged and readmitted on the same day is not an overlap (the discharge night is not counted)."""
        parsed = read_csv(HEADER + "AB,14/03/2008,01/01/2025,01/06/2025\nAB,14/03/2008,01/06/2025,\n")
        assert len(parsed.stays) == 2

    def test_different_birth_dates_for_one_id(self) -> None:
        """One id with two dates of birth: the second row, column date_of_birth."""
        error = error_of(HEADER + "AB,14/03/2008,01/01/2025,01/02/2025\nAB,15/03/2008,01/03/2025,\n")
        assert (error.row, error.field) == (3, "date_of_birth")

    @pytest.mark.parametrize(
        ("header", "missing"),
        [
            ("id,admission_date,discharge_date", "date_of_birth"),
            ("id,date_of_birth,discharge_date", "admission_date"),
            ("id,date_of_birth,admission_date", "discharge_date"),
            ("date_of_birth,admission_date,discharge_date", "id"),
        ],
    )
    def test_missing_column(self, header: str, missing: str) -> None:
        """A missing required column: row 1 and the missing column's name."""
        error = error_of(header + "\nAB,01/01/2010,01/01/2025\n")
        assert (error.row, error.field) == (1, missing)
        assert "Columns found" in error.problem

    def test_empty_file(self) -> None:
        """An empty file (or only a BOM and spaces): row 1, no column."""
        for data in ("", b"", "\ufeff", b"\xef\xbb\xbf  \r\n"):
            error = error_of(data)
            assert (error.row, error.field) == (1, None)
            assert error.problem.startswith("the file is empty.")

    def test_header_only(self) -> None:
        """A header with no rows below: row 2, no column."""
        error = error_of(HEADER)
        assert (error.row, error.field) == (2, None)
        assert "no residents" in error.problem

    def test_blank_first_row(self) -> None:
        """A blank first row instead of the header: row 1."""
        error = error_of("\n" + HEADER + "AB,14/03/2008,02/09/2025,\n")
        assert (error.row, error.field) == (1, None)

    def test_missing_id(self) -> None:
        """A row with dates but no id: row 2, column id."""
        error = error_of(HEADER + ",14/03/2008,02/09/2025,\n")
        assert (error.row, error.field) == (2, "id")

    def test_short_row(self) -> None:
        """A row with too few cells is missing its admission date: row 2, column admission_date."""
        error = error_of(HEADER + "AB,14/03/2008\n")
        assert (error.row, error.field) == (2, "admission_date")
        assert "empty" in error.problem

    def test_duplicate_column(self) -> None:
        """Two columns with the same name for one field: row 1, the second column."""
        error = error_of("id,dob,dob,admitted,left\nAB,14/03/2008,14/03/2008,02/09/2025,\n")
        assert (error.row, error.field) == (1, "dob")

    def test_chosen_column_that_does_not_exist(self) -> None:
        """A mapping to a column the file does not have: row 1, the field."""
        with pytest.raises(InputError) as raised:
            read_csv(HEADER + "AB,14/03/2008,02/09/2025,\n", columns={"id": "Resident"})
        assert (raised.value.row, raised.value.field) == (1, "id")


class TestLimits:
    """Size, row count and content checks (issue 7)."""

    def test_xlsx(self) -> None:
        """An .xlsx (a zip: PK\\x03\\x04) is refused with how to save as CSV from Excel or LibreOffice."""
        error = error_of(b"PK\x03\x04\x14\x00\x06\x00" + b"\x00" * 100)
        assert error.row == 1
        assert "Excel" in error.problem and "LibreOffice" in error.problem and "CSV UTF-8" in error.problem

    def test_old_xls(self) -> None:
        """An old .xls is refused the same way."""
        assert "Excel" in error_of(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 100).problem

    def test_binary(self) -> None:
        """Binary content (a NUL byte in row 2) is refused as not text, naming the row."""
        error = error_of(HEADER.encode() + b"AB,\x00\x01\x02,02/09/2025,\n")
        assert error.row == 2
        assert "binary" in error.problem

    def test_not_utf8(self) -> None:
        """A Windows-1252 file is refused with how to save as CSV UTF-8, naming the row of the first bad byte."""
        error = error_of(HEADER.encode() + "Zoë,14/03/2008,02/09/2025,\n".encode("cp1252"))
        assert error.row == 2
        assert "UTF-8" in error.problem

    def test_too_big(self) -> None:
        """More than 50 MB is refused before reading."""
        error = error_of(b"a" * (MAX_BYTES + 1))
        assert "50 MB" in error.problem

    def test_too_many_rows(self) -> None:
        """More than 100,000 rows below the header is refused at row 100,002."""
        error = error_of(HEADER + "AB,14/03/2008,02/09/2025,02/09/2025\n" * (MAX_ROWS + 1))
        assert error.row == MAX_ROWS + 2
        assert "100,000" in error.problem

    def test_exactly_the_row_limit(self) -> None:
        """Exactly 100,000 rows are read (back-to-back zero-night stays of one person)."""
        row = "AB,14/03/2008,02/09/2025,02/09/2025\n"
        assert len(read_csv(HEADER + row * MAX_ROWS).stays) == MAX_ROWS


class TestPreview:
    """preview_csv: what the page shows before checking."""

    def test_unrecognised_headers(self) -> None:
        """Unknown headers: the preview lists them, the columns it could find, and what is missing."""
        preview = preview_csv("Kid;Born when;In;Out\nAB;14/03/2008;02/09/2025;\n")
        assert preview["headers"] == ["Kid", "Born when", "In", "Out"]
        # Column numbers count from 1, as a chosen column is given.
        assert preview["columns"] == {
            "id": None,
            "date_of_birth": None,
            "admission_date": 3,
            "discharge_date": 4,
        }
        assert preview["missing"] == ["id", "date_of_birth"]
        assert preview["recognised"] is False
        assert preview["delimiter"] == "semicolon"
        assert preview["problem"]["row"] == 1
        assert (preview["rows"], preview["sample"]) == (1, [["AB", "14/03/2008", "02/09/2025", ""]])
