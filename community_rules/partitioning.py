"""Residential sub-areas, sub-area heads and building heads (clause 2.2.1).

Clause 2.2.1 of the opinion (人员配备) reads:

    社区居委会可根据居民居住情况划分若干个居民小区,原则上每500户为一小区,封闭小区和较分散且相对独立的
    区域可单设为一个小区,每个小区设小区长1名,由居委会工作人员兼任。居民小区的划分可与居民小组的划分相结合;
    每2-3栋居民楼设楼长1名。

The residents' committee may divide its community into *residential
sub-areas* (居民小区), in principle one per 500 households (户); a *gated
compound* (封闭小区), or a scattered but self-contained area, may be a sub-area
of its own; every sub-area has one *sub-area head* (小区长), a member of the
committee staff (居委会工作人员) holding the post part-time; the division may
follow the *residents' groups* (居民小组); and there is one *building head*
(楼长) for every 2–3 *residential buildings* (居民楼).

The text leaves the arithmetic open; this module follows the readings of SPEC
§4, each switchable through :class:`~community_rules.policy.Policy`:

- **I-1** (原则上每500户为一小区): 500 households is a cap. Buildings keep the
  order given (the street order). A building of more than 500 households is a
  sub-area of its own and cuts the pool into *runs*; each run is cut into the
  fewest contiguous sub-areas of at most 500 households, and among those into
  the one whose largest sub-area is smallest. ``Policy.sub_area_rule =
  SubAreaRule.NEAREST`` selects the alternative: per run
  ``max(1, round_half_up(H / 500))`` sub-areas, again balanced (never more
  than one per building: every building of a run is within the cap).
- **I-2** (封闭小区…可单设为一个小区): the buildings of one compound
  (``Building.compound``) never share a sub-area with other buildings; a
  compound over the cap is cut by I-1 within itself. Sub-areas are ordered by
  their first building's position in the input.
- **I-3** (每2-3栋居民楼设楼长1名): within a sub-area, consecutive groups of 2–3
  buildings, as few as possible (``ceil(n / 3)``); a sub-area of one building
  gives it a head of its own; among the fewest groups, the one whose largest
  group (in households) is smallest. Groups never cross a sub-area boundary.
- **Residents' groups** (居民小区的划分可与居民小组的划分相结合): with
  ``Policy.keep_residents_groups``, the buildings of one residents' group
  (``Building.residents_group``) are never split across sub-areas unless the
  group alone exceeds the cap (then it is cut within itself, like a large
  compound). A group's buildings count as one block standing where its first
  building stands, even when the input lists them apart: a district officer
  who asks to keep groups whole means *whole*. A compound boundary (I-2) still
  comes first.

Ties between equally good cuts go to the one in which each sub-area (and each
building group), from the first in street order, takes as many buildings as
the balanced bound allows, so the result is unique and reproducible.

The cuts are computed exactly, not greedily: the fewest sub-areas under a cap
come from a greedy fill, the smallest feasible bound for that number from a
binary search over the bound with a greedy feasibility test (``O(n log H)``
per run), the building groups from a dynamic programme over the 2–3 window.

:func:`check_community` checks a committee's existing plan
(``Community.sub_areas``, ``Community.building_heads``) against the rule;
:data:`RULES` lists the checks. See ``docs/partitioning.md`` and rules R08–R14
of the opinion's rule list.

>>> from community_rules.model import Building
>>> street = [Building("B1", 300), Building("B2", 150), Building("B3", 100),
...           Building("B4", 250), Building("B5", 180)]
>>> plan = partition(street)
>>> plan
Partition(sub_areas=(('B1',), ('B2', 'B3'), ('B4', 'B5')), households=980, sub_area_heads=3, building_heads=3)
>>> [s.households for s in plan.sub_areas]
[300, 250, 430]
>>> print(plan.sub_areas[1].explain())
A run of 5 ordinary buildings (980 households) needs 3 sub-areas of at most 500 households (980 / 500 gives at least 2; 1 more because buildings are whole and neighbours stay together); balanced, the largest has 430 households (2.2.1: 原则上每500户为一小区; I-1). This sub-area: 2 buildings (B2, B3), 250 households, 1 building head.
>>> [g.households for g in partition([Building(str(i), h) for i, h in
...                                     enumerate([40, 60, 80, 30, 50])]).sub_areas[0].groups]
[100, 160]
>>> building_head_count(7)
3
>>> partition([Building("B1", 10), Building("B1", 20)])
Traceback (most recent call last):
...
community_rules.errors.InvalidValue: buildings[1].id: 'B1' is a duplicate building id (also buildings[0]) ...
"""

from __future__ import annotations

import datetime
import enum
import functools
import operator
from bisect import bisect_right
from collections import Counter
from collections.abc import Collection, Iterable, Iterator, Sequence
from itertools import accumulate, chain
from typing import ClassVar

import attrs

from ._fields import check_count
from .enums import Modality, Status
from .errors import InvalidType, InvalidValue
from .findings import Finding, Rule, Value
from .model import Building, Community, ExistingSubArea
from .policy import DEFAULT_POLICY, Policy, SubAreaRule
from .readings import interpretation

__all__ = [
    "RULES",
    "BuildingGroup",
    "Grouping",
    "Partition",
    "Run",
    "RunKind",
    "SubArea",
    "building_head_count",
    "check_community",
    "partition",
]

CLAUSE = "2.2.1"


# --- small helpers --------------------------------------------------------------


def _lang(lang: str) -> str:
    if lang not in ("en", "zh"):
        raise InvalidValue(
            "lang", lang, "is not a language (valid: zh, en)", "不是有效语言（有效值：zh, en）"
        )
    return lang


def _ceil_div(numerator: int, denominator: int) -> int:
    """``numerator / denominator`` (both ≥ 0, denominator > 0) rounded up (ROUND_CEILING)."""
    return -(-numerator // denominator)


def _half_up_div(numerator: int, denominator: int) -> int:
    """``numerator / denominator`` (both ≥ 0, denominator > 0) rounded half up (ROUND_HALF_UP)."""
    return (2 * numerator + denominator) // (2 * denominator)


def _ids(buildings: Sequence[Building], lang: str = "en", limit: int = 6) -> str:
    comma = "、" if lang == "zh" else ", "
    shown = comma.join(b.id for b in buildings[:limit])
    return shown + (comma + "…" if len(buildings) > limit else "")


def _words(interpretation_id: str) -> str:
    return interpretation(interpretation_id).words_zh


def _plural(n: int, word: str) -> str:
    return f"{n:,} {word}" + ("" if n == 1 else "s")


# --- results ----------------------------------------------------------------------


class RunKind(str, enum.Enum):
    """What a :class:`Run` of buildings is, which decides how it is cut (I-1, I-2)."""

    #: Ordinary buildings (no compound) between buildings over the cap.
    ORDINARY = "ordinary"
    #: The buildings of one gated compound or self-contained area (I-2).
    COMPOUND = "compound"
    #: One building of more than the cap: a sub-area of its own (I-1).
    LARGE_BUILDING = "large_building"
    #: A residents' group kept whole that alone exceeds the cap, cut within itself.
    LARGE_RESIDENTS_GROUP = "large_residents_group"

    def __str__(self) -> str:
        return str.__str__(self)


@attrs.frozen(repr=False)
class Run:
    """A stretch of buildings cut into sub-areas together, and why (I-1, I-2).

    ``buildings`` (in input order) with ``households`` households were cut
    into ``sub_areas`` sub-areas, the largest of which has ``largest``
    households, under ``rule`` with the cap ``cap``
    (``Policy.sub_area_households``). ``compound`` names the compound the run
    belongs to, ``residents_group`` the large residents' group it is;
    ``residents_groups_kept`` records ``Policy.keep_residents_groups``. The
    repr shows the buildings by id.
    """

    kind: RunKind
    buildings: tuple[Building, ...]
    households: int
    sub_areas: int
    largest: int
    cap: int
    rule: SubAreaRule
    compound: str | None = None
    residents_group: str | None = None
    residents_groups_kept: bool = False
    #: The clause ids this result rests on.
    clauses: ClassVar[tuple[str, ...]] = (CLAUSE,)
    #: The interpretations (SPEC §4) this result rests on.
    interpretations: ClassVar[tuple[str, ...]] = ("I-1", "I-2")

    def __repr__(self) -> str:
        ids = tuple(b.id for b in self.buildings)
        return (
            f"Run(kind={self.kind.value!r}, buildings={ids!r}, households={self.households!r}, "
            f"sub_areas={self.sub_areas!r}, largest={self.largest!r})"
        )

    @property
    def building_count(self) -> int:
        """The number of buildings in the run."""
        return len(self.buildings)

    @property
    def least_by_households(self) -> int:
        """``ceil(households / cap)``: the fewest sub-areas the households alone would allow."""
        return max(1, _ceil_div(self.households, self.cap))

    def explain(self, lang: str = "en") -> str:
        """Why this run forms this many sub-areas, in ``lang`` (``"en"`` or ``"zh"``)."""
        return self._explain_zh() if _lang(lang) == "zh" else self._explain_en()

    def _explain_en(self) -> str:
        cap, h, k, words = self.cap, self.households, self.sub_areas, _words("I-1")
        if self.kind is RunKind.LARGE_BUILDING:
            return (
                f"Building {self.buildings[0].id} has {h:,} households, more than {cap:,}: it is a "
                f"sub-area of its own and cuts its pool (2.2.1: {words}; I-1)."
            )
        n = self.building_count
        if self.kind is RunKind.COMPOUND:
            subject = (
                f"Compound {self.compound!r} ({_plural(n, 'building')}, {h:,} households) stands apart "
                f"from other buildings (2.2.1: {_words('I-2')}; I-2) and"
            )
        elif self.kind is RunKind.LARGE_RESIDENTS_GROUP:
            subject = (
                f"Residents' group {self.residents_group!r} ({_plural(n, 'building')}, {h:,} households), "
                f"more than {cap:,} and so cut within itself,"
            )
        else:
            subject = f"A run of {_plural(n, 'ordinary building')} ({h:,} households)"
        if self.rule is SubAreaRule.NEAREST:
            count = (
                f"forms the nearest whole number of sub-areas, max(1, round_half_up({h:,} / {cap:,})) = {k}"
            )
        elif k == 1:
            count = f"fits in one sub-area of at most {cap:,} households"
        else:
            least = self.least_by_households
            count = (
                f"needs {k} sub-areas of at most {cap:,} households ({h:,} / {cap:,} gives at least {least}"
            )
            if k > least:
                count += f"; {k - least} more because buildings are whole and neighbours stay together"
            count += ")"
        balance = f"; balanced, the largest has {self.largest:,} households" if k > 1 else ""
        return f"{subject} {count}{balance} (2.2.1: {words}; I-1)."

    def _explain_zh(self) -> str:
        cap, h, k, words = self.cap, self.households, self.sub_areas, _words("I-1")
        if self.kind is RunKind.LARGE_BUILDING:
            return (
                f"楼栋{self.buildings[0].id}有{h}户，超过{cap}户，单独设为一个小区，"
                f"并把所在楼栋序列隔开（2.2.1：{words}；I-1）。"
            )
        n = self.building_count
        if self.kind is RunKind.COMPOUND:
            subject = f"封闭小区或相对独立区域“{self.compound}”（{n}栋楼，{h}户）单独划分，不与其他楼栋合并（2.2.1：{_words('I-2')}；I-2），"
        elif self.kind is RunKind.LARGE_RESIDENTS_GROUP:
            subject = f"居民小组“{self.residents_group}”（{n}栋楼，{h}户）超过{cap}户，在组内划分，"
        else:
            subject = f"按街道顺序相邻的{n}栋普通楼栋（{h}户）"
        if self.rule is SubAreaRule.NEAREST:
            count = f"按最接近的整数划分：max(1, 四舍五入({h}÷{cap})) = {k}个小区"
        elif k == 1:
            count = f"可划为一个不超过{cap}户的小区"
        else:
            least = self.least_by_households
            count = f"需划分{k}个不超过{cap}户的小区（{h}÷{cap}至少需{least}个"
            if k > least:
                count += f"；楼栋不可拆分且相邻楼栋须在一起，多需{k - least}个"
            count += "）"
        balance = f"；均衡划分后最大的小区{self.largest}户" if k > 1 else ""
        return f"{subject}{count}{balance}（2.2.1：{words}；I-1）。"


@attrs.frozen
class Grouping:
    """How one sub-area's buildings are shared among building heads (I-3).

    ``building_count`` buildings form ``heads`` groups of ``min_buildings`` to
    ``max_buildings`` consecutive buildings (``min_buildings`` is
    ``Policy.building_head_min_buildings``, lowered only for a sub-area too
    small for it, such as a lone building); ``largest`` is the households of
    the largest group.
    """

    building_count: int
    heads: int
    largest: int
    min_buildings: int
    max_buildings: int
    #: The clause ids this result rests on.
    clauses: ClassVar[tuple[str, ...]] = (CLAUSE,)
    #: The interpretations (SPEC §4) this result rests on.
    interpretations: ClassVar[tuple[str, ...]] = ("I-3",)


@attrs.frozen(repr=False)
class BuildingGroup:
    """The buildings in one building head's care (楼长, 2.2.1; I-3).

    ``buildings`` are consecutive buildings of one sub-area, in input order;
    ``households`` their households; ``grouping`` how the sub-area was
    grouped. The repr shows the buildings by id.
    """

    buildings: tuple[Building, ...]
    households: int
    grouping: Grouping
    #: The clause ids this result rests on.
    clauses: ClassVar[tuple[str, ...]] = (CLAUSE,)
    #: The interpretations (SPEC §4) this result rests on.
    interpretations: ClassVar[tuple[str, ...]] = ("I-3",)

    def __repr__(self) -> str:
        ids = tuple(b.id for b in self.buildings)
        return f"BuildingGroup(buildings={ids!r}, households={self.households!r})"

    @property
    def reason_en(self) -> str:
        """:meth:`explain` in English."""
        return self.explain("en")

    @property
    def reason_zh(self) -> str:
        """:meth:`explain` in Chinese."""
        return self.explain("zh")

    def explain(self, lang: str = "en") -> str:
        """Why this building head cares for these buildings, in ``lang`` (``"en"`` or ``"zh"``)."""
        g, words = self.grouping, _words("I-3")
        k, h, first = len(self.buildings), self.households, self.buildings[0].id
        if _lang(lang) == "zh":
            if g.building_count == 1:
                return (
                    f"楼栋{first}（{h}户）是所在小区唯一的楼栋，单设楼长1名："
                    f"一栋楼无法满足“{words}”（2.2.1；I-3）。"
                )
            span = f"每{g.min_buildings}–{g.max_buildings}栋相邻楼栋设楼长1名（2.2.1：{words}；I-3）"
            mine = f"本组{k}栋（{_ids(self.buildings, 'zh')}），{h}户。"
            if g.heads == 1:
                return f"所在小区{g.building_count}栋楼设楼长1名：{span}；{mine}"
            return (
                f"所在小区{g.building_count}栋楼设楼长{g.heads}名：⌈{g.building_count}÷{g.max_buildings}⌉"
                f" = {g.heads}组，{span}，均衡后每名楼长负责不超过{g.largest}户；{mine}"
            )
        if g.building_count == 1:
            return (
                f"Building {first} ({h:,} households) is the only building of its sub-area and gets a "
                f"building head of its own: one building cannot meet '{words}' (2.2.1; I-3)."
            )
        span = f"{g.min_buildings}–{g.max_buildings} consecutive buildings share a head (2.2.1: {words}; I-3)"
        mine = f"{_plural(k, 'building')} ({_ids(self.buildings)}), {h:,} households"
        if g.heads == 1:
            return (
                f"The one building head of the {g.building_count} buildings of its sub-area: {span}; {mine}."
            )
        return (
            f"One of {g.heads} building heads for the {g.building_count} buildings of its sub-area: "
            f"ceil({g.building_count} / {g.max_buildings}) = {g.heads} groups; {span}; balanced so that no "
            f"head cares for more than {g.largest:,} households; this head: {mine}."
        )


@attrs.frozen(repr=False)
class SubArea:
    """One residential sub-area (居民小区, 2.2.1) with its building heads.

    ``buildings`` in input order; ``households`` their households;
    ``compound`` the compound it belongs to (None: ordinary buildings);
    ``groups`` the buildings in each building head's care; ``run`` the run
    of buildings it was cut from, which explains why. One sub-area head
    (小区长) per sub-area. The repr shows the buildings by id.
    """

    buildings: tuple[Building, ...]
    households: int
    compound: str | None
    groups: tuple[BuildingGroup, ...]
    run: Run
    #: The clause ids this result rests on.
    clauses: ClassVar[tuple[str, ...]] = (CLAUSE,)
    #: The interpretations (SPEC §4) this result rests on.
    interpretations: ClassVar[tuple[str, ...]] = ("I-1", "I-2", "I-3")

    def __repr__(self) -> str:
        ids = tuple(b.id for b in self.buildings)
        groups = tuple(tuple(b.id for b in g.buildings) for g in self.groups)
        return (
            f"SubArea(buildings={ids!r}, households={self.households!r}, "
            f"compound={self.compound!r}, groups={groups!r})"
        )

    @property
    def building_heads(self) -> int:
        """The number of building heads (楼长) of this sub-area."""
        return len(self.groups)

    @property
    def grouping(self) -> Grouping:
        """How this sub-area's buildings are shared among building heads (I-3)."""
        return self.groups[0].grouping

    @property
    def residents_groups(self) -> tuple[str, ...]:
        """The residents' groups (居民小组) its buildings belong to, in order of first appearance."""
        return tuple(dict.fromkeys(b.residents_group for b in self.buildings if b.residents_group))

    @property
    def reason_en(self) -> str:
        """:meth:`explain` in English."""
        return self.explain("en")

    @property
    def reason_zh(self) -> str:
        """:meth:`explain` in Chinese."""
        return self.explain("zh")

    def explain(self, lang: str = "en") -> str:
        """Why this sub-area is as it is, in ``lang`` (``"en"`` or ``"zh"``)."""
        label = "本小区：" if _lang(lang) == "zh" else "This sub-area: "
        return f"{self.run.explain(lang)} {label}{self._summary(lang)}"

    def _summary(self, lang: str) -> str:
        n, h, heads = len(self.buildings), self.households, len(self.groups)
        groups = self.residents_groups if self.run.residents_groups_kept else ()
        if _lang(lang) == "zh":
            kept = (
                f"居民小组{'、'.join(groups)}不拆分（居民小区的划分可与居民小组的划分相结合）。"
                if groups
                else ""
            )
            return f"{n}栋楼（{_ids(self.buildings, 'zh')}），{h}户，设小区长1名、楼长{heads}名。{kept}"
        kept = f" Residents' groups kept whole: {', '.join(groups)}." if groups else ""
        return (
            f"{_plural(n, 'building')} ({_ids(self.buildings)}), {h:,} households, "
            f"{_plural(heads, 'building head')}.{kept}"
        )


@attrs.frozen(repr=False)
class Partition:
    """A community's buildings divided into residential sub-areas and building heads' groups.

    ``sub_areas`` are ordered by where their first building stands in the
    input; ``sub_area_heads`` (小区长, one per sub-area) and ``building_heads``
    (楼长) are counts; ``households`` is the total. ``rule``, ``cap`` and
    ``residents_groups_kept`` record the policy the partition was made under.
    The repr shows each sub-area's building ids.
    """

    sub_areas: tuple[SubArea, ...]
    households: int
    sub_area_heads: int
    building_heads: int
    rule: SubAreaRule
    cap: int
    residents_groups_kept: bool = False
    #: The clause ids this result rests on.
    clauses: ClassVar[tuple[str, ...]] = (CLAUSE,)
    #: The interpretations (SPEC §4) this result rests on.
    interpretations: ClassVar[tuple[str, ...]] = ("I-1", "I-2", "I-3")

    def __repr__(self) -> str:
        areas = tuple(tuple(b.id for b in s.buildings) for s in self.sub_areas)
        return (
            f"Partition(sub_areas={areas!r}, households={self.households!r}, "
            f"sub_area_heads={self.sub_area_heads!r}, building_heads={self.building_heads!r})"
        )

    @property
    def groups(self) -> tuple[BuildingGroup, ...]:
        """Every building head's group, sub-area by sub-area."""
        return tuple(g for s in self.sub_areas for g in s.groups)

    @property
    def runs(self) -> tuple[Run, ...]:
        """The runs the sub-areas were cut from, in order of their first sub-area."""
        return tuple({id(s.run): s.run for s in self.sub_areas}.values())

    @property
    def building_count(self) -> int:
        """The number of buildings partitioned."""
        return sum(len(s.buildings) for s in self.sub_areas)

    @property
    def reason_en(self) -> str:
        """:meth:`explain` in English."""
        return self.explain("en")

    @property
    def reason_zh(self) -> str:
        """:meth:`explain` in Chinese."""
        return self.explain("zh")

    def explain(self, lang: str = "en") -> str:
        """Why this many sub-areas and building heads, run by run and sub-area by sub-area."""
        zh = _lang(lang) == "zh"
        n, h = self.building_count, self.households
        if zh:
            head = (
                f"{n}栋楼共{h}户：划分{self.sub_area_heads}个居民小区（每个小区设小区长1名），"
                f"设楼长{self.building_heads}名（2.2.1；I-1、I-2、I-3）。"
            )
        else:
            head = (
                f"{h:,} households in {_plural(n, 'building')}: "
                f"{_plural(self.sub_area_heads, 'residential sub-area')} (one sub-area head each) and "
                f"{_plural(self.building_heads, 'building head')} (2.2.1; I-1, I-2, I-3)."
            )
        lines = [head]
        lines.extend(f"- {run.explain(lang)}" for run in self.runs)
        label = "小区{}：" if zh else "Sub-area {}: "
        lines.extend(label.format(i) + s._summary(lang) for i, s in enumerate(self.sub_areas, 1))
        return "\n".join(lines)


# --- the cuts -----------------------------------------------------------------------


def _fewest(prefix: list[int], bound: int, limit: int) -> int:
    """The fewest contiguous parts of at most ``bound`` (greedy fill); stops counting past ``limit``.

    ``prefix`` holds the running sums of the weights; every single weight
    must be at most ``bound``. ``O(parts · log n)``.
    """
    last = len(prefix) - 1
    start = count = 0
    while start < last and count <= limit:
        start = bisect_right(prefix, prefix[start] + bound, start + 1) - 1
        count += 1
    return count


def _fill(prefix: list[int], bound: int, limit: int) -> tuple[int, int, int]:
    """:func:`_fewest`, with the largest part of the fill and the least sum that would lengthen one.

    The second is at most ``bound``, the third more than ``bound``: under
    every bound from ``bound`` to just below the third the greedy fill is the
    same, part for part.
    """
    last = len(prefix) - 1
    start = count = largest = 0
    grow = prefix[-1] + 1
    while start < last and count <= limit:
        base = prefix[start]
        start = bisect_right(prefix, base + bound, start + 1) - 1
        count += 1
        if prefix[start] - base > largest:
            largest = prefix[start] - base
        if start < last and prefix[start + 1] - base < grow:
            grow = prefix[start + 1] - base
    return count, largest, grow


def _parts(prefix: list[int], cap: int, nearest: bool) -> int:
    """How many sub-areas a run forms by I-1: the fewest within ``cap``, or the nearest number of caps.

    ``prefix`` holds the running sums of the run's weights.
    """
    total = prefix[-1]
    if nearest:
        return max(1, _half_up_div(total, cap))
    return 1 if total <= cap else _fewest(prefix, cap, len(prefix) - 1)


def _cut(
    weights: list[int], cap: int, nearest: bool, prefix: list[int] | None = None, parts: int = 0
) -> tuple[list[int], int]:
    """Cut ``weights`` into contiguous parts by I-1; return the parts' end positions and the largest part.

    The number of parts is the fewest under ``cap`` (or, ``nearest``, the
    nearest whole number of caps; never more than one per weight, since every
    weight of a run is within the cap); the bound is the smallest for which
    that many parts suffice (binary search over the bound with the greedy
    test, ``O(n log cap)``); the parts are then filled greedily under the
    bound, each leaving just enough weights for the parts still to come.
    ``prefix`` (the running sums) and ``parts`` (the number of parts) may be
    given when already worked out.
    """
    m = len(weights)
    if prefix is None:
        prefix = list(accumulate(weights, initial=0))
    total = prefix[-1]
    if not parts:
        parts = _parts(prefix, cap, nearest)
    if parts == 1:
        return [m], total
    high = total if nearest else cap
    low = max(max(weights), -(-total // parts))
    # The least bound lies in low..high. Each probe narrows by more than half: a fill
    # within `parts` shows its largest part is enough, and one that needs more stays
    # the same fill under every bound below its least lengthening sum (see _fill).
    while low < high:
        middle = (low + high) // 2
        count, largest, grow = _fill(prefix, middle, parts)
        if count <= parts:
            high = largest
        else:
            low = grow
    ends = []
    start = 0
    for later in range(parts - 1, -1, -1):
        start = bisect_right(prefix, prefix[start] + low, start + 1, m - later + 1) - 1
        ends.append(start)
    return ends, low


# Cached: a handful of sub-area sizes under one policy, asked for sub-area by sub-area.
@functools.lru_cache(maxsize=1024)
def _head_range(n: int, low: int, high: int) -> tuple[int, int, int]:
    """For a sub-area of ``n`` buildings: the fewest and the most building heads, and the least span.

    With ``low..high`` buildings per head (``Policy.building_head_min_buildings``
    and ``building_head_max_buildings``): the fewest heads is ``ceil(n / high)``;
    the least span is ``low``, lowered to what an even split allows when the
    sub-area is too small for it (a lone building: 1); the most heads is
    ``n // least``.
    """
    if n == 0:
        return 0, 0, 0
    fewest = _ceil_div(n, high)
    least = min(low, n // fewest)
    return fewest, n // least, least


def _group(weights: list[int], low: int, high: int) -> tuple[list[int], int]:
    """Cut ``weights`` into the fewest consecutive groups of ``low..high`` items, the largest smallest.

    A dynamic programme over suffixes, ``O(n · (high − low + 1))``:
    ``count[i]`` and ``worst[i]`` are the fewest groups for the items from
    ``i`` on and, among those, the smallest largest group. The groups are
    then taken from the front, each as long as the optimum allows.
    """
    n = len(weights)
    if n <= high:
        return [n], sum(weights)
    groups = _ceil_div(n, high)
    if n in (groups * high, groups * low):  # all groups of one size: nothing to choose
        size = n // groups
        return list(range(size, n + 1, size)), max(
            sum(weights[j - size : j]) for j in range(size, n + 1, size)
        )
    prefix = list(accumulate(weights, initial=0))
    never = n + 1
    count = [never] * (n + 1)
    worst = [0] * (n + 1)
    count[n] = 0
    for i in range(n - low, -1, -1):
        base = prefix[i]
        best_count, best_worst = never, 0
        for j in range(i + low, min(i + high, n) + 1):
            c = count[j] + 1
            if c > best_count:
                continue
            w = prefix[j] - base
            if worst[j] > w:
                w = worst[j]
            if c < best_count or w < best_worst:
                best_count, best_worst = c, w
        count[i], worst[i] = best_count, best_worst
    largest = worst[0]
    ends = []
    start = 0
    for later in range(groups - 1, -1, -1):
        j = min(start + high, n)
        while count[j] != later or worst[j] > largest or prefix[j] - prefix[start] > largest:
            j -= 1
        ends.append(j)
        start = j
    return ends, largest


class _RawRun:
    """A run before it is cut: input positions, and the weights of its atoms (private).

    An atom is a building, or a residents' group kept whole; with
    ``offsets``, atom ``k`` is ``positions[offsets[k]:offsets[k + 1]]``;
    without, every atom is one building.
    """

    __slots__ = ("compound", "group", "kind", "offsets", "parts", "positions", "prefix", "weights")

    def __init__(
        self,
        kind: RunKind,
        compound: str | None,
        group: str | None,
        positions: list[int],
        weights: list[int],
        offsets: list[int] | None = None,
    ) -> None:
        self.kind = kind
        self.compound = compound
        self.group = group
        self.positions = positions
        self.weights = weights
        self.offsets = offsets
        # Worked out by _sub_area_count and kept for the cut: the number of sub-areas
        # (0: not yet) and, when it took them, the running sums of the weights.
        self.parts = 0
        self.prefix: list[int] | None = None


def _split(
    runs: list[_RawRun],
    kind: RunKind,
    compound: str | None,
    group: str | None,
    positions: list[int],
    weights: list[int],
    cap: int,
) -> None:
    """Append the runs of single buildings between buildings over the cap, and those buildings."""
    if max(weights) <= cap:  # the common case: nothing over the cap
        runs.append(_RawRun(kind, compound, group, positions, weights))
        return
    start = 0
    for k in [k for k, w in enumerate(weights) if w > cap]:
        if k > start:
            runs.append(_RawRun(kind, compound, group, positions[start:k], weights[start:k]))
        runs.append(_RawRun(RunKind.LARGE_BUILDING, compound, group, [positions[k]], [weights[k]]))
        start = k + 1
    if start < len(positions):
        runs.append(_RawRun(kind, compound, group, positions[start:], weights[start:]))


def _blocks(members: list[int], buildings: Sequence[Building]) -> list[list[int]]:
    """The members as atoms: each residents' group one block where its first building stands."""
    blocks: list[list[int]] = []
    by_group: dict[str, list[int]] = {}
    for i in members:
        group = buildings[i].residents_group
        if group is None:
            blocks.append([i])
        elif group in by_group:
            by_group[group].append(i)
        else:
            by_group[group] = block = [i]
            blocks.append(block)
    return blocks


def _runs(buildings: Sequence[Building], households: list[int], policy: Policy) -> list[_RawRun]:
    """Split the buildings into pools (I-2) and the pools into runs at atoms over the cap (I-1)."""
    cap = policy.sub_area_households
    compounds = [b.compound for b in buildings]
    pools: dict[str | None, list[int]] = {}
    if any(compounds):
        for i, compound in enumerate(compounds):
            if compound in pools:  # (twice as fast as setdefault, which builds a list each time)
                pools[compound].append(i)
            else:
                pools[compound] = [i]
    elif buildings:  # the common case: one pool of ordinary buildings
        pools[None] = list(range(len(buildings)))
    runs: list[_RawRun] = []
    for compound, members in pools.items():
        kind = RunKind.ORDINARY if compound is None else RunKind.COMPOUND
        blocks = _blocks(members, buildings) if policy.keep_residents_groups else None
        if blocks is None or len(blocks) == len(members):
            weights = households if len(members) == len(households) else [households[i] for i in members]
            _split(runs, kind, compound, None, members, weights, cap)
            continue
        positions: list[int] = []
        weights = []
        offsets = [0]
        for block in blocks:
            weight = sum(households[i] for i in block)
            if weight <= cap:
                positions += block
                weights.append(weight)
                offsets.append(len(positions))
                continue
            if weights:
                runs.append(_RawRun(kind, compound, None, positions, weights, offsets))
                positions, weights, offsets = [], [], [0]
            if len(block) == 1:
                runs.append(_RawRun(RunKind.LARGE_BUILDING, compound, None, block, [weight]))
            else:
                group = buildings[block[0]].residents_group
                inner = [households[i] for i in block]
                _split(runs, RunKind.LARGE_RESIDENTS_GROUP, compound, group, block, inner, cap)
        if weights:
            runs.append(_RawRun(kind, compound, None, positions, weights, offsets))
    return runs


def _cut_runs(runs: list[_RawRun], policy: Policy) -> list[tuple[_RawRun, list[int], int]]:
    """Every run of :func:`_runs`, the ends of its sub-areas in ``run.positions``, and its largest sub-area.

    Sub-area ``k`` of a run is ``run.positions[ends[k - 1]:ends[k]]``, in
    input order (a run of residents' group blocks has each sub-area's slice
    sorted in place).
    """
    nearest = policy.sub_area_rule is SubAreaRule.NEAREST
    cap = policy.sub_area_households
    result = []
    for run in runs:
        if run.kind is RunKind.LARGE_BUILDING:  # over the cap: a sub-area of its own
            result.append((run, [1], run.weights[0]))
            continue
        ends, largest = _cut(run.weights, cap, nearest, run.prefix, run.parts)
        offsets = run.offsets
        if offsets is not None:  # from ends in blocks to ends in buildings, each slice in order
            ends = [offsets[end] for end in ends]
            positions = run.positions
            start = 0
            for end in ends:
                positions[start:end] = sorted(positions[start:end])
                start = end
        result.append((run, ends, largest))
    return result


def _sub_area_count(runs: list[_RawRun], policy: Policy) -> int:
    """How many sub-areas the optimal partition of ``runs`` has, without working out the balanced cuts."""
    nearest = policy.sub_area_rule is SubAreaRule.NEAREST
    cap = policy.sub_area_households
    count = 0
    for run in runs:
        if run.kind is RunKind.LARGE_BUILDING or (not nearest and sum(run.weights) <= cap):
            run.parts = 1
        else:
            run.prefix = list(accumulate(run.weights, initial=0))
            run.parts = _parts(run.prefix, cap, nearest)
        count += run.parts
    return count


def _sub_area_positions(runs: list[_RawRun], policy: Policy) -> list[list[int]]:
    """The optimal sub-areas of ``runs`` as lists of input positions (no result objects: for checks)."""
    parts = []
    for run, ends, _ in _cut_runs(runs, policy):
        start = 0
        for end in ends:
            parts.append(run.positions[start:end])
            start = end
    parts.sort()
    return parts


# --- the public functions ------------------------------------------------------------


def _check_policy(policy: object) -> Policy:
    if not isinstance(policy, Policy):
        raise InvalidType(
            "policy",
            policy,
            f"is a {type(policy).__name__}; expected a Policy",
            f"类型为 {type(policy).__name__}；应为 Policy",
        )
    return policy


def _check_buildings(buildings: object) -> tuple[Building, ...]:
    if isinstance(buildings, (str, bytes)) or not isinstance(buildings, Iterable):
        raise InvalidType(
            "buildings",
            buildings,
            f"is a {type(buildings).__name__}; expected a sequence of Building",
            f"类型为 {type(buildings).__name__}；应为 Building 序列",
        )
    items = tuple(buildings)
    if not set(map(type, items)) <= {Building}:
        for i, b in enumerate(items):
            if not isinstance(b, Building):
                raise InvalidType(
                    f"buildings[{i}]",
                    b,
                    f"is a {type(b).__name__}; expected a Building",
                    f"类型为 {type(b).__name__}；应为 Building",
                )
    ids = [b.id for b in items]
    if len(set(ids)) < len(ids):
        seen: dict[str, int] = {}
        for i, bid in enumerate(ids):
            if bid in seen:
                raise InvalidValue(
                    f"buildings[{i}].id",
                    bid,
                    f"is a duplicate building id (also buildings[{seen[bid]}])",
                    f"是重复的楼栋编号（亦见于 buildings[{seen[bid]}]）",
                )
            seen[bid] = i
    return items


def building_head_count(n_buildings: int, *, policy: Policy = DEFAULT_POLICY) -> int:
    """The building heads (楼长) one sub-area of ``n_buildings`` buildings needs (2.2.1; I-3).

    ``ceil(n / 3)`` groups of 2–3 consecutive buildings (``Policy.
    building_head_max_buildings`` and ``building_head_min_buildings``); a
    lone building gets a head of its own; 0 buildings need none. Groups never
    cross a sub-area boundary, so a community needs the sum over its
    sub-areas (``Partition.building_heads``).

    >>> [building_head_count(n) for n in range(8)]
    [0, 1, 1, 1, 2, 2, 2, 3]
    >>> building_head_count(-1)
    Traceback (most recent call last):
    ...
    community_rules.errors.InvalidValue: n_buildings: -1 is negative ...
    """
    _check_policy(policy)
    n = check_count("n_buildings", n_buildings)
    return _head_range(n, policy.building_head_min_buildings, policy.building_head_max_buildings)[0]


def _sub_area(members: tuple[Building, ...], weights: list[int], run: Run, low: int, high: int) -> SubArea:
    """One sub-area of ``run`` with its building heads' groups (I-3)."""
    n = len(members)
    total = sum(weights)
    least = _head_range(n, low, high)[2]
    if n <= high:  # one building head for the whole sub-area
        grouping = Grouping(n, 1, total, least, high)
        return SubArea(members, total, run.compound, (BuildingGroup(members, total, grouping),), run)
    ends, largest = _group(weights, least, high)
    grouping = Grouping(n, len(ends), largest, least, high)
    groups = []
    start = 0
    for end in ends:
        groups.append(BuildingGroup(members[start:end], sum(weights[start:end]), grouping))
        start = end
    return SubArea(members, total, run.compound, tuple(groups), run)


def partition(buildings: Iterable[Building], *, policy: Policy = DEFAULT_POLICY) -> Partition:
    """Divide ``buildings`` (in street order) into sub-areas and building heads' groups (2.2.1).

    Compounds stand apart (I-2); each run is cut into the fewest sub-areas of
    at most ``Policy.sub_area_households`` households, the most balanced
    among those (I-1; or the nearest whole number under
    ``SubAreaRule.NEAREST``); within each sub-area, the fewest building heads
    for 2–3 consecutive buildings each, the most balanced by households
    (I-3). With ``Policy.keep_residents_groups`` a residents' group is never
    split unless it alone exceeds the cap. Every sub-area and group explains
    itself (``explain()``).

    Raises :class:`~community_rules.errors.InvalidType` for an item that is
    not a :class:`~community_rules.model.Building` and
    :class:`~community_rules.errors.InvalidValue` for a duplicate id, naming
    ``buildings[i]``.

    >>> from community_rules.model import Building
    >>> p = partition([Building("B1", 620), Building("B2", 200), Building("B3", 90, compound="Garden")])
    >>> [(s.compound, s.households, s.run.kind.value) for s in p.sub_areas]
    [(None, 620, 'large_building'), (None, 200, 'ordinary'), ('Garden', 90, 'compound')]
    >>> partition([Building("B1", 10), "B2"])
    Traceback (most recent call last):
    ...
    community_rules.errors.InvalidType: buildings[1]: 'B2' is a str; expected a Building ...
    """
    _check_policy(policy)
    items = _check_buildings(buildings)
    low, high = policy.building_head_min_buildings, policy.building_head_max_buildings
    cap, rule, keep = policy.sub_area_households, policy.sub_area_rule, policy.keep_residents_groups
    households = [b.households for b in items]
    take = items.__getitem__
    areas: list[tuple[int, SubArea]] = []
    for raw, ends, largest in _cut_runs(_runs(items, households, policy), policy):
        positions = raw.positions
        members = tuple(map(take, positions))
        weights = raw.weights if raw.offsets is None else [households[i] for i in positions]
        run = Run(
            kind=raw.kind,
            buildings=members if raw.offsets is None else tuple(map(take, sorted(positions))),
            households=sum(weights),
            sub_areas=len(ends),
            largest=largest,
            cap=cap,
            rule=rule,
            compound=raw.compound,
            residents_group=raw.group,
            residents_groups_kept=keep,
        )
        start = 0
        for end in ends:
            areas.append(
                (positions[start], _sub_area(members[start:end], weights[start:end], run, low, high))
            )
            start = end
    areas.sort(key=lambda pair: pair[0])
    sub_areas = tuple(area for _, area in areas)
    return Partition(
        sub_areas=sub_areas,
        households=sum(households),
        sub_area_heads=len(sub_areas),
        building_heads=sum(len(s.groups) for s in sub_areas),
        rule=rule,
        cap=cap,
        residents_groups_kept=keep,
    )


# --- checking a committee's existing plan ------------------------------------------------


def _words_of(field: str) -> str:
    return str(attrs.fields_dict(Policy)[field].metadata["words"])


_SIZE = ("sub_area_households", "sub_area_rule", "keep_residents_groups")
_SPAN = ("building_head_min_buildings", "building_head_max_buildings")

#: The rules of clause 2.2.1 this module checks (ids are stable).
RULES: tuple[Rule, ...] = (
    Rule(
        "partitioning.sub_areas",
        CLAUSE,
        Modality.IN_PRINCIPLE,
        "Number of residential sub-areas (and so of sub-area heads)",
        "居民小区数量（即小区长人数）",
        ("I-1", "I-2"),
        _SIZE,
        source=_words_of("sub_area_households"),
    ),
    Rule(
        "partitioning.sub_area_size",
        CLAUSE,
        Modality.IN_PRINCIPLE,
        "Households per residential sub-area within the cap",
        "每个居民小区的户数不超过上限",
        ("I-1", "I-2"),
        _SIZE,
        source=_words_of("sub_area_households"),
    ),
    Rule(
        "partitioning.building_coverage",
        CLAUSE,
        Modality.MANDATORY,
        "Every building in exactly one residential sub-area",
        "每栋楼属于且只属于一个居民小区",
        source="社区居委会可根据居民居住情况划分若干个居民小区",
    ),
    Rule(
        "partitioning.sub_area_head",
        CLAUSE,
        Modality.MANDATORY,
        "One sub-area head for every residential sub-area",
        "每个小区设小区长1名",
        source="每个小区设小区长1名",
    ),
    Rule(
        "partitioning.sub_area_head_is_staff",
        CLAUSE,
        Modality.MANDATORY,
        "Sub-area heads are committee staff holding the post part-time",
        "小区长由居委会工作人员兼任",
        source="由居委会工作人员兼任",
    ),
    Rule(
        "partitioning.building_heads",
        CLAUSE,
        Modality.MANDATORY,
        "Number of building heads",
        "楼长人数",
        ("I-3",),
        _SPAN,
        source=_words_of("building_head_max_buildings"),
    ),
    Rule(
        "partitioning.building_head_span",
        CLAUSE,
        Modality.MANDATORY,
        "Buildings in each building head's care",
        "每名楼长负责的楼栋数",
        ("I-3",),
        _SPAN,
        source=_words_of("building_head_max_buildings"),
    ),
    Rule(
        "partitioning.building_head_coverage",
        CLAUSE,
        Modality.MANDATORY,
        "Every building in one building head's care",
        "每栋楼有且只有一名楼长",
        ("I-3",),
        source=_words_of("building_head_max_buildings"),
    ),
)

(
    _R_SUB_AREAS,
    _R_SIZE,
    _R_COVERAGE,
    _R_HEAD,
    _R_STAFF,
    _R_BUILDING_HEADS,
    _R_SPAN,
    _R_HEAD_COVERAGE,
) = RULES


def _listing(items: Sequence[str], lang: str, limit: int = 5) -> str:
    shown = ("、" if lang == "zh" else ", ").join(items[:limit])
    rest = len(items) - limit
    if rest <= 0:
        return shown
    return f"{shown}等{len(items)}项" if lang == "zh" else f"{shown} and {rest} more"


_ID = operator.attrgetter("id")
_BUILDINGS = operator.attrgetter("buildings")


def _each_once(lists: Sequence[Sequence[str]], n: int) -> bool:
    """True when ``lists`` name each of a community's ``n`` buildings exactly once.

    The community has checked that every id listed is one of its buildings
    and that their ids are unique, so ``n`` ids listed, ``n`` of them
    distinct, are every building once (what :func:`_once` finds as no gap
    and no repeat, without its search).
    """
    return sum(map(len, lists)) == n and len(set(chain.from_iterable(lists))) == n


def _once(buildings: Sequence[Building], lists: Iterable[Iterable[str]]) -> tuple[list[str], list[str]]:
    """The buildings listed in none of ``lists``, and those listed more than once."""
    listed = list(chain.from_iterable(lists))
    seen = set(listed)
    # A set answers for the common case, every building listed once; only a
    # plan with gaps or repeats goes on to list them (in order of first listing).
    missing = [] if seen.issuperset(map(_ID, buildings)) else [b.id for b in buildings if b.id not in seen]
    if len(seen) == len(listed):
        return missing, []
    return missing, [bid for bid, c in Counter(listed).items() if c > 1]


def _heads(areas: Sequence[ExistingSubArea], lang: str) -> str:
    """The sub-areas with their heads, "S1 (Li)" or "S1（Li）" as each language writes it."""
    shown = "{}（{}）" if lang == "zh" else "{} ({})"
    return _listing([shown.format(a.id, a.head) for a in areas], lang)


def _reading(policy: Policy) -> tuple[str, str]:
    """The reading of I-1 in force, in words (English, Chinese)."""
    return _reading_of(policy.sub_area_households, policy.sub_area_rule, policy.keep_residents_groups)


# Cached: a district checks every community under the same one or few policies.
@functools.lru_cache(maxsize=64)
def _reading_of(cap: int, rule: SubAreaRule, keep_residents_groups: bool) -> tuple[str, str]:
    if rule is SubAreaRule.NEAREST:
        en = f"the nearest whole number of sub-areas of {cap:,} households per run (I-1's alternative, I-2)"
        zh = f"每段楼栋以{cap}户计、取最接近的整数个小区（I-1 的备选解释、I-2）"
    else:
        en = f"the fewest sub-areas of at most {cap:,} households (I-1, I-2)"
        zh = f"每个小区不超过{cap}户、小区数最少（I-1、I-2）"
    if keep_residents_groups:
        en += ", residents' groups kept whole"
        zh += "，居民小组不拆分"
    return en, zh


_NO_PLAN = ("no sub-area plan is known (sub_areas is None)", "未提供小区划分（sub_areas 为 None）")
_NO_HEADS = (
    "no building heads are known (building_heads is None)",
    "未提供楼长情况（building_heads 为 None）",
)
_EMPTY_PLAN = (
    "Not applicable: the plan has no sub-areas; see partitioning.sub_areas.",
    "不适用：现有划分没有小区；见 partitioning.sub_areas。",
)


class _Check:
    """One community's facts for the checks of 2.2.1, each worked out once (private)."""

    __slots__ = (
        "area_sizes",
        "area_sums",
        "as_of",
        "buildings",
        "community",
        "count",
        "head_buildings",
        "heads",
        "households",
        "inputs",
        "missing",
        "multiple",
        "office",
        "plan",
        "policy",
        "positions",
        "reading",
        "runs",
        "shared",
        "uncared",
    )

    def __init__(
        self, community: Community, policy: Policy, as_of: datetime.date | None, office: str | None
    ) -> None:
        self.community, self.policy, self.as_of, self.office = community, policy, as_of, office
        buildings = self.buildings = community.buildings
        households = [b.households for b in buildings]
        self.households = sum(households)
        # The runs are worked out once: for the count now, for the cuts if needed.
        self.runs = _runs(buildings, households, policy)
        self.count = _sub_area_count(self.runs, policy)
        self.reading = _reading(policy)
        self.positions: list[list[int]] | None = None
        plan = self.plan = community.sub_areas
        self.area_sizes: list[int] = []
        self.area_sums: list[int] = []
        self.missing: list[str] = []
        self.multiple: list[str] = []
        if plan is not None:
            households_of = {b.id: b.households for b in buildings}.__getitem__
            lists = list(map(_BUILDINGS, plan))
            if _each_once(lists, len(buildings)):  # the common case: no set, no search for gaps
                self.area_sizes = list(map(len, lists))
                self.area_sums = [sum(map(households_of, ids)) for ids in lists]
            else:
                for ids in lists:
                    distinct = set(ids)
                    self.area_sizes.append(len(distinct))
                    self.area_sums.append(sum(map(households_of, distinct)))
                self.missing, self.multiple = _once(buildings, lists)
        heads = community.building_heads
        if heads is not None and as_of is not None:
            # A list comprehension, then a tuple: faster than a generator expression.
            heads = tuple([h for h in heads if h.in_post(as_of)])
        self.heads = heads
        # Each head's buildings, one listed twice counted once (for the coverage and the span).
        self.head_buildings: Sequence[Collection[str]] = []
        self.uncared: list[str] = []
        self.shared: list[str] = []
        if heads is not None:
            cared = list(map(_BUILDINGS, heads))
            if _each_once(cared, len(buildings)):  # no building twice: the tuples are the sets
                self.head_buildings = cared
            else:
                self.head_buildings = [set(ids) for ids in cared]
                self.uncared, self.shared = _once(buildings, self.head_buildings)
        self.inputs: tuple[tuple[str, Value], ...] = (
            ("buildings", len(buildings)),
            ("households", community.households),
            ("sub_areas", None if plan is None else len(plan)),
            ("building_heads", None if heads is None else len(heads)),
            ("policy.sub_area_households", policy.sub_area_households),
            ("policy.sub_area_rule", policy.sub_area_rule.value),
            ("policy.keep_residents_groups", policy.keep_residents_groups),
        )

    def finding(
        self,
        rule: Rule,
        status: Status,
        en: str,
        zh: str,
        *,
        subject: str | None = None,
        required: Value = None,
        actual: Value = None,
        gap: Value = None,
        unit: str | None = None,
        interpretations: tuple[str, ...] = (),
    ) -> Finding:
        # Named keywords, not **kw: forwarding a dict of keywords through two calls cost
        # about 7,000 instructions a finding, 7 % of the check of a community without a plan.
        return rule.finding(
            status,
            community=self.community.id,
            office=self.office,
            subject=subject,
            required=required,
            actual=actual,
            gap=gap,
            unit=unit,
            message_en=en,
            message_zh=zh,
            inputs=self.inputs,
            interpretations=interpretations,
        )

    def optimal(self) -> list[list[int]]:
        """The optimal partition's sub-areas as input positions (worked out only when needed)."""
        if self.positions is None:
            self.positions = _sub_area_positions(self.runs, self.policy)
        return self.positions

    @property
    def incomplete(self) -> bool:
        """True when the community has more households than its listed buildings hold."""
        known = self.community.households
        return known is not None and known > self.households

    # -- the rules ------------------------------------------------------------------

    def sub_areas(self) -> Finding:
        k, n, h = self.count, len(self.buildings), self.households
        need_en = f"under {self.reading[0]} its {n:,} buildings ({h:,} households) need {k}"
        need_zh = f"按{self.reading[1]}，{n}栋楼（{h}户）需划分{k}个小区"
        if self.incomplete:
            known = self.community.households
            return self.finding(
                _R_SUB_AREAS,
                Status.UNKNOWN,
                f"Unknown: the listed buildings hold {h:,} of the community's {known:,} households, so the "
                f"number of sub-areas the whole community needs is not known; {need_en}.",
                f"未知：所列楼栋只有{h}户，少于社区的{known}户，全社区所需小区数无法确定；{need_zh}。",
                required=k,
                unit="sub-areas",
            )
        if self.plan is None:
            return self.finding(
                _R_SUB_AREAS,
                Status.UNKNOWN,
                f"Unknown: {_NO_PLAN[0]}; {need_en} sub-areas, and so {k} sub-area heads.",
                f"未知：{_NO_PLAN[1]}；{need_zh}，即设小区长{k}名。",
                required=k,
                unit="sub-areas",
            )
        actual = len(self.plan)
        en = zh = ""
        if actual < k:
            en = f" {k - actual} too few: some sub-area must exceed the cap."
            zh = f"少{k - actual}个：必有小区超过上限。"
        elif actual > k:
            en = (
                f" {actual - k} more than needed; if some are scattered, self-contained areas "
                "(较分散且相对独立的区域), record their buildings as a compound (I-2)."
            )
            zh = f"多{actual - k}个；如其中有较分散且相对独立的区域，请将其楼栋登记为同一封闭小区（I-2）。"
        return self.finding(
            _R_SUB_AREAS,
            Status.MET if actual == k else Status.NOT_MET,
            f"The plan has {actual} sub-areas; {need_en}.{en}",
            f"现有划分{actual}个小区；{need_zh}。{zh}",
            required=k,
            actual=actual,
            gap=k - actual,
            unit="sub-areas",
        )

    def sub_area_size(self) -> Finding:
        cap = self.policy.sub_area_households
        if self.policy.sub_area_rule is SubAreaRule.NEAREST:
            return self.finding(
                _R_SIZE,
                Status.NOT_APPLICABLE,
                f"Not applicable: under SubAreaRule.NEAREST (I-1's alternative) {cap:,} households set "
                "the number of sub-areas, not a cap on each; see partitioning.sub_areas.",
                f"不适用：按 SubAreaRule.NEAREST（I-1 的备选解释），{cap}户决定小区数量，而非每个小区的上限；"
                "见 partitioning.sub_areas。",
                required=cap,
                unit="households",
            )
        if self.plan is None:
            return self.finding(
                _R_SIZE,
                Status.UNKNOWN,
                f"Unknown: {_NO_PLAN[0]}; a sub-area of two or more buildings has at most {cap:,} households.",
                f"未知：{_NO_PLAN[1]}；两栋以上的小区不超过{cap}户。",
                required=cap,
                unit="households",
            )
        if not self.plan:
            return self.finding(_R_SIZE, Status.NOT_APPLICABLE, *_EMPTY_PLAN, required=cap, unit="households")
        over = []
        lone = largest = 0
        for area, size, total in zip(self.plan, self.area_sizes, self.area_sums, strict=True):
            if size == 1:
                lone += total > cap
            elif total > largest:
                largest = total
            if size > 1 and total > cap:
                over.append((area.id, total))
        if over:
            en = f"{len(over)} of {len(self.plan)} sub-areas exceed {cap:,} households: " + _listing(
                [f"{sid} ({total:,})" for sid, total in over], "en"
            )
            zh = f"{len(self.plan)}个小区中有{len(over)}个超过{cap}户：" + _listing(
                [f"{sid}（{total}户）" for sid, total in over], "zh"
            )
        else:
            en = f"Every sub-area of two or more buildings has at most {cap:,} households (largest {largest:,})"
            zh = f"两栋以上的小区均不超过{cap}户（最大{largest}户）"
        if lone:
            en += f". {_plural(lone, 'sub-area')} of a single building over the cap allowed: a building is not divided (I-1)"
            zh += f"。{lone}个单栋楼小区超过上限，属允许：楼栋不可拆分（I-1）"
        return self.finding(
            _R_SIZE,
            Status.NOT_MET if over else Status.MET,
            en + ".",
            zh + "。",
            subject=", ".join(sid for sid, _ in over) or None,
            required=cap,
            actual=largest,
            gap=max(0, largest - cap),
            unit="households",
        )

    def building_coverage(self) -> Finding:
        n = len(self.buildings)
        if self.plan is None:
            return self.finding(
                _R_COVERAGE,
                Status.UNKNOWN,
                f"Unknown: {_NO_PLAN[0]}; each of the {n:,} buildings belongs in exactly one sub-area.",
                f"未知：{_NO_PLAN[1]}；{n}栋楼应各属一个小区。",
                required=n,
                unit="buildings",
            )
        return self._exactly_once(
            _R_COVERAGE,
            ("are in exactly one sub-area", "恰好属于一个小区"),
            (self.missing, "In no sub-area", "未划入任何小区"),
            (self.multiple, "Listed more than once", "被重复列入"),
        )

    def _exactly_once(
        self,
        rule: Rule,
        sentence: tuple[str, str],
        none: tuple[list[str], str, str],
        several: tuple[list[str], str, str],
    ) -> Finding:
        """The finding that each building has exactly one of something (a sub-area, a head).

        ``sentence`` says it in English and Chinese; ``none`` and ``several``
        are the buildings with none or several of it, with their labels.
        """
        n = len(self.buildings)
        bad = len(none[0]) + len(several[0])
        en = f"{n - bad:,} of {n:,} buildings {sentence[0]}."
        zh = f"{n}栋楼中{n - bad}栋{sentence[1]}。"
        for ids, label_en, label_zh in (none, several):
            if ids:
                en += f" {label_en}: {_listing(ids, 'en')}."
                zh += f"{label_zh}：{_listing(ids, 'zh')}。"
        return self.finding(
            rule,
            Status.NOT_MET if bad else Status.MET,
            en,
            zh,
            subject=", ".join(none[0] + several[0]) or None,
            required=n,
            actual=n - bad,
            gap=bad,
            unit="buildings",
        )

    def sub_area_head(self) -> Finding:
        if self.plan is None:
            k = self.count
            return self.finding(
                _R_HEAD,
                Status.UNKNOWN,
                f"Unknown: {_NO_PLAN[0]}; each sub-area needs one head ({k} under {self.reading[0]}).",
                f"未知：{_NO_PLAN[1]}；每个小区设小区长1名（按{self.reading[1]}共{k}名）。",
                required=k,
                unit="sub-area heads",
            )
        if not self.plan:
            return self.finding(
                _R_HEAD, Status.NOT_APPLICABLE, *_EMPTY_PLAN, required=0, unit="sub-area heads"
            )
        vacant = [area.id for area in self.plan if area.head is None]
        k = len(self.plan)
        en = f"{k - len(vacant)} of {k} sub-areas have a sub-area head."
        zh = f"{k}个小区中{k - len(vacant)}个已设小区长。"
        if vacant:
            en += f" Vacant: {_listing(vacant, 'en')}."
            zh += f"空缺：{_listing(vacant, 'zh')}。"
        return self.finding(
            _R_HEAD,
            Status.NOT_MET if vacant else Status.MET,
            en,
            zh,
            subject=", ".join(vacant) or None,
            required=k,
            actual=k - len(vacant),
            gap=len(vacant),
            unit="sub-area heads",
        )

    def sub_area_head_is_staff(self) -> Finding:
        if self.plan is None:
            return self.finding(
                _R_STAFF,
                Status.UNKNOWN,
                f"Unknown: {_NO_PLAN[0]}, so neither are its heads.",
                f"未知：{_NO_PLAN[1]}，小区长情况不明。",
                unit="sub-area heads",
            )
        posted = [area for area in self.plan if area.head is not None]
        if not posted:
            return self.finding(
                _R_STAFF,
                Status.NOT_APPLICABLE,
                "Not applicable: no sub-area head is in post; see partitioning.sub_area_head.",
                "不适用：尚无小区长在岗；见 partitioning.sub_area_head。",
                required=0,
                unit="sub-area heads",
            )
        outside = [a for a in posted if a.head_is_committee_staff is False]
        unknown = [a for a in posted if a.head_is_committee_staff is None]
        staff = len(posted) - len(outside) - len(unknown)
        en = f"{staff} of {len(posted)} sub-area heads are known to be committee staff."
        zh = f"{len(posted)}名小区长中{staff}名确认为居委会工作人员。"
        if outside:
            en += f" Not committee staff: {_heads(outside, 'en')}."
            zh += f"非居委会工作人员：{_heads(outside, 'zh')}。"
        if unknown:
            en += f" Not known (head_is_committee_staff is None): {_heads(unknown, 'en')}."
            zh += f"情况不明（head_is_committee_staff 为 None）：{_heads(unknown, 'zh')}。"
        status = Status.NOT_MET if outside else Status.UNKNOWN if unknown else Status.MET
        return self.finding(
            _R_STAFF,
            status,
            en,
            zh,
            subject=", ".join(a.id for a in posted if a.head_is_committee_staff is not True) or None,
            required=len(posted),
            actual=staff,
            gap=None if status is Status.UNKNOWN else len(outside),
            unit="sub-area heads",
        )

    def building_heads(self) -> Finding:
        planned = self.plan is not None and not self.missing and not self.multiple
        sizes = self.area_sizes if planned else [len(p) for p in self.optimal()]
        span_low, span_high = self.policy.building_head_min_buildings, self.policy.building_head_max_buildings
        fewest = most = 0
        for size in sizes:
            low, high, _ = _head_range(size, span_low, span_high)
            fewest += low
            most += high
        extra: tuple[str, ...] = ()
        if planned:
            basis_en, basis_zh = "the plan's sub-areas", "现有小区划分"
        else:
            basis_en = f"the sub-areas of the optimal partition ({self.reading[0]})"
            basis_zh = f"最优划分（{self.reading[1]}）的小区"
            extra = ("I-1", "I-2")
        count_en = f"{fewest}" if fewest == most else f"{fewest} to {most}"
        count_zh = f"{fewest}" if fewest == most else f"{fewest}至{most}"
        need_en = f"over {basis_en}, {len(self.buildings):,} buildings need {count_en} building heads (I-3)"
        need_zh = f"按{basis_zh}，{len(self.buildings)}栋楼需设楼长{count_zh}名（I-3）"
        if self.incomplete and not planned:
            return self.finding(
                _R_BUILDING_HEADS,
                Status.UNKNOWN,
                f"Unknown: the listed buildings hold fewer households than the community; {need_en}.",
                f"未知：所列楼栋户数少于社区户数；{need_zh}。",
                required=fewest,
                unit="building heads",
                interpretations=extra,
            )
        if self.heads is None:
            return self.finding(
                _R_BUILDING_HEADS,
                Status.UNKNOWN,
                f"Unknown: {_NO_HEADS[0]}; {need_en}.",
                f"未知：{_NO_HEADS[1]}；{need_zh}。",
                required=fewest,
                unit="building heads",
                interpretations=extra,
            )
        actual = len(self.heads)
        gap = fewest - actual if actual < fewest else most - actual if actual > most else 0
        when = f" on {self.as_of.isoformat()}" if self.as_of else ""
        return self.finding(
            _R_BUILDING_HEADS,
            Status.MET if gap == 0 else Status.NOT_MET,
            f"{actual} building heads in post{when}; {need_en}.",
            f"在岗楼长{actual}名；{need_zh}。",
            required=fewest,
            actual=actual,
            gap=gap,
            unit="building heads",
            interpretations=extra,
        )

    def building_head_span(self) -> Finding:
        low, high = self.policy.building_head_min_buildings, self.policy.building_head_max_buildings
        if self.heads is None:
            return self.finding(
                _R_SPAN,
                Status.UNKNOWN,
                f"Unknown: {_NO_HEADS[0]}; each head cares for {low}–{high} buildings, the lone building "
                "of a sub-area has a head of its own.",
                f"未知：{_NO_HEADS[1]}；每名楼长负责{low}–{high}栋楼，小区内唯一的楼栋单设楼长。",
                unit="building heads",
            )
        if not self.heads:
            return self.finding(
                _R_SPAN,
                Status.NOT_APPLICABLE,
                "Not applicable: no building head is in post; see partitioning.building_head_coverage.",
                "不适用：尚无楼长在岗；见 partitioning.building_head_coverage。",
                required=0,
                unit="building heads",
            )
        bad: list[tuple[str, int]] = []
        outside = [
            (head.id, cared)
            for head, cared in zip(self.heads, self.head_buildings, strict=True)
            if not low <= len(cared) <= high
        ]
        if outside:
            # Fewer than `low` is allowed if the sub-area is too small for more (a lone building).
            few = {bid for _, cared in outside if len(cared) < low for bid in cared}
            area_of, sizes = self.areas(few) if few else ({}, [])
            for hid, cared in outside:
                k = len(cared)
                if 0 < k < low:
                    places = {area_of.get(bid) for bid in cared}
                    place = places.pop()
                    if not places and place is not None and k >= _head_range(sizes[place], low, high)[2]:
                        continue
                bad.append((hid, k))
        basis_en = "the plan's sub-areas" if self.plan is not None else "the optimal partition's sub-areas"
        basis_zh = "现有小区划分" if self.plan is not None else "最优划分的小区"
        n = len(self.heads)
        en = (
            f"{n - len(bad)} of {n} building heads care for {low}–{high} buildings, or for the lone "
            f"building of a sub-area ({basis_en})."
        )
        zh = f"{n}名楼长中{n - len(bad)}名负责{low}–{high}栋楼或小区内唯一的楼栋（{basis_zh}）。"
        if bad:
            en += (
                " Outside the span: "
                + _listing([f"{hid} ({_plural(k, 'building')})" for hid, k in bad], "en")
                + "."
            )
            zh += "不符合：" + _listing([f"{hid}（{k}栋）" for hid, k in bad], "zh") + "。"
        return self.finding(
            _R_SPAN,
            Status.NOT_MET if bad else Status.MET,
            en,
            zh,
            subject=", ".join(hid for hid, _ in bad) or None,
            required=n,
            actual=n - len(bad),
            gap=len(bad),
            unit="building heads",
        )

    def areas(self, wanted: set[str]) -> tuple[dict[str, int], list[int]]:
        """The sub-area of each building (the plan's, else the optimal partition's) and their sizes.

        From the plan, only the buildings ``wanted`` (the span asks about a few).
        """
        if self.plan is None:
            optimal = self.optimal()
            ids = [b.id for b in self.buildings]
            return {ids[i]: k for k, part in enumerate(optimal) for i in part}, [len(p) for p in optimal]
        area_of: dict[str, int] = {}
        for k, area in enumerate(self.plan):
            for bid in wanted.intersection(area.buildings):
                area_of.setdefault(bid, k)  # a building listed twice belongs to its first sub-area
        return area_of, self.area_sizes

    def building_head_coverage(self) -> Finding:
        n = len(self.buildings)
        if self.heads is None:
            return self.finding(
                _R_HEAD_COVERAGE,
                Status.UNKNOWN,
                f"Unknown: {_NO_HEADS[0]}; each of the {n:,} buildings needs one building head.",
                f"未知：{_NO_HEADS[1]}；{n}栋楼均应有一名楼长。",
                required=n,
                unit="buildings",
            )
        return self._exactly_once(
            _R_HEAD_COVERAGE,
            ("have exactly one building head", "恰有一名楼长"),
            (self.uncared, "Without a building head", "无楼长"),
            (self.shared, "In the care of two or more", "由两名以上楼长负责"),
        )


def _no_buildings(check: _Check) -> Iterator[Finding]:
    known = check.community.households
    if known == 0:
        status = Status.NOT_APPLICABLE
        en = "Not applicable: the community has no households and no buildings to divide."
        zh = "不适用：本社区没有住户，也没有需要划分的楼栋。"
    else:
        status = Status.UNKNOWN
        shown = "not known" if known is None else f"{known:,}"
        en = f"Unknown: the community's buildings are not listed (households: {shown}), so it cannot be divided."
        zh = f"未知：未列出本社区的楼栋（户数：{'未知' if known is None else known}），无法划分小区。"
    for rule in RULES:
        yield check.finding(rule, status, en, zh)


def check_community(
    community: Community,
    *,
    policy: Policy = DEFAULT_POLICY,
    as_of: datetime.date | None = None,
    office: str | None = None,
) -> Iterator[Finding]:
    """Check a community's sub-areas and building heads against clause 2.2.1: one finding per rule.

    The requirement comes from :func:`partition` (I-1, I-2, I-3); the plan is
    ``Community.sub_areas`` and ``Community.building_heads`` (``None``: not
    known, reported UNKNOWN with the computed requirement). With ``as_of``,
    only building heads whose term covers that day count as in post;
    ``office`` is copied into the findings. See :data:`RULES` for the ids.

    >>> from community_rules.model import Building, Community, ExistingSubArea
    >>> c = Community("C1", buildings=[Building("B1", 300), Building("B2", 260)],
    ...               sub_areas=[ExistingSubArea("S1", ["B1", "B2"], head="Li")])
    >>> [(f.rule, f.status.value) for f in check_community(c)][:3]
    [('partitioning.sub_areas', 'not_met'), ('partitioning.sub_area_size', 'not_met'), ('partitioning.building_coverage', 'met')]
    >>> next(check_community(c)).message_en
    'The plan has 1 sub-areas; under the fewest sub-areas of at most 500 households (I-1, I-2) its 2 buildings (560 households) need 2. 1 too few: some sub-area must exceed the cap.'
    >>> check_community("C1")
    Traceback (most recent call last):
    ...
    community_rules.errors.InvalidType: community: 'C1' is a str; expected a Community ...
    """
    if not isinstance(community, Community):
        raise InvalidType(
            "community",
            community,
            f"is a {type(community).__name__}; expected a Community",
            f"类型为 {type(community).__name__}；应为 Community",
        )
    check = _Check(community, _check_policy(policy), as_of, office)
    if not community.buildings:
        return _no_buildings(check)
    return iter(
        (
            check.sub_areas(),
            check.sub_area_size(),
            check.building_coverage(),
            check.sub_area_head(),
            check.sub_area_head_is_staff(),
            check.building_heads(),
            check.building_head_span(),
            check.building_head_coverage(),
        )
    )
