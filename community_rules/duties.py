"""Who does what: the steering committee and the division of duties (clauses 4.1 and 4.2).

Clause 4.1 (加强组织领导) sets up the district's Community Building Work
Steering Committee (社区建设工作指导委员会): "leaders of the district Party
working committee and the district management committee serve as directors
(由区党工委、管委会领导任主任), and the relevant district-level departments, some
of the units stationed in the district, the towns and the sub-districts are
member units (区直相关部门、驻区部分单位、镇、街道为成员单位)" — kept as data in
:data:`STEERING_COMMITTEE`.

Clause 4.2 (明确责任分工) divides the duties among the district's departments;
3.1, 3.2, 3.3 and 4.3 add duties of their own. Each :class:`Duty` records the
departments the text names, the clause, the Chinese words, an English
rendering and the :class:`Topic`\\ s it touches; ids follow the numbered rule
list of the opinion's analysis (``R42.1`` is the first duty of rule R42).
Department names are those of the opinion's glossary where it has them
(社会事业局 Social Affairs Bureau …); the few it lacks (政法, 法院, 公安, 工商,
税务, 土地, 规划) take the English of the clause's translation.

Where the text gives one task to different bodies in different places it is
recorded as an :class:`Overlap`, never silently resolved:

- **recruitment** — 3.1 gives the selection of workstation staff, and the
  competitive selection and open examination of committee staff, to the
  Personnel and Labour Bureau, the Social Affairs Bureau *and* the
  sub-district office jointly (R18, R23); 4.2 gives "the recruitment of
  workstation and committee staff" to the Personnel and Labour Bureau alone
  (R46);
- **assessment of the sub-district offices** — 4.2 has the Social Affairs
  Bureau draw up and run the assessment of their community work (R42) and
  the Management Committee Office assess all departments and units (R43);
  4.3.1 and 4.3.3 put it in the district management committee's annual
  target assessment (R50, R59);
- **public rooms** — a consistent repetition: 3.3 (R37) and 4.2 (R46) both
  give the survey and recovery of premises to the Construction Bureau.

Look-ups work both ways and in both languages:

>>> [d.id for d in duties_of("人事劳动局")]
['R18.1', 'R23.1', 'R46.2', 'R46.3']
>>> sorted(d.en for d in responsible_for("audit").departments)
['Supervision and Audit Bureau']
>>> [o.id for o in responsible_for("recruitment").overlaps]
['recruitment']
>>> duties_of("Ministry of Magic")
Traceback (most recent call last):
...
community_rules.errors.InvalidValue: department: 'Ministry of Magic' is not a department named in the opinion (valid: 街道办事处 sub-district office, ...

There is nothing to check here against a district: the data model records no
departments. :data:`RULES` is empty and :func:`check_community` and
:func:`check_district` yield nothing; they exist for the common interface.
"""

from __future__ import annotations

import datetime
import enum
from collections.abc import Iterator
from typing import Any

import attrs

from .errors import InvalidValue
from .findings import Finding, Rule
from .policy import DEFAULT_POLICY, Policy

__all__ = [
    "DEPARTMENTS",
    "DUTIES",
    "OVERLAPS",
    "RULES",
    "STEERING_COMMITTEE",
    "Department",
    "Duty",
    "Member",
    "Overlap",
    "OverlapKind",
    "Responsibility",
    "SteeringCommittee",
    "Topic",
    "check_community",
    "check_district",
    "department",
    "duties_of",
    "responsible_for",
    "topic",
]


class Topic(str, enum.Enum):
    """What a duty is about; ``.zh`` gives the Chinese term."""

    LEADERSHIP = "leadership"
    PLANNING = "planning"
    DUTY_LISTS = "duty_lists"
    ASSESSMENT = "assessment"
    SUPERVISION = "supervision"
    PUBLICITY = "publicity"
    AUDIT = "audit"
    BUDGETING = "budgeting"
    PREMISES = "premises"
    RECRUITMENT = "recruitment"
    REMUNERATION = "remuneration"
    SECURITY = "security"
    PREFERENTIAL_POLICIES = "preferential_policies"
    LAND = "land"
    COORDINATION = "coordination"
    PARTICIPATION = "participation"

    def __str__(self) -> str:
        return self.value

    @property
    def zh(self) -> str:
        """The Chinese term."""
        return _TOPIC_ZH[self]

    @property
    def en(self) -> str:
        """The English term."""
        return self.value.replace("_", " ")


_TOPIC_ZH = {
    Topic.LEADERSHIP: "领导和指导",
    Topic.PLANNING: "规划",
    Topic.DUTY_LISTS: "工作职责",
    Topic.ASSESSMENT: "考核",
    Topic.SUPERVISION: "督导",
    Topic.PUBLICITY: "宣传",
    Topic.AUDIT: "审计",
    Topic.BUDGETING: "预算",
    Topic.PREMISES: "用房",
    Topic.RECRUITMENT: "招聘",
    Topic.REMUNERATION: "人事管理和工资待遇",
    Topic.SECURITY: "平安建设和社会治安",
    Topic.PREFERENTIAL_POLICIES: "优惠政策",
    Topic.LAND: "用地",
    Topic.COORDINATION: "组织协调",
    Topic.PARTICIPATION: "参与社区建设",
}


class OverlapKind(str, enum.Enum):
    """``CONFLICT``: the text gives one task to different bodies; ``REPEAT``: it says the same twice."""

    CONFLICT = "conflict"
    REPEAT = "repeat"

    def __str__(self) -> str:
        return self.value


@attrs.frozen
class Department:
    """A body named in the opinion's division of duties.

    ``key`` is a stable English id; ``zh`` and ``en`` the names (the
    glossary's where it has one: ``glossary`` says so); ``aliases`` other
    names the text uses for it (办事处, 管委 …).
    """

    key: str
    zh: str
    en: str
    glossary: bool = True
    aliases: tuple[str, ...] = ()

    def name(self, lang: str = "en") -> str:
        """The name in ``lang`` (``"zh"`` or ``"en"``)."""
        return self.zh if lang == "zh" else self.en


def _dept(key: str, zh: str, en: str, *aliases: str, glossary: bool = True) -> Department:
    return Department(key, zh, en, glossary, aliases)


#: Every body the opinion gives a duty to, in the order 4.2 names them, then the others.
DEPARTMENTS: tuple[Department, ...] = (
    _dept("sub_district_office", "街道办事处", "sub-district office", "办事处", "街道", "sub-district"),
    _dept("social_affairs_bureau", "社会事业局", "Social Affairs Bureau"),
    _dept("management_committee_office", "管委办公室", "Management Committee Office"),
    _dept("publicity_department", "宣传部", "Publicity Department"),
    _dept("supervision_audit_bureau", "监察审计局", "Supervision and Audit Bureau"),
    _dept("finance_bureau", "财政局", "Finance Bureau"),
    _dept("construction_bureau", "建设局", "Construction Bureau"),
    _dept("personnel_labour_bureau", "人事劳动局", "Personnel and Labour Bureau"),
    _dept("political_legal", "政法部门", "political-legal departments", "政法", glossary=False),
    _dept("court", "法院", "court", "courts", glossary=False),
    _dept(
        "public_security", "公安部门", "public security department", "公安", "public security", glossary=False
    ),
    _dept("economic_development_bureau", "经济发展局", "Economic Development Bureau"),
    _dept("industry_commerce", "工商部门", "industry and commerce department", "工商", glossary=False),
    _dept("tax", "税务部门", "tax department", "税务", glossary=False),
    _dept("land", "土地部门", "land department", "土地", glossary=False),
    _dept("planning", "规划部门", "planning department", "规划", glossary=False),
    _dept("other_departments", "其他相关部门", "other relevant departments", glossary=False),
    _dept(
        "management_committee",
        "管委会",
        "district management committee",
        "管委",
        "区管委",
        "management committee",
    ),
    _dept(
        "workstation_and_committee",
        "社区工作站和居委会",
        "community workstation and residents' committee",
        "workstation and committee",
        glossary=False,
    ),
    _dept("steering_committee", "社区建设工作指导委员会", "Community Building Work Steering Committee"),
)

_BY_KEY = {d.key: d for d in DEPARTMENTS}


def _norm(name: str) -> str:
    return " ".join(name.split()).casefold()


_BY_NAME: dict[str, Department] = {}
for _d in DEPARTMENTS:
    for _name in (_d.key, _d.zh, _d.en, *_d.aliases):
        _BY_NAME[_norm(_name)] = _d


@attrs.frozen
class Duty:
    """One duty the opinion gives to one or more departments (jointly, when several).

    ``zh`` quotes the clause; ``en`` renders it; ``departments`` are the
    bodies named, in the text's order.
    """

    id: str
    clause: str
    departments: tuple[Department, ...]
    zh: str
    en: str
    topics: tuple[Topic, ...]

    @property
    def joint(self) -> bool:
        """True when the text names several bodies for the duty together."""
        return len(self.departments) > 1

    def text(self, lang: str = "en") -> str:
        """The duty in ``lang``."""
        return self.zh if lang == "zh" else self.en


def _duty(id: str, clause: str, keys: tuple[str, ...], zh: str, en: str, *topics: Topic) -> Duty:
    return Duty(id, clause, tuple(_BY_KEY[k] for k in keys), zh, en, topics)


_T = Topic
_RECRUIT_3 = ("personnel_labour_bureau", "social_affairs_bureau", "sub_district_office")

#: Every duty, in the order of the opinion.
DUTIES: tuple[Duty, ...] = (
    _duty(
        "R18.1",
        "3.1",
        _RECRUIT_3,
        "社区工作站人员实行竞争上岗,由人事劳动局、社会事业局和街道办事处负责从区直部门及街道或社会上选聘",
        "Select community workstation staff through competitive selection, from district-level "
        "departments and sub-districts or from society at large (jointly)",
        _T.RECRUITMENT,
    ),
    _duty(
        "R23.1",
        "3.1",
        _RECRUIT_3,
        "现有居委会工作人员的竞争上岗和新增人员的公开招考工作由人事劳动局、社会事业局和街道办事处负责",
        "Run the competitive selection of existing residents' committee staff and the open "
        "recruitment examination for additional staff (jointly)",
        _T.RECRUITMENT,
    ),
    _duty(
        "R30.1",
        "3.2",
        ("sub_district_office",),
        "剩余的30%纳入考核,由街道办事处根据考核情况浮动发放",
        "Pay the remaining 30 % of wages and living allowances as a floating amount according "
        "to the assessment results",
        _T.REMUNERATION,
        _T.ASSESSMENT,
    ),
    _duty(
        "R37.1",
        "3.3",
        ("construction_bureau",),
        "建设局要对2008年以后新建工程中的所有公共用房进行普查、收回,无偿地交给社区居委会使用",
        "Survey all public-use rooms in projects newly built after 2008, recover them and hand "
        "them to residents' committees free of charge",
        _T.PREMISES,
    ),
    _duty(
        "R39.1",
        "3.3",
        ("sub_district_office",),
        "各办事处要加大社区服务中心建设力度,不断提升社区居委会的服务水平和服务能力",
        "Step up the building of community service centres and raise the committees' service "
        "level and capacity",
        _T.PREMISES,
    ),
    _duty(
        "R40.1",
        "4.1",
        ("steering_committee",),
        "加强社区建设工作的组织、指导、协调和直接参与",
        "Strengthen the organisation, guidance and coordination of, and direct participation "
        "in, community building work",
        _T.COORDINATION,
    ),
    _duty(
        "R41.1",
        "4.2",
        ("sub_district_office",),
        "街道办事处做为第一责任单位,负责领导和指导社区工作站和居委会的全面工作",
        "As the unit with first responsibility, lead and guide the overall work of the community "
        "workstation and residents' committee",
        _T.LEADERSHIP,
    ),
    _duty(
        "R42.1",
        "4.2",
        ("social_affairs_bureau",),
        "社会事业局负责社区总体规划,提出全区社区建设意见",
        "Do the overall community planning and put forward opinions on community building for the whole district",
        _T.PLANNING,
    ),
    _duty(
        "R42.2",
        "4.2",
        ("social_affairs_bureau",),
        "负责制定对街道办事处社区工作的考核细则并组织实施",
        "Draw up detailed rules for assessing the sub-district offices' community work and organise the assessment",
        _T.ASSESSMENT,
    ),
    _duty(
        "R42.3",
        "4.2",
        ("social_affairs_bureau",),
        "负责制定社区工作站和居委会工作职责",
        "Draw up the work duties of the community workstation and residents' committee",
        _T.DUTY_LISTS,
    ),
    _duty(
        "R42.4",
        "4.2",
        ("social_affairs_bureau",),
        "指导街道办事处落实责任目标",
        "Guide the sub-district offices in fulfilling their responsibility targets",
        _T.LEADERSHIP,
    ),
    _duty(
        "R43.1",
        "4.2",
        ("management_committee_office",),
        "管委办公室负责做好对各相关部门和单位的督导考核",
        "Supervise and assess all relevant departments and units",
        _T.SUPERVISION,
        _T.ASSESSMENT,
    ),
    _duty(
        "R44.1",
        "4.2",
        ("publicity_department",),
        "宣传部要加大社区建设和社区工作宣传力度,营造良好的舆论氛围",
        "Step up publicity for community building and community work and create a good climate of public opinion",
        _T.PUBLICITY,
    ),
    _duty(
        "R45.1",
        "4.2",
        ("supervision_audit_bureau",),
        "监察审计局要严把社区工程建设和经费使用审计关,确保财物的合理使用",
        "Strictly audit community construction projects and the use of funds, ensuring money and "
        "property are used properly",
        _T.AUDIT,
    ),
    _duty(
        "R45.2",
        "4.2",
        ("finance_bureau",),
        "财政局将社区经费、人员工资和生活补贴纳入预算",
        "Put community funds, staff wages and living allowances in the budget",
        _T.BUDGETING,
    ),
    _duty(
        "R46.1",
        "4.2",
        ("construction_bureau",),
        "建设局抓好办公和服务用房的普查和收回,根据社区情况逐一制定解决方案",
        "Survey and recover office and service space, and draw up a solution for each community one by one",
        _T.PREMISES,
    ),
    _duty(
        "R46.2",
        "4.2",
        ("personnel_labour_bureau",),
        "人事劳动局负责抓好社区工作站及居委会工作人员的招聘",
        "Recruit the staff of the community workstation and residents' committee",
        _T.RECRUITMENT,
    ),
    _duty(
        "R46.3",
        "4.2",
        ("personnel_labour_bureau",),
        "制定人事管理、工资待遇等实施方案并组织实施",
        "Draw up and carry out implementation plans for personnel management, wages and remuneration",
        _T.REMUNERATION,
    ),
    _duty(
        "R47.1",
        "4.2",
        ("political_legal", "court", "public_security"),
        "政法、法院、公安等部门负责推进平安建设进社区,搞好社会治安综合治理",
        "Bring peace-and-safety building into communities and manage public security comprehensively",
        _T.SECURITY,
    ),
    _duty(
        "R47.2",
        "4.2",
        ("economic_development_bureau", "industry_commerce", "tax"),
        "经济发展局、工商、税务部门负责落实各项优惠政策,创造更加宽松的社区服务业发展环境",
        "Implement the preferential policies and create a more relaxed environment for community service industries",
        _T.PREFERENTIAL_POLICIES,
    ),
    _duty(
        "R48.1",
        "4.2",
        ("land", "planning"),
        "土地、规划部门要协同有关部门落实好新建、改建社区用房以及相关设施的规划和用地",
        "Together with the relevant departments, carry out the planning and land provision for "
        "new and rebuilt community premises and facilities",
        _T.PLANNING,
        _T.LAND,
        _T.PREMISES,
    ),
    _duty(
        "R48.2",
        "4.2",
        ("other_departments",),
        "其他相关部门也要积极参与到社区建设中来,在全区形成推动社区发展的合力",
        "Take an active part in community building",
        _T.PARTICIPATION,
    ),
    _duty(
        "R50.1",
        "4.3.1",
        ("management_committee",),
        "区管委根据各有关部门承担的相应职责,把解决城市社区居委会“三有”问题以及社区建设工作,"
        "纳入对各部门、单位年度目标绩效管理考核中",
        "Include the “three haves” and community building in every department's and unit's annual "
        "target-based performance management assessment",
        _T.ASSESSMENT,
    ),
    _duty(
        "R54.1",
        "4.3.2",
        ("sub_district_office",),
        "街道办事处负责制定对社区工作站和居委会的具体考核办法并监督实施,考核结果与人员聘用和待遇挂钩",
        "Draw up the assessment methods for the community workstation and residents' committee and "
        "supervise them; link the results to hiring and remuneration",
        _T.ASSESSMENT,
        _T.SUPERVISION,
    ),
    _duty(
        "R55.1",
        "4.3.2",
        ("workstation_and_committee",),
        "社区工作站和居委会负责制定对小区长和楼长的考核办法并监督实施",
        "Draw up the assessment methods for sub-area heads and building heads and supervise them",
        _T.ASSESSMENT,
    ),
    _duty(
        "R56.1",
        "4.3.2",
        ("sub_district_office",),
        "街道办事处要采取日常督导和年终考核相结合的办法,搞好督导检查",
        "Combine day-to-day supervision with the year-end assessment",
        _T.SUPERVISION,
        _T.ASSESSMENT,
    ),
    _duty(
        "R59.1",
        "4.3.3",
        ("management_committee",),
        "将社区居民的评议结果作为管委对街道办事处目标绩效管理考核的依据",
        "Base the target-based performance assessment of the sub-district offices on the residents' evaluation",
        _T.ASSESSMENT,
    ),
)

_DUTY = {d.id: d for d in DUTIES}


@attrs.frozen
class Overlap:
    """Duties the text gives in more than one place: a conflict to settle, or a repetition.

    ``question_en``/``_zh`` say what the district has to settle (for a
    conflict) or why the repetition is harmless; the library picks no side.
    """

    id: str
    kind: OverlapKind
    topic: Topic
    duties: tuple[Duty, ...]
    question_en: str
    question_zh: str

    @property
    def clauses(self) -> tuple[str, ...]:
        """The clauses the overlapping duties come from, in order, without repeats."""
        return tuple(dict.fromkeys(d.clause for d in self.duties))

    @property
    def departments(self) -> tuple[Department, ...]:
        """Every department named by the overlapping duties, without repeats."""
        return tuple(dict.fromkeys(dept for d in self.duties for dept in d.departments))


#: The overlaps of the division of duties (rules.md: R18/R23 vs R46; R42 vs R43/R50; R37 = R46).
OVERLAPS: tuple[Overlap, ...] = (
    Overlap(
        "recruitment",
        OverlapKind.CONFLICT,
        Topic.RECRUITMENT,
        (_DUTY["R18.1"], _DUTY["R23.1"], _DUTY["R46.2"]),
        "Who runs the recruitment of workstation and committee staff: the Personnel and Labour "
        "Bureau, the Social Affairs Bureau and the sub-district office jointly, with no lead body "
        "(3.1), or the Personnel and Labour Bureau alone (4.2)?",
        "社区工作站及居委会工作人员的招聘由谁负责：人事劳动局、社会事业局和街道办事处共同负责且未指明牵头单位（3.1），"
        "还是人事劳动局单独负责（4.2）？",
    ),
    Overlap(
        "assessment_of_offices",
        OverlapKind.CONFLICT,
        Topic.ASSESSMENT,
        (_DUTY["R42.2"], _DUTY["R43.1"], _DUTY["R50.1"], _DUTY["R59.1"]),
        "Who actually scores the sub-district offices: the Social Affairs Bureau under its detailed "
        "rules (4.2), the Management Committee Office assessing all departments and units (4.2), or "
        "the district management committee in its annual target assessment (4.3.1, 4.3.3)?",
        "街道办事处由谁考核评分：社会事业局按其考核细则（4.2）、管委办公室对各部门和单位的督导考核（4.2），"
        "还是区管委的年度目标绩效管理考核（4.3.1、4.3.3）？",
    ),
    Overlap(
        "public_rooms",
        OverlapKind.REPEAT,
        Topic.PREMISES,
        (_DUTY["R37.1"], _DUTY["R46.1"]),
        "Both clauses give the survey and recovery of premises to the Construction Bureau; 4.2 adds "
        "a solution for each community. Nothing to settle.",
        "两处均由建设局负责用房的普查和收回；4.2 另要求逐一制定解决方案。无需协调。",
    ),
)


@attrs.frozen
class Responsibility:
    """Who is responsible for a topic: the departments, their duties and any overlaps."""

    topic: Topic
    departments: tuple[Department, ...]
    duties: tuple[Duty, ...]
    overlaps: tuple[Overlap, ...]

    @property
    def clauses(self) -> tuple[str, ...]:
        """The clauses the duties come from, in order, without repeats."""
        return tuple(dict.fromkeys(d.clause for d in self.duties))


@attrs.frozen
class Member:
    """A member (or director) of the steering committee, as 4.1 names it."""

    zh: str
    en: str


@attrs.frozen
class SteeringCommittee:
    """The Community Building Work Steering Committee of 4.1 (社区建设工作指导委员会).

    ``directors`` are the bodies whose leaders serve as directors (由区党工委、
    管委会领导任主任); ``members`` the member units; ``functions`` what it does.
    ``open_questions`` are what the text leaves unsaid (how many directors;
    which stationed units belong).
    """

    zh: str
    en: str
    clause: str
    directors: tuple[Member, ...]
    members: tuple[Member, ...]
    functions: tuple[Member, ...]
    open_questions: tuple[str, ...]


#: The steering committee as 4.1 composes it.
STEERING_COMMITTEE = SteeringCommittee(
    zh="社区建设工作指导委员会",
    en="Community Building Work Steering Committee",
    clause="4.1",
    directors=(
        Member("区党工委", "the district Party working committee"),
        Member("管委会", "the district management committee"),
    ),
    members=(
        Member("区直相关部门", "the relevant district-level departments"),
        Member("驻区部分单位", "some of the units stationed in the district"),
        Member("镇", "the towns"),
        Member("街道", "the sub-districts"),
    ),
    functions=(
        Member("组织", "organisation"),
        Member("指导", "guidance"),
        Member("协调", "coordination"),
        Member("直接参与", "direct participation"),
    ),
    open_questions=(
        "How many directors: 主任 may be plural (one from each body, or several).",
        "Which units stationed in the district are members: 部分 (some) is not specified.",
    ),
)


def _valid_departments() -> tuple[str, str]:
    en = ", ".join(f"{d.zh} {d.en}" for d in DEPARTMENTS)
    zh = "、".join(f"{d.zh}（{d.en}）" for d in DEPARTMENTS)
    return en, zh


def department(name: str | Department) -> Department:
    """The department named ``name``: its Chinese or English name, an alias or its key.

    English names are matched without regard to case or spacing.

    >>> department("办事处").en, department("social affairs bureau").zh
    ('sub-district office', '社会事业局')
    """
    if isinstance(name, Department):
        return name
    found = _BY_NAME.get(_norm(name)) if isinstance(name, str) else None
    if found is None:
        valid_en, valid_zh = _valid_departments()
        raise InvalidValue(
            "department",
            name,
            f"is not a department named in the opinion (valid: {valid_en})",
            f"不是意见中列明的部门（有效值：{valid_zh}）",
        )
    return found


def topic(name: str | Topic) -> Topic:
    """The :class:`Topic` named ``name``, in English (``"budgeting"``) or Chinese (``"预算"``).

    >>> topic("预算"), topic("Preferential policies")
    (<Topic.BUDGETING: 'budgeting'>, <Topic.PREFERENTIAL_POLICIES: 'preferential_policies'>)
    """
    if isinstance(name, Topic):
        return name
    if isinstance(name, str):
        key = _norm(name).replace(" ", "_").replace("-", "_")
        for t in Topic:
            if key == t.value or name.strip() == t.zh:
                return t
    valid_en = ", ".join(t.en for t in Topic)
    valid_zh = "、".join(t.zh for t in Topic)
    raise InvalidValue(
        "topic",
        name,
        f"is not a topic of the division of duties (valid: {valid_en})",
        f"不是职责分工的事项（有效值：{valid_zh}）",
    )


def duties_of(name: str | Department) -> tuple[Duty, ...]:
    """What a department must do: every duty naming it (alone or jointly), in the order of the opinion.

    >>> [(d.clause, d.en) for d in duties_of("Publicity Department")]  # doctest: +ELLIPSIS
    [('4.2', 'Step up publicity for community building and community work and create ...')]
    """
    dept = department(name)
    return tuple(d for d in DUTIES if dept in d.departments)


def responsible_for(name: str | Topic) -> Responsibility:
    """Who is responsible for a topic: the departments, the duties and the overlaps (if any).

    >>> r = responsible_for("招聘")
    >>> [d.zh for d in r.departments], r.clauses
    (['人事劳动局', '社会事业局', '街道办事处'], ('3.1', '4.2'))
    """
    t = topic(name)
    duties = tuple(d for d in DUTIES if t in d.topics)
    departments = tuple(dict.fromkeys(dept for d in duties for dept in d.departments))
    overlaps = tuple(o for o in OVERLAPS if any(d in duties for d in o.duties))
    return Responsibility(t, departments, duties, overlaps)


#: Nothing in a district's data records its departments, so there is nothing to check.
RULES: tuple[Rule, ...] = ()


def check_community(
    community: Any,
    *,
    policy: Policy = DEFAULT_POLICY,
    as_of: datetime.date | None = None,
    office: str | None = None,
) -> Iterator[Finding]:
    """Yield nothing: a community's data say nothing about the departments' duties."""
    return iter(())


def check_district(
    district: Any, *, policy: Policy = DEFAULT_POLICY, as_of: datetime.date | None = None
) -> Iterator[Finding]:
    """Yield nothing: a district's data say nothing about the departments' duties."""
    return iter(())
