"""The assessment's input (community_rules.scores): scores, ballots, plans; JSON, TOML and CSV (4.3)."""

from __future__ import annotations

import datetime
import io
import json
from decimal import Decimal
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from community_rules.enums import Level
from community_rules.errors import DocumentError, InvalidType, InvalidValue
from community_rules.scores import (
    BALLOT_COLUMNS,
    FULL_MARKS,
    Ballots,
    Body,
    PlanFiling,
    Scores,
    UnitScores,
    load_scores,
    read_ballots,
    to_score,
)

DEC20 = datetime.date(2009, 12, 20)
HEADER = "level,id,community,satisfied,basically_satisfied,dissatisfied,date\n"


def ballots(s: int = 3, b: int = 1, d: int = 1, **kw: object) -> Ballots:
    return Ballots(s, b, d, kw.pop("date", DEC20), **kw)


class TestToScore:
    @pytest.mark.parametrize(
        ("value", "expected"),
        [
            (0, Decimal(0)),
            (100, Decimal(100)),
            ("72.5", Decimal("72.5")),
            (Decimal("99.99"), Decimal("99.99")),
        ],
    )
    def test_accepts_decimal_int_and_numeric_strings(self, value: object, expected: Decimal) -> None:
        assert to_score(value) == expected

    def test_full_marks_is_one_hundred(self) -> None:
        assert FULL_MARKS == 100

    def test_above_one_hundred_names_the_value_as_given(self) -> None:
        with pytest.raises(InvalidValue) as info:
            to_score(101, "daily[1]")
        assert str(info.value) == "daily[1]: 101 is above 100 (daily[1]：101 超过 100)"

    def test_negative(self) -> None:
        with pytest.raises(InvalidValue, match="is negative; a score runs from 0 to 100"):
            to_score("-0.01", "year_end")

    def test_float_is_refused(self) -> None:
        with pytest.raises(InvalidType, match=r"year_end: 72.5 is a binary float"):
            to_score(72.5, "year_end")

    def test_junk_string(self) -> None:
        with pytest.raises(InvalidValue, match="is not a number"):
            to_score("good", "year_end")


class TestBallots:
    def test_total_and_iso_date(self) -> None:
        b = Ballots(3, 1, 1, "2009-12-20")
        assert (b.total, b.date, b.community) == (5, DEC20, None)

    def test_all_zero_is_an_error_naming_the_fields(self) -> None:
        with pytest.raises(InvalidValue) as info:
            Ballots(0, 0, 0, DEC20)
        assert info.value.path == "satisfied, basically_satisfied, dissatisfied"
        assert info.value.message_en == "are all zero: there is no ballot to score"

    @pytest.mark.parametrize(
        ("kwargs", "error", "path"),
        [
            ({"satisfied": -1}, InvalidValue, "satisfied"),
            ({"dissatisfied": True}, InvalidType, "dissatisfied"),
            ({"basically_satisfied": 1.0}, InvalidType, "basically_satisfied"),
            ({"date": "2009-13-01"}, InvalidValue, "date"),
            ({"date": datetime.datetime(2009, 12, 20, 10)}, InvalidType, "date"),
            ({"community": " C1"}, InvalidValue, "community"),
        ],
    )
    def test_bad_fields(self, kwargs: dict[str, object], error: type[Exception], path: str) -> None:
        fields: dict[str, object] = {
            "satisfied": 3,
            "basically_satisfied": 1,
            "dissatisfied": 1,
            "date": DEC20,
        }
        fields.update(kwargs)
        with pytest.raises(error) as info:
            Ballots(**fields)
        assert info.value.path == path


class TestUnitScores:
    def test_scores_become_decimal(self) -> None:
        unit = UnitScores(Level.COMMUNITY, "C1", daily=[70, "80.5"], year_end=85)
        assert unit.daily == (Decimal(70), Decimal("80.5"))
        assert unit.year_end == Decimal(85)
        assert unit.key == (Level.COMMUNITY, "C1", None)

    def test_level_from_its_string(self) -> None:
        assert UnitScores("sub_area_head", "SA1", community="C1").level is Level.SUB_AREA_HEAD

    def test_unknown_level(self) -> None:
        with pytest.raises(InvalidValue, match="level: 'street' is not a valid Level"):
            UnitScores("street", "X")

    def test_daily_error_names_the_index(self) -> None:
        with pytest.raises(InvalidValue) as info:
            UnitScores(Level.COMMUNITY, "C1", daily=[70, 101])
        assert info.value.path == "daily[1]"

    def test_daily_must_be_a_list(self) -> None:
        with pytest.raises(InvalidType, match="daily: '70' is of type str; expected a list of scores"):
            UnitScores(Level.COMMUNITY, "C1", daily="70")

    def test_a_community_fills_in_its_ballots_community(self) -> None:
        unit = UnitScores(Level.COMMUNITY, "C1", ballots=ballots())
        assert unit.ballots[0].community == "C1"

    def test_a_head_fills_in_its_own_community(self) -> None:
        unit = UnitScores(Level.BUILDING_HEAD, "BH1", community="C2", ballots=[ballots(), ballots(1, 0, 0)])
        assert [b.community for b in unit.ballots] == ["C2", "C2"]

    def test_a_head_needs_its_community(self) -> None:
        with pytest.raises(InvalidValue) as info:
            UnitScores(Level.SUB_AREA_HEAD, "SA1")
        assert str(info.value).startswith(
            "community: None is required for a sub-area head: name the head's community"
        )

    def test_other_levels_leave_community_out(self) -> None:
        with pytest.raises(InvalidValue, match="must be left out for a community"):
            UnitScores(Level.COMMUNITY, "C1", community="C1")

    def test_residents_do_not_evaluate_departments(self) -> None:
        with pytest.raises(InvalidValue) as info:
            UnitScores(Level.DEPARTMENT, "finance", ballots=ballots())
        assert info.value.path == "ballots"
        assert info.value.message_en == "must be empty: residents do not evaluate departments (4.3.3)"

    def test_an_office_needs_the_evaluating_community(self) -> None:
        with pytest.raises(InvalidValue) as info:
            UnitScores(Level.SUB_DISTRICT_OFFICE, "O1", ballots=[ballots(community="C1"), ballots()])
        assert info.value.path == "ballots[1].community"

    def test_residents_evaluate_their_own_community(self) -> None:
        with pytest.raises(InvalidValue) as info:
            UnitScores(Level.COMMUNITY, "C1", ballots=ballots(community="C2"))
        assert info.value.path == "ballots[0].community"
        assert info.value.value == "C2"

    def test_ballots_must_be_ballots(self) -> None:
        with pytest.raises(InvalidType, match=r"ballots\[0\]: .* expected Ballots"):
            UnitScores(Level.COMMUNITY, "C1", ballots=[{"satisfied": 1}])


class TestPlanFiling:
    def test_a_filing(self) -> None:
        plan = PlanFiling(
            author="community",
            author_id="C1",
            filed_with="sub_district_office",
            filed_with_id="O1",
            filed_on="2009-02-01",
        )
        assert (plan.author, plan.filed_with, plan.filed_on) == (
            Body.COMMUNITY,
            Body.SUB_DISTRICT_OFFICE,
            datetime.date(2009, 2, 1),
        )

    def test_the_city_is_outside_the_district(self) -> None:
        with pytest.raises(InvalidValue, match="author: 'city' is outside the district"):
            PlanFiling(author="city", filed_with="city")

    @pytest.mark.parametrize(
        ("kwargs", "path"),
        [
            ({"author": "department", "filed_with": "management_committee"}, "author_id"),
            ({"author": "management_committee", "author_id": "MC", "filed_with": "city"}, "author_id"),
            (
                {"author": "community", "author_id": "C1", "filed_with": "sub_district_office"},
                "filed_with_id",
            ),
            (
                {
                    "author": "department",
                    "author_id": "D",
                    "filed_with": "management_committee",
                    "filed_with_id": "O1",
                },
                "filed_with_id",
            ),
            ({"author": "nobody", "filed_with": "city"}, "author"),
        ],
    )
    def test_ids_where_they_belong(self, kwargs: dict[str, object], path: str) -> None:
        with pytest.raises(InvalidValue) as info:
            PlanFiling(**kwargs)
        assert info.value.path == path

    def test_body_names(self) -> None:
        assert (Body.SOCIAL_AFFAIRS_BUREAU.zh, Body.SOCIAL_AFFAIRS_BUREAU.en) == (
            "社会事业局",
            "Social Affairs Bureau",
        )
        assert str(Body.CITY) == "city"


class TestScores:
    def test_unit_lookup(self) -> None:
        unit = UnitScores(Level.BUILDING_HEAD, "BH1", community="C1")
        scores = Scores(2009, [unit])
        assert scores.unit("building_head", "BH1", "C1") is unit
        with pytest.raises(InvalidValue, match="has no scores this year"):
            scores.unit("building_head", "BH1")

    def test_plans_default_to_not_known(self) -> None:
        assert Scores(2009).plans is None
        assert Scores(2009, plans=[]).plans == ()

    def test_duplicate_unit(self) -> None:
        unit = UnitScores(Level.COMMUNITY, "C1")
        with pytest.raises(InvalidValue) as info:
            Scores(2009, [unit, UnitScores(Level.COMMUNITY, "C2"), unit])
        assert info.value.path == "units[2]"
        assert info.value.message_en == "is a duplicate of units[0]: each unit is scored once a year"

    def test_the_same_head_id_in_two_communities_is_two_units(self) -> None:
        scores = Scores(
            2009,
            [
                UnitScores("building_head", "BH1", community="C1"),
                UnitScores("building_head", "BH1", community="C2"),
            ],
        )
        assert len(scores.units) == 2

    @pytest.mark.parametrize("day", [datetime.date(2008, 12, 31), datetime.date(2010, 1, 1)])
    def test_an_evaluation_outside_the_assessed_year_is_refused(self, day: datetime.date) -> None:
        unit = UnitScores(Level.COMMUNITY, "C1", ballots=ballots(date=day))
        with pytest.raises(InvalidValue) as info:
            Scores(2009, [unit])
        assert info.value.path == "units[0].ballots[0].date"
        assert info.value.value == day
        assert info.value.message_en.startswith("is outside the assessed year 2009")

    @pytest.mark.parametrize("day", [datetime.date(2009, 1, 1), datetime.date(2009, 12, 31)])
    def test_the_whole_year_is_accepted(self, day: datetime.date) -> None:
        scores = Scores(2009, [UnitScores(Level.COMMUNITY, "C1", ballots=ballots(date=day))])
        assert scores.units[0].ballots[0].date == day

    @pytest.mark.parametrize(
        ("year", "error"), [("2009", InvalidType), (True, InvalidType), (0, InvalidValue)]
    )
    def test_year(self, year: object, error: type[Exception]) -> None:
        with pytest.raises(error):
            Scores(year)


DOC = {
    "year": 2009,
    "units": [
        {
            "level": "community",
            "id": "C1",
            "daily": [70, 80, 90],
            "year_end": 85,
            "ballots": {"satisfied": 3, "basically_satisfied": 1, "dissatisfied": 1, "date": "2009-12-20"},
        },
        {"level": "building_head", "id": "BH1", "community": "C1", "daily": ["60.5"], "year_end": 70},
        {
            "level": "sub_district_office",
            "id": "O1",
            "daily": [88],
            "year_end": 90,
            "ballots": [
                {
                    "satisfied": 3,
                    "basically_satisfied": 1,
                    "dissatisfied": 1,
                    "date": "2009-12-20",
                    "community": "C1",
                },
                {
                    "satisfied": 2,
                    "basically_satisfied": 0,
                    "dissatisfied": 0,
                    "date": "2009-12-21",
                    "community": "C2",
                },
            ],
        },
    ],
    "plans": [
        {"author": "community", "author_id": "C1", "filed_with": "sub_district_office", "filed_with_id": "O1"}
    ],
}

TOML = """
year = 2009

[[units]]
level = "community"
id = "C1"
daily = [70, 80.5, 90]
year_end = 85
ballots = { satisfied = 3, basically_satisfied = 1, dissatisfied = 1, date = 2009-12-20 }

[[plans]]
author = "community"
author_id = "C1"
filed_with = "sub_district_office"
filed_with_id = "O1"
filed_on = 2009-02-01
"""


class TestLoadScores:
    def test_mapping(self) -> None:
        scores = load_scores(DOC)
        assert scores.year == 2009
        assert [u.key for u in scores.units] == [
            (Level.COMMUNITY, "C1", None),
            (Level.BUILDING_HEAD, "BH1", "C1"),
            (Level.SUB_DISTRICT_OFFICE, "O1", None),
        ]
        assert scores.units[1].daily == (Decimal("60.5"),)
        assert [b.community for b in scores.units[2].ballots] == ["C1", "C2"]
        assert scores.plans is not None
        assert scores.plans[0].filed_with_id == "O1"

    def test_json_file_reads_numbers_as_decimal(self, tmp_path: Path) -> None:
        path = tmp_path / "scores.json"
        path.write_text(json.dumps(DOC).replace('"60.5"', "60.5"), encoding="utf-8")
        scores = load_scores(path)
        assert scores.units[1].daily == (Decimal("60.5"),)
        assert scores == load_scores(DOC)

    def test_toml_file_with_native_dates(self, tmp_path: Path) -> None:
        path = tmp_path / "scores.toml"
        path.write_text(TOML, encoding="utf-8")
        scores = load_scores(str(path))
        assert scores.units[0].daily == (Decimal(70), Decimal("80.5"), Decimal(90))
        assert scores.units[0].ballots[0].date == DEC20
        assert scores.plans is not None
        assert scores.plans[0].filed_on == datetime.date(2009, 2, 1)

    def test_bytes(self) -> None:
        assert load_scores(TOML.encode()).units[0].year_end == 85

    def test_plans_left_out_are_not_known(self) -> None:
        assert load_scores({"year": 2009}).plans is None

    def test_score_error_names_the_document_path(self) -> None:
        doc = {
            "year": 2009,
            "units": [{"level": "community", "id": f"C{i}", "daily": [70]} for i in range(3)]
            + [{"level": "community", "id": "C3", "daily": [70, 101]}],
        }
        with pytest.raises(InvalidValue) as info:
            load_scores(doc)
        assert str(info.value) == "units[3].daily[1]: 101 is above 100 (units[3].daily[1]：101 超过 100)"

    def test_ballot_error_names_the_document_path(self) -> None:
        doc = {
            "year": 2009,
            "units": [
                {
                    "level": "sub_district_office",
                    "id": "O1",
                    "ballots": [
                        {
                            "satisfied": 1,
                            "basically_satisfied": 0,
                            "dissatisfied": 0,
                            "date": "2009-12-20",
                            "community": "C1",
                        },
                        {"satisfied": "x", "basically_satisfied": 0, "dissatisfied": 0, "date": "2009-12-20"},
                    ],
                }
            ],
        }
        with pytest.raises(InvalidType) as info:
            load_scores(doc)
        assert info.value.path == "units[0].ballots[1].satisfied"

    def test_the_evaluation_date_names_the_path(self) -> None:
        doc = {"year": 2010, "units": [DOC["units"][0]]}
        with pytest.raises(InvalidValue) as info:
            load_scores(doc)
        assert info.value.path == "units[0].ballots[0].date"
        assert info.value.value == DEC20

    @pytest.mark.parametrize(
        ("doc", "path", "message"),
        [
            ({"units": []}, "year", "is missing: name the assessed year"),
            ({"year": 2009, "unit": []}, "unit", "is not a field of Scores (valid: year, units, plans)"),
            (
                {"year": 2009, "units": [{"level": "community", "id": "C1", "dialy": [1]}]},
                "units[0].dialy",
                None,
            ),
            ({"year": 2009, "units": [{"level": "community"}]}, "units[0].id", "is missing"),
            (
                {"year": 2009, "units": [{"level": "community", "id": "C1", "ballots": {"satisfied": 1}}]},
                "units[0].ballots.basically_satisfied",
                "is missing",
            ),
            (
                {"year": 2009, "plans": [{"author": "community", "filed_with": "city"}]},
                "plans[0].author_id",
                None,
            ),
        ],
    )
    def test_structural_errors(self, doc: dict[str, object], path: str, message: str | None) -> None:
        with pytest.raises(InvalidValue) as info:
            load_scores(doc)
        assert info.value.path == path
        if message is not None:
            assert info.value.message_en == message

    @pytest.mark.parametrize(
        ("doc", "path"),
        [
            ({"year": 2009, "units": {"level": "community"}}, "units"),
            ({"year": 2009, "units": ["C1"]}, "units[0]"),
            ({"year": 2009, "plans": "none"}, "plans"),
        ],
    )
    def test_wrong_shapes(self, doc: dict[str, object], path: str) -> None:
        with pytest.raises(InvalidType) as info:
            load_scores(doc)
        assert info.value.path == path

    def test_not_a_table(self, tmp_path: Path) -> None:
        path = tmp_path / "scores.json"
        path.write_text("[1, 2]", encoding="utf-8")
        with pytest.raises(InvalidType, match="is not a scores document"):
            load_scores(path)

    def test_broken_json(self, tmp_path: Path) -> None:
        path = tmp_path / "scores.json"
        path.write_text('{"year": 2009,', encoding="utf-8")
        with pytest.raises(DocumentError, match="is not valid JSON"):
            load_scores(path)


class TestReadBallots:
    def test_rows_by_unit(self) -> None:
        text = HEADER + (
            "community,C1,,3,1,1,2009-12-20\n"
            "building_head,BH1,C1,1,2,0,2009-12-20\n"
            "sub_district_office,O1,C1,10,2,1,2009-12-21\n"
            "sub_district_office,O1,C2,4,0,0,2009-12-22\n"
        )
        rows = read_ballots(text.encode())
        assert rows[(Level.COMMUNITY, "C1", None)] == (Ballots(3, 1, 1, DEC20, community="C1"),)
        assert rows[(Level.BUILDING_HEAD, "BH1", "C1")] == (Ballots(1, 2, 0, DEC20, community="C1"),)
        assert [b.community for b in rows[(Level.SUB_DISTRICT_OFFICE, "O1", None)]] == ["C1", "C2"]

    def test_columns_in_any_order_and_a_text_stream(self) -> None:
        stream = io.StringIO(
            "date,dissatisfied,basically_satisfied,satisfied,id,level\n2009-12-20,1,1,3,C1,community\n"
        )
        rows = read_ballots(stream)
        assert rows[(Level.COMMUNITY, "C1", None)][0].total == 5

    def test_a_file_and_its_name_in_errors(self, tmp_path: Path) -> None:
        path = tmp_path / "votes-2009.csv"
        lines = [HEADER] + ["community,C1,,3,1,1,2009-12-20\n"] * 5 + ["community,C9,,x,1,1,2009-12-20\n"]
        path.write_text("".join(lines), encoding="utf-8-sig")
        with pytest.raises(InvalidValue) as info:
            read_ballots(path)
        assert str(info.value) == (
            "votes-2009.csv line 7, column satisfied: 'x' is not a count "
            "(votes-2009.csv line 7, column satisfied：'x' 不是计数)"
        )

    @pytest.mark.parametrize(
        ("row", "path", "message"),
        [
            ("community,C1,,-1,1,1,2009-12-20", "column satisfied", "is not a count"),
            ("community,C1,,1.5,1,1,2009-12-20", "column satisfied", "is not a count"),
            (
                "community,C1,,99999999999,1,1,2009-12-20",
                "column satisfied",
                "is too large (limit 1,000,000,000)",
            ),
            ("street,C1,,1,1,1,2009-12-20", "column level", None),
            ("community,C1,,1,1,1,2009-02-30", "column date", None),
            ("community,C1,,0,0,0,2009-12-20", "", "are all zero: there is no ballot to score"),
            ("community,C1,C2,1,1,1,2009-12-20", "column community", None),
            ("building_head,BH1,,1,1,1,2009-12-20", "column community", "is required for a building head"),
            ("sub_district_office,O1,,1,1,1,2009-12-20", "column community", None),
            ("department,D1,,1,1,1,2009-12-20", "column level", None),
            ("community,,,1,1,1,2009-12-20", "column id", "is empty"),
            ("community,C1,,1,1", "column dissatisfied", "is missing"),
            ("community,C1,,1,1,1,2009-12-20,extra", "", "has more cells than the header"),
        ],
    )
    def test_bad_rows_name_the_line_and_column(self, row: str, path: str, message: str | None) -> None:
        with pytest.raises(InvalidValue) as info:
            read_ballots((HEADER + "community,C0,,1,0,0,2009-12-20\n" + row + "\n").encode())
        where = "ballots.csv line 3"
        assert info.value.path.startswith(f"{where}, {path}" if path else where)
        if message is not None:
            assert info.value.message_en == message

    def test_unknown_column(self) -> None:
        with pytest.raises(InvalidValue) as info:
            read_ballots(b"level,id,satisfied,basically_satisfied,dissatisfied,date,votes\n")
        assert info.value.path == "ballots.csv line 1, column votes"

    def test_missing_column(self) -> None:
        with pytest.raises(InvalidValue, match="lacks the column date"):
            read_ballots(b"level,id,satisfied,basically_satisfied,dissatisfied\n")

    def test_not_utf8(self) -> None:
        with pytest.raises(DocumentError, match="is not UTF-8"):
            read_ballots(HEADER.encode() + "community,社区,,1,1,1,2009-12-20\n".encode("gbk"))

    def test_binary_stream_is_refused(self) -> None:
        with pytest.raises(InvalidType, match="is not a text stream"):
            read_ballots(io.BytesIO(HEADER.encode()))

    def test_missing_file(self, tmp_path: Path) -> None:
        with pytest.raises(DocumentError, match="cannot be read"):
            read_ballots(tmp_path / "none.csv")

    def test_columns_constant(self) -> None:
        assert BALLOT_COLUMNS == (
            "level",
            "id",
            "community",
            "satisfied",
            "basically_satisfied",
            "dissatisfied",
            "date",
        )


CSV_DOC = {
    "year": 2009,
    "units": [
        {"level": "community", "id": "C1", "daily": [70], "year_end": 85},
        {"level": "sub_district_office", "id": "O1", "daily": [70], "year_end": 85},
    ],
}


class TestBallotsFromCsvIntoScores:
    def test_rows_join_their_units(self) -> None:
        csv_text = HEADER + "community,C1,,3,1,1,2009-12-20\nsub_district_office,O1,C1,3,1,1,2009-12-20\n"
        scores = load_scores(CSV_DOC, ballots=csv_text.encode())
        assert scores.units[0].ballots == (Ballots(3, 1, 1, DEC20, community="C1"),)
        assert scores.units[1].ballots[0].community == "C1"

    def test_a_row_for_a_unit_not_listed(self) -> None:
        csv_text = HEADER + "community,C1,,3,1,1,2009-12-20\ncommunity,C7,,3,1,1,2009-12-20\n"
        with pytest.raises(InvalidValue) as info:
            load_scores(CSV_DOC, ballots=csv_text.encode())
        assert info.value.path == "ballots.csv line 3"
        assert info.value.message_en == "is not a unit of the scores document: list it under units"

    def test_ballots_given_twice(self) -> None:
        doc = {
            "year": 2009,
            "units": [
                {
                    "level": "community",
                    "id": "C1",
                    "ballots": {
                        "satisfied": 1,
                        "basically_satisfied": 0,
                        "dissatisfied": 0,
                        "date": "2009-12-20",
                    },
                }
            ],
        }
        with pytest.raises(InvalidValue, match="which has ballots in the document already"):
            load_scores(doc, ballots=(HEADER + "community,C1,,3,1,1,2009-12-20\n").encode())

    def test_a_csv_evaluation_outside_the_year_names_the_line(self) -> None:
        with pytest.raises(InvalidValue) as info:
            load_scores(CSV_DOC, ballots=(HEADER + "community,C1,,3,1,1,2010-01-05\n").encode())
        assert info.value.path == "ballots.csv line 2, column date"
        assert info.value.value == datetime.date(2010, 1, 5)


@given(
    st.lists(
        st.tuples(st.integers(0, 1000), st.integers(0, 1000), st.integers(0, 1000)).filter(
            lambda t: sum(t) > 0
        ),
        min_size=1,
        max_size=8,
    )
)
def test_csv_round_trip_keeps_every_count(counts: list[tuple[int, int, int]]) -> None:
    """Whatever counts are written to CSV are read back exactly, in order."""
    text = HEADER + "".join(
        f"sub_district_office,O1,C{i},{s},{b},{d},2009-12-20\n" for i, (s, b, d) in enumerate(counts)
    )
    rows = read_ballots(text.encode())[(Level.SUB_DISTRICT_OFFICE, "O1", None)]
    assert [(r.satisfied, r.basically_satisfied, r.dissatisfied) for r in rows] == counts
    assert [r.community for r in rows] == [f"C{i}" for i in range(len(counts))]
