"""community_rules: the district's guiding opinion on urban community construction as code.

关于进一步加强城市社区建设的指导意见 — exact, explainable, tested rules.

The stable API (SPEC §3) is importable from here; see ``__all__``. The
implementation lives in modules named after what they rule on:
:mod:`~community_rules.partitioning` (2.2.1), :mod:`~community_rules.funding`
(2.2.2, 3.2), :mod:`~community_rules.staffing` (3.1),
:mod:`~community_rules.space` (3.3), :mod:`~community_rules.organisation`
(2.1, 2.2.3), :mod:`~community_rules.duties` (4.1, 4.2) and
:mod:`~community_rules.assessment` (4.3); :mod:`~community_rules.compliance`
checks them all.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from .enums import CommunityKind, Education, Grade, Insurance, Level, Modality, Status
from .errors import (
    DocumentError,
    Error,
    InvalidType,
    InvalidValue,
    LimitExceeded,
    PolicyNotSet,
    UnknownClause,
    UnknownRule,
)

if TYPE_CHECKING:  # the names below are imported on first use (see __getattr__)
    from .assessment import Assessment, UnitResult, assess, composite_score, grade, resident_score
    from .budgeting import Budget, budget
    from .compliance import Comparison, Explanation, Report, check, compare, rule, rules, sensitivity
    from .documents import dump_district, dump_office, dump_policy, load_district, load_office, load_policy
    from .duties import duties_of, responsible_for
    from .findings import Finding, Rule
    from .funding import (
        PaySplit,
        building_head_allowance,
        office_funds_minimum,
        performance_payout,
        required_insurances,
        split_pay,
        welfare_funds_minimum,
    )
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
    from .money import allocate
    from .opinion import SOURCE, Clause, SourceDocument, clause, clauses, glossary
    from .partitioning import BuildingGroup, Partition, SubArea, building_head_count, partition
    from .policy import DEFAULT_POLICY, Policy, PolicyTimeline, Weights
    from .readings import Interpretation, interpretation, interpretations
    from .sample import sample_district, sample_scores
    from .scores import Scores, load_scores
    from .space import SpaceProgress, required_space_m2, space_progress
    from .staffing import Candidate, HiringPlan, hiring_plan, rank_candidates, staff_quota

__version__ = "0.1.0"

# Everything else is imported on first use (PEP 562), so that `import
# community_rules` stays cheap for a program that needs one function.
_LAZY = {
    "Assessment": "assessment",
    "UnitResult": "assessment",
    "assess": "assessment",
    "composite_score": "assessment",
    "grade": "assessment",
    "resident_score": "assessment",
    "Budget": "budgeting",
    "budget": "budgeting",
    "Clause": "opinion",
    "SOURCE": "opinion",
    "SourceDocument": "opinion",
    "clause": "opinion",
    "clauses": "opinion",
    "glossary": "opinion",
    "Comparison": "compliance",
    "Explanation": "compliance",
    "Report": "compliance",
    "check": "compliance",
    "compare": "compliance",
    "rule": "compliance",
    "rules": "compliance",
    "sensitivity": "compliance",
    "dump_district": "documents",
    "dump_office": "documents",
    "dump_policy": "documents",
    "load_district": "documents",
    "load_office": "documents",
    "load_policy": "documents",
    "duties_of": "duties",
    "responsible_for": "duties",
    "Finding": "findings",
    "Rule": "findings",
    "PaySplit": "funding",
    "building_head_allowance": "funding",
    "office_funds_minimum": "funding",
    "performance_payout": "funding",
    "required_insurances": "funding",
    "split_pay": "funding",
    "welfare_funds_minimum": "funding",
    "Interpretation": "readings",
    "interpretation": "readings",
    "interpretations": "readings",
    "Building": "model",
    "BuildingHead": "model",
    "Community": "model",
    "District": "model",
    "ExistingSubArea": "model",
    "Project": "model",
    "PublicRoom": "model",
    "StaffMember": "model",
    "SubDistrictOffice": "model",
    "Workstation": "model",
    "allocate": "money",
    "BuildingGroup": "partitioning",
    "Partition": "partitioning",
    "SubArea": "partitioning",
    "building_head_count": "partitioning",
    "partition": "partitioning",
    "DEFAULT_POLICY": "policy",
    "Policy": "policy",
    "PolicyTimeline": "policy",
    "Weights": "policy",
    "sample_district": "sample",
    "sample_scores": "sample",
    "Scores": "scores",
    "load_scores": "scores",
    "SpaceProgress": "space",
    "required_space_m2": "space",
    "space_progress": "space",
    "Candidate": "staffing",
    "HiringPlan": "staffing",
    "hiring_plan": "staffing",
    "rank_candidates": "staffing",
    "staff_quota": "staffing",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'community_rules' has no attribute {name!r}")
    import importlib

    value = getattr(importlib.import_module(f"community_rules.{module}"), name)
    globals()[name] = value
    return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


__all__ = [
    "DEFAULT_POLICY",
    "SOURCE",
    "Assessment",
    "Budget",
    "Building",
    "BuildingGroup",
    "BuildingHead",
    "Candidate",
    "Clause",
    "Community",
    "CommunityKind",
    "Comparison",
    "District",
    "DocumentError",
    "Education",
    "Error",
    "ExistingSubArea",
    "Explanation",
    "Finding",
    "Grade",
    "HiringPlan",
    "Insurance",
    "Interpretation",
    "InvalidType",
    "InvalidValue",
    "Level",
    "LimitExceeded",
    "Modality",
    "Partition",
    "PaySplit",
    "Policy",
    "PolicyNotSet",
    "PolicyTimeline",
    "Project",
    "PublicRoom",
    "Report",
    "Rule",
    "Scores",
    "SourceDocument",
    "SpaceProgress",
    "StaffMember",
    "Status",
    "SubArea",
    "SubDistrictOffice",
    "UnitResult",
    "UnknownClause",
    "UnknownRule",
    "Weights",
    "Workstation",
    "__version__",
    "allocate",
    "assess",
    "budget",
    "building_head_allowance",
    "building_head_count",
    "check",
    "clause",
    "clauses",
    "compare",
    "composite_score",
    "dump_district",
    "dump_office",
    "dump_policy",
    "duties_of",
    "glossary",
    "grade",
    "hiring_plan",
    "interpretation",
    "interpretations",
    "load_district",
    "load_office",
    "load_policy",
    "load_scores",
    "office_funds_minimum",
    "partition",
    "performance_payout",
    "rank_candidates",
    "required_insurances",
    "required_space_m2",
    "resident_score",
    "responsible_for",
    "rule",
    "rules",
    "sample_district",
    "sample_scores",
    "sensitivity",
    "space_progress",
    "split_pay",
    "staff_quota",
    "welfare_funds_minimum",
]
