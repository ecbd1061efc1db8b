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

from .model import District

__all__ = ["sample_district", "sample_text"]


def sample_text() -> str:
    """The sample district document, as TOML text."""
    return (
        resources.files("community_rules")
        .joinpath("data")
        .joinpath("sample_district.toml")
        .read_text(encoding="utf-8")
    )


@functools.lru_cache(maxsize=1)
def sample_district() -> District:
    """The embedded example district (immutable, so the same object is returned each time)."""
    from .documents import load_district

    return load_district(sample_text().encode("utf-8"))
