"""Hypothesis strategies for community_rules data (SPEC §3), for users' property-based suites.

One small module in the style of ``hypothesis.extra``: plural nouns,
keyword-only options whose bounds are checked with clear messages, and a
docstring for each strategy saying the range it covers and what it shrinks
to. Every strategy generates **valid** values only — each value passes the
library's own validators — except the ``invalid_*`` strategies, which
generate deliberately broken input for suites that test their own error
handling.

Hypothesis is an optional extra: ``import community_rules`` never imports it,
and this module needs it (``pip install community_rules[hypothesis]``). With
the extra installed, Hypothesis also knows the library's types, so
``st.from_type(cr.Community)`` and ``st.builds(f)`` with annotated arguments
work out of the box (registered through the ``hypothesis`` entry point, see
``community_rules._hypothesis_plugin``).

>>> from community_rules import strategies as crst
>>> crst.buildings(max_households=500)
buildings(max_households=500)
>>> crst.money(min_value=5, max_value=1)
Traceback (most recent call last):
...
hypothesis.errors.InvalidArgument: Cannot have max_value=1 < min_value=5
"""

from __future__ import annotations

import copy
import datetime
import enum
import functools
import inspect
import string
from collections.abc import Callable, Sequence
from decimal import ROUND_CEILING, ROUND_FLOOR, Decimal
from typing import Any, NamedTuple, TypeVar, cast

try:
    from hypothesis import strategies as st
    from hypothesis.errors import InvalidArgument
except ImportError as exc:  # pragma: no cover - exercised in a subprocess by the tests
    raise ImportError(
        "community_rules.strategies needs Hypothesis, an optional extra; "
        "install it with: pip install community_rules[hypothesis]"
    ) from exc

import attrs

from ._fields import MAX_COUNT
from .documents import MAX_DEPTH, dump_district
from .enums import CommunityKind, Education, Insurance
from .errors import Error, InvalidType, InvalidValue, LimitExceeded
from .model import (
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
from .money import MAX_AMOUNT, to_decimal
from .policy import DEFAULT_POLICY, Policy, Weights

__all__ = [
    "DEFECTS",
    "InvalidDocument",
    "allocation_weights",
    "areas",
    "ballots",
    "building_heads",
    "building_lists",
    "buildings",
    "communities",
    "dates",
    "districts",
    "existing_sub_areas",
    "households",
    "ids",
    "invalid_amounts",
    "invalid_counts",
    "invalid_district_documents",
    "money",
    "policies",
    "projects",
    "public_rooms",
    "scores",
    "shares",
    "staff_members",
    "sub_district_offices",
    "terms",
    "weights",
    "workstations",
]

T = TypeVar("T")

#: Compound names drawn by default (a gated compound, 封闭小区).
_COMPOUNDS = ("Garden", "花园小区")
#: The characters of generated ids: ASCII letters and digits, a few Chinese
#: characters, and (inside an id only) a space, ``-`` and ``_``.
_ID_CHARS = string.ascii_letters + string.digits + "东南西北花园楼栋小区" + " _-"
_FEN_PLACES = 2
_LARGEST = MAX_AMOUNT - Decimal("0.01")
_EARLIEST = datetime.date(2000, 1, 1)
_PROJECTS_FROM = datetime.date(1990, 1, 1)
_LATEST = datetime.date(2035, 12, 31)
_KINDS = tuple(CommunityKind)
_WORKSTATION_FACTS = len(attrs.fields(Workstation))

# Strategies built once, at import: building them inside every draw costs more
# than the draws themselves.
_IDS = st.text(alphabet=_ID_CHARS, min_size=1, max_size=12).map(str.strip).filter(bool)
_BOOLEANS = st.booleans()
_EDUCATIONS = st.sampled_from(Education)
_INSURANCE_SETS = st.frozensets(st.sampled_from(Insurance))
_DATES = st.dates(_EARLIEST, _LATEST)
_PROJECT_DATES = st.dates(_PROJECTS_FROM, _LATEST)


# --- argument checks ------------------------------------------------------------------


def _composite(
    public: Callable[..., Any],
) -> Callable[[Callable[..., T]], Callable[..., st.SearchStrategy[T]]]:
    """``st.composite`` under ``public``'s name and signature.

    So that a strategy reads ``buildings(max_households=500)`` in reprs and in
    Hypothesis's falsifying examples, arguments left at their defaults omitted.
    The public function checks its arguments and passes them on unchanged
    (Hypothesis omits an argument from the repr when it *is* the default).
    """

    def decorate(function: Callable[..., T]) -> Callable[..., st.SearchStrategy[T]]:
        function.__name__ = function.__qualname__ = public.__name__
        outer = inspect.signature(public).parameters
        inner = inspect.signature(function).parameters
        extra = [p for name, p in inner.items() if name not in outer and name != "draw"]
        function.__signature__ = inspect.Signature(  # type: ignore[attr-defined]
            [inner["draw"], *outer.values(), *extra]
        )
        return cast("Callable[..., st.SearchStrategy[T]]", st.composite(function))

    return decorate


def _check_int(name: str, value: object, low: int, high: int) -> int:
    if isinstance(value, bool) or not isinstance(value, int):
        raise InvalidArgument(f"{name}={value!r} must be an int")
    if not low <= value <= high:
        raise InvalidArgument(f"{name}={value!r} must be between {low:,} and {high:,}")
    return value


def _check_order(low_name: str, low: Any, high_name: str, high: Any) -> None:
    if high < low:
        raise InvalidArgument(f"Cannot have {high_name}={high!r} < {low_name}={low!r}")


def _check_ints(
    low_name: str, low: object, high_name: str, high: object, floor: int = 0, ceiling: int = MAX_COUNT
) -> None:
    lo = _check_int(low_name, low, floor, ceiling)
    hi = _check_int(high_name, high, floor, ceiling)
    _check_order(low_name, lo, high_name, hi)


def _check_decimal(name: str, value: object, places: int) -> Decimal:
    try:
        amount = to_decimal(value, name)
    except Error as exc:
        raise InvalidArgument(f"{name}={value!r} is not an exact amount: {exc.message_en}") from None
    if abs(amount) > _LARGEST:
        raise InvalidArgument(f"{name}={value!r} is not below the library's limit of 10^15")
    if amount != amount.quantize(Decimal(1).scaleb(-places), rounding=ROUND_FLOOR):
        raise InvalidArgument(f"{name}={value!r} has more than {places} decimal places")
    return amount


def _check_decimals(
    low_name: str,
    low: object,
    high_name: str,
    high: object,
    *,
    places: int,
    floor: Decimal | int,
    ceiling: Decimal,
) -> None:
    lo = _check_decimal(low_name, low, places)
    hi = _check_decimal(high_name, high, places)
    if lo < floor:
        raise InvalidArgument(f"{low_name}={low!r} must not be below {floor}")
    if hi > ceiling:
        raise InvalidArgument(f"{high_name}={high!r} must not be above {ceiling}")
    if hi < lo:
        raise InvalidArgument(f"Cannot have {high_name}={high!r} < {low_name}={low!r}")


def _check_date(name: str, value: object) -> datetime.date:
    if isinstance(value, datetime.datetime) or not isinstance(value, datetime.date):
        raise InvalidArgument(f"{name}={value!r} must be a datetime.date")
    return value


def _check_dates(low_name: str, low: object, high_name: str, high: object) -> None:
    _check_order(low_name, _check_date(low_name, low), high_name, _check_date(high_name, high))


def _check_names(name: str, values: object, *, empty: bool = True) -> None:
    if isinstance(values, (str, bytes)) or not isinstance(values, Sequence):
        raise InvalidArgument(f"{name}={values!r} must be a sequence of ids")
    if not empty and not values:
        raise InvalidArgument(f"{name}={values!r} must not be empty")
    for value in values:
        if not isinstance(value, str) or not value.strip() or value != value.strip():
            raise InvalidArgument(
                f"{name}={values!r} holds {value!r}, which is not an id "
                "(a non-empty string without surrounding white space)"
            )


def _check_bool(name: str, value: object) -> None:
    if not isinstance(value, bool):
        raise InvalidArgument(f"{name}={value!r} must be True or False")


def _decimal(units: int, places: int) -> Decimal:
    # The string constructor is exact, whatever the caller's decimal context says.
    return Decimal(f"{units}E-{places}")


def _draw_decimal(draw: st.DrawFn, low: object, high: object, places: int) -> Decimal:
    """A Decimal in ``low..high`` with 0 to ``places`` places (fewer places first, so it shrinks)."""
    digits = draw(st.integers(0, places))
    scale = 10**digits
    lo = to_decimal(low) * scale
    hi = to_decimal(high) * scale
    units = draw(
        st.integers(int(lo.to_integral_value(ROUND_CEILING)), int(hi.to_integral_value(ROUND_FLOOR)))
    )
    return _decimal(units, digits)


# --- numbers, ids, dates ------------------------------------------------------------------


def ids() -> st.SearchStrategy[str]:
    """Ids and names: non-empty strings without surrounding white space.

    Up to 12 characters: ASCII letters and digits, a few Chinese characters
    (东南西北花园楼栋小区), ``-`` and ``_``, and spaces inside. Shrinks towards
    a one-character id.
    """
    return _IDS


def households(*, min_value: int = 0, max_value: int = 5_000) -> st.SearchStrategy[int]:
    """A number of households (户): an int from ``min_value`` to ``max_value`` (0 to 5,000 by default).

    Bounds may go up to the library's limit of 10⁹ (``MAX_COUNT``). Shrinks
    towards ``min_value``.
    """
    _check_ints("min_value", min_value, "max_value", max_value)
    return st.integers(min_value, max_value)


def money(
    *, min_value: Decimal | int | str = 0, max_value: Decimal | int | str = 1_000_000
) -> st.SearchStrategy[Decimal]:
    """Yuan as ``Decimal`` with exactly two places (to the fen, 0.01), from ``min_value`` to ``max_value``.

    0.00 to 1,000,000.00 by default. Bounds must be whole numbers of fen
    with a magnitude below 10¹⁵ (the library's limit); the model's money
    fields take only amounts ``>= 0``, while
    :func:`~community_rules.money.allocate` also splits negative totals.
    Shrinks towards 0.00, or the bound nearest it.
    """
    _check_decimals(
        "min_value", min_value, "max_value", max_value, places=_FEN_PLACES, floor=-_LARGEST, ceiling=_LARGEST
    )
    return _money(min_value=min_value, max_value=max_value)


@_composite(money)
def _money(draw: st.DrawFn, *, min_value: object, max_value: object) -> Decimal:
    units = draw(st.integers(int(to_decimal(min_value) * 100), int(to_decimal(max_value) * 100)))
    return _decimal(units, _FEN_PLACES)


def areas(
    *, min_value: Decimal | int | str = 0, max_value: Decimal | int | str = 1_000, places: int = 2
) -> st.SearchStrategy[Decimal]:
    """Square metres (平方米) as ``Decimal`` with up to ``places`` decimal places (0–6).

    Covers ``min_value`` to ``max_value`` (0 to 1,000 m² by default); the
    number of places varies (``Decimal('150')``, ``Decimal('150.0')``,
    ``Decimal('149.99')``), as it does in documents. Shrinks towards
    ``Decimal('0')``, or ``min_value``.
    """
    _check_int("places", places, 0, 6)
    _check_decimals("min_value", min_value, "max_value", max_value, places=places, floor=0, ceiling=_LARGEST)
    return _areas(min_value=min_value, max_value=max_value, places=places)


@_composite(areas)
def _areas(draw: st.DrawFn, *, min_value: object, max_value: object, places: int) -> Decimal:
    return _draw_decimal(draw, min_value, max_value, places)


def scores(
    *, min_value: Decimal | int | str = 0, max_value: Decimal | int | str = 100, places: int = 2
) -> st.SearchStrategy[Decimal]:
    """Assessment scores (4.3) from 0 to 100 as ``Decimal`` with up to ``places`` decimal places (0–6).

    Shrinks towards ``Decimal('0')``, or ``min_value``.
    """
    _check_int("places", places, 0, 6)
    _check_decimals(
        "min_value", min_value, "max_value", max_value, places=places, floor=0, ceiling=Decimal(100)
    )
    return _scores(min_value=min_value, max_value=max_value, places=places)


@_composite(scores)
def _scores(draw: st.DrawFn, *, min_value: object, max_value: object, places: int) -> Decimal:
    return _draw_decimal(draw, min_value, max_value, places)


def shares(
    *, min_value: Decimal | int | str = 0, max_value: Decimal | int | str = 1, places: int = 2
) -> st.SearchStrategy[Decimal]:
    """Shares (比例) from 0 to 1 as ``Decimal`` with up to ``places`` places (0–6): ``0.7``, ``0.85``, ``1``.

    Shrinks towards ``Decimal('0')``, or ``min_value``.
    """
    _check_int("places", places, 0, 6)
    _check_decimals(
        "min_value", min_value, "max_value", max_value, places=places, floor=0, ceiling=Decimal(1)
    )
    return _shares(min_value=min_value, max_value=max_value, places=places)


@_composite(shares)
def _shares(draw: st.DrawFn, *, min_value: object, max_value: object, places: int) -> Decimal:
    return _draw_decimal(draw, min_value, max_value, places)


def dates(
    *, min_value: datetime.date = _EARLIEST, max_value: datetime.date = _LATEST
) -> st.SearchStrategy[datetime.date]:
    """Calendar dates (``datetime.date``, never a ``datetime``), 2000-01-01 to 2035-12-31 by default.

    Shrinks towards 2000-01-01, or ``min_value``.
    """
    _check_dates("min_value", min_value, "max_value", max_value)
    return st.dates(min_value, max_value)


def terms(
    *, min_value: datetime.date = _EARLIEST, max_value: datetime.date = _LATEST, max_days: int = 800
) -> st.SearchStrategy[tuple[datetime.date, datetime.date]]:
    """Terms of service ``(start, end)``, both days inclusive, with ``start <= end``.

    Both dates lie in ``min_value..max_value``; a term lasts at most
    ``max_days + 1`` days (801 by default). Ready for
    ``building_head_allowance(start, end)``. Shrinks towards a one-day term
    on ``min_value``.
    """
    _check_dates("min_value", min_value, "max_value", max_value)
    _check_int("max_days", max_days, 0, 100_000)
    return _terms(min_value=min_value, max_value=max_value, max_days=max_days)


@_composite(terms)
def _terms(
    draw: st.DrawFn, *, min_value: datetime.date, max_value: datetime.date, max_days: int
) -> tuple[datetime.date, datetime.date]:
    start = draw(st.dates(min_value, max_value))
    days = draw(st.integers(0, min(max_days, (max_value - start).days)))
    return start, start + datetime.timedelta(days=days)


def ballots(*, min_total: int = 1, max_total: int = 500) -> st.SearchStrategy[tuple[int, int, int]]:
    """Residents' ballots (4.3.3 居民评议) as ``(satisfied, basically_satisfied, dissatisfied)``.

    Three non-negative ints whose total lies in ``min_total..max_total`` (1 to
    500 by default), ready for ``resident_score(*ballots)``. Shrinks towards
    ``(0, 0, min_total)``.
    """
    _check_ints("min_total", min_total, "max_total", max_total)
    return _ballots(min_total=min_total, max_total=max_total)


@_composite(ballots)
def _ballots(draw: st.DrawFn, *, min_total: int, max_total: int) -> tuple[int, int, int]:
    satisfied = draw(st.integers(0, max_total))
    basically = draw(st.integers(0, max_total - satisfied))
    rest = satisfied + basically
    dissatisfied = draw(st.integers(max(0, min_total - rest), max_total - rest))
    return satisfied, basically, dissatisfied


def allocation_weights(
    *, min_size: int = 1, max_size: int = 10, decimals: bool = True
) -> st.SearchStrategy[list[int | Decimal]]:
    """Weights for :func:`~community_rules.money.allocate`: non-negative, with a positive sum.

    Lists of ``min_size`` to ``max_size`` ints (0 to 10,000), mixed with
    ``Decimal`` weights of up to four places when ``decimals`` is true.
    Shrinks towards ``[1]``.
    """
    _check_ints("min_size", min_size, "max_size", max_size, floor=1, ceiling=10_000)
    _check_bool("decimals", decimals)
    return _allocation_weights(min_size=min_size, max_size=max_size, decimals=decimals)


@_composite(allocation_weights)
def _allocation_weights(
    draw: st.DrawFn, *, min_size: int, max_size: int, decimals: bool
) -> list[int | Decimal]:
    weight: st.SearchStrategy[int | Decimal] = st.integers(0, 10_000)
    if decimals:
        weight = weight | st.builds(_draw_weight, st.integers(0, 10**8), st.integers(0, 4))
    found = draw(st.lists(weight, min_size=min_size, max_size=max_size))
    if not any(found):  # all zero: the weights must add up to something
        found[draw(st.integers(0, len(found) - 1))] = 1
    return found


def _draw_weight(units: int, places: int) -> Decimal:
    return _decimal(units, places)


# --- the data model ---------------------------------------------------------------------
#
# Each public strategy is a thin composite around a plain ``_make_*`` function that
# draws one value; the strategies for whole districts call the ``_make_*`` functions
# directly, with strategies built once at import, which keeps generation fast.


def _known(draw: st.DrawFn, allow_unknown: bool) -> bool:
    """Whether a fact is known; shrinks towards *not known* when unknown facts are allowed."""
    return not allow_unknown or draw(_BOOLEANS)


def _fact(draw: st.DrawFn, allow_unknown: bool) -> bool | None:
    return draw(_BOOLEANS) if _known(draw, allow_unknown) else None


def _draw_money(draw: st.DrawFn, low: object, high: object) -> Decimal:
    units = draw(st.integers(int(to_decimal(low) * 100), int(to_decimal(high) * 100)))
    return _decimal(units, _FEN_PLACES)


def _pick(draw: st.DrawFn, values: Sequence[T]) -> T | None:
    """One of ``values``, or None; shrinks towards None."""
    if not values or not draw(_BOOLEANS):
        return None
    return values[draw(st.integers(0, len(values) - 1))]


def _subset(draw: st.DrawFn, values: Sequence[T], most: int) -> list[T]:
    """Up to ``most`` distinct items of ``values``, in any order; shrinks towards []."""
    if not values:
        return []
    indices = draw(st.lists(st.integers(0, len(values) - 1), unique=True, max_size=min(most, len(values))))
    return [values[i] for i in indices]


def _unique_ids(draw: st.DrawFn, n: int) -> list[str]:
    result: list[str] = draw(st.lists(_IDS, min_size=n, max_size=n, unique=True))
    return result


def _make_building(
    draw: st.DrawFn,
    name: str,
    min_households: int,
    max_households: int,
    compounds: Sequence[str],
    residents_groups: Sequence[str],
) -> Building:
    return Building(
        id=name,
        households=draw(st.integers(min_households, max_households)),
        compound=_pick(draw, compounds),
        residents_group=_pick(draw, residents_groups),
    )


def buildings(
    *,
    min_households: int = 0,
    max_households: int = 1_000,
    compounds: Sequence[str] = _COMPOUNDS,
    residents_groups: Sequence[str] = (),
) -> st.SearchStrategy[Building]:
    """Residential buildings (居民楼) with ``min_households..max_households`` households.

    The default range, 0 to 1,000, includes buildings above the 500 households
    of a sub-area (2.2.1). Each building is ordinary (``compound=None``) or in
    one of ``compounds`` (pass ``()`` for ordinary buildings only), and in
    one of ``residents_groups`` or none. Shrinks towards an ordinary building
    of ``min_households`` households with a one-character id.
    """
    _check_ints("min_households", min_households, "max_households", max_households)
    _check_names("compounds", compounds)
    _check_names("residents_groups", residents_groups)
    return _buildings(
        min_households=min_households,
        max_households=max_households,
        compounds=compounds,
        residents_groups=residents_groups,
    )


@_composite(buildings)
def _buildings(
    draw: st.DrawFn,
    *,
    min_households: int,
    max_households: int,
    compounds: Sequence[str],
    residents_groups: Sequence[str],
) -> Building:
    return _make_building(draw, draw(_IDS), min_households, max_households, compounds, residents_groups)


def building_lists(
    *,
    min_size: int = 0,
    max_size: int = 12,
    min_households: int = 0,
    max_households: int = 1_000,
    compounds: Sequence[str] = _COMPOUNDS,
    residents_groups: Sequence[str] = (),
) -> st.SearchStrategy[list[Building]]:
    """Lists of ``min_size..max_size`` buildings (0 to 12) with distinct ids, each as :func:`buildings` makes it.

    Ready for ``partition(buildings)`` and for ``Community(buildings=...)``.
    Compound buildings are interleaved with ordinary ones, as in a street.
    Shrinks towards the shortest list.
    """
    _check_ints("min_size", min_size, "max_size", max_size, ceiling=10_000)
    _check_ints("min_households", min_households, "max_households", max_households)
    _check_names("compounds", compounds)
    _check_names("residents_groups", residents_groups)
    return _building_lists(
        min_size=min_size,
        max_size=max_size,
        min_households=min_households,
        max_households=max_households,
        compounds=compounds,
        residents_groups=residents_groups,
    )


def _make_building_list(
    draw: st.DrawFn,
    min_size: int,
    max_size: int,
    min_households: int,
    max_households: int,
    compounds: Sequence[str],
    residents_groups: Sequence[str],
) -> list[Building]:
    return [
        _make_building(draw, name, min_households, max_households, compounds, residents_groups)
        for name in _unique_ids(draw, draw(st.integers(min_size, max_size)))
    ]


@_composite(building_lists)
def _building_lists(
    draw: st.DrawFn,
    *,
    min_size: int,
    max_size: int,
    min_households: int,
    max_households: int,
    compounds: Sequence[str],
    residents_groups: Sequence[str],
) -> list[Building]:
    return _make_building_list(
        draw, min_size, max_size, min_households, max_households, compounds, residents_groups
    )


def staff_members(
    *, allow_unknown: bool = True, max_monthly_pay: Decimal | int | str = 20_000
) -> st.SearchStrategy[StaffMember]:
    """Members of a residents' committee's staff (居委会工作人员, 3.1, 3.2).

    Every fact may be ``None`` (not known) unless ``allow_unknown`` is false;
    the education ranges over every level, the insurances over every subset
    of the five, the monthly pay over 0.00 to ``max_monthly_pay`` yuan.
    Shrinks towards a member of whom nothing is known.
    """
    _check_bool("allow_unknown", allow_unknown)
    _check_decimal("max_monthly_pay", max_monthly_pay, _FEN_PLACES)
    if to_decimal(max_monthly_pay) < 0:
        raise InvalidArgument(f"max_monthly_pay={max_monthly_pay!r} must not be negative")
    return _staff_members(allow_unknown=allow_unknown, max_monthly_pay=max_monthly_pay)


def _make_staff_member(
    draw: st.DrawFn, name: str, allow_unknown: bool, max_monthly_pay: object
) -> StaffMember:
    return StaffMember(
        id=name,
        name=draw(_IDS) if _known(draw, allow_unknown) else None,
        female=_fact(draw, allow_unknown),
        education=draw(_EDUCATIONS) if _known(draw, allow_unknown) else None,
        insurances=draw(_INSURANCE_SETS) if _known(draw, allow_unknown) else None,
        monthly_pay=_draw_money(draw, 0, max_monthly_pay) if _known(draw, allow_unknown) else None,
        party_member=_fact(draw, allow_unknown),
    )


@_composite(staff_members)
def _staff_members(draw: st.DrawFn, *, allow_unknown: bool, max_monthly_pay: object) -> StaffMember:
    return _make_staff_member(draw, draw(_IDS), allow_unknown, max_monthly_pay)


def workstations(*, allow_unknown: bool = True) -> st.SearchStrategy[Workstation]:
    """The facts of a community workstation (社区工作站, 2.1): each true, false or (if allowed) unknown.

    Shrinks towards a workstation of which nothing is known (with
    ``allow_unknown=False``: every fact false).
    """
    _check_bool("allow_unknown", allow_unknown)
    return _workstations(allow_unknown=allow_unknown)


def _make_workstation(draw: st.DrawFn, allow_unknown: bool) -> Workstation:
    return Workstation(*(_fact(draw, allow_unknown) for _ in range(_WORKSTATION_FACTS)))


@_composite(workstations)
def _workstations(draw: st.DrawFn, *, allow_unknown: bool) -> Workstation:
    return _make_workstation(draw, allow_unknown)


def existing_sub_areas(
    *, building_ids: Sequence[str] = (), allow_unknown: bool = True
) -> st.SearchStrategy[ExistingSubArea]:
    """Residential sub-areas as a committee has marked them out (居民小区, 2.2.1).

    Each holds distinct ids from ``building_ids`` in any order (plans in the
    field need not follow the rules), a head or a vacant post
    (``head=None``), and whether the head is committee staff. Shrinks
    towards an empty sub-area with no head.
    """
    _check_names("building_ids", building_ids)
    _check_bool("allow_unknown", allow_unknown)
    return _existing_sub_areas(building_ids=building_ids, allow_unknown=allow_unknown)


def _make_sub_area(
    draw: st.DrawFn, name: str, building_ids: Sequence[str], allow_unknown: bool
) -> ExistingSubArea:
    return ExistingSubArea(
        id=name,
        buildings=tuple(_subset(draw, building_ids, len(building_ids))),
        head=draw(_IDS) if draw(_BOOLEANS) else None,
        head_is_committee_staff=_fact(draw, allow_unknown),
    )


@_composite(existing_sub_areas)
def _existing_sub_areas(
    draw: st.DrawFn, *, building_ids: Sequence[str], allow_unknown: bool
) -> ExistingSubArea:
    return _make_sub_area(draw, draw(_IDS), building_ids, allow_unknown)


def building_heads(
    *, building_ids: Sequence[str] = (), allow_unknown: bool = True
) -> st.SearchStrategy[BuildingHead]:
    """Building heads in post (楼长, 2.2.1), each caring for some of ``building_ids``.

    A head cares for 0 to 4 distinct buildings (plans in the field need not
    follow the 2–3 rule) and serves a term with ``start <= end`` within
    2000–2035; either end of the term may be unknown. Shrinks towards a head
    with no buildings and no known term.
    """
    _check_names("building_ids", building_ids)
    _check_bool("allow_unknown", allow_unknown)
    return _building_heads(building_ids=building_ids, allow_unknown=allow_unknown)


def _make_building_head(
    draw: st.DrawFn, name: str, building_ids: Sequence[str], allow_unknown: bool
) -> BuildingHead:
    cared = _subset(draw, building_ids, 4)
    start = draw(_DATES) if _known(draw, allow_unknown) else None
    end = None
    if _known(draw, allow_unknown):
        first = start or _EARLIEST
        end = first + datetime.timedelta(days=draw(st.integers(0, (_LATEST - first).days)))
    return BuildingHead(id=name, buildings=tuple(cared), start=start, end=end)


@_composite(building_heads)
def _building_heads(draw: st.DrawFn, *, building_ids: Sequence[str], allow_unknown: bool) -> BuildingHead:
    return _make_building_head(draw, draw(_IDS), building_ids, allow_unknown)


def communities(
    *,
    min_buildings: int = 0,
    max_buildings: int = 12,
    min_building_households: int = 0,
    max_building_households: int = 1_000,
    kinds: Sequence[CommunityKind] = tuple(CommunityKind),
    compounds: Sequence[str] = _COMPOUNDS,
    max_staff_members: int = 4,
    allow_unknown: bool = True,
    plans: bool = True,
) -> st.SearchStrategy[Community]:
    """Urban communities (城市社区) with buildings, status facts and existing plans.

    - ``min_buildings..max_buildings`` buildings (0 to 12) of
      ``min_building_households..max_building_households`` households each
      (0 to 1,000), some in ``compounds``;
    - ``households`` left to default to the buildings' sum, or that sum plus
      up to 200, or (without buildings) a count of its own;
    - a kind from ``kinds``; up to ``max_staff_members`` staff members; the
      staff in post, the office and service space (0–600 m²), the office
      funds (0 to 20 yuan per household, so both sides of the 10-yuan
      minimum), the welfare funds (up to the office funds), the living
      allowances and the task funds (the part retained never above the part
      received);
    - with ``plans``, existing sub-areas and building heads that refer to
      the community's buildings but need not follow clause 2.2.1.

    With ``allow_unknown`` (the default) any status fact may be ``None`` (not
    known), so that checks report UNKNOWN. Shrinks towards a community with
    no buildings of which nothing is known.
    """
    _check_ints("min_buildings", min_buildings, "max_buildings", max_buildings, ceiling=10_000)
    _check_ints(
        "min_building_households",
        min_building_households,
        "max_building_households",
        max_building_households,
    )
    if isinstance(kinds, (str, bytes)) or not isinstance(kinds, Sequence) or not kinds:
        raise InvalidArgument(f"kinds={kinds!r} must be a non-empty sequence of CommunityKind")
    for kind in kinds:
        if not isinstance(kind, CommunityKind):
            raise InvalidArgument(f"kinds={kinds!r} holds {kind!r}, which is not a CommunityKind")
    _check_names("compounds", compounds)
    _check_int("max_staff_members", max_staff_members, 0, 1_000)
    _check_bool("allow_unknown", allow_unknown)
    _check_bool("plans", plans)
    return _communities(
        min_buildings=min_buildings,
        max_buildings=max_buildings,
        min_building_households=min_building_households,
        max_building_households=max_building_households,
        kinds=kinds,
        compounds=compounds,
        max_staff_members=max_staff_members,
        allow_unknown=allow_unknown,
        plans=plans,
    )


def _make_community(
    draw: st.DrawFn,
    name: str,
    *,
    min_buildings: int,
    max_buildings: int,
    min_building_households: int,
    max_building_households: int,
    kinds: Sequence[CommunityKind],
    compounds: Sequence[str],
    max_staff_members: int,
    allow_unknown: bool,
    plans: bool,
) -> Community:
    blds = _make_building_list(
        draw, min_buildings, max_buildings, min_building_households, max_building_households, compounds, ()
    )
    total = sum(b.households for b in blds)
    count: int | None
    if not _known(draw, allow_unknown):
        count = None  # the buildings' sum; not known without buildings
    elif blds:
        count = total + draw(st.integers(0, 200))
    else:
        count = draw(st.integers(min_building_households, max_building_households * max(1, max_buildings)))
    known = total if count is None else count
    members = [
        _make_staff_member(draw, member, allow_unknown, 20_000)
        for member in _unique_ids(draw, draw(st.integers(0, max_staff_members)))
    ]
    staff: int | None = None
    if _known(draw, allow_unknown):
        staff = len(members) if members else draw(st.integers(0, max(3, known // 150)))
    funds_top = max(Decimal(1_000), Decimal(20) * known)
    office_funds = _draw_money(draw, 0, funds_top) if _known(draw, allow_unknown) else None
    welfare_top = funds_top if office_funds is None else office_funds
    welfare_funds = _draw_money(draw, 0, welfare_top) if _known(draw, allow_unknown) else None
    received = _draw_money(draw, 0, 100_000) if _known(draw, allow_unknown) else None
    retained_top = Decimal(100_000) if received is None else received
    retained = _draw_money(draw, 0, retained_top) if _known(draw, allow_unknown) else None
    allowances = [_draw_money(draw, 0, 100_000) if _known(draw, allow_unknown) else None for _ in range(3)]
    building_ids = [b.id for b in blds]
    sub_areas: tuple[ExistingSubArea, ...] | None = None
    heads: tuple[BuildingHead, ...] | None = None
    if plans and _known(draw, allow_unknown):
        sub_areas = tuple(
            _make_sub_area(draw, area, building_ids, allow_unknown)
            for area in _unique_ids(draw, draw(st.integers(0, 4)))
        )
    if plans and _known(draw, allow_unknown):
        heads = tuple(
            _make_building_head(draw, head, building_ids, allow_unknown)
            for head in _unique_ids(draw, draw(st.integers(0, 4)))
        )
    return Community(
        id=name,
        buildings=tuple(blds),
        kind=kinds[draw(st.integers(0, len(kinds) - 1))],
        households=count,
        staff=staff,
        office_space_m2=_draw_decimal(draw, 0, 600, 2) if _known(draw, allow_unknown) else None,
        office_funds=office_funds,
        welfare_funds=welfare_funds,
        name=draw(_IDS) if draw(_BOOLEANS) else None,
        staff_members=tuple(members),
        living_allowance=allowances[0],
        living_allowance_standard=allowances[1],
        living_allowance_previous=allowances[2],
        task_funds_received=received,
        task_funds_retained=retained,
        workstation=_make_workstation(draw, allow_unknown) if _known(draw, allow_unknown) else None,
        sub_areas=sub_areas,
        building_heads=heads,
    )


@_composite(communities)
def _communities(draw: st.DrawFn, **options: Any) -> Community:
    return _make_community(draw, draw(_IDS), **options)


def sub_district_offices(
    *, min_communities: int = 0, max_communities: int = 4, max_buildings: int = 8, allow_unknown: bool = True
) -> st.SearchStrategy[SubDistrictOffice]:
    """Sub-district offices (街道办事处) leading ``min_communities..max_communities`` communities (0 to 4).

    Each community is drawn as by :func:`communities` with up to
    ``max_buildings`` buildings; community ids are distinct. Shrinks towards
    an office with ``min_communities`` empty communities.
    """
    _check_ints("min_communities", min_communities, "max_communities", max_communities, ceiling=1_000)
    _check_int("max_buildings", max_buildings, 0, 10_000)
    _check_bool("allow_unknown", allow_unknown)
    return _sub_district_offices(
        min_communities=min_communities,
        max_communities=max_communities,
        max_buildings=max_buildings,
        allow_unknown=allow_unknown,
    )


def _make_office(
    draw: st.DrawFn, name: str, community_ids: Sequence[str], max_buildings: int, allow_unknown: bool
) -> SubDistrictOffice:
    return SubDistrictOffice(
        id=name,
        communities=tuple(
            _make_community(
                draw,
                community,
                min_buildings=0,
                max_buildings=max_buildings,
                min_building_households=0,
                max_building_households=1_000,
                kinds=_KINDS,
                compounds=_COMPOUNDS,
                max_staff_members=3,
                allow_unknown=allow_unknown,
                plans=True,
            )
            for community in community_ids
        ),
        name=draw(_IDS) if draw(_BOOLEANS) else None,
    )


@_composite(sub_district_offices)
def _sub_district_offices(
    draw: st.DrawFn, *, min_communities: int, max_communities: int, max_buildings: int, allow_unknown: bool
) -> SubDistrictOffice:
    community_ids = _unique_ids(draw, draw(st.integers(min_communities, max_communities)))
    return _make_office(draw, draw(_IDS), community_ids, max_buildings, allow_unknown)


def public_rooms() -> st.SearchStrategy[PublicRoom]:
    """Public-use rooms (公共用房, 3.3) of 0 to 500 m². Shrinks towards a room of 0 m²."""
    return _public_rooms()


def _make_room(draw: st.DrawFn, name: str) -> PublicRoom:
    return PublicRoom(id=name, area_m2=_draw_decimal(draw, 0, 500, 2))


@_composite(public_rooms)
def _public_rooms(draw: st.DrawFn) -> PublicRoom:
    return _make_room(draw, draw(_IDS))


def projects(*, office_ids: Sequence[str] = (), allow_unknown: bool = True) -> st.SearchStrategy[Project]:
    """Building projects (工程, 3.3) completed 1990–2035, with up to three public rooms.

    Each lies in the area of one of ``office_ids`` or of none; the completion
    date straddles the 2008 cut-off of clause 3.3 and may be unknown. Shrinks
    towards a project with no rooms and no known date.
    """
    _check_names("office_ids", office_ids)
    _check_bool("allow_unknown", allow_unknown)
    return _projects(office_ids=office_ids, allow_unknown=allow_unknown)


def _make_project(draw: st.DrawFn, name: str, office_ids: Sequence[str], allow_unknown: bool) -> Project:
    return Project(
        id=name,
        completed=draw(_PROJECT_DATES) if _known(draw, allow_unknown) else None,
        office=_pick(draw, office_ids),
        public_rooms=tuple(_make_room(draw, room) for room in _unique_ids(draw, draw(st.integers(0, 3)))),
    )


@_composite(projects)
def _projects(draw: st.DrawFn, *, office_ids: Sequence[str], allow_unknown: bool) -> Project:
    return _make_project(draw, draw(_IDS), office_ids, allow_unknown)


def districts(
    *,
    min_offices: int = 1,
    max_offices: int = 3,
    min_communities: int = 0,
    max_communities: int = 3,
    max_buildings: int = 6,
    max_projects: int = 2,
    allow_unknown: bool = True,
) -> st.SearchStrategy[District]:
    """Districts (区): ``min_offices..max_offices`` sub-district offices (1 to 3) and their communities.

    Each office leads ``min_communities..max_communities`` communities (0 to
    3, drawn as by :func:`communities` with up to ``max_buildings`` (6)
    buildings each, ids distinct across the district), and the district has
    up to ``max_projects`` (2) building projects in its offices' areas.
    Every generated district survives ``load_district(dump_district(d)) ==
    d``. Shrinks towards one office with ``min_communities`` empty
    communities and no projects.
    """
    _check_ints("min_offices", min_offices, "max_offices", max_offices, ceiling=1_000)
    _check_ints("min_communities", min_communities, "max_communities", max_communities, ceiling=1_000)
    _check_int("max_buildings", max_buildings, 0, 10_000)
    _check_int("max_projects", max_projects, 0, 1_000)
    _check_bool("allow_unknown", allow_unknown)
    return _districts(
        min_offices=min_offices,
        max_offices=max_offices,
        min_communities=min_communities,
        max_communities=max_communities,
        max_buildings=max_buildings,
        max_projects=max_projects,
        allow_unknown=allow_unknown,
    )


def _make_district(
    draw: st.DrawFn,
    *,
    min_offices: int,
    max_offices: int,
    min_communities: int,
    max_communities: int,
    max_buildings: int,
    max_projects: int,
    allow_unknown: bool,
) -> District:
    office_ids = _unique_ids(draw, draw(st.integers(min_offices, max_offices)))
    sizes = [draw(st.integers(min_communities, max_communities)) for _ in office_ids]
    community_ids = _unique_ids(draw, sum(sizes))
    offices = []
    start = 0
    for office_id, size in zip(office_ids, sizes, strict=True):
        offices.append(
            _make_office(draw, office_id, community_ids[start : start + size], max_buildings, allow_unknown)
        )
        start += size
    project_list = [
        _make_project(draw, project, office_ids, allow_unknown)
        for project in _unique_ids(draw, draw(st.integers(0, max_projects)))
    ]
    return District(
        id=draw(_IDS),
        offices=tuple(offices),
        name=draw(_IDS) if draw(_BOOLEANS) else None,
        projects=tuple(project_list),
    )


@_composite(districts)
def _districts(draw: st.DrawFn, **options: Any) -> District:
    return _make_district(draw, **options)


# --- policies ----------------------------------------------------------------------------


def weights(*, residents: bool = True) -> st.SearchStrategy[Weights]:
    """Composite-score weights (I-17): three shares in hundredths that add up to exactly 1.

    With ``residents=False`` the residents' share is 0 (departments, whom
    residents do not evaluate, 4.3.3). Shrinks towards all the weight on the
    residents (or, without them, on the year-end assessment).
    """
    _check_bool("residents", residents)
    return _weights(residents=residents)


@_composite(weights)
def _weights(draw: st.DrawFn, *, residents: bool) -> Weights:
    daily = draw(st.integers(0, 100))
    year_end = draw(st.integers(0, 100 - daily)) if residents else 100 - daily
    rest = 100 - daily - year_end
    return Weights(_decimal(daily, 2), _decimal(year_end, 2), _decimal(rest, 2))


#: The numbers of the opinion that :func:`policies` varies, each with the
#: range it draws from. The default is always the first choice, so that
#: examples shrink towards DEFAULT_POLICY.
def _units(high: int, places: int) -> st.SearchStrategy[Decimal]:
    """Decimals ``0..high`` with ``places`` places, cheaply (one integer draw): for policies."""
    return st.integers(0, high * 10**places).map(lambda units: _decimal(units, places))


def _weight_pair(residents: bool) -> st.SearchStrategy[Weights]:
    def make(pair: tuple[int, int]) -> Weights:
        daily, year_end = pair
        year_end = min(year_end, 100 - daily) if residents else 100 - daily
        return Weights(_decimal(daily, 2), _decimal(year_end, 2), _decimal(100 - daily - year_end, 2))

    return st.tuples(st.integers(0, 100), st.integers(0, 100)).map(make)


_NUMBERS: dict[str, Callable[[], st.SearchStrategy[Any]]] = {
    "sub_area_households": lambda: st.integers(1, 2_000),
    "building_head_allowance_monthly": lambda: _units(1_000, 2),
    "households_per_staff": lambda: st.integers(1, 1_000),
    "hiring_share_this_year": lambda: _units(1, 2),
    "office_funds_per_thousand": lambda: _units(100_000, 2),
    "welfare_share": lambda: _units(1, 2),
    "base_pay_share": lambda: _units(1, 2),
    "old_town_space_m2": lambda: _units(1_000, 1),
    "new_space_m2": lambda: _units(1_000, 1),
    "space_target_share": lambda: _units(1, 2),
    "public_rooms_from": lambda: _PROJECT_DATES,
    "required_insurances": lambda: _INSURANCE_SETS,
    "weights_department": lambda: _weight_pair(residents=False),
}
#: The fields drawn together because they constrain each other.
_TIED = (
    "building_head_min_buildings",
    "building_head_max_buildings",
    "ballot_satisfied",
    "ballot_basically_satisfied",
    "ballot_dissatisfied",
    "grade_excellent",
    "grade_competent",
    "grade_basically_competent",
    "adoption_year",
)


#: Fields whose values must not increase in this order (Policy checks it).
_DESCENDING = (
    ("ballot_satisfied", "ballot_basically_satisfied", "ballot_dissatisfied"),
    ("grade_excellent", "grade_competent", "grade_basically_competent"),
)


def _switch(value: Any) -> st.SearchStrategy[Any] | None:
    """A strategy for a value of the policy by its type (default first), or None if there is none."""
    if isinstance(value, bool):
        return st.sampled_from([value, not value])
    if isinstance(value, enum.Enum):
        return st.sampled_from([value, *(m for m in type(value) if m is not value)])
    return None


def policies(
    *, numbers: bool = True, interpretations: bool = True, allow_unset_year: bool = False
) -> st.SearchStrategy[Policy]:
    """Valid policies: the opinion's numbers and readings, varied.

    With ``numbers``, every number of the opinion varies over a documented
    range: households per sub-area 1–2,000; a building head's 1–3 to 1–5
    buildings; households per worker 1–1,000; shares 0–1; money 0–100,000
    yuan; spaces 0–1,000 m²; ballot values and grade bands 0–100 in
    descending order; composite weights adding up to 1; any set of
    insurances; the public-room cut-off 1990–2035. With ``interpretations``,
    every switch of SPEC §4 (an enum or a bool of
    :class:`~community_rules.policy.Policy`) takes any of its values.
    ``adoption_year`` (I-13) is a year from 2008 to 2030, or also unset
    (``None``) with ``allow_unset_year``. Each field shrinks towards its value
    in :data:`~community_rules.policy.DEFAULT_POLICY`.
    """
    _check_bool("numbers", numbers)
    _check_bool("interpretations", interpretations)
    _check_bool("allow_unset_year", allow_unset_year)
    return _policies(numbers=numbers, interpretations=interpretations, allow_unset_year=allow_unset_year)


@functools.cache
def _policy_plan() -> tuple[dict[str, st.SearchStrategy[Any]], dict[str, st.SearchStrategy[Any]]]:
    """The strategies of the policy's fields, built once: (numbers, switches), each default first."""
    d = DEFAULT_POLICY
    numbers: dict[str, st.SearchStrategy[Any]] = {}
    switches: dict[str, st.SearchStrategy[Any]] = {}
    for field in attrs.fields(Policy):
        name, default = field.name, getattr(d, field.name)
        if name in _TIED:
            continue
        if name in _NUMBERS:
            numbers[name] = st.just(default) | _NUMBERS[name]()
        elif isinstance(default, Weights):
            numbers[name] = st.just(default) | _weight_pair(residents=True)
        else:
            switch = _switch(default)
            if switch is not None:
                switches[name] = switch
    score = _units(100, 1)
    for name in _TIED:
        default = getattr(d, name)
        if name == "building_head_min_buildings":
            numbers[name] = st.just(default) | st.integers(1, 3)
        elif name == "building_head_max_buildings":
            numbers[name] = st.just(default) | st.integers(1, 5)
        elif name != "adoption_year":
            numbers[name] = st.just(default) | score
    return numbers, switches


_YEARS = st.integers(2008, 2030)
_YEARS_OR_UNSET = st.none() | _YEARS


@_composite(policies)
def _policies(draw: st.DrawFn, *, numbers: bool, interpretations: bool, allow_unset_year: bool) -> Policy:
    plan_numbers, plan_switches = _policy_plan()
    values: dict[str, Any] = {}
    if numbers:
        values.update((name, draw(strategy)) for name, strategy in plan_numbers.items())
        values["building_head_min_buildings"], values["building_head_max_buildings"] = sorted(
            (values["building_head_min_buildings"], values["building_head_max_buildings"])
        )
        for names in _DESCENDING:
            for name, value in zip(names, sorted((values[n] for n in names), reverse=True), strict=True):
                values[name] = value
    if interpretations:
        values.update((name, draw(strategy)) for name, strategy in plan_switches.items())
    values["adoption_year"] = draw(_YEARS_OR_UNSET if allow_unset_year else _YEARS)
    return Policy(**values)


# --- deliberately invalid input ----------------------------------------------------------


def invalid_counts() -> st.SearchStrategy[object]:
    """Values every count (households, staff, buildings…) refuses: negative, too large, a bool,
    a fraction, a float, NaN, a string, None.

    Each raises :class:`~community_rules.errors.InvalidValue` or
    :class:`~community_rules.errors.InvalidType`.
    """
    return st.one_of(
        st.integers(max_value=-1),
        st.integers(min_value=MAX_COUNT + 1),
        st.booleans(),
        st.decimals(allow_nan=True).filter(lambda d: not d.is_finite() or d != d.to_integral_value()),
        st.floats(),
        st.text(max_size=5),
        st.none(),
    )


def invalid_amounts() -> st.SearchStrategy[object]:
    """Values every money, area or score field refuses: binary floats, bools, NaN and
    infinities, magnitudes of 10¹⁵ or more, negatives, and strings that are not numbers.

    Each raises :class:`~community_rules.errors.InvalidValue` or
    :class:`~community_rules.errors.InvalidType`.
    """
    return st.one_of(
        st.floats(),
        st.booleans(),
        st.sampled_from([Decimal("NaN"), Decimal("sNaN"), Decimal("Infinity"), Decimal("-Infinity")]),
        st.integers(min_value=10**15) | st.integers(max_value=-1),
        money(min_value=-1_000_000, max_value="-0.01"),
        st.sampled_from(["", "ten thousand", "1e", "--1", "0x10", "¥100"]),
        st.lists(st.integers(), max_size=2),
    )


class InvalidDocument(NamedTuple):
    """A district document with one defect, as :func:`invalid_district_documents` makes it.

    ``document`` is the mapping to pass to ``load_district``; ``path`` the
    document path the error must name (``Error.path``); ``error`` the class
    of the error (a subclass of :class:`~community_rules.errors.Error`);
    ``defect`` a short description, one of :data:`DEFECTS`.
    """

    document: dict[str, Any]
    path: str
    error: type[Error]
    defect: str


def _fresh(name: str, taken: Sequence[str]) -> str:
    n = 1
    while f"{name}{n}" in taken:
        n += 1
    return f"{name}{n}"


def _nest(depth: int) -> Any:
    value: Any = "x"
    for _ in range(depth):
        value = [value]
    return value


def _defects(doc: dict[str, Any]) -> dict[str, Callable[[st.DrawFn], tuple[str, type[Error]]]]:
    """The defects that can be planted in ``doc``, each a function that plants it and names the path."""
    offices = doc.get("offices", [])
    places = [
        (f"offices[{i}].communities[{j}]", c)
        for i, o in enumerate(offices)
        for j, c in enumerate(o.get("communities", []))
    ]
    built = [(p, c) for p, c in places if c.get("buildings")]

    def pick(draw: st.DrawFn, options: list[tuple[str, Any]]) -> tuple[str, Any]:
        return options[draw(st.integers(0, len(options) - 1))]

    def building(draw: st.DrawFn) -> tuple[str, dict[str, Any]]:
        path, community = pick(draw, built)
        k = draw(st.integers(0, len(community["buildings"]) - 1))
        return f"{path}.buildings[{k}]", community["buildings"][k]

    def set_count(value_of: Callable[[st.DrawFn], Any], error: type[Error]) -> Any:
        def plant(draw: st.DrawFn) -> tuple[str, type[Error]]:
            path, b = building(draw)
            b["households"] = value_of(draw)
            return f"{path}.households", error

        return plant

    def set_money(value_of: Callable[[st.DrawFn], Any], error: type[Error]) -> Any:
        def plant(draw: st.DrawFn) -> tuple[str, type[Error]]:
            path, community = pick(draw, places)
            community["office_funds"] = value_of(draw)
            return f"{path}.office_funds", error

        return plant

    def unknown_field(draw: st.DrawFn) -> tuple[str, type[Error]]:
        path, target = draw(st.sampled_from([("", doc), *places]))
        name = draw(st.sampled_from(["colour", "household", "offices_", "备注"]))
        target[name] = "x"
        return f"{path}.{name}" if path else name, InvalidValue

    def unknown_kind(draw: st.DrawFn) -> tuple[str, type[Error]]:
        path, community = pick(draw, places)
        community["kind"] = draw(st.sampled_from(["suburban", "OLD_TOWN", "老城区", ""]))
        return f"{path}.kind", InvalidValue

    def duplicate_building(draw: st.DrawFn) -> tuple[str, type[Error]]:
        path, community = pick(draw, built)
        community["buildings"].append(copy.deepcopy(community["buildings"][0]))
        return f"{path}.buildings[{len(community['buildings']) - 1}].id", InvalidValue

    def duplicate_community(draw: st.DrawFn) -> tuple[str, type[Error]]:
        first = draw(st.integers(0, len(places) - 2))
        second = draw(st.integers(first + 1, len(places) - 1))
        path, community = places[second]
        community["id"] = places[first][1]["id"]
        return f"{path}.id", InvalidValue

    def missing_id(draw: st.DrawFn) -> tuple[str, type[Error]]:
        path, b = building(draw)
        del b["id"]
        return f"{path}.id", InvalidValue

    def padded_id(draw: st.DrawFn) -> tuple[str, type[Error]]:
        path, b = building(draw)
        b["id"] = f" {b['id']} "
        return f"{path}.id", InvalidValue

    def not_a_list(draw: st.DrawFn) -> tuple[str, type[Error]]:
        path, community = pick(draw, places)
        community["buildings"] = draw(st.sampled_from(["B1", 3, {"id": "B1"}]))
        return f"{path}.buildings", InvalidType

    def households_below(draw: st.DrawFn) -> tuple[str, type[Error]]:
        # A community whose buildings hold some households (its own count may exceed theirs,
        # with buildings of none); _prepare makes sure there is one.
        held = [(p, c) for p, c in built if sum(b["households"] for b in c["buildings"]) > 0]
        path, community = pick(draw, held)
        total = sum(b["households"] for b in community["buildings"])
        community["households"] = draw(st.integers(0, total - 1))
        return f"{path}.households", InvalidValue

    def bad_date(draw: st.DrawFn) -> tuple[str, type[Error]]:
        projects = doc.setdefault("projects", [])
        name = _fresh("P", [p["id"] for p in projects])
        projects.append({"id": name, "completed": draw(st.sampled_from(["2021-02-30", "2021-13-01"]))})
        return f"projects[{len(projects) - 1}].completed", InvalidValue

    def unknown_office(draw: st.DrawFn) -> tuple[str, type[Error]]:
        projects = doc.setdefault("projects", [])
        name = _fresh("P", [p["id"] for p in projects])
        office = _fresh("no-such-office-", [o["id"] for o in offices])
        projects.append({"id": name, "office": office})
        return f"projects[{len(projects) - 1}].office", InvalidValue

    def unknown_building(draw: st.DrawFn) -> tuple[str, type[Error]]:
        path, community = pick(draw, places)
        areas_ = community.setdefault("sub_areas", [])
        name = _fresh("S", [a["id"] for a in areas_])
        missing = _fresh("no-such-building-", [b["id"] for b in community.get("buildings", [])])
        areas_.append({"id": name, "buildings": [missing]})
        return f"{path}.sub_areas[{len(areas_) - 1}].buildings[0]", InvalidValue

    def term_reversed(draw: st.DrawFn) -> tuple[str, type[Error]]:
        path, community = pick(draw, places)
        heads = community.setdefault("building_heads", [])
        name = _fresh("H", [h["id"] for h in heads])
        heads.append({"id": name, "start": "2020-02-01", "end": "2020-01-31"})
        return f"{path}.building_heads[{len(heads) - 1}].end", InvalidValue

    def too_deep(draw: st.DrawFn) -> tuple[str, type[Error]]:
        path, community = pick(draw, places)
        community["name"] = _nest(MAX_DEPTH + 8)
        # The document is level 1 and the community level 5, so its name is level 6: the
        # first value beyond the limit sits MAX_DEPTH - 5 lists below the name.
        return f"{path}.name" + "[0]" * (MAX_DEPTH - 5), LimitExceeded

    huge = Decimal(10) ** 15
    return {
        "unknown field": unknown_field,
        "float money": set_money(lambda draw: draw(st.sampled_from([0.1, 1e3, 12000.5])), InvalidType),
        "negative money": set_money(
            lambda draw: draw(money(min_value=-(10**6), max_value="-0.01")), InvalidValue
        ),
        "non-finite money": set_money(
            lambda draw: draw(st.sampled_from([Decimal("NaN"), Decimal("Infinity"), Decimal("-Infinity")])),
            InvalidValue,
        ),
        "huge money": set_money(lambda draw: draw(st.sampled_from([huge, str(huge * 7)])), InvalidValue),
        "not a number": set_money(
            lambda draw: draw(st.sampled_from(["ten thousand", "1e", ""])), InvalidValue
        ),
        "unknown kind": unknown_kind,
        "not a list": not_a_list,
        "unknown building in sub-area": unknown_building,
        "term ends before it starts": term_reversed,
        "nested too deeply": too_deep,
        "negative count": set_count(lambda draw: draw(st.integers(-(10**6), -1)), InvalidValue),
        "bool count": set_count(lambda draw: draw(st.booleans()), InvalidType),
        "fractional count": set_count(
            lambda draw: draw(st.sampled_from([Decimal("2.5"), Decimal("0.1")])), InvalidValue
        ),
        "count too large": set_count(lambda draw: draw(st.integers(MAX_COUNT + 1, 10**12)), InvalidValue),
        "duplicate building id": duplicate_building,
        "missing id": missing_id,
        "id with surrounding white space": padded_id,
        "households below the buildings' sum": households_below,
        "duplicate community id": duplicate_community,
        "malformed date": bad_date,
        "project in an unknown office": unknown_office,
    }


#: Every defect :func:`invalid_district_documents` can plant.
DEFECTS: tuple[str, ...] = (
    "unknown field",
    "float money",
    "negative money",
    "non-finite money",
    "huge money",
    "not a number",
    "unknown kind",
    "not a list",
    "unknown building in sub-area",
    "term ends before it starts",
    "nested too deeply",
    "negative count",
    "bool count",
    "fractional count",
    "count too large",
    "duplicate building id",
    "missing id",
    "id with surrounding white space",
    "households below the buildings' sum",
    "duplicate community id",
    "malformed date",
    "project in an unknown office",
)


def invalid_district_documents(*, defects: Sequence[str] = DEFECTS) -> st.SearchStrategy[InvalidDocument]:
    """District documents with exactly one defect, and the error ``load_district`` must raise.

    Each example is an :class:`InvalidDocument` ``(document, path, error,
    defect)``: a valid district (see :func:`districts`), dumped to a plain
    mapping, with one of ``defects`` planted (see :data:`DEFECTS`: a negative,
    fractional, bool or too large count, a float, negative, non-finite or
    huge amount, an unknown field or kind, a duplicate or missing id, a
    malformed date, a dangling reference, nesting beyond ``MAX_DEPTH`` …).
    ``load_district(document)`` must raise ``error`` naming ``path``::

        @given(crst.invalid_district_documents())
        def test_rejects(case):
            with pytest.raises(case.error) as info:
                my_loader(case.document)
            assert info.value.path == case.path

    Shrinks towards a district of one office and two small communities.
    """
    if isinstance(defects, (str, bytes)) or not isinstance(defects, Sequence) or not defects:
        raise InvalidArgument(f"defects={defects!r} must be a non-empty sequence of defect names")
    unknown = [d for d in defects if d not in DEFECTS]
    if unknown:
        raise InvalidArgument(f"defects={defects!r} holds unknown defects {unknown!r}; valid: {DEFECTS!r}")
    return _invalid_district_documents(defects=defects)


def _prepare(draw: st.DrawFn, doc: dict[str, Any]) -> None:
    """Make room for every defect: two communities, the first with a building of some households."""
    offices = doc["offices"]
    first = offices[0].setdefault("communities", [])
    taken = [c["id"] for o in offices for c in o.get("communities", [])]
    while len(taken) < 2 or not first:
        name = _fresh("C", taken)
        first.append({"id": name})
        taken.append(name)
    community = first[0]
    households = draw(st.integers(1, 1_000))
    buildings = community.setdefault("buildings", [])
    buildings.append({"id": _fresh("B", [b["id"] for b in buildings]), "households": households})
    community["households"] = community.get("households", 0) + households


@_composite(invalid_district_documents)
def _invalid_district_documents(draw: st.DrawFn, *, defects: Sequence[str]) -> InvalidDocument:
    district = _make_district(draw, **_BASE)
    doc = copy.deepcopy(dump_district(district))
    _prepare(draw, doc)
    name = draw(st.sampled_from(defects))
    path, error = _defects(doc)[name](draw)
    return InvalidDocument(doc, path, error, name)


_BASE: dict[str, Any] = {
    "min_offices": 1,
    "max_offices": 2,
    "min_communities": 0,
    "max_communities": 2,
    "max_buildings": 4,
    "max_projects": 1,
    "allow_unknown": True,
}
