"""Teach Hypothesis the library's types (the ``hypothesis`` entry point).

Hypothesis runs every function registered under the ``hypothesis`` entry-point
group when it is imported (hypothesis ``docs/extensions.rst``); this package
registers :func:`_register` there (``pyproject.toml``)::

    [project.entry-points.hypothesis]
    _ = "community_rules._hypothesis_plugin:_register"

so that, with Hypothesis installed, ``st.from_type(cr.Community)`` draws from
:func:`community_rules.strategies.communities`, and ``st.builds(f)`` fills in
arguments annotated with the library's types. Without the entry point (a
source checkout, or ``HYPOTHESIS_NO_PLUGINS`` set) call ``_register()``
yourself. ``import community_rules`` never imports this module, nor
Hypothesis.
"""

from __future__ import annotations

from typing import Any

__all__: list[str] = []


def _register() -> None:
    """Register a strategy for each public data type of the library (idempotent)."""
    from hypothesis import strategies as st

    from . import model, policy
    from . import strategies as crst

    # Callables, so that nothing is built until a type is first asked for.
    table: dict[type[Any], Any] = {
        model.Building: lambda _: crst.buildings(),
        model.Community: lambda _: crst.communities(),
        model.District: lambda _: crst.districts(),
        model.StaffMember: lambda _: crst.staff_members(),
        model.Workstation: lambda _: crst.workstations(),
        model.BuildingHead: lambda _: crst.building_heads(),
        model.ExistingSubArea: lambda _: crst.existing_sub_areas(),
        model.SubDistrictOffice: lambda _: crst.sub_district_offices(),
        model.PublicRoom: lambda _: crst.public_rooms(),
        model.Project: lambda _: crst.projects(),
        policy.Policy: lambda _: crst.policies(),
        policy.Weights: lambda _: crst.weights(),
    }
    for cls, strategy in table.items():
        st.register_type_strategy(cls, strategy)
