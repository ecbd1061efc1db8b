"""The data model: construction, defaults, validation with paths, immutability, District queries."""

from __future__ import annotations

import datetime
from decimal import Decimal
from typing import Any

import attrs
import pytest
from hypothesis import given
from hypothesis import strategies as st

from community_rules._fields import count_field, id_field
from community_rules.enums import CommunityKind, Education, Insurance
from community_rules.errors import Error, InvalidType, InvalidValue
from community_rules.model import (
    Building,
    BuildingHead,
    Community,
    District,
    ExistingSubArea,
    Project,
    PublicRoom,
    StaffMember,
    SubDistrictOffice,
    Workstation,
)

D = Decimal


def _raises(error: type[Error], path: str, match: str, build: Any) -> Error:
    with pytest.raises(error, match=match) as info:
        build()
    assert info.value.path == path
    return info.value


class TestCounts:
    @pytest.mark.parametrize(
        ("value", "error", "match"),
        [
            (-5, InvalidValue, "-5 is negative"),
            (1.5, InvalidValue, "1.5 is not a whole number"),
            (D("2.5"), InvalidValue, r"Decimal\('2.5'\) is not a whole number"),
            (D("2"), InvalidType, "is of type Decimal; a count must be an int"),
            (2.0, InvalidType, "is of type float; a count must be an int"),
            ("3", InvalidType, "'3' is of type str; a count must be an int"),
            (True, InvalidType, "True is of type bool; a count must be an int"),
            (False, InvalidType, "is of type bool"),
            (None, InvalidType, "is of type NoneType"),
            (float("nan"), InvalidType, "is of type float"),
            (float("inf"), InvalidType, "is of type float"),
            (D("NaN"), InvalidType, "is of type Decimal"),
            (D("sNaN"), InvalidType, "is of type Decimal"),
            (D("Infinity"), InvalidType, "is of type Decimal"),
            (D("1e30"), InvalidType, "is of type Decimal"),
            (10**9 + 1, InvalidValue, r"is too large \(limit 1,000,000,000\)"),
        ],
    )
    def test_building_households(self, value: object, error: type[Error], match: str) -> None:
        err = _raises(error, "households", match, lambda: Building("B1", value))  # type: ignore[arg-type]
        assert err.value is value  # the offending object itself, not a converted copy

    def test_limits_are_inclusive(self) -> None:
        assert Building("B1", 0).households == 0
        assert Building("B1", 10**9).households == 10**9

    @pytest.mark.parametrize("name", ["households", "staff"])
    @pytest.mark.parametrize(
        ("value", "error", "match"),
        [
            (-1, InvalidValue, "-1 is negative"),
            (1.5, InvalidValue, "1.5 is not a whole number"),
            (D("2"), InvalidType, "a count must be an int"),
            ("3", InvalidType, "a count must be an int"),
            (True, InvalidType, "True is of type bool"),
        ],
    )
    def test_community_counts(self, name: str, value: object, error: type[Error], match: str) -> None:
        _raises(error, name, match, lambda: Community("C1", **{name: value}))

    @given(st.integers(0, 10**9))
    def test_any_whole_count_in_range_is_kept(self, n: int) -> None:
        assert Building("B", n).households == n

    @given(st.integers(max_value=-1) | st.integers(min_value=10**9 + 1))
    def test_any_count_out_of_range_is_refused(self, n: int) -> None:
        with pytest.raises(InvalidValue) as info:
            Building("B", n)
        assert info.value.path == "households"


class TestIds:
    @pytest.mark.parametrize(
        ("value", "error", "match"),
        [
            ("", InvalidValue, "'' is empty"),
            ("   ", InvalidValue, "is empty"),
            (" B1", InvalidValue, "has leading or trailing white space"),
            ("B1\n", InvalidValue, "has leading or trailing white space"),
            (5, InvalidType, "5 is of type int; an id must be a string"),
            (None, InvalidType, "is of type NoneType"),
        ],
    )
    @pytest.mark.parametrize(
        "build",
        [
            lambda i: Building(i, 1),
            lambda i: Community(i),
            lambda i: SubDistrictOffice(i),
            lambda i: District(i),
            lambda i: StaffMember(i),
            lambda i: BuildingHead(i),
            lambda i: ExistingSubArea(i),
            lambda i: Project(i),
            lambda i: PublicRoom(i, 1),
        ],
        ids=["Building", "Community", "Office", "District", "Staff", "Head", "SubArea", "Project", "Room"],
    )
    def test_bad_id(self, value: object, error: type[Error], match: str, build: Any) -> None:
        _raises(error, "id", match, lambda: build(value))

    def test_inner_spaces_and_chinese_are_fine(self) -> None:
        assert Building("锦绣 1号", 1).id == "锦绣 1号"

    @pytest.mark.parametrize("name", ["compound", "residents_group"])
    def test_optional_ids(self, name: str) -> None:
        assert getattr(Building("B", 1), name) is None
        _raises(InvalidValue, name, "is empty", lambda: Building("B", 1, **{name: ""}))
        _raises(InvalidType, name, "an id must be a string", lambda: Building("B", 1, **{name: 3}))


class TestBuilding:
    def test_fields(self) -> None:
        b = Building("B1", 120, compound="Garden", residents_group="一组")
        assert (b.id, b.households, b.compound, b.residents_group) == ("B1", 120, "Garden", "一组")

    def test_positional_signature_of_the_spec(self) -> None:
        # SPEC §3: Building(id, households, compound=None)
        assert Building("B1", 120, "Garden").compound == "Garden"

    def test_frozen(self) -> None:
        b = Building("B1", 120)
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            b.households = 5  # type: ignore[misc]

    def test_equal_and_hashable(self) -> None:
        assert Building("B1", 1) == Building("B1", 1)
        assert len({Building("B1", 1), Building("B1", 1), Building("B1", 2)}) == 2


@attrs.frozen
class _GeneratedBuilding:
    """Building's fields with the __init__ attrs generates: what Building's own must match."""

    id: str = id_field()
    households: int = count_field()
    compound: str | None = id_field(default=None, optional=True)
    residents_group: str | None = id_field(default=None, optional=True)


_ODD = st.one_of(
    st.none(),
    st.sampled_from(["B1", "一组", " B1", "B1 ", "\t", "", "B\ud800", "\x1cB", "B\u3000"]),
    st.text(max_size=4),
    st.integers(-3, 3),
    st.sampled_from([10**9, 10**9 + 1, 2**63]),
    st.booleans(),
    st.floats(0, 10),
)


class TestBuildingInit:
    """Building's hand-written __init__ (a fast path) accepts and refuses exactly what attrs' would."""

    @staticmethod
    def _outcome(make: Any, args: tuple[Any, ...]) -> Any:
        try:
            built = make(*args)
        except Error as err:
            return type(err), err.path, err.value, str(err)
        return attrs.astuple(built)

    @given(st.integers(0, 3), _ODD, st.booleans())
    def test_one_odd_field(self, field: int, value: Any, in_compound: bool) -> None:
        args: list[Any] = ["B1", 120, "Garden" if in_compound else None, "g1"]
        args[field] = value
        assert self._outcome(Building, tuple(args)) == self._outcome(_GeneratedBuilding, tuple(args))

    @given(_ODD, _ODD, _ODD, _ODD)
    def test_any_fields(self, bid: Any, households: Any, compound: Any, group: Any) -> None:
        args = (bid, households, compound, group)
        assert self._outcome(Building, args) == self._outcome(_GeneratedBuilding, args)

    def test_keywords_defaults_and_evolve(self) -> None:
        b = Building(households=3, id="B1", residents_group="g")
        assert (b.id, b.households, b.compound, b.residents_group) == ("B1", 3, None, "g")
        assert attrs.evolve(b, compound="Garden") == Building("B1", 3, "Garden", "g")
        with pytest.raises(TypeError):
            Building("B1")  # type: ignore[call-arg]

    def test_errors_in_field_order(self) -> None:
        # The id is checked first, as attrs' validators run in field order.
        err = _raises(InvalidType, "id", "an id must be a string", lambda: Building(3, -1))  # type: ignore[arg-type]
        assert err.value == 3
        _raises(InvalidValue, "households", "is negative", lambda: Building("B1", -1, compound=""))


def _buildings(*households: int) -> list[Building]:
    return [Building(f"B{i}", h) for i, h in enumerate(households, 1)]


class TestCommunityHouseholds:
    def test_default_is_the_buildings_sum(self) -> None:
        # 300 + 150 + 100 + 250 + 180 = 980 (SPEC §6, I-1)
        assert Community("C", buildings=_buildings(300, 150, 100, 250, 180)).households == 980

    def test_explicit_equal_to_the_sum(self) -> None:
        assert Community("C", buildings=_buildings(100, 200), households=300).households == 300

    def test_explicit_above_the_sum_is_kept(self) -> None:
        # buildings not listed: the count may exceed what the buildings show
        assert Community("C", buildings=_buildings(100, 200), households=350).households == 350

    def test_explicit_below_the_sum(self) -> None:
        err = _raises(
            InvalidValue,
            "households",
            r"299 is less than the buildings' households \(300\)",
            lambda: Community("C", buildings=_buildings(100, 200), households=299),
        )
        assert "小于各楼栋户数之和（300）" in err.message_zh

    def test_none_without_buildings_stays_unknown(self) -> None:
        assert Community("C").households is None

    def test_explicit_without_buildings(self) -> None:
        assert Community("C", households=1150).households == 1150

    def test_zero_households_buildings_sum_to_zero(self) -> None:
        assert Community("C", buildings=_buildings(0, 0)).households == 0

    @given(st.lists(st.integers(0, 10_000), max_size=8))
    def test_sum_property(self, households: list[int]) -> None:
        assert Community("C", buildings=_buildings(*households)).households == (
            sum(households) if households else None
        )


class TestCommunityStaff:
    def test_derived_from_staff_members(self) -> None:
        c = Community("C", staff_members=[StaffMember("S1"), StaffMember("S2")])
        assert c.staff == 2

    def test_explicit_matching(self) -> None:
        assert Community("C", staff=2, staff_members=[StaffMember("S1"), StaffMember("S2")]).staff == 2

    def test_mismatch(self) -> None:
        _raises(
            InvalidValue,
            "staff",
            r"3 differs from the number of staff_members \(2\)",
            lambda: Community("C", staff=3, staff_members=[StaffMember("S1"), StaffMember("S2")]),
        )

    def test_no_members_keeps_the_explicit_staff(self) -> None:
        assert Community("C", staff=0).staff == 0
        assert Community("C").staff is None


class TestCommunityDuplicatesAndReferences:
    def test_duplicate_building(self) -> None:
        err = _raises(
            InvalidValue,
            "buildings[2].id",
            "'B1' is a duplicate building id",
            lambda: Community("C", buildings=[Building("B1", 1), Building("B2", 1), Building("B1", 2)]),
        )
        assert err.value == "B1"

    def test_duplicate_staff_member(self) -> None:
        _raises(
            InvalidValue,
            "staff_members[1].id",
            "'S1' is a duplicate staff member id",
            lambda: Community("C", staff_members=[StaffMember("S1"), StaffMember("S1")]),
        )

    def test_duplicate_sub_area(self) -> None:
        _raises(
            InvalidValue,
            "sub_areas[1].id",
            "is a duplicate sub-area id",
            lambda: Community(
                "C", buildings=_buildings(1), sub_areas=[ExistingSubArea("A", ["B1"]), ExistingSubArea("A")]
            ),
        )

    def test_duplicate_building_head(self) -> None:
        _raises(
            InvalidValue,
            "building_heads[1].id",
            "is a duplicate building head id",
            lambda: Community(
                "C", buildings=_buildings(1), building_heads=[BuildingHead("H", ["B1"]), BuildingHead("H")]
            ),
        )

    def test_sub_area_naming_an_unknown_building(self) -> None:
        err = _raises(
            InvalidValue,
            "sub_areas[0].buildings[1]",
            "'X' is not a building of this community",
            lambda: Community("C", buildings=_buildings(1), sub_areas=[ExistingSubArea("A", ["B1", "X"])]),
        )
        assert err.message_zh == "不是本社区的楼栋"

    def test_building_head_naming_an_unknown_building(self) -> None:
        _raises(
            InvalidValue,
            "building_heads[1].buildings[0]",
            "'B9' is not a building of this community",
            lambda: Community(
                "C",
                buildings=_buildings(1, 1),
                building_heads=[BuildingHead("H1", ["B1", "B2"]), BuildingHead("H2", ["B9"])],
            ),
        )

    def test_none_means_no_plan_known_and_empty_means_none_made(self) -> None:
        assert Community("C").sub_areas is None
        assert Community("C", sub_areas=[]).sub_areas == ()
        assert Community("C", building_heads=[]).building_heads == ()


class TestCommunityKind:
    def test_default_old_town(self) -> None:
        assert Community("C").kind is CommunityKind.OLD_TOWN

    def test_from_string(self) -> None:
        assert Community("C", kind="new").kind is CommunityKind.NEW

    def test_unknown_kind_lists_the_valid_ones(self) -> None:
        err = _raises(
            InvalidValue,
            "kind",
            r"'city' is not a valid CommunityKind \(valid: old_town, new\)",
            lambda: Community("C", kind="city"),
        )
        assert "有效值：old_town, new" in err.message_zh

    def test_none_is_not_a_kind(self) -> None:
        _raises(InvalidType, "kind", "is required", lambda: Community("C", kind=None))


MONEY_FIELDS = [
    "office_space_m2",
    "office_funds",
    "welfare_funds",
    "living_allowance",
    "living_allowance_standard",
    "living_allowance_previous",
    "task_funds_received",
    "task_funds_retained",
]


class TestCommunityMoney:
    @pytest.mark.parametrize("name", MONEY_FIELDS)
    def test_decimal_int_and_string_are_exact(self, name: str) -> None:
        assert getattr(Community("C", **{name: "9800.00"}), name) == D("9800.00")
        assert str(getattr(Community("C", **{name: "9800.00"}), name)) == "9800.00"
        assert type(getattr(Community("C", **{name: 9800}), name)) is Decimal
        assert getattr(Community("C", **{name: D("0.01")}), name) == D("0.01")

    @pytest.mark.parametrize("name", MONEY_FIELDS)
    def test_float_refused_with_a_hint(self, name: str) -> None:
        err = _raises(InvalidType, name, r"is a binary float", lambda: Community("C", **{name: 9800.5}))
        assert "pass Decimal('9800.5'), an int or the string '9800.5'" in err.message_en
        assert "Decimal('9800.5')" in err.message_zh

    @pytest.mark.parametrize(
        ("value", "error", "match"),
        [
            (D("NaN"), InvalidValue, "is not a finite number"),
            (D("sNaN"), InvalidValue, "is not a finite number"),
            ("Infinity", InvalidValue, "is not a finite number"),
            (D("-Infinity"), InvalidValue, "is not a finite number"),
            (D("1e15"), InvalidValue, r"is too large \(limit 10\^15\)"),
            ("abc", InvalidValue, "is not a number"),
            (D("-0.01"), InvalidValue, "is negative"),
            (True, InvalidType, "is a bool"),
            ([1], InvalidType, "is of type list"),
        ],
    )
    def test_bad_money(self, value: object, error: type[Error], match: str) -> None:
        _raises(error, "office_funds", match, lambda: Community("C", office_funds=value))

    def test_just_below_the_limit(self) -> None:
        top = D("999999999999999.99")  # < 10^15
        assert Community("C", office_funds=top).office_funds == top

    def test_retained_above_received(self) -> None:
        _raises(
            InvalidValue,
            "task_funds_retained",
            r"'5000.01'\) exceeds task_funds_received \(5000.00\)",
            lambda: Community("C", task_funds_received="5000.00", task_funds_retained="5000.01"),
        )

    def test_retained_equal_to_received(self) -> None:
        c = Community("C", task_funds_received="5000.00", task_funds_retained="5000.00")
        assert c.task_funds_retained == c.task_funds_received

    def test_retained_with_received_unknown(self) -> None:
        assert Community("C", task_funds_retained="11").task_funds_retained == D("11")


class TestCommunityOther:
    def test_buildings_container(self) -> None:
        _raises(
            InvalidType,
            "buildings",
            "'B1' is of type str; expected a sequence",
            lambda: Community("C", buildings="B1"),
        )
        _raises(
            InvalidType,
            "buildings",
            "is of type int; expected a sequence",
            lambda: Community("C", buildings=5),
        )
        _raises(
            InvalidType,
            "buildings[0]",
            "is of type tuple; expected Building",
            lambda: Community("C", buildings=[("B1", 1)]),
        )

    def test_any_iterable_is_frozen_into_a_tuple(self) -> None:
        c = Community("C", buildings=(b for b in _buildings(1, 2)))
        assert c.buildings == tuple(_buildings(1, 2))

    def test_workstation_type(self) -> None:
        _raises(
            InvalidType,
            "workstation",
            "'x' is of type str; expected a Workstation",
            lambda: Community("C", workstation="x"),
        )
        assert Community("C", workstation=Workstation(exists=True)).workstation == Workstation(exists=True)

    def test_name_must_be_text(self) -> None:
        _raises(InvalidType, "name", "expected a string", lambda: Community("C", name=5))

    def test_frozen(self) -> None:
        c = Community("C", buildings=_buildings(1))
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            c.households = 5  # type: ignore[misc]

    def test_evolve_revalidates(self) -> None:
        c = Community("C", buildings=_buildings(100))
        with pytest.raises(InvalidValue, match="is less than the buildings' households"):
            attrs.evolve(c, households=50)


class TestStaffMember:
    def test_all_unknown_by_default(self) -> None:
        s = StaffMember("S1")
        assert (s.name, s.female, s.education, s.insurances, s.monthly_pay, s.party_member) == (None,) * 6

    def test_fields_from_plain_values(self) -> None:
        s = StaffMember(
            "S1",
            name="王芳",
            female=True,
            education="bachelor",
            insurances=["pension", "maternity"],
            monthly_pay="4321.05",
        )
        assert s.education is Education.BACHELOR
        assert s.insurances == frozenset({Insurance.PENSION, Insurance.MATERNITY})
        assert s.monthly_pay == D("4321.05")

    def test_bad_values(self) -> None:
        _raises(
            InvalidValue,
            "education",
            "'phd' is not a valid Education",
            lambda: StaffMember("S", education="phd"),
        )
        _raises(InvalidType, "female", "expected true or false", lambda: StaffMember("S", female="yes"))
        _raises(InvalidType, "female", "expected true or false", lambda: StaffMember("S", female=1))
        _raises(InvalidType, "monthly_pay", "binary float", lambda: StaffMember("S", monthly_pay=4321.05))
        _raises(
            InvalidValue,
            "insurances[1]",
            "'x' is not a valid Insurance",
            lambda: StaffMember("S", insurances=["pension", "x"]),
        )
        _raises(InvalidType, "insurances", "expected a list", lambda: StaffMember("S", insurances="pension"))
        _raises(InvalidType, "insurances", "expected a list", lambda: StaffMember("S", insurances=5))


class TestBuildingHeadAndSubArea:
    def test_end_before_start(self) -> None:
        err = _raises(
            InvalidValue,
            "end",
            r"is before start \(2025-06-01\)",
            lambda: BuildingHead(
                "H", ["B1"], start=datetime.date(2025, 6, 1), end=datetime.date(2025, 5, 31)
            ),
        )
        assert err.value == datetime.date(2025, 5, 31)

    def test_one_day_term(self) -> None:
        day = datetime.date(2025, 6, 1)
        assert BuildingHead("H", ["B1"], start=day, end=day).end == day

    def test_dates_must_be_dates(self) -> None:
        _raises(
            InvalidType, "start", "expected a datetime.date", lambda: BuildingHead("H", start="2025-06-01")
        )
        _raises(
            InvalidType,
            "end",
            "is of type datetime",
            lambda: BuildingHead("H", end=datetime.datetime(2025, 6, 1)),
        )

    @pytest.mark.parametrize(
        ("start", "end", "in_post"),
        [
            # The term 2025-03-01..2025-03-31, both ends inclusive: the days around each end.
            (datetime.date(2025, 3, 1), datetime.date(2025, 3, 31), [False, True, True, True, False]),
            (None, datetime.date(2025, 3, 31), [True, True, True, True, False]),  # open start
            (datetime.date(2025, 3, 1), None, [False, True, True, True, True]),  # open end
            (None, None, [True] * 5),
        ],
    )
    def test_in_post(
        self, start: datetime.date | None, end: datetime.date | None, in_post: list[bool]
    ) -> None:
        head = BuildingHead("H", ["B1"], start=start, end=end)
        days = [datetime.date(2025, 2, 28), datetime.date(2025, 3, 1), datetime.date(2025, 3, 15)]
        days += [datetime.date(2025, 3, 31), datetime.date(2025, 4, 1)]
        assert [head.in_post(day) for day in days] == in_post
        assert head.in_post(None)  # no day: every head counts

    @pytest.mark.parametrize("day", ["2025-03-01", datetime.datetime(2025, 3, 1), 20250301])
    def test_in_post_needs_a_date(self, day: object) -> None:
        head = BuildingHead("H", ["B1"], start=datetime.date(2025, 3, 1))
        err = _raises(InvalidType, "day", "expected a datetime.date", lambda: head.in_post(day))  # type: ignore[arg-type]
        assert err.value == day
        assert "应为日期" in err.message_zh

    def test_building_ids(self) -> None:
        assert BuildingHead("H", ["B1", "B2"]).buildings == ("B1", "B2")
        _raises(InvalidType, "buildings", "expected a sequence", lambda: BuildingHead("H", "B1"))
        _raises(
            InvalidType,
            "buildings[1]",
            "is of type int; expected str",
            lambda: ExistingSubArea("A", ["B1", 2]),
        )

    def test_sub_area_head(self) -> None:
        area = ExistingSubArea("A", ["B1"], head="S1", head_is_committee_staff=True)
        assert (area.head, area.head_is_committee_staff) == ("S1", True)
        _raises(
            InvalidType,
            "head_is_committee_staff",
            "expected true or false",
            lambda: ExistingSubArea("A", head_is_committee_staff="no"),
        )


class TestWorkstation:
    def test_all_unknown_by_default(self) -> None:
        assert attrs.astuple(Workstation()) == (None,) * 6

    def test_bools_only(self) -> None:
        _raises(InvalidType, "exists", "'yes' is of type str", lambda: Workstation(exists="yes"))


class TestProjectsAndRooms:
    def test_room_area(self) -> None:
        assert PublicRoom("R", "80.5").area_m2 == D("80.5")
        _raises(InvalidType, "area_m2", "is required", lambda: PublicRoom("R", None))
        _raises(InvalidValue, "area_m2", "is negative", lambda: PublicRoom("R", -1))
        _raises(InvalidType, "area_m2", "binary float", lambda: PublicRoom("R", 80.5))

    def test_duplicate_room(self) -> None:
        _raises(
            InvalidValue,
            "public_rooms[1].id",
            "is a duplicate public room id",
            lambda: Project("P", public_rooms=[PublicRoom("R", 1), PublicRoom("R", 2)]),
        )

    def test_completed_date(self) -> None:
        assert Project("P", completed=datetime.date(2009, 5, 20)).completed == datetime.date(2009, 5, 20)
        _raises(
            InvalidType, "completed", "expected a datetime.date", lambda: Project("P", completed="2009-05-20")
        )


def _district() -> District:
    return District(
        "D",
        offices=[
            SubDistrictOffice(
                "O1", [Community("C1", buildings=_buildings(100, 200)), Community("C2", households=50)]
            ),
            SubDistrictOffice("O2", [Community("C3"), Community("C4", buildings=_buildings(7))]),
            SubDistrictOffice("O3"),
        ],
        projects=[Project("P1", office="O2")],
    )


class TestDistrict:
    def test_duplicate_community_in_one_office(self) -> None:
        _raises(
            InvalidValue,
            "communities[1].id",
            "'C' is a duplicate community id",
            lambda: SubDistrictOffice("O", [Community("C"), Community("C")]),
        )

    def test_duplicate_community_across_offices(self) -> None:
        err = _raises(
            InvalidValue,
            "offices[1].communities[0].id",
            r"'C' is a duplicate community id \(also in office 'O1'\)",
            lambda: District(
                "D", [SubDistrictOffice("O1", [Community("C")]), SubDistrictOffice("O2", [Community("C")])]
            ),
        )
        assert "亦见于街道办事处 'O1'" in err.message_zh

    def test_duplicate_office(self) -> None:
        _raises(
            InvalidValue,
            "offices[2].id",
            "'O1' is a duplicate sub-district office id",
            lambda: District(
                "D", [SubDistrictOffice("O1"), SubDistrictOffice("O2"), SubDistrictOffice("O1")]
            ),
        )

    def test_duplicate_project(self) -> None:
        _raises(
            InvalidValue,
            "projects[1].id",
            "is a duplicate project id",
            lambda: District("D", projects=[Project("P"), Project("P")]),
        )

    def test_project_naming_an_unknown_office(self) -> None:
        _raises(
            InvalidValue,
            "projects[0].office",
            "'Z' is not a sub-district office of this district",
            lambda: District("D", [SubDistrictOffice("O1")], projects=[Project("P", office="Z")]),
        )

    def test_offices_container(self) -> None:
        _raises(
            InvalidType, "offices[0]", "expected SubDistrictOffice", lambda: District("D", [Community("C")])
        )

    def test_communities_in_document_order(self) -> None:
        assert [c.id for c in _district().communities()] == ["C1", "C2", "C3", "C4"]

    def test_community(self) -> None:
        assert _district().community("C2").households == 50

    def test_unknown_community_lists_some_valid_ones(self) -> None:
        with pytest.raises(
            InvalidValue, match=r"'C9' is not a community of this district \(e.g. C1, C2, C3, C4\)"
        ) as info:
            _district().community("C9")
        assert info.value.path == "community"

    def test_office_of(self) -> None:
        d = _district()
        assert d.office_of("C4").id == "O2"
        assert d.office_of("C1") is d.offices[0]
        with pytest.raises(InvalidValue, match="'C9' is not a community"):
            d.office_of("C9")

    def test_counts(self) -> None:
        # households: C1 100 + 200 = 300, C2 50, C3 unknown (0), C4 7 → 357
        assert _district().counts() == {"offices": 3, "communities": 4, "buildings": 3, "households": 357}

    def test_empty_district(self) -> None:
        d = District("D")
        assert list(d.communities()) == []
        assert d.counts()["offices"] == 0
        assert d.counts()["households"] == 0

    def test_frozen_and_hashable(self) -> None:
        d = _district()
        with pytest.raises(attrs.exceptions.FrozenInstanceError):
            d.offices = ()  # type: ignore[misc]
        assert d == _district()
        assert hash(d) == hash(_district())
