"""The three-tier assessment: scores, grades, consequences, plan filing (clause 4.3).

Clause 4.3 of the opinion (加强民主监督，建立三级考核制度, "strengthen democratic
supervision, and establish a three-level assessment system") sets up who
assesses whom (:data:`TIERS`):

- **4.3.1** — 区管委…把解决城市社区居委会"三有"问题以及社区建设工作，纳入对各部门、单位年度目标
  绩效管理考核中: the district management committee puts the "three haves"
  (people, money, premises) and community building into the annual target
  performance assessment of the departments and units; and 各级制定的考核方案要报
  上一级备案，逐级监督执行: each level files its assessment plan with the level
  above (:data:`PLAN_FILED`, :data:`PLAN_ROUTES`);
- **4.3.2** — 街道办事处负责制定对社区工作站和居委会的具体考核办法…考核结果与人员聘用和
  待遇挂钩；社区工作站和居委会负责制定对小区长和楼长的考核办法: the sub-district
  office assesses the workstation and committee (together: ``Level.COMMUNITY``),
  which assess the sub-area heads and building heads; 日常督导和年终考核相结合:
  day-to-day supervision is combined with a year-end assessment; the results
  are tied to hiring and pay (:data:`ASSESSED`);
- **4.3.3** — 每年年终，由社区居民对街道办事处、社区工作站和居委会、小区长和楼长…进行评议，将
  社区居民的评议结果作为管委对街道办事处目标绩效管理考核的依据，同时与…人员聘用和待遇挂钩:
  every year end the residents evaluate the office, the workstation and
  committee and the heads; the result is a basis of the management
  committee's assessment of the office and is tied to the others' hiring and
  pay (:data:`RESIDENT_EVALUATION`).

The opinion gives no scale, weights or bands; the library's are **local
choices** (I-11, I-16, I-17, I-18), each a named interpretation with its
numbers in :class:`~community_rules.policy.Policy`, and I-20 is a reading
where 2.2.2 and 4.3.3 pull apart:

- **I-16** resident score — satisfied 100, basically satisfied 60, dissatisfied
  0, averaged over the ballots, half up to 0.01 (:func:`resident_score`);
- **I-17** composite score — per-level weights (default daily 0.3, year-end
  0.4, residents 0.3; a department daily 0.4, year-end 0.6), daily scores
  averaged, the exact result rounded once, half up to 0.01; a missing
  component with a non-zero weight is an error, never a silent re-weighting
  (:func:`composite_score`);
- **I-18** grades — ≥ 90 excellent, ≥ 75 competent, ≥ 60 basically
  competent, below 60 incompetent, which flags the unit or person for
  non-renewal (:func:`grade`);
- **I-20** building heads (a reading, not a local number) — the 100-yuan
  allowance stays fixed and an incompetent grade flags the head for
  replacement (alternative: the allowance is suspended for the next year);
- **I-11** the floating 30 % of a committee worker's pay is paid as the
  performance part × score / 100 (:func:`community_rules.funding.performance_payout`).

:func:`assess` applies them to a district and a year's
:class:`~community_rules.scores.Scores`.

>>> resident_score(3, 1, 1)  # (3 × 100 + 1 × 60 + 1 × 0) / 5
Decimal('72.00')
>>> composite_score(Level.COMMUNITY, daily=[70, 80, 90], year_end=85, residents="72.00")
Decimal('79.60')
>>> grade(Decimal("79.60"))
<Grade.COMPETENT: 'competent'>
>>> composite_score(Level.COMMUNITY, daily=[], year_end=85, residents=72)
Traceback (most recent call last):
...
community_rules.errors.InvalidValue: daily: () is empty, but the daily-supervision weight of a community is 0.3 ...
"""

from __future__ import annotations

import datetime
import decimal
import unicodedata
from collections.abc import Iterable, Iterator, Sequence
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import attrs

from ._fields import check_count, require, to_enum
from .enums import Grade, Level, Modality, Status
from .errors import Error, InvalidType, InvalidValue
from .findings import Finding, Rule, Value
from .funding import performance_payout, split_pay
from .model import Community, District
from .money import ZERO, round_half_up, scale
from .policy import DEFAULT_POLICY, BuildingHeadEvaluationEffect, Policy, Weights
from .scores import Ballots, Body, PlanFiling, Scores, UnitKey, UnitScores, to_score

__all__ = [
    "ASSESSED",
    "PLAN_FILED",
    "PLAN_ROUTES",
    "RESIDENT_EVALUATION",
    "RULES",
    "TIERS",
    "Assessment",
    "Evaluation",
    "PerformancePay",
    "PlanRoute",
    "RollUp",
    "Tier",
    "UnitResult",
    "assess",
    "check_community",
    "check_district",
    "composite_score",
    "grade",
    "plan_route",
    "resident_score",
    "tier",
]

# Sums and products of scores, weights and counts are computed exactly: a
# context this wide never rounds them (Inexact is trapped to prove it), and the
# only rounding is the one named at each money.scale call.
_EXACT = decimal.Context(
    prec=decimal.MAX_PREC,
    Emax=decimal.MAX_EMAX,
    Emin=decimal.MIN_EMIN,
    traps=[decimal.Inexact, decimal.InvalidOperation, decimal.Overflow],
)


# --- who assesses whom ---------------------------------------------------------------


@attrs.frozen
class Tier:
    """Who assesses one level, under which clauses, and whether residents evaluate it.

    ``assessor`` is the body that assesses ``level``; ``clauses`` the clauses
    the assessment of that level rests on (the first is where the assessor
    is named); ``words_zh`` the opinion's words; ``residents`` whether the
    residents' year-end evaluation (4.3.3) covers the level.
    """

    level: Level
    assessor: Body
    clauses: tuple[str, ...]
    words_zh: str
    residents: bool


#: The three tiers of 4.3 as data: who assesses each level (and whether residents evaluate it).
TIERS: tuple[Tier, ...] = (
    Tier(
        Level.DEPARTMENT,
        Body.MANAGEMENT_COMMITTEE,
        ("4.3.1",),
        "区管委…把解决城市社区居委会“三有”问题以及社区建设工作，纳入对各部门、单位年度目标绩效管理考核中",
        residents=False,
    ),
    Tier(
        Level.SUB_DISTRICT_OFFICE,
        Body.MANAGEMENT_COMMITTEE,
        ("4.3.1", "4.3.3"),
        "将社区居民的评议结果作为管委对街道办事处目标绩效管理考核的依据",
        residents=True,
    ),
    Tier(
        Level.COMMUNITY,
        Body.SUB_DISTRICT_OFFICE,
        ("4.3.2", "4.3.3", "3.2"),
        "街道办事处负责制定对社区工作站和居委会的具体考核办法并监督实施，考核结果与人员聘用和待遇挂钩",
        residents=True,
    ),
    Tier(
        Level.SUB_AREA_HEAD,
        Body.COMMUNITY,
        ("4.3.2", "4.3.3"),
        "社区工作站和居委会负责制定对小区长和楼长的考核办法并监督实施",
        residents=True,
    ),
    Tier(
        Level.BUILDING_HEAD,
        Body.COMMUNITY,
        ("4.3.2", "4.3.3", "2.2.2"),
        "社区工作站和居委会负责制定对小区长和楼长的考核办法并监督实施",
        residents=True,
    ),
)

_TIER = {t.level: t for t in TIERS}
# The levels an office leads (its roll-up): its communities and their heads.
_BELOW_OFFICE = (Level.COMMUNITY, Level.SUB_AREA_HEAD, Level.BUILDING_HEAD)


def _level(value: object, field: str = "level") -> Level:
    return to_enum(Level, value, field)


def tier(level: Level | str) -> Tier:
    """The :class:`Tier` of ``level``: who assesses it, on which clauses.

    >>> tier("community").assessor
    <Body.SUB_DISTRICT_OFFICE: 'sub_district_office'>
    """
    return _TIER[_level(level)]


@attrs.frozen
class PlanRoute:
    """Where the assessment plans one body makes are filed for the record (4.3.1 报上一级备案).

    ``author`` makes plans for assessing ``subjects`` and files them with
    ``filed_with``. ``in_district`` is False for the management committee's
    own plans, which go to the city, outside the district.
    """

    author: Body
    filed_with: Body
    subjects: tuple[Level, ...]
    note_en: str
    note_zh: str

    @property
    def in_district(self) -> bool:
        """Whether both ends of the filing lie within the district."""
        return self.filed_with is not Body.CITY


#: 4.3.1 各级制定的考核方案要报上一级备案: the level above, for each body that makes plans.
#: The sub-district offices' plans go to the Social Affairs Bureau by default
#: (see :func:`plan_route`; rules.md R42/R51 leave this open).
PLAN_ROUTES: tuple[PlanRoute, ...] = (
    PlanRoute(
        Body.COMMUNITY,
        Body.SUB_DISTRICT_OFFICE,
        (Level.SUB_AREA_HEAD, Level.BUILDING_HEAD),
        "the workstation and committee's plan for assessing the heads goes to their own sub-district office",
        "社区工作站和居委会对小区长、楼长的考核办法报所属街道办事处备案",
    ),
    PlanRoute(
        Body.SUB_DISTRICT_OFFICE,
        Body.SOCIAL_AFFAIRS_BUREAU,
        (Level.COMMUNITY,),
        "the office's plan for assessing its workstations and committees goes to the district: the Social "
        "Affairs Bureau, which writes and runs the rules for assessing the offices' community work (4.2)",
        "街道办事处对社区工作站和居委会的考核办法报区里备案：社会事业局（负责制定对街道办事处社区工作的考核细则并组织实施，4.2）",
    ),
    PlanRoute(
        Body.DEPARTMENT,
        Body.MANAGEMENT_COMMITTEE,
        (Level.DEPARTMENT,),
        "a department's plan for its community-building duties goes to the management committee",
        "区直部门的社区建设工作考核方案报区管委备案",
    ),
    PlanRoute(
        Body.SOCIAL_AFFAIRS_BUREAU,
        Body.MANAGEMENT_COMMITTEE,
        (Level.SUB_DISTRICT_OFFICE,),
        "the Social Affairs Bureau's detailed rules for assessing the offices (4.2) go to the management committee",
        "社会事业局对街道办事处社区工作的考核细则（4.2）报区管委备案",
    ),
    PlanRoute(
        Body.MANAGEMENT_COMMITTEE,
        Body.CITY,
        (Level.DEPARTMENT, Level.SUB_DISTRICT_OFFICE),
        "the management committee's own plan goes to the city, outside the district",
        "区管委的考核方案报市级备案，不属于本区范围",
    ),
)

_ROUTE = {r.author: r for r in PLAN_ROUTES}
_DISTRICT_BODIES = (Body.SOCIAL_AFFAIRS_BUREAU, Body.MANAGEMENT_COMMITTEE)


def plan_route(
    author: Body | str, *, office_plans_filed_with: Body | str = Body.SOCIAL_AFFAIRS_BUREAU
) -> PlanRoute:
    """Where ``author``'s assessment plans are filed (4.3.1).

    The opinion does not say with whom a sub-district office files its plan
    for assessing its workstations and committees (rules.md R51): the
    district management committee, which assesses the offices (4.3.3), or the
    Social Affairs Bureau, which writes and runs the rules for assessing the
    offices' community work (4.2, rules.md R42). The library chooses the
    Social Affairs Bureau; ``office_plans_filed_with`` selects the management
    committee instead.

    >>> plan_route("community").filed_with
    <Body.SUB_DISTRICT_OFFICE: 'sub_district_office'>
    >>> plan_route("sub_district_office", office_plans_filed_with="management_committee").filed_with
    <Body.MANAGEMENT_COMMITTEE: 'management_committee'>
    >>> plan_route("city")
    Traceback (most recent call last):
    ...
    community_rules.errors.InvalidValue: author: 'city' makes no plan for this district ...
    """
    body = _body(author, "author")
    if body not in _ROUTE:
        raise InvalidValue("author", author, "makes no plan for this district", "不为本区制定考核方案")
    route = _ROUTE[body]
    if body is Body.SUB_DISTRICT_OFFICE:
        target = _body(office_plans_filed_with, "office_plans_filed_with")
        if target not in _DISTRICT_BODIES:
            raise InvalidValue(
                "office_plans_filed_with",
                office_plans_filed_with,
                "is not a district body above the offices (valid: social_affairs_bureau, management_committee)",
                "不是街道办事处的上级区属机构（有效值：social_affairs_bureau, management_committee）",
            )
        if target is not route.filed_with:
            route = attrs.evolve(
                route,
                filed_with=target,
                note_en="the office's plan for assessing its workstations and committees goes to the district "
                "management committee, which assesses the offices (4.3.3)",
                note_zh="街道办事处对社区工作站和居委会的考核办法报区管委备案（区管委考核街道办事处，4.3.3）",
            )
    return route


def _body(value: object, field: str) -> Body:
    return to_enum(Body, value, field)


# --- the rules ------------------------------------------------------------------------

#: 4.3.1 各级制定的考核方案要报上一级备案，逐级监督执行.
PLAN_FILED = Rule(
    "assessment.plan_filed",
    "4.3.1",
    Modality.MANDATORY,
    "Each level files its assessment plan with the level above",
    "各级制定的考核方案要报上一级备案",
    source="各级制定的考核方案要报上一级备案，逐级监督执行",
)

#: 4.3.2 街道办事处、社区工作站和居委会、小区长和楼长实行严格的考核制度.
ASSESSED = Rule(
    "assessment.assessed",
    "4.3.2",
    Modality.MANDATORY,
    "The office, the workstation and committee, and the heads are assessed every year",
    "街道办事处、社区工作站和居委会、小区长和楼长实行严格的考核制度",
    interpretations=("I-17",),
    source="街道办事处、社区工作站和居委会、小区长和楼长实行严格的考核制度",
)

#: 4.3.3 每年年终，由社区居民对街道办事处、社区工作站和居委会、小区长和楼长…进行评议.
RESIDENT_EVALUATION = Rule(
    "assessment.resident_evaluation",
    "4.3.3",
    Modality.MANDATORY,
    "Every year end the residents evaluate the office, the workstation and committee, and the heads",
    "每年年终，由社区居民对街道办事处、社区工作站和居委会、小区长和楼长进行评议",
    interpretations=("I-16",),
    parameters=("ballot_satisfied", "ballot_basically_satisfied", "ballot_dissatisfied"),
    source="每年年终，由社区居民对街道办事处、社区工作站和居委会、小区长和楼长一年来的社区管理和服务工作进行评议",
)

#: The rules of this module.
RULES: tuple[Rule, ...] = (PLAN_FILED, ASSESSED, RESIDENT_EVALUATION)


# --- scores -----------------------------------------------------------------------------


def resident_score(
    satisfied: int,
    basically_satisfied: int,
    dissatisfied: int,
    *,
    policy: Policy = DEFAULT_POLICY,
) -> Decimal:
    """The residents' score from the ballots, 0 to 100 (4.3.3; SPEC I-16, a local choice).

    Each ballot counts its value (``Policy.ballot_satisfied`` 100,
    ``ballot_basically_satisfied`` 60, ``ballot_dissatisfied`` 0); the score
    is their mean, computed exactly and rounded half up to 0.01.

    >>> resident_score(2, 0, 1)  # 200 / 3 = 66.666…
    Decimal('66.67')
    >>> resident_score(0, 0, 0)
    Traceback (most recent call last):
    ...
    community_rules.errors.InvalidValue: satisfied, basically_satisfied, dissatisfied: (0, 0, 0) are all zero: there is no ballot to score ...
    >>> resident_score(3, -1, 1)
    Traceback (most recent call last):
    ...
    community_rules.errors.InvalidValue: basically_satisfied: -1 is negative ...
    """
    require("policy", policy, Policy)
    s = check_count("satisfied", satisfied)
    b = check_count("basically_satisfied", basically_satisfied)
    d = check_count("dissatisfied", dissatisfied)
    total = s + b + d
    if total == 0:
        raise InvalidValue(
            "satisfied, basically_satisfied, dissatisfied",
            (0, 0, 0),
            "are all zero: there is no ballot to score",
            "均为零：没有可计分的评议票",
        )
    return _ballot_score(s, b, d, total, policy)


def _ballot_score(s: int, b: int, d: int, total: int, policy: Policy) -> Decimal:
    points = _EXACT.add(
        _EXACT.add(
            _EXACT.multiply(Decimal(s), policy.ballot_satisfied),
            _EXACT.multiply(Decimal(b), policy.ballot_basically_satisfied),
        ),
        _EXACT.multiply(Decimal(d), policy.ballot_dissatisfied),
    )
    # I-16: the mean ballot value, half up to 0.01.
    return scale(points, 1, total, rounding=ROUND_HALF_UP)


def _pooled(ballots: Iterable[Ballots], policy: Policy) -> tuple[Decimal, int]:
    s = b = d = 0
    for item in ballots:
        s += item.satisfied
        b += item.basically_satisfied
        d += item.dissatisfied
    total = s + b + d
    return _ballot_score(s, b, d, total, policy), total


def _scores(value: object, field: str) -> tuple[Decimal, ...]:
    if isinstance(value, (str, bytes)) or not isinstance(value, Iterable):
        raise InvalidType(
            field,
            value,
            f"is of type {type(value).__name__}; expected a list of scores",
            f"类型为 {type(value).__name__}；应为分数列表",
        )
    return tuple(to_score(v, f"{field}[{i}]") for i, v in enumerate(value))


def composite_score(
    level: Level | str,
    *,
    daily: Sequence[Decimal | int | str],
    year_end: Decimal | int | str | None,
    residents: Decimal | int | str | None,
    policy: Policy = DEFAULT_POLICY,
) -> Decimal:
    """The composite score of one unit, 0 to 100 (4.3.2; SPEC I-17, a local choice).

    ``weights.daily × mean(daily) + weights.year_end × year_end +
    weights.residents × residents`` with ``weights = policy.weights_for(level)``
    (default 0.3, 0.4, 0.3; a department 0.4, 0.6 and no residents), computed
    exactly and rounded once, half up to 0.01. ``residents`` is ignored for a
    department (residents do not evaluate departments, 4.3.3) and may be
    None. A component that is missing (``None``, or no daily score) while its
    weight is not zero is an error, never a silent re-weighting.

    >>> composite_score("department", daily=["88.5"], year_end=90, residents=None)  # 0.4 × 88.5 + 0.6 × 90
    Decimal('89.40')
    >>> composite_score("building_head", daily=[80], year_end=None, residents=75)
    Traceback (most recent call last):
    ...
    community_rules.errors.InvalidValue: year_end: None is missing, but the year-end weight of a building head is 0.4 ...
    """
    require("policy", policy, Policy)
    lvl = _level(level)
    weights = policy.weights_for(lvl)
    scores = _scores(daily, "daily")
    end = None if year_end is None else to_score(year_end, "year_end")
    res = None if residents is None or lvl is Level.DEPARTMENT else to_score(residents, "residents")
    return _composite(lvl, weights, scores, end, res)


def _missing(
    field: str, value: object, what_en: str, what_zh: str, level: Level, weight: Decimal
) -> InvalidValue:
    return InvalidValue(
        field,
        value,
        f"{what_en}, but the {field.replace('_', '-')} weight of a {level.en} is {weight} "
        "(I-17: a missing component is an error, not a silent re-weighting)",
        f"{what_zh}，但{level.zh}的该项权重为 {weight}（I-17：缺项即为错误，不会自动调整权重）",
    )


def _composite(
    level: Level,
    weights: Weights,
    daily: tuple[Decimal, ...],
    year_end: Decimal | None,
    residents: Decimal | None,
) -> Decimal:
    if not daily and weights.daily:
        raise InvalidValue(
            "daily",
            daily,
            f"is empty, but the daily-supervision weight of a {level.en} is {weights.daily} "
            "(I-17: a missing component is an error, not a silent re-weighting)",
            f"为空，但{level.zh}的日常督导权重为 {weights.daily}（I-17：缺项即为错误，不会自动调整权重）",
        )
    if year_end is None and weights.year_end:
        raise _missing("year_end", None, "is missing", "缺失", level, weights.year_end)
    if residents is None and weights.residents:
        raise _missing("residents", None, "is missing", "缺失", level, weights.residents)
    n = len(daily) or 1
    daily_sum = ZERO
    for score in daily:
        daily_sum = _EXACT.add(daily_sum, score)
    rest = ZERO
    if year_end is not None:
        rest = _EXACT.multiply(weights.year_end, year_end)
    if residents is not None:
        rest = _EXACT.add(rest, _EXACT.multiply(weights.residents, residents))
    # (w_daily × Σ daily + n × rest) / n = w_daily × mean(daily) + rest, exactly; one rounding.
    numerator = _EXACT.add(_EXACT.multiply(weights.daily, daily_sum), _EXACT.multiply(Decimal(n), rest))
    return scale(numerator, 1, n, rounding=ROUND_HALF_UP)


def grade(score: Decimal | int | str, *, policy: Policy = DEFAULT_POLICY) -> Grade:
    """The grade of a score (SPEC I-18, a local choice; bands from ``Policy.grade_*``).

    At least ``grade_excellent`` (90) is EXCELLENT (优秀), at least
    ``grade_competent`` (75) COMPETENT (称职), at least
    ``grade_basically_competent`` (60) BASICALLY_COMPETENT (基本称职), below
    that INCOMPETENT (不称职). Each band includes its lower bound.

    >>> grade(90), grade("89.99")
    (<Grade.EXCELLENT: 'excellent'>, <Grade.COMPETENT: 'competent'>)
    >>> grade(101)
    Traceback (most recent call last):
    ...
    community_rules.errors.InvalidValue: score: 101 is above 100 ...
    """
    require("policy", policy, Policy)
    return _grade(to_score(score, "score"), policy)


def _grade(score: Decimal, policy: Policy) -> Grade:
    if score >= policy.grade_excellent:
        return Grade.EXCELLENT
    if score >= policy.grade_competent:
        return Grade.COMPETENT
    if score >= policy.grade_basically_competent:
        return Grade.BASICALLY_COMPETENT
    return Grade.INCOMPETENT


def _mean(values: Sequence[Decimal]) -> Decimal:
    total = ZERO
    for value in values:
        total = _EXACT.add(total, value)
    return scale(total, 1, len(values), rounding=ROUND_HALF_UP)


# --- results ------------------------------------------------------------------------------


@attrs.frozen
class Evaluation:
    """The residents of one community evaluating one unit (4.3.3): their pooled ballots' score."""

    community: str
    score: Decimal
    ballots: int
    clauses: tuple[str, ...] = ("4.3.3",)
    interpretations: tuple[str, ...] = ("I-16",)


@attrs.frozen
class PerformancePay:
    """One committee worker's monthly pay and its floating part at the year's score (3.2; I-10, I-11).

    ``base`` and ``performance`` are :func:`community_rules.funding.split_pay`'s
    70/30 split of ``monthly_pay``; ``payout`` is
    :func:`community_rules.funding.performance_payout` of the performance part
    at the community's composite score; ``withheld`` is the rest.
    """

    staff: str
    monthly_pay: Decimal
    base: Decimal
    performance: Decimal
    payout: Decimal
    clauses: tuple[str, ...] = ("3.2", "4.3.2")
    interpretations: tuple[str, ...] = ("I-10", "I-11")

    @property
    def withheld(self) -> Decimal:
        """The part of the performance part not paid out."""
        return self.performance - self.payout


_CONSEQUENCE_EN = {
    Level.DEPARTMENT: "flagged as incompetent in the target performance assessment",
    Level.SUB_DISTRICT_OFFICE: "flagged as incompetent in the target performance assessment",
    Level.COMMUNITY: "staff flagged for non-renewal",
    Level.SUB_AREA_HEAD: "flagged for non-renewal",
    Level.BUILDING_HEAD: "flagged for replacement",
}
_CONSEQUENCE_ZH = {
    Level.DEPARTMENT: "目标绩效考核不称职，予以标记",
    Level.SUB_DISTRICT_OFFICE: "目标绩效考核不称职，予以标记",
    Level.COMMUNITY: "工作人员标记为不再续聘",
    Level.SUB_AREA_HEAD: "标记为不再续聘",
    Level.BUILDING_HEAD: "标记为予以更换",
}


@attrs.frozen
class UnitResult:
    """One assessed unit's scores, grade and consequences.

    ``daily_mean`` is the mean daily score half up to 0.01, for display (the
    composite uses the exact mean); ``residents`` the resident score of all
    its ballots pooled (I-16), ``evaluations`` per evaluating community.
    ``flagged`` is I-18's flag (an incompetent grade: non-renewal; for a
    building head under I-20's default, replacement); ``allowance_suspended``
    and ``allowance_monthly`` (next year's monthly allowance) concern
    building heads only (I-20); ``pay`` lists the committee workers'
    performance pay at a community's score (3.2, I-11), ``pay_unknown`` the
    workers whose pay is not known.
    """

    level: Level
    id: str
    community: str | None
    office: str | None
    daily_mean: Decimal | None
    year_end: Decimal | None
    residents: Decimal | None
    evaluations: tuple[Evaluation, ...]
    composite: Decimal
    grade: Grade
    flagged: bool
    allowance_suspended: bool = False
    allowance_monthly: Decimal | None = None
    pay: tuple[PerformancePay, ...] = ()
    pay_unknown: tuple[str, ...] = ()
    clauses: tuple[str, ...] = ()
    interpretations: tuple[str, ...] = ()

    @property
    def key(self) -> UnitKey:
        """``(level, id, community)``, as in :attr:`community_rules.scores.UnitScores.key`."""
        return (self.level, self.id, self.community)

    @property
    def ballots(self) -> int:
        """The number of ballots cast on this unit."""
        return sum(e.ballots for e in self.evaluations)

    def consequences(self, lang: str = "en") -> str:
        """The consequences in words (``lang`` ``"en"`` or ``"zh"``); empty when there are none."""
        zh = _lang(lang) == "zh"
        parts = []
        if self.flagged:
            parts.append((_CONSEQUENCE_ZH if zh else _CONSEQUENCE_EN)[self.level])
        if self.allowance_suspended:
            parts.append("下一年度暂停误工补贴" if zh else "allowance suspended next year")
        if self.pay:
            payout = sum((p.payout for p in self.pay), ZERO)
            part = sum((p.performance for p in self.pay), ZERO)
            parts.append(
                f"绩效工资发放 {payout}/{part} 元/月"
                if zh
                else f"performance pay {payout} of {part} yuan a month"
            )
        if self.pay_unknown:
            names = ", ".join(self.pay_unknown)
            parts.append(f"{names} 的工资未知" if zh else f"pay not known for {names}")
        return ("；" if zh else "; ").join(parts)


@attrs.frozen
class RollUp:
    """The results of one level, district-wide (``office`` None) or within one sub-district office.

    ``mean`` is the mean composite score, half up to 0.01; the four counts
    give the grade distribution; ``flagged`` counts the units with a
    consequence for hiring or the allowance (I-18, I-20).
    """

    level: Level
    office: str | None
    units: int
    mean: Decimal
    excellent: int
    competent: int
    basically_competent: int
    incompetent: int
    flagged: int
    clauses: tuple[str, ...] = ("4.3.2", "4.3.3")
    interpretations: tuple[str, ...] = ("I-17", "I-18")

    def count(self, grade: Grade) -> int:
        """The number of units with ``grade``."""
        return int(getattr(self, Grade(grade).name.lower()))


def _lang(lang: str) -> str:
    if lang not in ("en", "zh"):
        raise InvalidValue(
            "lang", lang, "is not a language (valid: zh, en)", "不是有效语言（有效值：zh, en）"
        )
    return lang


@attrs.frozen
class Assessment:
    """A district's assessment for one year (4.3): every unit, the roll-ups, the findings.

    ``units`` keep the order of the scores; ``by_level`` rolls every level up
    district-wide and ``by_office`` each office's communities and heads;
    ``findings`` are those of :data:`RULES` (plans filed, units assessed,
    residents' evaluations). ``office_plans_filed_with`` records the reading
    of 4.3.1 used for the offices' plans (:func:`plan_route`).
    """

    district: str
    year: int
    units: tuple[UnitResult, ...]
    by_level: tuple[RollUp, ...]
    by_office: tuple[RollUp, ...]
    findings: tuple[Finding, ...]
    office_plans_filed_with: Body = Body.SOCIAL_AFFAIRS_BUREAU
    clauses: tuple[str, ...] = ("4.3.1", "4.3.2", "4.3.3", "3.2", "2.2.2")
    interpretations: tuple[str, ...] = ("I-10", "I-11", "I-16", "I-17", "I-18", "I-20")

    def unit(self, level: Level | str, unit_id: str, community: str | None = None) -> UnitResult:
        """The result of one unit; an unknown unit is an error naming it."""
        key = (_level(level), unit_id, community)
        for result in self.units:
            if result.key == key:
                return result
        shown = f"{key[0].value} {unit_id}" + (f" ({community})" if community else "")
        raise InvalidValue("unit", shown, "was not assessed this year", "本年度未参加考核")

    def flagged(self) -> tuple[UnitResult, ...]:
        """The units with a consequence for hiring or the allowance (I-18, I-20)."""
        return tuple(u for u in self.units if u.flagged or u.allowance_suspended)

    def rows(self) -> list[dict[str, Any]]:
        """One plain dict per unit (``pandas.DataFrame(assessment.rows())`` takes them as they are)."""
        return [
            {
                "year": self.year,
                "level": u.level.value,
                "unit": u.id,
                "community": u.community,
                "office": u.office,
                "daily_mean": u.daily_mean,
                "year_end": u.year_end,
                "residents": u.residents,
                "ballots": u.ballots,
                "composite": u.composite,
                "grade": u.grade.value,
                "flagged": u.flagged,
                "allowance_suspended": u.allowance_suspended,
                "allowance_monthly": u.allowance_monthly,
                "performance_part": sum((p.performance for p in u.pay), ZERO) if u.pay else None,
                "performance_payout": sum((p.payout for p in u.pay), ZERO) if u.pay else None,
                "pay_unknown": ", ".join(u.pay_unknown) or None,
                "clauses": ", ".join(u.clauses),
                "interpretations": ", ".join(u.interpretations),
            }
            for u in self.units
        ]

    def rollup_rows(self) -> list[dict[str, Any]]:
        """One plain dict per roll-up, district-wide ones first."""
        return [
            {
                "year": self.year,
                "level": r.level.value,
                "office": r.office,
                "units": r.units,
                "mean": r.mean,
                "excellent": r.excellent,
                "competent": r.competent,
                "basically_competent": r.basically_competent,
                "incompetent": r.incompetent,
                "flagged": r.flagged,
            }
            for r in (*self.by_level, *self.by_office)
        ]

    def finding_rows(self) -> list[dict[str, Any]]:
        """One plain dict per finding (rule, clause, status, subject, required, actual, message)."""
        return [
            {
                "rule": f.rule,
                "clause": f.clause,
                "status": f.status.value,
                "modality": f.modality.value,
                "community": f.community,
                "office": f.office,
                "subject": f.subject,
                "required": f.required,
                "actual": f.actual,
                "message": f.message_en,
            }
            for f in self.findings
        ]

    def to_text(self, lang: str = "en") -> str:
        """The assessment as plain text tables (``lang`` ``"en"`` or ``"zh"``)."""
        return _render(self, _lang(lang), markdown=False)

    def to_markdown(self, lang: str = "en") -> str:
        """The assessment as Markdown (``lang`` ``"en"`` or ``"zh"``)."""
        return _render(self, _lang(lang), markdown=True)


# --- assess ---------------------------------------------------------------------------------


@attrs.frozen
class _Place:
    """Where the district puts the assessed units: offices, communities, heads."""

    offices: dict[str, tuple[str, ...]]  # office id -> its community ids
    office_of: dict[str, str]  # community id -> office id
    communities: dict[str, Community]
    paths: dict[str, str]  # community id -> its document path


def _place(district: District) -> _Place:
    offices: dict[str, tuple[str, ...]] = {}
    office_of: dict[str, str] = {}
    communities: dict[str, Community] = {}
    paths: dict[str, str] = {}
    for i, office in enumerate(district.offices):
        offices[office.id] = tuple(c.id for c in office.communities)
        for j, community in enumerate(office.communities):
            office_of[community.id] = office.id
            communities[community.id] = community
            paths[community.id] = f"offices[{i}].communities[{j}]"
    return _Place(offices, office_of, communities, paths)


def _heads(community: Community, level: Level) -> tuple[str, ...] | None:
    """The heads of ``level`` the community lists, or None when not known."""
    if level is Level.SUB_AREA_HEAD:
        if community.sub_areas is None:
            return None
        return tuple(a.head for a in community.sub_areas if a.head is not None)
    if community.building_heads is None:
        return None
    return tuple(h.id for h in community.building_heads)


def _check_unit(unit: UnitScores, i: int, place: _Place) -> str | None:
    """Raise if ``unit`` names nothing in the district; return its office id."""
    level = unit.level
    if level is Level.DEPARTMENT:
        return None
    if level is Level.SUB_DISTRICT_OFFICE:
        if unit.id not in place.offices:
            raise InvalidValue(
                f"units[{i}].id",
                unit.id,
                "is not a sub-district office of this district",
                "不是本区的街道办事处",
            )
        for j, ballots in enumerate(unit.ballots):
            if ballots.community not in place.offices[unit.id]:
                raise InvalidValue(
                    f"units[{i}].ballots[{j}].community",
                    ballots.community,
                    f"is not a community of sub-district office {unit.id!r}: only its own communities' "
                    "residents evaluate it",
                    f"不是街道办事处 {unit.id!r} 所辖社区：只有其所辖社区的居民评议该办事处",
                )
        return unit.id
    if level is Level.COMMUNITY:
        if unit.id not in place.office_of:
            raise InvalidValue(
                f"units[{i}].id", unit.id, "is not a community of this district", "不是本区的社区"
            )
        return place.office_of[unit.id]
    cid = unit.community
    assert cid is not None  # UnitScores requires it for heads
    if cid not in place.office_of:
        raise InvalidValue(
            f"units[{i}].community", cid, "is not a community of this district", "不是本区的社区"
        )
    known = _heads(place.communities[cid], level)
    if known is not None and unit.id not in known:
        listed = ", ".join(known) or "none"
        raise InvalidValue(
            f"units[{i}].id",
            unit.id,
            f"is not a {level.en} of community {cid!r} (listed: {listed})",
            f"不是社区 {cid!r} 的{level.zh}（已列出：{listed}）",
        )
    return place.office_of[cid]


def _evaluations(ballots: tuple[Ballots, ...], policy: Policy) -> tuple[Evaluation, ...]:
    by_community: dict[str, list[Ballots]] = {}
    for item in ballots:
        assert item.community is not None  # UnitScores fills or requires it
        by_community.setdefault(item.community, []).append(item)
    result = []
    for cid, items in by_community.items():
        score, total = _pooled(items, policy)
        result.append(Evaluation(cid, score, total))
    return tuple(result)


def _pay(
    community: Community, path: str, score: Decimal, policy: Policy
) -> tuple[tuple[PerformancePay, ...], tuple[str, ...]]:
    pay = []
    unknown = []
    for k, member in enumerate(community.staff_members):
        if member.monthly_pay is None:
            unknown.append(member.id)
            continue
        try:
            split = split_pay(member.monthly_pay, policy=policy)
        except Error as exc:
            raise exc.with_prefix(f"district: {path}.staff_members[{k}]") from None
        payout = performance_payout(split.performance, score, policy=policy)
        pay.append(
            PerformancePay(member.id, split.base + split.performance, split.base, split.performance, payout)
        )
    return tuple(pay), tuple(unknown)


def _result(
    unit: UnitScores, office: str | None, place: _Place, policy: Policy, weights: Weights, i: int
) -> UnitResult:
    level = unit.level
    evaluations = () if level is Level.DEPARTMENT else _evaluations(unit.ballots, policy)
    residents = None
    if len(evaluations) == 1:
        residents = evaluations[0].score
    elif evaluations:  # several communities' residents (an office): their ballots pooled
        residents = _pooled(unit.ballots, policy)[0]
    try:
        composite = _composite(level, weights, unit.daily, unit.year_end, residents)
    except Error as exc:
        if exc.path == "residents":
            raise InvalidValue(
                f"units[{i}].ballots",
                (),
                f"are missing, but the residents' weight of a {level.en} is {weights.residents} "
                "(I-17: a missing component is an error, not a silent re-weighting)",
                f"缺失，但{level.zh}的居民评议权重为 {weights.residents}（I-17：缺项即为错误，不会自动调整权重）",
            ) from None
        raise exc.with_prefix(f"units[{i}]") from None
    result_grade = _grade(composite, policy)
    incompetent = result_grade is Grade.INCOMPETENT
    flagged = incompetent
    suspended = False
    allowance = None
    interpretations = ["I-16", "I-17", "I-18"] if _TIER[level].residents else ["I-17", "I-18"]
    pay: tuple[PerformancePay, ...] = ()
    unknown: tuple[str, ...] = ()
    if level is Level.BUILDING_HEAD:
        interpretations.append("I-20")
        if policy.building_head_evaluation_effect is BuildingHeadEvaluationEffect.SUSPEND_ALLOWANCE:
            flagged = False
            suspended = incompetent
        # I-20: the allowance is a standard payment (2.2.2), rounded half up to the fen.
        allowance = ZERO if suspended else round_half_up(policy.building_head_allowance_monthly)
    elif level is Level.COMMUNITY:
        interpretations[:0] = ["I-10", "I-11"]
        pay, unknown = _pay(place.communities[unit.id], place.paths[unit.id], composite, policy)
    return UnitResult(
        level=level,
        id=unit.id,
        community=unit.community,
        office=office,
        daily_mean=_mean(unit.daily) if unit.daily else None,
        year_end=unit.year_end,
        residents=residents,
        evaluations=evaluations,
        composite=composite,
        grade=result_grade,
        flagged=flagged,
        allowance_suspended=suspended,
        allowance_monthly=allowance,
        pay=pay,
        pay_unknown=unknown,
        clauses=_TIER[level].clauses,
        interpretations=tuple(interpretations),
    )


def _rollup(level: Level, office: str | None, results: Sequence[UnitResult]) -> RollUp:
    counts = dict.fromkeys(Grade, 0)
    for r in results:
        counts[r.grade] += 1
    return RollUp(
        level=level,
        office=office,
        units=len(results),
        mean=_mean([r.composite for r in results]),
        excellent=counts[Grade.EXCELLENT],
        competent=counts[Grade.COMPETENT],
        basically_competent=counts[Grade.BASICALLY_COMPETENT],
        incompetent=counts[Grade.INCOMPETENT],
        flagged=sum(1 for r in results if r.flagged or r.allowance_suspended),
    )


def assess(
    district: District,
    scores: Scores,
    *,
    policy: Policy = DEFAULT_POLICY,
    office_plans_filed_with: Body | str = Body.SOCIAL_AFFAIRS_BUREAU,
) -> Assessment:
    """Assess every unit of ``scores`` in ``district`` for the year (4.3).

    Each unit gets its composite score (:func:`composite_score`, with the
    resident score of its ballots pooled, :func:`resident_score`), its grade
    (:func:`grade`) and its consequences: I-18's flag; for a building head
    I-20's replacement flag or suspended allowance; for a community the
    floating 30 % of each committee worker's pay at the community's score
    (3.2: 由街道办事处根据考核情况浮动发放; :func:`community_rules.funding.split_pay`,
    :func:`community_rules.funding.performance_payout`). A sub-area head is a
    committee worker (2.2.1: 由居委会工作人员兼任) whose pay floats with the
    community's result; the head's own result acts on the post (non-renewal).

    The residents' evaluation feeds the management committee's assessment of
    each sub-district office (4.3.3): the office's residents component is the
    resident score of the ballots its communities' residents cast on the
    office, pooled (one ballot, one vote; ``UnitResult.evaluations``
    shows each community's score).

    Every unit must exist in the district (a head in its community's list,
    when the community lists its heads) and every plan's author too; an
    error names the path in the scores (``units[3].id``). ``findings`` hold
    :data:`RULES` for the whole district (:func:`check_district` and
    :func:`check_community` with these scores).

    >>> from community_rules.model import Community, District, SubDistrictOffice
    >>> from community_rules.scores import Ballots, Scores, UnitScores
    >>> d = District("D", offices=[SubDistrictOffice("O1", communities=[Community("C1")])])
    >>> c1 = UnitScores("community", "C1", daily=[70, 80, 90], year_end=85,
    ...                 ballots=Ballots(3, 1, 1, "2009-12-20"))
    >>> a = assess(d, Scores(2009, [c1]))
    >>> a.units[0].composite, a.units[0].grade.value, a.by_level[0].mean
    (Decimal('79.60'), 'competent', Decimal('79.60'))
    >>> assess(d, Scores(2009, [UnitScores("community", "C9")]))
    Traceback (most recent call last):
    ...
    community_rules.errors.InvalidValue: units[0].id: 'C9' is not a community of this district ...
    """
    require("policy", policy, Policy)
    if not isinstance(district, District):
        raise InvalidType("district", district, "is not a District", "不是 District")
    if not isinstance(scores, Scores):
        raise InvalidType("scores", scores, "is not a Scores", "不是 Scores")
    route = plan_route(Body.SUB_DISTRICT_OFFICE, office_plans_filed_with=office_plans_filed_with)
    place = _place(district)
    _check_plans(scores, place)
    results = []
    weights = {level: policy.weights_for(level) for level in Level}
    for i, unit in enumerate(scores.units):
        results.append(_result(unit, _check_unit(unit, i, place), place, policy, weights[unit.level], i))
    levels: dict[Level, list[UnitResult]] = {}
    offices: dict[tuple[str, Level], list[UnitResult]] = {}
    for r in results:
        levels.setdefault(r.level, []).append(r)
        if r.office is not None and r.level in _BELOW_OFFICE:
            offices.setdefault((r.office, r.level), []).append(r)
    by_level = [_rollup(level, None, levels[level]) for level in Level if level in levels]
    by_office = [
        _rollup(level, office_id, offices[office_id, level])
        for office_id in place.offices
        for level in _BELOW_OFFICE
        if (office_id, level) in offices
    ]
    index = _index(scores)
    findings = list(_district_findings(district, index, route))
    for office in district.offices:
        for community in office.communities:
            findings.extend(_community_findings(community, office.id, index))
    return Assessment(
        district=district.id,
        year=scores.year,
        units=tuple(results),
        by_level=tuple(by_level),
        by_office=tuple(by_office),
        findings=tuple(findings),
        office_plans_filed_with=route.filed_with,
    )


def _check_plans(scores: Scores, place: _Place) -> None:
    for i, plan in enumerate(scores.plans or ()):
        if plan.author is Body.COMMUNITY and plan.author_id not in place.office_of:
            raise InvalidValue(
                f"plans[{i}].author_id",
                plan.author_id,
                "is not a community of this district",
                "不是本区的社区",
            )
        if plan.author is Body.SUB_DISTRICT_OFFICE and plan.author_id not in place.offices:
            raise InvalidValue(
                f"plans[{i}].author_id",
                plan.author_id,
                "is not a sub-district office of this district",
                "不是本区的街道办事处",
            )
        if plan.filed_with_id is not None and plan.filed_with_id not in place.offices:
            raise InvalidValue(
                f"plans[{i}].filed_with_id",
                plan.filed_with_id,
                "is not a sub-district office of this district",
                "不是本区的街道办事处",
            )


# --- findings -------------------------------------------------------------------------------


@attrs.frozen
class _Index:
    """The scores arranged for the checks, built once per :class:`Scores`."""

    year: int
    units: dict[UnitKey, UnitScores]
    heads: dict[str, list[UnitKey]]  # community id -> its assessed heads, in scores order
    plans: dict[tuple[Body, str | None], list[tuple[int, PlanFiling]]] | None
    departments: tuple[str, ...]  # as units or plan authors, in order of appearance


def _index(scores: Scores) -> _Index:
    require("scores", scores, Scores)
    units: dict[UnitKey, UnitScores] = {}
    heads: dict[str, list[UnitKey]] = {}
    departments: dict[str, None] = {}
    for unit in scores.units:
        units[unit.key] = unit
        if unit.community is not None:
            heads.setdefault(unit.community, []).append(unit.key)
        elif unit.level is Level.DEPARTMENT:
            departments[unit.id] = None
    plans: dict[tuple[Body, str | None], list[tuple[int, PlanFiling]]] | None = None
    if scores.plans is not None:
        plans = {}
        for i, plan in enumerate(scores.plans):
            plans.setdefault((plan.author, plan.author_id), []).append((i, plan))
            if plan.author is Body.DEPARTMENT and plan.author_id is not None:
                departments[plan.author_id] = None
    return _Index(scores.year, units, heads, plans, tuple(departments))


def _where(plan: PlanFiling) -> str:
    return plan.filed_with.value + (f":{plan.filed_with_id}" if plan.filed_with_id else "")


def _where_text(plans: Sequence[PlanFiling], zh: bool) -> str:
    if zh:
        return "、".join(p.filed_with.zh + (f" {p.filed_with_id} " if p.filed_with_id else "") for p in plans)
    return ", ".join(
        f"the {p.filed_with.en}" + (f" {p.filed_with_id}" if p.filed_with_id else "") for p in plans
    )


def _plan_finding(
    author: Body,
    author_id: str | None,
    index: _Index,
    route: PlanRoute,
    *,
    office: str | None,
    community: str | None = None,
) -> Finding:
    """The finding of ``author``'s plan filing with ``route.filed_with`` (the office ``office``, if an office)."""
    subject = author.value + (f":{author_id}" if author_id else "")
    expected_id = office if route.filed_with is Body.SUB_DISTRICT_OFFICE else None
    required = route.filed_with.value + (f":{expected_id}" if expected_id else "")
    who_en = f"the {author.en}" + (f" {author_id}" if author_id else "")
    who_zh = author.zh + (f" {author_id} " if author_id else "")
    target_en = f"the {route.filed_with.en}" + (f" {expected_id}" if expected_id else "")
    target_zh = route.filed_with.zh + (f" {expected_id} " if expected_id else "")
    common: dict[str, Any] = {
        "community": community,
        "office": office,
        "subject": subject,
        "required": required,
    }
    if index.plans is None:
        return PLAN_FILED.finding(
            Status.UNKNOWN,
            message_en=f"the plans filed are not known, so whether {who_en} filed its assessment plan "
            f"with {target_en} is not known",
            message_zh=f"未提供考核方案备案情况，无法确定{who_zh}是否已将考核方案报{target_zh}备案",
            inputs=(("plans", None),),
            **common,
        )
    numbered = index.plans.get((author, author_id), [])
    mine = [p for _, p in numbered]
    inputs: tuple[tuple[str, Value], ...] = tuple(
        (f"plans[{i}]", _where(p) + (f" {p.filed_on.isoformat()}" if p.filed_on else "")) for i, p in numbered
    )
    if not mine:
        return PLAN_FILED.finding(
            Status.NOT_MET,
            message_en=f"{who_en} has filed no assessment plan; it files it with {target_en} ({route.note_en})",
            message_zh=f"{who_zh}未报备考核方案；应报{target_zh}备案（{route.note_zh}）",
            inputs=inputs,
            **common,
        )
    actual = ", ".join(_where(p) for p in mine)
    if route.filed_with is Body.SUB_DISTRICT_OFFICE and office is None:
        return PLAN_FILED.finding(
            Status.UNKNOWN,
            actual=actual,
            message_en=f"{who_en} filed its plan with {_where_text(mine, False)}; its own sub-district "
            "office is not known, so the filing cannot be checked",
            message_zh=f"{who_zh}已将考核方案报{_where_text(mine, True)}备案；其所属街道办事处未知，无法核查",
            inputs=inputs,
            **common,
        )
    right = [p for p in mine if p.filed_with is route.filed_with and p.filed_with_id == expected_id]
    if right:
        return PLAN_FILED.finding(
            Status.MET,
            actual=_where(right[0]),
            message_en=f"{who_en} filed its assessment plan with {target_en}",
            message_zh=f"{who_zh}已将考核方案报{target_zh}备案",
            inputs=inputs,
            **common,
        )
    return PLAN_FILED.finding(
        Status.NOT_MET,
        actual=actual,
        message_en=f"{who_en} filed its assessment plan with {_where_text(mine, False)}, not with "
        f"{target_en}, the level above ({route.note_en})",
        message_zh=f"{who_zh}将考核方案报{_where_text(mine, True)}备案，而非上一级{target_zh}（{route.note_zh}）",
        inputs=inputs,
        **common,
    )


def _no_scores(rule: Rule, subject: str, **where: Any) -> Finding:
    return rule.finding(
        Status.UNKNOWN,
        message_en="no assessment scores were given (pass scores=...), so this is not known",
        message_zh="未提供考核分数（请传入 scores=...），无法确定",
        inputs=(("scores", None),),
        subject=subject,
        **where,
    )


def check_district(
    district: District,
    *,
    policy: Policy = DEFAULT_POLICY,
    as_of: datetime.date | None = None,
    scores: Scores | None = None,
    office_plans_filed_with: Body | str = Body.SOCIAL_AFFAIRS_BUREAU,
) -> Iterator[Finding]:
    """The district-wide findings of :data:`RULES`, for ``scores`` (UNKNOWN without them).

    Per sub-district office: its plan for assessing its communities filed
    with the district (``assessment.plan_filed``, :func:`plan_route`) and
    the office assessed (``assessment.assessed``). Per department named in
    the scores (as a unit or a plan's author), and for the Social Affairs
    Bureau's rules when the plans list them: the plan filed with the
    management committee. Last, the management committee's own plan, filed
    with the city outside the district: NOT_APPLICABLE. ``as_of`` is
    accepted for the common signature; the assessed year is ``scores.year``.

    >>> from community_rules.model import Community, District, SubDistrictOffice
    >>> d = District("D", offices=[SubDistrictOffice("O1", communities=[Community("C1")])])
    >>> [(f.rule, f.status.value) for f in check_district(d)]
    [('assessment.plan_filed', 'unknown'), ('assessment.assessed', 'unknown'), ('assessment.plan_filed', 'not_applicable')]
    """
    route = plan_route(Body.SUB_DISTRICT_OFFICE, office_plans_filed_with=office_plans_filed_with)
    return _district_findings(district, None if scores is None else _index(scores), route)


def _district_findings(district: District, index: _Index | None, route: PlanRoute) -> Iterator[Finding]:
    for office in district.offices:
        subject = f"sub_district_office:{office.id}"
        if index is None:
            yield _no_scores(PLAN_FILED, subject, office=office.id)
            yield _no_scores(ASSESSED, subject, office=office.id)
            continue
        yield _plan_finding(Body.SUB_DISTRICT_OFFICE, office.id, index, route, office=office.id)
        assessed = (Level.SUB_DISTRICT_OFFICE, office.id, None) in index.units
        yield ASSESSED.finding(
            Status.MET if assessed else Status.NOT_MET,
            office=office.id,
            subject=subject,
            required=1,
            actual=int(assessed),
            gap=1 - int(assessed),
            unit="units",
            message_en=f"sub-district office {office.id} "
            + ("was assessed" if assessed else "has no assessment scores")
            + f" for {index.year}",
            message_zh=f"街道办事处 {office.id} {index.year} 年度"
            + ("已考核" if assessed else "没有考核分数"),
            inputs=(("units", subject if assessed else None),),
        )
    if index is not None:
        for department in index.departments:
            yield _plan_finding(Body.DEPARTMENT, department, index, _ROUTE[Body.DEPARTMENT], office=None)
        if index.plans and (Body.SOCIAL_AFFAIRS_BUREAU, None) in index.plans:
            yield _plan_finding(
                Body.SOCIAL_AFFAIRS_BUREAU, None, index, _ROUTE[Body.SOCIAL_AFFAIRS_BUREAU], office=None
            )
    yield PLAN_FILED.finding(
        Status.NOT_APPLICABLE,
        subject=Body.MANAGEMENT_COMMITTEE.value,
        required=_ROUTE[Body.MANAGEMENT_COMMITTEE].filed_with.value,
        message_en="the management committee files its own assessment plan with the city, outside the "
        "district: not checked here",
        message_zh="区管委的考核方案报市级备案，不属于本区范围，本库不予核查",
    )


def check_community(
    community: Community,
    *,
    policy: Policy = DEFAULT_POLICY,
    as_of: datetime.date | None = None,
    office: str | None = None,
    scores: Scores | None = None,
) -> Iterator[Finding]:
    """The findings of :data:`RULES` for one community, for ``scores`` (UNKNOWN without them).

    - ``assessment.plan_filed``: the workstation and committee's plan for
      assessing the heads, filed with the community's own sub-district
      office ``office`` (UNKNOWN when ``office`` is None and a plan is filed);
    - ``assessment.assessed``: the workstation and committee and every head
      the community lists have scores (``required`` units, ``actual``
      assessed, ``gap`` missing); UNKNOWN when none is missing but the
      community does not list its heads;
    - ``assessment.resident_evaluation``: the community's residents evaluated
      its sub-district office, its workstation and committee and every head
      of the community that was assessed.

    ``as_of`` is accepted for the common signature; the assessed year is
    ``scores.year``. Each call indexes ``scores`` afresh (:func:`assess`
    indexes them once for the whole district).

    >>> from community_rules.model import Community
    >>> [(f.rule, f.status.value) for f in check_community(Community("C1"), office="O1")]
    [('assessment.plan_filed', 'unknown'), ('assessment.assessed', 'unknown'), ('assessment.resident_evaluation', 'unknown')]
    """
    return _community_findings(community, office, None if scores is None else _index(scores))


def _community_findings(community: Community, office: str | None, index: _Index | None) -> Iterator[Finding]:
    cid = community.id
    if index is None:
        subject = f"community:{cid}"
        yield _no_scores(PLAN_FILED, subject, community=cid, office=office)
        yield _no_scores(ASSESSED, subject, community=cid, office=office)
        yield _no_scores(RESIDENT_EVALUATION, subject, community=cid, office=office)
        return
    yield _plan_finding(Body.COMMUNITY, cid, index, _ROUTE[Body.COMMUNITY], office=office, community=cid)
    yield _assessed(community, office, index)
    yield _evaluated(community, office, index)


def _names(keys: Iterable[UnitKey]) -> str:
    return ", ".join(f"{k[0].value} {k[1]}" for k in keys)


def _assessed(community: Community, office: str | None, index: _Index) -> Finding:
    cid = community.id
    year = index.year
    expected: list[UnitKey] = [(Level.COMMUNITY, cid, None)]
    unlisted = []
    for level in (Level.SUB_AREA_HEAD, Level.BUILDING_HEAD):
        heads = _heads(community, level)
        if heads is None:
            unlisted.append(level)
        else:
            expected.extend((level, h, cid) for h in heads)
    listed = set(expected)
    # Heads assessed but not listed (possible only when the community does not list them).
    expected.extend(k for k in index.heads.get(cid, ()) if k not in listed)
    missing = [k for k in expected if k not in index.units]
    required = len(expected)
    actual = required - len(missing)
    common: dict[str, Any] = {
        "community": cid,
        "office": office,
        "subject": f"community:{cid}",
        "actual": actual,
        "unit": "units",
        "inputs": (
            ("sub_areas", None if community.sub_areas is None else len(community.sub_areas)),
            ("building_heads", None if community.building_heads is None else len(community.building_heads)),
        ),
    }
    if missing:
        return ASSESSED.finding(
            Status.NOT_MET,
            required=required,
            gap=len(missing),
            message_en=f"{len(missing)} of {required} units of community {cid} have no assessment scores "
            f"for {year}: {_names(missing)}",
            message_zh=f"社区 {cid} 的 {required} 个考核对象中有 {len(missing)} 个没有 {year} 年度考核分数："
            f"{_names(missing)}",
            **common,
        )
    if unlisted:
        what_en = " and ".join(f"{lv.en}s" for lv in unlisted)
        what_zh = "和".join(lv.zh for lv in unlisted)
        return ASSESSED.finding(
            Status.UNKNOWN,
            message_en=f"the {actual} known units of community {cid} were assessed for {year}, but the "
            f"community does not list its {what_en}, so whether all were assessed is not known",
            message_zh=f"社区 {cid} 已知的 {actual} 个考核对象均已于 {year} 年度考核，但未列出其{what_zh}，"
            "无法确定是否全部考核",
            **common,
        )
    return ASSESSED.finding(
        Status.MET,
        required=required,
        gap=0,
        message_en=f"all {required} units of community {cid} were assessed for {year}",
        message_zh=f"社区 {cid} 的 {required} 个考核对象均已于 {year} 年度考核",
        **common,
    )


def _evaluated(community: Community, office: str | None, index: _Index) -> Finding:
    cid = community.id
    wanted: list[UnitKey] = []
    if office is not None:
        wanted.append((Level.SUB_DISTRICT_OFFICE, office, None))
    wanted.append((Level.COMMUNITY, cid, None))
    wanted.extend(index.heads.get(cid, ()))
    missing = []
    for key in wanted:
        unit = index.units.get(key)
        if unit is None or not any(b.community == cid for b in unit.ballots):
            missing.append(key)
    done = len(wanted) - len(missing)
    common: dict[str, Any] = {
        "community": cid,
        "office": office,
        "subject": f"community:{cid}",
        "required": len(wanted),
        "actual": done,
        "gap": len(missing),
        "unit": "units",
        "inputs": (("evaluated", _names(k for k in wanted if k not in missing)),),
    }
    if missing:
        return RESIDENT_EVALUATION.finding(
            Status.NOT_MET,
            message_en=f"the residents of community {cid} did not evaluate {len(missing)} of {len(wanted)} "
            f"units at the end of {index.year}: {_names(missing)}",
            message_zh=f"社区 {cid} 的居民在 {index.year} 年终未评议 {len(wanted)} 个对象中的 {len(missing)} 个："
            f"{_names(missing)}",
            **common,
        )
    return RESIDENT_EVALUATION.finding(
        Status.MET,
        message_en=f"the residents of community {cid} evaluated all {len(wanted)} units at the end of {index.year}",
        message_zh=f"社区 {cid} 的居民已在 {index.year} 年终评议全部 {len(wanted)} 个对象",
        **common,
    )


# --- rendering -------------------------------------------------------------------------------


@attrs.frozen
class _Words:
    title: str
    units: str
    levels: str
    offices: str
    findings: str
    cols: tuple[str, ...]
    rcols: tuple[str, ...]
    fcols: tuple[str, ...]
    all: str
    note: str


_WORDS = {
    "en": _Words(
        title="Assessment of district {district}, {year} (clause 4.3)",
        units="Units",
        levels="By level",
        offices="By sub-district office",
        findings="Findings",
        cols=(
            "level",
            "unit",
            "community",
            "daily",
            "year-end",
            "residents",
            "composite",
            "grade",
            "consequences",
        ),
        rcols=(
            "level",
            "office",
            "units",
            "mean",
            "excellent",
            "competent",
            "basic",
            "incompetent",
            "flagged",
        ),
        fcols=("rule", "clause", "status", "subject", "message"),
        all="all",
        note="Local choices (SPEC §4): I-16 resident score, I-17 weights, I-18 grades, I-20 building heads, "
        "I-11 performance pay.",
    ),
    "zh": _Words(
        title="{district} 区 {year} 年度考核（第4.3条）",
        units="考核对象",
        levels="按层级汇总",
        offices="按街道办事处汇总",
        findings="核查结果",
        cols=("层级", "对象", "社区", "日常督导", "年终考核", "居民评议", "综合得分", "等次", "结果运用"),
        rcols=("层级", "街道办事处", "数量", "平均分", "优秀", "称职", "基本称职", "不称职", "标记"),
        fcols=("规则", "条款", "状态", "对象", "说明"),
        all="全区",
        note="本地选择（SPEC §4）：I-16 居民评议计分、I-17 权重、I-18 等次、I-20 楼长、I-11 绩效工资。",
    ),
}


def _cell(value: object) -> str:
    return "" if value is None else str(value)


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in "WF" else 1 for ch in text)


def _table(header: Sequence[str], rows: Sequence[Sequence[str]], markdown: bool) -> list[str]:
    if markdown:
        lines = ["| " + " | ".join(header) + " |", "|" + "|".join("---" for _ in header) + "|"]
        lines.extend("| " + " | ".join(c.replace("|", "\\|") for c in row) + " |" for row in rows)
        return lines
    widths = [max([_width(h)] + [_width(r[i]) for r in rows]) for i, h in enumerate(header)]

    def line(cells: Sequence[str]) -> str:
        return "  ".join(c + " " * (w - _width(c)) for c, w in zip(cells, widths, strict=True)).rstrip()

    return [line(header), line(["-" * w for w in widths]), *(line(r) for r in rows)]


def _render(a: Assessment, lang: str, *, markdown: bool) -> str:
    zh = lang == "zh"
    words = _WORDS[lang]
    title = words.title.format(district=a.district, year=a.year)

    def heading(text: str, level: int) -> list[str]:
        if markdown:
            return ["#" * level + " " + text, ""]
        return [text, ("=" if level == 1 else "-") * _width(text), ""]

    def name(level: Level) -> str:
        return level.zh if zh else level.en

    def grade_name(g: Grade) -> str:
        return g.zh if zh else g.en

    out = heading(title, 1)
    unit_rows = [
        [
            name(u.level),
            u.id,
            _cell(u.community),
            _cell(u.daily_mean),
            _cell(u.year_end),
            _cell(u.residents),
            str(u.composite),
            grade_name(u.grade),
            u.consequences(lang),
        ]
        for u in a.units
    ]
    out += [*heading(words.units, 2), *_table(words.cols, unit_rows, markdown), ""]

    def rollup_rows(rollups: Sequence[RollUp]) -> list[list[str]]:
        return [
            [
                name(r.level),
                r.office or words.all,
                str(r.units),
                str(r.mean),
                str(r.excellent),
                str(r.competent),
                str(r.basically_competent),
                str(r.incompetent),
                str(r.flagged),
            ]
            for r in rollups
        ]

    out += [*heading(words.levels, 2), *_table(words.rcols, rollup_rows(a.by_level), markdown), ""]
    if a.by_office:
        out += [*heading(words.offices, 2), *_table(words.rcols, rollup_rows(a.by_office), markdown), ""]
    finding_rows = [
        [f.rule, f.clause, f.status.zh if zh else f.status.en, _cell(f.subject), f.message(lang)]
        for f in a.findings
    ]
    out += [*heading(words.findings, 2), *_table(words.fcols, finding_rows, markdown), "", words.note]
    return "\n".join(out) + "\n"
