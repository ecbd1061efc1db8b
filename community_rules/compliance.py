"""Checking communities and districts against the opinion: :func:`check` and :class:`Report`.

The main job of the library. :func:`check` runs every implemented rule of the
opinion over a community or a whole district and returns a :class:`Report`
of :class:`~community_rules.findings.Finding`\\ s — one or more per rule and
community — each saying, clause by clause, what is met (符合), not met (不符合),
unknown (未知) or not applicable (不适用), what the rule requires and what the
community has, in Chinese and English, and why (:meth:`Report.explain`).

The rule modules share one shape (:class:`~community_rules.findings.RuleModule`):
:mod:`~community_rules.partitioning` (2.2.1), :mod:`~community_rules.staffing`
(3.1), :mod:`~community_rules.funding` (2.2.2, 3.2), :mod:`~community_rules.space`
(3.3) and :mod:`~community_rules.organisation` (2.1, 2.2.3).

>>> import community_rules as cr
>>> report = cr.check(cr.sample_district())
>>> finding = report.select(rule="space.minimum", community="dongshan-1")[0]
>>> finding.status.value, finding.required, finding.actual, finding.gap
('not_met', Decimal('150'), Decimal('120'), Decimal('30'))
>>> cr.rule("space.nonsense")
Traceback (most recent call last):
...
community_rules.errors.UnknownRule: rule: 'space.nonsense' is not a rule of this library ...
"""

from __future__ import annotations

import datetime
import functools
import importlib
from collections import Counter
from collections.abc import Callable, Iterable
from types import ModuleType
from typing import Any

import attrs

from ._collector import paused
from ._fields import require
from .enums import Modality, Status
from .errors import InvalidType, InvalidValue, UnknownRule
from .findings import Finding, Rule
from .model import Community, District, SubDistrictOffice
from .opinion import SOURCE, Clause, clause
from .policy import DEFAULT_POLICY, Parameter, Policy, PolicyTimeline
from .readings import Interpretation, interpretation

__all__ = [
    "RULE_MODULES",
    "Change",
    "Comparison",
    "Explanation",
    "Report",
    "check",
    "compare",
    "rule",
    "rules",
    "sensitivity",
]

#: The rule modules :func:`check` runs, in the order of the opinion.
RULE_MODULES = ("organisation", "partitioning", "funding", "staffing", "space")

#: Progress callback: ``(communities done, communities in all)``.
Progress = Callable[[int, int], None]


@functools.lru_cache(maxsize=1)
def _modules() -> tuple[ModuleType, ...]:
    return tuple(importlib.import_module(f"community_rules.{name}") for name in RULE_MODULES)


@functools.lru_cache(maxsize=1)
def _rules() -> dict[str, Rule]:
    found: dict[str, Rule] = {}
    for module in _modules():
        for r in module.RULES:
            found[r.id] = attrs.evolve(r, source=module.__name__)
    return found


def rules() -> tuple[Rule, ...]:
    """Every rule :func:`check` implements, module by module."""
    return tuple(_rules().values())


def rule(rule_id: str) -> Rule:
    """One rule by its stable id (``"staffing.quota"``); an unknown id lists the valid ones."""
    try:
        return _rules()[rule_id]
    except (KeyError, TypeError):
        raise UnknownRule(
            "rule",
            rule_id,
            f"is not a rule of this library (valid: {', '.join(_rules())})",
            f"不是本库的规则（有效编号：{', '.join(_rules())}）",
        ) from None


# --- the report -------------------------------------------------------------------


@attrs.frozen
class Explanation:
    """Why a finding came out as it did: the steps behind it.

    The clause and its words, the inputs read from the community, the policy
    parameters used (with their clauses and the date the policy version took
    effect) and the interpretations applied.
    """

    finding: Finding
    clause: Clause
    rule: Rule
    parameters: tuple[Parameter, ...]
    interpretations: tuple[Interpretation, ...]
    policy_effective: datetime.date | None

    def to_text(self, lang: str = "en") -> str:
        """The explanation as readable lines."""
        from .render import explanation_text

        return explanation_text(self, lang)


@attrs.frozen
class Report:
    """The findings of one check, with what they rest on.

    ``subject`` and ``name`` identify the district or community checked;
    ``offices`` and ``communities`` keep the document's order for rendering;
    ``policy`` is the policy applied, ``policy_effective`` the date its version
    took effect (when a :class:`~community_rules.policy.PolicyTimeline` was
    given); ``source_sha256`` identifies the opinion's text.
    """

    subject: str
    name: str | None
    findings: tuple[Finding, ...]
    as_of: datetime.date | None
    policy: Policy
    policy_effective: datetime.date | None
    offices: tuple[tuple[str, str | None], ...]
    communities: tuple[tuple[str, str | None, str | None], ...]
    source_sha256: str = SOURCE.sha256

    # --- selections and summaries -------------------------------------------------

    def select(
        self,
        *,
        rule: str | None = None,
        community: str | None = None,
        status: Status | str | None = None,
        clause: str | None = None,
        office: str | None = None,
    ) -> tuple[Finding, ...]:
        """The findings matching every criterion given (``clause="3"`` also matches 3.1, 3.2…)."""
        wanted = Status(status) if status is not None else None
        return tuple(
            f
            for f in self.findings
            if (rule is None or f.rule == rule)
            and (community is None or f.community == community)
            and (wanted is None or f.status is wanted)
            and (office is None or f.office == office)
            and (clause is None or f.clause == clause or f.clause.startswith(clause + "."))
        )

    def counts(self) -> dict[Status, int]:
        """How many findings have each status (every status present, in enum order)."""
        counted = Counter(f.status for f in self.findings)
        return {s: counted[s] for s in Status}

    def counts_by(self, key: str) -> dict[str, dict[Status, int]]:
        """Counts of statuses grouped by ``"clause"``, ``"office"``, ``"community"`` or ``"rule"``."""
        if key not in ("clause", "office", "community", "rule"):
            raise InvalidValue(
                "key",
                key,
                "is not a grouping (valid: clause, office, community, rule)",
                "不是有效的分组（有效值：clause, office, community, rule）",
            )
        groups: dict[str, Counter[Status]] = {}
        for f in self.findings:
            name = getattr(f, key) or "—"
            groups.setdefault(name, Counter())[f.status] += 1
        return {name: {s: c[s] for s in Status} for name, c in groups.items()}

    def failures(self) -> tuple[Finding, ...]:
        """The NOT_MET findings of mandatory rules."""
        return tuple(f for f in self.findings if f.is_failure)

    def has_failures(self, *, modality: Modality | None = Modality.MANDATORY) -> bool:
        """True if some rule (of ``modality``; any modality when None) is not met."""
        return any(
            f.status is Status.NOT_MET and (modality is None or f.modality is modality) for f in self.findings
        )

    def rows(self) -> list[dict[str, Any]]:
        """Plain rows, one per finding, that ``pandas.DataFrame`` takes as they are."""
        from .render import finding_row

        return [finding_row(f) for f in self.findings]

    def explain(self, rule_id: str, community: str | None = None) -> tuple[Explanation, ...]:
        """The explanations of the findings of ``rule_id`` (for one community if given)."""
        the_rule = rule(rule_id)
        chosen = self.select(rule=rule_id, community=community)
        if not chosen and community is not None and community not in {c for c, _, _ in self.communities}:
            raise InvalidValue(
                "community", community, "is not a community of this report", "不是本报告中的社区"
            )
        return tuple(
            Explanation(
                finding=f,
                clause=clause(f.clause),
                rule=the_rule,
                parameters=tuple(self.policy.parameter(p) for p in f.parameters),
                interpretations=tuple(interpretation(i) for i in f.interpretations),
                policy_effective=self.policy_effective,
            )
            for f in chosen
        )

    # --- renderings -----------------------------------------------------------------

    def to_text(self, lang: str = "en") -> str:
        """A plain-text report for the terminal (columns aligned for Chinese double width)."""
        from .render import report_text

        return report_text(self, lang)

    def to_markdown(self, lang: str = "en") -> str:
        """A Markdown report."""
        from .render import report_markdown

        return report_markdown(self, lang)

    def to_html(self, lang: str = "en") -> str:
        """A self-contained HTML page with small inline charts."""
        from .render import report_html

        return report_html(self, lang)

    def _repr_html_(self) -> str:
        from .render import report_html

        return report_html(self, "en", fragment=True)

    def to_json(self, *, indent: int | None = 2) -> str:
        """The report as JSON (with ``schema_version``); byte-identical across runs."""
        from .render import report_json

        return report_json(self, indent=indent)

    def __str__(self) -> str:
        counts = self.counts()
        parts = ", ".join(f"{n} {s.value}" for s, n in counts.items())
        return f"Report({self.subject}: {len(self.findings)} findings: {parts})"


# --- checking -------------------------------------------------------------------------


def _resolve_policy(
    policy: Policy | PolicyTimeline, as_of: datetime.date | None
) -> tuple[Policy, datetime.date | None]:
    if isinstance(policy, Policy):
        return policy, None
    if isinstance(policy, PolicyTimeline):
        day = as_of or datetime.date.today()
        return policy.on(day), policy.effective_date(day)
    raise InvalidType(
        "policy", policy, "is not a Policy or a PolicyTimeline", "不是 Policy 或 PolicyTimeline"
    )


def _check_progress(progress: object) -> None:
    """Refuse a ``progress`` argument that is neither None nor callable."""
    if progress is not None and not callable(progress):
        raise InvalidType(
            "progress",
            progress,
            f"is of type {type(progress).__name__}; expected a function (done, total) or None",
            f"类型为 {type(progress).__name__}；应为函数 (done, total) 或 None",
        )


def _check_as_of(as_of: Any) -> datetime.date | None:
    if as_of is None:
        return None
    if isinstance(as_of, datetime.datetime) or not isinstance(as_of, datetime.date):
        raise InvalidType("as_of", as_of, "is not a datetime.date", "不是日期（datetime.date）")
    return as_of


def _community_findings(
    community: Community, policy: Policy, as_of: datetime.date | None, office: str | None
) -> list[Finding]:
    # A list, not a generator: each finding would otherwise pass through one more frame.
    findings: list[Finding] = []
    for module in _modules():
        findings.extend(module.check_community(community, policy=policy, as_of=as_of, office=office))
    return findings


def check(
    subject: Community | SubDistrictOffice | District,
    *,
    as_of: datetime.date | None = None,
    policy: Policy | PolicyTimeline = DEFAULT_POLICY,
    progress: Progress | None = None,
) -> Report:
    """Check a community, a sub-district office or a district against every implemented rule.

    ``as_of`` is the date of the check (deadlines such as the year-end space
    target are judged on it); ``policy`` may be a
    :class:`~community_rules.policy.PolicyTimeline`, whose version in force on
    ``as_of`` (today when None) is applied. ``progress`` is called with
    ``(communities done, communities in all)`` as the check goes. While an
    office or a district is checked the cyclic garbage collector is paused
    (findings hold no cycles) and then restored as it was.
    """
    day = _check_as_of(as_of)
    applied, effective = _resolve_policy(policy, day)
    _check_progress(progress)
    findings: list[Finding] = []
    if isinstance(subject, Community):
        findings.extend(_community_findings(subject, applied, day, None))
        return Report(
            subject=subject.id,
            name=subject.name,
            findings=tuple(findings),
            as_of=day,
            policy=applied,
            policy_effective=effective,
            offices=(),
            communities=((subject.id, subject.name, None),),
        )
    if isinstance(subject, SubDistrictOffice):
        district = District(id=subject.id, offices=(subject,), name=subject.name)
    elif isinstance(subject, District):
        district = subject
    else:
        raise InvalidType(
            "subject",
            subject,
            "is not a Community, SubDistrictOffice or District",
            "不是社区、街道办事处或区",
        )
    total = sum(len(o.communities) for o in district.offices)
    done = 0
    with paused():  # millions of findings for a nation, none in a cycle
        for office in district.offices:
            for community in office.communities:
                findings.extend(_community_findings(community, applied, day, office.id))
                done += 1
                if progress is not None:
                    progress(done, total)
        return _district_report(district, findings, applied, effective, day)


def _district_report(
    district: District,
    findings: list[Finding],
    applied: Policy,
    effective: datetime.date | None,
    day: datetime.date | None,
) -> Report:
    """The report of ``district``: its communities' ``findings`` and then the district-wide ones.

    Shared by :func:`check` and :func:`community_rules.parallel.assemble`, so that a
    report built from chunks is the report :func:`check` builds.
    """
    for module in _modules():
        check_district = getattr(module, "check_district", None)
        if check_district is not None:
            findings.extend(check_district(district, policy=applied, as_of=day))
    return Report(
        subject=district.id,
        name=district.name,
        findings=tuple(findings),
        as_of=day,
        policy=applied,
        policy_effective=effective,
        offices=tuple((o.id, o.name) for o in district.offices),
        communities=tuple((c.id, c.name, o.id) for o in district.offices for c in o.communities),
    )


# --- comparing readings -------------------------------------------------------------------


@attrs.frozen
class Change:
    """One finding that differs between two readings (``before`` or ``after`` may be None)."""

    rule: str
    community: str | None
    subject: str | None
    before: Finding | None
    after: Finding | None


@attrs.frozen
class Comparison:
    """The findings that change when a district is checked under another policy.

    ``changed_fields`` maps each Policy field that differs to its
    ``(base, alternative)`` values; ``changes`` lists every finding whose
    status, requirement, actual value or gap differs.
    """

    changed_fields: tuple[tuple[str, Any, Any], ...]
    interpretations: tuple[str, ...]
    changes: tuple[Change, ...]

    def __bool__(self) -> bool:
        return bool(self.changes)


def _key(f: Finding) -> tuple[str, str | None, str | None]:
    return (f.rule, f.community, f.subject)


def _essence(f: Finding) -> tuple[Any, ...]:
    return (f.status, f.required, f.actual, f.gap)


def compare(
    subject: Community | SubDistrictOffice | District,
    alternative: Policy,
    *,
    policy: Policy = DEFAULT_POLICY,
    as_of: datetime.date | None = None,
) -> Comparison:
    """Re-check ``subject`` under ``alternative`` and list every finding that changes.

    >>> import attrs, community_rules as cr
    >>> from community_rules.policy import OfficeFundsRule
    >>> alt = attrs.evolve(cr.DEFAULT_POLICY, office_funds_rule=OfficeFundsRule.PER_STARTED_THOUSAND)
    >>> diff = cr.compare(cr.sample_district(), alt)
    >>> diff.interpretations
    ('I-6',)
    >>> for c in [c for c in diff.changes if c.rule == "funding.office_funds"][:2]:
    ...     print(c.community, c.before.required, c.before.status.value, "→",
    ...           c.after.required, c.after.status.value)
    dongshan-1 9800.00 met → 10000.00 not_met
    dongshan-2 9500.00 not_met → 10000.00 not_met
    """
    if not isinstance(alternative, Policy):
        raise InvalidType("alternative", alternative, "is not a Policy", "不是 Policy")
    base = check(subject, policy=policy, as_of=as_of)
    other = check(subject, policy=alternative, as_of=as_of)
    before = {_key(f): f for f in base.findings}
    after = {_key(f): f for f in other.findings}
    changes = []
    for key in list(before) + [k for k in after if k not in before]:
        b, a = before.get(key), after.get(key)
        if b is None or a is None or _essence(b) != _essence(a):
            changes.append(Change(key[0], key[1], key[2], b, a))
    fields = alternative.changes_from(policy)
    ids = sorted(
        {policy.parameter(name).interpretation for name in fields} - {None},
        key=lambda i: int(str(i).split("-")[1]),
    )
    return Comparison(
        changed_fields=tuple((name, old, new) for name, (old, new) in fields.items()),
        interpretations=tuple(str(i) for i in ids),
        changes=tuple(changes),
    )


def _alternatives(policy: Policy) -> Iterable[tuple[str, Any]]:
    import enum

    for field in attrs.fields(Policy):
        value = getattr(policy, field.name)
        if field.metadata.get("interpretation") and isinstance(value, enum.Enum):
            for member in type(value):
                if member is not value:
                    yield field.name, member
        elif field.name == "space_threshold_inclusive":
            yield field.name, not value


def sensitivity(
    subject: Community | SubDistrictOffice | District,
    *,
    policy: Policy = DEFAULT_POLICY,
    as_of: datetime.date | None = None,
) -> tuple[Comparison, ...]:
    """For every alternative reading selectable in Policy, the findings it would change.

    Shows a district which interpretations matter for it: a reading whose
    comparison is empty changes nothing there.
    """
    require("policy", policy, Policy)
    return tuple(
        compare(subject, attrs.evolve(policy, **{name: value}), policy=policy, as_of=as_of)
        for name, value in _alternatives(policy)
    )
