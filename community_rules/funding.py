"""Money for the residents' committee: funds, allowances, pay and insurance (clauses 2.2.2, 3.2).

Clause 3.2 (加大资金投入力度，确保城市社区居委会有钱办事, "ensure that residents'
committees have money to do the work") and clause 2.2.2 set:

- **office funds** (办公经费) — 按每千户每年不少于1万元标准拨付: at least 10,000 yuan
  per 1,000 households a year; read pro rata, 10 yuan per household (SPEC
  I-6; alternative: per started thousand, ``Policy.office_funds_rule``);
- the **public-welfare activity fund** (社区公益活动专项经费) — 按不少于居委会办公经费
  80%的标准拨付: at least 80 % of the office funds actually granted, or of the
  minimum office funds when planning (SPEC I-7);
- the **living allowance** (生活补贴) of committee staff — 不低于现行标准，并建立逐步
  增长机制: not below the current standard, and growing (checked: not falling
  from one year to the next);
- the **pay split** — 每月发放70%的基本部分，剩余的30%纳入考核，由街道办事处根据考核情况
  浮动发放: 70 % of the monthly pay is paid as a base, 30 % floats with the
  assessment (SPEC I-10; the payout of the floating part, I-11, is a local
  choice: the part × score / 100);
- the **five social insurances** — 按规定参加养老、医疗、失业、工伤和女职工生育保险:
  pension, medical, unemployment, work injury, and maternity for female staff;
- **funds that follow tasks** (费随事转) — 全部留作社区工作经费，不得截留和挪用: kept
  whole by the community;
- the **building head's lost-work allowance** (误工补贴, 2.2.2) — 按照每人每月100元
  的标准发放: 100 yuan per person per month, a part month paid by the days
  served (SPEC I-9).

Money is ``Decimal`` yuan to the fen (SPEC I-8): a minimum (不少于, 不低于)
is rounded up, a payment half up, every rounding named; every number comes
from :class:`~community_rules.policy.Policy`.

>>> office_funds_minimum(2400)
Decimal('24000.00')
>>> welfare_funds_minimum(Decimal("333.33"))
Decimal('266.67')
>>> import datetime
>>> building_head_allowance(datetime.date(2025, 6, 20), datetime.date(2025, 7, 31))
Decimal('136.67')
>>> split_pay(Decimal("4321.05"))
PaySplit(base=Decimal('3024.74'), performance=Decimal('1296.31'), ...)
>>> sorted(i.value for i in required_insurances(female=False))
['medical', 'pension', 'unemployment', 'work_injury']
>>> office_funds_minimum(1.5)
Traceback (most recent call last):
...
community_rules.errors.InvalidValue: households: 1.5 is not a whole number ...
"""

from __future__ import annotations

import calendar
import datetime
import functools
from collections.abc import Iterator
from decimal import ROUND_CEILING, ROUND_HALF_UP, Decimal

import attrs

from ._fields import check_count, require
from .enums import Insurance, Modality, Status
from .errors import InvalidType, InvalidValue
from .findings import Finding, Rule, Value
from .model import Community, StaffMember
from .money import ZERO, exact_difference, exact_sum, scale, to_decimal, to_money
from .policy import DEFAULT_POLICY, OfficeFundsRule, PartMonthRule, Policy, WelfareBase

__all__ = [
    "INSURANCE",
    "LIVING_ALLOWANCE",
    "LIVING_ALLOWANCE_GROWTH",
    "OFFICE_FUNDS",
    "RULES",
    "TASK_FUNDS",
    "WELFARE_FUNDS",
    "MonthAllowance",
    "PaySplit",
    "allowance_by_month",
    "building_head_allowance",
    "check_community",
    "office_funds_minimum",
    "performance_payout",
    "required_insurances",
    "split_pay",
    "welfare_funds_minimum",
]

#: 千户: the unit of households that ``Policy.office_funds_per_thousand`` is given for.
_THOUSAND = 1000
#: Scores in this library run from 0 to 100 (SPEC §3 "Assessment").
_FULL_SCORE = Decimal(100)
_YUAN = "yuan"
_INSURANCE_ORDER = tuple(Insurance)


# --- the rules ------------------------------------------------------------------------

#: 3.2 居委会办公经费按每千户每年不少于1万元标准拨付.
OFFICE_FUNDS = Rule(
    "funding.office_funds",
    "3.2",
    Modality.MANDATORY,
    "Office funds of at least 10,000 yuan per 1,000 households a year",
    "居委会办公经费按每千户每年不少于1万元标准拨付",
    interpretations=("I-6", "I-8"),
    parameters=("office_funds_per_thousand", "office_funds_rule"),
)

#: 3.2 设立社区公益活动专项经费，按不少于居委会办公经费80%的标准拨付.
WELFARE_FUNDS = Rule(
    "funding.welfare_funds",
    "3.2",
    Modality.MANDATORY,
    "Public-welfare activity fund of at least 80 % of the office funds",
    "社区公益活动专项经费不少于居委会办公经费的80%",
    interpretations=("I-7", "I-8"),
    parameters=("welfare_share", "welfare_base"),
)

#: 3.2 居委会工作人员生活补贴不低于现行标准.
LIVING_ALLOWANCE = Rule(
    "funding.living_allowance",
    "3.2",
    Modality.MANDATORY,
    "Staff living allowance not below the current standard",
    "居委会工作人员生活补贴不低于现行标准",
    interpretations=("I-8",),
)

#: 3.2 并建立逐步增长机制.
LIVING_ALLOWANCE_GROWTH = Rule(
    "funding.living_allowance_growth",
    "3.2",
    Modality.MANDATORY,
    "Staff living allowance grows gradually (does not fall from one year to the next)",
    "生活补贴建立逐步增长机制（不低于上一年）",
    interpretations=("I-8",),
)

#: 3.2 区直相关部门工作进社区的按“费随事转”要求拨付的经费，全部留作社区工作经费，不得截留和挪用.
TASK_FUNDS = Rule(
    "funding.task_funds",
    "3.2",
    Modality.MANDATORY,
    "Funds that follow tasks are kept whole by the community",
    "“费随事转”经费全部留作社区工作经费，不得截留和挪用",
    interpretations=("I-8",),
)

#: 3.2 所有居委会工作人员按规定参加养老、医疗、失业、工伤和女职工生育保险.
INSURANCE = Rule(
    "funding.insurance",
    "3.2",
    Modality.MANDATORY,
    "Every committee staff member is enrolled in the five social insurances",
    "所有居委会工作人员按规定参加养老、医疗、失业、工伤和女职工生育保险",
    parameters=("required_insurances", "maternity_for_female_only"),
)

#: The rules of this module, in the order :func:`check_community` yields them.
RULES: tuple[Rule, ...] = (
    OFFICE_FUNDS,
    WELFARE_FUNDS,
    LIVING_ALLOWANCE,
    LIVING_ALLOWANCE_GROWTH,
    TASK_FUNDS,
    INSURANCE,
)


# --- office and welfare funds -----------------------------------------------------------


def office_funds_minimum(households: int, *, policy: Policy = DEFAULT_POLICY) -> Decimal:
    """The minimum yearly office funds (办公经费) for ``households`` (3.2, SPEC I-6).

    Pro rata by default: ``office_funds_per_thousand × households / 1000``;
    with ``OfficeFundsRule.PER_STARTED_THOUSAND`` every started thousand
    households counts whole. Rounded up to the fen: a minimum is never below
    the rule (SPEC I-8).

    >>> office_funds_minimum(2400), office_funds_minimum(1)
    (Decimal('24000.00'), Decimal('10.00'))
    >>> import attrs
    >>> per_thousand = attrs.evolve(DEFAULT_POLICY, office_funds_rule=OfficeFundsRule.PER_STARTED_THOUSAND)
    >>> office_funds_minimum(2400, policy=per_thousand)
    Decimal('30000.00')
    """
    require("policy", policy, Policy)
    check_count("households", households)
    rate = policy.office_funds_per_thousand
    if policy.office_funds_rule is OfficeFundsRule.PRO_RATA:
        return scale(rate, households, _THOUSAND, rounding=ROUND_CEILING)
    thousands = -(-households // _THOUSAND)
    return scale(rate, thousands, rounding=ROUND_CEILING)


def welfare_funds_minimum(office_funds: Decimal | int | str, *, policy: Policy = DEFAULT_POLICY) -> Decimal:
    """The minimum public-welfare activity fund for ``office_funds`` (3.2, SPEC I-7).

    ``welfare_share × office_funds`` (80 %), rounded up to the fen. Pass the
    office funds actually granted, or :func:`office_funds_minimum` when
    planning.

    >>> welfare_funds_minimum(Decimal("24000.00"))
    Decimal('19200.00')
    >>> welfare_funds_minimum(Decimal("333.33"))  # 266.664 rounded up
    Decimal('266.67')
    >>> welfare_funds_minimum("-5")
    Traceback (most recent call last):
    ...
    community_rules.errors.InvalidValue: office_funds: '-5' is negative ...
    """
    require("policy", policy, Policy)
    amount = to_decimal(office_funds, "office_funds")
    if amount < 0:
        raise InvalidValue("office_funds", office_funds, "is negative", "为负数")
    return _welfare_minimum(amount, policy)


def _welfare_minimum(office_funds: Decimal, policy: Policy) -> Decimal:
    """:func:`welfare_funds_minimum` of office funds already checked (a Community's, or a minimum)."""
    return scale(office_funds, policy.welfare_share, rounding=ROUND_CEILING)


# --- the building head's allowance ------------------------------------------------------


@attrs.frozen
class MonthAllowance:
    """One calendar month of a building head's term and what it pays (2.2.2, SPEC I-9).

    ``month`` is the first day of the month; ``first`` and ``last`` the days
    served in it (both inclusive); ``amount`` the allowance for the month
    under ``rule``.
    """

    month: datetime.date
    first: datetime.date
    last: datetime.date
    days_served: int
    days_in_month: int
    amount: Decimal
    rule: PartMonthRule
    clauses: tuple[str, ...] = ("2.2.2",)
    interpretations: tuple[str, ...] = ("I-8", "I-9")

    @property
    def whole(self) -> bool:
        """True if the whole calendar month was served."""
        return self.days_served == self.days_in_month


def _check_date(value: object, field: str) -> datetime.date:
    if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
        raise InvalidType(
            field,
            value,
            f"is a {type(value).__name__}; expected a datetime.date",
            f"类型为 {type(value).__name__}；应为日期",
        )
    return value


def allowance_by_month(
    start: datetime.date, end: datetime.date, *, policy: Policy = DEFAULT_POLICY
) -> tuple[MonthAllowance, ...]:
    """The allowance of one building head for a term, month by month (2.2.2, SPEC I-9).

    The term runs from ``start`` to ``end``, both days inclusive. Each
    calendar month of it pays, under
    ``Policy.part_month_rule``:

    - ``PRO_RATA_DAYS`` (default): ``monthly × days served / days in the
      month``, half up to the fen; a whole month pays exactly the monthly
      allowance;
    - ``STARTED_MONTH``: a month with any day served pays whole;
    - ``WHOLE_MONTHS``: only a whole calendar month pays.

    >>> [(m.month.month, m.days_served, m.amount) for m in allowance_by_month(
    ...     datetime.date(2024, 2, 10), datetime.date(2024, 3, 31))]
    [(2, 20, Decimal('68.97')), (3, 31, Decimal('100.00'))]
    >>> allowance_by_month(datetime.date(2025, 7, 1), datetime.date(2025, 6, 30))
    Traceback (most recent call last):
    ...
    community_rules.errors.InvalidValue: start, end: ... the term ends (2025-06-30) before it starts (2025-07-01) ...
    """
    require("policy", policy, Policy)
    _check_date(start, "start")
    _check_date(end, "end")
    if end < start:
        raise InvalidValue(
            "start, end",
            (start, end),
            f"the term ends ({end.isoformat()}) before it starts ({start.isoformat()})",
            f"任期结束日期（{end.isoformat()}）早于开始日期（{start.isoformat()}）",
        )
    monthly = policy.building_head_allowance_monthly
    rule = policy.part_month_rule
    whole = scale(monthly, rounding=ROUND_HALF_UP)
    months = []
    # Every calendar month from start's to end's, counted as year * 12 + month - 1.
    for index in range(start.year * 12 + start.month - 1, end.year * 12 + end.month):
        year, month_number = divmod(index, 12)
        days_in_month = calendar.monthrange(year, month_number + 1)[1]
        month = datetime.date(year, month_number + 1, 1)
        month_end = month.replace(day=days_in_month)
        first = max(start, month)
        last = min(end, month_end)
        days = (last - first).days + 1
        if days == days_in_month or rule is PartMonthRule.STARTED_MONTH:
            amount = whole
        elif rule is PartMonthRule.PRO_RATA_DAYS:
            amount = scale(monthly, days, days_in_month, rounding=ROUND_HALF_UP)
        else:  # WHOLE_MONTHS and a part month
            amount = ZERO
        months.append(MonthAllowance(month, first, last, days, days_in_month, amount, rule))
    return tuple(months)


def building_head_allowance(
    start: datetime.date, end: datetime.date, *, policy: Policy = DEFAULT_POLICY
) -> Decimal:
    """One building head's lost-work allowance (误工补贴) for a term, both days inclusive (2.2.2).

    The sum of :func:`allowance_by_month`: 100 yuan for every whole calendar
    month, a part month by the days served (SPEC I-9). A head serving
    2025-06-20..2025-07-31 is owed 100 × 11/30 = 36.67 for June and 100.00
    for July (SPEC §6):

    >>> building_head_allowance(datetime.date(2025, 6, 20), datetime.date(2025, 7, 31))
    Decimal('136.67')
    >>> building_head_allowance(datetime.date(2024, 1, 1), datetime.date(2024, 12, 31))
    Decimal('1200.00')
    >>> building_head_allowance(datetime.date(2024, 1, 1), "2024-12-31")
    Traceback (most recent call last):
    ...
    community_rules.errors.InvalidType: end: '2024-12-31' is a str; expected a datetime.date ...
    """
    require("policy", policy, Policy)
    return exact_sum(m.amount for m in allowance_by_month(start, end, policy=policy))


# --- pay ------------------------------------------------------------------------------


@attrs.frozen
class PaySplit:
    """A monthly pay split into its base and its performance part (3.2, SPEC I-10).

    ``base`` (基本部分) is paid every month; ``performance`` (the rest, 纳入考核)
    is paid by the sub-district office according to the assessment
    (:func:`performance_payout`). ``base + performance == monthly_pay``.
    """

    base: Decimal
    performance: Decimal
    clauses: tuple[str, ...] = ("3.2",)
    interpretations: tuple[str, ...] = ("I-8", "I-10")

    @property
    def monthly_pay(self) -> Decimal:
        """The pay that was split (``base + performance``)."""
        return exact_sum((self.base, self.performance))


def split_pay(monthly_pay: Decimal | int | str, *, policy: Policy = DEFAULT_POLICY) -> PaySplit:
    """Split a monthly pay 70/30 (3.2 每月发放70%的基本部分，剩余的30%纳入考核, SPEC I-10).

    ``base = round_half_up(base_pay_share × pay)``; ``performance = pay −
    base``, so nothing is lost or made up. The pay must be a whole number of
    fen.

    >>> split_pay(Decimal("4321.05"))  # 3,024.735 half up
    PaySplit(base=Decimal('3024.74'), performance=Decimal('1296.31'), ...)
    >>> split_pay(Decimal("0.01"))
    PaySplit(base=Decimal('0.01'), performance=Decimal('0.00'), ...)
    >>> split_pay(4321.05)
    Traceback (most recent call last):
    ...
    community_rules.errors.InvalidType: monthly_pay: 4321.05 is a binary float, ...
    """
    require("policy", policy, Policy)
    pay = to_money(monthly_pay, "monthly_pay")
    base = scale(pay, policy.base_pay_share, rounding=ROUND_HALF_UP)
    return PaySplit(base=base, performance=exact_difference(pay, base))


def performance_payout(
    performance_part: Decimal | int | str,
    score: Decimal | int | str,
    *,
    policy: Policy = DEFAULT_POLICY,
) -> Decimal:
    """What is paid of ``performance_part`` for an assessment ``score`` (3.2 浮动发放, SPEC I-11).

    A local choice (the opinion does not quantify the float): ``performance
    part × score / 100``, the score clamped to 0..100, half up to the fen.
    ``policy`` is accepted for the common signature.

    >>> performance_payout(Decimal("1296.31"), Decimal("79.60"))
    Decimal('1031.86')
    >>> performance_payout(Decimal("1296.31"), 120)
    Decimal('1296.31')
    >>> performance_payout(Decimal("1296.31"), 79.6)
    Traceback (most recent call last):
    ...
    community_rules.errors.InvalidType: score: 79.6 is a binary float, ...
    """
    part = to_money(performance_part, "performance_part")
    value = to_decimal(score, "score")
    clamped = min(max(value, ZERO), _FULL_SCORE)
    return scale(part, clamped, _FULL_SCORE, rounding=ROUND_HALF_UP)


# --- insurance ------------------------------------------------------------------------


def required_insurances(female: bool, *, policy: Policy = DEFAULT_POLICY) -> frozenset[Insurance]:
    """The social insurances a staff member must be enrolled in (3.2 按规定参加…保险).

    ``Policy.required_insurances`` (the five: pension, medical, unemployment,
    work injury, maternity); maternity (女职工生育保险) only for female staff
    unless ``Policy.maternity_for_female_only`` is False.

    >>> len(required_insurances(True)), len(required_insurances(False))
    (5, 4)
    >>> required_insurances(None)
    Traceback (most recent call last):
    ...
    community_rules.errors.InvalidType: female: None is a NoneType; expected True or False ...
    """
    require("policy", policy, Policy)
    if not isinstance(female, bool):
        raise InvalidType(
            "female",
            female,
            f"is a {type(female).__name__}; expected True or False",
            f"类型为 {type(female).__name__}；应为 True 或 False",
        )
    required = policy.required_insurances
    if not female and policy.maternity_for_female_only and Insurance.MATERNITY in required:
        return required - {Insurance.MATERNITY}
    return required


# There are only 2⁵ sets of insurances: their names are cached (the checks run per staff member).
@functools.lru_cache(maxsize=64)
def _names(insurances: frozenset[Insurance]) -> str:
    return ", ".join(i.value for i in _INSURANCE_ORDER if i in insurances)


@functools.lru_cache(maxsize=64)
def _names_zh(insurances: frozenset[Insurance]) -> str:
    return "、".join(i.zh for i in _INSURANCE_ORDER if i in insurances) or "无"


# --- checks -----------------------------------------------------------------------------


def check_community(
    community: Community,
    *,
    policy: Policy = DEFAULT_POLICY,
    as_of: datetime.date | None = None,
    office: str | None = None,
) -> Iterator[Finding]:
    """Check ``community`` against the money rules of 3.2 (:data:`RULES`).

    Yields one finding per rule, and ``funding.insurance`` once per staff
    member (``subject`` is the staff id). A ``None`` input gives UNKNOWN,
    never a guess. Amounts are yuan; ``required``, ``actual`` and ``gap``
    (how much is missing) are ``Decimal``. ``as_of`` is accepted for the
    common signature; these rules do not depend on it.

    >>> from community_rules.model import Community
    >>> c = Community("C1", households=2400, office_funds=Decimal("20000"), welfare_funds=Decimal("16000"))
    >>> [(f.rule, f.status.value, f.required, f.gap) for f in check_community(c)][:2]
    [('funding.office_funds', 'not_met', Decimal('24000.00'), Decimal('4000.00')), ('funding.welfare_funds', 'met', Decimal('16000.00'), Decimal('0.00'))]
    """
    cid = community.id
    yield from _office_and_welfare(community, cid, office, policy)
    for floor in _FLOORS:
        yield _floor(floor, community, cid, office)
    members = community.staff_members
    if members:
        by_sex = _requirements(policy.required_insurances, policy.maternity_for_female_only)
        for member in members:
            yield _insurance(member, cid, office, by_sex)
    elif community.staff == 0:
        yield INSURANCE.finding(
            Status.NOT_APPLICABLE,
            community=cid,
            office=office,
            message_en="no staff in post, so no insurance to check",
            message_zh="无在岗工作人员，无需核查参保情况",
            inputs=(("staff", 0), ("staff_members", 0)),
        )
    else:
        yield INSURANCE.finding(
            Status.UNKNOWN,
            community=cid,
            office=office,
            required=_names(policy.required_insurances),
            message_en="the staff members are not listed, so their insurances are not known",
            message_zh="未列出工作人员，参保情况未知",
            inputs=(("staff", community.staff), ("staff_members", 0)),
        )


def _compare(
    rule: Rule,
    cid: str,
    office: str | None,
    required: Decimal,
    actual: Decimal,
    inputs: tuple[tuple[str, Value], ...],
    what_en: str,
    what_zh: str,
    rule_en: str,
    rule_zh: str,
    interpretations: tuple[str, ...] = (),
) -> Finding:
    """A MET / NOT_MET finding of ``actual`` against the floor ``required``."""
    if actual >= required:
        return rule.finding(
            Status.MET,
            community=cid,
            office=office,
            required=required,
            actual=actual,
            gap=ZERO,
            unit=_YUAN,
            message_en=f"{what_en} {actual:,} yuan; {rule_en} {required:,} yuan",
            message_zh=f"{what_zh} {actual} 元；{rule_zh} {required} 元",
            inputs=inputs,
            interpretations=interpretations,
        )
    gap = exact_difference(required, actual)
    return rule.finding(
        Status.NOT_MET,
        community=cid,
        office=office,
        required=required,
        actual=actual,
        gap=gap,
        unit=_YUAN,
        message_en=f"{what_en} {actual:,} yuan; {rule_en} {required:,} yuan: {gap:,} yuan short",
        message_zh=f"{what_zh} {actual} 元；{rule_zh} {required} 元，差 {gap} 元",
        inputs=inputs,
        interpretations=interpretations,
    )


def _office_and_welfare(
    community: Community, cid: str, office: str | None, policy: Policy
) -> Iterator[Finding]:
    households = community.households
    granted = community.office_funds
    welfare = community.welfare_funds
    rate = policy.office_funds_per_thousand
    minimum = None if households is None else office_funds_minimum(households, policy=policy)
    inputs: tuple[tuple[str, Value], ...] = (("households", households), ("office_funds", granted))
    if minimum is None or granted is None:
        missing_en = "households" if minimum is None else "the office funds granted"
        missing_zh = "户数" if minimum is None else "实际拨付的办公经费"
        yield OFFICE_FUNDS.finding(
            Status.UNKNOWN,
            community=cid,
            office=office,
            required=minimum,
            actual=granted,
            unit=_YUAN,
            message_en=f"{missing_en} not known; at least {rate:,} yuan per 1,000 households a year",
            message_zh=f"{missing_zh}未知；办公经费按每千户每年不少于 {rate} 元拨付",
            inputs=inputs,
        )
    else:
        yield _compare(
            OFFICE_FUNDS,
            cid,
            office,
            minimum,
            granted,
            inputs,
            "office funds granted",
            "实际拨付办公经费",
            f"{households} households call for at least",
            f"{households} 户应不少于",
        )
    # I-7: 80 % of the office funds granted; when they are not known (or by
    # the MINIMUM reading), of the minimum office funds.
    share = (policy.welfare_share * 100).normalize()
    w_inputs: tuple[tuple[str, Value], ...] = (
        ("households", households),
        ("office_funds", granted),
        ("welfare_funds", welfare),
    )
    extra: tuple[str, ...] = ()
    if granted is not None and policy.welfare_base is WelfareBase.GRANTED:
        base: Decimal | None = granted
        base_en, base_zh = "the office funds granted", "实际拨付的办公经费"
    else:
        base = minimum
        base_en, base_zh, extra = "the minimum office funds", "办公经费最低标准", ("I-6",)
    if base is None or welfare is None:
        missing_en = "the welfare fund" if base is not None else "the office funds and households"
        missing_zh = "公益活动专项经费" if base is not None else "办公经费及户数"
        yield WELFARE_FUNDS.finding(
            Status.UNKNOWN,
            community=cid,
            office=office,
            required=None if base is None else _welfare_minimum(base, policy),
            actual=welfare,
            unit=_YUAN,
            message_en=f"{missing_en} not known; at least {share:f} % of the office funds",
            message_zh=f"{missing_zh}未知；应不少于办公经费的 {share:f}%",
            inputs=w_inputs,
            interpretations=extra,
        )
        return
    yield _compare(
        WELFARE_FUNDS,
        cid,
        office,
        _welfare_minimum(base, policy),
        welfare,
        w_inputs,
        "welfare fund",
        "公益活动专项经费",
        f"{share:f} % of {base_en} ({base:,}) is at least",
        f"{base_zh}（{base} 元）的 {share:f}% 为",
        extra,
    )


@attrs.frozen
class _Floor:
    """A rule that one amount of a community must not fall below another (2.2.2, 3.2)."""

    rule: Rule
    required_field: str
    actual_field: str
    unknown: tuple[str, str]  # English, Chinese: what is not known
    what: tuple[str, str]  # the amount checked
    floor: tuple[str, str]  # the words that introduce the floor
    required_first: bool = False  # the order of the two inputs in an explanation


_FLOORS: tuple[_Floor, ...] = (
    _Floor(
        LIVING_ALLOWANCE,
        "living_allowance_standard",
        "living_allowance",
        ("the living allowance or the district's standard is not known", "生活补贴或现行标准未知"),
        ("living allowance", "生活补贴"),
        ("the current standard is", "现行标准为"),
    ),
    _Floor(
        LIVING_ALLOWANCE_GROWTH,
        "living_allowance_previous",
        "living_allowance",
        ("this year's or last year's living allowance is not known", "本年度或上一年度生活补贴未知"),
        ("living allowance", "生活补贴"),
        ("it must not fall below last year's", "不得低于上一年度的"),
    ),
    _Floor(
        TASK_FUNDS,
        "task_funds_received",
        "task_funds_retained",
        (
            "the funds that follow tasks (费随事转) received or kept are not known",
            "按“费随事转”拨付或留用的经费未知",
        ),
        ("funds that follow tasks kept", "“费随事转”经费留用"),
        ("all of what was received must be kept:", "应全部留用，拨付"),
        required_first=True,
    ),
)


def _floor(floor: _Floor, community: Community, cid: str, office: str | None) -> Finding:
    """The finding of ``floor`` for ``community``: UNKNOWN when either amount is not known."""
    actual = getattr(community, floor.actual_field)
    required = getattr(community, floor.required_field)
    inputs: tuple[tuple[str, Value], ...] = ((floor.actual_field, actual), (floor.required_field, required))
    if floor.required_first:
        inputs = inputs[::-1]
    if actual is None or required is None:
        return floor.rule.finding(
            Status.UNKNOWN,
            community=cid,
            office=office,
            required=required,
            actual=actual,
            unit=_YUAN,
            message_en=floor.unknown[0],
            message_zh=floor.unknown[1],
            inputs=inputs,
        )
    return _compare(floor.rule, cid, office, required, actual, inputs, *floor.what, *floor.floor)


#: What :func:`_requirements` gives for one value of ``StaffMember.female``: the insurances
#: required, their names, the ``required`` text of the finding, and whether maternity
#: insurance is left open (the sex not known, maternity required of female staff only).
_Requirement = tuple[frozenset[Insurance], str, str, bool]


# Cached: the same policy's few sets serve every staff member of every community.
@functools.lru_cache(maxsize=16)
def _requirements(
    all_required: frozenset[Insurance], maternity_for_female_only: bool
) -> dict[bool | None, _Requirement]:
    """The insurances required of a female, male and not-known-sex staff member (as :func:`required_insurances`)."""
    conditional = maternity_for_female_only and Insurance.MATERNITY in all_required
    unless_female = all_required - {Insurance.MATERNITY} if conditional else all_required
    names, names_unless_female = _names(all_required), _names(unless_female)
    return {
        True: (all_required, names, names, False),
        False: (unless_female, names_unless_female, names_unless_female, False),
        None: (
            (unless_female, names_unless_female, names_unless_female + " (+ maternity if female)", True)
            if conditional
            else (all_required, names, names, False)
        ),
    }


def _insurance(
    member: StaffMember, cid: str, office: str | None, by_sex: dict[bool | None, _Requirement]
) -> Finding:
    sid = member.id
    female = member.female
    enrolled = member.insurances
    required, required_names, required_text, maternity_unknown = by_sex[female]
    actual = None if enrolled is None else _names(enrolled)
    inputs: tuple[tuple[str, Value], ...] = (
        (f"staff_members[{sid}].female", female),
        (f"staff_members[{sid}].insurances", actual),
    )
    if enrolled is None:
        return INSURANCE.finding(
            Status.UNKNOWN,
            community=cid,
            office=office,
            subject=sid,
            required=required_text,
            message_en=f"{sid}: insurances not known",
            message_zh=f"{sid}：参保情况未知",
            inputs=inputs,
        )
    status, gap, en, zh = _insurance_outcome(required, required_names, maternity_unknown, enrolled)
    return INSURANCE.finding(
        status,
        community=cid,
        office=office,
        subject=sid,
        required=required_text,
        actual=actual,
        gap=gap,
        message_en=sid + en,
        message_zh=sid + zh,
        inputs=inputs,
    )


# Cached: the outcome depends on the sets alone, a few dozen pairs (the check runs per staff member).
@functools.lru_cache(maxsize=256)
def _insurance_outcome(
    required: frozenset[Insurance],
    required_names: str,
    maternity_unknown: bool,
    enrolled: frozenset[Insurance],
) -> tuple[Status, str | None, str, str]:
    """Status, gap, and the English and Chinese messages after the staff id, of one staff member."""
    missing = required - enrolled
    if missing:
        gap = _names(missing)
        return Status.NOT_MET, gap, f": not enrolled in {gap}", f"：未参加{_names_zh(missing)}"
    if maternity_unknown and Insurance.MATERNITY not in enrolled:
        return (
            Status.UNKNOWN,
            None,
            f": enrolled in {_names(enrolled) or 'none'}; maternity insurance is required for female "
            "staff and the sex is not known",
            f"：已参加{_names_zh(enrolled)}；女职工须参加生育保险，性别未知",
        )
    return Status.MET, None, f": enrolled in {required_names or 'none'}", f"：已参加{_names_zh(required)}"
