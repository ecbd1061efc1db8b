"""Tests of community_rules.parallel: the same report as check(), from many processes."""

from __future__ import annotations

import datetime
import gc
import multiprocessing
import os
import pickle
import time
from collections.abc import Iterator

import attrs
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import community_rules as cr
from community_rules import parallel
from community_rules import strategies as crst
from community_rules.compliance import RULE_MODULES, _community_findings
from community_rules.errors import InvalidType, InvalidValue, WorkerFailed
from community_rules.findings import Finding
from community_rules.model import Building, Community, District, SubDistrictOffice
from community_rules.parallel import (
    FINDING_FIELDS,
    assemble,
    check_as_loaded,
    check_chunk,
    check_parallel,
    chunks,
)
from community_rules.policy import DEFAULT_POLICY, PolicyTimeline


def _district(n: int) -> District:
    """``n`` communities over 3 offices: understaffed, some space unknown, a tower each."""
    offices = []
    for o in range(3):
        communities = []
        for k in range(o, n, 3):
            buildings = [Building(f"B{i}", 40 + (7 * i + k) % 90) for i in range(12)] + [Building("T", 640)]
            communities.append(
                Community(
                    f"C{k}",
                    buildings=buildings,
                    staff=k % 4,
                    office_space_m2=None if k % 5 == 0 else 100 + 10 * k,
                    office_funds=1000 * k,
                )
            )
        offices.append(SubDistrictOffice(f"O{o}", communities))
    return District("D", offices=offices)


DISTRICT = _district(20)


class TestSameReport:
    """check_parallel(subject) == check(subject): the same findings in the same order."""

    @pytest.mark.parametrize("chunk_size", [1, 3, 7, None])
    def test_processes(self, chunk_size: int | None) -> None:
        assert check_parallel(DISTRICT, workers=2, chunk_size=chunk_size) == cr.check(DISTRICT)

    def test_sample_district(self) -> None:
        district = cr.sample_district()
        assert check_parallel(district, workers=2, chunk_size=2) == cr.check(district)

    def test_pickled_chunks(self) -> None:
        # spawn: the workers receive the chunks pickled rather than inherit them.
        report = check_parallel(DISTRICT, workers=2, chunk_size=5, start_method="spawn")
        assert report == cr.check(DISTRICT)

    def test_as_of_and_timeline(self) -> None:
        day = datetime.date(2009, 6, 30)
        timeline = PolicyTimeline.of(
            {"2009-01-01": attrs.evolve(DEFAULT_POLICY, adoption_year=2009), "2010-01-01": DEFAULT_POLICY}
        )
        expected = cr.check(DISTRICT, as_of=day, policy=timeline)
        assert check_parallel(DISTRICT, workers=2, as_of=day, policy=timeline) == expected
        assert expected.policy_effective == datetime.date(2009, 1, 1)

    def test_office(self) -> None:
        office = DISTRICT.offices[1]
        assert check_parallel(office, workers=2, chunk_size=2) == cr.check(office)

    def test_community(self) -> None:
        community = DISTRICT.offices[0].communities[0]
        assert check_parallel(community, workers=2) == cr.check(community)

    def test_empty_district(self) -> None:
        empty = District("D", offices=[SubDistrictOffice("O")])
        assert check_parallel(empty, workers=2) == cr.check(empty)

    @settings(max_examples=25, deadline=None)
    @given(crst.districts(max_communities=4, max_buildings=5), st.integers(1, 4))
    def test_any_district_in_process(self, district: District, size: int) -> None:
        # workers=1 checks the same chunks in this process.
        assert check_parallel(district, workers=1, chunk_size=size) == cr.check(district)


class TestSteps:
    def test_chunks_keep_document_order(self) -> None:
        # 20 communities, 6 to a chunk: 6 + 6 + 6 + 2, office by office.
        parts = chunks(DISTRICT, 6)
        assert [len(p) for p in parts] == [6, 6, 6, 2]
        flat = [(o, c.id) for part in parts for o, c in part]
        assert flat == [(o.id, c.id) for o in DISTRICT.offices for c in o.communities]

    def test_rows_rebuild_findings(self) -> None:
        part = chunks(DISTRICT, 4)[0]
        rows = check_chunk(part)
        report = cr.check(DISTRICT)
        assert [Finding(*row) for row in rows] == list(report.findings[: len(rows)])
        assert tuple(a.name for a in attrs.fields(Finding)) == FINDING_FIELDS

    def test_rows_share_equal_messages(self) -> None:
        # One string object per distinct text, so that rows pickle smaller and the
        # rebuilt findings share their messages.
        rows = check_chunk(chunks(DISTRICT, 20)[0])
        for column in (FINDING_FIELDS.index("message_en"), FINDING_FIELDS.index("message_zh")):
            texts = [row[column] for row in rows]
            assert len({id(t) for t in texts}) == len(set(texts)) < len(texts)
        assert [Finding(*row) for row in rows] == list(cr.check(DISTRICT).findings[: len(rows)])

    def test_rows_are_the_field_values_in_order(self) -> None:
        # check_chunk reads a finding's values from its instance dict, which __init__ fills
        # in field order: true of every finding of every rule module, here and rebuilt.
        findings = cr.check(cr.sample_district()).findings
        rebuilt = pickle.loads(pickle.dumps(findings))
        for finding in (*findings, *rebuilt, attrs.evolve(findings[0], gap=3)):
            assert tuple(finding.__dict__) == FINDING_FIELDS
        assert {f.rule.split(".")[0] for f in findings} >= set(RULE_MODULES)

    @settings(max_examples=40, deadline=None)
    @given(crst.communities())
    def test_rows_equal_astuple(self, community: Community) -> None:
        rows = check_chunk([("O1", community)])
        findings = _community_findings(community, DEFAULT_POLICY, None, "O1")
        assert rows == [attrs.astuple(f, recurse=False) for f in findings]

    def test_rows_pickle(self) -> None:
        rows = check_chunk(chunks(DISTRICT, 2)[0])
        assert pickle.loads(pickle.dumps(rows)) == rows

    def test_assemble_adds_district_findings(self) -> None:
        rows = [check_chunk(part) for part in chunks(DISTRICT, 8)]
        report = assemble(DISTRICT, rows)
        assert report == cr.check(DISTRICT)
        assert report.select(rule="space.target")

    def test_communities_pickle(self) -> None:
        # Frozen attrs classes round-trip through pickle (what spawned workers receive).
        district = cr.sample_district()
        assert pickle.loads(pickle.dumps(district)) == district


def _slow_inherited_chunk(index: int) -> list[tuple[object, ...]]:
    # Run by the forked worker (pickled by name): the pool takes 0.2 s a chunk.
    time.sleep(0.2)
    return _INHERITED_CHUNK(index)


_INHERITED_CHUNK = parallel._inherited_chunk


class TestThisProcessWorksToo:
    """With ``workers=2`` one process is started; this one checks the chunks it has not begun."""

    def test_a_slow_pool_leaves_chunks_to_this_process(self, monkeypatch: pytest.MonkeyPatch) -> None:
        checked_here: list[int] = []
        check_here = parallel._check_here

        def counted(
            part: list[tuple[str, Community]], policy: cr.Policy, day: datetime.date | None
        ) -> list[Finding]:
            checked_here.append(len(part))
            return check_here(part, policy, day)

        monkeypatch.setattr(parallel, "_check_here", counted)
        monkeypatch.setattr(parallel, "_inherited_chunk", _slow_inherited_chunk)
        report = check_parallel(DISTRICT, workers=2, chunk_size=2, start_method="fork")
        assert report == cr.check(DISTRICT)
        # 10 chunks: while the pool's first chunk sleeps, this process takes the last ones
        # (how many depends on how soon the pool starts: at least one).
        assert checked_here
        assert set(checked_here) == {2}

    def test_one_chunk_is_checked_here(self, monkeypatch: pytest.MonkeyPatch) -> None:
        def no_pool(*args: object) -> None:
            raise AssertionError("no pool for a single chunk")

        monkeypatch.setattr(parallel, "_run_pool", no_pool)
        assert check_parallel(DISTRICT, workers=2, chunk_size=20) == cr.check(DISTRICT)


class TestProgressAndState:
    def test_progress(self) -> None:
        calls: list[tuple[int, int]] = []
        check_parallel(
            DISTRICT, workers=2, chunk_size=6, progress=lambda done, total: calls.append((done, total))
        )
        assert calls == [(6, 20), (12, 20), (18, 20), (20, 20)]

    def test_progress_in_process(self) -> None:
        calls: list[tuple[int, int]] = []
        check_parallel(
            DISTRICT, workers=1, chunk_size=15, progress=lambda done, total: calls.append((done, total))
        )
        assert calls == [(15, 20), (20, 20)]

    @pytest.mark.parametrize("workers", [1, 2])
    def test_collector_is_restored(self, workers: int) -> None:
        # The collector is paused (and the existing objects frozen) during the check, then restored.
        before = gc.get_freeze_count()
        assert gc.isenabled()
        check_parallel(DISTRICT, workers=workers, chunk_size=5)
        assert gc.get_freeze_count() == before
        assert gc.isenabled()
        gc.disable()
        try:
            check_parallel(DISTRICT, workers=workers, chunk_size=5)
            assert not gc.isenabled()
        finally:
            gc.enable()


class TestBadInput:
    @pytest.mark.parametrize("workers", [0, -1])
    def test_workers(self, workers: int) -> None:
        with pytest.raises(InvalidValue, match="workers"):
            check_parallel(DISTRICT, workers=workers)

    def test_workers_type(self) -> None:
        with pytest.raises(InvalidType, match="workers"):
            check_parallel(DISTRICT, workers=True)

    def test_chunk_size(self) -> None:
        with pytest.raises(InvalidValue, match="chunk_size"):
            check_parallel(DISTRICT, chunk_size=0)
        with pytest.raises(InvalidValue, match="chunk_size"):
            chunks(DISTRICT, 0)

    def test_start_method(self) -> None:
        with pytest.raises(InvalidValue, match="start_method"):
            check_parallel(DISTRICT, start_method="teleport")

    def test_subject(self) -> None:
        with pytest.raises(InvalidType, match="subject"):
            check_parallel("D")  # type: ignore[arg-type]

    def test_progress(self) -> None:
        with pytest.raises(InvalidType, match="progress"):
            check_parallel(DISTRICT, progress="print")  # type: ignore[arg-type]

    @pytest.mark.parametrize("chunk", ["C1", [("O", "C1")], [("O",)], 5])
    def test_chunk(self, chunk: object) -> None:
        with pytest.raises(InvalidType, match="chunk"):
            check_chunk(chunk)  # type: ignore[arg-type]

    def test_chunk_policy(self) -> None:
        with pytest.raises(InvalidType, match="policy"):
            check_chunk([], policy=None)  # type: ignore[arg-type]

    @pytest.mark.parametrize("rows", [None, [None], [[("too", "short")]]])
    def test_rows(self, rows: object) -> None:
        with pytest.raises(InvalidType, match="rows"):
            assemble(DISTRICT, rows)  # type: ignore[arg-type]

    def test_as_of(self) -> None:
        with pytest.raises(InvalidType, match="as_of"):
            check_parallel(DISTRICT, as_of="2024-01-01")  # type: ignore[arg-type]


def _as_district(offices: tuple[SubDistrictOffice, ...]) -> District:
    return District("D", offices=offices)


def _exit_at_once(*args: object) -> None:
    # Run by a forked batch: the process ends without sending anything.
    os._exit(3)


class TestCheckAsLoaded:
    """check_as_loaded: the district the offices make, and the report check() gives of it.

    ``start_method="fork"``: by default a process running other threads (as the
    suite may, after the Dask tests) loads first and checks after, without batches.
    """

    # Few forks per test: on this shared machine a fork of the test process now and
    # then waits seconds for the kernel (the suite once spent 600 s in one test).
    @pytest.mark.parametrize("smallest", [2, 100])
    def test_same_district_and_report(self, monkeypatch: pytest.MonkeyPatch, smallest: int) -> None:
        # Batches of at least `smallest` communities (7, 7 and 6 in the three offices):
        # 2 forks a batch per office, 100 none (this process checks all 20 at the end).
        monkeypatch.setattr(parallel, "_BATCH_MIN", smallest)
        started: list[int] = []
        batch = parallel._Batch

        def counted(context: object, position: int, pairs: list[object], *args: object) -> object:
            started.append(len(pairs))
            return batch(context, position, pairs, *args)  # type: ignore[arg-type]

        monkeypatch.setattr(parallel, "_Batch", counted)
        district, report = check_as_loaded(
            iter(DISTRICT.offices), _as_district, workers=2, start_method="fork"
        )
        assert district == DISTRICT
        assert report == cr.check(DISTRICT)
        assert sum(started) <= 20
        if smallest == 100:
            assert started == []
        else:
            assert started

    def test_rest_shared_at_the_end(self, monkeypatch: pytest.MonkeyPatch) -> None:
        # When loading ends with 20 communities waiting and no batch running, a forked
        # process takes the first 10 and this one checks the last 10.
        monkeypatch.setattr(parallel, "_BATCH_MIN", 5)
        started: list[list[str]] = []
        batch = parallel._Batch

        def counted(
            context: object, position: int, pairs: list[tuple[str, Community]], *args: object
        ) -> object:
            started.append([c.id for _, c in pairs])
            return batch(context, position, pairs, *args)  # type: ignore[arg-type]

        monkeypatch.setattr(parallel, "_Batch", counted)
        overlap = parallel._Overlap(DEFAULT_POLICY, None, 1)
        pairs = [(o.id, c) for o in DISTRICT.offices for c in o.communities]
        overlap.pending = list(pairs)
        findings = overlap.finish()
        # (The forked process is still busy when this one checks the other 10 in one step.)
        assert started[0] == [c.id for _, c in pairs[:10]]
        # The community findings of check(), which come before the district-wide ones.
        everything = cr.check(DISTRICT).findings
        assert findings == list(everything[: len(findings)])
        assert {f.community for f in everything[len(findings) :]} == {None}

    def test_small_batches_and_steps(self, monkeypatch: pytest.MonkeyPatch) -> None:
        # Batches of at most 5 in two processes, this one checking the rest 2 at a time from the back:
        # however the two meet, every community is checked once, in order.
        monkeypatch.setattr(parallel, "_BATCH_MIN", 1)
        monkeypatch.setattr(parallel, "_BATCH_MAX", 5)
        monkeypatch.setattr(parallel, "_TAIL", 2)
        _, report = check_as_loaded(iter(DISTRICT.offices), _as_district, workers=3, start_method="fork")
        assert report == cr.check(DISTRICT)

    def test_as_of_and_timeline(self) -> None:
        day = datetime.date(2009, 6, 30)
        timeline = PolicyTimeline.of(
            {"2009-01-01": attrs.evolve(DEFAULT_POLICY, adoption_year=2009), "2010-01-01": DEFAULT_POLICY}
        )
        _, report = check_as_loaded(
            DISTRICT.offices, _as_district, workers=2, start_method="fork", as_of=day, policy=timeline
        )
        assert report == cr.check(DISTRICT, as_of=day, policy=timeline)
        assert report.policy_effective == datetime.date(2009, 1, 1)

    @pytest.mark.parametrize(("workers", "method"), [(1, None), (2, "spawn")])
    def test_loaded_first_then_checked(self, workers: int, method: str | None) -> None:
        # One worker, or no fork: the offices are loaded, then check_parallel checks them.
        district, report = check_as_loaded(
            iter(DISTRICT.offices), _as_district, workers=workers, start_method=method
        )
        assert district == DISTRICT
        assert report == cr.check(DISTRICT)

    def test_sample_district(self) -> None:
        sample = cr.sample_district()
        district, report = check_as_loaded(
            sample.offices,
            lambda offices: attrs.evolve(sample, offices=offices),
            workers=2,
            start_method="fork",
        )
        assert district == sample
        assert report == cr.check(sample)

    def test_no_offices(self) -> None:
        district, report = check_as_loaded([], _as_district, workers=2, start_method="fork")
        assert district == District("D")
        assert report == cr.check(District("D"))

    def test_collector_is_restored(self) -> None:
        before = gc.get_freeze_count()
        check_as_loaded(DISTRICT.offices, _as_district, workers=2, start_method="fork")
        assert gc.get_freeze_count() == before
        assert gc.isenabled()


class TestCheckAsLoadedFailures:
    def test_not_an_office(self) -> None:
        with pytest.raises(InvalidType, match=r"offices\[1\]") as caught:
            check_as_loaded([DISTRICT.offices[0], "O2"], _as_district, workers=2, start_method="fork")
        assert caught.value.value == "O2"
        assert multiprocessing.active_children() == []

    def test_offices_type(self) -> None:
        with pytest.raises(InvalidType, match="offices"):
            check_as_loaded("O1", _as_district)  # type: ignore[arg-type]

    def test_district_not_callable(self) -> None:
        with pytest.raises(InvalidType, match="district"):
            check_as_loaded(DISTRICT.offices, DISTRICT)  # type: ignore[arg-type]

    def test_district_not_made(self) -> None:
        with pytest.raises(InvalidType, match="returned a tuple"):
            check_as_loaded(DISTRICT.offices, lambda offices: offices, workers=2, start_method="fork")  # type: ignore[arg-type,return-value]

    def test_district_that_fails(self) -> None:
        # The library's errors pass through; any other is reported as a bad `district`.
        again = SubDistrictOffice("O9", DISTRICT.offices[0].communities)
        with pytest.raises(InvalidValue, match="duplicate community id") as caught:
            check_as_loaded([DISTRICT.offices[0], again], _as_district, workers=2, start_method="fork")
        assert caught.value.path == "offices[1].communities[0].id"
        with pytest.raises(InvalidValue, match="raised TypeError when given the offices") as failed:
            check_as_loaded(DISTRICT.offices, int, workers=2, start_method="fork")  # type: ignore[arg-type]
        assert failed.value.path == "district"
        assert isinstance(failed.value.__cause__, TypeError)
        assert multiprocessing.active_children() == []

    @pytest.mark.parametrize("workers", [1, 2])
    def test_district_of_other_offices(self, workers: int) -> None:
        # Equal is not enough: the district must hold the very offices loaded, in order.
        reordered = lambda offices: District("D", offices=offices[::-1])  # noqa: E731
        with pytest.raises(InvalidValue, match="does not keep the loaded offices"):
            check_as_loaded(DISTRICT.offices, reordered, workers=workers)
        rebuilt = lambda offices: District("D", offices=[attrs.evolve(o) for o in offices])  # noqa: E731
        with pytest.raises(InvalidValue, match="does not keep the loaded offices"):
            check_as_loaded(DISTRICT.offices, rebuilt, workers=workers)
        assert multiprocessing.active_children() == []

    def test_loading_fails_midway(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(parallel, "_BATCH_MIN", 1)

        def offices() -> Iterator[SubDistrictOffice]:
            yield DISTRICT.offices[0]
            yield DISTRICT.offices[1]
            raise InvalidValue("offices[2]", "O2", "could not be read", "无法读取")

        with pytest.raises(InvalidValue, match="could not be read"):
            check_as_loaded(offices(), _as_district, workers=2, start_method="fork")
        assert multiprocessing.active_children() == []

    def test_an_error_in_a_batch_is_raised_here(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(parallel, "_BATCH_MIN", 1)

        def failing(*args: object, **kw: object) -> list[tuple[object, ...]]:
            raise InvalidValue("policy", "x", "broke in the batch", "在批次中出错")

        monkeypatch.setattr(parallel, "check_chunk", failing)
        with pytest.raises(InvalidValue, match="broke in the batch"):
            check_as_loaded(DISTRICT.offices, _as_district, workers=2, start_method="fork")
        assert multiprocessing.active_children() == []

    def test_a_batch_that_dies(self, monkeypatch: pytest.MonkeyPatch) -> None:
        monkeypatch.setattr(parallel, "_BATCH_MIN", 1)
        monkeypatch.setattr(parallel, "_check_batch", _exit_at_once)
        with pytest.raises(WorkerFailed, match="exit code") as caught:
            check_as_loaded(DISTRICT.offices, _as_district, workers=2, start_method="fork")
        assert caught.value.value == 3
        assert isinstance(caught.value, RuntimeError)
        assert multiprocessing.active_children() == []

    def test_workers(self) -> None:
        with pytest.raises(InvalidValue, match="workers"):
            check_as_loaded(DISTRICT.offices, _as_district, workers=0)

    @pytest.mark.parametrize("workers", [1, 2])
    def test_as_of_refused_before_loading(self, workers: int) -> None:
        def offices() -> Iterator[SubDistrictOffice]:
            raise AssertionError("nothing is loaded for a bad as_of")
            yield  # pragma: no cover

        with pytest.raises(InvalidType, match="as_of"):
            check_as_loaded(offices(), _as_district, workers=workers, as_of="2024-01-01")  # type: ignore[arg-type]
