"""The opinion's arithmetic over many communities at once, exactly, with numpy (optional).

A ministry-level user checks all of the country's urban residents' committees
(社区居委会) — some 120,000 — in one go. The rules that are plain arithmetic
have a *columnar* form here: one numpy array per input, one row per
community, arrays out, each row **equal** to what the scalar function of the
rule module returns for that community (a property test checks every row):

- :func:`staff_quota` — :func:`.staffing.staff_quota` (3.1, I-4);
- :func:`hiring_plan` — :func:`.staffing.hiring_plan` (3.1, I-4, I-5);
- :func:`office_funds_minimum` — :func:`.funding.office_funds_minimum` (3.2, I-6, I-8);
- :func:`welfare_funds_minimum` — :func:`.funding.welfare_funds_minimum` (3.2, I-7, I-8),
  and :func:`welfare_funds_required`, the minimum rule ``funding.welfare_funds``
  checks against (of the office funds granted, or of the minimum: I-7);
- :func:`required_space`, :func:`space_meets`, :func:`space_gap` —
  :func:`.space.required_space_m2` and :func:`.space.space_gap_m2` (3.3, I-12);
- :func:`building_head_count` — :func:`.partitioning.building_head_count` (2.2.1, I-3);
- :func:`partition_counts` — the ``sub_area_heads`` and ``building_heads`` of
  :func:`.partitioning.partition` (2.2.1, I-1, I-2, I-3).

The opinion's words are the scalar modules': 原则上按照每300户配备1人 (quota),
今年可按缺额人数的70%录用 (hiring), 每千户每年不少于1万元 (office funds),
不少于居委会办公经费80% (welfare fund), 150平方米以上 / 不少于300平方米 (space),
原则上每500户为一小区 and 每2-3栋居民楼设楼长1名 (sub-areas, building heads).

**Exact, never float.** Counts are ``int64``. Money is ``int64`` **fen**
(分, 0.01 yuan), areas ``int64`` hundredths of a square metre
(:data:`~community_rules.space.AREA_STEP`): OpenFisca computes such money in
``float32``; here a rate such as ``Policy.hiring_share_this_year`` is taken as
the exact ratio of two integers (``Decimal.as_integer_ratio``) and every
division rounds once, as the scalar function names it — up (``ROUND_CEILING``)
for a minimum, half up for the hiring share (I-5's default), as the Policy
switch says. When a product could overflow ``int64`` (an odd policy with
many decimals), the rows are computed with Python integers instead — slower,
still exact; a result that does not fit ``int64`` is refused, never wrapped.

**Every number from** :class:`~community_rules.policy.Policy`, the switches
of I-4, I-5, I-6, I-7 and I-12 and the sub-area readings (I-1, I-2, I-3,
``keep_residents_groups``) honoured exactly as the scalar functions honour
them.

**Bad input** is refused as the scalar functions refuse it, naming the row:
a negative count, a count above 10⁹, a float or bool array
(:class:`~community_rules.errors.InvalidType`). Unknown values have no place
in an ``int64`` array: select the known rows first (:class:`CommunityColumns`
keeps a ``*_known`` mask beside each column).

**Sub-areas and building heads** (:func:`partition_counts`) take the
buildings of all communities as one ragged array — ``offsets`` (one more
than the communities) and ``households`` (one per building, community after
community, in street order), with optional ``compounds`` and
``residents_groups`` codes — and return, per community, the number of
sub-areas (= sub-area heads) and of building heads of the optimal partition
of :func:`~community_rules.partitioning.partition`. The optimal cut is
computed for all runs of buildings at once: the fewest sub-areas by a greedy
fill, the balanced bound by a binary search whose every step is a greedy
fill, the cut itself front to back — each step a vectorised binary search
within every run at once, never a Python loop over communities (about
0.5 µs per building).

numpy is an optional dependency (``pip install community_rules[columnar]``);
``import community_rules`` never imports it.

>>> import numpy as np
>>> staff_quota(np.array([0, 300, 301, 1150])).tolist()
[0, 1, 2, 4]
>>> plan = hiring_plan([1150, 1150], [0, 6])
>>> plan.this_year.tolist(), plan.later.tolist()
([3, 0], [1, 0])
>>> office_funds_minimum([2400, 1]).tolist()  # fen: 24,000.00 and 10.00 yuan
[2400000, 1000]
>>> from_fen(welfare_funds_minimum(to_fen(["333.33"])))  # 266.664 rounded up
(Decimal('266.67'),)
>>> counts = partition_counts([0, 5, 6], [300, 150, 100, 250, 180, 620])
>>> counts.sub_area_heads.tolist(), counts.building_heads.tolist()
([3, 1], [3, 1])
>>> staff_quota([120, -1])
Traceback (most recent call last):
...
community_rules.errors.InvalidValue: households[1]: -1 is negative ...
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from decimal import ROUND_CEILING, ROUND_FLOOR, ROUND_HALF_UP, Decimal
from typing import Any

import attrs

try:
    import numpy as np
    import numpy.typing as npt
except ImportError as exc:  # pragma: no cover - exercised only without numpy
    raise ImportError(
        "community_rules.columnar needs numpy, an optional dependency: pip install community_rules[columnar]"
    ) from exc

from ._fields import MAX_COUNT
from .enums import CommunityKind
from .errors import InvalidType, InvalidValue
from .funding import _THOUSAND
from .model import Community
from .money import FEN, MAX_AMOUNT, to_decimal, to_money
from .policy import (
    DEFAULT_POLICY,
    HiringRounding,
    OfficeFundsRule,
    Policy,
    StaffQuotaRounding,
    SubAreaRule,
    WelfareBase,
)
from .space import AREA_STEP

__all__ = [
    "CommunityColumns",
    "HiringColumns",
    "PartitionCounts",
    "building_head_count",
    "from_area",
    "from_fen",
    "hiring_plan",
    "office_funds_minimum",
    "partition_counts",
    "required_space",
    "space_gap",
    "space_meets",
    "staff_quota",
    "to_area",
    "to_fen",
    "welfare_funds_minimum",
    "welfare_funds_required",
]

#: An array of int64 (counts, fen, hundredths of a square metre).
Ints = npt.NDArray[np.int64]
#: An array of bools.
Bools = npt.NDArray[np.bool_]

_INT64_MAX = int(np.iinfo(np.int64).max)
#: Fen per yuan and hundredths of a square metre per square metre, as exact ratios.
_FEN_PER_YUAN = 1 / FEN
_UNITS_PER_M2 = 1 / AREA_STEP
_MAX_FEN = int(MAX_AMOUNT * _FEN_PER_YUAN)
_HIRING_ROUNDING = {
    HiringRounding.HALF_UP: ROUND_HALF_UP,
    HiringRounding.FLOOR: ROUND_FLOOR,
    HiringRounding.CEILING: ROUND_CEILING,
}


# --- input checks ------------------------------------------------------------------------


def _array(values: object, name: str) -> npt.NDArray[Any]:
    """``np.asarray(values)``, or the library's error naming ``name`` when numpy cannot make one."""
    if isinstance(values, (str, bytes, bytearray, dict, set, frozenset)) or values is None:
        raise InvalidType(
            name,
            values,
            f"is a {type(values).__name__}; expected an array or a sequence",
            f"类型为 {type(values).__name__}；应为数组或序列",
        )
    try:
        return np.asarray(values)
    except (ValueError, TypeError, RecursionError, OverflowError):  # ragged, nested or exotic input
        raise InvalidType(
            name,
            f"<{type(values).__name__}>",
            "cannot be read as a one-dimensional array",
            "无法读作一维数组",
        ) from None


def _check_policy(policy: object) -> Policy:
    if not isinstance(policy, Policy):
        raise InvalidType(
            "policy",
            policy,
            f"is a {type(policy).__name__}; expected a Policy",
            f"类型为 {type(policy).__name__}；应为 Policy",
        )
    return policy


def _listed(values: object, name: str) -> list[Any]:
    """An iterable's items as a list, or the library's error naming ``name``."""
    if isinstance(values, Iterable) and not isinstance(values, (str, bytes, bytearray, dict)):
        return list(values)
    raise InvalidType(
        name,
        values,
        f"is a {type(values).__name__}; expected a sequence",
        f"类型为 {type(values).__name__}；应为序列",
    )


def _ints(values: object, name: str, *, high: int) -> Ints:
    """``values`` as a one-dimensional int64 array of whole numbers in ``0..high``, or raise naming the row."""
    array = _array(values, name)
    if array.ndim != 1:
        raise InvalidType(
            name,
            f"<array of shape {array.shape}>",
            "must be a one-dimensional array (one row per item)",
            "必须是一维数组（每行一项）",
        )
    if array.size == 0:
        return np.zeros(0, dtype=np.int64)
    if array.dtype.kind not in "iu":
        i = 0
        if array.dtype.kind == "O":  # Python objects: name the first that is not an int
            i = next((k for k, v in enumerate(array) if isinstance(v, bool) or not isinstance(v, int)), 0)
        value = array[i].item() if hasattr(array[i], "item") else array[i]
        raise InvalidType(
            f"{name}[{i}]",
            value,
            f"is of type {type(value).__name__} (array dtype {array.dtype}); expected integers",
            f"类型为 {type(value).__name__}（数组类型 {array.dtype}）；应为整数",
        )
    if array.dtype.kind == "u" and int(array.max()) > _INT64_MAX:
        i = int(np.argmax(array))
        raise InvalidValue(
            f"{name}[{i}]", int(array[i]), f"is too large (limit {high:,})", f"过大（上限 {high:,}）"
        )
    array = array.astype(np.int64, copy=False)
    bad = np.flatnonzero((array < 0) | (array > high))
    if bad.size:
        i = int(bad[0])
        value = int(array[i])
        if value < 0:
            raise InvalidValue(f"{name}[{i}]", value, "is negative", "为负数")
        raise InvalidValue(f"{name}[{i}]", value, f"is too large (limit {high:,})", f"过大（上限 {high:,}）")
    return array


def _counts(values: object, name: str) -> Ints:
    """Counts (households, staff, buildings), as :func:`~community_rules._fields.check_count` takes them."""
    return _ints(values, name, high=MAX_COUNT)


def _same_length(*named: tuple[str, npt.NDArray[Any]]) -> None:
    first_name, first = named[0]
    for name, array in named[1:]:
        if array.shape != first.shape:
            raise InvalidValue(
                name,
                f"<{array.size} rows>",
                f"has {array.size} rows, {first_name} has {first.size}",
                f"有 {array.size} 行，{first_name} 有 {first.size} 行",
            )


def _ratio(value: Decimal) -> tuple[int, int]:
    """A non-negative Policy number as an exact ratio of ints (numerator, denominator)."""
    return value.as_integer_ratio()


def _muldiv(values: Ints, numerator: int, denominator: int, rounding: str) -> Ints:
    """``values × numerator ÷ denominator`` rounded to an int as ``rounding`` names it (values ≥ 0).

    The one place this module multiplies and divides: in int64 when the
    largest product provably fits, else with exact Python ints.
    """
    common = math.gcd(numerator, denominator)
    numerator, denominator = numerator // common, denominator // common
    largest = int(values.max()) if values.size else 0
    if 2 * (largest * numerator + denominator) <= _INT64_MAX:
        product = values * numerator
        if rounding == ROUND_CEILING:
            result: Ints = -(-product // denominator)
        elif rounding == ROUND_FLOOR:
            result = product // denominator
        else:  # ROUND_HALF_UP, for non-negative values: floor(x + 1/2)
            result = (2 * product + denominator) // (2 * denominator)
        return result
    # Exact Python ints, row by row (only for odd policies whose ratios have huge terms).
    rows = []
    for value in values.tolist():
        product = value * numerator
        if rounding == ROUND_CEILING:
            rows.append(-(-product // denominator))
        elif rounding == ROUND_FLOOR:
            rows.append(product // denominator)
        else:
            rows.append((2 * product + denominator) // (2 * denominator))
    if rows and max(rows) > _INT64_MAX:
        i = max(range(len(rows)), key=rows.__getitem__)
        raise InvalidValue(
            f"result[{i}]",
            rows[i],
            "does not fit a 64-bit integer; use the scalar function for this row",
            "超出 64 位整数范围；请对该行使用标量函数",
        )
    return np.array(rows, dtype=np.int64)


# --- staffing (3.1) ------------------------------------------------------------------------


def staff_quota(households: object, *, policy: Policy = DEFAULT_POLICY) -> Ints:
    """Committee staff per community (3.1 每300户配备1人, I-4): :func:`.staffing.staff_quota` per row.

    >>> import attrs
    >>> from community_rules.policy import StaffQuotaRounding
    >>> half_up = attrs.evolve(DEFAULT_POLICY, staff_quota_rounding=StaffQuotaRounding.HALF_UP)
    >>> staff_quota([449, 450], policy=half_up).tolist()
    [1, 2]
    """
    _check_policy(policy)
    rows = _counts(households, "households")
    per = policy.households_per_staff
    if policy.staff_quota_rounding is StaffQuotaRounding.CEILING:
        return _muldiv(rows, 1, per, ROUND_CEILING)
    return _muldiv(rows, 1, per, ROUND_HALF_UP)


@attrs.frozen(eq=False)
class HiringColumns:
    """This year's hiring per community (3.1, I-4, I-5), the columns of :class:`.staffing.HiringPlan`.

    ``this_year + later == shortfall`` on every row.
    """

    quota: Ints
    shortfall: Ints
    this_year: Ints
    later: Ints
    clauses: tuple[str, ...] = ("3.1",)
    interpretations: tuple[str, ...] = ("I-4", "I-5", "I-13")


def hiring_plan(
    households: object, current_staff: object, *, policy: Policy = DEFAULT_POLICY
) -> HiringColumns:
    """:func:`.staffing.hiring_plan` per row: quota, shortfall, this year (70 %, I-5) and later.

    >>> hiring_plan([1150], [1]).this_year.tolist()  # shortfall 3: 0.7 × 3 = 2.1 → 2
    [2]
    """
    _check_policy(policy)
    quota = staff_quota(households, policy=policy)
    staff = _counts(current_staff, "current_staff")
    _same_length(("households", quota), ("current_staff", staff))
    shortfall = np.maximum(quota - staff, 0)
    num, den = _ratio(policy.hiring_share_this_year)
    this_year = _muldiv(shortfall, num, den, _HIRING_ROUNDING[policy.hiring_rounding])
    return HiringColumns(quota, shortfall, this_year, shortfall - this_year)


# --- funds (3.2) ---------------------------------------------------------------------------


def office_funds_minimum(households: object, *, policy: Policy = DEFAULT_POLICY) -> Ints:
    """Minimum yearly office funds in fen (3.2 每千户每年不少于1万元, I-6), rounded up to the fen.

    :func:`.funding.office_funds_minimum` per row, × 100.

    >>> import attrs
    >>> per = attrs.evolve(DEFAULT_POLICY, office_funds_rule=OfficeFundsRule.PER_STARTED_THOUSAND)
    >>> office_funds_minimum([2400], policy=per).tolist()  # 3 started thousands: 30,000.00 yuan
    [3000000]
    """
    _check_policy(policy)
    rows = _counts(households, "households")
    rate_num, rate_den = _ratio(policy.office_funds_per_thousand * _FEN_PER_YUAN)
    if policy.office_funds_rule is OfficeFundsRule.PRO_RATA:
        return _muldiv(rows, rate_num, rate_den * _THOUSAND, ROUND_CEILING)
    thousands = _muldiv(rows, 1, _THOUSAND, ROUND_CEILING)
    return _muldiv(thousands, rate_num, rate_den, ROUND_CEILING)


def welfare_funds_minimum(office_funds: object, *, policy: Policy = DEFAULT_POLICY) -> Ints:
    """Minimum public-welfare fund in fen for office funds in fen (3.2 不少于…80%, I-7), rounded up.

    :func:`.funding.welfare_funds_minimum` per row (both in fen).

    >>> welfare_funds_minimum([2400000]).tolist()
    [1920000]
    """
    _check_policy(policy)
    rows = _ints(office_funds, "office_funds", high=_MAX_FEN - 1)
    num, den = _ratio(policy.welfare_share)
    return _muldiv(rows, num, den, ROUND_CEILING)


def welfare_funds_required(
    households: object,
    office_funds: object | None = None,
    *,
    office_funds_known: object | None = None,
    policy: Policy = DEFAULT_POLICY,
) -> Ints:
    """The welfare-fund minimum ``funding.welfare_funds`` checks against, in fen (3.2, I-7).

    By I-7's default reading (``WelfareBase.GRANTED``) 80 % of the office
    funds granted where they are known, else of the minimum office funds
    (I-6); by ``WelfareBase.MINIMUM`` always of the minimum. ``office_funds``
    (fen) may be left out (none known); ``office_funds_known`` marks the rows
    whose granted funds are known (default: all, when ``office_funds`` is given).

    >>> welfare_funds_required([2400, 2400], [1000000, 0], office_funds_known=[True, False]).tolist()
    [800000, 1920000]
    """
    _check_policy(policy)
    minimum = office_funds_minimum(households, policy=policy)
    base = minimum
    if office_funds is not None and policy.welfare_base is WelfareBase.GRANTED:
        granted = _ints(office_funds, "office_funds", high=_MAX_FEN - 1)
        _same_length(("households", minimum), ("office_funds", granted))
        if office_funds_known is None:
            base = granted
        else:
            known = _bools(office_funds_known, "office_funds_known")
            _same_length(("households", minimum), ("office_funds_known", known))
            base = np.where(known, granted, minimum)
    return welfare_funds_minimum(base, policy=policy)


# --- space (3.3) ---------------------------------------------------------------------------


def _bools(values: object, name: str) -> Bools:
    array = _array(values, name)
    if array.ndim != 1 or (array.size and array.dtype.kind != "b"):
        raise InvalidType(
            name,
            f"<array of dtype {array.dtype}>",
            "must be a one-dimensional array of booleans",
            "必须是一维布尔数组",
        )
    return array.astype(np.bool_, copy=False)


def _area_ratio(policy: Policy, field: str) -> tuple[int, int]:
    """A Policy area in hundredths of a square metre, as an exact ratio."""
    area: Decimal = getattr(policy, field)
    return (area * _UNITS_PER_M2).as_integer_ratio()


def required_space(is_new: object, *, policy: Policy = DEFAULT_POLICY) -> Ints:
    """The minimum office and service space per community, in hundredths of a m² (3.3).

    ``is_new`` is True for a newly built community's committee
    (``Policy.new_space_m2``, 不少于300平方米), False for an old-town one
    (``Policy.old_town_space_m2``, 150平方米以上). A standard finer than 0.01 m²
    cannot be a whole number of units and is refused (:func:`space_meets`
    still compares it exactly).

    >>> required_space([False, True]).tolist()
    [15000, 30000]
    """
    _check_policy(policy)
    new = _bools(is_new, "is_new")
    units = []
    for field in ("old_town_space_m2", "new_space_m2"):
        num, den = _area_ratio(policy, field)
        if den != 1:
            raise InvalidValue(
                f"policy.{field}",
                getattr(policy, field),
                f"is not a whole number of {AREA_STEP} m²",
                f"不是 {AREA_STEP} 平方米的整数倍",
            )
        units.append(num)
    return np.where(new, units[1], units[0]).astype(np.int64)


def space_meets(office_space: object, is_new: object, *, policy: Policy = DEFAULT_POLICY) -> Bools:
    """Whether each committee's space (hundredths of a m²) meets its standard (3.3, I-12).

    Inclusive by default (以上 includes the number itself), exclusive with
    ``Policy.space_threshold_inclusive`` False — compared exactly, whatever
    the standard's decimals.

    >>> space_meets([15000, 14999, 30000], [False, False, True]).tolist()
    [True, False, True]
    """
    _check_policy(policy)
    space = _ints(office_space, "office_space_m2", high=_MAX_FEN - 1)
    new = _bools(is_new, "is_new")
    _same_length(("office_space_m2", space), ("is_new", new))
    # For a whole number of units a: a >= q  <=>  a >= ceil(q), and a > q  <=>  a > floor(q), exactly.
    inclusive = policy.space_threshold_inclusive
    thresholds = []
    for field in ("old_town_space_m2", "new_space_m2"):
        num, den = _area_ratio(policy, field)
        thresholds.append(-(-num // den) if inclusive else num // den)
    threshold = np.where(new, thresholds[1], thresholds[0])
    result: Bools = space >= threshold if inclusive else space > threshold
    return result


def space_gap(office_space: object, is_new: object, *, policy: Policy = DEFAULT_POLICY) -> Ints:
    """What each committee lacks to meet its standard, in hundredths of a m² (0 when met; 3.3, I-12).

    :func:`.space.space_gap_m2` per row: ``required − actual`` under the
    inclusive reading; one :data:`~community_rules.space.AREA_STEP` more under
    the exclusive one.

    >>> space_gap([12000, 15000], [False, False]).tolist()
    [3000, 0]
    """
    _check_policy(policy)
    required = required_space(is_new, policy=policy)
    space = _ints(office_space, "office_space_m2", high=_MAX_FEN - 1)
    _same_length(("office_space_m2", space), ("is_new", required))
    meets = space_meets(space, is_new, policy=policy)
    extra = 0 if policy.space_threshold_inclusive else 1
    return np.where(meets, 0, required - space + extra).astype(np.int64)


# --- sub-areas and building heads (2.2.1) ------------------------------------------------------


def building_head_count(n_buildings: object, *, policy: Policy = DEFAULT_POLICY) -> Ints:
    """:func:`.partitioning.building_head_count` per row: building heads of one sub-area (I-3).

    >>> building_head_count(range(8)).tolist()
    [0, 1, 1, 1, 2, 2, 2, 3]
    """
    _check_policy(policy)
    rows = _counts(n_buildings, "n_buildings")
    return _muldiv(rows, 1, policy.building_head_max_buildings, ROUND_CEILING)


@attrs.frozen(eq=False)
class PartitionCounts:
    """Per community, the sub-areas (= sub-area heads) and building heads of the optimal partition (2.2.1)."""

    sub_area_heads: Ints
    building_heads: Ints
    clauses: tuple[str, ...] = ("2.2.1",)
    interpretations: tuple[str, ...] = ("I-1", "I-2", "I-3")


def _codes(values: object | None, name: str, size: int) -> Ints | None:
    """Optional per-building codes (compounds, residents' groups): -1 for none, else any int ≥ 0."""
    if values is None:
        return None
    array = _array(values, name)
    if array.ndim != 1 or (array.size and array.dtype.kind not in "iu"):
        raise InvalidType(
            name,
            f"<array of dtype {array.dtype}>",
            "must be a one-dimensional array of integer codes (-1: none)",
            "必须是一维整数编码数组（-1 表示无）",
        )
    array = array.astype(np.int64, copy=False)
    if array.size != size:
        raise InvalidValue(
            name,
            f"<{array.size} rows>",
            f"has {array.size} rows for {size} buildings",
            f"有 {array.size} 行，楼栋为 {size} 栋",
        )
    bad = np.flatnonzero(array < -1)
    if bad.size:
        i = int(bad[0])
        raise InvalidValue(
            f"{name}[{i}]", int(array[i]), "is below -1 (-1 means none)", "小于 -1（-1 表示无）"
        )
    return array


def _offsets(offsets: object, size: int) -> Ints:
    array = _ints(offsets, "offsets", high=_INT64_MAX)
    if array.size == 0 or array[0] != 0 or array[-1] != size:
        raise InvalidValue(
            "offsets",
            f"<{array.size} offsets>",
            f"must start at 0 and end at the number of buildings ({size})",
            f"必须从 0 开始，到楼栋总数（{size}）结束",
        )
    steps = np.diff(array)
    bad = np.flatnonzero(steps < 0)
    if bad.size:
        i = int(bad[0]) + 1
        raise InvalidValue(
            f"offsets[{i}]", int(array[i]), "is less than the offset before it", "小于前一个偏移量"
        )
    return array


def _reach(prefix: Ints, low: Ints, high: Ints, target: Ints) -> Ints:
    """The last ``j`` in ``low..high`` with ``prefix[j] <= target``, per row (``prefix[low] <= target``).

    ``searchsorted(prefix, target, side="right") - 1`` capped at ``high``, but a
    binary search within each row's own window — a run is short, the whole
    prefix long — so each step gathers one element per row.
    """
    result: Ints = low.copy()
    rows = np.flatnonzero(low < high)
    lo, hi, goal = low[rows], high[rows], target[rows]
    while rows.size:
        middle = (lo + hi + 1) // 2
        fits = prefix[middle] <= goal
        lo = np.where(fits, middle, lo)
        hi = np.where(fits, hi, middle - 1)
        done = lo >= hi
        if done.any():
            result[rows[done]] = lo[done]
            more = ~done
            rows, lo, hi, goal = rows[more], lo[more], hi[more], goal[more]
    return result


def _greedy_ends(prefix: Ints, starts: Ints, ends: Ints, bound: Ints, limit: Ints | None) -> Ints:
    """The fewest parts of at most ``bound`` per run (greedy fill), counting no further than ``limit + 1``.

    Run ``r`` spans ``prefix[starts[r]]..prefix[ends[r]]`` (the running sums of
    all elements); every element of a run is at most its bound. The vectorised
    ``partitioning._fewest``: each round moves every unfinished run's start to
    the furthest end its bound reaches.
    """
    count = np.zeros(starts.shape, dtype=np.int64)
    start = starts.copy()
    active = np.flatnonzero(start < ends)
    while active.size:
        before = start[active]
        after = _reach(prefix, before, ends[active], prefix[before] + bound[active])
        if not (after > before).all():  # every element is within its bound, so a fill always moves on
            raise AssertionError("columnar._greedy_ends: an element exceeds its run's bound")
        start[active] = after
        count[active] += 1
        keep = start[active] < ends[active]
        if limit is not None:
            keep &= count[active] <= limit[active]
        active = active[keep]
    return count


def _cut_sizes(
    prefix: Ints,
    buildings_prefix: Ints,
    starts: Ints,
    ends: Ints,
    maxima: Ints,
    parts: Ints,
    cap: int,
    nearest: bool,
) -> tuple[Ints, Ints]:
    """The balanced cut of each run into ``parts`` (> 1) parts: each part's run and its number of buildings.

    The vectorised ``partitioning._cut``: the smallest bound with which
    ``parts`` parts suffice (binary search, each step a greedy fill), then the
    parts front to back, each as long as the bound allows while leaving one
    element at least for each part still to come.
    """
    totals = prefix[ends] - prefix[starts]
    high = totals.copy() if nearest else np.full(starts.shape, cap, dtype=np.int64)
    low = np.maximum(maxima, -(-totals // parts))
    searching = np.flatnonzero(low < high)
    while searching.size:
        middle = (low[searching] + high[searching]) // 2
        fewest = _greedy_ends(prefix, starts[searching], ends[searching], middle, parts[searching])
        fits = fewest <= parts[searching]
        high[searching[fits]] = middle[fits]
        low[searching[~fits]] = middle[~fits] + 1
        searching = searching[low[searching] < high[searching]]
    runs: list[Ints] = []
    sizes: list[Ints] = []
    start = starts.copy()
    for k in range(int(parts.max())):
        rows = np.flatnonzero(parts > k)
        later = parts[rows] - 1 - k
        end = _reach(prefix, start[rows], ends[rows] - later, prefix[start[rows]] + low[rows])
        sizes.append(buildings_prefix[end] - buildings_prefix[start[rows]])
        runs.append(rows)
        start[rows] = end
    return np.concatenate(runs), np.concatenate(sizes)


def partition_counts(
    offsets: object,
    households: object,
    *,
    compounds: object | None = None,
    residents_groups: object | None = None,
    policy: Policy = DEFAULT_POLICY,
) -> PartitionCounts:
    """Sub-area heads and building heads per community, as :func:`.partitioning.partition` counts them.

    The buildings of community ``c`` are ``households[offsets[c]:offsets[c + 1]]``
    in street order. ``compounds`` gives each building's gated compound
    (封闭小区) as an integer code, -1 for an ordinary building; equal codes
    within one community are one compound (I-2). ``residents_groups`` codes
    the residents' groups (居民小组) the same way; they matter only with
    ``Policy.keep_residents_groups``. Exactly the counts of the scalar
    partition: ``PartitionCounts.sub_area_heads[c] ==
    partition(community c).sub_area_heads`` and likewise ``building_heads``,
    under any policy (I-1 cap or nearest, I-2, I-3 spans, groups kept whole
    or not).

    >>> c = partition_counts([0, 4], [120, 130, 110, 90], compounds=[7, 7, -1, -1])
    >>> c.sub_area_heads.tolist(), c.building_heads.tolist()
    ([2], [2])
    """
    _check_policy(policy)
    weights = _counts(households, "households")
    bounds = _offsets(offsets, weights.size)
    n_communities = bounds.size - 1
    compound = _codes(compounds, "compounds", weights.size)
    group = (
        _codes(residents_groups, "residents_groups", weights.size) if policy.keep_residents_groups else None
    )
    cap = policy.sub_area_households
    high_span = policy.building_head_max_buildings
    nearest = policy.sub_area_rule is SubAreaRule.NEAREST
    sub_areas = np.zeros(n_communities, dtype=np.int64)
    heads = np.zeros(n_communities, dtype=np.int64)
    if weights.size == 0:
        return PartitionCounts(sub_areas, heads)
    community = np.repeat(np.arange(n_communities, dtype=np.int64), np.diff(bounds))
    position = np.arange(weights.size, dtype=np.int64) - bounds[community]
    pool = compound if compound is not None else np.full(weights.size, -1, dtype=np.int64)

    # Elements: a building, or (groups kept whole) a residents' group of a pool standing where
    # its first building stands (partitioning._blocks); a group over the cap is replaced by its
    # buildings, which form runs of their own (a LARGE_RESIDENTS_GROUP).
    if group is not None and (group >= 0).any():
        key = np.where(group >= 0, group, -2 - position)  # a building without a group: its own block
        order = np.lexsort((position, key, pool, community))
        c_o, p_o, k_o = community[order], pool[order], key[order]
        new_block = np.ones(order.size, dtype=np.bool_)
        new_block[1:] = (c_o[1:] != c_o[:-1]) | (p_o[1:] != p_o[:-1]) | (k_o[1:] != k_o[:-1])
        first = np.flatnonzero(new_block)  # each block's first building in `order`
        block_weight = np.add.reduceat(weights[order], first)
        block_size = np.diff(np.append(first, order.size))
        block_community, block_pool = c_o[first], p_o[first]
        atoms = np.lexsort((position[order][first], block_pool, block_community))  # street order per pool
        expand = (block_weight > cap) & (block_size > 1)
        repeat = np.where(expand[atoms], block_size[atoms], 1)
        atom = np.repeat(atoms, repeat)
        inner = np.arange(atom.size, dtype=np.int64) - np.repeat(np.cumsum(repeat) - repeat, repeat)
        expanded = expand[atom]
        w = np.where(expanded, weights[order[first[atom] + inner]], block_weight[atom])
        n = np.where(expanded, 1, block_size[atom])
        segment = np.where(expanded, atom, -1)
        e_community, e_pool = block_community[atom], block_pool[atom]
    else:
        order = None
        if compound is not None:  # each compound a pool of its own (I-2), street order kept within
            order = np.lexsort((position, pool, community))
        w = weights if order is None else weights[order]
        n = np.ones(weights.size, dtype=np.int64)
        segment = np.full(weights.size, -1, dtype=np.int64)
        e_community = community if order is None else community[order]
        e_pool = pool if order is None else pool[order]

    # Runs: maximal stretches of elements within the cap, within one pool (and one oversized
    # group); an element over the cap is a sub-area of its own (LARGE_BUILDING).
    over = w > cap
    boundary = np.ones(w.size, dtype=np.bool_)
    boundary[1:] = (
        (e_community[1:] != e_community[:-1])
        | (e_pool[1:] != e_pool[:-1])
        | (segment[1:] != segment[:-1])
        | over[1:]
        | over[:-1]
    )
    run_start = np.flatnonzero(boundary)
    run_end = np.append(run_start[1:], w.size)
    run_community = e_community[run_start]
    prefix = np.zeros(w.size + 1, dtype=np.int64)
    np.cumsum(w, out=prefix[1:])
    buildings_prefix = np.zeros(w.size + 1, dtype=np.int64)
    np.cumsum(n, out=buildings_prefix[1:])
    totals = prefix[run_end] - prefix[run_start]
    sizes = buildings_prefix[run_end] - buildings_prefix[run_start]
    large = over[run_start]
    # How many sub-areas each run forms (I-1: the fewest within the cap, or the nearest number).
    if nearest:
        parts = np.maximum(1, (2 * totals + cap) // (2 * cap))
    else:
        parts = np.ones(run_start.size, dtype=np.int64)
        several = np.flatnonzero((totals > cap) & ~large)
        if several.size:
            bound = np.full(several.size, cap, dtype=np.int64)
            parts[several] = _greedy_ends(prefix, run_start[several], run_end[several], bound, None)
    parts[large] = 1
    # Sub-areas of one part hold the whole run; the others come from the balanced cut.
    whole = np.flatnonzero(parts == 1)
    np.add.at(sub_areas, run_community[whole], 1)
    np.add.at(heads, run_community[whole], -(-sizes[whole] // high_span))
    cut = np.flatnonzero(parts > 1)
    if cut.size:
        maxima = np.maximum.reduceat(w, run_start)[cut]
        rows, part_sizes = _cut_sizes(
            prefix, buildings_prefix, run_start[cut], run_end[cut], maxima, parts[cut], cap, nearest
        )
        owners = run_community[cut][rows]
        np.add.at(sub_areas, owners, 1)
        np.add.at(heads, owners, -(-part_sizes // high_span))
    return PartitionCounts(sub_areas, heads)


# --- money and areas in and out --------------------------------------------------------------


def to_fen(amounts: Iterable[Decimal | int | str]) -> Ints:
    """Amounts of yuan (``Decimal``, int or numeric string; whole fen, ≥ 0) as int64 fen.

    A float, a negative amount or a fraction of a fen is refused, naming the row.

    >>> to_fen([Decimal("24000.00"), 5, "0.01"]).tolist()
    [2400000, 500, 1]
    >>> to_fen(["1.005"])
    Traceback (most recent call last):
    ...
    community_rules.errors.InvalidValue: amounts[0]: '1.005' is not a whole number of fen (0.01 yuan) ...
    """
    return np.array(
        [
            int(to_money(v, f"amounts[{i}]") * _FEN_PER_YUAN)
            for i, v in enumerate(_listed(amounts, "amounts"))
        ],
        dtype=np.int64,
    )


def from_fen(fen: object) -> tuple[Decimal, ...]:
    """Int64 fen back to ``Decimal`` yuan to the fen (``Decimal('24000.00')``)."""
    return tuple(Decimal(v).scaleb(-2) for v in _ints(fen, "fen", high=_INT64_MAX).tolist())


def to_area(areas: Iterable[Decimal | int | str]) -> Ints:
    """Areas in m² (whole hundredths, ≥ 0) as int64 hundredths of a square metre.

    >>> to_area([Decimal("150"), "120.5"]).tolist()
    [15000, 12050]
    """
    rows = []
    for i, value in enumerate(_listed(areas, "areas")):
        area = to_decimal(value, f"areas[{i}]")
        units = area * _UNITS_PER_M2
        if area < 0 or units != units.to_integral_value():
            raise InvalidValue(
                f"areas[{i}]",
                value,
                f"is not a non-negative whole number of {AREA_STEP} m²",
                f"不是 {AREA_STEP} 平方米的非负整数倍",
            )
        rows.append(int(units))
    return np.array(rows, dtype=np.int64)


def from_area(units: object) -> tuple[Decimal, ...]:
    """Int64 hundredths of a square metre back to ``Decimal`` m²."""
    return tuple(Decimal(v).scaleb(-2) for v in _ints(units, "units", high=_INT64_MAX).tolist())


# --- columns of communities --------------------------------------------------------------------


@attrs.frozen(eq=False)
class CommunityColumns:
    """The numeric facts of many communities as columns (one row per community), with masks of the known.

    ``*_known`` is False where the community's field is ``None`` (the value
    column then holds 0). Money in fen, space in hundredths of a m². The
    buildings are ragged: community ``c`` owns ``building_households[
    building_offsets[c]:building_offsets[c + 1]]``, with compound and
    residents'-group codes numbered per community (-1: none). Build it with
    :meth:`from_communities`.
    """

    ids: tuple[str, ...]
    households: Ints
    households_known: Bools
    staff: Ints
    staff_known: Bools
    office_funds: Ints
    office_funds_known: Bools
    welfare_funds: Ints
    welfare_funds_known: Bools
    office_space: Ints
    office_space_known: Bools
    is_new: Bools
    building_offsets: Ints
    building_households: Ints
    building_compounds: Ints
    building_groups: Ints

    @classmethod
    def from_communities(cls, communities: Iterable[Community]) -> CommunityColumns:
        """Columns from :class:`~community_rules.model.Community` objects, in the order given.

        >>> from community_rules.model import Building, Community
        >>> cols = CommunityColumns.from_communities([Community("C1", buildings=[Building("B1", 120)]),
        ...                                            Community("C2", households=50, staff=1)])
        >>> cols.households.tolist(), cols.staff_known.tolist(), cols.building_offsets.tolist()
        ([120, 50], [False, True], [0, 1, 1])
        """
        items: Sequence[Community] = _listed(communities, "communities")
        ids = []
        numbers: dict[str, list[int]] = {k: [] for k in ("households", "staff")}
        known: dict[str, list[bool]] = {
            k: [] for k in ("households", "staff", "office_funds", "welfare_funds", "office_space")
        }
        money: dict[str, list[Decimal | int]] = {"office_funds": [], "welfare_funds": []}
        space: list[Decimal | int] = []
        is_new = []
        offsets = [0]
        households: list[int] = []
        compounds: list[int] = []
        groups: list[int] = []
        for i, c in enumerate(items):
            if not isinstance(c, Community):
                raise InvalidType(
                    f"communities[{i}]",
                    c,
                    f"is a {type(c).__name__}; expected a Community",
                    f"类型为 {type(c).__name__}；应为 Community",
                )
            ids.append(c.id)
            for field in ("households", "staff"):
                value = getattr(c, field)
                known[field].append(value is not None)
                numbers[field].append(0 if value is None else value)
            for field in ("office_funds", "welfare_funds"):
                amount = getattr(c, field)
                known[field].append(amount is not None)
                money[field].append(0 if amount is None else amount)
            known["office_space"].append(c.office_space_m2 is not None)
            space.append(0 if c.office_space_m2 is None else c.office_space_m2)
            is_new.append(c.kind is CommunityKind.NEW)
            compound_codes: dict[str, int] = {}
            group_codes: dict[str, int] = {}
            for b in c.buildings:
                households.append(b.households)
                compounds.append(
                    -1 if b.compound is None else compound_codes.setdefault(b.compound, len(compound_codes))
                )
                groups.append(
                    -1
                    if b.residents_group is None
                    else group_codes.setdefault(b.residents_group, len(group_codes))
                )
            offsets.append(len(households))
        return cls(
            ids=tuple(ids),
            households=np.array(numbers["households"], dtype=np.int64),
            households_known=np.array(known["households"], dtype=np.bool_),
            staff=np.array(numbers["staff"], dtype=np.int64),
            staff_known=np.array(known["staff"], dtype=np.bool_),
            office_funds=to_fen(money["office_funds"]),
            office_funds_known=np.array(known["office_funds"], dtype=np.bool_),
            welfare_funds=to_fen(money["welfare_funds"]),
            welfare_funds_known=np.array(known["welfare_funds"], dtype=np.bool_),
            office_space=to_area(space),
            office_space_known=np.array(known["office_space"], dtype=np.bool_),
            is_new=np.array(is_new, dtype=np.bool_),
            building_offsets=np.array(offsets, dtype=np.int64),
            building_households=np.array(households, dtype=np.int64),
            building_compounds=np.array(compounds, dtype=np.int64),
            building_groups=np.array(groups, dtype=np.int64),
        )

    def __len__(self) -> int:
        return len(self.ids)
