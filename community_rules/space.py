"""Office and service space, the 70 % target and public rooms (clause 3.3).

Clause 3.3 (切实解决办公和服务用房，确保城市社区居委会有地方办事) sets, after
document 威政办发[2008]51号:

- **the minimum** — the office and service space (办公和服务用房) of an
  existing, old-town residents' committee "reaches 150 square metres or
  above" (达到150平方米以上), that of a newly built community's committee "is
  not less than 300 square metres" (不少于300平方米). Both thresholds are
  inclusive (SPEC I-12: in Chinese legal usage 以上 includes the number
  itself), switchable with ``Policy.space_threshold_inclusive``;
- **the target** — "before the end of this year, ensure that the premises of
  70 % of residents' committees meet the standard" (今年底之前，要确保70%的社区
  居委会用房达到标准): counted over all the district's committees, unweighted;
  a committee whose space is not known counts as not (yet) compliant and is
  reported apart; met when the share is ≥ 0.7 (I-14); "this year" is
  ``Policy.adoption_year``, which the district sets (I-13);
- **public rooms** — "the Construction Bureau shall survey all public-use
  rooms in projects newly built after 2008, recover them, and hand them to
  residents' committees free of charge" (建设局要对2008年以后新建工程中的所有公共
  用房进行普查、收回，无偿地交给社区居委会使用): projects completed on or after
  ``Policy.public_rooms_from`` (1 January 2008, I-15). A completion date
  known only to the month or the year (:class:`~community_rules.dates.PartialDate`)
  is in scope when all of that month or year lies on or after the cut-off,
  out of scope when all of it lies before, and listed apart as unknown when
  the cut-off falls inside it. The data do not record a handover, so what
  is checked is the survey; a proposal says which committee each room
  should go to.

Every number comes from :class:`~community_rules.policy.Policy`; areas are
``Decimal`` square metres and every sum and difference of areas is exact (an
area with more digits than can be subtracted exactly is refused, never
rounded).

>>> import community_rules as cr
>>> from decimal import Decimal
>>> required_space_m2(cr.CommunityKind.NEW)
Decimal('300')
>>> c = cr.Community("C1", office_space_m2=Decimal("120"))
>>> space_gap_m2(c)
Decimal('30')
>>> p = space_progress([c, cr.Community("C2", office_space_m2=150), cr.Community("C3")])
>>> p.compliant, p.unknown, p.total, p.rate, p.met, p.needed
(1, 1, 3, Decimal('0.3333'), False, 3)
>>> required_space_m2("castle")
Traceback (most recent call last):
...
community_rules.errors.InvalidValue: kind: 'castle' is not a valid CommunityKind (valid: old_town, new) ...

The plan that reaches the 70 % target with the least added area brings up the
communities closest to the standard (:func:`space_plan`); the public rooms of
the projects in scope (:func:`survey_public_rooms`) can be proposed to the
communities short of space in the same sub-district office
(:func:`propose_rooms`).
"""

from __future__ import annotations

import contextlib
import datetime
import decimal
import functools
from bisect import bisect_left, bisect_right, insort
from collections.abc import Iterable, Iterator, Sequence
from decimal import Decimal
from typing import Any

import attrs

from ._fields import check_count, require, to_enum
from .dates import on_or_after, parse_date, precision_of
from .enums import CommunityKind, Modality, Status
from .errors import Error, InvalidType, InvalidValue
from .findings import Finding, Rule
from .model import Community, District, Project, SubDistrictOffice
from .policy import DEFAULT_POLICY, Policy

__all__ = [
    "AREA_STEP",
    "DEFAULT_SEARCH_LIMIT",
    "RULES",
    "RecoverableRoom",
    "RoomAssignment",
    "RoomProposal",
    "RoomSurvey",
    "SpaceDeadline",
    "SpacePlan",
    "SpaceProgress",
    "SpaceUpgrade",
    "check_community",
    "check_district",
    "propose_rooms",
    "required_space_m2",
    "space_deadline",
    "space_gap_m2",
    "space_plan",
    "space_progress",
    "survey_public_rooms",
]

#: The smallest area counted (0.01 m²). Only the exclusive reading of I-12
#: needs it: there, a committee lacks ``required − actual + AREA_STEP`` to
#: pass *beyond* the standard. Not a number of the opinion: a resolution.
AREA_STEP = Decimal("0.01")

#: How many search steps :func:`propose_rooms` spends per sub-district office
#: proving its proposal optimal before it settles for the best found.
DEFAULT_SEARCH_LIMIT = 100_000

_CLAUSES = ("3.3",)
_M2 = "m²"

# Areas are added and subtracted in a context that refuses to round: a result
# that does not fit is an error, never a silently rounded area.
_EXACT = decimal.Context(
    prec=60, Emax=999_999, Emin=-999_999, traps=[decimal.Inexact, decimal.InvalidOperation]
)


def _exact(op: str, a: Decimal, b: Decimal, field: str, value: Decimal | None = None) -> Decimal:
    """``a + b`` or ``a − b`` exactly; an inexact result raises naming ``field`` and ``value`` (default ``b``)."""
    try:
        result: Decimal = getattr(_EXACT, op)(a, b)
    except decimal.Inexact:
        raise InvalidValue(
            field,
            b if value is None else value,
            "has too many digits for exact area arithmetic (60 significant digits)",
            "位数过多，无法精确计算面积（上限 60 位有效数字）",
        ) from None
    return result


# --- the rules ----------------------------------------------------------------

_MINIMUM = Rule(
    "space.minimum",
    "3.3",
    Modality.MANDATORY,
    "Office and service space of the residents' committee",
    "居委会办公和服务用房面积",
    interpretations=("I-12",),
    parameters=("old_town_space_m2", "new_space_m2", "space_threshold_inclusive"),
)
_TARGET = Rule(
    "space.target",
    "3.3",
    Modality.MANDATORY,
    "70 % of residents' committees meet the space standard by year end",
    "今年底之前70%的社区居委会用房达到标准",
    interpretations=("I-12", "I-13", "I-14"),
    parameters=(
        "space_target_share",
        "adoption_year",
        "old_town_space_m2",
        "new_space_m2",
        "space_threshold_inclusive",
    ),
)
_PUBLIC_ROOMS = Rule(
    "space.public_rooms",
    "3.3",
    Modality.MANDATORY,
    "Public rooms of projects built from 2008 on are surveyed, recovered and handed over free",
    "2008年以后新建工程中的公共用房普查、收回并无偿交给社区居委会使用",
    interpretations=("I-15",),
    parameters=("public_rooms_from",),
)

#: The rules of clause 3.3 this module checks.
RULES: tuple[Rule, ...] = (_MINIMUM, _TARGET, _PUBLIC_ROOMS)


# --- the minimum ----------------------------------------------------------------


def _kind(kind: object) -> CommunityKind:
    return to_enum(CommunityKind, kind, "kind")


def required_space_m2(kind: CommunityKind | str, *, policy: Policy = DEFAULT_POLICY) -> Decimal:
    """The minimum office and service space of a committee of ``kind``, in m² (3.3).

    ``Policy.old_town_space_m2`` (150, 达到150平方米以上) for an old-town
    committee, ``Policy.new_space_m2`` (300, 不少于300平方米) for a newly built
    community's. Whether the minimum itself suffices is
    ``Policy.space_threshold_inclusive`` (I-12).

    >>> required_space_m2("old_town")
    Decimal('150')
    """
    require("policy", policy, Policy)
    if _kind(kind) is CommunityKind.NEW:
        return policy.new_space_m2
    return policy.old_town_space_m2


def _inclusive(policy: Policy) -> bool:
    """I-12: whether the minimum itself meets the standard (以上 includes the number)."""
    return policy.space_threshold_inclusive


def _meets(actual: Decimal, required: Decimal, inclusive: bool) -> bool:
    return actual >= required if inclusive else actual > required


def _gap(actual: Decimal, required: Decimal, inclusive: bool, field: str) -> Decimal:
    """What a committee below the standard lacks (0 when it meets it)."""
    if _meets(actual, required, inclusive):
        return Decimal(0)
    gap = _exact("subtract", required, actual, field)
    return gap if inclusive else _exact("add", gap, AREA_STEP, field, actual)


def space_gap_m2(community: Community, *, policy: Policy = DEFAULT_POLICY) -> Decimal | None:
    """The area ``community`` lacks to meet its standard: 0 when it does, None when unknown.

    Under the inclusive reading (I-12, default) the gap is ``required −
    actual``; under the exclusive one, what takes the space one
    :data:`AREA_STEP` past the standard.

    >>> import attrs
    >>> c = Community("C1", office_space_m2=150)
    >>> space_gap_m2(c), space_gap_m2(c, policy=attrs.evolve(DEFAULT_POLICY, space_threshold_inclusive=False))
    (Decimal('0'), Decimal('0.01'))
    """
    require("community", community, Community)
    require("policy", policy, Policy)
    actual = community.office_space_m2
    if actual is None:
        return None
    return _gap(
        actual, required_space_m2(community.kind, policy=policy), _inclusive(policy), "office_space_m2"
    )


# --- the 70 % target --------------------------------------------------------------


@attrs.frozen
class SpaceProgress:
    """How many committees meet the space standard, against the 70 % target (3.3, I-14).

    ``compliant`` committees meet their standard, ``unknown`` have no known
    space (counted as not yet compliant, I-14), out of ``total``. ``rate`` is
    ``compliant / total`` rounded *down* (never shown above the true share)
    to four decimals, or to the places of ``target`` if it has more, so that
    ``met == (rate >= target)`` holds exactly; for a district without
    committees ``rate`` is 1 and the target is met vacuously (none is
    short). ``needed`` is ``ceil(target × total)``, computed exactly: the
    committees that must comply (8 of 11, since 7/11 ≈ 63.6 % falls short).
    """

    compliant: int
    unknown: int
    total: int
    rate: Decimal
    target: Decimal
    met: bool
    needed: int
    clauses: tuple[str, ...] = attrs.field(default=_CLAUSES, repr=False)
    interpretations: tuple[str, ...] = attrs.field(default=("I-12", "I-14"), repr=False)

    @property
    def short(self) -> int:
        """How many more committees must comply to meet the target (0 when met)."""
        return max(0, self.needed - self.compliant)

    @property
    def not_compliant(self) -> int:
        """Committees whose known space is below the standard."""
        return self.total - self.compliant - self.unknown


def _needed(total: int, target: Decimal) -> int:
    """``ceil(target × total)`` exactly, with integers."""
    numerator, denominator = target.as_integer_ratio()
    return -((-numerator * total) // denominator)


def _rate(compliant: int, total: int, target: Decimal) -> Decimal:
    if total == 0:
        return Decimal(1)
    exponent = target.as_tuple().exponent
    places = max(4, -exponent) if isinstance(exponent, int) else 4
    # floor(compliant / total) to `places` decimals, with integers: exact.
    return Decimal((compliant * 10**places) // total).scaleb(-places)


def _communities(communities: object, field: str = "communities") -> list[tuple[Community, str | None]]:
    """``(community, office id)`` pairs from a district, an office or an iterable of communities."""
    if isinstance(communities, District):
        return [(c, o.id) for o in communities.offices for c in o.communities]
    if isinstance(communities, SubDistrictOffice):
        return [(c, communities.id) for c in communities.communities]
    if isinstance(communities, Community):
        return [(communities, None)]
    if isinstance(communities, (str, bytes)) or not isinstance(communities, Iterable):
        raise InvalidType(
            field,
            communities,
            f"is a {type(communities).__name__}; expected a District, a SubDistrictOffice "
            "or an iterable of Community",
            f"类型为 {type(communities).__name__}；应为 District、SubDistrictOffice 或 Community 的序列",
        )
    pairs: list[tuple[Community, str | None]] = []
    for i, community in enumerate(communities):
        if not isinstance(community, Community):
            raise InvalidType(
                f"{field}[{i}]",
                community,
                f"is a {type(community).__name__}; expected a Community",
                f"类型为 {type(community).__name__}；应为 Community",
            )
        pairs.append((community, None))
    return pairs


def _progress(pairs: Sequence[tuple[Community, str | None]], policy: Policy) -> SpaceProgress:
    inclusive = _inclusive(policy)
    old, new = policy.old_town_space_m2, policy.new_space_m2
    compliant = unknown = 0
    for community, _ in pairs:
        actual = community.office_space_m2
        if actual is None:
            unknown += 1
        elif _meets(actual, new if community.kind is CommunityKind.NEW else old, inclusive):
            compliant += 1
    total = len(pairs)
    target = policy.space_target_share
    needed = _needed(total, target)
    return SpaceProgress(
        compliant=compliant,
        unknown=unknown,
        total=total,
        rate=_rate(compliant, total, target),
        target=target,
        met=compliant >= needed,
        needed=needed,
    )


def space_progress(
    communities: District | SubDistrictOffice | Iterable[Community], *, policy: Policy = DEFAULT_POLICY
) -> SpaceProgress:
    """How many of ``communities`` meet the space standard, against the 70 % target (I-14).

    ``communities`` is a district, a sub-district office or an iterable of
    :class:`~community_rules.model.Community`.

    >>> p = space_progress([Community(f"C{i}", office_space_m2=150 if i < 7 else 100) for i in range(10)])
    >>> p.compliant, p.total, p.rate, p.needed, p.met
    (7, 10, Decimal('0.7000'), 7, True)
    >>> space_progress([]).rate, space_progress([]).met
    (Decimal('1'), True)
    """
    require("policy", policy, Policy)
    return _progress(_communities(communities), policy)


@attrs.frozen
class SpaceDeadline:
    """The 70 % target against its deadline, 31 December of ``Policy.adoption_year`` (I-13).

    ``days_remaining`` counts the days from ``as_of`` to 31 December (0 on
    the day itself and after it: 今年底之前 is read as "by the end of 31
    December"); ``passed`` is True once ``as_of`` is after it.
    """

    year: int
    year_end: datetime.date
    as_of: datetime.date
    days_remaining: int
    passed: bool
    progress: SpaceProgress
    clauses: tuple[str, ...] = attrs.field(default=_CLAUSES, repr=False)
    interpretations: tuple[str, ...] = attrs.field(default=("I-13", "I-14"), repr=False)

    @property
    def met(self) -> bool:
        """Whether the 70 % target is met on ``as_of``."""
        return self.progress.met

    @property
    def overdue(self) -> bool:
        """True when the deadline has passed and the target is not met."""
        return self.passed and not self.progress.met


def space_deadline(
    communities: District | SubDistrictOffice | Iterable[Community],
    *,
    as_of: datetime.date | str,
    policy: Policy = DEFAULT_POLICY,
) -> SpaceDeadline:
    """The 70 % target on ``as_of``: days left until 31 December of the adoption year, and whether met.

    ``as_of`` is a date or a string :func:`~community_rules.dates.parse_date`
    reads. Raises :class:`~community_rules.errors.PolicyNotSet` when
    ``Policy.adoption_year`` is unset: the opinion is undated (I-13).

    >>> import attrs
    >>> policy = attrs.evolve(DEFAULT_POLICY, adoption_year=2009)
    >>> d = space_deadline([Community("C1", office_space_m2=150)], as_of="2009-12-01", policy=policy)
    >>> d.year_end, d.days_remaining, d.passed, d.met
    (datetime.date(2009, 12, 31), 30, False, True)
    >>> space_deadline([], as_of="2009-12-01")
    Traceback (most recent call last):
    ...
    community_rules.errors.PolicyNotSet: Policy.adoption_year: None is not set: the opinion is undated, ...
    """
    require("policy", policy, Policy)
    day = parse_date(as_of, "as_of")
    year_end = policy.year_end()
    return SpaceDeadline(
        year=year_end.year,
        year_end=year_end,
        as_of=day,
        days_remaining=max(0, (year_end - day).days),
        passed=day > year_end,
        progress=space_progress(communities, policy=policy),
    )


# --- a plan to reach the target ---------------------------------------------------


@attrs.frozen
class SpaceUpgrade:
    """One committee to bring up to standard: ``added_m2`` takes ``actual_m2`` to the standard."""

    community: str
    office: str | None
    kind: CommunityKind
    required_m2: Decimal
    actual_m2: Decimal
    added_m2: Decimal


@attrs.frozen
class SpacePlan:
    """The committees to bring up to standard so that the district reaches the target (3.3).

    ``upgrades`` (in district order) are the committees to bring up, with the
    least ``total_added_m2`` there is. ``unknown`` lists the committees whose
    space is not known: they cannot be planned (surveying them may show some
    already comply). ``feasible`` is False when even bringing up every
    committee of known space would not reach the target; ``still_short``
    then says how many more must comply (out of the unknown ones).
    """

    progress: SpaceProgress
    upgrades: tuple[SpaceUpgrade, ...]
    total_added_m2: Decimal
    unknown: tuple[str, ...]
    feasible: bool
    still_short: int
    clauses: tuple[str, ...] = attrs.field(default=_CLAUSES, repr=False)
    interpretations: tuple[str, ...] = attrs.field(default=("I-12", "I-14"), repr=False)


def space_plan(
    communities: District | SubDistrictOffice | Iterable[Community], *, policy: Policy = DEFAULT_POLICY
) -> SpacePlan:
    """Which committees to bring up to standard, and by how much, to reach the target with least area.

    The target needs ``short = needed − compliant`` more committees
    (``needed = ceil(0.7 × N)``, exactly). Any ``short`` committees below the
    standard will do, and bringing one up costs its gap; so the least total
    area is the sum of the ``short`` smallest gaps, and those committees are
    the plan (equal gaps: the earlier in district order first). Bringing up
    more than ``short`` only adds area. Committees whose space is unknown
    have no gap to plan and are listed apart.

    >>> cs = [Community("A", office_space_m2=100), Community("B", office_space_m2=140),
    ...       Community("C", office_space_m2=150), Community("D")]
    >>> plan = space_plan(cs)
    >>> plan.progress.needed, [(u.community, u.added_m2) for u in plan.upgrades], plan.unknown
    (3, [('A', Decimal('50')), ('B', Decimal('10'))], ('D',))
    """
    require("policy", policy, Policy)
    pairs = _communities(communities)
    progress = _progress(pairs, policy)
    inclusive = _inclusive(policy)
    below: list[tuple[Decimal, int, SpaceUpgrade]] = []
    unknown: list[str] = []
    for index, (community, office) in enumerate(pairs):
        actual = community.office_space_m2
        if actual is None:
            unknown.append(community.id)
            continue
        required = required_space_m2(community.kind, policy=policy)
        if _meets(actual, required, inclusive):
            continue
        gap = _gap(actual, required, inclusive, f"{community.id}.office_space_m2")
        below.append((gap, index, SpaceUpgrade(community.id, office, community.kind, required, actual, gap)))
    below.sort(key=lambda item: (item[0], item[1]))
    chosen = sorted(below[: progress.short], key=lambda item: item[1])
    total = Decimal(0)
    for gap, _, _ in chosen:
        total = _exact("add", total, gap, "total_added_m2")
    still_short = progress.short - len(chosen)
    return SpacePlan(
        progress=progress,
        upgrades=tuple(item[2] for item in chosen),
        total_added_m2=total,
        unknown=tuple(unknown),
        feasible=still_short == 0,
        still_short=still_short,
    )


# --- public rooms -----------------------------------------------------------------


@attrs.frozen
class RecoverableRoom:
    """A public-use room (公共用房) of a project in scope of 3.3, to recover and hand over free."""

    project: str
    room: str
    area_m2: Decimal
    office: str | None
    completed: datetime.date


@attrs.frozen
class RoomSurvey:
    """The general survey (普查) of public rooms: which projects fall under 3.3 (I-15).

    ``in_scope`` are the projects completed on or after ``cutoff``
    (``Policy.public_rooms_from``), whose rooms are ``recoverable``;
    ``before_cutoff`` those completed earlier; ``unknown`` those whose
    completion date is not known, or known only to a month or a year that
    contains the cut-off (a month wholly on or after it is in scope, one
    wholly before it is not).
    """

    cutoff: datetime.date
    recoverable: tuple[RecoverableRoom, ...]
    in_scope: tuple[str, ...]
    before_cutoff: tuple[str, ...]
    unknown: tuple[str, ...]
    clauses: tuple[str, ...] = attrs.field(default=_CLAUSES, repr=False)
    interpretations: tuple[str, ...] = attrs.field(default=("I-15",), repr=False)

    @property
    def total_m2(self) -> Decimal:
        """The area of all recoverable rooms."""
        total = Decimal(0)
        for room in self.recoverable:
            total = _exact("add", total, room.area_m2, "total_m2")
        return total


def _projects(projects: object) -> tuple[Project, ...]:
    if isinstance(projects, District):
        return projects.projects
    if isinstance(projects, (str, bytes)) or not isinstance(projects, Iterable):
        raise InvalidType(
            "projects",
            projects,
            f"is a {type(projects).__name__}; expected a District or an iterable of Project",
            f"类型为 {type(projects).__name__}；应为 District 或 Project 的序列",
        )
    items = tuple(projects)
    for i, project in enumerate(items):
        if not isinstance(project, Project):
            raise InvalidType(
                f"projects[{i}]",
                project,
                f"is a {type(project).__name__}; expected a Project",
                f"类型为 {type(project).__name__}；应为 Project",
            )
    return items


def _in_scope(project: Project, cutoff: datetime.date) -> bool | None:
    if project.completed is None:
        return None
    return on_or_after(project.completed, cutoff)


def survey_public_rooms(
    projects: District | Iterable[Project], *, policy: Policy = DEFAULT_POLICY
) -> RoomSurvey:
    """Sort the projects by 3.3's cut-off and list the public rooms to recover (I-15).

    >>> import datetime
    >>> from community_rules.model import Project, PublicRoom
    >>> s = survey_public_rooms([
    ...     Project("P1", completed=datetime.date(2009, 5, 20), public_rooms=[PublicRoom("R1", 120)]),
    ...     Project("P2", completed=datetime.date(2007, 11, 1), public_rooms=[PublicRoom("R2", 200)]),
    ...     Project("P3", public_rooms=[PublicRoom("R3", 80)])])
    >>> [r.room for r in s.recoverable], s.before_cutoff, s.unknown, s.total_m2
    (['R1'], ('P2',), ('P3',), Decimal('120'))
    """
    require("policy", policy, Policy)
    cutoff = policy.public_rooms_from
    rooms: list[RecoverableRoom] = []
    in_scope: list[str] = []
    before: list[str] = []
    unknown: list[str] = []
    for project in _projects(projects):
        scope = _in_scope(project, cutoff)
        if scope is None:
            unknown.append(project.id)
        elif not scope:
            before.append(project.id)
        else:
            assert project.completed is not None
            in_scope.append(project.id)
            rooms.extend(
                RecoverableRoom(project.id, room.id, room.area_m2, project.office, project.completed)
                for room in project.public_rooms
            )
    return RoomSurvey(cutoff, tuple(rooms), tuple(in_scope), tuple(before), tuple(unknown))


@attrs.frozen
class RoomAssignment:
    """Rooms proposed to one committee short of space, in its own sub-district office.

    ``gap_m2`` is what the committee lacked; ``added_m2`` (the rooms'
    total) covers it. The set is minimal: without any one of its rooms the
    committee would stay short.
    """

    office: str
    community: str
    gap_m2: Decimal
    rooms: tuple[RecoverableRoom, ...]
    added_m2: Decimal


@attrs.frozen
class RoomProposal:
    """A proposal handing recoverable public rooms to committees short of space (3.3).

    ``assignments`` bring as many committees as possible up to standard, each
    with rooms of its own sub-district office; a room goes to at most one
    committee and is never split. ``still_short`` are the committees of
    known space left short; ``unknown_space`` those whose space is not known
    (not planned); ``spare`` the rooms left over; ``unplaced`` the rooms of
    projects whose sub-district office is not recorded; ``unknown_projects``
    the projects the survey could not place before or after the cut-off.
    ``optimal`` is True when the number brought up is proven the largest
    possible; False only when the search limit stopped the proof.
    """

    assignments: tuple[RoomAssignment, ...]
    still_short: tuple[str, ...]
    unknown_space: tuple[str, ...]
    spare: tuple[RecoverableRoom, ...]
    unplaced: tuple[RecoverableRoom, ...]
    unknown_projects: tuple[str, ...]
    optimal: bool
    clauses: tuple[str, ...] = attrs.field(default=_CLAUSES, repr=False)
    interpretations: tuple[str, ...] = attrs.field(default=("I-12", "I-15"), repr=False)

    @property
    def brought_up(self) -> int:
        """How many committees the proposal brings up to standard."""
        return len(self.assignments)


class _Exhausted(Exception):
    """The search limit was reached before feasibility was decided."""


#: The most decimal places an area may have in :func:`propose_rooms` (a ten-billionth of a m²).
_MAX_PLACES = 10


def _units(values: Sequence[tuple[str, Decimal]]) -> list[int]:
    """The areas as integers in one common scale (exact): each × 10^places.

    ``values`` are ``(field, area)`` pairs; an area finer than
    :data:`_MAX_PLACES` decimals is refused naming its field.
    """
    places = 0
    for field, value in values:
        _, digits, exponent = value.as_tuple()
        assert isinstance(exponent, int)  # areas are finite (to_decimal)
        extra = -exponent - _MAX_PLACES  # digits past the finest place allowed: must all be 0
        if extra > 0 and any(digits[-extra:]):
            raise InvalidValue(
                field,
                value,
                f"has more than {_MAX_PLACES} decimal places",
                f"小数位数超过 {_MAX_PLACES} 位",
            )
        places = max(places, min(-exponent, _MAX_PLACES))
    scaled = []
    for _, value in values:
        sign, digits, exponent = value.as_tuple()
        assert isinstance(exponent, int)
        shift = exponent + places
        number = int("".join(map(str, digits)) or "0")
        number = number * 10**shift if shift >= 0 else number // 10**-shift  # exact: the digits cut are 0
        scaled.append(-number if sign else number)
    return scaled


def _cover(gaps: Sequence[int], rooms: Sequence[int], budget: list[int]) -> list[int] | None:
    """Assign ``rooms`` (descending) so that every gap is covered: the gap of each room (-1: none).

    Depth-first over the rooms, largest first: each room goes to one gap
    still open (leaving it unused never helps: a solution without it stays
    one when it is added to any gap). The state is the room reached and the sorted
    needs left, so gaps with equal needs are tried once and a state already
    shown hopeless is not searched again. A room that exactly fills a need
    goes there and nowhere else (any solution can be rearranged so that it
    does). A branch stops when the rooms left cannot fill the needs left in
    area, or in number: each need takes at least as many rooms as the
    fewest of the largest rooms left that reach it. Returns None when no
    assignment exists; raises :class:`_Exhausted` past the budget.
    """
    n = len(rooms)
    prefix = [0]
    for area in rooms:
        prefix.append(prefix[-1] + area)
    failed: set[tuple[int, tuple[int, ...]]] = set()
    path = [0] * n  # the need each room was put against (0: unused)

    def search(i: int, needs: tuple[int, ...], total: int) -> bool:
        if not needs:
            return True
        budget[0] -= 1
        if budget[0] < 0:
            raise _Exhausted
        if i == n or prefix[n] - prefix[i] < total:
            return False
        key = (i, needs)
        if key in failed:
            return False
        left, count = n - i, 0
        for d in needs:
            count += bisect_left(prefix, prefix[i] + d, i + 1) - i
            if count > left:
                failed.add(key)
                return False
        area = rooms[i]
        at = bisect_right(needs, area)
        closes, larger = needs[:at], needs[at:]  # the needs this room fills, and those it only reduces
        exact = bool(closes) and closes[-1] == area
        # The need it fills with least waste first, then the larger ones, then the smaller ones.
        order = (area,) if exact else dict.fromkeys((*closes[-1:], *reversed(larger), *reversed(closes[:-1])))
        for d in order:
            j = bisect_left(needs, d)
            rest = list(needs[:j] + needs[j + 1 :])
            if d > area:
                insort(rest, d - area)
            path[i] = d
            if search(i + 1, tuple(rest), total - min(d, area)):
                return True
        path[i] = 0
        failed.add(key)
        return False

    if not search(0, tuple(sorted(gaps)), sum(gaps)):
        return None
    # Replay the path to name the gap each room went to.
    need = list(gaps)
    assign = [-1] * n
    for i, d in enumerate(path):
        if d:
            b = need.index(d)
            need[b] = max(0, d - rooms[i])
            assign[i] = b
    return assign


def _greedy(gaps: Sequence[int], rooms: Sequence[int]) -> list[int]:
    """A quick assignment, gaps in ascending order: each takes the smallest free room that closes
    what it still lacks, or else the largest free room, until it is covered."""
    assign = [-1] * len(rooms)
    free = sorted(range(len(rooms)), key=lambda r: (rooms[r], r))
    sizes = [rooms[r] for r in free]
    for b in sorted(range(len(gaps)), key=lambda b: (gaps[b], b)):
        if sum(sizes) < gaps[b]:
            break
        lack, taken = gaps[b], []
        while lack > 0:
            j = bisect_left(sizes, lack)
            j = j if j < len(sizes) else len(sizes) - 1  # a room that closes it, else the largest
            lack -= sizes[j]
            taken.append(free[j])
            del free[j], sizes[j]
        for r in taken:
            assign[r] = b
    return assign


def _covered(gaps: Sequence[int], rooms: Sequence[int], assign: Sequence[int]) -> list[int]:
    got = [0] * len(gaps)
    for r, b in enumerate(assign):
        if b >= 0:
            got[b] += rooms[r]
    return [b for b in range(len(gaps)) if got[b] >= gaps[b]]


#: The most rooms of one office the exact search takes on (it recurses once per room).
_MAX_SEARCH_ROOMS = 400


def _best_assignment(gaps: Sequence[int], rooms: Sequence[int], limit: int) -> tuple[list[int], bool]:
    """Cover as many gaps as possible with indivisible rooms; (room → gap index or -1, proven optimal).

    If some k gaps can be covered, so can the k smallest (give the i-th
    smallest the rooms of the i-th smallest covered one), so the answer is
    the largest k whose k smallest gaps can all be covered. The greedy
    assignment gives a first k; each larger k (up to the bound set by the
    rooms' count and total area) is tried with the exact search of
    :func:`_cover` until one is proven impossible.
    """
    order = sorted(range(len(gaps)), key=lambda b: (gaps[b], b))
    best = _greedy(gaps, rooms)
    count = len(_covered(gaps, rooms, best))
    bound, area = 0, sum(rooms)
    for b in order:
        if bound >= len(rooms) or area < gaps[b]:
            break
        area -= gaps[b]
        bound += 1
    if len(rooms) > _MAX_SEARCH_ROOMS:  # deeper than the search may recurse: keep the greedy answer
        return best, count == bound
    by_size = sorted(range(len(rooms)), key=lambda r: (-rooms[r], r))
    budget = [limit]
    for k in range(count + 1, bound + 1):
        chosen = sorted(order[:k], key=lambda b: (-gaps[b], b))
        try:
            found = _cover([gaps[b] for b in chosen], [rooms[r] for r in by_size], budget)
        except _Exhausted:
            return best, False
        if found is None:
            return best, True
        best = [-1] * len(rooms)
        for position, b in enumerate(found):
            if b >= 0:
                best[by_size[position]] = chosen[b]
    return best, True


def propose_rooms(
    district: District,
    *,
    policy: Policy = DEFAULT_POLICY,
    search_limit: int = DEFAULT_SEARCH_LIMIT,
) -> RoomProposal:
    """Propose which recoverable public rooms go to which committee short of space (3.3).

    Within each sub-district office, the rooms of its projects in scope
    (:func:`survey_public_rooms`) are assigned to its committees below the
    standard so that as many committees as possible reach it; a room is
    indivisible and goes to at most one committee. The method: if some k
    committees can be brought up, so can the k with the smallest gaps, so
    the search looks for the largest k whose k smallest gaps the rooms can
    cover — a quick greedy assignment first, then an exact depth-first
    search (rooms largest first, each to an open gap; interchangeable gaps
    tried once; hopeless states remembered; branches cut by the area and
    count of rooms left) for each
    larger k until one is proven impossible. ``search_limit`` caps the
    search steps per office; if it runs out, the best assignment found is
    kept and ``optimal`` is False. Each committee's rooms are minimal by
    construction (rooms are handed out largest first, and a committee takes
    none once covered, so without its smallest room — or any other — it
    would fall short); the rest are ``spare``.

    >>> import datetime
    >>> from community_rules.model import Project, PublicRoom, SubDistrictOffice
    >>> office = SubDistrictOffice("O1", communities=[
    ...     Community("A", office_space_m2=100), Community("B", office_space_m2=120)])
    >>> d = District("D", offices=[office], projects=[Project(
    ...     "P1", completed=datetime.date(2009, 1, 1), office="O1",
    ...     public_rooms=[PublicRoom("R1", 30), PublicRoom("R2", 25), PublicRoom("R3", 25)])])
    >>> p = propose_rooms(d)
    >>> [(a.community, [r.room for r in a.rooms]) for a in p.assignments], p.optimal
    ([('A', ['R2', 'R3']), ('B', ['R1'])], True)
    >>> propose_rooms([office])
    Traceback (most recent call last):
    ...
    community_rules.errors.InvalidType: district: ... is a list; expected a District ...
    """
    require("policy", policy, Policy)
    if not isinstance(district, District):
        raise InvalidType(
            "district",
            district,
            f"is a {type(district).__name__}; expected a District",
            f"类型为 {type(district).__name__}；应为 District",
        )
    limit = check_count("search_limit", search_limit)
    survey = survey_public_rooms(district, policy=policy)
    inclusive = _inclusive(policy)
    by_office: dict[str, list[RecoverableRoom]] = {o.id: [] for o in district.offices}
    unplaced: list[RecoverableRoom] = []
    for room in survey.recoverable:
        if room.office is None:
            unplaced.append(room)
        else:
            by_office[room.office].append(room)
    assignments: list[RoomAssignment] = []
    still_short: list[str] = []
    unknown_space: list[str] = []
    spare: list[RecoverableRoom] = []
    optimal = True
    for office in district.offices:
        short: list[tuple[Community, Decimal]] = []
        for community in office.communities:
            actual = community.office_space_m2
            if actual is None:
                unknown_space.append(community.id)
                continue
            gap = _gap(
                actual,
                required_space_m2(community.kind, policy=policy),
                inclusive,
                f"{community.id}.office_space_m2",
            )
            if gap > 0:
                short.append((community, gap))
        rooms = [r for r in by_office[office.id] if r.area_m2 > 0]
        spare.extend(r for r in by_office[office.id] if r.area_m2 <= 0)
        if not short or not rooms:
            still_short.extend(c.id for c, _ in short)
            spare.extend(rooms)
            continue
        units = _units(
            [(f"{c.id}.office_space_m2", g) for c, g in short]
            + [(f"projects[{r.project}].public_rooms[{r.room}].area_m2", r.area_m2) for r in rooms]
        )
        gap_units, room_units = units[: len(short)], units[len(short) :]
        assign, proven = _best_assignment(gap_units, room_units, limit)
        optimal = optimal and proven
        covered = set(_covered(gap_units, room_units, assign))
        used: set[int] = set()
        for b, (community, gap) in enumerate(short):
            if b not in covered:
                still_short.append(community.id)
                continue
            mine = [r for r, x in enumerate(assign) if x == b]
            used.update(mine)
            added = Decimal(0)
            for r in mine:
                added = _exact("add", added, rooms[r].area_m2, "added_m2")
            assignments.append(
                RoomAssignment(office.id, community.id, gap, tuple(rooms[r] for r in mine), added)
            )
        spare.extend(room for r, room in enumerate(rooms) if r not in used)
    return RoomProposal(
        assignments=tuple(assignments),
        still_short=tuple(still_short),
        unknown_space=tuple(unknown_space),
        spare=tuple(spare),
        unplaced=tuple(unplaced),
        unknown_projects=survey.unknown,
        optimal=optimal,
    )


# --- checks -------------------------------------------------------------------------


def _m2(value: Decimal) -> str:
    return f"{value:,f} m²"


def _rooms_en(n: int) -> str:
    return f"{n} public room" if n == 1 else f"{n} public rooms"


#: How each kind of committee is named in messages.
_KIND_EN = {
    CommunityKind.OLD_TOWN: "an old-town committee",
    CommunityKind.NEW: "a newly built community's committee",
}
_KIND_ZH = {CommunityKind.OLD_TOWN: "老城区居委会", CommunityKind.NEW: "新建社区居委会"}


@functools.lru_cache(maxsize=64)
def _standard(kind: CommunityKind, required: Decimal, inclusive: bool) -> tuple[str, str, str]:
    """The standard a committee of ``kind`` must meet, in words, and its Policy field (cached)."""
    en = f"{_KIND_EN[kind]} needs {'at least' if inclusive else 'more than'} {_m2(required)}"
    zh = f"{_KIND_ZH[kind]}应{'不少于' if inclusive else '超过'} {required:f} 平方米"
    return en, zh, "new_space_m2" if kind is CommunityKind.NEW else "old_town_space_m2"


def check_community(
    community: Community,
    *,
    policy: Policy = DEFAULT_POLICY,
    as_of: datetime.date | None = None,
    office: str | None = None,
) -> Iterator[Finding]:
    """Check ``community``'s office and service space against its minimum (rule ``space.minimum``).

    ``as_of`` is not used (the minimum has no date); ``office`` is recorded in the finding.

    >>> [f.status.value for f in check_community(Community("C1", kind="new", office_space_m2=280))]
    ['not_met']
    """
    kind = community.kind
    required = policy.new_space_m2 if kind is CommunityKind.NEW else policy.old_town_space_m2
    actual = community.office_space_m2
    inclusive = policy.space_threshold_inclusive
    standard_en, standard_zh, parameter = _standard(kind, required, inclusive)
    inputs = (("kind", kind.value), ("office_space_m2", actual))
    if actual is None:
        yield _MINIMUM.finding(
            Status.UNKNOWN,
            community=community.id,
            office=office,
            required=required,
            unit=_M2,
            message_en=f"Office and service space not known; {standard_en}.",
            message_zh=f"办公和服务用房面积未知；{standard_zh}。",
            inputs=inputs,
            parameters=(parameter,),
        )
        return
    if _meets(actual, required, inclusive):
        yield _MINIMUM.finding(
            Status.MET,
            community=community.id,
            office=office,
            required=required,
            actual=actual,
            gap=Decimal(0),
            unit=_M2,
            message_en=f"{_m2(actual)} of office and service space; {standard_en}: met.",
            message_zh=f"办公和服务用房 {actual:f} 平方米；{standard_zh}，已达标。",
            inputs=inputs,
            parameters=(parameter,),
        )
        return
    gap: Decimal | None
    try:
        gap = _gap(actual, required, inclusive, "office_space_m2")
        short_en, short_zh = f"{_m2(gap)} short", f"差 {gap:f} 平方米"
    except InvalidValue:  # below the standard (compared exactly), but the difference has too many digits
        gap, short_en, short_zh = (
            None,
            "short (too many digits to state by how much)",
            "不足（位数过多，无法精确给出差额）",
        )
    yield _MINIMUM.finding(
        Status.NOT_MET,
        community=community.id,
        office=office,
        required=required,
        actual=actual,
        gap=gap,
        unit=_M2,
        message_en=f"{_m2(actual)} of office and service space, {short_en}: {standard_en}.",
        message_zh=f"办公和服务用房 {actual:f} 平方米，{short_zh}：{standard_zh}。",
        inputs=inputs,
        parameters=(parameter,),
    )


def _target_finding(district: District, policy: Policy, as_of: datetime.date | None) -> Finding:
    progress = _progress(_communities(district), policy)
    share = f"{progress.target * 100:f}".rstrip("0").rstrip(".")
    rate = f"{progress.rate * 100:.2f}"
    state_en = (
        f"{progress.compliant} of {progress.total} committees meet the space standard ({rate} %), "
        f"{progress.unknown} not known; {share} % needs {progress.needed}"
    )
    state_zh = (
        f"{progress.total} 个居委会中 {progress.compliant} 个用房达标（{rate}%），"
        f"{progress.unknown} 个未知；{share}% 需 {progress.needed} 个"
    )
    common: dict[str, Any] = {
        "required": progress.needed,
        "actual": progress.compliant,
        "gap": progress.short,
        "unit": "committees",
        "parameters": (),
    }
    inputs: list[tuple[str, Any]] = [
        ("communities", progress.total),
        ("compliant", progress.compliant),
        ("unknown", progress.unknown),
        ("adoption_year", policy.adoption_year),
        ("as_of", None if as_of is None else as_of.isoformat()),
    ]
    if policy.adoption_year is None:
        return _TARGET.finding(
            Status.UNKNOWN,
            message_en=f"{state_en}. The deadline, the end of 'this year' (今年底), is unknown: "
            "set Policy.adoption_year (I-13).",
            message_zh=f"{state_zh}。期限“今年底”未知：请设置 Policy.adoption_year（I-13）。",
            inputs=tuple(inputs),
            **common,
        )
    year_end = policy.year_end()
    status = Status.MET if progress.met else Status.NOT_MET
    verdict_en = "met" if progress.met else "not met"
    verdict_zh = "已达到" if progress.met else "未达到"
    if as_of is None:
        when_en = f"the deadline is {year_end.isoformat()}"
        when_zh = f"期限为 {year_end.isoformat()}"
    elif as_of <= year_end:
        days = (year_end - as_of).days
        when_en = f"{days} days remain until the deadline, {year_end.isoformat()}"
        when_zh = f"距期限 {year_end.isoformat()} 还有 {days} 天"
    else:
        days = (as_of - year_end).days
        when_en = f"the deadline, {year_end.isoformat()}, passed {days} days ago"
        when_zh = f"期限 {year_end.isoformat()} 已过 {days} 天"
    return _TARGET.finding(
        status,
        message_en=f"{state_en}: the target is {verdict_en}; {when_en}.",
        message_zh=f"{state_zh}：目标{verdict_zh}；{when_zh}。",
        inputs=tuple(inputs),
        **common,
    )


def _room_list(rooms: Iterable[Any]) -> str:
    return ", ".join(rooms)


def _public_room_findings(district: District, policy: Policy) -> Iterator[Finding]:
    cutoff = policy.public_rooms_from
    proposal: RoomProposal | None = None
    failure: Error | None = None
    if district.projects:
        try:
            proposal = propose_rooms(district, policy=policy)
        except Error as exc:  # a report must render: say why there is no proposal instead
            failure = exc
    recipient: dict[tuple[str, str], str] = {}
    if proposal is not None:
        for a in proposal.assignments:
            for given in a.rooms:
                recipient[(given.project, given.room)] = a.community
    for project in district.projects:
        completed = project.completed
        inputs: tuple[tuple[str, Any], ...] = (
            ("completed", None if completed is None else completed.isoformat()),
            ("office", project.office),
            ("public_rooms", len(project.public_rooms)),
        )
        common: dict[str, Any] = {"office": project.office, "subject": project.id, "inputs": inputs}
        scope = _in_scope(project, cutoff)
        if scope is None:
            known = (
                ""
                if completed is None
                else f" (known only to the {precision_of(completed).value}: {completed})"
            )
            known_zh = "" if completed is None else f"（仅知{precision_of(completed).zh}：{completed}）"
            yield _PUBLIC_ROOMS.finding(
                Status.UNKNOWN,
                message_en=f"Project {project.id}: completion date not known{known}, so it cannot be told "
                f"whether its public rooms fall under 3.3 (completed on or after {cutoff.isoformat()}).",
                message_zh=f"工程 {project.id}：竣工日期不明{known_zh}，无法判断其公共用房是否属于"
                f"“{cutoff.year}年以后新建工程”（{cutoff.isoformat()} 及以后竣工）。",
                **common,
            )
            continue
        if not scope:
            yield _PUBLIC_ROOMS.finding(
                Status.NOT_APPLICABLE,
                message_en=f"Project {project.id} was completed on {completed}, before {cutoff.isoformat()}.",
                message_zh=f"工程 {project.id} 于 {completed} 竣工，早于 {cutoff.isoformat()}，不在范围内。",
                **common,
            )
            continue
        if not project.public_rooms:
            yield _PUBLIC_ROOMS.finding(
                Status.NOT_APPLICABLE,
                message_en=f"Project {project.id} (completed {completed}) has no public rooms recorded.",
                message_zh=f"工程 {project.id}（{completed} 竣工）未登记公共用房。",
                **common,
            )
            continue
        area_en = area_zh = "?"
        with contextlib.suppress(InvalidValue):
            area = Decimal(0)
            for room in project.public_rooms:
                area = _exact("add", area, room.area_m2, "area_m2")
            area_en, area_zh = _m2(area), f"{area:f} 平方米"
        proposed = [
            f"{room.id} → {recipient[(project.id, room.id)]}"
            for room in project.public_rooms
            if (project.id, room.id) in recipient
        ]
        if project.office is None:
            plan_en = "its sub-district office is not recorded, so no committee can be proposed"
            plan_zh = "未登记所属街道办事处，无法提出分配建议"
        elif failure is not None:
            plan_en = f"no proposal can be made ({failure.path}: {failure.message_en})"
            plan_zh = f"无法提出分配建议（{failure.path}：{failure.message_zh}）"
        elif proposed:
            plan_en = f"proposed: {_room_list(proposed)}"
            plan_zh = f"建议分配：{_room_list(proposed)}"
        else:
            plan_en = "no committee of its sub-district office is brought up to standard by them"
            plan_zh = "不能使本街道任一居委会用房达标"
        yield _PUBLIC_ROOMS.finding(
            Status.UNKNOWN,
            required=len(project.public_rooms),
            unit="rooms",
            message_en=f"Project {project.id} (completed {completed}): {_rooms_en(len(project.public_rooms))}, "
            f"{area_en}, to be recovered and handed to residents' committees free of charge; {plan_en}. "
            "Whether they have been handed over is not recorded in the data.",
            message_zh=f"工程 {project.id}（{completed} 竣工）：公共用房 {len(project.public_rooms)} 间，"
            f"共 {area_zh}，应收回并无偿交给社区居委会使用；{plan_zh}。数据中未记录是否已移交。",
            **common,
        )


def check_district(
    district: District, *, policy: Policy = DEFAULT_POLICY, as_of: datetime.date | None = None
) -> Iterator[Finding]:
    """The district-wide findings of 3.3: ``space.target`` and ``space.public_rooms``.

    ``space.target`` is MET or NOT_MET by whether 70 % of committees meet
    the standard on ``as_of`` — before the year end too, with the days
    remaining (or since the deadline passed) in the message — and UNKNOWN,
    naming ``Policy.adoption_year``, when that is unset (a report must still
    render). ``space.public_rooms`` gives one finding per project: UNKNOWN
    when its completion date cannot be placed against the cut-off;
    NOT_APPLICABLE before it or without public rooms; and for a project in
    scope UNKNOWN with the rooms, their area and the proposed recipients
    (:func:`propose_rooms`) — the data model does not record a handover, so
    whether the rooms were recovered and handed over cannot be checked.

    >>> import attrs
    >>> d = District("D", offices=[SubDistrictOffice("O1", communities=[Community("C1", office_space_m2=150)])])
    >>> [(f.rule, f.status.value) for f in check_district(d)]
    [('space.target', 'unknown')]
    >>> policy = attrs.evolve(DEFAULT_POLICY, adoption_year=2009)
    >>> f = next(check_district(d, policy=policy, as_of=datetime.date(2009, 12, 1)))
    >>> f.status.value, f.message_en
    ('met', '1 of 1 committees meet the space standard (100.00 %), 0 not known; 70 % needs 1: the target is met; 30 days remain until the deadline, 2009-12-31.')
    """
    yield _target_finding(district, policy, as_of)
    yield from _public_room_findings(district, policy)
