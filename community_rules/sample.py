"""The embedded sample district (``data/sample_district.toml``).

A made-up district of three sub-district offices (街道办事处) and nine
communities that exercises every rule: old-town and new communities, gated
compounds (封闭小区), an oversized tower block, understaffed and underfunded
communities, existing sub-area plans that depart from clause 2.2.1, and
unknown fields.

>>> d = sample_district()
>>> [o.id for o in d.offices]
['dongshan', 'xincheng', 'nanhu']
>>> d.community("dongshan-1").households
980
"""

from __future__ import annotations

import functools
from importlib import resources
from typing import TYPE_CHECKING

from .model import District

__all__ = ["sample_district", "sample_scores", "sample_text"]

if TYPE_CHECKING:  # pragma: no cover
    from .scores import Scores


def _data(name: str) -> str:
    return resources.files("community_rules").joinpath("data").joinpath(name).read_text(encoding="utf-8")


def sample_text() -> str:
    """The sample district document, as TOML text."""
    return _data("sample_district.toml")


@functools.lru_cache(maxsize=1)
def sample_district() -> District:
    """The embedded example district (immutable, so the same object is returned each time)."""
    from .documents import load_district

    return load_district(sample_text().encode("utf-8"))


@functools.lru_cache(maxsize=1)
def sample_scores() -> Scores:
    """A year's (2025) assessment scores for the sample district (clause 4.3).

    Every level of the three-tier assessment is there: departments, the three
    sub-district offices with their residents' ballots, four communities (one
    of them the SPEC §6 example, 79.60), a sub-area head and two building
    heads, and the assessment plans filed — one of them with the wrong office.

    >>> import community_rules as cr
    >>> result = cr.assess(sample_district(), sample_scores())
    >>> [(u.id, str(u.composite)) for u in result.units if u.id == "dongshan-1"]
    [('dongshan-1', '79.60')]
    """
    from .scores import load_scores

    return load_scores(_data("sample_scores.toml").encode("utf-8"))
