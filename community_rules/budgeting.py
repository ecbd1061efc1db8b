"""The district's yearly budget for its communities (clauses 2.2.1, 2.2.2, 3.2).

Clause 3.2 ends 上述各项费用列入财政预算 ("all of the above costs are included in
the fiscal budget"), and 4.2 has the Finance Bureau put community funds,
staff wages and living allowances in the budget (财政局将社区经费、人员工资和生活补贴
纳入预算). :func:`budget` adds up what the opinion asks for, for one calendar
year, per community, per sub-district office (街道办事处) and for the district:

- the **minimum office funds** (办公经费, 3.2, SPEC I-6);
- the **minimum public-welfare activity fund** (社区公益活动专项经费, 3.2): 80 % of
  the minimum office funds, as I-7 reads it when planning;
- the **building heads' lost-work allowance** (楼长误工补贴, 2.2.2): the building
  heads of the partition of the community's buildings (2.2.1, SPEC I-1…I-3)
  times the allowance of a full calendar year (12 × 100 yuan, SPEC I-9);
- **staff pay** where the pay is given: the staff members' monthly pay × 12,
  split into the 70 % base and the 30 % performance part (3.2, SPEC I-10);
  the performance part is budgeted whole, the ceiling of what the assessment
  can pay out (SPEC I-11).

Every amount is ``Decimal`` yuan to the fen, and every total is an exact sum
of the amounts below it (nothing is rounded again). An amount whose inputs
are not known (households, pay, buildings that do not cover the households)
is ``None`` — never a guess — and the totals list which communities they
leave out (``BudgetTotals.unknown``).

Whether the building-head allowance falls under 上述各项费用 is not settled by
the text (rules.md R32); the budget lists it on its own line, so a reader
can leave it out. Under the I-20 alternative (an incompetent grade suspends
the allowance) the allowance line is an upper bound.

>>> import community_rules as cr
>>> from community_rules.model import Building, Community, District, SubDistrictOffice
>>> c = Community("C1", buildings=[Building("B1", 1200), Building("B2", 1200)])
>>> b = budget(District("D", offices=[SubDistrictOffice("S", communities=[c])]), 2024)
>>> line = b.community("C1")
>>> line.office_funds, line.welfare_funds, line.building_heads, line.building_head_allowance
(Decimal('24000.00'), Decimal('19200.00'), 2, Decimal('2400.00'))
>>> b.totals.total, b.totals.complete
(Decimal('45600.00'), False)
>>> budget(District("D"), "2024")
Traceback (most recent call last):
...
community_rules.errors.InvalidType: year: '2024' is a str; expected an int calendar year ...
"""

from __future__ import annotations

import datetime
import unicodedata
from collections.abc import Iterable, Iterator
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

import attrs

from ._fields import require
from .errors import Error, InvalidType, InvalidValue
from .funding import building_head_allowance, office_funds_minimum, split_pay, welfare_funds_minimum
from .model import Community, District, SubDistrictOffice
from .money import ZERO, exact_sum, scale
from .partitioning import partition
from .policy import DEFAULT_POLICY, Policy

__all__ = [
    "AMOUNTS",
    "Budget",
    "BudgetTotals",
    "CommunityBudget",
    "OfficeBudget",
    "budget",
    "community_budget",
]

#: Calendar months in a year: a monthly pay is budgeted 12 times.
_MONTHS = 12
_CLAUSES = ("2.2.1", "2.2.2", "3.2")
_INTERPRETATIONS = ("I-1", "I-2", "I-3", "I-6", "I-7", "I-8", "I-9", "I-10", "I-11")
_PARAMETERS = (
    "sub_area_households",
    "sub_area_rule",
    "building_head_min_buildings",
    "building_head_max_buildings",
    "building_head_allowance_monthly",
    "part_month_rule",
    "office_funds_per_thousand",
    "office_funds_rule",
    "welfare_share",
    "base_pay_share",
)
#: The amounts of a budget line, in the order they are shown.
AMOUNTS = (
    "office_funds",
    "welfare_funds",
    "building_head_allowance",
    "staff_base_pay",
    "staff_performance_pay",
)


def _sum(values: Iterable[Decimal | None]) -> Decimal | None:
    """The exact sum, or None if any value is not known."""
    known = []
    for value in values:
        if value is None:
            return None
        known.append(value)
    return exact_sum(known)


@attrs.frozen
class CommunityBudget:
    """One community's budget for the year (yuan; ``None``: not known).

    ``office_funds`` and ``welfare_funds`` are the minimums of 3.2;
    ``building_heads`` the heads of the partition (2.2.1) and
    ``building_head_allowance`` their allowance for the year (2.2.2);
    ``staff_paid`` the staff whose pay is budgeted, ``staff_base_pay`` and
    ``staff_performance_pay`` their yearly base (70 %) and performance part
    (30 %). ``missing`` names the amounts that are not known and why.
    """

    community: str
    office: str | None
    households: int | None
    building_heads: int | None
    staff_paid: int | None
    office_funds: Decimal | None
    welfare_funds: Decimal | None
    building_head_allowance: Decimal | None
    staff_base_pay: Decimal | None
    staff_performance_pay: Decimal | None
    missing: tuple[tuple[str, str], ...] = ()
    clauses: tuple[str, ...] = _CLAUSES

    @property
    def staff_pay(self) -> Decimal | None:
        """The staff's yearly pay (base + performance part), or None if not known."""
        return _sum((self.staff_base_pay, self.staff_performance_pay))

    @property
    def total(self) -> Decimal | None:
        """Everything budgeted for the community, or None if any amount is not known."""
        return _sum(getattr(self, name) for name in AMOUNTS)

    @property
    def complete(self) -> bool:
        """True if every amount is known."""
        return not self.missing


@attrs.frozen
class BudgetTotals:
    """The sums over a set of communities (an office or the district).

    Each amount is the exact sum of the communities' amounts that are known;
    ``unknown`` lists the ``(community, amount)`` pairs left out, so a total
    is complete only when ``unknown`` is empty.
    """

    communities: int
    households: int
    building_heads: int
    staff_paid: int
    office_funds: Decimal
    welfare_funds: Decimal
    building_head_allowance: Decimal
    staff_base_pay: Decimal
    staff_performance_pay: Decimal
    unknown: tuple[tuple[str, str], ...] = ()

    @property
    def staff_pay(self) -> Decimal:
        """Yearly staff pay (base + performance part) of the communities where it is known."""
        return exact_sum((self.staff_base_pay, self.staff_performance_pay))

    @property
    def total(self) -> Decimal:
        """The sum of every known amount."""
        return exact_sum(getattr(self, name) for name in AMOUNTS)

    @property
    def complete(self) -> bool:
        """True if no amount of any community is missing from these totals."""
        return not self.unknown

    @classmethod
    def of(cls, lines: Iterable[CommunityBudget]) -> BudgetTotals:
        """The totals of ``lines`` (sums of Decimals, nothing rounded again)."""
        items = tuple(lines)
        known: dict[str, list[Decimal]] = {name: [] for name in AMOUNTS}
        unknown = []
        for line in items:
            for name in AMOUNTS:
                value = getattr(line, name)
                if value is None:
                    unknown.append((line.community, name))
                else:
                    known[name].append(value)
        sums = {name: exact_sum(values) for name, values in known.items()}
        return cls(
            communities=len(items),
            households=sum(line.households or 0 for line in items),
            building_heads=sum(line.building_heads or 0 for line in items),
            staff_paid=sum(line.staff_paid or 0 for line in items),
            unknown=tuple(unknown),
            **sums,
        )


@attrs.frozen
class OfficeBudget:
    """A sub-district office's communities and their totals."""

    office: str
    name: str | None
    communities: tuple[CommunityBudget, ...]
    totals: BudgetTotals


@attrs.frozen
class Budget:
    """The district's budget for ``year``: per community, per office and in all.

    ``rows()`` gives plain dicts for ``pandas.DataFrame``; ``to_text`` and
    ``to_markdown`` render it in English or Chinese.
    """

    district: str
    year: int
    offices: tuple[OfficeBudget, ...]
    totals: BudgetTotals
    allowance_per_head: Decimal
    clauses: tuple[str, ...] = _CLAUSES
    interpretations: tuple[str, ...] = _INTERPRETATIONS
    parameters: tuple[str, ...] = _PARAMETERS

    def communities(self) -> Iterator[CommunityBudget]:
        """Every community's budget, office by office."""
        for office in self.offices:
            yield from office.communities

    def community(self, community_id: str) -> CommunityBudget:
        """The budget of the community ``community_id``."""
        for line in self.communities():
            if line.community == community_id:
                return line
        raise InvalidValue(
            "community", community_id, "is not a community of this budget", "不是本预算中的社区"
        )

    def rows(self, *, totals: bool = False) -> list[dict[str, Any]]:
        """One plain dict per community (``level`` ``"community"``), for ``pandas.DataFrame``.

        With ``totals=True`` an ``"office"`` row follows each office's
        communities and a ``"district"`` row ends the list (so do not sum a
        column over all rows). Amounts are ``Decimal`` or ``None``.
        """
        result: list[dict[str, Any]] = []
        for office in self.offices:
            for line in office.communities:
                result.append(_row(self, "community", office.office, line.community, line))
            if totals:
                result.append(_row(self, "office", office.office, None, office.totals))
        if totals:
            result.append(_row(self, "district", None, None, self.totals))
        return result

    def to_text(self, lang: str = "en") -> str:
        """The budget as a plain-text table in ``lang`` (``"en"`` or ``"zh"``)."""
        header, body, notes = _table(self, _language(lang))
        widths = [max(_width(row[i]) for row in [header, *body]) for i in range(len(header))]
        lines = [_title(self, lang), ""]
        for n, row in enumerate([header, *body]):
            cells = [_pad(cell, widths[i], left=i < 2) for i, cell in enumerate(row)]
            lines.append("  ".join(cells).rstrip())
            if n == 0:
                lines.append("  ".join("-" * w for w in widths))
        if notes:
            lines.append("")
            lines.extend("  " * level + note for level, note in notes)
        return "\n".join(lines) + "\n"

    def to_markdown(self, lang: str = "en") -> str:
        """The budget as a Markdown table in ``lang`` (``"en"`` or ``"zh"``)."""
        header, body, notes = _table(self, _language(lang))
        lines = [f"### {_title(self, lang)}", ""]
        lines.append("| " + " | ".join(header) + " |")
        lines.append("|" + "|".join([":--", ":--"] + ["--:"] * (len(header) - 2)) + "|")
        lines.extend("| " + " | ".join(cell.replace("|", "\\|") for cell in row) + " |" for row in body)
        if notes:
            lines.append("")
            # "- * …" would open a nested list in Markdown: escape the asterisk.
            lines.extend(
                "  " * level + "- " + ("\\" + note if note.startswith("* ") else note)
                for level, note in notes
            )
        return "\n".join(lines) + "\n"


def _language(lang: str) -> str:
    if lang not in ("en", "zh"):
        raise InvalidValue(
            "lang", lang, "is not a language (valid: zh, en)", "不是有效语言（有效值：zh, en）"
        )
    return lang


def _row(
    plan: Budget,
    level: str,
    office: str | None,
    community: str | None,
    line: CommunityBudget | BudgetTotals,
) -> dict[str, Any]:
    row: dict[str, Any] = {
        "year": plan.year,
        "level": level,
        "office": office,
        "community": community,
        "households": line.households,
        "building_heads": line.building_heads,
        "staff_paid": line.staff_paid,
    }
    for name in AMOUNTS:
        row[name] = getattr(line, name)
    row["staff_pay"] = line.staff_pay
    row["total"] = line.total
    row["complete"] = line.complete
    return row


# --- rendering --------------------------------------------------------------------------

_HEADERS = {
    "en": (
        "Office",
        "Community",
        "Households",
        "Building heads",
        "Office funds",
        "Welfare fund",
        "Heads' allowance",
        "Base pay (70%)",
        "Performance pay (30%)",
        "Total",
    ),
    "zh": (
        "街道办事处",
        "社区",
        "户数",
        "楼长",
        "办公经费",
        "公益活动经费",
        "楼长误工补贴",
        "基本部分（70%）",
        "考核部分（30%）",
        "合计",
    ),
}


def _title(plan: Budget, lang: str) -> str:
    if lang == "zh":
        return f"{plan.district} {plan.year} 年度社区经费预算（元）"
    return f"Community budget of {plan.district} for {plan.year} (yuan)"


def _money(value: Decimal | None) -> str:
    return "—" if value is None else f"{value:,}"


def _count(value: int | None) -> str:
    return "—" if value is None else str(value)


def _cells(first: str, second: str, line: CommunityBudget | BudgetTotals, complete_mark: str) -> list[str]:
    total = line.total
    return [
        first,
        second,
        _count(line.households),
        _count(line.building_heads),
        *(_money(getattr(line, name)) for name in AMOUNTS),
        _money(total) + ("" if line.complete else complete_mark),
    ]


def _table(plan: Budget, lang: str) -> tuple[list[str], list[list[str]], list[tuple[int, str]]]:
    zh = lang == "zh"
    header = list(_HEADERS[lang])
    body: list[list[str]] = []
    for office in plan.offices:
        for line in office.communities:
            body.append(_cells(office.office, line.community, line, " *"))
        body.append(_cells(office.office, "小计" if zh else "subtotal", office.totals, " *"))
    body.append(_cells("全区" if zh else "district", "合计" if zh else "total", plan.totals, " *"))
    notes: list[tuple[int, str]] = []
    named = [o for o in plan.offices if o.name]
    if named:
        sep = "；" if zh else "; "
        label = "街道办事处：" if zh else "Offices: "
        notes.append((0, label + sep.join(f"{o.office} = {o.name}" for o in named)))
    per_head = plan.allowance_per_head
    if zh:
        notes.append((0, f"楼长误工补贴按每名楼长全年 {per_head:,} 元计（每人每月标准，全年 12 个月）。"))
        notes.append(
            (0, "公益活动经费按办公经费最低标准的比例计；考核部分按全额列支（实际按考核结果浮动发放）。")
        )
    else:
        notes.append((0, f"Building heads' allowance: {per_head:,} yuan per head for the full year."))
        notes.append(
            (
                0,
                "Welfare fund: its share of the minimum office funds; performance pay budgeted whole "
                "(paid out according to the assessment).",
            )
        )
    missing = [line for line in plan.communities() if line.missing]
    if missing:
        if zh:
            notes.append((0, "* 不完整：未知的金额（—）未计入合计："))
        else:
            notes.append((0, "* incomplete: amounts not known (—) are left out of the totals:"))
        for line in missing:
            notes.append((1, f"{line.community}{'：' if zh else ': '}{_reasons(line, lang)}"))
    return header, body, notes


_AMOUNT_NAMES = {
    "en": dict(zip(AMOUNTS, _HEADERS["en"][4:9], strict=True)),
    "zh": dict(zip(AMOUNTS, _HEADERS["zh"][4:9], strict=True)),
}

_REASONS_ZH = {
    "households not known": "户数未知",
    "the listed buildings do not cover the community's households": "所列楼栋未覆盖全部户数",
    "no buildings listed": "未列出楼栋",
    "the staff members are not listed": "未列出工作人员",
    "monthly pay not known for some staff": "部分工作人员月工资未知",
}


def _reasons(line: CommunityBudget, lang: str) -> str:
    """The missing amounts of ``line``, grouped by reason, in ``lang``."""
    by_reason: dict[str, list[str]] = {}
    for name, why in line.missing:
        by_reason.setdefault(why, []).append(_AMOUNT_NAMES[lang][name])
    if lang == "zh":
        return "；".join(
            f"{'、'.join(names)}：{_REASONS_ZH.get(why, why)}" for why, names in by_reason.items()
        )
    return "; ".join(f"{', '.join(names)}: {why}" for why, names in by_reason.items())


def _width(text: str) -> int:
    return sum(2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1 for ch in text)


def _pad(text: str, width: int, *, left: bool) -> str:
    fill = " " * (width - _width(text))
    return text + fill if left else fill + text


# --- computing --------------------------------------------------------------------------


def _check_year(year: object) -> int:
    if isinstance(year, bool) or not isinstance(year, int):
        raise InvalidType(
            "year",
            year,
            f"is a {type(year).__name__}; expected an int calendar year",
            f"类型为 {type(year).__name__}；应为整数年份",
        )
    if not datetime.MINYEAR <= year <= datetime.MAXYEAR:
        raise InvalidValue(
            "year",
            year,
            f"is not a calendar year ({datetime.MINYEAR}–{datetime.MAXYEAR})",
            f"不是有效年份（{datetime.MINYEAR}–{datetime.MAXYEAR}）",
        )
    return year


def _building_heads(community: Community, policy: Policy) -> int:
    """The building heads of the partition of ``community``'s buildings (2.2.1, I-1…I-3)."""
    return partition(community.buildings, policy=policy).building_heads


def community_budget(
    community: Community,
    *,
    year_allowance: Decimal,
    office: str | None = None,
    policy: Policy = DEFAULT_POLICY,
) -> CommunityBudget:
    """One community's budget, given ``year_allowance``, one building head's allowance for the year.

    See :func:`budget`; ``office`` is the id of the community's sub-district office.
    """
    require("community", community, Community)
    require("policy", policy, Policy)
    missing: list[tuple[str, str]] = []
    households = community.households
    if households is None:
        office_funds = welfare = None
        missing += [
            ("office_funds", "households not known"),
            ("welfare_funds", "households not known"),
        ]
    else:
        office_funds = office_funds_minimum(households, policy=policy)
        welfare = welfare_funds_minimum(office_funds, policy=policy)
    listed = sum(b.households for b in community.buildings)
    heads: int | None
    if not community.buildings and households != 0:
        heads, allowance = None, None
        missing.append(("building_head_allowance", "no buildings listed"))
    elif households is not None and households > listed:
        heads, allowance = None, None
        missing.append(
            ("building_head_allowance", "the listed buildings do not cover the community's households")
        )
    else:
        heads = _building_heads(community, policy) if community.buildings else 0
        # A product of a whole-fen amount and an int is exact; no rounding applies.
        allowance = scale(year_allowance, heads, rounding=ROUND_HALF_UP)
    staff_paid, base, performance = _staff_pay(community, policy, missing)
    return CommunityBudget(
        community=community.id,
        office=office,
        households=households,
        building_heads=heads,
        staff_paid=staff_paid,
        office_funds=office_funds,
        welfare_funds=welfare,
        building_head_allowance=allowance,
        staff_base_pay=base,
        staff_performance_pay=performance,
        missing=tuple(missing),
    )


def _staff_pay(
    community: Community, policy: Policy, missing: list[tuple[str, str]]
) -> tuple[int | None, Decimal | None, Decimal | None]:
    members = community.staff_members
    if not members:
        if community.staff == 0:
            return 0, ZERO, ZERO
        reason = "the staff members are not listed"
        missing += [("staff_base_pay", reason), ("staff_performance_pay", reason)]
        return None, None, None
    bases = []
    performances = []
    for k, member in enumerate(members):
        if member.monthly_pay is None:
            reason = "monthly pay not known for some staff"
            missing += [("staff_base_pay", reason), ("staff_performance_pay", reason)]
            return None, None, None
        try:
            split = split_pay(member.monthly_pay, policy=policy)
        except Error as exc:  # e.g. a pay with a fraction of a fen: say whose
            raise exc.with_prefix(f"staff_members[{k}]") from None
        # Whole fen × 12 is exact; no rounding applies.
        bases.append(scale(split.base, _MONTHS, rounding=ROUND_HALF_UP))
        performances.append(scale(split.performance, _MONTHS, rounding=ROUND_HALF_UP))
    return len(members), exact_sum(bases), exact_sum(performances)


def _office_budget(
    index: int, office: SubDistrictOffice, year_allowance: Decimal, policy: Policy
) -> OfficeBudget:
    lines = []
    for j, community in enumerate(office.communities):
        try:
            lines.append(
                community_budget(community, year_allowance=year_allowance, office=office.id, policy=policy)
            )
        except Error as exc:
            raise exc.with_prefix(f"offices[{index}].communities[{j}]") from None
    return OfficeBudget(office.id, office.name, tuple(lines), BudgetTotals.of(lines))


def budget(district: District, year: int, *, policy: Policy = DEFAULT_POLICY) -> Budget:
    """The budget of ``district`` for the calendar ``year`` (2.2.1, 2.2.2, 3.2).

    Per community: the minimum office funds (I-6), the welfare fund minimum
    (80 % of them, I-7), the building heads of the partition (I-1…I-3) with
    a full year's allowance each (12 × 100 yuan, I-9), and the staff's
    yearly pay split 70/30 where every staff member's monthly pay is given
    (I-10). Per office and for the district: exact sums.

    >>> import community_rules as cr
    >>> plan = budget(cr.sample_district(), 2024)
    >>> plan.totals.office_funds == sum(c.office_funds or 0 for c in plan.communities())
    True
    >>> budget(cr.sample_district(), 0)
    Traceback (most recent call last):
    ...
    community_rules.errors.InvalidValue: year: 0 is not a calendar year (1–9999) ...
    """
    require("policy", policy, Policy)
    if not isinstance(district, District):
        raise InvalidType(
            "district",
            district,
            f"is a {type(district).__name__}; expected a District",
            f"类型为 {type(district).__name__}；应为 District",
        )
    _check_year(year)
    year_allowance = building_head_allowance(
        datetime.date(year, 1, 1), datetime.date(year, 12, 31), policy=policy
    )
    offices = tuple(_office_budget(i, o, year_allowance, policy) for i, o in enumerate(district.offices))
    totals = BudgetTotals.of(line for o in offices for line in o.communities)
    return Budget(
        district=district.id,
        year=year,
        offices=offices,
        totals=totals,
        allowance_per_head=year_allowance,
    )
