"""Ready-made invariants for property-based suites (yours and the library's own).

Each ``assert_*`` function checks what must hold of a result of the library
whatever the input — the conservation laws and shapes the opinion and the
interpretations of SPEC §4 promise — and raises :class:`AssertionError` with
a message that says which part failed and with what values. They are plain
functions (no Hypothesis needed), meant for ``@given`` tests::

    from hypothesis import given
    from community_rules import strategies as crst
    from community_rules.invariants import assert_partition_covers

    @given(crst.building_lists())
    def test_partition(buildings):
        assert_partition_covers(buildings, cr.partition(buildings))

>>> from decimal import Decimal
>>> assert_allocation_conserves(Decimal("100.00"), (Decimal("33.34"), Decimal("33.33"), Decimal("33.33")))
>>> assert_allocation_conserves(Decimal("100.00"), (Decimal("33.33"),) * 3)
Traceback (most recent call last):
...
AssertionError: the shares add up to 99.99, not to the total 100.00 (a difference of -0.01)
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from decimal import Decimal
from fractions import Fraction
from typing import Any

from .budgeting import AMOUNTS
from .documents import dump_district, load_district, to_json
from .enums import Modality, Status
from .errors import Error
from .findings import Finding
from .model import Building, District
from .money import FEN, to_decimal
from .opinion import clause as _clause
from .policy import DEFAULT_POLICY, Policy, SubAreaRule

__all__ = [
    "assert_allocation_conserves",
    "assert_budget_conserves",
    "assert_findings_well_formed",
    "assert_hiring_plan_consistent",
    "assert_partition_covers",
    "assert_round_trip",
    "assert_space_progress_consistent",
    "assert_split_conserves",
]


def _fail(message: str) -> None:
    raise AssertionError(message)


def _is_fen(amount: object) -> bool:
    """True for a Decimal that is a whole number of fen written with two places."""
    return isinstance(amount, Decimal) and amount.is_finite() and amount.as_tuple().exponent == -2


def _ids(buildings: Iterable[Building]) -> list[str]:
    return [b.id for b in buildings]


# --- partitioning (2.2.1) ---------------------------------------------------------------


def assert_partition_covers(
    buildings: Sequence[Building], partition: Any, *, policy: Policy = DEFAULT_POLICY
) -> None:
    """Check a :class:`~community_rules.partitioning.Partition` of ``buildings`` (2.2.1, I-1…I-3).

    - every building is in exactly one sub-area, and the sub-areas' households
      add up to the buildings' (``partition.households``);
    - each sub-area keeps its buildings in input order, holds buildings of
      one compound only (I-2), and the sub-areas stand in the order of their
      first buildings;
    - under the cap reading (``SubAreaRule.CAP``, I-1) a sub-area of more
      than ``Policy.sub_area_households`` households is a single building;
    - each sub-area's building groups are consecutive and cover it; a head
      cares for a lone building, or for ``building_head_min_buildings`` to
      ``building_head_max_buildings`` buildings (2–3 by default) — fewer only
      when the sub-area is too small to split that way — with the fewest
      heads, ``ceil(n / max)`` (I-3);
    - ``sub_area_heads`` is the number of sub-areas, ``building_heads`` the
      number of groups, and each sum of households is right.
    """
    items = list(buildings)
    position = {b.id: i for i, b in enumerate(items)}
    seen: dict[str, int] = {}
    low, high = policy.building_head_min_buildings, policy.building_head_max_buildings
    previous_first = -1
    groups_total = 0
    for k, area in enumerate(partition.sub_areas):
        members = list(area.buildings)
        if not members:
            _fail(f"sub-area {k} is empty")
        ids = _ids(members)
        for bid in ids:
            if bid not in position:
                _fail(f"sub-area {k} holds building {bid!r}, which is not among the buildings given")
            if bid in seen:
                _fail(f"building {bid!r} is in sub-areas {seen[bid]} and {k}; it must be in exactly one")
            seen[bid] = k
        places = [position[bid] for bid in ids]
        if places != sorted(places):
            _fail(f"sub-area {k} does not keep the input order of its buildings: {ids}")
        if places[0] < previous_first:
            _fail(f"sub-area {k} (first building {ids[0]!r}) stands before the sub-area ahead of it")
        previous_first = places[0]
        compounds = {b.compound for b in members}
        if len(compounds) != 1 or area.compound not in compounds:
            _fail(
                f"sub-area {k} mixes compounds {sorted(map(str, compounds))} (I-2: a compound stands apart)"
            )
        households = sum(b.households for b in members)
        if area.households != households:
            _fail(f"sub-area {k} reports {area.households} households; its buildings have {households}")
        if (
            policy.sub_area_rule is SubAreaRule.CAP
            and households > policy.sub_area_households
            and len(members) > 1
        ):
            _fail(
                f"sub-area {k} has {households} households in {len(members)} buildings, above the cap "
                f"of {policy.sub_area_households} (I-1: only a single building may exceed it)"
            )
        groups = list(area.groups)
        flat = [bid for group in groups for bid in _ids(group.buildings)]
        if flat != ids:
            _fail(f"the building groups of sub-area {k} ({flat}) do not cover its buildings {ids} in order")
        n = len(members)
        fewest = -(-n // high)
        if len(groups) != fewest:
            _fail(
                f"sub-area {k} of {n} buildings has {len(groups)} building heads; "
                f"the fewest for {high} buildings each is {fewest} (I-3)"
            )
        least = min(low, n // fewest)
        for g, group in enumerate(groups):
            size = len(group.buildings)
            if n > 1 and not least <= size <= high:
                _fail(
                    f"building head {g} of sub-area {k} cares for {size} building{'' if size == 1 else 's'}; "
                    f"each must care for {least}-{high} (2.2.1: 每2-3栋居民楼设楼长1名; I-3)"
                )
            if group.households != sum(b.households for b in group.buildings):
                _fail(f"building group {g} of sub-area {k} reports the wrong households")
        groups_total += len(groups)
    missing = [b.id for b in items if b.id not in seen]
    if missing:
        _fail(f"buildings {missing} are in no sub-area; every building must be in exactly one")
    total = sum(b.households for b in items)
    if partition.households != total:
        _fail(f"the partition reports {partition.households} households; the buildings have {total}")
    if partition.sub_area_heads != len(partition.sub_areas):
        _fail(
            f"sub_area_heads is {partition.sub_area_heads}, but there are {len(partition.sub_areas)} "
            "sub-areas (2.2.1: 每个小区设小区长1名)"
        )
    if partition.building_heads != groups_total:
        _fail(f"building_heads is {partition.building_heads}, but the sub-areas have {groups_total} groups")


# --- money (3.2, I-8, I-10) -------------------------------------------------------------


def assert_allocation_conserves(
    total: Decimal | int | str,
    shares: Sequence[Decimal],
    weights: Sequence[int | Decimal] | None = None,
    *,
    step: Decimal = FEN,
) -> None:
    """Check a split of ``total`` into ``shares`` (:func:`~community_rules.money.allocate`, I-8).

    The shares add up to ``total`` exactly and each is a whole number of
    ``step``; given the ``weights``, there is one share per weight, each
    within one ``step`` of its exact proportional value (so a larger weight
    never gets a share smaller by more than one ``step``).
    """
    amount = to_decimal(total, "total")
    parts = list(shares)
    added = sum(parts, Decimal(0))
    if added != amount:
        _fail(f"the shares add up to {added}, not to the total {amount} (a difference of {added - amount})")
    for i, share in enumerate(parts):
        if not isinstance(share, Decimal) or share % step != 0:
            _fail(f"share {i} ({share!r}) is not a whole number of {step}")
    if weights is None:
        return
    ws = [Fraction(to_decimal(w, f"weights[{i}]")) for i, w in enumerate(weights)]
    if len(ws) != len(parts):
        _fail(f"{len(parts)} shares for {len(ws)} weights")
    weight_sum = sum(ws, Fraction(0))
    unit = Fraction(step)
    for i, (w, share) in enumerate(zip(ws, parts, strict=True)):
        exact = Fraction(amount) * w / weight_sum
        if abs(Fraction(share) - exact) >= unit:
            _fail(
                f"share {i} is {share}; its exact proportional value is {float(exact):.6f}, a step or more away"
            )


def assert_split_conserves(monthly_pay: Decimal | int | str, split: Any) -> None:
    """Check a :class:`~community_rules.funding.PaySplit` of ``monthly_pay`` (3.2, I-10).

    ``base + performance == monthly_pay`` exactly, both parts are whole fen
    and neither is negative.
    """
    pay = to_decimal(monthly_pay, "monthly_pay")
    base, performance = split.base, split.performance
    for name, part in (("base", base), ("performance", performance)):
        if not _is_fen(part):
            _fail(f"the {name} part {part!r} is not an amount to the fen")
        if part < 0:
            _fail(f"the {name} part {part} is negative")
    if base + performance != pay:
        _fail(f"base {base} + performance {performance} = {base + performance}, not the monthly pay {pay}")


# --- staffing (3.1) -------------------------------------------------------------------


def assert_hiring_plan_consistent(plan: Any) -> None:
    """Check a :class:`~community_rules.staffing.HiringPlan` (3.1, I-4, I-5).

    ``shortfall == max(0, quota - current_staff)``,
    ``this_year + later == shortfall`` and neither part is negative.
    """
    expected = max(0, plan.quota - plan.current_staff)
    if plan.shortfall != expected:
        _fail(
            f"shortfall is {plan.shortfall}; quota {plan.quota} - staff {plan.current_staff} "
            f"gives {expected} (3.1: 缺额)"
        )
    if plan.this_year < 0 or plan.later < 0:
        _fail(f"this_year {plan.this_year} and later {plan.later} must not be negative")
    if plan.this_year + plan.later != plan.shortfall:
        _fail(f"this_year {plan.this_year} + later {plan.later} != shortfall {plan.shortfall}")


# --- budget (2.2.2, 3.2) ----------------------------------------------------------------


def _check_totals(where: str, totals: Any, lines: Sequence[Any], amounts: tuple[str, ...]) -> None:
    for name in amounts:
        known = [getattr(line, name) for line in lines if getattr(line, name) is not None]
        expected = sum(known, Decimal("0.00"))
        if getattr(totals, name) != expected:
            _fail(
                f"{where}: {name} is {getattr(totals, name)}; the communities' amounts add up to {expected}"
            )
    unknown = [(line.community, name) for line in lines for name in amounts if getattr(line, name) is None]
    if sorted(totals.unknown) != sorted(unknown):
        _fail(f"{where}: unknown lists {list(totals.unknown)}, but the unknown amounts are {unknown}")
    if totals.communities != len(lines):
        _fail(f"{where}: counts {totals.communities} communities, but has {len(lines)}")
    total = sum((getattr(totals, name) for name in amounts), Decimal("0.00"))
    if totals.total != total:
        _fail(f"{where}: total is {totals.total}; its amounts add up to {total}")


def assert_budget_conserves(budget: Any) -> None:
    """Check a :class:`~community_rules.budgeting.Budget` (2.2.2, 3.2): every total is the exact sum.

    - each community's amounts are whole fen; its total is the sum of its
      amounts (or None if one is unknown); its building-head allowance is its
      building heads times the year's allowance per head;
    - each office's totals are the exact sums of its communities' known
      amounts, and list exactly the unknown ones;
    - the district's totals are the exact sums over every community (and so
      over the offices).
    """
    amounts = AMOUNTS
    lines = []
    for office in budget.offices:
        for line in office.communities:
            values = [getattr(line, name) for name in amounts]
            for name, value in zip(amounts, values, strict=True):
                if value is not None and (not _is_fen(value) or value < 0):
                    _fail(
                        f"community {line.community!r}: {name} {value!r} is not a non-negative amount to the fen"
                    )
            expected = None if None in values else sum(values, Decimal("0.00"))
            if line.total != expected:
                _fail(f"community {line.community!r}: total is {line.total}; its amounts give {expected}")
            if line.building_heads is not None and line.building_head_allowance is not None:
                allowance = line.building_heads * budget.allowance_per_head
                if line.building_head_allowance != allowance:
                    _fail(
                        f"community {line.community!r}: allowance {line.building_head_allowance} is not "
                        f"{line.building_heads} heads × {budget.allowance_per_head} = {allowance}"
                    )
            lines.append(line)
        _check_totals(f"office {office.office!r}", office.totals, office.communities, amounts)
    _check_totals("district", budget.totals, lines, amounts)
    for name in amounts:
        by_office = sum((getattr(o.totals, name) for o in budget.offices), Decimal("0.00"))
        if getattr(budget.totals, name) != by_office:
            _fail(f"district: {name} is {getattr(budget.totals, name)}; the offices add up to {by_office}")


# --- space (3.3) --------------------------------------------------------------------------


def assert_space_progress_consistent(progress: Any) -> None:
    """Check a :class:`~community_rules.space.SpaceProgress` (3.3, I-14).

    ``0 <= compliant + unknown <= total``; ``needed == ceil(target × total)``;
    ``met`` exactly when ``compliant >= needed``; ``rate`` lies in 0..1 and
    never above the true share ``compliant / total``.
    """
    if not 0 <= progress.compliant + progress.unknown <= progress.total:
        _fail(f"compliant {progress.compliant} + unknown {progress.unknown} exceed total {progress.total}")
    target = Fraction(progress.target)
    needed = -((-target.numerator * progress.total) // target.denominator)
    if progress.needed != needed:
        _fail(f"needed is {progress.needed}; ceil({progress.target} × {progress.total}) is {needed}")
    if progress.met != (progress.compliant >= needed):
        _fail(f"met is {progress.met} with {progress.compliant} compliant of {needed} needed")
    true_share = Fraction(progress.compliant, progress.total) if progress.total else Fraction(1)
    if not 0 <= progress.rate <= 1 or Fraction(progress.rate) > true_share:
        _fail(f"rate {progress.rate} is not within 0..{progress.compliant}/{progress.total}")


# --- documents and findings ------------------------------------------------------------------


def assert_round_trip(district: District) -> None:
    """Check that ``district`` survives writing and reading back (SPEC §3, §5).

    ``load_district(dump_district(d)) == d``; the same through JSON text
    (numbers as strings, read back with ``parse_float=Decimal``); and dumping
    again gives the same mapping.
    """
    data = dump_district(district)
    again = load_district(data)
    if again != district:
        _fail(f"load_district(dump_district(d)) != d for district {district.id!r}")
    if dump_district(again) != data:
        _fail(f"dumping district {district.id!r} again gives a different mapping")
    text = to_json(data)
    if load_district(json.loads(text, parse_float=Decimal)) != district:
        _fail(f"district {district.id!r} does not survive its JSON text")
    if load_district(text.encode("utf-8")) != district:
        _fail(f"district {district.id!r} does not survive being read from JSON bytes")


_PLAIN = (int, Decimal, str, bool, type(None))


def assert_findings_well_formed(findings: Iterable[Finding]) -> None:
    """Check the findings of a check (SPEC §3 "Compliance").

    Each finding names a rule id of the form ``"<module>.<name>"`` and a
    clause of the opinion's clause table, has a :class:`~community_rules.enums.Status` and a
    :class:`~community_rules.enums.Modality`, messages in English and Chinese, and plain values
    (int, Decimal, str, bool or None) in ``required``, ``actual``, ``gap``
    and ``inputs``; money and other Decimals are finite.
    """
    for i, f in enumerate(findings):
        where = f"finding {i} ({getattr(f, 'rule', '?')!r}, community {getattr(f, 'community', None)!r})"
        if not isinstance(f, Finding):
            _fail(f"{where} is a {type(f).__name__}, not a Finding")
        module, dot, name = f.rule.partition(".")
        if not (module and dot and name):
            _fail(f"{where}: the rule id is not of the form '<module>.<name>'")
        try:
            _clause(f.clause)
        except Error:
            _fail(f"{where}: clause {f.clause!r} is not in the opinion's clause table")
        if not isinstance(f.status, Status) or not isinstance(f.modality, Modality):
            _fail(f"{where}: status {f.status!r} and modality {f.modality!r} must be Status and Modality")
        if not f.message_en or not f.message_zh:
            _fail(f"{where}: a message in both English and Chinese is required")
        values = [("required", f.required), ("actual", f.actual), ("gap", f.gap)]
        values += [(f"inputs[{name!r}]", value) for name, value in f.inputs]
        for label, value in values:
            if not isinstance(value, _PLAIN):
                _fail(f"{where}: {label} is a {type(value).__name__}, not a plain value")
            if isinstance(value, Decimal) and not value.is_finite():
                _fail(f"{where}: {label} is {value}")
