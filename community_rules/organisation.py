"""The community workstation and the tiered management chain (clauses 2.1 and 2.2.3).

Clause 2.1 (设立城市社区工作站) says: "a community workstation is set up in
every urban community" (在每个城市社区设立社区工作站); it "is a specialised body
dispatched by the sub-district office" (为街道办事处派出的专门机构); it "works
as a joint office with the residents' committee" (与社区居委会合署办公); "a
community Party organisation is established" (成立社区党组织); and "where the
head of the workstation is a Party member, he or she in principle serves as
secretary of the community Party organisation" (社区工作站负责人是党员的，原则上
任社区党组织书记). The first four are plain declarative sentences, read as
binding (MANDATORY); the last is 原则上, IN_PRINCIPLE, and applies only when
the head *is* a Party member — otherwise it is NOT_APPLICABLE (the text does
not require the head to be one, nor say who is secretary then).

Clause 2.2.3 (健全制度) requires "a tiered management system covering the
sub-district office, the community workstation and residents' committee, and
the sub-area heads and building heads" (建立健全街道办事处、社区工作站和居委会、
小区长和楼长分级管理制度). Rule ``organisation.tiers`` checks that each of the
three tiers exists for a community:

1. a **sub-district office** leads it — known when the community is checked
   within its district (``office``), or when its workstation is known to be
   dispatched by one;
2. a **workstation** beside its residents' committee (the committee is the
   community's own);
3. **sub-area heads and building heads**: sub-areas are marked out
   (``Community.sub_areas``) and none has a vacant head, and every building
   is in the care of a building head (``Community.building_heads``) whose
   term covers ``as_of`` (a head whose term ended before it, or starts after
   it, does not count). The residents' committee *may* divide its area into
   sub-areas (2.2.1, 可), but the tiered system of 2.2.3 has sub-area heads,
   so a community with households and no sub-area at all lacks that tier. A
   community known to have no households needs no heads.

``None`` (not known) makes a fact UNKNOWN, never a guess. How large the
sub-areas are, whether each has exactly one head who is committee staff, and
how many buildings each building head cares for are the partitioning
module's checks (2.2.1), not repeated here: the chain check is about the
tiers existing.

>>> import community_rules as cr
>>> ws = cr.Workstation(exists=True, dispatched_by_office=True, shares_premises=True,
...                     party_organisation=True, head_party_member=False)
>>> c = cr.Community("C1", workstation=ws)
>>> [(f.rule, f.status.value) for f in check_community(c, office="O1")]  # doctest: +NORMALIZE_WHITESPACE
[('organisation.workstation', 'met'), ('organisation.dispatched', 'met'),
 ('organisation.joint_office', 'met'), ('organisation.party_organisation', 'met'),
 ('organisation.party_secretary', 'not_applicable'), ('organisation.tiers', 'unknown')]
>>> list(check_community("C1"))
Traceback (most recent call last):
...
community_rules.errors.InvalidType: community: 'C1' is a str; expected a Community ...
"""

from __future__ import annotations

import datetime
from collections.abc import Iterator

from .enums import Modality, Status
from .errors import InvalidType
from .findings import Finding, Rule
from .model import Community, Workstation
from .policy import DEFAULT_POLICY, Policy

__all__ = ["RULES", "TIERS", "check_community"]

_WORKSTATION = Rule(
    "organisation.workstation",
    "2.1",
    Modality.MANDATORY,
    "A community workstation in every urban community",
    "在每个城市社区设立社区工作站",
)
_DISPATCHED = Rule(
    "organisation.dispatched",
    "2.1",
    Modality.MANDATORY,
    "The workstation is a body dispatched by the sub-district office",
    "社区工作站为街道办事处派出的专门机构",
)
_JOINT_OFFICE = Rule(
    "organisation.joint_office",
    "2.1",
    Modality.MANDATORY,
    "The workstation and the residents' committee work as a joint office",
    "社区工作站与社区居委会合署办公",
)
_PARTY_ORGANISATION = Rule(
    "organisation.party_organisation",
    "2.1",
    Modality.MANDATORY,
    "A community Party organisation is established",
    "成立社区党组织",
)
_PARTY_SECRETARY = Rule(
    "organisation.party_secretary",
    "2.1",
    Modality.IN_PRINCIPLE,
    "A workstation head who is a Party member is in principle the Party secretary",
    "社区工作站负责人是党员的，原则上任社区党组织书记",
)
_TIERS = Rule(
    "organisation.tiers",
    "2.2.3",
    Modality.MANDATORY,
    "Tiered management: sub-district office, workstation and committee, sub-area and building heads",
    "街道办事处、社区工作站和居委会、小区长和楼长分级管理制度",
)

#: The rules of clauses 2.1 and 2.2.3 this module checks.
RULES: tuple[Rule, ...] = (
    _WORKSTATION,
    _DISPATCHED,
    _JOINT_OFFICE,
    _PARTY_ORGANISATION,
    _PARTY_SECRETARY,
    _TIERS,
)

#: The three tiers of 2.2.3, top down, in English and Chinese.
TIERS: tuple[tuple[str, str], ...] = (
    ("sub-district office", "街道办事处"),
    ("workstation and residents' committee", "社区工作站和居委会"),
    ("sub-area heads and building heads", "小区长和楼长"),
)

_UNKNOWN_EN = "Nothing is known about the community's workstation."
_UNKNOWN_ZH = "社区工作站情况未知。"
_NO_WORKSTATION_EN = "Not applicable: the community has no workstation (see organisation.workstation)."
_NO_WORKSTATION_ZH = "不适用：该社区未设立社区工作站（见 organisation.workstation）。"


def _fact(
    rule: Rule,
    value: bool | None,
    community: str,
    office: str | None,
    field: str,
    texts: tuple[str, str, str, str, str, str],
    inputs: tuple[tuple[str, bool | None], ...] | None = None,
) -> Finding:
    """A finding for one yes/no fact: ``texts`` are (met en, zh, not met en, zh, unknown en, zh)."""
    if value is None:
        status, en, zh = Status.UNKNOWN, texts[4], texts[5]
    elif value:
        status, en, zh = Status.MET, texts[0], texts[1]
    else:
        status, en, zh = Status.NOT_MET, texts[2], texts[3]
    return rule.finding(
        status,
        community=community,
        office=office,
        required=True,
        actual=value,
        message_en=en,
        message_zh=zh,
        inputs=((field, value),) if inputs is None else inputs,
    )


_TEXTS_EXISTS = (
    "A community workstation is set up.",
    "已设立社区工作站。",
    "No community workstation is set up.",
    "未设立社区工作站。",
    "Not known whether a community workstation is set up.",
    "是否设立社区工作站未知。",
)
_TEXTS_DISPATCHED = (
    "The workstation is dispatched by the sub-district office.",
    "社区工作站为街道办事处派出机构。",
    "The workstation is not a body dispatched by the sub-district office.",
    "社区工作站不是街道办事处的派出机构。",
    "Not known whether the workstation is dispatched by the sub-district office.",
    "社区工作站是否为街道办事处派出机构未知。",
)
_TEXTS_JOINT = (
    "The workstation and the residents' committee work as a joint office.",
    "社区工作站与居委会合署办公。",
    "The workstation and the residents' committee do not share premises.",
    "社区工作站与居委会未合署办公。",
    "Not known whether the workstation and the residents' committee share premises.",
    "社区工作站与居委会是否合署办公未知。",
)
_TEXTS_PARTY = (
    "A community Party organisation is established.",
    "已成立社区党组织。",
    "No community Party organisation is established.",
    "未成立社区党组织。",
    "Not known whether a community Party organisation is established.",
    "是否成立社区党组织未知。",
)
_TEXTS_SECRETARY = (
    "The workstation head, a Party member, is the Party secretary.",
    "社区工作站负责人为党员，并任社区党组织书记。",
    "The workstation head is a Party member but not the Party secretary (in principle should be).",
    "社区工作站负责人为党员，但未任社区党组织书记（原则上应当兼任）。",
    "The workstation head is a Party member; not known whether he or she is the Party secretary.",
    "社区工作站负责人为党员；是否任社区党组织书记未知。",
)


def _workstation_findings(ws: Workstation | None, community: str, office: str | None) -> Iterator[Finding]:
    if ws is None:
        for rule in (_WORKSTATION, _DISPATCHED, _JOINT_OFFICE, _PARTY_ORGANISATION, _PARTY_SECRETARY):
            yield rule.finding(
                Status.UNKNOWN,
                community=community,
                office=office,
                required=True if rule is not _PARTY_SECRETARY else None,
                message_en=_UNKNOWN_EN,
                message_zh=_UNKNOWN_ZH,
                inputs=(("workstation", None),),
            )
        return
    yield _fact(_WORKSTATION, ws.exists, community, office, "workstation.exists", _TEXTS_EXISTS)
    absent = ws.exists is False
    for rule, value, field, texts in (
        (_DISPATCHED, ws.dispatched_by_office, "workstation.dispatched_by_office", _TEXTS_DISPATCHED),
        (_JOINT_OFFICE, ws.shares_premises, "workstation.shares_premises", _TEXTS_JOINT),
    ):
        if absent:
            yield rule.finding(
                Status.NOT_APPLICABLE,
                community=community,
                office=office,
                message_en=_NO_WORKSTATION_EN,
                message_zh=_NO_WORKSTATION_ZH,
                inputs=(("workstation.exists", False), (field, value)),
            )
        else:
            yield _fact(rule, value, community, office, field, texts)
    yield _fact(
        _PARTY_ORGANISATION,
        ws.party_organisation,
        community,
        office,
        "workstation.party_organisation",
        _TEXTS_PARTY,
    )
    inputs = (
        ("workstation.head_party_member", ws.head_party_member),
        ("workstation.head_is_party_secretary", ws.head_is_party_secretary),
    )
    if absent:
        yield _PARTY_SECRETARY.finding(
            Status.NOT_APPLICABLE,
            community=community,
            office=office,
            message_en=_NO_WORKSTATION_EN,
            message_zh=_NO_WORKSTATION_ZH,
            inputs=(("workstation.exists", False), *inputs),
        )
    elif ws.head_party_member is None:
        yield _PARTY_SECRETARY.finding(
            Status.UNKNOWN,
            community=community,
            office=office,
            message_en="Not known whether the workstation head is a Party member, so whether the rule applies.",
            message_zh="社区工作站负责人是否为党员未知，无法判断本规则是否适用。",
            inputs=inputs,
        )
    elif not ws.head_party_member:
        yield _PARTY_SECRETARY.finding(
            Status.NOT_APPLICABLE,
            community=community,
            office=office,
            message_en="Not applicable: the workstation head is not a Party member; the rule applies only "
            "to a head who is.",
            message_zh="不适用：社区工作站负责人不是党员；本规则仅适用于负责人是党员的情形。",
            inputs=inputs,
        )
    else:
        yield _fact(
            _PARTY_SECRETARY,
            ws.head_is_party_secretary,
            community,
            office,
            "workstation.head_is_party_secretary",
            _TEXTS_SECRETARY,
            inputs,
        )


# --- the tiered chain (2.2.3) ---------------------------------------------------------

_PRESENT, _MISSING, _UNKNOWN = "present", "missing", "unknown"
_T1, _T2, _T3 = TIERS


def _heads_tier(community: Community, as_of: datetime.date | None) -> tuple[str, str, str]:
    """The third tier's state with its English and Chinese account."""
    if community.households == 0:
        return _PRESENT, "no households, so no heads are needed", "无住户，无需小区长和楼长"
    has_homes = bool(community.buildings) or bool(community.households)
    # Sub-area heads.
    areas = community.sub_areas
    if areas is None:
        area_state, area_en, area_zh = _UNKNOWN, "sub-areas not known", "居民小区情况未知"
    elif not areas:
        if has_homes:
            area_state, area_en, area_zh = _MISSING, "no sub-area marked out", "未划分居民小区"
        else:
            area_state, area_en, area_zh = (
                _UNKNOWN,
                "no sub-area and no households known",
                "无居民小区，住户情况未知",
            )
    else:
        vacant = [a.id for a in areas if a.head is None]
        if vacant:
            area_state = _MISSING
            area_en = f"{len(vacant)} of {len(areas)} sub-areas without a head ({', '.join(vacant)})"
            area_zh = f"{len(areas)} 个居民小区中 {len(vacant)} 个未设小区长（{'、'.join(vacant)}）"
        else:
            area_state, area_en, area_zh = (
                _PRESENT,
                "1 sub-area, with a head" if len(areas) == 1 else f"{len(areas)} sub-areas, each with a head",
                f"{len(areas)} 个居民小区均设小区长",
            )
    # Building heads.
    heads = community.building_heads
    if heads is None:
        head_state, head_en, head_zh = _UNKNOWN, "building heads not known", "楼长情况未知"
    else:
        serving = heads if as_of is None else [h for h in heads if h.in_post(as_of)]
        if community.buildings:
            cared = set().union(*[h.buildings for h in serving])
            # Every id a head lists is one of the community's buildings (Community checks
            # it), so as many ids as buildings is every building: no need to look.
            if len(cared) == len(community.buildings):
                uncovered = []
            else:
                uncovered = [b.id for b in community.buildings if b.id not in cared]
            if uncovered:
                head_state = _MISSING
                head_en = (
                    f"{len(uncovered)} of {len(community.buildings)} buildings without a building head "
                    f"({', '.join(uncovered)})"
                )
                head_zh = (
                    f"{len(community.buildings)} 栋楼中 {len(uncovered)} 栋无楼长（{'、'.join(uncovered)}）"
                )
            else:
                head_state, head_en, head_zh = (
                    _PRESENT,
                    "every building has a building head",
                    "每栋楼均有楼长",
                )
        elif serving:
            head_state, head_en, head_zh = (
                _PRESENT,
                "1 building head" if len(serving) == 1 else f"{len(serving)} building heads",
                f"楼长 {len(serving)} 名",
            )
        elif has_homes:
            head_state, head_en, head_zh = _MISSING, "no building head", "无楼长"
        else:
            head_state, head_en, head_zh = (
                _UNKNOWN,
                "no building head and no buildings known",
                "无楼长，楼栋情况未知",
            )
    if _MISSING in (area_state, head_state):
        state = _MISSING
    elif _UNKNOWN in (area_state, head_state):
        state = _UNKNOWN
    else:
        state = _PRESENT
    return state, f"{area_en}; {head_en}", f"{area_zh}；{head_zh}"


def _tiers_finding(community: Community, office: str | None, as_of: datetime.date | None) -> Finding:
    ws = community.workstation
    if office is not None:
        first = (_PRESENT, f"led by sub-district office {office}", f"由街道办事处 {office} 领导")
    elif ws is not None and ws.dispatched_by_office:
        first = (
            _PRESENT,
            "its workstation is dispatched by a sub-district office",
            "社区工作站由街道办事处派出",
        )
    else:
        first = (_UNKNOWN, "sub-district office not given (community checked alone)", "未给出所属街道办事处")
    if ws is None or ws.exists is None:
        second = (_UNKNOWN, "workstation not known", "社区工作站情况未知")
    elif ws.exists:
        second = (_PRESENT, "workstation set up beside the committee", "已设立社区工作站")
    else:
        second = (_MISSING, "no workstation", "未设立社区工作站")
    third = _heads_tier(community, as_of)
    states = (first[0], second[0], third[0])
    present = states.count(_PRESENT)
    missing = states.count(_MISSING)
    unknown = states.count(_UNKNOWN)
    if missing:
        status = Status.NOT_MET
    elif _UNKNOWN in states:
        status = Status.UNKNOWN
    else:
        status = Status.MET
    lines_en = f"1. {_T1[0]}: {first[1]}; 2. {_T2[0]}: {second[1]}; 3. {_T3[0]}: {third[1]}"
    lines_zh = f"1. {_T1[1]}：{first[2]}；2. {_T2[1]}：{second[2]}；3. {_T3[1]}：{third[2]}"
    areas = community.sub_areas
    heads = community.building_heads
    return _TIERS.finding(
        status,
        community=community.id,
        office=office,
        required=len(TIERS),
        actual=present,
        gap=missing,
        unit="tiers",
        message_en=f"{present} of 3 tiers in place, {missing} missing, {unknown} not known — {lines_en}.",
        message_zh=f"分级管理三级中 {present} 级健全、{missing} 级缺失、{unknown} 级未知——{lines_zh}。",
        inputs=(
            ("office", office),
            ("workstation.exists", None if ws is None else ws.exists),
            ("sub_areas", None if areas is None else len(areas)),
            ("building_heads", None if heads is None else len(heads)),
            ("buildings", len(community.buildings)),
            ("households", community.households),
            ("as_of", None if as_of is None else as_of.isoformat()),
        ),
    )


def check_community(
    community: Community,
    *,
    policy: Policy = DEFAULT_POLICY,
    as_of: datetime.date | None = None,
    office: str | None = None,
) -> Iterator[Finding]:
    """Check ``community``'s workstation facts (2.1) and its management tiers (2.2.3).

    Yields, in this order, one finding each of ``organisation.workstation``,
    ``organisation.dispatched``, ``organisation.joint_office``,
    ``organisation.party_organisation``, ``organisation.party_secretary``
    and ``organisation.tiers``. ``office`` is the id of the community's
    sub-district office (the first tier); ``as_of`` decides which building
    heads are serving. ``policy`` is accepted for the common interface: no
    number of 2.1 or 2.2.3 is a policy parameter.
    """
    if not isinstance(community, Community):
        raise InvalidType(
            "community",
            community,
            f"is a {type(community).__name__}; expected a Community",
            f"类型为 {type(community).__name__}；应为 Community",
        )
    yield from _workstation_findings(community.workstation, community.id, office)
    yield _tiers_finding(community, office, as_of)
