"""The data model: buildings, communities, sub-district offices, districts.

Immutable ``attrs`` classes whose validators reject bad input at construction
with an error of the library's own hierarchy that names the field and the
value (SPEC §2, §3 "Data"). ``None`` in a status field means *not known*: the
checks that need it report UNKNOWN and never guess.

The terms are those of the opinion's glossary: a *community* (社区) is served by
one *residents' committee* (居委会) and one *community workstation* (社区工作站);
a *sub-district office* (街道办事处) leads several communities; a community is
divided into *residential sub-areas* (居民小区), each with a *sub-area head*
(小区长), and its *residential buildings* (居民楼) have *building heads* (楼长).

>>> b = Building("B1", 120, compound="Garden")
>>> c = Community("C1", buildings=[b, Building("B2", 80)])
>>> c.households, c.kind
(200, <CommunityKind.OLD_TOWN: 'old_town'>)
>>> Community("C2", buildings=[b], households=100)
Traceback (most recent call last):
...
community_rules.errors.InvalidValue: households: 100 is less than the buildings' households (120) ...
"""

from __future__ import annotations

import datetime
from collections import Counter
from collections.abc import Iterable, Iterator
from decimal import Decimal
from itertools import chain
from typing import Any

import attrs

from ._fields import (
    MAX_COUNT,
    bool_field,
    count_field,
    date_field,
    decimal_field,
    enum_field,
    id_field,
    plain_id,
    text_field,
    to_enum,
    tuple_field,
)
from .enums import CommunityKind, Education, Insurance
from .errors import InvalidType, InvalidValue

__all__ = [
    "Building",
    "BuildingHead",
    "Community",
    "District",
    "ExistingSubArea",
    "Project",
    "PublicRoom",
    "StaffMember",
    "SubDistrictOffice",
    "Workstation",
]


def _unique(items: Any, field: str, what_en: str, what_zh: str) -> None:
    """Reject a duplicate ``id`` among ``items``, naming the second occurrence."""
    if len({item.id for item in items}) == len(items):  # the common case: no duplicate
        return
    seen: set[str] = set()
    for i, item in enumerate(items):
        if item.id in seen:
            raise InvalidValue(
                f"{field}[{i}].id", item.id, f"is a duplicate {what_en} id", f"是重复的{what_zh}编号"
            )
        seen.add(item.id)


def _insurance_set(value: Any) -> Any:
    if value is None or isinstance(value, frozenset):
        return value
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise InvalidType("insurances", value, "expected a list of insurances", "应为保险列表")
    members = frozenset(to_enum(Insurance, v, f"insurances[{i}]") for i, v in enumerate(value))
    # One object per distinct set (there are 32): a nation lists millions of staff
    # members, most with the same five insurances.
    return _INSURANCE_SETS.setdefault(members, members)


_INSURANCE_SETS: dict[frozenset[Insurance], frozenset[Insurance]] = {}


def _optional_workstation(_inst: Any, attribute: attrs.Attribute[Any], value: Any) -> None:
    if value is not None and not isinstance(value, Workstation):
        raise InvalidType(
            attribute.name,
            value,
            f"is of type {type(value).__name__}; expected a Workstation",
            f"类型为 {type(value).__name__}；应为 Workstation",
        )


_set = object.__setattr__


# Its __init__ is written here rather than generated (init=False): a nation has six
# million buildings, and checking the usual values of the four fields in one expression
# rather than through four validator calls takes 8,600 instructions instead of 10,500 for
# a building without compound or group, 11,700 instead of 12,200 with both (-4 % to make
# the synthetic nation; docs/performance.md). Any other value goes through the fields'
# own validators (attrs.validate, in field order), which raise exactly what the generated
# __init__ did (tests/test_model.py compares the two).
@attrs.frozen(init=False)
class Building:
    """A residential building (居民楼).

    ``households`` is the number of households (户) living in it; ``compound``
    names the gated compound (封闭小区) or the scattered, self-contained area it
    belongs to (None: an ordinary building, 2.2.1); ``residents_group`` names
    its residents' group (居民小组), which the sub-area division may follow
    (2.2.1: 居民小区的划分可与居民小组的划分相结合).
    """

    id: str = id_field()
    households: int = count_field()
    compound: str | None = id_field(default=None, optional=True)
    residents_group: str | None = id_field(default=None, optional=True)

    def __init__(
        self, id: str, households: int, compound: str | None = None, residents_group: str | None = None
    ) -> None:
        _set(self, "id", id)
        _set(self, "households", households)
        _set(self, "compound", compound)
        _set(self, "residents_group", residents_group)
        if not (
            type(households) is int
            and 0 <= households <= MAX_COUNT
            and plain_id(id)
            and (compound is None or plain_id(compound))
            and (residents_group is None or plain_id(residents_group))
        ):
            attrs.validate(self)


@attrs.frozen
class StaffMember:
    """One member of the residents' committee staff (居委会工作人员, 3.1, 3.2).

    Every fact is optional (``None``: not known). ``insurances`` lists the
    social insurances the member is enrolled in; ``monthly_pay`` is the
    monthly wage and living allowance in yuan.
    """

    id: str = id_field()
    name: str | None = text_field()
    female: bool | None = bool_field()
    education: Education | None = enum_field(Education, default=None)
    insurances: frozenset[Insurance] | None = attrs.field(default=None, converter=_insurance_set)
    monthly_pay: Decimal | None = decimal_field()
    party_member: bool | None = bool_field()


@attrs.frozen
class Workstation:
    """The facts of a community's workstation (社区工作站, clause 2.1); ``None``: not known."""

    exists: bool | None = bool_field()
    dispatched_by_office: bool | None = bool_field()
    shares_premises: bool | None = bool_field()
    party_organisation: bool | None = bool_field()
    head_party_member: bool | None = bool_field()
    head_is_party_secretary: bool | None = bool_field()


@attrs.frozen
class BuildingHead:
    """An existing building head (楼长) and the buildings in his or her care (2.2.1)."""

    id: str = id_field()
    buildings: tuple[str, ...] = tuple_field(str)
    start: datetime.date | None = date_field()
    end: datetime.date | None = date_field()

    def __attrs_post_init__(self) -> None:
        if self.start is not None and self.end is not None and self.end < self.start:
            raise InvalidValue(
                "end", self.end, f"is before start ({self.start})", f"早于开始日期（{self.start}）"
            )

    def in_post(self, day: datetime.date | None) -> bool:
        """Whether the head's term covers ``day`` (in post, 在岗), both ends inclusive.

        A missing ``start`` or ``end`` leaves that side of the term open; with
        no ``day`` every head counts as in post (the checks' ``as_of=None``).

        >>> head = BuildingHead("H1", ["B1", "B2"], start=datetime.date(2025, 1, 1))
        >>> head.in_post(datetime.date(2024, 12, 31)), head.in_post(datetime.date(2025, 1, 1)), head.in_post(None)
        (False, True, True)
        >>> head.in_post("2025-01-01")
        Traceback (most recent call last):
        ...
        community_rules.errors.InvalidType: day: '2025-01-01' is of type str; expected a datetime.date ...
        """
        if type(day) is not datetime.date:  # (the checks pass a date: one test, then the comparison)
            if day is None:
                return True
            if isinstance(day, datetime.datetime) or not isinstance(day, datetime.date):
                raise InvalidType(
                    "day",
                    day,
                    f"is of type {type(day).__name__}; expected a datetime.date",
                    f"类型为 {type(day).__name__}；应为日期",
                )
        return (self.start is None or self.start <= day) and (self.end is None or self.end >= day)


@attrs.frozen
class ExistingSubArea:
    """A residential sub-area (居民小区) as the committee has already marked it out.

    ``buildings`` are building ids of the community; ``head`` names the
    sub-area head (小区长) or is None when the post is vacant;
    ``head_is_committee_staff`` says whether the head is a member of the
    committee staff, as 2.2.1 requires (由居委会工作人员兼任).
    """

    id: str = id_field()
    buildings: tuple[str, ...] = tuple_field(str)
    head: str | None = id_field(default=None, optional=True)
    head_is_committee_staff: bool | None = bool_field()


@attrs.frozen
class Community:
    """An urban community (城市社区) with its residents' committee and status facts.

    ``households`` defaults to the sum over ``buildings``; an explicit value
    below that sum is an error; with neither buildings nor a value it stays
    ``None`` (not known). ``staff`` is the committee's staff in post; given
    ``staff_members`` and no ``staff``, it is their number. Money is yearly
    yuan unless named monthly; space is in square metres.
    """

    id: str = id_field()
    buildings: tuple[Building, ...] = tuple_field(Building)
    kind: CommunityKind = enum_field(CommunityKind, default=CommunityKind.OLD_TOWN)
    households: int | None = count_field(default=None, optional=True)
    staff: int | None = count_field(default=None, optional=True)
    office_space_m2: Decimal | None = decimal_field()
    office_funds: Decimal | None = decimal_field()
    welfare_funds: Decimal | None = decimal_field()
    name: str | None = text_field()
    staff_members: tuple[StaffMember, ...] = tuple_field(StaffMember)
    living_allowance: Decimal | None = decimal_field()
    living_allowance_standard: Decimal | None = decimal_field()
    living_allowance_previous: Decimal | None = decimal_field()
    task_funds_received: Decimal | None = decimal_field()
    task_funds_retained: Decimal | None = decimal_field()
    workstation: Workstation | None = attrs.field(default=None, validator=_optional_workstation)
    sub_areas: tuple[ExistingSubArea, ...] | None = tuple_field(ExistingSubArea, default=None, optional=True)
    building_heads: tuple[BuildingHead, ...] | None = tuple_field(BuildingHead, default=None, optional=True)

    def __attrs_post_init__(self) -> None:
        _unique(self.buildings, "buildings", "building", "楼栋")
        _unique(self.staff_members, "staff_members", "staff member", "工作人员")
        total = sum(b.households for b in self.buildings)
        if self.households is None:
            if self.buildings:
                object.__setattr__(self, "households", total)
        elif self.households < total:
            raise InvalidValue(
                "households",
                self.households,
                f"is less than the buildings' households ({total})",
                f"小于各楼栋户数之和（{total}）",
            )
        if self.staff_members:
            if self.staff is None:
                object.__setattr__(self, "staff", len(self.staff_members))
            elif self.staff != len(self.staff_members):
                raise InvalidValue(
                    "staff",
                    self.staff,
                    f"differs from the number of staff_members ({len(self.staff_members)})",
                    f"与 staff_members 的人数（{len(self.staff_members)}）不一致",
                )
        if (
            self.task_funds_received is not None
            and self.task_funds_retained is not None
            and self.task_funds_retained > self.task_funds_received
        ):
            raise InvalidValue(
                "task_funds_retained",
                self.task_funds_retained,
                f"exceeds task_funds_received ({self.task_funds_received})",
                f"超过 task_funds_received（{self.task_funds_received}）",
            )
        ids = {b.id for b in self.buildings}
        if self.sub_areas is not None:
            _unique(self.sub_areas, "sub_areas", "sub-area", "小区")
            self._known_buildings(ids, "sub_areas", self.sub_areas)
        if self.building_heads is not None:
            _unique(self.building_heads, "building_heads", "building head", "楼长")
            self._known_buildings(ids, "building_heads", self.building_heads)

    @staticmethod
    def _known_buildings(ids: set[str], field: str, items: Any) -> None:
        if ids.issuperset(chain.from_iterable([item.buildings for item in items])):
            return  # the common case, in one pass in C; else find the first unknown id
        for i, item in enumerate(items):
            for j, bid in enumerate(item.buildings):
                if bid not in ids:
                    raise InvalidValue(
                        f"{field}[{i}].buildings[{j}]",
                        bid,
                        "is not a building of this community",
                        "不是本社区的楼栋",
                    )


@attrs.frozen
class SubDistrictOffice:
    """A sub-district office (街道办事处) and the communities it leads (2.1, 4.2)."""

    id: str = id_field()
    communities: tuple[Community, ...] = tuple_field(Community)
    name: str | None = text_field()

    def __attrs_post_init__(self) -> None:
        _unique(self.communities, "communities", "community", "社区")


@attrs.frozen
class PublicRoom:
    """A public-use room (公共用房) in a building project (3.3)."""

    id: str = id_field()
    area_m2: Decimal = decimal_field(optional=False)


@attrs.frozen
class Project:
    """A building project and its public-use rooms (3.3: 2008年以后新建工程中的所有公共用房).

    ``completed`` is the completion date (None: not known); ``office`` the id
    of the sub-district office whose area it lies in.
    """

    id: str = id_field()
    completed: datetime.date | None = date_field()
    office: str | None = id_field(default=None, optional=True)
    public_rooms: tuple[PublicRoom, ...] = tuple_field(PublicRoom)

    def __attrs_post_init__(self) -> None:
        _unique(self.public_rooms, "public_rooms", "public room", "公共用房")


@attrs.frozen
class District:
    """A district (区): its sub-district offices and their communities.

    Community ids are unique across the whole district, so that a community
    can be named by its id alone.
    """

    id: str = id_field()
    offices: tuple[SubDistrictOffice, ...] = tuple_field(SubDistrictOffice)
    name: str | None = text_field()
    projects: tuple[Project, ...] = tuple_field(Project)

    def __attrs_post_init__(self) -> None:
        _unique(self.offices, "offices", "sub-district office", "街道办事处")
        _unique(self.projects, "projects", "project", "工程")
        seen: dict[str, str] = {}
        for i, office in enumerate(self.offices):
            for j, community in enumerate(office.communities):
                if community.id in seen:
                    raise InvalidValue(
                        f"offices[{i}].communities[{j}].id",
                        community.id,
                        f"is a duplicate community id (also in office {seen[community.id]!r})",
                        f"是重复的社区编号（亦见于街道办事处 {seen[community.id]!r}）",
                    )
                seen[community.id] = office.id
        office_ids = {o.id for o in self.offices}
        for i, project in enumerate(self.projects):
            if project.office is not None and project.office not in office_ids:
                raise InvalidValue(
                    f"projects[{i}].office",
                    project.office,
                    "is not a sub-district office of this district",
                    "不是本区的街道办事处",
                )

    def communities(self) -> Iterator[Community]:
        """Every community, office by office, in document order."""
        for office in self.offices:
            yield from office.communities

    def community(self, community_id: str) -> Community:
        """The community with this id, or an error listing a few valid ones."""
        for community in self.communities():
            if community.id == community_id:
                return community
        known = ", ".join(c.id for c in list(self.communities())[:10])
        raise InvalidValue(
            "community",
            community_id,
            f"is not a community of this district (e.g. {known})",
            f"不是本区的社区（例如 {known}）",
        )

    def office_of(self, community_id: str) -> SubDistrictOffice:
        """The sub-district office that leads the community ``community_id``."""
        for office in self.offices:
            if any(c.id == community_id for c in office.communities):
                return office
        self.community(community_id)  # raises the error naming the id
        raise AssertionError("unreachable")  # pragma: no cover

    def counts(self) -> Counter[str]:
        """How many offices, communities, buildings and households the district has."""
        counts: Counter[str] = Counter(offices=len(self.offices))
        for community in self.communities():
            counts["communities"] += 1
            counts["buildings"] += len(community.buildings)
            counts["households"] += community.households or 0
        return counts
