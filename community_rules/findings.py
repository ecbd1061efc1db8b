"""Rules and findings: the common shape of every check (SPEC §3 "Compliance").

A :class:`Rule` is one checkable sentence of the opinion: a stable dotted id
(``"staffing.quota"``), its clause, its modality and its titles. Checking a
rule against a community gives a :class:`Finding`: the status, what the rule
requires and what the community has, the gap, a message in Chinese and
English, and the explanation — the inputs, the policy parameters and the
interpretations the result rests on.

Every rule module offers the same verbs (the way every python-stdnum module
does), written once as the :class:`RuleModule` protocol: ``RULES``, the rules
it implements, and ``check_community``; a module with district-wide rules also
has ``check_district``.

>>> from community_rules.enums import Modality, Status
>>> rule = Rule("space.minimum", "3.3", Modality.MANDATORY,
...             "Office and service space", "办公和服务用房面积")
>>> f = rule.finding(Status.NOT_MET, community="C1", required=150, actual=120, gap=30,
...                  unit="m²", message_en="120 m² of 150 m²", message_zh="120 平方米，标准 150 平方米")
>>> f.rule, f.clause, f.status.value, f.gap
('space.minimum', '3.3', 'not_met', 30)
>>> f.message("zh")
'120 平方米，标准 150 平方米'
"""

from __future__ import annotations

import datetime
import operator
from collections.abc import Iterator
from decimal import Decimal
from typing import Any, Protocol, TypeAlias, Union

import attrs

from .enums import Modality, Status
from .errors import InvalidValue

__all__ = [
    "Finding",
    "Rule",
    "RuleModule",
    "Value",
]

#: The values a finding reports: plain, comparable and JSON-ready.
Value: TypeAlias = Union[int, Decimal, str, bool, None]  # noqa: UP007 (evaluated at run time on 3.10)


def _language(lang: str) -> str:
    if lang not in ("en", "zh"):
        raise InvalidValue(
            "lang", lang, "is not a language (valid: zh, en)", "不是有效语言（有效值：zh, en）"
        )
    return lang


# Not slotted: a frozen attrs class with slots sets each of the sixteen fields through
# object.__setattr__, one call each; with an instance dict it stores them directly and
# is built about 2.3x faster (0.8 against 1.8 us), for 88 bytes more a finding. Checks
# make findings by the million (docs/performance.md).
@attrs.frozen(slots=False)
class Finding:
    """The result of checking one rule for one community (or the district).

    ``community`` is None for a district-wide finding; ``subject`` names what
    within the community the finding is about (a staff member, a sub-area, a
    building head), if anything. ``inputs`` are the input fields the check
    read, ``parameters`` the :class:`~community_rules.policy.Policy` fields it
    used, ``interpretations`` the SPEC §4 readings it rests on.
    """

    rule: str
    clause: str
    status: Status
    modality: Modality
    community: str | None = None
    office: str | None = None
    subject: str | None = None
    required: Value = None
    actual: Value = None
    gap: Value = None
    unit: str | None = None
    message_en: str = ""
    message_zh: str = ""
    inputs: tuple[tuple[str, Value], ...] = ()
    parameters: tuple[str, ...] = ()
    interpretations: tuple[str, ...] = ()

    def message(self, lang: str = "en") -> str:
        """The message in ``lang`` (``"zh"`` or ``"en"``)."""
        return self.message_zh if _language(lang) == "zh" else self.message_en

    @property
    def is_failure(self) -> bool:
        """True for a NOT_MET finding of a mandatory rule."""
        return self.status is Status.NOT_MET and self.modality is Modality.MANDATORY

    def __reduce__(self) -> tuple[type[Finding], tuple[Any, ...]]:
        # Pickled as the class and its field values, rebuilt through __init__: a
        # national report is millions of findings, and this is 2.4× faster than
        # attrs' slotted __getstate__/__setstate__ (docs/performance.md).
        return Finding, _values(self)


#: A finding's field values, in field order.
_values = operator.attrgetter(*(field.name for field in attrs.fields(Finding)))


@attrs.frozen
class Rule:
    """One checkable rule of the opinion.

    ``id`` is stable across versions (``"<module>.<name>"``); ``clause`` is an
    id of the opinion's clause table; ``interpretations`` and ``parameters``
    are the SPEC §4 readings and Policy fields every finding of the rule rests
    on (a finding may add more).
    """

    id: str
    clause: str
    modality: Modality
    title_en: str
    title_zh: str
    interpretations: tuple[str, ...] = ()
    parameters: tuple[str, ...] = ()
    source: str = attrs.field(default="", eq=False)

    def title(self, lang: str = "en") -> str:
        """The title in ``lang`` (``"zh"`` or ``"en"``)."""
        return self.title_zh if _language(lang) == "zh" else self.title_en

    def finding(
        self,
        status: Status,
        *,
        community: str | None = None,
        office: str | None = None,
        subject: str | None = None,
        required: Value = None,
        actual: Value = None,
        gap: Value = None,
        unit: str | None = None,
        message_en: str = "",
        message_zh: str = "",
        inputs: tuple[tuple[str, Value], ...] = (),
        parameters: tuple[str, ...] = (),
        interpretations: tuple[str, ...] = (),
        modality: Modality | None = None,
    ) -> Finding:
        """A finding of this rule; the rule's own parameters and interpretations are added."""
        # Positional, in Finding's field order: this is the per-community hot path.
        return Finding(
            self.id,
            self.clause,
            status,
            modality or self.modality,
            community,
            office,
            subject,
            required,
            actual,
            gap,
            unit,
            message_en,
            message_zh,
            inputs,
            _merge(self.parameters, parameters) if parameters else self.parameters,
            _merge(self.interpretations, interpretations) if interpretations else self.interpretations,
        )


def _merge(first: tuple[str, ...], second: tuple[str, ...]) -> tuple[str, ...]:
    if not second or second == first:
        return first
    if not first:
        return second
    return first + tuple(x for x in second if x not in first)


class RuleModule(Protocol):
    """The shape every rule module shares (for documentation and type checks).

    ``check_community`` yields the findings of the module's community-level
    rules; ``office`` is the id of the community's sub-district office (None
    when a community is checked alone). Modules with district-wide rules
    (such as the 70 % space target) also define ``check_district``.
    """

    RULES: tuple[Rule, ...]

    def check_community(
        self,
        community: Any,
        *,
        policy: Any,
        as_of: datetime.date | None = None,
        office: str | None = None,
    ) -> Iterator[Finding]:
        """Yield one or more findings per rule for ``community``."""
        ...  # pragma: no cover
