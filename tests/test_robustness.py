"""Junk in, the library's own errors out (in the spirit of python-stdnum's test_robustness).

Every public callable — the names of ``community_rules.__all__`` and of each
module's ``__all__``, found programmatically so that new names are swept
automatically — is fed junk for each of its parameters in turn: wrong types,
NaN and infinities, huge and negative numbers, deep and recursive nesting,
broken encodings, values of the wrong enum or class. Each call must either
return or raise a :class:`community_rules.Error` (whose ``str()`` works);
never a bare ``TypeError``, ``KeyError``, ``AttributeError``,
``RecursionError`` … The loader gets broken documents besides: random bytes,
bad encodings, deep nesting, huge numbers, and valid documents with one leaf
replaced by junk. The documented limits (docs/limits.md) are checked at their
boundaries.
"""

from __future__ import annotations

import datetime
import decimal
import enum
import importlib
import inspect
import json
import pkgutil
import re
import types
from collections.abc import Callable, Iterator
from decimal import Decimal
from pathlib import Path
from typing import Any

import attrs
import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

import community_rules as cr
from community_rules import documents
from community_rules import strategies as crst
from community_rules._fields import MAX_COUNT
from community_rules.documents import MAX_DEPTH
from community_rules.enums import CommunityKind, Education, Level
from community_rules.money import MAX_AMOUNT

# --- what to sweep --------------------------------------------------------------------

#: Modules that are not part of the library's input surface: the command line (tested
#: through its own exit codes), the optional Hypothesis strategies and the test helpers.
_NOT_SWEPT_MODULES = {"cli", "strategies", "invariants"}


def _modules() -> list[Any]:
    names = sorted(m.name for m in pkgutil.iter_modules(cr.__path__) if not m.name.startswith("_"))
    found = [cr]
    for name in names:
        if name in _NOT_SWEPT_MODULES:
            continue
        try:
            found.append(importlib.import_module(f"community_rules.{name}"))
        except ImportError:  # an optional extra (numpy, dask) not installed: nothing to sweep
            continue
    return found


def _validates(cls: type[Any]) -> bool:
    """True for a class that checks its input: attrs validators or converters, or a post-init hook."""
    if not attrs.has(cls):
        return True  # a hand-written class: sweep it
    return hasattr(cls, "__attrs_post_init__") or any(
        f.validator is not None or f.converter is not None for f in attrs.fields(cls)
    )


def _canonical(obj: Any) -> str:
    """``module.name`` where ``obj`` is defined (the same whichever module re-exports it)."""
    return f"{obj.__module__}.{getattr(obj, '__qualname__', type(obj).__qualname__)}"


def _public_callables() -> dict[str, Callable[..., Any]]:
    """``"module.name" -> callable`` for every function and input class of a public ``__all__``.

    Keyed by where each is defined. Exceptions, enums (swept through the fields that take
    them), protocols, typing aliases and result classes that validate nothing (the library
    builds them itself) are left out.
    """
    found: dict[str, Callable[..., Any]] = {}
    for module in _modules():
        for name in getattr(module, "__all__", ()):
            obj = getattr(module, name)
            if isinstance(obj, types.GenericAlias):
                continue  # a type alias (on Python 3.10 inspect.isclass says True of one)
            if inspect.isclass(obj):
                if (
                    issubclass(obj, (BaseException, enum.Enum))
                    or getattr(obj, "_is_protocol", False)
                    or not _validates(obj)
                ):
                    continue
            elif not inspect.isfunction(obj):
                continue
            found[_canonical(obj)] = obj
    return found


PUBLIC = _public_callables()
#: The stable API (``community_rules.__all__``): swept in the default run; the rest is slow.
STABLE = {_canonical(obj) for obj in (getattr(cr, n) for n in cr.__all__) if callable(obj)} & set(PUBLIC)


def _deep_list(depth: int) -> list[Any]:
    value: list[Any] = []
    for _ in range(depth):
        value = [value]
    return value


def _deep_dict(depth: int) -> dict[str, Any]:
    value: dict[str, Any] = {}
    for _ in range(depth):
        value = {"x": value}
    return value


def _recursive_list() -> list[Any]:
    value: list[Any] = []
    value.append(value)
    return value


class _Str(str):
    pass


class _Int(int):
    pass


#: Junk, with a label for the failure message. Some junk is valid for some
#: parameters (None for an optional one, 0 for a count); that is fine: the call
#: then returns, which is also allowed. (Decimal('1E-999999'), a tiny amount with
#: a huge exponent, has a test of its own: TestLimits.)
JUNK: list[tuple[str, Callable[[], Any]]] = [
    ("None", lambda: None),
    ("True", lambda: True),
    ("-1", lambda: -1),
    ("10**100", lambda: 10**100),
    ("-10**100", lambda: -(10**100)),
    ("float 1.5", lambda: 1.5),
    ("float nan", lambda: float("nan")),
    ("float inf", lambda: float("inf")),
    ("Decimal NaN", lambda: Decimal("NaN")),
    ("Decimal sNaN", lambda: Decimal("sNaN")),
    ("Decimal -Infinity", lambda: Decimal("-Infinity")),
    ("Decimal 1E+999999", lambda: Decimal("1E+999999")),
    ("empty string", lambda: ""),
    ("blank string", lambda: "   "),
    ("string", lambda: "abc"),
    ("NUL string", lambda: "\x00"),
    ("lone surrogate", lambda: "\ud800"),
    ("str subclass", lambda: _Str("x")),
    ("int subclass", lambda: _Int(3)),
    ("bad UTF-8 bytes", lambda: b"\xff\xfe\xfa"),
    ("bytearray", lambda: bytearray(b"x")),
    ("complex", lambda: 1j),
    ("object", object),
    ("empty list", list),
    ("empty dict", dict),
    ("set", lambda: {1, 2}),
    ("list of junk", lambda: [object(), None, float("nan")]),
    ("dict of junk", lambda: {"id": object(), 1: 2}),
    ("deep list", lambda: _deep_list(5_000)),
    ("deep dict", lambda: _deep_dict(5_000)),
    ("recursive list", _recursive_list),
    ("generator", lambda: iter([1, 2])),
    ("datetime", lambda: datetime.datetime(2020, 1, 1, 12, 0)),
    ("first date", lambda: datetime.date.min),
    ("last date", lambda: datetime.date.max),
    ("time", lambda: datetime.time(12, 0)),
    ("Ellipsis", lambda: ...),
    ("a class", lambda: int),
    ("a function", lambda: print),
    ("wrong enum", lambda: Level.DEPARTMENT),
    ("wrong model object", lambda: cr.Building("B", 1)),
]

# --- valid arguments ----------------------------------------------------------------------


def _small_community() -> cr.Community:
    return cr.Community(
        "C1",
        buildings=[cr.Building("B1", 300), cr.Building("B2", 150, compound="Garden")],
        staff=2,
        office_funds=Decimal("4500"),
        office_space_m2=Decimal("160"),
    )


def _small_district() -> cr.District:
    return cr.District("D", offices=[cr.SubDistrictOffice("O", communities=[_small_community()])])


def _report() -> Any:
    from community_rules.compliance import check

    return check(_small_district(), as_of=datetime.date(2009, 6, 1))


def _scores() -> Any:
    from community_rules.scores import Ballots, Scores, UnitScores

    unit = UnitScores("community", "C1", daily=[70, 80], year_end=85, ballots=Ballots(3, 1, 1, "2009-12-20"))
    return Scores(2009, [unit])


def _parallel() -> Any:
    return importlib.import_module("community_rules.parallel")


def _district_of(offices: Any) -> Any:
    return cr.District("D", offices=offices)


def _chunk() -> Any:
    return _parallel().chunks(_small_district(), 10)[0]


#: A valid value for each required parameter, by name. (callable, parameter) pairs
#: override the name where one name means different things.
VALID: dict[str, Callable[[], Any]] = {
    "total": lambda: Decimal("100.00"),
    "weights": lambda: [1, 2, 3],
    "clause_id": lambda: "3.2",
    "interpretation_id": lambda: "I-1",
    "district": _small_district,
    "policy": lambda: cr.DEFAULT_POLICY,
    "source": lambda: cr.dump_district(_small_district()),
    "scores": _scores,
    "community": _small_community,
    "level": lambda: Level.COMMUNITY,
    "daily": lambda: [Decimal(70), Decimal(80)],
    "year_end": lambda: Decimal(85),
    "residents": lambda: Decimal(72),
    "score": lambda: Decimal("79.60"),
    "author": lambda: "sub_district_office",
    "satisfied": lambda: 3,
    "basically_satisfied": lambda: 1,
    "dissatisfied": lambda: 1,
    "year": lambda: 2009,
    "year_allowance": lambda: Decimal("1200.00"),
    "subject": _small_district,
    "alternative": lambda: cr.Policy(),
    "rule_id": lambda: "staffing.quota",
    "day": lambda: datetime.date(2009, 3, 5),
    "cutoff": lambda: datetime.date(2008, 1, 1),
    "value": lambda: "2009-03-05",
    "text": lambda: "社区 community",
    "width": lambda: 12,
    "name": lambda: "社会事业局",
    "explanation": lambda: _report().explain("staffing.quota")[0],
    "as_of": lambda: datetime.date(2009, 12, 31),
    "education": lambda: Education.BACHELOR,
    "f": lambda: _report().findings[0],
    "report": _report,
    "start": lambda: datetime.date(2025, 6, 20),
    "end": lambda: datetime.date(2025, 7, 31),
    "households": lambda: 1150,
    "current_staff": lambda: 1,
    "n_buildings": lambda: 5,
    "buildings": lambda: [cr.Building("B1", 300), cr.Building("B2", 150)],
    "performance_part": lambda: Decimal("1296.31"),
    "female": lambda: True,
    "monthly_pay": lambda: Decimal("4321.05"),
    "office_funds": lambda: Decimal("333.33"),
    "minuend": lambda: Decimal("5.00"),
    "subtrahend": lambda: Decimal("1.25"),
    "values": lambda: [Decimal("1.10"), Decimal("2.20")],
    "amount": lambda: Decimal("3024.735"),
    "rounding": lambda: decimal.ROUND_HALF_UP,
    "kind": lambda: CommunityKind.NEW,
    "communities": lambda: [_small_community()],
    "projects": lambda: list(_small_district().projects),
    "candidate": lambda: importlib.import_module("community_rules.staffing").Candidate("A", exam_score="90"),
    "candidates": lambda: [
        importlib.import_module("community_rules.staffing").Candidate("A", exam_score="90")
    ],
    "topic": lambda: "recruitment",
    "id": lambda: "X",
    "office": lambda: _small_district().offices[0],
    "versions": lambda: ((datetime.date(2009, 1, 1), cr.DEFAULT_POLICY),),
}
OVERRIDES: dict[tuple[str, str], Callable[[], Any]] = {
    ("community_rules.money.to_decimal", "value"): lambda: "12.5",
    ("community_rules.money.to_money", "value"): lambda: "12.50",
    ("community_rules.documents.to_json", "value"): lambda: {"a": [1, Decimal("2.5")]},
    ("community_rules.documents.read_document", "source"): lambda: b'{"id": "D"}',
    ("community_rules.duties.topic", "name"): lambda: "recruitment",
    ("community_rules.duties.responsible_for", "name"): lambda: "recruitment",
    ("community_rules.money.scale", "amount"): lambda: Decimal("10000"),
    ("community_rules.staffing.check_education", "subject"): lambda: "S1",
    ("community_rules.documents.load_policy", "source"): lambda: {"office_funds_per_thousand": 12000},
    ("community_rules.documents.load_office", "source"): lambda: cr.dump_office(_small_district().offices[0]),
    ("community_rules.scores.load_scores", "source"): lambda: {"year": 2009, "units": []},
    ("community_rules.scores.read_ballots", "source"): lambda: (
        b"level,id,community,satisfied,basically_satisfied,dissatisfied,date\n"
        b"community,C1,,3,1,1,2009-12-20\n"
    ),
    ("community_rules.scores.to_score", "value"): lambda: "85",
    ("community_rules.space.space_deadline", "policy"): lambda: attrs.evolve(
        cr.DEFAULT_POLICY, adoption_year=2009
    ),
    ("community_rules.scores.Ballots", "date"): lambda: datetime.date(2009, 12, 20),
    ("community_rules.scores.PlanFiling", "author"): lambda: "sub_district_office",
    ("community_rules.scores.PlanFiling", "author_id"): lambda: "O",
    ("community_rules.scores.PlanFiling", "filed_with"): lambda: "social_affairs_bureau",
    # The columnar forms take one row per community (lists or numpy arrays).
    ("community_rules.columnar.staff_quota", "households"): lambda: [1150, 0],
    ("community_rules.columnar.hiring_plan", "households"): lambda: [1150],
    ("community_rules.columnar.hiring_plan", "current_staff"): lambda: [1],
    ("community_rules.columnar.office_funds_minimum", "households"): lambda: [2400],
    ("community_rules.columnar.welfare_funds_minimum", "office_funds"): lambda: [33333],
    ("community_rules.columnar.welfare_funds_required", "households"): lambda: [2400],
    ("community_rules.columnar.required_space", "is_new"): lambda: [True, False],
    ("community_rules.columnar.space_meets", "office_space"): lambda: [15000, 20000],
    ("community_rules.columnar.space_meets", "is_new"): lambda: [False, True],
    ("community_rules.columnar.space_gap", "office_space"): lambda: [15000, 20000],
    ("community_rules.columnar.space_gap", "is_new"): lambda: [False, True],
    ("community_rules.columnar.building_head_count", "n_buildings"): lambda: [0, 5],
    ("community_rules.columnar.partition_counts", "offsets"): lambda: [0, 2],
    ("community_rules.columnar.partition_counts", "households"): lambda: [300, 150],
    ("community_rules.columnar.to_fen", "amounts"): lambda: [Decimal("1.50")],
    ("community_rules.columnar.from_fen", "fen"): lambda: [150],
    ("community_rules.columnar.to_area", "areas"): lambda: [Decimal("150.25")],
    ("community_rules.columnar.from_area", "units"): lambda: [15025],
    ("community_rules.parallel.chunks", "size"): lambda: 10,
    ("community_rules.parallel.check_chunk", "chunk"): lambda: _chunk(),
    ("community_rules.parallel.assemble", "rows"): lambda: [_parallel().check_chunk(_chunk())],
    # One process, one chunk: the sweep must not start process pools.
    ("community_rules.parallel.check_parallel", "workers"): lambda: 1,
    ("community_rules.parallel.check_as_loaded", "offices"): lambda: _small_district().offices,
    ("community_rules.parallel.check_as_loaded", "district"): lambda: _district_of,
    ("community_rules.parallel.check_as_loaded", "workers"): lambda: 1,
    ("community_rules.distributed.check_dask", "scheduler"): lambda: "sync",
    # Fields whose default (None) is refused: the class needs a value.
    ("community_rules.staffing.Candidate", "exam_score"): lambda: "90",
    ("community_rules.model.PublicRoom", "area_m2"): lambda: Decimal("20"),
    ("community_rules.policy.Weights", "daily"): lambda: Decimal("0.3"),
    ("community_rules.policy.Weights", "year_end"): lambda: Decimal("0.4"),
    ("community_rules.policy.Weights", "residents"): lambda: Decimal("0.3"),
}


class _NoValidValue(Exception):
    pass


def _valid(qualname: str, param: str) -> Any:
    factory = OVERRIDES.get((qualname, param)) or VALID.get(param)
    if factory is None:
        raise _NoValidValue(param)
    return factory()


def _base_call(qualname: str, fn: Callable[..., Any]) -> tuple[list[Any], dict[str, Any], list[str]]:
    """Valid arguments for the required parameters of ``fn``, and the names with no valid value."""
    args: list[Any] = []
    kwargs: dict[str, Any] = {}
    missing = []
    for p in inspect.signature(fn).parameters.values():
        if p.kind in (p.VAR_POSITIONAL, p.VAR_KEYWORD):
            continue
        if p.default is not p.empty and (qualname, p.name) not in OVERRIDES:
            continue
        try:
            value = _valid(qualname, p.name)
        except _NoValidValue:
            missing.append(p.name)
            continue
        if p.kind is p.POSITIONAL_ONLY:
            args.append(value)
        else:
            kwargs[p.name] = value
    return args, kwargs, missing


_CONSTRUCTORS = {
    cr.Building,
    cr.BuildingHead,
    cr.Community,
    cr.District,
    cr.ExistingSubArea,
    cr.Project,
    cr.PublicRoom,
    cr.StaffMember,
    cr.SubDistrictOffice,
    cr.Workstation,
    cr.Policy,
    cr.PolicyTimeline,
    cr.Weights,
}


_CHINESE = re.compile("[\u4e00-\u9fff]")


def _call(fn: Callable[..., Any], args: list[Any], kwargs: dict[str, Any]) -> BaseException | None:
    """Call ``fn``; return the exception if it is not one of the library's (or cannot be shown).

    ``str()`` and ``repr()`` of the error must work too, even for a deeply nested value.
    """
    try:
        fn(*args, **kwargs)
    except cr.Error as exc:
        try:
            str(exc)
            repr(exc)
        except BaseException as inner:  # any failure to show the error is a leak
            return inner
        if not _CHINESE.search(exc.message_zh) or exc.message_zh == exc.message_en:
            # Every error is bilingual (CONTRIBUTING: messages in English and Chinese).
            return AssertionError(f"{type(exc).__name__} without a Chinese message: {exc.message_en!r}")
        return None
    except BaseException as exc:
        return exc
    return None


def _parameters(fn: Callable[..., Any]) -> list[str]:
    return [
        p.name
        for p in inspect.signature(fn).parameters.values()
        if p.kind not in (p.VAR_POSITIONAL, p.VAR_KEYWORD, p.POSITIONAL_ONLY)
    ]


#: Parameters that take a callback (``progress(done, total)``): a callable there is never junk.
CALLBACKS = frozenset({"progress"})


def _sweep(qualname: str, param: str) -> Iterator[str]:
    """Junk in parameter ``param`` of ``qualname`` (the others valid); yield a line per leak."""
    fn = PUBLIC[qualname]
    args, kwargs, missing = _base_call(qualname, fn)
    for label, make in JUNK:
        if param in CALLBACKS and callable(make()):
            continue  # any callable is a valid callback; what it raises is the caller's own
        call_kwargs = {q: make() for q in missing}  # no valid value known: junk there too
        call_kwargs.update(kwargs)
        call_kwargs[param] = make()
        leak = _call(fn, args, call_kwargs)
        if leak is not None:
            yield f"{qualname}({param}=<{label}>): {type(leak).__name__}: {str(leak)[:120]}"


#: Leaks known and not yet fixed, each marked xfail(strict=True): when one is fixed its
#: test passes, fails as XPASS, and the entry must go. Empty today: every leak the sweep
#: found has been fixed. Regenerate with ``python tests/test_robustness.py``.
KNOWN_LEAKS: dict[tuple[str, str], str] = {}


def _items() -> list[Any]:
    items = []
    for qualname in sorted(PUBLIC):
        for param in _parameters(PUBLIC[qualname]):
            marks = [] if qualname in STABLE else [pytest.mark.slow]
            reason = KNOWN_LEAKS.get((qualname, param))
            if reason is not None:
                marks.append(pytest.mark.xfail(reason=reason, strict=True))
            items.append(pytest.param(qualname, param, marks=marks, id=f"{qualname}-{param}"))
    return items


class TestSweep:
    def test_the_sweep_finds_the_api(self) -> None:
        # The SPEC §3 names are all swept (not silently dropped by the filters above).
        for obj in (cr.load_district, cr.Building, cr.allocate, *_CONSTRUCTORS):
            assert _canonical(obj) in PUBLIC
            assert _canonical(obj) in STABLE

    def test_every_function_and_constructor_has_valid_arguments(self) -> None:
        # So that each parameter is swept with valid neighbours: a new public function
        # whose required parameters are not in VALID fails here, naming them.
        lacking = {}
        for qualname, fn in PUBLIC.items():
            _, _, missing = _base_call(qualname, fn)
            if missing:
                lacking[qualname] = missing
        assert not lacking, f"add valid values to VALID/OVERRIDES for: {lacking}"

    def test_the_valid_arguments_are_valid(self) -> None:
        failures = {}
        for qualname, fn in PUBLIC.items():
            args, kwargs, missing = _base_call(qualname, fn)
            if missing:
                continue
            try:
                fn(*args, **kwargs)
            except Exception as exc:
                failures[qualname] = f"{type(exc).__name__}: {exc}"
        assert not failures, failures

    def test_every_known_leak_is_still_swept(self) -> None:
        # An entry for a name or parameter that no longer exists is stale.
        swept = {(q, p) for q in PUBLIC for p in _parameters(PUBLIC[q])}
        assert not set(KNOWN_LEAKS) - swept, set(KNOWN_LEAKS) - swept

    @pytest.mark.parametrize(("qualname", "param"), _items())
    def test_junk_meets_the_library_errors(self, qualname: str, param: str) -> None:
        leaks = list(_sweep(qualname, param))
        assert not leaks, "\n".join(leaks)


class TestShowingErrors:
    @pytest.mark.parametrize("junk", ["deep list", "deep dict"])
    def test_an_error_about_a_deeply_nested_value_can_be_shown(self, junk: str) -> None:
        value = dict(JUNK)[junk]()
        with pytest.raises(cr.Error) as info:
            cr.Building("B", value)
        str(info.value)

    def test_an_error_about_a_recursive_value_can_be_shown(self) -> None:
        with pytest.raises(cr.Error) as info:
            cr.Building("B", _recursive_list())
        assert "[[...]]" in str(info.value)


# --- the loader ------------------------------------------------------------------------


def _loads(source: Any) -> None:
    """Load ``source``; anything but success or a library error is a leak."""
    leak = _call(cr.load_district, [source], {})
    if leak is not None:
        raise AssertionError(f"load_district leaked {type(leak).__name__}: {leak}") from leak


class TestLoader:
    @pytest.mark.parametrize(
        "raw",
        [
            b"",
            b"\xff\xfe{\x00}\x00",  # UTF-16 with a BOM
            b'\xef\xbb\xbf{"id": "D"}',  # UTF-8 with a BOM: fine
            b'{"id": "\xed\xa0\x80"}',  # an encoded lone surrogate: not UTF-8
            b'{"id": "D\\ud800"}',  # an escaped lone surrogate
            b'{"id": "D", "id": "E"}',
            b'{"id": "D", "offices": NaN}',
            b'{"id": "D", "offices": [{"id": "O", "communities": [{"id": "C", "households": 1e400}]}]}',
            b'{"id": "D", "offices": [{"id": "O", "communities": [{"id": "C", "households": 1'
            + b"0" * 5_000
            + b"}]}]}",
            b"[" * 100_000,
            b'{"id": "D", "name": ' + b"[" * 100_000,
            b"a = " + b"[" * 100_000,
            b"id = 'D'\nname = " + b"[" * 40 + b"]" * 40,
            b"id = 'D'\n[[offices]]\nid = 'O'\n[[offices.communities]]\nid = 'C'\noffice_funds = nan\n",
            b"id = 'D'\n[[offices]]\nid = 'O'\n[[offices.communities]]\nid = 'C'\nhouseholds = 1.0\n",
            b"id = 'D'\n[[projects]]\nid = 'P'\ncompleted = 10:00:00\n",
            b"\x00" * 64,
            b"null",
            b"[1, 2]",
            b'"x"',
        ],
    )
    def test_broken_documents(self, raw: bytes) -> None:
        _loads(raw)

    def test_an_escaped_lone_surrogate_is_refused(self) -> None:
        # Valid JSON, but no UTF-8 file can hold it: dumping the district would fail later.
        with pytest.raises(cr.InvalidValue) as info:
            cr.load_district(b'{"id": "D\\ud800"}')
        assert info.value.path == "id"

    @settings(max_examples=100, deadline=None)
    @given(st.binary(max_size=300))
    def test_random_bytes(self, raw: bytes) -> None:
        _loads(raw)

    @settings(max_examples=80, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(
        st.recursive(
            st.none() | st.booleans() | st.integers() | st.floats() | st.decimals() | st.text(max_size=5),
            lambda inner: (
                st.lists(inner, max_size=3)
                | st.dictionaries(
                    st.sampled_from(["id", "offices", "communities", "buildings", "households"]), inner
                )
            ),
            max_leaves=20,
        )
    )
    def test_random_json_values(self, value: Any) -> None:
        _loads(value)
        _loads({"id": "D", "offices": [{"id": "O", "communities": [value]}]})

    @settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
    @given(crst.districts(max_offices=2, max_communities=2, max_buildings=3), st.data())
    def test_a_valid_document_with_one_leaf_replaced_by_junk(self, district: cr.District, data: Any) -> None:
        doc = cr.dump_district(district)
        leaves = list(_leaves(doc))
        container, key = data.draw(st.sampled_from(leaves))
        _label, make = data.draw(st.sampled_from(JUNK))
        container[key] = make()
        _loads(doc)


def _leaves(node: Any) -> Iterator[tuple[Any, Any]]:
    """Every ``(container, key)`` of a plain document, the containers themselves included."""
    items = node.items() if isinstance(node, dict) else enumerate(node)
    for key, value in items:
        yield node, key
        if isinstance(value, (dict, list)):
            yield from _leaves(value)


# --- the documented limits (docs/limits.md) -------------------------------------------------


class TestLimits:
    def test_the_largest_count(self) -> None:
        assert cr.Building("B", MAX_COUNT).households == 10**9
        with pytest.raises(cr.InvalidValue, match="too large"):
            cr.Building("B", MAX_COUNT + 1)

    def test_the_largest_amount(self) -> None:
        largest = MAX_AMOUNT - Decimal("0.01")
        assert cr.Community("C", office_funds=largest).office_funds == Decimal("999999999999999.99")
        with pytest.raises(cr.InvalidValue, match="too large"):
            cr.Community("C", office_funds=MAX_AMOUNT)
        with pytest.raises(cr.InvalidValue, match="too large"):
            cr.Community("C", office_funds="1e15")

    @pytest.mark.parametrize("tiny", ["1E-999999", "0." + "0" * 5_000 + "1"])
    def test_the_most_decimal_places(self, tiny: str) -> None:
        # Refused up front: exact arithmetic on 1E-999999 would take minutes (docs/limits.md).
        with pytest.raises(cr.InvalidValue, match="more than 100 decimal places") as info:
            cr.Community("C", office_funds=tiny)
        assert info.value.path == "office_funds"

    def test_a_hundred_decimal_places_and_trailing_zeros_are_accepted(self) -> None:
        assert cr.Community("C", office_funds="1E-100").office_funds == Decimal("1E-100")
        assert cr.Community("C", office_funds="5." + "0" * 5_000).office_funds == 5
        with pytest.raises(cr.InvalidValue, match="more than 100 decimal places"):
            cr.Community("C", office_funds="1E-101")

    def test_the_deepest_document(self) -> None:
        def nested(depth: int) -> dict[str, Any]:
            # The document is level 1 and its "name" level 2: depth - 2 lists below it.
            value: Any = "x"
            for _ in range(depth - 2):
                value = [value]
            return {"id": "D", "name": value}

        with pytest.raises(cr.InvalidType) as within:  # deep enough to read, but a name is a string
            cr.load_district(nested(MAX_DEPTH))
        assert within.value.path == "name"
        with pytest.raises(cr.LimitExceeded) as beyond:
            cr.load_district(nested(MAX_DEPTH + 1))
        assert beyond.value.path == "name" + "[0]" * (MAX_DEPTH - 1)

    def test_the_deepest_document_as_json_text(self) -> None:
        text = json.dumps({"id": "D", "name": json.loads("[" * 40 + "]" * 40)})
        with pytest.raises(cr.LimitExceeded) as info:
            cr.load_district(text.encode())
        assert info.value.path.startswith("name[0]")

    def test_the_largest_file(self, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
        # MAX_DOCUMENT_BYTES is 1 GiB; lowered here so that the test does not write one.
        path = tmp_path / "district.json"
        path.write_bytes(b'{"id": "D"}')
        monkeypatch.setattr(documents, "MAX_DOCUMENT_BYTES", 11)
        assert cr.load_district(path).id == "D"
        assert cr.load_district(b'{"id": "D"}').id == "D"
        monkeypatch.setattr(documents, "MAX_DOCUMENT_BYTES", 10)
        with pytest.raises(cr.LimitExceeded) as from_file:
            cr.load_district(path)
        assert from_file.value.path == str(path)
        with pytest.raises(cr.LimitExceeded):
            cr.load_district(b'{"id": "D"}')

    def test_the_default_limits(self) -> None:
        # The numbers docs/limits.md gives.
        assert (
            10**9,
            Decimal(10) ** 15,
            32,
            1 << 30,
        ) == (MAX_COUNT, MAX_AMOUNT, MAX_DEPTH, documents.MAX_DOCUMENT_BYTES)


if __name__ == "__main__":  # print the current KNOWN_LEAKS table
    import contextlib
    import io

    lines = []
    with contextlib.redirect_stdout(io.StringIO()):  # junk such as print() as a callback writes here
        for qualname in sorted(PUBLIC):
            for param in _parameters(PUBLIC[qualname]):
                leaks = list(_sweep(qualname, param))
                if leaks:
                    first = leaks[0].split(": ", 1)[1]
                    lines.append(f"    ({qualname!r}, {param!r}): {first[:90]!r},")
    print("KNOWN_LEAKS: dict[tuple[str, str], str] = {", *lines, "}", sep="\n")
