"""community_rules: the district's guiding opinion on urban community construction as code.

关于进一步加强城市社区建设的指导意见 — exact, explainable, tested rules.

The stable API (SPEC §3) is importable from here; see ``__all__``. Everything
else lives in modules named after what they rule on.
"""

from __future__ import annotations

from importlib.metadata import PackageNotFoundError, version

from .clauses import SOURCE, Clause, SourceDocument, clause, clauses, glossary
from .documents import dump_district, dump_policy, load_district, load_policy
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
from .findings import Finding, Rule
from .interpretations import Interpretation, interpretation, interpretations
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
from .policy import DEFAULT_POLICY, Policy, PolicyTimeline, Weights
from .sample import sample_district

try:
    __version__ = version("community_rules")
except PackageNotFoundError:  # pragma: no cover - running from a source tree
    __version__ = "0+unknown"

__all__ = [
    "DEFAULT_POLICY",
    "SOURCE",
    "Building",
    "BuildingHead",
    "Clause",
    "Community",
    "CommunityKind",
    "District",
    "DocumentError",
    "Education",
    "Error",
    "ExistingSubArea",
    "Finding",
    "Grade",
    "Insurance",
    "Interpretation",
    "InvalidType",
    "InvalidValue",
    "Level",
    "LimitExceeded",
    "Modality",
    "Policy",
    "PolicyNotSet",
    "PolicyTimeline",
    "Project",
    "PublicRoom",
    "Rule",
    "SourceDocument",
    "StaffMember",
    "Status",
    "SubDistrictOffice",
    "UnknownClause",
    "UnknownRule",
    "Weights",
    "Workstation",
    "__version__",
    "allocate",
    "clause",
    "clauses",
    "dump_district",
    "dump_policy",
    "glossary",
    "interpretation",
    "interpretations",
    "load_district",
    "load_policy",
    "sample_district",
]
