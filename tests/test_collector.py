"""The collector is paused while a district is loaded or checked, and restored afterwards."""

from __future__ import annotations

import gc
from collections.abc import Iterator

import pytest

import community_rules as cr
from community_rules._collector import paused


@pytest.fixture
def collector_on() -> Iterator[None]:
    was = gc.isenabled()
    gc.enable()
    yield
    if was:
        gc.enable()
    else:
        gc.disable()


@pytest.mark.usefixtures("collector_on")
class TestPaused:
    def test_paused_within_and_restored_after(self) -> None:
        with paused():
            assert not gc.isenabled()
            assert gc.get_freeze_count() > 0
        assert gc.isenabled()
        assert gc.get_freeze_count() == 0

    def test_restored_after_an_error(self) -> None:
        with pytest.raises(ZeroDivisionError), paused():
            _ = 1 / 0
        assert gc.isenabled()
        assert gc.get_freeze_count() == 0

    def test_objects_made_meanwhile_are_not_left_young(self) -> None:
        # They join the oldest generation, so the next collection of the young ones
        # does not scan them all (for a nation: millions of objects, 8 s).
        with paused():
            made = [[i] for i in range(1000)]
        young = {id(o) for o in gc.get_objects(generation=0)} | {id(o) for o in gc.get_objects(generation=1)}
        assert not any(id(o) in young for o in made)
        oldest = {id(o) for o in gc.get_objects(generation=2)}
        assert all(id(o) in oldest for o in made)

    def test_cycles_made_meanwhile_are_still_collected(self) -> None:
        with paused():
            cycle: list[object] = []
            cycle.append(cycle)
        del cycle
        assert gc.collect() >= 1

    def test_a_disabled_collector_stays_disabled(self) -> None:
        gc.disable()
        with paused():
            pass
        assert not gc.isenabled()

    def test_a_callers_freeze_is_left_alone(self) -> None:
        gc.freeze()
        try:
            frozen = gc.get_freeze_count()
            with paused():
                pass
            assert gc.get_freeze_count() == frozen
        finally:
            gc.unfreeze()

    def test_check_of_a_district_runs_with_the_collector_paused(self) -> None:
        seen: list[bool] = []
        cr.check(cr.sample_district(), progress=lambda done, total: seen.append(gc.isenabled()))
        assert len(seen) == 9  # the sample's nine communities
        assert not any(seen)
        assert gc.isenabled()

    def test_loading_restores_the_collector_after_a_bad_document(self) -> None:
        with pytest.raises(cr.Error):
            cr.load_district({"id": "D", "offices": [{"id": "O", "communities": [{"id": ""}]}]})
        assert gc.isenabled()
        assert gc.get_freeze_count() == 0
        assert cr.load_district(cr.dump_district(cr.sample_district())) == cr.sample_district()
        assert gc.isenabled()
